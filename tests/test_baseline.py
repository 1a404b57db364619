"""Baselines: record today's findings, then fail only on new ones."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lint.baseline import Baseline, BaselineError, finding_keys
from lint.cli import main
from lint.model import FileResult, Finding

BARIATRIC = """# Gastric bypass

Our revolutionary gastric bypass helps most people lose weight.

A revolutionary team looks after you before and after the operation.
"""


def _f(code, start, text):
    return Finding(code=code, name="n", category="promotional", severity="warning", message="m", start=start,
                   end=start + len(text), text=text, line=1, column=1, end_line=1, end_column=1)


@pytest.fixture()
def runner():
    return CliRunner()


PHRASE_RULES = ("--select", "PRM001,PRM002")


def run(runner, *args):
    return runner.invoke(main, ["check", "--no-cache", "-j", "1", *args], catch_exceptions=False)


def test_keys_use_code_file_text_and_occurrence_not_lines():
    findings = [_f("PRM001", 10, "revolutionary"), _f("PRM001", 50, "Revolutionary"), _f("PRM001", 90, "revolutionary"),
                _f("EVD001", 120, "in 95%\n of cases")]
    assert finding_keys("pages/x.md", findings) == [
        ("pages/x.md", "PRM001", "revolutionary", 0),
        ("pages/x.md", "PRM001", "Revolutionary", 0),
        ("pages/x.md", "PRM001", "revolutionary", 1),
        ("pages/x.md", "EVD001", "in 95% of cases", 0),  # a re-wrapped line keeps its key
    ]


def test_baseline_then_only_new_findings_fail(runner, tmp_path, monkeypatch):
    # the phrase rules only: whether the sentence model also reads a line as a claim is not what is tested
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    page = tmp_path / "pages" / "gastric-bypass.md"
    page.write_text(BARIATRIC, encoding="utf-8")
    assert run(runner, *PHRASE_RULES, "pages").exit_code == 1

    written = run(runner, *PHRASE_RULES, "pages", "--write-baseline", "medlint-baseline.json")
    assert written.exit_code == 0 and written.stdout == ""
    assert "recorded 2 findings in medlint-baseline.json" in written.stderr
    data = json.loads((tmp_path / "medlint-baseline.json").read_text(encoding="utf-8"))
    assert data["findings"] == [
        {"path": "pages/gastric-bypass.md", "code": "PRM001", "text": "revolutionary", "occurrence": 0,
         "context": "Our revolutionary gastric bypass helps most people lose weight."},
        {"path": "pages/gastric-bypass.md", "code": "PRM001", "text": "revolutionary", "occurrence": 1,
         "context": "A revolutionary team looks after you before and after the operation."},
    ]

    known = run(runner, *PHRASE_RULES, "pages", "--baseline", "medlint-baseline.json")
    assert known.exit_code == 0, known.output
    assert "2 findings in the baseline medlint-baseline.json left out" in known.stderr

    # moving the old findings to other lines keeps them baselined
    page.write_text("# Gastric bypass\n\nA new introduction.\n\n" + BARIATRIC.split("\n", 2)[2], encoding="utf-8")
    assert run(runner, *PHRASE_RULES, "pages", "--baseline", "medlint-baseline.json").exit_code == 0

    # a third occurrence of the same word, and a new kind of problem, are new
    with page.open("a", encoding="utf-8") as fh:
        fh.write("\nThe revolutionary results are guaranteed.\n")
    new = run(runner, *PHRASE_RULES, "pages", "--format", "json", "--baseline", "medlint-baseline.json")
    assert new.exit_code == 1
    found = json.loads(new.stdout)["files"][0]["findings"]
    assert [(f["code"], f["text"], f["line"]) for f in found] == [("PRM001", "revolutionary", 9),
                                                                  ("PRM002", "guaranteed", 9)]


def test_a_new_occurrence_above_the_recorded_ones_is_the_one_reported(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "bypass.md"
    page.write_text(BARIATRIC, encoding="utf-8")
    run(runner, *PHRASE_RULES, "bypass.md", "--write-baseline", "baseline.json")
    old_lines = BARIATRIC.split("\n", 2)[2]
    page.write_text("# Gastric bypass\n\nThe revolutionary diet comes first.\n\n" + old_lines, encoding="utf-8")
    new = run(runner, *PHRASE_RULES, "bypass.md", "--format", "json", "--baseline", "baseline.json")
    found = json.loads(new.stdout)["files"][0]["findings"]
    assert [(f["code"], f["line"]) for f in found] == [("PRM001", 3)]  # not line 7, which was recorded
    # a recorded line that was edited since still counts as its finding; a baseline without lines matches in order
    page.write_text(BARIATRIC.replace("helps most people", "helps many people"), encoding="utf-8")
    assert run(runner, *PHRASE_RULES, "bypass.md", "--baseline", "baseline.json").exit_code == 0
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    for entry in data["findings"]:
        del entry["context"]
    (tmp_path / "old-baseline.json").write_text(json.dumps(data), encoding="utf-8")
    page.write_text(BARIATRIC + "\nA revolutionary ward.\n", encoding="utf-8")
    found = json.loads(run(runner, *PHRASE_RULES, "bypass.md", "--format", "json", "--baseline",
                           "old-baseline.json").stdout)["files"][0]["findings"]
    assert [(f["code"], f["line"]) for f in found] == [("PRM001", 7)]


def test_baseline_paths_are_relative_to_the_baseline_file(runner, tmp_path, monkeypatch):
    (tmp_path / "site").mkdir()
    page = tmp_path / "site" / "bariatric.md"
    page.write_text(BARIATRIC, encoding="utf-8")
    baseline = tmp_path / "site" / "baseline.json"
    monkeypatch.chdir(tmp_path)
    run(runner, "site/bariatric.md", "--write-baseline", str(baseline))
    assert json.loads(baseline.read_text())["findings"][0]["path"] == "bariatric.md"
    monkeypatch.chdir(tmp_path / "site")  # another working folder, another spelling of the path
    assert run(runner, "bariatric.md", "--baseline", "baseline.json").exit_code == 0
    assert run(runner, str(page), "--baseline", str(baseline)).exit_code == 0


@pytest.mark.parametrize("content,message", [
    (None, "baseline file not found"),
    ("{not json", "not valid JSON"),
    ('{"findings": []}', "not a medlint baseline"),
    ('{"medlint-baseline": 1, "findings": {}}', "'findings' must be a list"),
    ('{"medlint-baseline": 1, "findings": [{"path": "a.md", "code": "PRM001"}]}', "finding 1 must have"),
])
def test_a_bad_baseline_is_exit_2_with_a_clear_message(runner, tmp_path, content, message):
    page = tmp_path / "knee.md"
    page.write_text(BARIATRIC, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    result = runner.invoke(main, ["check", "--no-cache", str(page), "--baseline", str(baseline)])
    assert result.exit_code == 2
    assert result.output.startswith(f"medlint: error: {baseline}: ") and message in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_baseline_and_write_baseline_together_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["check", str(tmp_path), "--baseline", "a.json", "--write-baseline", "b.json"])
    assert result.exit_code == 2 and "not both" in result.output


def test_new_findings_keeps_unreadable_files_and_unknown_paths(tmp_path):
    baseline_file = tmp_path / "b.json"
    baseline_file.write_text('{"medlint-baseline": 1, "findings": []}')
    baseline = Baseline.load(str(baseline_file))
    broken = FileResult(path="x.md", error="binary file")
    assert baseline.new_findings(broken) is broken
    result = FileResult(path=str(tmp_path / "y.md"), findings=[_f("PRM001", 0, "miracle")])
    assert baseline.new_findings(result).findings == result.findings
    with pytest.raises(BaselineError):
        Baseline.load(str(tmp_path / "missing.json"))
