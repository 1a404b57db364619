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

import re

from lint.spacy_loading import load_spacy

load_spacy()  # before any spaCy import: without its command line

import spacy  # noqa: E402
from spacy.attrs import LOWER, ORTH  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.matcher import PhraseMatcher  # noqa: E402
from spacy.tokens import Doc, Span, Token  # noqa: E402
from spacy.strings import get_string_id  # noqa: E402

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
#: the doc's lower-case word ids, left in ``doc.user_data`` by the term matcher for the negation component
_LOWERS_KEY = ("medlint", "lowers")

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
    """Finds knowledge-base terms. Names match case-insensitively; abbreviations exactly.

    The phrases are tokenized as the pipeline tokenizes text, then kept in two tries keyed
    by the hash of each token's lower-case form (names) or exact form (abbreviations); a doc
    is matched on its arrays of those hashes. That finds what a PhraseMatcher finds (every
    match, nested ones too), but starting up needs no Doc per phrase: the tokenized
    lexicon comes from the data cache, and building the tries is a few dictionary inserts.
    """

    def __init__(self, nlp: Language, name: str):
        self.vocab = nlp.vocab
        # trie node: [children by token hash, [(label hash, entry id hash) of the phrases ending here]]
        self.names: dict[int, list] = {}
        self.abbreviations: dict[int, list] = {}

    def set_lexicon(self, nlp: Language, lexicon) -> None:
        from lint.yamlio import cached

        lexicon = list(lexicon)

        def build():
            # the tries hold only string ids, the same in every process of a spaCy version (kept in
            # the data cache); StringStore.add, not hash_string, gives them, as spaCy's symbols
            # ("acl", "det", "neg") have fixed ids of their own
            add = self.vocab.strings.add
            names: dict[int, list] = {}
            abbreviations: dict[int, list] = {}
            tokenized = tokenize_phrases(nlp, [phrase for _, _, phrase in lexicon])
            for (label, entry_id, _), tokens in zip(lexicon, tokenized):
                if not tokens:
                    continue
                exact = label.endswith("_abbr")
                payload = (add(label.removesuffix("_abbr")), add(entry_id))
                children = abbreviations if exact else names
                node = None
                for token in tokens:
                    key = add(token if exact else token.lower())
                    node = children.get(key)
                    if node is None:
                        node = children[key] = [{}, []]
                    children = node[0]
                if payload not in node[1]:
                    node[1].append(payload)
            return names, abbreviations

        self.names, self.abbreviations = cached(b"term-tries\0" + _tokenizer_key(nlp, lexicon), build)
        strings = self.vocab.strings
        # a part of the body that names a machine or a device is no mention of it: "a heart-lung machine", "a kidney
        # machine", "a laryngeal mask" (which sits in the throat, above the voice box)
        self.devices = frozenset(strings.add(w) for w in ("machine", "machines", "mask", "masks"))
        self.hyphen = strings.add("-")
        for label, entry_id, _ in lexicon:  # a span's label_ and kb_id_ are read back from the store
            strings.add(label.removesuffix("_abbr"))
            strings.add(entry_id)

    @staticmethod
    def _find(trie: dict, keys: list[int], out: list) -> None:
        n = len(keys)
        # most tokens start no term: find the ones that do in one pass, then walk from those
        for i in [i for i, key in enumerate(keys) if key in trie]:
            node = trie[keys[i]]
            j = i + 1
            while True:
                for label, kb_id in node[1]:
                    out.append((i, j, label, kb_id))
                if j == n:
                    break
                node = node[0].get(keys[j])
                if node is None:
                    break
                j += 1

    def _names_device(self, lowers: list[int], end: int) -> bool:
        """Is the term ending at ``end`` the first word of a device's name: "kidney machine", "heart-lung machine",
        "laryngeal mask"?"""
        if end < len(lowers) and lowers[end] in self.devices:
            return True
        return end + 2 < len(lowers) and lowers[end] == self.hyphen and lowers[end + 2] in self.devices

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[int, int, int, int]] = []
        if len(doc):
            arrays = doc.to_array([LOWER, ORTH])
            lowers = arrays[:, 0].tolist()
            # (handed on to the negation component after this one, which reads the same array)
            doc.user_data[_LOWERS_KEY] = lowers
            self._find(self.names, lowers, found)
            if self.abbreviations:
                self._find(self.abbreviations, arrays[:, 1].tolist(), found)
        if found and not self.devices.isdisjoint(lowers):
            found = [m for m in found if not self._names_device(lowers, m[1])]
        if not found:
            return doc  # readers use doc.spans.get: no empty span group for a block without terms
        found.sort(key=lambda m: (m[0], -m[1]))
        doc.spans[_TERMS_KEY] = [Span(doc, start, end, label=label, kb_id=kb_id) for start, end, label, kb_id in found]
        return doc


def tokenize_phrases(nlp: Language, phrases: list[str]) -> list[tuple[str, ...]]:
    """Each phrase's tokens as the pipeline's tokenizer splits them (kept in the data cache)."""
    from lint.yamlio import cached

    def build():
        special = nlp.tokenizer.rules or {}
        out = []
        for phrase in phrases:
            words = phrase.split(" ")
            # words of letters only are one token each unless the tokenizer has a special case
            # for them ("cannot"): the tokenizer's affix search is needed only for the others
            if all(w.isalpha() and w not in special for w in words):
                out.append(tuple(words))
            else:
                out.append(tuple(t.text for t in nlp.make_doc(phrase)))
        return out

    return cached(b"tokenized-phrases\0" + _tokenizer_key(nlp, phrases), build)


def _tokenizer_key(nlp: Language, data) -> bytes:
    """``data`` with what decides how the pipeline's tokenizer splits it, for a data-cache key."""
    return repr((spacy.__version__, nlp.lang, nlp.meta.get("name"), nlp.meta.get("version"), ABBREVIATIONS,
                 data)).encode("utf-8", "surrogatepass")


@Language.factory("medlint_terms")
def make_term_matcher(nlp: Language, name: str):
    return TermMatcher(nlp, name)


def _spaced_dash(doc: Doc, i: int) -> bool:
    """A dash with a space on each side ("no stitches - just relief") joins clauses; a hyphen
    inside a word ("pain-free") does not."""
    return doc[i].text in ("-", "\u2013", "\u2014", "--") and i > 0 and bool(doc[i - 1].whitespace_) \
        and bool(doc[i].whitespace_)


class Negation:
    """NegEx-style scopes: from a trigger to the end of its clause, at most a few tokens."""

    def __init__(self, nlp: Language, name: str):
        # fixed words: a PhraseMatcher (one hash lookup a token) rather than a Matcher (a predicate a token)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("NEG", [Doc(nlp.vocab, words=list(words)) for words in NEGATION_TRIGGERS])
        self.first_words = {nlp.vocab.strings.add(words[0].lower()) for words in NEGATION_TRIGGERS}

    def __call__(self, doc: Doc) -> Doc:
        # most blocks hold no trigger: one look at the doc's array of words skips the matcher and
        # the span group (readers use doc.spans.get, so a block without scopes has no key)
        if not len(doc):
            return doc
        lowers = doc.user_data.pop(_LOWERS_KEY, None)  # the term matcher's, when it ran first
        if self.first_words.isdisjoint(lowers if lowers is not None else doc.to_array(LOWER).tolist()):
            return doc
        spans = []
        for _, start, end in self.matcher(doc):
            stop = end
            limit = min(len(doc), end + _SCOPE_MAX)
            while stop < limit and doc[stop].lower_ not in _SCOPE_END and not doc[stop].is_sent_start \
                    and not _spaced_dash(doc, stop):
                stop += 1
            # the trigger also governs a hyphenated compound it sits in front of ("no risk-free")
            spans.append(Span(doc, start, max(stop, end), label="NEG"))
        doc.spans[_NEG_KEY] = spans
        return doc


@Language.factory("medlint_negation")
def make_negation(nlp: Language, name: str):
    return Negation(nlp, name)


#: the words that open a new sentence after a word spaCy's tokenizer keeps whole with its full stop, so that the
#: sentencizer never ends a sentence there: a time's "a.m." or "p.m." ("finish all drinks by 8 a.m. This means setting an
#: alarm"), or a word of digits and capitals ("The unit is on Ward 4B. We care for ...")
_OPENERS_AFTER_KEPT_STOP = frozenset((
    "this", "that", "these", "those", "the", "it", "its", "you", "your", "we", "our", "they", "there", "if", "when", "after",
    "before", "please", "do", "don't", "on", "in", "at", "for", "a", "an", "take", "drink", "stop", "start", "eat", "arrive",
    "call", "come", "bring", "most", "some", "all", "each", "every", "from", "by", "until", "then", "try", "remember",
))
_TIMES = ("a.m.", "p.m.", "A.M.", "P.M.")
#: word id -> does the word keep a full stop that may end a sentence (filled as words are met)
_STOP_KEPT: dict[int, bool] = {_id: True for _id in map(get_string_id, _TIMES)}


def _keeps_stop(orth: int, strings) -> bool:
    kept = _STOP_KEPT.get(orth)
    if kept is None:
        text = strings[orth]
        # ("4B.", "12A.": not "No.", "Dr.", "e.g.", whose full stop marks a short form)
        kept = _STOP_KEPT[orth] = len(text) > 2 and text.endswith(".") and text[-2].isalnum() \
            and any(c.isdigit() for c in text) and "." not in text[:-1]
    return kept


_SLASH = get_string_id("/")
#: word id -> is the word a unit's short letters with a full stop ("L.", "dL.", "h."), as after "g/" (filled as met)
_UNIT_STOP: dict[int, bool] = {}


def _unit_with_stop(orth: int, strings) -> bool:
    kept = _UNIT_STOP.get(orth)
    if kept is None:
        text = strings[orth]
        kept = _UNIT_STOP[orth] = 2 <= len(text) <= 5 and text.endswith(".") and text[:-1].isalpha()
    return kept


def mark_sentences_after_kept_stops(doc: Doc) -> Doc:
    """A capitalised opener after "a.m.", "p.m.", a word like "4B." or a unit after a slash ("70 g/L.") starts a
    sentence."""
    # (the tokens' word ids are looked at in one array: reading doc.text, or the tokens, would make a Python object for
    # each token of every block, and few blocks have such a word)
    strings = doc.vocab.strings
    orths = doc.to_array(ORTH).tolist()
    for i, orth in enumerate(orths[:-1]):
        # (the tokenizer keeps a unit's capital or single letter with its full stop, as it keeps an initial's: "below 70
        # g/L. The threshold", "4 mmol/L. Eat a snack")
        if (_keeps_stop(orth, strings) or i and orths[i - 1] == _SLASH and _unit_with_stop(orth, strings)) \
                and doc[i + 1].is_title and doc[i + 1].lower_ in _OPENERS_AFTER_KEPT_STOP:
            doc[i + 1].is_sent_start = True
    return doc


@Language.component("medlint_kept_stops")
def make_kept_stops(doc: Doc) -> Doc:
    return mark_sentences_after_kept_stops(doc)


def _affix_source(entries, template: str) -> str | None:
    """The expression spaCy's ``util.compile_*_regex`` builds from a language's affix rules."""
    if not entries:
        return None
    if not all(isinstance(piece, str) for piece in entries):
        raise TypeError("compiled affix rules")
    return "|".join(template.format(piece) for piece in entries if piece.strip())


# How far from a string's end a suffix is looked for (see ``TailSearch``): longer than any suffix rule of bounded
# length (the longest of English's is a few characters).
SUFFIX_REACH = 64
# a suffix rule of unbounded length that the tail search handles: one character repeated, as r"\.\.+" (a run of dots)
_REPEATED_CHARACTER = re.compile(r"(\\?.)\1\+")


class TailSearch:
    """The suffix pattern built from ``pieces``, whose ``search`` looks only at a string's last ``SUFFIX_REACH``
    characters, with the same answer as a search of the whole string.

    spaCy's tokenizer takes affixes off a chunk without spaces one at a time, searching the whole rest of the chunk
    for a suffix each time; the pattern's alternatives end in "$", and the search tries every position, so a run of
    thousands of brackets ("[[[[...]]]]", "&&&&" decoded from "&amp;") took time growing with the square of its
    length. A suffix that starts before the window is longer than every bounded rule, so it can only be a run of one
    repeated character, which then reaches into the window and matches where the window starts: only then is the
    whole string searched. (The search from a position still sees the characters before it, for the rules'
    lookbehinds.) With a rule of any other unbounded shape, the whole string is always searched."""

    def __init__(self, pattern, pieces):
        from re import _parser

        self.pattern = pattern.pattern  # (as a compiled pattern's: what spaCy's tokenizer serialises)
        self._search = pattern.search
        self.windowed = all(
            _parser.parse(piece).getwidth()[1] <= SUFFIX_REACH or _REPEATED_CHARACTER.fullmatch(piece)
            for piece in pieces if piece.strip())

    def search(self, string):
        start = len(string) - SUFFIX_REACH
        if start <= 0 or not self.windowed:
            return self._search(string)
        found = self._search(string, start)
        if found is not None and found.start() == start:
            return self._search(string)  # the suffix may begin before the window: a long run of one character
        return found


@spacy.registry.tokenizers("medlint.Tokenizer.v1")
def create_tokenizer():
    """spaCy's default tokenizer (``spacy.Tokenizer.v1``) with its affix patterns compiled from the
    stored code of ``lint.compiled``: compiling those three patterns was a third of
    ``spacy.blank``'s time at every start. The patterns and the tokens are spaCy's own."""
    from spacy.tokenizer import Tokenizer

    from lint.compiled import compile_re

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        try:
            prefix = _affix_source(defaults.prefixes, "^{}")
            suffix = _affix_source(defaults.suffixes, "{}$")
            infix = _affix_source(defaults.infixes, "{}")
        except TypeError:  # a language whose rules are compiled patterns: spaCy's own factory
            from spacy.language import create_tokenizer as spacy_tokenizer

            return spacy_tokenizer()(nlp)
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_re(prefix).search if prefix is not None else None,
            suffix_search=TailSearch(compile_re(suffix), defaults.suffixes).search if suffix is not None else None,
            infix_finditer=compile_re(infix).finditer if infix is not None else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return tokenizer_factory


_NLP: dict[tuple, Language] = {}
#: model name -> why the built-in pipeline stands in for it (the model configured could not be loaded)
MODEL_FALLBACKS: dict[str, str] = {}


def build_pipeline(lexicon=(), model: str | None = None) -> Language:
    """Build the Language with our components; ``lexicon`` is (label, id, phrase) triples."""
    nlp = None
    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
        except (OSError, ImportError) as exc:
            # (a one-line warning of the run's, through the Linter: a Python warning printed its file and source line)
            MODEL_FALLBACKS[model] = (f"spaCy model '{model}' is not installed; using the built-in pipeline "
                                      f"({exc.__class__.__name__})")
            nlp = None
    if nlp is None:
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "medlint.Tokenizer.v1"}}})
        # spaCy's 1M-character cap guards the memory of parsers and NER; the blank
        # pipeline's tokenizer and our matchers are linear, and the file-size limit
        # (max-file-size) bounds the input instead.
        nlp.max_length = 50_000_000
    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("medlint_kept_stops")
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
