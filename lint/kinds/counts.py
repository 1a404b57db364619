"""How many of a part of the body there are: "the twelve small bones of the wrist" (there are eight)."""

from __future__ import annotations

import re

from lint.compiled import compile_re
from lint.kinds.base import Kind

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "a dozen": 12, "dozen": 12,
}
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
for _tens, _value in (("twenty", 20), ("thirty", 30)):
    for _n, _unit in enumerate(_UNITS, 1):
        _NUMBER_WORDS[f"{_tens}-{_unit}"] = _value + _n
        _NUMBER_WORDS[f"{_tens} {_unit}"] = _value + _n
_NUMBER = r"(?:" + "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=lambda w: (-len(w), w))) + r"|\d{1,3})"

# what shows the number is the whole count, not some of them ("fusing two vertebrae in the neck" counts some):
# "the twelve bones", "your two menisci", "one of the four", "made up of seven", "you have six pairs of"
_WHOLE_BEFORE = compile_re(
    r"(?:\b(?:the|your|its|their|all(?:\s+the)?|all\s+of\s+(?:the|your)|one\s+of\s+(?:the|your)|each\s+of\s+(?:the|your)"
    r"|(?:a|the)\s+(?:group|set|team|bundle)\s+of|made\s+up\s+of|made\s+of|consists?\s+of|composed\s+of|formed\s+(?:of|from|by)|contains?"
    # what a part is divided into is all its parts: "the septum divides your nose into two airways"
    r"|(?:divides?|divided|dividing|splits?|splitting|separates?|separating)\s+(?:[\w’'-]+\s+){0,3}?into"
    r"|there\s+are(?:\s+(?:normally|usually|typically|always))?"
    # what a part gives off is all of them: "your spinal cord gives off 31 pairs of spinal nerves"
    r"|(?:gives?|giving)\s+(?:off|rise\s+to)"
    # ("Most adults have up to four wisdom teeth": the most there can be)
    r"|(?:you|we|people|most\s+people|everyone|adults|most\s+adults|humans|it|each\s+one|the\s+body|your\s+body)\s+(?:all\s+|normally\s+"
    r"|usually\s+|typically\s+)?(?:has|have)(?:\s+got)?(?:\s+up\s+to)?)"
    r"|[’']s"
    # the part itself as the subject: "The thyroid gland has three lobes" (checked in check(): the place ends just before)
    r"|(?P<bare_has>\b(?:has|have)(?:\s+got)?))\s+"
    r"(?:about\s+|around\s+|roughly\s+|some\s+)?$",
    re.I,
)
_NUMBERS = compile_re(r"(?<![\w-])" + _NUMBER + r"(?![\w-])", re.I)
# (the first word of each number word: a block with none of them and no digit holds no count)
_NUMBER_FIRST_WORDS = frozenset(w.split()[0].split("-")[0] for w in _NUMBER_WORDS)
_DIGIT = compile_re(r"\d")
# words that may stand between the number and the thing without changing what is counted ("the seven small bones")
_ADJECTIVES = (r"(?:(?:small|tiny|little|separate|individual|main|major|large|flat|thin|delicate|paired|different"
               r"|distinct|bony|air-filled|hollow|interlocking|stacked|movable|moveable|spongy)\s+)")
# what follows a count of some of them: "the two vertebrae that are fused", "the two bones on either side"
# (not after a comma: "six pairs of sinuses, which drain into the nose" describes all of them)
# (but not a clause of what all of them do: "the three iliac arteries that supply your legs" counts them all)
_SOME_AFTER = compile_re(
    r"\s+(?:(?:that|which|who)(?!\s+(?:supply|carry|drain|connect|make|protect|cover|control|join|link|run|form|hold"
    r"|surround|line|bring|take)\b)|above|below|on\s+(?:each|either|both)\s+sides?|next\s+to|affected|involved"
    r"|nearest|closest|concerned|in\s+question)\b", re.I)
_LEADING_ADJECTIVES = compile_re(_ADJECTIVES + r"+")
_CLAUSE_BREAK = compile_re(r"[.;:!?()\[\]]")


def _value(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


class StructureCount(Kind):
    """A part of the body given the wrong number: "the three bones of your big toe", "six pairs of sinuses".

    Each entry of ``counts`` names a part by what it is (``things``, such as "bones") and where (``places``, such
    as "neck"), or by a name that is enough alone (``names``, such as "menisci"), and gives the numbers that are
    right (``count``; ``pairs`` for "N pairs of"). Only a number said to be the whole is judged: "the seven bones
    of the neck", "your neck is made up of seven bones", not "fusing two bones in the neck".
    """

    name = "structure-count"
    options = {"counts": (list, Kind.REQUIRED)}
    list_items = {"counts": dict}

    def setup(self):
        self.by_name: dict[str, dict] = {}
        self.by_place: dict[tuple[str, str], dict] = {}
        things, places = set(), set()
        for n, entry in enumerate(self.opts["counts"], 1):
            unknown = set(entry) - {"says", "count", "pairs", "things", "places", "names"}
            if unknown:
                raise self.error(f"counts entry {n}: unknown key(s) {', '.join(sorted(unknown))}")
            if not isinstance(entry.get("says"), str) or not entry["says"].strip():
                raise self.error(f"counts entry {n}: 'says' (what is true, in words) is required")
            for key in ("count", "pairs"):
                value = entry.get(key, [])
                if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0
                                                         for v in value):
                    raise self.error(f"counts entry {n}: '{key}' must be a list of whole numbers")
            if not entry.get("count") and not entry.get("pairs"):
                raise self.error(f"counts entry {n} ({entry['says']}): give 'count' or 'pairs'")
            for key in ("things", "places", "names"):
                value = entry.get(key, [])
                if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                    raise self.error(f"counts entry {n}: '{key}' must be a list of words")
            if bool(entry.get("things")) != bool(entry.get("places")) or not (entry.get("things") or entry.get("names")):
                raise self.error(f"counts entry {n} ({entry['says']}): give 'names', or 'things' with 'places'")
            for name in entry.get("names", []):
                self._file(self.by_name, name.lower(), entry, n)
                things.add(name.lower())
            for thing in entry.get("things", []):
                things.add(thing.lower())
                for place in entry["places"]:
                    self._file(self.by_place, (thing.lower(), place.lower()), entry, n)
                    places.add(place.lower())
        by_length = lambda words: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w)))
        self.places = compile_re(r"\b(?:" + by_length(places) + r")\b", re.I) if places else None
        # a count is found from its number: the thing counted is read after it, and what makes it the whole count
        # before it (a pattern that opened with "the" or "your" would be tried at every word of the page)
        self.after = compile_re(
            r"(?P<pairs>\s+pairs?\s+of)?\s+" + _ADJECTIVES + r"{0,2}?(?P<thing>" + by_length(things) + r")\b"
            # the place after the thing: "of your big toe", "in the neck", "that make up your wrist"
            + r"(?:\s+(?:of|in|inside|within|(?:that|which)\s+make\s+up|making\s+up|forming)\s+(?:the\s+|your\s+|each\s+|a\s+|an\s+)?"
            + (r"(?P<place>" + by_length(places) + r")\b" if places else r"(?!)") + r")?",
            re.I)

    def _file(self, table: dict, key, entry: dict, n: int) -> None:
        """Put an entry under a name, or a thing and a place; two entries for one of them is a mistake in the data."""
        other = table.get(key)
        if other is not None and other is not entry:
            said = key if isinstance(key, str) else " of the ".join(key)
            raise self.error(f"counts entry {n} ({entry['says']}): '{said}' is counted by another entry too "
                             f"({other['says']})")
        table[key] = entry

    def check(self, page):
        for unit in self.units(page):
            text = unit.block.text
            if unit.lower_set.isdisjoint(_NUMBER_FIRST_WORDS) and _DIGIT.search(text) is None:
                continue  # no number, no count
            for n in _NUMBERS.finditer(text):
                said = _value(re.sub(r"\s+", " ", n.group()))
                if said is None:
                    continue
                m = self.after.match(text, n.end())
                if m is None:
                    continue
                cue = _WHOLE_BEFORE.search(text, max(0, n.start() - 60), n.start())
                if cue is None:
                    continue
                entry, end = self._entry(text, m, cue.start(), cue.group("bare_has") is not None)
                if entry is None:
                    continue
                if _SOME_AFTER.match(text, end):
                    continue  # "the two vertebrae that are fused", "the two bones on either side"
                # (a part counted, "the other two bones", "the two lower vertebrae", never matches: no word but
                # those of _ADJECTIVES stands between the determiner, the number and the thing)
                pairs = m.group("pairs") is not None
                right = entry.get("pairs", []) if pairs else entry.get("count", [])
                if not right and pairs:
                    right = [c // 2 for c in entry["count"] if c % 2 == 0]
                if not right or said in right:
                    continue
                said_text = n.group() + (" pairs" if pairs else "")
                yield self.hit(unit, n.start(), end, fact=entry["says"], said=said_text)

    def _entry(self, text: str, m, before: int, subject: bool):
        """The entry of what the count is of, and where the finding ends: the thing and the place after it, the thing
        and a place before it (before ``before``; with ``subject``, just before it: "The thyroid gland has"), or a
        name. An adjective the data does not give is left off ("twelve small bones of the wrist" counts the wrist's
        bones)."""
        thing = re.sub(r"\s+", " ", m.group("thing").lower())
        bare = _LEADING_ADJECTIVES.sub("", thing)
        place = m.group("place")
        if place:
            place = re.sub(r"\s+", " ", place.lower())
            for t in (thing, bare):
                if (t, place) in self.by_place:
                    return self.by_place[(t, place)], m.end("place")
        if self.places is not None:
            for t in (thing, bare):
                entry = self._place_before(text, before, t, subject=subject)
                if entry is not None:
                    return entry, m.end("thing")
        if subject:
            return None, m.end("thing")  # "You may have two ribs broken": some of them
        entry = self.by_name.get(thing) or self.by_name.get(bare)
        return entry, m.end("thing")

    def _place_before(self, text: str, at: int, thing: str, subject: bool = False):
        """The entry for the thing and a place named before it in its clause: "Your neck is made up of twelve
        bones", "the wrist's eight bones"; with ``subject``, only a place just before ``at`` ("The thyroid gland
        has")."""
        begin = max(0, at - 80)
        brk = None
        for brk in _CLAUSE_BREAK.finditer(text, begin, at):
            pass
        if brk is not None:
            begin = brk.end()
        found = None
        for p in self.places.finditer(text, begin, at):
            if subject and text[p.end():at].strip() not in ("", "normally", "usually", "only"):
                continue
            found = self.by_place.get((thing, re.sub(r"\s+", " ", p.group().lower()))) or found
        return found
