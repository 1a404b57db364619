"""TRM001 non-standard terms, TRM002 confusable terms by context, TRM003 conflated procedures
and conditions, on pages other than the seeds, with exact spans."""

from __future__ import annotations

import pytest

from lint.config import Settings
from lint.engine import Linter
from tests.helpers import lint_text


@pytest.fixture(scope="module")
def trm():
    return Linter(Settings(select=["TRM"]))


def found(result, code):
    return [(f.text, f.suggestions[0] if f.suggestions else None) for f in result.findings if f.code == code]


# -- TRM001 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,term,standard", [
    ("A torn anterior crucial ligament makes the knee give way.", "anterior crucial ligament",
     "anterior cruciate ligament"),
    ("Your eye tension is measured before cataract surgery.", "eye tension", "eye pressure"),
    ("An ecography of the thyroid shows the nodule.", "ecography", "ultrasound scan"),
    ("The vas deference is cut on each side.", "vas deference", "vas deferens"),
    ("Biliary lithiasis is the usual reason for a cholecystectomy.", "Biliary lithiasis", "Gallstones"),
])
def test_non_standard_terms(trm, text, term, standard):
    assert found(lint_text(trm, text), "TRM001") == [(term, standard)]


# -- TRM002 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,term,suggestion", [
    ("An enlarged prostrate gland can make it hard to pass urine.", "prostrate", "prostate"),
    ("Bone for the fusion is taken from the ileum, at the back of the pelvis.", "ileum", "ilium"),
    ("Crohn's disease often affects the ilium, the last part of the small bowel.", "ilium", "ileum"),
    ("Dysphasia after a stroke can make swallowing food and drink unsafe.", "Dysphasia", "Dysphagia"),
    ("Nasal polyps grow from the mucus membrane of the sinuses.", "mucus", "mucous"),
    ("You may cough up thick mucous for a few days.", "mucous", "mucus"),
    ("Caffeine can trigger palpations and a racing heart.", "palpations", "palpitations"),
    ("A stone can block one of the urethras, the tubes that drain the kidneys.", "urethras", "ureters"),
    ("Keep the stitches of the peroneal tear clean after childbirth.", "peroneal", "perineal"),
    ("The bunion sits over the head of the first metacarpal, next to the big toe.", "metacarpal", "metatarsal"),
    ("Fluid can collect around the lung, a plural effusion.", "plural", "pleural"),
    ("Antibiotics treat a urinary track infection.", "track", "tract"),
])
def test_confusables_in_context(trm, text, term, suggestion):
    result = lint_text(trm, text)
    assert found(result, "TRM002") == [(term, suggestion)]
    f = [f for f in result.findings if f.code == "TRM002"][0]
    assert f.start == text.index(term) and f.end == f.start + len(term)


@pytest.mark.parametrize("text", [
    "The prostate gland sits below the bladder; lie prostrate on the couch for the scan.",
    "The ileum absorbs vitamin B12 and bile salts.",
    "The surgeon takes bone from the ilium, the wing of the pelvis.",
    "Dysphasia after a stroke makes it hard to find words and speak.",
    "Dysphagia means difficulty swallowing food or drink.",
    "The mucous membrane lines the nose; mucus traps dust.",
    "The doctor feels your tummy by palpation.",
    "The ureters carry urine from the kidneys; the urethra carries it out of the body.",
    "The peroneal tendons run behind the ankle bone.",
    "A fracture of the fifth metatarsal is common in the foot.",
    "The lens is clear; a crystalline lens that turns cloudy is a cataract.",
])
def test_confusables_left_alone_when_the_context_fits(trm, text):
    assert found(lint_text(trm, text), "TRM002") == []


# -- TRM003 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    ("A colonoscopy, also known as a gastroscopy, looks at the large bowel.", "also known as a gastroscopy"),
    ("Rotator cuff repair, sometimes called a shoulder replacement, reattaches a torn tendon.",
     "sometimes called a shoulder replacement"),
    ("A hysterectomy (or oophorectomy) removes the womb.", "or oophorectomy"),
    ("Hallux valgus, often called hallux rigidus, is a bony lump at the base of the big toe.",
     "often called hallux rigidus"),
    ("A TURP is another name for a radical prostatectomy.", "another name for a radical prostatectomy"),
])
def test_conflation(trm, text, span):
    result = lint_text(trm, text)
    hits = [f for f in result.findings if f.code == "TRM003"]
    assert [f.text for f in hits] == [span]
    assert hits[0].start == text.index(span)


def test_conflation_message_defines_both(trm):
    result = lint_text(trm, "A septoplasty, also known as a rhinoplasty, straightens the septum.")
    (finding,) = [f for f in result.findings if f.code == "TRM003"]
    assert "septoplasty" in finding.message and "rhinoplasty" in finding.message
    assert "are different procedures" in finding.message


@pytest.mark.parametrize("text", [
    "A cholecystectomy, also called gallbladder removal, takes out the gallbladder.",
    "A TURP, also known as a transurethral resection of the prostate, trims the prostate.",
    "A radical prostatectomy is a kind of prostatectomy.",
    "Sometimes a colonoscopy and a gastroscopy are done on the same day.",
    "A septoplasty is often confused with a rhinoplasty, but it does not change the shape of the nose.",
])
def test_conflation_left_alone(trm, text):
    assert found(lint_text(trm, text), "TRM003") == []
