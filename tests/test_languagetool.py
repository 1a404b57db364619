"""LanguageTool: a contract test on recorded server answers, the faults a server can
have, and (only when MEDLINT_LANGUAGETOOL_URL is set) a test against a real server.

The recorded answers in tests/data/languagetool/ are in the shape LanguageTool's
/v2/check returns; a local http.server in a thread serves them, looked up by the
exact text medlint sends, so the test also pins down what medlint sends.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from lint.config import Settings
from lint.engine import Linter
from lint.languagetool import (MAX_ANSWER_BYTES, SEPARATOR, LanguageToolClient, LanguageToolError, _locate,
                                make_batches)
from lint.registry import builtin_rules_dir, load_rules
from tests.helpers import lint_example

DATA = Path(__file__).parent / "data" / "languagetool"
PAGE = DATA / "knee-arthroscopy.md"


def _recorded() -> dict[str, dict]:
    answers = {}
    page = json.loads((DATA / "knee-arthroscopy.json").read_text(encoding="utf-8"))
    answers[page["request"]["text"]] = page["response"]
    for item in json.loads((DATA / "rule-examples.json").read_text(encoding="utf-8")):
        answers[item["request"]["text"]] = item["response"]
    return answers


class FakeLanguageTool(BaseHTTPRequestHandler):
    """Answers POST /v2/check from the recorded answers; ``mode`` simulates faults."""

    answers: dict[str, dict] = {}
    mode = "ok"
    requests: list[dict] = []

    def log_message(self, *args):  # keep pytest's output clean
        pass

    def do_POST(self):  # noqa: N802 - http.server's name
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
        fields = {k: v[0] for k, v in form.items()}
        type(self).requests.append({"path": self.path, **fields})
        if self.mode == "slow":
            time.sleep(1.5)
        if self.mode == "error":
            self.send_error(500, "Internal Server Error")
            return
        if self.path != "/v2/check":
            self.send_error(404)
            return
        if self.mode == "garbage":
            body = b"<html>Service temporarily unavailable</html>"
        elif self.mode.startswith("huge"):
            body = _huge_answer()
        else:
            answer = self.answers.get(fields.get("text", ""), {"software": {"name": "LanguageTool"}, "matches": []})
            body = json.dumps(answer).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if self.mode != "huge-unannounced":  # without a length the answer runs until the server closes
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


_HUGE: list[bytes] = []


def _huge_answer() -> bytes:
    """Valid JSON in LanguageTool's shape, just over medlint's limit: real matches, repeated."""
    if not _HUGE:
        match = json.loads((DATA / "knee-arthroscopy.json").read_text(encoding="utf-8"))["response"]["matches"][0]
        one = json.dumps(match).encode("utf-8")
        count = MAX_ANSWER_BYTES // (len(one) + 1) + 10
        _HUGE.append(b'{"software": {"name": "LanguageTool"}, "matches": [' + b",".join([one] * count) + b"]}")
    return _HUGE[0]


@pytest.fixture
def server():
    FakeLanguageTool.answers = _recorded()
    FakeLanguageTool.mode = "ok"
    FakeLanguageTool.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeLanguageTool)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def linter_for(url: str | None, monkeypatch, select=None, **lt) -> Linter:
    """A linter that asks the server at ``url``, with the rules ``select`` names (all by default). The recorded
    answers' contract is checked with LanguageTool's rules alone, since LTG001 gives way to a grammar rule of
    medlint's that finds the same slip ("Their are" is GRM008's too)."""
    monkeypatch.delenv("MEDLINT_LANGUAGETOOL_URL", raising=False)
    chosen = {"select": list(select)} if select else {}
    settings = Settings(languagetool={"url": url, **lt} if url else {}, accept=["Kneecare"], **chosen)
    return Linter(settings)


LT_ONLY = ("LT",)


def lt_findings(result):
    return [(f.code, f.category, f.text, f.suggestions[:1]) for f in result.findings if f.code in ("LTG001", "LTS001")]


def test_contract_on_recorded_answers(server, monkeypatch):
    linter = linter_for(server, monkeypatch, select=LT_ONLY)
    source = PAGE.read_text(encoding="utf-8")
    result = linter.lint_source(str(PAGE), source)
    # one request for the page, with the blocks joined by blank lines
    assert len(FakeLanguageTool.requests) == 1
    sent = FakeLanguageTool.requests[0]
    assert sent["path"] == "/v2/check" and sent["language"] == "en-GB"
    assert sent["text"] == json.loads((DATA / "knee-arthroscopy.json").read_text(encoding="utf-8"))["request"]["text"]
    # grammar and spelling matches with exact spans; the knowledge base's words (arthroscopy,
    # meniscus) and the site's vocabulary (Kneecare) are not reported; style and a match
    # across two blocks are dropped
    assert lt_findings(result) == [
        ("LTG001", "grammar", "Their are", ("There are",)),
        ("LTS001", "spelling", "itchey", ("itchy",)),
        ("LTG001", "grammar", "you knee", ("your knee",)),
    ]
    for f in result.findings:
        assert source[f.start:f.end] == f.text
    assert linter.warnings == []


def test_html_offsets_map_back_to_the_source(server, monkeypatch):
    """The same blocks from HTML: the spans still point at the exact source text."""
    linter = linter_for(server, monkeypatch, select=LT_ONLY)
    html = ("<h1>Knee arthroscopy</h1>\n<p>Their are two small cuts in your knee. The surgeon looks at the "
            "meniscus with a camera.</p>\n<p>The wound may feel numb and <em>itchey</em> for a few weeks. Our "
            "Kneecare team will call you.</p>\n<ul><li>Rest you knee for a few days.</li>\n<li>Keep the dressing "
            "dry.</li></ul>\n")
    result = linter.lint_source("page.html", html)
    found = lt_findings(result)
    assert [t for _, _, t, _ in found] == ["Their are", "itchey", "you knee"]
    for f in result.findings:
        assert html[f.start:f.end] == f.text


@pytest.mark.parametrize("rule", [r for r in load_rules([builtin_rules_dir()]) if r.kind == "languagetool"],
                         ids=lambda r: r.code)
def test_rule_examples_on_recorded_answers(server, monkeypatch, rule):
    linter = linter_for(server, monkeypatch, select=LT_ONLY)
    for example in rule.fire:
        mine = [f.text for f in lint_example(linter, example).findings if f.code == rule.code]
        assert example.expect in mine
    for example in rule.passes:
        assert not [f for f in lint_example(linter, example).findings if f.code == rule.code]


def test_no_server_configured_tries_nothing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("medlint opened a connection without a configured server")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    linter = linter_for(None, monkeypatch)
    result = linter.lint_source(str(PAGE), PAGE.read_text(encoding="utf-8"))
    assert lt_findings(result) == []
    assert linter.warnings == []


@pytest.mark.parametrize("mode,reason", [
    ("error", "HTTP 500"), ("garbage", "not JSON"), ("slow", "no answer within"),
    ("huge", "larger than 16 MB"), ("huge-unannounced", "larger than 16 MB"),
])
def test_faulty_server_gives_one_warning_and_the_rest_of_the_report(server, monkeypatch, mode, reason):
    FakeLanguageTool.mode = mode
    linter = linter_for(server, monkeypatch, timeout=0.5)
    offline = Linter(Settings())
    source = PAGE.read_text(encoding="utf-8")
    results = [linter.lint_source(f"page{i}.md", source) for i in range(3)]
    assert len(linter.warnings) == 1
    assert reason in linter.warnings[0] and server in linter.warnings[0]
    # the server is not asked again after it failed once, so a slow server costs one timeout per run
    assert len(FakeLanguageTool.requests) == 1
    expected = [(f.code, f.start) for f in offline.lint_source("page0.md", source).findings]
    for result in results:
        assert lt_findings(result) == []
        assert [(f.code, f.start) for f in result.findings] == expected


def test_server_down_gives_one_warning(monkeypatch):
    linter = linter_for("http://127.0.0.1:9", monkeypatch, timeout=0.5)
    result = linter.lint_source(str(PAGE), PAGE.read_text(encoding="utf-8"))
    assert lt_findings(result) == []
    assert len(linter.warnings) == 1 and "LanguageTool at http://127.0.0.1:9" in linter.warnings[0]


def test_connection_refused_gives_one_warning_and_the_rest_of_the_report(monkeypatch):
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    linter = linter_for(url, monkeypatch, timeout=2)
    source = PAGE.read_text(encoding="utf-8")
    results = [linter.lint_source(f"page{i}.md", source) for i in range(3)]
    assert len(linter.warnings) == 1
    assert f"LanguageTool at {url} could not be used (Connection refused)" in linter.warnings[0]
    expected = [(f.code, f.start) for f in Linter(Settings()).lint_source("page0.md", source).findings]
    assert expected and all([(f.code, f.start) for f in r.findings] == expected for r in results)


def test_environment_variable_configures_the_server(server, monkeypatch):
    monkeypatch.setenv("MEDLINT_LANGUAGETOOL_URL", server)
    linter = Linter(Settings())
    result = linter.lint_source(str(PAGE), PAGE.read_text(encoding="utf-8"))
    assert ("LTS001", "spelling", "itchey", ("itchy",)) in lt_findings(result)


@pytest.mark.parametrize("url", ["notaurl", "localhost:8081", "ftp://example.org", "http://", "http://host:port/"])
def test_a_url_that_is_not_http_is_one_warning_from_the_environment_and_exit_2_from_config(url, monkeypatch, tmp_path):
    from click.testing import CliRunner

    from lint.cli import main

    page = tmp_path / "veins.md"
    page.write_text("# Varicose veins\n\nThe veins are closed with heat.\n", encoding="utf-8")
    (tmp_path / "other.md").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("MEDLINT_LANGUAGETOOL_URL", url)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--jobs", "1", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("\n") == 1 and "failed" not in result.stderr
    assert result.stderr.startswith(f"medlint: warning: LanguageTool URL {url!r} is not ")
    monkeypatch.delenv("MEDLINT_LANGUAGETOOL_URL")
    (tmp_path / "medlint.toml").write_text(f'[languagetool]\nurl = "{url}"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", str(page)])
    assert result.exit_code == 2 and "'languagetool.url' is not " in result.stderr and not result.stdout


def test_batches_stay_within_the_limit_and_keep_offsets():
    texts = ["a" * 40, "b" * 40, "", "c" * 90, "d" * 10]
    batches = make_batches(texts, limit=100)
    assert [b.block_indexes for b in batches] == [(0, 1), (3,), (4,)]
    assert all(len(b.text) <= 100 for b in batches)
    for b in batches:
        for i, start in zip(b.block_indexes, b.starts):
            assert b.text[start:start + len(texts[i])] == texts[i]


def test_a_block_longer_than_the_limit_is_sent_in_pieces_that_map_back():
    # one 200,000-character block was sent whole, over the public server's limit, whatever batch-size said
    block = "The knee heals well. " * 30
    batches = make_batches(["Short one.", block], limit=100)
    assert all(len(b.text) <= 100 for b in batches)
    pieces = [(i, off, b.text[start:]) for b in batches for i, off, start in zip(b.block_indexes, b.offsets, b.starts)]
    assert all(block[off:].startswith(text.split(SEPARATOR)[0]) for i, off, text in pieces if i == 1)
    last = batches[-1]
    at = last.text.rindex("heals")  # a match in the last piece is placed at its offset in the whole block
    match = _locate({"offset": at, "length": 5, "rule": {"id": "X"}}, last)
    assert block[match.start:match.end] == "heals" and match.block_index == 1


@pytest.mark.parametrize("raw", [{"offset": "3", "length": 2, "rule": {"id": "X"}},
                                 {"offset": 1.5, "length": 2, "rule": {"id": "X"}},
                                 {"offset": 0}, {"offset": 0, "length": 2, "rule": "X"},
                                 {"offset": 0, "length": 2, "rule": {"id": "X"}, "replacements": {"value": "y"}}])
def test_a_malformed_match_is_no_finding(raw):
    match = _locate(raw, make_batches(["Rest the knee."])[0])
    assert match is None or match.replacements == ()


def test_a_suggestion_is_one_line():
    raw = {"offset": 0, "length": 4, "rule": {"id": "X"}, "replacements": [{"value": "pick\ninjected"}]}
    assert _locate(raw, make_batches(["Rest the knee."])[0]).replacements == ("pick injected",)


def test_client_rejects_an_answer_without_matches(server):
    FakeLanguageTool.answers = {"x": {"software": {"name": "LanguageTool"}}}
    with pytest.raises(LanguageToolError, match="no 'matches'"):
        LanguageToolClient(server).check(["x"])


def test_a_body_read_to_its_end_lets_the_connection_go():
    # http.client closes the response once the announced length is read, and from Python 3.14 its socket with it:
    # the reader must stop there, not set a timeout on the closed socket (which raised "Bad file descriptor", and
    # every LanguageTool check on 3.14 was skipped)
    from lint.languagetool import _read_by

    class Response:
        def __init__(self, chunks):
            self.left = list(chunks)
            response = self

            class Socket:
                def settimeout(self, _):
                    if response.isclosed():
                        raise OSError(9, "Bad file descriptor")

            self.fp = type("fp", (), {"raw": type("raw", (), {"_sock": Socket()})()})()

        def isclosed(self):
            return not self.left

        def read1(self, n):
            return self.left.pop(0) if self.left else b""

    assert _read_by(Response([b'{"matches": ', b"[]}"]), time.monotonic() + 5, 1000) == b'{"matches": []}'


def test_a_slip_medlint_finds_itself_is_reported_once(server, monkeypatch):
    # LanguageTool's word-repeat and a/an rules find what GRM002 and GRM006 find: LTG001 defers to them, and
    # still reports what they do not
    text = "# Thyroidectomy\n\nKeep the the wound dry. It takes a hour. Hold you neck still."
    linter = linter_for(server, monkeypatch, select=("LT", "GRM"))
    blocks = "Thyroidectomy\n\nKeep the the wound dry. It takes a hour. Hold you neck still."

    def match(fragment, rule_id, replacement):
        return {"message": f"{rule_id} says so.", "offset": blocks.index(fragment), "length": len(fragment),
                "replacements": [{"value": replacement}],
                "rule": {"id": rule_id, "issueType": "grammar", "category": {"id": "GRAMMAR", "name": "Grammar"}}}

    FakeLanguageTool.answers = {blocks: {"software": {"name": "LanguageTool"}, "matches": [
        match("the the", "ENGLISH_WORD_REPEAT_RULE", "the"), match("a hour", "EN_A_VS_AN", "an hour"),
        match("you neck", "YOU_YOUR", "your neck")]}}
    found = [(f.code, f.text) for f in linter.lint_source("thyroid.md", text).findings if f.category == "grammar"]
    assert FakeLanguageTool.requests and found == [("GRM002", "the the"), ("GRM006", "a hour"), ("LTG001", "you neck")]


@pytest.mark.skipif(not os.environ.get("MEDLINT_LANGUAGETOOL_URL"), reason="MEDLINT_LANGUAGETOOL_URL is not set")
def test_real_server():
    linter = Linter(Settings())
    result = linter.lint_source("page.md", "# Knee surgery\n\nThe wound may feel numb and itchey for a few weeks.\n")
    assert linter.warnings == []
    assert any(f.code == "LTS001" and f.text == "itchey" for f in result.findings)
