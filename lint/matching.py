"""Phrase lists and user patterns compiled into regular expressions.

Rule data gives plain phrases ("cutting-edge", "risk free"); each list becomes one
alternation with word boundaries, so a rule scans a block in one pass of the
regex engine. Phrases are escaped, so they cannot backtrack badly. Patterns that
users write as regular expressions run under a time limit (the ``regex``
module's ``timeout``), so a catastrophic pattern cannot hang a CI run.
"""

from __future__ import annotations

import regex

PATTERN_TIMEOUT = 0.5  # seconds for one pattern on one block


class PatternError(Exception):
    pass


def _phrase_source(phrase: str) -> str:
    parts = []
    for word in phrase.strip().split():
        # a space or a hyphen between words may be written either way ("risk free", "risk-free")
        parts.append(r"[-\s]*".join(regex.escape(piece) for piece in word.split("-")))
    return r"[-\s]+".join(parts)


def compile_phrases(phrases, case_sensitive: bool = False):
    """One regex for a list of phrases, longest first, on word boundaries."""
    phrases = sorted({p for p in phrases if p and p.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    body = "|".join(_phrase_source(p) for p in phrases)
    flags = regex.V0 if case_sensitive else regex.IGNORECASE
    return regex.compile(rf"(?<![\w-])(?:{body})(?![\w])", flags)


def compile_pattern(pattern: str, where: str, case_sensitive: bool = False):
    try:
        return regex.compile(pattern, 0 if case_sensitive else regex.IGNORECASE)
    except regex.error as exc:
        raise PatternError(f"{where}: invalid pattern {pattern!r}: {exc}") from None


def finditer(compiled, text: str):
    """Matches of a compiled pattern; a pattern that runs too long yields no more matches."""
    if compiled is None:
        return
    try:
        yield from compiled.finditer(text, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        return
