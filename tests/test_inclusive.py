"""Inclusive language: gendered generic patients (never on a page about a named man) and person-first wording."""

from __future__ import annotations


import pytest

from tests.conftest import FIXTURES
from tests.helpers import lint_text


def inc(linter, text, code="INC001", fmt="md"):
    return [(f.text, f.suggestions[:1]) for f in lint_text(linter, text, fmt).findings if f.code == code]


@pytest.mark.parametrize("text,pronoun,suggestion", [
    ("After a prostatectomy the patient stays two nights. He can shower after two days.", "He", "They"),
    ("Every patient should bring his own dressing packs.", "his", "their"),
    ("The person having the operation must not eat. Ask him to stop six hours before.", "him", "them"),
])
def test_gendered_generic_patient(linter, text, pronoun, suggestion):
    assert inc(linter, text) == [(pronoun, (suggestion,))]


@pytest.mark.parametrize("text", [
    "After your operation you stay two nights. You can shower after two days.",
    "Your husband may want to drive you home. He should wait on the ward.",
    "Mr Patel had his cataract removed on Monday. He was reading the next day.",
])
def test_specific_men_are_not_generic(linter, text):
    assert inc(linter, text) == []


def test_a_page_about_a_named_man_is_never_flagged(linter):
    page = FIXTURES / "clean" / "rd-patient-story-hernia.md"
    source = page.read_text(encoding="utf-8")
    assert "The patient arrived" in source and " He had " in source  # "he" right after "the patient"
    assert [f for f in lint_text(linter, source, path=str(page)).findings if f.category == "inclusive"] == []
    # the same paragraphs without the man's name are about a generic patient and are flagged
    anonymous = source.replace("Mr Thomas Reid", "The patient").replace("Thomas's", "A").replace("Thomas", "The patient")
    assert inc(linter, anonymous)


def test_a_patient_of_no_one_in_particular_on_a_page_about_a_named_man(linter):
    # the page is about its surgeon, a named man, whose "he" and "his" are his own; "each patient ... his" is not
    text = ("# Thyroid surgery at Northgate\n\nMr Aled Rhys is our lead thyroid surgeon. He has done over 900 "
            "operations, and his team runs the clinic.\n\nAt the first visit, every patient has a voice check before his "
            "scan. Mr Rhys explains his approach at the same visit.")
    assert [(f.text, f.start) for f in lint_text(linter, text).findings if f.code == "INC001"] == \
        [("his", text.index("his scan"))]


def test_named_man_by_given_name_only(linter):
    text = ("# James's knee\n\nJames tore his ACL playing football.\n\n"
            "Like every patient, he did his exercises twice a day.")
    assert inc(linter, text) == []


def test_a_reviewer_in_the_footer_does_not_silence_the_page(linter):
    text = ("# Recovery\n\nAfter the operation, the patient should rest. He can walk the next day.\n\n"
            "Reviewed by Mr James Hart, consultant surgeon, May 2025.")
    assert [t for t, _ in inc(linter, text)] == ["He"]


@pytest.mark.parametrize("text,label,suggestion", [
    ("Diabetics heal more slowly.", "Diabetics", "People with diabetes"),
    ("Epileptics should bring their medicines.", "Epileptics", "People with epilepsy"),
    ("Surgery is harder for asthmatics.", "asthmatics", "people with asthma"),
])
def test_person_first_labels(linter, text, label, suggestion):
    assert inc(linter, text, "INC002") == [(label, (suggestion,))]


def test_no_person_first_finding_on_person_first_wording(linter):
    assert inc(linter, "People with diabetes heal more slowly. A diabetic foot needs care.", "INC002") == []


