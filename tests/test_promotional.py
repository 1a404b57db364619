"""Promotional rules: hype (PRM001), guarantees and absolute safety (PRM002), put-downs of
other treatments (PRM003) and sales pressure (PRM004), with their negation, hedge and
ordinary-usage exceptions. Also the shared phrase kinds' new options."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import Settings
from lint.engine import Linter
from tests.conftest import FIXTURES
from tests.helpers import lint_text

PROMO = ("PRM001", "PRM002", "PRM003", "PRM004")


def found(linter, text, fmt="md"):
    result = lint_text(linter, text, fmt)
    for f in result.findings:
        assert result.source[f.start : f.end] == f.text
    return [(f.code, f.text) for f in result.findings if f.code in PROMO]


@pytest.mark.parametrize("text,expected", [
    ("Our revolutionary knee implant is the best in the country.",
     [("PRM001", "revolutionary"), ("PRM001", "the best in the country")]),
    ("Your eyes are treated by the best laser surgeons in the region.",
     [("PRM001", "the best laser surgeons in the region")]),
    ("IVF at our clinic has the highest success rates.", [("PRM001", "the highest success rates")]),
    ("Our bladeless laser is safer than any other method.", [("PRM001", "safer than any other method")]),
    ("We are the UK's leading hair clinic.", [("PRM001", "the UK's leading hair clinic")]),
    ("Robotic surgery is a superior alternative to open surgery.", [("PRM001", "superior alternative")]),
    ("Dental implants give breathtaking, award-winning results.",
     [("PRM001", "breathtaking"), ("PRM001", "award-winning")]),
])
def test_hype_and_superlatives(linter, text, expected):
    assert found(linter, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("LASIK is painless and 100% safe.", [("PRM002", "painless"), ("PRM002", "100% safe")]),
    ("Varicose vein treatment with no side effects.", [("PRM002", "no side effects")]),
    ("A permanent cure for back pain, with instant relief.",
     [("PRM002", "permanent cure"), ("PRM002", "instant relief")]),
    ("Stents with zero complications and no downtime.",
     [("PRM002", "zero complications"), ("PRM002", "no downtime")]),
    ("Your new hip is guaranteed to last a lifetime.", [("PRM002", "guaranteed to last a lifetime")]),
    ("After LASIK you will never need glasses again.", [("PRM002", "will never need glasses again")]),
    ("Implant surgery is one of the safest procedures in dentistry, with virtually no complications.",
     [("PRM002", "one of the safest procedures in dentistry"), ("PRM002", "virtually no complications")]),
    ("Say goodbye to reading glasses forever.", [("PRM001", "Say goodbye to"), ("PRM002", "forever")]),
])
def test_guarantees_and_absolute_safety(linter, text, expected):
    assert found(linter, text) == expected


@pytest.mark.parametrize("text", [
    "No operation is risk-free.",
    "Results are not guaranteed, and your surgeon will explain the risks.",
    "Nobody can promise a painless recovery, but pain can be well controlled.",
    "We cannot guarantee that the hernia will not come back.",
    "It is impossible to guarantee a perfect result.",
    "There is no guarantee that IVF will work.",
    "The injection is usually painless.",
    "Keyhole surgery is not only less painful but also quicker to recover from.",
])
def test_negations_and_hedges_are_honest(linter, text):
    assert [c for c, _ in found(linter, text) if c == "PRM002"] == []


def test_not_only_does_not_negate(linter):
    assert found(linter, "The treatment is not only painless but also quick.") == [("PRM002", "painless")]


def test_a_negation_in_an_earlier_clause_does_not_reach_the_claim(linter):
    text = "Most patients are walking without a stick within days and enjoy a completely pain-free knee."
    assert found(linter, text) == [("PRM002", "completely pain-free")]


def test_a_negation_inside_the_phrase_is_the_claim_itself(linter):
    assert found(linter, "There are no risks, and it has no side effects.") == [
        ("PRM002", "no risks"), ("PRM002", "no side effects")]
    # absences listed one after another are one claim
    assert found(linter, "There are no risks and no side effects.") == [("PRM002", "no risks and no side effects")]


@pytest.mark.parametrize("text", [
    "The superior vena cava carries blood back to the heart.",
    "The superior mesenteric artery supplies the small intestine.",
    "Lying on your back is the best position to sleep in.",
    "Keep a safe distance from the machine, and follow best practice for hand washing.",
    "Some people have breakthrough pain that needs extra medicine.",
    "It is safe to drive once you can do an emergency stop.",
    "A painless lump in the groin may be a hernia.",
    "An ultrasound scan is quick and painless.",
    "Radiotherapy is painless while it is being given.",
    "The surgery itself is painless due to the anaesthetic.",
    "Your surgeon will help you choose the best treatment for you.",
    "Heart disease is the leading cause of death.",
    "It is completely safe to breastfeed after the scan.",
    "Knee replacement is one of the most common operations in the UK.",
    "Act FAST: call 999 now if you see the signs of a stroke.",
    "Do not delay getting help if the wound becomes red.",
    "There is no need to hurry back to work.",
    "You will need to take vitamins for life.",
])
def test_ordinary_usage_is_not_promotional(linter, text):
    assert found(linter, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Unlike outdated open surgery, our method heals quickly.", [("PRM003", "outdated")]),
    ("Dangerous traditional methods leave large scars.", [("PRM003", "Dangerous traditional")]),
    ("Conventional surgery is risky, so choose laser treatment.", [("PRM003", "Conventional surgery is risky")]),
    ("Physiotherapy alone is a waste of time.", [("PRM003", "is a waste of time")]),
    ("Old-style stitch repairs are a thing of the past.", [("PRM003", "Old-style"), ("PRM003", "a thing of the past")]),
])
def test_put_downs_of_other_treatments(linter, text, expected):
    assert found(linter, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Book now before it is too late!", [("PRM004", "Book now"), ("PRM004", "before it is too late")]),
    ("Limited time offer: 20% off LASIK.", [("PRM004", "Limited time offer"), ("PRM004", "20% off")]),
    ("Don't wait until it's too late.", [("PRM004", "Don't wait until it's too late")]),
    ("Places on our programme are limited, so call us today.",
     [("PRM004", "Places on our programme are limited"), ("PRM004", "call us today")]),
    ("Our summer prices end on 31 August.", [("PRM004", "summer prices"), ("PRM004", "prices end")]),
    ("Why live with hair loss? Secure your procedure now.",
     [("PRM004", "Why live with"), ("PRM004", "Secure your procedure now")]),
])
def test_urgency_and_sales_pressure(linter, text, expected):
    assert found(linter, text) == expected


def test_each_finding_gives_the_reason_and_a_plain_alternative(linter):
    result = lint_text(linter, "Our cutting-edge cataract surgery is risk-free.")
    hype, guarantee = [f for f in result.findings if f.code in PROMO]
    assert (hype.text, hype.suggestions) == ("cutting-edge", ("modern",))
    assert "FTC, ASA CAP Code, FDA" in hype.message and "'modern'" in hype.message
    assert (guarantee.text, guarantee.suggestions, guarantee.severity) == ("risk-free", ("low-risk",), "error")
    result = lint_text(linter, "Our team has the best hand surgeons in the country.")
    (f,) = [f for f in result.findings if f.code == "PRM001"]
    assert f.suggestions == ("hand surgeons",)


def test_exact_promotional_findings_on_the_lasik_defect_page(linter):
    page = FIXTURES / "defects" / "ev-lasik.txt"
    result = linter.lint_file(str(page))
    got = [(f.code, f.line, f.text) for f in result.findings if f.code in PROMO]
    assert got == [
        ("PRM001", 5, "Say goodbye to"),
        ("PRM002", 5, "forever"),
        ("PRM002", 11, "everyone is a candidate"),
        ("PRM001", 11, "safer than any other method"),
        ("PRM002", 15, "completely painless"),
        ("PRM002", 19, "the safest elective procedure in medicine"),
        ("PRM001", 27, "perfect vision"),
        ("PRM004", 29, "Why wait"),
        ("PRM004", 31, "introductory price"),
        ("PRM001", 31, "50,000 happy patients"),
        ("PRM001", 31, "pioneering"),
    ]


# -- the shared phrase kinds: new options stay backward compatible --------------------------
def _pack(tmp_path: Path, body: str) -> Linter:
    pack = tmp_path / "pack" / "house"
    pack.mkdir(parents=True)
    (pack / "HSE001-house-words.yaml").write_text(body, encoding="utf-8")
    return Linter(Settings(select=["HSE001"], rule_paths=[tmp_path / "pack"]))


def test_substitution_pattern_swap_expands_named_groups(tmp_path):
    linter = _pack(tmp_path, """
code: HSE001
name: house-words
kind: substitution
category: terminology
severity: warning
message: "Write '{suggestion}'."
rationale: House style.
options:
  pattern_swap:
    '\\bkeyhole\\s+(?P<what>\\w+)\\s+surgery\\b': ['laparoscopic \\g<what> surgery']
examples:
  fire: ["Keyhole hernia surgery."]
  pass: ["Laparoscopic surgery."]
""")
    result = lint_text(linter, "We offer keyhole hernia surgery.")
    assert [(f.text, f.suggestions) for f in result.findings] == [("keyhole hernia surgery", ("laparoscopic hernia surgery",))]


def test_existence_hedges_and_exception_patterns(tmp_path):
    linter = _pack(tmp_path, """
code: HSE001
name: house-words
kind: existence
category: promotional
severity: warning
message: "'{text}'"
rationale: House style.
options:
  tokens: [painless]
  hedges: [usually]
  exception_patterns: ['\\bpainless\\s+lump']
examples:
  fire: ["It is painless."]
  pass: ["It is usually painless."]
""")
    text = "It is painless. It is usually painless. A painless lump."
    assert [f.text for f in lint_text(linter, text).findings] == ["painless"]


def test_a_substitution_rule_still_needs_something_to_swap(tmp_path):
    from lint.engine import SetupError

    with pytest.raises(SetupError, match="needs 'swap' or 'pattern_swap'"):
        _pack(tmp_path, """
code: HSE001
name: house-words
kind: substitution
category: terminology
severity: warning
message: "x"
rationale: x
options: {}
examples:
  fire: ["x"]
  pass: ["y"]
""")


# -- classes of wording, not phrases (pages about veneers, sterilisation, eyelids, gastric balloons) --
@pytest.mark.parametrize("text,expected", [
    ("Veneers are fitted with no soreness whatsoever.", [("PRM002", "no soreness whatsoever")]),
    ("After the balloon is placed you will feel absolutely nothing.", [("PRM002", "feel absolutely nothing")]),
    ("Patients feel no pain, no swelling and no bruising.", [("PRM002", "feel no pain, no swelling and no bruising")]),
    ("Our eyelid lift is entirely pain-free.", [("PRM002", "entirely pain-free")]),
    ("The tiny cuts heal without leaving a single mark.", [("PRM002", "without leaving a single mark")]),
    ("The incisions are completely undetectable.", [("PRM002", "incisions are completely undetectable")]),
])
def test_absolute_absences_over_word_classes(linter, text, expected):
    assert found(linter, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Sterilisation is the most dependable contraception in the history of medicine.",
     [("PRM001", "the most dependable contraception in the history of medicine")]),
    ("Our balloon is the only weight-loss treatment worth having.",
     [("PRM001", "the only weight-loss treatment worth having")]),
    ("Quite simply the finest veneers in town.", [("PRM001", "Quite simply the finest")]),
    ("Our eyelid surgeons rank above every other clinic in the county.",
     [("PRM001", "above every other clinic")]),
])
def test_superlatives_over_treatments_and_history(linter, text, expected):
    assert found(linter, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Crowns leave old-fashioned dentistry in the stone age.", [("PRM003", "old-fashioned"), ("PRM003", "in the stone age")]),
    ("The coil leaves you a slave to clinic visits.", [("PRM003", "leaves you a slave to")]),
    ("Diets are doomed to fail.", [("PRM003", "doomed to fail")]),
    ("Just three balloon dates remain this spring.", [("PRM004", "Just three balloon dates remain")]),
    ("Our summer diary is nearly full.", [("PRM004", "diary is nearly full")]),
])
def test_put_downs_and_scarcity_by_class(linter, text, expected):
    assert found(linter, text) == expected


@pytest.mark.parametrize("text", [
    "You will be asleep under a general anaesthetic, so you will feel nothing.",
    "In a closed rhinoplasty the cuts are made inside the nose, so there are no visible scars.",
    "You should not feel pain once the anaesthetic has worked, but you will feel pressure.",
    "Take painkillers until you are pain-free.",
    "A biopsy is the only way to know for sure whether a lump is cancer.",
    "Surgery is the most effective treatment for large gallstones (NICE, 2014).",
    "Hip replacement was first performed in the 1960s.",
    "Babies have primitive reflexes that fade with age.",
    "Only one or two people in every hundred have this problem.",
    "The waiting list for eyelid surgery is about 18 weeks.",
    "Most people feel little pain, and the scar fades over a year.",
])
def test_class_patterns_leave_honest_copy_alone(linter, text):
    assert found(linter, text) == []


def test_hype_denied_is_not_a_sales_sentence():
    from lint.config import Settings
    from lint.engine import Linter
    from tests.helpers import lint_text

    linter = Linter(Settings(select=["PRM007"], rules={"PRM007": {"threshold": 0.0, "sales_page_threshold": 0.0}}))
    # at a threshold of 0 every sentence the rule does not exclude is reported
    assert [f.text for f in lint_text(linter, "It was a miracle cure for my knee.\n").findings] == [
        "It was a miracle cure for my knee"]
    assert lint_text(linter, "It wasn't a miracle cure for my knee.\n").findings == []


def test_the_title_of_a_cited_document_on_a_source_line_is_not_sales_copy(linter):
    page = ('About half of people with glaucoma do not know it.\n*Source: Centers for Disease Control and Prevention, '
            '"Don\'t Let Glaucoma Steal Your Sight!", 2020.*\n\nDon\'t let glaucoma steal your weekends.\n')
    result = lint_text(linter, page)
    assert [f.text for f in result.findings if f.category == "promotional"] == ["Don't let glaucoma steal your"]


@pytest.mark.parametrize("text, expected", [
    ("Many physios will just hand you a sheet of exercises.", "Many physios will just hand"),
    # a quantifier run onto the provider word (a typo) still counts
    ("manyGPs can only give you pills.", "manyGPs can only give"),
    # the span starts at the word, never on the spaces before it
    ("After a knee operation, the  GPs will just hand out leaflets.", "GPs will just hand"),
])
def test_providers_said_to_just_hand_out_something(linter, text, expected):
    assert ("PRM003", expected) in found(linter, text)


def test_an_anchored_exception_is_found_in_its_own_block_among_many(linter):
    # the "Sources:" exception is matched block by block, only in the blocks that hold its words; runs of spaces
    # (which the page's haystack folds into one) before it must not move it to another block
    blocks = [f"Endovenous laser ablation closes vein {n} from inside.  It is not risk-free." for n in range(30)]
    page = "\n\n".join(["Varicose vein treatment", *blocks, 'Sources:   "Is   laser   treatment   risk-free?" BMJ 2020.',
                        "Our treatment is risk-free.", ""])
    assert found(linter, page, "txt") == [("PRM002", "risk-free")]
    result = lint_text(linter, page, "txt")
    assert [f.line for f in result.findings if f.code == "PRM002"] == [65]


def test_the_blocks_holding_a_pattern_s_words_are_found_through_folded_spaces():
    import re

    from lint.kinds.phrases import _SEPARATOR, _blocks_holding
    from lint.matching import Haystack, PatternSet, compile_builtin

    pattern = compile_builtin(r"^\W{0,2}(?:sources?|references?)\s*:", re.I)
    texts = ["No list here.", "Words  and   more   words.", "Sources: the NHS.", "x   y", "References : BMJ."]
    joined = _SEPARATOR.join(texts)
    starts = [sum(len(t) + len(_SEPARATOR) for t in texts[:i]) for i in range(len(texts))]
    patterns = PatternSet([pattern])
    haystack = Haystack(joined)
    assert haystack.shifted
    assert _blocks_holding(patterns.prefilter(pattern), haystack, patterns.needles(haystack), starts) == {2, 4}


@pytest.mark.parametrize("text", [
    "Cancer Research UK describes testicular cancer as one of the most treatable cancers.",
    "According to CRUK, testicular cancer is one of the most treatable cancers.",
    "Testicular cancer is one of the most curable cancers, according to Cancer Research UK.",
    "Testicular cancer is described by Cancer Research UK as one of the most treatable cancers.",
    "The American Cancer Society calls testicular cancer one of the most curable cancers.",
    "In 2023, Cancer Research UK described testicular cancer as one of the most treatable cancers.",
])
def test_a_treatable_condition_so_described_by_a_named_body_is_no_hype(linter, text):
    assert found(linter, text) == []


@pytest.mark.parametrize("text", [
    "Rosacea is one of the most treatable skin problems we see.",
    "Testicular cancer is one of the most treatable cancers.",
    "Our clinic describes rosacea as one of the most treatable skin problems.",
    "Our Skin Service describes rosacea as one of the most treatable skin problems.",
    "We describe rosacea as one of the most treatable skin problems.",
    "The Brightwater Clinic describes acne as one of the most treatable skin problems.",
    "Rosacea is one of the most treatable skin problems we see, according to the British Association of Dermatologists.",
    "According to Cancer Research UK, our clinic treats one of the most treatable cancers.",
    "Cancer Research UK funds our work. Acne is one of the most treatable skin problems.",
])
def test_the_clinics_own_most_treatable_is_still_hype(linter, text):
    assert [code for code, _ in found(linter, text)] == ["PRM001"]
