"""The command line, end to end through click's runner."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint import __version__
from lint.cli import main
from tests.conftest import FIXTURES, ROOT, SHARED

BAD_PAGE = "# Knee replacement\n\nOur revolutionary knee replacement is guaranteed.\n"
GOOD_PAGE = "# Knee replacement\n\nA knee replacement swaps a worn joint for an artificial one.\n"


@pytest.fixture()
def runner():
    return CliRunner()


def run(runner, *args, input=None):
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture()
def pages(tmp_path):
    (tmp_path / "bad.md").write_text(BAD_PAGE, encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD_PAGE, encoding="utf-8")
    return tmp_path


def test_version(runner):
    result = run(runner, "--version")
    assert result.exit_code == 0 and result.output.strip() == f"medlint {__version__}"


def test_text_output_points_at_the_source(runner, pages):
    result = run(runner, "check", str(pages / "bad.md"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{pages / 'bad.md'}:3:5: PRM001 'revolutionary' is promotional hype; ")
    assert lines[1] == "3 | Our revolutionary knee replacement is guaranteed."
    assert lines[2] == "  |     ^^^^^^^^^^^^^"
    assert "\x1b[" not in result.output
    assert lines[-1].startswith("Found 2 problems (1 error, 1 warning)")


def test_the_summary_counts_in_the_plural(runner, tmp_path):
    (tmp_path / "page.md").write_text(
        "# Varicose veins\n\nOur revolutionary and spectacular laser is guaranteed. Results are guaranteed.\n", encoding="utf-8")
    result = run(runner, "check", "--select", "PRM", str(tmp_path / "page.md"))
    assert result.output.splitlines()[-1] == "Found 4 problems (2 errors, 2 warnings) in 1 of 1 file."


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_the_source_line_shown_is_the_finding_s_line_whatever_the_line_endings(runner, tmp_path, newline):
    text = newline.join(["Thyroid surgery", "", "A small scar.", "Our revolutionary approach.", ""])
    (tmp_path / "page.txt").write_bytes(text.encode("utf-8"))
    lines = run(runner, "check", "--select", "PRM001", str(tmp_path / "page.txt")).output.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'page.txt'}:4:5: PRM001 'revolutionary'")
    assert lines[1:3] == ["4 | Our revolutionary approach.", "  |     ^^^^^^^^^^^^^"]


def test_text_output_caret_stands_under_the_finding_after_wide_characters(runner, tmp_path):
    # an emoji or a CJK character takes two terminal columns; the caret counted it as one and stood too far left
    page = tmp_path / "wide.txt"
    page.write_text("\U0001F600 Keep the the wound dry.\n", encoding="utf-8")
    result = run(runner, "check", "--select", "GRM002", str(page))
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{page}:1:8: GRM002")
    assert lines[1] == "1 | \U0001F600 Keep the the wound dry."
    assert lines[2] == "  |         ^^^^^^^"


def test_a_long_source_line_is_shown_around_the_finding_only(runner, tmp_path):
    # a page on one line (minified HTML) printed its whole line under each finding: megabytes for a few findings
    page = tmp_path / "long.txt"
    page.write_text("Rest well. " * 30 + "Keep the the wound dry. " + "Walk daily. " * 30 + "\n", encoding="utf-8")
    lines = run(runner, "check", "--select", "GRM002", str(page)).output.splitlines()
    assert lines[1] == "1 | …. Rest well. Rest well. Rest well. Keep the the wound dry. Walk daily. Walk daily. Walk…"
    assert lines[2] == "  |                                          ^^^^^^^"


def test_clean_file_exits_zero(runner, pages):
    result = run(runner, "check", str(pages / "good.md"))
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_json_validates_against_the_schema(runner, pages):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "lint" / "schemas" / "report-v1.json").read_text())
    result = run(runner, "check", "--format", "json", str(pages))
    data = json.loads(result.output)
    jsonschema.validate(data, schema)
    assert data["summary"] == {"files": 2, "findings": 2, "errors": 1, "warnings": 1, "infos": 0}
    assert [f["code"] for f in data["files"][0]["findings"]] == ["PRM001", "PRM002"]
    assert data["files"][0]["path"] == str(pages / "bad.md")


def test_json_over_the_fixtures_validates(runner):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "lint" / "schemas" / "report-v1.json").read_text())
    result = run(runner, "check", "--format", "json", str(FIXTURES))
    data = json.loads(result.output)
    jsonschema.validate(data, schema)
    assert data["summary"]["findings"] > 50


def validate_sarif(data: dict) -> None:
    """Validate a SARIF log against the official 2.1.0 schema; skip where the shared schema is absent (a user's clone)."""
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_file.exists():
        pytest.skip("the shared SARIF schema is not beside this clone")
    jsonschema.Draft4Validator(json.loads(schema_file.read_text())).validate(data)


def test_sarif_validates_against_the_official_schema(runner, pages):
    result = run(runner, "check", "--format", "sarif", str(pages))
    data = json.loads(result.output)
    validate_sarif(data)
    run_ = data["runs"][0]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert "PRM001" in ids and all(r["help"]["text"] for r in run_["tool"]["driver"]["rules"])
    region = run_["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["charLength"]) == (3, 5, len("revolutionary"))
    assert ids[run_["results"][0]["ruleIndex"]] == run_["results"][0]["ruleId"]


def _artifact_uris(node) -> list[str]:
    """Every artifactLocation.uri anywhere in a SARIF log, in document order."""
    if isinstance(node, list):
        return [uri for item in node for uri in _artifact_uris(item)]
    if not isinstance(node, dict):
        return []
    found = [node["artifactLocation"]["uri"]] if "artifactLocation" in node else []
    return found + [uri for key, value in node.items() if key != "artifactLocation" for uri in _artifact_uris(value)]


@pytest.mark.skipif(os.name == "nt", reason="':' cannot be in a Windows file name")
def test_sarif_artifact_uris_are_encoded_uri_references(runner, tmp_path, monkeypatch):
    # A space, a '#' (a fragment), a ':' in the first segment (a scheme) and an absolute
    # path (no scheme) each put GitHub code scanning's findings on the wrong file.
    (tmp_path / "my pages").mkdir()
    (tmp_path / "my pages" / "vein #1.md").write_text(BAD_PAGE, encoding="utf-8")
    (tmp_path / "c:d.md").write_text(BAD_PAGE, encoding="utf-8")
    (tmp_path / "abs").mkdir()
    (tmp_path / "abs" / "a.md").write_text(BAD_PAGE, encoding="utf-8")
    (tmp_path / "broken ?.md").write_bytes(b"\x89PNG\x00\x00")  # a file error: a notification names it
    monkeypatch.chdir(tmp_path)
    absolute = tmp_path / "abs" / "a.md"
    result = run(runner, "check", "--format", "sarif", "--no-cache", "-j", "1",
                 "my pages/vein #1.md", "c:d.md", str(absolute), "broken ?.md")
    data = json.loads(result.stdout)
    run_ = data["runs"][0]
    by_file = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]]
    expected = ["my%20pages/vein%20%231.md", "c%3Ad.md", absolute.as_uri()]
    assert sorted(set(by_file)) == sorted(expected)
    assert expected[2].startswith("file:///") and " " not in expected[2]
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes] == ["broken%20%3F.md"]
    assert run_["invocations"][0]["executionSuccessful"] is False  # (a page was not checked)
    # every place the log names a file uses the encoded form
    assert set(_artifact_uris(data)) == {*expected, "broken%20%3F.md"}
    validate_sarif(data)  # last: it skips where the shared schema is absent


def test_artifact_uri_round_trips_to_the_path():
    from urllib.parse import unquote, urlsplit

    from lint.reporters.sarif_format import artifact_uri

    for path in ("my pages/vein #1.md", "c:d.md", "a/b?c%d.md", "bl\u00e5b\u00e6r/\u00f8ye.md", "../up/x.md", "-"):
        parts = urlsplit(artifact_uri(path))
        assert (parts.scheme, parts.netloc, parts.query, parts.fragment) == ("", "", "", ""), path
        assert unquote(parts.path) == path
    assert artifact_uri("./pages/knee.md") == "pages/knee.md"  # relative stays relative
    if os.name != "nt":
        assert artifact_uri("/srv/site/vein #1.md") == "file:///srv/site/vein%20%231.md"


def test_github_annotations(runner, pages):
    result = run(runner, "check", "--format", "github", str(pages / "bad.md"))
    first = result.output.splitlines()[0]
    # 'revolutionary' is columns 5 to 17 of "Our revolutionary ...": GitHub's endColumn is the last one, inclusive
    assert first.startswith(f"::warning file={pages / 'bad.md'},line=3,col=5,endLine=3,endColumn=17,title=PRM001 hype-word::")


def _github(findings, path="a.md", error=None):
    from lint.model import FileResult
    from lint.reporters import Report, render

    return render("github", Report(results=[FileResult(path=path, findings=findings, error=error)]))


def _finding(**changes):
    from dataclasses import replace

    from lint.model import Finding

    base = Finding(code="PRM001", name="hype-word", category="promotional", severity="warning", message="m",
                   start=0, end=1, text="x", line=2, column=4, end_line=2, end_column=5)
    return replace(base, **changes)


def test_github_annotation_columns_are_on_one_line_and_end_inclusive():
    one_char = _github([_finding()])
    assert one_char == "::warning file=a.md,line=2,col=4,endLine=2,endColumn=4,title=PRM001 hype-word::m\n"
    # a finding across lines: the runner drops col and endColumn when the lines differ; say only the lines
    across = _github([_finding(line=2, column=30, end_line=3, end_column=6, severity="error")])
    assert across == "::error file=a.md,line=2,endLine=3,title=PRM001 hype-word::m\n"
    # an empty finding still gives endColumn >= col (the runner drops a smaller one)
    empty = _github([_finding(column=4, end_column=4, severity="info")])
    assert empty == "::notice file=a.md,line=2,col=4,endLine=2,endColumn=4,title=PRM001 hype-word::m\n"


def test_github_annotations_escape_what_would_end_a_property_or_the_command():
    message = "50% of 'cases':\r\nsee, a, b::c"
    out = _github([_finding(message=message, suggestions=("10%, or less",))], path="pages/a,b:c%d.md",
                  error=None)
    assert out == ("::warning file=pages/a%2Cb%3Ac%25d.md,line=2,col=4,endLine=2,endColumn=4,title=PRM001 hype-word::"
                   "50%25 of 'cases':%0D%0Asee, a, b::c Suggestion: 10%25, or less\n")
    assert out.count("\n") == 1  # one command, one line
    unreadable = _github([], path="x,y.md", error="not valid UTF-8 (50%)\nsave it")
    assert unreadable == "::error file=x%2Cy.md,title=medlint::not valid UTF-8 (50%25)%0Asave it\n"


def test_select_ignore_and_fail_on(runner, pages):
    bad = str(pages / "bad.md")
    assert "PRM001" not in run(runner, "check", "--select", "PRM002", bad).output
    assert "PRM002" not in run(runner, "check", "--ignore", "PRM002", bad).output
    assert "PRM" not in run(runner, "check", "--ignore", "promotional", bad).output
    assert run(runner, "check", "--select", "PRM001", "--fail-on", "error", bad).exit_code == 0
    assert run(runner, "check", "--fail-on", "never", bad).exit_code == 0
    result = run(runner, "check", "--select", "NOPE999", bad)
    assert result.exit_code == 2 and "unknown rule selector 'NOPE999'" in result.output


VARICOSE_DRAFT = ("# Varicose vein treatment\n\nOur revolutionary laser treatment is the the best choice for "
                  "varicose veins. It is completely painless.\n")


@pytest.mark.parametrize("args, codes", [
    # the config's own selection: STR, and its extend-select adds PRM001 and PRM002, less its ignore (PRM002, GRM002)
    ((), ["PRM001"]),
    # the command line's --select is the selection run, whatever the config's extend-select and ignore say (as with
    # ruff); the command line's --ignore still applies
    (("--select", "GRM002"), ["GRM002"]),
    (("--select", "PRM001,PRM002,GRM002", "--ignore", "PRM001"), ["GRM002", "PRM002"]),
    # without --select, --ignore and --extend-select add to the config's lists, and a rule the config ignores stays out
    (("--ignore", "PRM001"), []),
    (("--extend-select", "GRM002"), ["PRM001"]),
])
def test_a_command_line_select_replaces_the_configs_selection(tmp_path, monkeypatch, runner, args, codes):
    (tmp_path / "medlint.toml").write_text(
        'select = ["STR"]\nextend-select = ["PRM001", "PRM002"]\nignore = ["PRM002", "GRM002"]\n')
    (tmp_path / "veins.md").write_text(VARICOSE_DRAFT)
    monkeypatch.chdir(tmp_path)
    result = run(runner, "check", "--no-cache", "--format", "json", *args, "veins.md")
    assert sorted({f["code"] for f in json.loads(result.output)["files"][0]["findings"]}) == codes


def test_stdin_with_a_filename(runner):
    result = run(runner, "check", "-", "--stdin-filename", "page.html",
                 input="<p>Our <b>revolutionary</b> laser.</p><script>guaranteed</script>")
    assert result.exit_code == 1
    assert result.output.startswith("page.html:1:")
    assert "PRM002" not in result.output


def test_bad_input_is_reported_and_the_other_files_are_still_linted(runner, pages):
    (pages / "binary.md").write_bytes(b"\x89PNG\x00\x00\x00")
    (pages / "latin1.txt").write_bytes("Caf\xe9 revolutionary".encode("latin-1"))
    result = runner.invoke(main, ["check", str(pages), str(pages / "missing.md")])
    assert result.exit_code == 2
    assert "binary.md: error: binary file" in result.output
    assert "latin1.txt: error: not valid UTF-8 (byte 0xe9 on line 1)" in result.output
    assert "missing.md: error: no such file or directory" in result.output
    assert "PRM001" in result.output  # bad.md was still linted
    assert "Traceback" not in result.output


def test_unknown_config_key_is_exit_2_naming_file_and_key(runner, pages):
    (pages / "medlint.toml").write_text('fail-on = "error"\ncolour = "red"\n')
    result = runner.invoke(main, ["check", str(pages / "bad.md")])
    assert result.exit_code == 2
    assert "medlint.toml: unknown key 'colour'" in result.output
    assert result.output.count("\n") == 1


def test_config_in_pyproject_is_found_by_walking_up(runner, pages):
    sub = pages / "docs" / "pages"
    sub.mkdir(parents=True)
    (sub / "bad.md").write_text(BAD_PAGE)
    (pages / "pyproject.toml").write_text('[tool.medlint]\nignore = ["PRM002"]\n[tool.medlint.severity]\nPRM001 = "error"\n')
    data = json.loads(run(runner, "check", "--format", "json", str(sub)).output)
    assert [(f["code"], f["severity"]) for f in data["files"][0]["findings"]] == [("PRM001", "error")]


def test_per_file_ignores_and_exclude(runner, pages):
    (pages / "legacy").mkdir()
    (pages / "legacy" / "old.md").write_text(BAD_PAGE)
    (pages / "medlint.toml").write_text('exclude = ["legacy"]\n[per-file-ignores]\n"bad.md" = ["promotional"]\n')
    result = run(runner, "check", "--format", "json", str(pages))
    data = json.loads(result.output)
    assert [f["path"] for f in data["files"]] == [str(pages / "bad.md"), str(pages / "good.md")]
    assert data["summary"]["findings"] == 0


@pytest.mark.parametrize("where", ["config folder", "page folder", "absolute"])
def test_per_file_ignores_name_files_from_the_config_folder_wherever_medlint_runs(runner, pages, monkeypatch, where):
    (pages / "sub").mkdir()
    (pages / "sub" / "veins.md").write_text(
        "# Varicose veins\n\nOur revolutionary vein treatment is guaranteed.\n", encoding="utf-8")
    (pages / "medlint.toml").write_text('[per-file-ignores]\n"sub/*.md" = ["PRM001"]\n')
    monkeypatch.chdir(pages / "sub" if where == "page folder" else pages)
    target = {"config folder": "sub/veins.md", "page folder": "veins.md", "absolute": str(pages / "sub" / "veins.md")}
    data = json.loads(run(runner, "check", "--no-cache", "--format", "json", target[where]).stdout)
    assert [f["code"] for f in data["files"][0]["findings"]] == ["PRM002"]


def test_exclude_names_the_same_files_however_they_are_reached_and_force_exclude_covers_named_files(
        runner, pages, monkeypatch):
    (pages / "drafts").mkdir()
    for name in ("drafts/cataract.md", "notes.tmp.md"):
        (pages / name).write_text("# Cataract surgery\n\nOur revolutionary lens.\n", encoding="utf-8")
    (pages / "medlint.toml").write_text('exclude = ["drafts/*.md", "*.tmp.md"]\n')
    monkeypatch.chdir(pages)

    def linted(*args):
        result = run(runner, "check", "--no-cache", "--format", "json", *args)
        return sorted(Path(f["path"]).name for f in json.loads(result.stdout)["files"])

    for target in (".", str(pages), "./"):
        assert linted(target) == ["bad.md", "good.md"]
    named = ["drafts/cataract.md", "notes.tmp.md", "good.md"]
    assert linted(*named) == ["cataract.md", "good.md", "notes.tmp.md"]  # named files are linted, as with ruff
    assert linted("--force-exclude", *named) == ["good.md"]


PROSTATE_DRAFT = "# Prostate surgery\r\n\r\nOur revolutionary robot makes the the operation painless.\r\n"


@pytest.mark.parametrize("stdin_filename", ["drafts/prostate.md", "./drafts/prostate.md", "notes.tmp.md", "absolute"])
def test_force_exclude_leaves_out_standard_input_whose_stdin_filename_is_excluded(runner, tmp_path, monkeypatch,
                                                                                  stdin_filename):
    # what an editor or pre-commit runs on a buffer of an excluded file: nothing is linted or reported, exit 0, as ruff
    (tmp_path / "medlint.toml").write_text('exclude = ["drafts/*.md", "*.tmp.md"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    if stdin_filename == "absolute":
        stdin_filename = str(tmp_path / "drafts" / "prostate.md")
    args = ["check", "--no-cache", "--force-exclude", "--stdin-filename", stdin_filename]
    data = json.loads(run(runner, *args, "--format", "json", "-", input=PROSTATE_DRAFT).stdout)
    assert (data["files"], data["summary"]["findings"]) == ([], 0)
    result = run(runner, *args, "-", input=PROSTATE_DRAFT)
    clear = "All clear: 0 files checked, no problems found.\n"  # as for an excluded file named on the command line
    assert (result.exit_code, result.stdout, result.stderr) == (0, clear, "")
    # with --fix the page comes back on standard output as it came, byte for byte (no "the the" fixed)
    result = run(runner, *args, "--fix", "-", input=PROSTATE_DRAFT.encode("utf-8"))
    assert (result.exit_code, result.stdout_bytes) == (0, PROSTATE_DRAFT.encode("utf-8"))
    assert result.stderr == clear
    assert run(runner, *args, "--diff", "-", input=PROSTATE_DRAFT).stdout == ""


def test_standard_input_is_linted_when_its_name_is_not_excluded_or_force_exclude_is_not_given(runner, tmp_path,
                                                                                             monkeypatch):
    (tmp_path / "medlint.toml").write_text('exclude = ["drafts/*.md"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for args in (["--force-exclude", "--stdin-filename", "prostate.md"], ["--stdin-filename", "drafts/prostate.md"]):
        result = run(runner, "check", "--no-cache", "--format", "json", *args, "-", input=PROSTATE_DRAFT)
        data = json.loads(result.stdout)
        assert [(f["path"], [x["code"] for x in f["findings"]]) for f in data["files"]] == [
            (args[-1], ["PRM001", "GRM002", "PRM002"])]
        result = run(runner, "check", "--no-cache", "--select", "GRM002", "--fix", *args, "-", input=PROSTATE_DRAFT)
        assert result.stdout_bytes == PROSTATE_DRAFT.replace("the the", "the").encode("utf-8")


def test_standard_input_takes_the_config_found_from_its_stdin_filename(runner, tmp_path, monkeypatch):
    # an editor runs medlint from the workspace root on a buffer of site/pages/prostate.md: the site's own config
    # applies, as for the file on disk (ruff looks for it from the --stdin-filename too)
    site = tmp_path / "site"
    (site / "pages").mkdir(parents=True)
    (site / "medlint.toml").write_text('select = ["GRM002"]\nexclude = ["drafts/*.md"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("site/pages/prostate.md", str(site / "pages" / "prostate.md")):
        data = json.loads(run(runner, "check", "--no-cache", "--format", "json", "--stdin-filename", name, "-",
                              input=PROSTATE_DRAFT).stdout)
        assert [[x["code"] for x in f["findings"]] for f in data["files"]] == [["GRM002"]]
    result = run(runner, "check", "--no-cache", "--force-exclude", "--stdin-filename", "site/drafts/prostate.md", "-",
                 input=PROSTATE_DRAFT)
    assert (result.exit_code, result.stdout) == (0, "All clear: 0 files checked, no problems found.\n")
    # a file named on the command line still decides, and without any name the working folder does
    (tmp_path / "medlint.toml").write_text('select = ["PRM001"]\n', encoding="utf-8")
    data = json.loads(run(runner, "check", "--no-cache", "--format", "json", "-", input=PROSTATE_DRAFT).stdout)
    assert [[x["code"] for x in f["findings"]] for f in data["files"]] == [["PRM001"]]


def test_an_unknown_rule_in_per_file_ignores_is_exit_2(runner, pages):
    (pages / "medlint.toml").write_text('[per-file-ignores]\n"*.md" = ["PRMM002", "promotional"]\n')
    result = runner.invoke(main, ["check", "--no-cache", str(pages / "bad.md")])
    assert result.exit_code == 2
    assert "per-file-ignores.*.md: unknown rule selector 'PRMM002'" in result.stderr and not result.stdout


def test_stdin_filename_alone_reads_standard_input(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "other.md").write_text(BAD_PAGE, encoding="utf-8")  # not linted: the page is on stdin
    result = run(runner, "check", "--no-cache", "--stdin-filename", "thyroid.md",
                 input="# Thyroidectomy\n\nA spectacular result.\n")
    assert result.exit_code == 1
    assert result.stdout.startswith("thyroid.md:3:3: PRM001 ") and "other.md" not in result.stdout
    result = runner.invoke(main, ["check", "--stdin-filename", "thyroid.md", "other.md"], input="x")
    assert result.exit_code == 2 and "add '-' to the paths" in result.stderr


def test_an_unreadable_file_is_said_on_stderr_and_the_summary_does_not_call_it_clear(runner, pages):
    result = runner.invoke(main, ["check", "--no-cache", str(pages / "good.md"), str(pages / "missing.md")])
    assert result.exit_code == 2
    assert result.stderr == f"medlint: {pages / 'missing.md'}: error: no such file or directory\n"
    assert result.stdout == "No problems found in the 1 file checked; 1 file could not be read.\n"
    result = runner.invoke(main, ["check", "--no-cache", str(pages / "missing.md")])
    assert result.stdout == "No file checked: 1 file could not be read.\n"


def test_color_always_colours_a_pipe_too(runner, pages):
    piped = run(runner, "check", "--no-cache", "--color", "always", str(pages / "bad.md"))
    assert "\x1b[" in piped.stdout  # CliRunner's stdout is not a terminal: a pipe
    assert "\x1b[" not in run(runner, "check", "--no-cache", str(pages / "bad.md")).stdout


def test_an_unknown_selector_is_blamed_on_where_it_was_written(runner, pages):
    (pages / "medlint.toml").write_text('ignore = ["SEO001"]\n')
    result = runner.invoke(main, ["check", "--no-cache", "--select", "PRM,QQQ", str(pages / "bad.md")])
    assert result.exit_code == 2
    assert result.stderr.startswith("medlint: error: --select: unknown rule selector 'QQQ'")
    (pages / "medlint.toml").write_text('ignore = ["QQQ"]\n')
    result = runner.invoke(main, ["check", "--no-cache", str(pages / "bad.md")])
    assert result.stderr.startswith(f"medlint: error: {pages / 'medlint.toml'}: ignore: unknown rule selector 'QQQ'")


@pytest.mark.parametrize("select", ["", ",", " , "])
def test_a_selection_of_no_rules_is_exit_2(runner, pages, select):
    result = runner.invoke(main, ["check", "--select", select, str(pages / "bad.md")])
    assert result.exit_code == 2 and "--select names no rule" in result.stderr


def test_warnings_for_no_pages_and_options_the_format_does_not_use(runner, tmp_path, pages):
    (tmp_path / "empty").mkdir()
    result = run(runner, "check", "--no-cache", str(tmp_path / "empty"))
    assert result.exit_code == 0 and "medlint: warning: no pages (.txt" in result.stderr
    result = run(runner, "check", "--no-cache", "--statistics", "--format", "json", str(pages / "bad.md"))
    assert "--statistics adds counts to the text report" in result.stderr
    assert json.loads(result.stdout)["summary"]["findings"] == 2


@pytest.mark.parametrize("options, says", [
    ("max_words = \"ten\"", "rules.RDB001: option 'max_words' must be int"),
    ("max_wordz = 30", "rules.RDB001: unknown option(s) max_wordz for kind 'sentence-length'"),
])
def test_a_bad_rule_option_in_the_config_names_the_config_file(runner, pages, options, says):
    (pages / "medlint.toml").write_text(f"[rules.RDB001]\n{options}\n")
    result = runner.invoke(main, ["check", "--no-cache", str(pages / "bad.md")])
    assert result.exit_code == 2
    assert result.stderr == f"medlint: error: {pages / 'medlint.toml'}: {says}\n"


@pytest.mark.parametrize("bad", ['fail-on = "sometimes"', 'select = 3', '[severity]\nPRM001 = "fatal"',
                                 '[rules.PRM001]\nunknown_option = 1', 'model = 5', 'this is not toml'])
def test_bad_config_values_are_exit_2(runner, pages, bad):
    (pages / "medlint.toml").write_text(bad + "\n")
    result = runner.invoke(main, ["check", str(pages / "bad.md")])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("medlint: error: ") and "Traceback" not in result.output


def test_suppression_comments(runner, tmp_path):
    page = tmp_path / "s.md"
    page.write_text(
        "Our revolutionary laser.\n\n<!-- medlint-disable PRM001 -->\nA revolutionary laser.\n<!-- medlint-enable -->\n\n"
        "<!-- medlint-disable-next-line promotional -->\nA guaranteed revolutionary laser.\n\nA revolutionary end.\n"
    )
    data = json.loads(run(runner, "check", "--format", "json", str(page)).output)
    assert [(f["code"], f["line"]) for f in data["files"][0]["findings"]] == [("PRM001", 1), ("PRM001", 10)]
    page.write_text("<!-- medlint-disable-file -->\nOur revolutionary laser is guaranteed.\n")
    assert run(runner, "check", str(page)).exit_code == 0


def test_suppression_comments_read_whole_actions_and_reasons_and_warn_of_unknown_codes(runner, tmp_path):
    page = tmp_path / "veins.md"
    page.write_text(
        "# Varicose veins\n\nKeep the the leg raised. <!-- medlint-disable-line GRM002 -->\n\n"
        "Wear the the stocking.\n\n"
        "<!-- medlint-disable GRM002 -- agreed with Dr E -->\nStudies show that the the veins close.\n"
        "<!-- medlint-enable GRM002 -->\n\nCall the the clinic. <!-- medlint-disable-line GRM02 -->\n",
        encoding="utf-8")
    result = run(runner, "check", "--no-cache", "--format", "json", str(page))
    found = [(f["code"], f["line"]) for f in json.loads(result.stdout)["files"][0]["findings"]]
    # the comment's own line; the second GRM002 stands; "Dr E" is a reason, not the prefix of every EVD rule;
    # the typo suppresses nothing and is said
    assert found == [("GRM002", 5), ("EVD002", 8), ("GRM002", 11)]
    assert result.stderr == (f"medlint: warning: {page}:11: 'medlint-disable-line' names no rule 'GRM02' "
                             "(a code, a code prefix, a category or ALL; a reason goes after ' -- ')\n")


def test_rules_and_explain_know_the_config_rule_packs_and_show_options(runner, tmp_path, monkeypatch):
    from tests.test_registry import GOOD

    (tmp_path / "style" / "house").mkdir(parents=True)
    (tmp_path / "style" / "house" / "XYZ001-some-rule.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "medlint.toml").write_text('rule-paths = ["style"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "XYZ001  some-rule" in run(runner, "rules").stdout
    assert run(runner, "explain", "xyz001").stdout.startswith("XYZ001 some-rule\n")
    elsewhere = tmp_path.parent
    monkeypatch.chdir(elsewhere)
    assert "XYZ001" not in run(runner, "rules").stdout
    assert "XYZ001" in run(runner, "rules", "--config", str(tmp_path / "medlint.toml")).stdout
    explained = run(runner, "explain", "RDB001").stdout
    assert "Options (change them under [tool.medlint.rules.RDB001]):\n  max_words = 30\n" in explained


def test_output_file_and_statistics(runner, pages, tmp_path):
    out = tmp_path / "report.json"
    result = run(runner, "check", "--format", "json", "--output", str(out), str(pages))
    assert result.output == "" and json.loads(out.read_text())["version"] == 1
    stats = run(runner, "check", "--statistics", "--quiet", str(pages)).output
    assert "    1  PRM001  hype-word" in stats


def test_a_spacy_model_that_is_not_installed_is_one_warning_line(runner, tmp_path, monkeypatch):
    (tmp_path / "medlint.toml").write_text('model = "en_medlint_no_such_model"\n')
    (tmp_path / "acl.md").write_text("# ACL reconstruction\n\nUse crutches for two weeks.\n")
    monkeypatch.chdir(tmp_path)
    result = run(runner, "check", "--no-cache", "acl.md")
    # the run goes on with the built-in pipeline, and says so once, as medlint's other warnings are said
    assert result.exit_code == 0 and result.stdout == "All clear: 1 file checked, no problems found.\n"
    assert result.stderr == ("medlint: warning: spaCy model 'en_medlint_no_such_model' is not installed; using the "
                             "built-in pipeline (OSError)\n")


def test_quiet_on_a_clean_page_prints_nothing(runner, tmp_path):
    page = tmp_path / "thyroid.md"
    page.write_text("# After thyroid surgery\n\nKeep the wound dry for two days.\n")
    result = run(runner, "check", "--no-cache", "--quiet", str(page))
    assert (result.exit_code, result.stdout) == (0, "")
    assert run(runner, "check", "--no-cache", str(page)).stdout == "All clear: 1 file checked, no problems found.\n"


def test_rules_and_explain(runner):
    listing = run(runner, "rules").output
    assert "ANA001  procedure-region-mismatch" in listing
    explained = run(runner, "explain", "ANA001")
    assert explained.exit_code == 0
    assert "Category: anatomy" in explained.output and "Flagged:" in explained.output
    missing = runner.invoke(main, ["explain", "XXX999"])
    assert missing.exit_code == 2 and "unknown rule" in missing.output


def test_python_dash_m_lint_works():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "lint", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and out.stdout.strip() == f"medlint {__version__}"


def test_command_exit_keeps_codes_output_and_exit_handlers(tmp_path):
    """``python -m lint`` leaves by ``os._exit``: the codes, the whole report and the exit handlers
    (the compiled-pattern table is saved by one) must be what a normal exit gives."""
    import json
    import subprocess
    import sys

    env = {**os.environ, "MEDLINT_DATA_CACHE": str(tmp_path / "data")}
    clean = ROOT / "fixtures" / "clean" / "thyroidectomy.md"
    defects = ROOT / "fixtures" / "defects"

    def command(*args):
        return subprocess.run([sys.executable, "-m", "lint", *args], capture_output=True, text=True, cwd=ROOT,
                              env=env)

    assert command("check", "--no-cache", "--fail-on", "warning", str(clean)).returncode == 0
    report = command("check", "--no-cache", "--format", "json", str(defects))
    assert report.returncode == 1
    assert len(json.loads(report.stdout)["files"]) == len([p for p in defects.iterdir() if p.suffix in (".md", ".txt", ".html")])
    assert command("check", "--no-cache", str(tmp_path / "missing.md")).returncode == 2
    assert command("no-such-command").returncode == 2
    # the compiled-pattern table is written by an exit handler only
    table = subprocess.run([sys.executable, "-c", "import lint.compiled as c; print(len(c._load()))"],
                           capture_output=True, text=True, cwd=ROOT, env=env)
    assert int(table.stdout) > 100, table.stderr


@pytest.mark.parametrize("command", [["rules"], ["explain", "GRM003"]])
def test_version_rules_and_explain_do_not_import_spacy(command):
    import subprocess
    import sys

    code = ("import sys; from click.testing import CliRunner; from lint.cli import main; "
            f"r = CliRunner().invoke(main, {command!r}); assert r.exit_code == 0, r.output; "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "False", out.stderr


def test_explain_shows_the_kinds_defaults_beside_the_rules_own_options(runner):
    explained = run(runner, "explain", "PRM001").stdout
    options = explained.split("Options (change them under [tool.medlint.rules.PRM001]):\n", 1)[1].splitlines()
    # set in the rule's file: as written; not set there: the substitution kind's default, said to be one
    assert "  skip_negated = true" in options
    assert any(line.startswith("  hedge_window = 3 ") and line.endswith("(the kind's default)") for line in options)
    assert not any(line.startswith("  swap") or line.startswith("  exceptions") for line in options)  # lists: not shown


def test_fix_from_standard_input_through_the_shell(tmp_path):
    """What an editor runs: ``medlint check --fix --stdin-filename page.md - < page.md > fixed.md``. The command
    leaves by ``os._exit``: the page written to the binary stdout must be flushed whole before it."""
    import subprocess
    import sys

    page = tmp_path / "page.md"
    page.write_bytes(b"# Knee\r\n\r\nRest the the knee. Our revolutionary knee.\r\n")
    fixed = tmp_path / "fixed.md"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    with open(page, "rb") as stdin, open(fixed, "wb") as stdout:
        done = subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--select", "GRM002,PRM001",
                               "--fix", "--stdin-filename", "page.md", "-"],
                              stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=env)
    assert done.returncode == 1
    assert fixed.read_bytes() == b"# Knee\r\n\r\nRest the knee. Our revolutionary knee.\r\n"
    assert done.stderr.startswith("page.md:3:20: PRM001 ")
    assert done.stderr.endswith("Found 1 problem (1 warning) in 1 of 1 file.\nmedlint: fixed 1 problem in 1 file\n")


def test_a_message_field_no_finding_fills_is_exit_2_naming_file_rule_and_field(runner, tmp_path):
    pack = tmp_path / "packs" / "house"
    pack.mkdir(parents=True)
    rule = (ROOT / "rules" / "promotional" / "PRM001-hype-word.yaml").read_text(encoding="utf-8")
    rule = rule.replace("code: PRM001", "code: HSE001").replace("name: hype-word", "name: house-hype")
    rule = "\n".join('message: "Avoid {bogus}."' if line.startswith("message:") else line for line in rule.splitlines())
    (pack / "HSE001-house-hype.yaml").write_text(rule + "\n", encoding="utf-8")
    (tmp_path / "medlint.toml").write_text('rule-paths = ["packs"]\n', encoding="utf-8")
    (tmp_path / "page.md").write_text(BAD_PAGE, encoding="utf-8")
    expected = (f"medlint: error: {pack.resolve() / 'HSE001-house-hype.yaml'}: rule HSE001: 'message' names {{bogus}}, which kind "
                "'substitution' never fills (it fills {suggestion}, {text}); write a literal brace as {{ or }}\n")
    for args in (["check", "--no-cache", str(tmp_path / "page.md")], ["rules", "--config", str(tmp_path / "medlint.toml")],
                 ["explain", "PRM001", "--config", str(tmp_path / "medlint.toml")]):
        result = runner.invoke(main, args)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected), args


def test_a_report_written_into_the_linted_folder_is_not_linted_by_the_next_run(runner, tmp_path, monkeypatch):
    # "-o report.html" in the folder a run lints: the next run found the report as a page and stopped with a usage error
    (tmp_path / "hernia.md").write_text("# Hernia repair\n\nRest the the groin.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        result = runner.invoke(main, ["check", "-j1", "--no-cache", "--format", "html", "-o", "report.html", "."])
        assert result.exit_code == 1, result.output
    named = runner.invoke(main, ["check", "-j1", "--no-cache", "--format", "html", "-o", "report.html", "report.html"])
    assert named.exit_code == 2 and "one of the pages being linted" in named.output


def test_standard_input_is_held_to_the_file_size_limit(runner, tmp_path, monkeypatch):
    (tmp_path / "medlint.toml").write_text("max-file-size = 100\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    page = "Rest the the knee. " * 20
    result = runner.invoke(main, ["check", "-j1", "--no-cache", "--stdin-filename", "knee.md", "-"], input=page)
    assert result.exit_code == 2 and "over the limit of 100 (max-file-size)" in result.output
    fixed = runner.invoke(main, ["check", "-j1", "--no-cache", "--fix", "--stdin-filename", "knee.md", "-"], input=page)
    assert fixed.stdout == page


def test_a_folder_whose_pages_are_all_excluded_says_so(runner, tmp_path, monkeypatch):
    # it said "no pages found in drafts/", though there were pages: the configuration left them out
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "knee.md").write_text("Our revolutionary knee surgery.\n", encoding="utf-8")
    (tmp_path / "medlint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["check", "-j1", "--no-cache", "drafts"])
    assert result.exit_code == 0 and "every page in drafts is left out by 'exclude' in" in result.stderr
