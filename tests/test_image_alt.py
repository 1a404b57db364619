"""Image alt text: a screen reader reads it out, so the rules that judge a phrase on its own read it;
the rules that read sentences, their neighbours or the whole page leave it alone."""

from __future__ import annotations

import pytest

from helpers import lint_text
from lint.registry import PROSE_SCOPES, builtin_rules_dir, load_rules

# a thyroid page and a varicose-vein page, each with one image whose alt text has a defect and one whose
# alt text is well written; the prose around them is plain leaflet copy that no rule reports
THYROID_PROSE = [
    "Thyroid surgery",
    "A thyroidectomy removes all or part of the thyroid gland, which sits at the front of the neck.",
    "Your surgeon will talk to you about the risks, such as a hoarse voice, before you decide.",
]
THYROID_ALTS = [
    ("Surgeon marking the neck before a lumbar thyroidectomy", [("ANA001", "lumbar thyroidectomy")]),
    ("Neck & scar: our scarless thyroid surgery", [("PRM002", "scarless")]),
    ("Ultrasound of a thyriod nodule", [("SPL001", "thyriod")]),
    ("Diagram of how a thyroidectomy removes the adrenal gland", [("ANA002", "removes the adrenal gland")]),
    ("Diagram of the thyroid gland wrapped around the windpipe, just below the voice box", []),
]
VEIN_PROSE = [
    "Treating varicose veins",
    "Varicose veins are swollen veins, usually in the legs, that can ache or itch.",
    "Your surgeon will explain the risks of each treatment, such as bruising and numb patches, and the "
    "other options, such as compression stockings.",
]
VEIN_ALTS = [
    ("Endovenous laser ablation of the neck", [("ANA001", "Endovenous laser ablation of the neck")]),
    ("Varicose veins gone forever after one visit", [("PRM002", "forever")]),
    ("A surgeon passes a thin laser fibre into the leg vein, guided by ultrasound", []),
    ("Bulging varicose veins on the inner calf and thigh", []),
]


def _markdown(prose, alts) -> str:
    heading, first, last = prose
    images = "\n\n".join(f"![{alt}](photo-{n}.jpg)" for n, (alt, _) in enumerate(alts))
    return f"# {heading}\n\n{first}\n\n{images}\n\n{last}\n"


def _html(prose, alts) -> str:
    heading, first, last = prose
    images = "\n".join(f'<p><img src="photo-{n}.jpg" alt="{alt.replace("&", "&amp;")}"></p>'
                       for n, (alt, _) in enumerate(alts))
    return (f"<!DOCTYPE html>\n<html><head><title>{heading}</title></head>\n<body>\n<h1>{heading}</h1>\n"
            f"<p>{first}</p>\n{images}\n<p>{last}</p>\n</body></html>\n")


def _alt_spans(source: str, alts, fmt: str):
    """Each alt text's (start, end) in the source (the HTML source spells '&' as '&amp;')."""
    spans = []
    for alt, _ in alts:
        written = alt.replace("&", "&amp;") if fmt == "html" else alt
        start = source.index(written)
        spans.append((start, start + len(written)))
    return spans


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("prose, alts", [(THYROID_PROSE, THYROID_ALTS), (VEIN_PROSE, VEIN_ALTS)],
                         ids=["thyroid", "varicose-veins"])
def test_a_defect_in_alt_text_is_found_with_its_exact_span_and_good_alt_text_is_silent(
        default_linter, fmt, prose, alts):
    source = (_markdown if fmt == "md" else _html)(prose, alts)
    findings = lint_text(default_linter, source, fmt).findings
    for (alt_start, alt_end), (alt, expected) in zip(_alt_spans(source, alts, fmt), alts):
        got = [(f.code, f.text, f.start, f.end) for f in findings if alt_start <= f.start and f.end <= alt_end]
        want = []
        for code, text in expected:
            start = source.index(text, alt_start)
            want.append((code, text, start, start + len(text)))
        assert sorted(got) == sorted(want), alt
    # the defects are all in the alt text: the prose is clean
    in_alt = [f for f in findings if any(s <= f.start < e for s, e in _alt_spans(source, alts, fmt))]
    assert len(in_alt) == len(findings), [(f.code, f.text) for f in findings if f not in in_alt]
    for f in findings:
        assert source[f.start:f.end] == f.text
        line_start = source.rfind("\n", 0, f.start) + 1
        assert (f.line, f.column) == (source.count("\n", 0, f.start) + 1, f.start - line_start + 1)


# what the rules that need running sentences, a source beside a claim or the whole page would say of
# these words in a paragraph; in alt text (a caption, often a fragment, describing one picture) they are
# not theirs to judge
NOT_FOR_ALT_TEXT = [
    # in a photo's description "his" is the man in the picture, not a generic patient
    ("A patient and his wife talk with the surgeon before thyroid surgery", "INC001"),
    ("Nine in ten people are back at work within two weeks of vein treatment", "EVD001"),
]


@pytest.mark.parametrize("words, code", NOT_FOR_ALT_TEXT)
def test_rules_that_read_sentences_or_the_page_leave_alt_text_alone(linter, words, code):
    heading = "# Thyroid surgery\n\n"
    in_prose = lint_text(linter, f"{heading}{words}.\n")
    assert code in [f.code for f in in_prose.findings]
    in_alt = lint_text(linter, f"{heading}![{words}](photo.jpg)\n")
    assert code not in [f.code for f in in_alt.findings]


def test_the_rules_that_read_alt_text_are_those_that_judge_a_phrase_on_its_own():
    rules = load_rules([builtin_rules_dir()])
    reads_alt = {r.code for r in rules if "image_alt" in r.scope}
    # anatomy, terminology and our own spelling rule all judge a phrase against the knowledge base
    for r in rules:
        if r.category in ("anatomy", "terminology") or r.kind == "spelling":
            assert r.code in reads_alt, r.code
    # hype, guarantees, put-downs and sales pressure are phrase lists; person-first labels too
    assert {"PRM001", "PRM002", "PRM003", "PRM004", "INC002"} <= reads_alt
    # sentences, citation windows, the page, or one shared LanguageTool request per page (whose grammar
    # checks misread fragments): never alt text
    for r in rules:
        if r.category in ("evidence", "readability", "structure") or r.kind in (
                "sentence-model", "fair-balance", "keyword-stuffing", "location-spam", "languagetool",
                "gendered-generic", "subject-verb-agreement", "missing-to", "past-tense-risk"):
            assert r.code not in reads_alt, r.code
    # a rule that names no scope reads the running prose only
    assert "image_alt" not in PROSE_SCOPES
