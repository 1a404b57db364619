"""Blocks of plain text with a map back to the source file.

A reader turns a source file into :class:`Block` objects. Each block's text is
assembled from *pieces*: a piece copies a run of source characters one for one
(possibly normalised, e.g. a newline read as a space), or stands in for a run of
source characters as a unit (an entity such as ``&amp;`` read as ``&``). Mapping a
text offset back to the source is then a binary search over the pieces, so every
finding can point at the exact characters of the original file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lint.compiled import compile_re

#: white space that is not one plain space: a longer run, or a single newline, tab, no-break space...
_SPACE_TO_FOLD = compile_re(r"\s{2,}|[^\S ]")

#: what stands in a block's text for markup that renders as content the reader cannot see, a template's output or tag
#: between two words ("the {{ page.clinic }} the"): U+FFFC OBJECT REPLACEMENT CHARACTER, Unicode's placeholder for an
#: object in text. It is no letter, space or punctuation: the tokenizer makes a token of it, and no phrase, repeated
#: word or a/an test reads the words on its two sides as adjacent, as they are not on the rendered page
PLACEHOLDER = "\ufffc"

#: inline elements that show the reader something their text does not give the rules (code, an image, a formula, a form
#: control): each stands as one :data:`PLACEHOLDER` between the words around it ("keep the <code>x</code> the leg up"
#: holds no repeated word)
SHOWN_UNREAD = frozenset("code kbd samp var svg math textarea select iframe object img".split())


class TextBuilder:
    """Accumulates the text of one block together with its source map."""

    __slots__ = ("_parts", "_text_starts", "_src_starts", "_src_ends", "_one_for_one", "_length")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._text_starts: list[int] = []
        self._src_starts: list[int] = []
        self._src_ends: list[int] = []
        self._one_for_one: list[bool] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def add(self, text: str, src_start: int, src_end: int | None = None) -> None:
        """Add ``text`` read from ``source[src_start:src_end]``.

        When ``src_end`` is omitted the text is taken to be one for one with the
        source (same length, each character mapped to its own position).
        """
        if not text:
            return
        if src_end is None:
            src_end = src_start + len(text)
        self._text_starts.append(self._length)
        self._src_starts.append(src_start)
        self._src_ends.append(src_end)
        self._one_for_one.append(src_end - src_start == len(text))
        self._parts.append(text)
        self._length += len(text)

    def add_collapsed(self, raw: str, src_start: int) -> None:
        """Add source text, folding each run of white space into one space.

        A single plain space is already what the text needs, so only the other runs (two or
        more characters, or one newline, tab...) split the text into pieces: a paragraph is a
        few pieces, not one a word.
        """
        pos = 0
        if raw[:1].isspace() and self.ends_with_space():
            # white space that follows white space across a tag or an entity folds into it, as a browser shows
            # "the <b> the</b>" and "the<br>\nthe": with two spaces between them, a doubled word went unseen
            pos = len(raw) - len(raw.lstrip())
        for m in _SPACE_TO_FOLD.finditer(raw, pos):
            start, end = m.span()
            if start > pos:
                self.add(raw[pos:start], src_start + pos)
            self.add(" ", src_start + start, src_start + end)
            pos = end
        if pos < len(raw):
            self.add(raw[pos:], src_start + pos)

    def add_space(self, src_start: int, src_end: int) -> None:
        """Add one space read from ``source[src_start:src_end]`` (a line break tag), unless the text already ends
        with one."""
        if not self.ends_with_space():
            self.add(" ", src_start, src_end)

    def add_placeholder(self, src_start: int, src_end: int) -> None:
        """Add :data:`PLACEHOLDER` read from ``source[src_start:src_end]``, between two words: none at the start of
        the text, one for a run of them (white space between), and :meth:`build` trims one at the end."""
        parts = self._parts
        k = len(parts) - 1
        while k >= 0 and parts[k].isspace():
            k -= 1
        if k >= 0 and not parts[k].endswith(PLACEHOLDER):
            self.add(PLACEHOLDER, src_start, src_end)

    def ends_with_space(self) -> bool:
        return bool(self._parts) and self._parts[-1].endswith(" ")

    def text(self) -> str:
        return "".join(self._parts)

    def build(self, scope: str, level: int = 0, **extra) -> "Block | None":
        """Make a block, trimming white space (and a placeholder that ends it) at both ends; None if nothing is
        left."""
        text = self.text()
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        if text[right - 1 : right] == PLACEHOLDER:
            right = len(text[: right - 1].rstrip())
        if right <= left:
            return None
        smap = SourceMap(self._text_starts, self._src_starts, self._src_ends, self._one_for_one)
        if left or right < len(text):
            smap = smap.shifted(left, right)
            text = text[left:right]
        return Block(text=text, scope=scope, level=level, smap=smap, **extra)


class SourceMap:
    """Maps text offsets of a block to offsets of the source file."""

    __slots__ = ("text_starts", "src_starts", "src_ends", "one_for_one")

    def __init__(self, text_starts, src_starts, src_ends, one_for_one):
        self.text_starts = text_starts
        self.src_starts = src_starts
        self.src_ends = src_ends
        self.one_for_one = one_for_one

    def _piece(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.text_starts, offset) - 1)

    def start(self, offset: int) -> int:
        """Source offset of the character at text ``offset``."""
        i = self._piece(offset)
        if self.one_for_one[i]:
            return self.src_starts[i] + (offset - self.text_starts[i])
        return self.src_starts[i]

    def end(self, offset: int) -> int:
        """Source offset just after the character at text ``offset - 1``."""
        if offset <= 0:
            return self.start(0)
        i = self._piece(offset - 1)
        if self.one_for_one[i]:
            return self.src_starts[i] + (offset - self.text_starts[i])
        return self.src_ends[i]

    def shifted(self, left: int, right: int) -> "SourceMap":
        """The map of ``text[left:right]``."""
        ts, ss, se, oo = [], [], [], []
        for i, t0 in enumerate(self.text_starts):
            t1 = self.text_starts[i + 1] if i + 1 < len(self.text_starts) else None
            if t1 is not None and t1 <= left:
                continue
            if t0 >= right:
                break
            if t0 < left:  # only a one-for-one piece can be cut
                cut = left - t0
                ts.append(0)
                ss.append(self.src_starts[i] + (cut if self.one_for_one[i] else 0))
                se.append(self.src_ends[i])
                oo.append(self.one_for_one[i])
            else:
                ts.append(t0 - left)
                ss.append(self.src_starts[i])
                se.append(self.src_ends[i])
                oo.append(self.one_for_one[i])
        return SourceMap(ts, ss, se, oo)


@dataclass
class Link:
    """A link inside a block: the text offsets of its label and where it points."""

    start: int
    end: int
    target: str


@dataclass
class Block:
    """One unit of prose: a heading, paragraph, list item, table cell, alt text...

    ``links`` and ``citations`` are text offsets of links and of citation markers
    (footnote references, superscripts) that the reader removed or kept, so the
    evidence rules can see that a claim has a source next to it.
    """

    text: str
    scope: str
    level: int
    smap: SourceMap
    links: list[Link] = field(default_factory=list)
    citations: list[int] = field(default_factory=list)
    #: the block's part in a definition list (HTML's <dt> and <dd>, Markdown's term lines and ": " lines): "term" for
    #: a term, "definition" for a paragraph of its definition, "" for any other block. Both have the scope
    #: ``list_item``, as a bullet list's items do: this is what tells a glossary's term, whose definition follows it,
    #: from a bare item of a list
    definition_list: str = ""

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.smap.start(start), self.smap.end(end)

    @property
    def src_start(self) -> int:
        return self.smap.start(0)


@dataclass
class Directive:
    """A suppression comment: ``medlint-disable``, ``-enable``, ``-disable-line``, ``-disable-next-line``,
    ``-disable-file``."""

    action: str  # "disable", "enable", "disable-line", "disable-next-line", "disable-file"
    codes: tuple[str, ...]  # empty means every rule
    offset: int  # source offset of the comment


@dataclass
class Document:
    """A parsed source file."""

    path: str
    source: str
    format: str  # "text", "markdown", "html"
    blocks: list[Block]
    directives: list[Directive] = field(default_factory=list)
    #: source text of reference lists / footnote definitions, which count as sources
    has_reference_list: bool = False


# the action is a whole word ("medlint-disable-line" is its own action, not "disable" of a rule "-LINE"); what
# follows " -- " is the editor's reason, as in ESLint ("medlint-disable GRM002 -- approved by Dr E")
_DIRECTIVE = compile_re(
    r"(?s)medlint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])(.*)$"
)
_REASON = compile_re(r"(?:^|\s)--(?:\s|$)")


def parse_directive(comment_body: str, offset: int) -> Directive | None:
    """Read a suppression directive from the body of an HTML comment."""
    m = _DIRECTIVE.search(comment_body.strip())
    if not m:
        return None
    codes_text = _REASON.split(m.group(2), maxsplit=1)[0]
    codes = tuple(c.strip().upper() for c in re.split(r"[,\s]+", codes_text) if c.strip())
    return Directive(m.group(1), codes, offset)


_REFERENCE_HEADING = compile_re(
    r"^\s*(?:references?|sources?(?:\s+and\s+further\s+reading)?|bibliography|citations?|works\s+cited|"
    r"literature|footnotes|notes|further\s+reading|evidence)\s*:?\s*$",
    re.I,
)


_REFERENCE_ENTRY = compile_re(
    r"^\s*(?:sources?|references?|citations?)\s*:"                       # "Source: Kaufmann R, ..."
    r"|\b(?:19|20)\d{2}\s*;\s*\d+"                                      # "2018;319(3):241"
    r"|\bet\s+al\b.*\b(?:19|20)\d{2}\b|\bdoi\s*:|\bdoi\.org/",
    re.I,
)


# Outside a references section, a block is an entry only if it starts like one (a source label, a
# number, or an author's surname with initials): a paragraph of prose that cites "(Hamdy et al.,
# 2016)" in passing is still prose, and the evidence and promotional rules must read it.
# a plain-text page whose "References" heading and entries ran into one paragraph:
# "References [1] National Institute ... [2] ..."
_RUN_IN_LIST = compile_re(
    r"^\s*(?:references?|sources?|bibliography|citations?|further\s+reading)\s*:?\s+"
    r"(?:\[\d{1,3}\]|\d{1,3}[.)]\s|[A-Z][\w'’-]+(?:\s+[A-Z]{1,3}\b|,\s*[A-Z]\.|\s+et\s+al\b))",
    re.I,
)

_ENTRY_START = compile_re(
    r"^\s*(?:(?i:sources?|references?|citations?)\s*:|\[?\d{1,3}[.\])]\s"
    # a surname with initials: "Griffin DR, Dickenson EJ", "Smith J. Title", "Hamdy FC et al."; a sentence
    # that opens "The UK FASHIoN trial (Griffin et al. 2018) found..." is prose
    r"|(?!(?:The|A|An|In|On|At|Our|Your|This|These|That|Those|Most|Many|Some|One|Its|Their|We|It|For|From|With"
    r"|After|Before|When|If|As|By|Both|All|Each|Every|Only|Over|Under|About|Around)\b)"
    r"[A-Z][\w'’-]+(?:\s+[A-Z]{1,3}(?:[,.;]|\s+(?:and|&)\s|\s+et\s+al\b)|,\s*[A-Z]\.|\s+et\s+al\b))"
)


def mark_reference_blocks(blocks: list[Block]) -> None:
    """Give the entries under a "References"/"Sources" heading the scope ``reference``.

    Reference entries are lists of author names, initials and journal abbreviations;
    prose rules (spelling, acronyms, readability) must not read them as prose. The
    section ends at the next heading of the same or a higher level.
    """
    level = None
    for block in blocks:
        if block.scope in ("title", "heading"):
            if level is not None and (block.level or 1) <= level:
                level = None
            if level is None and _REFERENCE_HEADING.match(block.text):
                level = block.level or 1
            continue
        if block.scope in ("paragraph", "list_item", "footnote") and (
            level is not None
            or block.scope == "paragraph" and _RUN_IN_LIST.match(block.text)
            or (block.scope != "paragraph" or len(block.text) < 400)
            # (the anchored test first: it fails at once on most blocks, where the search reads the whole text)
            and (block.scope == "footnote" or _ENTRY_START.match(block.text))
            and _REFERENCE_ENTRY.search(block.text)
        ):
            block.scope = "reference"


# the line breaks an editor shows: "\r\n" (Windows), "\n" (Unix) and a lone "\r" (classic Mac OS files). Form feeds,
# U+2028 and the like are not: editors and patch leave them inside a line
_LINE_BREAK = compile_re(r"\r\n?|\n")


def line_starts(source: str) -> list[int]:
    """The offset where each line of a source starts: a line is found by bisection over them.

    A line ends at "\n", "\r\n" or a lone "\r", so that the lines and columns of findings are those an editor shows
    in a file of any of the three conventions (a file saved with "\r" alone was one line long). Offsets stay those
    of the file as read: the source is not rewritten, or ``--fix`` would write the file back with other line breaks.
    """
    if "\r" in source:
        return [0, *(m.end() for m in _LINE_BREAK.finditer(source))]
    starts = [0]
    find = source.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def line_spans(source: str) -> list[tuple[int, int]]:
    """(start, end) of each line of a source, without its line break; a break at the very end starts no line.

    The lines are those of :func:`line_starts`, which the readers and the positions of findings must agree on."""
    if "\r" not in source:
        spans, pos, n = [], 0, len(source)
        find = source.find
        while pos < n:
            nl = find("\n", pos)
            if nl == -1:
                nl = n
            spans.append((pos, nl))
            pos = nl + 1
        return spans
    spans, pos = [], 0
    for m in _LINE_BREAK.finditer(source):
        spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(source):
        spans.append((pos, len(source)))
    return spans


def source_lines(source: str) -> list[str]:
    r"""The lines of a source, without their breaks, as finding line numbers count them (at "\r\n", "\n" or a lone
    "\r"; ``str.splitlines`` would also split at \x0c or \u2028 and point at the wrong line)."""
    return [source[a:b] for a, b in line_spans(source)]


def line_around(source: str, pos: int) -> tuple[int, int]:
    """(start, end) of the source line holding offset ``pos``, without its line break (as :func:`line_spans`)."""
    start = max(source.rfind("\n", 0, pos), source.rfind("\r", 0, pos)) + 1
    ends = [at for at in (source.find("\n", pos), source.find("\r", pos)) if at != -1]
    return start, min(ends) if ends else len(source)
