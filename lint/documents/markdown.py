"""Markdown pages (CommonMark with the common extensions: tables, footnotes, front matter).

A small line scanner finds the blocks; an inline scanner then keeps the prose and
drops the markup. Both keep every character's source position, which the
general-purpose Markdown libraries do not expose below the line level.
"""

from __future__ import annotations

import bisect
import html
import re

from lint.compiled import compile_re
from lint.documents.base import SHOWN_UNREAD, Block, Document, Link, TextBuilder, line_spans, parse_directive
from lint.documents.html import add_with_entities, extract_html
from lint.documents.text import CONTACT_LINE

_ATX = compile_re(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = compile_re(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_SETEXT = compile_re(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = compile_re(r"^ {0,3}(`{3,}|~{3,})")
# a fence inside a list item is indented to the item's text, often four spaces or more
_LIST_FENCE = compile_re(r"^[ \t]*(`{3,}|~{3,})")
_LIST = compile_re(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
# the check box of a task list item: "- [ ] Bring your tablets"
_TASK_BOX = compile_re(r"\[[ xX]\](?:[ \t]+|$)")
# a definition of a definition list (kramdown, PHP Markdown Extra): ": text" on the line after its term, or after
# another definition
_DEFINITION = compile_re(r"^ {0,3}:[ \t]+(?=\S)")
# an attribute list closing a heading (kramdown, Pandoc, Hugo, MkDocs): "## Risks {#risks .warning}"
_HEADING_ATTRIBUTES = compile_re(r"[ \t]*\{[ \t]*[#.][^{}]*\}[ \t]*$")
_THEMATIC = compile_re(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
# the markers of a block quote, nested ones too ("> > text")
_QUOTE = compile_re(r"^ {0,3}(?:>[ \t]?)+")
_TABLE_SEP = compile_re(r"^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)+\|?[ \t]*$|^[ \t]*\|[ \t]*:?-{1,}:?[ \t]*\|[ \t]*$")
_LINK_DEF = compile_re(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S+")
_FOOTNOTE_DEF = compile_re(r"^ {0,3}\[\^[^\]]+\]:[ \t]*")
_HTML_BLOCK = compile_re(
    r"^ {0,3}(?:<!--|</?(?:address|article|aside|blockquote|body|caption|dd|details|div|dl|dt|figcaption|"
    r"figure|footer|form|h[1-6]|header|hr|html|li|main|nav|ol|p|pre|script|section|style|summary|table|"
    r"tbody|td|tfoot|th|thead|tr|ul|img|iframe|video|audio|picture|source|br|textarea)\b)",
    re.I,
)
# CommonMark's first kind of HTML block: raw text that may hold blank lines, ended by its closing tag only
_RAW_HTML_BLOCK = compile_re(r"^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)", re.I)

# Inline syntax, tried in this order at each position. A link's address may hold balanced parentheses
# (https://en.wikipedia.org/wiki/Knee_(anatomy)), as CommonMark allows, and a tag's quoted attribute
# value a '>'. The lookahead in front rejects at once the positions where no syntax can start (inside a
# word, on a space), so the engine tries the alternatives only where markup may begin; an e-mail address
# starts a word.
# A comment and an element whose content is skipped (<code>, <script>...) are matched by their opening only: their
# end is looked for by _Inline, which knows where the block's last "-->" or "</code>" is. In the pattern, "<!--.*?-->"
# read to the end of the block for each "<!--" that is never closed, so a paragraph of thousands of them took time
# growing with the square of its length.
# Images, footnote references and links are matched by their opening bracket only, for the same reason: "[" and "!["
# never closed, or closed only far away, each read to the end of the block (a paragraph of 5,000 "see ![note " took
# 1.6 s, of "see [[note] " 3.7 s). _Inline finds their ends in a table of the block's brackets (``_Brackets``).
_TAG = r"""</?[A-Za-z][A-Za-z0-9-]*(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?/?>"""
_SKIPPED_NAMES = "code|kbd|samp|var|script|style|template|noscript|svg|math|textarea"
_INLINE = compile_re(
    r"""
    (?=[^\sA-Za-z0-9]|(?<![\w.+-])\w|[hw])
    (?:
      (?P<escape>\\[!-/:-@\[-`{-~])
    | (?P<hardbreak>\\(?=\r|\n))
    | (?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))
    | (?P<comment><!--)
    | (?P<liquid>\{[{%])
    | (?P<bracket>!?\[)
    | (?P<autolink><(?:https?|ftp|mailto):[^<>\s]+>|<[^@<>\s]+@[^<>\s]+>)
    | (?P<sup><sup>(?P<suptext>[^<]*)</sup>)
    | (?P<skipped>(?i:<(?P<skipname>""" + _SKIPPED_NAMES + r""")\b))
    | (?P<tag>(?<!<)""" + _TAG + r""")
    | (?P<url>(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'"])
    | (?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+\w)
    | (?P<entity>&(?:\#[0-9]+|\#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)
    | (?P<emphasis>\*{1,3}|~~|(?<![\w])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w]))
    )
    """,
    re.X | re.S,
)
_TAG_AT = compile_re(_TAG)
# what follows the "]" of an image's alt text: "(" and the address, which may hold balanced parentheses, and ")"
_IMAGE_TAIL = compile_re(r"\((?:[^()]|\([^()]*\))*\)")
# what follows the "]" of a link's label: "(", the address (in "<...>", or with no space in it, balanced parentheses
# and Liquid's "{{ }}" and "{% %}" allowed), a title if any, and ")". An address in "<...>" holds no "<" and no line
# break, as CommonMark has it
_LINK_TAIL = compile_re(
    r"""\((?P<target><[^<>\n]*>|(?:\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\}|[^()\s{]|\{(?![{%])|\([^()\s]*\))*)"""
    r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)"""
)
_BRACKET = compile_re(r"[\[\]]")
# the end tag of each skipped element (the name in any case, as HTML's are)
_SKIPPED_END = {name: compile_re(rf"</{name}\s*>", re.I) for name in _SKIPPED_NAMES.split("|")}
# what _Ahead looks for by a pattern: a skipped element's end tag, or the white space or "]" that ends the name of a
# footnote reference ("[^1]")
_AHEAD_PATTERNS = {**_SKIPPED_END, "footnote name end": compile_re(r"[\s\]]")}
_LINE_BREAK_TAG = compile_re(r"<br\b", re.I)
# an HTML link written in the Markdown: the evidence rules count it as a source beside a claim, as they count [text](url)
_ANCHOR_OPEN = compile_re(r"""<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_ANCHOR_CLOSE = compile_re(r"</a\s*>", re.I)
_CITATION_SUP = compile_re(r"^\s*[\[(]?\s*[\d,\s–-]+\s*[\])]?\s*$")


# -- Liquid (Jekyll, Eleventy, Shopify) and Hugo's shortcodes ------------------------------------------------------
# A site generator renders "{% ... %}" tags and "{{ ... }}" outputs before the Markdown is read, so in a page's source
# they are markup, as HTML tags are, and neither prose nor a finding. Only a "{{ name }}" that nothing in the page can
# fill stays text, for SEO003 to report: "{{clinic_name}}" is a placeholder left over from a CMS or mail-merge
# template, and where Liquid does render it, an undefined variable comes out empty ("At , your birth partner...").
# the objects Jekyll, Eleventy and Liquid itself give every page
_LIQUID_GLOBALS = frozenset(
    "site page layout include content paginator jekyll forloop tablerowloop eleventy collections pkg".split()
)
# the tags that name a variable the page may then output
_LIQUID_DEFINES = compile_re(r"\{%-?\s*(?:assign|capture|for|tablerow|increment|decrement)\s+([A-Za-z_][\w-]*)")
_LIQUID_TAG_NAME = compile_re(r"\{%-?\s*(\w+)")
# the tags whose body is no prose: a comment is hidden, a highlight is code
_LIQUID_HIDES = {"comment": "endcomment", "highlight": "endhighlight"}
# the tags that render nothing of their own, as an HTML comment does: the words on their two sides meet on the page.
# Any other tag or output renders as content (a value, an include, a branch's text, code) that the reader cannot see,
# and stands in the text as a placeholder: "the {{ page.clinic }} the" is no repeated word
_LIQUID_SILENT = frozenset({"comment", "raw", "endraw", "assign"})
_LIQUID_NAME = compile_re(r"[A-Za-z_][\w-]*")
_LIQUID_PATH = compile_re(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[[^\]]*\])+")
_LIQUID_LITERAL = compile_re(r"\"[^\"]*\"|'[^']*'|-?\d+(?:\.\d+)?|true|false|nil|empty|blank")
_FRONT_MATTER_KEY = compile_re(r"^([A-Za-z_][\w-]*)[ \t]*[:=]", re.M)


_LIQUID_OPENER = compile_re(r"\{[{%]")
_BLANK_LINE = compile_re(r"(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)")


def _liquid_tokens(source: str, begin: int):
    """(start, end) of each Liquid tag and output from ``begin``: "{%" up to the next "%}", "{{" up to the next "}}" (or
    "}"), as Liquid's own lexer finds them, but an opening with another opening or a blank line before its end is text:
    a stray "{{" in a page that is no template must not make markup of the paragraphs up to the next "}" (for Liquid
    it is an error that stops the build). In one pass: what is looked for ahead is kept while it is still ahead."""
    tokens = []
    ahead: dict = {}  # what -> (where the last search for it started, where it was found or -1)

    def next_at(what, at):
        known = ahead.get(what)
        if known is not None and known[0] <= at and (known[1] == -1 or known[1] >= at):
            return known[1]
        if what in ("%}", "}"):
            found = source.find(what, at)
        else:
            m = (_LIQUID_OPENER if what == "open" else _BLANK_LINE).search(source, at)
            found = m.start() if m else -1
        ahead[what] = (at, found)
        return found

    pos = begin
    while (start := next_at("open", pos)) != -1:
        opener = source[start : start + 2]
        found = next_at("%}" if opener == "{%" else "}", start + 2)
        if found == -1:
            return tokens  # never closed, nor any opening after it
        other, blank = next_at("open", start + 2), next_at("blank", start + 2)
        if other != -1 and other < found or blank != -1 and blank < found:
            pos = start + 2  # text
            continue
        end = found + (2 if opener == "{%" else 1)
        if opener == "{{" and source.startswith("}", end):
            end += 1
        tokens.append((start, end))
        pos = end
    return tokens


def _template_output(inner: str, defined: set) -> bool:
    """Is ``{{ inner }}`` template code (a filter, a property, a literal, a shortcode, a variable the page has), as
    opposed to a name nothing fills ("clinic_name", "City Name")?"""
    expr = inner.strip()
    if expr.startswith("-"):
        expr = expr[1:]
    if expr.endswith("-"):
        expr = expr[:-1]
    expr = expr.strip()
    if not expr:
        return False
    if expr[0] in "<%" or "|" in expr or _LIQUID_PATH.fullmatch(expr) or _LIQUID_LITERAL.fullmatch(expr):
        return True
    return _LIQUID_NAME.fullmatch(expr) is not None and (expr in _LIQUID_GLOBALS or expr in defined)


def _liquid_markup(source: str, begin: int, front_matter: str) -> list[tuple[int, int]]:
    """The source ranges, from ``begin``, that are template markup: tags, outputs of template code, and the bodies of
    comments and highlights. Sorted, none overlapping."""
    tokens = _liquid_tokens(source, begin)
    if not tokens:
        return []
    defined = {m.group(1) for m in _FRONT_MATTER_KEY.finditer(front_matter)}
    defined.update(m.group(1) for a, b in tokens if (m := _LIQUID_DEFINES.match(source, a, b)))
    spans = []
    closing: dict = {}  # end tag name -> (the token the last search started from, the index found or len(tokens))

    def next_tag(name, k):
        """The index of the next ``name`` tag from token ``k`` (kept while it is ahead: thousands of comments that are
        never closed are not each searched to the end)."""
        known = closing.get(name)
        if known is not None and known[0] <= k <= known[1]:
            return known[1]
        j = k
        while j < len(tokens) and not _is_tag(source, tokens[j], name):
            j += 1
        closing[name] = (k, j)
        return j

    i = 0
    while i < len(tokens):
        a, b = tokens[i]
        i += 1
        if source.startswith("{{", a):
            if _template_output(source[a + 2 : b].rstrip("}"), defined):
                spans.append((a, b))
            continue
        name = _LIQUID_TAG_NAME.match(source, a, b)
        name = name.group(1) if name else ""
        if name == "raw":
            # what stands between raw and endraw is shown as written: it is no Liquid, whatever it looks like
            i = next_tag("endraw", i)
        elif name in _LIQUID_HIDES:
            j = next_tag(_LIQUID_HIDES[name], i)
            if j < len(tokens):
                b = tokens[j][1]
                i = j + 1
        spans.append((a, b))
    return spans


def _renders_content(source: str, start: int, end: int) -> bool:
    """Does the template markup ``source[start:end]`` render as content (anything but a silent tag)?"""
    if not source.startswith("{%", start):
        return True
    name = _LIQUID_TAG_NAME.match(source, start, end)
    return name is None or name.group(1) not in _LIQUID_SILENT


def _is_tag(source: str, token: tuple[int, int], name: str) -> bool:
    m = _LIQUID_TAG_NAME.match(source, *token)
    return m is not None and m.group(1) == name


class _Ahead:
    """Where a string, or one of ``_AHEAD_PATTERNS``, next occurs in ``source[:end]``, for positions that grow (one
    block's scan, left to right). The last answer is kept with the position it was looked for from: it holds for any
    position up to it, so each stretch of the block is searched once, however many "<!--" or "<code>" in it are
    never closed."""

    def __init__(self, source: str, end: int):
        self.source = source
        self.end = end
        self.found: dict[str, tuple[int, int, int]] = {}  # what -> (from, start, end); start -1 when not found

    def _look(self, what: str, at: int) -> tuple[int, int]:
        known = self.found.get(what)
        if known is not None and known[0] <= at and (known[1] == -1 or at <= known[1]):
            return known[1], known[2]
        if what in _AHEAD_PATTERNS:
            m = _AHEAD_PATTERNS[what].search(self.source, at, self.end)
            start, stop = (m.start(), m.end()) if m else (-1, -1)
        else:
            start = self.source.find(what, at, self.end)
            stop = start + len(what) if start != -1 else -1
        self.found[what] = (at, start, stop)
        return start, stop

    def find(self, text: str, at: int) -> int:
        """The offset of the next ``text`` (or of a match of the pattern of that name) from ``at``, or -1."""
        return self._look(text, at)[0]

    def search(self, name: str, at: int) -> int | None:
        """The offset just after the next end tag of the skipped element ``name`` from ``at``, or None."""
        start, stop = self._look(name, at)
        return stop if start != -1 else None


class _Brackets:
    """The "[" and "]" of one block, and where the label of a link that opens at each "[" ends, worked out once, right
    to left: each image, footnote reference or link then finds its closing bracket by bisection, where a pattern read
    on to the end of the block for each "[" that is never closed.

    A link's label runs from its "[" to the first "]" that closes no "[" inside it; a "[" inside it is closed by the
    next "]" of all (one level of nesting, "[a [b] c](x)"), and one that nothing closes leaves the link unclosed."""

    def __init__(self, source: str, start: int, end: int):
        self.at = [m.start() for m in _BRACKET.finditer(source, start, end)]
        n = len(self.at)
        self.next_close = [n] * (n + 1)  # k -> the index of the first "]" from index k on (n for none)
        self.label_end: list[int | None] = [None] * (n + 1)  # k -> the "]" ending a label read on from index k
        for k in range(n - 1, -1, -1):
            if source[self.at[k]] == "]":
                self.next_close[k] = k
                self.label_end[k] = self.at[k]
            else:
                j = self.next_close[k] = self.next_close[k + 1]
                self.label_end[k] = self.label_end[j + 1] if j < n else None

    def first_from(self, pos: int, end: int) -> int | None:
        """The offset of the first bracket at or after ``pos`` and before ``end``."""
        k = bisect.bisect_left(self.at, pos)
        return self.at[k] if k < len(self.at) and self.at[k] < end else None

    def close_from(self, pos: int, end: int) -> int | None:
        """The offset of the first "]" at or after ``pos`` and before ``end``."""
        j = self.next_close[bisect.bisect_left(self.at, pos)]
        return self.at[j] if j < len(self.at) and self.at[j] < end else None

    def label_from(self, pos: int, end: int) -> int | None:
        """The offset of the "]" that ends a label read from ``pos`` (just after a "["), before ``end``."""
        close = self.label_end[bisect.bisect_left(self.at, pos)]
        return close if close is not None and close < end else None


class _Inline:
    """Reads the inline content of one block."""

    def __init__(self, source: str, document_blocks: list[Block], directives: list,
                 markup: list[tuple[int, int]] = ()):
        self.source = source
        self.extra_blocks = document_blocks
        self.directives = directives
        # template markup (Liquid), as sorted (start, end) ranges: never text, and never read for Markdown syntax
        self.markup_starts = [a for a, _ in markup]
        self.markup_ends = [b for _, b in markup]
        self.markup_end_at = dict(markup)
        # the starts of the markup that renders as content: a placeholder in the text (``TextBuilder.add_placeholder``)
        self.markup_shown = frozenset(a for a, b in markup if _renders_content(source, a, b))

    def read(self, segments: list[tuple[int, int]], scope: str, level: int = 0) -> Block | None:
        """``segments`` are the (start, end) source ranges of the block's lines."""
        builder = TextBuilder()
        links: list[Link] = []
        citations: list[int] = []
        # the block is scanned as a whole, not line by line: a link label, a code span, a comment or a tag may
        # run over a line break, as they do in hard-wrapped Markdown
        self._segments = segments
        self._segment_ends = [end for _, end in segments]
        self._open_anchors: list[tuple[int, str]] = []  # (text offset, address) of each <a href> not yet closed
        self._brackets: _Brackets | None = None  # made at the block's first "["
        self._inline(builder, segments[0][0], segments[-1][1], links, citations)
        block = builder.build(scope, level)
        if block is None:
            return None
        text = builder.text()
        shift = len(text) - len(text.lstrip())
        block.links = [Link(l.start - shift, l.end - shift, l.target) for l in links]
        block.citations = [c - shift for c in citations]
        return block

    def _add_text(self, builder: TextBuilder, start: int, end: int) -> None:
        """Add the prose of ``source[start:end]``, less any template markup in it (in an image's alt text, say)."""
        if self.markup_starts:
            i = bisect.bisect_right(self.markup_ends, start)  # the first range that ends after ``start``
            while i < len(self.markup_starts) and self.markup_starts[i] < end:
                if self.markup_starts[i] > start:
                    self._add_prose(builder, start, self.markup_starts[i])
                if self.markup_starts[i] in self.markup_shown:
                    builder.add_placeholder(max(start, self.markup_starts[i]), self.markup_ends[i])
                start = max(start, self.markup_ends[i])
                i += 1
            if start >= end:
                return
        self._add_prose(builder, start, end)

    def _markup_around(self, offset: int) -> int | None:
        """The end of the template markup that holds ``offset`` (a comment's body that a blank line split), or None."""
        i = bisect.bisect_right(self.markup_starts, offset) - 1
        if i >= 0 and self.markup_ends[i] > offset:
            return self.markup_ends[i]
        return None

    def _add_prose(self, builder: TextBuilder, start: int, end: int) -> None:
        """Add the prose of ``source[start:end]``: what lies between two of the block's lines (the line break, a
        quote marker, the indentation) reads as one space."""
        # the first line that reaches ``start``: a paragraph of thousands of lines is not walked from its top for
        # each piece of text
        segments = self._segments
        k = bisect.bisect_left(self._segment_ends, start)
        previous_end = segments[k - 1][1] if k else None
        for n in range(k, len(segments)):
            seg_start, seg_end = segments[n]
            if previous_end is not None and max(start, previous_end) < min(end, seg_start) \
                    and not builder.ends_with_space():
                builder.add(" ", max(start, previous_end), min(end, seg_start))
            if seg_start >= end:
                break
            a, b = max(start, seg_start), min(end, seg_end)
            if a < b:
                builder.add_collapsed(self.source[a:b], a)
            previous_end = seg_end

    def _inline(self, builder, start, end, links, citations):
        src = self.source
        pos = at = start  # the text before ``pos`` is read; the next piece of markup is looked for from ``at``
        if self.markup_starts and (inside := self._markup_around(start)) is not None:
            pos = at = min(inside, end)
        ahead = _Ahead(src, end)
        while (m := _INLINE.search(src, at, end)) is not None:
            kind = next(k for k in ("escape", "hardbreak", "code", "comment", "liquid", "bracket", "autolink", "sup",
                                    "skipped", "tag", "url", "email", "entity", "emphasis") if m.group(k) is not None)
            begin, stop = m.span()
            if kind == "bracket":
                found = self._bracket(begin, end, ahead)
                if found is None:
                    at = m.end()  # a "[" (or "![") that opens nothing: text
                    continue
                kind, begin, stop, inner, target = found
            elif kind == "liquid":
                markup_end = self.markup_end_at.get(m.start())
                if markup_end is None:
                    at = m.end()  # not template code ("{{clinic_name}}"), or never closed: text the rules read
                    continue
                stop = min(markup_end, end)
            elif kind == "comment":
                close = ahead.find("-->", m.end())
                if close == -1:
                    at = m.end()  # "<!--" that is never closed is text, as CommonMark reads it
                    continue
                stop = close + 3
            elif kind == "skipped":
                # "<code ...>" up to its first ">", then all up to "</code>"; with no end tag it is a tag like another
                opened = ahead.find(">", m.end())
                closed = ahead.search(m.group("skipname").lower(), opened + 1) if opened != -1 else None
                if closed is not None:
                    stop = closed
                elif tag := _TAG_AT.match(src, m.start(), end):
                    kind, stop = "tag", tag.end()
                else:
                    at = m.end()
                    continue
            if begin > pos:
                self._add_text(builder, pos, begin)
            if kind == "escape":
                builder.add(m.group()[1], begin, m.end())
            elif kind == "code" or kind == "skipped" and m.group("skipname").lower() in SHOWN_UNREAD:
                builder.add_placeholder(begin, stop)
            elif kind == "comment":
                d = parse_directive(src[m.end() : stop - 3], begin)
                if d is not None:
                    self.directives.append(d)
            elif kind in ("image", "image_ref"):
                builder.add_placeholder(begin, stop)
                if inner[1] > inner[0]:
                    b = TextBuilder()
                    self._add_text(b, *inner)
                    block = b.build("image_alt")
                    if block is not None:
                        self.extra_blocks.append(block)
            elif kind == "liquid":
                if begin in self.markup_shown:
                    builder.add_placeholder(begin, stop)
            elif kind == "footref":
                citations.append(len(builder))
            elif kind in ("link", "reflink"):
                link_start = len(builder)
                self._inline(builder, *inner, links, citations)
                links.append(Link(link_start, len(builder), target.strip("<>")))
            elif kind in ("autolink", "url", "email"):
                links.append(Link(len(builder), len(builder), m.group().strip("<>")))
            elif kind == "sup":
                if _CITATION_SUP.match(html.unescape(m.group("suptext"))):  # "1&ndash;3" too
                    citations.append(len(builder))
                else:
                    self._inline(builder, m.start("suptext"), m.end("suptext"), links, citations)
            elif kind == "entity":
                add_with_entities(builder, m.group(), begin, legacy=False)  # CommonMark: a known name and its ";"
            elif kind == "tag" and _LINE_BREAK_TAG.match(m.group()):
                builder.add_space(begin, m.end())  # "risk<br>of" is two words on two lines
            elif kind == "tag" and (href := _ANCHOR_OPEN.match(m.group())):
                self._open_anchors.append((len(builder), html.unescape(next(g for g in href.groups() if g is not None))))
            elif kind == "tag" and _ANCHOR_CLOSE.match(m.group()) and self._open_anchors:
                link_start, target = self._open_anchors.pop()
                links.append(Link(link_start, len(builder), target))
            # code (in backticks or in HTML's <code>, <kbd>, <script>...), tags and emphasis markers, and the backslash
            # of a hard line break, are dropped, as the HTML reader drops them
            pos = at = stop
        if pos < end:
            self._add_text(builder, pos, end)

    def _bracket(self, begin: int, end: int, ahead: _Ahead):
        """(kind, start, stop, (start, end) of the alt text or label, address or reference) of the image, footnote
        reference or link that opens at ``begin`` ("![" or "["), before ``end``; None if none does. An image's "!"
        that opens none is text, and its "[" may still open a link."""
        src = self.source
        brackets = self._brackets
        if brackets is None:
            brackets = self._brackets = _Brackets(src, self._segments[0][0], self._segments[-1][1])
        if src[begin] == "!":
            close = brackets.close_from(begin + 2, end)  # an image's alt text holds no "]"
            if close is not None and close + 1 < end:
                if src[close + 1] == "(" and (tail := _IMAGE_TAIL.match(src, close + 1, end)):
                    return "image", begin, tail.end(), (begin + 2, close), None
                ref_close = brackets.close_from(close + 2, end) if src[close + 1] == "[" else None
                if ref_close is not None:
                    return "image_ref", begin, ref_close + 1, (begin + 2, close), None
            begin += 1
        if src.startswith("^", begin + 1):  # a footnote reference: "[^" and a name with no space in it, then "]"
            close = ahead.find("footnote name end", begin + 2)
            if close > begin + 2 and src[close] == "]":
                return "footref", begin, close + 1, None, None
        close = brackets.label_from(begin + 1, end)
        if close is not None and close > begin + 1 and src.startswith("(", close + 1) \
                and (tail := _LINK_TAIL.match(src, close + 1, end)):
            return "link", begin, tail.end(), (begin + 1, close), tail.group("target")
        # a reference link: a label with no bracket in it, then "[", the reference, "]"
        close = brackets.first_from(begin + 1, end)
        if close is not None and close > begin + 1 and src[close] == "]" and src.startswith("[", close + 1) \
                and (ref_close := brackets.close_from(close + 2, end)) is not None:
            reference = src[close + 2 : ref_close] or src[begin + 1 : close]
            return "reflink", begin, ref_close + 1, (begin + 1, close), reference
        return None


def _front_matter_end(source: str, lines) -> int:
    """Index of the first line after YAML (---) or TOML (+++) front matter."""
    if not lines:
        return 0
    first = source[lines[0][0] : lines[0][1]].strip()
    if first not in ("---", "+++"):
        return 0
    closers = ("---", "...") if first == "---" else ("+++",)
    for i in range(1, len(lines)):
        if source[lines[i][0] : lines[i][1]].strip() in closers:
            return i + 1
    return 0


def _split_cells(source: str, start: int, end: int):
    """Source ranges of the cells of one table row."""
    row = source[start:end]
    cells, cell_start, i = [], 0, 0
    while i < len(row):
        ch = row[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            close = row.find("`", i + 1)
            i = close + 1 if close != -1 else i + 1
            continue
        if ch == "|":
            cells.append((cell_start, i))
            cell_start = i + 1
        i += 1
    cells.append((cell_start, len(row)))
    if cells and not row[cells[0][0] : cells[0][1]].strip() and row.lstrip().startswith("|"):
        cells = cells[1:]
    if cells and not row[cells[-1][0] : cells[-1][1]].strip() and row.rstrip().endswith("|"):
        cells = cells[:-1]
    return [(start + a, start + b) for a, b in cells]


def read_markdown(path: str, source: str) -> Document:
    lines = line_spans(source)
    text_of = lambda i: source[lines[i][0] : lines[i][1]]  # noqa: E731
    blocks: list[Block] = []
    directives: list = []
    begin = _front_matter_end(source, lines)
    front_matter = source[: lines[begin - 1][1]] if begin else ""
    markup = _liquid_markup(source, lines[begin][0] if begin < len(lines) else len(source), front_matter)
    markup_starts = [a for a, _ in markup]
    inline = _Inline(source, blocks, directives, markup)
    has_refs = False
    para: list[tuple[int, int]] = []
    para_scope = "paragraph"
    in_list = False
    item_indent = 0  # the column where the current list item's text starts
    quote_depth = 0  # how many quote markers the current paragraph's lines open with
    in_definition = False  # the current paragraph is a definition, which a ": " line after it does not join
    para_part = ""  # the current paragraph's part in a definition list (``Block.definition_list``)
    definition_open = False  # the current list is a definition's: its indented paragraphs are the definition's too
    # a definition ended at a blank line with another definition after it, which belongs to the same term
    definition_continues = False

    def flush():
        nonlocal para, quote_depth, in_definition, para_part
        quote_depth = 0
        in_definition = False
        if para:
            block = inline.read(para, para_scope)
            if block is not None:
                block.definition_list = para_part
                blocks.append(block)
        para = []
        para_part = ""

    next_text = [0]  # the last line ``definition_follows`` found, which answers for each blank line before it too

    def definition_follows(i: int) -> bool:
        """Is the next line that is not blank after line ``i`` a definition (": text")?"""
        j = next_text[0]
        if j <= i:
            j = i + 1
            while j < n and not text_of(j).strip():
                j += 1
            next_text[0] = j
        return j < n and _DEFINITION.match(text_of(j)) is not None

    def only_markup(s: int, e: int) -> bool:
        """Does the line hold template markup and nothing else ("{% if page.cta %}", a line of a Liquid comment)? It
        renders as an empty line, which ends a paragraph."""
        k = bisect.bisect_right(markup_starts, s) - 1
        if k < 0 or markup[k][1] <= s:
            k += 1
        pos = s
        while k < len(markup) and markup[k][0] < e:
            a, b = markup[k]
            if source[pos:a].strip():
                return False
            pos = max(pos, b)
            k += 1
        return pos > s and not source[pos:e].strip()

    i = begin
    n = len(lines)
    while i < n:
        s, e = lines[i]
        line = text_of(i)
        stripped = line.strip()
        if not stripped or markup and only_markup(s, e):
            if definition_follows(i):
                if para and para_scope == "paragraph" and not quote_depth and not in_definition:
                    # kramdown and PHP Markdown Extra let a blank line stand between the terms and their definition
                    i += 1
                    continue
                # a blank line between two definitions of a term: the second is the list's too
                definition_continues = in_definition or definition_continues
            flush()
            i += 1
            continue
        fence = (_LIST_FENCE if in_list else _FENCE).match(line)
        if fence:
            flush()
            marker = fence.group(1)
            i += 1
            while i < n and not text_of(i).strip().startswith(marker[0] * len(marker)):
                i += 1
            i += 1
            continue
        indent_width = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if not para and indent_width >= (item_indent + 4 if in_list else 4):
            i += 1  # indented code block (in a list item, indented four spaces past the item's text)
            continue
        if _HTML_BLOCK.match(line):
            flush()
            j = i
            raw = _RAW_HTML_BLOCK.match(line)
            if line.lstrip().startswith("<!--"):
                while j < n and "-->" not in text_of(j):
                    j += 1
            elif raw:
                closing = f"</{raw.group(1).lower()}>"
                while j < n and closing not in text_of(j).lower():
                    j += 1
            else:
                while j + 1 < n and text_of(j + 1).strip():
                    j += 1
            j = min(j, n - 1)
            html_blocks, html_directives, refs = extract_html(source, s, lines[j][1], hidden=markup,
                                                              shown=inline.markup_shown)
            blocks.extend(html_blocks)
            directives.extend(html_directives)
            has_refs = has_refs or refs
            i = j + 1
            continue
        atx = _ATX.match(line)
        if atx:
            flush()
            content_start = s + atx.end()
            content = source[content_start:e]
            close = _ATX_CLOSE.search(content)
            content_end = content_start + (close.start() if close else len(content))
            attributes = _HEADING_ATTRIBUTES.search(source, content_start, content_end)
            if attributes:
                content_end = attributes.start()
            block = inline.read([(content_start, content_end)], "heading", len(atx.group(1)))
            if block is not None:
                blocks.append(block)
            in_list = False
            i += 1
            continue
        if para and para_scope == "paragraph" and _SETEXT.match(line):
            level = 1 if line.strip().startswith("=") else 2
            block = inline.read(para, "heading", level)
            if block is not None:
                blocks.append(block)
            para = []
            i += 1
            continue
        if _THEMATIC.match(line):
            flush()
            in_list = False
            i += 1
            continue
        if _LINK_DEF.match(line):
            flush()
            has_refs = True
            i += 1
            continue
        footnote = _FOOTNOTE_DEF.match(line)
        if footnote:
            flush()
            has_refs = True
            para = [(s + footnote.end(), e)]
            para_scope = "footnote"
            i += 1
            continue
        if "|" in line and i + 1 < n and _TABLE_SEP.match(text_of(i + 1)) and not para:
            j = i
            rows = [i]
            j = i + 2
            while j < n and "|" in text_of(j) and text_of(j).strip():
                rows.append(j)
                j += 1
            for r in rows:
                for cs, ce in _split_cells(source, *lines[r]):
                    block = inline.read([(cs, ce)], "table_cell")
                    if block is not None:
                        blocks.append(block)
            i = j
            continue
        quote = _QUOTE.match(line)
        if quote:
            depth = quote.group().count(">")
            # a line of markers only (">") is the blank line between two paragraphs of the quote; a quote nested
            # deeper, or less deep, starts a paragraph of its own
            if para_scope != "paragraph" or depth != quote_depth or not line[quote.end():].strip():
                flush()
            para_scope = "paragraph"
            quote_depth = depth
            if line[quote.end():].strip():
                para.append((s + quote.end(), e))
            i += 1
            continue
        definition = _DEFINITION.match(line)
        continues, definition_continues = definition_continues, False
        if definition and (para and (in_definition or para_scope == "paragraph" and not quote_depth)
                           or not para and continues):
            # the lines of the paragraph above are its terms, one a line; each term and each definition is a block
            # with the scope HTML's <dt> and <dd> have, and a definition's text is indented like a list item's
            if in_definition:
                flush()
            else:
                terms, para = para, []
                for term in terms:
                    para = [term]
                    para_scope, para_part = "list_item", "term"
                    flush()
            in_definition = in_list = definition_open = True
            item_indent = len(line[: definition.end()].expandtabs(4))
            para_scope, para_part = "list_item", "definition"
            para = [(s + definition.end(), e)]
            i += 1
            continue
        item = _LIST.match(line)
        if item:
            flush()
            in_list = True
            # a list indented under a definition is part of it, as a list in HTML's <dd> is
            definition_open = definition_open and bool(item.group(1))
            item_indent = len(line[: item.end()].expandtabs(4))
            para_scope = "list_item"
            para_part = "definition" if definition_open else ""
            box = _TASK_BOX.match(line, item.end())
            para = [(s + (box.end() if box else item.end()), e)]
            i += 1
            continue
        # paragraph line, or lazy continuation of the current paragraph/item
        indent = len(line) - len(line.lstrip())
        if para and para_scope == "paragraph" and not quote_depth \
                and (CONTACT_LINE.match(line) or CONTACT_LINE.match(text_of(i - 1))):
            # lines of contact details are lines of their own, not one long sentence: "Clearview Eye Clinic, 14
            # Harbour Row" / "Telephone: 0117 496 0523, Monday to Saturday" / "For urgent problems: 07700 900 412"
            flush()
        if not para:
            para_scope = "list_item" if (in_list and indent) else "paragraph"
            para_part = "definition" if para_scope == "list_item" and definition_open else ""
            if not indent:
                in_list = False
        para.append((s + indent, e))
        i += 1
    flush()
    blocks.sort(key=lambda b: b.src_start)
    return Document(path=path, source=source, format="markdown", blocks=blocks, directives=directives,
                    has_reference_list=has_refs)
