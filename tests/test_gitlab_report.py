"""--format gitlab: a GitLab Code Quality (Code Climate) report."""

from __future__ import annotations

import json

from click.testing import CliRunner

from lint.cli import main

VASECTOMY = "# Vasectomy\n\nOur revolutionary vasectomy is guaranteed.\n\nA revolutionary team cares for you.\n"
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def gitlab(tmp_path, *paths):
    # the phrase rules only: the report's shape, not the sentence model's scores, is under test
    result = CliRunner().invoke(main, ["check", "--no-cache", "-j1", "--select", "PRM001,PRM002", "--format", "gitlab", *paths],
                                catch_exceptions=False)
    return result, json.loads(result.stdout)


def test_code_quality_issues_have_the_fields_gitlab_reads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "vasectomy.md").write_text(VASECTOMY, encoding="utf-8")
    (tmp_path / "pages" / "broken.txt").write_bytes(b"\x00\x01")
    result, issues = gitlab(tmp_path, "./pages")
    assert result.exit_code == 2
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in GITLAB_SEVERITIES and len(issue["fingerprint"]) == 64
        assert not issue["location"]["path"].startswith(("./", "/"))
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("medlint/file-error", "major", {"path": "pages/broken.txt", "lines": {"begin": 1}}),
        ("PRM001 hype-word", "minor", {"path": "pages/vasectomy.md", "lines": {"begin": 3, "end": 3}}),
        ("PRM002 guarantee-or-absolute-safety", "major", {"path": "pages/vasectomy.md", "lines": {"begin": 3, "end": 3}}),
        ("PRM001 hype-word", "minor", {"path": "pages/vasectomy.md", "lines": {"begin": 5, "end": 5}}),
    ]
    assert issues[1]["description"].startswith("PRM001 'revolutionary' is promotional")
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # the two 'revolutionary' differ


def test_fingerprints_survive_a_finding_moving_to_another_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "vasectomy.md"
    page.write_text(VASECTOMY, encoding="utf-8")
    _, before = gitlab(tmp_path, "vasectomy.md")
    page.write_text("# Vasectomy\n\nA short introduction.\n\n" + VASECTOMY.split("\n", 2)[2], encoding="utf-8")
    _, after = gitlab(tmp_path, "vasectomy.md")
    assert [i["location"]["lines"]["begin"] for i in after] == [5, 5, 7]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
