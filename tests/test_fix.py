"""Safe fixes: --fix rewrites prose in place (atomically, idempotently), --diff only shows it."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import stat
import subprocess

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.fixes import apply_fixes, fix_until_stable, unified_diff, write_atomic
from lint.model import Finding, Fix

# A thyroid page with two safe fixes in its prose (a doubled word, a garbled idiom), the
# same slips inside front matter, a code block and inline code (never touched), and a
# promotional claim that needs an editor's judgement (never rewritten).
THYROID_MD = """---
title: the the thyroid page
summary: when opposed to open surgery
---
# Thyroidectomy

Keep the the dressing dry for two days. Swelling is usually mild (when opposed to open surgery).

```
the the fenced code
```

Type `the the` into the search box. Our revolutionary thyroidectomy has a quick recovery.
"""
THYROID_FIXED = THYROID_MD.replace(
    "Keep the the dressing dry for two days. Swelling is usually mild (when opposed to open surgery).",
    "Keep the dressing dry for two days. Swelling is usually mild (as opposed to open surgery).",
)


def _finding(start, end, text, fix, code="GRM002"):
    return Finding(code=code, name="n", category="grammar", severity="warning", message="m", start=start, end=end,
                   text=text, line=1, column=start + 1, end_line=1, end_column=end + 1, fix=Fix(fix) if fix else None)


@pytest.fixture()
def runner():
    return CliRunner()


def run(runner, *args, input=None):
    return runner.invoke(main, ["check", "--no-cache", "-j", "1", *args], input=input, catch_exceptions=False)


# -- applying fixes --------------------------------------------------------------------------
def test_apply_fixes_replaces_spans_and_counts():
    source = "Keep the the wound dry, the the end."
    findings = [_finding(5, 12, "the the", "the"), _finding(24, 31, "the the", "the")]
    assert apply_fixes(source, findings) == ("Keep the wound dry, the end.", 2)


def test_overlapping_fixes_first_wins_and_stale_spans_are_skipped():
    source = "the the the prostate"
    overlapping = [_finding(4, 11, "the the", "the"), _finding(0, 7, "the the", "the")]
    assert apply_fixes(source, overlapping) == ("the the prostate", 1)
    stale = [_finding(0, 7, "a a a a", "a")]  # the file changed since it was linted
    assert apply_fixes(source, stale) == (source, 0)
    no_fix = [_finding(0, 7, "the the", None)]
    assert apply_fixes(source, no_fix) == (source, 0)


def test_fix_until_stable_relints_until_nothing_applies():
    import re

    def lint(text):  # a stand-in linter: every doubled "the" is a fixable finding
        return [_finding(m.start(), m.end(), m.group(), "the") for m in re.finditer(r"\bthe the\b", text)]

    fixed, count, remaining = fix_until_stable("the the the the varicose vein", lint)
    assert fixed == "the varicose vein" and count == 3 and remaining == []


def test_fix_until_stable_stops_when_rules_undo_each_other():
    def lint(text):  # two rules that swap a word back and forth: must not loop for ever
        if text.startswith("sack"):
            return [_finding(0, 4, "sack", "sac")]
        return [_finding(0, 3, "sac", "sack")]

    fixed, count, _ = fix_until_stable("sac of the hernia", lint)
    assert count == 8 and fixed == "sac of the hernia"


def test_unified_diff_has_file_headers_and_notes_a_missing_final_newline():
    diff = unified_diff("pages/acl.md", "one\ntwo", "one\nthree")
    assert diff.splitlines() == ["--- a/pages/acl.md", "+++ b/pages/acl.md", "@@ -1,2 +1,2 @@", " one", "-two",
                                 "\\ No newline at end of file", "+three", "\\ No newline at end of file"]
    assert unified_diff("x.md", "same\n", "same\n") == ""


def test_write_atomic_keeps_mode_bom_and_symlink(tmp_path):
    page = tmp_path / "bariatric.md"
    page.write_bytes(codecs.BOM_UTF8 + b"old\r\n")
    os.chmod(page, 0o640)
    link = tmp_path / "link.md"
    link.symlink_to(page)
    write_atomic(str(link), "new\r\n", bom=True)
    assert link.is_symlink()
    assert page.read_bytes() == codecs.BOM_UTF8 + b"new\r\n"
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".medlint-")] == []


# -- the command line -----------------------------------------------------------------------
def test_fix_rewrites_prose_only_and_is_idempotent(runner, tmp_path):
    page = tmp_path / "thyroidectomy.md"
    page.write_text(THYROID_MD, encoding="utf-8")
    os.chmod(page, 0o604)
    first = run(runner, "--fix", "--format", "json", str(page))
    assert page.read_text(encoding="utf-8") == THYROID_FIXED
    assert stat.S_IMODE(page.stat().st_mode) == 0o604
    assert "fixed 2 problems in 1 file" in first.stderr
    # what remains is reported, and sets the exit code: the hype word needs an editor
    assert '"code": "PRM001"' in first.stdout and '"GRM00' not in first.stdout
    assert first.exit_code == 1
    second = run(runner, "--fix", "--format", "json", str(page))
    assert page.read_text(encoding="utf-8") == THYROID_FIXED  # twice == once
    assert "fixed" not in second.stderr and second.stdout == first.stdout


def test_fix_exit_code_is_zero_when_only_fixable_findings_were_there(runner, tmp_path):
    page = tmp_path / "prostate.txt"
    page.write_text("After a prostate biopsy, drink plenty of of water for two days.\n", encoding="utf-8")
    assert run(runner, str(page)).exit_code == 1
    result = run(runner, "--fix", str(page))
    assert result.exit_code == 0, result.output
    assert page.read_text(encoding="utf-8") == "After a prostate biopsy, drink plenty of water for two days.\n"


def test_diff_shows_the_fixes_and_writes_nothing(runner, tmp_path):
    page = tmp_path / "thyroidectomy.md"
    page.write_text(THYROID_MD, encoding="utf-8")
    result = run(runner, "--diff", str(page))
    assert result.exit_code == 1  # there are fixes to apply
    assert page.read_text(encoding="utf-8") == THYROID_MD
    assert result.stdout == unified_diff(str(page), THYROID_MD, THYROID_FIXED)
    assert "-Keep the the dressing" in result.stdout and "+Keep the dressing" in result.stdout
    page.write_text(THYROID_FIXED, encoding="utf-8")
    clean = run(runner, "--diff", str(page))
    assert clean.exit_code == 0 and clean.stdout == ""


def test_markup_inside_a_span_keeps_the_fix_a_suggestion(runner, tmp_path):
    page = tmp_path / "acl.html"
    source = ("<h1>ACL reconstruction</h1>\n<p>Rest &amp; keep the the knee raised.</p>\n"
              "<p>Keep the <b>the</b> brace on at night.</p>\n")
    page.write_text(source, encoding="utf-8")
    result = run(runner, "--fix", "--format", "json", "--select", "GRM002", str(page))
    fixed = source.replace("keep the the knee", "keep the knee")
    assert page.read_text(encoding="utf-8") == fixed  # the plain span is fixed, the one around <b> is not
    assert '"text": "the <b>the"' in result.stdout and result.exit_code == 1


def test_fix_keeps_a_byte_order_mark_and_crlf(runner, tmp_path):
    page = tmp_path / "varicose-veins.txt"
    page.write_bytes(codecs.BOM_UTF8 + b"Varicose veins\r\n\r\nWear the the stockings for a week.\r\n")
    run(runner, "--fix", str(page))
    assert page.read_bytes() == codecs.BOM_UTF8 + b"Varicose veins\r\n\r\nWear the stockings for a week.\r\n"


def test_diff_of_a_file_with_a_byte_order_mark_and_crlf_applies(runner, tmp_path):
    # decoding drops the mark; the diff must put it back on the first line of both sides,
    # or its old line is not the file's and patch rejects the hunk
    original = codecs.BOM_UTF8 + b"Wear the the stockings for a week.\r\nVaricose veins\r\n"
    page = tmp_path / "varicose-veins.txt"
    page.write_bytes(original)
    result = run(runner, "--diff", str(page))
    assert result.exit_code == 1 and page.read_bytes() == original
    diff = result.stdout_bytes.decode("utf-8")  # click's .stdout turns CRLF into LF
    removed = [line for line in diff.split("\n") if line.startswith("-") and not line.startswith("---")]
    assert removed == ["-\ufeffWear the the stockings for a week.\r"]
    assert "+\ufeffWear the stockings for a week.\r\n" in diff
    fixed = tmp_path / "fixed.txt"
    fixed.write_bytes(original)
    run(runner, "--fix", str(fixed))
    assert fixed.read_bytes() == codecs.BOM_UTF8 + b"Wear the stockings for a week.\r\nVaricose veins\r\n"
    patch = shutil.which("patch")
    if patch is None:
        return
    diff_file = tmp_path / "fixes.diff"
    diff_file.write_bytes(result.stdout_bytes)
    applied = subprocess.run([patch, "--batch", "--forward", str(page), str(diff_file)], capture_output=True, text=True)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert page.read_bytes() == fixed.read_bytes()  # the patched file is what --fix writes
    assert page.read_bytes().startswith(codecs.BOM_UTF8) and b"\r\n" in page.read_bytes()


def test_unified_diff_breaks_lines_only_at_newlines():
    # a form feed or U+2028 is inside a line for patch; splitting there marked
    # "No newline at end of file" in the middle of the file
    before = "One\u2028two.\x0cthree.\rfour\nKeep the the dressing dry.\n"
    diff = unified_diff("x.txt", before, before.replace("the the", "the"), bom=True)
    assert "No newline" not in diff
    assert diff.split("\n")[2:] == [
        "@@ -1,2 +1,2 @@", " \ufeffOne\u2028two.\x0cthree.\rfour", "-Keep the the dressing dry.", "+Keep the dressing dry.", "",
    ]


# -- a page on standard input ----------------------------------------------------------------
KNEE_MD = "# Knee replacement\n\nRest the the knee. Our revolutionary knee replacement.\n"
KNEE_FIXED = "# Knee replacement\n\nRest the knee. Our revolutionary knee replacement.\n"


def test_fix_of_standard_input_prints_the_fixed_page_and_reports_on_stderr(runner):
    result = run(runner, "--fix", "--select", "GRM002,PRM001", "--stdin-filename", "knee.md", "-", input=KNEE_MD)
    assert result.exit_code == 1  # PRM001 (a warning, the default fail level) remains: a hype word needs an editor
    assert result.stdout == KNEE_FIXED
    # the report is of the fixed page, the one on stdout: its line and column point into it
    assert result.stderr.splitlines()[0].startswith("knee.md:3:20: PRM001 'revolutionary' is promotional hype")
    assert result.stderr.splitlines()[1] == "3 | Rest the knee. Our revolutionary knee replacement."
    assert result.stderr.splitlines()[-2:] == ["Found 1 problem (1 warning) in 1 of 1 file.",
                                              "medlint: fixed 1 problem in 1 file"]


def test_fix_of_standard_input_with_nothing_to_fix_gives_the_page_back_as_it_came(runner):
    result = run(runner, "--fix", "--select", "GRM002", "-", input="Rest the knee.\n")
    assert result.exit_code == 0
    assert result.stdout == "Rest the knee.\n"
    assert result.stderr == "All clear: 1 file checked, no problems found.\n"
    clean_but_fixed = run(runner, "--fix", "--select", "GRM002", "-", input="Rest the the knee.")
    assert (clean_but_fixed.exit_code, clean_but_fixed.stdout) == (0, "Rest the knee.")  # no newline added
    assert clean_but_fixed.stderr == ("All clear: 1 file checked, no problems found.\n"
                                      "medlint: fixed 1 problem in 1 file\n")


def test_fix_of_standard_input_keeps_its_bytes_byte_order_mark_and_line_endings(runner):
    page = codecs.BOM_UTF8 + "Rest the the knee.\r\nKeep it dry \u2013 really.\r\n".encode("utf-8")
    result = run(runner, "--fix", "--select", "GRM002", "-", input=page)
    assert result.stdout_bytes == codecs.BOM_UTF8 + "Rest the knee.\r\nKeep it dry \u2013 really.\r\n".encode("utf-8")
    untouched = run(runner, "--fix", "--select", "GRM002", "-", input=page.replace(b"the the", b"the"))
    assert untouched.stdout_bytes == page.replace(b"the the", b"the")


def test_fix_of_unreadable_standard_input_gives_it_back_and_exits_2(runner):
    page = b"Rest the the knee.\x00\x01"
    result = run(runner, "--fix", "--stdin-filename", "knee.md", "-", input=page)
    assert result.exit_code == 2
    assert result.stdout_bytes == page  # an editor that replaced its buffer with stdout loses nothing
    assert result.stderr == ("No file checked: 1 file could not be read.\n"
                             "medlint: knee.md: error: binary file (contains NUL bytes)\n")


def test_fix_of_standard_input_with_a_json_report(runner, tmp_path):
    args = ["--fix", "--format", "json", "--select", "GRM002,PRM001", "--stdin-filename", "knee.md", "-"]
    result = run(runner, *args, input=KNEE_MD)
    assert result.exit_code == 1 and result.stdout == KNEE_FIXED
    # stderr is the report alone (the "fixed" note would make it unreadable as JSON)...
    report = json.loads(result.stderr)
    assert [(f["code"], f["line"], f["column"]) for f in report["files"][0]["findings"]] == [("PRM001", 3, 20)]
    # ... or, with --output, the report goes to the file and the note to stderr
    out = tmp_path / "report.json"
    result = run(runner, *args, "--output", str(out), input=KNEE_MD)
    assert result.exit_code == 1 and result.stdout == KNEE_FIXED
    assert result.stderr == "medlint: fixed 1 problem in 1 file\n"
    assert json.loads(out.read_text(encoding="utf-8")) == report


def test_fix_of_standard_input_quiet_prints_only_the_summary(runner):
    result = run(runner, "--fix", "--quiet", "--select", "GRM002,PRM001", "-", input=KNEE_MD)
    assert result.exit_code == 1 and result.stdout == KNEE_FIXED
    assert result.stderr == "Found 1 problem (1 warning) in 1 of 1 file.\nmedlint: fixed 1 problem in 1 file\n"


def test_fix_of_standard_input_and_files_fixes_the_files_in_place(runner, tmp_path):
    page = tmp_path / "hip.md"
    page.write_text("Rest the the hip.\n", encoding="utf-8")
    result = run(runner, "--fix", "--select", "GRM002", str(page), "-", input="Rest the the knee.\n")
    assert result.exit_code == 0
    assert result.stdout == "Rest the knee.\n"  # standard output is the stdin page only
    assert page.read_text(encoding="utf-8") == "Rest the hip.\n"
    assert result.stderr == "All clear: 2 files checked, no problems found.\nmedlint: fixed 2 problems in 2 files\n"


def test_standard_input_can_be_read_once(runner):
    result = runner.invoke(main, ["check", "--fix", "-", "-"], input="Rest the the knee.\n")
    assert result.exit_code == 2 and not result.stdout
    assert result.stderr == "medlint: error: '-' (standard input) is given more than once; it can be read only once\n"


def test_diff_of_standard_input(runner):
    shown = run(runner, "--diff", "-", "--stdin-filename", "knee.md", input="Rest the the knee.\n")
    assert shown.exit_code == 1
    assert shown.stdout == ("--- a/knee.md\n+++ b/knee.md\n@@ -1 +1 @@\n"
                            "-Rest the the knee.\n+Rest the knee.\n")
    unnamed = run(runner, "--diff", "--select", "GRM002", "-", input="Rest the the knee.\n")
    assert unnamed.stdout.splitlines()[:2] == ["--- a/-", "+++ b/-"]
    nothing = run(runner, "--diff", "--select", "GRM002", "-", input="Rest the knee.\n")
    assert (nothing.exit_code, nothing.stdout) == (0, "")
    # --diff shows and never writes: with --fix too, stdout is the diff, not the page
    both = run(runner, "--fix", "--diff", "--select", "GRM002", "-", input="Rest the the knee.\n")
    assert both.exit_code == 1 and both.stdout.startswith("--- a/-\n")


# -- an interrupted write --------------------------------------------------------------------
THYROID_MODE = 0o640


def _page(tmp_path, name="thyroidectomy.md"):
    page = tmp_path / name
    page.write_text(THYROID_MD, encoding="utf-8")
    os.chmod(page, THYROID_MODE)
    return page


def _intact(page) -> bool:
    return page.read_text(encoding="utf-8") == THYROID_MD and stat.S_IMODE(page.stat().st_mode) == THYROID_MODE


class _HalfThenFail:
    """A file object whose write stores half of the data and then fails, like a full disk."""

    def __init__(self, fh):
        self.fh = fh

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()
        return False

    def write(self, data):
        self.fh.write(data[: len(data) // 2])
        self.fh.flush()
        raise OSError(28, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.fh, name)


def _fail_at(monkeypatch, where: str) -> None:
    """Make write_atomic's write fail halfway, or its fsync or rename fail."""
    import lint.fixes

    if where == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(lint.fixes.os, "fdopen", lambda fd, *a, **k: _HalfThenFail(real_fdopen(fd, *a, **k)))
    else:
        def fail(*args, **kwargs):
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(lint.fixes.os, {"fsync": "fsync", "rename": "replace"}[where], fail)


@pytest.mark.parametrize("where", ["write", "fsync", "rename"])
def test_a_failed_write_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch, where):
    page = _page(tmp_path)
    _fail_at(monkeypatch, where)
    with pytest.raises(OSError):
        write_atomic(str(page), THYROID_FIXED)
    assert _intact(page)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thyroidectomy.md"]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to name an open file")
@pytest.mark.parametrize("where", ["write", "rename"])
def test_fix_reports_a_failed_write_and_fixes_the_other_files(runner, tmp_path, monkeypatch, where):
    import lint.fixes

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    page = _page(tmp_path / "a")
    other = tmp_path / "b" / "prostate.txt"
    other.write_text("Drink plenty of of water.\n", encoding="utf-8")
    real_fdopen, real_replace = os.fdopen, os.replace

    def half_in_the_pages_folder(fd, *args, **kwargs):  # only the rewrite of the thyroid page fails
        fh = real_fdopen(fd, *args, **kwargs)
        return _HalfThenFail(fh) if os.path.dirname(os.readlink(f"/proc/self/fd/{fd}")) == str(page.parent) else fh

    def replace(src, dst, *args, **kwargs):
        if os.path.samefile(dst, page):
            raise OSError(5, "Input/output error")
        return real_replace(src, dst, *args, **kwargs)

    if where == "write":
        monkeypatch.setattr(lint.fixes.os, "fdopen", half_in_the_pages_folder)
    else:
        monkeypatch.setattr(lint.fixes.os, "replace", replace)
    result = run(runner, "--fix", str(page), str(other))
    assert result.exit_code == 2
    assert f"{page}: error: cannot write the fixed file" in result.output
    assert _intact(page)
    assert other.read_text(encoding="utf-8") == "Drink plenty of water.\n"
    assert [p.name for p in page.parent.iterdir()] == ["thyroidectomy.md"]
    assert [p.name for p in other.parent.iterdir()] == ["prostate.txt"]


# A medlint process killed (SIGKILL: no clean-up runs) halfway through writing a fixed file:
# whatever is written next to the page, through a file object or os.write, stores half of
# what it is given, then the process kills itself. A rewrite in place would cut the page.
_KILLED_HALFWAY = r"""
import builtins, os, signal, sys

folder, page = sys.argv[1], sys.argv[2]
real_fdopen, real_open, real_write = os.fdopen, builtins.open, os.write


def next_to_the_page(fd):
    return os.path.dirname(os.readlink(f"/proc/self/fd/{fd}")) == folder


def half_then_kill(fd, data):
    real_write(fd, bytes(data[: len(data) // 2]))
    os.kill(os.getpid(), signal.SIGKILL)


class HalfThenKill:
    def __init__(self, fh):
        self.fh = fh

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, data):
        self.fh.flush()
        half_then_kill(self.fh.fileno(), data.encode("utf-8") if isinstance(data, str) else data)


def writing(mode):
    return any(c in mode for c in "wax+")


def fdopen(fd, mode="r", *args, **kwargs):
    fh = real_fdopen(fd, mode, *args, **kwargs)
    return HalfThenKill(fh) if writing(mode) and next_to_the_page(fd) else fh


def open_(file, mode="r", *args, **kwargs):
    fh = real_open(file, mode, *args, **kwargs)
    return HalfThenKill(fh) if writing(mode) and next_to_the_page(fh.fileno()) else fh


def write(fd, data):
    return half_then_kill(fd, data) if next_to_the_page(fd) else real_write(fd, data)


os.fdopen, builtins.open, os.write = fdopen, open_, write
from lint.cli import main

main(["check", "--fix", "--no-cache", "-j", "1", page])
"""


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to name an open file")
def test_a_fix_killed_halfway_through_the_write_leaves_the_original(tmp_path):
    import signal
    import subprocess
    import sys

    from tests.conftest import ROOT

    page = _page(tmp_path)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", _KILLED_HALFWAY, str(tmp_path), str(page)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr  # it really was killed in the middle of a write
    assert _intact(page)
    # left beside it: the abandoned temporary file (a dot file), holding half of the fixed page;
    # no process can clean up after SIGKILL
    leftovers = [p for p in tmp_path.iterdir() if p != page]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".medlint-")
    assert leftovers[0].read_bytes() == THYROID_FIXED.encode("utf-8")[: len(THYROID_FIXED.encode("utf-8")) // 2]


def test_diff_headers_name_files_as_git_does_so_patch_p1_applies_them(runner, tmp_path):
    assert unified_diff("/tmp/page.md", "a\n", "b\n").splitlines()[:2] == ["--- a/tmp/page.md", "+++ b/tmp/page.md"]
    assert unified_diff("./drafts/page.md", "a\n", "b\n").splitlines()[0] == "--- a/drafts/page.md"
    assert unified_diff("drafts/page.md", "a\n", "b\n").splitlines()[0] == "--- a/drafts/page.md"
    page = tmp_path / "thyroid.txt"
    page.write_text("Keep the the wound dry.\n", encoding="utf-8")
    result = run(runner, "--diff", str(page.resolve()))  # an absolute path, as editors and hooks pass them
    patch = shutil.which("patch")
    if patch is None:
        return
    diff_file = tmp_path / "fixes.diff"
    diff_file.write_bytes(result.stdout_bytes)
    # ("a//tmp/..." gave an absolute name after -p1, which patch refuses to touch)
    applied = subprocess.run([patch, "--batch", "--forward", "-p1", "-d", "/", "-i", str(diff_file)],
                             capture_output=True, text=True)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert page.read_text(encoding="utf-8") == "Keep the wound dry.\n"


def test_a_fix_never_writes_a_quote_into_an_attribute(runner, tmp_path):
    page = tmp_path / "knee.html"
    original = ("<html><body><h1>Knee replacement</h1>\n<img src='knee.png' alt='Its a new knee joint'>\n"
                "<p>Its a common operation.</p></body></html>\n")
    page.write_text(original, encoding="utf-8")
    result = runner.invoke(main, ["check", "-j1", "--no-cache", "--fix", str(page)])
    fixed = page.read_text(encoding="utf-8")
    # the paragraph's slip is fixed; the alt text's stays a suggestion, its attribute whole
    assert "<p>It's a common operation.</p>" in fixed and "alt='Its a new knee joint'" in fixed
    assert "help: It's a" in result.stdout


def test_a_writable_page_in_a_folder_that_is_not_is_rewritten_in_place(tmp_path, monkeypatch):
    # the temporary file could not be made beside it: "cannot write the fixed file: Permission denied"
    page = tmp_path / "knee.md"
    page.write_text("Rest the the knee.\n", encoding="utf-8")
    real_access = os.access
    monkeypatch.setattr("lint.fixes.os.access",
                        lambda path, mode: False if os.path.realpath(path) == str(tmp_path.resolve()) else real_access(path, mode))
    inode = page.stat().st_ino
    write_atomic(str(page), "Rest the knee.\n")
    assert page.read_text(encoding="utf-8") == "Rest the knee.\n" and page.stat().st_ino == inode
    assert [p.name for p in tmp_path.iterdir()] == ["knee.md"]
