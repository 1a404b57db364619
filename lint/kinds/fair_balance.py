"""Fair balance: what a whole page leaves out.

Health-advertising rules (the FDA's fair-balance requirement, the ASA CAP Code,
the FTC) and the patient-information standards (DISCERN, HONcode, the NHS
Information Standard) ask the same of a treatment page: give risks beside the
benefits, say what the other options are and what happens without treatment,
and show where the information comes from and when it was last checked.

One kind, ``fair-balance``, with one ``check`` per rule:

* ``risks``: the page is about a treatment and describes its benefits, but never
  names a risk, complication or side effect (a negated mention such as "no
  risks" or "risk-free" does not count, nor does a risk the treatment is said to
  reduce: "lower risks of complications" is a benefit);
* ``alternatives``: the page never mentions another option or what happens
  without treatment;
* ``sources``: the page cites no source (see :mod:`lint.kinds.evidence`) and
  shows no review date (``need`` chooses: ``either`` — fire when both are
  missing, ``both`` — fire when either is missing, ``sources``, ``review_date``).

A page-level finding points at the page's main heading (its ``<h1>`` or ``#``
heading, else its title, else the first sentence of its first block). Short texts (under
``min_words``) are not pages and are not judged.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lint.compiled import compile_re
from lint.kinds.base import Kind
from lint.kinds.evidence import LEXICON_FILE, SourceFinder, lexicon_path, load_lexicon
from lint.kinds.phrases import PhraseIndex, negated_before
from lint.matching import compile_builtin
from lint.registry import builtin_rules_dir
from lint.yamlio import load_yaml

CHECKS = ("risks", "alternatives", "sources")
#: the names of procedures that are tests, not treatments
# (a sleep study, blood pressure monitoring and a heart recording are tests too)
_A_TEST = compile_re(r"(?i)\b(?:biopsy|biopsies|test|tests|testing|echocardiogram|scan|scans|study|studies|monitoring|recording)\b")
_FREE_AFTER = compile_builtin(r"[-\s]free\b", re.I)
NEEDS = ("either", "both", "sources", "review_date")


#: the title of a page about looking after yourself once the treatment is done: "Recovering at home after a caesarean",
#: "Caring for your PEG tube", "Discharge advice", "Living with a stoma", "Delirium after surgery"
_AFTERCARE = compile_re(
    r"(?i)\b(?:recover(?:y|ing)\s+(?:at\s+home\b|after|from)|after\s+your\s+(?:operation|surgery|procedure|treatment"
    r"|[a-z]+(?:ectomy|otomy|ostomy|plasty|scopy|pexy|ation))|after-?care|after\s+care|going\s+home\s+after|discharge\s+(?:advice"
    r"|information|instructions)|(?:caring|care)\s+for\s+your|looking\s+after\s+your|living\s+with\s+(?:a|an|your)\s+"
    r"(?:stoma|pacemaker|new|artificial|colostomy|ileostomy|urostomy|feeding|tube|catheter|implant)|home\s+care|at\s+home\s+after"
    # (a problem that can follow an operation, the page's topic: "Delirium after surgery")
    r"|(?:after|following)\s+(?:surgery|an?\s+operation|your\s+operation|an?\s+procedure))\b")


def _phrases(words) -> str:
    parts = sorted({str(w).strip() for w in words if str(w).strip()}, key=lambda w: (-len(w), w))
    body = "|".join(r"[-\s]+".join(re.escape(p) for p in w.split()) for w in parts)
    return rf"(?<![\w-])(?:{body})(?![\w-])" if body else r"(?!)"


@lru_cache(maxsize=4)
def load_balance_lexicon(path: str) -> dict:
    data = load_yaml(Path(path)) or {}
    suffixes = "|".join(re.escape(s) for s in data.get("treatment_suffixes") or [])
    treatment = _phrases(data.get("treatment_words") or [])
    if suffixes:
        treatment = rf"{treatment}|\b\w+(?:{suffixes})\b"
    benefits = [str(w) for w in data.get("benefit_cues") or []]
    test_results = {str(w) for w in data.get("test_results") or []}
    return {
        "treatment": compile_builtin(treatment, re.I),
        "benefit": PhraseIndex(benefits),
        "benefit_of_treatment": PhraseIndex([w for w in benefits if w not in test_results]),
        "risk": PhraseIndex([str(w) for w in data.get("risk_cues") or []]),
        "alternative": PhraseIndex([str(w) for w in data.get("alternative_cues") or []]),
        "benefit_framed": compile_builtin(
            rf"{_phrases(data.get('benefit_framed') or [])}\s+(?:[\w-]+\s+){{0,3}}$", re.I
        ),
        "review_date": [compile_builtin(p) for p in data.get("review_date_patterns") or []],
        "treating_heading": compile_builtin(
            r"(?<!\w)(?:" + "|".join(data.get("treating_headings") or [r"(?!)"]) + r")", re.I),
        "care": compile_builtin(_phrases(data.get("care_words") or []), re.I),
    }


class FairBalance(Kind):
    """A page that leaves out risks, alternatives, or sources and a review date."""

    name = "fair-balance"
    page_level = True
    options = {
        "check": (str, Kind.REQUIRED),
        "lexicon": (str, "fair-balance-lexicon.yaml"),
        "evidence_lexicon": (str, LEXICON_FILE),
        "min_words": (int, 150),
        "need": (str, "either"),
    }

    def setup(self):
        if self.opts["check"] not in CHECKS:
            raise self.error(f"check must be one of {', '.join(CHECKS)}")
        if self.opts["need"] not in NEEDS:
            raise self.error(f"need must be one of {', '.join(NEEDS)}")
        path = self.rule.path.parent / self.opts["lexicon"]
        if not path.exists():
            path = builtin_rules_dir() / "promotional" / self.opts["lexicon"]
        if not path.exists():
            raise self.error(f"lexicon file not found: {path}")
        self.lex = load_balance_lexicon(str(path))
        self.evidence = load_lexicon(str(lexicon_path(self.rule, self.opts["evidence_lexicon"])))

    # -- page facts ---------------------------------------------------------------
    @staticmethod
    def anchor(page):
        """The unit a page-level finding points at: the main heading, else the title, else the first block."""
        for unit in page.units:
            if unit.block.scope == "heading" and unit.block.level == 1:
                return unit
        for scope in ("title", "heading"):
            for unit in page.units:
                if unit.block.scope == scope:
                    return unit
        return page.units[0] if page.units else None

    def procedures(self, page) -> tuple[str, ...]:
        """The procedures the page is about (:attr:`Page.topic_procedures`), less those a page on a condition names
        only in passing: in no heading, and only within one section under a heading that names no treatment ("had
        successful angioplasty ... Angioplasty is a procedure that opens a narrowed artery" under "When can I drive
        again?" on a page titled "Cardiac rehabilitation after a heart attack"; not under "Surgery" or "How are
        varicose veins treated?")."""
        topics = page.topic_procedures
        if not topics or not self._names_condition(page):
            return topics
        key = ("fair-balance procedures",)
        if key in page.memo:
            return page.memo[key]
        sections: dict[str, set] = {p: set() for p in topics}
        section = None
        for unit in page.units:
            block = unit.block
            named = {s.kb_id_ for s in unit.terms if s.label_ == "procedure"} & sections.keys()
            if block.scope in ("title", "heading"):
                if block.scope == "heading" and block.level > 1:
                    treating = self.lex["treatment"].search(block.text) or self.lex["treating_heading"].search(block.text)
                    section = "heading" if treating else id(unit)
                for p in named:
                    sections[p].add("heading")
                continue
            for p in named:
                sections[p].add(section)
        kept = tuple(p for p in topics if len(sections[p]) != 1 or None in sections[p] or "heading" in sections[p])
        page.memo[key] = kept
        return kept

    def about_treatment(self, page) -> bool:
        if self.procedures(page):
            return True
        anchor = self.anchor(page)
        return anchor is not None and bool(self.lex["treatment"].search(anchor.block.text))

    def _mentions(self, page, cues, as_risk=False) -> bool:
        for unit in page.units:
            text = unit.block.text
            for m in cues.finditer(text):
                if as_risk and (
                    _FREE_AFTER.match(text, m.end())  # "risk-free", "side-effect free": not a mention of risk
                    or negated_before(unit, m.start(), m.end())
                    or self.lex["benefit_framed"].search(text[max(0, m.start() - 60):m.start()])
                ):
                    continue
                return True
        return False

    def _names_condition(self, page) -> bool:
        """Does the page's title or main heading name a condition ("Sickle cell disease: your questions answered")?"""
        anchor = self.anchor(page)
        return anchor is not None and any(s.label_ == "condition" for s in anchor.terms)

    def lists_treatments(self, page, least: int = 3) -> bool:
        """Does a page on a condition list its treatments: under a heading on treating it ("How is sickle cell disease
        treated?", "Treatment"), list items or parts that name ``least`` different kinds of care ("a daily antibiotic",
        "hydroxycarbamide, a daily medicine", "regular blood transfusions")? Those are the choices, whatever words the
        page uses for them. (Not the steps of one operation: "the surgeon makes a small cut" names no kind of care.)"""
        if not self._names_condition(page):
            return False
        level, kinds = None, set()
        for unit in page.units:
            block = unit.block
            if block.scope in ("title", "heading"):
                if level is not None and block.level <= level:
                    level, kinds = None, set()  # the section ends
                if level is None:
                    if block.scope == "heading" and self.lex["treating_heading"].search(block.text):
                        level = block.level
                    continue
            elif level is None or block.scope != "list_item":
                continue
            # (an item of its list, or a part of its own: "Medicines", "Surgery")
            kinds.update(m.group().lower() for m in self.lex["care"].finditer(block.text))
            kinds.update(s.kb_id_ for s in unit.terms if s.label_ == "procedure")
            if len(kinds) >= least:
                return True
        return False

    def has_review_date(self, page) -> bool:
        return any(p.search(u.block.text) for u in page.units for p in self.lex["review_date"])

    # -- the check ----------------------------------------------------------------
    def check(self, page):
        if page.word_count < self.opts["min_words"]:
            return
        anchor = self.anchor(page)
        if anchor is None:
            return
        check = self.opts["check"]
        topic = self._topic(page, anchor)
        # a heading is pointed at whole; a paragraph (a page without headings) by its first sentence
        end = len(anchor.block.text)
        if anchor.block.scope not in ("title", "heading"):
            end = next(iter(anchor.doc.sents)).end_char if len(anchor.doc) else end
        if check == "risks":
            benefits = self.lex["benefit_of_treatment" if self._about_a_test(page, anchor) else "benefit"]
            if not self.about_treatment(page) or not self._mentions(page, benefits):
                return
            if self._mentions(page, self.lex["risk"], as_risk=True):
                return
            yield self.hit(anchor, 0, end, topic=topic)
        elif check == "alternatives":
            if not self.about_treatment(page) or self._mentions(page, self.lex["alternative"]):
                return
            if self.lists_treatments(page):
                return  # a page on a condition that lists its treatments names the choices
            if self._about_a_test(page, anchor):
                return  # a biopsy or a test finds out what is wrong: its alternatives are other tests, not a choice of care
            if any(_AFTERCARE.search(u.block.text) for u in page.units[:3] if u.block.scope in ("title", "heading")):
                return  # a page for those who have had the treatment: the choice was made before it
            yield self.hit(anchor, 0, end, topic=topic)
        else:
            need = self.opts["need"]
            dated = self.has_review_date(page) if need != "sources" else True
            if need == "either" and dated:
                return
            sources = SourceFinder.of(self.evidence, page).page_has_sources() if need != "review_date" else True
            missing = {"either": not sources and not dated, "both": not sources or not dated,
                       "sources": not sources, "review_date": not dated}[need]
            if missing:
                what = " and ".join(w for w, ok in (("no sources", sources), ("no review date", dated)) if not ok)
                yield self.hit(anchor, 0, end, topic=topic, missing=what)

    def _tests_only(self, page) -> bool:
        return all(_A_TEST.search(self.kb.procedures[p].name) for p in self.procedures(page))

    def _about_a_test(self, page, anchor) -> bool:
        """Is the page about a test: its title or main heading says so ("Testing your child for coeliac disease"), or
        every procedure it is about is one?"""
        return bool(_A_TEST.search(anchor.block.text)) or bool(self.procedures(page)) and self._tests_only(page)

    def _topic(self, page, anchor) -> str:
        procedures = self.procedures(page)
        if procedures:
            # (the one named most: "tonsillectomy" on a tonsillitis page, not the "chemotherapy" it names once)
            scores = page.procedure_scores
            return self.kb.procedures[min(procedures, key=lambda p: (-scores[p], p))].name
        return anchor.block.text
