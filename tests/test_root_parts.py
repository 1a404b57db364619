"""ANA007 (kind ``root-parts``): a term built from a root that names a part of the body, explained beside it with
the plain name of another part, on pages other than the rule's examples, with exact spans and messages."""

from __future__ import annotations

import pytest

from lint.config import Settings
from lint.engine import Linter
from tests.helpers import lint_text


@pytest.fixture(scope="module")
def ana():
    return Linter(Settings(select=["ANA007"]))


def found(linter, text):
    return [f for f in lint_text(linter, text).findings if f.code == "ANA007"]


@pytest.mark.parametrize("text, span, says", [
    # the bracket after the term, with the term's name going on before it ("otitis media (...)")
    ("# Kidney stones\n\nA pyeloplasty (an operation to widen the gullet) is done by keyhole surgery.",
     "pyeloplasty (an operation to widen the gullet)",
     "'pyeloplasty' is about the kidney, but the words beside it speak of 'gullet'"),
    ("Acute otitis externa (an infection of the nose) is common after swimming.",
     "otitis externa (an infection of the nose)", "'otitis' is about the ear, but the words beside it speak of 'nose'"),
    # the clause before a bracketed term, and an adjective with a prefix
    ("A red, swollen area around the ear (periorbital cellulitis) needs urgent treatment.",
     "ear (periorbital", "'periorbital' is about the eye, but the words beside it speak of 'ear'"),
    # "also called" after the term; the aside ends at its comma
    ("Gingivitis, also called inflammation of the tonsils, makes them bleed when you brush.",
     "Gingivitis, also called inflammation of the tonsils",
     "'Gingivitis' is about the gums, but the words beside it speak of 'tonsils'"),
    # "means" after the term, and the words before "known as" and the term
    ("A mastectomy means removal of the womb.", "mastectomy means removal of the womb",
     "'mastectomy' is about the breast, but the words beside it speak of 'womb'"),
    ("Surgery to remove the voice box, known as a tonsillectomy, is rare.", "voice box, known as a tonsillectomy",
     "'tonsillectomy' is about the tonsils, but the words beside it speak of 'voice box'"),
    # several roots: the words of none of them
    ("An oesophagogastroduodenoscopy (a camera test of the bladder) takes ten minutes.",
     "oesophagogastroduodenoscopy (a camera test of the bladder)",
     "'oesophagogastroduodenoscopy' is about the duodenum and the gullet and the stomach, but the words beside it "
     "speak of 'bladder'"),
    # the longest root decides: "cholecyst" is the gallbladder, not the bladder
    ("Cholecystitis (an infected kidney) causes pain under the ribs.", "Cholecystitis (an infected kidney)",
     "'Cholecystitis' is about the gallbladder, but the words beside it speak of 'kidney'"),
    # the other part nearest the term is named
    ("A craniotomy (an opening in the breastbone to reach the heart) is a major operation.",
     "craniotomy (an opening in the breastbone to reach the heart)",
     "'craniotomy' is about the skull, but the words beside it speak of 'heart'"),
])
def test_a_root_term_explained_as_another_part(ana, text, span, says):
    (hit,) = found(ana, text)
    assert hit.text == span
    assert says in hit.message
    assert hit.message.endswith("Fix the explanation, or use the term for that part.")


@pytest.mark.parametrize("text", [
    "A pyeloplasty (an operation to widen the narrow outlet of the kidney) is done by keyhole surgery.",
    "Acute otitis externa (an infection of the ear canal) is common after swimming.",
    "Gingivitis, also called inflammation of the gums, makes them bleed when you brush.",
    # the way in, and the neighbours the entry allows
    "A gastroscopy (a thin camera passed through your mouth and throat) is quick.",
    "A cystoscopy means a thin camera is passed into the urethra.",
    "A laparoscopy (keyhole surgery on your tummy) leaves three small scars.",
    "A diagnostic laparoscopy (a look at the womb, tubes and ovaries) can find endometriosis.",
    "Inguinal hernia (a bulge at the top of your thigh) is common in men.",
    "Hip arthritis often causes pain in your groin (referred pain).",
    # a negation, a list that names the part, and what follows from the term rather than what it is
    "A nephrectomy (not an operation on your bladder) is rarely needed for stones.",
    "Your kidneys, liver and heart (renal function, liver function) are checked first.",
    "A nephrectomy means you will have a catheter in your bladder for a day.",
    "A colonoscopy means your bowel must be empty, so you take laxatives the day before.",
    # not terms: an ambiguous adjective, a cyst removed from the ovary, a word with an unknown root
    "The femoral artery (in your groin) is used for the angiogram.",
    "Cervical spondylosis (wear and tear in the neck) is common.",
    "An ovarian cystectomy (removal of a cyst from the ovary) keeps the ovary.",
    "An endoscopy (a camera passed down the throat) is quick.",
    # two things listed, not one explained
    "Watch for hepatitis or a kidney infection after the transplant.",
    # the term inside a longer bracket is not a name for the clause before it
    "Pain in your shoulder tip is common (the gas used during a laparoscopy irritates a nerve).",
])
def test_a_root_term_explained_as_its_own_part(ana, text):
    assert [f.text for f in found(ana, text)] == []


def test_a_word_is_read_root_by_root():
    linter = Linter(Settings(select=["ANA007"]))
    (kind,) = linter.checkers
    assert kind._roots("salpingo-oophorectomy") == ["salping", "oophor"]
    assert kind._roots("orchitis") == ["orch"]  # "orchi" leaves no ending
    assert kind._roots("osteoarthritis") == ["arthr"]  # a prefix before the root
    assert kind._roots("endoscopy") is None  # a prefix and an ending, no root
    assert kind._roots("thrombosis") is None


@pytest.mark.parametrize("change, error", [
    (("      part: the eye\n", "      name: the eye\n"),
     "roots: entry 1 needs 'roots' and 'words' (lists of words) and 'part' (a text)"),
    (("    - roots: [hepat]\n", "    - roots: [hepat, orbit]\n"), "root 'orbit' is given twice"),
    (("               aural, tonsillar]", "               aural, tonsillar, femoral]"),
     "adjectives: 'femoral' has none of the roots"),
    (("  endings: [itis, ", "  endings: [i-t-1, "), "endings: 'i-t-1' must be letters (and hyphens) only"),
    (("speak of '{said}'", "speak of '{word}'"), "{word}"),
])
def test_root_data_mistakes_name_the_file(tmp_path, change, error):
    from tests.helpers import setup_error_of_changed_rule

    renames = {"code: ANA007": "code: ANA107", "name: root-part-mismatch": "name: my-root-parts"}
    assert error in setup_error_of_changed_rule(tmp_path, "anatomy/ANA007-root-part-mismatch.yaml", renames, change)
