"""The one place the spaCy ``Language`` is built: once per process.

The default is ``spacy.blank("en")``, which needs nothing beyond what pip
installs. A trained pipeline named in config (``model = "en_core_web_sm"``) is
used when it is installed; no rule depends on it. Our shared components:

* ``medlint_terms``: knowledge-base terms (procedures, structures, conditions,
  regions) found with PhraseMatchers into ``doc.spans["terms"]``, labelled with
  their kind; each span's ``kb_id_`` is the entry id.
* ``medlint_negation``: the stretches of text a negation or hedge governs
  ("no operation is risk-free", "results are not guaranteed"), in
  ``doc.spans["negated"]``; ``Token._.negated`` reads them.
"""

from __future__ import annotations

import warnings

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

# Abbreviations whose full stop does not end a sentence. spaCy's English
# tokenizer already keeps "Dr.", "e.g.", "i.e.", "Mr." as one token.
ABBREVIATIONS = (
    "approx.", "Approx.", "Fig.", "fig.", "Figs.", "figs.", "vs.", "cf.", "al.", "ca.", "Ref.", "ref.",
    "Prof.", "Assoc.", "Dept.", "Univ.", "Inc.", "Ltd.", "Co.", "No.", "Nos.", "Vol.", "vol.", "pp.",
    "p.", "ed.", "eds.", "min.", "mins.", "hr.", "hrs.", "wk.", "wks.", "yr.", "yrs.", "mo.", "Sr.", "Jr.",
    "St.", "Mt.", "Ave.", "approx", "esp.", "incl.", "max.", "est.",
)

_TERMS_KEY = "terms"
_NEG_KEY = "negated"

#: the words that open a negation or hedge, as token sequences (matched on lower case)
NEGATION_TRIGGERS = (
    ("no",), ("not",), ("never",), ("without",), ("none",), ("neither",), ("nor",), ("cannot",), ("n't",),
    ("nothing",), ("nobody",), ("free", "of"), ("rather", "than"), ("avoid",), ("avoids",), ("avoiding",),
    ("beware",),
)
# a negation's reach ends at these (clause boundaries)
_SCOPE_END = {",", ";", ":", ".", "!", "?", "but", "however", "although", "though", "yet", "while", "whereas", "(", ")"}
_SCOPE_MAX = 8


def _negated_getter(token: Token) -> bool:
    for span in token.doc.spans.get(_NEG_KEY, ()):
        if span.start <= token.i < span.end:
            return True
    return False


if not Token.has_extension("negated"):
    Token.set_extension("negated", getter=_negated_getter)


class TermMatcher:
    """Finds knowledge-base terms. Names match case-insensitively; abbreviations exactly."""

    def __init__(self, nlp: Language, name: str):
        self.vocab = nlp.vocab
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.abbreviations = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.ids: dict[int, tuple[str, str]] = {}

    @staticmethod
    def _phrase_doc(nlp: Language, phrase: str, special) -> Doc:
        # Words of letters only are one token each unless the tokenizer has a special case for
        # them ("cannot"): build those docs directly, which skips the tokenizer's affix search
        # for most of the thousands of knowledge-base names at every start-up.
        words = phrase.split(" ")
        if all(w.isalpha() and w not in special for w in words):
            return Doc(nlp.vocab, words=words)
        return nlp.make_doc(phrase)

    def set_lexicon(self, nlp: Language, lexicon) -> None:
        special = nlp.tokenizer.rules or {}
        grouped: dict[tuple[str, str], list[str]] = {}
        for label, entry_id, phrase in lexicon:
            grouped.setdefault((label, entry_id), []).append(phrase)
        for (label, entry_id), phrases in grouped.items():
            key = f"{label}:{entry_id}"
            self.ids[self.vocab.strings.add(key)] = (label.removesuffix("_abbr"), entry_id)
            docs = [self._phrase_doc(nlp, phrase, special) for phrase in phrases]
            if label.endswith("_abbr"):
                self.abbreviations.add(key, docs)
            else:
                self.names.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.names, self.abbreviations):
            for match_id, start, end in matcher(doc):
                label, entry_id = self.ids[match_id]
                spans.append(Span(doc, start, end, label=label, kb_id=entry_id))
        spans.sort(key=lambda s: (s.start, -s.end))
        doc.spans[_TERMS_KEY] = spans
        return doc


@Language.factory("medlint_terms")
def make_term_matcher(nlp: Language, name: str):
    return TermMatcher(nlp, name)


class Negation:
    """NegEx-style scopes: from a trigger to the end of its clause, at most a few tokens."""

    def __init__(self, nlp: Language, name: str):
        # fixed words: a PhraseMatcher (one hash lookup a token) rather than a Matcher (a predicate a token)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("NEG", [Doc(nlp.vocab, words=list(words)) for words in NEGATION_TRIGGERS])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for _, start, end in self.matcher(doc):
            stop = end
            limit = min(len(doc), end + _SCOPE_MAX)
            while stop < limit and doc[stop].lower_ not in _SCOPE_END and not doc[stop].is_sent_start:
                stop += 1
            # the trigger also governs a hyphenated compound it sits in front of ("no risk-free")
            spans.append(Span(doc, start, max(stop, end), label="NEG"))
        doc.spans[_NEG_KEY] = spans
        return doc


@Language.factory("medlint_negation")
def make_negation(nlp: Language, name: str):
    return Negation(nlp, name)


_NLP: dict[tuple, Language] = {}


def build_pipeline(lexicon=(), model: str | None = None) -> Language:
    """Build the Language with our components; ``lexicon`` is (label, id, phrase) triples."""
    nlp = None
    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
        except (OSError, ImportError) as exc:
            warnings.warn(f"spaCy model '{model}' is not installed; using the built-in pipeline ({exc.__class__.__name__})")
            nlp = None
    if nlp is None:
        nlp = spacy.blank("en")
        # spaCy's 1M-character cap guards the memory of parsers and NER; the blank
        # pipeline's tokenizer and our matchers are linear, and the file-size limit
        # (max-file-size) bounds the input instead.
        nlp.max_length = 50_000_000
    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
        nlp.add_pipe("sentencizer")
    terms = nlp.add_pipe("medlint_terms")
    terms.set_lexicon(nlp, lexicon)
    nlp.add_pipe("medlint_negation")
    return nlp


def get_pipeline(lexicon_key, lexicon_factory, model: str | None = None) -> Language:
    """The process-wide pipeline for this lexicon and model, built on first use."""
    key = (lexicon_key, model)
    nlp = _NLP.get(key)
    if nlp is None:
        nlp = _NLP[key] = build_pipeline(lexicon_factory(), model)
    return nlp
