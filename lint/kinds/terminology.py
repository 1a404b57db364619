"""Terminology kinds: terms one letter or one word away from the term meant, told
apart by their context (``confusable``), and two different procedures or
conditions presented as one ("an appendectomy, also known as a colectomy":
``conflation``).

The context tables live in the rule files; the knowledge base says which
procedures and conditions are the same and what each one is.
"""

from __future__ import annotations

import hashlib
import re

from lint.kinds.base import ABBREVIATION_AFTER, Kind, is_negated, listed, match_case
from lint.matching import NeedleIndex, PatternError, compile_builtin, compile_pattern, compile_phrases, finditer
from lint.kinds.phrases import PhraseIndex
from lint.knowledge import LISTED_KINDS
from lint.page import HEADING_SCOPES, Enclosing
from lint.yamlio import cached

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


_LABELS = ("procedure", "condition", "structure", "region")
#: between a name and another in brackets after it: "a duplex scan (an MRI scan)"
_BRACKET_BETWEEN = compile_builtin(r"\s*\(\s*(?:(?:an?|the)\s+)?", re.I)
# the words a finding leaves out in front of the link: "X, which is |also called Y|"
_LEAD = compile_builtin(r"[\s,()–—-]*(?:(?:which|that|this)\s+)?(?:(?:is|are|was|were|may\s+be|can\s+be)\s+)?", re.I)


#: a possessive right after a term: "the heart|'s| natural pacemaker", "the kidneys|'| filters"
_POSSESSIVE_AFTER = compile_builtin(r"['’]s\b|(?<=s)['’](?!\w)")
#: the words before a procedure's name that make it the procedure undone: "Closing your loop ileostomy (stoma reversal)"
_UNDONE_BEFORE = compile_builtin(r"(?i)\b(?:clos(?:e|es|ing|ure\s+of)|revers(?:e|es|ing|al\s+of)|tak(?:e|es|ing)\s+down)\s+"
                                 r"(?:(?:your|the|a|an|their|his|her)\s+)?(?:[\w-]+\s+){0,2}$")


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
        # "surgery to remove the gallbladder, called a colectomy": for procedures and for conditions, the words before
        # a part of the body that make a description of one (each a pattern that ends where the part's name starts)
        "described_by": (dict, dict),
        # the message of a name given to a description of another thing ({second}, {second_is}, {structure})
        "described_message": (str, ""),
        # two names of one procedure or condition that differ in words that cannot both be true of one operation:
        # "laparoscopic cholecystectomy, also called an open cholecystectomy". Each entry is a pair of word lists; a
        # name with a word of one list and another name with a word of the other are two ways of doing it
        "opposed_words": (list, list),
        # the message for them ({first}, {second}, {first_word}, {second_word})
        "opposed_message": (str, ""),
    }
    list_items = {"related": list, "opposed_words": list}

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
        self.described_by = {}
        for label, pattern in self.opts["described_by"].items():
            if label not in ("procedure", "condition"):
                raise self.error(f"'described_by' keys are 'procedure' and 'condition', not '{label}'")
            try:
                self.described_by[label] = compile_pattern(pattern, where, trusted=self.trusted)
            except PatternError as exc:
                raise self.error("invalid described_by " + str(exc).removeprefix(where + ": invalid ")) from None
        self.check_template("described_message", {"text", "second", "second_is", "structure"})
        self.check_template("opposed_message", {"text", "first", "second", "first_word", "second_word"})
        self.opposed = []
        for pair in self.opts["opposed_words"]:
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(side, list) and side for side in pair)):
                raise self.error("each 'opposed_words' entry is a pair of word lists")
            self.opposed.append(tuple(compile_builtin(r"(?i)\b(" + "|".join(re.escape(w) for w in side) + r")\b")
                                      for side in pair))
        # one of those words just before a name the knowledge base does not hold with it ("an open cholecystectomy")
        words = sorted({w for pair in self.opts["opposed_words"] for side in pair for w in side}, key=lambda w: (-len(w), w))
        self.opposed_before = compile_builtin(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + r")\s+$") \
            if words else None
        # the words that name a part of the body ("shoulder", "knee"): "shoulder arthroplasty" is an arthroplasty
        self.region_words = frozenset(t.lower() for r in self.kb.regions.values() for t in r.terms)
        self.related = set()
        for pair in self.opts["related"]:
            if not isinstance(pair, list) or len(pair) != 2:
                raise self.error("each 'related' entry is a pair of ids")
            self.related.add(frozenset(pair))

    def _part_of(self, entry) -> str:
        """What an entry with no lay text is: a region, as the part of the body it lies in ("part of the back")."""
        parents = [self.kb.regions[p].name for p in getattr(entry, "parents", ()) if p in self.kb.regions]
        if not parents:
            return entry.name
        return "part of " + listed("the " + p for p in parents)

    def _entry(self, span):
        table = {"procedure": self.kb.procedures, "condition": self.kb.conditions,
                 "structure": self.kb.structures, "region": self.kb.regions}[span.label_]
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

    def _opposed(self, first: str, second: str) -> tuple[str, str] | None:
        """The two words that make two names of one entry two ways of doing it ("laparoscopic" and "open"), if any: a
        word of one side in one name and of the other side in the other, and neither name holding both."""
        if not self.opts["opposed_message"]:
            return None
        for one, other in self.opposed:
            for a, b in ((one, other), (other, one)):
                m, n = a.search(first), b.search(second)
                if m and n and not b.search(first) and not a.search(second):
                    return m.group(1).lower(), n.group(1).lower()
        return None

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
            # (each term's sentence by bisection, and the later terms by index: ``span.sent`` walks the tokens to the
            # sentence's ends and a slice copies the rest of the list, each time, which in a block of one long
            # sentence of thousands of terms took time growing with the square of its length)
            sent_of = [unit.sent_index_of_span(s) for s in ordered]
            max_gap = self.opts["max_gap"]
            for i, x in enumerate(ordered):
                for j in range(i + 1, len(ordered)):
                    y = ordered[j]
                    if y.start < x.end:
                        continue
                    if y.start - x.end > max_gap or sent_of[j] != sent_of[i] or sent_of[i] is None:
                        break
                    if y.label_ != x.label_:
                        continue
                    if _POSSESSIVE_AFTER.match(text, y.end_char):
                        continue  # "the sinoatrial node, also known as the heart's natural pacemaker": the second owns
                        # what the first is called, it is not its name
                    gap = text[x.end_char : y.start_char]
                    # (past the first name's abbreviation: "Atrial fibrillation (AF), sometimes called atrial flutter")
                    abbreviation = ABBREVIATION_AFTER.match(gap)
                    skipped = abbreviation.end() if abbreviation and gap[abbreviation.end():].lstrip().startswith(",") else 0
                    gap = gap[skipped:]
                    link = next((m for m in (p.fullmatch(gap) for p in self.links) if m), None)
                    if link is None and _IS_GAP.fullmatch(gap) \
                            and _NAME_FOR_BEFORE.search(text, max(0, x.start_char - 60), x.start_char):
                        # "The medical name for a bunion is hallux rigidus": the name given after the thing
                        link = _IS_GAP.fullmatch(gap)
                    modifier = None
                    if self.opposed_before is not None and self.opts["opposed_message"] \
                            and (mm := self.opposed_before.search(gap)) is not None:
                        # "laparoscopic cholecystectomy, also called an open cholecystectomy": a way of doing it before
                        # the second name, which the knowledge base holds only bare
                        stripped = link is None
                        if stripped:
                            link = next((m for m in (p.fullmatch(gap[:mm.start()]) for p in self.links) if m), None)
                        modifier = (mm.group().strip(), stripped) if link is not None else None
                    if link is None and not (any(p.fullmatch(gap) for p in self.apposition_links)
                                             and _standing_alone(text, x, y)) \
                            and not (_OR_GAP.fullmatch(gap) and any(p.match(text, y.end_char) for p in self.same_after)):
                        continue
                    if x.label_ == "procedure" and _UNDONE_BEFORE.search(text, max(0, x.start_char - 40), x.start_char):
                        continue  # "Closing your loop ileostomy (stoma reversal)": the first names what is undone
                    a, b = self._entry(x), self._entry(y)
                    if x.label_ == "region":
                        # two parts of the body given as one, only as a bare name in brackets right after the other:
                        # "In the lower back (the cervical spine)" (not "the top of your leg (groin)": a part of it)
                        if a is None or b is None or link is not None or not gap.lstrip().startswith("(") \
                                or self.kb.related(a.id, b.id) or _PART_BEFORE.search(text, 0, x.start_char):
                            continue
                    elif a is None or b is None:
                        continue
                    elif modifier is not None and modifier[1] and not self._same(a, b):
                        continue  # (the link read only past a way of doing it: judged for two ways of one operation)
                    elif self._same(a, b):
                        before_x = self.opposed_before.search(text, max(0, x.start_char - 24), x.start_char) \
                            if self.opposed_before is not None else None
                        first = (before_x.group() if before_x else "") + x.text
                        second = (modifier[0] + " " if modifier else "") + y.text
                        opposed = self._opposed(first, second)
                        if opposed is None or is_negated(unit, x.end_char, y.end_char):
                            continue
                        start = x.end_char + skipped + _LEAD.match(gap).end()
                        if (start, y.end_char) not in reported:
                            reported.add((start, y.end_char))
                            yield self.hit(unit, start, y.end_char, suggestions=(), message=self.opts["opposed_message"],
                                           first=first, second=second, first_word=opposed[0], second_word=opposed[1])
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
                        first_is=a.lay or self._part_of(a), second_is=b.lay or self._part_of(b), kind=kind,
                    )
            if topic is not None:
                yield from self._named_for_topic(topic, unit, ordered, reported)
            yield from self._named_for_antecedent(page, unit, ordered, reported)
            if self.described_by and self.opts["described_message"]:
                yield from self._named_for_description(unit, ordered, reported)

    def _named_for_antecedent(self, page, unit, ordered, reported):
        """ "De Quervain's tenosynovitis is a painful condition of the wrist. It is sometimes called trigger thumb.": a
        procedure or condition given another's name through "it", "this" or "the operation", which stand for the one
        the sentence before named first (or, in a section's first sentence, its heading)."""
        text = unit.block.text
        for y in ordered:
            if y.label_ not in ("procedure", "condition") or any(start < y.end_char <= end for start, end in reported):
                continue
            sent = unit.sent_at(y.start)
            # (the link ends where the name starts: searched in the few words before it, where a search from the
            # sentence's start took time growing with the square of a block spaCy reads as one sentence)
            link = _ANTECEDENT_LINK.search(text, max(sent.start_char, y.start_char - _ANTECEDENT_LINK_REACH),
                                           y.start_char)
            # (opening the sentence, or a clause after a comma: "Doctors call it hallux valgus, and it is also known as")
            if link is None or text[sent.start_char:link.start()].strip() and not _CLAUSE_BEFORE.search(
                    text, sent.start_char, link.start()):
                continue
            named_before = self._antecedents(page, unit, unit.sent_index(y.start), y.label_)
            if not named_before:
                continue
            x = named_before[0]
            a, b = self._entry(x), self._entry(y)
            if a is None or b is None or self._same(a, b) or is_negated(unit, link.start(), y.end_char):
                continue
            if any(self._same(other, b) for other in map(self._entry, named_before[1:]) if other is not None):
                continue  # "..., you will have a caesarean during labour. This is sometimes called an emergency
                # caesarean": "this" may stand for the last one named, which the second name fits
            reported.add((link.start(), y.end_char))
            kind = "procedures" if y.label_ == "procedure" else "conditions"
            yield self.hit(unit, link.start(), y.end_char, suggestions=(), first=x.text, second=y.text,
                           first_is=a.lay or a.name, second_is=b.lay or b.name, kind=kind)

    def _named_for_description(self, unit, ordered, reported):
        """ "Surgery to remove the gallbladder, called a colectomy", "inflammation of the pancreas, known as
        cholecystitis": a procedure or condition named for a description of one done on, or found in, a part of the
        body it has nothing to do with (an organ, gland, bone or joint its entry does not list)."""
        text = unit.block.text
        for i, x in enumerate(ordered):
            if x.label_ != "structure" or i + 1 == len(ordered):
                continue
            y = ordered[i + 1]
            described = self.described_by.get(y.label_)
            if described is None or any(start < y.end_char <= end for start, end in reported):
                continue
            gap = text[x.end_char:y.start_char]
            if not gap.lstrip().startswith(",") or not any(p.fullmatch(gap) for p in self.links):
                continue
            if described.search(text, max(0, x.start_char - 60), x.start_char) is None:
                continue
            structure, named = self.kb.structures.get(x.kb_id_), self._entry(y)
            if structure is None or named is None or self._involves(named, structure):
                continue
            if is_negated(unit, x.start_char, y.end_char):
                continue
            start = x.end_char + _LEAD.match(gap).end()
            reported.add((start, y.end_char))
            yield self.hit(unit, start, y.end_char, suggestions=(), message=self.opts["described_message"],
                           second=y.text, second_is=named.lay or named.name, structure=x.text)

    def _involves(self, entry, structure) -> bool:
        """Is the part of the body one the procedure or condition is done on or found in? Its own list decides for an
        organ, gland, bone or joint, when it has one; otherwise the regions they lie in."""
        listed_parts = entry.structures
        if structure.id in listed_parts:
            return True
        if listed_parts and structure.kind in LISTED_KINDS:
            return False
        return self.kb.any_related(structure.regions, entry.regions)

    def _antecedents(self, page, unit, sent_no: int, label: str) -> list:
        """The terms with ``label`` of the sentence before (in this block), or of the heading above a block's first
        sentence, the first first; empty when that sentence or heading names none."""
        if sent_no > 0:
            sent = unit.sents[sent_no - 1]
            found = [t for t in unit.terms if t.label_ == label and sent.start <= t.start < sent.end]
        else:
            heading = page.last_before(unit, HEADING_SCOPES)
            found = [t for t in heading.terms if t.label_ == label] if heading is not None else []
        return sorted(found, key=lambda t: (t.start, -t.end))

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


#: a second name given through a word that stands for a procedure or condition named before: "It is sometimes called",
#: "This treatment is also known as", "..., and it is also called" (ending where the second name starts)
_ANTECEDENT_LINK = compile_builtin(
    r"(?i)\b(?:it|this|this\s+(?:treatment|operation|procedure|condition|surgery|test|technique)"
    r"|the\s+(?:treatment|operation|procedure|condition|surgery|test|technique))\s+(?:is|was|may\s+be|can\s+be)\s+"
    # (a second name, so "also" or "sometimes": "This is called cauda equina syndrome" names what was described)
    r"(?:also|sometimes|often|commonly|usually|occasionally|otherwise)\s+(?:called|known\s+as|referred\s+to\s+as)"
    r"\s+(?:an?\s+|the\s+)?\Z")
#: words that make a region a part's place ("the top of your leg", "the crease at the front of the wrist")
_PART_BEFORE = compile_builtin(r"(?i)\b(?:top|bottom|side|front|back|base|part|crease|area|middle|edge|end|tip|skin)"
                               r"\s+(?:of|at|on)\s+(?:the\s+|your\s+)?(?:[\w-]+\s+){0,2}\Z")
_CLAUSE_BEFORE = compile_builtin(r"[,;]\s*(?:and\s+|but\s+|so\s+)?\Z")
#: the most characters ``_ANTECEDENT_LINK`` spans ("this technique may be occasionally referred to as the " and room)
_ANTECEDENT_LINK_REACH = 120
#: a link that gives a second name, not a part's name: "also called", "otherwise known as"
_ALSO_CALLED = compile_builtin(r"\b(?:also|otherwise|sometimes|commonly|often)\s+(?:called|known\s+as|referred\s+to\s+as)\b")
_CLOSED = compile_builtin(r"\s*[),]")
#: two names side by side as alternatives: "X or Y", "X, or the Y", "X/Y"
_OR_GAP = compile_builtin(r"\s*,?\s*(?:or|and|/)\s*(?:an?\s+|the\s+)?")
_LIST_BEFORE = compile_builtin(r"(?:,|\b(?:and|or|such\s+as|including|like))\s*$")
#: the same before an item with a determiner and a word of its own, for a second name after a comma: "medicines, a
#: hormonal intrauterine device (IUD), or endometrial ablation, a procedure that ..." (a name in brackets is no item:
#: "chest pain, a heart attack (cardiac arrest)")
_LIST_ITEM_BEFORE = compile_builtin(r",\s*(?:an?|the|your)\s+(?:[\w-]+\s+)?$")
#: the second name opening a bracket: "a heart attack (cardiac arrest)", not "an intrauterine device (IUD), or"
_IN_BRACKET_GAP = compile_builtin(r"\(\s*(?:(?:an?|the|your)\s+)?$")


def _standing_alone(text: str, x, y) -> bool:
    """Is ``y`` an apposition to ``x`` ("gallstones (kidney stones) are"), not an item of a list?"""
    return _CLOSED.match(text, y.end_char) is not None \
        and _LIST_BEFORE.search(text, max(0, x.start_char - 20), x.start_char) is None \
        and (_IN_BRACKET_GAP.search(text, x.end_char, y.start_char) is not None
             or _LIST_ITEM_BEFORE.search(text, max(0, x.start_char - 40), x.start_char) is None)


#: the relations a link between two terms states: the first is the second ("X, i.e. Y"), the first is a kind of
#: the second ("X, a type of Y", "X and other Ys") or a part of it ("the cervix, the lower part of the womb"), the
#: second is a kind of the first ("Ys such as X") or a part of it
_RELATIONS = ("same", "kind_of", "part_of", "includes", "has_part", "usually")


class _Member:
    """One term of a family: its id, the names it goes by, what it is, the terms it is a kind of (all of them,
    through their own), and the facts that are false of it."""

    __slots__ = ("id", "name", "is_", "family", "ancestors", "untrue")

    def __init__(self, id_: str, name: str, is_: str, family: str, untrue: tuple):
        self.id, self.name, self.is_, self.family, self.untrue = id_, name, is_, family, untrue
        self.ancestors: frozenset = frozenset()

    def related(self, other: "_Member") -> bool:
        return self is other or other.id in self.ancestors or self.id in other.ancestors


# "X is the Y", and a place before X: an inverted sentence ("Behind the kneecap is the patellar tendon")
_IS_BETWEEN = compile_builtin(r"(?i)\s+(?:is|are|lies|lie|sits|sit|runs|run)\s+(?:the\s+|an?\s+|your\s+)?")
_PLACE_BEFORE = compile_builtin(r"(?i)\b(?:from|beside|behind|below|above|under|underneath|beneath|near|between|into|onto|towards"
                                r"|along|around|within|inside|in|on|of|through|next\s+to|on\s+top\s+of|in\s+front\s+of)"
                                r"\s+(?:the\s+|your\s+|each\s+)?$")
_SINGULAR_RELATIVE = compile_builtin(r"(?i)\b(?:which|that)\s+is\b")
# a plural's last word (not "diabetes", "herpes", "rabies", "virus", "stenosis": singulars in -s)
_PLURAL_WORD = compile_builtin(r"(?i)[a-z][^suie\W]s$")


class TermFamily(Kind):
    """Terms of one family told apart: kinds of anaesthetic, of scan, of medicine, of symptom.

    Each family lists its ``members`` (``id``, ``names``, ``is``: what it is, in plain words, ``kind_of``: the
    members it is a kind of, ``untrue``: the ``facts`` that are false of it). Each fact has ``says`` (the fact in
    words), ``true_of`` (a member it is true of, of any family, or a list of them: the message names the first of the
    same family as the member it is false of, "the radius" for the ulna and "the radial artery" for the ulnar artery)
    and ``patterns``. A page that joins two members of
    a family by a ``links`` pattern ("a general anaesthetic, i.e. sedation", "an epidural, a type of general
    anaesthetic", "warfarin and other clot busters") gives one for the other unless one is a kind of the other; a
    member followed, in its clause, by a fact false of it ("a spinal anaesthetic, which puts you fully to sleep", "a
    CT scan, which uses magnets") is described as another. Only the words of ``fact_gap`` may stand between the two.
    """

    name = "term-family"
    options = {
        "families": (list, Kind.REQUIRED),
        # fact id -> {says, true_of, patterns}: what a member's ``untrue`` names
        "facts": (dict, dict),
        # each {relation: same|kind_of|part_of|includes|has_part|usually, pattern}: the words between two members, all
        # of them ("usually": as "same", or a way a kind of the first is done: "X is usually keyhole surgery")
        "links": (list, Kind.REQUIRED),
        # links that make the second member an apposition only when it stands alone ("sedation (general anaesthesia),"
        # not "sedation, general anaesthesia, or a spinal"): the second must be closed by a bracket or a comma
        "apposition_links": (list, list),
        # the words allowed between a member and a fact false of it
        "fact_gap": (str, Kind.REQUIRED),
        "fact_message": (str, Kind.REQUIRED),
        # the message's {other}: the member a fact is true of ("It is an MRI scan that uses a magnet"; parts of the body
        # take "the": "It is the liver that makes bile")
        "true_of_message": (str, " It is {a_name} that {says}."),
        # British and American spellings of the same stem ("anaesth", "anesth"): each name is matched in both
        "spellings": (list, list),
        "max_gap": (int, 40),
        # compare members of different families too: the families then only group the members for their readers (any
        # two parts of the body may be mixed up; a kind of scan and a kind of medicine are never given for each other)
        "across_families": (bool, False),
        # the words before a first member that make it part of a longer name, which the link is about: "the tube
        # draining the kidney (the ureter)", "Between the vertebrae are the discs" (matched against the text just before)
        "first_not_after": (str, ""),
        # the same for a name in brackets only: "a graft from above the kneecap (quadriceps)" names the graft
        "bracketed_first_not_after": (str, ""),
        # "It" or "They" opening a sentence stands for the member that opened the sentence before, and a fact false of
        # that member said right after it is reported
        "pronoun_subjects": (bool, False),
        # nouns ("scan", "test") that, after "The" or "This" opening a sentence, stand for the one member named with that
        # noun in the sentence before: "You will have a planning CT scan. The scan uses magnets" says it of the CT scan
        "noun_subjects": (list, list),
        # the words allowed between a fact and a member named after it, as what the fact describes: "the nerves that
        # work your vocal cords, the phrenic nerves", "the first section of the small intestine, known as the ileum"
        "fact_before_gap": (str, ""),
    }
    list_items = {"families": dict, "links": dict, "apposition_links": dict, "spellings": list}

    def setup(self):
        self.check_template("fact_message", ("text", "term", "term_is", "says", "other"))
        self.check_template("true_of_message", ("a_name", "name", "says"))
        spellings = self.opts["spellings"]
        if not all(len(pair) == 2 and all(isinstance(s, str) and s for s in pair) for pair in spellings):
            raise self.error("each 'spellings' entry is a pair of stems, as [British, American]")
        # (the members as read from the families are kept in the data cache: reading some six thousand names and their
        # spellings was a tenth of every start-up; only this file's code and the families' data make them)
        data = repr((self.opts["families"], spellings)).encode()
        self.members, by_id, abbreviations, self.ways = cached(
            b"term-families\0" + hashlib.sha1(data).hexdigest().encode(), lambda: self._read_families(spellings),
            made_by=("kinds/terminology.py",))
        # the facts, shared by the families ("uses x-rays" is false of an MRI scan and of an endoscopy)
        facts: dict[str, tuple] = {}  # fact id -> (compiled patterns, says, the member it is true of)
        for fact_id, fact in self.opts["facts"].items():
            if not isinstance(fact, dict) or not isinstance(fact.get("says"), str) \
                    or not isinstance(fact.get("patterns"), list) or not fact["patterns"] \
                    or not all(isinstance(p, str) for p in fact["patterns"]):
                raise self.error(f"fact '{fact_id}' needs 'says' (words) and 'patterns' (a list)")
            true_of = fact.get("true_of", [])
            true_of = [true_of] if isinstance(true_of, str) else true_of
            if not isinstance(true_of, list) or not all(isinstance(t, str) for t in true_of):
                raise self.error(f"fact '{fact_id}': 'true_of' must be a member's id or a list of them")
            unknown = [t for t in true_of if t not in by_id]
            if unknown:
                raise self.error(f"fact '{fact_id}' is true of unknown member(s) {', '.join(unknown)}")
            compiled = self._compile("|".join(f"(?:{p})" for p in fact["patterns"]), f"pattern of fact '{fact_id}':")
            facts[fact_id] = (compiled, fact["says"], tuple(by_id[t] for t in true_of))
        for member in by_id.values():
            missing = [f for f in member.untrue if f not in facts]
            if missing:
                raise self.error(f"family '{member.family}': member '{member.id}' names unknown fact(s) {', '.join(missing)}")
            member.untrue = tuple(facts[f] for f in member.untrue)
        # (the abbreviations' keys made once: a set built for each name took a tenth of a second of every start)
        abbreviated = set(map(_key, abbreviations))
        self.names = PhraseIndex([n for n in self.members if n not in abbreviated])
        self.abbreviations = PhraseIndex(abbreviations, case_sensitive=True)
        self.links = [(relation, self._compile(pattern, "link")) for relation, pattern in self._relations("links")]
        self.apposition_links = [(relation, self._compile(pattern, "apposition link"))
                                 for relation, pattern in self._relations("apposition_links")]
        self.fact_gap = self._compile(self.opts["fact_gap"], "fact_gap")
        self.first_not_after = self._compile(f"(?:{self.opts['first_not_after']})$", "first_not_after") \
            if self.opts["first_not_after"] else None
        self.fact_before_gap = self._compile(f"(?:{self.opts['fact_before_gap']})$", "fact_before_gap") \
            if self.opts["fact_before_gap"] else None
        nouns = self.opts["noun_subjects"]
        if not all(isinstance(n, str) and n.strip() for n in nouns):
            raise self.error("'noun_subjects' must be a list of nouns")
        self.noun_subject = compile_builtin(
            r"(?:^|(?<=[.!?])\s+)((?:The|This)\s+(" + "|".join(re.escape(n.strip()) for n in nouns) + r"))(?![\w-])",
            re.I) if nouns else None
        self.bracketed_first_not_after = self._compile(
            f"(?:{self.opts['bracketed_first_not_after']})$", "bracketed_first_not_after") \
            if self.opts["bracketed_first_not_after"] else None

    def _read_families(self, spellings) -> tuple[dict, dict, list, dict]:
        """(each name in lower case, or abbreviation as written -> its member; each member id -> the member; the
        abbreviations; each member id -> the ways it may be done), from the families."""
        self.members: dict[str, _Member] = {}
        by_id: dict[str, _Member] = {}
        abbreviations = []
        parents: dict[str, list] = {}
        for n, family in enumerate(self.opts["families"], 1):
            label = family.get("family")
            if not isinstance(label, str) or not label:
                raise self.error(f"family {n} needs a 'family' name")
            unknown = set(family) - {"family", "members"}
            if unknown:
                raise self.error(f"family '{label}': unknown key(s) {', '.join(sorted(unknown))}")
            own: dict[str, _Member] = {}
            if not isinstance(family.get("members"), list) or not family["members"]:
                raise self.error(f"family '{label}' needs a list of 'members'")
            for entry in family["members"]:
                member = self._member(label, entry, spellings, own, abbreviations)
                if member.id in by_id:
                    raise self.error(f"family '{label}': member id '{member.id}' is used in two families")
                by_id[member.id] = member
                # (a part is judged as a kind is: "the cervix, the lower part of the womb" fits as "an epidural, a type
                # of regional anaesthetic" does)
                parents[member.id] = (entry.get("kind_of") or []) + (entry.get("part_of") or [])
        # a member may be a kind or a part of one in another family (a vertebra is a bone): they are compared only
        # when the rule compares across families
        for id_, ups in parents.items():
            missing = [p for p in ups if p not in by_id]
            if missing:
                raise self.error(f"family '{by_id[id_].family}': member '{id_}' is a kind or part of unknown member(s) "
                                 f"{', '.join(missing)}")
            by_id[id_].ancestors = frozenset(_ancestors(id_, parents))
        # the ways a member may be done, as a kind of it shows: a keyhole cholecystectomy is a kind of cholecystectomy
        # and of keyhole surgery, so "Gallbladder removal is usually keyhole surgery" names the usual way, no other thing
        ways: dict[str, set] = {}
        for member in by_id.values():
            for up in member.ancestors:
                ways.setdefault(up, set()).update(member.ancestors - {up})
        return self.members, by_id, abbreviations, {id_: frozenset(w) for id_, w in ways.items()}

    def _relations(self, option: str) -> list[tuple[str, str]]:
        out = []
        for n, link in enumerate(self.opts[option], 1):
            if link.get("relation") not in _RELATIONS or not isinstance(link.get("pattern"), str):
                raise self.error(f"{option}: entry {n} needs a 'relation' ({', '.join(_RELATIONS)}) and a 'pattern'")
            out.append((link["relation"], link["pattern"]))
        return out

    def _compile(self, pattern: str, what: str):
        where = f"{self.rule.path}: rule {self.rule.code}"
        try:
            return compile_pattern(pattern, where, trusted=self.trusted)
        except PatternError as exc:
            raise self.error(f"invalid {what} " + str(exc).removeprefix(where + ": invalid ")) from None

    def _member(self, label: str, entry, spellings, own: dict, abbreviations: list) -> _Member:
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("names") or not entry.get("is"):
            raise self.error(f"family '{label}': each member needs 'id', 'names' and 'is'")
        unknown = set(entry) - {"id", "names", "abbreviations", "is", "kind_of", "part_of", "untrue"}
        if unknown:
            raise self.error(f"family '{label}': member '{entry['id']}': unknown key(s) {', '.join(sorted(unknown))}")
        for key in ("names", "abbreviations", "kind_of", "part_of", "untrue"):
            if not isinstance(entry.get(key, []), list) or not all(isinstance(v, str) and v for v in entry.get(key, [])):
                raise self.error(f"family '{label}': member '{entry['id']}': '{key}' must be a list of words")
        if not isinstance(entry["is"], str):
            raise self.error(f"family '{label}': member '{entry['id']}': 'is' must be words")
        if entry["id"] in own:
            raise self.error(f"family '{label}': member '{entry['id']}' is listed twice")
        member = own[entry["id"]] = _Member(entry["id"], entry["names"][0], entry["is"], label, tuple(entry.get("untrue") or ()))
        for name in entry["names"]:
            for form in _forms(name.strip().lower(), spellings):
                self._claim(form, member, label)
        for abbreviation in entry.get("abbreviations") or ():
            self._claim(abbreviation, member, label)
            abbreviations.append(abbreviation)
        return member

    def _claim(self, name: str, member: _Member, label: str) -> None:
        other = self.members.setdefault(_key(name), member)
        if other is not member:
            raise self.error(f"family '{label}': '{name}' names both '{other.id}' and '{member.id}'")

    def _terms(self, text: str) -> list[tuple[int, int, _Member]]:
        """The members named in a text, (start, end, member) in order, the longest name where two overlap."""
        members = self.members
        found = [(m.start(), m.end(), members.get(_key(m.group().lower()))) for m in self.names.finditer(text)]
        found += [(m.start(), m.end(), members.get(_key(m.group()))) for m in self.abbreviations.finditer(text)]
        found = [t for t in found if t[2] is not None]  # (a spelling the phrase pattern allows that no name has)
        found.sort(key=lambda t: (t[0], -t[1]))
        out, end = [], -1
        for start, stop, member in found:
            # (not a modifier of another word: the "ultrasound" of "ultrasound-guided")
            if start >= end and not _HYPHEN_WORD.match(text, stop):
                # the name goes on past its abbreviation: "A magnetic resonance imaging (MRI) scan, which ..."
                more = _ABBREVIATED_HEAD.match(text, stop)
                # (not a bracket that names another member: "sildenafil (Cialis)")
                if more is not None and members.get(_key(_BRACKETED.search(text, stop, more.end()).group(1).lower()),
                                                    member) is member:
                    stop = more.end()
                out.append((start, stop, member))
                end = stop
        return out

    def check(self, page):
        for unit in self.units(page):
            text = unit.block.text
            terms = self._terms(text)
            if not terms:
                continue
            across = self.opts["across_families"]
            seconds = set()  # the members already in a finding for a link: not reported again for a fact
            for i, (s1, e1, a) in enumerate(terms):
                for j in range(i + 1, len(terms)):
                    s2, e2, b = terms[j]
                    if s2 - e1 > self.opts["max_gap"]:
                        break
                    relation = self._relation(text, terms, i, j)
                    # (no negation can stand inside a link; one before the pair is about something else: "Do not
                    # use an antibiotic cream such as hydrocortisone")
                    if relation is None or (a.family != b.family and not across) \
                            or _fits(relation, a, b, self.ways.get(a.id, frozenset())):
                        continue
                    # "X, i.e. Y": the second is the one given for the first; "Ys such as X", "X, a type of Y" and a name
                    # in brackets, "an antibiotic suppository (diclofenac)": either may be the wrong one, so both are in
                    # the finding
                    bracketed = _BRACKET_BETWEEN.fullmatch(text, e1, s2) is not None
                    start = _LEAD.match(text, e1, s2).end() if relation in ("same", "usually") and not bracketed else s1
                    end = e2 + 1 if bracketed and text.startswith(")", e2) else e2
                    seconds.add(s2)
                    yield self.hit(unit, start, end, suggestions=(), first=text[s1:e1], second=text[s2:e2],
                                   first_is=a.is_, second_is=b.is_)
                    seconds.add(s1)  # (and the first: one finding for the pair, not a second for a fact after it)
                    break
            yield from self._false_facts(unit, text, terms, seconds)
            if self.fact_before_gap is not None:
                yield from self._false_facts_before(unit, text, terms, seconds)
            if self.opts["pronoun_subjects"]:
                yield from self._false_facts_of_pronouns(unit, text, terms)
                yield from self._false_facts_of_a_job_said_later(unit, text, terms)
            if self.noun_subject is not None:
                yield from self._false_facts_of_noun_subjects(unit, text, terms)

    def _false_facts(self, unit, text: str, terms: list, seconds: set):
        """Each member followed by a fact false of it ("a CT scan, which uses magnets"), but those in ``seconds``."""
        open_until = -1  # (the end of the apposition after the last member that has one)
        said = set()  # where the facts reported end: one finding for a fact, said of a member and of one in its apposition
        for i, (s, e, member) in enumerate(terms):
            inside_apposition = s < open_until
            apposition = _APPOSITION_AFTER.match(text, e)
            if apposition is not None:
                open_until = apposition.end()
            if not member.untrue or s in seconds:
                continue
            # members named together ("CT or MRI scans use x-rays or magnets") share what follows: a fact is
            # false of them only when it is false of each ("a clotting test and a full blood count to check
            # your liver"); a relative clause after a comma is the nearest one's ("... or antacids, which")
            together = () if _RELATIVE_AFTER.match(text, e) else _coordinated(text, terms, i)
            if together and i > 0 and _OF_AFTER.match(text, e):
                # ("a duplex scan and an ECG scan of your leg arteries": a phrase with "of" right after the last
                # member is that member's alone; what was named before it is not described)
                together = tuple(m for m in together if m is not terms[i - 1][2])
            # (the fact may name another member, "uses x-rays", but must start before one: one the member is a kind or
            # a part of may stand between, "the labrum, a ring of cartilage that covers the ball")
            # (looked for only as far as a fact may be found, and by index, not a slice: in a block of thousands of
            # terms, a search to the end for each took time growing with the square of its length)
            reach = e + self.opts["max_gap"] + _FACT_RUN_ON
            before = len(text)
            # (a member inside an apposition right after this one does not end its clause: "the ureter, a thin tube
            # from the kidney, makes urine" says it of the ureter)
            closed = apposition.end() if apposition is not None else -1
            for k in range(i + 1, len(terms)):
                if terms[k][0] > reach:
                    break
                if terms[k][0] < closed:
                    continue
                if terms[k][2] is not member and terms[k][2].id not in member.ancestors:
                    before = terms[k][0]
                    break
            hit = self._false_fact(unit, text, s, e, member, before, together, text[s:e], terms, i, inside_apposition)
            # ("the gallbladder, a small organ under the liver that makes insulin": said of the gallbladder, and found
            # of the liver too, whose clause it may be; the first, the longer, is the finding)
            if hit is not None and hit.end not in said:
                said.add(hit.end)
                yield hit

    def _false_facts_before(self, unit, text: str, terms: list, seconds: set):
        """Each member named after a fact false of it, as what the fact describes ("the nerves that work your vocal
        cords, the phrenic nerves"), but those in ``seconds``."""
        for s, e, member in terms:
            if not member.untrue or s in seconds:
                continue
            gap = self.fact_before_gap.search(text, max(0, s - 40), s)
            if gap is None:
                continue
            for compiled, says, true_of in member.untrue:
                fact = None
                for m in finditer(compiled, text, max(0, gap.start() - 120), gap.start()):
                    fact = m  # (the last: the one that ends where the gap starts)
                if fact is None or fact.end() != gap.start():
                    continue
                if _MAKES.fullmatch(text, fact.start(), fact.end()) and "," not in text[fact.end():gap.end()]:
                    continue  # a name right after what is made names the made thing, not its maker: "medicines make
                    # blood cells called platelets less sticky"
                # (a negation of the word the fact opens with is not the apposition's after it: "does not contain
                # bile, the green fluid made by the pancreas" says what bile is)
                comma = text.find(",", fact.start(), fact.end())
                if is_negated(unit, fact.start() if comma < 0 else comma + 1, fact.end()):
                    continue
                yield self._fact_hit(unit, fact.start(), e, text[s:e], member, says, true_of)
                break

    def _false_fact(self, unit, text: str, s: int, e: int, member: _Member, before: int, together, term: str,
                    terms: list | None = None, i: int = -1, inside_apposition: bool = False):
        """The finding for the first fact false of ``member`` said right after it (at ``e``), or None. ``terms[i]`` is
        the member itself (none for a pronoun), asked whether it is part of a longer name. A member named inside an
        apposition of another (``inside_apposition``) does not take the verb after the comma that closes it."""
        limit = min(len(text), e + self.opts["max_gap"] + _FACT_RUN_ON)
        for compiled, says, true_of in member.untrue:
            if any(not any(f[0] is compiled for f in other.untrue) for other in together):
                continue
            fact = self._fact_after(compiled, text, e, before, limit)
            if fact is None or is_negated(unit, fact.start(), fact.end()):
                continue
            # (a comma may close the longer name when it is an apposition: "the gallbladder, a small pouch attached to
            # the liver, stores bile")
            gap = text[e:fact.start()].strip()
            if gap == "," and inside_apposition:
                continue  # ("an MRI scan, a test often done after a CT scan, uses magnets": the MRI scan uses them)
            # (and a clause in "that" may be the longer name's: "the vessels of the liver that carry blood")
            relative = gap.split()[:1] in (["that"], ["which"])
            if terms is not None and (gap in ("", ",") or relative) \
                    and self._verb_of_longer_name(text, terms, i, compiled, in_apposition=gap == ",", relative=relative):
                continue
            return self._fact_hit(unit, s, fact.end(), term, member, says, true_of)
        return None

    def _fact_hit(self, unit, start: int, end: int, term: str, member: _Member, says: str, true_of: tuple):
        """The finding for a fact false of a term: a slip of its own, reported even beside a mix-up of two terms that
        a rule this one defers to reports there ("a cystoscopy, also called a ureteroscopy, is done by a
        nephrologist"). Its message names the member the fact is true of, one of the term's family first."""
        other = ""
        if true_of:
            right = next((t for t in true_of if t.family == member.family), true_of[0])
            other = self.opts["true_of_message"].format(a_name=_with_article(right.name), name=right.name, says=says)
        hit = self.hit(unit, start, end, message=self.opts["fact_message"], suggestions=(), term=term,
                       term_is=member.is_, says=says, other=other)
        hit.own_slip = True
        return hit

    def _verb_of_longer_name(self, text: str, terms: list, i: int, compiled, in_apposition: bool = False,
                             relative: bool = False) -> bool:
        """Does a verb right after the i-th member belong to a longer name it is part of ("the glands behind the thyroid
        control the calcium level")? Not when that name's head is a member the fact is false of too ("Valves inside
        veins pump blood"). ``in_apposition``: only if that name opens an apposition (", a small pouch attached to").
        ``relative``: the fact is said in a clause in "that" or "which"."""
        s = terms[i][0]
        longer = self.first_not_after.search(text, max(0, s - 80), s) if self.first_not_after is not None else None
        if longer is None or in_apposition and not _APPOSITION_OPENS.search(text, max(0, longer.start() - 40),
                                                                              longer.start()):
            return False
        head = terms[i - 1][2] if i > 0 and terms[i - 1][0] >= longer.start() else None
        if head is None and relative and i > 0 and _SAID_TO_BE.fullmatch(text, terms[i - 1][1], longer.start()):
            # (the longer name is an apposition to the member before it, or what that member is said to be: "the
            # gallbladder, a small organ under the liver that makes insulin" says it of the gallbladder, which is
            # then that name's head; false of both, it is false whichever it was said of. A clause in "that" or
            # "which" only: a place after the member is the verb's, "a pouch that sits under the liver on the left")
            head = terms[i - 1][2]
        return not (head is not None and any(f[0] is compiled for f in head.untrue))

    def _false_facts_of_pronouns(self, unit, text: str, terms: list):
        """A sentence that opens with "It" or "They" (or "Its main job is to") for the member that opened the sentence
        before ("You have two carotid arteries, one on each side of your neck. They carry blood from your brain back to
        your heart")."""
        for pronoun in _PRONOUN_SUBJECT.finditer(text):
            word = pronoun.group(1) or pronoun.group(2)
            # ("Their main job is to": the fact follows the words that say it is the job)
            s = pronoun.start(1 if pronoun.group(1) else 2)
            e = len(text[:pronoun.end()].rstrip()) if pronoun.group(2) else pronoun.end(1)
            if s == 0:  # (the sentence before is in another block)
                continue
            hit = self._false_fact_of_opener(unit, text, terms, _previous_sentence_start(text, s), s, e,
                                             word.lower() in ("they", "their"))
            if hit is not None:
                yield hit

    def _false_fact_of_opener(self, unit, text: str, terms: list, opened: int, s: int, e: int, plural: bool):
        """The finding for the fact after ``e`` said, through a pronoun at ``s`` (plural or not), of the member that
        opens the sentence at ``opened``, when it is false of it; else None."""
        first = next((t for t in terms if opened <= t[0] < s), None)
        if first is None or not _OPENS_SENTENCE.fullmatch(text, opened, first[0]) or not first[2].untrue \
                or _plural_name(text[first[0]:first[1]]) != plural:
            return None
        # (what it is a kind or a part of may stand between: "It is the main muscle that ...")
        before = next((t[0] for t in terms if t[0] >= e and t[2] is not first[2] and t[2].id not in first[2].ancestors),
                      len(text))
        return self._false_fact(unit, text, s, e, first[2], before, (), text[first[0]:first[1]])

    def _false_facts_of_noun_subjects(self, unit, text: str, terms: list):
        """A sentence that opens with "The scan" (one of ``noun_subjects``) for the one member named with that noun in
        the sentence before, when no other member of its family is named there ("You will then have a planning CT
        scan. The scan uses magnets and radio waves")."""
        for opener in self.noun_subject.finditer(text):
            s, e, noun = opener.start(1), opener.end(1), opener.group(2).lower()
            if s == 0:  # (the sentence before is in another block)
                continue
            previous = _previous_sentence_start(text, s)
            named = [t for t in terms if previous <= t[0] < s]
            meant = {t[2] for t in named if text[t[0]:t[1]].lower().endswith(noun)}
            if len(meant) != 1:
                continue
            member = meant.pop()
            if any(t[2] is not member and t[2].family == member.family for t in named):
                continue  # ("an ultrasound and then a CT scan. The scan": either may be meant)
            term = next(text[t[0]:t[1]] for t in named if t[2] is member)
            after = next((t[0] for t in terms if t[0] >= e and t[2] is not member and t[2].id not in member.ancestors),
                         len(text))
            hit = self._false_fact(unit, text, s, e, member, after, (), term)
            if hit is not None:
                yield hit

    def _false_facts_of_a_job_said_later(self, unit, text: str, terms: list):
        """A job given later in a sentence, through "its" or "their", to the member the sentence is about: "It wraps
        around the urethra, and its job is to store urine", after "The prostate is a small gland" (the member opening
        this sentence, or, when "It" or "They" opens it, the one opening the sentence before)."""
        for pronoun in _JOB_LATER.finditer(text):
            word = pronoun.group(1)
            s, e = pronoun.start(1), len(text[:pronoun.end()].rstrip())
            current = _previous_sentence_start(text, s)
            opener = _PRONOUN_OPENER.match(text, current)
            opened = _previous_sentence_start(text, current) if opener is not None and current > 0 else current
            if opener is not None and opened == current:
                continue  # (the sentence before is in another block)
            plural = word.lower() == "their"
            if opener is not None and plural != (opener.group(1).lower() == "they"):
                continue
            hit = self._false_fact_of_opener(unit, text, terms, opened, s, e, plural)
            if hit is not None:
                yield hit

    def _relation(self, text: str, terms: list, i: int, j: int) -> str | None:
        """What the words between the i-th and the j-th member say of them, or None."""
        s1, e1 = terms[i][0], terms[i][1]
        s2, e2 = terms[j][0], terms[j][1]
        relation = next((r for r, pattern in self.links if pattern.fullmatch(text, e1, s2)), None)
        if relation is None:
            relation = next((r for r, pattern in self.apposition_links
                             if pattern.fullmatch(text, e1, s2) and _standing_alone_in(text, terms, i, j)), None)
        if relation is None:
            return None
        if relation == "same" and _IS_BETWEEN.fullmatch(text, e1, s2) and _PLACE_BEFORE.search(text, max(0, s1 - 30), s1):
            return None  # "Running up from the epididymis is the spermatic cord": the place comes first, its subject last
        if _SINGULAR_RELATIVE.search(text, e1, s2) and _PLURAL_WORD.search(text, s1, e1):
            return None  # "widening the arteries with a balloon and stents, which is called PCI": "which is" after a
            # plural names the whole of what was said, not the plural
        # (the second names the kind of a thing, not the thing: "conditions that affect bone, such as thyroid
        # problems"; the first is part of a longer name: "the tube draining the kidney (the ureter)". Asked only of
        # a linked pair: the window searches cost more than the links)
        if _MODIFIED_AFTER.match(text, e2) or self.first_not_after is not None \
                and self.first_not_after.search(text, max(0, s1 - 80), s1):
            return None
        if self.bracketed_first_not_after is not None and text[e1:s2].lstrip().startswith("(") \
                and self.bracketed_first_not_after.search(text, max(0, s1 - 80), s1):
            return None
        return relation

    def _fact_after(self, compiled, text: str, end: int, before: int, limit: int):
        for m in finditer(compiled, text, end, limit):
            if m.start() <= before and self.fact_gap.fullmatch(text, end, m.start()):
                return m
            return None  # the nearest only: a fact further on is about something else
        return None


_HYPHEN_WORD = compile_builtin(r"-[A-Za-z]")
#: a fact that is making something, and nothing more: "makes blood cells" (not "make dopamine, in a small part of the
#: brain", where a name after it names the place)
_MAKES = compile_builtin(r"(?:makes?|making|produces?|producing|creates?|creating)(?:\s+(?!(?:in|into|inside|within|at|on"
                         r"|from|of|by|near|under|behind)\b)[\w-]+){1,4}", re.I)
#: how far past the gap a fact may run on: "puts you fully to sleep"; "It runs diagonally through the middle of the
#: joint and connects your thigh bone (femur) to your kneecap" (a fact that opens with where a member runs)
_FACT_RUN_ON = 80
#: the words in a bracket: "(|Cialis|)"
_BRACKETED = compile_builtin(r"\(\s*([^()]*?)\s*\)")
#: "It" or "They" opening a sentence, or "Its (main) job is to", "Their role is"
_PRONOUN_SUBJECT = compile_builtin(r"(?:^|(?<=[.!?])\s+)(?:(It|They)\s+(?:(?:also|then|usually|normally|mainly)\s+)?"
                                   r"|(Its|Their)\s+(?:main\s+|chief\s+|key\s+|only\s+)?(?:job|role|purpose|function|task)"
                                   r"\s+is\s+(?:to\s+)?)")
#: a job given later in a sentence: "..., and |its| main job is to"
_JOB_LATER = compile_builtin(r",\s+and\s+(its|their)\s+(?:main\s+|chief\s+|key\s+|only\s+)?(?:job|role|purpose|function|task)"
                             r"\s+is\s+(?:to\s+)?", re.I)
#: "It" or "They" opening a sentence
_PRONOUN_OPENER = compile_builtin(r"(It|They)\s", re.I)
#: what may stand before the member that opens a sentence: "The", "Your", "You have two", "Each", "Each knee has two"
_OPENS_SENTENCE = compile_builtin(r"(?:(?:the|your|you\s+have\s+(?:two|one|an?|four|three)|each|both|an?|this|these"
                                  r"|(?:each|every|your|the)\s+[\w-]+\s+(?:has|contains)\s+(?:two|three|four|five|several))\s+)*",
                                  re.I)
#: a member that names the kind of what follows it: "thyroid problems", "kidney stones", "bladder cancer"
_MODIFIED_AFTER = compile_builtin(r"\s+(?:problems?|disease|diseases|disorders?|conditions?|cancers?|stones?|surgery|"
                                  r"function|levels?|hormones?|nodules?|infections?|damage|injury|injuries|cells|"
                                  r"tumou?rs?|cysts?|removal|transplants?|failure|ulcers?|polyps?|lining|acid|pain)\b")
#: a name's abbreviation in brackets and the noun the name goes on with: "magnetic resonance imaging| (MRI) scan|"
_ABBREVIATED_HEAD = compile_builtin(ABBREVIATION_AFTER.pattern
                                    + r"(?:\s+(?:scans?|tests?|injections?|blocks?|machines?))?(?![\w-])")
#: the end of a sentence between two terms: they are not named together
_SENTENCE_BREAK = compile_builtin(r"[.!?](?:[\"'”’)\]]*)\s")
#: two members side by side: "CT or MRI scans use x-rays or magnets" says nothing of either alone
_JOINED = compile_builtin(r"\s*(?:,|\bor\b|\band\b|/|\bvs\.?|\bversus\b)\s*(?:an?\s+|the\s+)?$")
#: a relative clause or an apposition right after a member is that member's alone: "blood tests and an echocardiogram,
#: a simple ..."
_RELATIVE_AFTER = compile_builtin(r",\s*(?:which|that|an?|where|in\s+which)\s|,\s*the\s+(?:[a-z-]+\s+){0,3}?(?:bone|muscle|tendon|ligament|nerve|"
                                  r"artery|vein|organ|gland|tube|duct|part|one)\b(?![\w-])")
_JOINED_AFTER = compile_builtin(r"\s*(?:,|\bor\b|\band\b|/)\s*(?:an?\s+|the\s+)?")


def _standing_alone_in(text: str, terms: list, i: int, j: int) -> bool:
    """Is the j-th member an apposition to the i-th ("sedation, a type of general anaesthetic,", "radiation therapy
    (chemotherapy)", "pulse oximetry, a blood test that"), not an item of a list ("a CT scan, an MRI scan, and an
    ultrasound")? It closes there (or a relative clause follows), and no member follows it as the next item; after a
    comma, the first is no item in the middle of a list either."""
    s1, e2 = terms[i][0], terms[j][1]
    if text[terms[i][1]:terms[j][0]].lstrip().startswith("("):
        if text.startswith(")", e2):
            return True  # "the femur (shin bone) and tibia": a name in brackets is no item of the list around it
        # "a cortical button (a small screw driven into the bone)": the bracket's head, what follows it only saying more
        close = text.find(")", e2, e2 + 60)
        if close >= 0 and (j + 1 == len(terms) or terms[j + 1][0] > close) and _LIST_WORDS.search(text, e2, close) is None:
            return True
    if _CLOSING.match(text, e2) is None or _EITHER_OR_BOTH.match(text, e2):
        return False  # ("an upper endoscopy, a colonoscopy, or both": the options of a list)
    if _LIST_GOES_ON.match(text, e2):
        return False  # "a transplant surgeon, a nurse coordinator, a social worker and a dietitian": a list's items
    if _OXFORD_LAST_ITEM.match(text, e2) and (
            _INDEFINITE_BEFORE.search(text, max(0, s1 - 8), s1)
            or text[s1:terms[i][1]].endswith("s") and not _DETERMINER_BEFORE.search(text, max(0, s1 - 8), s1)):
        return False  # "it can grow in an ovary, the cervix, or the lining of the tummy", "may order blood tests, a urine
        # test, or a chest X-ray": a list's items, the last after a comma and "or" (a thing or things in general are not
        # glossed by one thing there; a bare name may be: "paracetamol, an anti-inflammatory, or a stronger painkiller")
    if _SUBORDINATE_CLAUSE_BEFORE.search(text, max(0, s1 - 150), s1):
        return False  # "If you have stitches, the nurse at your practice removes them": the comma closes the clause
    if j + 1 < len(terms) and (_NEXT_ITEM.fullmatch(text, e2, terms[j + 1][0])
                               # "under local anaesthesia, a regional block that numbs your arm, or general
                               # anaesthesia": the options of a list, the second described as it goes
                               or terms[j + 1][0] - e2 <= 60 and _LAST_ITEM_BEFORE.fullmatch(text, e2, terms[j + 1][0])):
        return False
    if text[terms[i][1]:terms[j][0]].lstrip().startswith("("):
        return True
    if _THE_BETWEEN.fullmatch(text, terms[i][1], terms[j][0]) and _DETERMINER_BEFORE.search(text, max(0, s1 - 8), s1) \
            and (_SENTENCE_END.match(text, e2) is None or _PREPOSITION_THE_BEFORE.search(text, max(0, s1 - 24), s1) is None) \
            and _CLOSED_BEFORE_VERB.match(text, e2) is None:
        return False  # "includes the surgeon, the anaesthetist, your stay": "the X, the Y" is a list ("gout, the
        # wear-and-tear form of arthritis" is not, nor is a pair after a preposition that ends the sentence: "grow in
        # the myometrium, the lining of the womb.", where a list of two would have an "and"; after a verb, the second
        # may name what the verb's whole phrase does: "the nerves that work your vocal cords, the laryngeal nerves.")
    # the first is no item in the middle of a list ("a CT scan, an MRI scan, an ultrasound"); the last item, after
    # "and" or "or", may have an apposition ("paracetamol, and codeine, an anti-inflammatory")
    return _MID_LIST.search(text, max(0, s1 - 20), s1) is None


_EITHER_OR_BOTH = compile_builtin(r"\s*,?\s*(?:or|and)\s+(?:both|either|all\s+(?:two|three)|neither)\b", re.I)
_COMPARED_BEFORE = compile_builtin(r"(?:^|[.!?:;]\s+)(?:like|unlike)\s+(?:the\s+|your\s+|an?\s+)?$", re.I)
#: an apposition after a name, up to the comma that closes it before the verb: ", a thin tube from the kidney, " (no
#: list: "and" or "or" inside it would make it one)
_APPOSITION_AFTER = compile_builtin(r"\s*,\s*an?\s+(?:(?!(?:and|or)\b)[\w-]+\s+){1,7}?[\w-]+\s*,\s*(?=[a-z])")
#: what opens an apposition before the longer name at its end: "the gallbladder, a small ", "the glands, four tiny "
_APPOSITION_OPENS = compile_builtin(r"\w\s*,\s*(?:[\w-]+\s+){0,4}$")
#: between a member and a longer name that is its apposition or what it is said to be: "the gallbladder|, a small |organ
#: under the liver", "the gallbladder| is a small |organ under"
_SAID_TO_BE = compile_builtin(r"(?:\s*,\s*|\s+(?:is|are)\s+)(?:an?\s+|the\s+|one\s+of\s+(?:the\s+)?|two\s+|four\s+)?"
                              r"(?:[\w-]+\s+){0,2}")
#: "the X, the Y": two names side by side (with a word before the second: "the cornea, the clear lens")
_THE_BETWEEN = compile_builtin(r"\s*,\s*the\s+(?:[\w-]+\s+)?")
#: the end of an apposition the subject's verb follows, where a list would go on with "and": "the cornea, the lens| inside
#: your eye, becomes| cloudy"
_CLOSED_BEFORE_VERB = compile_builtin(r"(?:\s+(?:inside|in|at|of|behind|within|on)\s+(?:the\s+|your\s+)?[\w-]+)?\s*,\s*"
                                      r"(?:becomes?|became|is|are|was|were|gets?|got|turns?|turned|goes|went)\s", re.I)
_SENTENCE_END = compile_builtin(r"\s*(?:[.!?]|$)")
#: a preposition and "the" before the first of "the X, the Y" ending a sentence: "grow in the myometrium, the lining"
_PREPOSITION_THE_BEFORE = compile_builtin(r"\b(?:in|into|inside|within|of|from|on|onto|through|under|behind|near|around)\s+(?:the|your)\s+$",
                                re.I)
#: (the same kind of determiner as the second's: "a laparotomy, the keyhole method" is an apposition)
_DETERMINER_BEFORE = compile_builtin(r"\b(?:the|your|our|their|its)\s+$", re.I)
_LAST_ITEM_BEFORE = compile_builtin(r"[^.;:!?()]*,\s*(?:or|and)\s+(?:an?\s+|the\s+)?")
_MID_LIST = compile_builtin(r",\s*(?:an?\s+|the\s+)?$")
#: another item of the same shape after the second: ", a social worker," or ", a dietitian and"
_LIST_GOES_ON = compile_builtin(r",\s*(?:an?|the|your)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s*(?:,|\band\b|\bor\b)")
#: the last item of a list after the serial comma: ", or the lining", ", and a scan"
_OXFORD_LAST_ITEM = compile_builtin(r",\s*(?:or|and)\s+(?:an?|the|your)\s+[\w'’-]")
_INDEFINITE_BEFORE = compile_builtin(r"(?i)\b(?:an?|one)\s+$")
#: a sentence that opens with a subordinate clause running to the first member, whose comma closes the clause
_SUBORDINATE_CLAUSE_BEFORE = compile_builtin(
    r"(?i)(?:^|[.!?:]\s+|\n)(?:if|when|once|after|before|unless|until|while|although|though|because|since|as\s+soon\s+as)"
    r"\b[^,.;:!?()\n]*$")
#: (or goes on to say how it is done: "an MR arthrogram, an ultrasound scan with dye injected into the joint")
#: (or by where it goes or is put: "general anaesthesia, a numbing injection in your lower back,")
_CLOSING = compile_builtin(r"\s*(?:[),.;:]|$|(?:that|which|who|with|using|in|into|inside|within|behind|on|at|over|under|like|of|placed|driven|sewn|"
                           r"given|used|made|passed|put)\s)")
#: what makes a bracket a list: "(a CT scan, an MRI scan or an ultrasound)"
_LIST_WORDS = compile_builtin(r"[,;]|\b(?:and|or)\b")
_NEXT_ITEM = compile_builtin(r"[\s),]*(?:(?:and|or)\s+)?(?:an?\s+|the\s+)?")


#: a phrase with "of" straight after a member: "an echocardiogram of your adrenal glands"
_OF_AFTER = compile_builtin(r"\s+(?:scans?\s+|tests?\s+|x-?rays?\s+)?of\s+(?:your|the|a|an|each|both)\b", re.I)


def _coordinated(text: str, terms: list, i: int) -> tuple:
    """The members named together with the i-th, next to it: "a CT or an MRI scan", "X and Y"."""
    s, e, member = terms[i]
    out = []
    # (a member beside what it is a kind of is in apposition to it, not named with it: "your quadriceps, the muscles
    # at the back of your thigh" says where the quadriceps lie)
    # (in its own sentence: "... through a catheter. Rarely, open-chest surgery is needed, and a cardiologist" names
    # the cardiologist alone)
    if i > 0 and terms[i - 1][2].id not in member.ancestors and _JOINED.search(text, terms[i - 1][1], s) \
            and not _SENTENCE_BREAK.search(text, terms[i - 1][1], s) \
            and not _COMPARED_BEFORE.search(text, max(0, terms[i - 1][0] - 20), terms[i - 1][0]):
        # ("Like the liver, the kidneys are part of your digestive system": the first is what the second is compared
        # with, not named with it)
        out.append(terms[i - 1][2])
    if i + 1 < len(terms) and terms[i + 1][2].id not in member.ancestors \
            and _JOINED_AFTER.fullmatch(text, e, terms[i + 1][0]) is not None:
        out.append(terms[i + 1][2])
    return tuple(out)


# "The medical name for X is Y": the words before the first name, and between the two
_NAME_FOR_BEFORE = compile_builtin(
    r"(?i)\b(?:medical|technical|proper|scientific|correct|official|full|other)\s+(?:name|term|word)\s+for\s+(?:an?\s+|the\s+)?$")
_IS_GAP = compile_builtin(r"\s+(?:is|are)\s+(?:an?\s+|the\s+)?")


def _fits(relation: str, a: _Member, b: _Member, ways: frozenset = frozenset()) -> bool:
    """Is a link's claim true of the two members? (``ways``: the members a kind of ``a`` is also a kind of, the ways
    ``a`` may be done, which "usually" may name)"""
    if relation in ("kind_of", "part_of"):
        return a is b or b.id in a.ancestors
    if relation in ("includes", "has_part"):
        return a is b or a.id in b.ancestors
    if relation == "usually":
        return a.related(b) or b.id in ways
    return a.related(b)


def _ancestors(id_: str, parents: dict) -> set:
    out, todo = set(), list(parents.get(id_, ()))
    while todo:
        up = todo.pop()
        if up not in out:
            out.add(up)
            todo.extend(parents.get(up, ()))
    return out


def _previous_sentence_start(text: str, s: int) -> int:
    """Where the sentence before the one that starts at ``s`` starts."""
    head = text[:s].rstrip()
    end = len(head) - 1  # (its own full stop)
    stop = max(head.rfind(mark, 0, end) for mark in (". ", "! ", "? ")) if end > 0 else -1
    return stop + 2 if stop >= 0 else 0


def _plural_name(name: str) -> bool:
    """ "carotid arteries", "vertebrae", "menisci" (not "pancreas", "testis", "uterus")"""
    last = name.split()[-1].lower() if name.split() else name
    # (a muscle named in the plural, "the biceps", is one: "It bends the elbow")
    return last.endswith(("ies", "es", "ae", "ci")) or last.endswith("s") and not last.endswith(("ss", "us", "is", "as", "ceps"))


def _key(name: str) -> str:
    """A name as looked up: a phrase is matched across a space, a hyphen or a line break alike ("nerve-block")."""
    return _GAPS.sub(" ", name)


_GAPS = compile_builtin(r"[\s\-‐‑]+")


def _forms(name: str, spellings) -> list[str]:
    """A name as written, then in each spelling of its stems and as a plural (a plural that English does not use is
    never met), in a fixed order: a name two members share is reported as the editor wrote it."""
    forms = {name}
    for british, american in spellings:
        # (most names hold neither stem: asked first, the sets are not made again for each pair, a tenth of the
        # rule's setup)
        if any(british in f or american in f for f in forms):
            forms |= {f.replace(british, american) for f in forms} | {f.replace(american, british) for f in forms}
    forms |= {f + "s" for f in forms if not f.endswith("s")}
    return [name] + sorted(forms - {name})


def _with_article(name: str) -> str:
    """ "an MRI scan", "an x-ray", "a CT scan", "an epidural" """
    first = name.split()[0] if name.split() else name
    if first.isupper() and first[:1] in "AEFHILMNORSX" or name[:2] == "x-" or name[:1] in "aeiou" \
            and not _YOU_SOUND.match(name):
        return "an " + name
    return "a " + name


#: words spelled with a vowel that open with the sound of "you" or "w", which take "a": "a urologist", "a unit", "a one-off"
_YOU_SOUND = compile_builtin(r"(?:u(?:r[oei]|ni|s[eu]|t(?:er|il)|vul)|eu|one\b|once\b)", re.I)
