"""What the kinds that check a term against the words that explain it share (TRM006's ``level-direction``, ANA007's
``root-parts``): how far an explanation reaches, where a clause ends, and the span a finding covers. (A module whose
name starts with "_" holds no kind: the kinds' loader skips it.)"""

from __future__ import annotations

import re

from lint.matching import compile_builtin

#: how many words of the text beside a term are read as its explanation
REACH_WORDS = 10
#: where a clause ends, looking back from a term or forward from it
CLAUSE_END = compile_builtin(r"[.;:!?()\[\]]")


def phrases(words) -> str:
    """One alternation of the words, longest first, each a whole word or phrase (a space matches any spaces)."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def clause_end(text: str, start: int, ends=CLAUSE_END) -> int:
    """Where the explanation starting at ``start`` ends: at the clause's end, or after ``REACH_WORDS`` words."""
    stop = ends.search(text, start)
    end = stop.start() if stop is not None else len(text)
    words = list(re.finditer(r"\S+", text[start:end]))
    return start + words[REACH_WORDS - 1].end() if len(words) > REACH_WORDS else end


def clause_start(text: str, end: int) -> int:
    """Where the explanation ending at ``end`` starts: at its clause's start, or ``REACH_WORDS`` words back."""
    start = end
    while start > 0 and not CLAUSE_END.match(text, start - 1):
        start -= 1
    words = list(re.finditer(r"\S+", text[start:end]))
    return start + words[-REACH_WORDS].start() if len(words) > REACH_WORDS else start


def span(text: str, term, word) -> tuple[int, int]:
    """From the term to the word that contradicts it, whichever comes first, with a bracket's close: "too high
    (hypoglycaemia)", "a nephrectomy (removal of the liver)"."""
    s, e = min(term.start(), word.start()), max(term.end(), word.end())
    if "(" in text[s:e] and ")" not in text[s:e] and text[e:e + 1] == ")":
        e += 1
    return s, e
