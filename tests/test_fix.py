"""Safe fixes: --fix rewrites prose in place (atomically, idempotently), --diff only shows it."""

from __future__ import annotations

import codecs
import os
import stat

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


def test_fix_refuses_standard_input_but_diff_reads_it(runner):
    refused = runner.invoke(main, ["check", "--fix", "-"], input="the the")
    assert refused.exit_code == 2 and "--fix cannot rewrite standard input" in refused.output
    shown = run(runner, "--diff", "-", "--stdin-filename", "knee.md", input="Rest the the knee.\n")
    assert shown.stdout.splitlines()[-2:] == ["-Rest the the knee.", "+Rest the knee."]
