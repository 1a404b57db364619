"""Evidence: outcome numbers and research claims with no source near them.

A *claim* is a specific number about results, risks or recovery ("less than 0.5%
of cases", "9 out of 10 patients", "three times faster", "half of all
patients", "more than 2 million Americans") or a claim of research support
("studies show", "clinically proven", "according to experts", "a large study
followed people for 20 years"). Durations, doses, sizes, prices and ages are
not claims: the patterns only take percentages, frequencies ("N in M", the part
smaller than the whole), ratios and proportions, and a percentage that is a
concentration ("0.9% saline"), a price ("20% off"), a measurement ("80% of the
stomach") or an instruction ("you need to lose 5% of your weight") is set aside,
as is a frequency followed by a unit ("3 in 10 minutes").

A claim is *sourced* when its own sentence or the sentence next to it carries:

* a link to another site or a document (a journal, a DOI, a guideline, a
  government page); a link to the site's own pages (``/find-a-surgeon``,
  ``#top``, booking or contact pages) is not a source;
* a reference marker ("[1]", "¹", ``<sup>1</sup>``, ``[^1]``) when the page has a
  reference list for it to resolve to;
* a parenthetical citation: "(Smith et al., 2019)", "(NICE, 2020)", "(Lancet)";
* a named body it is attributed to: "according to the American Academy of
  Orthopaedic Surgeons", "the NHS puts this at...", "data from the National
  Joint Registry";
* the study's named author: "a trial led by van Rijssen", "a review of published
  results by Docimo in 1995", "Guillaumier and colleagues found".

A description of a study ("A randomised trial compared surgery with splints.")
is usually followed by what it found, with the citation at the end of that, so a
study description may take its source from the two sentences after it. List
items take the source of the sentence that introduces the list ("According to
NICE, after the operation:").

The words these patterns are built from (populations, what is not an outcome,
named bodies, diagnostic "studies") are data in ``rules/evidence/evidence-lexicon.yaml``.
"""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lint.kinds.base import Kind, _Vars
from lint.kinds.phrases import words_of
from lint.matching import Haystack, NeedleGroup, PatternSet, compile_builtin
from lint.registry import builtin_rules_dir
from lint.yamlio import load_yaml

CLAIM_TYPES = ("percentage", "frequency", "ratio", "proportion", "count", "zero", "recovery", "return", "speed",
               "comparison", "durability", "answer", "research")
LEXICON_FILE = "evidence-lexicon.yaml"

# -- the grammar of numbers ----------------------------------------------------
# what a page may point back to as "the same ...": a body or a study it cited just before
_CITED_BEFORE = (r"(?:society|college|association|academy|institute|organi[sz]ation|body|charity|agency|authority|audit"
                 r"|registry|study|review|report|survey|source|guidelines?|guidance)")
_UNITS_WORD = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen"
)
_TENS_WORD = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER_WORD = (
    rf"(?:(?:{_TENS_WORD})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_UNITS_WORD}"
    r"|(?:a|one)\s+(?:hundred|thousand|million)|hundred|thousand)"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
NUMBER = rf"(?:{DIGITS}|{NUMBER_WORD})"
QUALIFIER = (
    r"(?:(?:much\s+|far\s+|slightly\s+|a\s+little\s+)?(?:less|fewer|more|greater|lower|higher)\s+than"
    r"|well\s+(?:over|under|above|below)|over|under|above|below|up\s+to|about|around|nearly|almost"
    r"|approximately|approx\.?|roughly|only|just|at\s+least|at\s+most|as\s+(?:few|little|many|much|high|low)\s+as"
    r"|close\s+to|an\s+estimated|estimated|in\s+excess\s+of|~)"
)
PERCENT_SIGN = r"(?:\s?%|\s*(?:percent|per\s+cent)\b)"
# what follows a frequency "N in M" when it measures something other than people
UNITS_AFTER = (
    r"(?:cm|mm|m|km|inch|inches|in|ft|feet|foot|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|months?|years?"
    r"|mg|mcg|ml|l|kg|g|lbs?|stone|sessions?|visits?|doses?|tablets?|pills?|drops?|appointments?|steps?|stages?)"
)
RATE_NOUNS = (
    r"(?:success|failure|complication|satisfaction|survival|recurrence|infection|cure|revision|re-?operation"
    r"|pregnancy|birth|live\s+birth|mortality|death|leak|fusion|patency|response|remission|relapse|readmission)"
)
MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter|Since|In|From|By|Until|Before|After)"
)
_CAPWORD = r"[A-Z][\w'’&.-]*"
# the research a journal publishes ("a 2019 evidence review in ...": not an audit or a survey, which a hospital runs "in"
# its own units)
_PUBLISHED_STUDY = r"(?:study|studies|trial|trials|review|reviews|analysis|analyses|meta-analysis|meta-analyses|paper|article)"
_WORDS = compile_builtin(r"[^\W_]+")
_DIGIT = compile_builtin(r"\d")


def _alternation(words) -> str:
    """One alternation of phrases, longest first; a space in a phrase matches any white space."""
    parts = sorted({w.strip() for w in words if w and w.strip()}, key=lambda w: (-len(w), w))
    body = "|".join(r"[-\s]+".join(re.escape(p) for p in re.split(r"[\s]+", w)) for w in parts)
    return rf"(?:{body})" if body else r"(?!)"


@dataclass
class EvidenceLexicon:
    """The claim and source patterns, compiled once per lexicon file."""

    claims: dict
    research: dict
    not_outcome: re.Pattern
    measured_after: re.Pattern
    instruction_before: re.Pattern
    diagnostic_before: re.Pattern
    risk_words: re.Pattern
    success_words: re.Pattern
    in_house: re.Pattern
    source: re.Pattern
    marker: re.Pattern
    reference_heading: re.Pattern
    #: a plain-text block that opens a numbered reference list ("References [1] NHS. ...")
    reference_list_start: re.Pattern
    not_source_link: re.Pattern
    #: the words in a same-site link's address that make it a report of results, and those that do not
    internal_source_link: re.Pattern
    internal_not_source_link: re.Pattern
    reference_fragment: re.Pattern
    #: for each claim pattern, words one of which a block must contain for the pattern to match
    gates: dict
    source_gate: frozenset
    #: a named body given with its abbreviation: "the National Joint Registry (NJR)"; group "abbr"
    body_abbreviation: re.Pattern | None = None
    #: a body known by name ("the HFEA", "NICE") or named in full ("the National Hip Fracture Database"): "It reports
    #: that ..." in the next sentence quotes it
    named_body: re.Pattern | None = None
    #: a sentence that goes on reporting the source named before it ("It found ...", "In the same audit, ...")
    continues_source: re.Pattern | None = None
    #: a medicine's own document named ("the product's Summary of Product Characteristics"): a list's lead-in that names
    #: it, and is a source, gives the list its source without a colon
    medicine_document: re.Pattern | None = None
    #: medicines' names: a percentage straight after one is its strength ("hypromellose 0.3%")
    medicines: frozenset = frozenset()
    #: a product's form right after a percentage, perhaps past a word in group "medicine": "a 4% lotion", "the 1%
    #: clotrimazole spray" (the figure is the product's strength)
    product_form_after: re.Pattern | None = None
    _scan: PatternSet | None = None
    _source_scan: PatternSet | None = None

    @property
    def scan(self) -> PatternSet:
        """The claim and research patterns, searched together: each is tried only where it may match."""
        if self._scan is None:
            # the lexicon reads blocks, which no phrase rule reads: its needles are a group of their own
            self._scan = PatternSet((*self.claims.values(), *self.research.values()), NeedleGroup())
        return self._scan

    @property
    def source_scan(self) -> PatternSet:
        """The source pattern, tried only where one of its branches may match (a set of its own: its needles, such as
        "and" of "Smith and colleagues", would only add to what each block's claim search reads)."""
        if self._source_scan is None:
            self._source_scan = PatternSet((self.source,), NeedleGroup())
        return self._source_scan


@lru_cache(maxsize=8)
def load_lexicon(path: str) -> EvidenceLexicon:
    data = load_yaml(Path(path)) or {}

    def words(key):
        value = data.get(key) or []
        return [str(v) for v in value]

    pop = _alternation(words("populations"))
    pop_one = _alternation(words("population_one"))
    people = _alternation(words("people"))
    population_tail = (
        rf"(?:\s+of\s+(?:all\s+|the\s+|our\s+|these\s+|those\s+|their\s+|your\s+)?(?:[\w-]+\s+){{0,2}}?{pop}\b)"
    )
    study = _alternation(words("study_nouns"))
    qualifiers = _alternation(words("research_qualifiers"))
    subjects = _alternation(words("research_subjects"))
    qualified = _alternation(words("qualified_research_subjects"))
    verbs = _alternation(words("reporting_verbs"))
    unnamed = _alternation(words("unnamed_sources"))
    named = _alternation(words("named_sources"))
    bodyw = _alternation(words("body_words"))
    cited_bodyw = _alternation(words("cited_body_words"))
    # a body named in full by a word only bodies are named by: "the British Heart Foundation", "the National Hip
    # Fracture Database" (not "our Harley Street Centre")
    cited_body = rf"(?-i:(?:{_CAPWORD}\s+(?:(?:and|of|for|&)\s+)?){{1,6}}{cited_bodyw}\b)"
    journals = _alternation(words("journals"))
    # a journal's title: capitalised words (with the small words inside a title), one of them a word journals are named
    # by ("American Family Physician", "Foot and Ankle International", "Annals of the Rheumatic Diseases")
    title_word = r"[A-Z][\w'’-]*"
    title_gap = r"\s+(?:(?:and|of|for|in|on|the|&)\s+){0,2}"
    journal_title = (
        rf"(?-i:(?=(?:{title_word}{title_gap}){{0,7}}{_alternation(words('journal_title_words'))}\b)"
        rf"{title_word}(?:{title_gap}{title_word}){{1,7}})"
    )
    particles = _alternation(words("surname_particles"))
    leads = _alternation(words("study_leads"))
    # a surname, with the particles it may open with: "Docimo", "van Rijssen", "de la Cruz", "Le Roux"
    surname = rf"(?:(?i:{particles})\s+)*(?-i:{_CAPWORD})"
    # a name, not a word such as "experts" or "Europe", a month or a preposition that opens a date ("by March 2020")
    not_a_name = rf"(?!(?i:{unnamed})\b)(?!{MONTHS}\b)"
    # the authors of a study in brackets: "(van Rijssen and colleagues)", "(Jensen and others)"
    authors = rf"\(\s*{surname}\s+(?:and|&)\s+(?:colleagues|co-?workers|others)\s*\)"
    # a hospital by its name: "Moorfields Eye Hospital", "St Thomas' Hospital" (not "The Hospital", "Our Hospital")
    named_hospital = (
        rf"(?-i:{not_a_name}(?!(?:The|This|That|These|Those|Your|Their|Its|My|A|An|Any|Each|Every|One|Another|Local"
        rf"|Private|Same)\b)(?:{_CAPWORD}\s+){{1,5}}{_alternation(words('hospital_words'))})\b"
    )
    # a medicine's own document: "the summary of product characteristics", "the manufacturer's patient leaflet" (not
    # the seller's: "our product information")
    medicine_document = rf"(?<!\b[Oo]ur\s)(?i:\b{_alternation(words('medicine_documents'))}s?)\b"
    # a national scheme named in full with its abbreviation and its kind, after "the": "the Serious Hazards of
    # Transfusion (SHOT) scheme" (not the provider's own: "our Enhanced Recovery After Surgery (ERAS) programme", "a
    # Transcatheter Aortic Valve Implantation (TAVI) programme")
    scheme_name = (
        rf"(?-i:(?<=\b[Tt]he\s)(?!(?:This|That|These|Our|Your|Their|Its|A|An)\b){_CAPWORD}"
        rf"(?:\s+(?:(?:and|of|for|on|in|&)\s+)?{_CAPWORD}){{1,6}})"
    )
    scheme_kind = rf"(?i:{_alternation(words('named_scheme_kinds'))})\b"
    named_scheme = rf"{scheme_name}\s+\([A-Z][A-Za-z&]{{1,11}}\)\s+{scheme_kind}"
    body_phrase = (
        rf"(?:{named_scheme}"
        rf"|(?:{_CAPWORD}\s+){{0,6}}?{bodyw}\b(?:\s+(?:of|for|on|and|in)\s+(?:the\s+)?{_CAPWORD}(?:\s+{_CAPWORD})*)*"
        # a named study or trial: "the Edinburgh Vein Study", "the Million Women Study" (not "A Study", "Case Study")
        rf"|(?-i:(?:(?!(?:A|An|The|One|Our|This|That|Each|Every|Another|Case|Pilot|New|Recent|Latest)\b){_CAPWORD}\s+){{1,5}}"
        r"(?:Study|Trial))\b"
        # a charity, society or agency named "<Something> UK" or after its nation: "Prostate Cancer UK", "Public
        # Health Wales", "Cancer Council Australia"
        rf"|(?-i:(?:[A-Z][a-z]+\s+){{1,4}}(?:UK|England|Scotland|Wales|Ireland|Australia|Canada|NZ|India))\b"
        rf"|\b{named}\b)"
    )
    # a named source: a known body, a body phrase, or (after "according to") any capitalised name
    # a document named before the body that wrote it: "the 2017 expert consensus statement of", "information from"
    document_of = (
        r"(?:(?:the\s+|a\s+)?(?:(?:19|20)\d{2}\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:statement|guidance|guidelines?|report|review|consensus"
        r"|study|audit|survey|leaflet|data|figures|website|information|advice)\s+(?:of|from|by)\s+)"
    )
    named_after = (
        # (the document first: "according to the 2017 expert consensus statement of the Heart Rhythm Society"; what the
        # body is, before its name: "according to the charity Versus Arthritis")
        rf"{document_of}?"
        rf"(?:(?:the\s+)?(?:(?:19|20)\d{{2}}\s+)?(?:(?i:(?:medical\s+|scientific\s+)?journal|charity|patient\s+charity|regulator)\s+)?(?:{body_phrase}|{not_a_name}{surname}(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?{_CAPWORD})*))"
    )

    # the professions an unnamed authority claim names: "dermatologists agree", "GPs up and down the country"
    professions = (
        r"(?:experts|doctors|scientists|surgeons|specialists|researchers|physicians|dentists|clinicians|consultants"
        r"|(?-i:GPs)|[a-z]+(?:(?<=ologists)|(?<=icians)|(?<=iatrists)|(?<=dontists)|(?<=therapists)))"
    )
    places = (
        r"(?:worldwide|everywhere|nationwide|internationally|around\s+the\s+(?:world|globe|country)"
        r"|across\s+the\s+(?:world|globe|country|nation|uk|us|usa|board)|up\s+and\s+down\s+the\s+(?:country|land)"
        r"|in\s+every\s+(?:country|city|hospital))"
    )
    claims = {
        "percentage": compile_builtin(
            rf"(?i)(?<![\w.,/])(?:{QUALIFIER}\s+)?(?:{DIGITS}|{NUMBER_WORD}){PERCENT_SIGN}?"
            rf"(?:\s*(?:-|–|—|to)\s*{DIGITS})?{PERCENT_SIGN}"
            rf"(?:{population_tail}|(?:\s+{RATE_NOUNS}\s+rates?\b))?"
        ),
        "frequency": compile_builtin(
            rf"(?i)(?<![\w.,/])(?:{QUALIFIER}\s+)?{NUMBER}(?:\s*(?:-|–|to|or)\s*{NUMBER})?"
            rf"\s+(?:times\s+)?(?:in|per|(?:out\s+of|of\s+every|in\s+every))\s+(?:every\s+)?{NUMBER}\b(?!\s*{UNITS_AFTER}\b)(?!\.\d)"
            rf"(?:(?:\s+of)?(?:\s+(?:the|our|these|those|all|their))?(?:\s+[\w-]+)?\s+{pop}\b)?"
            rf"|(?<![\w.,/])(?:{QUALIFIER}\s+)?{NUMBER}\s+of\s+(?:the\s+)?{NUMBER}(?:\s+{pop})\b"
            # "one man in a thousand", "one patient in ten"
            rf"|(?<![\w.,/])(?:{QUALIFIER}\s+)?{NUMBER}\s+{pop_one}\s+(?:in|out\s+of)\s+(?:every\s+)?{NUMBER}\b(?!\s*{UNITS_AFTER}\b)"
            # the decision-aid form: "Out of 100 people who have an ablation, about 30 stop having periods"
            rf"|\bout\s+of\s+(?:every\s+)?{NUMBER}\s+{pop}\b[^.;:!?]{{0,80}}?,\s*(?:{QUALIFIER}\s+)?{NUMBER}\b"
        ),
        "ratio": compile_builtin(
            rf"(?i)(?<![\w.,/])(?:(?:{NUMBER}|\d+(?:\.\d+)?)[-\s]?(?:times|fold)|\d+(?:\.\d+)?\s?[x×])\s+"
            r"(?:more|less|fewer|faster|slower|higher|lower|better|greater|quicker|shorter|longer|smaller|larger|safer"
            r"|stronger|weaker|cheaper|bigger|easier|healthier|sooner|likelier|clearer"
            r"|as\s+[a-z]+|the\s+(?:risk|chance|rate|odds))\b"
            r"|\b(?:twice|half|double|triple)\s+(?:as\s+(?!well\b|soon\s+as\s+(?:possible|you|your)\b|often\s+as\s+needed)[a-z]+|the\s+(?:risk|chance|rate|odds|success))\b"
            # "around half the swelling", "a third of the downtime"
            r"|\b(?:about|around|roughly|only|just|nearly|less\s+than)\s+(?:half|a\s+third\s+of|a\s+quarter\s+of)\s+the\s+"
            r"(?:pain|swelling|bruising|scarring|discomfort|downtime|down\s+time|recovery\s+time|recovery|side\s+effects"
            r"|complications|blood\s+loss|time\s+off(?:\s+work)?)\b"
            r"|\b(?:half|a\s+third\s+of|a\s+quarter\s+of|a\s+fraction\s+of|twice|double)\s+the\s+(?:[\w-]+\s+){0,2}?"
            r"(?:pain|swelling|bruising|scarring|tenderness|discomfort|downtime|recovery\s+time|side\s+effects|complications"
            r"|complication\s+rate|risk|blood\s+loss|energy|strength|results?|success\s+rate|hospital\s+stay|stay\s+in\s+hospital)\b"
            # "compared with barely half after open surgery"
            r"|\b(?:barely|only|just|fewer\s+than|less\s+than)\s+half\s+(?:after|with|following|of\s+(?:those|people|patients))\b"
            # "three times the energy", "an extra 90 minutes of sleep a night"
            rf"|(?<![\w.,/])(?:{NUMBER}|\d+(?:\.\d+)?)\s+times\s+(?:the|your|their|as\s+much)\s+(?:energy|strength|stamina|libido|"
            r"sleep|confidence|mobility|results?|benefit|improvement|weight\s+loss|chance|success)\b"
            rf"|\ban?\s+(?:extra|additional)\s+(?:{NUMBER}|\d+(?:\.\d+)?)\s+(?:minutes?|hours?|years?|days?|months?)\s+of\s+"
            r"(?:sleep|life|rest|walking|activity|pain[-\s]free\s+\w+)\b"
            r"|\b(?:halves|halved|halving)\s+(?:the\s+|your\s+)?(?:swelling|pain|bruising|scarring|downtime|recovery\s+time|blood\s+loss"
            r"|side\s+effects|complications|risk|time\s+off)\b"
            r"|\b(?:cuts?|reduces?|slashes)\s+(?:the\s+|your\s+)?(?:recovery\s+time|downtime|pain|swelling|scarring|time\s+off(?:\s+work)?"
            r"|hospital\s+stays?|stays?\s+in\s+hospital)\s+(?:in\s+half|by\s+half|by\s+(?:a\s+third|two[-\s]thirds|\d+%))"
            r"|\b(?:pregnancy|success|birth|cure|survival|fusion)\s+(?:rates?|chances?)\s+(?:more\s+than\s+)?(?:double|doubles|doubled|triple"
            r"|triples|tripled)\b"
            r"|\b(?:improves?|improved|improving|boosts?|boosted|increases?|increased|restores?|restored|gains?|climbs?|climbed|rises?|rose"
            r"|jumps?|jumped)\s+(?:[\w-]+\s+){0,3}?by\s+"
            r"(?:up\s+to\s+|as\s+much\s+as\s+|over\s+|more\s+than\s+)?\d+\s*(?:decibels|db|points)\b|\bup\s+to\s+\d+\s*(?:decibels|db)\b"
            r"|\bup\s+to\s+(?:\d+|ten|eight|six|five)\s+shades\b"
            r"|\b(?:complication|infection|failure|revision|readmission|recurrence)\s+rates?\s+(?:are\s+|is\s+|were\s+|was\s+)?"
            r"(?:halved|cut\s+in\s+half|reduced\s+by\s+half|slashed|doubled)\b"
            r"|\b(?:halve|halves|halved|halving|double|doubles|doubled|doubling|triple|triples|tripled|quadruples)\s+(?:the|your|their|his|her)\s+"
            r"(?:risk|chance|rate|odds|success|likelihood|(?:[\w-]+\s+)?(?:weight\s+loss|results|recovery|speed|effect|benefits?"
            r"|survival|improvement|chances))\b"
            r"|\b(?:cuts?|reduces?|reduced|lowers?|lowered|increases?|increased|raises?|raised|slashes|slashed)\s+(?:the|your|their)\s+(?:[\w-]+\s+)?"
            r"(?:risk|chance|rate|odds|likelihood)(?:\s+of(?:\s+[\w-]+){1,4}?)?\s+(?:by\s+(?:(?:about|around|roughly|nearly|almost|more\s+than|over|up\s+to)\s+)?(?:half|a\s+third|a\s+quarter|two[-\s]thirds|three[-\s]quarters)|in\s+half)\b"
            # "the risk of infection is cut by two-thirds"
            r"|\b(?:risk|chance|rate|odds|likelihood)s?\s+(?:of\s+(?:[\w-]+\s+){1,3}?)?(?:is\s+|are\s+|was\s+|were\s+)?"
            r"(?:cut|reduced|lowered|slashed|decreased|increased|raised)\s+by\s+(?:half|a\s+third|a\s+quarter|two[-\s]thirds"
            r"|three[-\s]quarters|a\s+fifth)\b"
            # "headache days cut by two thirds", "waiting times halved"
            r"|\b(?:days|episodes|attacks|symptoms|pain|seizures|admissions|readmissions|infections|complications"
            r"|relapses|migraines|headaches)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:cut|reduced|lowered|slashed|decreased)\s+by\s+"
            r"(?:half|a\s+third|a\s+quarter|two[-\s]thirds|three[-\s]quarters|a\s+fifth)\b"
            # weight lost as an outcome: "patients lose an average of 15 kg", "shed up to three stone",
            # "an average weight loss of 20 kg" ("you need to lose 5 kg first" has no average and is advice)
            rf"|\b(?:lose|loses|lost|losing|shed|sheds|shedding|drop|drops|dropped)\s+(?:an?\s+average\s+(?:of\s+)?"
            rf"|on\s+average\s+|up\s+to\s+|as\s+much\s+as\s+)(?:{NUMBER}|\d+(?:\.\d+)?)\s*(?:kg|kilos?|kilograms?|lbs?"
            rf"|pounds|stones?|st|dress\s+sizes?)\b"
            rf"|\baverage\s+(?:weight\s+)?loss\s+of\s+(?:{NUMBER}|\d+(?:\.\d+)?)\s*(?:kg|kilos?|kilograms?|lbs?|pounds|stones?|st|%)"
            # "more than double what patients achieve on tablets", "live an average of 12 years longer", "a stroke risk that
            # is a fraction of open-heart surgery's"
            r"|\b(?:more\s+than\s+)?(?:double|twice|triple|three\s+times|half)\s+what\s+(?:patients|people|you|most|others|women|men)\b"
            rf"|\b(?:live|lives|living)\s+(?:an\s+average\s+of\s+|on\s+average\s+|up\s+to\s+)?(?:{NUMBER}|\d+)\s+years?\s+longer\b"
            r"|\ba\s+fraction\s+of\s+(?:that\s+of\s+|that\s+after\s+|with\s+)?(?:[\w-]+\s+){0,2}?(?:surgery|operation|treatment|procedure)\b"
            # "PAE shrinks the prostate by a third", "lowers blood pressure by an average of 10 points"
            r"|\b(?:shrinks?|shrank|shrunk|reduces?|reduced|cuts?|lowers?|lowered|drops?|dropped|boosts?|boosted|improves?|improved"
            r"|increases?|increased|raises?|raised)\s+(?:[\w-]+\s+){0,3}?by\s+(?:a\s+third|half|a\s+quarter|two[-\s]thirds"
            rf"|three[-\s]quarters|a\s+fifth|an\s+average\s+of\s+(?:{NUMBER}|\d+(?:\.\d+)?))\b"
            # "settle in roughly half the time", "walk out pregnant far more often than at ordinary clinics"
            r"|\b(?:roughly|about|around|nearly|just|only|less\s+than|under)\s+(?:half|a\s+third|a\s+quarter)\s+(?:of\s+)?the\s+time\b"
            r"|\b(?:far|much|many\s+times|significantly|considerably)\s+more\s+(?:often|frequently)\s+than\b"
            # "outlasts bonding by a factor of three"
            rf"|\bby\s+a\s+factor\s+of\s+(?:{NUMBER}|\d+(?:\.\d+)?)\b"
            # "recover 2 weeks sooner"
            rf"|(?<![\w.,/])(?:{NUMBER}|a\s+few|several)\s+(?:days?|weeks?|months?)\s+(?:sooner|faster|quicker)\b"
            # "recover in half the time", "in a fraction of the time"
            r"|\bin\s+(?:half|a\s+third\s+of|a\s+quarter\s+of|a\s+fraction\s+of)\s+the\s+(?:time|recovery\s+time)\b"
            # compared with a benchmark: "a fraction of the national figure", "well below the UK average"
            r"|\b(?:(?:a\s+)?fraction\s+of|half|twice|double|(?:a|one)[-\s](?:third|quarter|fifth|tenth)\s+of|(?:far\s+|well\s+|much\s+)?(?:below|above|under|over|better\s+than"
            # (the benchmark named: "Under the National Screening Program" compares nothing)
            r"|lower\s+than|higher\s+than|less\s+than|faster\s+than|quicker\s+than))\s+the\s+(?:(?:national|uk|us|nhs|industry"
            r"|regional|provincial|state|county|local|european|global|country'?s)\s*(?:average|figure|rate|benchmark|norm|standard|mean)s?"
            r"|average|typical)\b"
        ),
        "recovery": compile_builtin(
            # a state, not advice: "are back at work", not "can go back to work"
            r"(?i)(?:(?<=\bis\s)|(?<=\bbe\s)|(?<=\bare\s)|(?<=\bwas\s)|(?<=\bwere\s)|(?<=['’]re\s))"
            r"(?:back\s+(?:at|on|behind|in|to)\s+(?:(?:the|their|your|his|her|a|my)\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:work|desks?|office|golf\s+course|gym|pitch|court|job|routine|sport|sports|training|wheel|slopes|dance\s+floor"
            r"|activities|gardening|golf|tennis|running|exercise|school|driving|normal|life|shoes|clothes|heels)"
            r"(?:\s+and\s+[\w-]+)?"
            r"|(?:driving|walking|running|working|swimming|exercising|cycling)\s+again)"
            r"\s+(?:(?:within|in|after|by|from)\s+(?:just\s+|only\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+(?:day|week)"
            # (a range, whole: "within one to two weeks")
            r"|day\s+\d+|24|48)\b(?:\s*(?:to|-|–|or)\s*(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\b)?"
            r"(?:\s+(?:days?|weeks?|hours?|months?))?"
            r"|the\s+(?:very\s+)?(?:next|following)\s+(?:day|morning)|the\s+same\s+(?:day|week|afternoon|evening))"
        ),
        # "back to the gym in 48 hours", "grip strength returns in just 12 days", "feel like themselves
        # again within 10 days" (guidance with "can", "usually" or "most people" is left alone)
        "return": compile_builtin(
            # "their tinnitus disappears on the spot"
            r"(?i)\b(?:disappears?|disappeared|vanish(?:es|ed)?|goes\s+away|went\s+away|clears?\s+up|cleared\s+up)\s+(?:on\s+the\s+spot|instantly|"
            r"immediately|overnight|straight\s+away|in\s+seconds|there\s+and\s+then)\b|"
            r"\b(?:(?:back|return(?:s|ing)?|resume[sd]?|resuming)\s+(?:to\s+|at\s+|in\s+|on\s+)?(?:(?:the|their|your|his|her|a|my|normal)\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:work|desks?|office|gym|golf|sport|sports|training|driving|gardening|running|swimming|cycling|tennis|surf|pool|saddle|gates|classroom"
            r"|activities|activity|life|routine|exercise|school|job|normal)"
            r"|(?:strength|function|movement|vision|sight|hearing|feeling|energy|sleep|mobility|sensation)\s+(?:returns?|is\s+back"
            r"|comes?\s+back)|like\s+(?:yourself|themselves|himself|herself|myself|new)\s+again"
            r"|stop\s+needing\s+(?:[\w-]+\s+)?[\w-]+|(?:driving|walking|working|swimming|running|exercising)(?:\s+(?:around|about|normally))?(?:\s+again)?"
            r"|[a-z]+ing(?:\s+(?:around|about|normally))?\s+again|back\s+on\s+(?:your|their|his|her|my)\s+feet"
            r"|(?:feel|see|notice)\s+(?:a|the)\s+(?:real\s+)?difference|(?:barely|hardly|virtually|almost)\s+(?:visible|invisible|noticeable)"
            r"|crystal[-\s]clear|(?:see|hear|walk|eat|sleep|breathe)\s+(?:clearly|normally|perfectly|well)|(?:fully|completely)\s+recovered"
            r"|(?:scars?|marks?)\s+(?:is|are|will\s+be)\s+(?:invisible|gone|faded|undetectable)|(?:pain|symptom)[-\s]free"
            r"|(?:drive|walk\s+out\s+of\s+(?:the\s+)?(?:hospital|clinic))"
            r"|walk(?:ing)?\s+without\s+(?:any\s+)?(?:support|crutches|sticks?|a\s+stick|help|aids?|a\s+frame)"
            # "adjust to hearing aids in just 3 days", "feel better after just 3 sessions", "hot flashes stop within 10 days"
            r"|(?:adjust|adapt|get\s+used)\s+to\s+(?:[\w-]+\s+){0,2}?[\w-]+|feel\s+(?:much\s+)?better|bounce[sd]?\s+back"
            r"|feel\s+(?:completely\s+|totally\s+|perfectly\s+)?normal"
            r"|(?:symptoms?|pain|flushes|flashes|sweats|bleeding|snoring|headaches?|migraines?|swelling|bruising|redness|itching|itch|stiffness|ringing"
            r"|relief|numbness|tingling|scars?)(?:\s+and\s+[\w-]+)?"
            r"\s+(?:stops?|disappears?|goes\s+(?:away|down)|goes|is\s+gone|are\s+gone|vanish(?:es)?|ends?|settles?|eases?|improves?|starts?|begins?|comes?|fades?"
            r"|subsides?|resolves?)(?:\s+(?:completely|entirely|fully))?"
            r"|(?:vanish|disappear|fade|settle|resolve)(?:\s+(?:completely|entirely|fully))?"
            # "wake up refreshed from the very first night", "cures snoring on the first night", "hear everything
            # again, instantly", "clears stones in one sitting"
            r"|(?:feel|feeling|wake|waking|wake\s+up|waking\s+up)\s+(?:[\w-]+\s+){0,2}?(?:refreshed|rested|brand\s+new|amazing|transformed)"
            r"|cures?\s+(?:your\s+|the\s+)?[\w-]+|clears?\s+(?:the\s+|your\s+|all\s+)?(?:[\w-]+\s+)?(?:stones?|skin|acne|veins?|pain|spots)"
            r"|hear\s+(?:everything|clearly|perfectly)(?:\s+again)?"
            # "back playing netball within a fortnight", "we were pregnant within five months"
            r"|back\s+(?:doing|playing|coaching|teaching|dancing|lifting|riding|surfing|hiking)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+"
            r"|(?:were|was|got|fell|became)\s+pregnant|lifting\s+(?:weights|heavy\s+weights)"
            r"|feel\s+(?:(?:\w+|\d+)\s+years\s+)?(?:younger|lighter|stronger))"
            r",?\s+(?:(?:almost\s+|practically\s+|virtually\s+)?(?:instantly|immediately|overnight)\b"
            r"|in\s+(?:\d+|one|two|five|ten|fifteen|twenty|thirty|forty[-\s]five|sixty)\s+minutes(?:\s+flat)?\b"
            r"|in\s+(?:a\s+single|one|just\s+one)\s+(?:sitting|session|visit|treatment)\b"
            r"|(?:within|in|after|by|from)\s+(?:just\s+|only\s+|as\s+little\s+as\s+)?(?:\d+|one|two|three|four|five|six|seven|eight"
            r"|nine|ten|a\s+(?:day|week|fortnight|month)|an\s+hour|hours|day\s+\d+)\b(?:\s+(?:days?|weeks?|hours?|months?|sessions?|treatments?"
            r"|visits?))?(?:\s+of\s+(?:surgery|treatment|the\s+operation))?"
            r"|the\s+(?:night|evening|day)\s+of\s+(?:the\s+)?(?:surgery|operation|treatment|procedure)"
            r"|at\s+(?:\d+|two|three|four|six|eight|nine|twelve)\s+(?:weeks|months)"
            r"|(?:from\s+|on\s+|by\s+)?(?:the\s+)?(?:very\s+)?(?:next|following|same|first|second|third)\s+(?:day|morning|afternoon|evening|night|week)"
            # "driving again by week six", "back to normal the moment the wax is out"
            r"|(?:by|from|in)\s+week\s+(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve)\b|the\s+(?:moment|minute|instant)\b"
            r"|within\s+the\s+(?:hour|day|week|first\s+(?:hour|day|week|few\s+days))"
            r"|by\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the\s+weekend))"
        ),
        # how long a result lasts, stated as fact: "the cells are gone for good", "one fitting fixes the problem for
        # life", "so the urge never returns", "a permanent answer", "has never once needed to be repeated" (a result
        # that lasts is an outcome like any other: it needs a source; PRM002 separately reports it as a guarantee)
        "durability": compile_builtin(
            # "once the ink is gone, it's never coming back", "the last knee operation they will ever need", "results look
            # natural for 15 years or more"
            r"(?i)\bnever\s+coming\s+back\b"
            r"|\bthe\s+last\s+(?:[\w-]+\s+){0,2}?(?:operation|surgery|procedure|treatment|implant|lens)\s+(?:you|they|he|she)(?:['’]ll|\s+will)?\s+ever\s+need\b"
            r"|\b(?:results?|effects?|benefits?)\s+(?:look|stay|last|remain)\s+(?:[\w-]+\s+)?(?:for\s+)?(?:\d+|[a-z]+)\s+years?\s+or\s+(?:more|longer)\b|"
            # "most throw away their glasses for good", "walk out cured"
            r"\b(?:throw|throws|threw|ditch|ditches|ditched|bin|bins|binned)\s+(?:away\s+)?(?:their|your|the)\s+(?:reading\s+)?(?:glasses|specs|spectacles"
            r"|contacts|contact\s+lenses|hearing\s+aids?|inhalers?|pills|tablets|medications?|crutches|cpap(?:\s+machines?)?)\b"
            r"|\b(?:walk|walks|walked|go|goes|went|leave|leaves|left)\s+(?:out|home)\s+(?:completely\s+|totally\s+|fully\s+)?cured\b"
            r"|\b(?:gone|fix(?:es|ed)?|cure[sd]?|cures|ends?|ended|clears?|cleared|eliminates?"
            r"|solves?|solved|resolves?|resolved|disappears?|disappeared|fades?|faded|vanish(?:es|ed)?|heals?|healed|off|rid"
            r"|sorted|banish(?:es|ed)?|relie(?:f|ves?|ved)|results?|smooth(?:er)?|clear"
            # ("a gluten-free diet for life" is what to eat, not a result)
            r"|free(?!\s+(?:diet|food|foods|products|meals|eating|alternatives)\b)|straight(?:er)?|back)"
            r"\b(?:\s+[\w'’-]+){0,5}?\s+(?:for\s+good|for\s+life|for\s+ever|forever|for\s+the\s+rest\s+of\s+(?:your|their|his|her)\s+lives?"
            r"|permanently)\b"
            r"|\bpermanent(?:ly)?\s+(?:answer|solution|cure|fix|result|results|relief|end)\b"
            r"|\b(?:never|won[’']t|will\s+not|will\s+never)\s+(?:ever\s+)?(?:return|returns|come\s+back|comes\s+back|grows?\s+back"
            r"|recurs?|re-?forms?|forms?\s+again|wears?\s+out|fades?|wears?\s+off"
            r"|need\s+(?:replacing|redoing|repeating|to\s+be\s+(?:repeated|redone|replaced)))\b"
            r"|\bno\s+(?:chance|risk)\s+of\s+(?:it|them|the\s+[\w-]+)\s+(?:coming|growing)\s+back\b"
            # "the cancer rarely, if ever, returns", "you'll never need to go under the knife", "never needing medication
            # again", "we have never needed to convert a case to open surgery"
            r"|\brarely,?\s+if\s+ever,?\s+(?:returns?|comes?\s+back|recurs?|grows?\s+back)\b"
            r"|\bnever\s+(?:need|needs|needing|have|has)\s+to\s+(?:go\s+under\s+the\s+knife|have\s+(?:surgery|an\s+operation))\b"
            r"|\bnever\s+(?:need|needs|needing|needed)\s+(?:[\w-]+\s+){0,2}?(?:medication|medicines?|tablets|pills|glasses|surgery|treatment"
            r"|antibiotics|injections)\s+again\b"
            r"|\b(?:have|has)\s+never\s+(?:once\s+)?(?:needed|had)\s+to\s+(?:convert|transfuse|re-?operate|readmit)\b"
            r"|\b(?:has|have|had)\s+never\s+(?:once\s+)?needed\s+(?:to\s+be\s+(?:repeated|redone|replaced)|a\s+second|another|redoing)\b"
            r"|\bnever\s+need\s+(?:another|a\s+second|a\s+repeat|more|further)\s+(?:session|treatment|operation|procedure|injection"
            r"|round|course|appointment|surgery)s?\b"
            # "the new hair never falls out again", "once the pain has gone, it stays gone", "the ache has no reason to
            # return", "you won't be coming back for a revision"
            r"|\bnever\s+(?:ever\s+)?(?:falls?\s+out|drops?\s+out|sags?|slips?|flares?\s+up|bothers?\s+(?:you|them|him|her)|troubles?"
            r"\s+(?:you|them|him|her)|hurts?|aches?)\s+again\b"
            r"|\bstay(?:s|ed)?\s+(?:gone|fixed|sorted|cured)\b(?!\s+(?:to|in|on|at|against|inside|within)\b)|\bno\s+reason\s+(?:for\s+(?:it|them|the\s+[\w-]+)\s+)?to\s+(?:return|come\s+back|recur)\b"
            r"|\b(?:won[’']t|will\s+not|never)\s+(?:be\s+)?(?:coming|come|need\s+to\s+come)\s+back\s+for\s+(?:a|an|another|more|further)\b"
            # "results that hold for at least a decade", "relief that persists for years"
            r"|\b(?:hold|holds|held|persist|persists|persisted|endure|endures)\s+(?:up\s+)?(?:for\s+)?(?:at\s+least\s+|well\s+over\s+|over\s+"
            r"|more\s+than\s+)?(?:a\s+decade|decades|a\s+lifetime|(?:\d+|ten|fifteen|twenty)\s+years|years)\b"
            # "miscarriage becomes a thing of the past", "the days of the scalpel for kidney stones are over"
            r"|\b(?:becomes?|became|is|are|will\s+be)\s+(?:now\s+)?(?:(?:practically|virtually|simply|truly|largely|basically|essentially|pretty\s+much|all\s+but)\s+)?a\s+thing\s+of\s+the\s+past\b"
            r"|\bthe\s+days\s+of\s+(?:[\w'’-]+\s+){1,5}?(?:are|is)\s+(?:over|gone|numbered)\b"
            # "the frenulum never reattaches", "the hole never reopens", "you'll never have to think about it again",
            # "never needed pads again", "I binned my inhalers for good"
            r"|\bnever\s+(?:ever\s+)?re-?(?:attach|appear|open|grow|form|develop|lapse|join|block|narrow|tighten|stick)(?:e?s|ed)?\b"
            r"|\bnever\s+(?:have|has|need|needs)\s+to\s+(?:think|worry)\s+about\s+(?:it|them|this|that|[\w-]+)\s+again\b"
            r"|\bnever\s+(?:need|needs|needing|needed)\s+(?:[\w-]+\s+){1,2}?again\b"
            r"|\b(?:threw|thrown|throw|binned|ditched|chucked|tossed)\s+(?:[\w'’-]+\s+){0,5}?(?:for\s+good|forever|for\s+ever)\b"
            # "transplanted hair is immune to balding", "once they take root they're yours for life", "you'll never need a redo",
            # "once it's out, it stays out" (not "make sure your child stays out of swimming pools")
            r"|\b(?:genetically\s+)?immune\s+to\s+(?:balding|hair\s+loss|ageing|aging|decay|recurrence|relapse|wear)\b"
            r"|\b(?:yours|theirs)\s+(?:for\s+life|forever|for\s+good|to\s+keep)\b"
            r"|\bnever\s+need\s+(?:a|another)\s+(?:redo|re-do|touch-up|top-up|revision|repeat)\b"
            r"|\bit\s+stays\s+(?:out|away)\b(?!\s+(?:of|from)\b)"
            # "excision removes the disease for good" (not "part of the stomach is removed permanently": what the operation does)
            r"|\b(?:removes?|removed|erases?|erased|eradicates?|eradicated|destroys?|destroyed|kills?|killed)\b(?:\s+[\w'’-]+){0,5}?\s+"
            r"(?:for\s+good|forever|for\s+ever|once\s+and\s+for\s+all)\b"
            # "you'll never need another back operation", "three tiny nicks and you're sorted", "eggs stay perfectly viable"
            r"|\bnever\s+need\s+(?:another|a\s+second|a\s+repeat|more|further)\s+[\w-]+\s+(?:session|treatment|operation|procedure|injection"
            r"|surgery)s?\b"
            r"|\byou[’']re\s+(?:all\s+)?(?:sorted|fixed|cured)\b(?!\s+(?:with|for|by|out))"
            r"|\b(?:stay|stays|remain|remains)\s+(?:perfectly|fully|completely|100%)\s+(?:viable|healthy|intact|effective|clear|straight)\b"
            # "your teeth won't budge", "the lens never shifts back"
            r"|\b(?:won[’']t|will\s+not|will\s+never|never)\s+(?:budge|relapse|shift\s+back|move\s+back|drift\s+back|slip\s+back|creep\s+back)\b"
        ),
        # better than the alternative: "more effective than a CPAP mask", "it outperforms a second operation"
        # a result promised in a short time: "symptom relief in as little as 2 weeks"
        "speed": compile_builtin(
            # "members report sharper focus after a single session"
            # "patients are climbing stairs on the very next day"
            r"(?i)\b(?:walking|climbing|driving|working|running|back\s+at\s+work|back\s+to\s+work|eating|swimming|golfing)\s+(?:[\w-]+\s+){0,2}?on\s+the\s+very\s+(?:next|same)\s+day\b|"
            r"\b(?:report|reports|feel|feels|notice|notices|see|sees)\s+(?:a\s+|the\s+)?(?:[\w-]+ly\s+)?(?:[\w-]+er|more\s+[\w-]+|less\s+[\w-]+|(?:real\s+|big\s+|huge\s+)?"
            r"(?:difference|improvement|results?|relief|benefits?))(?:\s+[\w-]+)?\s+after\s+(?:just\s+|only\s+)?(?:a\s+single|one|the\s+(?:very\s+)?first)"
            r"(?:\s+(?:session|treatment|infusion|visit|injection|drip|adjustment|call|consultation|appointment|class|one))?\b(?!\s+(?:or|of|to|in)\b)|"
            # "Mothers recover from a caesarean in just three days"
            r"\b(?:recover|recovers|heal|heals|are\s+back|is\s+back|get\s+back)\s+(?:from\s+(?:an?\s+|the\s+|their\s+|your\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?"
            r"in\s+(?:just|only|as\s+little\s+as)\s+(?:\d+|one|two|three|four|five|six|seven|a)\s+(?:hours?|days?|weeks?)\b|"
            # "Most people need just three sessions"
            r"\b(?:most|many|the\s+majority)(?:\s+of\s+(?:our|my|the|these))?\s+(?:people|patients|clients|customers|women|men|couples)\s+"
            r"(?:(?:only|just)\s+need|need\s+(?:only|just))\s+"
            r"(?:a\s+single|one|two|three|four|five|six|\d+)\s+(?:sessions?|treatments?|visits?|injections?|appointments?|rounds?|cycles?)\b|"
            r"\b(?:relief|results?|improvements?|recovery|healing|difference)\s+(?:in|within)\s+(?:as\s+little\s+as|just|only)\s+"
            r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?:hours?|days?|weeks?|sessions?|treatments?|visits?)\b"
            # "solves colic, reflux and poor weight gain in one go"
            r"|\b(?:solves?|fix(?:es)?|cures?|clears?|sorts?|treats?|ends?)\s+(?:[\w'-]+,?\s+){1,6}?in\s+(?:one|a\s+single)\s+(?:go|hit|session|visit|sitting)\b"
            # "erases most tattoos in as few as three sessions"
            r"|\b(?:in|within|after)\s+as\s+few\s+as\s+(?:\d+|one|two|three|four|five|six)\s+(?:sessions?|treatments?|visits?|appointments?"
            r"|days?|weeks?|nights?)\b"
            # "the relief is instant", "her life changed overnight", "the squint is corrected in a single sitting", "acne gone
            # after one session", "one injection is all it takes", "a big difference after the very first session"
            r"|\b(?:results?|relief|improvement|difference)\s+(?:is|are|was|were)\s+(?:almost\s+|virtually\s+)?(?:instant|instantaneous|immediate)\b"
            r"|\b(?:changed|transformed|different|improved)\s+overnight\b"
            r"|\b(?:aligned|straightened|corrected|fixed|sorted|cured|healed|restored|gone|cleared)\s+(?:in|after|with)\s+(?:just\s+)?(?:a\s+single|one|1)\s+"
            r"(?:sitting|session|visit|treatment|injection|appointment)\b"
            r"|\bone\s+(?:session|treatment|visit|injection|course)\s+is\s+(?:all\s+it\s+takes|enough|all\s+(?:you|anyone)\s+need)\b"
            r"|\b(?:see|sees|notice|notices|feel|feels)\s+(?:a\s+)?(?:real|big|huge|dramatic|noticeable|massive|visible)\s+(?:change|difference|improvement)s?"
            r"\s+(?:after|from)\s+(?:their|your|the|my|his|her)\s+very\s+first\b"
            # "one injection and the clicking stops"
            r"|\bone\s+(?:injection|session|treatment|visit|jab|shot|op|operation)\s+and\s+(?:the\s+|your\s+)?[\w-]+\s+(?:stops|ends|goes"
            r"|is\s+gone|disappears|vanishes|clears)\b"
            # "was eating steak by the Friday"
            r"|\b(?:was|were|is|are)\s+(?:eating|walking|running|driving|working|playing|dancing|swimming|cycling|golfing|gardening|tucking\s+into)\s+"
            r"(?:[\w'’-]+\s+){0,2}?by\s+(?:the\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|next\s+day|lunchtime|teatime"
            r"|dinnertime|the\s+evening|the\s+afternoon)\b"
        ),
        "comparison": compile_builtin(
            # "even smokers see the same results as everyone else", "the kind of turnaround we see every week"
            r"(?i)\b(?:see|get|have|achieve|enjoy)\s+(?:exactly\s+)?the\s+same\s+(?:results?|outcomes?|benefits?)\s+as\s+(?:everyone|everybody|anyone|other\s+patients)\b"
            r"|\bthe\s+(?:kind|sort)\s+of\s+(?:turnaround|result|transformation|change|outcome|recovery)s?\s+(?:we|our\s+[\w-]+)\s+see\s+(?:every|each|all\s+the\s+time)\b|"
            # "a well-aligned spine strengthens your immune system", "women who travel conceive faster", "you're fixing the
            # cause, not masking it"
            r"\b(?:strengthens?|boosts?|supercharges?|turbocharges?)\s+(?:your\s+|the\s+|their\s+)?immune\s+system\b"
            r"|\b(?:conceive|conceives|get\s+pregnant|gets\s+pregnant|fall\s+pregnant)\s+(?:much\s+|far\s+)?(?:faster|quicker|sooner|more\s+quickly)\b"
            r"|\b(?:fix(?:es|ing)?|treat(?:s|ing)?|address(?:es|ing)?|tackl(?:es|ing)|target(?:s|ing)?)\s+the\s+(?:root\s+|real\s+|underlying\s+)?cause,?\s+"
            r"(?:not|rather\s+than|instead\s+of)\s+(?:just\s+|simply\s+)?(?:masking|hiding|covering\s+up|patching)\b|"
            # "lower than any NHS practice can offer", "earlier than a traditional practice ever could", "nearly every parent
            # reported calmer evenings"
            r"\b(?:lower|higher|better|faster|safer|earlier|quicker)\s+than\s+(?:any(?:thing|one)?|a\s+(?:traditional|typical|normal|standard|regular|conventional))\s+"
            r"(?!other\s+time\b)(?:[\w'’-]+\s+){0,3}?(?:can|could|will|would|you['’]ll|you\s+will|offers?|gets?|does)\b"
            r"|\b(?:nearly|almost|virtually)\s+(?:every|all)\s+(?:[\w-]+\s+)?(?:parents?|patients?|clients?|members?|customers?|people|women|men|couples?)\s+"
            r"(?:reported|report|reports|say|said|tell|told|felt|feel|noticed|notice)\b|"
            # "a program that lets patients skip knee replacement", "it just works"
            r"\b(?:lets?|letting)\s+(?:patients|people|you|women|men|most\s+(?:patients|people))\s+(?:skip|avoid|dodge|sidestep|bypass)\s+"
            r"(?:a\s+|the\s+|their\s+|your\s+)?(?:[\w-]+\s+){0,2}?(?:replacements?|surgery|operations?|transplants?|fusions?)\b"
            r"|\b(?:it|this|that|the\s+(?:treatment|procedure|device|implant|therapy))\s+(?:just|simply)\s+works\b"
            r"(?!\s+(?:by|like|when|if|as|on|with|in|for|to|differently)\b)"
            r"|\b(?:outperforms?|outperformed|outlasts?|outlasted)\s+(?:(?:a|an|the|any|all|every|other|traditional|conventional"
            r"|standard|open|older)\s+(?:[\w-]+\s+)?[\w-]+|[\w-]+(?:\s+(?!(?:by|in|at|for|on|with|and|or|to|than|over)\b)[\w-]+)?)\b"
            r"|\b(?:more\s+(?:effective|successful|reliable|durable|accurate|precise)|works?\s+(?:better|faster|quicker)|longer[-\s]lasting"
            r"|safer|gentler|stronger|less\s+(?:risky|painful|invasive))\s+than\s+"
            r"(?:(?:a|an|the|any|traditional|conventional|standard|open|older|other|manual|natural|radioactive)\s+[\w-]+"
            r"(?:\s+(?!(?:your|our|their|you|and|or|that|which|who|for|to|in|of|on|with|is|are)\b)[\w-]+)?"
            r"|tablets?|pills?|surgery|injections?|physio(?:therapy)?|cpap|glasses|braces?|splints?|diets?|medications?"
            r"|medicines?|drugs?|creams?|massage|synthetic\s+[\w-]+|[\w-]+\s+(?:surgery|hrt|therapy|treatment|operations?)"
            r"|[a-z]+(?:ectomy|otomy|ostomy|plasty|scopy|pexy|tripsy))\b"
            # "your knee will be stronger than it was before the injury"
            r"|\b(?:stronger|fitter|healthier|better)\s+than\s+(?:it|they|you|she|he)\s+(?:was|were|had\s+been)\s+(?:ever\s+)?before\b"
            # "our complication rate is lower than any other clinic", "just as effective as surgery", "works twice as well"
            r"|\b(?:rates?|risks?|results?|outcomes?)\s+(?:is|are)\s+(?:far\s+|much\s+)?(?:lower|higher|better|fewer)\s+than\s+"
            r"(?:any|all|every)\s+other\b"
            r"|\b(?:lower|higher|better|fewer)\s+(?:[\w-]+\s+){0,2}?(?:rates?|risks?|results|outcomes|complications|infections)\s+than\s+"
            r"(?:any|all|every)\s+other\b"
            r"|\b(?:performed|performs?|done|carried\s+out|treated|treats?)\s+more\s+[\w-]+(?:\s+[\w-]+)?\s+than\s+(?:any|all|every)\s+other\b"
            # an outcome for everyone: "sex life improves for nearly every woman", "clears within a month for everyone"
            r"|\b(?:improves?|works?|helps?|succeeds?)\s+(?:immediately\s+|dramatically\s+|significantly\s+|quickly\s+)?(?:for|in)\s+"
            r"(?:nearly\s+|almost\s+|virtually\s+)?(?:every|all)\s+"
            r"(?:woman|women|man|men|patients?|people|person|child|children)\b"
            r"|\b(?:within|in|by)\s+(?:a|\d+|one|two|three|four|six)\s+(?:days?|weeks?|months?)\s+for\s+(?:everyone|every\s+patient|all\s+patients)\b"
            r"|\b(?:just|every\s+bit|equally)\s+as\s+(?:effective|good|successful|safe|reliable)\s+as\s+(?:an?\s+|the\s+)?[a-z][\w-]+"
            r"|\bmore\s+(?:effective|successful|reliable|durable|accurate|precise|predictabl[ey])\s+than\s+"
            r"(?!(?:it|they|you|we|this|that|before|expected|ever|usual|others?|needed)\b)(?:an?\s+|the\s+)?[a-z][\w-]+"
            r"|\bworks?\s+(?:twice|three\s+times|\d+\s+times)\s+as\s+well\b"
            # "recover faster than those kept in hospital"
            r"|\b(?:recover|recovers|heal|heals|get\s+better)\s+(?:[\w-]+\s+){0,3}?(?:faster|quicker|sooner|better)\s+than\b"
            # ("much less urine than usual" is a sign to watch for, measured against the reader's own normal)
            r"|\b(?:far|much|significantly|dramatically)\s+(?:less|fewer)\s+(?:[\w-]+\s+){1,2}?than\b(?!\s+(?:usual|normal|before)\b)"
            r"|\bfar\s+better\s+(?:[\w-]+\s+)?than\b|\b(?:lasts?|works?)\s+(?:far|much)\s+longer\s+than\b"
            r"|\b(?:last|lasts)\s+(?:for\s+)?(?:well\s+)?(?:over|more\s+than|at\s+least)?\s*a\s+decade\b"
            # "far more effective than lithotripsy"
            r"|\b(?:far|much|significantly|dramatically)\s+more\s+(?:effective|successful|accurate|reliable|precise)(?:\s+[\w-]+)?\s+than\s+[a-z][\w-]+"
            # a treatment's effect stated as a fact: "PRP reverses arthritis", "regrows the cushioning in your knee",
            # "rewires the tinnitus signal", "eliminates the risk of miscarriage", "stops dementia in its tracks"
            r"|\b(?:reverses|reversing|regrows|regrowing|regenerates|regenerating|rebuilds|rebuilding|rewires|rewiring)\s+"
            r"(?:[\w'’-]+\s+){0,4}?(?:arthritis|cartilage|ageing|aging|damage|hair|nerves?|cells?|tissues?|bones?|joints?|signals?"
            r"|disease|diabetes|hearing|tinnitus|cushioning|collagen|loss|decline|clock|years|wear|brain|skin|teeth|gums?|discs?)\b"
            r"|\beliminates?\s+(?:the\s+|any\s+|all\s+)?(?:risk|need|chance|pain|symptoms?)\b"
            r"|\bstops?\s+(?:[\w-]+\s+){1,3}in\s+(?:its|their)\s+tracks\b"
            r"|\bflush(?:es|ing)?\s+out\s+(?:[\w-]+\s+)?toxins\b|\bdetox(?:ifies|es)\s+(?:your|the)\b"
            # a result for (nearly) everyone: "Day 10 for nearly everyone", "in virtually every case", "usually all
            # anyone needs", "what it does for everyone who walks through our door"
            # ("used in almost every grip": a thing, not people or cases)
            r"|\b(?:in|for)\s+(?:nearly|almost|virtually|practically)\s+(?:every(?:one|body)\b|(?:every|all)(?:\s+(?:patients?|cases?"
            r"|people|person|wom[ae]n|m[ae]n|child(?:ren)?|adults?|teenagers?|clients?|customers?|couples?|smokers?)\b"
            r"|\b(?!\s+(?!of\b)[a-z])))|\bin\s+every\s+(?:single\s+)?(?:patient|case|client|customer)\b"
            # "works every bit as well", "because it simply works better", "the acne treatment that actually works",
            # "Why laser beats Accutane"
            r"|\bworks?\s+every\s+bit\s+as\s+well\b|\b(?:simply|just|really|actually)\s+works?\s+better\b"
            # "our program actually works" (not "how the treatment actually works"), "achieves the same results without the knife",
            # "members live longer, healthier lives"
            r"|(?<!\bhow\s)(?<!\bwhat\s)(?<!\bwhether\s)(?<!\bhow\sit\s)\b(?:program|programme|treatment|therapy|method|approach|system"
            r"|procedure|it|this)\s+(?:actually|really|genuinely)\s+works\b"
            r"|\b(?:achieves?|gives?|delivers?|gets?)\s+the\s+same\s+results?\s+(?:as|without)\b"
            r"|\blive\s+longer,?\s+(?:and\s+)?(?:healthier|happier|fuller)\s+lives\b"
            r"|\bthat\s+(?:actually|really|finally)\s+works\b|\b(?:why|how)\s+[\w-]+(?:\s+[\w-]+)?\s+beats\s+[\w-]+"
            r"|\bfor\s+every(?:one|body)\s+who\s+(?:walks|comes|tries|visits|has|gets|books)\b"
            r"|\b(?:is|are)\s+(?:usually\s+|often\s+)?all\s+(?:almost\s+|nearly\s+)?(?:anyone|anybody|most\s+people|you)\s+(?:will\s+)?(?:ever\s+)?needs?\b"
            # one patient's words or story made the norm: "That is a typical comment from the women we treat",
            # "This happens all the time in our clinic", "stories like Daniel's are now routine"
            r"|\b(?:is|was|['’]s)\s+a\s+typical\s+(?:[\w'’-]+\s+){0,2}?(?:result|outcome|comment|story|experience|response|reaction"
            r"|recovery)\b|\b(?:this|it|that)\s+happens\s+all\s+the\s+time\b"
            r"|\b(?:stories|results|outcomes|recoveries)\s+like\s+(?:this|these|hers|his|theirs|[A-Z][\w'’]+)\s+(?:are|is)\s+"
            r"(?:now\s+)?(?:routine|commonplace|everyday|normal|typical)\b"
            # a lifetime promised as a fact: "the implant lasts a lifetime", "built to last for life"
            r"|\b(?:last|lasts|built\s+to\s+last|designed\s+to\s+last)\s+(?:for\s+)?(?:a\s+lifetime|life)\b"
            r"|\bbetter\s+(?:[\w-]+\s+){1,2}?than\s+(?:[\w-]+\s+){0,2}?(?:surgery|laser|correction|treatment|injections?|tablets?"
            r"|physiotherapy|physio|glasses|lenses|braces|operation)\b"
            r"|\b(?:fail|fails|don[’']t\s+work|do\s+not\s+work)\s+(?:in|for)\s+(?:most|the\s+majority\s+of|nine\s+in\s+ten)\s+"
            r"(?:cases|people|patients)\b"
            # how long an implant or a result lasts, stated as fact: "our implants last 25 years or more"
            r"|\b(?:last|lasts)\s+(?:for\s+)?(?:at\s+least\s+|up\s+to\s+|over\s+|more\s+than\s+|a\s+good\s+)?(?:\d+\+?|one|two|three|four"
            r"|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\s*\+?(?:\s*(?:-|–|to)\s*\d+)?\s+years?(?:\s+(?:minimum|or\s+more|plus|and\s+beyond))?(?![\w+])"
            r"|\b(?:results?|effects?|benefits?|relief)\s+(?:that\s+)?(?:last|lasts)\s+(?:for\s+)?(?:many\s+)?(?:years|decades)\b"
            # (not the noun: "a hospital stay and aftercare for one year"; not healing, which goes on for months: "the scar
            # keeps improving for a year or more")
            r"|\b(?<!scar\s)(?<!scars\s)(?<!swelling\s)(?<!numbness\s)(?<!bruising\s)(?<!wound\s)(?<!feeling\s)"
            r"(?:keeps?|kept|keeping|(?<!hospital\s)(?<!your\s)(?<!the\s)(?<!a\s)(?<!overnight\s)(?<!short\s)(?:stays?|stayed)"
            r"|lasts?|lasted|remains?|remained)\s+(?!and\b)(?:[\w-]+\s+){0,3}?for\s+(?:up\s+to\s+|at\s+least\s+"
            r"|over\s+|more\s+than\s+)?(?:(?:a|one|two|three|four|five|ten|twenty|\d+)\s+(?:years?|months?|decades?)|many\s+years|years|decades)\b"
            r"|\b(?:delays?|delayed|postpones?|postponed|puts?\s+off)\s+(?:[\w-]+\s+){0,3}?(?:by|for)\s+(?:up\s+to\s+|at\s+least\s+)?"
            r"(?:\d+|two|three|four|five|ten)\s+years\b"
            # better than the rest, or for good: "far superior to ablation", "heals the tear permanently",
            # "the problem is solved for good", "does not come back", "no more sore throats, ever"
            r"|\b(?:far|much|vastly|clearly|significantly)\s+superior\s+to\b"
            r"|\b(?:results?|effects?|benefits?|relief|repair|fusion|correction|cure)\s+(?:(?:we|you)\s+(?:do|get|achieve|see)\s+)?(?:is|are)\s+"
            r"(?:completely\s+|totally\s+)?permanent\b"
            # (not what stops for good by nature: an injury that "stops all brain function for good", "periods stop for
            # good" at the menopause)
            r"|\b(?:heals?|cures?|fixes|fix|solves?|eliminates?|(?<!periods\s)(?<!period\s)stops?(?!\s+(?:all\s+)?(?:brain\s+|heart\s+)?(?:function|functions"
            r"|working|breathing)\b)|resolves?)\s+(?:[\w-]+\s+){0,3}?(?:permanently|for\s+good"
            r"|forever|once\s+and\s+for\s+all)\b|\b(?:solved|cured|fixed|resolved)\s+(?:for\s+good|forever|permanently|once\s+and\s+for\s+all)\b"
            r"|\bno\s+more\s+[\w-]+(?:\s+[\w-]+)?,?\s+ever\b"
            r"|\b(?:does\s+not|doesn[’']t|will\s+not|won[’']t|never)\s+(?:ever\s+)?(?:come|comes)\s+back\b"
            # a risk that "almost never happens", "simply doesn't happen", "is virtually unheard of"
            r"|\b(?:almost|virtually|practically)\s+never\s+(?:happens?|occurs?|seen|needed|required|necessary)\b"
            r"|\b(?:simply|just)\s+(?:doesn[’']t|does\s+not)\s+happen\b|\b(?:virtually|practically)\s+unheard\s+of\b"
            r"|\b(?:faster|quicker|sooner)\s+than\s+(?:physio(?:therapy)?|surgery|injections?|tablets?|medication|rest|exercise"
            r"|[\w-]+\s+alone)\b"
            # "more weight loss than any other bariatric procedure", "resolves in nearly every patient"
            r"|\bmore\s+[\w-]+(?:\s+[\w-]+)?\s+than\s+any\s+other\b"
            r"|\b(?:in|for)\s+(?:nearly|almost|virtually|practically)\s+(?:every|all)\s+(?:patients?|cases?|people|person|women|men"
            r"|couples?|clients?|children)\b"
            # "far more natural results than", "every bit as healthy as", "always better than an implant"
            r"|\b(?:far|much|vastly)\s+more\s+(?:natural|comfortable|effective|successful|accurate|reliable)(?:[-\s]+(?:looking|results?))?\s+than\b"
            r"|\b(?:every\s+bit|just|equally)\s+as\s+(?:healthy|natural|strong|well|long)\s+as\b"
            r"|\balways\s+(?:better|safer|superior|preferable)\s+(?:than|to)\b"
            r"|\b(?:faster|quicker|better|less\s+painful)\s+(?:healing|recovery|results?)\s+than\b"
            r"|\b(?:do\s+not|don[’']t)\s+come\s+back\b|\b(?:never|won[’']t\s+ever)\s+wears?\s+off\b"
            r"|\b(?:a\s+)?permanent\s+(?:fix|cure|solution|repair)\b"
            r"|\bpermanently\s+(?:trains?|fixes|cures?|removes?|resolves?|corrects?|changes?|stops?)\b"
            r"|\b(?:last|lasts)\s+(?:you|for\s+you)\s+(?:a\s+lifetime|for\s+life)\b"
            # one patient as everyone: "Mark, 52, is a typical client", "stories like Priya's are an everyday occurrence"
            r"|\bis\s+a\s+typical\s+(?:[\w-]+\s+)?(?:client|patient|case|result)\b"
            r"|\b(?:story|stories|result|results|experience|recovery)\b[^.!?]{0,30}?\b(?:far\s+from\s+unusual|not\s+unusual"
            r"|an?\s+everyday\s+occurrence|the\s+norm)\b"
            r"|\bwhat\s+we\s+see\s+(?:all\s+the\s+time|every\s+day|every\s+week|again\s+and\s+again|time\s+and\s+again)\b"
            r"|\bwhat\s+happens\s+when\s+you\s+choose\b"
            # one patient's story as what every reader will get: "Sophie's recovery is a good example of what to expect"
            r"|\b(?:(?-i:[A-Z][a-z]+)[’']s|her|his|their)\s+(?:[\w-]+\s+){0,2}?(?:story|recovery|result|results|photos|experience"
            r"|journey|outcome)\b[^.!?]{0,40}?\b(?:what\s+(?:you\s+can|to)\s+expect|typical|one\s+we\s+hear|happens?\s+(?:here\s+)?every)\b"
            # (and the outcome it then spells out: "the one we hear every week: a small finding and a complete cure")
            r"(?:[^.!?:]{0,30}:\s*[^.!?]{3,90})?"
            # "average hospital stay of just 6 hours"
            r"|\b(?:average|typical|mean)\s+(?:hospital\s+|length\s+of\s+)?stay\s+(?:of|is|was)\s+(?:just|only|under|less\s+than)\s+"
            r"(?:\d+|one|two|three|four|five|six)\s+(?:hours?|days?|nights?)\b"
            # "far less likely to need a filling", "the drug actually protects your kidneys", "restores the skin to how it
            # was in your twenties", "your chances are still excellent", "we see it week in, week out", "what you can expect too"
            r"|\b(?:far|much|significantly|dramatically|considerably)\s+less\s+likely\s+to\s+(?:need|have|get|develop|suffer|require)\b"
            r"|(?<!\bhow\s)(?<!\bwhether\s)\b(?:actually|genuinely)\s+(?:protects?|prevents?|reverses?|lowers?|reduces?|improves?|boosts?"
            r"|heals?|repairs?|cures?|strengthens?|shrinks?)\b"
            r"|\brestores?\s+(?:[\w'’-]+\s+){0,4}?to\s+(?:how\s+(?:it|they)\s+(?:was|were|looked|felt)|(?:its|their|your)\s+(?:former|original|youthful"
            r"|pre-[\w-]+)\s+(?:state|shape|strength|condition|self|selves|look))\b"
            r"|\b(?:odds|chances?)\s+(?:of\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:are|is|remain|stay)\s+(?:still\s+)?(?:excellent|outstanding|superb|fantastic"
            r"|very\s+high|sky-high)\b"
            r"|\bwe\s+see\s+(?:it|this|that|them|results\s+like\s+(?:this|these|hers|his))\s+(?:all\s+the\s+time|every\s+(?:single\s+)?(?:day|week)"
            r"|week\s+in,?\s+week\s+out|day\s+in,?\s+day\s+out|time\s+and\s+again|again\s+and\s+again)\b"
            r"|\bwhat\s+we\s+see\s+(?:week\s+in,?\s+week\s+out|day\s+in,?\s+day\s+out|every\s+single\s+(?:day|week))\b"
            r"|\bwhat\s+you\s+(?:can|will|should)\s+expect\s+(?:too|as\s+well)\b"
            # "word scores triple within the first year", "it's all gone the minute you stop", "it WILL work", "problems caught five
            # years before their doctor would"
            r"|\b(?:doubles?|triples?|quadruples?)\s+(?:within|in|after)\b"
            r"|\b(?:all\s+)?gone\s+the\s+(?:minute|moment|second|day)\s+you\b"
            r"|\bit\s+will\s+work\b(?!\s+(?:best|better|only|if|when|for\s+some|in\s+some))"
            r"|\b(?:years?|months?)\s+(?:before|earlier\s+than)\s+(?:their|your|a|the)\s+(?:doctor|GP|dentist)\s+would\b"
            # "relief lasts a minimum of one full year", "at our clinic the numbers are even better"
            r"|\b(?:last|lasts)\s+(?:for\s+)?(?:(?:a\s+)?minimum(?:\s+of)?|upwards\s+of)\s+(?:one|two|three|\d+|a)\s+(?:full\s+)?(?:years?|months?)\b"
            # "cheek filler holds its lift for up to three years"
            r"|\bholds?\s+(?:its|their|the)\s+(?:lift|shape|volume|results?|effect|position)\s+for\s+(?:up\s+to\s+|at\s+least\s+|over\s+)?"
            r"(?:\d+|one|two|three|four|five|ten)\s+(?:years?|months?)\b"
            # "our stroke rate is less than half that of open surgery", "home in 2 days instead of 7"
            r"|\b(?:less|lower|fewer)\s+than\s+(?:half|a\s+third|a\s+quarter|one[-\s]third)\s+(?:that|those|the\s+rate)\s+of\b"
            r"|\b(?:in|within|after)\s+(?:\d+|one|two|three)\s+(?:days?|weeks?|hours?)\s+instead\s+of\s+(?:\d+|one|two|three|four|five|six|seven|ten"
            r"|fourteen)\b"
            r"|\b(?:our|the)\s+(?:numbers|results|figures|outcomes|rates|success\s+rates)\s+(?:are|is)\s+(?:even|far|much|significantly)\s+(?:better|higher|stronger)\b"
            # "That's what a robotic knee does for you", "she has never met a case she couldn't cure", "just as precisely as braces"
            r"|\bthat[’']s\s+what\s+(?:an?\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:does|can\s+do|will\s+do)\s+for\s+you\b"
            r"|\bnever\s+(?:met|seen|had|treated)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:case|patient|problem|knee|tooth|smile|skin|back)\s+"
            r"(?:she|he|they|we|I)\s+(?:couldn[’']t|could\s+not|can[’']t|cannot)\s+(?:cure|fix|help|treat|solve|clear)\b"
            r"|\b(?:just|every\s+bit|equally)\s+as\s+(?:precisely|accurately|effectively|reliably|quickly|fast|safely|stable|durable|predictably)\s+as\b"
        ),
        # a perfect record as a figure: "robotic knees with zero infections"
        "zero": compile_builtin(
            r"(?i)\bzero\s+(?:[\w-]+\s+)?(?:infections?|complications?|revisions?|failures?|deaths?|readmissions?|dislocations?"
            r"|recurrences?|returns\s+to\s+theatre)\b"
            # "not a single patient has needed a revision", "not even one child has had a serious complication"
            r"|\bnot\s+(?:even\s+)?(?:one|a\s+single)(?:\s+one)?(?:\s+of\s+(?:our|my|the|these|those)\s+)?\s*(?:[\w-]+\s+)?(?:child|children"
            r"|patients?|person|people|woman|women|man|men|clients?|baby|babies|case|cases|eyes?|knees?|hips?)\s+"
            r"(?:has|have|had)\s+(?:ever\s+)?(?:had|suffered|needed|developed|experienced|got|returned|lost|died|complained|reported|noticed)\b"
            # "travellers who come to us simply do not fall sick abroad"
            r"|\b(?:simply|just)\s+(?:do|does|did)\s*(?:not|n[’']t)\s+(?:fall\s+sick|get\s+(?:sick|ill|infected)|catch\s+it|develop\s+it)\b"
            # "the risk of a second cancer practically disappears"
            r"|\b(?:risk|chance)\s+(?:of\s+(?:[\w-]+\s+){1,6}?)?(?:practically|virtually|all\s+but|almost|simply)\s+(?:disappears|vanishes|goes\s+away)\b"
            # "your fertility is fully preserved", "our epidurals never slow labour down"
            r"|\b(?:fertility|function|sensation|erections?|continence|sex\s+life|nerves?|voice|vision)\s+(?:is|are|will\s+be|remains?|stays?)\s+"
            r"(?:fully|completely|100%|totally|always)\s+(?:preserved|intact|protected|unaffected|untouched)\b"
            # (not hedged: "a slow-growing cancer, even if it might never harm me")
            r"|(?<!\bmight\s)(?<!\bmay\s)(?<!\bcould\s)(?<!\bwould\s)(?<!\bcan\s)\bnever\s+(?:slow|slows|harm|harms|damage|damages|hurt"
            r"|hurts|affect|affects|weaken|weakens)\s+(?:the\s+|your\s+)?[\w-]+"
            # "our patients simply don't develop the cloudy film", "it never causes dry eye"
            r"|\bour\s+patients\s+(?:simply\s+|just\s+)?(?:don[’']t|do\s+not|never)\s+(?:develop|get|suffer|experience|have)\s+(?!to\b)"
            r"|\bnever\s+(?:causes?|leads?\s+to|results?\s+in)\s+(?:the\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:dry\s+eye|pain|scarring|scars?"
            r"|complications?|problems?|side\s+effects?|infections?|damage)\b"
            # "Ovarian hyperstimulation has never happened at our clinic"
            r"|\b(?:has|have)\s+never\s+(?:once\s+)?(?:happened|occurred)\s+(?:at|in|to)\s+(?:our|any\s+of\s+our|one\s+of\s+our)\b"
            # "they carry none of the breast cancer risk of conventional HRT"
            r"|\b(?:carry|carries|has|have|with|brings?)\s+none\s+of\s+the\s+(?:[\w-]+\s+){0,3}?(?:risks?|side[-\s]effects?|complications?|downsides?|dangers?)\b"
            # "implant illness is a myth": a known risk waved away
            r"|\b(?:illness|syndrome|scarring|side[-\s]effects?|risks?|complications?|rejection|relapse|regrowth|recurrence)\s+(?:is|are)\s+"
            r"(?:(?:just|simply|pure|only)\s+)?(?:a\s+)?(?:myth|fiction|fairy[-\s]tale|non-issue)\b"
            # "opioid use among our patients drops to zero"
            r"|\b(?:drops?|dropped|falls?|fell|goes|went|comes?|came)\s+(?:right\s+)?(?:down\s+)?to\s+(?:zero|nil|nothing)\b"
        ),
        "count": compile_builtin(
            rf"(?i)(?<![\w.,/])(?:{QUALIFIER}\s+)?(?:\d+(?:\.\d+)?\s+(?:million|billion)|(?:one|two|three|four|five|six|seven|eight|nine|ten|a)\s+million"
            rf"|\d{{1,3}}(?:,\d{{3}}){{2,}})\s+(?:(?:[\w-]+\s+){{0,2}}?)(?:{people})\b"
            # satisfaction as a head count: "over 2,500 happy patients", "4,000 delighted families"
            r"|(?<![\w.,/])\d{1,3}(?:,\d{3})*\+?\s+(?:delighted|happy|satisfied|thrilled|grateful|smiling)\s+(?:[\w-]+\s+)?(?:patients|clients|women|men"
            r"|customers|families|parents|mums|smiles|people|couples)\b"
        ),
        "proportion": compile_builtin(
            rf"(?i)(?<![\w-])(?:{QUALIFIER}\s+)?(?:half|one[-\s]half|a\s+third|one[-\s]third|two[-\s]thirds|a\s+quarter"
            r"|one[-\s]quarter|three[-\s]quarters|a\s+fifth|one[-\s]fifth|the\s+(?:vast|overwhelming|great)\s+majority)"
            rf"\s+of\s+(?:all\s+|the\s+|our\s+|these\s+|those\s+|their\s+)?(?:[\w-]+\s+){{0,2}}?{pop}\b"
            # "more than half become completely symptom-free"
            r"|\b(?:more\s+than|over|nearly|almost|well\s+over)\s+half\s+(?:become|are|get|go|feel|stop|report|say|see|walk|leave|need)\b"
        ),
    }
    research = {
        # "studies show", "research has proven", "the evidence suggests"
        # "independent audits show", "our results prove": results, outcomes and figures count only with a
        # qualifier ("your results show" is a test result)
        "generic": compile_builtin(
            rf"(?i)\b(?:(?:(?:{qualifiers})\s+){{0,2}}(?:{subjects})|(?:(?:{qualifiers})\s+){{1,2}}(?:{qualified}))\s+"
            # "data from thousands of procedures confirm", "research published last year found"
            # "research out of Europe shows", "study after study has shown"
            r"(?:(?:from|of|on|across|involving|published|carried\s+out|conducted|presented|done|out\s+of|after)(?:\s+[\w,-]+){1,5}?\s+)?"
            r"(?:has\s+|have\s+|had\s+)?"
            r"(?:consistently\s+|clearly\s+|repeatedly\s+|now\s+|also\s+|already\s+|even\s+)?"
            r"(?:shows?|shown|showed|proves?|proven|proved|suggests?|suggested|found|finds?|demonstrates?|demonstrated"
            r"|confirms?|confirmed|indicates?|indicated|supports?|supported|reveals?|revealed|backs?|backed"
            r"|validates?|validated|verif(?:y|ies|ied)|establishe[sd]|tells?\s+us|told\s+us|teach(?:es)?\s+us)\b"
        ),
        "proven": compile_builtin(
            r"(?i)\b(?:clinically|scientifically|medically|independently)\s+(?:proven|tested|validated|shown|documented)\b"
            # "follow-up MRI scans prove it", "the X-rays prove it"
            r"|\b(?:scans|x-rays|images|photos|results|numbers)\s+(?:prove|proves|proved)\s+(?:it|this|that)\b"
            # (not a diagnosis confirmed by tests: "a lump that is proven to be cancer")
            r"|\bproven\s+to\s+(?!date\b|be\s+(?:an?\s+)?(?:cancer|cancerous|benign|malignant|infected|an\s+infection|pre-?cancerous"
            r"|(?:a\s+)?tumou?r)\b)[a-z]+\b"
            r"|\b(?:shown|demonstrated)\s+to\s+(?:outperform|beat|surpass|exceed|rival|outlast|be\s+(?:superior|better|safer|more\s+effective))\b"
            r"|\b(?:a|an|the|our|its)\s+(?:[\w-]+\s+)?proven\s+(?:treatment|method|technique|way|solution|approach|therapy"
            r"|procedure|track\s+record|results?|success|benefits?|cure)\b"
            r"|\bit\s+(?:has\s+been|is|was|have\s+been)\s+(?:clinically\s+|scientifically\s+)?(?:shown|proven|proved|demonstrated|established)\b"
            r"|\bthere\s+is\s+(?:now\s+)?(?:good|strong|growing|clear|solid|convincing|overwhelming|plenty\s+of|lots\s+of|scientific|clinical)\s+evidence\b"
            # "backed by science", "supported by decades of research"
            r"|\b(?:backed|supported|proven|confirmed|validated)\s+by\s+(?:the\s+)?(?:science|research|studies|evidence|data"
            r"|clinical\s+(?:trials|data|studies|evidence)|decades\s+of\s+(?:research|studies|evidence))\b"
            # "it is well documented", "the science is clear"
            r"|\bit\s+is\s+(?:well|widely)\s+(?:documented|established|known|recognised|recognized|proven)\b"
            r"|\bproven\s+in\s+(?:clinical\s+)?(?:studies|trials|research)\b"
            # "it's been proven over 30 years", "proven for decades"
            r"|\b(?:been|is|was|are|were)\s+(?:clinically\s+|safely\s+)?proven\s+(?:over|for|across|through)\s+(?:the\s+(?:last|past)\s+)?"
            r"(?:\d+|[a-z]+|many|several|two|three)\s+(?:years|decades)\b"
            r"|\b(?:research|studies|trials|data)\s+(?:from|in)\s+(?-i:[A-Z][\w-]+)(?:\s+(?-i:[A-Z][\w-]+))?\s+(?:shows?|proves?|confirms?|found|finds|suggests?)\b"
            r"|\b(?:the\s+)?(?:[\w-]+\s+)?(?:community|profession)\s+(?:now\s+)?(?:agrees|accepts|recognises|recognizes|recommends)\b"
            r"|\bthe\s+(?:[\w-]+\s+)?(?:science|evidence|research|data|literature)\s+(?:is|are)\s+(?:now\s+|really\s+|very\s+|absolutely\s+)?(?:clear|conclusive|unequivocal"
            r"|overwhelming|settled|undeniable|indisputable)\b"
        ),
        # "according to experts", "doctors agree"
        "experts": compile_builtin(
            r"(?i)\baccording\s+to\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:experts|specialists|doctors|surgeons|scientists"
            r"|researchers|dentists|professionals|clinicians|physicians|studies|research|data|statistics|figures|surveys"
            r"|polls|reports|reviews|estimates|patients|users|customers)\b"
            rf"|(?:{unnamed})\b)"
            r"|\b" + "".join(rf"(?<!\b{w}\s)" for w in ("your", "the", "their", "his", "her", "my", "a", "an")) +
            r"(?:(?:most|many|leading|top|all|our)\s+)?"
            r"(?:experts|doctors|scientists|surgeons|specialists|researchers|physicians|dentists|clinicians"
            r"|[a-z]+(?:(?<=ologists)|(?<=icians)|(?<=iatrists)|(?<=dontists)|(?<=therapists)|(?<=scientists)))\s+"
            r"(?:(?:all|now|generally|widely|largely|increasingly|also|overwhelmingly|unanimously)\s+)?(?:(?:have|has)\s+)?"
            # (not how they picture a part: "Surgeons think of the liver as eight segments", "doctors think about your age")
            # (not a permission whose timing doctors differ on: "Ask your doctor about swimming. Many doctors say it is fine
            # after two weeks")
            r"(?:agree|believe|confirm|say(?!\s+(?:that\s+)?it(?:\s+is|[’']s)\s+(?:usually\s+)?(?:fine|ok|okay|all\s+right)\b)"
            r"|consider|think(?!\s+(?:of|about)\b)|know|accept|confirmed|agreed|verified|endorsed"
            r"|approved|reckon|insist)\b"
            r"|\b(?:independent|external)\s+experts?\s+(?:have\s+|has\s+)?(?:confirmed|verified|agreed|endorsed|approved|found|shown|proven)\b"
            # "doctors have proven that", "surgeons have shown": a profession, not a study, as the proof
            r"|\b(?:(?:most|many|leading|top|all|our)\s+)?(?:experts|doctors|scientists|surgeons|specialists|researchers"
            r"|physicians|dentists|clinicians)\s+(?:have|has)\s+(?:now\s+|long\s+|already\s+)?(?:proven|proved|shown"
            r"|demonstrated|established)\b"
            # "ophthalmologists are unanimous that", "surgeons are united in recommending"
            r"|\b(?:experts|doctors|scientists|surgeons|specialists|researchers|physicians|dentists|clinicians"
            r"|[a-z]+(?:(?<=ologists)|(?<=icians)|(?<=iatrists)|(?<=dontists)|(?<=therapists)))\s+(?:are|were|have\s+been)\s+"
            r"(?:unanimous|united|in\s+(?:complete\s+|full\s+)?agreement)\b"
            # "the dermatologists we work with all agree", "surgeons I trust say"
            r"|\b(?:experts|doctors|scientists|surgeons|specialists|researchers|physicians|dentists|clinicians"
            r"|[a-z]+(?:(?<=ologists)|(?<=icians)|(?<=iatrists)|(?<=dontists)|(?<=therapists)))\s+(?:we|I)\s+(?:work\s+with|know|trust"
            r"|partner\s+with|refer\s+to|speak\s+to|talk\s+to)\s+(?:all\s+|now\s+)?(?:agree|say|recommend|believe)\b"
            # a recommendation made general by its adverb: "urologists now recommend PAE", "gynaecologists
            # overwhelmingly recommend it" ("surgeons recommend that you rest" is advice, not a claim)
            r"|\b(?:(?:most|many|leading|top|all|our)\s+)?(?:experts|doctors|scientists|surgeons|specialists|physicians|dentists"
            r"|clinicians|[a-z]+(?:(?<=ologists)|(?<=icians)|(?<=iatrists)|(?<=dontists)))\s+(?:(?:now|overwhelmingly|unanimously|widely|increasingly"
            r"|universally|all)\s+){1,2}(?:recommend|endorse|prefer|favour|favor|choose|back|support|use)\b"
            # "urologists across Europe now regard Rezum as the first choice"
            r"|\b(?:experts|doctors|surgeons|specialists|physicians|dentists|clinicians|[a-z]+(?:(?<=ologists)|(?<=icians)|(?<=iatrists)))"
            r"\s+(?:across|around|throughout|all\s+over)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:now\s+)?(?:(?:have|has)\s+)?(?:regard|consider|see|rate"
            r"|recommend|prefer|choose|agree|call|use|used|trusted|relied\s+on)\b"
            # "urologists and radiologists alike consider it"
            r"|\b[a-z]+(?:(?<=ologists)|(?<=icians)|(?<=ists)|(?<=surgeons)|(?<=doctors))\s+and\s+[a-z]+(?:(?<=ologists)|(?<=icians)|(?<=ists)|(?<=surgeons)|(?<=doctors))\s+alike\s+"
            r"(?:agree|consider|recommend|believe|say|prefer)\b"
            # "experts worldwide recommend", "leading surgeons endorse"
            r"|\b(?:(?:leading|top)\s+(?:[\w-]+\s+)?(?:experts|doctors|surgeons|specialists|dentists|scientists|professors)"
            r"(?:\s+(?:worldwide|everywhere|around\s+the\s+world))?"
            r"|(?:experts|doctors|surgeons|[a-z]+(?:(?<=ologists)|(?<=icians)|(?<=ists)))\s+(?:worldwide|everywhere|around\s+the\s+world"
            r"|across\s+the\s+(?:world|country|uk|us)))\s+(?:all\s+|now\s+)?(?:recommend|endorse|prefer|choose|trust|approve|use"
            r"|agree|believe|confirm|accept)\b"
            r"|\bexperts\s+(?:now\s+)?(?:recommend|endorse)\b"
            # a profession recommending the product: "doctors recommend these injections", "dentists recommend it"
            r"|\b" + "".join(rf"(?<!\b{w}\s)" for w in ("your", "the", "their", "his", "her", "my", "a", "an")) +
            # (not what a medicine is prescribed for: "Doctors prescribe them for:" over a list of uses)
            rf"{professions}\s+(?:now\s+)?(?:recommend|endorse|prescribe|swear\s+by)\s+(?:these|this|our|it|them)\b"
            r"(?!\s+(?:for|to\s+(?:treat|ease|help|prevent|control|manage))\b)"
            rf"|\b{professions}\s+(?:now\s+)?(?:recommend|prefer|choose|favour|favor)\s+(?:[\w-]+\s+){{1,3}}?over\s+(?:any|all|other|[\w-]+)\b"
            # a profession everywhere: "GPs up and down the country agree", "surgeons nationwide have adopted it"
            rf"|\b{professions}\s+{places}\s+(?:(?:have|are|all|now|also)\s+){{0,2}}[a-z]+\b"
            # a profession changing over: "foot surgeons are switching to it", "dermatologists pick it first"
            rf"|\b{professions}\s+(?:(?:are|have|now|all|increasingly)\s+){{0,2}}(?:switching|switched|moving|turning|flocking"
            r"|converting)\s+to\b"
            rf"|\b{professions}\s+(?:now\s+)?(?:pick|choose|prefer|use|reach\s+for|turn\s+to)\s+(?:first|most\s+often|over\s+(?:any|every|all))\b"
            rf"|\b(?:leading|top)\s+{professions}\s+(?:(?:now|all|also)\s+)?(?:choose|pick|use|prefer|have|had|trust|recommend)\b"
            r"|\bfor\s+their\s+own\s+(?:eyes|families|children|teeth|knees|hips|backs|bodies|skin|wives|husbands|partners)\b"
            # a profession's view made general: "specialists increasingly see it as the first choice",
            # "hand surgeons widely regard endoscopic release as superior"
            rf"|\b{professions}\s+(?:(?:now|increasingly|widely|generally|universally|overwhelmingly)\s+){{1,2}}"
            r"(?:see|regard|consider|view|rate|accept)\b"
            r"|\b(?:widely|generally|universally|increasingly)\s+(?:regard(?:ed)?|seen|considered|viewed|accepted|recognised"
            r"|recognized)\s+(?:[\w-]+\s+){0,3}?as\s+(?:the\s+)?(?:superior|better|best|first\s+choice|gold\s+standard"
            r"|treatment\s+of\s+choice|preferred|safest|most\s+effective)\b"
            # "endorsed by leading experts", "backed by sleep scientists", "recommended by urology experts"
            r"|\b(?:recommended|endorsed|backed|approved|preferred|trusted|supported|praised|chosen)\s+by\s+"
            r"(?!(?:your|the|a|an|our|their|his|her|my)\b)(?:(?:leading|top|many|most|all|expert)\s+)?(?:[\w-]+\s+)?"
            rf"{professions}\b"
            # agreement of a whole field: "there is broad scientific consensus", "the medical community agrees"
            r"|\b(?:broad|wide|widespread|general|strong|overwhelming|clear|growing|universal)\s+(?:scientific\s+|medical\s+"
            r"|clinical\s+|expert\s+|professional\s+)?(?:consensus|agreement)\b"
            r"|\bthe\s+(?:medical|scientific|surgical|dental|clinical)\s+(?:community|world|profession|establishment)\s+"
            r"(?:(?:now|all|has|have|largely|widely)\s+)?(?:agrees?|accepts?|recognises?|recognizes?|recommends?|endorses?|agreed|accepted|backs?)\b"
            # "it is widely accepted that", "it is now generally agreed that"
            r"|\bit\s+(?:is|has\s+(?:long\s+)?been)\s+(?:now\s+)?(?:widely|generally|universally|commonly)\s+(?:accepted|agreed"
            r"|recognised|recognized|acknowledged)\s+that\b"
        ),
        # "A large study followed people for 20 years", "One trial compared..."
        "narrative": compile_builtin(
            rf"(?i)\b(?:a|an|one|two|three|four|several|many|numerous|the\s+largest|the\s+biggest|a\s+number\s+of)\s+"
            rf"(?P<adj>(?:[\w',-]+\s+){{0,5}}?)(?:{study})\b(?P<rest>[^.;:!?]{{0,90}}?)\b(?:{verbs})\b"
            rf"|(?-i:\bIn)\s+(?:a|an|one|two|several)\s+(?P<adj2>(?:[\w',-]+\s+){{0,5}}?)(?i:{study})\b"
        ),
    }
    diagnostic = _alternation(words("diagnostic_studies"))
    measured = _alternation(words("measured_things"))
    instructions = _alternation(words("instruction_cues"))

    # the nouns a body's document is called by, before its topic: "the NICE summary on head lice"
    document_nouns = ("website", "site", "leaflet", "leaflets", "guidance", "guideline", "guidelines", "summary",
                      "summaries", "page", "pages", "factsheet", "booklet", "information", "advice", "report", "review",
                      "statement", "article")
    after_document = "|".join(rf"(?<=\b{noun})" for noun in document_nouns)
    # its topic, in lower case (a capitalised one is a name the words above take): "on head lice", "for type 2 diabetes"
    topic = r"\s+(?:on|about|for|of)\s+(?-i:[a-z][\w'’-]*(?:\s+[a-z\d][\w'’-]*){0,3}?)"
    source = compile_builtin(
        # a parenthetical citation: (Smith et al., 2019), (NICE, 2020), (Royal College of Surgeons, 2005),
        # (Harris and colleagues, Arthroscopy journal, 2013), (Eastfield Community Podiatry annual report, 2023)
        # (with one level of brackets inside: "(European Society of Cataract and Refractive Surgeons (ESCRS), 2007)")
        rf"\((?=(?:[^()]|\([^()]{{0,40}}\)){{0,300}}\))(?:[^()]|\([^()]{{0,40}}\))*?(?:\b{named}\b|\b{journals}\b|(?!{MONTHS}\b){_CAPWORD}(?:\s+(?:et\s+al\.?|and\s+(?:colleagues|co-?workers|others|{_CAPWORD})|&\s+{_CAPWORD}))?(?:\s+(?:journal|(?:annual\s+|quality\s+|outcomes?\s+)?(?:report|audit|survey|review|data|figures|statistics|guidelines?|guidance)))?,?\s+(?:(?:updated|published|revised|last\s+updated)\s+)?(?:19|20)\d{{2}}[a-z]?\b"
        r"|\bet\s+al\b|(?i:\bdoi\b|\bpmid\b)"
        # a body named in full, with no year: "(Cleft Lip and Palate Association, CLAPA)", "(British Heart Foundation)"
        rf"|{cited_body})(?:[^()]|\([^()]{{0,40}}\))*\)"
        # a named audit or report and its years, as a table's caption gives them: "Problems after appendicectomy,
        # Children's Surgical Unit audit, 2020 to 2023"
        rf"|(?:^|(?<=,\s)|(?<=:\s))(?:{_CAPWORD}\s+){{1,5}}(?i:(?:annual\s+|quality\s+|outcomes?\s+|clinical\s+)?(?:audit|report"
        # (and what it counted: "St Cuthbert's audit of 146 people, 2017 to 2023")
        r"|registry|register|survey|review))(?:\s+of\s+[\d,]+\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s*,\s+(?:19|20)\d{2}"
        r"(?:\s*(?:to|-|–|and)\s*(?:19|20)\d{2})?\b"
        # a body named before, called back by its kind: "The college's guidance says this affects up to 1 in 5"
        r"|(?i:\bthe\s+(?:college|society|association|academy|institute|agency|registry|charity|foundation)['’]s\s+"
        r"(?:guidance|guidelines|advice|figures|data|report|leaflet|website|audit)\s+(?:says|shows|suggests|states"
        r"|reports|estimates|puts))"
        # an author with a year in brackets: Frobell and colleagues (2010)
        rf"|{_CAPWORD}(?:\s+(?:et\s+al\.?|and\s+colleagues|and\s+{_CAPWORD}))?\s+\((?:19|20)\d{{2}}[a-z]?\)"
        # the authors of a study in brackets, the year in the same sentence outside them: "A Dutch trial published in 2012
        # (van Rijssen and colleagues) compared", "A 2019 trial (Jensen and others)", "A trial (Jensen and others)
        # reported in 2019" (with no year, "(Bisset and colleagues)" names no study a reader can find; with no study,
        # "our team (Patel and colleagues) has done 500 repairs since 2010" names who operates)
        rf"|\b(?:19|20)\d{{2}}\b[^.;:!?()]{{0,80}}?(?i:\b{study}\b)[^.;:!?()]{{0,80}}?{authors}"
        rf"|(?i:\b{study}\b)[^.;:!?()]{{0,80}}?(?:\b(?:19|20)\d{{2}}\b[^.;:!?()]{{0,40}}?{authors}"
        rf"|{authors}[^.;:!?()]{{0,80}}?\b(?:19|20)\d{{2}}\b)"
        # an author and colleagues reporting: "Guillaumier and colleagues found", "Smith et al. reported"
        rf"|{surname}\s+(?:et\s+al\.?|and\s+(?:colleagues|co-?workers|(?-i:{_CAPWORD})))"
        # ("Goyal and colleagues pooled five trials", "... looked at 1,287 people")
        r"\s+(?i:(?:have\s+|has\s+)?(?:found|find|reported|report|showed|show|shown|published|ran|compared|studied|followed|concluded"
        r"|pooled|combined|reviewed|analysed|analyzed|looked\s+at))\b"
        # who ran a study, named after it: "a trial led by van Rijssen", "A British study, led by Dias, which followed";
        # or an author with the year, past words that describe the study: "a review of published results by Docimo in
        # 1995" (a bare "by" past them, with no year, may name who did the operations: "an audit of operations done by
        # Mr Patel")
        rf"|(?i:\b{study}\b)[^.;:!?]{{0,60}}?\b(?:(?i:{leads})\s+by\s+"
        rf"(?:(?:Professor|Prof\.?|Dr\.?)\s+)?{not_a_name}{surname}"
        rf"|by\s+(?!(?:Mr|Mrs|Ms|Miss|Dr)\b){not_a_name}{surname}(?:\s+(?:et\s+al\.?|and\s+(?:colleagues|co-?workers)))?,?\s+"
        r"(?i:(?:published\s+)?in\s+)?(?:19|20)\d{2}\b)"
        # an attribution to a named body
        r"|(?i:\b(?:according\s+to|reported\s+by|published\s+(?:by|in)|data\s+(?:from|published\s+by|collected\s+by)"
        r"|figures\s+(?:from|published\s+by)|statistics\s+(?:from|published\s+by)|research\s+(?:by|from)|guidance\s+(?:from|by)"
        r"|guidelines?\s+(?:from|by)|(?:study|report|review|trial|audit|survey|analysis)\s+(?:by|from|of|published\s+in)"
        # "a 2020 guideline on safe gallbladder surgery, written by SAGES and other surgical societies"
        r"|(?:guidelines?|guidance|report|review|statement|consensus),?\s+(?:[\w-]+,?\s+){0,5}?(?:written|published|produced"
        r"|issued|developed|agreed)\s+(?:jointly\s+)?by"
        r"|sources?:|source\s+for\s+this|(?:are|is|were|was)\s+(?:taken\s+)?from|comes?\s+from|taken\s+from"
        r"|(?:evidence|data|figures|research|studies)\s+(?:reviewed|compiled|collected|gathered|summari[sz]ed|pooled)\s+by"
        r"|(?:results?|findings?|it|they|this|the\s+(?:study|trial|review))\s+(?:appeared|were\s+published|was\s+published)\s+in"
        r"|submits\s+(?:its\s+|their\s+)?(?:results|data|figures)\s+to))\s+"
        rf"{named_after}"
        # what a named body did with the research: "In the clinical trials summarized by the CDC, two doses were ...",
        # "studies reviewed by NICE", "data analysed by the World Health Organization" (a body, not any capitalised name:
        # "results reviewed by Mr Patel" are the surgeon's own)
        rf"|(?i:\b(?:summari[sz]ed|reviewed|analy[sz]ed|collected|compiled|gathered|pooled|cited|quoted|listed|assessed"
        rf"|evaluated|appraised)\s+by\s+)(?:the\s+)?(?:{body_phrase})"
        # figures based on what a named body publishes: "The figures below are based on the British Association of
        # Spine Surgeons' patient information", "based on information from the Royal College of Surgeons" (a body,
        # not any capitalised name: "based on Dr Patel's experience" is no source)
        rf"|(?i:\bbased\s+on\s+{document_of}?)(?:the\s+)?(?:{body_phrase})"
        # the rules a named body sets, as the frame of what they say: "Under the NICE criteria, a score of 50% or less counts
        # as too little benefit", "..., under NHS rules" (not "classified according to current WHO criteria", a method)
        rf"|(?i:\b(?:under|in|by|using)\s+(?:the\s+)?)(?:{body_phrase})(?:[’']s)?(?:\s+(?:technology|joint|current|latest|updated))?"
        r"\s+(?i:criteria|rules|appraisals?|definitions?)\b"
        # a way of working a named body set out: "the approach described by the Royal College of Pathologists of
        # Australasia" (a body, not a person: "a method ... described by Dr Kulkarni as far superior" cites nothing)
        rf"|(?i:\b(?:approach|method|criteria|definition|classification|standards?)\s+(?:[\w-]+,?\s+){{0,3}}?(?:described"
        rf"|defined|set\s+out|published|developed|agreed)\s+by\s+)(?:the\s+)?(?:{body_phrase})"
        # a named body as the subject: "The NHS puts this at...", "NICE recommends..."
        # (with the document named after it: "The NHS website describes", "NICE Clinical Knowledge Summaries
        # (Plantar fasciitis) describe")
        rf"|(?:\b[Tt]he\s+)?(?:{body_phrase}"
        # a named hospital reporting its results: "Moorfields Eye Hospital reports that ..."
        rf"|{named_hospital}"
        # a named document with its kind in lower case: "the HerniaSurge guidelines", "the CABANA trial"
        # (a name with inner small words: "The American Migraine Prevalence and Prevention study", "the Global Burden of
        # Disease study")
        # ("The HERMES analysis", "The American Migraine Prevalence and Prevention (AMPP) study"; a guideline two bodies wrote
        # together: "The AUA/ASRM guideline", "The AUA / ASRM guideline")
        rf"|(?<=\b[Tt]he\s)(?:{_CAPWORD}(?:\s*/\s*(?!(?:Our|Your|Their|My|This|That)\b)|\s+(?:(?:and|of|for|on|in|&)\s+)?)){{0,5}}{_CAPWORD}(?=(?:\s+\([A-Z][\w&]{{1,12}}\))?"
        r"\s+(?i:guidelines?|guidance|study|trial|audit|review|survey|registry|report|analysis|meta-analysis)\b)"
        # ... after a word of scope: "The international HerniaSurge guidelines (2018) report"
        rf"|(?<=\b[Tt]he\s)(?i:international|national|european|american|british|joint|updated|latest|current|large)\s+"
        rf"(?:{_CAPWORD}(?:\s*/\s*|\s+(?:(?:and|&)\s+)?)){{0,2}}{_CAPWORD}(?=\s+(?i:guidelines?|guidance|study|trial|audit|review|survey|registry|report)\b)"
        # a register named after its description: "Sweden's national gallstone surgery register, called GallRiks, records";
        # a study or a trial so named: "A large UK study called UKSTAR found"
        rf"|(?i:register|registry|database|audit|study|trial)\s*,?\s+(?:called|named|known\s+as)\s+(?:the\s+)?{_CAPWORD}(?:\s+(?i:collaboration|group|study|trial))?,?"
        # ... dated, after the research it pooled: "A 2016 analysis of five trials, known as HERMES, looked at"
        rf"|(?i:\b(?:19|20)\d{{2}}\s+(?:[\w-]+\s+){{0,2}}?(?:analysis|analyses|meta-analysis|review|study|trial|trials|studies"
        rf"|audit|survey)\b[^.;:!?()]{{0,60}}?)\s*,?\s+(?i:called|named|known\s+as)\s+(?:the\s+)?{_CAPWORD}(?:\s+(?i:collaboration|group|study|trial))?,?"
        # a body named in full with its abbreviation, described as a body: "Kidney Disease: Improving Global Outcomes
        # (KDIGO), an international guideline group, uses the term ..." (the colon of a name with a subtitle)
        r"|(?-i:[A-Z][\w'’&-]*(?::?\s+(?:(?:and|of|for|on|in|&)\s+)?[A-Z][\w'’&-]*){1,7})(?=\s+\([A-Z][A-Za-z&]{1,11}\)\s*,"
        r"\s+(?i:an?|the)\s+(?:[\w-]+\s+){0,3}?(?i:group|organi[sz]ation|body|charity|society|association|foundation|agency"
        r"|network|collaboration|consortium|panel|committee|regulator|institute|college|academy)\s*,))"
        r"(?:\s+\([A-Z][\w&]{1,12}\))?"
        # (a second body that wrote it with the first: "The AUA/ASRM guideline notes", "the AUA and XYZQ guideline")
        rf"(?:(?:[’']s)?(?:(?:\s*/\s*|\s+(?:and|&)\s+)(?!(?:Our|Your|Their|My|This|That)\b){_CAPWORD}"
        rf"|\s+(?:{_CAPWORD}|(?i:website|leaflet|guidance|guideline|guidelines|summary|summaries|page|pages|factsheet"
        r"|booklet|information|patient|on|about|for|outpatient|international|national|clinical|practice|latest|current|joint|evidence"
        r"|updated|consensus|study|trial|audit|review|survey|registry|report|(?:19|20)\d{2}|[a-z]+(?:ectomy|oscopy|otomy|plasty)"
        # ("the HERMES collaboration looked at", "MHRA rules have required"; "NICE technology appraisal TA566 counts",
        # "NICE's criteria count")
        r"|analysis|meta-analysis|collaboration|group|rules|regulations|statistics|data|figures|technology|appraisals?|criteria"
        # (a word saying what the figures are of: "NHS maternity statistics show", "NHS birth data show")
        r"|[a-z]+(?=\s+(?:statistics|data|figures)\b)))){0,6})?"
        # ... and the document's topic: "The NICE summary on head lice says", "NICE's guidance for people with eczema
        # states" (a document the body wrote: not "NICE on head lice suggests")
        rf"(?:(?i:{after_document}){topic})?"
        r"(?:\s+\([^()]{1,60}\))?"
        # and a description between commas: "Versus Arthritis, a UK charity, estimates", "the guidelines,
        # published in 2018, estimate", "NICE, which advises the NHS, states"; a list in it is still the description
        # ("ENT UK, the professional body for ear, nose and throat surgeons, states": a last item joined by "and" or
        # "or" tells a list's comma from the one that ends the description)
        r"(?:,\s+(?:an?|the|published|updated|issued|released|revised|reviewed|which\s+[a-z]+)\s+[^,.;]{1,60}"
        r"(?:(?:,\s+[^,.;]{1,30}){0,3},\s+(?:[^,.;]{0,30}?\s)?(?:and|or)\s+[^,.;]{1,40})?,"
        # ... or the document it says it in: "NICE, in its summary on head lice, says"
        rf"|,\s+(?i:in\s+(?:its|their)\s+(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(document_nouns)})\b(?:{topic})?),)?"
        # ("The Inter-Society Consensus (TASC II) was published in 2007")
        r"\s+(?i:(?:has|have|had|was|were)\s+)?(?i:(?:also|now)\s+)?"
        # a rule it sets, or a word it defines: "the MHRA has also required two specialists to agree", "NICE defines",
        # "KDIGO uses the term kidney failure when ..."
        r"(?i:requires|required|require|asks|asked|defines|defined|define|uses\s+the\s+term|use\s+the\s+term|used\s+the\s+term"
        # what a named study pooled or looked at: "The HERMES analysis looked at five trials"
        r"|looked\s+at|looks\s+at|pooled|pools|combined"
        r"|says|said|say|quotes|quoted|cites|cited|reports|reported|report|estimates|estimated|estimate|recommends|recommended|recommend|puts"
        r"|gives|gave|give|lists|listed|list|provides|provided|provide|sets?\s+out|describes|described|describe"
        # ... or explains what it says, or the figures: "The NHS Sickle Cell and Thalassaemia Screening Programme explains
        # the risk when both parents are carriers", "The NHS website explains that ..." (not what a page from it covers:
        # "This guide from the Facial Pain Trust explains the causes", "... explains what to expect")
        r"|(?:explains|explained|explain)(?=\s+(?:that\b|(?:the|your|their)\s+(?:[\w-]+\s+)?(?:risks?|chances?|odds|figures"
        r"|numbers|statistics|rates?)\b|how\s+(?:likely|often|common|many)\b))"
        r"|put|advises|advise|states|stated|state|found|finds|find|notes|noted|note|publishes|published|publish|suggests|suggest"
        r"|shows|showed|shown|show|studied|examined|followed|tracked|compared|analysed|analyzed|surveyed|measured|calculated"
        r"|concluded|concludes|conclude|recorded|records|counted|tracks|collects|collected|monitors|monitored"
        # ("The ASTRAL trial, published in 2009, included 806 people"; "NICE's criteria count a score of 50% or less as
        # too little benefit")
        r"|included|enrolled|recruited|counts|count"
        r"|figures|data|statistics|guidance|guidelines?|audit|registry|review)\b"
        # a named source the sentence ends on: "..., as GeneReviews sets out" (not a person: "as Dr Shah explains")
        rf"|(?-i:\bas\s+(?:the\s+)?(?!(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sister|Nurse)\b)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,4}})"
        r"\s+(?i:sets\s+out|set\s+out|reports|reported|states|stated|notes|noted|explains|describes|shows|showed)\b"
        # figures said to come from a described, dated study: "The figures in this paragraph come from a study of more than
        # 850,000 operations in England, published in 2020."
        r"|(?i:\b(?:figures|numbers|data|statistics|rates)\s+(?:in\s+this\s+(?:paragraph|section|table)\s+|here\s+|below\s+)?"
        r"(?:come|are\s+taken|are)\s+from\s+an?\s+(?:[\w-]+\s+){0,3}?(?:study|review|trial|audit|analysis|survey)\b[^.]{0,120}?"
        r"\b(?:19|20)\d\d\b)"
        # the study named in the sentence after: "A large American study compared the two. It was called the ... (CODA) trial."
        r"|(?-i:\b(?:[Ii]t|[Tt]his|[Tt]he\s+study|[Tt]he\s+trial)\s+(?:was|is)\s+(?:called|named|known\s+as)\s+the\s+[A-Z])"
        # the provider's own published report or checked audit: "as published in our annual quality report", "The figures
        # were checked by the hospital's Clinical Audit Department in November 2024"
        r"|(?i:\bpublished\s+in\s+our\s+(?:[\w-]+\s+){0,2}?(?:quality|outcomes?|audit|clinical|annual)\s+(?:report|data|review|accounts))\b"
        r"|(?i:\b(?:checked|audited|verified|validated)\s+by\s+(?:the\s+|our\s+)?(?:[\w’'-]+\s+){0,3}?audit\s+(?:department|team|office|unit|committee))\b"
        # a named trial or study the figures come from: "In the C-GALL trial, about 75 out of 100 ...", "In the ProtecT
        # trial", "In the PREEMPT trials" (a name with a second capital or a digit, or a capitalised word: not "In the trial")
        r"|(?-i:\b[Ii]n\s+the\s+(?:[A-Z][\w-]*[A-Z\d][\w-]*|[A-Z][a-z]+)\s+(?:trials?|stud(?:y|ies)|audit|registry|review|cohort))\b"
        # ... a name of several capitalised words, the kind capitalised too: "In the Massachusetts Male Aging Study, about
        # half of men ..."
        r"|(?-i:\b[Ii]n\s+the\s+(?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|on|in)\s+)?){1,6}(?:Trials?|Stud(?:y|ies)|Audit|Registry"
        r"|Review|Cohort|Survey)\b)"
        # the audit or body the page named before: "Figures from the same national audit suggest", "The national audit
        # reports"
        r"|(?i:\b(?:figures|data|results|numbers)\s+from\s+the\s+same\s+(?:national\s+)?(?:audit|study|trial|review|survey|report|registry)\b"
        r"|\bthe\s+(?:same\s+)?national\s+(?:audit|registry|database)\s+(?:reports|records|finds|found|shows|showed|gives|puts)\b"
        # the body cited in the list item before: "The same society estimates it at about 1 in 1,000"
        rf"|\bthe\s+same\s+{_CITED_BEFORE}\s+(?:also\s+)?(?:estimates|reports|puts|gives|says|states|found|finds|records"
        r"|suggests|quotes)\b"
        # "..., according to the same society."
        rf"|\baccording\s+to\s+(?:the\s+same|that|this)\s+(?:national\s+|[\w-]+\s+)?{_CITED_BEFORE}\s*[.,;)])"
        # a dated report of the body the sentence before named: "The Royal College runs a national audit. Its 2023
        # report found that more than 9 in 10 ..."
        r"|(?-i:\b(?:Its|Their|its|their)\s+(?:19|20)\d{2}\s+(?:[\w-]+\s+)?(?:report|audit|review|survey|study|data|figures)"
        r"\s+(?:found|finds|shows|showed|reports|reported|says|said|estimates|estimated|suggests|suggested|gives|gave)\b)"
        # the dated audit or study the page named before: "in the same 2022 to 2024 audit"
        r"|(?i:\bin\s+the\s+same\s+(?:19|20)\d{2}(?:\s*(?:to|[-–/])\s*(?:19|20)?\d{2})?\s+(?:[\w-]+\s+){0,2}?(?:audit|study|trial|review|survey"
        r"|report|registry|data)\b)"
        # a medicine's own document, dated: "The figures come from the manufacturer's patient information leaflet for
        # docetaxel (2023)", "(source: manufacturer's patient information leaflet, 2023)"
        rf"|{medicine_document}[^.;]{{0,60}}?\b(?:19|20)\d{{2}}\b"
        # a medicine's own document as the subject: "The official product information for Botox lists UTI as a very
        # common side effect", "The summary of product characteristics (SmPC) for atorvastatin states", "which the
        # product leaflets describe as affecting up to 1 in 10 people"
        rf"|{medicine_document}(?:\s+\([^()]{{1,20}}\))?(?:\s+(?i:for|of|on|about)\s+[\w®’'-]+(?:\s+[\w®’'-]+){{0,3}}?)?"
        r"\s+(?i:also\s+)?(?i:describes?|says?|lists?|states?|gives?|reports?|puts?|notes?|warns?|quotes?|estimates?|rates?"
        r"|classes|classifies|shows?)\b"
        # ... or as what the figures are taken from: "The frequencies come from the manufacturer's summary of product
        # characteristics (SmPC)", "(source: manufacturer's SmPC)"
        # ("according to the manufacturer's SmPC", "as listed in its patient information leaflet")
        rf"|(?i:\b(?:comes?|came|are\s+taken|is\s+taken|taken)\s+from|\bsources?\s*:|\baccording\s+to"
        r"|\bas\s+(?:given|set\s+out|listed|stated|printed|defined)\s+in)\s+(?i:the\s+|a\s+|its\s+|their\s+)?"
        rf"(?:[\w’'-]+\s+){{0,2}}?{medicine_document}"
        # ... or as where a lead-in or a caption says its figures are: "The table lists side effects by how often they
        # happen, using the categories in the product's Summary of Product Characteristics (SmPC)", "The frequencies are as
        # given in the SmPC", "Side effects, from the manufacturer's package leaflet"
        r"|(?i:\b(?:figures|frequenc(?:y|ies)|categories|numbers|rates|risks|side[-\s]effects|table|list|percentages|statistics"
        r"|data)\b[^.;:!?]{0,80}?\b(?:in|from|according\s+to)\s+(?:the\s+|a\s+|its\s+|their\s+)?)"
        rf"(?:[\w’'-]+\s+){{0,2}}?{medicine_document}"
        # the audit or study the page cited just before, named again after the figure: "... 1 in 100 people in the same audit"
        # ("In the same internal review, 8 in 10 patients ...": with a word or two describing it; "In this kind of
        # study" is no study named)
        # ("In the same records, 7 of the 96 people ...": the provider's records the page counted before; "published in
        # the same journal in 2005": the journal named before)
        r"|(?i:\b(?:in|from|by)\s+(?:the\s+same|this|that)\s+(?:(?!(?:kind|type|sort|of)\b)[\w-]+\s+){0,2}?(?:audit|study|trial|review|survey"
        r"|report|registry|records|journal|database|(?:registry\s+)?data)\b)"
        # ... or pointed back to: "In the audit described above, 2 in 100 people"
        r"|(?i:\b(?:in|from|by)\s+the\s+(?:audit|study|trial|review|survey|report|registry)\s+(?:described|mentioned|named"
        r"|cited|quoted|given|referred\s+to)\s+(?:above|earlier|before)\b)"
        # a study named by what it tested: "The Trial of Mid-Urethral Slings (TOMUS)"
        r"|(?-i:\b(?:Trial|Study)\s+of\s+(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*\s+\([A-Z][A-Za-z0-9-]{2,}\))"
        # a named body as the teller: "as the Royal College of Pathologists explains"
        r"|(?-i:\bas\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of|for|and|&|on|in)?\s*[A-Z][\w’'-]*){0,6}\s+)"
        r"(?:explains|says|notes|advises|recommends|points\s+out|reports|puts\s+it|states)\b"
        # a journal named anywhere ("in the journal Eye": by the word "journal" before its title)
        rf"|\b{journals}\b|(?-i:\bthe\s+journal\s+[A-Z][\w-]+)"
        # the series the page counted before, called back by its size: "from the same 184 operations recorded in 2022"
        r"|(?i:\b(?:in|from|of)\s+the\s+same\s+\d{2,3}(?:,\d{3})*\s+(?:[\w-]+\s+)?(?:operations|procedures|people|patients|cases"
        r"|injections|treatments|men|women|children)\b)"
        # a trial named by where and when it was published: "A trial in Sweden, published in 2016, compared"
        r"|(?:\b(?i:a|one|the)\s+(?:(?i:large|randomi[sz]ed|recent|major)\s+)?(?i:trial|study)\s+(?i:in|from)\s+(?:the\s+)?[A-Z][a-z]+"
        r"(?:\s+[A-Z][a-z]+)?\s*,?\s+(?i:published|reported)\s+in\s+(?:19|20)\d{2}\b)"
        # a study named in brackets or between commas, in the sentence that dates it: "A large US trial (the National
        # Surgical Adjuvant Breast and Bowel Project B-06) reported in 2002", "A large trial, the NSABP B-06, published in
        # 2002, found" (a name of capitalised words, or one in capitals: not "A trial (in Sweden) in 2016")
        r"|(?:(?i:\b(?:study|trial|review|audit|survey|analysis)\s*(?:\(|,\s+)(?:the\s+|called\s+|known\s+as\s+)?)"
        r"(?:(?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|on|in|&)\s+)?){1,9}[A-Z\d][\w'’-]*|(?!(?:UK|US|USA|EU|UAE)\b)(?=[\w'’-]{3})[A-Z][\w'’-]*[A-Z\d][\w'’-]*)"
        r"(?:\s+(?i:study|trial))?(?:\s*\([A-Z][\w-]{1,12}\))?\s*[),][^.;!?]{0,60}?\b(?:19|20)\d{2}\b)"
        # ... dated before it: "A 2002 US trial (the NSABP B-06) found"
        r"|(?:(?i:\b(?:19|20)\d{2}\s+(?:[\w-]+\s+){0,3}?(?:study|trial|review|audit|survey|analysis)\s*\((?:the\s+)?)"
        r"(?:(?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|on|in|&)\s+)?){1,9}[A-Z\d][\w'’-]*|(?!(?:UK|US|USA|EU|UAE)\b)(?=[\w'’-]{3})[A-Z][\w'’-]*[A-Z\d][\w'’-]*)"
        r"(?:\s+(?i:study|trial))?\s*\))"
        # the provider's figures as it reports them to a named registry: "the data we send each year to the Australian
        # and New Zealand Hip Fracture Registry"
        r"|(?:\b(?i:data|figures|results|outcomes)\s+(?:that\s+)?(?i:we|our\s+[\w-]+)\s+(?i:send|sends|submit|submits|report|reports"
        r"|provide|provides|give|gives)\s+(?:[\w-]+\s+){0,3}?(?i:to)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+(?:and\s+|of\s+)?[A-Z][\w-]+)*"
        r"\s+(?:Registry|Register|Audit|Database|Programme|Program)\b)"
        # the registry or database the page named before, called back: "according to the registry data"
        r"|(?i:\baccording\s+to\s+the\s+(?:same\s+)?(?:registry|register|audit|database)(?:\s+data|\s+figures)?\b)"
        # a journal named by its title: "the American Journal of Gastroenterology", "Journal of Cataract and Refractive
        # Surgery", "the British Journal of Surgery"
        r"|(?-i:\b(?:[A-Z][\w-]*\s+){0,4}Journal\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*)*)"
        # a journal not on the list, named by its title after the dated study it published: "A 2019 evidence review in
        # American Family Physician reported", "a trial in Foot and Ankle International (2021)", "a review published in
        # 2020 in Sports Medicine" (a title of two or more capitalised words, one a word journals are named by, ending
        # where the sentence goes on: not "a 2019 study in New Zealand found", "a 2020 audit in Day Surgery units")
        rf"|(?i:\b(?:19|20)\d{{2}}\s+(?:[\w-]+\s+){{0,3}}?{_PUBLISHED_STUDY}\s+(?:published\s+)?in\s+|\bpublished\s+in\s+"
        rf"(?:19|20)\d{{2}}\s+in\s+)(?:the\s+)?{journal_title}(?=\s*(?:\([^()]{{1,60}}\)\s*)?(?:[,.;:)]|(?i:{verbs}|that)\b))"
        rf"|(?i:\b{_PUBLISHED_STUDY}\s+(?:published\s+)?in\s+)(?:the\s+)?{journal_title}(?:\s*\(\s*(?:19|20)\d{{2}}\s*\)"
        r"|\s*,\s*(?i:published\s+)?(?i:in\s+)?(?:19|20)\d{2}\b|\s+(?i:in)\s+(?:19|20)\d{2}\b)"
        # the provider's own dated audit, as the in-house message asks: "in our 2023 audit of 310 operations",
        # "our clinic's 2024 survey of 240 patients", "the unit's 2022-23 outcome data"
        r"|(?i:\b(?:our|the\s+(?:unit|department|hospital|clinic|practice|service|trust)[’']s)\s+(?:own\s+)?"
        r"(?:[\w’'-]+\s+){0,3}?(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?\s+(?:[\w’'-]+\s+)?(?:audit|survey|review|registry|register|database"
        r"|outcomes?\s+(?:data|audit|figures|report)|data|figures|results|report))\b"
        # a bracketed in-house audit with its year: "(departmental audit, 2023)", "(unit audit 2024)"
        # (named with its place and service, and over a run of years: "(Southern Coast Health day surgery audit, 2023)",
        # "(Riverside epilepsy surgery audit, 2016 to 2023)")
        r"|(?i:\((?:[\w’'-]+\s+){0,5}?(?:audit|survey|outcomes?\s+report)\s*,?\s*(?:19|20)\d{2}"
        r"(?:\s*(?:to|-|–)\s*(?:19|20)\d{2})?\))"
        # "in our 2025 tonsillectomy outcomes audit of 1,184 children", "the unit's ESWL Pilot Audit 2025"
        r"|(?i:\b(?:our|the\s+(?:unit|department|hospital|clinic|practice|service|trust|team|centre|center)[’']s)\s+(?:own\s+)?"
        r"(?:(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?\s+(?:[\w’'-]+\s+){1,3}?(?:audit|survey|review|report|registry|register|database)"
        r"|(?:[\w’'-]+\s+){0,4}?(?:audit|survey|review|report)\s+(?:for\s+)?(?:19|20)\d{2}))\b"
        # "from our department's audit of 524 operations carried out between 2020 and 2023", "our own results
        # for 2021 to 2023", "our department's review of repairs done in 2023": the provider's own figures with the
        # period they cover
        # (the department may be named in full: "our ear, nose, and throat (ENT) department's records for 2022 to 2024")
        r"|(?i:\b(?:our|the\s+(?:unit|department|hospital|clinic|practice|service|trust|team|centre|center)[’']s\s+own)\s+(?:own\s+)?"
        r"(?:[\w’'(),-]+\s+){0,7}?(?:audit|survey|review|registry\s+data|results|figures|data|outcomes|records"
        # (a report of the provider's own, named by what it covers: "Our clinic's wait-time report for April 2024")
        r"|report(?=\s+(?:for|from|of|on|covering)\b)"
        r"|audited|surveyed|reviewed|followed\s+up|tracked|recorded|counted|logged)\b[^.;:]{0,100}?\b(?:19|20)\d{2}\b)"
        # "We audited the 640 loop recorders our service fitted between 2021 and 2023"
        r"|(?i:\bwe\s+(?:have\s+)?(?:audited|surveyed|reviewed|followed\s+up|tracked"
        # ("We checked the results of 311 squint operations ... between 2020 and 2023", "We looked at 412 people who
        # had a gastric bypass in our program from 2017 to 2021")
        r"|(?:checked|looked\s+at|analysed|analyzed)\s+(?:the\s+(?:results|outcomes|records|notes)\s+of|(?:the\s+|all\s+)?\d[\d,]*\s))"
        r"\b[^.;:]{0,100}?\b(?:19|20)\d{2}\b)"
        # a dated audit and who ran it: "In an audit published in 2022, the eye unit at Harrowgate General Hospital
        # reviewed 310 trabeculectomies"
        r"|(?i:\b(?:in|from)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:audit|study|review|survey)\s+(?:published|carried\s+out|done|run)"
        r"\s+in\s+(?:19|20)\d{2},?\s+(?:the\s+|our\s+)(?:[\w’'-]+\s+){0,4}?(?:at|of|in)\s+(?-i:[A-Z][\w’'-]+)"
        r"(?:\s+(?-i:[A-Z][\w’'-]+)){0,4})"
        # a counted review done at the provider's own clinic, with its year: "In a review of 340 procedures done at our
        # clinic in 2023", "In a 2023 audit of 180 repairs carried out by our team"
        r"|(?i:\b(?:in|from)\s+an?\s+(?:(?:19|20)\d{2}\s+(?:[\w-]+\s+)?(?:audit|review|survey)\s+of\s+\d[\d,]*\s+[^.;:]{0,60}?"
        r"\b(?:at|by|in|from)\s+our\s+(?:own\s+)?(?:[\w’'-]+\s+){0,2}?(?:clinic|unit|department|hospital|centre|center|practice"
        r"|service|trust|team|surgeons)\b"
        r"|(?:[\w-]+\s+){0,2}?(?:audit|review|survey)\s+of\s+\d[\d,]*\s+[^.;:]{0,60}?\b(?:at|by|in|from)\s+our\s+(?:own\s+)?"
        r"(?:[\w’'-]+\s+){0,2}?(?:clinic|unit|department|hospital|centre|center|practice|service|trust|team|surgeons)\b"
        r"[^.;:]{0,40}?\b(?:19|20)\d{2}\b))"
        # a survey of the provider's own patients, counted and dated: "In a phone survey of 150 of our patients in 2023"
        r"|(?i:\b(?:in|from)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:audit|review|survey)\s+of\s+\d[\d,]*\s+(?:of\s+)?our\s+(?:own\s+)?"
        r"(?:[\w’'-]+\s+)?(?:patients|members|clients|customers|readers|families|parents)\b[^.;:]{0,40}?\b(?:19|20)\d{2}\b)"
        # the provider's own report named after a dated count: "In 2023, we met this aim for 1,062 of 1,140 tests (93%),
        # according to our department's quality report"
        r"|(?i:\b(?:in|during)\s+(?:19|20)\d{2}\b[^.;:]{0,120}?\baccording\s+to\s+(?:our|the\s+(?:unit|department|hospital|clinic"
        r"|practice|service|trust|team)[’']s)\s+(?:own\s+)?(?:[\w’'-]+\s+){0,2}?(?:audit|report|records|data|figures|review|survey)\b)"
        # the provider's own survey or audit with its year before it: "In 2022 our department surveyed 210 adults"
        r"|(?i:\b(?:in|during)\s+(?:19|20)\d{2}(?:\s*(?:to|and|[-–/])\s*(?:19|20)?\d{2})?,?\s+(?:our|the\s+(?:unit|department|hospital|clinic"
        r"|practice|service|trust|team))\s+(?:own\s+)?(?:[\w’'-]+\s+){0,3}?(?:audited|surveyed|reviewed|followed\s+up|tracked|recorded"
        r"|counted|asked|studied|looked\s+at)\b)"
        # the period first: "From 2019 to 2023, we performed 214 renal artery stent procedures", "Between 2018 and 2023
        # we operated on 174 children"
        r"|(?i:\b(?:from|between|in)\s+(?:19|20)\d{2}\s*(?:to|and|through|[-–])\s*(?:19|20)?\d{2},?\s+(?:we|our\s+(?:[\w-]+\s+)?(?:surgeons"
        r"|team|unit|clinic|department))\s+(?:have\s+)?(?:carried\s+out|performed|did|treated|operated\s+on|repaired|fitted)"
        r"\s+(?:[\w-]+\s+){0,2}?\d[\d,]*\b)"
        # people counted with the period and the place: "Of 845 men who had seed implants here from 2012 to 2021",
        # "Between 2016 and 2023, 64 patients had a total wrist fusion here"
        r"|(?i:\b(?:of|from|in)\s+(?:the\s+)?\d[\d,]*\s+(?:[\w’'-]+\s+){0,2}?(?:people|patients|men|women|children|adults|babies)"
        r"\s+(?:who|that)\s+(?:had|have\s+had|underwent|were\s+treated)\b[^.;:]{0,80}?\b(?:here|at\s+our\s+[\w-]+|with\s+us)\b"
        r"[^.;:]{0,40}?\b(?:19|20)\d{2}\b)"
        r"|(?i:\b(?:from|between|in)\s+(?:19|20)\d{2}\s*(?:to|and|through|[-–])\s*(?:19|20)?\d{2},?\s+\d[\d,]*\s+"
        r"(?:people|patients|men|women|children|adults|babies)\s+(?:had|underwent|were\s+treated)\b[^.;:]{0,80}?"
        r"\b(?:here|at\s+our\s+[\w-]+|with\s+us)\b)"
        # the provider's own dated series, counted: "Of 148 reversals we carried out from 2019 to 2023, sperm were found in
        # 123 men (about 83 in 100)"
        r"|(?i:\b(?:of|from|in)\s+(?:the\s+)?\d[\d,]*\s+(?:[\w’'-]+\s+){0,4}?(?:(?:that\s+)?we|our\s+(?:[\w-]+\s+)?(?:surgeons|team|unit|clinic"
        r"|department))\s+(?:have\s+)?(?:carried\s+out|performed|did|treated|operated\s+on|repaired)\b[^.;:]{0,60}?\b(?:19|20)\d{2}\b)"
        # the provider's own review of the series the sentence before described: "Between 2019 and 2023, surgeons at our
        # hospital repaired 1,204 hernias. Our surgical quality review of those operations found ..."
        r"|(?i:\bour\s+(?:own\s+)?(?:[\w’'-]+\s+){0,3}?(?:audit|review|survey)\s+of\s+(?:those|these|the\s+same)\s+"
        r"(?:operations|patients|procedures|repairs|children|people|cases|women|men|treatments)\b)"
        # "In its 2023 annual report, about 9 in 10 eyes ...": the body named in the sentences before
        r"|(?i:\b(?:in|from)\s+(?:its|their)\s+(?:latest\s+|most\s+recent\s+)?(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?\s+"
        r"(?:[\w’'-]+\s+){0,2}?(?:report|audit|review|survey|data|figures)\b)"
        # "based on our registry", "from the unit's own database": a standing register of every patient treated
        r"|(?i:\b(?:based\s+on|from|according\s+to|taken\s+from|recorded\s+in)\s+(?:our|the\s+(?:unit|hospital|clinic|department|service"
        r"|trust|programme|program)[’']s)\s+(?:own\s+)?(?:[\w’'-]+\s+){0,2}?(?:registry|register|database)\b)"
        # "the 2023 international guideline notes that ...": a dated guideline that says it
        r"|(?i:\bthe\s+(?:19|20)\d{2}\s+(?:[\w-]+\s+){0,3}?(?:guidelines?|guidance|consensus(?:\s+statement)?)\s+(?:notes|says|states"
        r"|recommends|advises|reports|found|finds|shows|concludes|suggests)\b)"
        # "This estimate comes from the studies summarised in the 2020 guidelines", "Studies pooled in a 2022 European
        # guideline on gallbladder polyps found them in up to 1 in 20 adults": dated guidelines named as the source
        r"|(?i:\b(?:summari[sz]ed|reviewed|pooled|collected|reported)\s+in\s+(?:the|an?)\s+(?:19|20)\d{2}\s+(?:[\w-]+\s+){0,2}?"
        r"(?:guidelines?|guidance|consensus|review)\b)"
        # "the figures below come from our department's audit" (the audit described earlier on the page)
        r"|(?i:\b(?:figures|numbers|rates|data)\s+(?:below|here|above|in\s+this\s+(?:section|leaflet))\s+(?:are|come|comes|were)\s+"
        r"(?:taken\s+)?from\s+(?:our|the\s+same|this|that)\s+(?:own\s+)?(?:[\w’'-]+\s+){0,3}?(?:audit|survey|records|results|data"
        r"|review)\b)"
        # a sentence that says which dated report the figure before it comes from: "This figure is from the programme's
        # key performance indicators for 2023 to 2024"
        r"|(?i:\b(?:this|these|the\s+(?:above|previous))\s+(?:figures?|numbers?|rates?|statistics?|data|percentages?)\s+(?:is|are|comes?|was|were)"
        r"\s+(?:taken\s+)?from\s+(?:the\s+|our\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,6}?(?:reports?|indicators|audit|survey|data|statistics"
        r"|registry|study|review|programme|program|database)\b[^.;]{0,60}?\b(?:19|20)\d{2}\b)"
        # a study named in full with its year: "the UK Prospective Diabetes Study, published in 1998", "the Women's Health
        # Initiative Study (2002)"
        r"|(?-i:\b(?:[A-Z][\w’'-]*\s+){1,6}(?:Study|Trial|Audit|Survey|Registry|Review|Report))"
        r"(?:\s*,\s*(?i:published|reported|run|carried\s+out|completed)\s+in\s+(?:19|20)\d{2}|\s+\((?:19|20)\d{2}\))"
        # a line that gives its source
        r"|(?i:^\s*sources?\s*:)"
    )
    # "[1]", "[2, 3]", "(4)", "¹": reference markers, which count only when the page has a reference list
    marker = compile_builtin(
        r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|(?<![\w(])\(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\)|(?<![A-Za-z²³\d])[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
    )

    def lowered(key):
        return {w.lower() for phrase in words(key) for w in _WORDS.findall(phrase)}

    number_words = {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
    }
    gates = {
        "frequency": frozenset(number_words),
        "ratio": frozenset({
            "times", "fold", "twice", "half", "double", "triple", "halves", "halved", "halving", "doubles",
            "doubled", "doubling", "triples", "tripled", "quadruples", "fraction", "national", "average", "halve",
            "industry", "typical", "regional", "uk", "us", "nhs", "country", "countrys", "third", "quarter",
            "thirds", "quarters", "fifth", "sooner", "faster", "quicker", "factor", "lose", "loses", "lost", "losing",
            "shed", "sheds", "shedding", "drop", "drops", "dropped", "loss", "extra", "additional", "halves",
            "halved", "halving", "cuts", "cut", "reduces", "slashes", "doubles", "doubled", "double", "triple",
            "tripled", "decibels", "db", "improve", "improves", "boost", "boosts", "one-tenth", "tenth", "barely", "shades",
            "often", "frequently", "climb", "climbs", "climbed", "rises", "rose", "jumps", "jumped", "longer",
            # "3x faster" ("2× more likely" is let through by its sign)
            *(f"{n}x" for n in range(1, 101)),
        }),
        "proportion": frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "majority"}),
        "recovery": frozenset({"back", "again"}),
        "zero": frozenset({"happened", "occurred", "none", "zero", "nil", "nothing", "myth", "fiction", "fairy", "fairy-tale", "non-issue",
                           "single", "one", "never", "our", "preserved", "intact", "unaffected", "protected", "practically",
                           "virtually", "almost", "simply", "just"}),
        "speed": frozenset({"first", "little", "just", "only", "few", "go", "hit", "single", "one", "eating", "tucking", "instant", "instantaneous", "immediate",
                            "overnight", "enough", "takes", "very"}),
        "return": frozenset({"spot", "straight", "seconds", "then", "back", "pregnant", "lifting", "younger", "lighter", "stronger", "return", "returns", "returning", "again", "needing", "driving", "walking", "normal",
                             "goes", "itch", "stiffness", "ringing",
                             "working", "swimming", "running", "exercising", "walk", "resume", "resumes", "resumed",
                             "resuming", "adjust", "adapt", "used", "better", "stop", "stops", "disappears", "ends",
                             "settles", "eases", "improves", "starts", "begins", "comes", "away", "vanishes",
                             "bounce", "bounces", "bounced", "feet", "difference", "visible", "invisible", "noticeable",
                             "clear", "crystal-clear", "fade", "fades", "subsides", "resolves", "vanish", "disappear", "settle",
                             "resolve", "down", "clearly", "normally", "perfectly", "recovered", "scar", "scars", "at",
                             "pain-free", "symptom-free", "free", "drive", "gone", "shoes", "instantly", "immediately",
                             "overnight", "minutes", "sitting", "refreshed", "rested", "cures", "cure", "clears", "clear",
                             "hear", "transformed"}),
        "comparison": frozenset({"let", "lets", "letting", "same", "kind", "sort", "immune", "conceive", "conceives", "pregnant",
                                 "cause", "nearly", "almost", "virtually", "outperforms", "outperform", "outperformed", "outlasts", "outlast", "outlasted",
                                 "effective", "successful", "reliable", "durable", "better", "longer-lasting", "lasting",
                                 "faster", "quicker", "sooner", "last", "lasts", "stay", "safer", "gentler", "less",
                                 "stronger", "fitter", "healthier", "keeps", "kept", "keep", "keeping", "stays", "stay",
                                 "accurate", "precise", "far", "much", "significantly", "dramatically", "lifetime",
                                 "life", "built", "designed", "equally", "twice", "lower", "higher", "performed",
                                 "treated", "improves", "works", "helps", "everyone", "decade", "longer",
                                 "stayed", "remains", "remained", "lasted", "delay", "delays", "delayed", "postpone",
                                 "postpones", "postponed", "fail", "fails", "outperform", "work", "superior",
                                 "permanent", "permanently", "forever", "ever", "never", "happen", "unheard", "expect",
                                 "typical", "hear", "every", "once", "back", "good", "other", "nearly", "almost",
                                 "virtually", "practically", "natural", "healthy", "always", "healing", "recovery",
                                 "come", "wears", "wear", "permanent", "permanently", "unusual", "everyday", "norm",
                                 "see", "choose", "lifetime", "reverses", "reversing", "regrows", "regrowing",
                                 "regenerates", "regenerating", "rebuilds", "rebuilding", "rewires", "rewiring",
                                 "eliminates", "eliminate", "tracks", "toxins", "detoxifies", "detoxes", "everyone",
                                 "everybody", "anyone", "anybody", "case", "cases", "patient", "typical", "time",
                                 "routine", "commonplace", "client", "customer", "bit", "beats", "actually", "really", "same", "lives",
                                 "genuinely", "likely", "restores", "restore", "odds", "chances", "chance", "does", "met",
                                 "precisely", "accurately", "effectively", "reliably", "quickly", "safely", "stable",
                                 "minimum", "upwards", "numbers", "results", "figures", "outcomes", "rates", "holds", "hold",
                                 "instead", "half", "double", "doubles", "triple", "triples", "quadruple", "gone", "will",
                                 "before", "earlier",
                                 "simply"}),
        "count": frozenset({"million", "billion"}),
        "durability": frozenset({"coming", "more", "longer", "throw", "throws", "threw", "ditch", "ditches", "ditched", "bin", "bins", "binned",
                                 "good", "life", "lives", "ever", "forever", "permanently", "permanent", "never", "won",
                                 "chance", "again", "gone", "fixed", "rarely", "risk", "sorted", "cured", "reason", "hold", "holds", "held",
                                 "persist", "persists", "persisted", "endure", "endures", "past", "days", "budge", "relapse",
                                 "re", "sorted", "stay", "stays", "remain", "remains", "immune", "yours", "theirs"}),
        "research-generic": frozenset(lowered("research_subjects") | lowered("qualified_research_subjects")),
        "research-proven": frozenset({"proven", "proved", "tested", "validated", "shown", "documented", "community",
                                      "profession", "clear", "research", "studies", "trials", "prove", "proves",
                                      "demonstrated", "established", "evidence", "backed", "supported",
                                      "confirmed", "science", "known", "recognised", "recognized", "literature"}),
        # the appeals to authority that name no profession; the others run only where one is named
        # (PROFESSION_HINT), which keeps this long pattern off most blocks
        "research-experts": frozenset({"according", "accepted", "agreed", "recognised", "recognized", "acknowledged",
                                       "widely", "generally", "universally", "increasingly", "commonly", "consensus",
                                       "agreement", "community", "profession", "establishment", "own"}),
        "research-narrative": frozenset(lowered("study_nouns")),
    }
    source_gate = frozenset(
        lowered("named_sources") | lowered("journals") | lowered("body_words") | lowered("study_nouns")
        | lowered("hospital_words")
        # (a medicine's document by the word it ends on, or its plural: "leaflet", "leaflets", "characteristics")
        | {w.split()[-1].lower() + plural for w in words("medicine_documents") for plural in ("", "s")}
        | {"according", "reported", "published", "data", "figures", "statistics", "research", "guidance",
           "guidelines", "guideline", "study", "report", "review", "trial", "audit", "survey", "analysis",
           "source", "sources", "et", "al", "doi", "pmid"}
    )

    from lint.kinds.spelling import vocabulary_words  # (spelling's reader: one format for every word list)

    medicines = vocabulary_words(tuple(str(Path(path).parent / name) for name in words("medicine_lists")))

    return EvidenceLexicon(
        medicines=medicines,
        product_form_after=compile_builtin(
            rf"(?i)\s*(?:w/[wv]\s+)?(?:(?P<medicine>[a-z][\w-]*)\s+)??{_alternation(words('product_forms'))}(?![\w-])"),
        gates=gates,
        source_gate=source_gate,
        claims=claims,
        research=research,
        not_outcome=compile_builtin(rf"(?i)(?<![\w-]){_alternation(words('not_outcome'))}(?![\w-])"),
        measured_after=compile_builtin(
            rf"(?i)\s*of\s+(?:the\s+|your\s+|their\s+|his\s+|her\s+|a\s+|an\s+|its\s+)?(?:[\w-]+\s+)?{measured}\b"
        ),
        instruction_before=compile_builtin(rf"(?i)\b{instructions}\s+(?:[\w-]+\s+){{0,3}}$"),
        diagnostic_before=compile_builtin(rf"(?i)\b{diagnostic}\s*$"),
        risk_words=compile_builtin(
            r"(?i)\b(?:complications?|risks?|side[-\s]effects?|infections?|deaths?|die[sd]?|mortality|bleeding|clots?|"
            r"damage|injury|harm|leaks?|fail(?:s|ed|ure)?|recurrence|come\s+back|comes\s+back|revision|reoperation|"
            r"incontinen(?:t|ce)|problems?)\b"
        ),
        success_words=compile_builtin(
            r"(?i)\b(?:success(?:ful)?|effective(?:ness)?|satisf(?:ied|action)|happy|pain[-\s]free|symptom[-\s]free|"
            r"improve(?:s|d|ment)?|better|relie(?:f|ve[sd]?)|cure[sd]?|return(?:ed)?|recover(?:y|ed)?|results?|outcomes?|"
            r"surviv(?:al|e|ed)|faster|quicker|less\s+pain|lose|lost|weight\s+loss|regain(?:ed)?|keep\s+(?:it|the\s+weight)\s+off)\b"
        ),
        # the provider speaking of itself, or a surgeon of their own patients ("93% of my patients")
        # (or opening with the clinic's name: "At Harcourt, the risk of perforation is just 1 in 50,000")
        in_house=compile_builtin(r"(?i)\b(?:our|we|we've|we\s+have|at\s+our|this\s+clinic|this\s+hospital"
                                 r"|my\s+(?:patients|practice|clinic|results|figures|team))\b"
                                 r"|^\s*(?i:at)\s+(?-i:[A-Z][\w'’&-]+)(?:\s+(?-i:[A-Z][\w'’&-]+)){0,3}\s*,"),
        source=source,
        body_abbreviation=compile_builtin(
            rf"(?:(?:{body_phrase})\s+|{scheme_name}\s+(?=\([A-Z][A-Za-z&]{{1,11}}\)\s+{scheme_kind}))"
            rf"\((?P<abbr>[A-Z][A-Za-z&]{{1,11}})\)"),
        named_body=compile_builtin(rf"\b(?:{named})\b|{cited_body}|{named_scheme}"),
        medicine_document=compile_builtin(medicine_document),
        continues_source=_continues_source(surname),
        marker=marker,
        reference_heading=compile_builtin(rf"(?i)^\s*(?:{_alternation(words('reference_headings'))})\s*:?\s*$"),
        reference_list_start=compile_builtin(
            rf"(?i)^\s*(?:(?:{_alternation(words('reference_headings'))})\s*:?\s+)?(?:\[\d{{1,3}}\]|\d{{1,3}}[.)])\s"
        ),
        not_source_link=compile_builtin(rf"(?i)(?:^|[/?#=&._-]){_alternation(words('not_source_links'))}(?=$|[/?#=&._-])"),
        internal_source_link=compile_builtin(
            rf"(?i)(?:^|[/?#=&._-]){_alternation(words('internal_source_links'))}(?=$|[/?#=&._-])"),
        internal_not_source_link=compile_builtin(
            rf"(?i)(?:^|[/?#=&._-]){_alternation(words('internal_not_source_links'))}(?=$|[/?#=&._-])"),
        reference_fragment=compile_builtin(r"(?i)^#.*(?:ref|cite|citation|fn|footnote|note|source|bib)"),
    )


def lexicon_path(rule, name: str) -> Path:
    """A data file named by a rule: relative to the rule's folder, else to the evidence pack."""
    path = rule.path.parent / name
    if path.exists():
        return path
    return builtin_rules_dir() / "evidence" / name


# the bracketed abbreviation every ``EvidenceLexicon.body_abbreviation`` match ends with: "(NJR)"
_BRACKETED_ABBREVIATION = compile_builtin(r"\([A-Z][A-Za-z&]{1,11}\)")
# a body called by an abbreviation (as ``EvidenceLexicon.body_abbreviation`` gives them) as the subject of a report:
# "The NJR tracks ...", "NICE's guidance", "In the FFT for 2023 to 2024, 97% rated ...", "in the NJR's latest report"
_ABBREVIATED_SOURCE = compile_builtin(
    r"\b(?:(?:[Tt]he|[Ii]ts)\s+)?(?P<name>[A-Z][A-Za-z&]{1,11})(?:[’']s)?\s+(?:(?:also|now|still)\s+)?"
    # ("The SHOT annual reports show ...")
    r"(?:(?:annual|yearly|latest|recent|most\s+recent|national|published)\s+)?"
    r"(?:tracks|tracked|records|recorded|collects|collected|publishes|published|reports|reported|monitors"
    r"|estimates|estimated|says|said|recommends|recommended|advises|found|finds|shows|showed|figures|data"
    # ("The OAA gives these figures in its patient information:")
    r"|gives|gave|quotes|quoted|lists|listed|states|stated|puts|notes|noted"
    r"|statistics|report|audit|guidance|guidelines)\b"
    r"|\b[Ii]n\s+(?:the\s+|its\s+)(?P<name_in>[A-Z][A-Za-z&]{1,11})\b"
    # "which affects around 1 in 100 people (BSSH)": the body's abbreviation in brackets, as a citation
    r"|\((?P<name_cited>[A-Z][A-Za-z&]{1,11})(?:,?\s+(?:19|20)\d\d)?\)"
)


#: a capitalised word just before a bracket: the bracket gives that name's abbreviation, it cites nothing
_NAME_BEFORE = compile_builtin(r"[A-Z][\w'’&-]*\s*$")


class SourceFinder:
    """Where the sources are on a page: per block, the text offsets of its sources."""

    def __init__(self, lexicon: EvidenceLexicon, page):
        self.lex = lexicon
        self.page = page
        self._by_block: dict[int, list[tuple[int, int]]] = {}
        self._index: dict[int, int] | None = None
        self._abbreviated: frozenset[str] | None = None
        self._declared: bool | None = None
        self._section_declared: tuple | None = None
        self._audit: bool | None = None
        # sentence flags per block and sentence list: a sentence that goes on from an earlier block looks at that
        # block's flags, which may look further back; each block is worked out once
        self._flags: dict[tuple, list[bool]] = {}
        self._settled = 0  # blocks before this index have their flags worked out

    @classmethod
    def of(cls, lexicon: EvidenceLexicon, page) -> "SourceFinder":
        """The page's finder for this lexicon, shared by the rules that read its sources (all it works out
        depends on the lexicon and the page only)."""
        key = ("sources", id(lexicon))
        found = page.memo.get(key)
        if found is None or found.lex is not lexicon:
            found = page.memo[key] = cls(lexicon, page)
        return found

    def link_is_source(self, target: str) -> bool:
        t = target.strip()
        low = t.lower()
        if not t:
            return False
        if low.startswith("#"):
            return bool(self.lex.reference_fragment.match(t))
        if low.startswith(("mailto:", "tel:", "javascript:", "sms:")):
            return False
        if low.startswith("doi:") or low.startswith("https://doi.org") or low.startswith("http://doi.org"):
            return True
        if not (low.startswith(("http://", "https://", "//", "www."))):
            # a link to a page of the same site: a source only when it is a report of results
            # ("/quality/endoscopy-audit-2024"), and never a booking or price page
            path = low.split("#", 1)[0].split("?", 1)[0]
            return bool(self.lex.internal_source_link.search(path)) and not self.lex.not_source_link.search(path) \
                and not self.lex.internal_not_source_link.search(path)
        rest = low.split("//", 1)[-1]
        path = rest.split("/", 1)[1] if "/" in rest else ""
        return not self.lex.not_source_link.search("/" + path)

    @property
    def has_reference_list(self) -> bool:
        cached = getattr(self, "_has_refs", None)
        if cached is None:
            cached = bool(self.page.document.has_reference_list) or any(
                u.block.scope in ("title", "heading", "paragraph") and len(u.block.text) < 60
                and self.lex.reference_heading.match(u.block.text)
                # a plain-text reference list run into one block with its heading, or one of its numbered entries
                or u.block.scope in ("paragraph", "reference") and self.lex.reference_list_start.match(u.block.text)
                and (u.block.scope == "reference" or u.block.text.lstrip()[:1].isalpha())
                for u in self.page.units
            )
            self._has_refs = cached
        return cached

    def spans(self, unit) -> list[tuple[int, int]]:
        """Text offsets [start, end) of the sources in a block (links, markers, citations, attributions)."""
        key = id(unit.block)
        found = self._by_block.get(key)
        if found is not None:
            return found
        block = unit.block
        found = [(link.start, max(link.end, link.start + 1)) for link in block.links if self.link_is_source(link.target)]
        refs = self.has_reference_list
        if refs:
            found.extend((c, c + 1) for c in block.citations)
            found.extend(m.span() for m in self.lex.marker.finditer(block.text))
        if "(" in block.text or not self.lex.source_gate.isdisjoint(words_of(block.text)[1]):
            scan = self.lex.source_scan
            haystack = Haystack.of(block.text)
            found.extend(m.span() for m in scan.finditer(self.lex.source, haystack, scan.needles(haystack)))
        names = self.abbreviated_names()
        if names:
            # one pattern for any abbreviation, the page's checked after: a pattern of the page's own names was
            # compiled for each page, and compiling it cost more than the rest of the page's sources
            found.extend(m.span() for m in _ABBREVIATED_SOURCE.finditer(block.text)
                         if (m.group("name") or m.group("name_in") or m.group("name_cited")) in names
                         # (not where the name is given: "the British Association of Plastic Surgeons (BAPRAS)")
                         and not (m.group("name_cited") and _NAME_BEFORE.search(block.text, 0, m.start())))
        self._by_block[key] = found
        return found

    def abbreviated_names(self) -> frozenset[str]:
        """The abbreviations the page gives for named bodies ("the National Joint Registry (NJR)"): such a body called
        by its abbreviation as the subject of a report is a source ("The NJR tracks how many knees need a second
        operation"), while "PRP shows" is a treatment, not a source."""
        if self._abbreviated is None:
            pattern = self.lex.body_abbreviation
            names = set()
            if pattern is not None:
                for u in self.page.units:
                    # (the bracketed abbreviation first, found by its "(": the body's name before it is a long pattern)
                    if _BRACKETED_ABBREVIATION.search(u.block.text):
                        names.update(m.group("abbr") for m in pattern.finditer(u.block.text))
            self._abbreviated = frozenset(names)
        return self._abbreviated

    def page_is_audit_report(self) -> bool:
        """Is the page a provider's report of its own audited results ("This page reports the results of cataract surgery
        in our department over two audit years ... The figures were checked by the hospital's Clinical Audit Department")?
        Its own figures are then sourced: the audit is the source."""
        if self._audit is None:
            texts = [u.block.text for u in self.page.units if u.block.scope == "paragraph"]
            self._audit = any(_AUDIT_PAGE.search(t) for t in texts) and any(_AUDIT_CHECKED.search(t) for t in texts)
        return self._audit

    def page_declares_sources(self) -> bool:
        """Does the page say, once, where all its figures come from, and name the source there?"""
        if self._declared is None:
            self._declared = False
            for u in self.page.units:
                if u.block.scope not in ("paragraph", "list_item") or "from" not in u.block.text:
                    continue
                m = _PAGE_SOURCE_DECLARATION.search(u.block.text)
                if m is None:
                    continue
                sentences = sentences_of(u)
                flags = self.sentence_flags(u, sentences)
                # the declaration's sentence, or the two after it ("the figures come from two sources. The first is
                # the NICE guideline ...") name the source
                k = max(0, bisect.bisect_right([a for a, _ in sentences], m.start()) - 1)
                if any(flags[k:k + 3]):
                    self._declared = True
                    break
        return self._declared

    def section_declares_sources(self, unit) -> bool:
        """Does the block's section (or a section it lies inside) say where its figures come from ("The figures in this
        section come from our unit's audit for 2023 to 2024", "The figures below come from ..."), naming the source there?"""
        if self._section_declared is None:
            heading_of: dict[int, int] = {}
            parents: dict[int, int] = {}
            declared: set[int] = set()
            stack: list[tuple[int, int]] = []
            current = -1
            for k, u in enumerate(self.page.units):
                if u.block.scope in ("title", "heading"):
                    level = u.block.level or 1
                    while stack and stack[-1][0] >= level:
                        stack.pop()
                    parents[k] = stack[-1][1] if stack else -1
                    stack.append((level, k))
                    current = k
                    if u.block.scope == "heading" and _OWN_AUDIT_NAMED.search(u.block.text):
                        declared.add(k)  # the audit the heading names is the section's source
                    continue
                heading_of[id(u.block)] = current
                if current in declared or not any(w in u.block.text for w in ("section", "below", "here", "table")):
                    continue
                m = _SECTION_SOURCE_DECLARATION.search(u.block.text)
                if m is not None:
                    sentences = sentences_of(u)
                    flags = self.sentence_flags(u, sentences)
                    k0 = max(0, bisect.bisect_right([a for a, _ in sentences], m.start()) - 1)
                    # (or names the provider's own audit, there or in the next sentence: "The table below comes from our
                    # own quality audit", "The table below shows problems after 356 operations in our department. The
                    # figures come from our department's own audit.")
                    if any(flags[k0:k0 + 3]) or _OWN_AUDIT_NAMED.search(
                            u.block.text, m.start(), sentences[min(k0 + 1, len(sentences) - 1)][1]):
                        declared.add(current)
            self._section_declared = (heading_of, parents, frozenset(declared))
        heading_of, parents, declared = self._section_declared
        if not declared:
            return False
        h = heading_of.get(id(unit.block), -1)
        while h != -1:
            if h in declared:
                return True
            h = parents.get(h, -1)
        return False

    def sentence_flags(self, unit, sentences) -> list[bool]:
        """For each sentence (start, end) of a block: does it carry a source?"""
        key = (id(unit.block), tuple(sentences))
        cached = self._flags.get(key)
        if cached is None:
            cached = self._flags[key] = self._sentence_flags(unit, sentences)
        return cached

    def _sentence_flags(self, unit, sentences) -> list[bool]:
        spans = self.spans(unit)
        flags = []
        text = unit.block.text
        framed = False  # the block opened by naming its source in a phrase of its own: "In the PREEMPT trials, ..."
        for k, (s, e) in enumerate(sentences):
            # a marker or a link may sit just after the sentence's full stop: count it with the sentence
            flag = any(a <= e and b > s for a, b in spans)
            if k == 0 and flag and (frame := _SOURCE_FRAME.match(text, s, e)) is not None:
                framed = any(a >= s and b <= frame.end() for a, b in spans)
            elif not flag and framed and k <= 3 and self.lex.in_house.search(text, s, e) is None:
                # "In the PREEMPT trials, most side effects were mild. Neck pain was the most common. It was reported
                # by about 7 in 100 people ...": the paragraph reports the trials its first words named (not the
                # provider's own claim after them: "Our patients achieve even better results than the trial")
                flag = True
            going_on = None if flag else self.lex.continues_source.match(text, s)
            if going_on and (
                # "In the van de Graaf trial, ..." names the study an earlier sentence cited; "It found" the last one
                ((any(flags) or self._previous_ends_sourced(unit, reach=_reach(going_on)))
                 if going_on.group("named") or going_on.group("backref")
                 # figures continued from a sentence whose own figures took their source from the one before it
                 else flags[k - 1] or (going_on.group("figures") is not None and k > 1 and flags[k - 2])) if k
                else not text[:s].strip() and self._previous_ends_sourced(
                    unit, reach=_reach(going_on))
            ):
                # it goes on reporting the source just named, in the same paragraph or at the start of the
                # next: "The audit studied 33,000 operations. It found bleeding after 3.5%. In the same audit,
                # 1 in 100 needed a second operation."
                flag = True
            elif going_on and k and _PRONOUN_OPENING.match(going_on.group()) \
                    and self.lex.named_body is not None and self.lex.named_body.search(text, *sentences[k - 1]):
                flag = True  # "In Britain, the HFEA has encouraged ... It reports that about 1 in 17 births ..."
            elif not flag and (back := _OWN_SERIES_BACK.search(text, s, e)) is not None \
                    and self._series_dated_before(unit, None, anywhere=_BELOW.match(text, back.end()) is not None):
                # "In our audit, 11 of the 140 people ...", after "In our 2022 audit of 140 people ...": the provider's
                # own dated series, called back ("In our report, half of the people ...": the report of it)
                flag = True
            elif not flag and (again := _OWN_SERIES_AGAIN.search(text, s, e)) is not None \
                    and self._series_dated_before(unit, again.group("n")):
                # "In our review of 263 operations:", a section after "We reviewed 263 operations done from 2015 to
                # 2021": the provider's own dated series, called back by its size
                flag = True
            elif not flag and k and _AUDIT_OF_THESE.search(text, s, e) is not None \
                    and self.declares_own_series(text, *sentences[k - 1]):
                # "Between January and June 2024, our advice line took 1,184 calls. Our audit of these calls found that
                # 38% ...": the provider's own dated series, audited in the next sentence
                flag = True
            elif not flag and k and _THEIR_DATED_REVIEW.match(text, s) \
                    and self.lex.in_house.search(text, *sentences[k - 1]):
                # "Our infection prevention team reviews the results every year. Their review for April 2023 to March
                # 2024 found ...": the provider's own dated review, its owner named in the sentence before
                flag = True
            elif not flag and self._derived_from_own_series(unit, sentences, k):
                # "Between April 2023 and March 2024, we carried out 318 food challenges. In that year, 61 children (19%)
                # had a reaction.": 61 is 19% of 318, a share the provider worked out from its own dated series
                flag = True
            elif not flag and k > 1 and flags[k - 2] and not flags[k - 1] and _COUNTED.search(text, *sentences[k - 1]) \
                    and _COUNTED.search(text, s, e) and self.declares_own_series(text, *sentences[k - 2]):
                # "Our department audited 158 operations done in 2022 and 2023. Chipped teeth occurred in 3 patients
                # (about 2 in 100). A polyp came back in 7 patients (about 4 in 100).": the audit's figures, one after
                # another
                flag = True
            flags.append(flag)
        return flags

    def _derived_from_own_series(self, unit, sentences, k: int) -> bool:
        """Is the k-th sentence's share worked out from the provider's own dated series given before it, in its block
        or in the blocks just before it in its section? "61 children (19%)" after "we carried out 318 food challenges"
        between two dates; "That is fewer than 1 in every 100 people" after "we did 1,412 operations" in 2023 and "9
        people had a serious problem"."""
        text = unit.block.text
        s, e = sentences[k]
        shares = [(_number(m.group("n")), float(m.group("p")), m.group("p"))
                  for m in _COUNT_AND_SHARE.finditer(text, s, e)]
        restated = _RESTATED_RATE.match(text, s) if not shares else None
        if not shares and restated is None:
            return False
        sizes = self._own_series_sizes(unit, sentences, k)
        if not sizes:
            return False
        if shares:
            return any(abs(100 * n / size - p) <= _rounding(digits) for n, p, digits in shares for size in sizes)
        # "9 people had a serious problem. That is fewer than 1 in every 100 people": the count before, as a rate
        # (the sentence before may end the block before: an easy-read page gives each sentence a line)
        before = (text, *sentences[k - 1]) if k else self._last_sentence_before(unit)
        if before is None:
            return False
        counts = [_number(m.group()) for m in _SMALL_COUNT.finditer(*before) if not _YEAR_IN.fullmatch(m.group())]
        if len(counts) != 1:
            return False
        rate = _number(restated.group("a")) / _number(restated.group("b"))
        way = (restated.group("way") or "").lower()
        for size in sizes:
            if counts[0] >= size:
                continue
            share = counts[0] / size
            if way in _BELOW_WORDS and share < rate or way in _ABOVE_WORDS and share > rate \
                    or way not in _BELOW_WORDS | _ABOVE_WORDS and rate / 1.5 <= share <= rate * 1.5:
                return True
        return False

    def _position(self, unit) -> int:
        """Where the block stands among the page's units."""
        if self._index is None:
            self._index = {id(u.block): i for i, u in enumerate(self.page.units)}
        return self._index.get(id(unit.block), 0)

    def _last_sentence_before(self, unit):
        """The text, start and end of the last sentence of the paragraph just before this block, or None."""
        i = self._position(unit)
        previous = self.page.units[i - 1] if i else None
        if previous is None or previous.block.scope != "paragraph" or not sentences_of(previous):
            return None
        return (previous.block.text, *sentences_of(previous)[-1])

    def _own_series_sizes(self, unit, sentences, k: int) -> list[float]:
        """The sizes of the provider's own dated series given before the k-th sentence: in its block, then in up to
        three paragraphs before it in its section."""
        text = unit.block.text
        # (the sentence itself may give the series: "Of the 486 people referred to our program from April 2023 to
        # March 2024, 352 (72%) came")
        # (each with the start of the sentence before it in its block, which may say whose the series is: "We check
        # how our virtual ward is working through our own audit. Between 1 April 2023 and 31 March 2024, the virtual
        # ward looked after 1,214 people.")
        def with_before(spans):
            return [(a, b, spans[j - 1][0] if j else a) for j, (a, b) in enumerate(spans)]
        found = [(text, a, b, w) for a, b, w in with_before(sentences[:k + 1])]
        i = self._position(unit)
        for previous in self.page.units[max(0, i - 3):i][::-1]:
            if previous.block.scope in ("title", "heading"):
                break
            found.extend((previous.block.text, a, b, w) for a, b, w in with_before(sentences_of(previous)))
        return [_number(m.group()) for t, a, b, w in found if self.declares_own_series(t, a, b, owner_from=w)
                for m in _SMALL_COUNT.finditer(t, a, b) if not _YEAR_IN.fullmatch(m.group()) and _number(m.group()) >= 10]

    def declares_own_series(self, text: str, start: int, end: int, number=None, owner_from: int | None = None) -> bool:
        """Does the sentence give the provider's own series with its size (any, or the one ``number`` matches) and its
        dates ("We reviewed 263 operations done from 2015 to 2021", "From 2019 to 2023, we performed 214 procedures")?
        ``owner_from``: where the words that make the series the provider's may start, when before the sentence."""
        owner_from = start if owner_from is None else owner_from
        return self._dated_count(text, start, end, number or _A_COUNT) \
            and (self.lex.in_house.search(text, owner_from, end) or _OWN_SERIES.search(text, owner_from, end)) is not None

    @staticmethod
    def _dated_count(text: str, start: int, end: int, number) -> bool:
        """Does the sentence hold a count (one ``number`` matches, not a year) and a year?"""
        return any(not _YEAR_IN.fullmatch(m.group()) for m in number.finditer(text, start, end)) \
            and _YEAR_IN.search(text, start, end) is not None

    def _series_dated_before(self, unit, count: str | None, anywhere: bool = False) -> bool:
        """Does a sentence earlier on the page (or earlier in this block) give the provider's own series of this size
        with its dates ("We reviewed 263 operations done from 2015 to 2021")? With no size, any series of the provider's
        own with its dates ("Our audit included 164 people who had ... between 2018 and 2023"). With ``anywhere``, a
        sentence anywhere on the page ("In our audit below, ...")."""
        number = re.compile(rf"(?<![\d,.]){re.escape(count)}(?![\d,]|\.\d)") if count is not None else _A_COUNT
        # (a series called back with no size may be given earlier in the same block: its sentences before the call)
        upto = len(self.page.units) if anywhere else self._position(unit) + (1 if count is None else 0)
        for previous in self.page.units[:upto]:
            text = previous.block.text
            if count is not None and count not in text:
                continue
            before = None
            for s, e in sentences_of(previous):
                if previous is unit and not anywhere and _OWN_SERIES_BACK.search(text, s, e):
                    break
                # (the dates may be given in the sentence before: "... our surgical audit from April 2022 to March 2024. In
                # that time we did 402 keyhole operations")
                start = before if before is not None and _IN_THAT_TIME.match(text, s) else s
                before = s
                if self.declares_own_series(text, start, e, number) \
                        and (count is not None or _SERIES_WORD.search(text, start, e)):
                    return True
                # (or, with no size asked for, a dated count the sentence names as a source: "Between 2016 and 2023, 64
                # patients had a wrist fusion here")
                if count is None and self._dated_count(text, s, e, number) \
                        and any(a < e and b > s for a, b in self.spans(previous)):
                    return True
        return False

    def _previous_ends_sourced(self, unit, reach: int = 1) -> bool:
        """Does the paragraph before this block end with a sentence that carries a source? With ``reach`` above 1
        (a sentence that names the study it goes on with: "In the same evidence review, ..."), any of that many
        blocks before, lists included, may carry it."""
        i = self._position(unit)
        # the blocks before, in page order: each then looks back only at blocks already worked out, so a long run of
        # paragraphs that go on from one another costs no deep recursion
        while self._settled < i - 1:
            settled = self.page.units[self._settled]
            if settled.sentences:
                self.sentence_flags(settled, settled.sentences)
            self._settled += 1
        if reach == 1:
            previous = self.page.units[i - 1] if i > 0 else None
            return previous is not None and previous.block.scope == "paragraph" and bool(previous.sentences) \
                and self.sentence_flags(previous, previous.sentences)[-1]
        for previous in self.page.units[max(0, i - reach):i][::-1]:
            if previous.block.scope in ("title", "heading") or not previous.sentences:
                if reach > 4:
                    continue  # "The same leaflet lists these:" names a source a section or two up
                return False  # a new section starts: what came before it is another subject
            if any(self.sentence_flags(previous, previous.sentences)):
                return True
        return False

    def page_has_sources(self) -> bool:
        if self.has_reference_list:
            return True
        return any(self.spans(u) for u in self.page.units)


# a promise refused: "We cannot promise that ...", "we do not guarantee"
_NOT_PROMISED = compile_builtin(
    r"(?i)\b(?:cannot|can[’']t|can\s+not|do\s+not|don[’']t|will\s+not|won[’']t|never)\s+(?:promise|guarantee|say\s+for\s+certain)\b")
# a section that sums up the page: its points are argued and cited below
_SUMMARY_HEADING = compile_builtin(
    r"(?i)^\W*(?:key\s+(?:points|facts|messages|takeaways)|at\s+a\s+glance|in\s+brief|in\s+short|summary|quick\s+facts"
    r"|the\s+essentials|main\s+points)\W*$")


def _in_summary(page, unit) -> bool:
    heading = page.last_before(unit, ("title", "heading"))
    return heading is not None and heading.block.scope == "heading" and bool(_SUMMARY_HEADING.match(heading.block.text))


def _needles_in(unit, scan: PatternSet):
    """A block's haystack and the claim patterns' needles in it, found once for the rules that share the lexicon
    (the statistics and the research claims)."""
    key = ("claim-needles", id(scan))
    got = unit.memo.get(key)
    if got is None or got[0] is not scan:
        haystack = Haystack.of(unit.block.text)  # (the source search reads the same)
        got = unit.memo[key] = (scan, haystack, scan.needles(haystack))
    return got[1], got[2]


def lead_in_sourced(units, index, sources) -> bool:
    """A list item or a table cell takes the source of the paragraph that introduces its list or table: one
    ending in a colon whose last sentence cites, one that says where "the figures below" come from, or (for a
    table) the caption or paragraph just above it that cites; or of a "Source: ..." line just under the list
    or table."""
    scope = units[index].block.scope
    if scope not in ("list_item", "table_cell"):
        return False
    if scope == "table_cell" and _has_source_column(units, index):
        return True
    if source_line_after(units, index, sources):
        return True
    j = index
    for _ in range(4):
        j -= 1
        if j >= 0 and units[j].block.scope == scope:
            j = _scope_run(units, j)[0] - 1
        if j < 0 or not (units[j].block.scope == "paragraph" or _SOURCE_LINE.match(units[j].block.text)):
            return False  # (a "Source: ..." line between a table's caption and the table is read as a reference)
        lead = units[j]
        sentences = sentences_of(lead)
        if not sentences:
            return False
        # (a reference marker after the colon: "... found these rates after colonoscopy:[1]")
        text = _TRAILING_MARKER.sub("", lead.block.text.rstrip())
        if scope == "table_cell":
            if any(sources.sentence_flags(lead, sentences)):
                return True
            # a caption without a source, under a paragraph that gives it
            before = units[j - 1] if j > 0 else None
            return before is not None and before.block.scope == "paragraph" and bool(before.sentences) \
                and any(sources.sentence_flags(before, before.sentences))
        if text.endswith(":"):
            # the whole paragraph's flags: its last sentence may go on from a cited one ("... (Ardern et al.,
            # 2014). It found that:"), or an earlier one says where the figures are from ("These figures are from
            # the NICE evidence review. Out of 100 people who have keyhole surgery:")
            flags = sources.sentence_flags(lead, sentences)
            if flags[-1] or (any(flags) and _POINTS_BELOW.search(text)):
                return True
            # the provider's own dated series, its audit named in the paragraph: "Our clinic audits every injection. In
            # 2023 we gave 1,212 injections, with the following results:"
            if _AUDIT_WORD.search(text) and sources.declares_own_series(text, sentences[-1][0], sentences[-1][1],
                                                                         owner_from=sentences[0][0]):
                return True
            # a short lead after the cited sentence, which only opens the list: "We audited the 96 operations done
            # here from 2021 to 2023. The main problems were:", "... This is what we found:"
            if len(flags) > 1 and flags[-2] and len(text[sentences[-1][0]:].split()) <= _SHORT_LEAD_WORDS:
                return True
            if len(text.split()) > 4:
                return False
            # a label ("Less common:") under a paragraph that gave the source of all the lists after it
            continue
        # (a lead-in with no colon that names the medicine's own document: "Side effects, as listed in the product's
        # patient information leaflet")
        document = sources.lex.medicine_document
        if not _POINTS_BELOW.search(lead.block.text) and (document is None or not document.search(lead.block.text)):
            return False
        return any(sources.sentence_flags(lead, sentences))
    return False


#: the most words of a line that stands for a list item in plain text ("A urine infection needing antibiotics: about 2 in
#: 100 people.")
_LINE_WORDS = 25
#: a block of more than _LINE_WORDS words, read only that far (a split of the whole block for each of its figures grew
#: with the square of a long paragraph of figures)
_LONGER_THAN_LINE = compile_builtin(r"\s*(?:\S+\s+){%d}\S" % _LINE_WORDS)


def line_run_sourced(units, index, sources) -> bool:
    """In plain text a list is often lines with no bullets: "A little blood in the urine: about 1 in 10 people." under
    "In our department's audit of 1,206 cystoscopies from 2022 to 2024, we recorded these effects:". A short paragraph
    in a run of short paragraphs under a paragraph ending in a colon whose last sentence cites takes its source."""
    if units[index].block.scope != "paragraph" or _LONGER_THAN_LINE.match(units[index].block.text):
        return False
    for j in range(index - 1, max(-1, index - 13), -1):
        lead = units[j]
        if lead.block.scope != "paragraph":
            return False
        if _TRAILING_MARKER.sub("", lead.block.text.rstrip()).endswith(":"):
            sentences = sentences_of(lead)
            return bool(sentences) and bool(sources.sentence_flags(lead, sentences)[-1])
        if _LONGER_THAN_LINE.match(lead.block.text):
            return False
    return False


# a sentence that only says studies exist, which the page then describes: "Two trials have compared these treatments.",
# "Several studies have looked at this:" (not what they showed: "Studies have shown that ...")
_STUDIES_ANNOUNCED = compile_builtin(
    r"(?i)^\W*(?:two|three|four|five|six|several|a\s+few|a\s+number\s+of|\d+)\s+(?:[\w-]+\s+){0,2}?(?:trials|studies|reviews)"
    r"\s+have\s+(?:directly\s+)?(?:compared|looked\s+at|studied|tested|examined|followed|asked\s+about)\b(?![^.]*\b(?:show|shows|showed"
    r"|shown|prove|proves|proved|proven|confirm|confirms|confirmed|found|find|finds)\b)"
)


# a sentence that gives the source of the figures before it: "These results come from", "All these figures are taken from"
_RESULTS_COME_FROM = compile_builtin(
    r"(?i)\W*(?:these|the|all\s+these|those|all\s+the|both)\s+(?:[\w-]+\s+)?(?:results|figures|numbers|findings|rates|data"
    r"|statistics|percentages)\s+(?:all\s+)?(?:come|came|are\s+taken|were\s+taken|are\s+from|were\s+reported|are\s+reported"
    r"|were\s+published|are\s+published)\b")


def _results_sourced_after(text: str, sentences, flags, i: int, reach: int = 4) -> bool:
    """Does one of the few sentences after the i-th give, with a source, the source of the figures before it?"""
    for j in range(i + 1, min(len(sentences), i + reach + 1)):
        if flags[j] and _RESULTS_COME_FROM.match(text, sentences[j][0]):
            return True
    return False


# "Large clinical trials have shown that ...", over a list that names each trial and where it was published: the list
# is the claim's source
_STUDIES_CLAIMED = compile_builtin(
    r"(?i)^\W*(?:[\w-]+\s+){0,3}?(?:trials|studies|reviews)\s+(?:have\s+)?(?:shown|show|showed|found|proved|proven|confirmed)\b"
)


def studies_described_after(units, index, sources) -> bool:
    """Does a paragraph that ends by announcing studies ("Two trials have compared these treatments.", "Several studies
    have looked at this:") go on to a list whose first item, or a paragraph whose first sentences, cite one of them?"""
    unit = units[index]
    if unit.block.scope != "paragraph" or index + 1 >= len(units):
        return False
    after = units[index + 1]
    if after.block.scope not in ("list_item", "paragraph"):
        return False
    sentences = sentences_of(after)
    return bool(sentences) and any(sources.sentence_flags(after, sentences)[:2])


def short_neighbour_sourced(units, index, sources, own: bool = False) -> bool:
    """In copy written a sentence to a paragraph (easy-read pages, social posts), the paragraph just before or
    after a one-sentence claim is its neighbour sentence: "In our survey in March 2024, 112 people answered." /
    "9 out of 10 said the nurse explained things well." / "This comes from the Kingsmead Patient Survey 2024."
    The one before counts when its last sentence cites (for the provider's own figure, only when it speaks of the
    provider's own data); the one after when it says where the figure comes from."""
    def short(j):
        return 0 <= j < len(units) and units[j].block.scope == "paragraph" and 0 < len(units[j].sentences) <= 2
    if short(index - 1):
        before = units[index - 1]
        last = before.sentences[-1]
        if sources.sentence_flags(before, before.sentences)[-1] and (
                not own or _REFERS_BACK.search(before.block.text, *last) or sources.lex.in_house.search(before.block.text, *last)):
            return True
    if short(index + 1):
        after = units[index + 1]
        first = after.sentences[0]
        if _COMES_FROM.match(after.block.text, first[0]) and sources.sentence_flags(after, after.sentences)[0]:
            return True
    return False


def source_line_after(units, index, sources) -> bool:
    """Is the block (with the rest of its list or table) followed by a line that gives the source of its figures:
    "Source: National Ophthalmology Database Audit, 2025" under a table, a list or a boxed paragraph?"""
    scope = units[index].block.scope
    after = index
    if scope in ("list_item", "table_cell"):
        after = _scope_run(units, index)[1]
    if after + 1 >= len(units):
        return False
    line = units[after + 1]
    return line.block.scope not in ("list_item", "table_cell") and bool(_SOURCE_LINE.match(line.block.text)) \
        and any(sources.sentence_flags(line, sentences_of(line)))


def _hedged_lead_in(units, index) -> bool:
    """Is a list item under a lead-in that hedges all of it ("Most people:", "You may notice:")?"""
    j = index - 1
    if j >= 0 and units[j].block.scope == "list_item":
        j = _scope_run(units, j)[0] - 1
    if j < 0 or units[j].block.scope != "paragraph":
        return False
    text = units[j].block.text.rstrip()
    return text.endswith(":") and bool(_GUIDANCE_HEDGE.search(text[-80:]))


def _within(ordered: list[int], low: int, high: int) -> list[int]:
    """The numbers of a sorted list from ``low`` to ``high``, both included."""
    return ordered[bisect.bisect_left(ordered, low) : bisect.bisect_right(ordered, high)]


def _overlaps_kept(kept, start: int, end: int) -> bool:
    """Does ``start``-``end`` overlap any of the kept claims, sorted and none overlapping another? The one starting
    last before ``end`` ends last of those: only it need be tested, where testing each took time growing with the
    square of a block's claims (a page of nothing but figures)."""
    i = bisect.bisect_left(kept, (end,))
    return i > 0 and kept[i - 1][1] > start


def _has_source_column(units, index) -> bool:
    """Is a table cell in a table with a column headed "Source" (each row names where its figures come from)?
    A header counts up to 40 cells after the cell, so a cell of the header row does too."""
    first, last = _scope_run(units, index)
    key = ("source-header", id(units))
    header = units[index].memo.get(key)
    if header is None:  # the table's first cell headed "Source", found once for all its cells
        header = next((j for j in range(first, last + 1) if _SOURCE_HEADER.match(units[j].block.text)), -1)
        for u in units[first:last + 1]:
            u.memo[key] = header
    return 0 <= header < index + 40


def _scope_run(units, index) -> tuple[int, int]:
    """The first and last index of the run of blocks of ``units[index]``'s scope that holds it: a list's items, a
    table's cells. Found once per run and kept on its units: each cell walking to its table's ends took time
    growing with the square of the table's size."""
    key = ("scope-run", id(units))
    run = units[index].memo.get(key)
    if run is None:
        scope = units[index].block.scope
        first = last = index
        while first > 0 and units[first - 1].block.scope == scope:
            first -= 1
        while last + 1 < len(units) and units[last + 1].block.scope == scope:
            last += 1
        run = (first, last)
        for u in units[first:last + 1]:
            u.memo[key] = run
    return run


def study_before(text: str, sentences, flags, i: int, in_house) -> bool:
    """Does a sentence two to four before sentence ``i`` of a block cite a study whose figures the paragraph goes on
    to give, sentence after sentence ("The ProtecT trial compared ... [2]. After 10 years, about 1% ... . The cancer
    had spread in 2.4% ... . In the monitoring group, the figure was 6.0%.")? Every sentence between must give a
    figure and none may be the provider's own: "A Cochrane review found ... . With SMILE, that simply doesn't
    happen. SMILE patients also heal twice as fast" adds a claim of the page's own."""
    for j in range(i - 2, max(-1, i - 5), -1):
        between = sentences[j + 1]
        if not _FIGURE.search(text, *between) or in_house.search(text, *between):
            return False
        if flags[j] and _STUDY_OPENING.search(text, *sentences[j]):
            return True
    return False


def cited_earlier_in_section(units, index, sources, reach: int = 6) -> bool:
    """Does a block before ``index`` in the same section (up to ``reach`` blocks back, not past a heading) cite a
    source?"""
    for j in range(index - 1, max(-1, index - 1 - reach), -1):
        unit = units[j]
        if unit.block.scope in ("heading", "title"):
            return False
        if any(sources.sentence_flags(unit, sentences_of(unit))):
            return True
    return False


#: a sentence that opens by pointing back at a study the page has named: "In the study that developed the score, ...",
#: "In that trial, ...", "The same guidelines give ..."
_POINTS_BACK_AT_STUDY = compile_builtin(
    r"(?i)\s*(?:(?:in|from|by)\s+)?(?:the\s+same|that|this|these|those|the)\s+(?:stud(?:y|ies)|trials?|reviews?|audits?"
    r"|guidelines?|reports?|surveys?|analys[ie]s|papers?|registry|research)\b(?:\s+(?:that|which)\s+(?:developed|produced"
    r"|described|tested|first\s+described|introduced)\b[^,.;]{0,60}|\s*)[,\s]"
)


def sentences_of(unit) -> list[tuple[int, int]]:
    return unit.sentences


# a research subject asked about or named as a topic: "what the research shows", "how do studies compare"
_ASKED = re.compile(r"\b(?:what|how|whether|why)\s+(?:(?:does|do|did|has|have|can|could)\s+)?(?:the\s+|this\s+|our\s+|recent\s+)?$",
                    re.IGNORECASE)


class UncitedClaim(Kind):
    """A specific outcome number or a research claim with no source near it."""

    name = "uncited-claim"
    options = {
        "claims": (list, lambda: list(CLAIM_TYPES)),
        "research_message": (str, ""),
        "lexicon": (str, LEXICON_FILE),
        # sentences before and after a claim that may carry its source
        "window": (int, 1),
        # a description of a study may take its source from this many sentences after it
        "study_window": (int, 2),
        # what the message says is needed, by the kind of claim
        "needs": (dict, dict),
        # on a page that sources at least this many of its claim sentences, and this share of them, an
        # unsourced one (not the provider's own) is reported a level lower with this note (0 turns this off)
        "sourced_page_min": (int, 3),
        "sourced_page_share": ((int, float), 0.6),
        "sourced_page_note": (str, "(Reported a level lower: this page gives a source for {sourced} of its {claims} claims.)"),
    }

    NEEDS = {
        "in_house": "publish the audit behind your own figures (how many patients, over which years) or link it",
        "risk": "cite the study, audit or registry the figure comes from, or the body that publishes it (NICE, a national audit)",
        "success": "cite the study or registry that measured it",
        "population": "name the body or survey the figure comes from (for example the NHS or the CDC)",
        "research": "name the study (authors, year, journal) or link it",
        "experts": "name the body or guideline it comes from (for example NICE or the specialist society)",
    }

    def setup(self):
        unknown = set(self.opts["claims"]) - set(CLAIM_TYPES)
        if unknown:
            raise self.error(f"unknown claim type(s) {', '.join(sorted(unknown))}")
        path = lexicon_path(self.rule, self.opts["lexicon"])
        if not path.exists():
            raise self.error(f"lexicon file not found: {path}")
        self.lex = load_lexicon(str(path))
        unknown_needs = set(self.opts["needs"]) - set(self.NEEDS)
        if unknown_needs:
            raise self.error(f"unknown 'needs' key(s) {', '.join(sorted(unknown_needs))}")
        self.needs = {**self.NEEDS, **self.opts["needs"]}
        self.numeric = [k for k in self.opts["claims"] if k not in ("research", "answer")]
        self.answers = "answer" in self.opts["claims"]
        self.research = "research" in self.opts["claims"]
        # (the fields ``_finding`` and ``check`` fill in them)
        self.check_template("research_message", {"text", "claim", "need", "plain"})
        self.check_template("sourced_page_note", {"sourced", "claims"})

    # -- finding claims ------------------------------------------------------------
    def claims_in(self, unit):
        """(start, end, type) of each claim in a block, longest first where they overlap."""
        text = unit.block.text
        lex = self.lex
        _, words = words_of(text)
        has_digit = _DIGIT.search(text) is not None
        found = []
        scan, haystack, needles = lex.scan, None, None
        for kind in self.numeric:
            # cheap tests first: most blocks hold no number and cannot hold a claim
            if kind == "percentage":
                if "%" not in text and "percent" not in words and "per" not in words:
                    continue
            elif not (has_digit and kind in ("frequency", "count")) and lex.gates[kind].isdisjoint(words):
                if not (kind == "ratio" and "×" in text):
                    continue
            if haystack is None:
                haystack, needles = _needles_in(unit, scan)
            for m in scan.finditer(lex.claims[kind], haystack, needles):
                found.append((m.start(), m.end(), kind))
        if self.research:
            for kind, pattern in lex.research.items():
                if lex.gates["research-" + kind].isdisjoint(words) and not (
                        kind == "experts" and _PROFESSION_HINT.search(text)):
                    continue
                if haystack is None:
                    haystack, needles = _needles_in(unit, scan)
                for m in scan.finditer(pattern, haystack, needles):
                    if _MIXED_AFTER.match(text, m.end()):
                        continue  # "Some figures are given as a range, because studies found slightly different results"
                    if _NOT_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                        continue  # "Eye exercises are not proven to correct nearsightedness": no claim is made
                    if _ASKED.search(text, max(0, m.start() - 30), m.start()):
                        continue  # "what the research shows", "What does the research show?": a topic, not a claim
                    if kind == "narrative":
                        adj = m.group("adj") if m.group("adj") is not None else (m.group("adj2") or "")
                        if lex.diagnostic_before.search(adj.rstrip()):
                            continue
                    elif kind == "generic" and lex.diagnostic_before.search(text[max(0, m.start() - 40):m.start()]):
                        continue
                    elif kind == "experts" and _hedged_practice(text, m.start(), m.end()):
                        continue  # "Many surgeons now prefer a stapedotomy": what some doctors do, not a claim of proof
                    elif kind == "experts" and _ASKED_THAT.search(text, max(0, m.start() - 100), m.start()) is not None:
                        continue  # "the MHRA asked that two specialists agree": a rule for doctors, not their view
                    elif kind == "experts" and _hedged_belief(unit, m.start(), m.end()):
                        continue  # "Some surgeons think these help, although the evidence is limited": a view, said as one
                    elif kind == "experts" and _CAUSE_UNCERTAIN.match(text, m.end()) is not None \
                            and _CAUSE_UNKNOWN.search(text, max(0, m.start() - 160), m.start()) is not None:
                        continue  # "The exact cause is not known. Doctors think a virus may trigger it": a guess, said as one
                    found.append((m.start(), m.end(), "research-" + kind))
        # where claims overlap, a number of cases ("three times faster") is kept over the recovery time
        # or comparison around it ("recover three times faster than")
        found.sort(key=lambda c: (c[2] in _SECONDARY_CLAIMS, c[0], -c[1]))
        out: list[tuple[int, int, str]] = []
        for claim in found:
            if not _overlaps_kept(out, claim[0], claim[1]):
                bisect.insort(out, claim)
        return out

    def is_claim(self, text: str, start: int, end: int, kind: str, bounds: tuple[int, int]) -> bool:
        """A number is a claim unless it is a dose, a concentration, a price, a size or an instruction."""
        lex = self.lex
        if lex.not_outcome.search(text, max(bounds[0], start - 30), min(bounds[1], end + 40)):
            return False
        if lex.instruction_before.search(text[max(0, start - 60):start]):
            return False
        if kind == "percentage" and lex.medicines:
            name = _WORD_BEFORE.search(text, max(bounds[0], start - 40), start)
            if name is not None and name.group(1).lower() in lex.medicines:
                return False  # "eye drops such as hypromellose 0.3%": the medicine's strength
        if kind == "percentage" and lex.product_form_after is not None:
            form = lex.product_form_after.match(text, end, bounds[1])
            if form is not None and (form.group("medicine") is None or form.group("medicine").lower() in lex.medicines):
                return False  # "Apply the 5% lotion", "a 1% clotrimazole spray": the product's strength
        # (within the few words before it: a search from the clause's start grew with the square of a long sentence's
        # figures)
        if _NOT_PROMISED.search(text, max(bounds[0], start - 80), start):
            return False  # "We cannot promise that you will never need glasses again": the opposite of a claim
        if kind == "percentage" and lex.measured_after.match(text, end) \
                and not _OUTCOME_VERB_BEFORE.search(text, max(bounds[0], start - 40), start):
            return False  # "removing 80% of the stomach" describes the operation; "nodules lose 80% of their volume" is a result
        if kind == "recovery" and _MODAL_HEDGE.search(text, _clause_start(text, bounds[0], start), start):
            return False  # "most people can be back at work within 2 weeks": guidance, not a promise
        if kind == "ratio" and _AVERAGE_COMPARED.search(text, start, end) \
                and _MODAL_HEDGE.search(text, max(bounds[0], start - 40), start):
            return False  # "your chances may be higher or lower than the average": no figure is claimed
        if kind == "comparison" and _RESEARCH_BEFORE.search(text, max(bounds[0], start - 30), start):
            return False  # "proven to outperform ...": the research claim (EVD002) is the finding
        if kind in ("return", "comparison", "durability") \
                and _GUIDANCE_HEDGE.search(text, _clause_start(text, bounds[0], start), start) \
                and not _SALES_TIME.search(text, start, end):
            return False  # "most people go back to office work after 2 weeks", "surgery may work better than"
        if kind in ("speed", "recovery", "return") \
                and _SOMETIMES.search(text, _clause_start(text, bounds[0], start), start):
            return False  # "Sometimes one session is enough": what happens for some, said as such
        if kind == "return" and _ADVICE_AFTER.match(text, end, bounds[1]) \
                and not text[_clause_start(text, bounds[0], start):start].strip():
            return False  # "Walking from the first day helps your circulation": what to do, and why
        if kind in ("durability", "comparison", "recovery", "return", "speed") \
                and _KEEP_DOING.match(text, bounds[0], end):
            return False  # "Keep wearing the brace for a year": an instruction, not a result that lasts
        if kind in ("durability", "comparison") and _GRADUAL_CHANGE.match(text, start, bounds[1]) \
                and not _RESULTS_BEFORE.search(text, max(bounds[0], start - 40), start):
            return False  # "it keeps getting stronger for a year or more": the course of healing, not a result that lasts
        if kind in ("return", "comparison", "durability") and _TRADE_OFF_AFTER.match(text, end, bounds[1]):
            return False  # "This stops periods permanently, but it is major surgery": a benefit weighed against a cost
        if kind in ("return", "comparison", "durability") and _HEDGE_AFTER.match(text, end, bounds[1]):
            return False  # "symptoms stay much the same for years in some people"
        if kind == "comparison" and _ASKED.search(text, max(bounds[0], start - 30), start):
            return False  # "we explain how the treatment actually works": a topic, not a claim
        if kind == "comparison" and _DEFINITION_BEFORE.search(text, bounds[0], start):
            return False  # "Chronic pain is pain that lasts for more than three months": a definition
        if kind == "percentage" and _THRESHOLD_IN_CONDITION.search(text, max(bounds[0], start - 100), start) \
                and (_BOUND.match(text, start) or _BOUND_BEFORE.search(text, max(bounds[0], start - 20), start)
                     or _BOUND_AFTER.match(text, end)):
            return False  # "Treatment is stopped if your headache days have not fallen by at least 30%": a threshold
        if kind == "percentage" and _counted_as(text, start, end, bounds):
            return False  # "A score of 50% or less counts as too little benefit": a threshold that says when something counts
        if kind in ("percentage", "frequency", "proportion") \
                and _DEFINED_BY_THRESHOLD.search(text, max(bounds[0], start - 160), start):
            return False  # "KDIGO uses the term kidney failure when kidney function falls below 15 percent": a definition
        if kind == "return" and _imperative_return(text, start, end, bounds[0]):
            return False  # "Start gentle exercise after four weeks and return to full exercise after six weeks": advice
        if _SIZE_COMPARED.match(text, end):
            return False  # "The wound is usually about three times longer than the lesion itself": a size, not a result
        if kind == "comparison" and _CONSEQUENCE_BEFORE.search(text, max(bounds[0], start - 40), start):
            return False  # "The water flow is controlled, so it is much gentler than the old syringes": a design's result
        if _MEANS_AFTER.match(text, end):
            return False  # "A risk of 1 in 1,000 means that, if 1,000 people had the test, ...": how to read a figure
        if _MEANS_BEFORE.search(text, max(bounds[0], start - 40), start):
            return False  # '"1 in 100" means about one operation in every hundred': the same figure, put another way
        if _FREQUENCY_WORD_DEFINED.search(text, max(bounds[0], start - 80), start):
            return False  # '"Very common" means it may affect more than 1 in 10 people': the scale a leaflet uses
        if _EXAMPLE_BEFORE.search(text, max(bounds[0], start - 30), start):
            return False  # "losing a little weight, such as 5% of your body weight, may help": an example
        if kind == "frequency":
            # "3 in 1" is a product, not a probability: a frequency counts a part of a whole
            m = _FREQUENCY_PARTS.search(text, start, end)
            if m and _number(m.group("part")) is not None and _number(m.group("whole")) is not None:
                return _number(m.group("part")) < _number(m.group("whole"))
        return True

    # -- sources -----------------------------------------------------------------------
    def check(self, page):
        # claim sentences, not claims: a sentence with three cited figures counts once
        sentences: dict[str, set] = {"sourced": set(), "unsourced": set()}
        hits = []
        for status, sentence, hit, own in self._claims_on(page):
            sentences[status].add(sentence)
            if hit is not None:
                hits.append((hit, own))
        sourced, unsourced = len(sentences["sourced"]), len(sentences["unsourced"])
        share = self.opts["sourced_page_share"]
        if hits and 0 < self.opts["sourced_page_min"] <= sourced and sourced >= share * (sourced + unsourced):
            # a page that gives a source for most of its figures ("About 1 in 100 get an infection
            # (NJR, 2023)") most likely sources this one too, in a way not recognised (a table two
            # paragraphs under its caption, a study named a section earlier): still reported, for an
            # editor to check, one level below the rule's severity (below the warnings a CI gate fails
            # on); the provider's own figures are not demoted
            note = string.Formatter().vformat(self.opts["sourced_page_note"], (),
                                              _Vars(sourced=sourced, claims=sourced + unsourced))
            for hit, own in hits:
                if not own:  # the provider's own figure is never taken as sourced by the rest of the page
                    hit.demoted = True
                    hit.message = f"{hit.message} {note}"
        yield from (hit for hit, _ in hits)

    def _claims_on(self, page):
        """For each claim: "sourced" or "unsourced", its sentence (block id, index), its hit (None when sourced) and
        whether it is the provider's own figure."""
        sources = SourceFinder.of(self.lex, page)
        units = page.units
        in_scope = set(self.rule.scope)
        for index, unit in enumerate(units):
            if unit.block.scope not in in_scope:
                continue
            claims = self.claims_in(unit)
            if self.answers:
                claims = sorted(claims + self.answers_in(units, index))
            if not claims:
                continue
            text = unit.block.text
            sentences = sentences_of(unit)
            starts = [s for s, _ in sentences]
            flags = None
            claim_sentences = None
            # each sentence's text, whether it speaks of the provider's own data, and what a finding in it asks for:
            # read once per sentence, not once per claim (a long sentence of figures has thousands)
            sentence_facts: dict[int, tuple[str, bool]] = {}
            needs: dict[int, str] = {}
            # "95% of our patients return to sport within six months" is one claim: a recovery time or a
            # comparison in the same clause as a number of cases is not reported again
            # (the counted claims' ends and starts sorted: those within reach are found by bisection, not by testing
            # each, which in a block of thousands of figures grew with the square of their number)
            counted_ends = sorted(c[1] for c in claims if c[2] not in _SECONDARY_CLAIMS)
            counted_starts = sorted(c[0] for c in claims if c[2] not in _SECONDARY_CLAIMS)
            for s, e, kind in claims:
                i = max(0, bisect.bisect_right(starts, s) - 1)
                if kind in _SECONDARY_CLAIMS and (
                    any(not _CLAUSE_JOIN.search(text, b, s) for b in _within(counted_ends, s - 60, s))
                    or any(not _CLAUSE_JOIN.search(text, e, a) for a in _within(counted_starts, e, e + 30))
                ):
                    continue
                sent_start, sent_end = sentences[i]
                if i not in sentence_facts:
                    sentence = text[sent_start:sent_end]
                    sentence_facts[i] = (sentence, self.lex.in_house.search(sentence) is not None)
                sentence, in_house = sentence_facts[i]
                if not kind.startswith("research") and not self.is_claim(text, s, e, kind, (sent_start, sent_end)):
                    continue
                if flags is None:
                    flags = sources.sentence_flags(unit, sentences)
                # (a bare "Yes." is explained, and may be cited, in the sentences after it: "Yes. Keeping your blood sugar
                # in range lowers the risk. This is shown in long-term studies such as the UK Prospective Diabetes Study")
                after = self.opts["study_window"] if kind in ("research-narrative", "answer") or (
                    # "Earlier research suggests RFA may help. In one trial of 151 people, 74% ... . The figure was
                    # 16% after a steroid injection [2].": the study described next carries the source
                    kind.startswith("research") and i + 1 < len(sentences)
                    and self.lex.research["narrative"].search(text, *sentences[i + 1])) else self.opts["window"]
                # (a sentence that puts the one before it another way reaches as far back as that one does: "Under that
                # approach, a range covers 95 out of every 100 results. This means that about 5 in every 100 ...")
                before = self.opts["window"] + (1 if _RESTATES.match(sentence) else 0)
                lo, hi = max(0, i - before), min(len(sentences) - 1, i + after)
                near = [j for j in range(lo, hi + 1) if flags[j]]
                if near and kind != "research-narrative":
                    # "Research shows X. According to the British Association of Dermatologists, Y.": a sentence that
                    # opens by naming its source attributes what follows, not the claim before it
                    near = [j for j in near if j <= i or not _FORWARD_ATTRIBUTION.match(text, sentences[j][0])]
                if near and not kind.startswith("research") and near != [i] and in_house:
                    # a clinic's own figure takes no source from a neighbouring sentence that makes, and
                    # cites, a claim of its own ("Our revision rate is under 2%. Published series report
                    # 5% to 15% [1].")
                    if claim_sentences is None:
                        claim_sentences = {max(0, bisect.bisect_right(starts, c[0]) - 1) for c in claims}
                    near = [j for j in near if j == i or j not in claim_sentences]
                if near and in_house and not kind.startswith("research"):
                    # a clinic's own figure takes its source from the sentence after only when that sentence
                    # speaks of the clinic's own data ("These figures come from our 2023 audit"); "Our success
                    # rate is 45%. The HFEA publishes national rates (hfea.gov.uk)." cites something else
                    near = [j for j in near if j <= i or _REFERS_BACK.search(text, *sentences[j])]
                if near and near[0] < i and (kind.startswith("research") and kind != "research-narrative"
                                             or in_house) \
                        and not self.lex.continues_source.match(sentence):
                    # the clinic's own claim ("At Lakeshore, our injury rate is below 0.3%", "Our cell therapy is
                    # clinically proven"), or an appeal to unnamed experts ("Surgeons now overwhelmingly favour
                    # it"), takes no source from the sentence before, which cited something else; but it does from the
                    # provider's own dated series just before ("We audited the 268 embolisations done here between 2019
                    # and 2023. Of the 231 people who completed our questionnaire, 186 (about 8 in 10) said ...")
                    near = [j for j in near if j >= i or in_house and not kind.startswith("research")
                            and j == i - 1 and sources.declares_own_series(text, *sentences[j])]
                if near:
                    yield "sourced", (id(unit.block), i), None, False
                    continue
                if not kind.startswith("research") and not in_house and _POINTS_BACK_AT_STUDY.match(sentence) \
                        and cited_earlier_in_section(units, index, sources):
                    yield "sourced", (id(unit.block), i), None, False
                    continue  # "A risk score developed by Apfel and colleagues (Anesthesiology, 1999) uses four factors:"
                    # over a list, then "In the study that developed the score, about 10 in 100 ..."
                if not kind.startswith("research") and not in_house:
                    if study_before(text, sentences, flags, i, self.lex.in_house):
                        yield "sourced", (id(unit.block), i), None, False
                        continue  # "The ProtecT trial compared ... [2]. ... . In the monitoring group, the figure was 6.0%."
                    if sources.page_declares_sources():
                        yield "sourced", (id(unit.block), i), None, False
                        continue  # "Unless we say otherwise, the figures on this page come from NICE guideline NG88."
                if not kind.startswith("research") and _results_sourced_after(text, sentences, flags, i):
                    yield "sourced", (id(unit.block), i), None, False
                    continue  # "About 9 in 10 ... . This compared with about half ... . These results come from
                    # Rosenfeld and colleagues, 2006.": a source given for the figures before it
                own = in_house
                if len(sentences) == 1 and unit.block.scope == "paragraph" and not kind.startswith("research") \
                        and short_neighbour_sourced(units, index, sources, own):
                    yield "sourced", (id(unit.block), i), None, False
                    continue  # one sentence to a paragraph: its neighbours are the paragraphs beside it
                if unit.block.scope == "paragraph" and not own and source_line_after(units, index, sources):
                    yield "sourced", (id(unit.block), i), None, False
                    continue  # a boxed paragraph with "Source: Royal College of Surgeons, 2005" under it
                if not kind.startswith("research") and sources.section_declares_sources(unit):
                    yield "sourced", (id(unit.block), i), None, False
                    continue  # "The figures in this section come from our unit's audit for 2023 to 2024."
                if not kind.startswith("research") and sources.page_is_audit_report():
                    yield "sourced", (id(unit.block), i), None, False
                    continue  # a department's page of its own audited results
                if not own and sources.has_reference_list and _in_summary(page, unit):
                    yield "sourced", (id(unit.block), i), None, False
                    continue  # "Key points" over a page with a reference list: the summary restates what the body cites
                if kind in _SECONDARY_CLAIMS and unit.block.scope == "list_item" and _hedged_lead_in(units, index):
                    continue  # "Most people:" over "- return to desk work after one to two weeks"
                if kind.startswith("research") and i == len(sentences) - 1 and (
                        _STUDIES_ANNOUNCED.search(sentence)
                        or _STUDIES_CLAIMED.search(sentence) and index + 1 < len(units)
                        and units[index + 1].block.scope == "list_item") \
                        and studies_described_after(units, index, sources):
                    yield "sourced", (id(unit.block), i), None, False
                    continue  # "Two trials have compared these treatments." over a list that names each trial and its journal
                    # (or "Large trials have shown that ...", over a list of the trials, each with its journal)
                if (i - before < 0 or unit.block.scope in ("list_item", "table_cell")) \
                        and (lead_in_sourced(units, index, sources) or line_run_sourced(units, index, sources)):
                    yield "sourced", (id(unit.block), i), None, False
                    continue
                if not kind.startswith("research") and i not in needs:
                    needs[i] = self._need(sentence, in_house)
                yield "unsourced", (id(unit.block), i), self._finding(unit, s, e, kind, needs.get(i)), own

    def answers_in(self, units, index) -> list[tuple[int, int, str]]:
        """A bare yes to a question about whether a treatment works: "Does it actually work? Short answer: yes." The
        question is the sentence before, in the same block or closing the block (a heading) before."""
        unit = units[index]
        text = unit.block.text
        if _ANSWER_WORDS.isdisjoint(words_of(text)[1]):
            return []  # most blocks: no sentence of theirs can open with a yes
        found = []
        for k, (start, end) in enumerate(unit.sentences):
            m = _AFFIRMATIVE_ANSWER.match(text, start, end)
            if m is None:
                continue
            if k > 0:
                question = text[unit.sentences[k - 1][0]:unit.sentences[k - 1][1]]
            elif index > 0 and units[index - 1].sentences:
                before = units[index - 1]
                question = before.block.text[before.sentences[-1][0]:before.sentences[-1][1]]
            else:
                continue
            if not question.rstrip().endswith("?") or not _EFFICACY_QUESTION.search(question):
                continue
            follows = unit.sentences[k + 1][1] if k + 1 < len(unit.sentences) else end
            if _ANSWER_HEDGE.search(text, m.end(), follows):
                continue  # "Yes, for most people, although ...", "Yes. Many people find ...": guidance
            stop = end
            while stop > m.start() and not text[stop - 1].isalnum():
                stop -= 1
            found.append((m.start("answer"), stop, "answer"))
        return found

    def _need(self, sentence: str, in_house: bool) -> str:
        """What the source of a figure in this sentence must say (for the message), by what the sentence speaks of."""
        lex = self.lex
        if in_house:
            return self.needs["in_house"]
        if lex.risk_words.search(sentence):
            return self.needs["risk"]
        if lex.success_words.search(sentence):
            return self.needs["success"]
        return self.needs["population"]

    def _finding(self, unit, s, e, kind, need):
        """The hit for an unsourced claim; ``need`` is its sentence's ``_need`` (a research claim has its own)."""
        claim_text = unit.block.text[s:e]
        if kind.startswith("research"):
            need = self.needs["experts" if kind == "research-experts" else "research"]
            msg = self.opts["research_message"] or None
            return self.hit(unit, s, e, message=msg, claim="research claim", need=need, plain="")
        suggestions = plain_language(claim_text) if kind == "percentage" else ()
        plain = f" In plain words: '{suggestions[0]}'." if suggestions else ""
        claim = _CLAIM_NAMES.get(kind, "statistic")
        return self.hit(unit, s, e, suggestions=suggestions, claim=claim, need=need, plain=plain)


_WORD_VALUES = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen".split()
    )
}
_WORD_VALUES.update({w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())})
_WORD_VALUES.update({"hundred": 100, "thousand": 1000, "million": 1_000_000})
_FREQUENCY_PARTS = compile_builtin(
    rf"(?i)(?P<part>{DIGITS}|[a-z]+)(?:\s*(?:-|–|to|or)\s*(?:{DIGITS}|[a-z]+))?\s+(?:in|per|out\s+of|of\s+every|in\s+every|of)\s+"
    rf"(?:every\s+|the\s+)?(?P<whole>{DIGITS}|(?:a\s+|one\s+)?[a-z]+)\b"
)


_AVERAGE_COMPARED = compile_builtin(r"(?i)\bthan\s+the\s+(?:national|uk|us|nhs|industry|regional|average|typical)")
_RESEARCH_BEFORE = compile_builtin(r"(?i)\b(?:proven|proved|shown|demonstrated|found|known)\s+to\s+$")
# a word naming a profession ("surgeons", "dermatologists", "physicians", "GPs")
#: some of a profession using or preferring a thing (not "most" or "all": that is a claim of consensus)
_HEDGED_PRACTICE = compile_builtin(
    r"(?i)(?:many|some|several|a\s+few)\s+(?:[a-z-]+\s+)?[a-z]+\s+(?:now\s+)?(?:prefer|use|choose|favou?r)")
_FOR_THEIR_OWN = compile_builtin(r"(?i)[^.;!?]*?\bfor\s+their\s+own\b")
_HEDGED_PRACTICE_START = compile_builtin(r"(?i)\b(?:many|some|several|a\s+few)\s")


def _hedged_practice(text: str, start: int, end: int) -> bool:
    """The match (with the quantity just before it, when it starts at the profession) is "many/some ... prefer/use"."""
    lead = _HEDGED_PRACTICE_START.search(text, max(0, start - 20), start + 1)
    # ("Many eye surgeons now choose SMILE for their own eyes" is an endorsement)
    return _HEDGED_PRACTICE.fullmatch(text, lead.start() if lead else start, end) is not None \
        and _FOR_THEIR_OWN.match(text, end, end + 60) is None


#: healing or recovery that goes on over a time of up to two years, the normal course of getting better: "Bone takes three
#: to six months to join, and it keeps getting stronger for a year or more", "the nerve keeps recovering for up to 18
#: months" (not a result kept: "the weight stays off for five years"; not "for years" or longer: "your skin keeps improving
#: for years after one session" is a claim of how long a benefit goes on)
_GRADUAL_CHANGE = compile_builtin(
    r"(?i)(?:keeps?|kept|keeping)\s+(?:on\s+)?(?:slowly\s+|gradually\s+|steadily\s+)?"
    r"(?:(?:getting|becoming|growing)\s+(?:a\s+little\s+|a\s+bit\s+|slowly\s+|gradually\s+)?(?:stronger|better|firmer|softer"
    r"|flatter|paler|fainter|smaller|easier|more\s+[a-z]+|less\s+[a-z]+)"
    r"|improving|healing|recovering|settling|fading|maturing|remodell?ing|strengthening|softening|flattening|shrinking"
    r"|easing|knitting|fusing|going\s+down|calming\s+down|settling\s+down|changing)"
    r"\s+(?:[\w'’-]+\s+){0,2}?for\s+(?:up\s+to\s+|at\s+least\s+|about\s+|around\s+|over\s+|more\s+than\s+)?"
    r"(?:(?:a|one|two|1|2)\s+years?|(?:a\s+few|several|many|\d{1,2}|three|four|five|six|nine|twelve|eighteen)\s+months)\b"
    r"(?!\s*(?:-|–|to|or)\s*(?:\d+|three|four|five|ten)\s+years)")
#: a treatment's results as what goes on improving, a claim about the treatment: "Results from PRP keep improving for up to
#: a year"
_RESULTS_BEFORE = compile_builtin(r"(?i)\b(?:results?|effects?|benefits?|outcomes?|improvements?|gains?)\b[^,.;:!?]{0,30}$")
#: an instruction to go on doing something, opening the sentence: "Keep wearing the brace for a year", "Continue using
#: the drops for six weeks"
_KEEP_DOING = compile_builtin(r"(?i)\W*(?:(?:after|once|when|during|while|for|until)\b[^,.;:!?]{0,60},\s*)?(?:please\s+)?"
                              r"(?:keep|continue|carry\s+on)\s+[a-z]+ing\b")


# what a body asks of clinicians, not what they hold: "the MHRA asked that two specialists agree", "NICE requires that a
# second consultant confirm it" (the base form of a rule: "Surgeons agree that X is best" is a claim)
_ASKED_THAT = compile_builtin(
    r"(?i)\b(?:asks?|asked|asking|requires?|required|requiring|insists?|insisted|demands?|demanded|recommends?|recommended"
    r"|advises?|advised|rules?|ruled|specif(?:y|ies|ied)|mandates?|mandated|stipulates?|stipulated|directs?|directed"
    r"|proposes?|proposed)\s+that\s+(?:(?:at\s+least|both|the|two|three|a\s+second|several|all|\d+)\s+){0,2}(?:[\w-]+\s+)?$")
# a belief said in its own sentence to lack proof: "Some surgeons think these help the vein mature, although the evidence
# is limited", "Doctors believe it helps, but this is not proven"
_EVIDENCE_LIMITED = compile_builtin(
    r"(?i)\b(?:although|though|but|however|while|yet)\b[^.;!?]{0,60}?\b(?:(?:the\s+)?(?:evidence|research|proof|data)"
    r"(?:\s+for\s+(?:this|it|that|them))?\s+(?:is|are|remains?)\s+(?:still\s+|very\s+|quite\s+|rather\s+)?(?:limited|weak|mixed"
    r"|uncertain|unclear|lacking|scarce|thin|poor|sparse|inconclusive|not\s+(?:yet\s+)?(?:strong|clear|conclusive|good|certain))"
    r"|(?:this|it|that|they)\s+(?:is|are|has|have)\s+(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:proven|proved|shown|tested)"
    r"|there\s+is\s+(?:little|limited|no\s+(?:good\s+|strong\s+|clear\s+|firm\s+)?)evidence|(?:not|un)[-\s]?proven)\b")
# only some of a profession holding a view: "Some surgeons think", "A few dermatologists believe" (not "many", "most")
_SOME_THINK = compile_builtin(r"(?i)(?:some|a\s+few)\s+(?:[a-z-]+\s+)?[a-z]+\s+(?:think|believe|feel|suspect)")
_SOME_START = compile_builtin(r"(?i)\b(?:some|a\s+few)\s")


def _hedged_belief(unit, start: int, end: int) -> bool:
    """Is the appeal to clinicians a belief held by only some of them ("Some surgeons think"), or one its own sentence says
    lacks proof ("..., although the evidence is limited")?"""
    text = unit.block.text
    lead = _SOME_START.search(text, max(0, start - 20), start + 1)
    if lead is not None and _SOME_THINK.fullmatch(text, lead.start(), end):
        return True
    begin, stop = next(((a, b) for a, b in sentences_of(unit) if a <= start < b), (0, len(text)))
    return _EVIDENCE_LIMITED.search(text, begin, max(stop, end)) is not None


# a figure that sets where a name or a stage begins, a definition: "KDIGO uses the term kidney failure when kidney function
# falls below about 15 percent of normal", "Anaemia is defined as ...", "NICE defines a high risk as ...", "Kidney failure
# is when kidney function falls below 15 percent"
_DEFINED_BY_THRESHOLD = compile_builtin(
    # (a state that starts at a level: not "The best time is when 90% of patients ...")
    r"(?i)\b(?:(?:is|are)\s+when\s+[^.;!?,]{0,80}?\b(?:below|above|under|over|less\s+than|more\s+than|to|at)\s+$"
    r"|(?:uses?\s+the\s+(?:term|word|name|label)\s+[^.;!?,]{1,60}?\s+(?:when|if|once|for)|(?:is|are)\s+defined\s+as"
    r"|defines?\s+[^.;!?,]{1,60}?\s+as)\s+[^.;!?,]{0,100}$)")
# an instruction to go back to something, with no subject: "Return to sport after six weeks.", "Start gentle exercise
# after four weeks and return to full exercise after six weeks", "Rest for a week, then go back to work" (not "Most
# people return ...", guidance; not "Patients are back at work the next morning", a claim)
_IMPERATIVE_BEFORE = compile_builtin(
    r"(?i)\W*(?:(?:after|from|when|once|if|by|within|in|at|for|until|over)\b[^,.;:!?]{0,60},\s*)?"
    r"(?:(?:please|then|gradually|slowly|gently|only)\s+)*"
    r"(?:(?:start|begin|build\s+up|try|take|keep|wait|avoid|do|walk|rest|use|increase|stop|aim\s+to|plan\s+to|wear|continue"
    r"|carry\s+on|stay|ease|don[’']t|do\s+not)\b[^.;:!?]{0,80}?(?:,\s*|\s+)(?:and|then|and\s+then|before|before\s+you)\s+"
    r"(?:(?:then|gradually|slowly|gently|only)\s+)*)?"
    # ("go back to work after two weeks"; "Start walking after one week": an activity the reader is told to start)
    r"(?:(?P<go>(?:go|get)\s+)|(?P<start>(?:start|begin|try|resume|continue|carry\s+on)\s+))?")
_RETURN_VERB = compile_builtin(r"(?i)(?:return|resume)\b")
#: the time an instruction gives, a number of days, weeks or months: "after six weeks", "at 12 weeks", "from two weeks"
_INSTRUCTED_TIME = compile_builtin(
    r"(?i)\b(?:after|from|at|by|until|within|in)\s+(?:about\s+|around\s+|at\s+least\s+)?(?:\d+|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|a|an)\s+(?:(?:to|or|-|–)\s+(?:\d+|[a-z]+)\s+)?(?:days?|weeks?|months?)\b")
_ACTIVITY = compile_builtin(r"(?i)[a-z]+ing\b")


def _imperative_return(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Is a return to an activity ("return to full exercise after six weeks") told to the reader, with no subject?"""
    # (the match may stop inside a range: "return to work after two| to three weeks")
    if _SALES_TIME.search(text, start, end) or not _INSTRUCTED_TIME.search(text, start, min(len(text), end + 25)):
        return False  # "Return to the gym in just 48 hours!", "Return to office the same afternoon": a sales line
    m = _IMPERATIVE_BEFORE.fullmatch(text, sentence_start, start)
    if m is None:
        return False
    if m.group("go"):
        return text[start:start + 4].lower() == "back"
    if m.group("start"):
        return _ACTIVITY.match(text, start) is not None
    return _RETURN_VERB.match(text, start) is not None


# "The exact cause is not known.", "No one knows exactly why": the sentence before a guess at a cause
_CAUSE_UNKNOWN = compile_builtin(
    r"(?i)\b(?:cause|causes|reason)(?:\s+(?:of|for)\s+[\w'’ -]{1,40}?)?\s+(?:is|are|remains?)\s+(?:still\s+)?(?:not\s+(?:yet\s+)?(?:fully\s+|completely\s+|well\s+)?"
    r"(?:known|understood|clear)|unknown|unclear|uncertain)\b|\b(?:no\s*one|nobody)\s+knows\b|\bnot\s+(?:yet\s+)?known\s+(?:exactly\s+)?"
    r"(?:why|what)\b")
# what the doctors think, after "think/believe": a cause, hedged ("it results from a mix of factors", "a virus may trigger")
_CAUSE_UNCERTAIN = compile_builtin(
    r"(?i)(?:\s+that)?(?:\s+[\w'’,-]+){0,14}?\s+(?:may|might|could|can|probably|possibly|likely|results?|caused|causes?|triggers?"
    r"|linked|plays?\s+a\s+part|is\s+due|are\s+due|comes?\s+from|arises?|involved)\b")
_PROFESSION_HINT = compile_builtin(r"(?i)(?:experts?|doctors|surgeons|scientists|researchers|consultants|(?-i:GPs)|ists|icians)\b")
# the words a medicine leaflet uses for how often a side effect happens, defined: '"Very common" means it may affect
# more than 1 in 10 people', 'The leaflets class "very rare" as affecting up to 1 in 10,000 people'
_FREQUENCY_WORD_DEFINED = compile_builtin(
    r"(?i)(?:\b(?:very\s+|un)?(?:common|rare)\b[\"”’']?\s+(?:means|is\s+defined\s+as|describes|is\s+used\s+(?:for|when))"
    r"|\b(?:very\s+|un)?(?:common|rare)\s*[(:]\s*(?:(?:may|can|could)\s+)?(?:affects?|happens?\s+in|occurs?\s+in)\b"
    r"|\b(?:class(?:es|ed|ify|ifies)?|defines?|describes?|counts?|calls?|labels?)\s+(?:a\s+side\s+effect\s+|it\s+)?[\"“‘']?"
    r"(?:very\s+|un)?(?:common|rare)[\"”’']?\s+(?:as|when|if)\b)[^.;!?]*$")
# a figure being explained: "1 in 1,000 means that ..."
_MEANS_AFTER = compile_builtin(r"(?i)\s+means\b")
# how to read a figure, put another way: '"1 in 100" means about one operation in every hundred'
# (a figure just before "means": "our technique means 80% less pain" is a claim)
_MEANS_BEFORE = compile_builtin(r"(?i)(?:\d\s*(?:in|out\s+of)\s*[\d,]+|%)[\"”’']?\s+(?:means|is\s+the\s+same\s+as)\s*$")
# a sentence that says where the figure before it comes from: "This comes from the Kingsmead Patient Survey 2024"
_COMES_FROM = compile_builtin(
    r"(?i)\s*(?:this|these|that|those|the\s+(?:figures?|numbers?|data|results?))\s+(?:figures?\s+|numbers?\s+|data\s+|results?\s+)?"
    r"(?:comes?|came|is|are|was|were)\s+(?:taken\s+)?from\b"
)
# reference markers closing a block: "...:[1]", "...:¹"
_TRAILING_MARKER = compile_builtin(r"(?:\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰])+$")
# a line under a table or list that says where its figures come from: "Source: National Ophthalmology Database
# Audit, 2025", "Data from the NJR annual report"
_SOURCE_LINE = compile_builtin(
    r"(?i)\W{0,2}(?:sources?|data\s+sources?|figures?\s+(?:are\s+)?from|data\s+from|adapted\s+from|references?)\s*[:\-–]"
)
# "after just 3 sessions", "in as little as 2 weeks": a sales figure, whatever hedge comes before it
# (a weekday: "back at their desks by Monday" after a Friday operation; "see perfectly the very next morning")
_SALES_TIME = compile_builtin(
    r"(?i)\b(?:just|only|as\s+little\s+as)\s+(?:\d|one|two|three|four|five|a\s)"
    r"|\bby\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+weekend)\b"
    r"|\bthe\s+very\s+(?:next|same)\s+(?:morning|day|evening|night)\b"
)
# a lead-in that points at the list after it: "the figures below", "the following risks"
#: the most words of a list's lead that only opens it ("The main problems they found were:")
_SHORT_LEAD_WORDS = 8
_POINTS_BELOW = compile_builtin(
    r"(?i)\b(?:below|the\s+following|as\s+follows|listed\s+here|in\s+this\s+list"
    # "The British Society for Surgery of the Hand lists these risks." (its list follows)
    r"|(?:lists|listed|gives|gave|sets\s+out|set\s+out)\s+these\s+(?:risks|complications|side\s+effects|figures|rates)"
    # "These figures come from the Vascular Society", "The figures that follow come from": the figures of the list after it
    r"|(?:figures|frequencies|numbers|rates|risks|statistics)\s+(?:here\s+|that\s+follow\s+)?(?:come|are|were\s+taken)\s+from)\b"
)
# research said to disagree: "studies found slightly different results", "the evidence is mixed"
_MIXED_AFTER = compile_builtin(
    r"(?i)\s*(?:that\s+)?(?:slightly\s+|somewhat\s+|very\s+|quite\s+|rather\s+)?(?:different|differing|varying|mixed|conflicting|inconsistent"
    r"|contradictory)\b"
)
# a page of the provider's own audited results
_AUDIT_PAGE = compile_builtin(
    r"(?i)\bthis\s+page\s+(?:reports|gives|shows|sets\s+out|publishes)\s+(?:the\s+|our\s+)?(?:results|outcomes|figures)\b"
)
_AUDIT_CHECKED = compile_builtin(
    r"(?i)\b(?:checked|audited|verified|validated)\s+by\s+(?:the\s+|our\s+)?(?:[\w’'-]+\s+){0,3}?(?:clinical\s+)?audit\s+(?:department|team"
    r"|office|unit|committee)\b"
)
# a negation just before a research claim: "are not proven to", "has never been shown to"
_NOT_BEFORE = compile_builtin(r"(?i)(?:\bnot|\bnever|n[’']t)\s+(?:(?:been|yet|be|fully|clearly|conclusively|well)\s+){0,3}$")
_SOURCE_HEADER = compile_builtin(r"(?i)\s*(?:sources?|references?|evidence|where\s+(?:the\s+)?figures?\s+come\s+from)\s*:?\s*$")
# a figure in a sentence: a number, a percentage, "half", "a third"
_FIGURE = compile_builtin(
    r"(?i)\d|\b(?:half|third|thirds|quarter|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred|most|many|some|few|none|majority|minority)\b"
)
# a sentence that describes the study the figures after it come from
_STUDY_OPENING = compile_builtin(
    r"(?i)\b(?:trial|study|studies|review|meta-analysis|audit|registry|cohort|survey|analysis|paper|guideline|guidelines"
    r"|followed|compared|studied|enrolled|randomi[sz]ed|randomly|assigned|included|looked\s+at)\b"
)
# a page that says where its figures come from, once for all of them: "Unless we say otherwise, the figures come from
# two sources", "Most figures here come from NICE", "All the numbers on this page are taken from ..."
#: how a page or section says where its figures come from
_COME_FROM = r"(?:come|comes|are\s+taken|were\s+taken|are\s+drawn|were\s+drawn)"
_PAGE_SOURCE_DECLARATION = compile_builtin(
    r"(?i)\b(?:unless\s+(?:we\s+say|stated|we\s+state|noted)\s+otherwise,?\s+(?:the|our|all)\s+|(?:all|most)\s+(?:of\s+)?(?:the\s+|our\s+)?"
    r"|(?:the|our)\s+(?=(?:figures|numbers|statistics|data|frequencies)\s+(?:on|in)\s+this\s+))"
    r"(?:figures|numbers|statistics|data|frequencies)\s+(?:(?:on|in)\s+this\s+(?:page|leaflet|guide|booklet|decision\s+aid)\s+|here\s+)?"
    rf"{_COME_FROM}\s+from\b"
)
# a section that says where its figures come from: "The figures in this section come from ..."
# ("The figures here come from ...", "The table below comes from our own audit", "The table below shows what we found in
# our own audit")
_SECTION_SOURCE_DECLARATION = compile_builtin(
    r"(?i)\b(?:(?:the|all\s+(?:the\s+)?|our)\s*(?:figures|numbers|statistics|data|rates|risks|frequencies|groups|categories|percentages|chances"
    r"|side\s+effects)\s+(?:(?:in|on|of)\s+this\s+"
    rf"(?:section|part)|below|here)\s+(?:{_COME_FROM}\s+from|are\s+from|were\s+from)"
    rf"|(?:the|this)\s+table(?:\s+below)?\s+(?:{_COME_FROM}\s+from|is\s+from|is\s+taken\s+from"
    # ("The table below shows complications in our catheter laboratory's registry")
    r"|shows\s+what\s+we\s+(?:found|recorded|counted|saw)|shows\s+(?:[\w-]+\s+){1,8}?(?:in|from|at)\s+our))\b"
)
# the provider's own audited results named: in a heading over them ("What our audit found", "Our own results", "What we
# found in our own audit"; not "Our results", which names no record kept), or as where a table's figures come from ("The
# table below comes from our own quality audit")
_OWN_AUDIT_NAMED = compile_builtin(
    r"(?i)\b(?:our|the\s+(?:unit|clinic|hospital|trust|department|service|team)[’']s)\s+(?:own\s+)?(?:\d{4}\s+)?"
    r"(?:(?:[\w’'-]+\s+){0,3}(?:audits?|registry|register|database)|audited\s+(?:results|outcomes|figures))\b"
    r"|\bour\s+own\s+(?:[\w-]+\s+){0,2}?(?:results|figures|data|outcomes|numbers)\b"
    # ("What our members told us" over the provider's own survey)
    r"|\bwhat\s+our\s+(?:[\w’'-]+\s+){0,2}?(?:told\s+us|reported)\b"
)
# a sentence that opens by naming its own source: "According to NICE, ...", "However, according to ..."
_FORWARD_ATTRIBUTION = compile_builtin(
    r"(?i)\s*(?:(?:however|but|also|still|and)\s*,?\s+)?according\s+to\b(?![^,]{0,80},\s*(?:this|these|that|those|such|the\s+figures?)\b)"
)
# a question about whether a treatment works, and a bare yes to it
_EFFICACY_QUESTION = compile_builtin(
    r"(?i)\b(?:does|do|did|will|would|can|is|are)\s+(?:it|this|they|these|the\s+[\w-]+|[\w-]+)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:work|works|help|last|cure|fix|effective|permanent|successful|succeed|worth\s+it)\b"
)
_AFFIRMATIVE_ANSWER = compile_builtin(
    r"(?i)\s*(?:a\s*:\s*)?(?P<answer>(?:(?:the\s+)?short\s+answer(?:\s+is)?\s*[:,-]?\s*)?(?:yes|yep|absolutely|definitely|certainly"
    r"|it\s+(?:does|do|will|works|really\s+(?:does|works))|they\s+(?:do|will|work|really\s+do)|without\s+(?:a|any)\s+doubt)\b)"
)
# the words one of which every _AFFIRMATIVE_ANSWER holds
_ANSWER_WORDS = frozenset({"yes", "yep", "absolutely", "definitely", "certainly", "it", "they", "without"})
_ANSWER_HEDGE = compile_builtin(
    r"(?i)\b(?:most|many|some|usually|often|may|might|can|could|generally|depends?|not\s+(?:always|everyone|for\s+everyone)"
    r"|for\s+(?:most|many|some)|although|though|but)\b"
)
_SECONDARY_CLAIMS = frozenset({"recovery", "return", "speed", "comparison", "durability"})
# a sentence about the figures just given: "These figures come from our audit", "Our data are published at ..."
_REFERS_BACK = compile_builtin(
    # ("About a third of these were for health reasons (Quality Report, 2024)": the figure before, broken down and sourced)
    r"(?i)\b(?:th(?:ese|is|ose)\s+(?:figures?|numbers?|rates?|results?|data|statistics|outcomes?)|of\s+th(?:ese|ose)\b|our\s+(?:own\s+)?(?:figures|numbers"
    r"|rates|results|data|statistics|outcomes|audit|records))\b"
)
# a sentence that goes on reporting the source named before it: "NICE has published guidance. It states that ..."
def _reach(going_on) -> int:
    """How many blocks back a sentence that goes on from a source may find it: "The same leaflet lists these:" and "In
    the published trial" point at a source named a few sections up (past lists and headings); "In that trial" at one a
    few blocks up; "It found" at the paragraph just before."""
    named = going_on.group("backref") or going_on.group("named")
    if named:
        # "the same leaflet", "the published trial": the one the page named, up to ten blocks up
        return 10 if _SAME_SOURCE.search(named) else 4
    return 1


#: the word right before a figure: "hypromellose |0.3%|"
# (past the salt of a medicine's name: "betamethasone valerate 0.1%", "clobetasol propionate 0.05%")
_WORD_BEFORE = compile_builtin(
    r"([A-Za-z][A-Za-z-]+)\s+(?:(?:di)?(?:propionate|valerate|butyrate|furoate|acetate|hydrochloride|sodium|potassium|phosphate"
    r"|sulfate|sulphate|citrate|maleate|tartrate|succinate|fumarate|mesilate|mesylate|besilate|besylate|bromide|nitrate)\s+)?$")
_SAME_SOURCE = compile_builtin(r"(?i)\b(?:the|that)\s+(?:same|published)\b")
# the provider's own series called back by its size: "In our review of 263 operations", "our audit of the 318 drains"
_OWN_SERIES_AGAIN = compile_builtin(
    r"(?i)\bour\s+(?:own\s+)?(?:[\w’'-]+\s+){0,3}?(?:audit|review|survey|series)\s+of\s+(?:the\s+|all\s+|these\s+)?"
    r"(?P<n>\d{2,3}(?:,\d{3})*|\d{2,})\s+[a-z]")
_YEAR_IN = compile_builtin(r"\b(?:19|20)\d{2}\b")
# the provider's own series called back with no size: "In our audit, ...", "in the same review", "in that audit"
_OWN_SERIES_BACK = compile_builtin(r"(?i)\b(?:in|from)\s+(?:(?:our|the\s+same|that)\s+(?:own\s+)?(?:audit|review|survey|series"
                                   r"|registry|register|report)"
                                   r"|the\s+(?:audit|review|survey|series|registry)\s+(?:(?:mentioned|described|given)\s+)?above)\b"
                                   r"(?!\s+of\b)")
#: an audit of the series the sentence before gave: "Our audit of these calls found that ..."
_AUDIT_OF_THESE = compile_builtin(r"(?i)\b(?:our|an?|the)\s+(?:own\s+)?(?:audit|review|survey|analysis)\s+of\s+(?:these|those|them"
                                  r"|all\s+of\s+(?:these|those|them))\b")
_OWN_SERIES = compile_builtin(r"(?i)\bown\s+(?:[\w-]+\s+)?(?:audit|review|survey|series)\b")
#: a dated review of those the sentence before named: "Their review for April 2023 to March 2024 found"
_THEIR_DATED_REVIEW = compile_builtin(r"(?i)\s*(?:their|its)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:audit|review|survey|report)"
                                      r"\s+(?:for|of|from|covering)\b[^.;:]{0,60}?\b(?:19|20)\d{2}\b")
_AUDIT_WORD = compile_builtin(r"(?i)\b(?:audit|audits|audited|auditing|records|recorded|registry|register)\b")
_SERIES_WORD = compile_builtin(r"(?i)\b(?:audit|review|survey|series|reviewed|audited|registry|register)\b")
_A_COUNT = compile_builtin(r"\b\d{2,}(?:,\d{3})*\b")
#: a sentence that counts within the time the sentence before gave: "In that time we did 402 operations"
_IN_THAT_TIME = compile_builtin(r"\s*(?:in|during|over|across|within)\s+(?:that|this|the\s+same)\s+(?:time|period|year|years"
                                r"|months?|window)\b", re.I)
_BELOW = compile_builtin(r"\s+below\b")
_SMALL_COUNT = compile_builtin(r"(?<![\d.,])\d{1,3}(?:,\d{3})*(?!\d|[.,]\d|%)")
#: a condition's clause up to a figure in it, the threshold it sets: "if your headache days have not fallen by (at least
#: 30%)", "if you lose (more than 20%) of your blood" (not the figure of a main clause after it: "If you smoke, your risk
#: rises by 30%")
_THRESHOLD_IN_CONDITION = compile_builtin(r"(?i)\b(?:if|unless|until|once)\s+(?:[^\s,.;:!?()]+\s+){1,12}?$")
_BOUND = compile_builtin(r"(?i)(?:at\s+least|more\s+than|less\s+than|fewer\s+than|over|under|below|above)\s")
_BOUND_BEFORE = compile_builtin(r"(?i)\b(?:by|to|at\s+least|more\s+than|less\s+than|fewer\s+than|over|under|below|above)\s+$")
#: a bound given after the figure: "if you hear 50% (or fewer) of the key words", "a score of 50% (or less)"
_BOUND_AFTER = compile_builtin(r"(?i)\s*(?:or|and)\s+(?:fewer|less|lower|more|higher|greater|above|below|under|over|better|worse)\b")
#: a figure that is a share, with no population after it (not "More than 90% of operations")
_A_SHARE = compile_builtin(r"(?i)(?:%|percent|per\s+cent)$")
_OF_AFTER = compile_builtin(r"(?i)\s+of\b")
#: what a bounded figure is counted as: "a score of 50% or less (on the sentence test) counts as too little benefit"
_COUNTED_AS_AFTER = compile_builtin(
    r"(?i)[^.;:!?]{0,60}?\b(?:counts?|(?:is|are)\s+(?:counted|classed|classified|taken|treated|regarded)|qualif(?:y|ies))\s+as\b")
#: ... or counts a figure as something: "NICE criteria count (a score of) 50% or less as too little benefit"
_COUNTS_BEFORE = compile_builtin(
    r"(?i)\b(?:counts?|counted|class(?:es)?|classed|classif(?:y|ies)|treats?|regards?)\s+(?:[\w'’-]+\s+){0,4}?$")
_AS_AFTER = compile_builtin(r"(?i)\s+(?:[\w'’-]+\s+){0,4}?as\b")
#: the provider's own figure, which no wording makes a threshold: "our success rate of 95% or more counts as ..."
_OUR_BEFORE = compile_builtin(r"(?i)\bour\b[^.;:!?,]{0,40}$")


def _counted_as(text: str, start: int, end: int, bounds: tuple[int, int]) -> bool:
    """Is the percentage at ``start:end`` a bounded level that says when something counts ("a score of 50% or less counts
    as too little benefit", "criteria count a score of 50% or less as too little benefit"), not a share of people?"""
    if not _A_SHARE.search(text, start, end) or _OUR_BEFORE.search(text, max(bounds[0], start - 40), start):
        return False
    after = _BOUND_AFTER.match(text, end)
    if after is None and not _BOUND.match(text, start) \
            and not _BOUND_BEFORE.search(text, max(bounds[0], start - 20), start):
        return False
    rest = after.end() if after is not None else end
    if _OF_AFTER.match(text, rest):
        return False  # "90% or more of patients count it as a success": a share of people
    if _COUNTED_AS_AFTER.match(text, rest, bounds[1]):
        return True
    return _COUNTS_BEFORE.search(text, max(bounds[0], start - 60), start) is not None \
        and _AS_AFTER.match(text, rest, bounds[1]) is not None
#: a source named in an opening phrase of its own, which frames the paragraph it opens: "In the PREEMPT trials,",
#: "In the 2023 national audit (NELA),"
_SOURCE_FRAME = compile_builtin(r"\s*(?:in|from|according\s+to)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}?(?:trials?|stud(?:y|ies)"
                                r"|audits?|registry|register|review|survey|guidelines?|guidance|report)\s*(?:\([^()]{1,40}\)\s*)?,",
                                re.I)
#: a count and its share in brackets: "61 children (19%)", "1,772 reports (93%)", "97 tests (about 5%)", "164 (90 percent)"
_COUNT_AND_SHARE = compile_builtin(r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})*)\s+(?:[\w-]+\s+){0,3}?\(\s*(?:about\s+|around\s+|"
                                   r"roughly\s+|nearly\s+|almost\s+|just\s+(?:over|under)\s+)?(?P<p>\d{1,2}(?:\.\d)?)\s*(?:%|per\s*cent)\s*\)",
                                   re.I)
#: a sentence that gives the count before it as a rate: "That is fewer than 1 in every 100 people we operated on."
_RESTATED_RATE = compile_builtin(r"\s*(?:that|this)(?:\s+is|\s+was|['’]s|\s+means|\s+works\s+out\s+(?:at|as))\s+"
                                 r"(?:(?P<way>about|around|roughly|nearly|almost|fewer\s+than|less\s+than|under|below|"
                                 r"more\s+than|over|above)\s+)?(?P<a>\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>\d{1,3}(?:,\d{3})*)\b",
                                 re.I)
_BELOW_WORDS = frozenset({"fewer than", "less than", "under", "below"})
_ABOVE_WORDS = frozenset({"more than", "over", "above"})


def _rounding(digits: str) -> float:
    """How far a share given with these digits may be from the exact one: half its last place, and a little more."""
    return (0.05 if "." in digits else 0.5) + 0.01

#: a count of people or a rate: "in 3 patients (about 2 in 100)", "126 (92%)"
_COUNTED = compile_builtin(r"(?i)\b\d+\s*(?:%|per\s*cent|percent|in\s+\d+|(?:out\s+)?of\s+\d+"
                           r"|(?:[\w-]+\s+)?(?:people|patients|babies|children|men|women|cases)\b)"
                           # (a share in words: "Half of these patients went home", "About one in four stayed longer")
                           r"|\b(?:half|a\s+third|a\s+quarter|two\s+thirds|three\s+quarters|(?:one|two|three|four|five|six"
                           r"|seven|eight|nine)\s+(?:in|out\s+of)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+))\b")


#: a sentence that opens with "it" or "they", or what is theirs ("Its annual reports show ...": the body named before)
_PRONOUN_OPENING = compile_builtin(r"(?i)\s*(?:it|they|its|their)\b")
#: a sentence that says the one before it another way
_RESTATES = compile_builtin(r"(?i)\s*(?:this|that)\s+means(?:\s+that)?\b|\s*(?:put\s+another\s+way|in\s+other\s+words|that\s+is\s+to\s+say)\b")


def _continues_source(surname: str) -> re.Pattern:
    """A sentence that goes on reporting the source named before it ("NICE has published guidance. It states that
    ..."); ``surname`` is the lexicon's pattern for an author's name, which may name a study ("In the van de Graaf
    trial, ...")."""
    return compile_builtin(
        # (after a short opening phrase: "Among people who had a colonoscopy, the researchers estimated ...")
        r"(?i)\s*(?:(?:among|in|for|of|after|at|by)\s+[^,.;:!?]{1,60},\s*)?"
        r"(?:(?:it|they|this\s+guidance|(?P<backref>the\s+(?:same\s+)?(?:guidance|guidelines?|review|report|study|trial|audit|leaflet|survey"
        r"|registry|researchers|authors|investigators))|(?:the\s+same|this)\s+(?:source|website|organisation|organization|body|charity|page"
        r"|society|college|association|academy|institute|audit|registry|study|report|trial|survey|group))"
        r"\s+(?:also\s+)?(?:states|state|says|say|found|finds|reports|report|reported|notes|note|lists|list|gives|give|quotes|cites|puts"
        r"|concludes|conclude|concluded|adds|add|recommends|recommend|advises|advise|explains|describes|estimates|estimated"
        r"|suggests|suggested|showed|shows|pooled|combined|included|covered|compared|followed|analysed|analyzed|reviewed|looked\s+at)\b"
        # "Some trials found fewer repeat operations": trials of the review the sentence before cited
        r"|(?:some|several|other|a\s+few|most|many|two|three|four)\s+(?:of\s+(?:these|the|those|them)\s+)?(?:trials|studies)"
        r"\s+(?:also\s+)?(?:found|showed|reported|suggested|noted)\b"
        # "Its figures show that ...": the body named in the sentence before
        # ("Its review of the research found ...", "Their analysis of 12 trials showed ...")
        r"|(?:its|their)\s+(?:own\s+|latest\s+|most\s+recent\s+|recent\s+)?(?:(?:national|international|regional|annual|published|yearly)\s+)?(?:figures|data|numbers|results|records|statistics|report|reports"
        r"|findings|survey|audit|review|analysis|assessment|appraisal)(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:research|evidence"
        r"|studies|trials|data))?\s+(?:also\s+)?(?:show|shows|showed|suggest|suggests|suggested|say|says|found|find|finds|report|reports)\b"
        # the figures of the sentence before, put another way or continued: "The rate was 6 in 100 after foam", "Put another
        # way, about 1 in 25 ...", "Of these, ..."
        r"|(?P<figures>(?:put\s+another\s+way|in\s+other\s+words|that\s+is|of\s+(?:these|those|them)|among\s+(?:these|those|them)"
        # "At one year, about 3 in 4 people said ... Around 1 in 10 said it was no better": the same measure, continued
        r"|(?:about|around|roughly|nearly|almost|only|just\s+over|just\s+under)\s+\d+\s*(?:in|out\s+of)\s+\d+\s+(?:said|had|needed|felt|reported|were|was)"
        # "Four people (about 3 in 100) had a wound infection": a count of the same series, after its first figure
        r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:people|patients|babies|children|men|women)"
        r"\s+(?:\([^()]{1,40}\)\s+)?(?:said|had|needed|felt|reported|were|developed)"
        r"|the\s+(?:rates?|figures?|risks?|numbers?|proportions?|shares?)\s+(?:was|were|is|are|fell|rose|dropped)"
        r"|th(?:is|at)\s+(?:compares|compared|rises|rose|falls|fell)|the\s+same\s+(?:was|is)\s+true)\b)"
        r"|(?P<named>in\s+(?:the\s+same|that|this|the|those|these)\s+(?:" + surname + r"\s+)?"
        r"(?:(?:evidence|systematic|clinical|national|large|same|published)\s+)?(?:studies|trials|reports|reviews|study|trial"
        r"|audit|review|survey|report|registry|analysis|guidance|guidelines|group|cohort))\b)"
    )


# a benefit weighed against its cost in the same sentence: "..., but it is major surgery with a longer recovery",
# "..., but skin staining can last for months" ("..., but the best part is the price" names no cost)
#: an activity that opens its clause, as the subject of what it does for you: "Walking from the first day helps your
#: circulation", "Gentle walking after a week keeps your joints moving" (advice, not a promised return to it)
_ADVICE_AFTER = compile_builtin(
    r"(?i)(?:\s+(?:from|after|within|in|for)\s+(?:the\s+|a\s+|your\s+)?(?:[\w-]+\s+){0,3}?(?:day|days|week|weeks|morning|hours?|minutes))?"
    r"\s+(?:helps?|keeps?|improves?|reduces?|lowers?|prevents?|protects?|boosts?|speeds?\s+up|is\s+(?:good|important|safe|"
    r"encouraged|recommended|fine|helpful|a\s+good\s+idea))\b")
_TRADE_OFF_AFTER = compile_builtin(
    r"(?i)[^.;:!?]{0,25}?,\s*but\s+[^.;:!?]{0,60}?\b(?:risks?|major|longer|side\s+effects?|scars?|scarring|staining|pain|painful"
    r"|cannot|can[’']t|not|anaesthetic|anesthetic|recovery)\b"
)
_HEDGE_AFTER = compile_builtin(
    r"(?i)\s*,?\s*(?:in|for)\s+(?:some|many|a\s+few|certain)\s+(?:people|patients|cases|women|men|children)\b"
)
_DEFINITION_BEFORE = compile_builtin(r"(?i)\b(?:is|are|means)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:that|which)\s+$")
_SIZE_COMPARED = compile_builtin(
    r"(?i)\s+than\s+the\s+(?:lesion|mole|lump|cyst|wound|cut|scar|stone|tumou?r|growth|patch|area)s?\b(?:\s+itself)?")
_CONSEQUENCE_BEFORE = compile_builtin(
    r"(?i),\s*so\s+(?:it|this|they|the\s+[\w-]+)\s+(?:is|are|feels|feel)\s+(?:much\s+|far\s+|a\s+lot\s+|usually\s+)?$")
_EXAMPLE_BEFORE = compile_builtin(r"(?i)\b(?:such\s+as|for\s+example|for\s+instance|e\.g\.)\s+(?:about\s+|around\s+|just\s+)?$")
_CLAUSE_JOIN = compile_builtin(r"[,;:.!?]|\b(?:and|but|while|whereas)\b")
# what the message calls a claim that is not a number of cases
_CLAIM_NAMES = {"answer": "outcome claim", "recovery": "recovery claim", "return": "recovery claim", "speed": "recovery claim", "comparison": "outcome claim",
                "durability": "claim about how long results last"}
_OUTCOME_VERB_BEFORE = compile_builtin(
    r"(?i)\b(?:lose|loses|lost|losing|shrink|shrinks|shrank|shrunk|shrinking|reduces?|reduced|reducing|falls?|fell"
    r"|drops?|dropped|decreases?|decreased|regains?|regained|gains?|gained|improves?|improved)\b(?:\s+[\w-]+){0,2}\s*$"
)
# guidance rather than a promise: "most people can go back to work after 2 weeks"
# (", and to sport after two weeks" goes on with the verb before it, "can usually go back to school after a week": no
# new clause, so the hedge reaches it)
_CLAUSE_OPENING = compile_builtin(r"(?i),\s*(?:and(?!\s+(?:to|back\s+to|into|onto|on\s+to)\b)|but|so|while|whereas)\b|;")


def _clause_start(text: str, sentence_start: int, at: int) -> int:
    """Where the clause holding ``at`` begins: a hedge in an earlier clause ("Most patients are pain-free
    within three weeks, and repairs carried out here last a lifetime") does not reach it."""
    begin = sentence_start
    for m in _CLAUSE_OPENING.finditer(text, sentence_start, at):
        begin = m.end()
    return begin


_MODAL_HEDGES = (
    r"can|could|may|might|should|usually|generally|typically|normally|often|probably|likely|hope|aim|able|allowed"
    r"|advised|expect|expected|if|when|until|unless"
)
# a state stated as fact ("patients are back at work the next morning") unless a modal or a condition hedges it
_MODAL_HEDGE = compile_builtin(rf"(?i)\b(?:{_MODAL_HEDGES})\b")
# a result said to come for only some people
_SOMETIMES = compile_builtin(r"(?i)\b(?:sometimes|occasionally|in\s+some\s+(?:people|cases)|for\s+some\s+(?:people|patients))\b")
# the wider hedges of guidance ("most people go back to work after 2 weeks", "avoid driving the next day")
_GUIDANCE_HEDGE = compile_builtin(
    rf"(?i)\b(?:{_MODAL_HEDGES}|most|many|some|people|avoid|not|never|no|don['’]t|do\s+not)\b|n['’]t\b"
)


def _number(word: str):
    """The value of "3", "1,000", "nine" or "a hundred"; None when it is not a number."""
    w = word.strip().lower().replace(",", "")
    try:
        return float(w)
    except ValueError:
        pass
    w = w.removeprefix("a ").removeprefix("one ").strip()
    return _WORD_VALUES.get(w)


# -- plain language: "less than 0.5%" -> "fewer than 1 in 200" ---------------------------------------
_PERCENT = compile_builtin(
    rf"(?i)(?P<q>{QUALIFIER})?\s*(?P<n>{DIGITS})\s*(?:%|percent|per\s+cent)?"
    rf"(?:\s*(?:-|–|—|to)\s*(?P<n2>{DIGITS}))?\s*(?:%|percent|per\s+cent)"
)
_LEADS = {
    "less": "fewer than", "fewer": "fewer than", "lower": "fewer than", "under": "fewer than", "below": "fewer than",
    "more": "more than", "greater": "more than", "higher": "more than", "over": "more than", "above": "more than",
    "about": "about", "around": "about", "approximately": "about", "approx.": "about", "approx": "about",
    "roughly": "about",
    "estimated": "about", "an": "about", "nearly": "nearly", "almost": "almost", "up": "up to", "at": None,
    "only": "only", "just": "just", "close": "nearly", "well": None,
}


def _nice(n: float) -> int:
    """Round a denominator to a figure people can hold: 1 in 333 -> 1 in 300, 1 in 1,250 -> 1 in 1,000."""
    if n < 20:
        return round(n)
    digits = len(str(int(n))) - 1
    step = 10 ** (digits - 1) * 5 if n >= 100 else 5
    return int(round(n / step) * step)


def _frequency(value: float) -> tuple[str, bool]:
    """(natural frequency, exact?) for a percentage between 0 and 100."""
    if value < 1:
        n = 100 / value
        nice = _nice(n)
        return f"1 in {nice:,}", abs(nice - n) / n < 0.02
    if value != int(value):
        return f"{round(value * 10):,} in 1,000", True
    v = int(value)
    if v < 10 and 100 % v == 0:
        return f"1 in {100 // v}", True
    if v % 10 == 0:
        return f"{v // 10} in 10", True
    return f"{v} in 100", True


def plain_language(claim: str) -> tuple[str, ...]:
    """The natural frequency for a percentage, as the CDC Clear Communication Index asks.

    "less than 0.5%" -> "fewer than 1 in 200"; "98% success rate" -> "98 in 100";
    "15 to 30 percent" -> "15 to 30 in 100"; "about 3%" -> "about 3 in 100".
    """
    m = _PERCENT.search(claim)
    if not m:
        return ()
    try:
        value = float(m.group("n").replace(",", ""))
        high = float(m.group("n2").replace(",", "")) if m.group("n2") else None
    except ValueError:
        return ()
    if not 0 < value < 100 or (high is not None and not value < high <= 100):
        return ()
    words = (m.group("q") or "").lower().split()
    lead = _LEADS.get(words[0], None) if words else ""
    if words[:2] == ["at", "least"]:
        lead = "at least"
    elif words[:2] == ["at", "most"]:
        lead = "at most"
    elif words[:1] == ["well"] and len(words) > 1:
        lead = _LEADS.get(words[1], "")
    elif words and words[0] in ("much", "far", "slightly", "a"):
        lead = _LEADS.get(words[-2], "") if len(words) >= 2 else ""
    lead = lead or ""
    if high is not None:
        if value == int(value) and high == int(high):
            return (f"{lead + ' ' if lead else ''}{int(value)} to {int(high)} in 100",)
        return ()
    phrase, exact = _frequency(value)
    if not exact and not lead:
        lead = "about"
    return (f"{lead + ' ' if lead else ''}{phrase}",)
