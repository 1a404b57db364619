"""Spelling: words that are in no dictionary medlint knows, with the likely word first.

Dictionaries, all PyPI-only and permissively licensed: pyspellchecker's English
word frequencies (MIT), every name in the knowledge base, the medical word
lists in ``rules/spelling/vocabulary/*.txt``, the site's ``accept`` list and,
when the system has them, hunspell dictionaries (read, never required).

British and American spellings are both known: the rule's ``variants`` table
turns one into the other (``haematoma`` <-> ``hematoma``, ``randomised`` <->
``randomized``), so a word is known when its other-variety form is. With
``spelling = "uk"`` or ``"us"`` in the configuration, words of the other variety
are flagged with the chosen one suggested.

Not checked: capitalised words inside a sentence (names, brands), all-capital
abbreviations, words with digits, URLs and e-mail addresses, short words.

Everything heavy (the word lists, the index used for suggestions) is built once
per process, on first use, and shared by every rule and linter that asks for the
same files.
"""

from __future__ import annotations

import gzip
import json
import marshal
import math
import os
import re
import zlib
from collections.abc import Mapping
from functools import cached_property, lru_cache
from pathlib import Path

import regex

from lint.compiled import compile_re
from lint.kinds.base import Kind, match_case
from lint.yamlio import cached, load_yaml

_WORD = compile_re(r"^[A-Za-z][a-z]+(?:['\u2019]s)?$")
_VOWELS = frozenset("aeiouy")
_TRUE_VOWELS = frozenset("aeiou")  # "y" for "e" is not the vowel slip it looks like ("arthroscopy"/"arthroscope")
_HUNSPELL_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
_HUNSPELL_FILES = ("en_US.dic", "en_GB.dic", "en_med_glut.dic", "en-medical.dic")
# a hunspell flag that adds the usual suffixes (plural, -ed, -ing, -ly...)
_HUNSPELL_SUFFIXES = {"S": ("s",), "G": ("ing",), "D": ("ed", "d"), "Y": ("ly",), "M": ("'s",), "R": ("er", "r")}


# -- dictionaries (once per process) ---------------------------------------------------------

class WordFrequencies(Mapping):
    """A read-only word -> frequency table kept as marshalled buckets, each decoded on first use.

    A page looks up a few hundred distinct words; decoding all 160,000 entries at once was
    a twentieth of a one-page run's start. A word's bucket is chosen by CRC-32, which is
    the same in every process (``hash`` is not), so the buckets can be stored.
    """

    BUCKETS = 16384  # about ten words each: a look-up decodes little it does not need

    def __init__(self, buckets: list[bytes], size: int):
        self._raw = buckets
        self._decoded: list[dict | None] = [None] * len(buckets)
        self._size = size

    @classmethod
    def from_dict(cls, table: dict[str, int]) -> WordFrequencies:
        parts: list[dict] = [{} for _ in range(cls.BUCKETS)]
        for word, count in table.items():
            parts[zlib.crc32(word.encode("utf-8", "surrogatepass")) % cls.BUCKETS][word] = count
        return cls([marshal.dumps(part) for part in parts], len(table))

    def _bucket(self, word: str) -> dict:
        index = zlib.crc32(word.encode("utf-8", "surrogatepass")) % len(self._raw)
        part = self._decoded[index]
        if part is None:
            part = self._decoded[index] = marshal.loads(self._raw[index])
        return part

    def __getitem__(self, word):
        if not isinstance(word, str):
            raise KeyError(word)
        return self._bucket(word)[word]

    def __contains__(self, word) -> bool:
        return isinstance(word, str) and word in self._bucket(word)

    def get(self, word, default=None):
        return self._bucket(word).get(word, default) if isinstance(word, str) else default

    def _parts(self):
        # a bucket decoded only to be read through is not kept: a walk over the whole table (the spelling suggestions'
        # index is made from one) kept every bucket, some 14 MB in each process, for look-ups that ask for a few
        for index, part in enumerate(self._decoded):
            yield part if part is not None else marshal.loads(self._raw[index])

    def __iter__(self):
        for part in self._parts():
            yield from part

    def items(self):
        for part in self._parts():
            yield from part.items()

    def __len__(self) -> int:
        return self._size

    def __reduce__(self):  # pickled (in the data cache) as its buckets, still encoded
        return (WordFrequencies, (self._raw, self._size))


@lru_cache(maxsize=1)
def general_frequencies() -> WordFrequencies:
    """pyspellchecker's English word-frequency list (MIT licence).

    Decoding its gzipped JSON took a tenth of a second at every start; the table is kept
    in the data cache, keyed by the file's path, size and time.
    """
    import spellchecker

    path = os.path.join(os.path.dirname(spellchecker.__file__), "resources", "en.json.gz")

    def build():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return WordFrequencies.from_dict(json.load(fh))

    try:
        st = os.stat(path)
    except OSError:
        return build()
    return cached(f"word-frequencies-2\0{path}\0{st.st_size}\0{st.st_mtime_ns}".encode(), build)


def read_word_list(path: Path) -> list[str]:
    """One word a line; ``#`` starts a comment; several words on a line are all read."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.extend(line.split())
    return words


@lru_cache(maxsize=8)
def vocabulary_words(paths: tuple[str, ...]) -> frozenset[str]:
    words: set[str] = set()
    for name in paths:
        path = Path(name)
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        for f in files:
            if f.is_file():
                words.update(w.lower() for w in read_word_list(f))
    return frozenset(words)


@lru_cache(maxsize=1)
def hunspell_words() -> frozenset[str]:
    """Words of the system's hunspell dictionaries, if there are any (never required).

    Only the stems and the commonest suffix flags are used; the affix files are not read.
    """
    words: set[str] = set()
    for directory in _HUNSPELL_DIRS:
        for name in _HUNSPELL_FILES:
            path = Path(directory) / name
            if not path.is_file():
                continue
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
            except OSError:
                continue
            for line in lines:
                stem, _, flags = line.partition("/")
                stem = stem.strip().lower()
                if not stem.isalpha():
                    continue
                words.add(stem)
                for flag in flags.split()[0] if flags.split() else "":
                    for suffix in _HUNSPELL_SUFFIXES.get(flag, ()):
                        if suffix == "ing" and stem.endswith("e"):
                            words.add(stem[:-1] + suffix)
                        elif suffix in ("s",) and stem.endswith(("s", "x", "z", "ch", "sh")):
                            words.add(stem + "es")
                        elif suffix in ("s",) and stem.endswith("y") and stem[-2:-1] not in _VOWELS:
                            words.add(stem[:-1] + "ies")
                        else:
                            words.add(stem + suffix)
    return frozenset(words)


# -- British and American spelling ------------------------------------------------------------

class Variants:
    """Turns British spellings into American ones and back, by the rule's table.

    Each rule is a pair of fragments (``uk``, ``us``); ``^`` and ``$`` anchor a
    fragment to the start or end of the word. A rule with ``flag: true`` is
    specific enough to say that a word *is* of one variety (``-isation``,
    ``haem-``); the others only help recognise words (``-our`` alone would turn
    "doctor" into "doctour").
    """

    def __init__(self, table: list[dict], pairs: dict[str, str], exceptions: list[str]):
        self.rules = []
        for entry in table:
            uk, us = entry["uk"], entry["us"]
            uk_core, us_core = uk.strip("^$"), us.strip("^$")
            # "esoph" must not match inside "oesoph": a fragment that ends the other one
            # is not matched after the other one's extra letters
            us_guard = uk_core[: -len(us_core)] if uk_core.endswith(us_core) and uk_core != us_core else ""
            uk_guard = us_core[: -len(uk_core)] if us_core.endswith(uk_core) and uk_core != us_core else ""
            self.rules.append((_fragment(uk, uk_guard), _fragment(us, us_guard), uk_core, us_core,
                               bool(entry.get("flag"))))
        self.uk_to_us = {k.lower(): v.lower() for k, v in pairs.items()}
        self.us_to_uk = {v: k for k, v in self.uk_to_us.items()}
        self.exceptions = {w.lower() for w in exceptions}

    def _convert(self, word: str, to_us: bool, flagging_only: bool) -> set[str]:
        results = {word}
        table = self.uk_to_us if to_us else self.us_to_uk
        if word in table:
            results.add(table[word])
        for uk_re, us_re, uk, us, flag in self.rules:
            if flagging_only and not flag:
                continue
            pattern, replacement = (uk_re, us) if to_us else (us_re, uk)
            for w in list(results):
                new = pattern.sub(replacement, w)
                if new != w:
                    results.add(new)
        results.discard(word)
        return results

    def to_us(self, word: str, flagging_only: bool = False) -> set[str]:
        return self._convert(word, True, flagging_only)

    def to_uk(self, word: str, flagging_only: bool = False) -> set[str]:
        return self._convert(word, False, flagging_only)


def _fragment(fragment: str, not_after: str = ""):
    core = re.escape(fragment.strip("^$"))
    if not_after:
        core = f"(?<!{re.escape(not_after)})" + core
    if fragment.startswith("^"):
        core = "^" + core
    if fragment.endswith("$"):
        core += "$"
    return compile_re(core)


# -- edit distance -----------------------------------------------------------------------------

# Suggestions are sought only for words up to this long. The longest words of the
# dictionaries have 45 letters ("pneumonoultramicroscopicsilicovolcanoconiosis"; the
# medical vocabulary's longest has 25), and a suggestion is never more than three letters
# longer or shorter than the word, so nothing longer has one; and the search for one grows
# with the square of the word's length (a 5,000-letter run of letters took 1.5 GB).
MAX_SUGGESTED_LENGTH = 48

def edits1(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in letters]
    inserts = [a + c + b for a, b in splits for c in letters]
    return set(deletes + transposes + replaces + inserts)


def deletes(word: str, depth: int) -> set[str]:
    """The word with up to ``depth`` letters left out (the word itself included)."""
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


# keys next to each other on a QWERTY keyboard: a slip of the finger
_KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
_NEAR_KEYS = set()
for _r, _row in enumerate(_KEYBOARD):
    for _c, _ch in enumerate(_row):
        for _dr, _dc in ((0, -1), (0, 1), (-1, 0), (-1, 1), (1, 0), (1, -1)):
            _rr, _cc = _r + _dr, _c + _dc
            if 0 <= _rr < 3 and 0 <= _cc < len(_KEYBOARD[_rr]):
                _NEAR_KEYS.add((_ch, _KEYBOARD[_rr][_cc]))
# sounds written either way: c/k/s, f/ph...
_SOUND_ALIKE = {frozenset(p) for p in ("ck", "cs", "sz", "fv", "gj", "mn", "dt", "bp", "kq", "xz")}


def edit_cost(wrong: str, right: str) -> float:
    """Weighted Damerau-Levenshtein distance; the slips people make cost less.

    A doubled or undoubled letter ("additionaly", "neccessary"), a swapped pair
    ("recieve"), a vowel for a vowel ("seperate"), a silent "h" left out ("rythm") and a neighbouring key are
    cheap; a change to the first letter is dear, because people rarely get it wrong.
    """
    n, m = len(wrong), len(right)
    prev2: list[float] = []
    prev = [float(j) for j in range(m + 1)]
    for i in range(1, n + 1):
        cur = [float(i)] + [0.0] * m
        a = wrong[i - 1]
        for j in range(1, m + 1):
            b = right[j - 1]
            if a == b:
                sub = 0.0
            elif a in _TRUE_VOWELS and b in _TRUE_VOWELS:
                sub = 0.6
            elif frozenset((a, b)) in _SOUND_ALIKE or (a, b) in _NEAR_KEYS:
                sub = 0.8
            else:
                sub = 1.0
            if i == 1 and j == 1 and a != b:
                sub += 0.6
            # leaving out or adding one letter of a double is the commonest slip of all
            dele = 0.45 if (i > 1 and wrong[i - 2] == a) or (i < n and wrong[i] == a) else 1.0
            # (and the silent "h" of "wh", "rh" and "gh": "wether", "rythm")
            ins = 0.45 if (j > 1 and right[j - 2] == b) or (j < m and right[j] == b) else (
                0.5 if b == "h" and j > 1 and right[j - 2] in "wrg" else 0.8 if b in _VOWELS else 1.0)
            best = min(prev[j] + dele, cur[j - 1] + ins, prev[j - 1] + sub)
            if i > 1 and j > 1 and a == right[j - 2] and wrong[i - 2] == b:
                best = min(best, prev2[j - 2] + 0.55)
            cur[j] = best
        prev2, prev = prev, cur
    return prev[m]


# -- the suggestion index ------------------------------------------------------------------------

class SuggestionIndex:
    """The words suggestions are drawn from, with a way to find near spellings.

    A misspelling's deletions (up to two letters) are looked up among the dictionary
    words, and so are those deletions with one letter put back anywhere: that finds
    every word one slip away and most words two slips away, without trying every
    string. (An index of every word's one-letter deletions finds the same words, but
    building it cost a quarter of a second in every process, for the few unknown
    words a page has; trying the insertions costs a few milliseconds a word.)
    """

    def __init__(self, words: dict[str, float]):
        self.weights = words
        self.alphabet = "".join(sorted({ch for w in words for ch in w}))
        # every start of a word: an insertion is tried only where it can still begin a word
        self.starts = {w[:i] for w in words for i in range(len(w) + 1)}

    def near(self, word: str) -> set[str]:
        found = set()
        weights, alphabet, starts = self.weights, self.alphabet, self.starts
        for d in deletes(word, 2):
            if d in weights:
                found.add(d)
            for i in range(len(d) + 1):
                head = d[:i]
                if head not in starts:
                    break  # no word starts so, nor with anything longer
                tail = d[i:]
                for ch in alphabet:
                    grown = head + ch
                    if grown in starts and grown + tail in weights:
                        found.add(grown + tail)
        found.discard(word)
        return found

    @cached_property
    def _by_first_letter(self) -> dict[str, str]:
        """The words, one a line, in one text per first letter (for ``two_slips``)."""
        groups: dict[str, list[str]] = {}
        for w in self.weights:
            groups.setdefault(w[:1], []).append(w)
        return {first: "\n".join(sorted(words)) for first, words in groups.items()}

    def two_slips(self, word: str) -> set[str]:
        """Every word with the same first letter up to two edits away, however the edits fall: two letters left
        out ("haemorage"), or one changed and one left out ("definetly"), which ``near`` does not reach. A fuzzy
        regular expression over the words of that letter does this in C, in a few milliseconds; it is asked only
        for a word that nothing nearer matched."""
        text = self._by_first_letter.get(word[:1])
        if not text:
            return set()
        pattern = regex.compile(r"(?m)^(?:%s){e<=2:[a-z]}$" % regex.escape(word))
        return set(pattern.findall(text)) - {word}


@lru_cache(maxsize=4)
def suggestion_index(key: tuple) -> SuggestionIndex:
    """Built once per set of dictionaries, on the first unknown word."""
    vocab_paths, kb_words, accept, min_freq = key
    freq = general_frequencies()
    weights: dict[str, float] = {}
    for w, f in freq.items():
        if f >= min_freq and w.isalpha():
            weights[w] = math.log10(f)
    medical = vocabulary_words(vocab_paths) | kb_words | frozenset(accept)
    for w in medical:
        if w.isalpha():
            weights[w] = max(weights.get(w, 0.0), 4.0)
    return SuggestionIndex(weights)


# -- the kind --------------------------------------------------------------------------------------

class Spelling(Kind):
    """Flags words no dictionary knows, suggesting the likeliest word first."""

    name = "spelling"
    options = {
        "vocabulary": (list, lambda: ["vocabulary"]),
        "min_length": (int, 4),
        "max_suggestions": (int, 3),
        # general words rarer than this are suggested only when one slip away
        "suggest_min_frequency": (int, 1000),
        # a file of the tables below (a path from the rule's file), which the options add to
        "word_forms": (str, "word-forms.yaml"),
        # word-starts (prefixes, combining forms) that make new words from known ones
        "prefixes": (list, list),
        "variants": (list, list),
        "variant_pairs": (dict, dict),
        "variant_exceptions": (list, list),
        "use_hunspell": (bool, True),
        # misspellings that the general word list holds (it is drawn from web text) or that a prefix makes into a
        # word ("re" + "covary"): reported as any unknown word is
        "not_words": (list, list),
        # two words written as one ("waterskiing") are known when each is at least this common in the general list
        "compound_min_frequency": (int, 1000),
        # a prefix joined to a word rarer than this ("ab" + "cess") makes no word when a listed one is a slip away
        # ("abscess")
        "rare_part_frequency": (int, 100),
        # the dearest two slips (``edit_cost``) suggested for a word with nothing one slip away: "haemorage" (1.45),
        # "uretoscopy" (1.8); a real word the lists lack is seldom this near another ("sclerosant" is 1.6 from
        # "sclerosing", "lymphaticovenous" near none)
        "two_slip_max_cost": (float, 1.8),
        # how far (``edit_cost`` per letter of the word, and never less than ``two_slip_max_cost``) a word spelled
        # elsewhere on the page may be to be suggested: "hemilaminetomy" for the page's "hemilaminectomy" (1.0), not
        # "intensivist" for its "intensive" (2.6) or "folliculitis" for its "follicles" (3.6)
        "page_word_cost_per_letter": (float, 0.15),
        # which unknown words the rule reports: "misspelled" (a known word is near: the likely slip, suggested),
        # "unknown" (none is: a slip too far gone to guess, or a real word the lists lack), or "all"
        "report": (str, "all"),
    }

    def setup(self):
        base = self.rule.path.parent
        self.vocab_paths = tuple(str(base / name) for name in self.opts["vocabulary"])
        self.freq = general_frequencies()
        self.accept = frozenset(w.lower() for w in self.settings.accept)
        forms = self._word_forms()
        self.reject = frozenset(w.lower() for w in (*self.settings.reject, *forms["not_words"]))
        self.prefixes = tuple(sorted({p.lower() for p in forms["prefixes"]}, key=lambda w: (-len(w), w)))
        self.variants = Variants(forms["variants"], forms["variant_pairs"], forms["variant_exceptions"])
        self.variety = getattr(self.settings, "spelling", "any")
        self._known_cache: dict[str, bool] = {}
        # exact word forms that need no finding (known, and no other variety to prefer): most of a page
        self._fine: set[str] = set()
        self._extra: frozenset[str] | None = None
        if self.opts["report"] not in _REPORTS:
            raise self.error(f"option 'report' must be one of {', '.join(_REPORTS)}, not '{self.opts['report']}'")
        # rules of this kind that differ only in what they report (SPL001 the slips, SPL002 the words with nothing
        # near) read a page once between them
        self._scan_key = ("spelling", tuple(self.rule.scope),
                          repr(sorted((k, v) for k, v in self.opts.items() if k != "report")))

    def _word_forms(self) -> dict:
        """The word-forming tables: the ``word_forms`` file's, with the rule's own options added."""
        path = None
        data = {}
        if self.opts["word_forms"]:
            path = self.rule.path.parent / self.opts["word_forms"]
            if not path.is_file():
                raise self.error(f"option 'word_forms': no file {path}")
            data = load_yaml(path) or {}
            if not isinstance(data, dict) or set(data) - set(_WORD_FORM_KEYS):
                raise self.error(f"{path} must be a mapping of {', '.join(_WORD_FORM_KEYS)}")
        forms = {}
        for key, kind in _WORD_FORM_KEYS.items():
            value = data.get(key) or kind()
            if not isinstance(value, kind) or (kind is list and key != "variants"
                                              and not all(isinstance(v, str) for v in value)):
                raise self.error(f"{path}: '{key}' must be a {'mapping' if kind is dict else 'list of words'}")
            mine = self.opts[key]
            forms[key] = {**value, **mine} if kind is dict else [*value, *mine]
        return forms

    # -- dictionary look-ups ------------------------------------------------------------------
    @cached_property
    def kb_words(self) -> frozenset[str]:
        """The words of the knowledge base's names (needed only for a word the general list lacks)."""
        return self.kb.name_words()

    @property
    def extra(self) -> frozenset[str]:
        """Medical vocabulary, knowledge-base words, the site's words (and hunspell's, if any)."""
        if self._extra is None:
            words = vocabulary_words(self.vocab_paths) | self.kb_words | self.accept
            if self.opts["use_hunspell"]:
                words |= hunspell_words()
            self._extra = words
        return self._extra

    def _in_lists(self, w: str) -> bool:
        return w in self.freq or w in self.extra

    def _inflected(self, w: str, rare_roots: bool = True) -> bool:
        """A plural, possessive or common inflection of a listed word. A verb's "-ed" or "-ing" on a rarity of the
        general list (a name, a foreign word) only with ``rare_roots``, and only when no common word is one slip away:
        "plicated" and "enucleated" are surgeons' words, "handeling" is no "Handel" + "ing" but "handling" misspelled."""
        if self._in_lists(w):
            return True
        for suffix, stems in _INFLECTIONS:
            if w.endswith(suffix) and len(w) > len(suffix) + 2:
                root = w[: -len(suffix)]
                if suffix in ("ed", "ing") and _DOUBLING_ROOT.search(root) and self._in_lists(root + root[-1] + suffix):
                    continue  # "begining", "occured": the lists spell the word with its consonant doubled
                if suffix in ("ness", "less", "ly") and _Y_TO_I_ROOT.search(root):
                    stems = tuple(s for s in stems if s)  # "dizzyness", "itchyness": "dizziness", "itchiness"
                elif suffix == "ing" and _SILENT_E_ROOT.search(root):
                    stems = ("e",)  # "tingleing": the "e" of "tingle" goes before "-ing" ("tingling")
                elif suffix in ("er", "ers") and root.endswith("at") and self._in_lists(root + "or" + suffix[2:]):
                    continue  # "stimulater", "indicaters": the one who stimulates is the listed "stimulator"
                for stem in stems:
                    if not self._in_lists(root + stem):
                        continue
                    if suffix in ("ed", "ing") and self._rare_part(root + stem) \
                            and (not rare_roots or self._common_word_one_slip_away(w)):
                        continue
                    return True
        return False

    def _common_word_one_slip_away(self, w: str) -> bool:
        least = self.opts["suggest_min_frequency"]
        return any(self.freq.get(c, 0) >= least for c in edits1(w))

    def _plain_known(self, w: str, rare_roots: bool = True) -> bool:
        if self._inflected(w, rare_roots):
            return True
        # a prefix or combining form in front of a known word: "hemithyroidectomy", "femoroacetabular"
        for p in self.prefixes:
            if w.startswith(p) and len(w) - len(p) >= 4:
                rest = w[len(p):]
                if self._inflected(rest, rare_roots):
                    part = rest
                elif rest[0] == "o" and self._inflected(rest[1:], rare_roots):
                    part = rest[1:]
                else:
                    continue
                if self._rare_part(part) and len(w) <= MAX_SUGGESTED_LENGTH \
                        and any(self._in_lists(c) for c in edits1(w) if self._slip_of(c, w, part)):
                    continue  # "abcess" is "ab" + "cess" only by chance: "abscess" misspelled
                if part not in self.extra and len(w) <= MAX_SUGGESTED_LENGTH \
                        and any(c in self.extra for c in edits1(w) | _ph_forms(w) if self._slip_of(c, w, part)):
                    continue  # "biospy" is "bio" + "spy", "periferal" "peri" + "feral", only by chance: a medical word
                    # one slip away ("biopsy", "peripheral") is what was meant
                return True
        return False

    def _slip_of(self, other: str, w: str, part: str) -> bool:
        """Is ``other``, a word one slip from ``w``, one that ``w`` may be a misspelling of? Not the part after the
        prefix, the word with an ending more or less ("neuromodulator"), or the part after another prefix
        ("desensitises" beside "resensitises"), unless that part is a rarity no medical list holds: "distonia" is
        "dystonia" misspelled, not "dis" and "tonia")."""
        if other == part or other.startswith(w) or w.startswith(other):
            return False
        return not (other.endswith(part) and other[: -len(part)] in self.prefixes and not self._rare_part(part))

    def _rare_part(self, part: str) -> bool:
        """A word no medical list holds and the general list holds only as a rarity ("cess", "lour")."""
        return part not in self.extra and self.freq.get(part, 0) < self.opts["rare_part_frequency"]

    def known(self, word: str) -> bool:
        w = word.lower().replace("\u2019", "'")
        if w.endswith("'s"):
            w = w[:-2]
        cached = self._known_cache.get(w)
        if cached is not None:
            return cached
        if w in self.reject:
            result = False
        elif self._plain_known(w):
            result = True
        else:
            # (a British or American form of a medical word is made on no rarity: "brused" is no "brusaed", "brusa" + "ed")
            result = any(self._plain_known(v, rare_roots=False) for v in self.variants.to_us(w) | self.variants.to_uk(w)) \
                or self._formed(w)
        self._known_cache[w] = result
        return result

    def _formed(self, w: str) -> bool:
        """A word made of known parts that no list holds: a test or operation named with another ending of a known
        one's stem ("urethrogram" beside "urethroplasty"), or two common words written as one ("waterskiing"). Not
        when a known word is one slip away: "gallblader" is "gallbladder" misspelled, not "gall" and "blader"."""
        if not 8 <= len(w) <= MAX_SUGGESTED_LENGTH or not w.isalpha() \
                or not (self._stem_of_known(w) or self._two_words(w)):
            return False
        return not any(self._in_lists(c) for c in edits1(w))

    def _stem_of_known(self, w: str) -> bool:
        for ending in _MEDICAL_ENDINGS:
            if w.endswith(ending):
                stem = w[: -len(ending)]
                return len(stem) >= 4 and any(self._in_lists(stem + other) for other in _MEDICAL_ENDINGS if other != ending)
        return False

    def _two_words(self, w: str) -> bool:
        from spacy.lang.en.stop_words import STOP_WORDS

        least = self.opts["compound_min_frequency"]
        for i in range(4, len(w) - 3):
            first, second = w[:i], w[i:]
            if self.freq.get(first, 0) >= least and self.freq.get(second, 0) >= least \
                    and first not in STOP_WORDS and second not in STOP_WORDS:
                return True
        return False

    def other_variety(self, word: str) -> str | None:
        """With ``spelling = "uk"|"us"``: the chosen variety's spelling of a word of the other one."""
        if self.variety not in ("uk", "us"):
            return None
        w = word.lower()
        if w in self.variants.exceptions:
            return None
        convert = self.variants.to_uk if self.variety == "uk" else self.variants.to_us
        back = self.variants.to_us if self.variety == "uk" else self.variants.to_uk
        for candidate in sorted(convert(w, flagging_only=True)):
            # the word must really be the other variety's: converting back gives it again
            if w in back(candidate, flagging_only=True) and self.known(candidate):
                return candidate
        return None

    # -- suggestions -----------------------------------------------------------------------------
    def candidates(self, word: str, page_words: dict[str, int] | None = None) -> list[str]:
        w = word.lower()
        if len(w) > MAX_SUGGESTED_LENGTH:
            return []  # still reported as not in the dictionary, with no suggestion
        index = suggestion_index((self.vocab_paths, self.kb_words, self.accept, self.opts["suggest_min_frequency"]))
        # every word one slip away, however rare, and the commoner words two slips away
        pool = {c for c in edits1(w) if self._in_lists(c)} | index.near(w)
        # ("periferal": the sound of "ph" spelled "f" is one slip, though two edits)
        sounded = {c for c in _ph_forms(w) if self._in_lists(c)}
        pool |= sounded
        pool -= self.reject
        page_words = page_words or {}
        # a word spelled right elsewhere on the page, when it is near: a slip of the page's own term ("thromboembolsim",
        # 0.55 from its "thromboembolism"), not another word that shares its start ("thromboembolic", 4.4 from its
        # "thrombophilia", was warned of as that word's slip)
        page_cap = max(self.opts["two_slip_max_cost"], self.opts["page_word_cost_per_letter"] * len(w))
        for c in page_words:
            if abs(len(c) - len(w)) <= 3 and c != w and c[:1] == w[:1] and c not in pool \
                    and edit_cost(w, c) <= page_cap:
                pool.add(c)
        scored = []
        for c in pool:
            cost = 0.6 if c in sounded else edit_cost(w, c)
            if cost > max(2.0, len(w) / 3):
                continue
            weight = index.weights.get(c) or self._weight(c)
            score = cost - 0.12 * weight
            seen = page_words.get(c, 0)
            if seen:
                # a word the page spells right elsewhere, the more often the likelier
                score -= 0.25 + 0.2 * math.log2(min(seen, 16))
            scored.append((score, c))
        if not scored:
            # nothing one slip away: words two slips away, when the slips are the cheap ones people make (a letter
            # of a double and a vowel left out: "haemorage", "uretoscopy")
            cap = self.opts["two_slip_max_cost"]
            for c in index.two_slips(w) - self.reject:
                cost = edit_cost(w, c)
                if cost <= cap:
                    scored.append((cost - 0.12 * (index.weights.get(c) or self._weight(c)), c))
        scored.sort()
        return [c for _, c in scored[: self.opts["max_suggestions"]]]

    def _weight(self, word: str) -> float:
        f = self.freq.get(word)
        if f:
            return math.log10(f)
        return 4.0 if word in self.extra else 1.5

    # -- checking ----------------------------------------------------------------------------------
    @staticmethod
    def _never_checked(tok, min_len: int) -> bool:
        """A token no spelling check reads, wherever it stands: short, no word, an address."""
        text = tok.text
        return len(text) < min_len or not _WORD.match(text) or tok.like_url or tok.like_email

    @staticmethod
    def _read_here(tok, scope: str) -> bool:
        """Is a token that ``_never_checked`` lets through checked where it stands? Not a capitalised name."""
        text = tok.text
        if text[0].isupper() and not tok.is_sent_start and scope not in ("title", "heading"):
            return False  # a name or a brand
        if text[0].isupper() and scope in ("title", "heading") and tok.i > 0 and (
                not text[1:].islower() or _sentence_case(tok.doc)):
            return False  # a name inside a heading in sentence case: "Why patients choose Harbourside"
        if text[0].isupper() and _named(tok):
            return False  # a name: "Kingsmead Hospital", "Hollins Vale University Hospitals", "Mr Hartley"
        return True

    def _page_words(self, page) -> dict[str, int]:
        """Known words on the page and how often they occur (a word spelled right elsewhere)."""
        counts: dict[str, int] = {}
        for unit in page.units:
            for tok in unit.tokens:
                if tok.is_alpha and len(tok.text) >= 4:
                    low = tok.lower_
                    counts[low] = counts.get(low, 0) + 1
        return {w: n for w, n in counts.items() if self.known(w)}

    @staticmethod
    def _page_names(page) -> set[str]:
        """Capitalised words the page uses as names somewhere: inside a sentence, or in a name ("Mr Hartley",
        "Kingsmead Hospital")."""
        names = set()
        for unit in page.units:
            heading = unit.block.scope in ("title", "heading")
            sentence_case = None
            for tok in unit.tokens:
                text = tok.text
                if not (text[:1].isupper() and tok.is_alpha):
                    continue
                if not tok.is_sent_start and not heading or _named(tok):
                    names.add(text)
                    if text.isupper():
                        names.add(text.capitalize())  # "PEAKFORM SPORTS INJURY CLINIC" names "Peakform"
                elif heading and tok.i > 0:
                    # a capital inside a heading in sentence case: "Why choose banding at Castlegate?"
                    if sentence_case is None:
                        sentence_case = _sentence_case(tok.doc)
                    if sentence_case:
                        names.add(text)
        return names

    def check(self, page):
        report = self.opts["report"]
        found = page.memo.get(self._scan_key)
        if found is None:
            found = page.memo[self._scan_key] = list(self._unknown_words(page))
        for unit, start, end, suggestions, message in found:
            if report != "all" and (report == "unknown") == bool(suggestions):
                continue
            if not suggestions and report == "all":
                message = _NOTHING_NEAR  # (the rule's own message offers a suggestion)
            fix = suggestions[0] if self.rule.fix and len(suggestions) == 1 else None
            yield self.hit(unit, start, end, suggestions=suggestions, fix=fix, message=message)

    def _unknown_words(self, page):
        """(unit, start, end, suggestions, message) for each word the dictionaries lack or that is of the other
        variety; the message is None where the rule's own is meant."""
        min_len = self.opts["min_length"]
        page_words = page_names = None
        fine = self._fine
        for unit in self.units(page):
            doc = unit.tokens
            scope = unit.block.scope
            for tok in doc:
                raw = tok.text
                if raw in fine:
                    continue  # most words: known, and no other variety to prefer
                if self._never_checked(tok, min_len):
                    fine.add(raw)  # (a text alone decides it: its next occurrence is passed over at once)
                    continue
                # a capitalised word is a name, unless a medical noun follows it: "your Achillies tendon" misspells
                # an eponym, and is reported when the dictionary has a word it is near
                eponym = False
                if not self._read_here(tok, scope):
                    head = tok.i + 2 if tok.i + 2 < len(doc) and doc[tok.i + 1].text in ("'s", "’s") else tok.i + 1
                    if not (head < len(doc) and doc[head].lower_ in _EPONYM_HEADS and raw.isalpha()
                            and raw[1:].islower() and not self.known(raw)):
                        continue
                    eponym = True
                text = raw
                end = tok.idx + len(text)
                if text.endswith(("'s", "\u2019s")):
                    text = text[:-2]
                    end -= 2
                if self._joined_by_hyphen(doc, tok) and not self._in_lists(text.lower()) and text[0].isupper():
                    continue
                if not self.known(text):
                    if _quoted_as_a_word(doc, tok):
                        continue  # '"oophor" refers to the ovary': the page explains the word part it quotes
                    if _word_part_shown(unit, tok, page.document.source):
                        continue  # 'words containing "phos", such as sodium phosphate': a part of words, not a word
                    if text[0].isupper() and not eponym:
                        if page_names is None:
                            page_names = self._page_names(page)
                        if text in page_names:
                            continue  # "Ashcombe patient-reported outcome audit" opening a cell, on a page that names the
                            # "Ashcombe Infection Prevention Audit" elsewhere: a name, wherever it stands
                    if page_words is None:
                        page_words = self._page_words(page)
                    suggestions = tuple(match_case(c, text) for c in self.candidates(text, page_words))
                    if eponym:
                        # a name after all ("the Ilizarov frame", "the Epley manoeuvre") unless it is one slip from a
                        # medical word: "Achillies tendon", "Dupytren's contracture"
                        suggestions = tuple(c for c in suggestions if c.lower() in self.extra
                                            and edit_cost(text.lower(), c.lower()) <= 1.0)
                        if not suggestions:
                            continue
                    yield unit, tok.idx, end, suggestions, None
                    continue
                preferred = self.other_variety(text)
                if not preferred:
                    fine.add(raw)
                    continue
                suggestion = match_case(preferred, text)
                variety = "British" if self.variety == "uk" else "American"
                yield unit, tok.idx, end, (suggestion,), \
                    f"'{{text}}' is not the {variety} spelling this site uses; write '{{suggestion}}'."

    @staticmethod
    def _joined_by_hyphen(doc, tok) -> bool:
        return (tok.i > 0 and doc[tok.i - 1].text == "-") or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-")


# words that follow a place's or a founder's name in the name of a hospital or a practice
_INSTITUTION_WORDS = frozenset({
    "Hospital", "Hospitals", "Clinic", "Clinics", "Trust", "Centre", "Center", "Infirmary", "Practice", "Surgery",
    "Medical", "Health", "Healthcare", "University", "College", "Institute", "Foundation", "House", "Lodge",
    "Teaching", "General", "District", "Memorial", "Community", "Royal", "Eye", "Dental", "Children's", "Women's",
    # and the named audits, registers and services they run: "Ashcombe Infection Prevention Audit"
    "Audit", "Registry", "Register", "Programme", "Program", "Network",
    # and the pharmacies, opticians and insurers that name themselves the same way: "Greenway Pharmacy Ltd"
    "Pharmacy", "Pharmacies", "Chemist", "Chemists", "Opticians", "Optometrists", "Insurance", "Ltd", "Limited",
    # and the charities and societies that publish patient information: "Northway Continence Charity"
    "Charity", "Society", "Association", "Alliance", "Federation",
    # and the practices that partners or specialists run together: "Riverbend Urology Associates", "Ashgrove Hand
    # Specialists", "Kelbrook Vein Partners"
    "Associates", "Partners", "Partnership", "Specialists",
})


_OPENING_QUOTES = frozenset({'"', "'", "“", "‘"})
_CLOSING_QUOTES = frozenset({'"', "'", "”", "’"})
_GLOSSES = ("refers to", "refer to", "means", "mean", "comes from", "come from", "is greek", "is latin",
            "is the greek", "is the latin", "stands for")


def _quoted_as_a_word(doc, tok) -> bool:
    """A word in quotes that the sentence explains: '"oophor" refers to the ovary', "'salpingo' means tube"."""
    if tok.i == 0 or tok.i + 2 >= len(doc) or doc[tok.i - 1].text not in _OPENING_QUOTES \
            or doc[tok.i + 1].text not in _CLOSING_QUOTES:
        return False
    after = " ".join(t.lower_ for t in doc[tok.i + 2: tok.i + 5])
    return after.startswith(_GLOSSES)


# what names a part of words that a page quotes or sets in italics: 'look for words containing "phos"', 'names ending
# in *olol*', 'the prefix "hydrox"' (not "containing" alone: 'creams containing "asprin"' misspells a word)
_WORD_PART_CUE = compile_re(
    r"(?:\b(?:words?|names?|terms?)(?: that| which)? (?:contain|containing|contains|start|starting|starts|begin"
    r"|beginning|begins|end|ending|ends)(?: with| in)?|\b(?:prefix|suffix|letters|ending|word part))$")
# emphasis around a word in the source: Markdown's "*" and "_", HTML's <em> and <i>
_EMPHASIS_BEFORE = compile_re(r"(?:\*{1,2}|_{1,2}|<(?:em|i)\b[^<>]*>)$", re.I)
_EMPHASIS_AFTER = compile_re(r"[,.;:]?(?:\*{1,2}|_{1,2}|</(?:em|i)\s*>)", re.I)


def _word_part_shown(unit, tok, source: str) -> bool:
    """A part of words set in quotes or italics as an example, not a word: 'words containing "phos", such as
    sodium phosphate', 'look for *olol* at the end of the name'. It follows a phrase that names a part of words
    ("words containing", "names ending in"), or a longer word of the sentence holds it ("phos" in "phosphate"), at least three
    letters longer: a word cut short by a slip has lost a letter or two ('take your "medicin" with other medicines')."""
    doc = unit.tokens
    i = tok.i
    quoted = 0 < i < len(doc) - 1 and doc[i - 1].text in _OPENING_QUOTES and (
        doc[i + 1].text in _CLOSING_QUOTES
        or doc[i + 1].text in (",", ".") and i + 2 < len(doc) and doc[i + 2].text in _CLOSING_QUOTES)
    if quoted:
        first = i - 1
    else:
        start, end = unit.block.source_span(tok.idx, tok.idx + len(tok.text))
        if not (_EMPHASIS_BEFORE.search(source, max(0, start - 40), start)
                and _EMPHASIS_AFTER.match(source, end, end + 40)):
            return False
        first = i
    if _WORD_PART_CUE.search(" ".join(t.lower_ for t in doc[max(0, first - 4): first])):
        return True
    part = tok.lower_
    sent = unit.sent_at(i)
    return any(part in t.lower_ and len(t.text) >= len(part) + 3 for t in sent if t.i != i and t.is_alpha)


#: nouns that follow an eponym, so that the capitalised word before them is checked: "Achilles tendon"
_EPONYM_HEADS = frozenset({"tendon", "tendons", "disease", "syndrome", "contracture", "palsy", "sign", "manoeuvre",
                           "maneuver", "ligament", "fracture", "canal", "duct", "gland", "glands", "tube", "tubes"})


_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Sister", "Nurse", "Sir", "Dame",
                     "Mr.", "Mrs.", "Ms.", "Dr.", "Prof."})


def _sentence_case(doc) -> bool:
    """Is a heading written in sentence case (its later words mostly in lower case), so that a capital
    inside it marks a name?"""
    words = [t.text for t in doc[1:] if t.is_alpha and len(t.text) > 3]
    return len(words) >= 2 and sum(w[0].islower() for w in words) * 3 >= len(words) * 2


#: what a named person quoted on a page does: "Aoife Brennan says", "Dr Shah explains"
_SPEECH_VERBS = frozenset({"says", "said", "explains", "explained", "adds", "added", "told", "writes", "wrote", "recalls",
                           "remembers", "comments", "commented", "notes", "noted"})


def _named(tok) -> bool:
    """A capitalised word that is part of a name: after a title, or in a run of capitalised words
    that ends in an institution word within three words ("Hollins Vale University Hospitals")."""
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].text in _TITLES:
        return True
    # a surname after a title and a first name: "Miss Priya Raman"
    if tok.i > 1 and doc[tok.i - 2].text in _TITLES and doc[tok.i - 1].text[:1].isupper():
        return True
    # an author: "Nitti and colleagues", "Nitti et al.", "the Nitti trial"
    after = " ".join(t.lower_ for t in doc[tok.i + 1 : tok.i + 3])
    if after.startswith(("and colleagues", "et al", "and co-workers", "trial", "study")):
        return True
    # a person a quotation is attributed to, on a short line of its own: "Priya, 36, Bristol", "Priya, day surgery
    # patient, 2023"
    if tok.i == 0 and len(doc) > 2 and doc[1].text == "," and len(doc) <= 12 and any(t.like_num for t in doc[2:]) \
            and not any(t.text in (".", "!", "?") for t in doc[:-1]):
        return True
    # ... or after the quotation's closing mark: '"... helped me stop lying awake at night." Priya, 41'
    if tok.i > 0 and doc[tok.i - 1].text in _CLOSING_QUOTES and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," \
            and doc[tok.i + 2].like_num:
        return True
    # a person's first and last names opening a sentence, then who they are or what they say: "Aoife Brennan, clinical
    # nurse specialist, says", "Tadhg Murphy explains"
    if tok.i + 2 < len(doc) and (tok.i == 0 or tok.is_sent_start) and doc[tok.i + 1].is_alpha \
            and doc[tok.i + 1].text[:1].isupper() and doc[tok.i + 1].text[1:].islower() \
            and (doc[tok.i + 2].text == "," or doc[tok.i + 2].lower_ in _SPEECH_VERBS):
        return True
    # an author with a year: "Gerritsen 2002", "(Padua, 2001)"
    following = doc[tok.i + 2] if tok.i + 2 < len(doc) and doc[tok.i + 1].text in (",", "(") else (
        doc[tok.i + 1] if tok.i + 1 < len(doc) else None)
    if following is not None and len(following.text) == 4 and following.text[:2] in ("19", "20") and following.text.isdigit():
        return True
    capitals = 0
    for j in range(tok.i + 1, min(len(doc), tok.i + 8)):
        word = doc[j].text
        if word in _INSTITUTION_WORDS or word.isupper() and word.capitalize() in _INSTITUTION_WORDS:
            return True  # (a name in capitals too: "PEAKFORM SPORTS INJURY CLINIC")
        if word in ("'s", "’s"):
            continue  # "Harbourside Children's Hospital"
        if word in (",", "and", "&", "of") and capitals:
            continue  # "Harbourside Ear, Nose and Throat Clinic"
        if not word[:1].isupper() or capitals == 4:
            return False
        capitals += 1
    return False


def _ph_forms(word: str) -> set[str]:
    """The word with one "f" spelled "ph", as medical words spell the sound ("periferal" -> "peripheral")."""
    return {word[:i] + "ph" + word[i + 1:] for i, c in enumerate(word) if c == "f"}


# a root whose final "y" after a consonant turns to "i" before "-ness", "-less" and "-ly" ("dizzy" -> "dizziness");
# one-syllable roots keep it ("shyness", "dryly")
_Y_TO_I_ROOT = compile_re(r"[a-z]{3}[^aeiouy]y$")
# a root ending in a silent "e" after a consonant, which drops before "-ing" ("tingle" -> "tingling"; a word that keeps
# it, "ageing", "singeing", is in the lists)
_SILENT_E_ROOT = compile_re(r"[^aeiouy]e$")
#: what a rule of the kind reports (its option ``report``)
_REPORTS = ("all", "misspelled", "unknown")
#: the tables of a ``word_forms`` file and their types
_WORD_FORM_KEYS = {"prefixes": list, "not_words": list, "variants": list, "variant_pairs": dict,
                   "variant_exceptions": list}
_NOTHING_NEAR = "'{text}' is not in the dictionary; check the spelling, or add the word to 'accept' in the configuration."

# the endings that name a test or an operation on a part: a stem known with one of them ("urethroplasty") is known
# with another ("urethrogram") (the longer of two endings that share a tail first)
_MEDICAL_ENDINGS = ("ograms", "ogram", "ography", "ographic", "oscopies", "oscopy", "oscopic", "oscope", "otomy",
                    "ostomy", "oplasty", "ectomy")

# a root that ends in one vowel and one consonant, which "-ed" and "-ing" may double: "begin", "occur", "refer"
_DOUBLING_ROOT = compile_re(r"(?:^|[^aeiou])[aeiou][b-df-hj-np-tvz]$")
# suffix -> the endings its root may have had ("biopsies" <- "biopsy", "removed" <- "remove")
_INFLECTIONS = (
    ("ies", ("y",)),
    ("es", ("", "e", "is")),
    ("s", ("",)),
    ("ed", ("", "e")),
    ("ing", ("", "e")),
    ("ly", ("", "le")),
    ("al", ("", "e", "a", "um")),
    ("ic", ("", "e", "a", "y", "ia", "is")),
    ("ical", ("", "y", "ic")),
    ("ally", ("", "al", "ic")),
    ("ous", ("", "a", "e", "y")),
    ("ary", ("", "e")),
    ("ity", ("", "e")),
    ("ities", ("", "e", "ity")),
    ("ation", ("e", "", "ate")),
    ("ations", ("e", "", "ate")),
    ("ness", ("", "y")),
    ("less", ("",)),
    ("er", ("", "e")),
    ("ers", ("", "e")),
    ("ia", ("", "a", "y")),
)
