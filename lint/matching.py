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

import re

import regex

from lint.compiled import compile_re, derived

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
        return regex.compile(pattern, flags)


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
    if isinstance(compiled, re.Pattern):  # our own pattern: no time limit needed
        return compiled.finditer(text, pos, endpos)
    return _finditer_timed(compiled, text, pos, endpos)


def _finditer_timed(compiled, text: str, pos: int, endpos: int):
    try:
        yield from compiled.finditer(text, pos, endpos, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        return


# -- skipping a text a pattern cannot match ------------------------------------------------------
_MAX_PREFIXES = 64
_PREFIX_LENGTH = 12
# the characters that match an ASCII letter when case is ignored but do not lower to it
# (dotted and dotless capital/small I, the long s); found by trying every code point
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f")


class Prefilter:
    """Strings one of which every match of a pattern starts with.

    ``\\b(?:spaces|slots)\\s+(?:left|remaining)`` gives "spaces" and "slots": a text that holds
    neither has no match, and a substring test costs a fraction of a scan. (The engine cannot
    skip ahead on its own when a pattern starts with ``\\b`` or a look-behind, as most of our
    patterns do.) The prefixes are read from the standard library's parse of the pattern;
    anything unexpected gives no prefilter, never a wrong answer.
    """

    __slots__ = ("prefixes", "ignore_case", "factors")

    def __init__(self, prefixes: tuple[str, ...], ignore_case: bool, factors: tuple[str, ...] = ()):
        self.prefixes = prefixes
        self.ignore_case = ignore_case
        # strings one of which every match contains (anywhere): a page without any is skipped whole
        self.factors = factors

    @classmethod
    def of(cls, compiled) -> "Prefilter | None":
        if compiled is None:
            return None
        flags = int(compiled.flags) & (re.IGNORECASE | re.VERBOSE | re.DOTALL)
        prefixes = derived("prefixes", compiled.pattern, flags, lambda: _prefixes(compiled.pattern, flags))
        factors = derived("factors", compiled.pattern, flags, lambda: _required(compiled.pattern, flags))
        if not prefixes and not factors:
            return None
        return cls(prefixes or (), bool(flags & re.IGNORECASE), factors or ())

    def finditer(self, compiled, text: str, lowered: str):
        """``compiled.finditer(text)``, tried only where one of the prefixes occurs.

        A scan tries the pattern at every character; most of our patterns open with a
        word boundary or a look-behind, so the engine cannot jump ahead to a likely start
        and a page costs as many attempts as it has characters. Every match starts with
        one of the prefixes, so finding them with ``str.find`` (a fast substring search)
        and matching only there gives the same matches in the same order for a fraction
        of the work. ``match(text, pos)`` sees the text before ``pos``, so ``\\b`` and
        look-behinds behave as in a scan; prefixes are at least two characters long, so no
        match is empty. Where lower case would not line up with the text, or a character
        case-folds to an ASCII letter without lowering to it, the plain scan is used.
        """
        if not isinstance(compiled, re.Pattern) or not self.prefixes:
            yield from finditer(compiled, text)
            return
        haystack = text
        if self.ignore_case:
            haystack = lowered
            if not text.isascii() and (len(lowered) != len(text) or any(c in text for c in _FOLDS_TO_ASCII)):
                yield from compiled.finditer(text)
                return
        starts = set()
        for prefix in self.prefixes:
            at = haystack.find(prefix)
            while at >= 0:
                starts.add(at)
                at = haystack.find(prefix, at + 1)
        end = 0
        match = compiled.match
        for at in sorted(starts):
            if at < end:
                continue
            m = match(text, at)
            if m is not None:
                end = m.end()
                yield m

    def may_match(self, text: str, lowered: str) -> bool:
        """False when the pattern cannot match ``text``; ``lowered`` is ``text.lower()``.

        Case folding and lower case differ outside ASCII (the Kelvin sign matches "k"), so
        such a text is never skipped by a pattern that ignores case.
        """
        needles = self.factors or self.prefixes
        if self.ignore_case:
            return any(p in lowered for p in needles) or not lowered.isascii()
        return any(p in text for p in needles)


def _prefixes(pattern: str, flags: int) -> tuple[str, ...] | None:
    try:
        from re import _constants as c
        from re import _parser

        found = _starts(list(_parser.parse(pattern, flags)), 0, c)
    except Exception:  # noqa: BLE001 - a pattern the standard parser does not read
        return None
    if not found or any(len(p) < 2 for p in found):
        return None  # a match may start anywhere, or the test would not skip much
    if flags & re.IGNORECASE and not all(p.isascii() for p in found):
        return None  # outside ASCII, case folding is not lower case (the long s matches "s")
    return tuple(sorted({p.lower() for p in found} if flags & re.IGNORECASE else found))


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
        if not candidate or len(candidate) > _MAX_PREFIXES:
            return
        score = (min(len(s) for s in candidate), -len(candidate))
        if score[0] >= 3 and score > best_score:
            best, best_score = candidate, score

    run = ""
    for op, av in seq:
        if op is c.LITERAL:
            run += chr(av)
            continue
        consider({run} if run else None)
        run = ""
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            consider(None if add_flags or del_flags else _factors(list(body), c))
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
    consider({run} if run else None)
    return best


def _required(pattern: str, flags: int) -> tuple[str, ...] | None:
    try:
        from re import _constants as c
        from re import _parser

        found = _factors(list(_parser.parse(pattern, flags)), c)
    except Exception:  # noqa: BLE001 - a pattern the standard parser does not read
        return None
    if not found:
        return None
    if flags & re.IGNORECASE:
        if not all(p.isascii() for p in found):
            return None
        found = {p.lower() for p in found}
    return tuple(sorted(found))


def _cap(strings: set[str]) -> set[str] | None:
    strings = {s[:_PREFIX_LENGTH] for s in strings}
    return strings if len(strings) <= _MAX_PREFIXES else None


def _starts(seq: list, i: int, c) -> set[str] | None:
    """The literal starts of every match of seq[i:] ("" when it may match the empty string);
    None when a match may start with any character."""
    if i == len(seq):
        return {""}
    op, av = seq[i]
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the match starts after it
        return _starts(seq, i + 1, c)
    if op is c.LITERAL:
        rest = _starts(seq, i + 1, c) or {""}
        return _cap({chr(av) + r for r in rest})
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if add_flags or del_flags:
            return None
        first = _starts(list(body), 0, c)
    elif op is c.BRANCH:
        first = set()
        for branch in av[1]:
            starts = _starts(list(branch), 0, c)
            if starts is None:
                return None
            first |= starts
    elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        low, _high, body = av
        first = _starts(list(body), 0, c)
        if first is not None and low == 0:
            first = first | {""}
    else:
        return None
    if first is None:
        return None
    if "" in first:  # the element may match nothing: what follows may start the match
        rest = _starts(seq, i + 1, c)
        if rest is None:
            return None
        first = (first - {""}) | rest
    return _cap(first)
