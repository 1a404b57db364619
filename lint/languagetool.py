"""A small client for a LanguageTool server's HTTP API (``POST /v2/check``).

medlint talks to a server the user runs (the official standalone download or a
container image; see the README), never to one it starts or downloads itself:
``language_tool_python`` would fetch a multi-hundred-megabyte archive on first
use, which fails on locked-down machines. The API is plain form-encoded HTTP,
so the standard library is enough.

A page's prose blocks are joined into batches of at most ``batch_size``
characters (separated by blank lines, which LanguageTool treats as paragraph
breaks) and each match is mapped back to the block and offset it came from.
Any failure (no answer, a timeout, an HTTP error, a body that is not the JSON
the API promises) raises :class:`LanguageToolError` with a one-line reason; the
caller turns it into one warning and carries on without LanguageTool.
"""

from __future__ import annotations

import bisect
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

SEPARATOR = "\n\n"
DEFAULT_TIMEOUT = 5.0  # seconds per request, from sending it to the answer's last byte
DEFAULT_BATCH = 10_000  # characters per request; the public API's limit is 20,000
#: The most of one answer medlint reads. A match is about 0.5-2 KB of JSON, so even a match
#: on every word of a full batch is a few megabytes; a bigger answer comes from a wrong URL
#: or a faulty proxy, and reading it all would hold the run up and fill the memory.
MAX_ANSWER_BYTES = 16 * 1024 * 1024


class LanguageToolError(Exception):
    """The server could not be used; the message is one line for a warning."""


@dataclass(frozen=True)
class Match:
    """One LanguageTool match, located in a block: ``block_index`` and text offsets."""

    block_index: int
    start: int
    end: int
    message: str
    replacements: tuple[str, ...]
    rule_id: str
    category_id: str
    issue_type: str


@dataclass(frozen=True)
class Batch:
    text: str
    block_indexes: tuple[int, ...]
    starts: tuple[int, ...]  # offset of each part in text
    #: where each part begins in its block (a block longer than the limit is sent in parts)
    offsets: tuple[int, ...] = ()


def _pieces(text: str, limit: int):
    """A block's text in pieces of at most ``limit`` characters, cut after a sentence's end where there is one, else
    at a space, else anywhere: (offset, piece)."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 2 if cut > limit // 2 else (window.rfind(" ") + 1 if window.rfind(" ") > limit // 2 else limit)
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


def make_batches(texts: list[str], limit: int = DEFAULT_BATCH) -> list[Batch]:
    """Join block texts into batches under ``limit`` characters; a longer block is sent in pieces of its own (the
    public server refuses a text over 20,000 characters, and a refusal turns LanguageTool off for the run)."""
    batches: list[Batch] = []
    parts: list[str] = []
    indexes: list[int] = []
    starts: list[int] = []
    offsets: list[int] = []
    size = 0
    for i, text in enumerate(texts):
        if not text.strip():
            continue
        for offset, piece in _pieces(text, limit):
            extra = len(piece) + (len(SEPARATOR) if parts else 0)
            if parts and size + extra > limit:
                batches.append(Batch(SEPARATOR.join(parts), tuple(indexes), tuple(starts), tuple(offsets)))
                parts, indexes, starts, offsets, size = [], [], [], [], 0
                extra = len(piece)
            starts.append(size + (len(SEPARATOR) if parts else 0))
            parts.append(piece)
            indexes.append(i)
            offsets.append(offset)
            size += extra
    if parts:
        batches.append(Batch(SEPARATOR.join(parts), tuple(indexes), tuple(starts), tuple(offsets)))
    return batches


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a LanguageTool server's address, or None when it can (http or https, with a host)."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError as exc:
        return f"not a URL ({exc})"
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "not an http or https URL (for example http://localhost:8081)"
    return None


class LanguageToolClient:
    def __init__(self, url: str, language: str = "en-GB", timeout: float = DEFAULT_TIMEOUT,
                 batch_size: int = DEFAULT_BATCH, disabled_rules: tuple[str, ...] = ()):
        self.url = url.rstrip("/")
        if not self.url.endswith("/v2/check"):
            self.url += "/v2/check"
        self.language = language
        self.timeout = timeout
        self.batch_size = batch_size
        self.disabled_rules = tuple(disabled_rules)

    def post(self, text: str) -> dict:
        fields = {"text": text, "language": self.language}
        if self.disabled_rules:
            fields["disabledRules"] = ",".join(self.disabled_rules)
        body = urllib.parse.urlencode(fields).encode("utf-8")
        deadline = time.monotonic() + self.timeout
        try:
            request = urllib.request.Request(
                self.url, data=body, method="POST",
                headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - user's server
                announced = response.headers.get("Content-Length", "")
                if announced.isdigit() and int(announced) > MAX_ANSWER_BYTES:
                    raise LanguageToolError(_too_big(int(announced)))
                raw = _read_by(response, deadline, MAX_ANSWER_BYTES + 1)  # an answer without a length is cut off too
                if len(raw) > MAX_ANSWER_BYTES:
                    raise LanguageToolError(_too_big(None))
        except urllib.error.HTTPError as exc:
            raise LanguageToolError(f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise LanguageToolError(f"no answer within {self.timeout:g} s") from None
            raise LanguageToolError(str(getattr(reason, "strerror", None) or reason)) from None
        except (socket.timeout, TimeoutError):
            raise LanguageToolError(f"no answer within {self.timeout:g} s") from None
        except (OSError, ValueError) as exc:
            raise LanguageToolError(str(exc) or exc.__class__.__name__) from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise LanguageToolError("the answer is not JSON") from None
        if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
            raise LanguageToolError("the answer has no 'matches' list")
        return data

    def check(self, texts: list[str]) -> list[Match]:
        """Matches for each text (the blocks of one page), in block offsets."""
        out: list[Match] = []
        for batch in make_batches(texts, self.batch_size):
            data = self.post(batch.text)
            for raw in data["matches"]:
                match = _locate(raw, batch)
                if match is not None:
                    out.append(match)
        return out


def _read_by(response, deadline: float, limit: int) -> bytes:
    """Up to ``limit`` bytes of the answer's body, all read by ``deadline`` (a ``time.monotonic()``) or TimeoutError.

    A socket's timeout bounds each read, not the answer: a server (or a proxy) that sends a byte a second would
    hold the run up for as long as it kept sending. So the body is read in pieces, each given the time left."""
    sock = getattr(getattr(response.fp, "raw", None), "_sock", None)  # urllib's socket, to give each read the time left
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        if response.isclosed():  # the whole body is read (its length was given): the connection is let go
            break
        if sock is not None:
            sock.settimeout(remaining)
        chunk = response.read1(min(64 * 1024, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _too_big(size: int | None) -> str:
    limit = f"{MAX_ANSWER_BYTES / 2**20:g} MB"
    return f"the answer is larger than {limit}" + (f" ({size / 2**20:.1f} MB)" if size else "")


def _locate(raw, batch: Batch) -> Match | None:
    """A match in block offsets, or None when it is malformed or crosses a block boundary."""
    try:
        offset, length = raw["offset"], raw["length"]
    except (KeyError, TypeError):
        return None
    # (LanguageTool's own numbers, not "3" or 1.5: a server that answers otherwise is not giving its matches)
    if type(offset) is not int or type(length) is not int or length <= 0 or offset < 0:
        return None
    k = bisect.bisect_right(batch.starts, offset) - 1
    if k < 0:
        return None
    start = offset - batch.starts[k] + (batch.offsets[k] if batch.offsets else 0)
    block_end = batch.starts[k + 1] - len(SEPARATOR) if k + 1 < len(batch.starts) else len(batch.text)
    if offset + length > block_end:
        return None
    rule = raw.get("rule")
    if not isinstance(rule, dict) or not isinstance(rule.get("id"), str) or not rule["id"]:
        return None  # (a match that names no rule is no LanguageTool match)
    category = rule.get("category") if isinstance(rule.get("category"), dict) else {}
    replacements = tuple(
        # (one line each: a line break in a suggestion broke the text report's layout)
        " ".join(r["value"].split()) for r in (raw.get("replacements") if isinstance(raw.get("replacements"), list) else [])[:5]
        if isinstance(r, dict) and isinstance(r.get("value"), str) and r["value"].strip()
    )
    return Match(
        block_index=batch.block_indexes[k], start=start, end=start + length,
        message=str(raw.get("message") or rule.get("description") or "LanguageTool match"),
        replacements=replacements, rule_id=str(rule.get("id", "")), category_id=str(category.get("id", "")),
        issue_type=str(rule.get("issueType", "")),
    )
