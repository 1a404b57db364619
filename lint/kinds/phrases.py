"""Phrase-list kinds: ``existence`` (these words should not appear) and
``substitution`` (write this instead of that). Vale's two workhorses.

Both scan each block with one compiled regex and skip a match when:

* it lies inside an ``exceptions`` phrase or an ``exception_patterns`` match
  ("superior vena cava" is anatomy, not hype; "a painless lump" is a symptom);
* ``skip_negated`` is on and a negation that starts *before* the match governs
  it ("no operation is risk-free", "results are not guaranteed"). A negation
  word inside the match is part of the phrase, not a negation of it: "no side
  effects" is itself the claim. "not only" and "not just" do not negate;
* one of the ``hedges`` stands before it in the same clause, at most
  ``hedge_window`` words away ("usually painless", "impossible to guarantee").

Patterns may name a word class of the rule's ``vocabulary`` file (a YAML map of
class name to phrases, beside the rule) as ``{:name}``: "no {:after_effects} whatsoever"
covers bruising, swelling, scarring... and an editor extends the class, not the patterns.

``substitution`` maps each phrase (``swap``) or regular expression
(``pattern_swap``, whose alternatives may use the pattern's named groups as
``\\g<name>``) to the words to write instead.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property, lru_cache
from pathlib import Path

import regex

from lint.compiled import derived
from lint.kinds.base import Kind, match_case
from lint.matching import Haystack, PatternSet, compile_builtin, compile_pattern, finditer, is_anchored, lower_aligned
from lint.yamlio import load_yaml

# a clause ends at these: a hedge or negation before them does not reach past
_CLAUSE_BREAK = compile_builtin(r"[.;:!?()\[\]—–]|,\s|\b(?:but|however|although|though|whereas|while|yet)\b", re.I)
_NOT_NEGATING = {"only", "just", "merely", "simply"}
_OWN_NEGATION = {"no", "not", "never", "without", "zero", "none", "nothing"}


WORD = compile_builtin(r"[^\W_]+")
# blocks are joined with this to scan a page in one pass: no phrase runs across a full stop on a line of its own
_SEPARATOR = "\n\n.\n\n"


def _phrase_source(phrase: str) -> str:
    """A phrase as a pattern: a space or a hyphen between words may be either ("risk free",
    "risk-free"), and an apostrophe may be straight or curly ("don't", "don’t")."""
    words = []
    for word in phrase.strip().split():
        pieces = ["['’]".join(re.escape(part) for part in re.split("['’]", piece)) for piece in word.split("-")]
        words.append(r"[-\s]*".join(pieces))
    return r"[-\s]+".join(words)


def _per_text(cache: dict, key, text: str, limit: int, build):
    """``build()`` for a text, kept in ``cache`` under ``key`` (the text's id, with anything else it depends on)
    while the text lives: the entry holds the text, so its id is not reused; at ``limit`` entries all go."""
    cached = cache.get(key)
    if cached is not None and cached[0] is text:
        return cached[1]
    value = build()
    if len(cache) > limit:
        cache.clear()
    cache[key] = (text, value)
    return value


_WORDS_CACHE: dict = {}


def words_of(text: str) -> tuple[frozenset, frozenset]:
    """The words of a text, as written and in lower case; cached, as every phrase rule asks."""

    def build():
        words = frozenset(WORD.findall(text))
        return words, frozenset(map(str.lower, words))

    # a page's texts are asked for by its rules, then never again; the cache now holds whole pages joined, too,
    # so it is kept small (4,096 entries held 40 MB of old pages)
    return _per_text(_WORDS_CACHE, id(text), text, 512, build)


class WordStarts:
    """Where each word of a text starts (as written, or in lower case), looked up by how a word begins."""

    __slots__ = ("by_word", "words")

    def __init__(self, text: str, lower: bool):
        by_word: dict[str, list[int]] = {}
        # (lowered whole: ``word_starts`` indexes in lower case only a text whose lower case keeps its offsets)
        for m in WORD.finditer(text.lower() if lower else text):
            by_word.setdefault(m[0], []).append(m.start())
        self.by_word = by_word
        self.words = sorted(by_word)

    def starting_with(self, prefix: str) -> list[int]:
        """The starts of the words that begin with ``prefix``, in order (not to be changed by the caller)."""
        words = self.words
        first = last = bisect.bisect_left(words, prefix)
        while last < len(words) and words[last].startswith(prefix):
            last += 1
        if last - first == 1:
            return self.by_word[words[first]]
        return sorted(at for word in words[first:last] for at in self.by_word[word])


_STARTS_CACHE: dict = {}
#: texts shorter than this are scanned, not indexed by their words' starts
_INDEXED_TEXT = 1000


def word_starts(text: str, lower: bool) -> WordStarts | None:
    """The text's word starts (cached, as every phrase list asks); None where lower case is not how a pattern that
    ignores case reads the text (the dotted capital I and the long s match "i" and "s"), so that such a text is
    scanned whole. (A list's first word outside ASCII is looked for by a scan, too.)"""

    def build():
        if not lower or text.isascii() or lower_aligned(text, text.lower()):
            return WordStarts(text, lower)
        return None

    # the page's joined blocks are asked for by every phrase rule, then never again: a few entries are enough
    return _per_text(_STARTS_CACHE, (id(text), lower), text, 16, build)


_CLASS_REF = compile_builtin(r"\{:([A-Za-z_]\w*)\}")


@lru_cache(maxsize=8)
def load_vocabulary(path: str) -> dict[str, str]:
    """Word classes from a vocabulary file, each as one non-capturing alternation (longest first)."""
    data = load_yaml(Path(path)) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a vocabulary is a map of class name to a list of phrases")
    classes = {}
    for name, phrases in data.items():
        # longest first (an alternation takes its first branch that fits), then alphabetical: the
        # pattern must be the same text in every run, or its stored compiled code is never found
        items = sorted({str(p).strip() for p in phrases or () if str(p).strip()}, key=lambda w: (-len(w), w))
        classes[str(name)] = "(?:" + "|".join(_phrase_source(p) for p in items) + ")" if items else "(?!)"
    return classes


def _alternation(phrases) -> str:
    return rf"(?<![\w-])(?:{'|'.join(_phrase_source(p) for p in phrases)})(?![\w])"


class PhraseIndex:
    """A phrase list indexed by first word.

    One alternation of a hundred phrases is tried at every position of a text. Here
    a text's set of words (computed once per text and shared by every phrase rule)
    is intersected with the list's first words, and only the phrases that start
    with a word of the text are looked for, and only where a word of the text starts
    with that first word (``WordStarts``): the matches a scan for those phrases finds
    (leftmost, longest phrase first, not overlapping) for a fraction of the work.
    """

    def __init__(self, phrases, case_sensitive: bool = False):
        self.case_sensitive = case_sensitive
        phrases = sorted({p.strip() for p in phrases if p and p.strip()}, key=lambda w: (-len(w), w))
        grouped: dict[str, list[str]] = {}
        rest = []
        for phrase in phrases:
            first = WORD.match(phrase)
            if first is None:
                rest.append(phrase)
                continue
            key = first.group() if case_sensitive else first.group().lower()
            grouped.setdefault(key, []).append(phrase)

        self.flags = 0 if case_sensitive else re.IGNORECASE
        self.groups = grouped
        # compiled on first use: a one-page run meets a few dozen of a list's first words,
        # and compiling every group up front was most of medlint's start-up
        self.by_first: dict[str, re.Pattern] = {}
        self.keys = frozenset(grouped)
        # phrases are escaped literal text (no nested repeats), so the standard library's
        # engine, which compiles and scans literals faster, needs no time limit here
        self.rest = compile_builtin(_alternation(rest), self.flags) if rest else None
        self._phrases = phrases

    @cached_property
    def pattern(self) -> str:
        """The whole list as one pattern, for callers that need a regular expression. (Made when asked: the term
        families' thousands of names took a tenth of every start-up to write out, and no one asks for theirs.)"""
        return _alternation(self._phrases) if self._phrases else ""

    def _group(self, key: str) -> re.Pattern:
        compiled = self.by_first.get(key)
        if compiled is None:
            compiled = self.by_first[key] = compile_builtin(_alternation(self.groups[key]), self.flags)
        return compiled

    def __bool__(self) -> bool:
        return bool(self.groups) or self.rest is not None

    def finditer(self, text: str, timeout=None):
        words, lower = words_of(text)
        present = self.keys.intersection(words if self.case_sensitive else lower)
        if not present and self.rest is None:
            return
        found = []
        # a block is scanned for its few phrases' patterns; indexing its words costs more (and would push the
        # page's own index out of the cache that every phrase rule reads)
        starts = word_starts(text, not self.case_sensitive) if present and len(text) >= _INDEXED_TEXT else None
        for key in present:
            group = self._group(key)
            if starts is None or not key.isascii():
                found.extend(group.finditer(text))
                continue
            # each match starts a word that starts with the key: matched there, and only there
            end = 0
            for at in starts.starting_with(key):
                if at >= end:
                    m = group.match(text, at)
                    if m is not None:
                        end = m.end()
                        found.append(m)
        if self.rest is not None:
            found.extend(self.rest.finditer(text))
        found.sort(key=lambda m: (m.start(), -m.end()))
        end = -1
        for m in found:
            if m.start() >= end:
                end = m.end()
                yield m


# after "not", these open a noun phrase set against another ("a modern laser, not the outdated kit"),
# which negates nothing about that phrase
_CONTRAST_OPENERS = frozenset({"the", "a", "an", "those", "these", "this", "that", "your", "their", "its", "our",
                               "some", "any", "all", "like"})


def _negations(unit) -> tuple[list, list, int]:
    """The block's negation scopes as (start, end) token offsets in order, their starts, and the longest's length: each
    match looks only at the scopes that start close enough before it (reading every scope of the block for each match
    took time growing with the square of a long block's length)."""
    got = unit.memo.get("negation-scopes")
    if got is None:
        spans = sorted((neg.start, neg.end) for neg in unit.doc.spans.get("negated", ()))
        got = unit.memo["negation-scopes"] = (spans, [s for s, _ in spans], max((e - s for s, e in spans), default=0))
    return got


def negated_before(unit, start: int, end: int, contrast_is_claim: bool = False) -> bool:
    """True when a negation scope that begins before ``start`` covers the match.

    With ``contrast_is_claim`` only a negated statement counts ("open surgery is not outdated");
    a contrast ("not the outdated kit", "rather than barbaric stripping", "without old-fashioned
    drugs") still says what it says of the other thing.
    """
    doc = unit.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if doc[span.start].lower_ in _OWN_NEGATION:
        return False  # the phrase carries its own negation ("no side effects"): it is the claim itself
    spans, starts, longest = _negations(unit)
    for neg_start, neg_end in spans[bisect.bisect_left(starts, span.start - longest):bisect.bisect_left(starts, span.start)]:
        if neg_start < span.start < neg_end:
            neg = doc[neg_start:neg_end]
            trigger = doc[neg.start]
            following = doc[neg.start + 1].lower_ if neg.start + 1 < len(doc) else ""
            if trigger.lower_ in ("not", "n't") and following in _NOT_NEGATING:
                continue
            if contrast_is_claim and (trigger.lower_ not in ("not", "n't", "never") or following in _CONTRAST_OPENERS):
                continue
            if contrast_is_claim and neg.start > 0 and doc[neg.start - 1].lower_ == "do" and doc[neg.start - 1].is_sent_start:
                continue  # an imperative ("Don't trust your face to salons that...") says what it says of them
            # "and" joining two words ("safe and painless") keeps the negation; "and" opening a new
            # clause ("walking without a stick and enjoy a pain-free knee") ends it
            if any(doc[i].lower_ in ("and", "or") and span.start - i > 2 for i in range(neg.start + 1, span.start)):
                continue
            return True
    return False


class _PhraseKind(Kind):
    common_options = {
        "exceptions": (list, list),
        "exception_patterns": (list, list),
        "case_sensitive": (bool, False),
        "skip_negated": (bool, False),
        # with skip_negated: a contrast ("not the outdated kit") is not a negation of the match
        "contrast_is_claim": (bool, False),
        "hedges": (list, list),
        "hedge_window": (int, 3),
        # a YAML file beside the rule: word classes its patterns use as {:name}
        "vocabulary": (str, ""),
        # two matches that share any word are one slip, reported once by the longer ("keeps it's" and "it's blood
        # supply" both mend one "it's"); without it, only matches sharing most of their words are
        "overlap_is_one": (bool, False),
    }

    def expand(self, pattern: str) -> str:
        """A pattern with its {:class} references replaced by the vocabulary's alternations."""
        if "{:" not in pattern:
            return pattern
        if getattr(self, "_classes", None) is None:
            name = self.opts["vocabulary"]
            if not name:
                raise self.error(f"pattern {pattern!r} uses a word class but the rule has no 'vocabulary'")
            path = self.rule.path.parent / name
            if not path.exists():
                raise self.error(f"vocabulary file not found: {path}")
            self._classes = load_vocabulary(str(path))
        classes = self._classes

        def replace(m):
            if m.group(1) not in classes:
                raise self.error(f"pattern {pattern!r}: no word class '{m.group(1)}' in {self.opts['vocabulary']}")
            return classes[m.group(1)]

        return _CLASS_REF.sub(replace, pattern)

    def _compile_common(self):
        # the rule's patterns, searched together (made when the kind's set-up is done: Substitution adds its
        # pattern_swap patterns after this), and whether each is anchored with ^ or $
        self._set: PatternSet | None = None
        self._anchors: dict[int, bool] = {}
        case = self.opts["case_sensitive"]
        where = f"{self.rule.path}: rule {self.rule.code}"
        self.exceptions = PhraseIndex(self.opts["exceptions"], case) or None
        trusted = self.trusted
        self.exception_patterns = [
            compile_pattern(self.expand(p), where, case, trusted) for p in self.opts["exception_patterns"]
        ]
        self.patterns = [compile_pattern(self.expand(p), where, case, trusted) for p in self.opts["patterns"]]
        hedges = PhraseIndex(self.opts["hedges"], False)
        window = max(0, self.opts["hedge_window"])
        self.hedge = (
            compile_builtin(rf"(?:{hedges.pattern})(?:\s+[\w'’-]+){{0,{window}}}\s*$", re.I) if hedges else None
        )

    def _hedged(self, text: str, start: int) -> bool:
        if self.hedge is None:
            return False
        before = text[max(0, start - 120):start]
        cut = 0
        for m in _CLAUSE_BREAK.finditer(before):
            cut = m.end()
        return bool(self.hedge.search(before[cut:]))

    def _pattern_set(self) -> PatternSet:
        if self._set is None:
            self._set = PatternSet((*self.exception_patterns, *self.patterns))
        return self._set

    def _anchored(self, pattern) -> bool:
        anchored = self._anchors.get(id(pattern))
        if anchored is None:
            # (kept with the compiled patterns: reading a long pattern's source for anchors was 5 ms of a first page)
            anchored = self._anchors[id(pattern)] = derived("anchored", pattern.pattern, 0,
                                                            lambda: is_anchored(pattern.pattern))
        return anchored

    def _scan(self, pattern, units, haystack, starts, found):
        """A pattern's matches per unit, as (unit index, start, end, match) in block offsets.

        A page is scanned in one pass over its blocks joined by a separator that no
        phrase runs across (a pattern call has a fixed cost, and pages have hundreds of
        blocks). A pattern anchored with ^ or $, or a match that runs across the
        separator, is scanned block by block instead. ``found`` is the rule's needles in
        the page (``PatternSet.needles``): a pattern whose needles the page lacks is
        skipped, and the others are tried only where one of their prefixes stands.
        """
        if pattern is None:
            return []
        patterns = self._pattern_set()
        if patterns.skips(pattern, found):
            return []  # most patterns need a word the page does not have ("safest", "waiting list")

        def block_by_block(only=None):
            return [(i, m.start(), m.end(), m) for i, u in enumerate(units) if only is None or i in only
                    for m in finditer(pattern, u.block.text)]

        if self._anchored(pattern):
            # ^ and $ are a block's start and end: matched in each block, where a prefix stands in it
            at_starts = patterns.starts(pattern, haystack, found)
            if at_starts is None or patterns.prefilter(pattern).rest is not None:
                return block_by_block(_blocks_holding(patterns.prefilter(pattern), haystack, found, starts))
            out, ends = [], {}
            for at in at_starts:
                i = bisect.bisect_right(starts, at) - 1
                text, local = units[i].block.text, at - starts[i]
                if local >= len(text) or local < ends.get(i, 0):
                    continue
                m = pattern.match(text, local)
                if m is not None:
                    ends[i] = m.end()
                    out.append((i, m.start(), m.end(), m))
            return out
        out = []
        for m in patterns.finditer(pattern, haystack, found):
            i = bisect.bisect_right(starts, m.start()) - 1
            local_start, local_end = m.start() - starts[i], m.end() - starts[i]
            if local_end > len(units[i].block.text):
                return block_by_block()
            out.append((i, local_start, local_end, m))
        return out

    def _page_matches(self, units):
        """(unit, start, end, match, pattern) for each match that is not excepted, negated or hedged."""
        if not units:
            return
        joined, starts = _joined(units)
        haystack = Haystack.of(joined)
        found = self._pattern_set().needles(haystack)
        excepted: dict[int, list[tuple[int, int]]] = {}
        if self.exceptions is not None:
            for i, s, e, _ in _phrase_matches(self.exceptions, units, joined, starts):
                excepted.setdefault(i, []).append((s, e))
        pattern_set = self._pattern_set()
        for pattern in pattern_set.not_ruled_out(self.exception_patterns, found):
            for i, s, e, _ in self._scan(pattern, units, haystack, starts, found):
                excepted.setdefault(i, []).append((s, e))
        candidates: dict[int, list] = {}
        if self.regex is not None:
            for i, s, e, m in _phrase_matches(self.regex, units, joined, starts):
                candidates.setdefault(i, []).append((s, e, m, self.regex))
        for pattern in pattern_set.not_ruled_out(self.patterns, found):
            for i, s, e, m in self._scan(pattern, units, haystack, starts, found):
                candidates.setdefault(i, []).append((s, e, m, pattern))
        for i in sorted(candidates):
            unit = units[i]
            text = unit.block.text
            exceptions = _Reach(excepted.get(i, ()))
            kept = [c for c in candidates[i] if c[0] < c[1] and not exceptions.holds(c[0], c[1])]
            # where a phrase and a longer pattern match the same words ("no complications" inside
            # "virtually no complications"), the longer match is the finding
            kept_spans = _Reach((s, e) for s, e, *_ in kept)
            seen = set()
            live = []
            for s, e, m, pattern in sorted(kept, key=lambda c: (c[0], -c[1])):
                if (s, e) in seen or kept_spans.holds(s, e, other_than_itself=True):
                    continue
                seen.add((s, e))
                if self.opts["skip_negated"] and negated_before(unit, s, e, self.opts["contrast_is_claim"]):
                    continue
                if self._hedged(text, s):
                    continue
                live.append((s, e, m, pattern))
            # two patterns that share most of their words ("you will never need" and "will never need
            # glasses again") are one finding, the longer one; a shared word or two ("don't delay: book"
            # and "book your consultation today") leaves two findings
            chosen = []
            # the chosen matches' starts and ends in order of start. No chosen match holds another (the shorter
            # would share all its words), so their ends are in order too, and the ones that overlap a match are
            # the run from the first that ends after its start to the last that starts before its end: testing
            # every chosen match took time growing with the square of a block's matches
            chosen_starts: list[int] = []
            chosen_ends: list[int] = []
            one_slip = self.opts["overlap_is_one"]
            for s, e, m, pattern in sorted(live, key=lambda c: (c[0] - c[1], c[0])):
                at = bisect.bisect_right(chosen_ends, s)
                shared = False
                while at < len(chosen_starts) and chosen_starts[at] < e:
                    overlap = min(e, chosen_ends[at]) - max(s, chosen_starts[at])
                    if 3 * overlap >= 2 * (e - s) or one_slip and overlap > 0:
                        shared = True
                        break
                    at += 1
                if not shared:
                    chosen.append((s, e, m, pattern))
                    place = bisect.bisect_left(chosen_starts, s)
                    chosen_starts.insert(place, s)
                    chosen_ends.insert(place, e)
            for s, e, m, pattern in sorted(chosen, key=lambda c: c[0]):
                yield unit, s, e, m, pattern


class _Reach:
    """Spans (start, end), asked whether one of them holds a given span; sorted by start, with the furthest end
    among the spans up to each, so that a question takes a bisection, not a test of every span."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.furthest: list[int] = []
        for _, b in self.spans:
            self.furthest.append(b if not self.furthest or b > self.furthest[-1] else self.furthest[-1])
        self.last_end_at: dict[int, int] = {}
        for a, b in self.spans:
            self.last_end_at[a] = b  # sorted: the last span to start at ``a`` ends furthest

    def holds(self, s: int, e: int, other_than_itself: bool = False) -> bool:
        """Is there a span (a, b) with a <= s and e <= b (other than (s, e) itself, if asked)?"""
        if not other_than_itself:
            upto = bisect.bisect_right(self.starts, s)
            return upto > 0 and self.furthest[upto - 1] >= e
        # a span that starts before s and reaches e, or one that starts at s and ends after e
        before = bisect.bisect_left(self.starts, s)
        if before > 0 and self.furthest[before - 1] >= e:
            return True
        return self.last_end_at.get(s, e) > e


def _blocks_holding(prefilter, haystack: Haystack, found, starts: list[int]) -> set[int] | None:
    """The indexes of the joined blocks that hold one of the strings every match of the prefilter's pattern
    contains (a match lies in one block, so the others cannot hold one); None for every block."""
    hits = found[prefilter.ignore_case] if prefilter is not None and prefilter.factors else None
    if hits is None:
        return None
    original = haystack.original if haystack.shifted else None
    out = set()
    for factor in prefilter.factors:
        for at in hits.get(factor, ()):
            # both ends: a string that starts with a space starts, in the collapsed haystack, where the run of
            # spaces before it does, which may be in the separator before its block
            for end in (at, at + len(factor) - 1):
                out.add(bisect.bisect_right(starts, original(end) if original else end) - 1)
    return out


def _joined(units) -> tuple[str, list[int]]:
    """The blocks' texts joined by ``_SEPARATOR``, and where each starts; made once for the rules that scan the
    same blocks (the same string, so that its words and haystack are worked out once, too)."""
    key = ("joined", tuple(map(id, units)))
    memo = units[0].memo
    made = memo.get(key)
    if made is None:
        starts, pos = [], 0
        for u in units:
            starts.append(pos)
            pos += len(u.block.text) + len(_SEPARATOR)
        joined = _SEPARATOR.join(u.block.text for u in units) if len(units) > 1 else units[0].block.text
        made = memo[key] = (joined, starts)
    return made


def _phrase_matches(index: PhraseIndex, units, joined: str, starts: list[int]) -> list[tuple]:
    """(unit index, start, end, match) of a phrase list's matches in each block, in block offsets, found in one
    pass over the page's blocks joined (``_PhraseKind._scan``); block by block if one ran across a separator."""
    out = []
    for m in index.finditer(joined):
        i = bisect.bisect_right(starts, m.start()) - 1
        start, end = m.start() - starts[i], m.end() - starts[i]
        if end > len(units[i].block.text):
            return [(i, m.start(), m.end(), m) for i, u in enumerate(units) for m in index.finditer(u.block.text)]
        out.append((i, start, end, m))
    return out


class Existence(_PhraseKind):
    """Flags each occurrence of a listed phrase or pattern."""

    name = "existence"
    options = {
        "tokens": (list, list),
        "patterns": (list, list),
        **_PhraseKind.common_options,
    }

    def setup(self):
        if not self.opts["tokens"] and not self.opts["patterns"]:
            raise self.error("an existence rule needs 'tokens' or 'patterns'")
        self.regex = PhraseIndex(self.opts["tokens"], self.opts["case_sensitive"]) or None
        self._compile_common()
        self._pattern_set().register()

    def check(self, page):
        for unit, start, end, _, _ in self._page_matches(self.units(page)):
            matched = unit.block.text[start:end]
            suggestions = tuple(match_case(s, matched) for s in self.rule.suggestions)
            yield self.hit(unit, start, end, suggestions=suggestions)


class Substitution(_PhraseKind):
    """Suggests the preferred words for each listed phrase (``swap``) or pattern (``pattern_swap``)."""

    name = "substitution"
    options = {
        "swap": (dict, dict),
        "pattern_swap": (dict, dict),
        "patterns": (list, list),
        **_PhraseKind.common_options,
    }

    @staticmethod
    def _alternatives(key, value, error):
        rights = [value] if isinstance(value, str) else value
        if not isinstance(rights, list) or not rights or not all(isinstance(r, str) for r in rights):
            raise error(f"'{key}' must map to a string or a list of strings")
        return rights

    def setup(self):
        if not self.opts["swap"] and not self.opts["pattern_swap"]:
            raise self.error("a substitution rule needs 'swap' or 'pattern_swap'")
        if self.opts["patterns"]:
            raise self.error("a substitution rule takes 'swap' or 'pattern_swap', not 'patterns'")
        self.swap = {}
        for wrong, right in self.opts["swap"].items():
            rights = self._alternatives(f"swap {wrong}", right, self.error)
            key = str(wrong) if self.opts["case_sensitive"] else str(wrong).lower()
            self.swap[" ".join(key.replace("-", " ").split())] = rights
        self.regex = PhraseIndex([str(k) for k in self.opts["swap"]], self.opts["case_sensitive"]) or None
        self._compile_common()
        where = f"{self.rule.path}: rule {self.rule.code}"
        self.pattern_rights = {}
        for pattern, right in self.opts["pattern_swap"].items():
            compiled = compile_pattern(self.expand(str(pattern)), where, self.opts["case_sensitive"], self.trusted)
            self.pattern_rights[compiled] = self._alternatives(f"pattern_swap {pattern}", right, self.error)
            for replacement in self.pattern_rights[compiled]:
                missing = _missing_group(compiled, replacement)
                if missing is not None:
                    raise self.error(f"pattern_swap {pattern!r}: the replacement {replacement!r} names group {missing}, "
                                     "which the pattern does not have")
            self.patterns.append(compiled)
        self._pattern_set().register()

    def lookup(self, matched: str):
        key = matched if self.opts["case_sensitive"] else matched.lower()
        return self.swap.get(" ".join(key.replace("’", "'").replace("-", " ").split()), ())

    def check(self, page):
        for unit, start, end, m, pattern in self._page_matches(self.units(page)):
            matched = unit.block.text[start:end]
            if pattern is self.regex:
                rights = self.lookup(matched)
            else:
                rights = [_expand(m, r) for r in self.pattern_rights.get(pattern, ())]
            suggestions = tuple(match_case(r, matched) for r in rights if r)
            fix = suggestions[0] if self.rule.fix and len(suggestions) == 1 else None
            yield self.hit(unit, start, end, suggestions=suggestions, fix=fix)


_GROUP_REFERENCE = compile_builtin(r"\\(?:g<([^>]*)>|([0-9]{1,2}))")


def _missing_group(compiled, template: str) -> str | None:
    r"""A group a replacement refers to (``\1``, ``\g<2>``, ``\g<name>``) that the pattern lacks, or None: checked when
    the rule loads, or ``--fix`` would write the reference into the page."""
    for m in _GROUP_REFERENCE.finditer(template.replace("\\\\", "")):
        ref = m.group(1) if m.group(1) is not None else m.group(2)
        if ref.isdigit():
            if int(ref) > compiled.groups:
                return ref
        elif ref not in compiled.groupindex:
            return repr(ref)
    return None


def _expand(m, template: str) -> str:
    try:
        return " ".join(m.expand(template).split())
    except (re.error, regex.error, IndexError):
        return template
