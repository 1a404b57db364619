"""Hostile input: medlint never raises, never hangs, never damages a page, and always says
what it could not read.

Generated cases in one default run (hypothesis, derandomized in tests/conftest.py, so every
run checks the same cases):

    readers map every character back to the source     3 formats x READER_EXAMPLES = 3 x 2,000
    linting never raises, spans exact, output stable                 LINT_EXAMPLES =     1,500
    fixes change only the fixed spans                    3 formats x FIX_EXAMPLES =   3 x   600
    the HTML report escapes all page text                          REPORT_EXAMPLES =     1,000
                                                                                     ---------
                                                                                        10,300

test_the_property_tests_check_ten_thousand_generated_cases checks the sum and that each test
runs with its constant. The property tests take about 70 s on a shared 2-core machine.
"""

from __future__ import annotations

import html
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections import Counter
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.cli import main
from lint.documents import parse
from lint.documents.base import PLACEHOLDER
from lint.fixes import MAX_PASSES, fix_until_stable
from lint.model import CATEGORIES, SEVERITIES, FileResult, Finding, Fix
from lint.reporters import Report, render

# -- how many generated cases a run checks (see the module docstring) ------------------------
READER_EXAMPLES = 2000  # per format
LINT_EXAMPLES = 1500
FIX_EXAMPLES = 600  # per format
REPORT_EXAMPLES = 1000
FORMATS = ["page.txt", "page.md", "page.html"]
GENERATED_CASES = len(FORMATS) * READER_EXAMPLES + LINT_EXAMPLES + len(FORMATS) * FIX_EXAMPLES + REPORT_EXAMPLES

# Fragments that exercise every reader's syntax, mixed with arbitrary Unicode.
MARKUP = st.sampled_from([
    "# ", "## ", "\n", "\n\n", "- ", "1. ", "> ", "|", "|---|", "```", "`", "*", "**", "_", "~~", "[", "]", "(", ")",
    "![", "](", "<", ">", "</", "<p>", "</p>", "<h2>", "</h2>", "<li>", "<a href='x'>", "</a>", "<script>",
    "</script>", "<!--", "-->", "<sup>1</sup>", "&amp;", "&#x41;", "&nbsp;", "&bogus;", "\\*", "---\n", "\t",
    "    ", "\r\n", "http://x.org/a", "www.example.com", "a@b.co", "[^1]", "[^1]: ref", "<img alt='x'>",
    "medlint-disable", "<!-- medlint-disable-next-line -->",
])
# More structure: tables, breaks, skipped elements, odd character references, escapes.
MORE_MARKUP = st.sampled_from([
    "<br>", "<br/>", "<td>", "<tr>", "<table>", "<ul>", "</li>", "<h1 class=x>", '<img alt="a &amp; b">', "<img alt=hip>",
    "&#99999999;", "&#0;", "&#x;", "&lt;", "&", "\r", "\u2028", "\x0c", "\u00a0", "  ", "<b>", "</b>", "<em>",
    "<title>", "</title>", "<pre>", "</pre>", "<code>", "</code>", "<style>", "<div>", "</div>", "<p", "<!DOCTYPE html>",
    "<?x?>", "<![CDATA[x]]>", "***", "___", "<sup>[2]</sup>", "[link](http://a.b)", "![alt text](i.png)", "[^2]",
    "    code", "~~~", "+ ", "* ", "Sources:", "References\n", "---", "===", "\\", "\\\\", "\\_", "\\&",
    "|a|b|\n|-|-|\n|c|d|",
])
WORDS = st.sampled_from([
    "laminectomy", "hip", "lumbar", "the", "patient", "he", "his", "revolutionary", "guaranteed", "0.5%",
    "of", "cases", "studies", "show", "pancreas", "excision", "recieve", "spinal", "process", "Laminectomy",
    "thyroidectomy", "risk-free", "no", "not", "9", "out", "10", "patients", ".", ",", "!", "?", "is", "a",
])
TEXT = st.lists(st.one_of(MARKUP, WORDS, st.text(max_size=6)), max_size=60).map(" ".join)
# Fragments glued with nothing, a space or a newline, so markup also lands at line starts.
GLUED = st.lists(st.tuples(st.one_of(MARKUP, MORE_MARKUP, WORDS, st.text(max_size=5)), st.sampled_from(["", " ", "\n"])),
                 max_size=50).map(lambda parts: "".join(a + b for a, b in parts))
PAGES = st.one_of(TEXT, GLUED)


# -- readers ----------------------------------------------------------------------------------
_TAG_AS_SPACE = re.compile(r"\s*<[A-Za-z/][^<>]*>\s*")  # <br> and block tags read as a space
_QUOTE_BREAK = re.compile(r"\n[ \t>]*")  # a line break inside a Markdown quote, with its markers
_SHOWN_MARKUP = re.compile(r"`|!\[|<[A-Za-z]|\{[{%]")  # a code span, an image, an inline element, Liquid


def stands_for(char: str, raw: str) -> bool:
    """Whether the source text ``raw`` may be read as the block character ``char``."""
    if raw == char or raw == "\\" + char:  # copied, or a Markdown escape
        return True
    if raw.startswith("&") and (html.unescape(raw) == char or (char == " " and html.unescape(raw).isspace())):
        return True  # a character reference
    if char == PLACEHOLDER:  # markup that shows something the text does not hold: code, an image, a template's output
        return bool(_SHOWN_MARKUP.match(raw))
    return char == " " and (raw.isspace() or bool(_TAG_AS_SPACE.fullmatch(raw) or _QUOTE_BREAK.fullmatch(raw)))


@pytest.mark.parametrize("name", FORMATS)
@settings(max_examples=READER_EXAMPLES)
@given(source=PAGES)
def test_readers_never_raise_and_map_every_character_back(name, source):
    doc = parse(name, source)
    for block in doc.blocks:
        previous_end = 0
        for i, char in enumerate(block.text):
            start, end = block.source_span(i, i + 1)
            assert 0 <= start < end <= len(source)
            assert start >= previous_end, "block characters map to source in order, without overlap"
            assert stands_for(char, source[start:end]), (i, char, source[start:end])
            previous_end = end


# -- the linter -------------------------------------------------------------------------------
@settings(max_examples=LINT_EXAMPLES)
@given(source=PAGES, name=st.sampled_from(FORMATS))
def test_linting_never_raises_spans_are_exact_and_output_is_stable(default_linter, source, name):
    first = default_linter.lint_source(name, source)
    for f in first.findings:
        assert 0 <= f.start < f.end <= len(source)
        assert source[f.start : f.end] == f.text
        assert f.line >= 1 and f.column >= 1
    second = default_linter.lint_source(name, source)
    assert first.findings == second.findings


# -- fixes ------------------------------------------------------------------------------------
FIXABLE = {"GRM001", "GRM002", "GRM004"}  # the rules marked fix: true in rules/grammar/
# A sentence that must be fixed, first on every generated page (so no property run is vacuous),
# with its fixed form.
PLANTED = st.sampled_from([
    ("Keep the the dressing dry for two days.", "Keep the dressing dry for two days."),
    ("After a thyroidectomy it is important keep your neck still.",
     "After a thyroidectomy it is important to keep your neck still."),
    ("You will not be able drive for a week after ACL reconstruction.",
     "You will not be able to drive for a week after ACL reconstruction."),
    ("Keyhole surgery leaves smaller scars (when opposed to open surgery).",
     "Keyhole surgery leaves smaller scars (as opposed to open surgery)."),
    ("Wear the compression stockings for for a week after varicose vein surgery.",
     "Wear the compression stockings for a week after varicose vein surgery."),
])
# Fixable slips, and near misses whose source is not plain prose (the fix must be dropped).
DEFECTS = st.sampled_from([
    "the the", "The the", "of of", "and and", "to to", "is is", "was was", "when opposed to", "When compared to",
    "it is important keep", "be able drive", "you need take the", "the  the", "the\nthe", "the\tthe",
    "the\u00a0the", "the &nbsp;the", "the&#32;the", "the <b>the</b>", "the\\ the",
])
WRAPPERS = {
    "page.txt": ["{}", "{}\n", "\n{}\n\n", "- {}", "1. {}", "{}:", "({})", '"{}"', "{},", "  {}  "],
    "page.md": ["{}", "**{}**", "*{}*", "`{}`", "[{}](https://example.org/a)", "# {}\n", "\n- {}\n", "\n> {}\n",
                "<!-- {} -->", "\n```\n{}\n```\n", "<b>{}</b>", "\\{}", "~~{}~~", "![{}](x.png)", "\n[^1]: {}\n",
                "\n\n    {}\n", "<span title='{}'>x</span>", "&amp;{}", "[x]({})", "\n| {} | b |\n|---|---|\n| c | d |\n"],
    "page.html": ["{}", "<p>{}</p>", "<li>{}</li>", "<b>{}</b>", "<code>{}</code>", "<pre>{}</pre>",
                  "<script>var a='{}';</script>", "<style>/* {} */</style>", "<!-- {} -->", "<img alt='{}'>",
                  "<a href='{}'>link</a>", "<h2>{}</h2>", "<td>{}</td>", "{}&nbsp;", "&amp;{}",
                  "<textarea>{}</textarea>", "<title>{}</title>", "<p title=\"{}\">x</p>"],
}
FIX_FILLER = st.one_of(MARKUP, MORE_MARKUP, WORDS, st.text(max_size=5))


@st.composite
def fixable_pages(draw, name):
    """(page, the planted sentence's fixed form): a planted slip, then slips in random markup."""
    planted, planted_fixed = draw(PLANTED)
    wrapped = st.builds(str.format, st.sampled_from(WRAPPERS[name]), DEFECTS)
    parts = draw(st.lists(st.tuples(st.one_of(wrapped, wrapped, FIX_FILLER), st.sampled_from(["", " ", "\n"])),
                          max_size=30))
    body = "".join(a + b for a, b in parts)
    if name == "page.html":
        planted, planted_fixed = f"<p>{planted}</p>", f"<p>{planted_fixed}</p>"
    source = f"{planted}\n\n{body}"
    if draw(st.booleans()):
        source = source.replace("\n", "\r\n")
    return source, planted_fixed


def chosen_fixes(source: str, findings: list[Finding]) -> list[Finding]:
    """The fixes one pass applies (lint.fixes' contract): by position, the first of overlapping
    fixes wins, and only where the source still holds the finding's text."""
    chosen, pos = [], 0
    for f in sorted((f for f in findings if f.fix is not None), key=Finding.sort_key):
        if f.start >= pos and source[f.start : f.end] == f.text and f.fix.replacement != f.text:
            chosen.append(f)
            pos = f.end
    return chosen


def spliced(source: str, fixes: list[Finding]) -> str:
    """``source`` with each fix's span replaced by its replacement and nothing else changed."""
    for f in reversed(fixes):
        source = source[: f.start] + f.fix.replacement + source[f.end :]
    return source


# Everything but letters, digits and spaces: markup, punctuation, entities, line breaks. The
# fixes only change words and the spaces between them, so this must come through unchanged.
_WORDS_AND_SPACES = re.compile(r"[^\W_]+|[^\S\r\n]+")
_MARKUP_CHARS = re.compile(r"[<>&`*_\[\]\\\r\n\t\u00a0]")


@pytest.mark.parametrize("name", FORMATS)
@settings(max_examples=FIX_EXAMPLES)
@given(data=st.data())
def test_fixes_change_only_the_fixed_spans(default_linter, name, data):
    source, planted_fixed = data.draw(fixable_pages(name), label="page")
    passes: list[tuple[str, list[Finding]]] = []

    def lint(text: str) -> list[Finding]:
        findings = default_linter.lint_source(name, text).findings
        passes.append((text, findings))
        return findings

    fixed, count, remaining = fix_until_stable(source, lint)
    assert passes[0][0] == source and passes[-1] == (fixed, remaining)
    applied = 0
    for (before, findings), (after, _) in zip(passes, passes[1:], strict=False):
        fixes = chosen_fixes(before, findings)
        assert fixes, "a pass that changed nothing ends the loop"
        for f in fixes:
            assert f.code in FIXABLE
            assert not _MARKUP_CHARS.search(f.text), f"a fix over markup or a break: {f.text!r}"
            assert re.fullmatch(r"(?:[^\W_]|[ '’])+", f.fix.replacement), f.fix.replacement
        assert after == spliced(before, fixes)  # outside the fixed spans the text is identical
        applied += len(fixes)
    assert count == applied >= 1
    if len(passes) <= MAX_PASSES:
        assert chosen_fixes(fixed, remaining) == []  # stable: fixing again changes nothing
    assert _WORDS_AND_SPACES.sub("", fixed) == _WORDS_AND_SPACES.sub("", source)
    assert fixed.startswith(planted_fixed)


# -- the HTML report --------------------------------------------------------------------------
HOSTILE_FRAGMENTS = st.sampled_from([
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", "</pre>",
    "</textarea>", "<!--", "-->", "]]>", "&lt;", "&amp;", "&#60;", "<b>", "</mark>", "<a href='javascript:x'>",
    "javascript:alert(1)", "\" onclick=\"alert(1)", "`", "<", ">", "&", '"', "'", "\n", "\r\n", "\u2028",
])
# Any text but private-use characters, which neutralised() below uses as stand-ins.
ANY_TEXT = st.characters(exclude_categories=("Cs", "Co"))
HOSTILE = st.lists(st.one_of(HOSTILE_FRAGMENTS, WORDS, st.text(ANY_TEXT, max_size=4)), max_size=12).map("".join)
# One draw for a short field (a code, a name, a path): drawing is most of this test's time.
SHORT = st.one_of(HOSTILE_FRAGMENTS, st.text(ANY_TEXT, max_size=6))


@st.composite
def hostile_results(draw):
    results = []
    for n in range(draw(st.integers(1, 2))):
        source = draw(HOSTILE)
        findings = []
        for _ in range(draw(st.integers(0, 3))):
            start = draw(st.integers(0, len(source)))
            end = draw(st.integers(start, len(source)))
            findings.append(Finding(
                code=draw(SHORT), name=draw(SHORT), category=draw(st.one_of(st.sampled_from(CATEGORIES), SHORT)),
                severity=draw(st.sampled_from(SEVERITIES)), message=draw(SHORT), start=start, end=end,
                text=source[start:end], line=1, column=start + 1, end_line=1, end_column=end + 1,
                suggestions=(draw(SHORT),), url=draw(st.sampled_from(["", "javascript:alert(1)", "https://e.org/\"><b>"])),
                fix=draw(st.one_of(st.none(), st.builds(Fix, SHORT))),
            ))
        results.append(FileResult(path=draw(SHORT) + f".{n}.md", source=source,
                                  findings=sorted(findings, key=Finding.sort_key)))
    if draw(st.booleans()):
        results.append(FileResult(path=draw(SHORT) + ".txt", error=draw(SHORT)))
    return results


class _Structure(HTMLParser):
    """The elements of a page (tag and attribute names), and the text inside each <pre>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: Counter = Counter()
        self.attributes: list[tuple[str, str, str | None]] = []
        self.pre: list[str] = []
        self._in_pre = False

    def handle_starttag(self, tag, attrs):
        self.elements[(tag, tuple(sorted(name for name, _ in attrs)))] += 1
        self.attributes.extend((tag, name, value) for name, value in attrs)
        if tag == "pre":
            self._in_pre = True
            self.pre.append("")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "pre":
            self._in_pre = False

    def handle_data(self, data):
        if self._in_pre:
            self.pre[-1] += data


def structure(page: str) -> _Structure:
    parser = _Structure()
    parser.feed(page)
    parser.close()
    return parser


_NEUTRAL = str.maketrans({c: chr(0xE000 + i) for i, c in enumerate("<>&\"'`")})


def neutralised(results: list[FileResult]) -> list[FileResult]:
    """The same results with every character markup is made of replaced by a private-use
    character of its own: same lengths, distinct values stay distinct, no markup."""
    def n(text):
        return text.translate(_NEUTRAL) if isinstance(text, str) else text

    out = []
    for r in results:
        findings = [Finding(**{**f.__dict__, **{k: n(getattr(f, k)) for k in ("code", "name", "message", "text")},
                               "category": n(f.category), "url": n(f.url),
                               "suggestions": tuple(n(s) for s in f.suggestions),
                               "fix": Fix(n(f.fix.replacement)) if f.fix else None})
                    for f in r.findings]
        out.append(FileResult(path=n(r.path), source=n(r.source), findings=findings, error=n(r.error)))
    return out


@settings(max_examples=REPORT_EXAMPLES)
@given(results=hostile_results())
def test_the_html_report_escapes_all_page_text(results):
    """Page text, paths, messages and fixes never become elements or attributes of the report."""
    hostile = structure(render("html", Report(results=results)))
    plain = structure(render("html", Report(results=neutralised(results))))
    # the report has the same elements and attributes whatever the text: none came from the text
    assert hostile.elements == plain.elements
    assert hostile.elements[("script", ())] == 1  # only the report's own script
    assert [a for a in hostile.attributes if a[1].startswith("on")] == [("form", "onsubmit", "return false")]
    assert not [a for a in hostile.attributes if a[1] == "href" and not (a[2] or "").startswith(("#", "http"))]
    # and each page is shown whole, character for character
    assert hostile.pre == [r.source for r in results if not r.error]


def test_the_property_tests_check_ten_thousand_generated_cases():
    runs = {
        test_readers_never_raise_and_map_every_character_back: (READER_EXAMPLES, len(FORMATS)),
        test_linting_never_raises_spans_are_exact_and_output_is_stable: (LINT_EXAMPLES, 1),
        test_fixes_change_only_the_fixed_spans: (FIX_EXAMPLES, len(FORMATS)),
        test_the_html_report_escapes_all_page_text: (REPORT_EXAMPLES, 1),
    }
    for test, (examples, _) in runs.items():
        assert test._hypothesis_internal_use_settings.max_examples == examples, test.__name__
        assert test._hypothesis_internal_use_settings.derandomize
    assert sum(examples * params for examples, params in runs.values()) == GENERATED_CASES >= 10_000


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


def _check_with_pack(tmp_path, name: str, rule: str):
    """``medlint check`` of a one-word page with a rule pack of one rule file."""
    pack = tmp_path / "pack" / "house"
    pack.mkdir(parents=True)
    (pack / name).write_text(rule)
    (tmp_path / "medlint.toml").write_text(f'rule-paths = ["{(tmp_path / "pack").as_posix()}"]\n')
    (tmp_path / "page.md").write_text("text\n")
    return CliRunner().invoke(main, ["check", str(tmp_path / "page.md")])


def test_a_broken_rule_pack_names_the_file_and_the_rule(tmp_path):
    result = _check_with_pack(tmp_path, "HSE002-bad-kind.yaml", (
        "code: HSE002\nname: bad-kind\nkind: no-such-kind\ncategory: seo\nseverity: warning\nmessage: m\n"
        "rationale: a rule that names a kind the engine does not have, to test the error\n"
        "examples: {fire: ['x'], pass: ['y']}\n"
    ))
    assert result.exit_code == 2
    assert "HSE002-bad-kind.yaml: rule HSE002: unknown kind 'no-such-kind'" in result.output
    assert "Traceback" not in result.output


def test_a_key_given_twice_in_a_rule_pack_is_an_error_not_a_silent_replacement(tmp_path):
    # (YAML keeps the second of two equal keys: a term or fact written again further down would replace the first)
    result = _check_with_pack(tmp_path, "HSE003-twice.yaml", (
        "code: HSE003\nname: twice\nkind: substitution\ncategory: promotional\nseverity: warning\nmessage: m\n"
        "rationale: a rule whose substitutions name one phrase twice, to test the error\n"
        "options:\n  substitutions:\n    amazing results: [good results]\n    stunning: [striking]\n"
        "    amazing results: [results]\n"
        "examples: {fire: ['amazing results'], pass: ['good results']}\n"
    ))
    assert result.exit_code == 2
    assert "HSE003-twice.yaml (line 12): not valid YAML: the key 'amazing results' is given twice (first on line 10)" \
        in result.output
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


# -- no writes outside the caches and the fixed files ------------------------------------------
# Runs the real command line in a child process with an audit hook (PEP 578) that logs every
# write the interpreter does: files opened for writing or created, renames, removals, new
# folders, mode and time changes. The log goes to a descriptor opened before the hook, through
# os.write (which raises no audit event); forked workers inherit both.
_AUDITED_MEDLINT = r"""
import json, os, runpy, sys

LOG = os.open(os.environ["MEDLINT_AUDIT_LOG"], os.O_WRONLY | os.O_APPEND)
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
ONE_PATH = {"os.remove", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.chflags", "os.utime", "os.truncate",
            "os.setxattr", "os.removexattr", "os.mkfifo", "os.mknod", "shutil.rmtree"}
TWO_PATHS = {"os.rename", "os.link", "os.symlink", "shutil.copyfile", "shutil.copymode", "shutil.copystat",
             "shutil.copytree", "shutil.move"}


def where(path):
    if isinstance(path, int):  # a descriptor: name the file it is open on
        try:
            return os.readlink(f"/proc/self/fd/{path}")
        except OSError:
            return f"<descriptor {path}>"
    return os.path.realpath(os.fsdecode(path))


def hook(event, args):
    if event == "open":
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            mode is None and isinstance(flags, int) and flags & WRITE_FLAGS)
        paths = [path] if writing and path is not None and not isinstance(path, int) else []
    elif event in TWO_PATHS:
        paths = list(args[:2])
    elif event in ONE_PATH:
        paths = [args[0]]
    else:
        return
    for path in paths:
        os.write(LOG, (json.dumps([event, where(path)]) + "\n").encode("utf-8"))


sys.addaudithook(hook)
sys.argv = ["medlint", *sys.argv[1:]]
runpy.run_module("lint", run_name="__main__", alter_sys=False)
"""

AUDIT_PAGES = {
    "thyroidectomy.md": ("# Thyroidectomy\n\nKeep the the dressing dry for two days.\n",
                         "# Thyroidectomy\n\nKeep the dressing dry for two days.\n"),
    "prostate.html": ("<h1>Prostate biopsy</h1>\n<p>Drink plenty of of water.</p>\n",
                      "<h1>Prostate biopsy</h1>\n<p>Drink plenty of water.</p>\n"),
    "veins/varicose.txt": ("Varicose vein surgery\n\nIt is important keep your legs raised.\n",
                           "Varicose vein surgery\n\nIt is important to keep your legs raised.\n"),
    "veins/acl.md": ("# ACL reconstruction\n\nOur revolutionary knee surgery.\n", None),
    "bariatric.txt": ("Gastric bypass\n\nYou stay in hospital for two nights.\n", None),
}


def _audited_run(tmp_path, *args) -> list[tuple[str, str]]:
    """Run ``medlint check *args`` in the project folder; the writes it made, as (event, path)."""
    from tests.conftest import ROOT

    log = tmp_path / "audit.log"
    log.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDLINT_", "XDG_", "PYTHON"))}
    env.update(HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "xdg-cache"), PYTHONPATH=str(ROOT),
               PYTHONDONTWRITEBYTECODE="1", MEDLINT_AUDIT_LOG=str(log))
    done = subprocess.run([sys.executable, "-c", _AUDITED_MEDLINT, "check", "-j", "2", *args, "pages"],
                          cwd=tmp_path / "project", env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    return [tuple(json.loads(line)) for line in log.read_text().splitlines()]


def _inside(path: str, folder) -> bool:
    folder = os.path.realpath(folder)
    return path == folder or path.startswith(folder + os.sep)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to name an open descriptor")
@pytest.mark.parametrize("fix", [False, True], ids=["check", "fix"])
def test_medlint_writes_only_its_caches_and_the_files_it_fixes(tmp_path, fix):
    (tmp_path / "home").mkdir()
    (tmp_path / "xdg-cache").mkdir()
    pages = tmp_path / "project" / "pages"
    for name, (text, _) in AUDIT_PAGES.items():
        (pages / name).parent.mkdir(parents=True, exist_ok=True)
        (pages / name).write_text(text, encoding="utf-8")
    result_cache = tmp_path / "project" / ".medlint_cache"
    data_cache = tmp_path / "xdg-cache" / "medlint" / "data"
    fixed = {os.path.realpath(pages / name) for name, (_, after) in AUDIT_PAGES.items() if after}

    def allowed(event: str, path: str) -> bool:
        if _inside(path, result_cache) or _inside(path, data_cache):
            return True
        if event == "os.mkdir" and _inside(str(data_cache), path) and _inside(path, tmp_path / "xdg-cache"):
            return True  # the data cache's parent folders, under XDG_CACHE_HOME
        if fix and path in fixed:
            return True
        # the temporary file a fixed page is written to before it replaces the page
        return fix and os.path.basename(path).startswith(".medlint-") and any(
            os.path.dirname(path) == os.path.dirname(f) for f in fixed)

    cold = _audited_run(tmp_path, *(["--fix"] if fix else []))  # fills both caches
    for name, (before, after) in AUDIT_PAGES.items():
        assert (pages / name).read_text(encoding="utf-8") == (after if fix and after else before)
    warm = _audited_run(tmp_path, *(["--fix"] if fix else []))  # reads them
    assert [w for w in cold + warm if not allowed(*w)] == []
    # the hook sees the writes medlint does make
    assert any(_inside(p, result_cache) for _, p in cold) and any(_inside(p, data_cache) for _, p in cold)
    assert ({p for e, p in cold if e == "os.rename"} >= fixed) == fix
    assert not [p for e, p in warm if e == "os.rename" and p in fixed]  # nothing left to fix
