"""--format html: one self-contained page; page text always escaped; checked in a real headless browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from lint.cli import main
from lint.model import FileResult, Finding, Fix
from lint.reporters import Report, render
from lint.reporters.html_format import _highlighted

# A prostate page whose author pasted a script and markup-like text into the prose.
PROSTATE_MD = """# Prostate biopsy

<script>document.documentElement.setAttribute("data-pwned", "yes")</script>

Our revolutionary prostate biopsy is guaranteed to find cancer & "other" <b>problems</b>.

Keep the the area clean for two days.
"""


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    (folder / "prostate-biopsy.md").write_text(PROSTATE_MD, encoding="utf-8")
    (folder / "unreadable.txt").write_bytes(b"caf\xe9")
    out = folder / "report.html"
    result = CliRunner().invoke(main, ["check", "--no-cache", "-j1", "--format", "html", "-o", str(out), str(folder)])
    assert result.exit_code == 2, result.output  # an unreadable file is reported, not fatal
    return out


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside <pre class="page">."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.page_text: list[str] = []
        self._in_pre = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "pre":
            self._in_pre += 1

    def handle_endtag(self, tag):
        if tag == "pre":
            self._in_pre -= 1

    def handle_data(self, data):
        if self._in_pre:
            self.page_text.append(data)


def parse(text: str) -> Elements:
    parser = Elements()
    parser.feed(text)
    return parser


def test_page_text_is_escaped_and_shown_whole(report_file):
    html = report_file.read_text(encoding="utf-8")
    assert '<script>document.documentElement.setAttribute("data-pwned"' not in html
    assert "&lt;script&gt;document.documentElement.setAttribute(&quot;data-pwned&quot;" in html
    parsed = parse(html)
    assert "".join(parsed.page_text) == PROSTATE_MD  # unescaped by a parser, it is the page, character for character
    scripts = [a for t, a in parsed.tags if t == "script"]
    assert scripts == [{}]  # only the report's own inline script


def test_report_is_self_contained(report_file):
    html = report_file.read_text(encoding="utf-8")
    parsed = parse(html)
    assert not [t for t, a in parsed.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for t, a in parsed.tags if "src" in a]
    assert "@import" not in html and "url(" not in html and "@font-face" not in html


def test_findings_are_highlighted_in_place_and_listed_by_category(report_file):
    parsed = parse(report_file.read_text(encoding="utf-8"))
    items = [a for t, a in parsed.tags if t == "li" and "finding" in a.get("class", "")]
    assert [(i["data-category"], i["data-severity"]) for i in items] == [
        ("grammar", "warning"), ("promotional", "warning"), ("promotional", "error")]
    categories = [a["data-category"] for t, a in parsed.tags if t == "section" and a.get("class") == "cat"]
    assert categories == ["grammar", "promotional"]  # in the order of DESIGN.md's categories
    marks = {a["id"]: a for t, a in parsed.tags if t == "mark" and "id" in a}
    for item in items:
        mark = marks[f"m-{item['id']}"]
        assert item["id"] in mark["data-f"].split() and mark["class"] == f"on sev-{item['data-severity']}"
    html = report_file.read_text(encoding="utf-8")
    assert re.search(r'<mark class="on sev-warning" data-f="f1-1" id="m-f1-1" title="[^"]*">revolutionary</mark>', html)
    assert "Why it matters:" in html and "Health-advertising rules" in html  # the rationale
    assert "<strong>Safe fix</strong> (medlint check --fix): \u201cthe\u201d" in html  # the fix for "the the"
    assert "Could not be read: not valid UTF-8" in html


def test_overlapping_findings_split_into_pieces():
    def f(code, start, end, severity):
        return Finding(code=code, name="n", category="grammar", severity=severity, message="<m>", start=start,
                       end=end, text="", line=1, column=1, end_line=1, end_column=1)

    source = "a <hip> lumbar laminectomy"
    out = _highlighted(source, [("f1-1", f("ANA001", 2, 26, "error")), ("f1-2", f("SPL001", 8, 14, "warning"))])
    assert out == (
        'a <mark class="on sev-error" data-f="f1-1" id="m-f1-1" title="ANA001 &lt;m&gt;">&lt;hip&gt; </mark>'
        '<mark class="on sev-error" data-f="f1-1 f1-2" id="m-f1-2" title="ANA001 &lt;m&gt;; SPL001 &lt;m&gt;">'
        'lumbar</mark><mark class="on sev-error" data-f="f1-1" title="ANA001 &lt;m&gt;"> laminectomy</mark>'
    )


def test_rule_urls_must_be_http_and_fix_text_is_escaped():
    finding = Finding(code="TRM001", name="n", category="terminology", severity="info", message="m", start=0, end=3,
                      text="abc", line=1, column=1, end_line=1, end_column=4, url="javascript:alert(1)",
                      fix=Fix("<i>x</i>"))
    html = render("html", Report(results=[FileResult(path="a.md", source="abc", findings=[finding])]))
    assert "javascript:" not in html and "&lt;i&gt;x&lt;/i&gt;" in html


# -- in a real browser -----------------------------------------------------------------------------
def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def dump_dom(url: str, profile) -> str:
    browser = _chromium()
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
             f"--user-data-dir={profile}", "--dump-dom", url]
    done = subprocess.run([browser, *flags], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


needs_browser = pytest.mark.skipif(_chromium() is None, reason="no chromium installed (apt-get install chromium)")


@needs_browser
def test_browser_runs_the_report_not_the_page(report_file, tmp_path):
    dom = dump_dom(report_file.as_uri(), tmp_path / "profile")
    root = parse(dom).tags[0]
    assert root[0] == "html" and root[1].get("data-ready") == "1"  # the report's script ran
    assert next(a for t, a in parse(dom).tags if t == "form")["data-hidden"] == ""
    assert "data-pwned" not in root[1]  # the page's script did not
    assert '&lt;script&gt;document.documentElement.setAttribute("data-pwned", "yes")&lt;/script&gt;' in dom
    assert re.search(r'Showing <span id="shown-count">3</span> of <span id="total-count">3</span>', dom)


@needs_browser
def test_browser_filters_by_category_and_severity(report_file, tmp_path):
    dom = dump_dom(report_file.as_uri() + "#hide=error,grammar", tmp_path / "profile")
    parsed = parse(dom)
    form = next(a for t, a in parsed.tags if t == "form")
    assert form["data-hidden"] == "error,grammar"  # the checkboxes the address unticked
    items = {a["id"]: a["class"] for t, a in parsed.tags if t == "li" and "finding" in a.get("class", "")}
    # f1-1 'revolutionary' (promotional warning), f1-2 'guaranteed' (promotional error), f1-3 'the the' (grammar)
    assert items == {"f1-1": "finding sev-warning", "f1-2": "finding sev-error hidden",
                     "f1-3": "finding sev-warning hidden"}
    marks = {a["data-f"]: a.get("class", "") for t, a in parsed.tags if t == "mark"}
    assert marks == {"f1-1": "on sev-warning", "f1-2": "", "f1-3": ""}  # hidden findings lose their highlight
    assert re.search(r'Showing <span id="shown-count">1</span> of <span id="total-count">3</span>', dom)
    sections = {a["data-category"]: a.get("class", "") for t, a in parsed.tags if t == "section" and "data-category" in a}
    assert sections == {"grammar": "cat hidden", "promotional": "cat"}
