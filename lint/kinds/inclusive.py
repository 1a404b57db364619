"""Inclusive language: a generic patient referred to as "he", "his" or "him" (and, with ``flag_female``, as "she" or
"her" on a page that is not about women only).

A pronoun is flagged when the nearest person it can point back to, in its own
block or the one before, is a generic role ("the patient", "every patient",
"the person"), not a named person ("Mr Patel", "John") or a man by definition
("a man", "your husband"). A page about a named man (a case story about "Mr
Thomas Reid" or "James") is never flagged: there "the patient" is him.
"""

from __future__ import annotations

import re
from pathlib import Path

from lint.compiled import compile_re
from lint.kinds.base import Kind, match_case
from lint.yamlio import load_yaml


class GenderedGeneric(Kind):
    name = "gendered-generic"
    page_level = True
    options = {
        "pronouns": (dict, lambda: {"he": "they", "his": "their", "him": "them", "himself": "themselves",
                                    "she": "they", "her": "their", "hers": "theirs", "herself": "themselves"}),
        "generic_nouns": (list, lambda: ["patient", "patients", "person", "individual", "client", "sufferer",
                                         "candidate", "user", "reader", "surgeon", "doctor", "physician", "nurse",
                                         "specialist"]),
        "specific_nouns": (list, lambda: ["man", "men", "husband", "father", "son", "boy", "brother", "gentleman",
                                          "woman", "women", "wife", "mother", "daughter", "girl", "sister", "lady",
                                          "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir"]),
        # people of no stated gender who, unlike "the patient", often stand beside a named man in a story ("a
        # quick chat with a cardiologist ... and he's never felt better"): a "he" after one of them is flagged only
        # when no named man comes before it either
        "weak_generic_nouns": (list, list),
        # word endings that name such a person by profession: "a urologist", "your physiotherapist"
        "generic_endings": (list, list),
        # verbs that, straight after the pronoun, make it a speaker the page has named: '"...," he said'
        "speech_verbs": (list, lambda: ["said", "says", "added", "adds", "explained", "explains", "told", "tells",
                                        "recalled", "recalls", "admitted", "admits", "continued", "continues",
                                        "laughed", "laughs", "wrote", "writes", "noted", "notes", "agreed", "agrees"]),
        "flag_female": (bool, False),
        # with flag_female: words that make a page possibly about women only ("womb", "pregnancy", "breast"), where
        # "she" and "her" may be right; on such a page only "he" and "his" are flagged
        "female_topic_words": (list, list),
        # with flag_female: words of a woman's life rather than her body ("pregnancy", "mother"), which many pages for
        # everyone name ("many people choose a tummy tuck after pregnancy"): they make a page about women when its title
        # or a heading names one or a quarter of its blocks do, and a pronoun a woman's in their own block only
        "female_context_words": (list, list),
        # words that make a page about boys' or men's bodies only ("testicle", "foreskin"), where the "he" of a child or
        # a teenager (the ``patient_nouns``) is a boy; "the patient ... he" is still flagged there
        "male_topic_words": (list, list),
        "patient_nouns": (list, lambda: ["child", "teenager", "adolescent", "baby", "toddler", "infant", "newborn"]),
        "male_titles": (list, lambda: ["Mr", "Mr.", "Sir", "Master", "Lord"]),
        # a heading about "Dr Ramaswamy" or "Professor Lee" makes the page a named person's profile, whose
        # "he" or "she" is that person
        "person_titles": (list, lambda: ["Dr", "Dr.", "Prof", "Prof.", "Professor"]),
        "names": (str, "male-names.yaml"),
        # with flag_female: the titles and given names of a named woman, whose "she" is hers
        "female_titles": (list, lambda: ["Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dame", "Lady"]),
        "female_names": (str, ""),
    }

    def setup(self):
        pronouns = self.opts["pronouns"]
        if not self.opts["flag_female"]:
            pronouns = {k: v for k, v in pronouns.items() if k in ("he", "his", "him", "himself")}
        self.pronouns = pronouns
        self.male_pronouns = {k: v for k, v in pronouns.items() if k in ("he", "his", "him", "himself")}
        self.female_topic = frozenset(w.lower() for w in self.opts["female_topic_words"])
        self.female_context = frozenset(w.lower() for w in self.opts["female_context_words"])
        self.male_topic = frozenset(w.lower() for w in self.opts["male_topic_words"])
        self.patient_nouns = frozenset(w.lower() for w in self.opts["patient_nouns"])
        self.generic = {w.lower() for w in self.opts["generic_nouns"]}
        self.specific = {w.lower() for w in self.opts["specific_nouns"]}
        self.weak_generic = {w.lower() for w in self.opts["weak_generic_nouns"]}
        self.generic_endings = tuple(w.lower() for w in self.opts["generic_endings"])
        self.speech_verbs = frozenset(w.lower() for w in self.opts["speech_verbs"])
        # "Mr Reid", "Mr Thomas Reid", "Thomas Reid", "James"; not an author or reviewer ("Reviewed by Mr Hart")
        self.named_man = self._named(self.opts["male_titles"], self.opts["names"])
        self.named_woman = self._named(self.opts["female_titles"], self.opts["female_names"])
        people = "|".join(re.escape(t) for t in self.opts["person_titles"]) or "(?!)"
        self.named_person = compile_re(rf"(?<!\w)(?:{people})\s+(?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+")
        self.byline = compile_re(r"\b[Bb]y\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir)\.?\s+)?(?:[A-Z][\w'’.-]*\s*){1,3}")

    def _named(self, titles, names_file: str):
        """A pattern for a person named with one of the titles or by one of the given names in the file."""
        path = Path(self.rule.path).parent / names_file if names_file else None
        names = (load_yaml(path) or {}).get("names", []) if path is not None and path.is_file() else []
        titled = "|".join(re.escape(t) for t in titles) or "(?!)"
        given = "|".join(re.escape(n) for n in names) or "(?!)"
        # (not a place or a building named after someone: "San Jose", "St George's Hospital", "Alfred Street")
        return compile_re(rf"(?<!\w)(?:(?:{titled})\s+[A-Z][\w'’-]+|{_NOT_A_PLACE_BEFORE}(?:{given})\b{_NOT_A_PLACE_AFTER})")

    def about_named(self, page, named) -> bool:
        """True when the person ``named`` finds (a named man, a named woman) is the page's subject: named in its title,
        headings or first paragraphs, or named at least twice (a reviewer's name in the footer is neither)."""
        count = 0
        prose = 0
        # "Dr Ramaswamy" in a heading names the page's subject only if the prose names them too ("When To See A
        # Dr About Back Pain" names nobody)
        headed = {m.group() for u in page.units if u.block.scope in ("title", "heading")
                  for m in self.named_person.finditer(u.block.text)}
        if headed and any(name in u.block.text for u in page.units if u.block.scope not in ("title", "heading")
                          for name in headed):
            return True
        for unit in page.units:
            text = self.byline.sub(" ", unit.block.text)
            found = len(named.findall(text))
            if unit.block.scope in ("title", "heading"):
                if found:
                    return True
                continue
            prose += 1
            if found and prose <= 3:
                return True
            count += found
            if count >= 2:
                return True
        return False

    def _antecedent(self, tokens, female: bool = False):
        """The kind of the nearest person mentioned before, walking back: 'generic', 'specific' or None. A "she" passes
        over a man or a boy named, a "he" over a woman or a girl ("Tell the nurse if your son is unwell, so she can ...":
        "she" is the nurse)."""
        weak = False
        other_sex = _MALE_WORDS if female else _FEMALE_WORDS
        for tok in reversed(tokens):
            low = tok.lower_
            if low in self.specific:
                if low in other_sex:
                    continue
                return "specific"
            if low in self.generic:
                # "My family doctor said ... proved her wrong": the writer's own doctor is one person
                if "my" in {t.lower_ for t in tok.doc[max(0, tok.i - 2) : tok.i]} or _apposed_to_a_name(tok):
                    return "specific"
                return "generic"
            if low.endswith("year-old") or low == "old" and {"year", "years"} & {t.lower_ for t in
                                                                                tok.doc[max(0, tok.i - 2) : tok.i]} \
                    and not (tok.i >= 3 and tok.doc[tok.i - 3].lower_ in ("or", "to", "and")):
                # "A 38-year-old solicitor ... her second cycle": one person described (not an age range, "until your
                # child is four or five years old")
                return "specific"
            if low in self.weak_generic or (self.generic_endings and low.endswith(self.generic_endings)
                                            and tok.is_lower):
                if tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("every", "each", "any"):
                    return "generic"  # "Every athlete wants to get back to his game": anyone at all
                # (a child or a teenager is the patient; a urologist, a carer or a GP is someone else)
                weak = weak or ("patient" if low in self.patient_nouns else True)
                continue
            if low in ("he", "him", "his", "himself") and tok.i > 0:
                continue
            # a capitalised word inside a sentence is most likely a name ("Mr Patel", "John")
            if tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper and not tok.is_sent_start \
                    and not _in_terms(tok):
                return "specific"
        return "patient" if weak == "patient" else "generic" if weak else None

    def check(self, page):
        # a page about a named man (his profile, his story) speaks of him throughout: there, only a pronoun whose own
        # sentence names a patient of no one in particular before it is reported ("Dr Marcus Reyes leads the team. ...
        # Before your operation, each patient meets with his surgeon")
        about_a_man = self.about_named(page, self.named_man)
        units = self.units(page)
        pronouns = self.pronouns
        if len(pronouns) > len(self.male_pronouns) and (
                _page_about(page, self.female_topic) or _page_about(page, self.female_context, share=0.25)
                or self.about_named(page, self.named_woman)):
            pronouns = self.male_pronouns  # a page that may be about women only, or about a named woman
        # on a page about boys' or men's bodies only ("your child ... he" on an orchidopexy page), a child or a teenager
        # is a boy
        boys_only = bool(self.male_topic) and _page_about(page, self.male_topic)
        for n, unit in enumerate(units):
            if unit.lower_set.isdisjoint(pronouns):
                continue
            tokens = unit.tokens
            previous = units[n - 1].tokens if n and units[n - 1].block.scope not in ("title", "heading") else []
            for tok, low in zip(tokens, unit.lowers):
                replacement = pronouns.get(low)
                if replacement is None:
                    continue
                if tok.i + 1 < len(tokens) and tokens[tok.i + 1].lower_ in self.speech_verbs:
                    continue  # '"... the only choice for children," he said': a speaker, whom the page has named
                if about_a_man and low in self.male_pronouns \
                        and not _generic_patient_before(tokens[unit.sent_at(tok.i).start:tok.i]):
                    continue  # (his "he"; a "she" on his page is no one he is)
                antecedent = self._antecedent((previous + tokens[max(0, tok.i - 80) : tok.i])[-80:],
                                              female=low not in self.male_pronouns)
                if antecedent is None or antecedent == "specific" \
                        or antecedent == "patient" and boys_only and low in self.male_pronouns:
                    continue
                if low not in self.male_pronouns and (
                        self._near_a_named_woman(unit, tok.idx, units[n - 1] if previous else None)
                        or not unit.lower_set.isdisjoint(self.female_topic)
                        or not unit.lower_set.isdisjoint(self.female_context)
                        or previous and not units[n - 1].lower_set.isdisjoint(self.female_topic)):
                    continue  # (or her block, or the one before, is about a woman's body: "After a hysterectomy ... She")
                yield self.hit(unit, tok.idx, tok.idx + len(tok.text),
                               suggestions=(match_case(replacement, tok.text),),
                               gender="a man" if low in self.male_pronouns else "a woman")


    def _near_a_named_woman(self, unit, before: int, previous) -> bool:
        """"Dr Helen Marsh is a shoulder surgeon who ... She sees patients": a woman, or a person with a title, named
        earlier in the pronoun's block or in the block before it."""
        texts = [unit.block.text[:before]] + ([previous.block.text] if previous is not None else [])
        return any(p.search(t) for t in texts for p in (self.named_woman, self.named_person))


#: words before and after a given name that make it part of a place's name
_NOT_A_PLACE_BEFORE = "".join(f"(?<!{re.escape(w)}\\s)" for w in (
    "San", "Santa", "St", "St.", "Saint", "Port", "Fort", "Lake", "Mount", "Mt", "Mt.", "King", "Queen", "Prince",
    "Princess", "Royal")) + r"(?<!,\s)"  # (nor an address's state: "Riverbend Health, Victoria")
_NOT_A_PLACE_AFTER = r"(?!\s+(?:Street|St\b|Road|Rd\b|Avenue|Ave\b|Lane|Square|Park|Bridge|Hospital|Infirmary|Clinic" \
    r"|Centre|Center|House|Medical|Health|Wing|Building|Ward|Unit|Court|Place|Gardens|Way|Drive|Hill|Valley))"


#: a patient of no one in particular: "each patient", "every client", "the patient"
_ANY_PATIENT = frozenset({"patient", "client", "person", "individual", "candidate"})
_ANY_DETERMINERS = frozenset({"each", "every", "any", "the", "a"})


#: words opening a clause of condition or time, whose patient the main clause after its comma goes on about
_IF_WHEN = frozenset({"if", "when", "once", "before", "after", "unless", "until", "while", "whenever"})


def _generic_patient_before(tokens) -> bool:
    """Do these words (a sentence up to a pronoun) name a patient of no one in particular ("each patient meets with
    his surgeon"), with no name or other pronoun after it that the pronoun may be about?"""
    for k in range(len(tokens) - 1, 0, -1):
        tok = tokens[k]
        low = tok.lower_
        if tok.text == "," and tokens[0].lower_ in _IF_WHEN and _generic_patient_before(tokens[:k]):
            return True  # "If a patient smokes, he should stop": the clause before names the one the pronoun is
        if low in ("he", "him", "his", "himself", "she", "her", "hers", "herself") or tok.is_punct \
                or tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start:
            return False  # (after a comma, a clause of its own: "Like every patient, he did his exercises")
        if low in _ANY_PATIENT:
            return tokens[k - 1].lower_ in _ANY_DETERMINERS
    return False


def _apposed_to_a_name(tok) -> bool:
    """"Mr Daniel Okafor, consultant general surgeon, reports his outcomes": the role is the named man's, set beside
    his name after a comma, with at most an article and three describing words between."""
    i = tok.i - 1
    while i >= 0 and tok.i - i <= 4 and tok.doc[i].is_lower and tok.doc[i].is_alpha:
        i -= 1
    if i < 1 or tok.doc[i].text != ",":
        return False
    name = tok.doc[i - 1]
    return name.is_alpha and name.text[:1].isupper() and not name.is_upper and not name.is_sent_start


def _in_terms(tok) -> bool:
    return any(s.start <= tok.i < s.end for s in tok.doc.spans.get("terms", ()))


#: the words for a man or a boy, and for a woman or a girl, that a pronoun of the other sex cannot stand for
_MALE_WORDS = frozenset({"man", "men", "husband", "father", "son", "sons", "boy", "boys", "brother", "gentleman", "mr",
                         "mr.", "sir"})
_FEMALE_WORDS = frozenset({"woman", "women", "wife", "mother", "daughter", "daughters", "girl", "girls", "sister", "lady",
                           "mrs", "mrs.", "ms", "ms.", "miss"})


def _page_about(page, words: frozenset, share: float = 0.0) -> bool:
    """Is the page about what ``words`` name (women's or men's bodies)? When its title or a heading names it, or two of
    its blocks do (and at least ``share`` of them): one "tell us if you are pregnant" on a page about arthritis infusions
    does not make its patient a woman."""
    if not words:
        return False
    blocks = 0
    for unit in page.units:
        if not unit.lower_set.isdisjoint(words):
            if unit.block.scope in ("title", "heading"):
                return True
            blocks += 1
    return blocks >= max(2, share * len(page.units))
