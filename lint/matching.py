"""Phrase lists and user patterns compiled into regular expressions.

Rule data gives plain phrases ("cutting-edge", "risk free"); each list becomes one
regular expression with word boundaries, so a rule scans a block in one pass of
the regex engine. The phrases are merged into a trie first ("risk free",
"risk-free", "risky" share "risk"), so the engine tests each shared prefix once
instead of once per phrase: with hundreds of phrases that is several times faster
than a flat alternation. Phrases are escaped and hold no nested repeats, so they
cannot backtrack badly, and they run on the standard library's engine, the faster
one for literal text. Patterns that users write as regular expressions run under
a time limit (the ``regex`` module's ``timeout``), so a catastrophic pattern
cannot hang a CI run.
"""

from __future__ import annotations

import bisect
import functools
import os
import re

import regex

from lint.compiled import compile_re, compile_regex_module, derived

try:
    import ahocorasick
except ImportError:  # pragma: no cover - a platform without its wheel: the slower substring search is used
    ahocorasick = None

PATTERN_TIMEOUT = 0.5  # seconds for one pattern on one block

# a space or a hyphen between words may be written either way ("risk free", "risk-free"),
# and the parts of a hyphenated word may be written together ("non-invasive", "noninvasive")
_WORD_GAP = r"[-\s]+"
_PIECE_GAP = r"[-\s]*"


class PatternError(Exception):
    pass


def _atoms(phrase: str, case_sensitive: bool) -> list[str]:
    """The phrase as a sequence of regex atoms: one escaped character or one gap each."""
    atoms: list[str] = []
    for n, word in enumerate(phrase.split()):
        if n:
            atoms.append(_WORD_GAP)
        for k, piece in enumerate(word.split("-")):
            if k:
                atoms.append(_PIECE_GAP)
            for ch in piece:
                folded = ch if case_sensitive else ch.lower()
                # a character whose lower case is two characters ("İ") is kept as written
                atoms.append(re.escape(folded if len(folded) == 1 else ch))
    return atoms


class _Node:
    __slots__ = ("children", "end", "longest")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.end = False
        self.longest = 0  # the longest phrase through this node, in characters


def _source(node: _Node) -> str:
    # the longest phrase is tried first, as in a flat alternation sorted longest first
    alternatives = [
        atom + _source(child)
        for atom, child in sorted(node.children.items(), key=lambda item: (-item[1].longest, item[0]))
    ]
    if not alternatives:
        return ""
    if len(alternatives) == 1 and not node.end:
        return alternatives[0]
    # greedy "?": a longer phrase wins over a phrase that ends here
    return "(?:" + "|".join(alternatives) + (")?" if node.end else ")")


def phrases_source(phrases, case_sensitive: bool = False) -> str:
    """The regex source matching any of the phrases (without word boundaries); '' for none."""
    root = _Node()
    for phrase in phrases:
        if not phrase or not phrase.strip():
            continue
        node = root
        node.longest = max(node.longest, len(phrase))
        for atom in _atoms(phrase.strip(), case_sensitive):
            node = node.children.setdefault(atom, _Node())
            node.longest = max(node.longest, len(phrase))
        node.end = True
    return _source(root)


def compile_phrases(phrases, case_sensitive: bool = False):
    """One regex for a list of phrases on word boundaries (longest first); None for an empty list.

    The result is a standard-library ``re.Pattern``; its ``pattern`` may be embedded in a
    ``regex`` pattern too.
    """
    phrases = sorted({p for p in phrases if p and p.strip()})
    # building the trie's source costs more than compiling it: kept in the compiled table
    body = derived("phrases", "\n".join(phrases), int(case_sensitive), lambda: phrases_source(phrases, case_sensitive))
    if not body:
        return None
    return compile_re(rf"(?<![\w-])(?:{body})(?![\w])", 0 if case_sensitive else re.IGNORECASE)


def compile_builtin(pattern: str, flags: int = 0):
    """A pattern written by medlint's authors, compiled by the standard library's engine.

    The ``regex`` module's compiler is written in Python and took most of medlint's
    start-up; the standard library compiles the same patterns several times faster
    and scans them at least as fast. Our patterns are reviewed and tested, so they
    need no time limit. The few that use what only ``regex`` has (a look-behind of
    varying width) are compiled by ``regex``. ``flags`` are ``re`` flags (IGNORECASE,
    MULTILINE, DOTALL, VERBOSE have the same values in both modules).
    """
    try:
        return compile_re(pattern, flags)
    except re.error:
        compiled = compile_regex_module(pattern, flags)
        _BUILTIN_REGEX[id(compiled)] = compiled
        return compiled


#: our own patterns that only the ``regex`` module compiles (by id; the value keeps the pattern alive, so the id
#: is not reused): written in the syntax both modules read alike, so their prefilters are read as for the others'
_BUILTIN_REGEX: dict[int, object] = {}


def is_builtin(compiled) -> bool:
    """Is this one of medlint's own patterns (reviewed and tested: tried without a time limit, and its
    prefilter read from its source)? A user's pattern is compiled by ``regex`` and is not."""
    return isinstance(compiled, re.Pattern) or _BUILTIN_REGEX.get(id(compiled)) is compiled


def compile_pattern(pattern: str, where: str, case_sensitive: bool = False, trusted: bool = False):
    """A pattern from a rule's data. ``trusted`` (a built-in rule that config has not changed):
    compiled as medlint's own code is; otherwise by ``regex``, so that ``finditer`` runs it
    under a time limit."""
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        if trusted:
            return compile_builtin(pattern, flags)
        return regex.compile(pattern, flags)
    except (re.error, regex.error) as exc:
        raise PatternError(f"{where}: invalid pattern {pattern!r}: {exc}") from None


def finditer(compiled, text: str, pos: int = 0, endpos: int | None = None):
    """Matches of a compiled pattern in ``text[pos:endpos]``; a user pattern that runs too long
    yields no more matches."""
    if compiled is None:
        return iter(())
    endpos = len(text) if endpos is None else endpos
    if is_builtin(compiled):  # our own pattern: no time limit needed
        return compiled.finditer(text, pos, endpos)
    return _finditer_timed(compiled, text, pos, endpos)


#: user patterns that ran over PATTERN_TIMEOUT since ``start_time_budget``: such a pattern is not tried again until
#: the next budget (a rule on a file), so one that backtracks badly costs a rule half a second per file, not half a
#: second per block
_TIMED_OUT: list[str] = []


def start_time_budget() -> None:
    _TIMED_OUT.clear()


def timed_out() -> list[str]:
    """The user patterns stopped for running too long since ``start_time_budget``."""
    return list(_TIMED_OUT)


def _finditer_timed(compiled, text: str, pos: int, endpos: int):
    if compiled.pattern in _TIMED_OUT:
        return
    try:
        yield from compiled.finditer(text, pos, endpos, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        _TIMED_OUT.append(compiled.pattern)
        return


# -- skipping a text a pattern cannot match ------------------------------------------------------
# a pattern with more starts than this is tried everywhere (its starts would find most positions)
_MAX_PREFIXES = 256
_PREFIX_LENGTH = 16
# the characters that match an ASCII letter when case is ignored but do not lower to it
# (dotted and dotless capital/small I, the long s); found by trying every code point
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f")
# a run of spaces and hyphens: prefilters read a text with each run as one space, so "risk[-\s]+free"
# and "the\s+most" give the needles "risk free" and "the most", which the page's text then holds
_GAP_RUN = re.compile(r"[-\s]+")
_LONG_GAP_RUN = re.compile(r"[-\s]{2,}")
#: words on nearly every page: as a string every match contains they rule out no page, and finding each of their
#: thousands of places cost more than the patterns they were to spare (a pattern's rarer word is taken instead)
_EVERY_PAGE = frozenset({
    "the", "and", "you", "your", "for", "all", "our", "are", "can", "with", "this", "that", "not", "will", "have",
    "from", "they", "their",
})
_DIGITS = "0123456789"
_DIGIT_IN = re.compile(r"[0-9]")
_DIGIT_SET = frozenset(_DIGITS)
# a decimal digit of another script ("٣", "３"): \d matches it, so the haystack shows it as "0", and a needle of
# ASCII digits finds where such a number starts
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def lower_aligned(text: str, lowered: str) -> bool:
    """True when ``lowered`` (``text.lower()``) is a faithful stand-in for ``text`` under IGNORECASE:
    the same length, so offsets line up, and no character that matches an ASCII letter when case is
    ignored without lowering to it ("\u0130", "\u017f"). Then a lower-case string that a pattern
    needs can be looked for in ``lowered``."""
    if text.isascii():
        return True
    return len(lowered) == len(text) and not any(c in text for c in _FOLDS_TO_ASCII)


class Haystack:
    """A text as prefilters search it: each run of spaces and hyphens as one space and each digit of
    another script as "0", as written (``exact``) and in lower case (``folded``; None where lower case
    would not line up with the text, so that no pattern that ignores case may be skipped on it)."""

    __slots__ = ("text", "exact", "folded", "_after", "_removed", "found")
    _recent: dict = {}

    @classmethod
    def of(cls, text: str) -> "Haystack":
        """The haystack of a text, shared by the rules that scan the same page."""
        haystack = cls._recent.get(text)
        if haystack is None:
            if len(cls._recent) >= 8:
                cls._recent.clear()
            haystack = cls._recent[text] = cls(text)
        return haystack

    def __init__(self, text: str) -> None:
        self.text = text
        #: the needles found in it (``NeedleGroup.find``): the group, its version then, and what was found
        self.found: tuple | None = None
        self.exact = _GAP_RUN.sub(" ", text)
        if not self.exact.isascii():
            self.exact = _OTHER_DIGIT.sub("0", self.exact)
        folded = self.exact.lower()
        # (collapsing runs of spaces changes no letter, so the collapsed text's lower case lines up when the text's does)
        self.folded = folded if lower_aligned(self.exact, folded) else None
        # where the collapsed text is shorter than the text: after each longer run, the characters removed so far
        self._after: list[int] = []
        self._removed: list[int] = []
        removed = 0
        for m in _LONG_GAP_RUN.finditer(text):
            removed += m.end() - m.start() - 1
            self._after.append(m.end() - removed)
            self._removed.append(removed)

    @property
    def shifted(self) -> bool:
        """True when the collapsed text's offsets differ from the text's."""
        return bool(self._after)

    def original(self, at: int) -> int:
        """The offset in the text of the character at ``at`` in the collapsed text (not a gap)."""
        k = bisect.bisect_right(self._after, at) - 1
        return at if k < 0 else at + self._removed[k]


class NeedleIndex:
    """Where each of a set of strings occurs in a text, every occurrence, found in one pass.

    A rule has hundreds of patterns, and each has a few strings one of which every match
    starts with or contains (its ``Prefilter``). Looking for each string with its own
    substring search cost more than the matching itself; an Aho-Corasick automaton over
    all of a rule's strings reads the page once and reports every occurrence, overlapping
    ones included.
    """

    __slots__ = ("needles", "_automaton")

    def __init__(self, needles) -> None:
        # (in the order given, once each: an automaton is found in the data cache by its needles in order, and
        # sorting a page group's 40,000 needles to make the order cost 20 ms of every start)
        if not isinstance(needles, dict):  # (a group's needles come as a dict's keys already)
            needles = dict.fromkeys(needles)
        self.needles = tuple(n for n in needles if n) if "" in needles else tuple(needles)
        self._automaton = None

    def find_all(self, haystack: str) -> dict[str, list[int]]:
        """Each needle that occurs, with the start offsets of its occurrences in ascending order."""
        out: dict[str, list[int]] = {}
        if not self.needles:
            return out
        if ahocorasick is None:
            for needle in self.needles:
                at = haystack.find(needle)
                if at >= 0:
                    found = out[needle] = []
                    while at >= 0:
                        found.append(at)
                        at = haystack.find(needle, at + 1)
            return out
        automaton = self._automaton
        needles = self.needles
        if automaton is None:
            automaton = self._automaton = self._stored_automaton() if len(needles) >= _STORED_FROM else self._made()
        for end, n in automaton.iter(haystack):
            needle = needles[n]
            found = out.get(needle)
            if found is None:
                out[needle] = [end - len(needle) + 1]
            else:
                found.append(end - len(needle) + 1)
        return out

    def _made(self):
        # each word's value is its place in ``needles`` (an int, kept in the automaton itself)
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for n, needle in enumerate(self.needles):
            automaton.add_word(needle, n)
        automaton.make_automaton()
        return automaton

    def _stored_automaton(self):
        """The automaton from the data cache (see lint.yamlio), or made and stored there: a page group's 40,000
        needles take 50 ms to add, a tenth of medlint's start-up beyond spaCy's, and 15 ms to unpickle."""
        import hashlib

        from lint.yamlio import cached

        key = b"needle-automaton-1\0" + _automaton_build() + b"\0" + \
            hashlib.sha1("\0".join(self.needles).encode("utf-8", "surrogatepass")).digest()
        try:
            automaton = cached(key, self._made)
            if isinstance(automaton, ahocorasick.Automaton) and len(automaton) == len(self.needles) \
                    and automaton.kind == ahocorasick.AHOCORASICK:
                return automaton
        except Exception:  # noqa: BLE001 - a stored automaton that does not load: made again
            pass
        return self._made()


def _automaton_build() -> bytes:
    """Which build of pyahocorasick is installed (it has no version attribute, and asking the package metadata costs
    more than the cache saves): its module file's size and time, so that an upgrade does not read another's pickle."""
    try:
        st = os.stat(ahocorasick.__file__)
        return f"{st.st_size}:{st.st_mtime_ns}".encode()
    except (OSError, AttributeError, TypeError):
        return b"?"


#: the fewest needles whose automaton is kept in the data cache: a smaller one is made faster than it is unpickled
_STORED_FROM = 4000


class Prefilter:
    r"""Strings one of which every match of a pattern starts with (``prefixes``), and strings one of
    which every match contains (``factors``), as read in a ``Haystack``.

    ``\b(?:the\s+)?(?:best|safest)\s+surgeons?`` gives "best surgeon", "safest surgeon" and
    "the best surgeon", "the safest surgeo" (at most 16 characters): a page that holds none has
    no match, and where one stands is the only place a match can start. (The engine cannot skip
    ahead on its own when a pattern starts with ``\b`` or a look-behind, as most of our patterns
    do, so a scan costs as many attempts as the page has characters.) The strings are read from
    the standard library's parse of the pattern; anything unexpected gives no prefilter, never a
    wrong answer.
    """

    __slots__ = ("prefixes", "ignore_case", "factors", "rest", "rest_factors", "rest_parts", "_prefix_set", "_needed",
                 "_rest_needed")

    def __init__(self, prefixes: tuple[str, ...], ignore_case: bool, factors: tuple[str, ...] = (), rest=None,
                 rest_factors: tuple[str, ...] = (), rest_parts: tuple = ()):
        self.prefixes = prefixes
        self.ignore_case = ignore_case
        # strings one of which every match contains (anywhere): a page without any is skipped whole
        self.factors = factors
        # for an alternation some of whose branches have no prefixes: those branches in a look-ahead,
        # which finds every place where one of them matches
        self.rest = rest
        # strings one of which every match of those other branches contains: a text without any is not scanned for them
        self.rest_factors = rest_factors
        self._rest_needed = frozenset(rest_factors) if rest_factors else None
        # each of those branches alone, as a look-ahead, with the strings one of which its every match contains: a
        # text is searched only for the branches whose strings it holds (a long alternation has a few dozen branches
        # built around different words, and a search for all of them costs as much as a scan of the whole pattern)
        self.rest_parts = rest_parts
        self._prefix_set = frozenset(prefixes)
        # sets of needles a text must hold one of each for a match (None: nothing is certain): a factor, and
        # where every match starts at a prefix (or is one of the other branches' matches, with one of their
        # factors), a prefix
        needed = [frozenset(factors)] if factors else []
        if prefixes and rest is None:
            needed.append(self._prefix_set)
        elif rest_factors:  # (every match starts at a prefix or is one of the other branches', with one of their strings)
            needed.append(self._prefix_set | self._rest_needed)
        self._needed = tuple(n for n in needed if n) or None

    @classmethod
    def of(cls, compiled) -> "Prefilter | None":
        if compiled is None or not is_builtin(compiled):
            # a user's pattern compiled by the regex module, which reads some syntax ("[[:alpha:]]", fuzzy
            # matching, newer Unicode) otherwise than the standard parser these facts come from; ours that
            # only the regex module compiles (a look-behind of varying width) are parsed by the standard parser
            return None
        flags = int(compiled.flags) & (re.IGNORECASE | re.VERBOSE | re.DOTALL)
        if not flags & re.IGNORECASE and "(?" in compiled.pattern \
                and derived("inline-ignorecase", compiled.pattern, flags, lambda: _inline_ignorecase(compiled.pattern, flags)):
            # a pattern that heeds case with parts that do not ("(?i:according to)"): its strings are read as if all of
            # it ignored case, in lower case, and looked for on the lower-case side, where a match as written stands too
            flags |= re.IGNORECASE
        prefixes = derived("gap-prefixes-2", compiled.pattern, flags, lambda: _prefixes(compiled.pattern, flags))
        factors = derived("gap-factors-7", compiled.pattern, flags, lambda: _required(compiled.pattern, flags))
        ignore_case = bool(flags & re.IGNORECASE)
        if not prefixes and isinstance(compiled, re.Pattern):  # (the other branches are looked for with ``re``)
            split = derived("gap-branches-10", compiled.pattern, flags, lambda: _branch_prefixes(compiled.pattern, flags))
            if split is not None:
                prefixes, rest, rest_factors, parts = split
                # the look-ahead with one character after it: the same starts (the branches never match nothing, so
                # a character stands wherever one matches), and a search that consumes can skip, in C, the places
                # whose character none of the branches starts with (lint.regex_rewrite.with_search_class)
                rest = compile_re(rest + "(?s:.)", int(compiled.flags)) if rest else None
                parts = tuple((compile_re(source + "(?s:.)", int(compiled.flags)), frozenset(needed))
                              for source, needed in parts or ())
                return cls(tuple(prefixes), ignore_case, tuple(factors or ()), rest, tuple(rest_factors or ()), parts)
        if not prefixes and not factors:
            return None
        return cls(tuple(prefixes or ()), ignore_case, tuple(factors or ()))

    @property
    def needles(self) -> tuple[str, ...]:
        # (a branch's own strings are looked up too: the branches' strings are not all in ``rest_factors`` when one
        # branch has none)
        # (each branch's set sorted: the needles come in the same order in every process, see NeedleGroup)
        return self.prefixes + self.factors + self.rest_factors + tuple(
            n for _, needed in self.rest_parts for n in sorted(needed))

    def may_match_found(self, found: dict) -> bool:
        """False when the pattern cannot match a text whose needles are ``found`` (``NeedleIndex.find_all``
        of the haystack's ``folded`` side when the pattern ignores case, else of its ``exact`` side)."""
        if self._needed is None:
            return True
        for needed in self._needed:
            if not _meets(needed, found):
                return False
        return True

    def finditer_found(self, compiled, haystack: Haystack, found: dict | None):
        r"""``compiled.finditer(haystack.text)``, tried only where ``found`` (as for ``may_match_found``;
        None when the side could not be searched) has one of the prefixes.

        Every match starts where one of the prefixes stands, so matching only there gives the same
        matches in the same order as a scan for a fraction of the work. ``match(text, pos)`` sees the
        text before ``pos``, so ``\b`` and look-behinds behave as in a scan; prefixes are at least two
        characters long and do not start with a space, and an alternation is split only when none of
        its other branches can match nothing, so no match is empty and every start is a character of
        the text, not of a collapsed run.
        """
        text = haystack.text
        starts = self.starts_found(compiled, haystack, found)
        if starts is None:
            yield from finditer(compiled, text)
            return
        end = 0
        match = compiled.match
        for at in starts:
            if at < end:
                continue
            m = match(text, at)
            if m is not None:
                end = m.end()
                yield m

    def starts_found(self, compiled, haystack: Haystack, found: dict | None) -> list[int] | None:
        """The offsets in ``haystack.text`` where a match may start, in order; None where it may start
        anywhere (no prefixes, the side could not be searched, or a user pattern, which runs under a
        time limit and is scanned as a whole)."""
        if found is None or not (self.prefixes or self.rest_parts) or not is_builtin(compiled):
            return None
        if not self.prefixes:
            lists = []
        elif 3 * len(self.prefixes) <= len(found):
            lists = [at for at in map(found.get, self.prefixes) if at]
        else:  # few needles found for the prefixes: look up those (an intersection with a dict walks the dict, in C,
            # which costs less than a lookup of each prefix in Python until the needles far outnumber the prefixes)
            lists = [found[prefix] for prefix in self._prefix_set.intersection(found)]
        # one needle's starts are already in order, each once (most patterns meet one of their prefixes)
        ordered = lists[0] if len(lists) == 1 else sorted(set().union(*lists))
        if haystack.shifted:
            original = haystack.original
            ordered = [original(at) for at in ordered]
        if self.rest is not None and (self._rest_needed is None or _meets(self._rest_needed, found)):
            text = haystack.text
            live = [part for part, needed in self.rest_parts if not needed or _meets(needed, found)] if self.rest_parts else None
            if live is None or 2 * len(live) > len(self.rest_parts):
                live = [self.rest]  # most of them: one search for all costs less than one for each
            starts = set(ordered)
            for part in live:
                starts.update(m.start() for m in part.finditer(text))
            ordered = sorted(starts)
        return ordered


def _meets(needles: frozenset, found: dict) -> bool:
    """Does ``found`` hold one of the needles? Whichever is smaller is walked (a set's isdisjoint walks a dict it is
    given, however long, and a page's needles found are hundreds)."""
    if len(needles) <= len(found):
        return any(map(found.__contains__, needles))
    return not needles.isdisjoint(found)


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _pattern_pieces(pattern: str):
    """(offset, piece) of a pattern's source: an escape ("\\b"), a whole character class ("[^]a-z]") or one
    other character."""
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        start = i
        if ch == "\\":
            i += 2
        elif ch == "[":  # a class: "]" straight after "[" or "[^" is a member, not the end
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
        else:
            i += 1
        yield start, pattern[start:i]


def is_anchored(pattern: str) -> bool:
    """Does a pattern use ^, $, \\A, \\Z or \\z (a text's start or end)? Not a "$" in a class ("[£$€]")."""
    return any(piece in ("^", "$", "\\A", "\\Z", "\\z") for _, piece in _pattern_pieces(pattern))


def _top_level_branches(pattern: str) -> list[str] | None:
    """The alternatives of a pattern's outermost alternation, as source text; None when it has none."""
    branches, depth, start = [], 0, 0
    for i, piece in _pattern_pieces(pattern):
        if piece == "(":
            depth += 1
        elif piece == ")":
            depth -= 1
        elif piece == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
    branches.append(pattern[start:])
    return branches if len(branches) > 1 else None


def _branch_prefixes(pattern: str, flags: int):
    """For an alternation whose branches do not all have prefixes: (the prefixes of those that do, the
    others as one look-ahead source, or "" when none are left, the strings one of which every match of
    those others contains, or None, and each of those others as a look-ahead source with its own such
    strings, or [] when one has none); None when splitting gains nothing (no branch has prefixes and the
    others cannot be told apart by their strings) or is unsafe (a back-reference counts groups across
    branches)."""
    if _BACKREFERENCE.search(pattern) or flags & re.VERBOSE:
        return None
    head = _GLOBAL_FLAGS.match(pattern)
    lead, body = (head.group(), pattern[head.end():]) if head else ("", pattern)
    branches = _top_level_branches(body)
    if branches is None:
        return None
    prefixes: set[str] = set()
    rest: list[str] = []
    try:
        branches = [part for branch in branches for part in _distributed(lead, branch, flags)]
    except Exception:  # noqa: BLE001 - a branch that does not stand alone: never a wrong answer
        return None
    for branch in branches:
        try:
            found = _prefixes(lead + branch, flags)
        except Exception:  # noqa: BLE001 - a branch that does not stand alone: never a wrong answer
            return None
        if found:
            prefixes.update(found)
        else:
            try:
                from re import _parser

                if _parser.parse(lead + branch, flags).getwidth()[0] == 0:
                    return None  # it may match nothing: only a scan finds what finditer finds after an empty match
            except Exception:  # noqa: BLE001
                return None
            rest.append(branch)
    # the strings one of which each other branch's every match contains: when every branch has them, a text is
    # searched only for the branches whose strings it holds, which pays even when most branches have no prefixes
    # (a branch without them, such as one led by a number, is searched in every text)
    part_factors = [_required(lead + branch, flags) for branch in rest]
    gated = any(part_factors)
    if not prefixes and not all(part_factors) or not gated and len(rest) * 2 > len(branches):
        return None
    try:
        rest_source = lead + "(?=" + "|".join(rest) + ")" if rest else ""
        if rest_source:
            re.compile(rest_source, flags)
        parts = [(lead + "(?=" + branch + ")", needed or ()) for branch, needed in zip(rest, part_factors)] if gated else []
        for source, _ in parts:
            re.compile(source, flags)
    except re.error:
        return None
    if all(part_factors):
        rest_factors = tuple(sorted(set().union(*part_factors))) if rest else None
    else:
        rest_factors = None
    return _shortest(prefixes), rest_source, rest_factors, parts


def _distributed(lead: str, branch: str, flags: int) -> list[str]:
    r"""A branch with no prefixes as one branch per alternative of its first alternation group: "\b(?:A|B)T" as
    "\b(?:A)T" and "\b(?:B)T", which match at the same places as it (a long claim pattern holds its phrases in
    one group, and one of them without a literal start left the whole group without prefixes). The branch as it
    is when it has prefixes, or no such group (one that is repeated, "(?:A|B)?", is not split)."""
    if _prefixes(lead + branch, flags):
        return [branch]
    depth, opened = 0, None
    for i, piece in _pattern_pieces(branch):
        if piece == "(":
            if depth == 0:
                opened = i if branch.startswith("(?:", i) else None
            depth += 1
        elif piece == ")":
            depth -= 1
            if depth == 0 and opened is not None:
                if branch[i + 1:i + 2] in ("?", "*", "+", "{"):
                    opened = None
                    continue
                alternatives = _top_level_branches(branch[opened + 3:i])
                if alternatives is None:
                    opened = None
                    continue
                return [branch[:opened] + "(?:" + alternative + ")" + branch[i + 1:] for alternative in alternatives]
    return [branch]


class NeedleGroup:
    """The needles of the pattern sets that read the same texts, found in a text in one pass for all of them.

    Eight rules scan each page for their patterns' needles; one automaton over all their needles reads
    the page once instead of eight times (the reading, not the needles, is what costs). A set's result
    then holds other sets' needles too, which its lookups never ask for. Sets that read other texts
    (the evidence lexicon reads blocks, not pages) keep a group of their own: they would only be
    handed more needles to skip.
    """

    def __init__(self) -> None:
        # as written, in lower case; in the order the rules added them (dicts, not sets: the same rules give the same
        # order in every process, which a stored automaton is found by, see NeedleIndex)
        self.sides: tuple[dict, dict] = ({}, {})
        self.indexes: tuple[NeedleIndex, NeedleIndex] | None = None
        self.version = 0

    def add(self, exact, folded) -> None:
        new_exact = [n for n in exact if n not in self.sides[0]]
        new_folded = [n for n in folded if n not in self.sides[1]]
        if new_exact or new_folded:
            self.sides[0].update(dict.fromkeys(new_exact))
            self.sides[1].update(dict.fromkeys(new_folded))
            self.indexes = None
            self.version += 1

    def find(self, haystack: "Haystack") -> tuple[dict, dict | None]:
        if haystack.found is not None and haystack.found[0] is self and haystack.found[1] == self.version:
            return haystack.found[2]
        if self.indexes is None:
            self.indexes = (NeedleIndex(self.sides[0]), NeedleIndex(self.sides[1]))
        exact, folded = self.indexes
        found = (exact.find_all(haystack.exact), folded.find_all(haystack.folded) if haystack.folded is not None else None)
        haystack.found = (self, self.version, found)
        return found


def _rules_out(prefilter: Prefilter | None, found) -> bool:
    """Do the needles ``found`` in a text (``PatternSet.needles``) show that the prefilter's pattern cannot match it?"""
    if prefilter is None:
        return False
    hits = found[prefilter.ignore_case]
    return hits is not None and not prefilter.may_match_found(hits)


#: the group of the sets that read whole pages (the phrase rules')
PAGE_NEEDLES = NeedleGroup()


class PatternSet:
    """Patterns searched in the same texts: the strings their prefilters need are found in one pass
    per text (``needles``, shared by all sets), then each pattern is tried only where it may match
    (``finditer``)."""

    def __init__(self, patterns=(), needle_group: NeedleGroup | None = None) -> None:
        self._prefilters: dict[int, Prefilter | None] = {}
        self._patterns: list = []
        self._group = needle_group if needle_group is not None else PAGE_NEEDLES
        self._registered = False
        self._by_needle: tuple[dict, dict, frozenset, dict] | None = None
        #: id of a list of patterns ``not_ruled_out`` was given -> ``_index_list`` of it
        self._listed: dict[int, tuple] = {}
        for pattern in patterns:
            self.add(pattern)

    def add(self, pattern) -> None:
        if pattern is not None and id(pattern) not in self._prefilters:
            self._patterns.append(pattern)  # kept alive, so that its id is not reused
            self._prefilters[id(pattern)] = Prefilter.of(pattern)
            self._registered = False
            self._by_needle = None

    def not_ruled_out(self, patterns, found) -> list:
        """The patterns, in their order, that ``found`` (``needles``) does not rule out: those ``skips`` keeps.

        A rule has hundreds of patterns and a page has the needles of a few: the patterns are looked up
        from the needles the page has (each pattern under the needles one of which it needs), and only
        those are checked, rather than each pattern being checked against the page.
        """
        if self._by_needle is None:
            by_needle: tuple[dict, dict] = ({}, {})
            anywhere = set()
            # a pattern looked up under a needle found meets its first set: only the others are left to check
            further: dict[int, tuple] = {}
            for key, prefilter in self._prefilters.items():
                if prefilter is None or prefilter._needed is None:
                    anywhere.add(key)
                    continue
                side = by_needle[prefilter.ignore_case]
                for needle in prefilter._needed[0]:
                    side.setdefault(needle, []).append(key)
                if len(prefilter._needed) > 1:
                    further[key] = (prefilter.ignore_case, prefilter._needed[1:])
            self._by_needle = (*by_needle, frozenset(anywhere), further)
        exact, folded, anywhere, further = self._by_needle
        alive = set(anywhere)
        for side, hits in ((exact, found[0]), (folded, found[1])):
            if hits is None:  # a side that could not be searched rules nothing out
                for keys in side.values():
                    alive.update(keys)
            else:  # (the needles found hold other sets' needles too: the two key sets are intersected in C)
                for needle in side.keys() & hits.keys():
                    alive.update(side[needle])
        # the patterns kept are looked up from the few alive, not each of the list's patterns tested (a page asks
        # for a rule's list of patterns twice, and a pass over every list of every rule cost 2% of a run)
        listed = self._listed.get(id(patterns))
        if listed is None or listed[0] is not patterns:
            listed = self._listed[id(patterns)] = self._index_list(patterns)
        _, position, outsiders = listed
        kept = list(outsiders)
        for key in [k for k in alive if k in position]:  # (alive is the smaller: ``intersection`` walks a dict)
            more = further.get(key)
            if more is not None:
                hits = found[more[0]]
                if hits is not None and not all(_meets(needed, hits) for needed in more[1]):
                    continue
            kept.extend(position[key])
        kept.sort()
        return [patterns[i] for i in kept]

    def _index_list(self, patterns) -> tuple:
        """(the list, the indexes of each of the set's patterns in it by the pattern's id, the indexes of the patterns
        not in the set, which ``skips`` and ``finditer`` add) for ``not_ruled_out``; the list must not change."""
        position: dict[int, list[int]] = {}
        outsiders = []
        for i, pattern in enumerate(patterns):
            if pattern is None:
                continue
            if id(pattern) in self._prefilters:
                position.setdefault(id(pattern), []).append(i)
            else:
                outsiders.append(i)
        return patterns, position, tuple(outsiders)

    def alive_in(self, text: str, patterns) -> frozenset:
        """The ids of the patterns (the set's, in a list that must not change) that may match in ``text``: a kind that
        tries many patterns on each part of a block asks once per block which are worth trying."""
        return frozenset(map(id, self.not_ruled_out(patterns, self.needles(Haystack.of(text)))))

    def prefilter(self, pattern) -> Prefilter | None:
        if id(pattern) not in self._prefilters:
            self.add(pattern)
        return self._prefilters[id(pattern)]

    def register(self) -> None:
        """Add the set's needles to its group. A group's automaton is made at its first search, and again after
        every set that joins later: the sets that read the same texts register when their rules are set up, so that
        it is made once (the phrase rules, registering at their first page one after another, made it five times
        over, growing to 30,000 needles: half of the first page's time)."""
        if not self._registered:
            exact, folded = {}, {}
            for prefilter in self._prefilters.values():
                if prefilter is not None:
                    (folded if prefilter.ignore_case else exact).update(dict.fromkeys(prefilter.needles))
            self._group.add(exact, folded)
            self._registered = True

    def needles(self, haystack: Haystack) -> tuple[dict, dict | None]:
        """The needles of every pattern in the haystack (with other sets' needles): (as written, in lower case or
        None)."""
        self.register()
        return self._group.find(haystack)

    def _known(self, pattern) -> bool:
        """Is the pattern one of the set's? A pattern added after ``needles`` ran has no needles in
        ``found``: it is added, and tried everywhere this time."""
        if id(pattern) in self._prefilters:
            return True
        self.add(pattern)
        return False

    def skips(self, pattern, found) -> bool:
        """True when ``pattern`` cannot match the text whose ``needles`` are ``found``."""
        return self._known(pattern) and _rules_out(self._prefilters[id(pattern)], found)

    def starts(self, pattern, haystack: Haystack, found) -> list[int] | None:
        """Where in ``haystack.text`` a match may start, in order; None for anywhere."""
        if not self._known(pattern):
            return None
        prefilter = self._prefilters[id(pattern)]
        if prefilter is None:
            return None
        return prefilter.starts_found(pattern, haystack, found[prefilter.ignore_case])

    def finditer(self, pattern, haystack: Haystack, found):
        """``pattern.finditer(haystack.text)`` where ``found`` is ``needles(haystack)``."""
        if not self._known(pattern):
            return finditer(pattern, haystack.text)
        if self.skips(pattern, found):
            return iter(())
        prefilter = self._prefilters[id(pattern)]
        if prefilter is None:
            return finditer(pattern, haystack.text)
        return prefilter.finditer_found(pattern, haystack, found[prefilter.ignore_case])


def _ascii_head(string: str) -> str:
    """The string up to its first character outside ASCII that has a case (a caseless one, such as
    "’" or "£", matches only itself when case is ignored, and lower case leaves it as it is)."""
    if string.isascii():
        return string
    for i, ch in enumerate(string):
        if not ch.isascii() and not (ch.lower() == ch == ch.upper() and ch.casefold() == ch):
            return string[:i]
    return string


def _collapse(string: str) -> str:
    """A needle as the haystack shows it: each run of spaces and hyphens one space."""
    return _GAP_RUN.sub(" ", string)


@functools.lru_cache(maxsize=16)
def _parsed(pattern: str, flags: int) -> list:
    """The standard parser's reading of a pattern, shared by the analyses of it that run one after another (its prefixes,
    the strings it needs, its branches): each reads it and none changes it."""
    from re import _parser

    return list(_parser.parse(pattern, flags))


#: each element's starts (by the element's identity) while one parsed pattern is read: a group's body is read again by
#: each analysis of the groups around it (``_factors`` of a branch reads its alternatives' starts, then those of each
#: alternative's parts); reading it once saves a tenth of the pattern facts' time at a first start
_starts_memo: dict | None = None


def _memo_starts(read):
    """``read`` (an analysis of one parsed pattern) with element starts remembered while it runs."""

    def reading(*args):
        global _starts_memo
        outer, _starts_memo = _starts_memo, {}
        try:
            return read(*args)
        finally:
            _starts_memo = outer
    reading.__wrapped__ = read
    reading.__doc__ = read.__doc__
    return reading


# (asked again of the same branch: ``_branch_prefixes`` asks ``_distributed`` whether a branch has prefixes, then asks
# for them)
@functools.lru_cache(maxsize=256)
@_memo_starts
def _prefixes(pattern: str, flags: int) -> tuple[str, ...] | None:
    try:
        from re import _constants as c

        parsed = _parsed(pattern, flags)
        if _unread_case(parsed, flags, c):
            return None
        found = _sequence_starts(parsed, c)
    except Exception:  # noqa: BLE001 - a pattern the standard parser does not read
        return None
    if not found:
        return None
    prefixes = {_collapse(s) for s, _whole in found}
    if flags & re.IGNORECASE:
        # outside ASCII, case folding is not lower case (the long s matches "s"): a prefix is cut
        # before its first other character ("the crème" is looked for as "the cr")
        prefixes = {_ascii_head(p).lower() for p in prefixes}
    # a match may start nearly anywhere, or in a run of spaces; a digit alone is a start (prose has few numbers),
    # and a string with a digit of another script would not be found in the haystack, which holds ASCII digits
    if any(len(p) < 2 and p not in _DIGIT_SET or p[0] == " " or _OTHER_DIGIT.search(p) for p in prefixes):
        return None
    return _shortest(prefixes)


def _inline_ignorecase(pattern: str, flags: int) -> bool:
    """Does the pattern have a part that ignores case, ``(?i:...)``? (False for one the standard parser does not read.)"""
    try:
        from re import _constants as c

        return _unread_case(_parsed(pattern, flags), 0, c)
    except Exception:  # noqa: BLE001
        return False


def _unread_case(seq: list, flags: int, c) -> bool:
    """True when a pattern read as heeding case (``flags`` without IGNORECASE) has a part that ignores it: its
    strings as written are not all a match can hold ("(?i:nhs)" matches "NHS"), so it gives none."""
    if flags & re.IGNORECASE:
        return False
    for op, av in seq:
        if op is c.SUBPATTERN:
            if av[1] & re.IGNORECASE or _unread_case(list(av[3]), flags, c):
                return True
        elif op is c.BRANCH:
            if any(_unread_case(list(branch), flags, c) for branch in av[1]):
                return True
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            if _unread_case(list(av[2]), flags, c):
                return True
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if _unread_case(list(av[1]), flags, c):
                return True
    return False


def _shortest(prefixes) -> tuple[str, ...]:
    """The prefixes less those that start with another: a match found by the longer one is found by the shorter."""
    minimal: set[str] = set()
    for p in sorted(prefixes, key=len):
        # (its own starts looked up: a walk of the kept ones for each was quadratic in a long alternation)
        if not any(p[:i] in minimal for i in range(1, len(p) + 1)):
            minimal.add(p)
    return tuple(sorted(minimal))


def _limit(found: set) -> set | None:
    """At most _MAX_PREFIXES strings of at most _PREFIX_LENGTH characters: a longer string is cut (and
    no longer whole); too many are cut shorter until few enough remain."""
    if any(len(s) > _PREFIX_LENGTH for s, _ in found):
        found = {(s[:_PREFIX_LENGTH], whole and len(s) <= _PREFIX_LENGTH) for s, whole in found}
    length = _PREFIX_LENGTH
    while len(found) > _MAX_PREFIXES and length > 2:
        length -= 1
        found = {(s[:length], whole and len(s) <= length) for s, whole in found}
    return found if len(found) <= _MAX_PREFIXES else None


def _sequence_starts(seq: list, c) -> set | None:
    """(string, whole) for every way a match of ``seq`` may start; ``whole`` when the string is all
    of that match, so what follows the sequence may extend it. None when a match may start with
    almost anything."""
    found = {("", True)}
    k, end = 0, len(seq)
    while k < end:
        growing = {s for s, whole in found if whole}
        if not growing:
            break
        done = {(s, False) for s, whole in found if not whole}
        op, av = seq[k]
        if op is c.LITERAL:
            # a run of letters is added at once: one at a time, the sets were made anew for each letter of every word
            # of a phrase list (cutting a string at _PREFIX_LENGTH once it is longer ends as cutting it letter by letter)
            k, run = _literal_run(seq, k, c)
            found = _limit({(_joined(s, run), True) for s in growing} | done)
            continue
        k += 1
        element = _element_starts(op, av, c)
        stopped = done | {(s, False) for s in growing}
        if element is None:
            found = stopped
        else:
            found = _cut_or_stopped({(_squeeze(s + e), whole) for s in growing for e, whole in element} | done, stopped)
        if found is None:
            return None
    return found


def _literal_run(seq: list, k: int, c) -> tuple[int, str]:
    """(the index after the run of literals from ``k``, the run's text as the haystack shows it: each gap character a
    space, and a run of them one space, as adding them one by one with ``_squeeze`` gives)."""
    chars = []
    end = len(seq)
    while k < end and seq[k][0] is c.LITERAL:
        ch = chr(seq[k][1])
        if _GAP_RUN.fullmatch(ch):
            if chars and chars[-1] == " ":
                k += 1
                continue
            ch = " "
        chars.append(ch)
        k += 1
    return k, "".join(chars)


def _joined(start: str, run: str) -> str:
    """``start`` with ``run`` after it, one space where both have one at the joint."""
    return start + run[1:] if run[:1] == " " and start[-1:] == " " else start + run


def _suffix_starts(seq: list, c) -> list[set | None]:
    """``_sequence_starts(seq[k:])`` for each k, worked out from the end in one pass (each element read once, not
    once for each suffix it is in). A string that would need cutting short for too many ways on stops before
    the element instead, as ``_sequence_starts`` decides."""
    out: list[set | None] = [None] * (len(seq) + 1)
    out[len(seq)] = {("", True)}
    for k in range(len(seq) - 1, -1, -1):
        element = _element_starts(*seq[k], c)
        rest = out[k + 1]
        if element is None:
            continue  # out[k] stays None: a match may start with almost anything
        stopped = {(e, False) for e, _ in element}
        if rest is None:
            out[k] = _limit(stopped)
            continue
        if len(element) * len(rest) > 4 * _MAX_PREFIXES:
            out[k] = _limit(stopped)  # far too many ways on (a long word list before another): stop before them
            continue
        found = {(_squeeze(e + r), whole) for e, grows in element if grows for r, whole in rest} | {
            (e, False) for e, grows in element if not grows}
        out[k] = _cut_or_stopped(found, _limit(stopped))
    return out


def _cut_or_stopped(found: set, stopped: set | None) -> set | None:
    """``found`` within the limits, or, when it holds too many ways on, ``stopped`` (the strings before the element
    that gave them, no longer whole) where none of those is shorter than the cut ones and some are longer: cutting
    every string short ("R 5", "INR 5" and "₹5" of a price pattern all cut to two characters, "r " and "in", found
    at every other word) loses more than stopping before the element."""
    cut = _limit(found)
    if len(found) <= _MAX_PREFIXES or not stopped:
        return cut
    lengths = [len(s) for s, _ in stopped]
    if cut is None or min(lengths) >= max(len(s) for s, _ in cut) < max(lengths):
        return stopped
    return cut


def _squeeze(string: str) -> str:
    return string.replace("  ", " ") if "  " in string else string


def _gap_class(items, c) -> set[str] | None:
    r"""The characters a class ([-\s], [£$€], \s, \d, [0-9]) may match, a gap character as a space and
    every digit as an ASCII one (see ``Haystack``); None for a class with another range or category, or a
    negation."""
    out = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(" " if _GAP_RUN.fullmatch(chr(av)) else chr(av))
        elif op is c.CATEGORY and av is c.CATEGORY_SPACE:
            out.add(" ")
        elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
            out.update(_DIGITS)
        elif op is c.RANGE and ord("0") <= av[0] <= av[1] <= ord("9"):
            out.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            return None
    return out if len(out) <= 12 else None


def _element_starts(op, av, c) -> set | None:
    """As _sequence_starts, for one element of a parsed pattern. (What it gives is shared: never changed.)"""
    memo = _starts_memo
    if memo is None:
        return _read_element_starts(op, av, c)
    key = (op, id(av))
    if key not in memo:
        memo[key] = (_read_element_starts(op, av, c), av)  # (the element kept alive, so its id is not reused)
    return memo[key][0]


def _read_element_starts(op, av, c) -> set | None:
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width
        return {("", True)}
    if op is c.LITERAL:
        ch = chr(av)
        return {(" " if _GAP_RUN.fullmatch(ch) else ch, True)}
    if op is c.IN:
        chars = _gap_class(av, c)
        return None if chars is None else {(ch, True) for ch in chars}
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        # (?-i:...) inside a pattern that ignores case: its prefixes in lower case are still found on the
        # lower-case side (the match is checked as written); so are those of (?i:...), read only in a pattern
        # read as ignoring case (``_unread_case``); any other flag may change what matches
        if (add_flags | del_flags) & ~re.IGNORECASE:
            return None
        return _sequence_starts(list(body), c)
    if op is c.BRANCH:
        out = set()
        for branch in av[1]:
            starts = _sequence_starts(list(branch), c)
            if starts is None:
                return None
            out |= starts
        return _limit(out)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        low, high, body = av
        body = list(body)
        starts = _sequence_starts(body, c)
        if starts is None:
            return None if low else {("", True), ("", False)}
        if all(s == " " and whole for s, whole in starts):  # a run of spaces and hyphens reads as one space
            return {(" ", True)} | ({("", True)} if low == 0 else set())
        if not (low == high == 1):
            starts = {(s, whole and high == 1) for s, whole in starts}
        return starts | ({("", True)} if low == 0 else set())
    return None


def _factors(seq: list, c) -> set[str] | None:
    """Strings one of which occurs in every match of ``seq`` (the longest such set found), or None.

    "\\bthe\\s+safest\\s+..." gives {"safest"}: a page without that word cannot match, whatever
    its prefixes ("the" is on every page). Runs of literals are joined; a group, a branch whose
    every alternative has factors, or a repeat of at least one contributes its own; anything
    else (a class, a look-around, an optional part) contributes nothing, never a wrong answer.
    """
    best: set[str] | None = None
    best_score = (0, 0)

    def consider(candidate: set[str] | None) -> None:
        nonlocal best, best_score
        if not candidate or len(candidate) > _MAX_PREFIXES or any(s.strip().lower() in _EVERY_PAGE for s in candidate):
            return
        score = (min(map(_factor_weight, candidate)), -len(candidate))
        if score[0] >= 3 and score > best_score:
            best, best_score = candidate, score

    # (what each part of the sequence from a group, branch, repeat or class on starts with: a sequence of letters,
    # such as each word of a long alternation, needs none of it)
    first = next((k for k, (op, av) in enumerate(seq)
                  if op not in (c.LITERAL, c.AT, c.ASSERT, c.ASSERT_NOT) and not _is_gap(op, av, c)), None)
    suffix_starts = [None] * first + _suffix_starts(seq[first:], c) if first is not None else []
    run = ""
    for k, (op, av) in enumerate(seq):
        if op is c.LITERAL:
            run += chr(av)
            continue
        if _is_gap(op, av, c):
            # a run of spaces reads as one space in the haystack: "\s+ever\s+" needs " ever ", the word, where
            # "ever" is found in "however", "every" and "fever" on nearly every page
            run += " "
            continue
        consider({_collapse(run)} if run else None)
        run = ""
        if op not in (c.AT, c.ASSERT, c.ASSERT_NOT):
            # what the rest of the sequence from here starts with, which every match holds too: "['’]s\s+(?:most|best)"
            # needs "'s most", "'s best", "’s most" or "’s best", where neither "'s" nor "best" alone would rule out a page
            starts = suffix_starts[k]
            if starts and all(s for s, _ in starts):
                consider({_collapse(s) for s, _ in starts})
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            consider(None if (add_flags | del_flags) & ~re.IGNORECASE else _factors(list(body), c))
        elif op is c.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                found = _factors(list(branch), c)
                if found is None:
                    union = set()
                    break
                union |= found
            consider(union)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            low, _high, body = av
            if low >= 1:
                consider(_factors(list(body), c))
    consider({_collapse(run)} if run else None)
    return best


def _is_gap(op, av, c) -> bool:
    r"""Is the element one gap character, or a run of at least one (``\s``, ``[-\s]+``)?"""
    if op is c.IN:
        return _gap_class(av, c) == {" "}
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)) and av[0] >= 1:
        body = list(av[2])
        return len(body) == 1 and _is_gap(*body[0], c)
    return False


def _factor_weight(string: str) -> int:
    """How well a string every match contains rules pages out: its length, and at least 3 for one with a digit
    (prose has few numbers: "no. 1" and "#1" are found by their "1" where "no" would be found everywhere)."""
    length = len(string.strip())  # (the spaces around a word make it the word, not a rarer one: " of " is "of")
    return max(length, 3) if _DIGIT_IN.search(string) else length


@_memo_starts
def _required(pattern: str, flags: int) -> tuple[str, ...] | None:
    try:
        from re import _constants as c

        parsed = _parsed(pattern, flags)
        if _unread_case(parsed, flags, c):
            return None
        found = _factors(parsed, c)
    except Exception:  # noqa: BLE001 - a pattern the standard parser does not read
        return None
    if not found:
        return None
    if flags & re.IGNORECASE:
        # any part of a required string is required: the part before a character outside ASCII
        found = {_ascii_head(p).lower() for p in found}
        if any(_factor_weight(p) < 3 for p in found):
            return None
    if any(_OTHER_DIGIT.search(p) for p in found):
        return None  # (the haystack holds ASCII digits only)
    return tuple(sorted(found))
