"""Evidence: outcome numbers and research claims with no source near them.

A claim is "sourced" when its sentence, or the block it stands in, carries a
link, a citation marker (``[1]``, a superscript, a footnote reference), a
parenthetical citation ("(Smith et al., 2019)", "(NICE, 2020)") or names the
body it comes from ("according to the American Academy of Orthopaedic
Surgeons"). Durations, doses, sizes and ages are not outcome claims.
"""

from __future__ import annotations

import regex

from lint.kinds.base import Kind

_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|fifty|hundred|thousand"
_QUALIFIER = r"(?:(?:less|fewer|more|greater|lower|higher)\s+than|over|under|up\s+to|about|around|nearly|almost|approximately|roughly|only|just|at\s+least|as\s+(?:few|little|many|much)\s+as)"
_POPULATION = r"(?:cases|patients|people|persons|procedures|operations|surgeries|men|women|children|adults|users|those|them|individuals|recipients)"

CLAIM_PATTERNS = {
    "percentage": regex.compile(
        rf"(?i)(?<![\w.])(?:{_QUALIFIER}\s+)?\d+(?:[.,]\d+)?\s*(?:%|percent\b|per\s+cent\b)"
        rf"(?:\s+of\s+(?:all\s+|the\s+)?(?:\w+\s+)?{_POPULATION}\b)?"
    ),
    "frequency": regex.compile(
        rf"(?i)(?<![\w.])(?:{_QUALIFIER}\s+)?(?:\d+|{_NUMBER_WORDS})\s+(?:in|out\s+of|of\s+every)\s+(?:\d[\d,]*|{_NUMBER_WORDS})\b"
        r"(?!\s*(?:cm|mm|inch|inches|weeks?|days?|hours?|minutes?|months?|years?|mg|ml|kg)\b)"
        rf"(?:\s+{_POPULATION}\b)?"
    ),
    "ratio": regex.compile(
        rf"(?i)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+times\s+(?:more|less|fewer|faster|slower|higher|lower|better|greater|as\s+\w+)\b"
    ),
    "proportion": regex.compile(
        rf"(?i)\b(?:half|a\s+third|one\s+third|two\s+thirds|a\s+quarter|three\s+quarters|the\s+(?:vast\s+)?majority)\s+of\s+(?:all\s+)?(?:\w+\s+)?{_POPULATION}\b"
    ),
}
RESEARCH_CLAIM = regex.compile(
    r"(?i)\b(?:(?:recent\s+|many\s+|numerous\s+|several\s+|clinical\s+)?(?:studies|research|trials|evidence|data|science)\s+(?:has\s+|have\s+)?(?:consistently\s+|clearly\s+)?(?:show|shows|shown|prove|proves|proven|proved|suggest|suggests|found|find|finds|demonstrate|demonstrates|demonstrated|confirm|confirms|confirmed|indicate|indicates)"
    r"|(?:clinically|scientifically|medically)\s+(?:proven|tested|validated)"
    r"|(?:experts|doctors|scientists|surgeons)\s+(?:agree|say|recommend|believe)"
    r"|according\s+to\s+(?:experts|doctors|research|studies|science|specialists)"
    r"|it\s+(?:has\s+been|is)\s+(?:shown|proven|proved)"
    r")\b"
)
# an outcome word near a number makes it a claim about results, risks or recovery
OUTCOME_WORDS = regex.compile(
    r"(?i)\b(?:complications?|risks?|success(?:ful)?|succeeds?|cases|patients|recover(?:y|ies|ed)?|satisf(?:ied|action)|effective(?:ness)?|"
    r"improve(?:s|d|ment)?|pain[-\s]free|surviv(?:al|e|ed)|cure[sd]?|rates?|chances?|likely|outcomes?|results?|relief|relieve[sd]?|"
    r"infections?|death|deaths|mortality|fail(?:ure|s|ed)?|recurrence|recur|better|reduc(?:es|ed|tion)|symptom[-\s]free|heal(?:s|ed|ing)?|works?)\b"
)
NOT_OUTCOME = regex.compile(
    r"(?i)\b(?:saline|solution|discount|off\s+your|finance|financing|apr|interest|alcohol|humidity|battery|body\s+fat|bmi|body\s+mass|oxygen\s+saturation|dextrose|glucose\s+solution)\b"
)
CITATION = regex.compile(
    r"\[\d+(?:\s*[,–-]\s*\d+)*\]"
    r"|[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
    r"|\((?:[^()]*?\b(?:19|20)\d{2}[a-z]?|[^()]*?\b(?:journal|lancet|bmj|nejm|jama|cochrane|nice|nhs|cdc|who|fda|aaos|acog|aua|pubmed|doi)\b[^()]*)\)"
    r"|(?i:\bsource:)"
    r"|(?i:\b(?:according\s+to|reported\s+by|published\s+(?:by|in)|data\s+from|figures\s+from)\s+(?:the\s+)?(?!experts|doctors|research|studies|science|specialists)[A-Z][\w&'.-]*)"
)


class UncitedClaim(Kind):
    """A specific outcome number or a research claim with no source near it."""

    name = "uncited-claim"
    options = {
        "claims": (list, lambda: ["percentage", "frequency", "ratio", "proportion", "research"]),
        "research_message": (str, ""),
    }

    def setup(self):
        unknown = set(self.opts["claims"]) - set(CLAIM_PATTERNS) - {"research"}
        if unknown:
            raise self.error(f"unknown claim type(s) {', '.join(sorted(unknown))}")

    def _sourced(self, unit, sent) -> bool:
        block = unit.block
        if block.links or block.citations:
            return True
        return bool(CITATION.search(block.text))

    def check(self, page):
        for unit in self.units(page):
            text = unit.block.text
            found = []
            for kind in self.opts["claims"]:
                if kind == "research":
                    found.extend(("research", m) for m in RESEARCH_CLAIM.finditer(text))
                else:
                    found.extend((kind, m) for m in CLAIM_PATTERNS[kind].finditer(text))
            if not found or self._sourced(unit, None):
                continue
            taken: list[tuple[int, int]] = []
            for kind, m in sorted(found, key=lambda km: (km[1].start(), -km[1].end())):
                s, e = m.span()
                if any(a < e and s < b for a, b in taken):
                    continue
                span = unit.doc.char_span(s, e, alignment_mode="expand")
                sentence = span.sent.text if span is not None else text
                if kind != "research":
                    if NOT_OUTCOME.search(sentence) or not OUTCOME_WORDS.search(sentence):
                        continue
                taken.append((s, e))
                suggestions = plain_language(m.group()) if kind == "percentage" else ()
                if kind == "research":
                    msg = self.opts["research_message"] or None
                    yield self.hit(unit, s, e, message=msg, suggestions=suggestions, claim="research claim")
                else:
                    yield self.hit(unit, s, e, suggestions=suggestions, claim="statistic")


_PERCENT = regex.compile(r"(?i)(?P<q>(?:less|fewer|more|greater|lower|higher)\s+than|over|under|about|around|nearly|almost|approximately|up\s+to)?\s*(?P<n>\d+(?:[.,]\d+)?)\s*(?:%|percent|per\s+cent)")


def plain_language(claim: str) -> tuple[str, ...]:
    """"less than 0.5%" -> "fewer than 1 in 200" (the Clear Communication Index's natural frequencies)."""
    m = _PERCENT.search(claim)
    if not m:
        return ()
    try:
        value = float(m.group("n").replace(",", "."))
    except ValueError:
        return ()
    if not 0 < value < 100:
        return ()
    qualifier = (m.group("q") or "").lower().split()
    lead = {"less": "fewer than ", "fewer": "fewer than ", "lower": "fewer than ", "under": "fewer than ",
            "more": "more than ", "greater": "more than ", "higher": "more than ", "over": "more than ",
            "about": "about ", "around": "about ", "nearly": "nearly ", "almost": "almost ",
            "approximately": "about ", "up": "up to "}.get(qualifier[0] if qualifier else "", "")
    if value <= 10:
        n = round(100 / value)
        if abs(100 / n - value) / value > 0.15:
            lead = lead or "about "
        phrase = f"1 in {n:,}"
    else:
        tenths = round(value / 10)
        phrase = f"{tenths} in 10"
        if abs(tenths * 10 - value) > 2:
            lead = lead or "about "
    return (f"{lead}{phrase}",)
