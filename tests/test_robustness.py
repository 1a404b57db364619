"""Hostile input: medlint never raises, never hangs, and always says what it could not read."""

from __future__ import annotations

import json
import os
import re
import socket
import time

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.cli import main
from lint.documents import parse

FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fragments that exercise every reader's syntax, mixed with arbitrary Unicode.
MARKUP = st.sampled_from([
    "# ", "## ", "\n", "\n\n", "- ", "1. ", "> ", "|", "|---|", "```", "`", "*", "**", "_", "~~", "[", "]", "(", ")",
    "![", "](", "<", ">", "</", "<p>", "</p>", "<h2>", "</h2>", "<li>", "<a href='x'>", "</a>", "<script>",
    "</script>", "<!--", "-->", "<sup>1</sup>", "&amp;", "&#x41;", "&nbsp;", "&bogus;", "\\*", "---\n", "\t",
    "    ", "\r\n", "http://x.org/a", "www.example.com", "a@b.co", "[^1]", "[^1]: ref", "<img alt='x'>",
    "medlint-disable", "<!-- medlint-disable-next-line -->",
])
WORDS = st.sampled_from([
    "laminectomy", "hip", "lumbar", "the", "patient", "he", "his", "revolutionary", "guaranteed", "0.5%",
    "of", "cases", "studies", "show", "pancreas", "excision", "recieve", "spinal", "process", "Laminectomy",
    "thyroidectomy", "risk-free", "no", "not", "9", "out", "10", "patients", ".", ",", "!", "?", "is", "a",
])
TEXT = st.lists(st.one_of(MARKUP, WORDS, st.text(max_size=6)), max_size=60).map(" ".join)
FORMATS = ["page.txt", "page.md", "page.html"]


@FAST
@given(source=TEXT, name=st.sampled_from(FORMATS))
def test_readers_never_raise_and_map_words_back_exactly(source, name):
    doc = parse(name, source)
    for block in doc.blocks:
        start, end = block.source_span(0, len(block.text))
        assert 0 <= start <= end <= len(source)
        for m in re.finditer(r"[A-Za-z]+", block.text):
            s, e = block.source_span(m.start(), m.end())
            assert 0 <= s < e <= len(source)
            raw = source[s:e]
            # a word is copied verbatim unless a character reference or an escape stood in the source
            assert raw == m.group() or "&" in raw or "\\" in raw or "\n" in raw or "\r" in raw


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(source=TEXT, name=st.sampled_from(FORMATS))
def test_linting_never_raises_spans_are_exact_and_output_is_stable(default_linter, source, name):
    first = default_linter.lint_source(name, source)
    for f in first.findings:
        assert 0 <= f.start < f.end <= len(source)
        assert source[f.start : f.end] == f.text
        assert f.line >= 1 and f.column >= 1
    second = default_linter.lint_source(name, source)
    assert first.findings == second.findings


def test_hostile_files_in_one_run(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# Knee surgery\n\nOur revolutionary knee surgery.\n")
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\n\t\n")
    (tmp_path / "nul.md").write_bytes(b"text\x00more")
    (tmp_path / "latin1.html").write_bytes("<p>caf\xe9</p>".encode("latin-1"))
    (tmp_path / "utf16.md").write_bytes("hello".encode("utf-16"))
    (tmp_path / "huge.txt").write_bytes(b"a " * 3_000_000)
    (tmp_path / "oneline.txt").write_text(("The operation takes an hour and you go home the same day " * 35_000)[:2_000_000])
    (tmp_path / "deep.html").write_text("<div>" * 20000 + "Deep text with a revolutionary claim." + "</div>" * 20000)
    (tmp_path / "dir.md").mkdir()
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["check", "--format", "json", str(tmp_path), str(tmp_path / "loop.md")])
    elapsed = time.monotonic() - started
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    by_name = {os.path.basename(f["path"]): f for f in data["files"]}
    assert "binary" in by_name["nul.md"]["error"]
    assert "UTF-8" in by_name["latin1.html"]["error"]
    assert "UTF-16" in by_name["utf16.md"]["error"]
    assert "max-file-size" in by_name["huge.txt"]["error"]
    assert "symbolic links" in by_name["loop.md"]["error"]
    assert by_name["empty.md"]["findings"] == [] and "error" not in by_name["empty.md"]
    assert by_name["blank.txt"]["findings"] == []
    assert any(f["code"] == "PRM001" for f in by_name["good.md"]["findings"])
    assert any(f["code"] == "PRM001" for f in by_name["deep.html"]["findings"])
    assert "error" not in by_name["oneline.txt"]
    assert elapsed < 400  # a 2 MB single line takes about a minute on one core


def test_an_unreadable_file_is_a_per_file_error(tmp_path, monkeypatch):
    page = tmp_path / "locked.md"
    page.write_text("text")
    (tmp_path / "ok.md").write_text("Our revolutionary laser.")
    real_open = open

    def guarded(file, *args, **kwargs):
        if str(file) == str(page):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded)
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "locked.md: error: permission denied" in result.output
    assert "PRM001" in result.output


def test_a_catastrophic_user_pattern_cannot_hang_medlint(tmp_path):
    pack = tmp_path / "pack" / "house"
    pack.mkdir(parents=True)
    (pack / "HSE001-slow-pattern.yaml").write_text(
        "code: HSE001\nname: slow-pattern\nkind: existence\ncategory: promotional\nseverity: warning\n"
        "message: m\nrationale: a house rule written with a pattern that backtracks catastrophically\n"
        "options: {patterns: ['(a+)+$']}\nexamples: {fire: ['aaaa'], pass: ['b']}\n"
    )
    (tmp_path / "medlint.toml").write_text(f'rule-paths = ["{(tmp_path / "pack").as_posix()}"]\n')
    page = tmp_path / "page.md"
    page.write_text("a" * 40 + "!\n")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["check", "--select", "HSE001", str(page)])
    assert time.monotonic() - started < 30
    assert result.exit_code in (0, 1), result.output


def test_a_broken_rule_pack_names_the_file_and_the_rule(tmp_path):
    pack = tmp_path / "pack" / "house"
    pack.mkdir(parents=True)
    (pack / "HSE002-bad-kind.yaml").write_text(
        "code: HSE002\nname: bad-kind\nkind: no-such-kind\ncategory: seo\nseverity: warning\nmessage: m\n"
        "rationale: a rule that names a kind the engine does not have, to test the error\n"
        "examples: {fire: ['x'], pass: ['y']}\n"
    )
    (tmp_path / "medlint.toml").write_text(f'rule-paths = ["{(tmp_path / "pack").as_posix()}"]\n')
    (tmp_path / "page.md").write_text("text\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "page.md")])
    assert result.exit_code == 2
    assert "HSE002-bad-kind.yaml: rule HSE002: unknown kind 'no-such-kind'" in result.output
    assert "Traceback" not in result.output


def test_no_network_access_without_a_languagetool_url(monkeypatch, default_linter):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network disabled in this test")

    monkeypatch.delenv("MEDLINT_LANGUAGETOOL_URL", raising=False)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    from tests.conftest import FIXTURES

    for page in sorted(FIXTURES.rglob("*.md"))[:10]:
        default_linter.lint_file(str(page))
    result = CliRunner().invoke(main, ["check", str(FIXTURES / "seeds")])
    assert result.exit_code in (0, 1)
    assert attempts == []
