"""Fair balance: page-level findings for benefits without risks (PRM005), no alternatives
(PRM006) and no sources or review date (EVD003)."""

from __future__ import annotations

import pytest

from lint.config import Settings
from lint.engine import Linter
from tests.conftest import FIXTURES
from tests.helpers import lint_text

PAGE_RULES = ("PRM005", "PRM006", "EVD003")

INTRO = (
    "# Hernia repair with mesh\n\n"
    "A hernia repair pushes the bulge back into place and strengthens the weak spot in the wall of your tummy "
    "with a piece of mesh. It relieves the ache and the dragging feeling, and most people go back to office "
    "work within two weeks. The operation takes about 45 minutes and is usually done as a day case under a "
    "general anaesthetic. The surgeon makes a cut of about 6 cm over the bulge, or three small cuts for keyhole "
    "surgery. Afterwards you take simple painkillers for a few days and avoid heavy lifting for four to six weeks. "
    "You can drive when you can wear a seat belt comfortably and do an emergency stop. A nurse will phone you the "
    "day after the operation to check how you are. Keep the wound clean and dry for two days, and then you can "
    "shower as normal. The stitches dissolve by themselves.\n\n"
)
RISKS = "## Risks\n\nPossible problems include a wound infection, bleeding, and the hernia coming back.\n\n"
ALTERNATIVES = "## Alternatives\n\nIf the hernia does not bother you, you can choose to wait and see.\n\n"
REVIEWED = "Last reviewed: May 2025\n"
SOURCE = "Read more in the [NHS guide to hernia repair](https://www.nhs.uk/conditions/inguinal-hernia-repair/).\n\n"


def page_findings(linter, text, fmt="md"):
    result = lint_text(linter, text, fmt)
    return [(f.code, f.severity, f.line, f.text) for f in result.findings if f.code in PAGE_RULES]


def test_a_balanced_page_is_silent(linter):
    assert page_findings(linter, INTRO + RISKS + ALTERNATIVES + REVIEWED) == []


def test_benefits_without_risks_is_a_warning_at_the_main_heading(linter):
    assert page_findings(linter, INTRO + ALTERNATIVES + REVIEWED) == [
        ("PRM005", "warning", 1, "Hernia repair with mesh")]


def test_saying_there_are_no_risks_is_not_describing_them(linter):
    text = INTRO + "The operation is risk-free, with no risks and no side effects.\n\n" + ALTERNATIVES + REVIEWED
    assert [c for c, *_ in page_findings(linter, text)] == ["PRM005"]


def test_a_risk_named_only_as_something_reduced_is_a_benefit(linter):
    text = INTRO + "Keyhole repair means lower risks of complications and less scarring.\n\n" + ALTERNATIVES + REVIEWED
    assert [c for c, *_ in page_findings(linter, text)] == ["PRM005"]


def test_no_alternatives_is_info(linter):
    assert page_findings(linter, INTRO + RISKS + REVIEWED) == [
        ("PRM006", "info", 1, "Hernia repair with mesh")]


def test_no_sources_and_no_review_date_is_info(linter):
    assert page_findings(linter, INTRO + RISKS + ALTERNATIVES) == [
        ("EVD003", "info", 1, "Hernia repair with mesh")]
    assert page_findings(linter, INTRO + RISKS + ALTERNATIVES + SOURCE) == []


def test_the_review_date_rule_is_configurable(tmp_path):
    strict = Linter(Settings(select=["EVD003"], rules={"EVD003": {"need": "both"}}))
    result = lint_text(strict, INTRO + RISKS + ALTERNATIVES + REVIEWED)
    assert [(f.code, f.message.split(";")[0]) for f in result.findings] == [("EVD003", "This page has no sources")]
    assert lint_text(strict, INTRO + RISKS + ALTERNATIVES + REVIEWED + SOURCE).findings == []
    dated = Linter(Settings(select=["EVD003"], rules={"EVD003": {"need": "review_date"}}))
    result = lint_text(dated, INTRO + RISKS + ALTERNATIVES + SOURCE)
    assert [f.message.split(";")[0] for f in result.findings] == ["This page has no review date"]


def test_short_texts_are_not_judged_as_pages(linter):
    assert page_findings(linter, "# Hernia repair\n\nIt relieves the ache.\n") == []


def test_pages_not_about_a_treatment_are_not_asked_for_risks(linter):
    text = INTRO.replace("Hernia repair with mesh", "Visiting the ward") .replace("hernia repair", "visit")
    text = ("# Visiting the ward\n\n" + "Visiting hours are from 2pm to 8pm every day. Two visitors may sit by each bed, "
            "and children are welcome with an adult. Please wash your hands when you arrive and when you leave. "
            "Flowers are not allowed on the ward. You can buy food and drinks in the café on the ground floor, which "
            "is open from 8am to 6pm. Car parking is free for visitors of patients who stay longer than a week; ask "
            "the ward clerk for a permit. If you feel unwell, please do not visit. The ward team can help with any "
            "questions about your relative's care and will let you know when they are going home. Quiet time is from "
            "1pm to 2pm, so that patients can rest. Mobile phones may be used on the ward, but please keep them on "
            "silent and do not take photographs of other patients. Thank you for helping us look after everyone.\n\n"
            + REVIEWED)
    assert page_findings(linter, text) == []


@pytest.mark.parametrize("page,heading", [
    ("ev-knee-replacement.html", "Total knee replacement"),
    ("ev-meniscus-surgery.md", "Knee arthroscopy for a torn meniscus"),
])
def test_defect_pages_without_risks_are_found(linter, page, heading):
    result = linter.lint_file(str(FIXTURES / "defects" / page))
    assert [(f.code, f.text) for f in result.findings if f.code == "PRM005"] == [("PRM005", heading)]


@pytest.mark.parametrize("page", sorted((FIXTURES / "clean").glob("*.*")), ids=lambda p: p.name)
def test_well_edited_pages_are_balanced(linter, page):
    # Every well-edited page talks about risks (PRM005, a warning). The info-level checks
    # (alternatives, sources, review date) are held to the ev- pages, written with all of them;
    # some pages of other families leave them out on purpose, and info never fails a run.
    codes = PAGE_RULES if page.name.startswith("ev-") else {"PRM005"}
    result = linter.lint_file(str(page))
    assert [(f.code, f.text) for f in result.findings if f.code in codes] == []


_GALLSTONES = (
    "# Gallstones\n\nGallstones are small stones that form in the gallbladder, a pouch under the liver that stores bile. "
    "Many people have them without knowing, and most never need any treatment. Others get bouts of sharp pain under the "
    "ribs on the right, often after a fatty meal, which can last for several hours.\n\n"
    "## Eating well\n\nA healthy, balanced diet with plenty of fruit, vegetables and wholegrains helps. Eat regular "
    "meals, and keep fatty, fried foods to a small part of what you eat. Losing weight slowly, if you need to, is "
    "better than a crash diet.\n\n"
    "## Travelling abroad\n\nTake a letter from your doctor and a list of your medicines. If you had a cholecystectomy "
    "in the last month, check with your team before you fly. A cholecystectomy is an operation to take out the "
    "gallbladder, usually through small cuts.\n\n"
    "## Contact us\n\nPhone the surgical nurses on 01632 960 999, Monday to Friday.\n")


def test_an_operation_named_in_passing_on_a_page_on_a_condition_is_not_its_topic(linter):
    assert [c for c, *_ in page_findings(linter, _GALLSTONES) if c == "PRM006"] == []
    # (the operation in a section of its own is the page's matter)
    own = _GALLSTONES.replace("## Travelling abroad", "## Having a cholecystectomy")
    assert [c for c, *_ in page_findings(linter, own) if c == "PRM006"] == ["PRM006"]


def test_a_page_on_a_condition_that_lists_its_treatments_names_the_choices(linter):
    listed = _GALLSTONES.replace("## Eating well", "## How are gallstones treated?\n\n- painkillers for a bout of "
                                 "pain\n- antibiotics if the gallbladder is infected\n- a medicine that can slowly "
                                 "dissolve small stones\n- a cholecystectomy\n\n## Eating well").replace(
        "## Travelling abroad", "## Having a cholecystectomy")
    assert [c for c, *_ in page_findings(linter, listed) if c == "PRM006"] == []
    # (the steps of one operation are no list of choices)
    steps = listed.replace("- painkillers for a bout of pain\n- antibiotics if the gallbladder is infected\n- a medicine "
                           "that can slowly dissolve small stones\n", "- you are asleep\n- the surgeon makes small cuts\n"
                           "- the gallbladder is taken out\n")
    assert [c for c, *_ in page_findings(linter, steps) if c == "PRM006"] == ["PRM006"]
