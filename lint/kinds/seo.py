"""SEO: keyword stuffing, location and sales spam (template leftovers are an `existence` rule).

Keyword stuffing: a multi-word phrase repeated far above natural density.

A phrase is stuffed when it is at least ``min_words`` words long, occurs at least
``min_count`` times and takes up at least ``min_density`` of the page's words.
The knowledge base's own names ("total hip replacement") are natural on their
own page and are not counted. Every occurrence after the ``allowed``-th is reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from functools import cached_property
from pathlib import Path

from lint.kinds.base import Kind
from lint.kinds.phrases import WORD, words_of
from lint.matching import compile_builtin, lower_aligned
from lint.yamlio import load_yaml

_PREPOSITIONS = frozenset(
    "inside outside within into onto under over behind below above around through between after before during across "
    "along beside near".split()
)
# occurrences reported per stuffed phrase: enough to show the pattern, not thousands on a spam page
_MAX_REPORTED = 25


# words that open a time expression ("morning of surgery", "day before your operation")
_TIME_WORDS = frozenset({"morning", "afternoon", "evening", "night", "day", "days", "week", "weeks", "hours", "time",
                         "date", "month"})
# a dose and how often to take it ("5 mg twice a day" down a dosing table) is an instruction, not a search phrase
_DOSE_WORDS = frozenset({"mg", "ml", "mcg", "micrograms", "milligrams", "units", "tablet", "tablets", "capsule",
                         "capsules", "puffs", "drops", "sachets"})
_FREQUENCY_WORDS = frozenset({"once", "twice", "daily"})


# a capitalised name ending in an institution word, just before a town: "University Hospital Galway"
# (with a word that marks a public institution's name: "Hair Transplant Clinic London" is a search phrase)
#: what follows a place that opens an institution's name: "Riverside| Private Hospital", "Aurora| Medical Centre"
_INSTITUTION_AFTER = compile_builtin(r"(?:\s+(?:Private|General|University|Community|District|Royal|Memorial|Children[’']s|Women[’']s"
                                r"|Teaching|Regional|Medical|Health|Eye|Day|Surgical|Specialist)){0,3}\s+(?:Hospital|Clinic|Centre|Center"
                                r"|Infirmary|Surgery|Practice|Campus|Health\s+Service)s?\b")
_INSTITUTION_NAME = compile_builtin(
    r"(?-i:\b(?:[A-Z][\w'’.-]*\s+){0,3}(?:University|Royal|St\.?|Saint|General|Memorial|Children[’']s|Women[’']s|Teaching|Regional"
    r"|District|Community|County|Base|Public|Mercy|Infirmary)\s+(?:[A-Z][\w'’.-]*\s+){0,2}"
    r"(?:Hospital|Hospitals|Infirmary|Clinic|Centre|Center|Hospice|Institute|Medical\s+Centre))$"
)
# ... unless it is a sales phrase: "Best Knee Clinic Leeds"
_SALES_BEFORE = compile_builtin(r"(?i)\b(?:best|top|cheap|cheapest|leading|affordable|no\.?\s*1)(?:\s+[\w'’-]+){0,4}$")


class KeywordStuffing(Kind):
    """A phrase of 3-6 words repeated far above natural density. A phrase that names a town or a sales word
    ("best", "near", "clinic") counts from ``min_density``; any other phrase, usually the page's own subject
    named naturally ("low back pain" on a page about it), only from ``plain_min_density``."""

    name = "keyword-stuffing"
    page_level = True
    options = {
        "min_words": (int, 3),
        "max_words": (int, 6),
        "min_count": (int, 4),
        "min_density": (float, 0.02),
        # a phrase with no place and no sales word in it ("low back pain" on a page about low back pain) is the
        # page's subject named naturally unless it is this dense: search phrases name a town or "best"
        "plain_min_density": (float, 0.04),
        "places": (str, "places.yaml"),
        "allowed": (int, 2),
        # a phrase of two words or more this many times in one sentence is stuffed whatever the page's length:
        # "varicocele embolisation is the varicocele embolisation treatment at our varicocele embolisation clinic
        # for anyone searching for varicocele embolisation"
        "sentence_min_count": (int, 4),
    }
    positive_options = frozenset({"min_words", "max_words", "min_count", "sentence_min_count"})

    @cached_property
    def search_words(self) -> frozenset[str]:
        """Words that make a repeated phrase a search phrase: the towns of the places file, and sales words."""
        path = Path(self.rule.path).parent / self.opts["places"]
        data = (load_yaml(path) if path.is_file() else None) or {}
        # single-word towns only: "new", "city" or "st" alone (from "New York") make no search phrase
        towns = {str(c).lower() for c in data.get("cities") or [] if " " not in str(c)}
        return frozenset(towns | _SALES_WORDS)

    @cached_property
    def known(self) -> set[str]:
        """Every run of words inside a knowledge-base name: "invasive spine surgery" is part of
        "minimally invasive spine surgery", which a page about it names naturally. Made on first
        need (a phrase repeated often enough), which most pages never reach."""
        known = set()
        for _, _, phrase in self.kb.lexicon():
            words = phrase.lower().replace("-", " ").split()
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    known.add(" ".join(words[i:j]))
        return known

    def check(self, page):
        o = self.opts
        total = max(page.word_count, 1)
        # the page title repeats the main heading by convention (a browser tab, a search result): naming the
        # topic there is not repetition
        units = [u for u in self.units(page) if u.block.scope != "title"]
        # each block's words (letters or a number) as (token index, is a stop word, start, end), read from the
        # tokens the rules share (``Unit.tokens``): a doc's array of the same attributes cost twice as much
        unit_words, unit_lowers = [], []
        for unit in units:
            words = [(k, t.is_stop, t.idx, t.idx + len(t)) for k, t in enumerate(unit.tokens) if t.is_alpha or t.like_num]
            lowers = unit.lowers
            unit_words.append(words)
            unit_lowers.append([lowers[k] for k, *_ in words])
        # a phrase occurs no more often than each of its words: one whose first or last word is too rare to make it
        # stuffing (fewer than min_count times, or too few for the density) is not counted at all
        counts = Counter(w for lowers in unit_lowers for w in lowers)
        lengths = range(o["min_words"], o["max_words"] + 1)
        frequent_for = {n: {w for w, k in counts.items() if k >= o["min_count"] and k * n / total >= o["min_density"]}
                        for n in lengths}
        frequent_any = set().union(*frequent_for.values())
        occurrences: dict[tuple, list] = defaultdict(list)
        for ui, (words, lowers) in enumerate(zip(unit_words, unit_lowers)):
            if not words:
                continue
            positions, stops, starts, ends = zip(*words)
            # where a counted phrase may start: a word frequent enough, not a stop word or a preposition (a search
            # phrase is a noun phrase: "inside the eye" is not one)
            hot = [i for i, w in enumerate(lowers) if w in frequent_any and not stops[i] and w not in _PREPOSITIONS]
            for n in lengths:
                frequent = frequent_for[n]
                for i in hot:
                    last = i + n - 1
                    if last >= len(words):
                        break
                    if lowers[i] not in frequent or lowers[last] not in frequent:
                        continue
                    # no stop word at the end either, and contiguous in the text (no punctuation inside)
                    if stops[last] or positions[last] - positions[i] != n - 1:
                        continue
                    occurrences[tuple(lowers[i : i + n])].append((ui, starts[i], ends[last]))
        stuffed = []
        for gram, occ in occurrences.items():
            if len(occ) < o["min_count"] or " ".join(gram) in self.known:
                continue
            if gram[0] in _TIME_WORDS and gram[1] in ("of", "before", "after"):
                continue  # a time, not a search phrase: "the morning of surgery" in instructions
            if gram[0] in _DOSE_WORDS or not _FREQUENCY_WORDS.isdisjoint(gram):
                continue  # a dose: "mg twice a day", "tablets once daily"
            if any(w.isdigit() for w in gram):
                continue  # a count down an exercise sheet or a dosing table ("hold for 5 seconds", "repeat 10 times"):
                # a search phrase names no number
            density = len(occ) * len(gram) / total
            if density < o["min_density"]:
                continue
            if density < o["plain_min_density"] and self.search_words.isdisjoint(gram):
                continue  # "bowel cancer screening" six times on the screening programme's page
            stuffed.append((gram, occ))
        # report the longest phrases; drop a phrase inside a longer stuffed one with as many occurrences
        stuffed.sort(key=lambda g: (-len(g[0]), -len(g[1])))
        # characters already inside a reported phrase, per unit (a set of intervals would make
        # this quadratic on a page that repeats one phrase thousands of times)
        covered: dict[int, bytearray] = {}
        for gram, occ in stuffed:
            if all(ui in covered and all(covered[ui][s:e]) for ui, s, e in occ):
                continue
            for ui, s, e in occ:
                marks = covered.setdefault(ui, bytearray(len(units[ui].block.text)))
                marks[s:e] = b"\x01" * (e - s)
            phrase = " ".join(gram)
            for n, (ui, s, e) in enumerate(occ):
                if o["allowed"] <= n < o["allowed"] + _MAX_REPORTED:
                    yield self.hit(units[ui], s, e, phrase=phrase, count=len(occ),
                                   density=f"{100 * len(occ) * len(gram) / total:.1f}%")
        yield from self._stuffed_sentences(units, unit_words, unit_lowers, covered)
        yield from self._keyword_lists(units)

    def _keyword_lists(self, units):
        """A run of search phrases pasted in as copy: "ACL reconstruction, ACL surgery, ACL repair, torn ACL surgery,
        best ACL surgery UK:". Four or more short items with no "and" before the last, one word in all but one of them,
        and a town, a country or a sales word in one (a list of services, "knee, hip and shoulder replacement", has
        neither)."""
        for unit in units:
            text = unit.block.text
            if text.count(",") + text.count("|") < 3:
                continue
            for m in _PHRASE_LIST.finditer(text):
                items = [i.strip() for i in _LIST_SEPARATOR.split(m.group(1))]
                if len(items) < 4 or _JOINED_LAST.match(items[-1]):
                    continue
                # (each item's words in the order written: of two words shared as often, the first written is named,
                # whatever order a set's hashing would give them)
                ordered = [dict.fromkeys(w.lower() for w in _WORDS.findall(item)) for item in items]
                words = [set(ws) for ws in ordered]
                shared = Counter(w for ws in ordered for w in ws if w not in _PREPOSITIONS and len(w) > 1)
                word, count = shared.most_common(1)[0] if shared else ("", 0)
                if count < max(3, len(items) - 1) or word in _LIST_FILLER:
                    continue
                if all(ws.isdisjoint(self.search_words | _COUNTRIES) for ws in words) or any(
                        not ws.isdisjoint(self.search_words - _SALES_WORDS) for ws in words):
                    continue  # (a list of towns is location spam, SEO002's)
                written = next(w for w in _WORDS.findall(m.group(1)) if w.lower() == word)
                yield self.hit(unit, m.start(1), m.end(1), phrase=written, count=count,
                               density="", message="'{text}': a list of search phrases ({count} with '{phrase}') "
                                                   "pasted in as copy; say it in a sentence for readers.")

    def _stuffed_sentences(self, units, unit_words, unit_lowers, covered):
        """A two-word phrase (or longer) repeated ``sentence_min_count`` times inside one sentence: reported once,
        from its first occurrence to its last."""
        need = self.opts["sentence_min_count"]
        for ui, (words, lowers) in enumerate(zip(unit_words, unit_lowers)):
            if len(words) >= need:
                yield from self._stuffed_words(units[ui], words, lowers, need, covered.get(ui))
            # no pair of words that often in the whole block (most blocks): no sentence has one
            if len(words) < 2 * need or max(Counter(zip(lowers, lowers[1:])).values()) < need:
                continue
            sentences = units[ui].sentences
            sentence_starts = [s0 for s0, _ in sentences]
            pairs: dict[tuple, list[tuple[int, int]]] = defaultdict(list)  # (sentence, word, word) -> spans
            for i in range(len(words) - 1):
                (k0, stop0, start, _), (k1, stop1, _, end) = words[i], words[i + 1]
                if k1 != k0 + 1 or stop0 or stop1:
                    continue
                n = bisect_right(sentence_starts, start) - 1
                if n >= 0 and end <= sentences[n][1]:
                    pairs[(n, lowers[i], lowers[i + 1])].append((start, end))
            best: dict[int, tuple] = {}
            for (n, *gram), occ in pairs.items():
                if len(occ) >= need and (n not in best or len(occ) > len(best[n][1])):
                    best[n] = (gram, occ)
            marks = covered.get(ui)
            for n in sorted(best):
                gram, occ = best[n]
                start, end = occ[0][0], occ[-1][1]
                if marks is not None and any(marks[start:end]):
                    continue  # the page-wide count already reports it here
                yield self.hit(units[ui], start, end, phrase=" ".join(gram), count=len(occ),
                               message="'{phrase}' appears {count} times in one sentence; search engines penalise "
                                       "keyword stuffing and readers notice it.")


    def _stuffed_words(self, unit, words, lowers, need: int, marks):
        """One long word ``need`` times in a short sentence ("Choose our orchiectomy team for orchiectomy surgery,
        orchiectomy recovery and orchiectomy follow-up"), or two long words ``need`` - 1 times each ("Our phototherapy
        for psoriasis is psoriasis phototherapy that uses phototherapy light to treat psoriasis")."""
        counts = Counter(low for (_, stop, _, _), low in zip(words, lowers) if not stop and len(low) >= _LONG_WORD)
        if not counts or max(counts.values()) < need - 1:
            return  # (most blocks)
        # (each sentence's words, in one walk: a search of the block's words for each sentence took time growing with
        # the square of a one-line page)
        by_sentence: dict[int, list] = defaultdict(list)
        starts = [s0 for s0, _ in unit.sentences]
        ends = [s1 for _, s1 in unit.sentences]
        for (_, stop, start, end), low in zip(words, lowers):
            n = bisect_right(starts, start) - 1
            if n >= 0 and end <= ends[n]:
                by_sentence[n].append((low, start, end))
        for inside in by_sentence.values():
            if len(inside) > _SHORT_SENTENCE_WORDS:
                continue
            here = Counter(low for low, start, end in inside if low in counts and len(low) >= _LONG_WORD)
            ranked = here.most_common(2)
            if not ranked or ranked[0][1] < need - 1:
                continue
            if ranked[0][1] >= need:
                chosen = (ranked[0][0],)
            elif len(ranked) == 2 and ranked[1][1] >= need - 1:
                chosen = (ranked[0][0], ranked[1][0])
            else:
                continue
            spans = [(start, end) for low, start, end in inside if low in chosen]
            text = unit.block.text
            if sum(bool(_ITEM_END.match(text, b)) for _, b in spans) >= len(spans) - 1:
                continue  # "knee replacement, hip replacement, shoulder replacement and elbow replacement": a list of
                # kinds, the word each item's last
            start, end = spans[0][0], spans[-1][1]
            if marks is not None and any(marks[start:end]):
                continue  # the page-wide count already reports it here
            shown = [next(text[a:b] for low, a, b in inside if low == w) for w in chosen]
            if len(chosen) == 1:
                yield self.hit(unit, start, end, phrase=shown[0], count=ranked[0][1],
                               message="'{phrase}' appears {count} times in one sentence; search engines penalise "
                                       "keyword stuffing and readers notice it.")
            else:
                yield self.hit(unit, start, end, phrase=f"{shown[0]}' and '{shown[1]}", count=ranked[1][1],
                               message="'{phrase}' appear {count} times each in one sentence; search engines penalise "
                                       "keyword stuffing and readers notice it.")


#: the end of a list's item: a comma, "and", "or", or the sentence's end
_ITEM_END = compile_builtin(r"\s*(?:[,;.:!?)]|$|\s(?:and|or)\b)")
#: a word this long or longer, repeated within one short sentence, is a search word (not "pain", "knee", "your")
_LONG_WORD = 6
#: the most words of a sentence in which a long word repeated is stuffing (a long sentence may name its subject often)
_SHORT_SENTENCE_WORDS = 20

#: four or more short items ("ACL surgery", "best ACL surgery UK") separated by commas or bars, standing alone: at
#: a block's start or after a sentence, up to a colon, a full stop or the block's end
_PHRASE_LIST = compile_builtin(r"(?:^|(?<=[.:!?]\s))((?:[A-Za-z][\w'’-]*(?:[ \t]+[\w'’-]+){0,4})"
                               r"(?:[ \t]*[,|][ \t]*[A-Za-z][\w'’-]*(?:[ \t]+[\w'’-]+){0,4}){3,})(?=[ \t]*(?:[:.|]|$))")
_LIST_SEPARATOR = compile_builtin(r"[ \t]*[,|][ \t]*")
_JOINED_LAST = compile_builtin(r"(?i)(?:and|or|&)\s")
_WORDS = compile_builtin(r"[\w'’-]+")
_COUNTRIES = frozenset({"uk", "usa", "us", "england", "scotland", "wales", "ireland", "america", "canada", "australia",
                        "india", "turkey", "mexico", "spain", "thailand"})
#: words a list of anything repeats: "the", "your"
_LIST_FILLER = frozenset({"the", "a", "an", "your", "our", "and", "or", "for", "of", "to", "in"})

_SALES_WORDS = frozenset({"best", "top", "cheap", "cheapest", "affordable", "leading", "near", "nearby", "me", "local",
                          "private", "price", "prices", "cost", "costs", "clinic", "clinics", "surgeon", "surgeons"})


# a street or a square named as a place: "Harley Street", "Rodney Street", "Cavendish Square"
_STREET = compile_builtin(r"\s(?:Street|Road|Square|Avenue|Lane|Place|Row|Terrace|Crescent|Gardens)$")
# a word that names a procedure by its form ("thyroidectomy", "rhinoplasty") when the knowledge base lacks it
_PROCEDURE_WORD = compile_builtin(r"(?i)(?:ectomy|otomy|ostomy|plasty|scopy|pexy|tripsy|graphy)$")


_NEAR_ME = compile_builtin(r"(?i)\bnear\s+me\b")
# the words one of which a "best ... in <place>" phrase holds ("No.1" and "no1" read as words "no" and "no1")
_BEST_WORDS = frozenset({"best", "top", "cheap", "cheapest", "leading", "number", "no", "no1"})
_FUNCTION_WORDS = frozenset(
    "a an the and or but of in on at to for from by with after before about your our my their his her its "
    "is are was were be been can may will would should have has had do does this that these those whether "
    "if when than then find get choose need want book call".split()
)


class LocationSpam(Kind):
    """A place name used as a search phrase or with a sales call to action.

    Five shapes, found without a trained entity recogniser:

    * "best/top <words> in|near|at <Place>" where the place is a known city or the
      sentence has a call to action ("Looking for the best vasectomy in Leeds?");
    * "<service> <City>": a known city straight after a procedure or service word
      ("knee surgery Dallas", "Tonsillectomy Birmingham");
    * a call to action and "in|near|at <City>" in one sentence ("consider other
      options in Lucknow");
    * a procedure "near me" ("varicose vein treatment near me");
    * one procedure "in <City>" for several cities in a sentence ("hernia repair in Leeds, hernia repair in
      Bradford");
    * a run of towns, one of them a known city ("patients from Dallas, Plano, Frisco, Irving, Garland and
      McKinney"): at least ``town_list_min`` names, in a comma list that ends in "and" or "or".

    Places are the cities in the rule's data plus, after "best ... in", any
    capitalised word; the site's own places (``locations`` in the configuration)
    are never flagged.
    """

    name = "location-spam"
    page_level = True
    options = {"data": (str, "places.yaml"), "town_list_min": (int, 5)}
    positive_options = frozenset({"town_list_min"})

    def setup(self):
        path = Path(self.rule.path).parent / self.opts["data"]
        data = load_yaml(path) if path.is_file() else {}
        data = data or {}
        own = {p.lower() for p in self.settings.locations}
        cities = sorted({c for c in data.get("cities") or [] if c.lower() not in own}, key=lambda w: (-len(w), w))
        self.own = own
        # a city's match starts with the city's first word, as written: a block without one has no city in it
        # (None, every block read, when a city opens with no word: "'s-Hertogenbosch")
        heads = [WORD.match(c) for c in cities]
        self.city_heads = None if None in heads else frozenset(m.group() for m in heads)
        city = "|".join(re.escape(c) for c in cities) or "(?!)"
        self.city = compile_builtin(rf"(?<![\w-])(?:{city})(?![\w-])")
        # districts and suburbs ("Marylebone", "Didsbury") make a town list but are no city of their own: "Chelsea"
        # after a service word is more often a name than a place
        districts = sorted({d for d in data.get("districts") or [] if d.lower() not in own})
        district_heads = [WORD.match(d) for d in districts]
        self.list_heads = None if self.city_heads is None or None in district_heads \
            else self.city_heads | frozenset(m.group() for m in district_heads)
        self.district = compile_builtin("|".join(re.escape(d) for d in districts) or "(?!)")
        cta = "|".join(data.get("calls_to_action") or []) or "(?!)"
        self.cta = compile_builtin(rf"\b(?:{cta})", re.I)
        place = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?"
        self.best = compile_builtin(
            rf"(?i:\blooking\s+for\s+|\bsearching\s+for\s+)?\b(?i:the\s+)?(?i:best|top|cheap|cheapest|leading|number\s+one|no\.?\s*1)\s+"
            rf"(?:[\w'’-]+\s+){{0,5}}?(?:in|near|at)\s+(?P<place>{place})")
        services = {w.lower() for w in data.get("service_words") or []}
        self.services = services
        # "best knee surgeon Harley Street", "top hernia clinic Manchester": a sales word, a service and a place with no
        # "in" between (the place a known city or district, or a street: checked in check())
        service = "|".join(re.escape(w) for w in sorted(services, key=lambda w: (-len(w), w))) or "(?!)"
        self.best_bare = compile_builtin(
            rf"(?i:\b(?:best|top|cheap|cheapest|leading|number\s+one|no\.?\s*1)\s+(?:[\w'’-]+\s+){{0,3}}?"
            rf"(?:{service}))\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?![\w-])")
        self.preposed = compile_builtin(rf"(?i:\b(?:in|near|at)\s+)(?P<place>(?:{city}))(?![\w-])")
        # "Fort Worth", "McKinney", "Weston-super-Mare", "Newcastle upon Tyne"
        town = r"(?:Mc|Mac|O')?[A-Z][a-z]+(?:[ -](?:(?:upon|on|under|super|le|la|en|in|by|de|sur)[ -])?(?:Mc|Mac)?[A-Z][a-z]+){0,2}"
        self.town_list = compile_builtin(
            rf"(?<![\w-]){town}(?:,\s+{town}){{{max(self.opts['town_list_min'] - 2, 0)},}},?\s+(?:and|or|&)\s+{town}(?![\w-])")

    def _own(self, place: str) -> bool:
        return place.lower() in self.own or any(place.lower().startswith(o) for o in self.own)

    def _sentence(self, unit, pos):
        span = unit.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None:
            return 0, len(unit.block.text)
        sent = span.sent
        return sent.start_char, sent.end_char

    def check(self, page):
        for unit in self.units(page):
            text = unit.block.text
            words, lower = words_of(text)
            # each shape needs a word of its own: most blocks have none of them and are not scanned (a letter
            # that ignoring case matches to an ASCII one, "ſ" for "s", leaves the words in lower case no guide)
            folds = not text.isascii() and not lower_aligned(text, text.lower())
            has_best = folds or not _BEST_WORDS.isdisjoint(lower)
            has_city = self.city_heads is None or not self.city_heads.isdisjoint(words)
            has_town = has_city or self.list_heads is None or not self.list_heads.isdisjoint(words)
            near_me = folds or "near" in lower and "me" in lower
            if not (has_best or has_town or near_me):
                continue
            hits: list[tuple[int, int, str]] = []
            for m in self.best.finditer(text) if has_best else ():
                place = m.group("place")
                s0, s1 = self._sentence(unit, m.start())
                known = bool(self.city.fullmatch(place))
                # a call to action in the sentence or just after it ("... in Springfield. Call us today.")
                if self._own(place) or not (known or self.cta.search(text[s0:s1 + 60])):
                    continue
                hits.append((m.start(), m.end("place"), "a 'best ... in' phrase with a place name"))
            for m in self.city.finditer(text) if has_city else ():
                if any(s <= m.start() < e for s, e, _ in hits):
                    continue
                before = text[:m.start()].rstrip()
                word = re.search(r"([\w'’-]+)$", before)
                if not word or m.start() - word.end() > 1 or "\n" in text[word.end():m.start()] \
                        or _INSTITUTION_AFTER.match(text, m.end()):
                    continue  # (a line's end between them, or the place opening a hospital's name: "Plastic Surgery" /
                    # "Riverside Teaching Hospitals")
                prev = word.group(1)
                is_term = any(t.end_char == word.end() and t.label_ == "procedure"
                              for t in unit.terms)
                if prev.lower() in self.services or is_term or _PROCEDURE_WORD.search(prev):
                    if _INSTITUTION_NAME.search(before) and not _SALES_BEFORE.search(before):
                        continue  # a hospital's name: "University Hospital Galway", "St Vincent's Hospital Sydney"
                    start = self._phrase_start(unit, word.start())
                    hits.append((start, m.end(), "a procedure and a town name run together"))
            for m in self.best_bare.finditer(text) if has_best else ():
                place = m.group("place")
                if any(s < m.end() and m.start() < e for s, e, _ in hits) or self._own(place) or not (
                        self.city.fullmatch(place) or self.district.fullmatch(place) or _STREET.search(place)):
                    continue
                hits.append((m.start(), m.end("place"), "a 'best' search phrase with a place name"))
            # "<procedure> in <town>" for several towns in one sentence: sentence start -> (town, start, end)
            listed: dict[int, list[tuple[str, int, int]]] = {}
            for m in self.preposed.finditer(text) if has_city else ():
                if any(s <= m.start() < e for s, e, _ in hits) or self._own(m.group("place")) \
                        or _INSTITUTION_AFTER.match(text, m.end()):
                    continue  # (the first word of a hospital's name: "clinics at Riverside Private Hospital")
                s0, s1 = self._sentence(unit, m.start())
                # a call to action in the sentence or straight after it ("... in Glasgow? Ring us today")
                cta = self.cta.search(text, s0, min(len(text), s1 + 60))
                if cta is None:
                    service = next((t for t in unit.terms if t.label_ == "procedure"
                                    and 0 < m.start() - t.end_char <= 1), None)
                    if service is not None:
                        listed.setdefault(s0, []).append((m.group("place"), service.start_char, m.end()))
                    continue
                start = cta.start() if cta.start() < m.start() else m.start()
                hits.append((start, m.end(), "a call to action with a place name"))
            for found in listed.values():
                if len({place for place, _, _ in found}) >= 2:  # "hernia repair in Leeds, hernia repair in Bradford"
                    hits.extend((s, e, "one service listed for several towns") for _, s, e in found)
            for m in self.town_list.finditer(text) if has_town else ():
                towns = [t.strip() for t in re.split(r",\s+|\s+(?:and|or|&)\s+", m.group())]
                # one known city makes the list; districts alone need to be half of it ("Emma, Grace, Chelsea,
                # Sophie and Kate" is a team)
                districts = sum(1 for t in towns if self.district.fullmatch(t))
                if any(s <= m.start() < e for s, e, _ in hits) \
                        or not (any(self.city.fullmatch(t) for t in towns) or 2 * districts >= len(towns)) \
                        or all(self._own(t) for t in towns):
                    continue
                hits.append((m.start(), m.end(), f"a list of {len(towns)} towns"))
            for m in _NEAR_ME.finditer(text) if near_me else ():
                start = self._phrase_start(unit, m.start())
                if start < m.start() and not any(s <= m.start() < e for s, e, _ in hits):
                    hits.append((start, m.end(), "a 'near me' search phrase"))
            for s, e, reason in hits:
                yield self.hit(unit, s, e, reason=reason)

    def _phrase_start(self, unit, pos: int) -> int:
        """The start of the search phrase ending at ``pos``: back over up to four words, to "best"/"top" if there."""
        text = unit.block.text
        head = text[:pos]
        m = re.search(r"(?i)\b(?:best|top|cheap|cheapest|leading|affordable)\s+(?:[\w'’-]+\s+){0,3}$", head)
        if m:
            return m.start()
        # back over the words of the procedure's name: "hip replacement surgery London"
        for _ in range(3):
            w = re.search(r"([A-Za-z-]+)\s+$", text[:pos])
            if not w or w.group(1).lower() in _FUNCTION_WORDS:
                break
            in_term = any(t.start_char <= w.start(1) < t.end_char for t in unit.terms)
            if not (in_term or w.group(1).lower() in self.services or w.group(1).islower()):
                break
            pos = w.start(1)
        return pos
