"""The command line on user mistakes and awkward files: one error line, exit 2, no file lost."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from lint.cli import main

KNEE = "# Knee pain\n\nKnee pain can can be eased by rest and ice.\n"
THYROID = "# Thyroid\n\nThe the thyroid gland sits low in your neck.\n"


def run(*args):
    return CliRunner().invoke(main, ["check", "--no-cache", *args])


def test_output_naming_a_linted_page_is_refused(tmp_path):
    page = tmp_path / "same.md"
    page.write_text(KNEE)
    for option in ("-o", "--write-baseline"):
        result = run("-q", "--fix", option, str(page), str(page))
        assert result.exit_code == 2 and "one of the pages being linted" in result.output
        assert page.read_text() == KNEE


@pytest.mark.parametrize("args", [[""], ["-o", ""], ["--write-baseline", ""], ["--config", ""]])
def test_empty_path_arguments_are_errors(tmp_path, args):
    page = tmp_path / "k.md"
    page.write_text(KNEE)
    result = run(*args, *([str(page)] if args != [""] else []))
    assert result.exit_code == 2 and "empty path" in result.output


def test_read_only_file_is_not_rewritten_and_keeps_its_findings(tmp_path, monkeypatch):
    page = tmp_path / "thyroid.md"
    page.write_text(THYROID)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m, **kw: False if m == os.W_OK else real_access(p, m, **kw))
    result = run("--fix", str(page))
    assert result.exit_code == 2
    assert "cannot write the fixed file: read-only" in result.output
    assert "GRM002" in result.output and "could not be read" not in result.output
    assert page.read_text() == THYROID


def test_fix_keeps_hard_links(tmp_path):
    page, other = tmp_path / "veins.md", tmp_path / "veins-copy.md"
    page.write_text("# Veins\n\nVaricose veins are are swollen veins.\n")
    os.link(page, other)
    run("--fix", str(page))
    assert other.read_text() == "# Veins\n\nVaricose veins are swollen veins.\n"
    assert os.stat(page).st_ino == os.stat(other).st_ino


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_fix_keeps_the_owner(tmp_path):
    page = tmp_path / "veins.md"
    page.write_text("# Veins\n\nVaricose veins are are swollen veins.\n")
    os.chown(page, 1234, 2345)
    run("--fix", str(page))
    assert (os.stat(page).st_uid, os.stat(page).st_gid) == (1234, 2345)


def test_walk_skips_a_named_pipe(tmp_path):
    (tmp_path / "ok.md").write_text(KNEE)
    os.mkfifo(tmp_path / "pipe.md")
    result = run(str(tmp_path))
    assert result.exit_code == 1 and "ok.md" in result.output


def test_one_file_named_several_ways_is_linted_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_text(KNEE)
    os.symlink("d.md", tmp_path / "link.md")
    result = run("--fix", "d.md", "./d.md", "link.md")
    assert "fixed 1 problem in 1 file" in result.output


def test_non_utf8_file_name_in_every_report(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/bad\xffname.md", "w") as fh:
        fh.write(KNEE)
    for fmt in ("text", "json", "github", "gitlab", "html"):
        out = tmp_path / f"report.{fmt}"
        result = run("--format", fmt, "-o", str(out), str(tmp_path))
        assert result.exit_code == 1, (fmt, result.output)
        assert "bad\\xffname.md" in out.read_bytes().decode("utf-8").replace("\\\\", "\\")


@pytest.mark.parametrize("comment", ["<!-- medlint-disable-next-line ALL -->\n", "<!-- medlint-disable-file all -->\n"])
def test_all_in_a_suppression_comment_suppresses_every_rule(tmp_path, comment):
    page = tmp_path / "prostate.md"
    page.write_text("# Prostate\n\n" + comment + "The prostate is is a small gland.\n")
    result = run("--select", "GRM002", str(page))
    assert result.exit_code == 0, result.output


def test_ctrl_c_in_a_parallel_run_exits_130_at_once(tmp_path):
    # Ctrl-C goes to the whole process group, workers too: the run stops (no waiting for the pages still queued) with
    # the conventional 130, not 1, which CI reads as findings
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    seed = (ROOT / "fixtures" / "seeds" / "001-017cd2.md").read_text(encoding="utf-8")
    for i in range(1500):  # (each page its own, or the run would lint one and copy the findings)
        (tmp_path / f"page-{i}.md").write_text(f"{seed}\nCompression stockings ease the ache in {i} of our legs.\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEDLINT_NO_PROGRESS": "1"}
    started = subprocess.Popen([sys.executable, "-m", "lint", "check", "--no-cache", "-j", "2", "-q", str(tmp_path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    time.sleep(3)
    os.killpg(started.pid, signal.SIGINT)
    try:
        _, err = started.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(started.pid, signal.SIGKILL)
        raise AssertionError("medlint went on (or hung) after Ctrl-C") from None
    assert started.returncode == 130 and err.decode().strip().endswith("medlint: interrupted")


def test_a_config_that_is_not_a_file_is_named_so(tmp_path):
    page = tmp_path / "prostate.md"
    page.write_text("# Prostate biopsy\n\nYou may see blood in your urine for a few days.\n")
    assert "is not a regular file" in run("--config", str(tmp_path), str(page)).output
    missing = run("--config", str(tmp_path / "medlint.toml"), str(page))
    assert missing.exit_code == 2 and "config file not found" in missing.output


def test_a_missing_spacy_model_is_warned_of_once_with_two_jobs(tmp_path, monkeypatch):
    # the pipeline is built in the parent before the workers fork, so no worker's outcome carries the warning
    (tmp_path / "medlint.toml").write_text('model = "en_medlint_no_such_model"\n')
    for topic in ("knee", "thyroid", "prostate", "veins"):
        (tmp_path / f"{topic}.md").write_text(f"# About your {topic}\n\nAsk your nurse if you have questions.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", "-j", "2", "."])
    assert result.exit_code == 0
    assert result.stderr.count("spaCy model 'en_medlint_no_such_model' is not installed") == 1


def test_an_unreadable_subfolder_is_a_file_error(tmp_path, monkeypatch):
    # (as root, as CI runs, "chmod 000" does not stop a listing: the folder's listing is made to fail instead)
    (tmp_path / "ok.md").write_text(THYROID)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.md").write_text(KNEE)
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert f"medlint: {locked}: error: permission denied" in result.output
    assert "GRM002" in result.output  # the readable page is still linted


def _medlint_with_streams(shell_redirects: str, *args: str):
    """medlint run by a shell with the given redirections of its standard streams: (exit code, standard error)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEDLINT_NO_PROGRESS": "1"}
    done = subprocess.run(["sh", "-c", f'"$0" -m lint check --no-cache "$@" {shell_redirects}', sys.executable, *args],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, timeout=120)
    return done.returncode, done.stderr.decode()


@pytest.mark.parametrize(("redirects", "message"), [
    (">/dev/full", "medlint: error: cannot write to standard output: No space left on device"),
    (">&-", "medlint: error: standard output is closed: nowhere to write the report"),
])
def test_a_report_that_cannot_be_written_is_one_error_line(tmp_path, redirects, message):
    if redirects == ">/dev/full" and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    page = tmp_path / "veins.md"
    page.write_text("# Veins\n\nVaricose veins are are swollen veins.\n")
    code, err = _medlint_with_streams(redirects, str(page))
    assert (code, err.strip()) == (2, message)


def test_closed_standard_input_is_one_error_line():
    code, err = _medlint_with_streams("<&-", "-")
    assert (code, err.strip()) == (2, "medlint: error: standard input is closed: there is no page to read for '-'")


def test_a_reader_that_goes_away_is_not_an_error(tmp_path):
    # "medlint check ... | head -1": the rest of the report goes nowhere, quietly, and the exit code is the findings'
    import subprocess
    import sys

    from tests.conftest import ROOT

    page = tmp_path / "knee.md"
    page.write_text(KNEE)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEDLINT_NO_PROGRESS": "1"}
    started = subprocess.Popen([sys.executable, "-m", "lint", "check", "--no-cache", str(page)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    started.stdout.close()  # the reader is gone before a line is written
    err = started.stderr.read().decode()
    assert (started.wait(timeout=120), err) == (1, "")
