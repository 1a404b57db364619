"""Syllable counting for grade-level formulas, offline and without a dictionary.

English spelling is counted by rules (vowel groups, silent endings, vowel pairs
spoken as two syllables) and the words the rules get wrong are listed in data
(``rules/readability/syllables.yaml``). The rules are written with long medical
words in mind: "laminectomy" has five syllables, "pneumonia" four.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint.compiled import compile_re

_VOWEL_GROUP = compile_re(r"[aeiouy]+")
# a vowel pair read as two syllables ("bi-op-sy", "her-ni-a", "cal-ci-um", "vi-de-o")
_SPLIT_PAIRS = (
    # "io" is one syllable in -tion, -sion, -cion, -gion, -lion, -nion, -cious, -tious...
    compile_re(r"(?<![tscxghln])io|(?<=[ln])io(?![nu])|(?<=[tscxgh])io(?![nu])"),
    # "ia" is one syllable in -tial, -cial, -sia, -gia ("special", "anaesthesia", "neuralgia")
    compile_re(r"(?<![tscgx])ia"),
    compile_re(r"iu"),
    # "eo" as in "video", "osteoporosis", "pre-operative"; not "surgeon", "people", "-geous"
    compile_re(r"(?<![gc])eo(?!ple)"),
    # "ua" as in "usual", "gradual", "evaluate"; not "quality", "language"
    compile_re(r"(?<![qg])ua"),
    # "ie" before t or n: "diet", "anxiety", "ingredient"; not "patient", "efficient", "friend"
    compile_re(r"(?<![tcsfrv])ie(?=[nt])"),
    # final "-ea" after a consonant: "cornea", "trachea", "urea"
    compile_re(r"(?<=[^aeiou])ea$"),
    # "yi" in "lying", "dying", "applying"
    compile_re(r"yi"),
)
_SUFFIXES = (("fully", 2), ("ments", 1), ("ment", 1), ("ness", 1), ("less", 1), ("ful", 1), ("ly", 1))
_NUMBER_WORDS = {
    0: "zero", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
    9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen",
    16: "sixteen", 17: "seventeen", 18: "eighteen", 19: "nineteen", 20: "twenty", 30: "thirty", 40: "forty",
    50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety",
}


def number_in_words(n: int) -> str:
    """How a whole number is read aloud ("24" -> "twenty four"), for numbers below a million."""
    if n < 20:
        return _NUMBER_WORDS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _NUMBER_WORDS[tens * 10] + (f" {_NUMBER_WORDS[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_NUMBER_WORDS[hundreds]} hundred" + (f" and {number_in_words(rest)}" if rest else "")
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        return f"{number_in_words(thousands)} thousand" + (f" {number_in_words(rest)}" if rest else "")
    return "many"


class SyllableCounter:
    """Counts the syllables of one word; ``exceptions`` maps lower-case words to their count."""

    def __init__(self, exceptions: dict[str, int] | None = None):
        self.exceptions = {k.lower(): int(v) for k, v in (exceptions or {}).items()}
        self.count = lru_cache(maxsize=65536)(self._count)

    def _count(self, word: str) -> int:
        w = word.lower().strip("'’.")
        if not w:
            return 0
        if w.isdecimal() and w.isascii():
            return sum(self.count(part) for part in number_in_words(int(w)).split()) if len(w) <= 6 else len(w)
        if w in self.exceptions:
            return self.exceptions[w]
        if "-" in w or "/" in w:
            return sum(self.count(part) for part in re.split(r"[-/]", w) if part)
        for suffix in ("'s", "’s"):
            if w.endswith(suffix):
                return self.count(w[: -len(suffix)])
        if w.endswith("s") and w[:-1] in self.exceptions and not w.endswith("ss"):
            return self.exceptions[w[:-1]] + (1 if w.endswith(("ses", "xes", "zes", "ches", "shes")) else 0)
        for suffix, n in _SUFFIXES:
            stem = w[: -len(suffix)]
            if w.endswith(suffix) and len(stem) >= 3 and _VOWEL_GROUP.search(stem):
                return self.count(stem) + n
        return _by_rules(w)


def _by_rules(w: str) -> int:
    letters = re.sub(r"[^a-z]", "", w)
    if not letters:
        return 0
    # "y" is a consonant before a vowel at the start or between vowels ("you", "beyond", "layer")
    body = re.sub(r"^y(?=[aeiou])", "j", letters)
    body = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "j", body)
    # "qu" and "gu" before a vowel: the u is part of the consonant ("quality", "guide")
    body = re.sub(r"(?<=[q])u", "w", body)
    count = len(_VOWEL_GROUP.findall(body))
    for pattern in _SPLIT_PAIRS:
        count += len(pattern.findall(body))
    # silent final e ("make", "tube"), but not in "-le" after a consonant ("able", "single")
    if len(body) > 2 and body.endswith("e") and body[-2] not in "aeiouy" and not (
        body.endswith("le") and body[-3] not in "aeiouy"
    ):
        count -= 1
    # "-es" is silent after most consonants ("makes", "tubes") but not after s, x, z, ch, sh, ce, ge
    elif body.endswith("es") and len(body) > 3 and body[-3] not in "aeiouysxz" and not body.endswith(
        ("ches", "shes", "ces", "ges")
    ) and not (body[-3] == "l" and body[-4] not in "aeiouy"):
        count -= 1
    # "-ed" is silent except after t or d ("stopped", "removed"; but "needed", "treated")
    elif body.endswith("ed") and len(body) > 3 and body[-3] not in "tdaeiouy":
        count -= 1
    # "-ism" has a syllable of its own in "m" ("organism", "rheumatism")
    if body.endswith(("ism", "isms")):
        count += 1
    return max(1, count)
