"""Plain-text pages, as they are copied out of a CMS.

Pages of this kind rarely have markup, so the structure is inferred from the
lines: a short line without closing punctuation, standing alone between blank
lines, is a heading (the first one is the title); a line that starts with a
bullet or a number is a list item; other lines form paragraphs. A line that
ends a sentence also ends the paragraph, because CMS exports often put each
paragraph on one line with no blank line between them, while a line cut in the
middle of a sentence (hard-wrapped text) continues the paragraph. A line
underlined with ``---`` or ``===`` is a heading, and a line whose words stand
in columns (three or more spaces or a tab between them) is a row of a table,
each column a table cell.
"""

from __future__ import annotations

from lint.compiled import compile_re
from lint.documents.base import Block, Document, TextBuilder, line_spans

LIST_MARKER = compile_re(r"^[ \t]*(?:[-*+•‣◦–—]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])[ \t]+")
_SENTENCE_END = compile_re(r"[.!?:;…][\"'”’)\]]*\s*$")
_HEADING_MAX_WORDS = 10
_UNDERLINE = compile_re(r"^[ \t]*(?:-{3,}|={3,})[ \t]*$")
# a rule between sections or under a table's header row: "-----  -----", "+----+----+"
_RULE = compile_re(r"^[ \t]*[-=+|:]*[-=]{3,}[-=+|: \t]*$")
# the gap between two columns of a plain-text table: a wide space, a tab, or a bar ("Bleeding | 2 of 180")
_COLUMN_GAP = compile_re(r"(?<=\S)(?: {3,}|\t+|[ \t]*\|[ \t]*)(?=\S)")
# a bar at either end of a table row: "| Bleeding | 2 of 180 |"
_EDGE_BARS = " \t|"


# a label opening a line of details: "Appointments: 020 4912 7300", "WhatsApp: +91 ..."
_LABEL_LINE = compile_re(r"^[ \t]*[A-Z][\w'’&/-]*(?:[ ][\w'’&/-]+){0,3}:[ \t]+\S")
# a line of contact details: it ends the line above it (an address) even in a block that did not open with a label
_CONTACT_LABELS = (r"(?:Telephone|Phone|Tel|Mobile|Email|E-mail|Fax|Address|Website|Web|WhatsApp|Switchboard|Enquiries"
                   r"|Appointments|Opening\s+hours|Hours|Post)")
CONTACT_LINE = compile_re(rf"^[ \t]*{_CONTACT_LABELS}\s*:[ \t]+\S")
# a heading with a subtitle after a colon, in small letters ("Knee replacement: what to expect", "Gout: your
# questions answered"), not a line of details ("Appointments: 020 ...", "Email: help@...", "Opening hours: ...")
_SUBTITLED = compile_re(rf"^[ \t]*(?!{_CONTACT_LABELS}\s*:)[^:\d@]*:[ \t]+[a-z][a-z '’-]*$")
_JOINING_WORDS = frozenset({"of", "and", "or", "the", "to", "a", "an", "in", "for", "with", "on", "at", "by", "your", "our",
                            "called", "named", "titled", "entitled"})


def _heading_over_paragraph(line: str, next_line: str) -> bool:
    """A short line in sentence form, with no closing punctuation, straight above a longer line that opens a
    sentence: a heading with no blank line under it. (A hard-wrapped paragraph's first line is as long as the
    lines after it.)"""
    stripped, following = line.strip(), next_line.strip()
    words = stripped.split()
    last = words[-1].lower() if words else ""
    # (a line cut after a joining word goes on below it, unless a preposition ends a heading's phrase and the line
    # below opens a sentence of its own: "Symptoms to look out for" / "The first sign is ...")
    joined = last in _JOINING_WORDS and not (last in _PHRASE_END_PREPOSITIONS
                                             and following.split(" ", 1)[0] in _SENTENCE_OPENERS)
    return (_looks_like_heading(line) and len(words) <= 8 and len(stripped) <= 45 and not joined
            and following[:1].isupper() and not LIST_MARKER.match(next_line) and _not_cut_short(stripped, following)
            and not (_LABEL_LINE.match(line) and not _SUBTITLED.match(line))
            # (a name or an address over a line of contact details: "Women's Health Service, Castlegate Hospital" /
            # "Telephone: 01632 960 623")
            and not CONTACT_LINE.match(next_line))


#: a heading over contact details: "Contact us", "How to reach us", "Find us", "Enquiries"
_CONTACT_HEADING = compile_re(r"(?i)\b(?:contact|get\s+in\s+touch|find\s+us|reach\s+us|where\s+to\s+find|details|enquiries"
                              r"|opening\s+hours|address)\b")


def _names_contacts_below(line: str, lines, blank, source: str, i: int) -> bool:
    """Is a line standing alone the name or address of the service whose contact details follow it ("Women's Health
    Service, Castlegate Community Hospital" / "Telephone: 01632 960 623"), not a heading over them ("Contact us")?"""
    j = i + 1
    while j < len(lines) and blank[j]:
        j += 1
    return j < len(lines) and bool(CONTACT_LINE.match(source[lines[j][0]:lines[j][1]])) and not _CONTACT_HEADING.search(line)


def _not_cut_short(line: str, following: str) -> bool:
    """Was the line not cut where the page was hard-wrapped? The line after it is longer by more than ten characters,
    or ends a sentence and holds the line and its own first word with room to spare (a wrap at that width would have
    put the word on the first line): "Recovery at home" over "PUL may suit men who:"."""
    if len(following) > len(line) + 10:
        return True
    return bool(_SENTENCE_END.search(following)) and len(following) >= len(line) + 1 + len(following.split(" ", 1)[0])


#: prepositions that may end a heading's phrase ("What to look out for", "Who it is for")
_PHRASE_END_PREPOSITIONS = frozenset({"for", "on", "with", "to", "in", "at", "by"})
#: words that open a sentence, and never go on one cut off at the end of the line above
_SENTENCE_OPENERS = frozenset({"The", "A", "An", "Your", "You", "Most", "If", "Many", "Some", "It", "This", "These",
                               "We", "Our", "Contact", "Call", "Tell", "See", "Ask", "Go", "Get"})


def _bare_item(line: str) -> bool:
    """A line that may be an item of a list with no markers: it opens in a small letter and ends no sentence."""
    stripped = line.strip()
    return bool(stripped) and stripped[0].islower() and not _SENTENCE_END.search(stripped) and len(stripped.split()) <= 25


def _indented_item(line: str) -> bool:
    """A line set in from the margin, short enough to be an item of a list with no markers."""
    return line[:1] in (" ", "\t") and bool(line.strip()) and len(line.split()) <= 25 and not _COLUMN_GAP.search(line.strip())


def _item_ends(line: str, following: str) -> bool:
    """Does an indented line end where the next one starts a new item, rather than being cut where the page was
    hard-wrapped ("... will have a human papillomavirus" / "(HPV) infection ...")? The next line opens in a capital
    or a figure, the line ends in no joining word or comma, and it is no wrap: it ends in a figure or a bracket, or the
    next line is longer than a wrap would have left it."""
    first = following.strip()[:1]
    last_word = line.split()[-1].lower() if line.split() else ""
    if not (first.isupper() or first.isdigit()) or last_word in _JOINING_WORDS or line.rstrip().endswith(","):
        return False
    return line.rstrip()[-1:] in ("%", ")") or line.rstrip()[-1:].isdigit() or _not_cut_short(line.strip(), following.strip())


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped.endswith(","):
        return False
    # a short question on its own line is a heading ("WHAT ARE THE RISKS?", "Who is at risk?" over its answer);
    # other closing punctuation ends a sentence
    if _SENTENCE_END.search(stripped) and not (stripped.endswith("?") and len(stripped.split()) <= 8):
        return False
    if sum(c.isdigit() for c in stripped) >= 6:
        return False  # a line of contact details: "Surgical Assessment Unit: 0117 555 0200 (24 hours)"
    if LIST_MARKER.match(line):
        return False
    words = stripped.split()
    return len(words) <= _HEADING_MAX_WORDS and stripped[0].isupper()


def read_text(path: str, source: str) -> Document:
    lines = line_spans(source)
    blank = [not source[s:e].strip() for s, e in lines]
    blocks: list[Block] = []
    builder: TextBuilder | None = None
    scope = "paragraph"
    seen_title = False
    standalone_before = False  # a heading on its own line (between blank lines, or underlined) came before

    def flush():
        nonlocal builder
        if builder is not None:
            block = builder.build(scope)
            if block is not None:
                blocks.append(block)
        builder = None

    def add_heading(line: str, start: int, sub: bool = False):
        """The page's first heading is its title; the others are headings. A heading set straight above its
        paragraph (``sub``) ranks under a heading that stands alone, where the page has one before it."""
        nonlocal seen_title, standalone_before
        b = TextBuilder()
        b.add_collapsed(line, start)
        level = 3 if sub and standalone_before else 2
        block = b.build("heading" if seen_title else "title", level=level if seen_title else 1)
        if block is not None:
            blocks.append(block)
            standalone_before = standalone_before or (seen_title and not sub)
            seen_title = True

    # a line is a table row only beside another: one wide gap in a line of prose is not a table
    columned = [not blank[i] and bool(_COLUMN_GAP.search(source[s:e].strip())) and not LIST_MARKER.match(source[s:e])
                for i, (s, e) in enumerate(lines)]

    def beside_row(i: int) -> bool:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not blank[j] and _RULE.match(source[lines[j][0]:lines[j][1]]):
                j += step  # the rule under a header row
            if 0 <= j < len(lines) and columned[j]:
                return True
        return False

    underlined = set()
    equals_before = False  # a heading (not the title) underlined with equals signs came before
    labelled = False  # the paragraph being read opened with a label ("Appointments: ...")
    bare_run = False  # the lines being read are a list with no markers
    indent_run = False  # the lines being read are a list of indented lines
    for i, (s, e) in enumerate(lines):
        line = source[s:e]
        if blank[i] or i in underlined:
            flush()
            bare_run = indent_run = False
            continue
        if i + 1 < len(lines) and _UNDERLINE.match(source[lines[i + 1][0]:lines[i + 1][1]]) \
                and not _UNDERLINE.match(line) and len(line.split()) <= _HEADING_MAX_WORDS and builder is None:
            # "What is LASIK?" over a line of dashes
            underlined.add(i + 1)
            # (as in Markdown, a heading over dashes ranks under one over equals signs, where the page has one before it:
            # "The first week" / "=====", then "Bleeding" / "-----")
            dashes = source[lines[i + 1][0]:lines[i + 1][1]].strip().startswith("-")
            title = not seen_title
            add_heading(line, s, sub=dashes and equals_before)
            equals_before = equals_before or (not dashes and not title)
            continue
        if _RULE.match(line):
            flush()  # a rule between sections, or under a table's header row
            continue
        if columned[i] and beside_row(i):
            # a row of a plain-text table: each column is a cell
            flush()
            start = s
            for cell in _COLUMN_GAP.split(line):
                offset = line.find(cell, start - s) if cell else -1
                if cell.strip(_EDGE_BARS) and offset >= 0:
                    b = TextBuilder()
                    lead = len(cell) - len(cell.lstrip(_EDGE_BARS))
                    b.add_collapsed(cell.strip(_EDGE_BARS), s + offset + lead)
                    block = b.build("table_cell")
                    if block is not None:
                        blocks.append(block)
                    start = s + offset + len(cell)
            continue
        alone = (i == 0 or blank[i - 1]) and (i + 1 >= len(lines) or blank[i + 1])
        has_more = any(not b for b in blank[i + 1 :])
        if alone and has_more and _looks_like_heading(line) and not _names_contacts_below(line, lines, blank, source, i):
            flush()
            # a question ranks under a heading that is no question: "Choice 1: keyhole surgery" / "What are the risks?"
            # (one in capitals is a main heading: "WHICH INJECTIONS ARE USED?" / "Steroid injections")
            add_heading(line, s, sub=line.rstrip().endswith("?") and not line.isupper())
            continue
        if builder is None and (i == 0 or blank[i - 1]) and i + 1 < len(lines) and not blank[i + 1] \
                and _heading_over_paragraph(line, source[lines[i + 1][0]:lines[i + 1][1]]):
            # "Risks of a colonoscopy" on the line straight above its paragraph, with no blank line between
            add_heading(line, s, sub=True)
            continue
        previous = source[lines[i - 1][0]:lines[i - 1][1]].rstrip() if i else ""
        if builder is not None and (CONTACT_LINE.match(line) or labelled and (_LABEL_LINE.match(line) or line[:1].isupper())) \
                and not _SENTENCE_END.search(previous) and previous.split()[-1].lower() not in _JOINING_WORDS:
            # lines of details, each opening with a label: "Appointments: 020 ...", "WhatsApp: +91 ...", and the
            # line after them, are separate lines, not one hard-wrapped sentence (a label line cut after "the" goes on);
            # so is an address line above them ("Ripon Road, Harrogate HG1 2BX" / "Telephone: 01632 ...")
            flush()
        labelled = bool(_LABEL_LINE.match(line)) if builder is None or labelled else False
        marker = LIST_MARKER.match(line)
        bare = not marker and _bare_item(line) and (
            builder is None and blocks and blocks[-1].text.rstrip().endswith(":") and i + 1 < len(lines)
            and not blank[i + 1] and _bare_item(source[lines[i + 1][0]:lines[i + 1][1]])
            or builder is not None and scope == "list_item" and bare_run)
        following = source[lines[i + 1][0]:lines[i + 1][1]] if i + 1 < len(lines) and not blank[i + 1] else ""
        indented = not bare and not marker and _indented_item(line) and (
            indent_run and builder is not None and scope == "list_item" and line.strip()[:1].isupper()
            or builder is None and _indented_item(following) and _item_ends(line, following))
        bare_run, indent_run = bool(bare), bool(indented)
        if bare or indented:
            # a list with no markers: under its lead-in, each line a small-letter item ("It may not be suitable if
            # you:" / "are pregnant" / "have a bleeding disorder"), or set in from the margin ("  Endoleak needing a
            # further procedure: 6 in 100" / "  Groin wound problems: 4 in 100"); not one hard-wrapped sentence
            flush()
            builder = TextBuilder()
            scope = "list_item"
            builder.add_collapsed(line.strip(), s + (len(line) - len(line.lstrip())))
            continue
        if not marker and builder is not None and scope == "list_item" and line[:1].isupper() \
                and line.split(" ", 1)[0] in _SENTENCE_OPENERS and previous.split()[-1].lower() not in _JOINING_WORDS:
            # a list's last item with no full stop, then a paragraph at the margin that opens a sentence of its own
            # ("- nerve damage, which is very rare" / "Tell the doctor beforehand if ..."): not the item's next line
            flush()
        if marker:
            flush()
            builder = TextBuilder()
            scope = "list_item"
            builder.add_collapsed(line[marker.end() :], s + marker.end())
        elif builder is None:
            builder = TextBuilder()
            scope = "paragraph"
            builder.add_collapsed(line, s)
        else:
            # continuation of a hard-wrapped paragraph: the line break reads as a space
            builder.add(" ", lines[i - 1][1], s)
            builder.add_collapsed(line.lstrip(), s + (len(line) - len(line.lstrip())))
        if _SENTENCE_END.search(line):
            flush()
    flush()
    return Document(path=path, source=source, format="text", blocks=blocks)
