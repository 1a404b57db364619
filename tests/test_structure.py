"""Structure: duplicate headings, empty sections, skipped heading levels, off-topic sections."""

from __future__ import annotations

import pytest

from tests.helpers import lint_text


def structure(linter, text, fmt="md"):
    return [(f.code, f.text) for f in lint_text(linter, text, fmt).findings if f.category == "structure"]


def test_duplicate_heading(linter):
    text = "# Mastectomy\n\n## Recovery\n\nRest.\n\n## Risks\n\nBleeding and infection.\n\n## Recovery\n\nWalk daily."
    assert structure(linter, text) == [("STR001", "Recovery")]


def test_the_same_subheading_under_two_sections_is_no_duplicate(linter):
    text = ("# Prostate cancer: your choices\n\n## Active surveillance\n\n### Risks\n\nThe cancer may grow.\n\n"
            "## Robotic prostatectomy\n\n### Risks\n\nLeaking urine for some months.\n\n### Risks\n\nSee above.")
    # (the third "Risks" repeats a sibling under the same section)
    assert structure(linter, text) == [("STR001", "Risks")]
    assert lint_text(linter, text, "md").findings[0].line == 15


def test_a_question_in_plain_text_heads_a_section_judged_on_its_topic(linter):
    text = ("Varicose vein treatment\n\nWho is at risk?\nThe nurse cleans your leg and numbs the skin. A thin laser "
            "fibre goes into the vein through a needle, and heat seals the vein shut from the inside. Then you wear a "
            "stocking.\n\nRisks\n\nBruising is common and a clot is rare.\n")
    assert structure(linter, text, "txt") == [("STR004", "Who is at risk?")]


@pytest.mark.parametrize("text,fmt,empty", [
    ("# Thyroidectomy\n\n## Outcomes\n\n## Alternatives\n\nWatchful waiting is an option.", "md", "Outcomes"),
    ("# Thyroidectomy\n\n## Outcomes\n\n# Other pages\n\nSee the index.", "md", "Outcomes"),
    ("<h1>Vasectomy</h1><p>A small operation.</p><h2>Cost and payment</h2>", "html", "Cost and payment"),
    ("Vasectomy\n\nA small operation.\n\nCost and payment\n\nAlternatives\n\nCondoms are an option.\n", "txt",
     "Cost and payment"),
])
def test_empty_section(linter, text, fmt, empty):
    assert ("STR002", empty) in structure(linter, text, fmt)


def test_a_heading_with_subsections_is_not_empty(linter):
    text = "# Gastroscopy\n\n## After the test\n\n### If you had a sedative\n\nSomeone must take you home."
    assert structure(linter, text) == []


def test_a_dateline_at_the_end_is_not_an_empty_section(linter):
    text = "Colonoscopy\n\nA test to look inside your bowel.\n\nUpdated 2024\n"
    assert [c for c, _ in structure(linter, text, "txt")] == []


@pytest.mark.parametrize("text,fmt,skipped", [
    ("# Hip arthroscopy\n\n## Why\n\nPain.\n\n#### Before the operation\n\nAn X-ray.", "md", "Before the operation"),
    ("<h1>Hip replacement</h1><h2>Recovery</h2><p>Rest.</p><h4>How long a new hip lasts</h4><p>Years.</p>", "html",
     "How long a new hip lasts"),
    ("<h1>Lithotripsy</h1><p>Shock waves.</p><h3>Who may not be able to have it</h3><p>Pregnant women.</p>", "html",
     "Who may not be able to have it"),
])
def test_skipped_heading_level(linter, text, fmt, skipped):
    assert structure(linter, text, fmt) == [("STR003", skipped)]


def test_going_back_up_is_not_a_skip(linter):
    text = "# A\n\n## B\n\n### C\n\nText.\n\n## D\n\nText.\n\n### E\n\nText."
    assert structure(linter, text) == []


def test_section_off_topic(linter):
    text = ("# Knee replacement\n\n## Risks\n\nOur award-winning team has treated patients from across the county "
            "since 1998. We have free parking, a cafe and flexible appointments for busy people.\n")
    [(code, heading)] = structure(linter, text)
    assert (code, heading) == ("STR004", "Risks")


@pytest.mark.parametrize("text", [
    "# Knee replacement\n\n## Risks\n\nMost people have no serious problems, but infection and blood clots can happen after any operation on the knee.",
    "# Knee replacement\n\n## Recovery\n\nYou will use crutches for a few weeks and do exercises at home with help from a physiotherapist.",
    "# Knee replacement\n\n## Our surgeons\n\nOur award-winning team has treated patients from across the county since 1998 and more.",
])
def test_sections_on_topic_or_not_judged(linter, text):
    assert structure(linter, text) == []


# (plain text has no levels: a heading over two parts alike, each with its text, heads a section with parts; Markdown and
# HTML show the levels, so the same headings at one level there are an empty section)
_PARTS = ["Gallstones", "This leaflet explains keyhole gallbladder removal.", "Possible problems",
          "Bile leak", "Rarely, bile leaks from the cut duct and needs a drain.",
          "Infection", "The small wounds can become red and sore.", "When to get help",
          "Call the ward if you have a fever."]


def test_a_plain_text_heading_over_parts_is_not_empty(linter):
    assert [c for c, _ in structure(linter, "\n\n".join(_PARTS) + "\n", "txt")] == []


@pytest.mark.parametrize("text,fmt", [
    ("# Gallstones\n\nAbout the operation.\n\n## Possible problems\n\n## Bile leak\n\nIt is rare.\n\n## Infection\n\n"
     "The wounds can become sore.", "md"),
    ("<h1>Gallstones</h1><p>About the operation.</p><h2>Possible problems</h2><h2>Bile leak</h2><p>It is rare.</p>"
     "<h2>Infection</h2><p>The wounds can become sore.</p>", "html"),
])
def test_the_same_headings_at_one_level_are_empty_in_markdown_and_html(linter, text, fmt):
    assert ("STR002", "Possible problems") in structure(linter, text, fmt)


def test_a_plain_text_heading_over_one_part_then_a_page_section_is_empty(linter):
    text = "\n\n".join(_PARTS[:5] + ["Contact us", "Phone the surgical unit on 01632 960 888."]) + "\n"
    assert ("STR002", "Possible problems") in structure(linter, text, "txt")


def test_warning_signs_to_report_are_part_of_what_happens(linter):
    text = ("# Cystoscopy\n\n## What happens during the test?\n\nA nurse stays with you all the time. It is over "
            "quickly.\n\nTell the nurse at once if you feel:\n\n- faint or dizzy\n- itchy, or you see a rash\n"
            "- pain in your tummy\n- unwell in any way\n")
    assert structure(linter, text) == []
    # (the same signs given as complications, with no one to tell, still read as a section on risks)
    risks = text.replace("Tell the nurse at once if you feel:", "Afterwards some people are:")
    assert structure(linter, risks) == [("STR004", "What happens during the test?")]
