"""Readability for patient copy: long sentences, the page's grade level,
unexplained jargon, sentences packed with it, and acronyms not spelled out at first use.

Everything here runs offline. Grade levels use our own syllable counter
(:mod:`lint.syllables`, with its exceptions in the rule pack's data), so a
release of a readability package cannot start downloading data at run time.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from lint.compiled import compile_re
from lint.documents.base import line_around
from lint.kinds.base import ABBREVIATION_AFTER, BATTERY_SIZE_AFTER, Kind
from lint.matching import PatternError, compile_pattern
from lint.syllables import SyllableCounter
from lint.yamlio import load_yaml

#: blocks whose sentences count for the grade level (headings and table cells are fragments)
GRADE_SCOPES = ("paragraph", "list_item")


def sentence_spans(unit):
    """The block's sentences as spans, as the page reads them (``Unit.sentences``: a reference marker after a full
    stop ends its sentence, "age.¹ It can" is two)."""
    sents = unit.sents
    if len(sents) == len(unit.sentences):
        return sents
    doc = unit.doc
    spans = (doc.char_span(a, b, alignment_mode="expand") for a, b in unit.sentences)
    return [sp for sp in spans if sp is not None]


def words_of(span, tokens: list | None = None) -> list[str]:
    """The words of a span, hyphenated and slashed compounds joined ("well-known", "24-48"): as a reader counts
    them. ``tokens``: the doc's tokens as a list (``Unit.tokens``), which spares making them again."""
    toks = list(span) if tokens is None else tokens[span.start:span.end]
    out: list[str] = []
    joined = False
    for k, tok in enumerate(toks):
        if tok.is_alpha or tok.like_num or (tok.is_ascii is False and tok.text.isalnum()):
            if joined and out:
                out[-1] += "-" + tok.text
            else:
                out.append(tok.text)
            joined = False
        elif tok.text in ("-", "–", "/") and not tok.whitespace_ and k > 0 and not toks[k - 1].whitespace_:
            joined = True
        else:
            joined = False
    return out


def sentence_words(unit) -> list[tuple]:
    """(sentence span, its words as :func:`words_of` reads them) for each of a block's sentences: worked out once,
    for the sentence-length and the grade-level rules."""
    found = unit.memo.get("sentence_words")
    if found is None:
        tokens = unit.tokens
        found = unit.memo["sentence_words"] = [(sent, words_of(sent, tokens)) for sent in sentence_spans(unit)]
    return found


def source_run_end(block, start: int, end: int) -> int:
    """The end of the longest stretch from ``start`` that is one run of the source.

    A sentence with a link or inline markup in it is several runs of the source with
    tags between them; a finding covers the first run, so its text never includes markup.
    """
    smap = block.smap
    for i in range(1, len(smap.text_starts)):
        boundary = smap.text_starts[i]
        if boundary <= start:
            continue
        if boundary >= end:
            break
        if smap.src_starts[i] != smap.src_ends[i - 1]:
            trimmed = len(block.text[:boundary].rstrip())
            return trimmed if trimmed > start else end
    return end


def _data(rule, name: str):
    """A data file of the rule's pack (``rules/readability/<name>``), or None."""
    path = Path(rule.path).parent / name
    return load_yaml(path) if path.is_file() else None


class SentenceLength(Kind):
    name = "sentence-length"
    options = {"max_words": (int, 30)}
    positive_options = frozenset({"max_words"})

    def check(self, page):
        limit = self.opts["max_words"]
        for unit in self.units(page):
            for sent, sentence in sentence_words(unit):
                words = len(sentence)
                if words > limit and ")" in sent.text:
                    words -= _citation_words(sent.text)  # "(Ng and colleagues, International Endodontic Journal, 2010)"
                if words > limit:
                    text = sent.text.rstrip()
                    start = sent.start_char
                    end = source_run_end(unit.block, start, start + len(text))
                    yield self.hit(unit, start, end, words=words, limit=limit)


# -- grade level -----------------------------------------------------------------

@dataclass(frozen=True)
class GradeCounts:
    words: int
    sentences: int
    syllables: int
    polysyllables: int  # words of three or more syllables (SMOG)

    @property
    def flesch_kincaid(self) -> float:
        """Flesch-Kincaid grade: 0.39 words/sentence + 11.8 syllables/word - 15.59."""
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def smog(self) -> float:
        """SMOG grade: 1.043 sqrt(polysyllables x 30 / sentences) + 3.1291."""
        return 1.0430 * math.sqrt(self.polysyllables * 30 / self.sentences) + 3.1291


_COUNTER: SyllableCounter | None = None


def syllable_counter(rule=None) -> SyllableCounter:
    """The process-wide counter with the rule pack's exceptions (built once)."""
    global _COUNTER
    if _COUNTER is None:
        base = Path(rule.path).parent if rule is not None else Path(__file__).resolve().parents[2] / "rules" / "readability"
        path = base / "syllables.yaml"
        data = load_yaml(path) if path.is_file() else None
        _COUNTER = SyllableCounter((data or {}).get("syllables") or {})
    return _COUNTER


def grade_counts(units, counter: SyllableCounter) -> GradeCounts:
    """Words, sentences and syllables of a page's prose.

    Sentences are spaCy's sentences of the paragraphs and list items (a list item
    without a full stop counts as one sentence); headings, the terms of a definition
    list (labels, as headings are), table cells, captions and link-only blocks are
    left out. Words are counted as :func:`words_of` reads
    them; a number counts as the words it is read aloud as ("24": three syllables).
    """
    words = sentences = syllables = poly = 0
    count = counter.count
    for unit in units:
        if unit.block.definition_list == "term":
            continue
        for _sent, ws in sentence_words(unit):
            if not ws:
                continue
            sentences += 1
            words += len(ws)
            # each word's count without its thousands commas ("1,000"), by calls in C: a loop of a page's words in
            # Python cost more than the counting, which is a cache look-up for all but a word's first time
            counts = list(map(count, "\0".join(ws).replace(",", "").split("\0")))
            syllables += sum(counts)
            poly += sum(map((2).__lt__, counts))
    return GradeCounts(words, sentences, syllables, poly)


class GradeLevel(Kind):
    """The page's reading grade against a target (Flesch-Kincaid; SMOG on pages of 30 sentences or more)."""

    name = "grade-level"
    page_level = True
    options = {
        "target_grade": ((int, float), 8),
        "min_words": (int, 50),
        "smog_min_sentences": (int, 30),
    }

    def setup(self):
        self.counter = syllable_counter(self.rule)

    def check(self, page):
        units = page.units_in(GRADE_SCOPES)
        counts = grade_counts(units, self.counter)
        if counts.words < self.opts["min_words"] or not counts.sentences:
            return
        if counts.sentences >= self.opts["smog_min_sentences"]:
            formula, grade = "SMOG", counts.smog
            detail = (f"{counts.polysyllables} words of 3+ syllables in {counts.sentences} sentences; "
                      f"Flesch-Kincaid {counts.flesch_kincaid:.1f}: {counts.words} words, {counts.syllables} syllables")
        else:
            formula, grade = "Flesch-Kincaid", counts.flesch_kincaid
            detail = f"{counts.words} words, {counts.sentences} sentences, {counts.syllables} syllables"
        target = self.opts["target_grade"]
        # judged on the grade as the message gives it (one decimal): 8.001 shows as "8.0", which is at a target of 8
        shown = f"{grade:.1f}"
        if float(shown) <= target:
            return
        anchor = page.headings[0] if page.headings else units[0]
        yield self.hit(anchor, 0, len(anchor.block.text), grade=shown, target=target, formula=formula,
                       counts=detail)


# -- jargon ----------------------------------------------------------------------

_EXPLAINED_AFTER = compile_re(
    r"""^[\s"'’”]*(?:
        \((?=[^)]*[a-z]{3})                                   # "lamina (the back part of a vertebra)"
      | (?:\s*\([A-Z]{2,6}s?\))?(?:\s[-–—]\s | [–—] | :)       # a dash or a colon (past an abbreviation: "... (OHSS): the")
      | ,\s+(?:a|an|the)\s                                   # "the acromion, the bony tip of the shoulder"
      | ,\s+(?:two|three|four|five|six|several)\s+(?!of\b)     # "the parathyroids, four tiny glands that ..."
      | ,\s+one\s+of\s+(?:the\s+)?(?:two|three|four|five|six|several|many)\s   # "the right atrium, one of the two upper chambers"
      | ,?\s+(?:often|also|sometimes|commonly|usually)\s+(?:called|known\s+as)\s   # "an abdominoplasty, often called a tummy tuck"
      | ,\s+(?:through|using|via)\s                          # "by shoulder arthroscopy, through small cuts"
      | ,\s+(?:surgery|treatment|therapy|medicine|keyhole\s+surgery)\s+(?:to|that|which|for|in)\s   # "Myomectomy, surgery to
                                                          # remove the fibroids only, may be"
      # (past the term's abbreviation: "Transcutaneous electrical nerve stimulation (TENS) sends mild pulses", "Human
      # chorionic gonadotrophin (hCG) is the pregnancy hormone")
      # (and the word it names: "A computed tomography (CT) scan uses X-rays")
      | (?:\s*\([a-z]?[A-Z][A-Za-z0-9-]{1,9}\))?(?:\s+(?:scans?|tests?|machines?|procedures?|operations?))?\s+(?:
            (?:is|are|was|means|refers\s+to|describes|happens|occurs)\b(?!\s+not\b)   # "X is an operation to..."
          | (?:removes|replaces|repairs|treats|uses|joins|frees|relieves|takes|widens|opens|closes|seals|blocks|stops
              |lets|allows|helps|fixes|reshapes|carries|holds|connects|links|lies|sits|makes|produces|controls|protects
              |covers|surrounds|supports|stores|drains|sends|places|puts|passes|delivers|measures|records
              |shows|filters|cleans|cleanses|records|checks|tests|kills|shrinks)\b
                                                          # "a laminectomy removes the lamina", "Hemodialysis filters your blood"
        )
    )""",
    re.VERBOSE,
)
# the same, a few words on: "bariatric surgery (weight-loss surgery)", "avascular necrosis, where bone...",
# "femoroacetabular impingement (FAI), where...", "the parathyroid glands are four tiny glands"
_ABBREVIATION_IN_BRACKETS = compile_re(r"\s*\([A-Z]{2,6}s?\)")
_EXPLAINED_SOON_AFTER = compile_re(
    # (an abbreviation may come first, and the name's last words, up to a comma: "computed tomography (CT) scan, which
    # uses X-rays", "(HoLEP), which", "(TENS) machine, a small device"; not "(IVF) may be an option")
    r"""^(?:\s*\([A-Z][A-Za-z]{1,7}\)(?:\s+[a-z][\w'’-]*){0,2}\s*,\s*(?:which|that|where|who|meaning|an?\s|the\s)|
        (?:\s+[\w'’-]+){0,3}?(?:\s*\([A-Z]{2,6}s?\))?(?:
        \s*\((?=[^)]*[a-z]{3})
      | \s+[-–—]\s
      | ,?\s+(?:which|that|where|who|in\s+which|meaning|or\s+(?:a|an|the)\b|also\s+called|also\s+known|known\s+as|is\s+when|a\s|an\s)
      | ,\s+or\s+(?:keyhole|open|day|key-hole)\s+surgery\b      # "a laparoscopy, or keyhole surgery"
      | ,\s+such\s+as\s                          # "Nonsteroidal anti-inflammatory drugs, such as ibuprofen"
      | ,\s+(?:two|three|four|five|six|several)\s+(?!of\b)
      | \s+(?:is|are)\s+(?!not\b|\w+ed\b|\w+en\b)[a-z]
    ))""",
    re.VERBOSE,
)
#: how often the kind named before is the one named after it: "a steroid medicine, usually dexamethasone"
_USUALLY = r"(?:usually|often|normally|mostly|typically|commonly|generally|most\s+(?:often|commonly|usually))\s+"
_EXPLAINED_BEFORE = compile_re(
    r"""(?:\b(?:called|known\s+as|named|termed)\s+
           (?:(?:a|an|the)\s+)?[\w\s-]{0,24}$            # "a thin tube called a laparoscope", "This is called benign
                                                          # prostatic hyperplasia", "also called spider veins or telangiectasia"
        | \b(?:this\s+is|this\s+means|medical\s+name\s+for|(?:a|the)\s+name\s+for)\s+
           (?:(?:a|an|the)\s+)?[\w\s-]{0,12}$
        | \bcalls?\s+[\w\s-]{3,40}$                       # "doctors call swallowing problems dysphagia"
        | \b(?:medical|technical|proper|scientific)\s+(?:name|term|word)\s+(?:for\s+(?:this|it|that)\s+
           (?:(?:condition|problem|illness|operation|procedure|treatment)\s+)?|for\s+[\w\s'’-]{2,30}?\s+)?is\s+(?:the\s+)?$
                                                          # "The medical name for tongue-tie is ankyloglossia"
        | [a-z]\s*,\s+(?:which|that)\s+(?:is|are)\s+(?:called\s+)?(?:an?\s+|the\s+)?$
                                                          # "pain relievers such as ibuprofen, which are nonsteroidal
                                                          # anti-inflammatory drugs": described, then named
                                                          # "This is called tongue-tie. The medical name is ankyloglossia."
        | [a-z]{3}[\w\s,'-]*\(\s*(?:""" + _USUALLY + r""")?(?:(?:a|an|the)\s+)?$     # "your tummy (abdomen)", "the meniscus
                                                          # (a partial meniscectomy)", "a steroid medicine (usually prednisolone)"
        | [-–—:]\s*$
        | \b(?:medicines?|drugs?|drops|tablets|creams?|injections?|treatments?|pain\s?(?:killers|relievers)|antibiotics
             |operations?|procedures?|tests?|scans?|conditions?|illness(?:es)?|diseases?|disorders?|infections?|viruses?)\b
           [^.;:!?]{0,60}?,?\s+(?:such\s+as|for\s+example|e\.g\.|including|includes?|like)\s+
           (?:[\w-]+(?:,\s+|\s+(?:or|and)\s+)){0,3}$          # "eye drops that reduce inflammation, such as ciclosporin",
                                                          # "pain relievers such as nonsteroidal anti-inflammatory drugs"
        | [a-z]{3}\s*,\s+or\s+$                             # "An underactive thyroid, or hypothyroidism, means"
        | \b(?:procedure|operation|treatment|test|scan|condition|illness|medicine|drug|device)\s*,\s*
           (?:""" + _USUALLY + r"""(?:(?:a|an|the)\s+)?)?$
                                                          # "A similar procedure, vertebroplasty, injects cement", "a
                                                          # steroid medicine, usually dexamethasone"
        | \b(?:[a-z]{3,}ed|damage|injury|weakness|scarring|inflammation|swelling|narrowing|blockage)\b[^.;:!?]{0,40}?,?\s+
           (?:for\s+example|for\s+instance|such\s+as|e\.g\.)\s+(?:from|by|after|through|because\s+of|due\s+to)\s+
           (?:[\w-]+(?:,\s+|\s+(?:or|and)\s+)){0,3}$          # named as a cause of the state the sentence gives: "a
                                                          # weakened immune system, for example from chemotherapy or HIV"
        | \w\s*:\s*[\w\s,'’-]{0,40}$                          # "three bones meet: the ilium, the ischium..."
        | \b(?:chambers?|parts?|layers?|bones?|glands?|tubes?|muscles?|nerves?|joints?|valves?|arter(?:y|ies)|veins?
             |linings?|sacs?|ducts?|membranes?|organs?|cavit(?:y|ies)|passages?|openings?|types?|kinds?|forms?)\b
           [\w\s,'’-]{0,40}?\s(?:is|are)\s+(?:(?:the|an?)\s+)?(?:[\w'’-]+\s+)?$
                                                          # a part or a kind described, then named: "The two upper
                                                          # chambers are the atria", "The tube that carries urine is the
                                                          # ureter", "The most common type in adults is renal cell carcinoma"
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# the next sentence defines it: "This means...", "A CT scan uses X-rays to...", "They are small glands..."
_NEXT_SENTENCE_EXPLAINS = compile_re(
    r"^\s*(?:(?:this|it|these|that|they|(?:the|an?)(?:\s+[\w-]+){1,2})\s+(?:is|are|means|mean|happens|refers|uses|use|works"
    r"|records|measures|shows|checks|looks\s+(?:at|for)|finds|detects)\b"
    # "This device can shock the heart out of a dangerous rhythm": a thing of the term's kind and what it can do
    r"|(?:this|the|these)\s+(?:device|machine|implant|medicine|drug|test|scan|procedure|operation|treatment|tube|tablet)s?"
    r"\s+(?:can|will|may|helps?|lets?|keeps?|sends?|sits?|stops?)\b"
    # "Another option is uterine artery embolisation. In this procedure, a doctor blocks ..."
    r"|(?:in|during|with)\s+(?:this|that)\s+(?:procedure|operation|treatment|test|surgery|method|technique)\b)",
    re.I,
)
# a sentence further on in the block that says what "it" is, past one about something else: "Some people then need a
# vitrectomy. You may stay in hospital for a night. It is an operation to remove the gel from inside the eye." (stricter
# than the next sentence's "This means ...", which a sentence further on says of the one just before it)
_LATER_SENTENCE_EXPLAINS = compile_re(
    r"^\s*(?:it\s+(?:uses|involves|works\s+by)\b"
    r"|(?:this|it)\s+(?:is|was)\s+(?:an?|one)\s+(?:[\w-]+\s+){0,3}?(?:operation|procedure|treatment|test|scan|way|type"
    r"|kind|form|method|technique|medicine|therapy|condition)\b)",
    re.I,
)
#: the ending of a term's last word made from a verb: "fertilization" (fertilize), "stimulation" (stimulate),
#: "insertion" (insert)
_NOUN_OF_VERB = compile_re(r"(?:ation|ion)$")
# the name or its acronym opening a sentence of the next section, and what it is or does: "## What is a PET scan?",
# then "Positron emission tomography (PET) shows how active ...", "A PET scan uses a tracer ..."
_GLOSS_AFTER_NAME = compile_re(
    r"""(?:\s*\([a-z]?[A-Z][A-Za-z0-9-]{1,9}\))?(?:\s+(?:scans?|tests?|procedures?|operations?|treatments?))?(?:
        \s+(?:is|are)\s+(?:an?|the|one|when|where|how|used\s+to)\b
      | \s+(?:means|refers\s+to|describes|shows|uses|measures|records|checks|looks\s+(?:at|for)|finds|detects|combines
          |involves|works\s+by|makes|removes|replaces|repairs|treats|seals|closes|blocks|widens|opens|joins|shrinks
          |destroys|filters|kills|reshapes|relieves|frees|stops)\b
      | \s*(?:[:–—]|\s-)\s+(?:an?|the)\s                  # a glossary's line: "PET: a scan that ..."
    )""",
    re.VERBOSE,
)
#: a word in the "-ize" or the "-ise" spelling ("organized", "fertilisation"), with a stem long enough to be no "size",
#: "prize" or "advise"
_IZE_WORD = compile_re(r"(?<![\w-])[a-z]{4,}[iy][sz](?:e[sd]?|ing|ations?)(?![\w-])")
_LETTER_WORD = compile_re(r"[A-Za-z]+")
#: the first words of a longer name a sentence opens with: "Urgent" in "Urgent endoscopic retrograde ..."
_NAME_OPENING = compile_re(r"(?:[A-Za-z][\w-]*\s+){1,2}?(?=\S)")
#: the small words of a name, which give its acronym no letter: "transurethral resection of the prostate" (TURP)
_SMALL_WORDS = frozenset({"of", "the", "and", "to", "for", "with", "a", "an", "on"})
_SENTENCE_ARTICLE = compile_re(r"\s*(?:(?:a|an|the)\s+)?", re.I)
#: how many blocks past the term's the explanation at the start of the next section may be: the rest of a short
#: introduction, and the first blocks under the next heading
_INTRO_BLOCKS_AFTER = 2
_SECTION_OPENING_BLOCKS = 3


#: a plural's "s" (not of "-ss", "-is", "-us" singulars): one key for "emollient" and "emollients"
_PLURAL_S = compile_re(r"(?<=[a-z]{4}[^sui])s$")
#: a department or its staff named by a specialty: "the gastroenterology department", "the endoscopy unit"
_SPECIALTY = compile_re(r"(?:ology|oscopy|iatry|iatrics|paedics|pedics|ography|apheresis)$")
_DEPARTMENT_AFTER = compile_re(r"\s+(?:department|unit|clinic|team|ward|service|services|nurses?|doctors?|consultants?"
                               r"|secretary|secretaries|switchboard|reception)\b", re.I)


def _everyday_bases(word: str) -> tuple[str, ...]:
    """The everyday words a word made with "un" may be built on: "steadiness" -> "steadiness", "steady"."""
    bases = [word]
    for suffix, back in (("iness", "y"), ("ness", ""), ("ily", "y"), ("ly", ""), ("able", ""), ("ably", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            bases.append(word[: -len(suffix)] + back)
    return tuple(bases)


# what an operation does, said in the passive: "is wrapped around", "are cut", "is taken out"
_DONE_TO_A_PART = compile_re(
    r"^[^.!?]*?\b(?:is|are)\s+(?:then\s+|gently\s+|carefully\s+)?(?:wrapped|removed|stitched|sewn|cut|joined|tied|sealed"
    r"|stretched|widened|reshaped|moved|lifted|tightened|freed|released|repaired|replaced|reattached|rerouted|stapled"
    r"|divided|shaved|taken\s+out|cut\s+out|burned\s+away|scraped\s+away)\b", re.I)


# the name of an operation: "osteotomy", "fundoplication", "septoplasty"
_OPERATION_ENDING = compile_re(r"(?:ectomy|ectomies|otomy|otomies|ostomy|plasty|pexy|plication|orrhaphy|desis)s?$", re.I)


def definition_after(units, index: int):
    """The unit of the definition that follows the definition-list term ``units[index]`` (past the other terms that
    share it, and the alt text of an image among them), or None: a term with no definition after it explains nothing,
    as a bullet list's item does not."""
    for k in range(index + 1, len(units)):
        block = units[k].block
        if block.definition_list == "definition":
            return units[k]
        if block.definition_list != "term" and block.scope != "image_alt":
            return None
    return None


class UnexplainedJargon(Kind):
    """A technical term used with no plain explanation near its first use.

    Technical terms are the knowledge base's procedures, structures and
    conditions that look technical (a long word, a medical word ending, or
    listed as technical in the pack's data), and the words listed in the pack's
    jargon data. Terms every reader knows (``plain`` in the data) are skipped.
    """

    name = "unexplained-jargon"
    page_level = True
    options = {
        "data": (str, "jargon.yaml"),
        "min_syllables": (int, 5),
        # words outside the knowledge base: rare in general English and long, or with a medical ending
        "rare_below": (int, 60),
        "rare_min_syllables": (int, 4),
        "technical_endings": (list, lambda: [
            "ectomy", "ectomies", "otomy", "ostomy", "plasty", "scopy", "itis", "osis", "oma", "aemia", "emia",
            "algia", "pathy", "plegia", "rrhoea", "rrhea", "ization", "isation", "ectasis", "orrhaphy", "pexy",
            "lysis", "gram", "graphy", "ium",
        ]),
    }

    def setup(self):
        data = _data(self.rule, self.opts["data"]) or {}
        self.plain = {w.lower() for w in data.get("plain") or []}
        self.extra: dict[str, str] = {str(k).lower(): str(v) for k, v in (data.get("terms") or {}).items()}
        self.counter = syllable_counter(self.rule)
        endings = sorted(self.opts["technical_endings"], key=lambda w: (-len(w), w))
        self.ending = compile_re(r"(?:" + "|".join(map(re.escape, endings)) + r")s?$", re.I)
        self.extra_regex = (
            compile_re(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in sorted(self.extra, key=lambda w: (-len(w), w)))
                       + r")(?![\w-])", re.I)
            if self.extra else None
        )
        self.accepted = {w.lower() for w in self.settings.accept}
        # the plain names of more than one word ("multiple sclerosis"): a rare word inside one is known with it
        phrases = sorted((w for w in self.plain if " " in w), key=lambda w: (-len(w), w))
        self.plain_phrases = (compile_re(r"(?<![\w-])(?:" + "|".join(map(re.escape, phrases)) + r")(?![\w-])", re.I)
                              if phrases else None)
        self.frequencies = _general_frequencies()
        self._rare: dict[str, bool] = {}  # word -> rare_technical's answer, which depends on the word alone
        # a term's text -> technical's answer (the same terms recur on every page of a site)
        self._technical: dict[str, bool] = {}

    def rare_technical(self, word: str) -> bool:
        """A word outside the knowledge base that patients are unlikely to know."""
        low = word.lower()
        known = self._rare.get(low)
        if known is None:
            known = self._rare[low] = self._rare_technical(low)
        return known

    def _rare_technical(self, low: str) -> bool:
        if len(low) < 8 or self._plain(low) or not self.frequencies:
            return False
        if low.startswith("non") and self.frequencies.get(low[3:].lstrip("-"), 0) >= 5 * self.opts["rare_below"]:
            return False  # "nonsurgical", "noninvasive": "not" and a common word, the American way of writing it
        if low.startswith("un") and any(self.frequencies.get(base, 0) >= 5 * self.opts["rare_below"]
                                        for base in _everyday_bases(low[2:])):
            return False  # "unsteadiness", "unwellness": "un" and a common word's noun
        american = _american_spelling(low)
        if american != low and self.frequencies.get(american, 0) >= _COMMON_WORD:
            return False  # (the general counts are American English: "organisation" is "organization", a common word)
        freq = self.frequencies.get(low, 0)
        syllables = self.counter.count(low)
        # a word in no dictionary without a medical ending is more likely a typo: the spelling rules judge it
        if 0 < freq < self.opts["rare_below"] and syllables >= self.opts["rare_min_syllables"] and not low.endswith("ly"):
            return True
        return bool(self.ending.search(low)) and syllables >= 3 and freq < 5 * self.opts["rare_below"]

    def _plain(self, low: str) -> bool:
        forms = {low, re.sub(r"ies$", "y", low), re.sub(r"e?s$", "", low), re.sub(r"s$", "", low)}
        return bool(forms & self.plain) or bool(forms & self.accepted)

    def technical(self, phrase: str) -> bool:
        known = self._technical.get(phrase)
        if known is None:
            if len(self._technical) > 100_000:
                self._technical.clear()
            known = self._technical[phrase] = self._is_technical(phrase)
        return known

    def _is_technical(self, phrase: str) -> bool:
        low = phrase.lower()
        if self._plain(low) or phrase.isupper():
            return False
        for word in re.findall(r"[A-Za-z]+", phrase):
            if self._plain(word.lower()):
                continue
            if self.counter.count(word) >= self.opts["min_syllables"]:
                return True
            if self.ending.search(word) and self.counter.count(word) >= 3:
                return True
        return False

    def _lay(self, span) -> str:
        kb = self.kb
        table = {"procedure": kb.procedures, "structure": kb.structures, "condition": kb.conditions}.get(span.label_)
        entry = table.get(span.kb_id_) if table is not None else None
        return getattr(entry, "lay", "") or ""

    def _occurrences(self, page):
        """(unit's index, unit, start, end, lay text, key, nested) of each candidate term, in page order."""
        for index, unit in enumerate(page.units):
            if unit.block.scope not in self.rule.scope:
                continue
            found = []
            for span in unit.terms:
                if span.label_ in ("procedure", "structure", "condition") and self.technical(span.text):
                    # (the data's own gloss first: the knowledge base gives a synonym its entry's lay text, which may
                    # describe another kind of the operation: "vasoepididymostomy" under "vasectomy reversal")
                    lay = self.extra.get(span.text.lower()) or self._lay(span)
                    found.append((span.start_char, span.end_char, lay, f"{span.label_}:{span.kb_id_}"))
            if self.extra_regex is not None:
                for m in self.extra_regex.finditer(unit.block.text):
                    if not any(s <= m.start() < e for s, e, _, _ in found):
                        found.append((m.start(), m.end(), self.extra[m.group().lower()], m.group().lower()))
            # a short line with no full stop ("Audiology and ENT Services: patient information") names a
            # department or a leaflet; its rare words are names, not terms to explain
            # the rare words first (a memoised answer per word, which most words fail), then their tokens' tests
            long_words = [k for k, low in enumerate(unit.lowers) if len(low) >= 8 and self.rare_technical(low)]
            if long_words and not any(c in unit.block.text for c in ".?!") \
                    and sum(t.is_alpha for t in unit.tokens) <= 12:
                # (but a list item's term explained there is met: "Nearsightedness (myopia): distant things look blurry")
                long_words = [k for k in long_words if unit.block.scope == "list_item"
                              and self.explained(unit, unit.tokens[k].idx, unit.tokens[k].idx + len(unit.tokens[k].text))]
            tokens = unit.tokens
            plain_spans = [m.span() for m in self.plain_phrases.finditer(unit.block.text)] \
                if long_words and self.plain_phrases is not None else []
            for k in long_words:
                tok = tokens[k]
                if tok.is_alpha and (tok.is_lower or (tok.is_title and tok.is_sent_start)) \
                        and not any(s <= tok.idx < e for s, e, _, _ in found) \
                        and not any(s <= tok.idx < e for s, e in plain_spans) \
                        and not (_SPECIALTY.search(tok.lower_)
                                 and _DEPARTMENT_AFTER.match(unit.block.text, tok.idx + len(tok.text))):
                    # (one key for a word and its plural: "Emollients (moisturisers)" explains "an emollient")
                    found.append((tok.idx, tok.idx + len(tok.text), "", _PLURAL_S.sub("", tok.lower_)))
            outer_end = -1
            for s, e, lay, key in sorted(found, key=lambda c: (c[0], -(c[1] - c[0]))):
                # a term inside a longer one ("arthroscopy" in "shoulder arthroscopy") counts as used, not reported
                nested = s < outer_end
                outer_end = max(outer_end, e)
                yield index, unit, s, e, lay, key, nested

    def _explained_further_in_sentence(self, unit, start: int, end: int) -> bool:
        """Is the term explained where the sentence names it again: "In the "epithelium-off" method, the doctor removes
        the thin outer layer, called the epithelium."""
        text = unit.block.text
        span = unit.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        stop = span.sent.end_char
        term = re.compile(r"(?<![\w-])" + re.escape(text[start:end]) + r"(?![\w-])", re.I)
        return any(self.explained(unit, m.start(), m.end()) for m in term.finditer(text, end, stop))

    def _american(self, page) -> bool:
        """Does the page spell in American English: the site's setting, or with none, more of its words in the "-ize"
        spelling ("organized", "fertilization") than in the "-ise" one ("organised")? Worked out once a page."""
        variety = getattr(self.settings, "spelling", "any")
        if variety in ("us", "uk"):
            return variety == "us"
        found = page.memo.get("american_spelling")
        if found is None:
            counts = {True: 0, False: 0}
            for unit in page.units:
                for word in _IZE_WORD.findall(unit.block.text.lower()):
                    american = _american_spelling(word)  # ("organised" -> "organized"; "organized" is itself)
                    if self._common_in_american(word, american):
                        counts[american == word] += 1
            found = page.memo["american_spelling"] = counts[True] > counts[False]
        return found

    def _common_in_american(self, word: str, american: str) -> bool:
        """Is ``american`` a common word that ``word`` is, or is the British spelling of: a form the general counts,
        which are American, hardly hold ("organised": "organized"; not "four", a word of its own beside "for")?"""
        used = self.frequencies.get(american, 0)
        return used >= self.opts["rare_below"] and (word == american or 100 * self.frequencies.get(word, 0) < used)

    def _in_american_spelling(self, text: str) -> str:
        """The text with its British spellings put in American ones: "fertilised" -> "fertilized", "tumour" -> "tumor"."""
        def american(m):
            word = m.group()
            low = word.lower()
            changed = _american_spelling(low)
            if changed == low or not self._common_in_american(low, changed):
                return word
            return changed.capitalize() if word[0].isupper() else changed
        return _LETTER_WORD.sub(american, text)

    def _explained_later_in_block(self, unit, start: int, end: int) -> bool:
        """Is the term explained a few sentences on in its paragraph or list item, by a sentence recognisably about it:
        one that says what "it" is ("It uses shock waves to break the stones up"), or that says in everyday words what
        the term names by its verb ("in vitro fertilization ... The eggs are fertilized in a laboratory")?"""
        doc = unit.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        verb = self._verb_of(unit.block.text[start:end])
        k, following = 0, span.sent.end
        while following < len(doc) and k < 3:
            sent = doc[following].sent
            # (the next sentence's "this" or "it" is read by ``explained``)
            if k and _LATER_SENTENCE_EXPLAINS.match(sent.text):
                return True
            if verb is not None and any(self._verb_form(m) for m in verb.finditer(sent.text)):
                return True
            k, following = k + 1, sent.end
        return False

    def _verb_of(self, term: str):
        """A pattern for the verb the term's last word is made from ("fertilization": "fertilize", "fertilized"), or
        None."""
        head = _WORD.findall(term.lower())[-1:]
        if not head or not _NOUN_OF_VERB.search(head[0]) or len(head[0]) < 8:
            return None
        base = _NOUN_OF_VERB.sub("", head[0])
        # (a short stem takes the verb's "-ate" only: "ablation" is no "able")
        endings = r"at(?:e[sd]?|ing)|e[sd]?|ing|ed|s" if len(base) >= 5 else r"at(?:e[sd]?|ing)"
        base = re.escape(base[:-1]) + "[sz]" if base.endswith(("is", "iz")) else re.escape(base)
        return re.compile(rf"(?<![\w-])(?P<base>{base})(?P<ending>{endings})?(?![\w-])", re.I)

    def _verb_form(self, m) -> bool:
        """Is the word ``m`` a verb everyday English uses ("fertilized", "stimulate"): not the bare stem, which is a
        noun too ("an implant", "implants")?"""
        if m.group("ending") in (None, "s"):
            return False
        return self.frequencies.get(m.group().lower(), 0) >= 5 * self.opts["rare_below"]

    def _explained_in_next_section(self, units, index: int, start: int, end: int) -> bool:
        """Is a term of a page's introduction explained at the start of the next section, by a sentence whose subject
        is the term or its acronym ("You have an appointment for a positron emission tomography scan.", then "## What
        is a PET scan?" and "A PET scan shows how active the cells in your body are")? Not further on: a mention far away
        explains nothing at the first use."""
        if any(u.block.scope == "heading" and (u.block.level or 1) >= 2 for u in units[:index]):
            return False
        text = units[index].block.text
        term = text[start:end]
        names = [re.escape(term) + "(?:s|es)?"]
        abbreviation = ABBREVIATION_AFTER.match(text, end)
        if abbreviation is not None:
            names.append(re.escape(abbreviation.group().strip(" ()")))
        # (an acronym of the term's words, as "PET" is of "positron emission tomography")
        several = len(term.split()) > 1
        name = re.compile(rf"(?:(?i:{'|'.join(names)})|(?P<acronym>[A-Z]{{2,6}}))(?![\w-])")
        # the next blocks of the introduction, then, if it ends there, the first blocks under the next heading (not
        # after a long introduction, whose next section is far from the term)
        window = []
        k = index + 1
        while k < len(units) and units[k].block.scope not in ("title", "heading") and len(window) <= _INTRO_BLOCKS_AFTER:
            window.append(units[k])
            k += 1
        if len(window) <= _INTRO_BLOCKS_AFTER:
            for unit in units[k + 1:k + 1 + _SECTION_OPENING_BLOCKS]:
                if unit.block.scope in ("title", "heading"):
                    break
                window.append(unit)
        for unit in window:
            block_text = unit.block.text
            for sent in sentence_spans(unit):
                at = _SENTENCE_ARTICLE.match(block_text, sent.start_char).end()
                # (or a longer name that ends with it: "Transrectal ultrasonography is a scan ...")
                opening = _NAME_OPENING.match(block_text, at)
                m = name.match(block_text, at) or opening and name.match(block_text, opening.end())
                if m is None or m.group("acronym") and not (several and self._acronym_of(m.group(), term)):
                    continue
                if _GLOSS_AFTER_NAME.match(block_text, m.end()):
                    return True
        return False

    @staticmethod
    def _acronym_of(acronym: str, term: str) -> bool:
        """Does the acronym stand for the term's words, each word's initial in it in order ("PET", "positron emission
        tomography"; "TURP", "transurethral resection of the prostate"; not "ECG" of "endoscopic retrograde ...")?"""
        initials = "".join(w[0] for w in _WORD.findall(term.lower()) if w not in _SMALL_WORDS)
        return spells_out(acronym, term) and _common_letters(initials, acronym.lower()) == len(initials)

    def explained(self, unit, start: int, end: int) -> bool:
        text = unit.block.text
        # the term's abbreviation is an everyday word: "computed tomography (CT) scan"
        abbreviation = ABBREVIATION_AFTER.match(text, end)
        if abbreviation is not None and abbreviation.group().strip(" ()").lower() in self.plain:
            return True
        doc = unit.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        sent = span.sent if span is not None else None
        sent_start = sent.start_char if sent is not None else 0
        after = text[end:end + 100]
        if _EXPLAINED_AFTER.match(after) or _EXPLAINED_SOON_AFTER.match(after) \
                or _EXPLAINED_BEFORE.search(text[max(sent_start, start - 80):start]):
            return True
        # the sentence after explains it: "... appendicitis. This means your appendix is swollen."
        if sent is not None and sent.end < len(doc):
            following = doc[sent.end:].text
            if _NEXT_SENTENCE_EXPLAINS.match(following):
                return True
            # a term standing alone as a label ("Overdiagnosis. A test may find something harmless.")
            # (its abbreviation in brackets no word of it: "Ovarian hyperstimulation syndrome (OHSS). The ovaries ...")
            if len(_ABBREVIATION_IN_BRACKETS.sub("", sent.text).split()) <= 3 and sent.text.rstrip().endswith((".", ":")):
                return True
            # an operation explained by what the next sentence says is done to a part of the body: "Most surgeons also
            # perform a fundoplication. The top of the stomach is wrapped around the lower end of the gullet."
            if _DONE_TO_A_PART.search(following[:200]) and (_OPERATION_ENDING.search(text, start, end) or any(
                    t.label_ == "procedure" and t.start_char == start and t.end_char == end for t in unit.terms)):
                first = doc[sent.end].sent
                if any(t.label_ == "structure" and first.start_char <= t.start_char < first.end_char for t in unit.terms):
                    return True
            # one of the next two sentences defines it by name: "... and astigmatism. Astigmatism means ..."
            # (by its plural, or by the abbreviation given after it: "... femoroacetabular impingement (FAI). In FAI, the
            # ball or the rim of the socket has an unusual shape", "a corticosteroid. Corticosteroids are medicines ...")
            term = re.escape(text[start:end]) + "(?:s|es)?"
            if abbreviation is not None:
                term += "|" + re.escape(abbreviation.group().strip(" ()"))
            # (or says what happens in it: "In chronic bronchitis, the airways become inflamed")
            defines = re.compile(rf"(?i)\s*(?:(?:{term})\s+(?:is|are|means|refers\s+to|describes|happens\s+when)\b"
                                 rf"|(?:in|with)\s+(?:{term})\s*,)")
            nxt = doc[sent.end].sent
            for _ in range(2):
                if defines.match(nxt.text):
                    return True
                if nxt.end >= len(doc):
                    break
                nxt = doc[nxt.end].sent
        return False

    def _explained_in_another_form(self, units, index: int, start: int, end: int) -> bool:
        """Was another form of the term explained before it in the text: "A hysteroscope is a narrow telescope ..."
        then "hysteroscopy"; "A mammogram is an X-ray picture of the breast" then "a mammography centre"? (The
        instrument is no term the rule tracks, so its explanation is looked for here.)"""
        term = units[index].block.text[start:end]
        ending = _FORM_ENDING.search(term)
        if " " in term or ending is None or not _form_family(ending):
            return False
        family = ending.group(1) and r"graphy|graphic|graphs?|grams?" or r"scopy|scopic|scopes?"
        other = re.compile(r"(?<![\w-])" + re.escape(term[:ending.start()]) + rf"(?:{family})(?![\w-])", re.I)
        for k in range(index + 1):
            unit = units[k]
            if unit.block.scope in ("title", "heading"):
                continue
            text = unit.block.text
            for m in other.finditer(text, 0, start if k == index else len(text)):
                if m.group().lower() != term.lower() and not _capitalised_name(text, m.start()) \
                        and self.explained(unit, m.start(), m.end()):
                    return True
        return False

    def check(self, page):
        seen: set[str] = set()
        # the longer terms met so far, in lower case: a term that ends one of them was met with it ("A coronary
        # angiogram is a test that ..." then "an angiogram"; "thyroid lobectomy" then "a lobectomy")
        met: list[str] = []
        # a longer term whose technical words the text used before, each, is met too ("The two upper chambers are the
        # atria" then "the right atrium"; "A hysterectomy is ...", "laparoscopic surgery (...)" then "a laparoscopic
        # hysterectomy"): each word was explained there or reported there. (Not in headings, which are not reported.)
        earlier = _EarlierWords(page.units)
        units = page.units
        # the terms met so far in a form their other forms share ("mammogram", "mammography"): one explanation serves
        forms: set[str] = set()
        names: dict[int, list] = {}  # a unit's index -> the spans of the names of bodies and documents in it
        for i, unit, s, e, lay, key, nested in self._occurrences(page):
            if key in seen:
                continue
            text = unit.block.text
            if any(c.isupper() for c in text[s:e]) and unit.block.scope not in ("title", "heading"):
                if i not in names:
                    names[i] = _name_spans(text)
                if any(a <= s and e <= b for a, b in names[i]):
                    continue  # a word of a name: "the NHS Sickle Cell and Thalassaemia Screening Programme"
            form = _term_form(text[s:e])
            if form in forms:
                seen.add(key)
                continue
            words = unit.block.text[s:e].lower()
            if any(longer.endswith(" " + words) for longer in met):
                seen.add(key)
                continue
            if " " in words:
                technical = [w for w in _WORD.findall(words) if self.technical(w)]
                if technical and earlier.all_before(i, s, technical):
                    seen.add(key)
                    continue
                met.append(words)
            if _in_citation(unit.block.text, s):
                continue  # a document's title in a citation: "(Male and Female Sterilisation, 2014)"
            seen.add(key)
            if nested:
                continue
            if unit.block.scope in ("title", "heading"):
                continue  # a heading names the topic; the explanation belongs in the text under it
            # (explained here, or reported here: either way once for all its forms; not a name's word, which is
            # explained by nothing: "in the journal Arthroscopy", then "arthroscopic surgery")
            if not _capitalised_name(text, s):
                forms.add(form)
            if self.explained(unit, s, e) or self._explained_further_in_sentence(unit, s, e) \
                    or self._explained_in_another_form(units, i, s, e) or self._explained_later_in_block(unit, s, e) \
                    or self._explained_in_next_section(units, i, s, e):
                continue
            if unit.block.scope == "table_cell" and i + 1 < len(units) and units[i + 1].block.scope == "table_cell":
                continue  # a table of terms and what they mean: the next cell explains it
            if unit.block.definition_list == "term" and definition_after(units, i) is not None:
                continue  # a glossary: the definition after the term explains it
            if lay and self._american(page):
                lay = self._in_american_spelling(lay)  # (the data's glosses are in British spelling)
            suggestions = (f"{unit.block.text[s:e]} ({lay})",) if lay else ()
            message = None if lay else (
                "'{text}' is a technical term with no plain explanation near its first use; "
                "add one in brackets, or use everyday words.")
            yield self.hit(unit, s, e, suggestions=suggestions, message=message, lay=lay)


_WORD = compile_re(r"[a-z]+")
#: the endings a term's forms differ by, in their families: "mammogram", "mammograms", "mammography"; "endoscope",
#: "endoscopy" (not "arthroscopy" and "arthrogram", two tests)
_FORM_ENDING = compile_re(r"(?<=[a-z]{3})(?:(graphy|graphic|graphs?|grams?)|(scopy|scopic|scopes?)|s)$")
_FORM_FAMILIES = ("graph", "scop")


def _form_family(ending) -> str:
    """The family of the ending ``_FORM_ENDING`` found: "graph", "scop", or "" for a plural's "s"."""
    return next((name for name, group in zip(_FORM_FAMILIES, ending.groups()) if group), "")


def _capitalised_name(text: str, at: int) -> bool:
    """Does the word at ``at`` start with a capital in the middle of a sentence, as a name's word does ("in the journal
    Arthroscopy")?"""
    before = text[:at].rstrip()
    return text[at].isupper() and bool(before) and before[-1] not in ".!?:\n"


def _term_form(term: str) -> str:
    """A term with the endings its forms differ by put as their family ("mammography" -> "mammo-graph")."""
    return " ".join(_FORM_ENDING.sub(lambda m: "-" + _form_family(m), w) for w in _WORD.findall(term.lower()))


#: British spellings and their American forms, which the general counts hold: "organisation", "behaviour", "centre"
_BRITISH_ENDINGS = ((r"isation(s?)$", r"ization\1"), (r"is(e|ed|es|ing)$", r"iz\1"), (r"ys(e|ed|es|ing)$", r"yz\1"),
                    (r"our(s?)$", r"or\1"), (r"tre(s?)$", r"ter\1"), (r"ogue(s?)$", r"og\1"))


def _american_spelling(word: str) -> str:
    """The American spelling of a British word's ending ("organisation" -> "organization"); not of "ae" or "oe",
    which mark the medical words ("haematoma")."""
    for british, american in _BRITISH_ENDINGS:
        changed = re.sub(british, american, word)
        if changed != word:
            return changed
    return word


#: the words that make a run of capitalised words the name of a body, a programme or a document
_NAME_NOUNS = ("Programmes?|Programs?|Services?|Certificates?|Society|Trust|Foundation|Scheme|Network|Association"
               "|Institute|College|Council|Alliance|Federation|Charity|Agency|Register|Registry|Campaign|Initiative"
               "|Collaborative|Centre|Center|Helpline|Fund|Card|Passport")
#: a run of capitalised words with the small words a name holds between them ("Vaccination or Prophylaxis")
_CAPITAL_NAME = compile_re(r"[A-Z][\w'’-]*(?:\s+(?:(?:and|of|for|or|the|in|on|to|&)\s+)*[A-Z][\w'’-]*)+")
_NAME_NOUN = compile_re(rf"\b(?:{_NAME_NOUNS})\b")
_NAME_OPENER = compile_re(r"(?:The\s+)?(?:NHS|National|International)\s")


def _name_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the names of bodies, programmes and documents in a text: a run of capitalised words with a word
    such as "Programme", "Society" or "Certificate" in it, or opened by "NHS", "National" or "International" ("the NHS
    Sickle Cell and Thalassaemia Screening Programme", "International Certificate of Vaccination or Prophylaxis"). A
    heading in title case with none of them is no name ("Living With Thalassaemia")."""
    return [m.span() for m in _CAPITAL_NAME.finditer(text)
            if _NAME_NOUN.search(m.group()) or _NAME_OPENER.match(m.group())]


# Latin and Greek plurals of anatomy and their singulars: atria/atrium, bronchi/bronchus, vertebrae/vertebra,
# testes/testis, apices/apex, cervices/cervix
_PLURAL_ENDINGS = (("ia", "ium"), ("a", "um"), ("i", "us"), ("ae", "a"), ("es", "is"), ("ices", "ex"), ("ices", "ix"),
                   ("ies", "y"), ("es", ""), ("s", ""))


def _singular_forms(word: str) -> set[str]:
    """The word and the singulars it may be the plural of."""
    forms = {word}
    for plural, singular in _PLURAL_ENDINGS:
        if word.endswith(plural) and len(word) > len(plural) + 2:
            forms.add(word[:-len(plural)] + singular)
    return forms


class _EarlierWords:
    """The words of a page's text (not its title or headings) up to a point, in their singular forms; read one block
    at a time as the terms are checked in page order."""

    def __init__(self, units):
        self.units = units
        self.read = 0  # the blocks before this one are in ``words``
        self.words: set[str] = set()

    @staticmethod
    def _forms(text: str) -> set[str]:
        forms: set[str] = set()
        for w in _WORD.findall(text.lower()):
            forms |= _singular_forms(w)
        return forms

    def all_before(self, index: int, start: int, words: list[str]) -> bool:
        while self.read < index:
            block = self.units[self.read].block
            if block.scope not in ("title", "heading"):
                self.words |= self._forms(block.text)
            self.read += 1
        here = self._forms(self.units[index].block.text[:start])
        return all(any(f in self.words or f in here for f in _singular_forms(w)) for w in words)


def _word_lists(kind, option: str) -> frozenset[str]:
    """The words of the word-list files (or folders of them) an option names, relative to the rule's file."""
    here = Path(kind.rule.path).parent
    missing = [name for name in kind.opts[option] if not (here / name).exists()]
    if missing:
        raise kind.error(f"{option}: no file {here / missing[0]}")
    from lint.kinds.spelling import vocabulary_words

    return vocabulary_words(tuple(str(here / name) for name in kind.opts[option]))


def _general_frequencies() -> dict:
    """English word frequencies (shared with the spelling rule), or {} when unavailable."""
    try:
        from lint.kinds.spelling import general_frequencies
    except ImportError:  # pragma: no cover - the spelling kind is part of medlint
        return {}
    try:
        return general_frequencies()
    except (ImportError, OSError, ValueError):  # pragma: no cover - pyspellchecker missing or broken
        return {}


# -- acronyms --------------------------------------------------------------------

# an acronym, with the parts of a compound one ("LNG-IUS", "CT-KUB")
# (or one with a small letter first: "hCG", "eGFR")
# a bracket's first part, before a comma, a semicolon, a colon or a spaced dash: the name it spells out
_BRACKET_NAME = re.compile(r"[^,;:]*?(?=\s+[–—-]\s|[,;:]|$)")
# (with one digit after it, as a gene's or an enzyme's name has: "PDE5", "HER2"; not a guideline's code, "NG73")
_ACRONYM = compile_re(r"(?<![\w&.-])([a-z]?[A-Z]{2,6}\d?(?:-[A-Z]{1,6})*+)(?:s|'s|’s)?(?![\w&]|-\w|\.[A-Z])")
_ROMAN = compile_re(r"^M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")


class JargonDensity(UnexplainedJargon):
    """A sentence packed with technical words ("Persistent emesis of gastric contents results in hypochloraemic
    hypokalaemic metabolic alkalosis ..."): short enough for RDB001, and still one no patient can follow. A word counts
    as RDB003 reads it (rare in everyday English and long, or long with a medical ending, and in no plain list), but
    not a capitalised name (a society, a trial, a brand), a medicine of the ``medicines`` list, or a word the sentence
    explains in brackets; and a sentence that names a term for what it is ("also called", "means") explains, not
    packs."""

    name = "jargon-density"
    page_level = False  # (sentence by sentence, unlike RDB003, which reads a term's first use on the whole page)
    options = {
        **UnexplainedJargon.options,
        # a sentence is reported with at least ``min_technical`` technical words that are at least ``min_share`` of its
        # words; longer sentences than ``max_words`` are RDB001's
        "min_technical": (int, 5),
        "min_share": (float, 0.2),
        "max_words": (int, 30),
        # how often (in the general word list's counts) a long word may be used in everyday English and still count
        "common_above": (int, 300),
        # words that count for nothing: the medicines a page names in a list ("warfarin, apixaban or rivaroxaban"), one
        # word a line after '#' comments, relative to the rule's file
        "medicines": (str, ""),
        # a sentence that says what a term is: not jargon packed in, but jargon explained
        "explaining": (str, ""),
        # word lists of medical words (relative to the rule's file): one of these counts when everyday English uses it
        # less often than ``medical_common_above`` and it has three syllables ("sedation", "catheter"), or less often
        # than ``medical_long_common_above`` and it has four ("inflammation", "unilateral"): the general counts alone
        # let through the clinical words that news and forums use too
        "medical_vocabulary": (list, list),
        "medical_common_above": (int, 0),
        "medical_long_common_above": (int, 0),
        # acronyms count, as a reader meets them, unless the page spells them out or this file's ``allowed`` list
        # (RDB004's: the everyday ones, NHS, GP, MRI) has them (a path relative to the rule's file; empty: not counted)
        "acronyms_allowed_by": (str, ""),
    }
    positive_options = frozenset({"min_technical", "max_words", "common_above"})

    def setup(self):
        super().setup()
        self.medicines: frozenset[str] = frozenset()
        if self.opts["medicines"]:
            path = Path(self.rule.path).parent / self.opts["medicines"]
            if not path.is_file():
                raise self.error(f"medicines file not found: {path}")
            self.medicines = frozenset(w.lower() for line in path.read_text(encoding="utf-8").splitlines()
                                       if not line.lstrip().startswith("#") for w in line.split())
        self._dense_words: dict[str, bool] = {}  # a word's answer, which depends on the word alone
        try:
            self.explaining = compile_pattern(self.opts["explaining"], f"{self.rule.path}: rule {self.rule.code}",
                                              trusted=self.trusted) if self.opts["explaining"] else None
        except PatternError as exc:
            raise self.error("invalid explaining " + str(exc).split(": invalid ", 1)[-1]) from None
        here = Path(self.rule.path).parent
        self.medical = _word_lists(self, "medical_vocabulary")
        self.counts_acronyms = bool(self.opts["acronyms_allowed_by"])
        self.allowed_acronyms: frozenset[str] = frozenset()
        if self.counts_acronyms:
            path = here / self.opts["acronyms_allowed_by"]
            allowed = ((load_yaml(path) if path.is_file() else None) or {}).get("options", {}).get("allowed")
            if not isinstance(allowed, list):
                raise self.error(f"acronyms_allowed_by: {path} has no list of allowed acronyms")
            self.allowed_acronyms = frozenset(str(a).upper() for a in [*allowed, *self.settings.accept])

    def _counts(self, word: str, first: bool) -> bool:
        """Is the word a technical one: RDB003's rare technical word, or one of three or more syllables that everyday
        English seldom uses ("occlusion", "saphenous"; not "recommended" or "individuals")?"""
        if not (first or word.islower()):
            return False
        low = word.lower()
        known = self._dense_words.get(low)
        if known is None:
            if len(self._dense_words) > 100_000:
                self._dense_words.clear()
            known = self._dense_words[low] = self._technical_word(low)
        return known

    def _technical_word(self, low: str) -> bool:
        if not low.isalpha() or low in self.medicines or not self.frequencies:
            return False
        if self.rare_technical(low):
            return True
        if self._plain(low):
            return False
        used = self.frequencies.get(low, 0)
        syllables = self.counter.count(low)
        if used < self.opts["common_above"] and syllables >= 3:
            return True
        return low in self.medical and syllables >= 3 and (
            used < self.opts["medical_common_above"] or syllables >= 4 and used < self.opts["medical_long_common_above"])

    def _counts_word(self, word: str, first: bool) -> bool:
        """``_counts`` for a reader's word: a compound counts by its long parts ("intra-articular", "all-polyethylene";
        not "day-case")."""
        if "-" not in word:
            return self._counts(word, first)
        return any(len(part) >= 4 and self._counts(part, first and j == 0) for j, part in enumerate(word.split("-")))

    def _acronym(self, words: list[str], k: int) -> bool:
        """Is word ``k`` an acronym that counts: not an everyday one, and not a capital word among others (a heading
        in capitals; an author's initials after the surname, "Tham YC")?"""
        word = words[k]
        if not _DENSE_ACRONYM.fullmatch(word) or word.rstrip("s").upper() in self.allowed_acronyms:
            return False
        before = words[k - 1] if k else ""
        after = words[k + 1] if k + 1 < len(words) else ""
        return not (before.isupper() and len(before) > 1 or after.isupper() and len(after) > 1
                    and not _DENSE_ACRONYM.fullmatch(after) or k > 1 and before[:1].isupper())

    def check(self, page):
        least, share, longest = self.opts["min_technical"], self.opts["min_share"], self.opts["max_words"]
        for unit in self.units(page):
            text = unit.block.text
            for sent, words in sentence_words(unit):
                if len(words) < least or len(words) > longest:
                    continue
                # (a word of three syllables has five letters or more: most sentences have too few to look at)
                if sum(1 for w in words if len(w) >= 5) < least:
                    continue
                bracketed = {w for inner in _BRACKETED.findall(sent.text) for w in inner.split()}
                titled = _title_words(page) if id(unit.block) in _opening_blocks(page) else frozenset()
                technical, acronyms = 0, []
                for k, w in enumerate(words):
                    if w in bracketed or w.lower() in titled:
                        continue  # (the opening restates the title: "Catheter Ablation for Supraventricular Tachycardia",
                        # then "Your cardiologist has suggested a catheter ablation to treat supraventricular tachycardia")
                    if self.counts_acronyms and self._acronym(words, k):
                        acronyms.append(w)
                    elif self._counts_word(w, k == 0):
                        technical += 1
                if technical + len(acronyms) < least or technical + len(acronyms) < share * len(words):
                    continue
                if acronyms:
                    if "et al" in sent.text:  # a reference's authors and journal
                        continue
                    explained = _spelled_out_acronyms(page)
                    technical += sum(1 for a in acronyms if a.rstrip("s") not in explained)
                if technical < least or technical < share * len(words):
                    continue
                if self.explaining is not None and self.explaining.search(text, sent.start_char, sent.end_char):
                    continue
                start = sent.start_char
                end = source_run_end(unit.block, start, start + len(sent.text.rstrip()))
                yield self.hit(unit, start, end, technical=technical, words=len(words))


#: the words a sentence puts in brackets: "(PCI)", "(a small camera)"
_BRACKETED = compile_re(r"\(([^()]*)\)")
#: a word that is an acronym, as :func:`words_of` gives it ("ORIF", "hCG", "PSAs")
_DENSE_ACRONYM = compile_re(r"[a-z]?[A-Z]{2,6}s?")


def _title_words(page) -> frozenset[str]:
    """The lower-case words of the page's title and top heading: a reader has met them before any sentence (worked out
    once a page)."""
    found = page.memo.get("title_words")
    if found is None:
        found = page.memo["title_words"] = frozenset(
            w.lower() for unit in page.units
            if unit.block.scope == "title" or unit.block.scope == "heading" and (unit.block.level or 1) <= 1
            for w in re.findall(r"[A-Za-z]+", unit.block.text))
    return found


def _opening_blocks(page, count: int = 2) -> frozenset[int]:
    """The ids of the page's first ``count`` blocks of prose: the opening, which names what the page is about in its
    title's words (deeper in the page a sentence dense with them is as hard as any other)."""
    found = page.memo.get("opening_blocks")
    if found is None:
        found = page.memo["opening_blocks"] = frozenset(
            id(unit.block) for unit in [u for u in page.units if u.block.scope == "paragraph"][:count])
    return found


#: a shorter acronym's bracket inside the words of a longer name: "(CT)" in "computed tomography (CT) pulmonary angiogram"
_INNER_ACRONYM = compile_re(r"\s*\([a-z]?[A-Z][A-Z0-9][\w/-]{0,8}\)")


def _spelled_out_acronyms(page) -> frozenset[str]:
    """The acronyms the page spells out somewhere ("computed tomography (CT)"): a sentence that uses them again is
    using a term it has explained. Worked out once per page, on the first sentence that needs it."""
    found = page.memo.get("spelled_out_acronyms")
    if found is None:
        spelled = set()
        for unit in page.units:
            text = unit.block.text
            for m in _ACRONYM.finditer(text):
                if UnexplainedAcronym._expanded_at(text, m.start(1), m.end(1)):
                    spelled.add(m.group(1))
        found = page.memo["spelled_out_acronyms"] = frozenset(spelled)
    return found


class UnexplainedAcronym(Kind):
    """An acronym not spelled out at its first use in the text.

    Spelled out means "words (ACL)" or "ACL (words)" at that use or earlier on
    the page. Headings and the title are not where acronyms are spelled out, so
    the first use looked at is the first in the text; a heading's use is skipped.
    """

    name = "unexplained-acronym"
    page_level = True
    options = {
        "allowed": (list, lambda: ["UK", "US", "USA", "EU", "OK", "TV", "AM", "PM", "FAQ", "MRI"]),
        # word lists (files or folders of them, relative to the rule's file) whose words are no acronyms when a heading
        # sets them in capitals ("HERNIA")
        "medical_vocabulary": (list, list),
    }

    def setup(self):
        self.allowed = {a.upper() for a in self.opts["allowed"]} | {a.upper() for a in self.settings.accept}
        self.frequencies = _general_frequencies()
        self.medical_words = _word_lists(self, "medical_vocabulary")

    def _judged_in_heading(self, heading: str, acronym: str) -> bool:
        """Is an acronym in this heading one to judge there, if the text never spells it out: no word of the word lists
        (not "POST", "HERNIA" or "RISKS" in capitals), with no digit (a postcode, "BS1"), in a heading in small
        letters ("Life after TURP") or alone ("PCNL")?"""
        low = acronym.lower()
        if not acronym.isalpha() or self.frequencies.get(low, 0) >= _COMMON_WORD or low in self.medical_words:
            return False  # ("POST 1 | Reel: ...": a word in capitals)
        return any(ch.islower() for ch in heading) or heading.strip(" :?!.") == acronym

    @staticmethod
    def _expanded_at(text: str, start: int, end: int) -> bool:
        acronym = text[start:end].rstrip("s'’").lower()
        before = text[max(0, start - 120):start]
        after = text[end:end + 120]
        # "anterior cruciate ligament (ACL)"
        # ("American Academy of Otolaryngology–Head and Neck Surgery (AAO-HNS)"; "National Institute for Health and
        # Care Excellence (NICE guideline NG81, 2022)": the acronym opens a bracket that goes on)
        # ("Wet age-related macular degeneration (wet AMD)": a word of the name may come into the bracket)
        # ("Kidney Disease: Improving Global Outcomes (KDIGO)": a colon inside the name)
        # ("four-dimensional computed tomography (4D CT)": a dimension before the acronym in the bracket)
        # ("computed tomography (CT) pulmonary angiogram (CTPA)": the words read past a shorter acronym's bracket)
        named = _INNER_ACRONYM.sub("", before)
        m = re.search(r"([A-Za-z][\w\s,.:&'’–-]*)\(\s*(?:[a-z]+\s+|\d[A-Z]\s+)?$", named)
        # ("kidneys, ureters and bladder (KUB X-ray)", "Translating and Interpreting Service (TIS National)")
        if m and re.match(r"\s*\)|\s*[,;]|\s+[a-z\d]|\s+[A-Z][\w-]*\)", after) and (
                spells_out(acronym, m.group(1))
                # "Fracture Risk Assessment Tool (FRAX)": a name made from the words' first letters and one more
                or len(acronym) >= 4 and spells_out(acronym[:-1], m.group(1)) and re.match(r"\s*\)", after)):
            return True
        # a body's full name whose acronym comes from a name it had before: "European Society for Clinical Nutrition and
        # Metabolism (ESPEN)" (once "for Parenteral and Enteral Nutrition"); the same first letter
        body = _BODY_FULL_NAME.search(before) if re.match(r"\s*\)", after) else None
        if body and re.sub(r"^(?:The|THE)\s+", "", body.group(1))[0].lower() == acronym[0]:
            return True
        # "(deep vein thrombosis, or DVT)", "(the anterior cruciate ligament, known as the ACL)"
        m = re.search(r"\(\s*([A-Za-z][\w\s'’-]*?)(?:,\s*|,?\s+(?:or|also\s+called|known\s+as|called)\s+)(?:the\s+)?$", before)
        if m and spells_out(acronym, m.group(1)):
            return True
        # "gastroesophageal reflux disease, or GERD", "deep vein thrombosis, also called DVT": no bracket
        m = re.search(r"([A-Za-z][\w\s'’-]*?),\s+(?:or|also\s+called|also\s+known\s+as|known\s+as|called"
                      r"|(?:often|usually|sometimes|commonly)\s+(?:called|known\s+as)"
                      r"|(?:often\s+|usually\s+)?(?:shortened|abbreviated)\s+(?:to|as))\s+(?:the\s+|an?\s+)?"
                      # (the second of two acronyms for the name: "usually shortened to DXA or DEXA")
                      r"(?:[A-Z][A-Za-z]{1,7}\s+(?:or|and)\s+)?$",
                      named)
        if m and spells_out(acronym, m.group(1), initials=True):
            return True
        # "a computed tomography scan, often called a CT scan": the name's last word after the acronym too
        if m and (tail := re.match(r"\s+([a-z]+)\b", after)) and m.group(1).endswith(" " + tail.group(1)) \
                and spells_out(acronym, m.group(1)[: -len(tail.group(1)) - 1]):
            return True
        # "myalgic encephalomyelitis or chronic fatigue syndrome (ME/CFS)": each acronym of the pair spells out
        # one of the names before the bracket
        # ("United Kingdom Frozen Shoulder Trial (UK FROST)": one of two acronyms side by side)
        m = re.search(r"([A-Za-z][\w\s,'’-]*)\(\s*(?:[A-Z][A-Za-z]*\s*[/ ]\s*)*$", before)
        if m and re.match(r"(?:\s*[/ ]\s*[A-Z][A-Za-z]*)*\s*\)", after) and any(
                spells_out(acronym, part) for part in re.split(r"\s+(?:or|and)\s+|,\s*|/", m.group(1))):
            return True
        # "An electrocardiogram (ECG or EKG)": a second acronym for the name the first spells out
        m = re.search(r"([A-Za-z][\w\s,'’-]*)\(\s*([A-Z][A-Za-z]{1,7})\s*(?:,|/|\s+or)\s*$", before)
        if m and re.match(r"\s*\)", after) and spells_out(m.group(2).lower(), m.group(1)):
            return True
        # "Lakeshore Research Ethics Board, REB 23-0417": the name, then its acronym after a comma
        m = re.search(r"((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*),\s*$", before)
        if m and len(acronym) >= 3:
            initials = "".join(w[0] for w in m.group(1).split()[-len(acronym):]).lower()
            if initials == acronym:
                return True
        # "ACL (anterior cruciate ligament)"; "a DXA scan (dual-energy X-ray absorptiometry)": the bracket after the
        # thing the acronym names
        m = re.match(r"(?:\s+[a-z]+)?\s*\(([^)]*)\)", after)
        # ("FRAX (Fracture Risk Assessment Tool)": a name made from the words' first letters and one more; "IVF (in
        # vitro fertilisation, where eggs are fertilised in a laboratory)": the name, then what it is)
        for inside in ((m.group(1), _BRACKET_NAME.match(m.group(1)).group()) if m else ()):
            if spells_out(acronym, inside) or len(acronym) >= 4 and spells_out(acronym[:-1], inside):
                return True
        # "Your ENT doctor, a specialist in ear, nose and throat conditions": the thing it names, described after it
        m = re.match(r"(?:\s+[a-z]+){0,2},\s+(?:an?|the)\s+(?:[a-z]+\s+){0,2}?(?:in|for|of|on)\s+([A-Za-z][\w\s,'’-]*?)"
                     r"\s+(?:conditions|problems|diseases|disorders|care|medicine|surgery|services)\b", after)
        if m and spells_out(acronym, m.group(1)):
            return True
        # "an ENT surgeon, a doctor who specialises in the ear, nose and throat": the same, with who it is
        m = re.match(r"(?:\s+[a-z]+){0,2},\s+(?:an?|the)\s+(?:[a-z]+\s+){0,2}?(?:who|that)\s+(?:specialises|specializes"
                     r"|works|deals)\s+(?:in|with)\s+(?:the\s+)?([A-Za-z][\w\s,'’-]*?)(?:\s+(?:conditions|problems|diseases"
                     r"|disorders))?\s*(?:[.;:)]|$)", after)
        if m and spells_out(acronym, m.group(1)):
            return True
        # "NSAIDs. Nonsteroidal anti-inflammatory drugs, such as ibuprofen, ...": a label opening its line (a list
        # item's bold label), its name the next sentence's first words
        if not before.strip() or before.endswith("\n"):
            m = re.match(r"[.:]\s+((?:[A-Za-z][\w'’-]*\s+){0,5}?[A-Za-z][\w'’-]*)(?=\s*[,;(]|\s+(?:such|like|is|are|can"
                         r"|may|help|helps|ease|eases|treat|treats|reduce|reduces)\b)", after)
            if m and spells_out(acronym, m.group(1)):
                return True
        # "NICE, the National Institute for Health and Care Excellence, publishes ...": the name in an apposition
        m = re.match(r",\s+(?:the\s+)?([A-Z][\w\s'’&-]*?)(?:,|\s+[–—-]\s|\s*$)", after)
        if m and spells_out(acronym, m.group(1)):
            return True
        # "ACL, short for ..."; "ACL stands for ..."; "ACL: anterior cruciate ligament" in a glossary line
        # ("a DXA scan, which stands for dual-energy X-ray absorptiometry": past the noun the acronym names; not "the ERAS
        # pathway, which means you will be given ...", which says what the pathway does)
        if re.match(r",?\s+(?:which\s+)?(?:short\s+for|stands\s+for|meaning|means)\b", after) \
                or re.match(r"\s+[a-z]+,?\s+(?:which\s+)?(?:short\s+for|stands\s+for)\b", after):
            return True
        # ("FRCS (Tr & Orth): Fellowship of the Royal College of Surgeons" opening a list item)
        return bool(re.match(r"\s*(?:\([^)]{0,40}\)\s*)?[:–—-]\s+[a-z]", after, re.I) and not before.strip())

    def check(self, page):
        done: set[str] = set()
        # acronyms met in a heading, where they are not judged: one the text never uses or spells out is judged there
        # ("### PCNL" over a section that says only "the operation")
        in_headings: dict[str, tuple] = {}
        flagged: set[str] = set()  # the acronyms reported: the others of ``done`` were spelled out, or are names
        capital_lines = None
        for index, unit in enumerate(page.units):
            text = unit.block.text
            shouting = None  # a block in capitals: worked out at its first acronym (most blocks have none)
            capital_runs = None
            named_end = -1  # where the last acronym read as a name ends ("KEN SHE": both words are the name)
            for m in _ACRONYM.finditer(text):
                acronym = m.group(1)
                if named_end >= 0 and text[named_end:m.start(1)] == " ":
                    named_end = m.end(1)
                    done.add(acronym)
                    continue
                if acronym in done or acronym in self.allowed or _ROMAN.match(acronym):
                    continue
                if not acronym.isalpha() and (acronym in _FORMULAS or _POSTCODE_END.match(text, m.end(1))
                                              or _GENE_NEAR.search(text, max(0, m.start() - 30), m.end() + 10)):
                    done.add(acronym)
                    continue  # "CO2 laser", "Leeds LS1 3EX", "a gene such as BRCA1": names, not acronyms to spell out
                if acronym[-1].isdigit() and _DOCUMENT_CODE_BEFORE.search(text, max(0, m.start() - 80), m.start()):
                    done.add(acronym)
                    continue  # a document's code: "the NICE guideline on bladder cancer (NG2)"
                if unit.block.scope == "heading":
                    if self._expanded_at(text, m.start(), m.end()):
                        done.add(acronym)  # "# The prostate-specific antigen (PSA) blood test"
                    elif unit.block.level >= 2 and self._judged_in_heading(text, acronym):
                        # (not the page's main heading, which names the page as its title does: "# ACL reconstruction")
                        in_headings.setdefault(acronym, (unit, m.start(1), m.end(1)))
                    continue  # (judged at the end: a heading is not where an acronym is spelled out; a word in capitals,
                    # "RISKS", is no acronym)
                if shouting is None:
                    letters = sum(map(str.isalpha, text))
                    shouting = letters >= 12 and sum(map(str.isupper, text)) / letters > 0.6
                if shouting:
                    continue
                if capital_runs is None:
                    capital_runs = [r.span() for r in _CAPITAL_RUN.finditer(text)]
                if capital_lines is None:
                    capital_lines = _CapitalLines(page)
                if any(a <= m.start(1) and m.end(1) <= b for a, b in capital_runs) \
                        or capital_lines.holds(unit.block.source_span(m.start(1), m.end(1))[0]):
                    continue  # a line in capitals ("ABOUT THIS LEAFLET", "RISKS"), not an acronym
                if text.startswith(":", m.end()) and text[m.end() + 1:m.end() + 2].isupper():
                    done.add(acronym)
                    continue  # a programme's name: "GLA:D Canada"
                if _in_citation(text, m.start()):
                    if self._expanded_at(text, m.start(), m.end()):
                        done.add(acronym)  # "National Institute for Health and Care Excellence (NICE, 2022)"
                    continue  # a trial or a group named in a citation: "(CODA Collaborative, 2020)"
                if _NAMED_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _STUDY_AFTER.match(text, m.end()) \
                        or (_NAMED_AFTER_COMMA.search(text, max(0, m.start() - 40), m.start())
                            and _NAME_GOES_ON.match(text, m.end())) \
                        or text.endswith(("dB ", "db "), 0, m.start()):
                    done.add(acronym)  # a name, here and further on ("The STEP 1 trial ... In STEP 1, adults")
                    named_end = m.end(1)
                    continue  # a study's name: "a study called UKUFF", "a trial known as PROFHER"
                if self._expanded_at(text, m.start(), m.end()):
                    done.add(acronym)
                    continue
                if _BODY_NAME_AFTER.match(text, m.end()):
                    done.add(acronym)
                    continue  # part of a body's name: "ENT UK", "BAPRAS Foundation"
                if _PLACE_NAME_AFTER.match(text, m.end()) and _CONTACT_DETAILS.search(text):
                    continue  # a department in a line of contact details: "ENT Clinic, Harbourside Hospital: (02) 5550 1234"
                if _SHORTENED_TO.search(text, max(0, m.start() - 60), m.start()) and self._named_before(
                        page.units, index, m.start(), acronym):
                    done.add(acronym)
                    continue  # "... a small sample of cerebrospinal fluid. Doctors often shorten the name to CSF."
                if _ALIAS_BEFORE.search(text, max(0, m.start() - 60), m.start()) and _another_spelling(
                        page.units, index, m.start(), acronym, done - flagged):
                    done.add(acronym)
                    continue  # "DEXA stands for dual-energy X-ray absorptiometry. Some hospitals write it as DXA."
                parts = _COMPOUND_PARTS.split(acronym)
                if len(parts) > 1 and all(p in done and p not in flagged or p in self.allowed for p in parts):
                    done.add(acronym)
                    continue  # each part spelled out before: "positron emission tomography (PET) ... A PET-CT scan"
                if _MNEMONIC_AFTER.match(text, m.end()) and text.rstrip().endswith(":") \
                        and _spelled_by_list(page.units, index, acronym):
                    done.add(acronym)
                    continue  # a mnemonic spelled out by the list below: 'the "ABCDE" list when looking at moles:'
                    # (not "as part of the NIPE check. Signs include:" over a list of signs)
                if unit.block.scope not in self.rule.scope or unit.block.scope in ("title", "heading"):
                    continue
                if _QUESTION_LINE.match(text) and self._spelled_out_later(page.units[index + 1:index + 3], acronym):
                    done.add(acronym)
                    continue  # a plain-text page's question heading ("What is BPPV?"), answered by the text below
                if acronym == "PO" and text.startswith(" Box", m.end(1)):
                    continue  # a postal address: "PO Box 412"
                if _STAGE_BEFORE.search(text, max(0, m.start() - 24), m.start()) and _STAGE.fullmatch(acronym):
                    continue  # a cancer's stage or a grade: "melanoma at stage IB to IIC"
                if any(UnexplainedAcronym._expanded_at(text, at, at + len(acronym))
                       for at in _word_starts(text[:m.end() + 200], acronym) if at > m.start()):
                    done.add(acronym)
                    continue  # spelled out a sentence on: "on a CT scan. A CT (computed tomography) scan is ..."
                if acronym == "MR" and _MR_LABEL.match(text, m.end(1)):
                    continue  # an implant's scanner-safety label: "MR Conditional", "MR Safe"
                if _MAKERS.search(text) and _AMONG_NAMES.match(text, m.end(1)):
                    continue  # a maker among makers: "Makes include Cochlear, MED-EL and Advanced Bionics"
                if BATTERY_SIZE_AFTER.match(text, m.end(1)):
                    continue  # a battery's size: "smaller than an AA battery", "two AAA batteries"
                if _BREADCRUMB.search(text) and len(text) < 100 and unit.block.links:
                    continue  # a trail of links ("Treatments > Catheter ablation for AF"), read as a heading is
                if (unit.block.scope == "table_cell"
                        or index == 0 and len(text) < 120 and not text.rstrip().endswith((".", ":", ";"))) \
                        and self._spelled_out_later(page.units[index + 1:], acronym):
                    done.add(acronym)
                    continue  # a table, or a plain-text page's title line, sums up what the text below spells out
                if _INITIALS_BEFORE.search(text, max(0, m.start() - 40), m.start()) and _AUTHORS_GO_ON.match(text, m.end()) \
                        and _YEAR.search(text):
                    continue  # an author's initials in a reference: "Maher CG, Hancock MJ, et al. 2012"
                if _STATE.match(acronym) and _POSTCODE_AFTER.match(text, m.end()):
                    continue  # a state in an address: "Harbourside NSW 2000"
                if self._defined_near(page.units[index:index + 2], acronym):
                    done.add(acronym)
                    continue  # "Loss of vision (VA loss)", and in the lines after: "VA stands for visual acuity"
                if unit.block.definition_list == "term" and self._spelled_out_by_definition(page.units, index, acronym):
                    done.add(acronym)
                    continue  # a glossary's term: "CT", then "Computed tomography, a scan that..."
                done.add(acronym)
                flagged.add(acronym)
                yield self.hit(unit, m.start(1), m.end(1), acronym=acronym)
        for acronym, (unit, start, end) in in_headings.items():
            if acronym not in done and not self._spelled_out_later(page.units, acronym):
                yield self.hit(unit, start, end, acronym=acronym)

    @staticmethod
    def _named_before(units, index: int, at: int, acronym: str) -> bool:
        """Does a clause of the few sentences before ``at`` (in its block, or the block before) end with the words the
        acronym stands for?"""
        before = units[index].block.text[:at]
        if index > 0 and len(before) < 300:
            before = units[index - 1].block.text + " " + before
        for clause in _CLAUSE_BREAKS.split(before[-300:])[:-1]:
            words = _LETTERS.findall(clause)
            if words and spells_out(acronym, " ".join(words[-(len(acronym) + 1):]), several=True):
                return True
        return False

    @staticmethod
    def _spelled_out_later(units, acronym: str) -> bool:
        """Is the acronym spelled out ("words (PBS)") in one of these blocks?"""
        return any(UnexplainedAcronym._expanded_at(u.block.text, at, at + len(acronym))
                   for u in units for at in _word_starts(u.block.text, acronym))

    @staticmethod
    def _spelled_out_by_definition(units, index: int, acronym: str) -> bool:
        """Does the definition after the definition-list term ``units[index]`` spell the acronym out, with the words
        it opens with ("Computed tomography, a scan that...") or in brackets ("A computed tomography (CT) scan")? A
        definition that says what the thing is and not what the letters stand for ("A scan that uses X-rays") does
        not."""
        definition = definition_after(units, index)
        if definition is None:
            return False
        opening = _OPENING_WORDS.match(definition.block.text).group(1)
        return (opening[:1].lower() == acronym[:1].lower() and spells_out(acronym, opening)) \
            or UnexplainedAcronym._spelled_out_later([definition], acronym)

    @staticmethod
    def _defined_near(units, acronym: str) -> bool:
        """Does one of these blocks (the acronym's and the next) say what it stands for ("VA stands for visual
        acuity")?"""
        for k, u in enumerate(units):
            text = u.block.text
            for at in _word_starts(text, acronym):
                if _DEFINED_AFTER.match(text, at + len(acronym)):
                    return True
                # spelled out a few words on, in the acronym's own block: "CT colonography, a computed
                # tomography (CT) scan of the bowel"
                if k == 0 and text[at - 1:at] == "(" and UnexplainedAcronym._expanded_at(text, at, at + len(acronym)):
                    return True
        return False


# a stage or grade in Roman numerals with its letter: "stage IB", "IIC", "grade IIIA"
_STAGE = compile_re(r"(?:I{1,3}|IV|V)[A-D]?")
#: a body named in full, in capitals, before the bracket of its acronym
_BODY_FULL_NAME = compile_re(
    r"\b((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|on|in|the|&)\s+)*){0,6}?(?:Society|Association|Federation|College|Institute"
    r"|Organi[sz]ation|Foundation|Academy|Council|Network|Agency|Alliance|Union|Board|Group)"
    r"(?:\s+(?:of|for|on|in)\s+(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+(?:and|&|of|for|in|on)\b)?\s*){1,7})?)\s*\(\s*$")
#: a guideline's or a standard's code after the document: "the NICE guideline on bladder cancer (NG2)"
_DOCUMENT_CODE_BEFORE = compile_re(r"(?i)\b(?:guidelines?|guidance|appraisals?|standards?|statement)\b[^.;]{0,60}$")
_STAGE_BEFORE = compile_re(r"(?i)\b(?:stages?|grades?|types?|class|classes)\s+(?:[IV]{1,3}[A-D]?\s+(?:to|or|and|-|–)\s+)?$")
# the labels an implant carries for MRI scanners
_MR_LABEL = compile_re(r"\s+(?:Conditional|Safe|Unsafe)\b")
# a sentence that lists makers or brands, and a name in that list, followed by another capitalised name
_MAKERS = compile_re(r"(?i)\b(?:brands?|makes|makers?|manufacturers?|companies|suppliers?)\b")
_AMONG_NAMES = compile_re(r"(?:\s*,|\s+and|\s+or)\s+[A-Z][a-z]")


#: chemical formulas that look like acronyms with a digit
_FORMULAS = frozenset({"CO2", "O2", "H2O", "NO2", "N2O", "SF6", "C3F8"})
#: the second half of a UK postcode after its first ("LS1| 3EX")
_POSTCODE_END = compile_re(r"\s\d[A-Z]{2}\b")
#: a gene named as one ("a gene such as BRCA1", "the BRCA2 gene")
_GENE_NEAR = compile_re(r"(?i)\bgenes?\b")
#: how often (in the general word list's counts) a word in capitals is used in everyday English for it to be read as a
#: word, not an acronym, in a heading ("RISKS", "COSTS"; not "PCNL", "EVAR")
_COMMON_WORD = 2000


def _spelled_by_list(units, index: int, acronym: str) -> bool:
    """Do the list items after block ``index`` start with the acronym's letters, in order ("Asymmetry", "Border", ...
    under the "ABCDE" list)?"""
    items = units[index + 1:index + 1 + len(acronym)]
    if len(items) < len(acronym) or any(u.block.scope != "list_item" for u in items):
        return False
    firsts = [next((ch for ch in u.block.text if ch.isalpha()), "") for u in items]
    return "".join(firsts).upper() == acronym.upper()


def _word_starts(text: str, word: str):
    """The offsets where ``word`` stands at the start of a word of ``text``."""
    at = text.find(word)
    while at >= 0:
        if at == 0 or not text[at - 1].isalnum():
            yield at
        at = text.find(word, at + 1)


_YEAR = compile_re(r"\b(?:19|20)\d\d\b")
_BREADCRUMB = compile_re(r"\s(?:>|›|»)\s")
# a surname just before: "Maher CG," in a reference
_INITIALS_BEFORE = compile_re(r"\b[A-Z][a-z'’-]+\s$")
# what follows an author's initials: "Maher CG, Hancock MJ", "Baugh RF and others", "Sullivan FM et al"
_AUTHORS_GO_ON = compile_re(r"[,.]|\s+(?:and\s+(?:others|colleagues)|et\s+al)\b")
# one short line that asks a question, as a plain-text page's heading does: "What is BPPV?"
_QUESTION_LINE = compile_re(r"[^\n.!]{3,70}\?\s*$")
# "VA stands for ...", "PCR means ..."
_DEFINED_AFTER = compile_re(r"\s+(?:stands\s+for|is\s+short\s+for|means)\b")
# the words a definition opens with, after an article, up to its first punctuation: "Computed tomography" in "Computed
# tomography, a scan...", "anterior cruciate ligament" in "The anterior cruciate ligament, a band..."
_OPENING_WORDS = compile_re(r"(?:(?:the|an?)\s+)?([^,;:.()\[\]–—]*)", re.I)
# a state and a postcode just after it: "NSW 2000", "TX 77030" (not "TAVI 2024 results")
_STATE = compile_re(r"(?:[A-Z]{2}|NSW|VIC|QLD|TAS|ACT)$")
_POSTCODE_AFTER = compile_re(r"\s+(?!(?:19|20)\d\d\b)\d{4,5}\b")
# a study's name is a name ("a large trial called UKUFF"); a procedure's is not ("a procedure called ERCP")
_NAMED_BEFORE = compile_re(
    r"\b(?:study|trial|review|audit|registry|survey|project|programme|program|collaboration|group)\s+"
    r"(?:called|named|known\s+as|nicknamed|dubbed)\s+(?:the\s+)?$"
    # "A 2016 analysis of five trials, known as HERMES, ...": a pooled analysis's name, after a comma
    r"|\b(?:stud(?:y|ies)|trials?|reviews?|analysis|analyses|meta-analysis|registry|audit|survey)\s*,?\s+"
    r"(?:called|named|known\s+as|nicknamed|dubbed)\s+(?:the\s+)?$"
    # "trials such as KEN SHE"
    r"|\b(?:stud(?:y|ies)|trials?|registr(?:y|ies)|audits?|surveys?)\s+(?:such\s+as|like)\s+(?:the\s+)?$"
    # a memory aid spelled out in the lines after it: "The word FAST can help you remember them:"
    r"|\b(?:the\s+)?(?:word|acronym|letters|mnemonic)\s+$"
)
# "A US study, SEARCH for Diabetes in Youth, reported": after a comma, only a name that goes on in capitals
_NAMED_AFTER_COMMA = compile_re(r"\b(?:study|trial|registry|audit|survey),\s+(?:the\s+)?$")
_NAME_GOES_ON = compile_re(r"\s+(?:for|of|in|on|to)\s+[A-Z]")
_STUDY_AFTER = compile_re(r"(?:\s*-?\d{1,2}[a-z]?|\s+[IVX]{1,4})?\s+(?:study|studies|trial|trials|registry|audit|survey|review|collaboration|cohort)\b", re.I)


def _capital_line(source: str, pos: int) -> bool:
    """True when the source line holding ``pos`` has no small letters: a plain-text heading run into its
    paragraph ("CHOOSING A LENS", "RISKS"), which the block joins to the paragraph's first line."""
    start, end = line_around(source, pos)
    line = source[start:end]
    return sum(c.isalpha() for c in line) >= 4 and not any(c.islower() for c in line)


# a service's name: "ENT Clinic", "MRI Department" (a place to call, not a term to learn)
_PLACE_NAME_AFTER = compile_re(r"\s+(?:Clinic|Department|Unit|Ward|Centre|Center|Service|Outpatients|Reception|Suite|Team)\b")
_CONTACT_DETAILS = compile_re(r"\d{3,}[\s-]?\d{3,}|\w@\w")
# the acronym named as the short form of a name just given: "Doctors often shorten the name to CSF", "called CSF for short"
_SHORTENED_TO = compile_re(r"\b(?:shorten(?:s|ed)?\s+(?:the|this|its|that)\s+(?:name|term)\s+to|(?:shortened|abbreviated)\s+to"
                           r"|(?:is|are)\s+(?:often\s+|usually\s+|also\s+)?(?:called|known\s+as))\s+(?:the\s+)?$", re.I)
_CLAUSE_BREAKS = compile_re(r"[.;:,()!?]")
# another way of writing an acronym just spelled out: "Some hospitals write it as DXA", "also written EKG", "sometimes
# shortened to DXA", "you may hear it called DXA"
_ALIAS_BEFORE = compile_re(
    r"\b(?:(?:write|writes|spell|spells|call|calls|shorten|shortens|abbreviate|abbreviates)\s+"
    r"(?:it|this|that|the\s+(?:name|test|scan|term))(?:\s+(?:as|to))?"
    r"|(?:written|spelt|spelled|shortened|abbreviated|called|known)(?:\s+(?:as|to))?"
    r"|hear\s+it\s+called|see\s+it\s+written(?:\s+as)?)\s+(?:an?\s+|the\s+)?[\"“‘']?$", re.I)
#: the parts of a compound acronym: "PET-CT"
_COMPOUND_PARTS = compile_re(r"-")


def _another_spelling(units, index: int, at: int, acronym: str, spelled: set[str]) -> bool:
    """Is ``acronym`` another spelling of one spelled out in the few sentences before ``at`` (in its block or the
    block before): the letters of the shorter all in the longer, in order, from the same first letter (DXA for DEXA;
    EKG for ECG, from the German name; not TURP for TURBT, another operation)?"""
    before = units[index].block.text[:at]
    if index > 0 and len(before) < 300:
        before = units[index - 1].block.text + " " + before
    for m in _ACRONYM.finditer(before[-300:]):
        other = m.group(1)
        if other == acronym or other not in spelled or other[0].lower() != acronym[0].lower():
            continue
        a, b = sorted((_GERMAN_LETTERS.get(x, x) for x in (acronym.lower(), other.lower())), key=len)
        if len(a) >= 3 and _common_letters(a, b) == len(a):
            return True
    return False


_LETTERS = compile_re(r"[A-Za-z]+")
_BODY_NAME_AFTER = compile_re(r"[\s-]+(?:UK|England|Scotland|Wales|Ireland|International|Foundation|Trust|Society)\b")
# a mnemonic named before the list that spells it out: 'use the "ABCDE" rule:'
_MNEMONIC_AFTER = compile_re(r"[\"”’']?\s+(?:list|rule|checklist|check|method|guide|system|mnemonic|approach|test)\b", re.I)
# three or more words in capitals in a row: a heading or a warning set in capitals
_CAPITAL_RUN = compile_re(r"\b[A-Z][A-Z'’-]+\b(?:[\s(),:&/-]+\b[A-Z][A-Z'’-]+\b){2,}")


class _CapitalLines:
    """``_capital_line`` for the lines of one page, each line's worked out once: a long line read anew for each of
    its acronyms took time growing with the square of its length."""

    def __init__(self, page):
        self.page = page
        self.known: dict[int, bool] = {}

    def holds(self, pos: int) -> bool:
        """Has the line holding source offset ``pos`` no small letters?"""
        line = self.page.line_of(pos)
        found = self.known.get(line)
        if found is None:
            found = self.known[line] = _capital_line(self.page.document.source, pos)
        return found


def _citation_words(text: str) -> int:
    """How many words of a sentence stand in author-year citations in brackets: a reader skips them."""
    return sum(len(m.group().split()) for m in _CITATION.finditer(text))


_CITATION = compile_re(r"\([^()]*\b(?:19|20)\d{2}[a-z]?\)")


def _in_citation(text: str, pos: int) -> bool:
    """True inside brackets that hold a year, as author-year citations do."""
    opening = text.rfind("(", 0, pos)
    if opening == -1 or ")" in text[opening:pos]:
        return False
    closing = text.find(")", pos)
    return closing != -1 and bool(_YEAR.search(text[opening:closing]))


#: acronyms made from another language's spelling of the English name: EKG from "Elektrokardiogramm"
_GERMAN_LETTERS = {"ekg": "ecg"}


_LINK_WORDS = frozenset({"called", "known", "named", "termed", "is", "are", "was", "were", "this", "that", "these", "those"})


def _common_letters(a: str, b: str) -> int:
    """The length of the longest run of letters both strings hold in the same order (not side by side)."""
    row = [0] * (len(b) + 1)
    for ch in a:
        previous = 0
        for j, other in enumerate(b, 1):
            previous, row[j] = row[j], previous + 1 if ch == other else max(row[j], row[j - 1])
    return row[-1]


def spells_out(acronym: str, words: str, several: bool = False, initials: bool = False) -> bool:
    """True when ``words`` end with a phrase the acronym abbreviates.

    The phrase starts with a word whose initial is the acronym's first letter,
    and the acronym's letters appear in order in it: "transurethral resection of
    the prostate" spells out TURP, "percutaneous nephrolithotomy" PCNL. With
    ``initials``, a name of several words gives at least half of the letters as its
    words' first letters, in order: a name
    given with no bracket ("deep vein thrombosis, or DVT") is no list of choices
    whose words hold the letters by chance ("through the bottom of the spine, or a
    TFESI").
    """
    acronym = "".join(c for c in acronym.lower() if c.isalpha())
    if not acronym:
        return False
    # (an American acronym made from the German spelling: "electrocardiogram (EKG)")
    acronym = _GERMAN_LETTERS.get(acronym, acronym)
    tokens = re.findall(r"[A-Za-z]+", words)[-(len(acronym) + 6):]
    for i, tok in enumerate(tokens):
        if tok[0].lower() != acronym[0] or tok.lower() in _LINK_WORDS:
            continue  # (a name does not open with the words that give it: "This is called intermittent claudication"
            # spells no CLTI from the "c" of "called")
        letters = "".join(tokens[i:]).lower()
        pos = 0
        for ch in acronym:
            pos = letters.find(ch, pos)
            if pos == -1:
                break
            pos += 1
        else:
            if initials and len(tokens) - i > 1 \
                    and 2 * _common_letters(acronym, "".join(t[0] for t in tokens[i:]).lower()) < len(acronym):
                continue
            # (with ``several``, an acronym of four letters or more stands for more than one word: "claudication"
            # holds the letters of CLTI, which it does not spell out; "uvulopalatopharyngoplasty (UPPP)" in brackets does)
            if not several or len(acronym) < 4 or pos > len(tok):
                return True
    return False
