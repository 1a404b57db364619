"""SEO: keyword stuffing, location and sales spam, template leftovers."""

from __future__ import annotations

import pytest

from lint.config import Settings
from lint.engine import Linter
from tests.conftest import FIXTURES
from tests.helpers import lint_text


def seo(linter, text, code, fmt="md"):
    return [f.text for f in lint_text(linter, text, fmt).findings if f.code == code]


def test_stuffing_on_the_first_seed(linter):
    seed = FIXTURES / "seeds" / "000-9c4f5e.txt"
    texts = seo(linter, seed.read_text(encoding="utf-8"), "SEO001", "txt")
    assert texts and all(t.lower() == "laminectomy back surgery mis" for t in texts)


def test_a_procedure_named_naturally_on_its_own_page_is_not_stuffing(linter):
    page = FIXTURES / "clean" / "rd-knee-arthroscopy.html"
    source = page.read_text(encoding="utf-8")
    assert source.lower().count("arthroscopy") >= 4
    assert seo(linter, source, "SEO001", "html") == []


def test_a_time_repeated_in_instructions_is_not_a_search_phrase(linter):
    text = ("Stop eating at midnight before the morning of surgery. Take your tablets on the morning of surgery. "
            "Shower on the morning of surgery. Arrive at 7am on the morning of surgery. Bring your letter.")
    assert seo(linter, text, "SEO001", "md") == []


def test_a_dose_repeated_down_a_dosing_table_is_not_a_search_phrase(linter):
    table = ("| Reason | Dose |\n| --- | --- |\n| Atrial fibrillation | 5 mg twice a day |\n"
             "| A clot in the leg | 10 mg twice a day for 7 days, then 5 mg twice a day |\n"
             "| After a hip replacement | 2.5 mg twice a day for 32 days |\n| After a knee replacement | 2.5 mg twice a day |\n")
    assert seo(linter, table, "SEO001", "md") == []
    # the same count of a real search phrase is still stuffing
    assert seo(linter, table.replace("mg twice a day", "apixaban tablets Leeds"), "SEO001", "md") != []


@pytest.mark.parametrize("text,spam", [
    ("Looking for the best vasectomy in Leeds? Call now.", "Looking for the best vasectomy in Leeds"),
    ("Before deciding on spine surgery, you should consider other options in Lucknow if they are open.",
     "you should consider other options in Lucknow"),
    ("Rhinoplasty Bristol - book your consultation today.", "Rhinoplasty Bristol"),
    ("Recovery after cataract surgery Chicago is quick.", "cataract surgery Chicago"),
    ("We are the best hernia surgeons in Springfield. Call us today.", "the best hernia surgeons in Springfield"),
    ("Find knee replacement near me and book online.", "knee replacement near me"),
    # each head word the rule skips blocks without (upper case, "No.1" read as two words or "no1" as one)
    ("Find ACL REPLACEMENT NEAR ME today.", "ACL REPLACEMENT NEAR ME"),
    ("Looking for the beſt vasectomy in Leeds? Call now.", "Looking for the beſt vasectomy in Leeds"),  # long s
    ("The No.1 thyroid clinic in Bristol. Call us today.", "The No.1 thyroid clinic in Bristol"),
    ("The no1 prostate clinic in Bristol. Call us today.", "The no1 prostate clinic in Bristol"),
    ("The NUMBER ONE bariatric team in Bristol. Book now.", "The NUMBER ONE bariatric team in Bristol"),
    ("Varicose vein treatment Kansas City, book your consultation today.", "Varicose vein treatment Kansas City"),
])
def test_location_and_sales_spam(linter, text, spam):
    assert seo(linter, text, "SEO002") == [spam]


@pytest.mark.parametrize("text", [
    "A large study in Sweden followed 2,000 people for ten years.",
    "The trial was run at King's College London and in Manchester.",
    "Kidney stones affect about 1 in 10 people in the United States.",
    "The best time to stop smoking is now. Your surgeon will explain the options.",
])
def test_places_in_plain_copy_are_not_spam(linter, text):
    assert seo(linter, text, "SEO002") == []


def test_the_sites_own_locations_are_not_spam():
    text = "Looking for the best vasectomy in Leeds? Call now. Vasectomy Bradford clinic opens on Saturdays."
    own = Linter(Settings(select=["SEO002"], locations=["Leeds", "Bradford"]))
    assert lint_text(own, text).findings == []
    other = Linter(Settings(select=["SEO002"], locations=["York"]))
    assert [f.text for f in lint_text(other, text).findings] == ["Looking for the best vasectomy in Leeds",
                                                                 "Vasectomy Bradford"]


@pytest.mark.parametrize("text,leftover", [
    ("Lorem ipsum dolor sit amet. Recovery takes two weeks.", "Lorem ipsum dolor sit amet"),
    ("Book your appointment at [Clinic Name] today.", "[Clinic Name]"),
    ("Call {{ phone_number }} to book.", "{{ phone_number }}"),
    ("INSERT KEYWORD HERE is a common operation.", "INSERT KEYWORD HERE"),
    ("Recovery takes XXX weeks.", "XXX"),
    ("Insert the surgeon's name here.", "Insert the surgeon's name here"),
])
def test_template_leftovers(linter, text, leftover):
    assert seo(linter, text, "SEO003") == [leftover]


def test_template_leftovers_in_html(linter):
    html = "<p>At {{clinic_name}}, the treatment takes about an hour.</p>"
    result = lint_text(linter, html, "html")
    [f] = [f for f in result.findings if f.code == "SEO003"]
    assert html[f.start:f.end] == "{{clinic_name}}" and f.severity == "error"


def test_no_leftover_in_citations_or_lower_case_todo(linter):
    assert seo(linter, "Keyhole surgery leaves small scars [1]. There is a lot to do after surgery.", "SEO003") == []


def test_a_hospital_named_after_its_town_is_not_location_spam(linter):
    assert seo(linter, "Ear, Nose and Throat Department, University Hospital Galway", "SEO002", "md") == []
    assert seo(linter, "Book your hip replacement Galway today.", "SEO002", "md") == ["hip replacement Galway"]


def test_the_pages_subject_named_often_is_not_stuffing_unless_very_dense(linter):
    import itertools

    words = ("".join(p) for p in itertools.product("bdfgklmnprstvz", "aeiou", "bdgklmnprst"))
    filler = [" ".join(next(words) for _ in range(100)) + ". " for _ in range(4)]
    # "low back pain" 4 times in about 420 words: 2.9%, above the 2% for a search phrase, below the 4% for a plain one
    page = ("Low back pain is common. " + filler[0] + "Most low back pain gets better. " + filler[1]
            + "Exercise helps low back pain. " + filler[2] + "See a doctor if low back pain spreads. " + filler[3])
    assert seo(linter, page, "SEO001", "md") == []
    # the same count with a town in it is a search phrase
    assert seo(linter, page.replace("low back pain", "knee pain Leeds").replace("Low back pain", "Knee pain Leeds"),
               "SEO001", "md") == ["knee pain Leeds", "knee pain Leeds"]


def test_a_clinic_name_with_a_town_is_still_a_search_phrase_unless_it_names_an_institution(linter):
    assert seo(linter, "Visit our Hair Transplant Clinic London this month.", "SEO002", "md") != []
    assert seo(linter, "Treatment is at St Vincent's Hospital Sydney.", "SEO002", "md") == []


def test_a_place_list_whose_city_opens_with_no_word_still_reads_every_block(tmp_path):
    # the rule reads a block for cities only if it holds a city's first word; "'s-Hertogenbosch" has none
    pack = tmp_path / "pack" / "local"
    pack.mkdir(parents=True)
    (pack / "places.yaml").write_text("cities:\n  - \"'s-Hertogenbosch\"\n  - Utrecht\n", encoding="utf-8")
    (pack / "LOC001-place-spam.yaml").write_text(
        "code: LOC001\nname: place-spam\nkind: location-spam\ncategory: seo\nseverity: warning\n"
        "message: \"Place spam: '{text}'.\"\n"
        "rationale: \"a place name used as a search phrase reads as an advert to a patient\"\n"
        "options: {data: places.yaml}\n"
        "examples: {fire: [\"Hernia repair Utrecht, call today.\"], pass: [\"We work in Utrecht.\"]}\n",
        encoding="utf-8")
    linter = Linter(Settings(select=["LOC001"], rule_paths=[tmp_path / "pack"]))
    # (no other city's first word in the block: only the city that opens with no word can make the finding)
    text = "Book a thyroidectomy 's-Hertogenbosch patients trust, and call today."
    assert seo(linter, text, "LOC001") == ["thyroidectomy 's-Hertogenbosch"]


@pytest.mark.parametrize("words", [("varicose", "vein"), ("gastric", "sleeve"), ("thyroid", "nodule"),
                                   ("prostate", "biopsy"), ("knee", "arthroscopy"), ("tubal", "ligation")])
def test_a_search_list_names_its_first_written_word_when_two_are_shared_as_often(linter, words):
    # (the two words are in every item but the last: the message named whichever a set's hashing put first, so it
    # changed from run to run; across six pairs the old order got every one right once in 64 runs)
    first, second = words
    text = (f"Related searches: {first} {second} treatment, {first} {second} surgery, {first} {second} cost, "
            f"{first} {second} recovery, best clinic near me\n")
    found = [f.message for f in lint_text(linter, text, "md").findings
             if f.code == "SEO001" and "a list of search phrases" in f.message]
    assert len(found) == 1 and f"4 with '{first}'" in found[0], found
