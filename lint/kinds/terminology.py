"""Terminology kinds: terms one letter or one word away from the term meant, told
apart by their context (``confusable``), and two different procedures or
conditions presented as one ("an appendectomy, also known as a colectomy":
``conflation``).

The context tables live in the rule files; the knowledge base says which
procedures and conditions are the same and what each one is.
"""

from __future__ import annotations

import re

from lint.kinds.base import ABBREVIATION_AFTER, Kind, is_negated, match_case
from lint.matching import NeedleIndex, PatternError, compile_builtin, compile_pattern, compile_phrases, finditer
from lint.page import Enclosing

_END = "."  # a cue that stands for the end of the clause (punctuation or the end of the text)


def _sentence_bounds(unit, start: int, end: int) -> tuple[int, int]:
    span = unit.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return 0, len(unit.block.text)
    sent = span.sent
    return sent.start_char, sent.end_char


class Confusable(Kind):
    """A term that is one letter or word away from the term its context asks for.

    Each entry of ``pairs``: ``term`` (the written word or words), ``suggest``,
    ``means`` (what the written term means) and ``intended`` (what the
    suggestion means), and the context that shows the suggestion is meant:
    ``next`` (one of these words right after), ``before`` (right before; "."
    stands for the start or end of a clause), ``near`` (within ``window``
    words in the same sentence); ``unless`` words in the sentence keep it silent.
    """

    name = "confusable"
    options = {
        "pairs": (list, Kind.REQUIRED),
        "window": (int, 8),
    }
    list_items = {"pairs": dict}

    def setup(self):
        self.pairs = []
        for n, entry in enumerate(self.opts["pairs"], 1):
            if not isinstance(entry, dict) or not entry.get("term") or not entry.get("suggest"):
                raise self.error(f"pair {n} needs 'term' and 'suggest'")
            unknown = set(entry) - {"term", "suggest", "means", "intended", "next", "before", "near", "unless", "window"}
            if unknown:
                raise self.error(f"pair {n}: unknown key(s) {', '.join(sorted(unknown))}")
            for key in ("term", "suggest", "next", "before", "near", "unless"):
                value = entry.get(key, [])
                if not all(isinstance(v, str) for v in (value if isinstance(value, list) else [value])):
                    raise self.error(f"pair {n}: '{key}' must be words (quote yes/no/on/off in YAML)")
            terms = entry["term"] if isinstance(entry["term"], list) else [entry["term"]]
            suggest = entry["suggest"] if isinstance(entry["suggest"], list) else [entry["suggest"]]
            if len(suggest) not in (1, len(terms)):
                raise self.error(f"pair {n}: 'suggest' is one term or one for each 'term'")
            self.pairs.append({
                "regex": compile_phrases(terms),
                # the start of each term, to skip a block without a pattern call: a block the
                # terms cannot match holds none of these (in lower case)
                "firsts": tuple({re.split(r"[-\s]", t.strip().lower(), maxsplit=1)[0] for t in terms}),
                "suggest": {t.lower(): (suggest[i] if len(suggest) > 1 else suggest[0]) for i, t in enumerate(terms)},
                "means": entry.get("means", ""),
                "intended": entry.get("intended", ""),
                "next": {w.lower() for w in entry.get("next", ())},
                "before": {w.lower() for w in entry.get("before", ())},
                "near": compile_phrases(entry.get("near", ())),
                "unless": compile_phrases(entry.get("unless", ())),
                "window": int(entry.get("window", self.opts["window"])),
            })

        # every pair's first words, looked for in one pass over a block; the pairs each word starts, in order
        self.firsts = NeedleIndex({first for pair in self.pairs for first in pair["firsts"]})
        self.pairs_of: dict[str, list[int]] = {}
        for i, pair in enumerate(self.pairs):
            for first in pair["firsts"]:
                self.pairs_of.setdefault(first, []).append(i)
        # (a term that starts with a dash has the first word "": its pair is tried in every block)
        self.every_block = tuple(self.pairs_of.pop("", ()))

    def check(self, page):
        pairs, pairs_of = self.pairs, self.pairs_of
        for unit in self.units(page):
            text = unit.block.text
            tried = set(self.every_block)
            for first in self.firsts.find_all(text.lower()):
                tried.update(pairs_of.get(first, ()))
            for pair in map(pairs.__getitem__, sorted(tried)):
                for m in finditer(pair["regex"], text):
                    cue = self._cue(unit, pair, m.start(), m.end())
                    if cue is None:
                        continue
                    suggestion = match_case(pair["suggest"].get(m.group().lower(), next(iter(pair["suggest"].values()))),
                                            m.group())
                    yield self.hit(unit, m.start(), m.end(), suggestions=(suggestion,), means=pair["means"],
                                   intended=pair["intended"], cue=cue)

    def _cue(self, unit, pair, start: int, end: int) -> str | None:
        doc = unit.doc
        text = unit.block.text
        s0, s1 = _sentence_bounds(unit, start, end)
        sentence = text[s0:s1]
        if pair["unless"] is not None and any(True for _ in finditer(pair["unless"], sentence)):
            return None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        if pair["next"]:
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is None or nxt.is_punct or nxt.is_sent_start:
                if _END in pair["next"]:
                    return "the end of the clause"
            elif nxt.lower_ in pair["next"]:
                return nxt.text
        if pair["before"]:
            prev = doc[span.start - 1] if span.start > 0 else None
            if prev is None or prev.is_punct or span[0].is_sent_start:
                if _END in pair["before"]:
                    return "the start of the clause"
            elif prev.lower_ in pair["before"]:
                return prev.text
        if pair["near"] is not None:
            lo = doc[max(span.start - pair["window"], span.sent.start)].idx
            hi_tok = doc[min(span.end + pair["window"], span.sent.end) - 1]
            hi = hi_tok.idx + len(hi_tok.text)
            for m in finditer(pair["near"], text[lo:hi]):
                if not (lo + m.start() >= start and lo + m.end() <= end):
                    return m.group()
        return None


_LABELS = ("procedure", "condition", "structure")
# the words a finding leaves out in front of the link: "X, which is |also called Y|"
_LEAD = compile_builtin(r"[\s,()–—-]*(?:(?:which|that|this)\s+)?(?:(?:is|are|was|were|may\s+be|can\s+be)\s+)?", re.I)


class Conflation(Kind):
    """Two different procedures (or conditions, or parts of the body) presented as one: "X, also called Y".

    ``links`` are the patterns for the words between the two terms (each must
    match all of them); ``related`` lists pairs of ids that may stand for each
    other (a kind of the other: phacoemulsification is a kind of cataract
    surgery).
    """

    name = "conflation"
    # (the page's topic stands in for an operation named by a word the knowledge base does not list)
    page_level = True
    options = {
        "links": (list, Kind.REQUIRED),
        # links that make the second term an apposition only when it stands alone: "gallstones (kidney stones)",
        # "Glaucoma, or cataracts, is": the second term must be closed by a bracket or a comma, and the first must
        # not be an item of a list ("glaucoma, cataracts, or macular degeneration" names three)
        "apposition_links": (list, list),
        # "X or Y (two names for the same procedure)", "X, or Y as it's often called": words after the second term
        # that make two names joined by "or" (or "and", "/") one thing
        "same_after": (list, list),
        "related": (list, list),
        "max_gap": (int, 12),
        # words that name an operation without naming which ("surgical excision", "a fasciectomy"): "<one of
        # these>, also called Y" on a page about one procedure calls that procedure Y
        "operation_words": (str, ""),
    }
    list_items = {"related": list}

    def setup(self):
        where = f"{self.rule.path}: rule {self.rule.code}"
        try:
            self.links = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["links"]]
            self.apposition_links = [compile_pattern(p, where, trusted=self.trusted)
                                     for p in self.opts["apposition_links"]]
            self.same_after = [compile_pattern(p, where, trusted=self.trusted) for p in self.opts["same_after"]]
        except PatternError as exc:
            raise self.error("invalid link " + str(exc).removeprefix(where + ": invalid ")) from None
        try:
            self.operation_word = compile_pattern(self.opts["operation_words"], where, trusted=self.trusted) \
                if self.opts["operation_words"] else None
        except PatternError as exc:
            raise self.error("invalid operation_words " + str(exc).removeprefix(where + ": invalid ")) from None
        # the words that name a part of the body ("shoulder", "knee"): "shoulder arthroplasty" is an arthroplasty
        self.region_words = frozenset(t.lower() for r in self.kb.regions.values() for t in r.terms)
        self.related = set()
        for pair in self.opts["related"]:
            if not isinstance(pair, list) or len(pair) != 2:
                raise self.error("each 'related' entry is a pair of ids")
            self.related.add(frozenset(pair))

    def _entry(self, span):
        table = {"procedure": self.kb.procedures, "condition": self.kb.conditions,
                 "structure": self.kb.structures}[span.label_]
        return table.get(span.kb_id_)

    def _same(self, a, b) -> bool:
        if a.id == b.id or frozenset((a.id, b.id)) in self.related:
            return True
        if b.id in getattr(a, "not_", ()) or a.id in getattr(b, "not_", ()):
            return False  # named apart in the knowledge base: a non-surgical rhinoplasty is no kind of rhinoplasty
        # "radical prostatectomy" is a kind of "prostatectomy": one entry's name ends with the other's
        x, y = a.name.lower(), b.name.lower()
        if x.endswith(" " + y) or y.endswith(" " + x):
            return True
        # "shoulder replacement (arthroplasty)": another name of the one is the other's name for a part of the body
        # ("shoulder arthroplasty"); a "partial mastectomy" or a "tailor's bunion" is no kind of the other
        return self._kind_of(a, b) or self._kind_of(b, a)

    def _renamed_structure(self, a, b, gap: str) -> bool:
        """Two parts of the body given as one name: only "X, also called Y", never a bare "called" (which
        names a part: "the first part of the bowel, called the duodenum"), and not two neighbours (where
        lay names overlap)."""
        return _ALSO_CALLED.search(gap) is not None and b.id not in a.neighbours and a.id not in b.neighbours

    def _kind_of(self, specific, general) -> bool:
        name = " " + general.name.lower()
        return any(n.lower().endswith(name) and not self.region_words.isdisjoint(n.lower()[: -len(name)].split())
                   for n in specific.synonyms)

    def check(self, page):
        topic = self._topic(page)
        for unit in self.units(page):
            terms = [s for s in unit.terms if s.label_ in _LABELS]
            if len(terms) < (1 if topic is not None else 2):
                continue
            text = unit.block.text
            # the longest term at each start
            longest = {}
            for s in terms:
                if s.start not in longest or s.end > longest[s.start].end:
                    longest[s.start] = s
            # (less a term inside a longer one: the "Bunion" of "Tailor's Bunion (Bunionette)")
            around = Enclosing(list(longest.values()))
            ordered = sorted((s for s in longest.values() if not around.longer(s)), key=lambda s: s.start)
            reported = set()
            for i, x in enumerate(ordered):
                for y in ordered[i + 1 :]:
                    if y.start < x.end:
                        continue
                    if y.start - x.end > self.opts["max_gap"] or y.sent != x.sent:
                        break
                    if y.label_ != x.label_:
                        continue
                    gap = text[x.end_char : y.start_char]
                    # (past the first name's abbreviation: "Atrial fibrillation (AF), sometimes called atrial flutter")
                    abbreviation = ABBREVIATION_AFTER.match(gap)
                    skipped = abbreviation.end() if abbreviation and gap[abbreviation.end():].lstrip().startswith(",") else 0
                    gap = gap[skipped:]
                    link = next((m for m in (p.fullmatch(gap) for p in self.links) if m), None)
                    if link is None and not (any(p.fullmatch(gap) for p in self.apposition_links)
                                             and _standing_alone(text, x, y)) \
                            and not (_OR_GAP.fullmatch(gap) and any(p.match(text, y.end_char) for p in self.same_after)):
                        continue
                    a, b = self._entry(x), self._entry(y)
                    if a is None or b is None or self._same(a, b):
                        continue
                    if x.label_ == "structure" and not self._renamed_structure(a, b, gap):
                        continue
                    if is_negated(unit, x.end_char, y.end_char):
                        continue
                    start = x.end_char + skipped + _LEAD.match(gap).end()
                    if (start, y.end_char) in reported:
                        continue
                    reported.add((start, y.end_char))
                    kind = {"procedure": "procedures", "condition": "conditions"}.get(x.label_, "parts of the body")
                    yield self.hit(
                        unit, start, y.end_char, suggestions=(), first=x.text, second=y.text,
                        first_is=a.lay or a.name, second_is=b.lay or b.name, kind=kind,
                    )
            if topic is not None:
                yield from self._named_for_topic(topic, unit, ordered, reported)

    def _topic(self, page):
        """The one procedure the page is about (named at least twice, and at least twice as often as any other), or
        None; only asked for when the rule has ``operation_words``."""
        if self.operation_word is None:
            return None
        ranked = page.procedure_scores.most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
            return None
        return self.kb.procedures.get(ranked[0][0])

    def _named_for_topic(self, topic, unit, ordered, reported):
        """ "Surgical excision, also referred to as a carpal tunnel decompression" on a page about removing a
        ganglion: an operation named by a word the knowledge base does not list, called by another procedure's
        name. The operation is taken to be the page's one topic procedure."""
        text, tokens = unit.block.text, unit.tokens
        in_term = None
        for y in ordered:
            if y.label_ != "procedure" or any(start < y.end_char <= end for start, end in reported):
                continue
            b = self._entry(y)
            if b is None or self._same(topic, b):
                continue
            if in_term is None:
                in_term = {i for s in unit.terms for i in range(s.start, s.end)}
            sent_start = unit.sent_at(y.start).start
            for k in range(y.start - 1, max(sent_start, y.start - self.opts["max_gap"]) - 1, -1):
                word = tokens[k]
                if k in in_term or not self.operation_word.fullmatch(word.lower_):
                    continue
                gap = text[word.idx + len(word.text) : y.start_char]
                if not any(p.fullmatch(gap) for p in self.links):
                    continue
                if is_negated(unit, word.idx, y.end_char):
                    break
                start = word.idx + len(word.text) + _LEAD.match(gap).end()
                reported.add((start, y.end_char))
                yield self.hit(
                    unit, start, y.end_char, suggestions=(), first=topic.name, second=y.text,
                    first_is=topic.lay or topic.name, second_is=b.lay or b.name, kind="procedures",
                )
                break


#: a link that gives a second name, not a part's name: "also called", "otherwise known as"
_ALSO_CALLED = compile_builtin(r"\b(?:also|otherwise|sometimes|commonly|often)\s+(?:called|known\s+as|referred\s+to\s+as)\b")
_CLOSED = compile_builtin(r"\s*[),]")
#: two names side by side as alternatives: "X or Y", "X, or the Y", "X/Y"
_OR_GAP = compile_builtin(r"\s*,?\s*(?:or|and|/)\s*(?:an?\s+|the\s+)?")
_LIST_BEFORE = compile_builtin(r"(?:,|\b(?:and|or|such\s+as|including|like))\s*$")


def _standing_alone(text: str, x, y) -> bool:
    """Is ``y`` an apposition to ``x`` ("gallstones (kidney stones) are"), not an item of a list?"""
    return _CLOSED.match(text, y.end_char) is not None \
        and _LIST_BEFORE.search(text, max(0, x.start_char - 20), x.start_char) is None
