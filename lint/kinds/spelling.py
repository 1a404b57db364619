"""Spelling: words that are in no dictionary medlint knows, with the likely word first.

Dictionaries, all PyPI-only and permissively licensed: pyspellchecker's English
word frequencies (MIT), every name in the knowledge base, the medical word
lists in ``rules/spelling/vocabulary/*.txt`` and the site's ``accept`` list.
Capitalised words inside a sentence (names, brands), all-capital abbreviations,
words with digits, URLs and e-mail addresses are not checked.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import re
from functools import lru_cache
from pathlib import Path

from lint.kinds.base import Kind, match_case

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_WORD = re.compile(r"^[A-Za-z][a-z]+(?:'[a-z]+)?$")


@lru_cache(maxsize=1)
def general_frequencies() -> dict[str, int]:
    import spellchecker

    path = os.path.join(os.path.dirname(spellchecker.__file__), "resources", "en.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def read_word_list(path: Path) -> list[str]:
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return words


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + transposes + replaces + inserts)


def edit_cost(wrong: str, right: str) -> float:
    """Weighted Damerau-Levenshtein distance; the slips people make cost less.

    A doubled or undoubled letter ("additionaly"), a swapped pair and a vowel
    for a vowel are cheap; a change to the first letter is dear.
    """
    n, m = len(wrong), len(right)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = float(i)
    for j in range(1, m + 1):
        d[0][j] = float(j)
    vowels = set("aeiouy")
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            a, b = wrong[i - 1], right[j - 1]
            if a == b:
                sub = 0.0
            elif a in vowels and b in vowels:
                sub = 0.6
            else:
                sub = 1.0
            if i == 1 and j == 1 and a != b:
                sub += 0.5
            # deleting a letter that doubles its neighbour ("occurrance" -> "occurance" is not it, but
            # "additionaly" -> "additionally" inserts a second l)
            dele = 1.0 - (0.5 if i > 1 and wrong[i - 2] == a else 0.0)
            ins = 1.0 - (0.5 if j > 1 and right[j - 2] == b else 0.0)
            if j == m and i == n and a != b:
                ins += 0.0
            best = min(d[i - 1][j] + dele, d[i][j - 1] + ins, d[i - 1][j - 1] + sub)
            if i > 1 and j > 1 and a == right[j - 2] and wrong[i - 2] == b:
                best = min(best, d[i - 2][j - 2] + 0.6)
            d[i][j] = best
    # a change only at the very end (a dropped suffix letter) often makes another real word
    if right.startswith(wrong[:-1]) and len(right) < len(wrong):
        d[n][m] += 0.4
    return d[n][m]


class Spelling(Kind):
    name = "spelling"
    options = {
        "vocabulary": (list, lambda: ["vocabulary"]),
        "min_length": (int, 4),
        "max_suggestions": (int, 3),
    }

    def setup(self):
        self.freq = general_frequencies()
        extra: set[str] = set()
        base = self.rule.path.parent
        for name in self.opts["vocabulary"]:
            folder = base / name
            files = sorted(folder.glob("*.txt")) if folder.is_dir() else [folder]
            for f in files:
                if f.is_file():
                    extra.update(w.lower() for w in read_word_list(f))
        for _, _, phrase in self.kb.lexicon():
            extra.update(w.lower() for w in re.findall(r"[A-Za-z]+", phrase))
        extra.update(w.lower() for w in self.settings.accept)
        self.extra = extra
        self.reject = {w.lower() for w in self.settings.reject}

    def known(self, word: str) -> bool:
        w = word.lower()
        if w in self.reject:
            return False
        return w in self.freq or w in self.extra or (w.endswith("s") and (w[:-1] in self.extra))

    def candidates(self, word: str) -> list[str]:
        w = word.lower()
        first = {c for c in edits1(w) if self._valid(c)}
        pool = set(first)
        if len(w) >= 5:
            for e in list(edits1(w)):
                pool.update(c for c in edits1(e) if self._valid(c))
        scored = []
        for c in pool:
            freq = self.freq.get(c, 0) + (500 if c in self.extra else 0)
            cost = edit_cost(w, c)
            scored.append((cost - 0.15 * math.log10(freq + 1), c))
        scored.sort()
        return [c for _, c in scored[: self.opts["max_suggestions"]]]

    def _valid(self, w: str) -> bool:
        return (w in self.freq and self.freq[w] >= 5) or w in self.extra

    def check(self, page):
        min_len = self.opts["min_length"]
        for unit in self.units(page):
            for tok in unit.doc:
                text = tok.text
                if len(text) < min_len or not _WORD.match(text) or tok.like_url or tok.like_email:
                    continue
                if text[0].isupper() and not tok.is_sent_start and unit.block.scope not in ("title", "heading"):
                    continue  # a name or a brand
                if self.known(text):
                    continue
                if "-" in (tok.nbor(-1).text if tok.i else "") or (tok.i + 1 < len(unit.doc) and tok.nbor(1).text == "-"):
                    continue  # part of a hyphenated compound: judged as a whole elsewhere
                suggestions = tuple(match_case(c, text) for c in self.candidates(text))
                fix = suggestions[0] if self.rule.fix and len(suggestions) == 1 else None
                message = None if suggestions else "'{text}' is not in the dictionary; check the spelling, or add the word to 'accept' in the configuration."
                yield self.hit(unit, tok.idx, tok.idx + len(text), suggestions=suggestions, fix=fix, message=message)
