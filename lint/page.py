"""A parsed page with its spaCy docs and the page-level facts rules share.

Facts that several rules need (the page's topic, its word count, its headings)
are computed once, on first use, and cached on the page.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from lint.compiled import compile_re
from lint.documents import Block, Document, line_starts
from lint.knowledge import KnowledgeBase

if TYPE_CHECKING:  # spaCy is imported only when a page is linted
    from spacy.tokens import Doc

HEADING_SCOPES = ("title", "heading")
_SUPERSCRIPTS = frozenset("¹²³⁴⁵⁶⁷⁸⁹⁰")
#: between a name and its abbreviation in brackets: "in vitro fertilisation| (|IVF)"
_BRACKET_OPENS = compile_re(r"\s*\(\s*")
# a reference marker just after a full stop, before the next sentence: "had.³ Results", "safe.[2, 3] Most", "age.¹⁻³ It"
_MARKER_BOUNDARY = compile_re(
    r"(?<=[\w)][.!?])(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:[,⁻–][¹²³⁴⁵⁶⁷⁸⁹⁰]+)*|\[\d+(?:\s*[,–-]\s*\d+)*\])(?=(?P<space>\s+)[A-Z])"
)


@dataclass
class Unit:
    """One block and its spaCy doc (the doc's text is the block's text)."""

    block: Block
    doc: "Doc"
    #: what a kind works out about the block once for all its rules (the sentence models' tokens)
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def tokens(self) -> list:
        """The doc's tokens as a list. Iterating or indexing a Doc makes a new Token object each
        time, and some twenty rules walk every block: they share these instead."""
        return list(self.doc)

    @cached_property
    def terms(self) -> list:
        """The doc's term spans (``doc.spans["terms"]``) as a list. Reading a span group makes new Span objects (and
        Token objects for each) every time, and a dozen rules read this one: they share these instead."""
        return list(self.doc.spans.get("terms", ()))

    @cached_property
    def sents(self) -> list:
        """The doc's sentences as spaCy splits them (``doc.sents`` makes them anew at each reading)."""
        return list(self.doc.sents)

    @cached_property
    def _sent_starts(self) -> list[int]:
        return [s.start for s in self.sents]

    def sent_index(self, i: int) -> int:
        """The index in ``sents`` of the sentence holding token ``i``. ``token.sent`` and ``span.sent`` walk the
        tokens to the sentence's ends at each reading: in a block of one long sentence, a rule asking for each of
        its terms would take time growing with the square of the block."""
        return bisect_right(self._sent_starts, i) - 1

    def sent_at(self, i: int):
        """The sentence (of ``sents``) holding token ``i``."""
        return self.sents[self.sent_index(i)]

    def sent_index_of_span(self, span) -> int | None:
        """The index of the sentence holding the whole span; None for a span across a sentence boundary (whose
        ``span.sent`` is the sentences it touches run together, equal to none of them)."""
        first = self.sent_index(span.start)
        return first if self.sent_index(span.end - 1) == first else None

    @cached_property
    def lowers(self) -> list[str]:
        """Each token's lower-case text: rules test these against their word sets before
        looking at any token."""
        return [t.lower_ for t in self.tokens]

    @cached_property
    def lower_set(self) -> frozenset[str]:
        return frozenset(self.lowers)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) text offsets of the doc's sentences; the evidence rules and the sentence
        models all read them."""
        spans = [(s.start_char, s.end_char) for s in self.sents]
        text = self.block.text
        if "[" not in text and not _SUPERSCRIPTS.intersection(text):
            return spans
        # the tokenizer keeps a reference marker on the full stop it follows ("had.³ Results", "safe.[2] Most"),
        # so the sentencizer runs the two sentences together: split them after the marker
        out = []
        for start, end in spans:
            for m in _MARKER_BOUNDARY.finditer(text, start, end):
                out.append((start, m.end()))
                start = m.end() + len(m.group("space"))
            out.append((start, end))
        return out


class Enclosing:
    """The spans of a pool that hold a span and are longer than it: "thyroid gland" around "thyroid".

    Looks only at the pool's spans that start close enough before the span to reach its end (no further back than
    the longest span's length), where testing every pair took time growing with the square of a block's terms: a
    line of one organ's name repeated thousands of times.
    """

    def __init__(self, pool):
        self.pool = sorted(pool, key=lambda o: o.start)
        self.starts = [o.start for o in self.pool]
        self.longest = max((o.end - o.start for o in self.pool), default=0)

    def longer(self, span) -> list:
        """The pool's spans with ``o.start <= span.start``, ``span.end <= o.end`` and more tokens than ``span``."""
        lo = bisect_left(self.starts, span.end - self.longest)
        hi = bisect_right(self.starts, span.start)
        size = span.end - span.start
        return [o for o in self.pool[lo:hi] if span.end <= o.end and o.end - o.start > size]


class Page:
    def __init__(self, document: Document, units: list[Unit], kb: KnowledgeBase, settings):
        self.document = document
        self.units = units
        self.kb = kb
        self.settings = settings
        #: what several rules work out about the page once (the sources a lexicon finds on it)
        self.memo: dict = {}

    def close(self) -> None:
        """Drop what the rules shared about the page: some of it (a source finder) refers to the page, and the
        page's tokens and docs would then wait for the garbage collector instead of going when the page does."""
        self.memo.clear()

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def format(self) -> str:
        return self.document.format

    def last_before(self, unit: Unit, scopes, outside: bool = False) -> Unit | None:
        """The last unit before ``unit`` whose scope is one of ``scopes`` (with ``outside``, is none of them): the
        heading a block stands under, the lead-in of a list. Worked out for the whole page at the first asking, not
        by walking back from each block, which on a page of thousands of list items or table cells took time
        growing with the square of their number."""
        key = ("last_before", tuple(scopes), outside)
        table = self.memo.get(key)
        if table is None:
            table, last = {}, None
            for u in self.units:
                table[id(u)] = last
                if (u.block.scope in scopes) != outside:
                    last = u
            table[None] = last  # a unit not on the page comes after all of them
            self.memo[key] = table
        return table.get(id(unit), table[None])

    @cached_property
    def _line_starts(self) -> list[int]:
        return line_starts(self.document.source)

    def line_of(self, offset: int) -> int:
        """The source line (from 1) that holds ``offset``: by bisection over the page's line starts, where counting
        the newlines before each offset took time growing with the square of a page of thousands of headings."""
        return bisect_right(self._line_starts, offset)

    def units_in(self, scopes) -> list[Unit]:
        return [u for u in self.units if u.block.scope in scopes]

    @cached_property
    def headings(self) -> list[Unit]:
        return [u for u in self.units if u.block.scope in HEADING_SCOPES]

    @cached_property
    def word_count(self) -> int:
        """Tokens that are words or numbers (read from the units' token lists, which most rules build anyway:
        an array per block cost more than the count)."""
        return sum(1 for u in self.units for t in u.tokens if t.is_alpha or t.like_num)

    def _term_scores(self, label: str, nested: bool = True) -> Counter:
        """Each entry's weight over the page's mentions: 5 in the title or a top heading, 3 in another heading, 1 in the
        text. With ``nested``, a name inside a longer name of the same entry is a mention of its own ("Raynaud's" in
        "Raynaud's phenomenon"): a page that gives a procedure its long name as well as its short one is about it."""
        scores: Counter = Counter()
        for unit in self.units:
            weight = 5 if unit.block.scope == "title" or (unit.block.scope == "heading" and unit.block.level <= 1) else (
                3 if unit.block.scope == "heading" else 1
            )
            spans = [s for s in unit.terms if s.label_ == label]
            if label == "procedure" and spans:
                # a word of a condition's name is not the procedure it spells: "Traction alopecia" (hair pulled out by
                # tight hairstyles) is no traction of a broken leg
                named = [(c.start_char, c.end_char) for c in unit.terms if c.label_ == "condition"]
                spans = [s for s in spans if not any(a <= s.start_char and s.end_char <= b and b - a > len(s.text)
                                                     for a, b in named)]
            around = Enclosing(spans)
            text, named_end = unit.block.text, {}
            for span in spans:
                # a name inside a longer name of another entry is not that entry: "pilonidal sinus surgery" is not
                # also the "sinus surgery" (of the nose) inside it
                longer = around.longer(span)
                if longer and (not nested or any(o.kb_id_ != span.kb_id_ for o in longer)):
                    continue
                # an abbreviation in brackets after the name is the same mention: "in vitro fertilisation (IVF)"
                end = named_end.get(span.kb_id_)
                named_end[span.kb_id_] = span.end_char
                if end is not None and _BRACKET_OPENS.fullmatch(text, end, span.start_char):
                    continue
                scores[span.kb_id_] += weight
        return scores

    @cached_property
    def condition_scores(self) -> Counter:
        return self._term_scores("condition")

    @cached_property
    def procedure_scores(self) -> Counter:
        return self._term_scores("procedure")

    @cached_property
    def topic_procedures(self) -> tuple[str, ...]:
        """The procedures the page is about: named in its title and headings, or most often."""
        scores = self.procedure_scores
        if not scores:
            return ()
        best = max(scores.values())
        if best < 2:
            return ()
        return tuple(sorted(p for p, s in scores.items() if s * 3 >= best))

    @cached_property
    def topic_conditions(self) -> tuple[str, ...]:
        scores = self.condition_scores
        if not scores:
            return ()
        best = max(scores.values())
        # (named once in the text, a condition is no topic, even by its long name and the short one inside it:
        # "fingers that turn white in the cold (Raynaud's phenomenon)" in a list of symptoms of another condition)
        weights = self._term_scores("condition", nested=False)
        return tuple(sorted(c for c, s in scores.items() if s * 3 >= best and weights[c] >= 2))

    @cached_property
    def topic_regions(self) -> frozenset[str]:
        regions = set()
        for p in self.topic_procedures:
            regions.update(self.kb.procedures[p].regions)
        return frozenset(regions)
