"""Snapshot tests: each fixture page against its .expected file, and exact spans everywhere."""

from __future__ import annotations

import json
import re

import pytest

from lint.documents import SUPPORTED_EXTENSIONS
from lint.reporters import Report, render
from lint.reporters.sarif_format import artifact_uri
from tests.conftest import FIXTURES

PAGES = sorted(p for p in FIXTURES.rglob("*")
               if p.suffix in SUPPORTED_EXTENSIONS and p.is_file() and p.parent != FIXTURES)
CLEAN = [p for p in PAGES if p.parent.name == "clean"]


def snapshot_lines(result) -> list[str]:
    return [f"{f.line}:{f.column} {f.code} {f.text.replace(chr(10), chr(92) + 'n')}" for f in result.findings]


@pytest.fixture(scope="module")
def results(default_linter):
    return {p: default_linter.lint_file(str(p)) for p in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_snapshot(results, page, update_expected):
    result = results[page]
    assert result.error is None, result.error
    expected_file = page.with_name(page.name + ".expected")
    lines = snapshot_lines(result)
    if update_expected:
        expected_file.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return
    assert expected_file.exists(), f"no snapshot: run pytest --update-expected to create {expected_file.name}"
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert lines == expected


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_spans_are_exact(results, page):
    result = results[page]
    source = page.read_text(encoding="utf-8-sig")
    lines = source.split("\n")
    for f in result.findings:
        assert source[f.start : f.end] == f.text
        # line/column agree with the offsets
        assert sum(len(line) + 1 for line in lines[: f.line - 1]) + f.column - 1 == f.start


def test_spans_are_exact_in_every_report_format(results):
    chosen = [r for r in results.values() if r.findings]
    report = Report(results=chosen, version="test")
    data = json.loads(render("json", report))
    for file, result in zip(data["files"], chosen):
        source = result.source
        for finding in file["findings"]:
            assert source[finding["span"]["start"] : finding["span"]["end"]] == finding["text"]
    sarif = json.loads(render("sarif", report))
    by_path = {artifact_uri(r.path): r.source for r in chosen}
    for res in sarif["runs"][0]["results"]:
        loc = res["locations"][0]["physicalLocation"]
        region = loc["region"]
        source = by_path[loc["artifactLocation"]["uri"]]
        assert source[region["charOffset"] : region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
    github = render("github", report).splitlines()
    assert len(github) == sum(len(r.findings) for r in chosen)


@pytest.mark.parametrize("page", CLEAN, ids=lambda p: p.name)
def test_well_edited_pages_are_silent_at_warning_level(results, page):
    loud = [(f.code, f.text) for f in results[page].findings if f.severity in ("error", "warning")]
    assert loud == []


def _seed(results, stem):
    return {ext: results[FIXTURES / "seeds" / f"{stem}{ext}"] for ext in (".txt", ".md", ".html")}


@pytest.mark.parametrize("ext", [".txt", ".md", ".html"])
def test_the_three_signature_findings(results, ext):
    hip = _seed(results, "001-017cd2")[ext]
    pancreas = _seed(results, "002-3a8722")[ext]
    stats = _seed(results, "000-9c4f5e")[ext]
    assert any(f.category == "anatomy" and f.severity == "error" and f.text.lower() == "hip lumbar laminectomy"
               for f in hip.findings)
    assert any(f.category == "anatomy" and f.severity == "error" and "pancreas" in f.text for f in pancreas.findings)
    assert any(f.category == "evidence" and "0.5%" in f.text for f in stats.findings)


_MARKUP = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->|<[^>]*>", re.S | re.I)


def test_html_script_style_comments_and_attributes_are_never_linted(results):
    """A finding may span inline markup (a long sentence with a link), but never starts or ends inside it."""
    checked = 0
    for page, result in results.items():
        if page.suffix != ".html":
            continue
        markup = [m.span() for m in _MARKUP.finditer(result.source)]
        for f in result.findings:
            checked += 1
            for pos in (f.start, f.end - 1):
                assert not any(a <= pos < b for a, b in markup), (page.name, f.code, f.text)
    assert checked
