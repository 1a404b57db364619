"""Grammar slips common in web copy, caught without a grammar server or a trained parser.

The agreement and missing-word rules are spaCy ``Matcher`` patterns over word
lists in the rule pack (``rules/grammar/words.yaml``): plural and singular
nouns, verbs and their "-s" forms. A pattern only judges a subject that starts
a clause ("Your stitches needs", "Most people goes", "The results of the
operation varies"), so an object followed by the next clause's verb ("the
doctor who treats patients needs...") is left alone.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from lint.compiled import compile_re
from lint.documents.base import line_around
from lint.kinds.base import BATTERY_SIZE_AFTER, Kind
from lint.yamlio import load_yaml

if TYPE_CHECKING:  # spaCy is imported when a Matcher is first built: listing or explaining the rules needs none
    from spacy.matcher import Matcher

# a word allowed twice in a row
_ALLOWED_DOUBLES = {"that", "had", "is", "do", "very", "bye", "so", "no", "knock", "ha", "blah", "tsk"}
#: singular verbs that are also nouns, read as verbs after "the/our ... <plural noun>": "The injections works"
_DET_PLURAL_VERBS = frozenset({"has", "is", "was", "does", "works", "helps", "lasts", "costs", "needs", "hurts"})
#: verbs of movement and holding in -s that are also plural nouns ("falls", "thins" is no noun but no list holds it):
#: read as verbs after a plural only with a place or an object after them
_MOVEMENT_THIRD = frozenset({"falls", "thins", "drops", "slips", "rises", "sinks", "moves", "turns", "stays", "holds",
                             "keeps", "shrinks", "swells", "heals", "settles"})
#: plural nouns for people, the heads of "who" clauses
_PEOPLE_PLURALS = frozenset({"women", "men", "people", "patients", "children", "adults", "parents", "mothers", "fathers",
                             "babies", "girls", "boys", "smokers", "athletes", "those", "others", "clients", "teenagers",
                             "travellers", "travelers", "visitors", "customers", "members", "guests", "runners"})
#: adverbs that may stand in a noun phrase ("the wound then", "the patient now", "the one only", "the stitches all"): no
#: sign that the word after them is a verb
_NOUN_ADVERBS = frozenset({"then", "now", "only", "just", "all", "both", "still", "really"})
#: verbs in the singular after "people who": "Patients who drinks heavily" (some are also nouns elsewhere: "drinks")
_WHO_THIRD = frozenset({"has", "is", "was", "does", "drinks", "smokes", "needs", "wants", "takes", "gets", "lives", "works",
                        "uses", "suffers", "chooses", "decides", "plans", "comes", "goes", "lifts", "plays", "runs",
                        "travels", "arrives", "stays", "flies", "books", "prefers", "wishes", "feels"})
#: words for one person, whoever it is: "Anyone who have had" takes the singular
_ONE_PERSON = frozenset({"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody", "whoever"})
#: nouns for one person, the heads of "who" clauses: "a person who has had"
_ONE_PERSON_NOUNS = frozenset({"person", "patient", "man", "woman", "child", "baby", "adult", "parent", "smoker",
                               "mother", "father", "teenager", "client", "individual"})
#: the people of a care team, who pages name in pairs ("your surgeon and the ward nurse")
_CARE_ROLES = frozenset({"surgeon", "nurse", "doctor", "anaesthetist", "anesthesiologist", "physiotherapist", "consultant",
                         "dietitian", "gp", "specialist", "pharmacist", "radiologist", "midwife", "therapist", "registrar",
                         "physician", "psychologist", "optometrist", "audiologist", "dentist", "hygienist"})
_CLAUSE_OPENERS = {
    "if", "when", "because", "although", "though", "while", "as", "until", "since", "so", "but", "and", "or",
    "that", "where", "unless", "once", "whether", "then", "however",
}
_CLAUSE_PUNCT = {",", ";", ":", "(", "—", "–", "-", "\"", "“", "'"}
_OPENING_ADVERBS = {"sometimes", "occasionally", "often", "usually", "normally", "rarely", "now", "later", "afterwards",
                    "afterward", "eventually", "finally", "next", "today", "here", "generally", "typically"}
#: the shares of a plural that take its verb: "Most of the stitches dissolve"
_SHARES = frozenset({"most", "many", "some", "all", "few", "several", "both", "half"})
#: participles that stand between a plural and the phrase that places it: "hormones made in the gut"
_MADE_PARTICIPLES = frozenset({"made", "produced", "found", "released", "stored", "formed", "grown", "carried", "kept",
                               "held", "lying", "living", "sitting"})
_PREPOSITIONS = {
    "of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "after", "before", "during", "without",
    "under", "over", "into", "through", "between", "like", "than", "around", "near", "who", "which", "what",
}
#: words that open a verb's object: after one, "show" or "blocks" is a verb, not the last word of a noun
_OBJECT_OPENERS = frozenset({"a", "an", "any", "no", "signs", "your", "some", "more", "less", "little", "much"})
#: ... and, after a plural-looking subject, these too: "When the stones blocks the duct"
_PLURAL_OBJECT_OPENERS = _OBJECT_OPENERS | {"the", "that", "it", "them", "you"}
#: after "The coils stays", words of where or how: "in place", "on the skin", "for a week"
_PLACE_AFTER = _PLURAL_OBJECT_OPENERS | {"in", "on", "at", "for", "up", "out", "down", "into", "over", "under", "away",
                                         "off", "back", "through", "throughout", "during", "until"}
#: plurals that name the kind of the noun after them: "sports drinks", "arms rests"
_PLURAL_MODIFIERS = frozenset({"sports", "arms", "glasses", "clothes", "savings", "news", "means", "series", "species",
                               "goods", "customs", "headquarters", "works", "arts", "sales", "parts", "stairs"})
#: the words that make an -ing phrase after them an adverbial, not a subject: "when passing urine"
_ING_ADVERBIAL = frozenset({"when", "while", "whilst", "after", "before", "on", "by", "without", "since", "until"})
_TIME_PLURALS = frozenset({"days", "weeks", "months", "years", "hours", "minutes", "nights", "mornings", "evenings",
                           # the decades of a life, one stretch of it: "the late twenties is the best age"
                           "teens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                           "nineties"})
#: prepositions of place, whose phrase may stand between a subject and its verb: "The stitches under the skin dissolve"
_PLACE_PREPOSITIONS = frozenset({"in", "under", "inside", "within", "on", "around", "near", "behind", "below", "above",
                                 "along", "beneath", "between", "at"})
#: and of when, with what or from where, after a plural opening its sentence: "The main risks after carotid surgery is
#: stroke", "The results from the lab is"
_OPENING_PHRASE_PREPOSITIONS = _PLACE_PREPOSITIONS | {"after", "from", "with", "during", "following"}
#: nouns for a part of a thing, which "and" may join to another thing after "of": "the top of the skull and brain"
_PART_HEADS = frozenset({"top", "bottom", "back", "front", "side", "base", "tip", "end", "lining", "wall", "surface", "edge",
                         "rest", "inside", "outside", "roof", "floor"})
_PRONOUNS = {"i", "you", "we", "they", "he", "she", "it", "this", "that", "these", "those", "there", "who", "which"}
#: the titles before a person's name (with their full stop, which the tokenizer keeps on some: "Dr. Ramirez")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "mr.", "mrs.", "ms.", "dr.", "prof."})
_FUNCTION_WORDS = {
    "may", "can", "will", "would", "should", "must", "might", "could", "shall", "did", "does", "do", "to", "not",
    "also", "then", "still", "only", "just", "always", "never", "often", "usually", "same", "other", "first", "next",
    "last", "new", "own", "way", "time", "most", "more", "less", "very", "much", "such", "one", "two", "three",
}
# words that may stand between a modal and its verb: "may then feel", "can also cause"
_BETWEEN_MODAL = {"then", "also", "still", "not", "only", "often", "usually", "sometimes", "soon", "now", "just", "even"}
#: words that open a clause of their own, with its own subject and verb
_CLAUSE_CONJUNCTIONS = frozenset({"until", "unless", "because", "while", "whilst", "if", "once", "since", "although",
                                  "though", "so"})
#: words before a noun, never before a verb (not "this", which may stand for a noun: "The cause of this are unknown")
_DETERMINERS = frozenset({"a", "an", "the", "your", "my", "our", "their", "its"})
_MODALS_BEFORE_VERB = {"can", "could", "will", "would", "may", "might", "should", "must", "shall", "to", "did", "does",
                       "'ll", "’ll"}
_AUX_AFTER = {"is", "are", "was", "were", "can", "could", "will", "would", "may", "might", "should", "must", "has",
              "have", "had", "'s", "’s"}
#: words whose "'s" is "is" or "has", not a possessive: "it's", "there's"
_NOT_POSSESSORS = frozenset({"it", "that", "there", "here", "he", "she", "what", "who", "where", "when", "how", "this",
                             "let", "everyone", "everything", "nothing", "something"})
#: the determiners that name an owner: after one, a word that may be a verb is a noun ("Your experience are")
_POSSESSIVE_DETS = frozenset({"your", "my", "his", "her", "its", "our", "their", "'s", "’s"})
#: words whose "'s" is "is" or "has" even before a noun and a verb ("it's symptoms are" is GRM007's): "everyone's"
#: and the like own what follows there ("Everyone's experience are different")
_NOT_OWNERS = _NOT_POSSESSORS - {"everyone", "everything", "nothing", "something"}
#: the determiners of one thing
_SINGULAR_DETS = frozenset({"the", "a", "an", "this", "that", "each", "every", "your", "my", "his", "her", "its", "our",
                            "their"})
#: the endings of plurals (and Latin and Greek ones), adjectives and participles: no singular noun's
_NOT_SINGULAR_ENDING = re.compile(r"(?:s|ae|ia|ata|i|ed|en|ing|ous|ful|al|ic|ible|able|est|er|ly)$")
#: verbs that show a clause: "it is slowly pulled back, and the vein ..."
_FINITE_VERBS = frozenset(_AUX_AFTER - {"'s", "’s"} | {"did", "does"})
#: words after "the" that stand for more than one thing, or for one of several: "the rest", "the first"
_NOT_ONE_THING = frozenset({"rest", "first", "second", "third", "last", "next", "other", "same", "former", "latter",
                            "remainder", "pair", "lot"})
#: the endings of a name that is one thing though it ends in -s: "arthritis", "sepsis", "diagnosis", "dialysis" (their
#: plurals end in -itides and -ses), "redness", "numbness"
_ONE_THING_ENDING = re.compile(r"(?:itis|sis|ness)$")
#: a time phrase's last word, after which a clause may start with no comma: "within about a week the band and the
#: haemorrhoid fall off"
_TIME_BEFORE_CLAUSE = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "hours", "then",
                                 "later", "afterwards", "eventually", "soon", "usually", "often"})
#: the words after "last" when it names a time, not a verb ("swelling last winter", "the pain last night")
_TIME_AFTER_LAST = frozenset({"night", "week", "weekend", "month", "year", "time", "winter", "summer", "spring", "autumn",
                              "fall", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "few",
                              "two", "three", "visit", "appointment", "dose", "meal", "season", "term", "decade",
                              "christmas"})


# words in -ing that begin a sentence as prepositions, not as subjects
_ING_PREPOSITIONS = {"during", "according", "including", "regarding", "concerning", "considering", "depending",
                     "assuming", "notwithstanding", "excluding"}
# -ing words that are subjects only with a pronoun object ("Following it closely are..." but "Following surgery, ...")
_ING_AMBIGUOUS = {"following", "being", "having", "after"}
# -ing words that open an action as a subject, and almost never name a thing ("walking sticks", "sleeping pills",
# "hearing aids" do): "Wearing stockings every day help push blood back" wants "helps"
_ACTION_GERUNDS = {"wearing", "taking", "using", "doing", "keeping", "avoiding", "getting", "stopping", "losing",
                   "drinking", "raising", "lifting", "putting", "applying", "resting", "stretching", "practising",
                   "practicing", "reducing", "cutting", "changing", "staying", "quitting", "limiting", "elevating",
                   "exercising", "eating", "giving", "moving"}
# words that end such a subject or carry the verb's agreement ("Taking painkillers may help")
_ACTION_STOPS = {"and", "or", "but", "to", "that", "which", "who", "than", "as", "may", "might", "can", "could", "will",
                 "would", "should", "must", "shall", "do", "does", "did", "not", "won't", "can't"}
# the verbs such a subject is said to do, in the base form that a plural subject would take
_ACTION_RESULTS = {"help", "make", "keep", "reduce", "lower", "improve", "prevent", "ease", "protect", "cause",
                   "increase", "mean", "give", "stop", "speed", "relieve", "boost", "encourage", "allow", "let"}


def third_person(verb: str) -> str:
    """The "-s" form of a regular verb: need -> needs, vary -> varies, go -> goes."""
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


plural = third_person  # the spelling rules for regular plurals are the same


def _plural_name(word: str) -> bool:
    """A structure's name in the plural ("gums", "tonsils", "ovaries"): it ends in -s, but not as
    "pancreas", "pelvis", "uterus", "lens", "biceps" or "os" do."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "ns", "os", "eps"))




def _classical_singulars(word: str) -> tuple[str, ...]:
    """The singulars a Latin or Greek plural may have: "pterygia" <- "pterygium", "chalazia" <- "chalazion",
    "menisci" <- "meniscus", "vertebrae" <- "vertebra", "stomata" <- "stoma"."""
    if word.endswith("ae"):
        return (word[:-1],)
    if word.endswith("ata"):
        return (word[:-2], word[:-1] + "um")
    if word.endswith("a"):
        return (word[:-1] + "um", word[:-1] + "on")
    if word.endswith("i"):
        return (word[:-1] + "us",)
    return ()


_WORDS_MADE: dict = {}


def load_words(rule, kb=None) -> dict:
    """The grammar word lists, with the knowledge base's one-word names added to the nouns.

    Made once per word file and knowledge base (three rules share them); callers only read them.
    """
    path = Path(rule.path).parent / "words.yaml"
    try:
        stamp = path.stat()
        key = (str(path), id(kb), stamp.st_mtime_ns, stamp.st_size)
    except OSError:
        key = (str(path), id(kb))
    made = _WORDS_MADE.get(key)
    if made is not None and made[0] is kb:
        return made[1]
    words = _make_words(path, kb)
    _WORDS_MADE[key] = (kb, words)
    return words


def _make_words(path: Path, kb) -> dict:
    data = dict(load_yaml(path) or {}) if path.is_file() else {}
    nouns = {n.lower().split()[-1] for n in data.get("nouns") or []}
    singular_s = {w.lower() for w in data.get("singular_s") or []}
    either = {w.lower() for w in data.get("either_number") or []}
    kb_plurals = set()
    if kb is not None:
        names = {phrase for label, _, phrase in kb.lexicon()
                 if label in ("structure", "procedure", "condition") and phrase.isalpha() and phrase.islower()}
        for phrase in names:
            if phrase in either:
                continue
            # (a name ending in one that is singular is too: "prediabetes", "neurosyphilis")
            if _plural_name(phrase) and not phrase.endswith("ics") \
                    and not any(phrase.endswith(one) for one in singular_s if len(one) > 4 or one == phrase):
                # "gums", "tonsils", "piles", "gallstones", "grommets": named in the plural ("orthodontics" is a field)
                kb_plurals.add(phrase)
            elif any(single in names for single in _classical_singulars(phrase)):
                # "pterygia", "chalazia", "menisci", "vertebrae": the Latin or Greek plural of a name the base holds
                kb_plurals.add(phrase)
            else:
                nouns.add(phrase)
    verbs = {v.lower() for v in data.get("verbs") or []}
    irregular = {k: tuple(v) for k, v in (data.get("irregular_verbs") or {}).items()}
    noun_like = {v.lower() for v in data.get("noun_like_verbs") or []}
    noun_like_third = {v.lower() for v in data.get("noun_like_third") or []}
    third = {third_person(v) for v in verbs if v not in irregular and v not in noun_like_third}
    base = {v for v in verbs if v not in noun_like and v not in irregular}
    for forms in irregular.values():
        third.add(forms[0])
        base.add(forms[1])
    base.update({"were", "don't"})
    third.update({"was", "doesn't"})
    irregular_plurals = {w.lower() for w in data.get("irregular_plurals") or []} | kb_plurals
    plurals = {plural(n) for n in nouns if not n.endswith("s")} | irregular_plurals
    # a noun after a determiner is a noun even when the word can be a verb ("the risk", "the cut")
    singulars = {n for n in nouns if n not in irregular_plurals} - plurals - third
    return {
        "plurals": plurals - base - third,
        "singulars": singulars - base,
        "third": third - plurals,
        "base": base - singulars,
        "all_verbs": verbs | third | base,
        "quantity": {w.lower() for w in data.get("quantity_heads") or []},
        "singular_of_heads": {w.lower() for w in data.get("singular_of_heads") or []},
        "adverbs": [w.lower() for w in data.get("adverbs") or []],
        "determiners": {w.lower() for w in data.get("determiners") or []},
        "to_adjectives": [w.lower() for w in data.get("to_adjectives") or [] if " " not in w],
        "risk_lead_in": data.get("risk_lead_in") or r"(?i)\brisks?\b",
        "verb_bases": verbs - _AUXILIARY_BASES,
        "noun_like": noun_like,
        "need_nouns": {w.lower() for w in data.get("need_nouns") or []},
        "need_objects": sorted({w.lower() for w in data.get("need_objects") or []}),
        "strict": {v.lower() for v in data.get("strict_verbs") or []},
        "plural_groups": {w.lower() for w in data.get("plural_groups") or []},
        "singular_s": singular_s,
        "either_number": either,
        "nouns": nouns,
        "mass_nouns": {w.lower() for w in data.get("mass_nouns") or []},
        # base -> (simple past, past participle), for the irregular verbs
        "past_forms": {k.lower(): (str(v[0]).lower(), str(v[1]).lower())
                       for k, v in (data.get("past_forms") or {}).items()},
        "ambiguous_past": {w.lower() for w in data.get("ambiguous_past_forms") or []},
        "intransitive_verbs": {w.lower() for w in data.get("intransitive_verbs") or []},
        "passive_verbs": {w.lower() for w in data.get("passive_verbs") or []},
        "not_after_be": {w.lower() for w in data.get("not_after_be") or []},
        "verbs_not_nouns": {w.lower() for w in data.get("verbs_not_nouns") or []},
        "same_form_past": {w.lower() for w in data.get("same_form_past") or []},
    }


#: short phrases that open a sentence with no comma before its subject: "In this case all four glands ..."
_OPENING_PHRASES = frozenset(
    [("in", det, "case") for det in ("this", "that", "each", "either", "any")]
    + [("in", det, "cases") for det in ("these", "those", "most", "many", "some", "rare")] + [("in", "a", "few", "cases")]
    + [("at", det, end) for det in ("this", "that") for end in ("stage", "point", "time")]
    + [(first, det) for first in ("after", "before") for det in ("this", "that")])
_OPENING_PHRASE_ENDS = frozenset(phrase[-1] for phrase in _OPENING_PHRASES)


def clause_start(doc, i: int) -> bool:
    tok = doc[i]
    if tok.is_sent_start or i == 0:
        return True
    prev = doc[i - 1]
    if prev.text in _CLAUSE_PUNCT or prev.lower_ in _CLAUSE_OPENERS:
        return True
    if len(prev.text) > 1 and prev.text[-1] in ",;:" and not any(c.isalnum() for c in prev.text):
        return True  # a bracket's close and a colon, one token: "Healing time (3 to 6 months): The bone need"
    if _opens_with_time_phrase(doc, i):
        return True
    # an adverb that opens the clause: "Sometimes the stones is too large"
    if prev.lower_ in _OPENING_ADVERBS and (i == 1 or prev.is_sent_start or doc[i - 2].text in _CLAUSE_PUNCT):
        return True
    # a short phrase of time or case that opens the sentence with no comma: "In this case all four glands is checked"
    if prev.lower_ not in _OPENING_PHRASE_ENDS:
        return False
    for k in range(i - 2, max(-1, i - 5), -1):
        if doc[k].is_sent_start or k == 0:
            return tuple(t.lower_ for t in doc[k:i]) in _OPENING_PHRASES
    return False


#: "there is no visible scars afterwards": "there is", "no", a word that may describe, and a plural that ends its clause
#: (before a stop, a word of time or place, or "and no"; not before a noun it names the kind of: "no sports centre")
_THERE_IS_NO_PLURAL = compile_re(
    r"(?i)\bthere\s+(?P<verb>is|was)\s+no\s+(?:(?-i:[a-z]+)\s+)?(?P<noun>(?-i:[a-z]{3,}s))\b"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:afterwards|after|left|at\s+all|to\s+(?:remove|worry|see|take|clean)|from|in|on|for|with"
    r"|and\s+no)\b)")
#: the prepositions and the last words of a phrase of time that opens a sentence with no comma: "Over time the symptoms
#: gets worse", "Over the following weeks the treated veins fades"
_TIME_PHRASE_OPENERS = frozenset({"over", "after", "within", "during", "in", "for", "by", "until", "at", "with"})
_TIME_PHRASE_ENDS = frozenset({"time", "weeks", "days", "months", "years", "week", "day", "month", "year", "first",
                               "night", "morning", "evening", "hours", "surgery", "treatment", "operation", "procedure"})


def _opens_with_time_phrase(doc, i: int) -> bool:
    """Do the words before ``i`` (two to five of them) make a phrase of time that opens the sentence?"""
    if doc[i - 1].lower_ not in _TIME_PHRASE_ENDS:
        return False
    for k in range(i - 2, max(-1, i - 6), -1):
        if doc[k].is_sent_start or k == 0:
            return doc[k].lower_ in _TIME_PHRASE_OPENERS and all(t.is_alpha for t in doc[k:i])
    return False


def _line_break_between(page, unit, start: int, end: int) -> bool:
    """True when a short capitalised line ends between two words of a block: in a plain-text page a
    heading can run straight into its paragraph ("Bleeding\nBleeding in the neck..."). A repeat
    across an ordinary wrapped line ("keep the\nthe wound dry") is still a slip."""
    source = page.document.source
    a, b = unit.block.source_span(start, end)
    if "\n" not in source[a:b] and "\r" not in source[a:b]:
        return False
    line = source[line_around(source, a)[0]:a].strip()
    return bool(line) and line[0].isupper() and len(line.split()) <= 4


class RepeatedWord(Kind):
    """The same word twice in a row: "the the"."""

    name = "repeated-word"
    options = {"allowed": (list, lambda: sorted(_ALLOWED_DOUBLES))}

    def setup(self):
        self.allowed = {w.lower() for w in self.opts["allowed"]}

    def check(self, page):
        for unit in self.units(page):
            lowers, tokens = unit.lowers, None
            for i in range(1, len(lowers)):
                if lowers[i] != lowers[i - 1]:
                    continue
                tokens = tokens or unit.tokens
                tok, prev = tokens[i], tokens[i - 1]
                allowed = tok.lower_ in self.allowed
                if allowed and tok.lower_ == "is":
                    # "what it is is", "all it is is": not "the procedure is is carried out"
                    allowed = bool({t.lower_ for t in tokens[max(0, i - 6) : i - 1]} & {"what", "all"})
                elif tok.lower_ == "in" and i + 1 < len(tokens):
                    # "used in in vitro fertilisation": the second opens a Latin phrase ("in-vitro" too)
                    after = tokens[i + 2] if tokens[i + 1].text == "-" and i + 2 < len(tokens) else tokens[i + 1]
                    allowed = after.lower_ in _LATIN_AFTER_IN
                if tok.is_alpha and prev.is_alpha and tok.lower_ == prev.lower_ and not allowed \
                        and prev.whitespace_ and not prev.whitespace_.strip() \
                        and not _line_break_between(page, unit, prev.idx + len(prev.text), tok.idx):
                    yield self.hit(unit, prev.idx, tok.idx + len(tok.text), suggestions=(prev.text,),
                                   fix=prev.text if self.rule.fix else None, word=tok.text)


#: the Latin words "in" opens in medical phrases: "in vitro", "in situ", "in utero", "in vivo"
_LATIN_AFTER_IN = frozenset({"vitro", "vivo", "situ", "utero"})
_HYPHENATED = compile_re(r"\w+(?:-\w+)*")
# letters whose names start with a vowel sound: "an F", "an M", "an X"
_AN_LETTERS = frozenset("aefhilmnorsx")


class IndefiniteArticle(Kind):
    """ "a anaesthetic", "an procedure": the article that does not fit the next word's first sound.

    The sound is read from the spelling: a vowel letter is a vowel sound, but for the word-starts listed as
    sounding like a consonant ("uni", "ure", "eu", "one": "a urologist", "a one-off") and the silent h of "hour"
    and "honest". Besides lower-case words, only what is read letter by letter or as a number is judged: a
    hyphenated letter ("an X-ray"), an initialism ("an MRI", "an NHS hospital"), digits ("an 8-week course"). A
    name, or an abbreviation read as a word ("a NICE guideline"), is left alone.
    """

    name = "indefinite-article"
    options = {
        "consonant_sound_starts": (list, list),
        "vowel_sound_starts": (list, list),
        "either_starts": (list, list),
        # abbreviations with a vowel that are read letter by letter ("an MRI", "an ECG"); one with no vowel ("NHS",
        # "GP") is read so anyway, and any other is left alone ("a NICE guideline" is read as a word)
        "initialisms": (list, list),
    }

    def setup(self):
        self.consonant_sound = tuple(w.lower() for w in self.opts["consonant_sound_starts"])
        self.vowel_sound = tuple(w.lower() for w in self.opts["vowel_sound_starts"])
        self.either = tuple(w.lower() for w in self.opts["either_starts"])
        self.initialisms = frozenset(self.opts["initialisms"])

    def _wants_an(self, word: str) -> bool | None:
        """True for a word that takes "an", False for one that takes "a", None when the spelling cannot tell."""
        if len(word) >= 2 and word[1] == "-" and word[0].isalpha():
            return word[0].lower() in _AN_LETTERS  # a letter read by its name: "an X-ray", "a U-shaped cut"
        if word.isdigit():
            # a number read out: "an 8-week course", "an 11-year-old", "a 10 cm cut"
            return word[0] == "8" or word in ("11", "18")
        if word.isalpha() and word.isupper() and 2 <= len(word) <= 6 and (
                word in self.initialisms or not any(c in "AEIOU" for c in word)):
            return word[0].lower() in _AN_LETTERS  # read letter by letter: "an MRI scan", "an NHS hospital"
        if not word[:1].isalpha() or not word.islower() or len(word) < 2:
            return None  # a name, or an abbreviation read as a word ("a NICE guideline", "an AIDS test")
        if word.startswith(self.either):
            return None
        if word.startswith(self.vowel_sound):
            return True
        if word.startswith(self.consonant_sound):
            return False
        return word[0] in "aeiou"

    def check(self, page):
        for unit in self.units(page):
            lowers = unit.lowers
            if "a" not in unit.lower_set and "an" not in unit.lower_set:
                continue
            tokens = unit.tokens
            for i in range(len(lowers) - 1):
                article = lowers[i]
                if article not in ("a", "an"):
                    continue
                tok, nxt = tokens[i], tokens[i + 1]
                if tok.text[0] == "A" and not tok.is_sent_start:
                    continue  # "hepatitis A is", "Vitamin A": the letter, not the article
                if not tok.whitespace_ or "\n" in tok.whitespace_ or (i > 0 and tokens[i - 1].text in ("(", "[")):
                    continue  # "(a) ...": a list's letter
                word = nxt.text
                if len(word) == 1 and i + 2 < len(tokens) and tokens[i + 2].text == "-" and not nxt.whitespace_:
                    word += "-"  # "X-ray" read as "X", "-", "ray"
                if word in ("AA", "AAA") and BATTERY_SIZE_AFTER.match(unit.block.text, nxt.idx + len(word)):
                    continue  # a battery's size, read "double A", "triple A": "a AAA battery"
                wants_an = self._wants_an(word)
                if wants_an is None or wants_an == (article == "an"):
                    continue
                right = ("an" if wants_an else "a")
                right = right.capitalize() if tok.text[0].isupper() else right
                end = nxt.idx + len(nxt.text)
                if word.endswith("-"):  # the whole word: "an X-ray"
                    end = _HYPHENATED.match(unit.block.text, nxt.idx).end()
                fixed = f"{right}{tok.whitespace_}{unit.block.text[nxt.idx:end]}"
                yield self.hit(unit, tok.idx, end, suggestions=(fixed,),
                               fix=fixed if self.rule.fix else None, article=right,
                               sound="vowel" if wants_an else "consonant")


class _Recording:
    """A Matcher's ``add`` that keeps the patterns added, for ``_pattern_reach``, and gives the Matcher each word
    list test as a flag of the vocabulary's words (``_WordFlags``).

    The patterns reach the Matcher at ``finish``, once all are known: the tests a match can start with are given
    flags first, as the Matcher runs them at every token, and the others, run only on a match begun, after them.
    """

    def __init__(self, matcher: Matcher):
        self.matcher = matcher
        self.patterns: list = []
        self.flags = _WordFlags.of(matcher.vocab)
        self._added: list[tuple] = []

    def add(self, label, patterns, **kwargs) -> None:
        from spacy.errors import MatchPatternError
        from spacy.schemas import validate_token_pattern

        for pattern in patterns:  # checked as written (the Matcher that takes the flags cannot check them)
            errors = validate_token_pattern(pattern)
            if errors:
                raise MatchPatternError(label, {0: errors})
        self.patterns.extend(patterns)
        self._added.append((label, patterns, kwargs))

    def finish(self) -> None:
        specs = [spec for _, patterns, _ in self._added for pattern in patterns for spec in _leading(pattern)]
        for spec in specs:
            self.flags.spec(spec, leading=True)
        for label, patterns, kwargs in self._added:
            self.matcher.add(label, [[self.flags.spec(spec) for spec in pattern] for pattern in patterns], **kwargs)
        self._added.clear()


def _leading(pattern: list) -> list:
    """The specs of a pattern that a match may start with: the first, and each after one that may match nothing."""
    out = []
    for spec in pattern:
        out.append(spec)
        op = spec.get("OP", "1")
        if not (op in ("?", "*") or op.startswith("{0")):
            break
    return out


class _WordFlags:
    """Word list tests of Matcher patterns as flags of the vocabulary's words.

    The Matcher tests ``{"LOWER": {"IN": [...]}}`` and ``{"TEXT": {"REGEX": ...}}`` by calling Python for each
    token at each pattern state (half of the agreement rule's time); a flag of the word, worked out once for each word
    the process meets, is read in C. A word has 63 flag bits, spaCy's own among them: a test left without one stays as
    written.

    ``Vocab.add_flag`` would walk the vocabulary once for each flag (fifty of them: a fifth of the first page's time)
    and call each flag's own function for every word met later (fifty calls for each new word). Instead the words
    are given all their flags together (``settle``): those already in the vocabulary in one walk when flags are added,
    each word met later (one function notes it, and gives spaCy no value to set) before the next match. A word list's
    flags are looked up by the word, in one dict; a pattern's are tried.
    """

    _by_vocab: dict = {}
    #: the flags a test that no match starts with leaves free: the Matcher runs a leading test at every token, so
    #: the leading tests of the Matchers built later (about ten, in the verb-form and missing-to rules) are worth more
    RESERVED = 12
    #: the word attributes a flag can stand for: the word's own text, in lower case or as written
    _READ = {"LOWER": str.lower, "TEXT": None, "ORTH": None}

    def __init__(self, vocab):
        self.vocab = vocab
        self.flags: dict[tuple, int | None] = {}
        #: (lower case?, word) -> the flags of the word lists that hold it
        self._by_word: dict[tuple[bool, str], list[int]] = {}
        #: (flag, test) of the patterns: test(text) is True when the word has the flag
        self._searched: list[tuple[int, object]] = []
        self._lowered = False
        self._bits: set[int] = set()
        #: flags added since the vocabulary was last walked
        self._unsettled = False
        #: the words new to the vocabulary since the last ``settle``
        self._met: list[str] = []

    @classmethod
    def of(cls, vocab) -> "_WordFlags":
        made = cls._by_vocab.get(id(vocab))
        if made is None or made.vocab is not vocab:
            made = cls._by_vocab[id(vocab)] = cls(vocab)
        return made

    def spec(self, spec: dict, leading: bool = False) -> dict:
        """The token spec with each test it can be given as a flag so given. A test a match may start with
        (``leading``) takes any free flag; any other leaves ``RESERVED`` of them for the leading tests of the
        Matchers built later."""
        out = {}
        for attr, value in spec.items():
            test = self._test(attr, value)
            if test is None:
                out[attr] = value
                continue
            flag = self._flag(*test, reserve=0 if leading else self.RESERVED)
            if flag is None:
                out[attr] = value
            else:
                out[flag] = test[1] != "NOT_IN"
        return out

    def _test(self, attr, value):
        if attr not in self._READ or not isinstance(value, dict) or len(value) != 1:
            return None
        (op, operand), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(operand, list) and all(isinstance(v, str) for v in operand):
            return attr, op, frozenset(operand)
        if op == "REGEX" and isinstance(operand, str):
            return attr, op, operand
        return None

    def _flag(self, attr: str, op: str, operand, reserve: int = 0) -> int | None:
        key = (attr, "IN" if op == "NOT_IN" else op, operand)
        if self.flags.get(key) is None:
            getters = self.vocab.lex_attr_getters
            free = [bit for bit in range(1, 64) if bit not in getters and bit not in self._bits]
            if len(free) <= reserve:
                return None  # the test stays as written
            free = free[0]
            self.flags[key] = free
            if not self._bits:
                # the one function spaCy calls for a new word, on the first of the bits (and the bit so taken for
                # anyone else who asks spaCy for a flag); the others are taken in ``_bits``
                getters[free] = self._meet
            self._bits.add(free)
            read = self._READ[attr]
            if op == "REGEX":
                search = re.compile(operand).search
                self._searched.append((free, (lambda text: search(read(text)) is not None) if read else
                                       (lambda text: search(text) is not None)))
            else:
                self._lowered |= read is not None
                for word in operand:
                    self._by_word.setdefault((read is not None, word), []).append(free)
            self._unsettled = True
        return self.flags[key]

    def _meet(self, text: str) -> None:
        self._met.append(text)
        return None  # (spaCy sets nothing: the word's flags come from ``settle``)

    def settle(self) -> None:
        """Give their flags to the words met since the last call, and to every word when flags were added since."""
        if self._unsettled:
            self._unsettled = False
            self._met.clear()
            words = iter(self.vocab)
        elif self._met:
            met, self._met = self._met, []
            words = (self.vocab[text] for text in met)
        else:
            return
        by_word, searched, lowered = self._by_word, self._searched, self._lowered
        for lexeme in words:
            text = lexeme.orth_
            for flag in by_word.get((False, text), ()):
                lexeme.set_flag(flag, True)
            if lowered:
                for flag in by_word.get((True, text.lower()), ()):
                    lexeme.set_flag(flag, True)
            for flag, test in searched:
                if test(text):
                    lexeme.set_flag(flag, True)


def _pattern_reach(patterns) -> int | None:
    """The most tokens a match of these Matcher patterns can cover; None when one repeats without bound."""
    reach = 0
    for pattern in patterns:
        tokens = 0
        for spec in pattern:
            op = spec.get("OP", "1")
            bounds = op[1:-1].split(",") if op.startswith("{") and op.endswith("}") else None
            if op in ("1", "?", "!"):  # "!": one token that does not fit the spec
                tokens += 1
            elif bounds is not None and bounds[-1].strip().isdigit():
                tokens += int(bounds[-1])
            else:
                return None  # "*", "+", "{2,}"
        reach = max(reach, tokens)
    return reach


def _windows(anchors: list[int], before: int, after: int, length: int) -> list[tuple[int, int]]:
    """Token ranges [start, end) reaching ``before`` tokens back and ``after`` tokens on from each anchor,
    overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for i in anchors:
        start, end = max(0, i - before), min(length, i + after + 1)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


class _MatcherKind(Kind):
    """A kind whose patterns are built once from the grammar word lists."""

    _matchers: dict = {}
    #: with ``anchor_side`` "first": every match ends with one of these lower-case words, or None (an anchor with none
    #: of them within the patterns' reach after it is skipped)
    anchor_follow: frozenset | None = None
    #: every match ends ("last") or starts ("first") with one of these lower-case words, or None. The Matcher
    #: tries every pattern at every token, and most of a block is far from any such word: it runs only on the
    #: stretches around them (a match's tokens are judged on their own, so it finds there what it finds in the
    #: whole block)
    anchor_side: str | None = None
    anchor_words: frozenset = frozenset()

    def words(self) -> dict:
        return load_words(self.rule, self.kb)

    def matcher(self, page, build):
        """One Matcher per vocabulary (the pipeline's), built on first use."""
        vocab = page.units[0].doc.vocab
        key = (id(self), id(vocab))
        made = _MatcherKind._matchers.get(key)
        if made is None:
            from spacy.matcher import Matcher  # (the pipeline, which made the page, has imported spaCy)

            recording = _Recording(Matcher(vocab, validate=False))
            build(recording)
            recording.finish()
            recording.flags.settle()
            made = _MatcherKind._matchers[key] = (recording.matcher, _pattern_reach(recording.patterns))
        return made

    def may_match(self, words: frozenset) -> bool:
        """False when a block with these lower-case words cannot hold a match (it skips the Matcher)."""
        return True

    def matched_units(self, page, build):
        """(unit, doc, [(label, start, end), ...]) for each of the rule's blocks that may hold a match."""
        if not page.units:
            return
        matcher, reach = self.matcher(page, build)
        if not self.anchor_side:
            reach = None
        strings = page.units[0].doc.vocab.strings
        flags = _WordFlags.of(page.units[0].doc.vocab)
        for unit in self.units(page):
            if self.may_match(unit.lower_set):
                flags.settle()  # (the words new on this page, and any a rule has met since, given their flags)
                doc = unit.doc
                if reach is None:
                    yield unit, doc, [(strings[match_id], start, end) for match_id, start, end in matcher(doc)]
                    continue
                lowers = unit.lowers
                anchors = [i for i, low in enumerate(lowers) if low in self.anchor_words]
                before, after = (reach - 1, 0) if self.anchor_side == "last" else (0, reach - 1)
                if self.anchor_follow is not None:
                    # (a first word whose pattern's last word is nowhere within reach after it starts no match)
                    follow = self.anchor_follow
                    anchors = [i for i in anchors if not follow.isdisjoint(lowers[i + 1:i + reach])]
                    if not anchors:
                        continue
                yield unit, doc, [(strings[match_id], a + start, a + end)
                                  for a, b in _windows(anchors, before, after, len(doc))
                                  for match_id, start, end in matcher(doc[a:b])]


def _inside_prepositional_phrase(doc, noun: int) -> bool:
    """True when the noun (with its modifiers) is joined by "or"/"and" to an object of a preposition
    earlier in the clause: "injury to the ureter or other organs"."""
    k = noun
    while k > 0 and doc[k - 1].is_alpha and doc[k - 1].lower_ not in ("or", "and") and noun - k < 3:
        k -= 1
    if k == 0 or doc[k - 1].lower_ not in ("or", "and"):
        return False
    for j in range(k - 2, max(-1, k - 11), -1):
        if doc[j].is_sent_start and j != k - 2:
            break
        if doc[j].lower_ in _PREPOSITIONS:
            return True
        if doc[j].text in ("(", ")"):
            continue  # a name's abbreviation: "from the Heart Rhythm Society (HRS) and partner societies"
        if not doc[j].is_alpha:
            break
    return False


#: what "every" or "each" counts that is a time, not a subject: "every day counts", "each week brings"
_EVERY_TIME = frozenset({"day", "week", "month", "year", "night", "morning", "evening", "hour", "minute", "time",
                         "session", "visit", "step", "stage", "other", "single"})
#: words before "every" or "each" that carry the verb's agreement themselves: "Does every child need", "help each person
#: weigh", "let each layer dry"
_EVERY_LEAD_INS = frozenset({"does", "do", "did", "will", "would", "can", "could", "may", "might", "should", "must",
                             "help", "helps", "helping", "let", "lets", "make", "makes", "to", "watch", "see", "have"})
#: the singular's verbs a plural and its "of" phrase may wrongly take
_SINGULAR_VERBS = frozenset({"is", "was", "has", "does"})
#: the verbs left out of the word lists' bases (an adjective that wants "to" may still be followed by them)
_AUXILIARY_BASES = frozenset({"do", "be", "have"})
#: the numbers a counted plural may have ("all four glands", "the 2 stents")
_COUNT_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "2", "3", "4", "5", "6",
                          "7", "8", "9", "10"})


class SubjectVerbAgreement(_MatcherKind):
    """A plural subject with a singular verb, or a singular subject with a plural verb, in simple clauses."""

    name = "subject-verb-agreement"
    options = {}

    anchor_side = "last"

    def setup(self):
        self.w = self.words()
        # every pattern ends with one of these verbs: a block without one is not run through the Matcher
        # (and the verbs of an action's result, for the -ing subjects read without the Matcher: "Drinking fluids help")
        # (a verb that is also a noun is read as a verb only after a subordinator's subject: see _build)
        self.noun_like_base = frozenset(self.w["noun_like"] & self.w["verb_bases"])
        #: the verbs after "help" that make it a verb: "The steroid help |calm| the swelling"
        self.help_verbs = frozenset(self.w["verb_bases"] - self.w["noun_like"] | {"calm", "ease", "reduce", "heal", "stop",
                                                                                   "keep"})
        self.noun_like_third = frozenset(third_person(v) for v in self.noun_like_base)
        self.mass_nouns = frozenset(self.w["mass_nouns"])
        adverbs = "|".join(sorted(map(re.escape, self.w["adverbs"])))
        dets = r"(?:the|your|this|that|their|its|our)"
        self.counted_or_mass = compile_re(
            # "all four glands is checked": a counted plural and a singular verb
            rf"(?i)\b(?:(?:the|all|both|your|these|those|our|their)\s+(?:{'|'.join(sorted(_COUNT_WORDS))})\s+"
            rf"(?P<noun>(?-i:[a-z]{{3,}}s))(?:\s+(?:{adverbs}))?\s+(?P<verb>is|was|has|does)"
            # "Most of the swelling have gone": a share of what is not counted and a plural verb
            rf"|(?:most|much|some|all|none|part|half|any|little)\s+of\s+{dets}\s+"
            rf"(?:{'|'.join(sorted(map(re.escape, self.mass_nouns)))})(?:\s+(?:{adverbs}))?\s+(?P<mverb>have|are|were|do)"
            # "Most of the stitches dissolves": a share of a plural and a singular verb
            rf"|(?:{'|'.join(sorted(_SHARES))})\s+of\s+(?:{dets}|these|those)\s+(?P<snoun>(?-i:[a-z]{{3,}}s))"
            rf"(?:\s+(?:{adverbs}))?\s+(?P<sverb>is|was|has|does|{'|'.join(sorted(self.w['third']))}))"
            r"(?=n['’]t\b|\b)")
        clause = r"(?:who|that|which|how|what|whether|where|when|why|whose)"
        adverb_opt = rf"(?:(?:{adverbs})\s+)?"
        # ("this" as a determiner in the "of" phrase: "The risks of this operation is")
        not_verb = "|".join(sorted(map(re.escape, self.w["all_verbs"] | _PRONOUNS - {"these", "those", "this"}),
                                   key=lambda v: (-len(v), v)))
        # (less the verbs that are also nouns, and their forms in -s: "of open repair", "of your blood tests")
        not_verb_noun = "|".join(sorted(map(re.escape, self.w["all_verbs"] - self.w["noun_like"] - self.noun_like_third
                                            | _SINGULAR_VERBS | _PRONOUNS - {"these", "those", "this"}),
                                        key=lambda v: (-len(v), v)))
        # the singular verbs after a plural and its "of" phrase: "is", "has", and the verbs in -s that are no nouns ("The
        # results of your scan shows"; not "parts", "ends", which may end the phrase: "the sides of your body parts")
        self.of_verbs = _SINGULAR_VERBS | frozenset(self.w["third"] - self.noun_like_third - self.w["noun_like"])
        of_verbs = "|".join(sorted(map(re.escape, self.of_verbs), key=lambda v: (-len(v), v)))
        # (after a helping verb, "to" or "not", a verb's form says nothing of its subject's number: "the effect of the
        # drops can wear off")
        helpers = "|".join(sorted(map(re.escape, _MODALS_BEFORE_VERB | {"not"})))
        singular_heads = "|".join(sorted(map(re.escape, self.w["singular_of_heads"] - self.w["quantity"])))
        # (a plural's verb that is no noun: "The risk of bleeding increase", not "the cost of surgery rises")
        plural_verbs = "|".join(sorted(map(re.escape, self.w["base"] - self.w["noun_like"] - {"were", "don't"}),
                                       key=lambda v: (-len(v), v)))
        self.counted_heads = compile_re(
            # "The number of sessions you need depend on": "the number of" takes a singular verb, whatever it counts ("a
            # number of people are" is a quantity head's)
            rf"(?i)\b(?P<number>the\s+number\s+of\s+(?:(?!(?:{clause}|and|or|but|is|was|has|does)\b)[a-z]+\s+){{1,5}}?"
            rf"{adverb_opt}(?P<nverb>are|were|have|do|depend|vary|differ|increase|rise|fall|drop|go|grow|change|seem|remain)\b)"
            # "Not every tear need an operation": "every" or "each" and a noun, then a verb in the plural's form
            rf"|\b(?P<every>(?:every|each)\s+(?P<enoun>(?-i:[a-z]+))\s+{adverb_opt}"
            rf"(?P<everb>{'|'.join(sorted(self.w['base'] | {'are', 'were', 'have', 'do'}, key=lambda v: (-len(v), v)))})\b)"
            # "The results of the scan is sent": a plural and its "of" phrase, then a singular verb
            # (a word that is also a noun may stand in the "of" phrase: "The risks of open repair is", "The results of
            # your blood test shows")
            rf"|\b(?P<plural>(?:the|these|those|your|our|their)\s+(?P<pnoun>(?-i:[a-z]{{3,}}s))\s+of\s+"
            rf"(?:(?!(?:{not_verb_noun}|{clause})\b)(?:[a-z]+|['’]s)\s+){{1,4}}?{adverb_opt}(?P<pverb>{of_verbs})\b)"
            # "The risk of complications increase": a singular head and its "of" phrase, then a plural's verb
            rf"|\b(?P<single>(?:the|your|this|its|their|our|a|an)\s+(?P<snoun>{singular_heads})\s+of\s+"
            rf"(?:(?!(?:{not_verb}|{clause}|and|or|{helpers})\b)(?:[a-z]+|['’]s)\s+){{1,4}}?{adverb_opt}"
            rf"(?P<sverb>are|were|have|do|{plural_verbs})\b)"
            # "Wounds that doesn't heal", "The areas that was treated": a plural opening its sentence, and its clause in
            # "that" with a singular's verb
            rf"|\b(?P<that>(?:(?:the|your|these|those|all|any)\s+)?(?P<tnoun>(?-i:[a-zA-Z][a-z]{{2,}}s))\s+(?:that|which)\s+{adverb_opt}"
            rf"(?P<tverb>doesn['’]t|does|isn['’]t|is|hasn['’]t|has|wasn['’]t|was)\b)")
        self.verbs = self.anchor_words = frozenset(self.w["third"] | self.w["base"] | _WHO_THIRD | {"are", "were", "have", "do"}
                                                   | self.help_verbs
                                                   | _DET_PLURAL_VERBS | _ACTION_RESULTS | self.noun_like_base
                                                   | self.noun_like_third | _MOVEMENT_THIRD)
        # the plurals in "-as" of names the knowledge base ends in "-a" ("anal fistula" -> "fistulas", "stoma" ->
        # "stomas"): plurals, where "-as" otherwise ends a singular ("pancreas", "atlas")
        self.a_plurals = frozenset(
            phrase.rsplit(" ", 1)[-1] + "s" for label, _, phrase in self.kb.lexicon()
            if label in ("structure", "procedure", "condition") and phrase.islower() and phrase.endswith("a")
            and phrase.rsplit(" ", 1)[-1].isalpha()) if self.kb is not None else frozenset()

    def _build(self, m: _Recording):
        w = self.w
        adverb = {"LOWER": {"IN": w["adverbs"]}, "OP": "?"}
        # a wh-word opens a clause of its own: "signs of how much growth remains"
        clause_words = {"that", "which", "who", "how", "what", "whether", "where", "when", "why", "whose"}
        # (a possessive's "'s" is part of the phrase: "the cause of Meniere's disease are")
        def words_between(excluded):
            return {"LOWER": {"NOT_IN": sorted(w["all_verbs"] | excluded | clause_words), "REGEX": r"^(?:[a-z]+|['’]s)$"},
                    "OP": "{1,4}"}

        middle = words_between(_PRONOUNS)
        # (with a verb that is also a noun, "returns", "stays", checked in check() for a place after it: "Most people
        # returns to work")
        m.add("PLURAL_THIRD", [[{"LOWER": {"IN": sorted(w["plurals"])}}, adverb,
                                {"LOWER": {"IN": sorted(w["third"] | self.noun_like_third | _MOVEMENT_THIRD)}}]])
        m.add("PLURAL_OF_THIRD", [[{"LOWER": {"IN": sorted(w["plurals"])}}, {"LOWER": "of"}, middle, adverb,
                                   {"LOWER": {"IN": sorted(w["third"])}}]])
        # "People with nerve damage often doesn't feel a blister": people described by what they have
        m.add("PLURAL_WITH_THIRD", [[{"LOWER": {"IN": sorted(_PEOPLE_PLURALS)}}, {"LOWER": "with"}, middle, adverb,
                                     {"LOWER": {"IN": sorted(w["third"])}}]])
        # "Men between 30 and 50 is most at risk", "Women over 40 is": people described by their age
        age_words = {"LOWER": {"REGEX": r"^(?:\d{1,3}|and|to|or|years?|old|of|age|-|–)$"}}
        m.add("PLURAL_AGED_THIRD", [[{"LOWER": {"IN": sorted(_PEOPLE_PLURALS)}},
                                     {"LOWER": {"IN": ["between", "over", "under", "aged", "above", "below", "from"]}},
                                     {"LIKE_NUM": True}, {**age_words, "OP": "{0,5}"}, adverb,
                                     {"LOWER": {"IN": sorted(w["third"])}}]])
        # ("The risk of these problems are": a demonstrative inside the "of" phrase is its noun's determiner)
        of_phrase = words_between(_PRONOUNS - {"these", "those"})
        m.add("SINGULAR_BASE", [[{"LOWER": {"IN": sorted(w["singulars"])}}, adverb, {"LOWER": {"IN": sorted(w["base"])}}]])
        # "The steroid usually start to work": a verb that is also a noun ("start", "help") is the verb after an adverb,
        # which no compound noun has inside it ("the treatment start date")
        m.add("SINGULAR_ADVERB_BASE", [[{"LOWER": {"IN": sorted(w["singulars"])}},
                                        {"LOWER": {"IN": sorted(set(w["adverbs"]) - _NOUN_ADVERBS)}},
                                        {"LOWER": {"IN": sorted(self.noun_like_base)}}]])
        # "The block usually wear off": after a determiner, a word and an adverb, a verb that may be a noun too is the
        # verb (no compound noun has an adverb inside it); the word is checked in check()
        m.add("DET_ADVERB_BASE", [[{"LOWER": {"IN": sorted(_SINGULAR_DETS - {"that", "this"})}},
                                   {"IS_ALPHA": True, "IS_LOWER": True},
                                   {"LOWER": {"IN": sorted(set(w["adverbs"]) - _NOUN_ADVERBS)}},
                                   {"LOWER": {"IN": sorted(w["base"] | self.noun_like_base)}}]])
        # "Sepsis don't spread", "The diagnosis are made": a name in -itis or -sis is one thing, with or without a
        # determiner, before a verb that is never a noun
        m.add("SINGULAR_ONE_THING_BASE", [[{"LOWER": {"REGEX": r"^[a-z]{2,}(?:itis|sis)$"}}, adverb,
                                           {"LOWER": {"IN": sorted(w["strict"] & w["base"] | {"are", "were", "have", "do"})}}]])
        m.add("SINGULAR_OF_BASE", [[{"LOWER": {"IN": sorted(w["singulars"])}}, {"LOWER": "of"}, of_phrase, adverb,
                                    {"LOWER": {"IN": sorted(w["base"])}}]])
        # "The laxative make you...", "The A1 pulley are divided": any word after "the/a/your..." with a verb
        # that is almost never a noun; the word is checked in check() (not plural-looking, not a group)
        singular_dets = sorted(_SINGULAR_DETS)
        m.add("ANY_SINGULAR_BASE", [[
            # (or a possessive's "'s": "Everyone's experience are different")
            {"LOWER": {"IN": singular_dets + ["'s", "’s"]}},
            {"TEXT": {"REGEX": r"^[A-Za-z]*\d[A-Za-z0-9]*$"}, "OP": "?"},
            # (a noun of two words: "The package price include")
            {"IS_ALPHA": True, "IS_LOWER": True, "LOWER": {"NOT_IN": sorted(w["all_verbs"] | _PRONOUNS)}, "OP": "?"},
            {"IS_ALPHA": True, "IS_LOWER": True},
            adverb,
            {"LOWER": {"IN": sorted(w["strict"] & w["base"] | {"are", "were", "have", "do"})}},
        ]])
        m.add("ANY_PLURAL_THIRD", [[{"LOWER": {"REGEX": r"^[a-z]{3,}s$"}}, adverb,
                                    {"LOWER": {"IN": sorted(w["third"] - {"is", "was", "has", "does", "doesn't"}
                                                            | self.noun_like_third | _MOVEMENT_THIRD)}}]])
        # "The steroid help calm the swelling": "help" before a verb is a verb, whatever else it can be (the noun is checked
        # in check(): singular-looking, opening its clause)
        m.add("SINGULAR_HELP_BASE", [[{"LOWER": {"IN": singular_dets}}, {"IS_ALPHA": True, "IS_LOWER": True},
                                      {"LOWER": "help"}, {"LOWER": "to", "OP": "?"},
                                      {"LOWER": {"IN": sorted(self.help_verbs)}}]])
        # "The exact cause of Meniere's disease are": after "the ... of" the word is a noun, whatever else it can be
        m.add("DET_SINGULAR_OF_BASE", [[{"LOWER": {"IN": singular_dets}},
                                        {"IS_ALPHA": True, "IS_LOWER": True, "OP": "?"},
                                        {"LOWER": {"REGEX": r"^[a-z]{3,}$"}}, {"LOWER": "of"}, of_phrase, adverb,
                                        {"LOWER": {"IN": ["are", "were", "have", "do"]}}]])
        # "Each of our surgeons have": "each" is the subject, whatever follows "of"
        m.add("EACH_OF_BASE", [[{"LOWER": "each"}, {"LOWER": "of"},
                                {"LOWER": {"IN": ["the", "our", "your", "these", "those", "their", "my", "his", "her"]}},
                                {"IS_ALPHA": True, "OP": "?"}, {"LOWER": {"REGEX": r"^[a-z]{3,}s$"}}, adverb,
                                # (after "each of the ...s" a verb is the verb, even one that can be a noun: "Each of
                                # these steps help")
                                {"LOWER": {"IN": sorted(w["strict"] & w["base"] | w["verb_bases"] - w["noun_like"]
                                                        | {"are", "were", "have", "do", "include", "help", "need", "take",
                                                           "make", "work", "cause", "mean", "cost", "last", "receive",
                                                           "get", "offer", "provide", "see", "stay"})}}],
                               [{"LOWER": "each"}, {"LOWER": "of"}, {"LOWER": {"IN": ["them", "these", "those", "us"]}},
                                adverb, {"LOWER": {"IN": ["are", "were", "have", "do"]}}]])
        # "Our injectors has", "The injections works": a determiner, a plural-looking noun and a singular verb
        # (the noun is checked in check(): not "lens", "diabetes", "process")
        m.add("DET_PLURAL_THIRD", [[{"LOWER": {"IN": ["the", "our", "your", "these", "those", "my", "their", "all", "many",
                                                       "most", "some", "both"]}},
                                    {"TEXT": {"REGEX": r"^[a-z]{3,}s$"}}, adverb,
                                    {"LOWER": {"IN": sorted(w["third"] | _DET_PLURAL_VERBS | self.noun_like_third
                                                            | _MOVEMENT_THIRD)}}]])
        # "Mr Hartley have performed": one named person
        # (the title in capitals: "may miss. Examples are" ends a sentence with the verb "miss")
        m.add("TITLED_NAME_BASE", [[{"LOWER": {"IN": sorted(_TITLES)}, "IS_LOWER": False},
                                    {"TEXT": ".", "OP": "?"}, {"IS_TITLE": True}, adverb,
                                    {"LOWER": {"IN": ["have", "are", "were", "do"]}}]])
        # "Women who has had", "patients who is", "Children which has had": a relative clause takes its noun's number
        # (and the people named by what they do, in "-ers", before "who": "Runners who increases their mileage"; a
        # capital only where the sentence opens, as a name has one anywhere: "Mr Rogers who has")
        m.add("PLURAL_WHO_THIRD", [[{"LOWER": {"IN": sorted(_PEOPLE_PLURALS)}}, {"LOWER": {"IN": ["who", "which", "that"]}},
                                    adverb, {"LOWER": {"IN": sorted(_WHO_THIRD | w["third"])}}],
                                   [{"TEXT": {"REGEX": r"^[a-z]{3,}ers$"}}, {"LOWER": "who"},
                                    adverb, {"LOWER": {"IN": sorted(_WHO_THIRD | w["third"] | self.noun_like_third)}}],
                                   [{"TEXT": {"REGEX": r"^[A-Z][a-z]{2,}ers$"}, "IS_SENT_START": True}, {"LOWER": "who"},
                                    adverb, {"LOWER": {"IN": sorted(_WHO_THIRD | w["third"] | self.noun_like_third)}}]])
        # "The stitches under the skin dissolves", "The nerve roots in your lower back leaves the spinal canal": a
        # sentence that opens with a plural and a phrase of place, then a verb in -s (checked in check(): the plural is
        # plural-looking, the verb no noun)
        # (a conjunction opens a clause of its own, whose subject the verb may be: "The recorder stays in place until
        # your team has")
        place_words = {"IS_ALPHA": True, "IS_LOWER": True,
                       "LOWER": {"NOT_IN": sorted(w["all_verbs"] | clause_words | _PRONOUNS | _CLAUSE_CONJUNCTIONS
                                                  | {"and", "or", "but", "not"} | _MODALS_BEFORE_VERB - {"to"})},
                       "OP": "{1,4}"}
        m.add("OPENING_PLURAL_PLACE_THIRD", [[
            {"LOWER": {"IN": ["the", "your", "these", "those", "our", "all"]}, "IS_SENT_START": True},
            {"IS_ALPHA": True, "IS_LOWER": True, "LOWER": {"NOT_IN": sorted(w["all_verbs"])}, "OP": "?"},
            {"LOWER": {"REGEX": r"^[a-z]{3,}s$"}},
            {"LOWER": {"IN": sorted(_OPENING_PHRASE_PREPOSITIONS)}}, place_words, adverb,
            {"LOWER": {"IN": sorted(w["third"] - {"doesn't"})}}]])
        # "The skin around the stoma need to be looked after": the same with a singular and a plural's verb (checked in
        # check(): the noun singular-looking, no group that may take a plural verb, "The team on the ward are")
        m.add("OPENING_SINGULAR_PLACE_BASE", [[
            {"LOWER": {"IN": ["the", "your", "this", "our"]}, "IS_SENT_START": True},
            {"IS_ALPHA": True, "IS_LOWER": True, "LOWER": {"NOT_IN": sorted(w["all_verbs"])}, "OP": "?"},
            {"LOWER": {"REGEX": r"^[a-z]{3,}[^s]$"}},
            {"LOWER": {"IN": sorted(_PLACE_PREPOSITIONS)}}, place_words, adverb,
            {"LOWER": {"IN": sorted(w["base"] - {"were", "don't"} - _MODALS_BEFORE_VERB)}}]])
        # "Everyone recover at a different pace", "Someone have to drive you home": one person, whoever it is, opening
        # its clause (check() asks; "Let everyone recover" is an infinitive)
        m.add("ONE_PERSON_BASE", [[{"LOWER": {"IN": sorted(_ONE_PERSON - {"whoever"})}}, adverb,
                                   {"LOWER": {"IN": sorted(w["base"] | {"have", "are", "were", "do"})}}]])
        # "Anyone who have had", "someone who are": one person, whoever it is; "a person who have had a TIA", "the
        # patient who are": one person named by a noun
        m.add("SINGULAR_WHO_BASE", [[{"LOWER": {"IN": sorted(_ONE_PERSON)}}, {"LOWER": "who"}, adverb,
                                     # (after "anyone who" even a verb that is also a noun is the verb: "Everyone
                                     # who start treatment")
                                     {"LOWER": {"IN": sorted({"have", "are", "were", "do"} | w["base"] & {
                                         "need", "want", "take", "get", "live", "smoke", "drink", "work", "use"}
                                         | w["verb_bases"])}}],
                                    [{"LOWER": {"IN": ["a", "the", "any", "each", "every", "one"]}},
                                     {"LOWER": {"IN": sorted(_ONE_PERSON_NOUNS)}}, {"LOWER": "who"}, adverb,
                                     {"LOWER": {"IN": ["have", "are", "were"]}}]])
        # "The tissue that is removed are sent": a singular noun, its clause in "that is", and a plural verb
        m.add("SINGULAR_THAT_IS_ARE", [[{"LOWER": {"IN": ["the", "this", "that", "each", "every", "your", "any"]}},
                                           {"IS_ALPHA": True, "IS_LOWER": True},
                                           {"LOWER": {"IN": ["that", "which"]}}, {"LOWER": {"IN": ["is", "was"]}},
                                           {"IS_ALPHA": True, "IS_LOWER": True, "OP": "?"},
                                           {"LOWER": {"REGEX": r"^[a-z]+(?:ed|en|t)$"}},
                                           {"LOWER": {"IN": ["are", "were", "have"]}}]])
        # "the tissue that surround one of the nerves": a singular noun and its clause in "that" or "which", whose verb
        # (one almost never a noun) is in the plural's form (checked in check(): the noun singular-looking)
        m.add("SINGULAR_THAT_BASE", [[{"LOWER": {"IN": ["the", "a", "an", "this", "each", "every", "your", "any"]}},
                                      {"IS_ALPHA": True, "IS_LOWER": True, "OP": "?"},
                                      {"IS_ALPHA": True, "IS_LOWER": True}, {"LOWER": {"IN": ["that", "which"]}}, adverb,
                                      {"LOWER": {"IN": sorted(w["strict"] & w["base"] - {"have", "do"})}}]])
        # "me and my husband was": two people are a plural subject
        m.add("PLURAL_PAIR_THIRD", [[{"LOWER": {"IN": ["me", "i"]}}, {"LOWER": "and"}, {"LOWER": {"IN": ["my", "our"]}},
                                     {"IS_ALPHA": True}, adverb, {"LOWER": {"IN": ["was", "is", "has", "does"]}}],
                                    [{"LOWER": {"IN": ["my", "our"]}}, {"IS_ALPHA": True}, {"LOWER": "and"},
                                     {"LOWER": {"IN": ["me", "i"]}}, adverb, {"LOWER": {"IN": ["was", "is", "has", "does"]}}]])
        # "the band and the haemorrhoid falls off": two things joined by "and" are a plural subject (checked in check():
        # each a singular noun, the pair opening its clause)
        pair_det = {"LOWER": {"IN": ["the", "your", "this"]}}
        # ("The cup and cap is made": the second may share the first's determiner)
        m.add("DET_PLURAL_PAIR_THIRD", [[pair_det, {"IS_ALPHA": True, "IS_LOWER": True}, {"LOWER": "and"},
                                         {**pair_det, "OP": "?"}, {"IS_ALPHA": True, "IS_LOWER": True}, adverb,
                                         {"LOWER": {"IN": ["is", "was", "has", "does", "falls", "comes", "stays", "goes",
                                                           "needs", "heals", "settles", "drops", "works", "looks", "feels"]}}]])
        # "Your surgeon and the ward nurse checks the drain": two people of the care team are a plural subject, whatever
        # verb in -s follows (each a role, which no verb names: checked in check() for the pair opening its clause)
        role = {"LOWER": {"IN": sorted(_CARE_ROLES)}}
        m.add("CARE_PAIR_PLURAL_THIRD", [[
            # (the second may share the first's determiner: "The doctor and nurse checks")
            pair_det, role, {"LOWER": "and"}, {"LOWER": {"IN": ["the", "your", "a", "an", "our"]}, "OP": "?"},
            {"IS_ALPHA": True, "IS_LOWER": True, "OP": "?"}, role, adverb,
            {"LOWER": {"IN": sorted(w["third"] - {"doesn't"} | self.noun_like_third | {"checks", "sees", "visits", "decides"})}},
        ], [
            # "Dr Ramirez and her team speaks": a named doctor and the people who work with them
            {"LOWER": {"IN": sorted(_TITLES)}, "IS_LOWER": False},
            {"TEXT": ".", "OP": "?"}, {"IS_TITLE": True}, {"LOWER": "and"}, {"LOWER": {"IN": ["his", "her", "their"]}},
            {"LOWER": {"IN": ["team", "staff", "colleagues", "nurses", "assistant", "assistants", "partners"]}}, adverb,
            {"LOWER": {"IN": sorted(w["third"] - {"doesn't"} | self.noun_like_third | _MOVEMENT_THIRD)}},
        ]])
        # "If the scan show a tear", "When the stones blocks the duct": after "if" or "when" and a determiner, a
        # word that can be a noun or a verb ("show", "blocks") is the clause's verb when an object follows it
        # (checked in check(); "Once the nerve block wears off" has none)
        subordinators = ["if", "when", "whenever", "unless", "once", "until", "because", "although", "though",
                         "while", "whether"]
        m.add("SUBORDINATE_SINGULAR_BASE", [[{"LOWER": {"IN": subordinators}},
                                             {"LOWER": {"IN": ["the", "your", "this", "that", "each", "every"]}},
                                             {"IS_ALPHA": True, "IS_LOWER": True, "OP": "?"},
                                             {"IS_ALPHA": True, "IS_LOWER": True}, adverb,
                                             {"LOWER": {"IN": sorted(self.noun_like_base)}}]])
        # "The coils stays in place": a sentence that opens with a plural and a verb in -s
        m.add("OPENING_PLURAL_THIRD", [[{"LOWER": {"IN": ["the", "your", "these", "those", "our", "all"]}, "IS_SENT_START": True},
                                        {"LOWER": {"REGEX": r"^[a-z]{3,}s$"}}, adverb,
                                        {"LOWER": {"IN": sorted(self.noun_like_third)}}]])
        m.add("SUBORDINATE_PLURAL_THIRD", [[{"LOWER": {"IN": subordinators}},
                                            {"LOWER": {"IN": ["the", "your", "these", "those", "all", "both"]}},
                                            {"IS_ALPHA": True, "IS_LOWER": True, "OP": "?"},
                                            {"LOWER": {"REGEX": r"^[a-z]{3,}s$"}}, adverb,
                                            {"LOWER": {"IN": sorted(self.noun_like_third)}}]])
        # ("It help you relax": after "it", which is never a determiner, a verb that may be a noun is its verb, unless
        # its simple past is its base, "It cost £200"; after "this" only a verb that is never a noun: "This allow you")
        m.add("PRONOUN_BASE", [[{"LOWER": {"IN": ["this", "it"]}}, adverb,
                                {"LOWER": {"IN": sorted(w["base"] - {"do"} | {"are", "were", "have"})}}],
                               [{"LOWER": "it"}, adverb,
                                {"LOWER": {"IN": sorted(self.noun_like_base - w["same_form_past"] - {"like"})}}],
                               [{"LOWER": "this"}, adverb,
                                {"LOWER": {"IN": sorted(self.noun_like_base & w["verbs_not_nouns"] - w["same_form_past"])}}]])
        # "when you bends it", "you has a stimulator": "you" opening its clause is its subject (after a verb it may be
        # the object: "the care we give you depends on"; checked in check())
        # ("you was" is GRM008's, a word that sounds like the right one)
        m.add("YOU_PLURAL_THIRD", [[{"LOWER": "you"}, adverb,
                                    {"LOWER": {"IN": sorted(w["third"] - {"doesn't", "was"} | self.noun_like_third
                                                            | _MOVEMENT_THIRD)}}]])
        # "Pumps is not suitable for everyone": a plural with no determiner opening its sentence, before "is" (checked
        # in check(): plural-looking, and its singular written in lower case on the page, so no name: "Evans is")
        m.add("OPENING_BARE_PLURAL_IS", [[{"TEXT": {"REGEX": r"^[A-Z][a-z]{2,}s$"}, "IS_SENT_START": True}, adverb,
                                          {"LOWER": {"IN": ["is", "was", "has"]}}]])
        # "Both types of valve works well": "both" and its "of" phrase are two things
        m.add("BOTH_OF_THIRD", [[{"LOWER": "both"}, {"LOWER": {"REGEX": r"^[a-z]{3,}s$"}}, {"LOWER": "of"},
                                 {"IS_ALPHA": True, "IS_LOWER": True, "LOWER": {"NOT_IN": sorted(w["all_verbs"]
                                                                                                 | clause_words)},
                                  "OP": "{1,3}"}, adverb,
                                 {"LOWER": {"IN": sorted(w["third"] - {"doesn't"} | self.noun_like_third
                                                         | _MOVEMENT_THIRD)}}]])
        # "The new joint surfaces is made": a determiner, a word or two that describe, a plural and "is" (checked in
        # check(), as DET_PLURAL_THIRD)
        m.add("DET_WORDS_PLURAL_IS", [[{"LOWER": {"IN": ["the", "our", "your", "these", "those", "my", "their"]}},
                                       # (no preposition or "and": "the risk of complications is", "the
                                       # ball and sockets is")
                                       {"IS_ALPHA": True, "IS_LOWER": True,
                                        "LOWER": {"NOT_IN": sorted(w["all_verbs"] | clause_words | _PRONOUNS
                                                                   | _PREPOSITIONS | {"and", "or", "nor", "but"})},
                                        "OP": "{1,2}"},
                                       {"TEXT": {"REGEX": r"^[a-z]{3,}s$"}}, adverb,
                                       {"LOWER": {"IN": ["is", "was", "has"]}}]])
        # "when they wakes up", "We recommends": a subject pronoun that is plural, whatever stands before it (not
        # "you", which may be the object of the verb before: "the care we give you depends on")
        m.add("PRONOUN_PLURAL_THIRD", [[{"LOWER": {"IN": ["they", "we"]}}, adverb,
                                        {"LOWER": {"IN": sorted(w["third"] | self.noun_like_third | _MOVEMENT_THIRD)}}]])

    def _counted_heads(self, unit, doc, found: dict) -> None:
        """Adds to ``found`` "the number of" with a plural's verb ("The number of sessions you need depend"), "every" or
        "each" and a noun with a plural's verb ("Not every tear need an operation"), a plural with its "of" phrase
        before a singular's verb ("The results of the scan is sent"), and a plural opening its sentence with a clause in
        "that" in a singular's verb ("Wounds that doesn't heal"). One regular expression, in the blocks that hold
        its words: as Matcher patterns they cost the whole rule about a tenth more."""
        words = unit.lower_set
        # (a contraction is two words: "doesn't" is "does" and "n't")
        if "number" not in words and "every" not in words and "each" not in words \
                and ({"of", "that", "which"}.isdisjoint(words) or self.of_verbs.isdisjoint(words)) \
                and ("of" not in words or self.w["singular_of_heads"].isdisjoint(words)):
            return
        token_at = None
        for m in self.counted_heads.finditer(unit.block.text):
            if token_at is None:
                token_at = {t.idx: t.i for t in unit.tokens}
            group = "number" if m.group("number") else "every" if m.group("every") else "that" if m.group("that") \
                else "single" if m.group("single") else "plural"
            first = token_at.get(m.start())
            verb = token_at.get(m.start({"number": "nverb", "every": "everb", "plural": "pverb", "that": "tverb",
                                         "single": "sverb"}[group]))
            if first is None or verb is None or verb in found:
                continue
            if group in ("number", "single"):
                if group == "single" and first > 0 and doc[first - 1].lower_ in ("and", "or", "&"):
                    continue  # the last of a list: "The skin and the lining of the lip are closed"
                if clause_start(doc, first) and not _inside_prepositional_phrase(doc, first):
                    found[verb] = (first, "SINGULAR_BASE")
            elif group == "every":
                noun = m.group("enoun")
                # (not a question's or a helping verb's: "Does every hernia need an operation?", "help each person
                # weigh up"; nor inside a phrase: "the ends of each tube are sealed")
                if self._singular_looking(noun) and noun not in self.w["all_verbs"] and noun not in _EVERY_TIME \
                        and not any(t.lower_ in _EVERY_LEAD_INS for t in doc[max(0, first - 3):first]) \
                        and not (first > 0 and doc[first - 1].lower_ in _PREPOSITIONS):
                    found[verb] = (first, "SINGULAR_BASE")
            elif group == "that":
                noun = m.group("tnoun").lower()
                # (the plural opens its sentence, so the clause can be no other noun's: not "the lining of the vessels
                # that is damaged")
                if self._plural_looking(noun) and noun not in self.w["quantity"] and noun not in _PLURAL_MODIFIERS \
                        and noun not in self.w["all_verbs"] and doc[first].is_sent_start:
                    found[verb] = (first, "PLURAL_THIRD")
            else:
                noun = m.group("pnoun")
                if self._plural_looking(noun) and noun not in self.w["quantity"] and noun not in _PLURAL_MODIFIERS \
                        and clause_start(doc, first) and not _inside_prepositional_phrase(doc, first):
                    found[verb] = (first, "PLURAL_THIRD")

    def _there_is_plural(self, unit, doc, found: dict) -> None:
        """Adds to ``found`` "there is" before "no" and a plural that ends its clause ("there is no visible scars
        afterwards"), read with one regular expression in the blocks that hold "there" and "no" (a plural with a noun
        after it names that noun's kind: "there is no sports centre")."""
        words = unit.lower_set
        if "there" not in words or "no" not in words:
            return
        token_at = None
        for m in _THERE_IS_NO_PLURAL.finditer(unit.block.text):
            noun = m.group("noun").lower()
            if not self._plural_looking(noun, verbs_too=True) or noun in _PLURAL_MODIFIERS \
                    or noun in self.w["quantity"] or noun in _TIME_PLURALS:
                continue
            if token_at is None:
                token_at = {t.idx: t.i for t in unit.tokens}
            first, verb = token_at.get(m.start()), token_at.get(m.start("verb"))
            if first is not None and verb is not None and verb not in found:
                found[verb] = (first, "THERE_IS_PLURAL")

    def _counted_and_mass(self, unit, doc, found: dict) -> None:
        """Adds to ``found`` a counted plural with a singular verb ("all four glands is checked"), a share of a plural
        with one ("Most of the stitches dissolves") and a share of what is not counted with a plural one ("Most of the
        swelling have gone"). Read with one regular expression, in the few
        blocks that hold a count or a share's "of": as Matcher patterns they cost a tenth of the rule's time."""
        words = unit.lower_set
        if _COUNT_WORDS.isdisjoint(words) and ("of" not in words or (
                self.mass_nouns.isdisjoint(words) and _SHARES.isdisjoint(words))):
            return
        token_at = None
        for m in self.counted_or_mass.finditer(unit.block.text):
            if token_at is None:
                token_at = {t.idx: t.i for t in unit.tokens}
            first = token_at.get(m.start())
            verb = token_at.get(m.start(next(g for g in ("verb", "mverb", "sverb") if m.group(g) is not None)))
            if first is None or verb is None or verb in found:
                continue
            if m.group("snoun") is not None:  # a share of a plural
                # (not a share joined to another: "one or both of these arteries has become narrow" agrees with "one")
                if self._plural_looking(m.group("snoun")) and m.group("snoun") not in self.w["quantity"] \
                        and not (first > 0 and doc[first - 1].lower_ in ("or", "and", "nor")) \
                        and clause_start(doc, first) and not _inside_prepositional_phrase(doc, first):
                    found[verb] = (first, "COUNTED_PLURAL_THIRD")
                continue
            if m.group("noun") is not None:  # a counted plural
                if not self._plural_looking(m.group("noun").lower()) or not clause_start(doc, first) \
                        or _inside_prepositional_phrase(doc, first):
                    continue
                found[verb] = (first, "COUNTED_PLURAL_THIRD")
            elif clause_start(doc, first):
                found[verb] = (first, "MASS_OF_BASE")

    def _subject_start(self, doc, noun: int, singular: bool) -> int | None:
        """Where the subject's phrase starts if it opens a clause, else None."""
        k = noun
        for _ in range(3):
            if k == 0 or doc[k].is_sent_start:
                break
            prev = doc[k - 1]
            if prev.text == "-" and k >= 2 and doc[k - 2].is_alpha and not doc[k - 2].whitespace_ and not prev.whitespace_:
                k -= 2  # a hyphenated modifier is one word: "early-stage lung cancer"
                continue
            if prev.lower_ in ("'s", "’s") and k >= 2 and doc[k - 2].is_alpha and not doc[k - 2].whitespace_ \
                    and doc[k - 2].lower_ not in _NOT_POSSESSORS:
                k -= 2  # a possessive opens the phrase: "Your baby's stitches"
                continue
            if prev.lower_ in self.w["determiners"]:
                k -= 1
                break
            if prev.text == "," and k >= 3 and doc[k - 2].is_lower and doc[k - 3].lower_ in _PREPOSITIONS:
                return None  # "people with mild, infrequent pain choose": the noun ends a prepositional phrase
            if not prev.is_alpha or prev.lower_ in _PREPOSITIONS or prev.lower_ in _CLAUSE_OPENERS \
                    or prev.lower_ in _PRONOUNS or prev.lower_ in self.w["all_verbs"]:
                break
            k -= 1
        if singular and not (doc[k].lower_ in self.w["determiners"] or k < noun) \
                and not (doc[k].is_sent_start and _ONE_THING_ENDING.search(doc[k].lower_)):
            return None  # "pain gets" without a determiner is too often a compound's tail (a condition in -itis or -sis
            # opening a sentence is its subject: "Sepsis don't spread")
        if singular and k > 0 and doc[k - 1].lower_ in ("and", "or", "nor", "&", "both"):
            return None  # "you and your baby are": a compound subject is plural
        if k > 0 and doc[k - 1].lower_ in ("as", "like", "including", "with") and not (
                doc[k - 1].lower_ == "as" and k >= 2 and doc[k - 2].text in (",", ";")):
            # "problems such as a tear are": the example is not the subject ("..., as sugar levels need to be
            # checked" opens a clause of its own)
            return None
        return k if clause_start(doc, k) else None

    def _and_joins_clauses(self, doc, first: int) -> bool:
        """Does the ", and" before ``first`` join a clause to a whole clause before it ("The catheter heats the vein
        wall, and the vein are sealed"), not a list's last item to a compound subject ("The artery, the nerve, and the
        vein are")? It does when a verb of the subject's number stands before the comma in the sentence."""
        if first < 3 or doc[first - 1].lower_ != "and" or doc[first - 2].text != ",":
            return False
        k = first - 3
        while k >= 0 and not doc[k + 1].is_sent_start:
            word = doc[k].lower_
            if word in self.w["third"] or word in _FINITE_VERBS:
                return True
            k -= 1
        return False

    def _verb_and_plural(self, first: str, second: str) -> bool:
        """Can ``first`` be a verb's -s form ("shows") and ``second`` a plural noun ("changes"), so that the two read as a
        verb and its object as well as a plural and its verb?"""
        return any(third_person(v) == first for v in (first[:-1], first[:-2], first[:-3] + "y")
                   if v in self.w["verb_bases"]) \
            and (second in self.w["plurals"] or second in self.noun_like_third)

    def _singular_looking(self, word: str) -> bool:
        """A word that is most likely a singular noun when it follows "the" and precedes a verb."""
        w = self.w
        if word in w["plural_groups"] or word in w["either_number"]:
            return False
        if word in w["nouns"] and word not in w["plurals"]:
            return True
        if word in w["plurals"] or word in w["plural_groups"] or word in w["quantity"] or word in w["all_verbs"]:
            return False
        if word in w["adverbs"] or word in w["determiners"] or word in _PRONOUNS or word in _PREPOSITIONS \
                or word in _FUNCTION_WORDS:
            return False
        # plural-looking endings, Latin and Greek plurals, adjectives and participles
        return not _NOT_SINGULAR_ENDING.search(word) or _ONE_THING_ENDING.search(word) is not None \
            or word in ("level", "scar", "bladder", "ulcer", "catheter", "tumour", "tumor", "liver", "cancer")

    def _owned_singular(self, word: str) -> bool:
        """A word after "your", "'s" and the like that is most likely a singular noun, though it may be a verb too
        ("experience", "care", "support"): nothing that looks plural, a group, an amount or a word of function."""
        w = self.w
        if word in w["plurals"] or word in w["plural_groups"] or word in w["quantity"] or word in w["either_number"] \
                or word in w["adverbs"] or word in w["determiners"] or word in _PRONOUNS or word in _PREPOSITIONS \
                or word in _FUNCTION_WORDS or word == "own":
            return False
        return not _NOT_SINGULAR_ENDING.search(word) or _ONE_THING_ENDING.search(word) is not None

    def _singular_head(self, word: str) -> bool:
        """A noun before "of" that counts as one thing: not a plural, a group or an amount ("the majority of")."""
        w = self.w
        if word in w["quantity"] or word in w["plural_groups"] or word in w["plurals"] or word in _FUNCTION_WORDS \
                or word in w["either_number"]:
            return False
        return not word.endswith("s") or word in w["singular_s"] or word.endswith(("ss", "us", "is"))

    def _noun_before_be(self, word: str, verb: str) -> bool:
        """A verb's form in -s right after a determiner and right before "is", "was" or "has" is a plural noun: "The
        leads is held in place", "The stitches dissolves" is another pattern's."""
        return verb in ("is", "was", "has") and word in self.w["third"] and word not in self.w["singular_s"] \
            and word not in _PLURAL_MODIFIERS and not word.endswith(("ss", "us", "is"))

    def _plural_owns_phrase(self, doc, start: int) -> bool:
        """Does a plural stand before the phrase opening at ``start``, so that a clause after it may be the plural's:
        "the cells in the pancreas that make insulin", "hormones made in the gut that affect hunger"?"""
        if start < 2 or doc[start - 1].lower_ not in _PREPOSITIONS:
            return False
        k = start - 2
        if k > 0 and doc[k].lower_ in _MADE_PARTICIPLES:
            k -= 1  # a participle between: "hormones made in the gut"
        word = doc[k].lower_
        return word.endswith("s") and self._plural_looking(word)

    def _plural_looking(self, word: str, verbs_too: bool = False) -> bool:
        """A word in -s that is most likely a plural noun (not "diabetes", "lens", "virus", "pelvis"); with
        ``verbs_too``, one that can be a verb too, where its place shows it is none ("Pumps is not suitable")."""
        w = self.w
        if word in w["singular_s"] or not verbs_too and word in w["all_verbs"] or word in w["quantity"] \
                or word in _FUNCTION_WORDS \
                or word in w["either_number"]:
            return False
        if word in self.a_plurals or word.endswith("as") and word in w["plurals"]:
            return True  # "fistulas", "stomas", "areas"
        return not re.search(r"(?:ss|us|is|as|ics|ous|ness|itis|osis|sis|xis|betes)$", word)

    def _gerund_subject(self, sent):
        """ "Following it closely are one of...": an -ing phrase as subject with a plural verb."""
        first = sent[0]
        if not (first.text[:1].isupper() and first.lower_.endswith("ing") and len(first) > 5) \
                or first.lower_ in _ING_PREPOSITIONS:
            return None
        if first.lower_ in _ING_AMBIGUOUS and not (len(sent) > 1 and sent[1].lower_ in ("it", "them", "this", "these")):
            return None
        second = sent[1] if len(sent) > 1 else None
        if second is not None and second.is_lower and second.lower_.endswith("s") and not second.lower_.endswith("ss") \
                and second.lower_ not in self.w["all_verbs"]:
            # "Hearing aids are", "Walking sticks are": a noun compound, not an -ing phrase; a linter
            # would rather miss "Taking tablets are" than flag every compound of this shape
            return None
        for tok in sent[1:6]:
            if tok.lower_ in ("are", "were"):
                return (first.i, tok.i) if tok.i > first.i + 1 else None
            if not tok.is_alpha or tok.lower_ in _PRONOUNS - {"it", "this", "that"} or tok.lower_ in self.w["plurals"] \
                    or tok.lower_ in self.w["all_verbs"] or tok.lower_ in ("and", "or"):
                return None
        return None

    def may_match(self, words: frozenset) -> bool:
        return not words.isdisjoint(self.verbs)

    def _gerund_base(self, sent):
        """ "Drinking plenty of fluids help": an action opening the sentence as its subject, with the verb of its
        result in the plural's form. The words between are the action's object, with no verb, comma or "and" (a
        second action makes the subject plural: "Wearing stockings and raising your legs help")."""
        first = sent[0]
        if not first.text[:1].isupper() or first.lower_ not in _ACTION_GERUNDS:
            return None
        for tok in sent[1:8]:
            if tok.lower_ in _ACTION_RESULTS:
                return (first.i, tok.i) if tok.i > first.i + 1 else None
            if not tok.is_alpha or tok.lower_ in _ACTION_STOPS or tok.lower_ in _PRONOUNS or tok.lower_ in self.w["all_verbs"]:
                return None
        return None

    def _gerund_heads(self, doc, noun: int) -> bool:
        """ "so continuing your medicines and healthy habits remains important": the plural noun is the
        object of an -ing word that opens the clause, and the -ing phrase is the (singular) subject."""
        for k in range(noun - 1, max(-1, noun - 8), -1):
            tok = doc[k]
            if tok.text in ("-", "‑") or tok.text == "," and k + 1 < noun:
                continue  # "Eating smaller, low-fat meals usually helps": a list of describing words
            if not tok.is_alpha:
                return False
            if tok.lower_.endswith("ing") and len(tok) > 5 and tok.lower_ not in _ING_PREPOSITIONS:
                return k == 0 or doc[k].is_sent_start or not doc[k - 1].is_alpha \
                    or doc[k - 1].lower_ in ("so", "and", "but", "because", "that", "while", "as")
            if tok.lower_ in self.w["all_verbs"]:
                return False
        return False

    def check(self, page):
        lower_written = None
        for unit, doc, matches in self.matched_units(page, self._build):
            found = {}
            for label, start, end in matches:
                if label == "OPENING_PLURAL_PLACE_THIRD":
                    place = next(k for k in range(start + 2, end) if doc[k].lower_ in _OPENING_PHRASE_PREPOSITIONS)
                    noun = doc[place - 1]
                    if not self._plural_looking(noun.lower_) or noun.lower_ in _PLURAL_MODIFIERS \
                            or noun.lower_ in _TIME_PLURALS or doc[start + 1].lower_ in _PLURAL_MODIFIERS:
                        continue  # "The first weeks at home is the hardest": a stretch of time, taken as one
                    if doc[end - 1].i not in found:
                        found[doc[end - 1].i] = (start, "PLURAL_THIRD")
                    continue
                if label == "OPENING_SINGULAR_PLACE_BASE":
                    place = next(k for k in range(start + 2, end) if doc[k].lower_ in _PLACE_PREPOSITIONS)
                    noun = doc[place - 1].lower_
                    if not self._singular_looking(noun) or noun in self.w["all_verbs"] or noun in self.w["quantity"] \
                            or noun in self.w["plural_groups"] or noun in _NOT_ONE_THING:
                        continue
                    if doc[end - 1].i not in found:
                        found[doc[end - 1].i] = (start, "SINGULAR_BASE")
                    continue
                if label == "OPENING_PLURAL_THIRD":
                    noun = doc[start + 1]
                    if end >= len(doc) or not self._plural_looking(noun.lower_) or noun.lower_ in _PLURAL_MODIFIERS \
                            or doc[end].lower_ not in _PLACE_AFTER:
                        continue  # "The sports drinks in the fridge": a plural that can name the kind of what follows
                    if doc[end - 1].i not in found:
                        found[doc[end - 1].i] = (start, "PLURAL_THIRD")
                    continue
                if label.startswith("SUBORDINATE_"):
                    noun = doc[end - 2] if doc[end - 2].lower_ not in self.w["adverbs"] else doc[end - 3]
                    if noun.i not in (start + 2, start + 3) or end >= len(doc) or doc[start + 2].lower_ in self.w["all_verbs"]:
                        continue
                    # (a plural-looking noun before a verb in -s is no compound's first word: "When the stones blocks
                    # the duct"; but "Once the nerve block the team gives" may be one)
                    if doc[end].lower_ not in (_PLURAL_OBJECT_OPENERS if label == "SUBORDINATE_PLURAL_THIRD"
                                               else _OBJECT_OPENERS):
                        continue
                    if label == "SUBORDINATE_SINGULAR_BASE" and not self._singular_looking(noun.lower_) \
                            or label == "SUBORDINATE_PLURAL_THIRD" and not self._plural_looking(noun.lower_):
                        continue
                    if label == "SUBORDINATE_PLURAL_THIRD" and self._verb_and_plural(noun.lower_, doc[end - 1].lower_):
                        continue  # "if the recording shows changes": the "noun" may be the verb, and the "verb" its object
                    if doc[end - 1].i not in found:
                        found[doc[end - 1].i] = (start + 1, label.replace("SUBORDINATE_", ""))
                    continue
                if label == "SINGULAR_HELP_BASE":
                    noun, verb = doc[start + 1], doc[start + 2]
                    if self._singular_looking(noun.lower_) and noun.lower_ not in self.w["all_verbs"] \
                            and clause_start(doc, start) and not _inside_prepositional_phrase(doc, start) \
                            and verb.i not in found:
                        found[verb.i] = (start, "SINGULAR_BASE")
                    continue
                if label == "DET_ADVERB_BASE":
                    noun, verb = doc[start + 1], doc[end - 1]
                    if self._owned_singular(noun.lower_) and noun.lower_ not in _NOT_ONE_THING \
                            and clause_start(doc, start) and not _inside_prepositional_phrase(doc, start) \
                            and not (start > 0 and doc[start - 1].lower_ in ("and", "or", "nor", "both")
                                     and not self._and_joins_clauses(doc, start)) \
                            and verb.i not in found:
                        found[verb.i] = (start, "SINGULAR_BASE")
                    continue
                if label == "SINGULAR_THAT_IS_ARE":
                    verb = doc[end - 1]
                    if self._singular_looking(doc[start + 1].lower_) and clause_start(doc, start) \
                            and not _inside_prepositional_phrase(doc, start) and verb.i not in found:
                        found[verb.i] = (start, label)
                    continue
                if label == "SINGULAR_THAT_BASE":
                    verb = doc[end - 1]
                    that = next(k for k in range(start + 2, end) if doc[k].lower_ in ("that", "which"))
                    noun = doc[that - 1]
                    if self._singular_looking(noun.lower_) and noun.lower_ not in self.w["all_verbs"] \
                            and (that - start == 2 or doc[start + 1].lower_ not in self.w["all_verbs"]) \
                            and not self._plural_owns_phrase(doc, start) \
                            and not (verb.lower_ in ("are", "were") and (
                                noun.lower_ in ("kind", "type", "sort", "variety", "form")
                                or start > 0 and (doc[start - 1].lower_ in ("and", "or", "nor", "&")
                                                  or doc[start - 1].lower_ in _PREPOSITIONS))) \
                            and verb.i not in found:  # ("the cells in the pancreas that make insulin": the cells make it;
                        # before "are", not two things, "the tissue and the fluid that are removed", nor the object of
                        # a preposition, whose clause may be the noun's before it, "ridges on the roof of your mouth that
                        # are covered", nor a kind standing for its many, "the flat kind that are")
                        found[verb.i] = (noun.i, "SINGULAR_BASE")
                    continue
                if label == "YOU_PLURAL_THIRD":
                    verb = doc[end - 1]
                    # (a verb in -s that is also a plural noun is the verb only before its object or a place: "you
                    # checks the", not "If you results")
                    if verb.lower_ not in self.w["third"] and verb.lower_ not in _MOVEMENT_THIRD and (
                            end >= len(doc) or doc[end].lower_ not in _PLACE_AFTER):
                        continue
                    # (after a noun too, "you" is a subject: "After the operation you has", "the operation you has";
                    # after a verb or a preposition it is an object)
                    before = doc[start - 1].lower_ if start > 0 else ""
                    if (clause_start(doc, start) or before in self.w["nouns"] and before not in self.w["all_verbs"]
                            and before not in _PREPOSITIONS) and verb.i not in found:
                        found[verb.i] = (start, label)
                    continue
                if label == "OPENING_BARE_PLURAL_IS":
                    noun = doc[start].lower_
                    if not self._plural_looking(noun, verbs_too=True) or noun in _PLURAL_MODIFIERS \
                            or noun in _TIME_PLURALS or doc[end - 1].i in found:
                        continue
                    if lower_written is None:  # the words the page writes in lower case
                        lower_written = {t.text for u in page.units for t in u.doc if t.is_lower}
                    # (the plural itself, or its singular: "pumps", "pump"; "boxes", "box"; "bodies", "body")
                    forms = {noun, noun[:-1]} | ({noun[:-2]} if noun.endswith("es") else set()) \
                        | ({noun[:-3] + "y"} if noun.endswith("ies") else set())
                    if not forms.isdisjoint(lower_written):
                        found[doc[end - 1].i] = (start, "PLURAL_THIRD")
                    continue
                if label in ("BOTH_OF_THIRD", "DET_WORDS_PLURAL_IS"):
                    if label == "BOTH_OF_THIRD":
                        noun = doc[start + 1]
                    else:  # the plural before "is", or before the adverb between them
                        noun = doc[end - 3] if doc[end - 2].lower_ in self.w["adverbs"] else doc[end - 2]
                    low = noun.lower_
                    if not self._plural_looking(low) or low in _PLURAL_MODIFIERS or low in _TIME_PLURALS \
                            or low in self.w["quantity"] or not clause_start(doc, start) \
                            or _inside_prepositional_phrase(doc, start) or doc[end - 1].i in found:
                        continue
                    if label == "DET_WORDS_PLURAL_IS" and start > 0 and doc[start - 1].lower_ in ("and", "or", "nor", "both") \
                            and not self._and_joins_clauses(doc, start):
                        continue  # a compound subject: "the ball and the new sockets is"
                    found[doc[end - 1].i] = (start, "PLURAL_THIRD")
                    continue
                if label == "SINGULAR_WHO_BASE":
                    verb = doc[end - 1]  # "Anyone who have": a subject wherever it stands
                    if verb.i not in found:
                        found[verb.i] = (start, label)
                    continue
                verb = doc[end - 1]
                if doc[end - 2].lower_ in _DETERMINERS:
                    continue  # "a sample of urine in a clean container": after "a", "clean" describes a noun
                k = end - 2
                while k > start and k > end - 4 and (doc[k].lower_ in self.w["adverbs"] or doc[k].lower_ in _BETWEEN_MODAL):
                    k -= 1  # "The back of your head may then feel numb"
                if k > start and doc[k].lower_ in _MODALS_BEFORE_VERB:
                    continue  # "The effect of SLT can wear off": a modal carries the agreement
                if label in ("PLURAL_THIRD", "ANY_PLURAL_THIRD") and self._gerund_heads(doc, start):
                    continue
                if label == "PLURAL_THIRD" and verb.lower_ not in self.w["third"] and (
                        end >= len(doc) or doc[end].lower_ not in _PLACE_AFTER and doc[end].lower_ != "to"
                        or doc[start].lower_ in _PLURAL_MODIFIERS or doc[start].lower_ in ("data", "media")):
                    continue  # a verb that is also a noun is the verb only with a place or object after it ("data
                    # shows" takes "data" as one body of figures)
                if label.startswith("PLURAL") and verb.lower_ in ("is", "was") and start > 0 and doc[start - 1].like_num \
                        and (end >= len(doc) or not doc[end].lower_.endswith("ed") or doc[start].lower_ in _TIME_PLURALS):
                    continue  # "Six sessions is all it takes": an amount, taken as one
                if verb.lower_ == "were" and any(doc[k].lower_ in ("if", "though", "wish", "wished")
                                                 for k in range(max(0, start - 2), start + 1)):
                    continue  # the subjunctive: "reacts to a food as if it were harmful"
                if verb.lower_ == "last" and end < len(doc) and doc[end].lower_ in _TIME_AFTER_LAST:
                    continue  # "When my ankles started swelling last winter": "last" describes the time, it is no verb
                if end < len(doc) and doc[end].lower_ in _AUX_AFTER \
                        and label not in ("PRONOUN_BASE", "PRONOUN_PLURAL_THIRD", "PLURAL_WHO_THIRD", "PLURAL_PAIR_THIRD"):
                    continue  # "the hospital stay is short": the "verb" was a noun
                if label not in ("PRONOUN_BASE", "PRONOUN_PLURAL_THIRD", "PLURAL_PAIR_THIRD") and (
                        end >= len(doc) or doc[end].lower_ in ("or", "and") and end + 1 < len(doc)
                        and doc[end + 1].lower_ in ("a", "an", "the", "your", "any")):
                    continue  # "a medicine pump or a nerve stimulator": a list's noun, with no verb after it
                if label in ("ANY_SINGULAR_BASE", "SINGULAR_BASE") and doc[end].text == "," \
                        and any(doc[k].lower_ in ("or", "and") for k in range(end + 1, min(len(doc), end + 5))):
                    continue  # "a medicine pump, nerve stimulator or other device": the first noun of a list
                if label in ("ANY_PLURAL_THIRD", "DET_PLURAL_THIRD"):
                    # (after "both" and a plural, a word in -s is the verb, place or none after it: "both tendons runs
                    # freely again")
                    both = label == "DET_PLURAL_THIRD" and doc[start].lower_ == "both"
                    if verb.lower_ not in self.w["third"] and verb.lower_ not in _DET_PLURAL_VERBS and not both and (
                            end >= len(doc) or doc[end].lower_ not in _PLACE_AFTER
                            or doc[start + (label == "DET_PLURAL_THIRD")].lower_ in _PLURAL_MODIFIERS):
                        continue  # "the patients stays": a verb that is also a noun is one only with a place or an
                        # object after it ("Most patients stays in hospital", "The rods holds the bones"), and not after
                        # a plural that names its kind ("the sports drinks in the fridge")
                    if label == "DET_PLURAL_THIRD":
                        start += 1  # the noun (the determiner opens the subject)
                    noun = doc[start].lower_
                    # (a listed plural before a verb the lists hold is PLURAL_THIRD's)
                    if label == "ANY_PLURAL_THIRD" and start > 0 and doc[start - 1].is_alpha \
                            and doc[start - 1].lower_ not in self.w["determiners"] \
                            and self._verb_and_plural(noun, verb.lower_):
                        continue  # "the recording shows changes": after a noun, the word in -s may be its verb
                    if label == "ANY_PLURAL_THIRD" and noun in self.w["plurals"] and verb.lower_ in self.w["third"] \
                            or not (self._plural_looking(noun) or label == "DET_PLURAL_THIRD" and self._noun_before_be(
                                noun, verb.lower_)):
                        continue
                    if doc[start].text.isupper() or any(c.isupper() for c in doc[start].text[1:]):
                        continue  # an abbreviation, not a plural: "The AAOS advises", "rTMS uses"
                    if doc[start].is_title and start > 0 and doc[start - 1].is_title and not doc[start].is_sent_start:
                        continue  # the last word of a name: "NovaCare Health Journeys arranges your stay"
                    if _inside_prepositional_phrase(doc, start):
                        continue  # "The statement from the society (HRS) and partner societies puts ..."
                    first = self._subject_start(doc, start, singular=False)
                    if first is None or first == start and not doc[start].is_sent_start:
                        continue
                elif label == "ANY_SINGULAR_BASE":
                    noun = doc[end - 3] if doc[end - 2].lower_ in self.w["adverbs"] else doc[end - 2]
                    owned = doc[start].lower_ in _POSSESSIVE_DETS
                    first = start
                    if doc[start].lower_ in ("'s", "’s"):
                        # the owner opens the subject: "Everyone's experience", "The patient's wound" (not "it's")
                        if start == 0 or doc[start - 1].lower_ in _NOT_OWNERS or not doc[start - 1].is_alpha:
                            continue
                        first -= 1
                        if first > 0 and doc[first - 1].lower_ in _SINGULAR_DETS:
                            first -= 1
                    # (after an owner, a word that is also a verb is a noun: "Your experience are different")
                    if not (self._singular_looking(noun.lower_) or owned and self._owned_singular(noun.lower_)) \
                            or not clause_start(doc, first) \
                            or (first > 0 and doc[first - 1].lower_ in ("and", "or", "nor", "both", "as", "like",
                                                                        "including", "with")
                                and not self._and_joins_clauses(doc, first)):
                        continue  # a compound subject, or an example inside one ("problems such as a tear are")
                    # (a noun of two words opens with a word that describes the second: "The package price", not "The
                    # figures below", "The doctors here", "the tissues underneath")
                    if noun.i - start >= 2 and not any(c.isdigit() for c in doc[noun.i - 1].text) and (
                            doc[noun.i - 1].lower_.endswith("s") or noun.lower_ not in self.w["nouns"]):
                        continue
                elif label == "DET_SINGULAR_OF_BASE":
                    noun = doc[start + 1] if doc[start + 2].lower_ == "of" else doc[start + 2]
                    if doc[noun.i + 1].lower_ != "of" or not self._singular_head(noun.lower_) \
                            or not clause_start(doc, start) or _inside_prepositional_phrase(doc, start):
                        continue
                    if start > 0 and doc[start - 1].lower_ in ("and", "or", "nor", "&", ",", "both"):
                        continue  # "the ball and the rim of the socket are": one of a compound subject
                    before_verb = doc[end - 2] if doc[end - 2].lower_ not in self.w["adverbs"] else doc[end - 3]
                    if before_verb.lower_.endswith("s") and not before_verb.lower_.endswith(("ss", "'s", "’s")):
                        continue  # "Their quality of life scores were": a plural may head a compound
                    if noun.lower_ in _PART_HEADS and any(t.lower_ == "and" for t in doc[noun.i + 2:end - 1]):
                        continue  # "The top of the skull and brain do not form": the top and the brain, two subjects
                    first = start
                elif label in ("PLURAL_PAIR_THIRD", "PRONOUN_PLURAL_THIRD"):
                    first = start  # "me and my wife was", "they": a subject wherever it stands
                elif label == "DET_PLURAL_PAIR_THIRD":
                    second = start + 4 if doc[start + 3].lower_ in ("the", "your", "this") else start + 3
                    nouns = (doc[start + 1].lower_, doc[second].lower_)
                    # (the first may be a plural: "The leads and generator is tested")
                    if not (self._singular_looking(nouns[0]) and nouns[0] not in self.w["all_verbs"]
                            or self._plural_looking(nouns[0], verbs_too=True) and nouns[0] not in _PLURAL_MODIFIERS
                            # (then only before a verb that is no noun: not "the risks and the eye drops you use")
                            and verb.lower_ in _SINGULAR_VERBS) \
                            or not (self._singular_looking(nouns[1]) and nouns[1] not in self.w["all_verbs"]) \
                            or not (clause_start(doc, start) or doc[start - 1].lower_ in _TIME_BEFORE_CLAUSE) \
                            or _inside_prepositional_phrase(doc, start):
                        continue  # "Between the band and the skin is", "a list of the risks and the benefits"
                    first = start
                elif label == "CARE_PAIR_PLURAL_THIRD":
                    if not (clause_start(doc, start) or doc[start - 1].lower_ in _TIME_BEFORE_CLAUSE) \
                            or _inside_prepositional_phrase(doc, start):
                        continue  # "a letter for your GP and your surgeon is sent": the pair after a preposition
                    first = start
                elif label == "TITLED_NAME_BASE":
                    if start > 0 and doc[start - 1].lower_ in ("and", "or", "&", "with", "of", "to", "by", "like",
                                                               "including", "as", "than"):
                        continue  # "Dr Patel and Mr Hartley have", "patients of Dr Shah are", "patients like Mr Khan are"
                    first = start
                elif label.startswith("PLURAL") or label.startswith("SINGULAR"):
                    head = doc[start]
                    if head.lower_ in self.w["quantity"] or head.lower_ in self.w["plural_groups"]:
                        continue
                    if label.startswith("PLURAL") and head.is_title and not head.is_sent_start:
                        continue  # a word of a name: "the Aesthetic Surgeons of Southern Africa advises"
                    if label == "PLURAL_WHO_THIRD" and head.lower_ not in _PEOPLE_PLURALS and (
                            head.lower_ in self.w["all_verbs"] or head.lower_ in self.noun_like_third
                            or start > 0 and doc[start - 1].lower_ in _PRONOUNS):
                        continue  # a verb in "-ers", not people: "It covers who is invited"
                    if label == "PLURAL_WHO_THIRD" and doc[start + 1].lower_ == "who":
                        # "suitable for women who has": "who" is the subject of its clause, wherever the noun stands
                        # (not "one of the women who has", which many write with the singular)
                        if not any(doc[k].lower_ == "one" for k in range(max(0, start - 3), start)):
                            first = self._subject_start(doc, start, singular=False)
                            first = start if first is None else first  # ("Many women who has": from its determiner)
                            key = verb.i
                            if key not in found or found[key][0] > first:
                                found[key] = (first, label)
                        continue
                    if _inside_prepositional_phrase(doc, start):
                        continue  # "Injury to the ureter or other organs is rare": the subject is "injury"
                    first = self._subject_start(doc, start, singular=label.startswith("SINGULAR"))
                    if first is None:
                        continue
                    if label.startswith("SINGULAR") and first == start and not doc[start].is_sent_start:
                        continue
                    if first > 0 and doc[first].lower_.endswith("ing") and doc[first - 1].lower_ in _ING_ADVERBIAL:
                        continue  # "a few days of burning when passing urine are common": an -ing phrase of time, no subject
                else:
                    if not clause_start(doc, start):
                        continue
                    first = start
                key = verb.i
                if key not in found or found[key][0] > first:
                    found[key] = (first, label)
            for sent in unit.sents:
                g = self._gerund_subject(sent) or self._gerund_base(sent)
                if g is not None and g[1] not in found:
                    found[g[1]] = (g[0], "SINGULAR_GERUND")
            self._counted_and_mass(unit, doc, found)
            self._counted_heads(unit, doc, found)
            self._there_is_plural(unit, doc, found)
            for verb_i, (first, label) in sorted(found.items()):
                verb = doc[verb_i]
                if verb_i + 1 < len(doc) and doc[verb_i + 1].text in ("-", "‑") and not verb.whitespace_:
                    continue  # "wearing eye make-up", "your follow-up": a word of a hyphenated noun, not a verb
                number = "plural" if "PLURAL" in label else "singular"
                yield self.hit(unit, doc[first].idx, verb.idx + len(verb.text), verb=verb.text, number=number)


class MissingTo(_MatcherKind):
    """ "It is important keep the wound dry": an infinitive without its "to"."""

    name = "missing-to"
    options = {}
    #: the first word of every pattern (see _build)
    OPENERS = frozenset({"is", "'s", "’s", "are", "was", "be", "been", "feel", "feels", "able", "unable", "need",
                         "needs", "needed", "want", "wants", "try", "tries", "order"})
    anchor_side = "first"
    anchor_words = OPENERS

    def setup(self):
        self.w = self.words()

    def _build(self, m: _Recording):
        w = self.w
        verbs = sorted(w["verb_bases"])
        m.add("ADJ_VERB", [[
            {"LOWER": {"IN": ["is", "'s", "’s", "are", "was", "be", "been", "feel", "feels"]}},
            {"LOWER": {"IN": ["very", "really", "so", "quite", "also", "usually", "often", "always", "especially"]}, "OP": "?"},
            {"LOWER": {"IN": w["to_adjectives"]}},
            # (and "do", "be" and "have", which no adjective of these is followed by: "It is important do your exercises")
            {"LOWER": {"IN": verbs + sorted(_AUXILIARY_BASES)}},
        ]])
        # (after "able" no noun can stand: only the words that are most often nouns after "need" are left alone)
        m.add("ABLE_VERB", [[{"LOWER": {"IN": ["able", "unable"]}},
                             {"LOWER": {"IN": sorted(w["verb_bases"] - w["need_nouns"])}}]])
        m.add("NEED_VERB", [[{"LOWER": {"IN": ["need", "needs", "want", "wants", "try", "tries", "order"]}},
                             {"LOWER": {"IN": sorted(w["verb_bases"] - w["need_nouns"])}},
                             {"LOWER": {"IN": ["the", "your", "a", "an", "it", "them", "this", "any", "up", "out", "off",
                                               *w["need_objects"]]}}]])
        # "the wound needs cleaned", "a seroma may need drained": "to be" dropped before a participle
        m.add("NEED_PARTICIPLE", [[{"LOWER": {"IN": ["need", "needs", "needed"]}},
                                   {"LOWER": {"IN": sorted(self.participles)}}]])

    def may_match(self, words: frozenset) -> bool:
        if words.isdisjoint(self.OPENERS):
            return False
        return not (words.isdisjoint(self.w["verb_bases"]) and words.isdisjoint(self.participles)
                    and words.isdisjoint(_AUXILIARY_BASES))

    @cached_property
    def participles(self) -> frozenset:
        return frozenset(_participles(self.w["verb_bases"]))

    def check(self, page):
        for unit, doc, matches in self.matched_units(page, self._build):
            for label, start, end in matches:
                if label == "NEED_PARTICIPLE":
                    need, participle = doc[start], doc[start + 1]
                    if start > 0 and doc[start - 1].lower_ in self.w["determiners"]:
                        continue  # "the need" is a noun
                    if end < len(doc) and doc[end].is_alpha and doc[end].is_lower \
                            and doc[end].lower_ not in _ACTION_STOPS and doc[end].lower_ not in _PREPOSITIONS \
                            and doc[end].lower_ not in self.w["adverbs"] and doc[end].lower_ not in self.w["determiners"] \
                            and doc[end].lower_ not in ("again", "out", "off", "up", "down", "back", "once", "twice",
                                                        "regularly", "daily", "weekly", "straight", "soon", "first"):
                        continue  # "if you need repeated infusions": the participle describes the noun after it
                    s, e = need.idx, participle.idx + len(participle.text)
                    fixed = f"{need.text} to be {participle.text}"
                    yield self.hit(unit, s, e, suggestions=(fixed,), fix=fixed if self.rule.fix else None,
                                   verb=participle.text, missing="to be")
                    continue
                if label in ("ABLE_VERB", "NEED_VERB"):
                    before, verb = doc[start], doc[start + 1]
                    if before.text[:1].isupper() and not before.is_sent_start:
                        continue  # a name: "Able Care"
                    if before.lower_ in ("need", "needs", "want", "wants", "try", "tries") and not (
                        start > 0 and doc[start - 1].lower_ in _PRONOUNS | {"will", "may", "might", "people", "patients"}
                    ):
                        continue
                else:
                    before, verb = doc[end - 2], doc[end - 1]
                    after = doc[end] if end < len(doc) else None
                    ends = after is None or after.is_punct
                    if verb.lower_ in _MASS_NOUNS and (ends or after.lower_ in _NOUN_FOLLOWERS) \
                            or before.lower_ in _COMPARATIVES and verb.lower_ in self.w["need_nouns"] and ends:
                        continue  # a noun: "Getting ready is hard work for patients", "the biggest change is better sleep"
                        # ("It is important rest." and "It is better rest for a day" are slips)
                s, e = before.idx, verb.idx + len(verb.text)
                fixed = f"{before.text} to {verb.text}"
                yield self.hit(unit, s, e, suggestions=(fixed,), fix=fixed if self.rule.fix else None,
                               verb=verb.text, missing="to")


class VerbForm(_MatcherKind):
    """The wrong form of a verb after a helping verb: "will decides", "you should not walked", "you may be ask to sign",
    "will took", "have took", "were gave", "did not went"."""

    name = "verb-form"
    options = {}
    MODALS = frozenset({"will", "would", "can", "could", "may", "might", "should", "must", "shall"})
    BE = frozenset({"be", "been", "being"})
    #: forms of "be" that make a passive with a past participle ("the stitches were taken out")
    BE_FINITE = frozenset({"is", "are", "was", "were", "am"})
    HAVE = frozenset({"have", "has", "had", "having", "'ve", "’ve"})
    DO = frozenset({"do", "does", "did"})
    #: (every pattern opens with a helping verb)
    anchor_side = "first"
    anchor_words = MODALS | BE | BE_FINITE | HAVE | DO | {"to"}

    def setup(self):
        w = self.w = self.words()
        # "will decides": each verb's -s form that is never a plural noun ("will results" is no slip to judge)
        self.third_base = {third_person(v): v for v in w["verb_bases"] if third_person(v) in w["third"]}
        self.third_base.update({"goes": "go", "has": "have", "does": "do"})
        # (after "will", "can", "should" even an -s form that is also a plural noun is the verb: "will shows you", "can
        # helps", though "do not helps" is left to the words above: "do" is a verb of its own)
        self.modal_third = {third_person(v): v for v in w["verb_bases"]} | self.third_base
        # "should not walked": the regular past forms
        self.past_base = {p: v for v in w["verb_bases"] for p in _participles([v]) if p not in w["third"]}
        forms, ambiguous = w["past_forms"], w["ambiguous_past"]
        # "be ask": a verb whose past participle is another word, and that is no adjective or noun after "be"
        self.be_participle = {v: forms[v][1] if v in forms else _regular_participle(v)
                              for v in (w["verb_bases"] - w["noun_like"] | w["passive_verbs"]) - w["not_after_be"]}
        bases = set(forms) | w["verb_bases"]
        # "will took", "can gone": an irregular past form where the base belongs (not a form that is a base itself:
        # "will come", "can run")
        self.irregular_base = {f: v for v, pair in forms.items() for f in pair
                               if f != v and f not in bases and f not in ambiguous}
        # "have took", "were gave": a simple past where the participle, another word, belongs
        self.past_participle = {past: part for past, part in forms.values()
                                if past != part and past not in bases and past not in ambiguous}
        # "to drove": a simple past that is no participle, and its base
        self.past_only_base = {past: v for v, (past, part) in forms.items()
                               if past != part and past in self.past_participle and past in self.irregular_base}
        # (a passive needs a verb that takes an object: "was came" meant "came", not "was come")
        intransitive = {forms[v][0] for v in w["intransitive_verbs"] if v in forms}
        self.passive_participle = {past: part for past, part in self.past_participle.items()
                                   if past not in intransitive}
        self.anchor_follow = frozenset(self.modal_third) | frozenset(self.past_base) | frozenset(self.irregular_base) \
            | frozenset(self.past_only_base) \
            | frozenset(self.be_participle) | frozenset(self.past_participle)

    def _build(self, m: _Recording):
        adverb = {"LOWER": {"IN": ["not", "never", "also", "only", "still", "then", "always", "usually", "often", "soon",
                                   "just", "n't", "now", "normally", "probably"]}, "OP": "?"}
        modal = {"LOWER": {"IN": sorted(self.MODALS)}}
        m.add("MODAL_THIRD", [[modal, adverb, {"LOWER": {"IN": sorted(self.modal_third)}}]])
        m.add("MODAL_PAST", [[modal, adverb, {"LOWER": {"IN": sorted(self.past_base)}}]])
        m.add("MODAL_IRREGULAR", [[modal, adverb, {"LOWER": {"IN": sorted(self.irregular_base)}}]])
        # "someone to drove you home": an infinitive takes the base (an irregular past only: "to detailed notes" has
        # an adjective after the preposition)
        # (a simple past, never a participle: "damage to broken bones", "access to written advice")
        m.add("TO_IRREGULAR", [[{"LOWER": "to"}, {"LOWER": {"IN": sorted(self.past_only_base)}}]])
        # "able to walked", "need to stopped": after a word that only an infinitive follows, a regular past too (not
        # after "going to", "used to" or "due to", where a preposition may meet an adjective: "going to crowded places")
        # (the word before "to" is checked in check(): every pattern opens with a helping verb or "to")
        m.add("TO_PAST", [[{"LOWER": "to"}, {"LOWER": {"IN": sorted(self.past_base)}}]])
        # ("is", "was" too: "the catheter is usually remove the next morning")
        m.add("BE_BASE", [[{"LOWER": {"IN": sorted(self.BE | self.BE_FINITE)}},
                           {"LOWER": {"IN": ["not", "also", "then", "usually", "normally", "often", "always", "sometimes",
                                             "routinely", "only"]}, "OP": "?"},
                           {"LOWER": {"IN": sorted(self.be_participle)}}]])
        m.add("BE_PAST", [[{"LOWER": {"IN": sorted(self.BE | self.BE_FINITE)}}, {"LOWER": {"IN": ["not", "n't", "also", "then", "usually", "already", "just"]}, "OP": "?"},
                           {"LOWER": {"IN": sorted(self.passive_participle)}}]])
        m.add("HAVE_PAST", [[{"LOWER": {"IN": sorted(self.HAVE)}}, {"LOWER": {"IN": ["not", "n't", "never", "already", "just", "also", "recently", "ever",
                                                                             "usually", "normally", "often", "generally",
                                                                             "mostly", "probably", "always"]}, "OP": "?"},
                             {"LOWER": {"IN": sorted(self.past_participle)}}]])
        # "did not went", "doesn't needs": after "do" and a negation, the base ("do" alone is also a verb of its own:
        # "we do tailored plans" is no slip to judge)
        not_ = {"LOWER": {"IN": ["not", "n't"]}}
        m.add("DO_THIRD", [[{"LOWER": {"IN": sorted(self.DO)}}, not_, {"LOWER": {"IN": sorted(self.third_base)}}]])
        m.add("DO_PAST", [[{"LOWER": {"IN": sorted(self.DO)}}, not_,
                           {"LOWER": {"IN": sorted(set(self.past_base) | set(self.irregular_base))}}]])

    def may_match(self, words: frozenset) -> bool:
        return not words.isdisjoint(self.anchor_words)

    def _form(self, label: str, verb: str) -> str:
        if label == "BE_BASE":
            return self.be_participle[verb]
        if label == "MODAL_THIRD":
            return self.modal_third[verb]
        if label == "DO_THIRD":
            return self.third_base[verb]
        if label in ("BE_PAST", "HAVE_PAST"):
            return self.past_participle[verb]
        if label == "TO_IRREGULAR":
            return self.past_only_base[verb]
        if label == "TO_PAST":
            return self.past_base[verb]
        return self.past_base.get(verb) or self.irregular_base[verb]

    def check(self, page):
        for unit, doc, matches in self.matched_units(page, self._build):
            for label, start, end in matches:
                if label == "TO_PAST" and (start == 0 or doc[start - 1].lower_ not in _INFINITIVE_HEADS):
                    continue  # "leading to reduced pain": "to" may be a preposition before an adjective
                aux, verb = doc[start], doc[end - 1]
                if start > 0 and doc[start - 1].lower_ in _AUX_AS_NOUN_BEFORE:
                    continue  # "a living will states", "the can holds"
                if aux.text[:1].isupper() and aux.lower_ in ("may", "will") and not aux.is_sent_start:
                    continue  # a name: "May", "Will"
                if label == "BE_BASE":
                    if any(doc[k].lower_ == "there" for k in range(max(0, start - 3), start)):
                        continue  # "there will be use of ...": a noun
                    if aux.lower_ in self.BE_FINITE and (
                            _what_is_done_before(doc, start) or aux.lower_ == "am" or aux.is_sent_start
                            or aux.text[:1].isupper() or verb.lower_ in _NOUNS_AFTER_IS):
                        # "all the surgeon does is remove the stone", "the aim is prevent": what is done; "3am wake-ups";
                        # "Are repeat treatments common?"; "the cause is wear in the joints", "is lead urologist"
                        continue
                    if end < len(doc) and (doc[end].is_alpha and doc[end].lower_ in self.w["all_verbs"]
                                           or doc[end].lower_ in ("of", "'s", "’s")):
                        continue  # "be sure", "will be need of": no verb of a passive
                if label == "HAVE_PAST" and end < len(doc) and doc[end].text in ("-", "‑"):
                    continue  # "have broke-down ..." is a compound word, not a verb
                form = self._form(label, verb.lower_)
                if verb.text[:1].isupper():
                    form = form.capitalize()
                s, e = aux.idx, verb.idx + len(verb.text)
                fixed = doc.text[s:verb.idx] + form
                yield self.hit(unit, s, e, suggestions=(fixed,), fix=fixed if self.rule.fix else None,
                               aux=aux.text, verb=verb.text, form=form)


#: words that only an infinitive follows with "to": "able to walk", "you need to stop", "asked to bring"
_INFINITIVE_HEADS = frozenset({"able", "unable", "need", "needs", "needed", "want", "wants", "wanted", "try", "tries",
                               "tried", "trying", "hope", "plan", "aim", "expect", "expected", "allowed", "asked",
                               "advised", "told", "likely", "unlikely", "ought"})


def _doubles_last_letter(base: str) -> bool:
    """One vowel before one final consonant: "stop", "plan", "visit" (whether it doubles depends on the stress)."""
    return len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou"


def _regular_participle(base: str) -> str:
    """The spelling to suggest: "asked", "removed", "stopped" (a short word doubles; "visited" does not)."""
    if base.endswith("e"):
        return base + "d"
    if len(base) > 2 and base.endswith("y") and base[-2] not in "aeiou":
        return base[:-1] + "ied"
    return base + base[-1] + "ed" if len(base) <= 4 and _doubles_last_letter(base) else base + "ed"


#: words before "is" that make the base after it what is done, not a passive: "What we do is remove the stone"
_WHAT_IS_DONE = frozenset({"do", "does", "did", "done", "doing", "aim", "goal", "plan", "idea", "job", "step", "thing",
                           "option", "choice", "need", "task", "purpose"})
#: bases that after "is" are most often a noun or an adjective: "the usual cause is wear", "he is lead surgeon"
_NOUNS_AFTER_IS = frozenset({"wear", "lead", "repeat", "wake"})


def _what_is_done_before(doc, start: int) -> bool:
    """Does one of ``_WHAT_IS_DONE`` stand among the eight words before ``start``, in its sentence?"""
    for k in range(start - 1, max(-1, start - 9), -1):
        low = doc[k].lower_
        if low in (".", ";", "!", "?"):
            return False
        if low in _WHAT_IS_DONE:
            return True
    return False


# words before a helping verb that make it a noun: "a living will", "a free will", "the can"
_AUX_AS_NOUN_BEFORE = frozenset({"a", "an", "the", "living", "free", "good", "ill", "own"})


def _participles(bases) -> set[str]:
    """The regular past participles of verbs: "drained", "removed", "dried", "stopped" (and, for a verb ending in a
    consonant after one vowel, both the doubled and the undoubled form: only the words a page holds are ever matched)."""
    out = set()
    for base in bases:
        out.add(_regular_participle(base))
        if _doubles_last_letter(base):
            out.update((base + "ed", base + base[-1] + "ed"))
    return out


# words after a noun, not after a verb's bare infinitive: "hard work for patients", "hard work, but"
_NOUN_FOLLOWERS = frozenset({"for", "of", "and", "but", "or", "at", "in", "on", "with", "than", "because", "when", "if"})
# verbs that after "is hard", "is good" are most often nouns: "hard work", "good help"
_MASS_NOUNS = frozenset({"work", "help", "fun"})
# comparatives before a word that is most often a noun make a noun phrase: "better sleep", "easier care"
_COMPARATIVES = frozenset({"better", "easier", "safer", "quicker", "faster", "longer", "shorter", "less", "more"})
_REPORTED = compile_re(
    r"(?i)\b(?:audit|audited|study|studies|trial|survey|review|reviewed|registry|records|our\s+(?:figures|data|results)"
    # "This is what we found:", "Here is what we recorded:"
    r"|what\s+(?:we|they)\s+(?:found|recorded|counted|saw))\b"
    r"|\b\d+\s+(?:in|out\s+of)\s+\d+\b"
    # a count of the people it happened to: "2 people had bleeding that needed treatment"
    r"|^\s*\d[\d,]*\s+(?:people|patients|men|women|children|adults|babies|of\s+(?:them|these|those))\b"
)
_PAST = compile_re(
    r"\b(?:there\s+(?:was|were)|(?:was|were|did|had)(?:\s+not|n[’']t)?|didn[’']t|wasn[’']t|weren[’']t)\b", re.I
)
# "the nerve got damaged", "a blood clot formed": a subject at the start of the item or clause and a past verb
_PAST_AFTER_SUBJECT = compile_re(
    r"(?:^|(?<=[,;:(]\s))(?:the|a|an|your|his|her|their|my)\s+(?:[a-z-]+\s+){1,2}?"
    r"(?P<verb>got|became|developed|happened|occurred|bled|broke|tore|leaked|failed|lost|went|came|felt|spread"
    r"|burst|grew|began|stopped|started|(?<!ing\s)(?!(?:called|named|known|used|needed|caused|related|based|associated)\b)"
    # (an -ed word before its noun describes it: "a tender or thickened scar"; after an -ing word it is what may
    # happen: "the graft becoming blocked", "the wound getting infected")
    r"[a-z]{3,}ed\b(?!\s+(?!(?:in|on|at|into|after|during|and|or|but|because|so|while|when|which|who|that|[a-z]+ly)\b)[a-z]+\b))"
    r"\b(?!\s+(?:by|as|to|with|from|a|an|the)\b)",
    re.I,
)
_CLAUSE_BREAK = compile_re(r"[,;:(—–]")


# a relative clause of place or time ends the risk's own words: "bleeding where a biopsy was taken"
# a past tense that tells how things stood before the treatment: "symptoms you had before", "not visible beforehand"
_BEFORE_TREATMENT = compile_re(r"\b(?:before|beforehand|previously|already|at\s+first)\s*$", re.I)
_RELATIVE_BEFORE = compile_re(r"[a-z]\s+(?:that|which)\s+$", re.I)
_PLACE_OR_TIME_BEFORE = compile_re(r"\b(?:where|when|whenever|wherever|after|once|if|unless)\b[^,;.]{0,40}$", re.I)
# a list of who is more likely to get a condition (its risk factors: "have had sunburn often") tells a
# reader's history, not what an operation may do
_RISK_FACTORS = compile_re(r"\b(?:higher|greater|increased|raised)\s+risk\b|\brisk\b(?:\s+[\w-]+){0,3}?\s+(?:may\s+be\s+|is\s+|could\s+be\s+)?(?:higher|greater|increased|raised)\b"
                           # "Your risk group depends on three things:": what sorts a cancer into a group, not its risks
                           r"|\brisk\s+(?:factors?|groups?|categor(?:y|ies)|levels?|scores?)\b|\bmore\s+likely\s+to\s+(?:get|develop|have)\b|\bat\s+(?:higher\s+)?risk\b"
                           # "some things raise the risk. These include:": what makes a condition more likely
                           r"|\b(?:raise|raises|raising|increase|increases|increasing)\s+(?:the|your|a\s+person[’']s)\s+(?:risk|chance)\b", re.I)


#: a capitalised word just before: a word in capitals after it is part of a name ("Cancer Risk Management Programme")
_IN_A_NAME = compile_re(r"[a-z,;]\s+(?:[A-Z][\w'’-]*\s+)+$")


class PastTenseRisk(Kind):
    """A possible risk written as something that happened: "there was unexpected bleeding" in a list of risks."""

    name = "past-tense-risk"
    page_level = True
    options = {}

    def setup(self):
        self.lead_in = compile_re(load_words(self.rule)["risk_lead_in"])

    def _risk_lists(self, page):
        """The list items that follow a lead-in about risks (a heading, or a paragraph ending in a colon), each with
        whether its lead-in says the list reports what an audit or a study counted ("In our 2023 audit of 146
        procedures:")."""
        heading_about_risks = False
        lead = False
        reported = False
        for unit in page.units:
            block = unit.block
            if block.scope in ("title", "heading"):
                heading_about_risks = bool(self.lead_in.search(block.text)) and not _RISK_FACTORS.search(block.text)
                lead = heading_about_risks
                reported = False
            elif block.scope == "list_item":
                if lead:
                    yield unit, reported
            else:
                text = block.text.rstrip()
                lead = text.endswith(":") and (self._about_risks(text) or heading_about_risks) \
                    and not _RISK_FACTORS.search(text)
                # (the lead-in's last sentence: "Our team audited 318 drains. In that audit:")
                reported = lead and bool(_REPORTED.search(text[text.rfind(". ") + 1:]))

    def _about_risks(self, text: str) -> bool:
        """Does a paragraph speak of risks, not only name a body or a programme with the word in it ("the Prostate Cancer
        Risk Management Programme advises that you should not have:")?"""
        return any(not (m.group()[:1].isupper() and _IN_A_NAME.search(text, 0, m.start()))
                   for m in self.lead_in.finditer(text))

    def check(self, page):
        for unit, reported in self._risk_lists(page):
            text = unit.block.text
            if reported or _REPORTED.search(text):
                continue  # what an audit or a study counted happened: "in our 2024 audit, 1 in 50 people had this"
            m = _PAST.search(text) or _PAST_AFTER_SUBJECT.search(text)
            if not m:
                continue
            if _RELATIVE_BEFORE.search(text, 0, m.start()):
                continue  # "a shock that was not needed": a relative clause says which shock, not what went wrong
            if _PLACE_OR_TIME_BEFORE.search(text, 0, m.start()):
                continue  # "bleeding where a biopsy was taken": the past tense tells where, not what went wrong
            breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, 0, m.start())]
            start = breaks[-1] if breaks else 0
            while start < m.start() and text[start].isspace():
                start += 1
            stop = _CLAUSE_BREAK.search(text, m.end())
            end = stop.start() if stop else len(text.rstrip(" .;"))
            end = len(text[:end].rstrip(" ."))
            if _BEFORE_TREATMENT.search(text, m.end(), end):
                continue  # "a crack in the tooth that was not visible before": how things stood, not what went wrong
            yield self.hit(unit, start, end, verb=m.groupdict().get("verb") or m.group())
