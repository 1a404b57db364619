"""HTML pages: text of headings, paragraphs, list items, cells, link text and alt text.

Built on the standard library's tokenizer, which is iterative (deeply nested
markup cannot exhaust the stack) and reports where each event starts, so every
character of text keeps its source position. Tags, attributes (except ``alt``),
comments, ``<script>``, ``<style>``, ``<code>`` and ``<pre>`` are never linted.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import Counter
from html.entities import html5
from html.parser import HTMLParser

from lint.compiled import compile_re
from lint.documents.base import SHOWN_UNREAD, Block, Directive, Document, Link, TextBuilder, parse_directive
from lint.documents.text import CONTACT_LINE

_SKIP = frozenset(
    "script style code pre kbd samp var template noscript svg math textarea select iframe object".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BLOCK_SCOPE = {
    "title": "title",
    "li": "list_item",
    "td": "table_cell",
    "th": "table_cell",
    "dt": "list_item",
    "dd": "list_item",
    "p": "paragraph",
    "blockquote": "paragraph",
    "figcaption": "paragraph",
    "caption": "paragraph",
    "summary": "heading",
}
_BLOCK_BREAK = frozenset(
    "address article aside body details dialog div dl fieldset figure footer form header hr html "
    "legend main nav ol section table tbody tfoot thead tr ul br option".split()
)
_STRONG_SCOPES = ("heading", "title", "table_cell", "list_item")
# the part a definition list's elements give the blocks in them (``Block.definition_list``); any other element's
# blocks take the part of the one it stands in
_DEFINITION_LIST_PART = {"dt": "term", "dd": "definition"}
_ALT = compile_re(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_CITATION_SUP = compile_re(r"^\s*[\[(]?\s*[\d,\s–-]+\s*[\])]?\s*$")
# a character reference as a browser reads it: a number, or a name whose ";" may be missing (HTML5 reads "&copy 2024"
# and "&amp chips" with the legacy names that older pages wrote without one)
_ENTITY = compile_re(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
# the longest of the names a browser decodes with no ";" after them ("amp", "copy", "nbsp", "frac12"...)
_LEGACY_NAME_MAX = max(len(name) for name in html5 if not name.endswith(";"))


def _named_reference(raw: str, after: str, attribute: bool, legacy: bool) -> tuple[str, int] | None:
    """(the character(s), how much of ``raw`` they stand for) of the named reference at the start of ``raw``
    ("&" and a name, perhaps a ";"; ``after`` is the character that follows it), as the HTML5 parser reads it; None
    when it is text.

    A known name with its ";" is read whole. Without one, the longest legacy name at the start is the reference and
    what follows is text ("&copy2024" reads "©2024", "&notit" "¬it"), except in an attribute, where a letter, a
    digit or "=" after it leaves the whole as it stands (so that "?a=1&copy=2" in a value is not a copyright sign).
    ``legacy`` False is CommonMark's rule: only a known name with its ";"."""
    if raw.endswith(";") and raw[1:] in html5:
        return html5[raw[1:]], len(raw)
    if not legacy:
        return None
    name = raw[1:].rstrip(";")
    for k in range(min(len(name), _LEGACY_NAME_MAX), 1, -1):
        if name[:k] in html5:
            following = (raw + after)[1 + k : 2 + k]
            if attribute and (following.isalnum() or following == "="):
                return None
            return html5[name[:k]], 1 + k
    return None


def add_with_entities(builder: TextBuilder, raw: str, src_start: int, collapse: bool = True, *,
                      attribute: bool = False, legacy: bool = True) -> None:
    """Add raw source text, decoding character references as single characters mapped to their source.

    ``attribute``: ``raw`` is an attribute's value (a legacy name followed by a letter or "=" is text there).
    ``legacy`` False: only complete references decode, as in Markdown."""
    pos = 0
    for m in _ENTITY.finditer(raw):
        if m.start() > pos:
            _add(builder, raw[pos : m.start()], src_start + pos, collapse)
        ref = m.group()
        if ref[1] == "#":
            # numbers follow the HTML5 table as well (&#0; and &#x80; are not what their code points say)
            decoded, length = html.unescape(ref), len(ref)
            if decoded == ref or not legacy and not ref.endswith(";"):
                decoded = None
        else:
            found = _named_reference(ref, raw[m.end() : m.end() + 1], attribute, legacy)
            decoded, length = found if found else (None, len(ref))
        if decoded is None:  # not a reference: keep the source as it is
            _add(builder, ref, src_start + m.start(), collapse)
        elif collapse and decoded.isspace():
            builder.add_space(src_start + m.start(), src_start + m.start() + length)  # "the &nbsp;the" reads "the the"
        else:
            builder.add(decoded, src_start + m.start(), src_start + m.start() + length)
        pos = m.start() + length  # after "&copy" in "&copy2024": the "2024" is text
    if pos < len(raw):
        _add(builder, raw[pos:], src_start + pos, collapse)


def _add(builder, text, start, collapse):
    if collapse:
        builder.add_collapsed(text, start)
    else:
        builder.add(text, start)


def _newline_starts(source: str) -> list[int]:
    """The offset after each "\n": the parser's positions (``getpos``) count lines at "\n" alone, whatever the file's
    line breaks, so its (line, column) pairs are turned into offsets with these, not with ``line_starts``."""
    starts = [0]
    pos = source.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = source.find("\n", pos + 1)
    return starts


def _contact_lines(block: Block, breaks: list[int]) -> list[Block]:
    """A paragraph cut at each line break (``<br>``) next to a line of contact details, as the Markdown and text
    readers make each such line a block of its own: "Eye Department, Level 2<br>Telephone: 01632 960 588 (8am to
    6pm)<br>Out of hours: call the switchboard ..." is three lines, not one long sentence. A break in prose ("We are
    open<br>Monday to Friday") cuts nothing."""
    text = block.text
    bounds = [0, *sorted({b for b in breaks if 0 < b < len(text)}), len(text)]
    lines = [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    cuts = [bounds[k] for k in range(1, len(lines)) if CONTACT_LINE.match(lines[k]) or CONTACT_LINE.match(lines[k - 1])]
    if not cuts:
        return [block]
    parts = []
    for a, b in zip([0, *cuts], [*cuts, len(text)]):
        b = len(text[:b].rstrip())
        a += len(text[a:b]) - len(text[a:b].lstrip())
        if b <= a:
            continue
        part = Block(text=text[a:b], scope=block.scope, level=block.level, smap=block.smap.shifted(a, b),
                     definition_list=block.definition_list)
        part.links = [Link(max(l.start, a) - a, min(l.end, b) - a, l.target) for l in block.links
                      if l.start < b and l.end > a or l.start == l.end and a <= l.start <= b]
        part.citations = [c - a for c in block.citations if a <= c <= b]
        parts.append(part)
    return parts


def _open_key(tag: str) -> str:
    return "h" if tag in _HEADINGS else tag


class _Extractor(HTMLParser):
    def __init__(self, source: str, base: int = 0, hidden: list[tuple[int, int, bool]] = ()):
        super().__init__(convert_charrefs=False)
        self.source = source
        #: (start, end, shown) ranges of the source that are not text though they stand in it: a Markdown page's
        #: Liquid; ``shown`` when it renders as content, a placeholder in the text (``TextBuilder.add_placeholder``)
        self.hidden = hidden
        self.base = base
        self._line_starts = _newline_starts(source)
        self.blocks: list[Block] = []
        self.directives: list[Directive] = []
        self.has_reference_list = False
        self._skip: list[str] = []
        # (tag, scope, level, definition list part): a tag that sets no scope (or part) of its own carries the one it
        # stands in, so that the current scope is the top's (a walk down the stack at every block took time with the
        # square of the nesting depth)
        self._stack: list[tuple[str, str, int, str]] = []
        # how many of each tag are open on the stack (headings counted together, as "h"): an end tag with none open
        # is known at once, where a walk down the stack would grow with its depth at every stray tag
        self._open: Counter = Counter()
        self._builder = TextBuilder()
        self._links: list[Link] = []
        self._open_links: list[tuple[int, str]] = []
        self._citations: list[int] = []
        #: text offsets of the block's line breaks (``<br>``), just after the space each reads as
        self._breaks: list[int] = []
        self._sup_depth = 0
        self._closing = False
        self._sup_data: list[tuple[str, int]] = []

    # -- positions ---------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    # -- block management --------------------------------------------------
    def _current_scope(self) -> tuple[str, int]:
        if self._stack:
            _, scope, level, _ = self._stack[-1]
            return scope, level
        return "paragraph", 0

    def _flush(self) -> None:
        scope, level = self._current_scope()
        block = self._builder.build(scope, level, definition_list=self._stack[-1][3] if self._stack else "")
        # a link around whole blocks ("<a href=...><h3>...</h3><p>...</p></a>", a card) links each of them: the
        # part inside this block is a link of its own, and the rest starts at the next block's beginning
        links = self._links + [Link(start, len(self._builder), href) for start, href in self._open_links]
        self._open_links = [(0, href) for _, href in self._open_links]
        if block is not None:
            shift = len(self._builder.text()) - len(self._builder.text().lstrip())
            block.links = [Link(max(0, l.start - shift), l.end - shift, l.target) for l in links
                           if l.end - shift > 0 or l.start == l.end]
            block.citations = [c - shift for c in self._citations]
            if self._breaks and scope == "paragraph":
                self.blocks.extend(_contact_lines(block, [b - shift for b in self._breaks]))
            else:
                self.blocks.append(block)
        self._builder = TextBuilder()
        self._links = []
        self._citations = []
        self._breaks = []

    def _line_break(self, src_start: int, src_end: int) -> None:
        self._builder.add_space(src_start, src_end)
        self._breaks.append(len(self._builder))

    # -- events ------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if self._skip:
            if tag not in _VOID:
                self._skip.append(tag)
            return
        if tag in _SKIP:
            if tag in SHOWN_UNREAD:
                self._shown_unread()
            self._skip.append(tag)
            return
        if tag == "img":
            self._shown_unread()
            self._image_alt()
            return
        if tag == "br":
            self._line_break(self._offset(), self._offset() + len(self.get_starttag_text() or ""))
            return
        if tag in _HEADINGS or tag in _BLOCK_SCOPE or tag in _BLOCK_BREAK:
            self._flush()
        if tag in _HEADINGS:
            self._push(tag, "heading", _HEADINGS[tag])
        elif tag in _BLOCK_SCOPE:
            scope = _BLOCK_SCOPE[tag]
            outer, _ = self._current_scope()
            if scope == "paragraph" and outer in _STRONG_SCOPES:
                scope = outer
            self._push(tag, scope, 0 if scope != "title" else 0)
        elif tag in _BLOCK_BREAK and tag not in _VOID:
            self._push(tag, *self._current_scope())
        if tag in ("ol", "ul") and any(k == "class" and v and "reference" in v for k, v in attrs):
            self.has_reference_list = True
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self._open_links.append((len(self._builder), href))
        elif tag == "sup":
            self._sup_depth += 1

    def handle_startendtag(self, tag, attrs):
        if tag == "img" and not self._skip:
            self._shown_unread()
            self._image_alt()
        elif tag == "br" and not self._skip:
            self._line_break(self._offset(), self._offset() + len(self.get_starttag_text() or ""))

    def handle_endtag(self, tag):
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            elif tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag == "a" and self._open_links:
            start, href = self._open_links.pop()
            self._links.append(Link(start, len(self._builder), href))
            return
        if tag == "sup" and self._sup_depth:
            self._sup_depth -= 1
            if self._sup_depth == 0:
                self._end_sup()
            return
        if tag == "br":
            # "</br>" is a line break, as browsers read it, not the end of a block
            self._line_break(self._offset(), self._offset() + self._end_tag_length())
            return
        if tag in _HEADINGS or tag in _BLOCK_SCOPE or tag in _BLOCK_BREAK:
            key = _open_key(tag)
            if not self._open[key] and tag != "p":
                # an end tag with no element of its own open ("Keep the </div>leg up" in one paragraph) is ignored by
                # browsers, and splitting the block there would cut a sentence in two; "</p>" alone makes an empty
                # paragraph, a break
                return
            self._flush()
            if self._open[key]:
                # an end tag of any heading level closes the heading that is open ("<h3>Risks</h2>"), as in browsers
                i = len(self._stack) - 1
                while _open_key(self._stack[i][0]) != key:
                    i -= 1
                for entry in self._stack[i:]:
                    self._open[_open_key(entry[0])] -= 1
                del self._stack[i:]

    def _push(self, tag: str, scope: str, level: int) -> None:
        part = _DEFINITION_LIST_PART.get(tag)
        if part is None:
            part = self._stack[-1][3] if self._stack else ""
        self._stack.append((tag, scope, level, part))
        self._open[_open_key(tag)] += 1

    def _end_tag_length(self) -> int:
        end = self.source.find(">", self._offset())
        return end + 1 - self._offset() if end != -1 else 0

    def _end_sup(self):
        # A superscript of numbers is a citation marker: it is recorded, not read as text.
        data, self._sup_data = self._sup_data, []
        if data and _CITATION_SUP.match(html.unescape("".join(d for d, _ in data))):
            self._citations.append(len(self._builder))
            return
        for text, offset in data:
            add_with_entities(self._builder, text, offset)

    def handle_data(self, data):
        if self._skip or not data:
            return
        beyond = self._offset() + len(data) - len(self.source)
        if beyond > 0:
            data = data[:-beyond]  # the ";" fed after the source (see extract_html) is not the page's
            if not data:
                return
        offset = self._offset()
        if self.hidden:
            for a, b, shown in self.hidden:  # few: the template markup of one HTML block of a Markdown page
                if a < offset + len(data) and b > offset:
                    if a > offset:
                        self._data(data[: a - offset], offset)
                    if shown and not self._sup_depth:
                        self._builder.add_placeholder(max(a, offset), b)
                    data, offset = data[b - offset :], max(b, offset)
                    if not data:
                        return
        self._data(data, offset)

    def _data(self, data: str, offset: int) -> None:
        if self._sup_depth:
            self._sup_data.append((data, offset))
            return
        if "&" in data:
            # a reference the parser passes on as text: at the very end of the file ("&copy 2024 &amp"), or one it
            # does not know as one ("&#169" with nothing after it)
            add_with_entities(self._builder, data, offset)
        else:
            self._builder.add_collapsed(data, offset)

    def _reference(self, prefix: str, name: str):
        """A character reference the parser found: "&" or "&#", the name or number, and the ";" if there is one.
        The parser hands over the whole of "&copy-2024" as the name "copy-2024": what follows the reference itself
        is text, and must be kept."""
        if self._skip:
            return
        start = self._offset()
        end = start + len(prefix) + len(name)
        if self.source.startswith(";", end):
            end += 1
        raw = self.source[start:end]
        if self._sup_depth:
            # a superscript is read whole when it closes ("1&ndash;3" is a citation marker): its entities wait with
            # its text, or they would land in the prose before it
            self._sup_data.append((raw, start))
        else:
            add_with_entities(self._builder, raw, start)

    def handle_entityref(self, name):
        self._reference("&", name)

    def handle_charref(self, name):
        self._reference("&#", name)

    def handle_comment(self, data):
        if "textarea" in self._skip:
            return  # a textarea holds text only: "<!-- medlint-disable-file -->" there is what a reader sees, not a comment
        directive = parse_directive(data, self._offset())
        if directive is not None:
            self.directives.append(directive)

    def _shown_unread(self):
        """A placeholder in the text for the element the start tag just read opens (``SHOWN_UNREAD``)."""
        if not self._sup_depth:  # (a superscript's text is read for a citation marker)
            offset = self._offset()
            self._builder.add_placeholder(offset, offset + len(self.get_starttag_text() or ""))

    def _image_alt(self):
        tag_text = self.get_starttag_text() or ""
        m = _ALT.search(tag_text)
        if not m:
            return
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        start = self._offset() + m.start(group)
        builder = TextBuilder()
        add_with_entities(builder, m.group(group), start, attribute=True)
        block = builder.build("image_alt")
        if block is not None:
            self.blocks.append(block)

    def parse_comment(self, i, report=1):
        for empty in ("<!-->", "<!--->"):
            if self.rawdata.startswith(empty, i):
                return i + len(empty)  # an empty comment, closed at once (HTML5), not one that runs to a later "-->"
        end = super().parse_comment(i, report)
        if end == -1 and self._closing:
            # a comment never closed runs to the end of the file (HTML5; Python 3.11's parser made text of it, so a
            # page's hidden draft, or a Markdown HTML block of CommonMark's second kind, was linted as prose)
            if report:
                start = self._offset()
                self.handle_comment(self.source[start + 4 :])
            return len(self.rawdata)
        return end

    def parse_marked_section(self, i, report=1):
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            # "<![alt]" or "<![if x]>" is no marked section the parser knows, and it raised (the run stopped with a
            # traceback); browsers read it as a bogus comment, up to the next ">"
            return self.parse_bogus_comment(i, report)

    def close(self):
        self._closing = True
        super().close()
        self._flush()


def extract_html(source: str, start: int = 0, end: int | None = None, hidden: list[tuple[int, int]] = (),
                 shown: frozenset[int] = frozenset()):
    """Blocks and directives of the HTML in ``source[start:end]``, in source offsets. ``hidden`` are sorted source
    ranges that are no text (template markup in a Markdown page), ``shown`` the starts of those that render as
    content."""
    end = len(source) if end is None else end
    fragment = source[start:end]
    if hidden:
        k = bisect.bisect_right(hidden, start, key=lambda r: r[1])  # the first range that ends after ``start``
        inside = []
        while k < len(hidden) and hidden[k][0] < end:
            inside.append((hidden[k][0] - start, hidden[k][1] - start, hidden[k][0] in shown))
            k += 1
        hidden = inside
    parser = _Extractor(fragment, hidden=hidden)
    # the parser stops tokenising at a "&#" that starts no number when no ";" follows it anywhere, and hands over
    # the rest of the file as text, tags and all ("Call &# 1 ... <p>..."); with a ";" after the source it reads
    # "&#" as text and goes on. That ";" is not the page's: handle_data drops it, and the offsets are unchanged.
    # Each such "&#" also ends the parser's pass, as if it waited for more input: it is fed nothing until it stops
    # moving (at the end, or at an unfinished tag or comment, which close() reads)
    parser.feed(fragment + ";")
    while parser.rawdata:
        left = len(parser.rawdata)
        parser.feed("")
        if len(parser.rawdata) >= left:
            break
    parser.close()
    if start:
        for block in parser.blocks:
            block.smap.src_starts = [s + start for s in block.smap.src_starts]
            block.smap.src_ends = [s + start for s in block.smap.src_ends]
        for d in parser.directives:
            d.offset += start
    return parser.blocks, parser.directives, parser.has_reference_list


def read_html(path: str, source: str) -> Document:
    blocks, directives, refs = extract_html(source)
    return Document(
        path=path, source=source, format="html", blocks=blocks, directives=directives, has_reference_list=refs
    )
