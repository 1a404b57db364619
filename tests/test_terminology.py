"""TRM001 non-standard terms, TRM002 confusable terms by context, TRM003 conflated procedures
and conditions, on pages other than the seeds, with exact spans."""

from __future__ import annotations

import pytest

from lint.config import Settings
from lint.engine import Linter
from tests.helpers import copy_of_builtin_rule, lint_text, setup_error_of_changed_rule


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


# -- TRM004 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    # one member of a family given as another
    ("A thyroid lobectomy is done under a general anaesthetic, in other words sedation, and takes about an hour.",
     "in other words sedation"),
    ("Some men have a caudal block, a type of general anesthetic, for a prostate biopsy.",
     "caudal block, a type of general anesthetic"),
    ("After a gastric sleeve you will have painkillers such as omeprazole for the first week.", "painkillers such as omeprazole"),
    ("Before ACL reconstruction, stop clopidogrel and other anticoagulants a week ahead.", "clopidogrel and other anticoagulants"),
    # (a name in brackets: either may be the wrong one)
    ("The varicose veins are mapped with a duplex scan (an MRI scan) before the ablation.", "duplex scan (an MRI scan)"),
    ("A bone density scan, also known as an ultrasound, is offered after a hip fracture.", "also known as an ultrasound"),
    # one member described by what is true of another
    ("The surgeon will check your knee with an MRI, which uses radiation to make the pictures.",
     "MRI, which uses radiation"),
    ("An ultrasound scan, which uses x-rays, shows how large the prostate is.", "ultrasound scan, which uses x-rays"),
    ("Most thyroid operations are done under a nerve block, so you will be fully asleep.",
     "nerve block, so you will be fully asleep"),
    ("Your gastric bypass is done by open surgery, through five small cuts in the tummy.",
     "open surgery, through five small cuts"),
    ("You may be prescribed antibiotics, which kill viruses, after the operation.", "antibiotics, which kill viruses"),
    # across families, and with a word of choice before the fact
    ("A PSA test, which is a simple urine test, is done before a prostate biopsy.", "PSA test, which is a simple urine test"),
    ("Dupuytren's is a form of arthritis that bends the fingers.", "Dupuytren's is a form of arthritis"),
    ("For a knee replacement some people have an epidural instead, which keeps you asleep.",
     "epidural instead, which keeps you asleep"),
])
def test_term_family_mix_ups(trm, text, span):
    hits = [f for f in lint_text(trm, text).findings if f.code == "TRM004"]
    assert [f.text for f in hits] == [span]
    assert hits[0].start == text.index(span)


@pytest.mark.parametrize("text", [
    "A thyroid lobectomy is done under a general anaesthetic, so you will be asleep.",
    "A spinal anaesthetic, a type of regional anaesthetic, is often used for a prostate operation.",
    "Blood thinners such as aspirin, clopidogrel and warfarin are stopped before ACL surgery.",
    "Stop apixaban and other anticoagulants two days before a gastric sleeve.",
    "Your veins are checked with a duplex ultrasound scan, which uses sound waves.",
    "A CT scan uses x-rays; an MRI scan uses a strong magnet and radio waves.",
    "CT or MRI scans use x-rays or magnets to make detailed pictures of the prostate.",
    "An MRI scan does not use x-rays, so it is safe to repeat.",
    "Unlike a CT scan, an MRI scan uses a magnet.",
    "The operation is done under a general anaesthetic or sedation, with a nerve block to numb the arm.",
    "After a general anaesthetic, you will be awake within an hour.",
    "An ultrasound-guided biopsy of the thyroid uses a fine needle.",
    "Keyhole surgery is done through a few small cuts; open surgery is done through one larger cut.",
    "Antibiotics do not work against viruses.",
])
def test_term_family_left_alone(trm, text):
    assert found(lint_text(trm, text), "TRM004") == []


def test_term_family_messages_say_what_each_term_is(trm):
    (mixed,) = [f for f in lint_text(trm, "It is done under sedation, i.e. a general anaesthetic.").findings
                if f.code == "TRM004"]
    assert mixed.message.startswith("'i.e. a general anaesthetic': 'sedation' and 'general anaesthetic' are different")
    assert "makes you unconscious" in mixed.message and "relaxed and drowsy" in mixed.message
    (fact,) = [f for f in lint_text(trm, "You will have a CT scan, which uses magnets.").findings if f.code == "TRM004"]
    assert fact.message.endswith("It is an MRI scan that uses a magnet and radio waves.")

def test_two_procedures_given_as_one_are_one_finding(trm):
    """TRM003 and TRM004 both know that a gastric sleeve is no gastric bypass: TRM004 defers to TRM003, which is
    then the only one to report it; with TRM003 turned off, TRM004 reports it."""
    text = "# Sleeve gastrectomy\n\nA gastric sleeve, also known as a gastric bypass, is done by keyhole surgery."
    codes = [(f.code, f.text) for f in lint_text(trm, text).findings]
    assert codes == [("TRM003", "also known as a gastric bypass")]
    alone = Linter(Settings(select=["TRM004"]))
    assert [(f.code, f.text) for f in lint_text(alone, text).findings] == [("TRM004", "also known as a gastric bypass")]


def test_a_false_fact_beside_a_mix_up_another_rule_reports_is_kept(trm):
    """The mix-up of the two tests is TRM003's; that a nephrologist does the test is a slip of its own, which TRM004
    reports though its finding covers TRM003's."""
    text = "# Cystoscopy\n\nA flexible cystoscopy, also called a ureteroscopy, is performed by a nephrologist."
    findings = [(f.code, f.text) for f in lint_text(trm, text).findings]
    assert findings == [("TRM004", "cystoscopy, also called a ureteroscopy, is performed by a nephrologist"),
                        ("TRM003", "also called a ureteroscopy")]



@pytest.mark.parametrize("text,span,term", [
    ("# Head and neck radiotherapy\n\nYou will then have a planning computerised tomography (CT) scan while wearing the "
     "mask. The scan uses magnets and radio waves to build a detailed picture.", "The scan uses magnets",
     "'computerised tomography (CT) scan'"),
    ("# Prostate biopsy\n\nYou will have an MRI scan of your prostate first. This scan uses x-rays.", "This scan uses x-rays",
     "'MRI scan'"),
])
def test_the_scan_opening_a_sentence_is_the_scan_named_in_the_one_before(trm, text, span, term):
    (fact,) = [f for f in lint_text(trm, text).findings if f.code == "TRM004"]
    assert fact.text == span and f"not true of {term}" in fact.message


@pytest.mark.parametrize("text", [
    "# Knee arthroscopy\n\nYou may have an ultrasound scan and then an MRI scan. The scan uses magnets.",
    "# Thyroid nodules\n\nYou will have an ultrasound scan of your neck. The scan uses sound waves.",
    "# Varicose veins\n\nThe scan uses x-rays. You will have a duplex ultrasound scan first.",
    "# Bariatric surgery\n\nYou will see the dietitian.\n\nThe scan uses magnets.",
])
def test_the_scan_opening_a_sentence_left_alone_when_it_is_true_or_unclear(trm, text):
    assert [f.text for f in lint_text(trm, text).findings if f.code == "TRM004"] == []


@pytest.mark.parametrize("text,span", [
    # (runs of spaces between the member, the gap and the fact)
    ("# Thyroid nodules\n\nYou will have a CT   scan,   which uses  magnets to look at the gland.",
     "CT   scan,   which uses  magnets"),
    ("# Gastric band\n\nThe gallbladder,  a small  organ under the   liver, makes insulin - -  as you eat.",
     "gallbladder,  a small  organ under the   liver, makes insulin"),
    # (the nearest fact only: one further on, past another member, is about that one)
    ("# Prostate biopsy\n\nAn MRI scan, then an ultrasound scan, which uses sound waves, guide the needle.", None),
])
@pytest.mark.parametrize("copied", [False, True])
def test_a_fact_false_of_a_member_found_by_the_built_in_rule_and_by_a_users_copy(tmp_path, text, span, copied):
    """A user's copy of a rule runs its patterns with ``regex``, under a time limit: it finds what the built-in rule, run
    with the standard library's engine, finds."""
    codes = ["TRM004", "ANA005"]
    if copied:
        for builtin, code, name in (("terminology/TRM004-term-family-mix-up.yaml", "TRM004", "term-family-mix-up"),
                                    ("anatomy/ANA005-structure-mix-up.yaml", "ANA005", "structure-mix-up")):
            copy_of_builtin_rule(tmp_path / "pack", builtin, {f"code: {code}": f"code: {code[:3]}1{code[4:]}",
                                                              f"name: {name}": f"name: my-{name}"})
        codes = ["TRM104", "ANA105"]
    linter = Linter(Settings(rule_paths=[tmp_path] if copied else [], select=codes))
    facts = [f.text for f in lint_text(linter, text).findings if f.code in codes]
    assert facts == ([span] if span else [])


@pytest.mark.parametrize("change,error", [
    (("kind_of: [regional-anaesthetic]", "kind_of: [regional-anesthesia]"),
     "is a kind or part of unknown member(s) regional-anesthesia"),
    (("untrue: [asleep, numbs-head]", "untrue: [asleep, numbs-face]"), "names unknown fact(s) numbs-face"),
    (("names: [dizziness, dizzy spells", "names: [vertigo, dizzy spells"), "'vertigo' names both"),
    (("relation: kind_of", "relation: kind"), "needs a 'relation' (same, kind_of, part_of, includes, has_part, usually)"),
    (("names: [tinnitus, ringing", "names: tinnitus\n          other: [ringing"), "member 'tinnitus': unknown key(s) other"),
    (("names: [methotrexate]", "names: methotrexate"), "member 'methotrexate': 'names' must be a list of words"),
    (("      says: uses sound waves", "      says: [uses sound waves]"), "fact 'sound-waves' needs 'says' (words)"),
    (("noun_subjects: [scan, test, injection]", "noun_subjects: [scan, '']"), "'noun_subjects' must be a list of nouns"),
])
def test_term_family_data_mistakes_name_the_file(tmp_path, change, error):

    renames = {"code: TRM004": "code: TRM104", "name: term-family-mix-up": "name: my-term-families"}
    assert error in setup_error_of_changed_rule(tmp_path, "terminology/TRM004-term-family-mix-up.yaml", renames, change)


@pytest.mark.parametrize("change,error", [
    (("    - [[left], [right]]", "    - [left, right]"), "each 'opposed_words' entry is a pair of word lists"),
    (("    - [[simple], [radical]]", "    - [[simple], []]"), "each 'opposed_words' entry is a pair of word lists"),
    (("  opposed_message: \"'{text}': {first}", "  opposed_message: \"'{text}': {one}"), "{one}"),
])
def test_opposed_words_data_mistakes_name_the_file(tmp_path, change, error):

    renames = {"code: TRM003": "code: TRM103", "name: conflated-terms": "name: my-conflations"}
    assert error in setup_error_of_changed_rule(tmp_path, "terminology/TRM003-conflated-terms.yaml", renames, change)


# -- TRM003: a description given another thing's name -------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("# Appendicitis\n\nInflammation of the appendix, known as diverticulitis, needs urgent care.",
     ["known as diverticulitis"]),
    ("# Thyroid surgery\n\nAn operation to remove the thyroid gland, also called an adrenalectomy, is common.",
     ["also called an adrenalectomy"]),
    # the right name, and a part the named procedure lists
    ("# Thyroid surgery\n\nAn operation to remove the thyroid gland, also called a thyroidectomy, is common.", []),
    ("# Bladder surgery\n\nSurgery to remove the bladder, called a radical cystectomy, is a major operation.", []),
])
def test_a_description_named_as_something_else(trm, text, expected):
    assert [t for t, _ in found(lint_text(trm, text), "TRM003")] == expected


@pytest.mark.parametrize("change,error", [
    (("    procedure: '", "    operation: '"), "'described_by' keys are 'procedure' and 'condition', not 'operation'"),
    (("it has nothing to do with the {structure}", "it has nothing to do with the {organ}"), "{organ}"),
])
def test_description_options_mistakes_name_the_file(tmp_path, change, error):

    renames = {"code: TRM003": "code: TRM103", "name: conflated-terms": "name: my-conflations"}
    assert error in setup_error_of_changed_rule(tmp_path, "terminology/TRM003-conflated-terms.yaml", renames, change)


# -- TRM005 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span", [
    ("# Trigger finger release\n\nA trigger finger release is done under a spinal anaesthetic. After trigger finger "
     "release, move your finger often.", "spinal anaesthetic"),
    ("# Cataract surgery\n\nMost people have an epidural for cataract surgery. Cataract surgery takes 20 minutes.",
     "epidural"),
    ("# Elbow replacement\n\nYour elbow replacement is done under a spinal. The elbow replacement lasts two hours.",
     "spinal"),
])
def test_a_spinal_or_epidural_for_an_operation_above_its_reach(trm, text, span):
    (hit,) = [f for f in lint_text(trm, text).findings if f.code == "TRM005"]
    assert hit.text == span
    assert "numbs" in hit.message and "cannot numb the" in hit.message


@pytest.mark.parametrize("text", [
    # an operation it numbs, and a page with one operation below the waist among its topics
    "# Hip replacement\n\nA hip replacement is often done under a spinal anaesthetic. The hip replacement takes an hour.",
    "# Inguinal hernia repair\n\nAn inguinal hernia repair can be done under a spinal block. Most inguinal hernia repair "
    "patients go home the same day.",
    # said not to be used, or not an anaesthetic at all
    "# Thyroidectomy\n\nA thyroidectomy is done under a general anaesthetic; you do not need an epidural. The "
    "thyroidectomy takes two hours.",
    "# Rotator cuff repair\n\nA rotator cuff repair is done with a nerve block rather than a spinal anaesthetic. The "
    "rotator cuff repair takes an hour.",
    "# Cervical radiculopathy\n\nAn epidural steroid injection in the neck may ease the pain in your arm.",
])
def test_a_spinal_or_epidural_left_alone(trm, text):
    assert [f.text for f in lint_text(trm, text).findings if f.code == "TRM005"] == []


@pytest.mark.parametrize("change, error", [
    (("cannot_reach: [head, neck, upper-limb]", "cannot_reach: [head, neck, upper-leg]"),
     "anaesthetics: entry 1 names unknown region(s) upper-leg"),
    (("      numbs: the body from the waist down", "      numb: the body from the waist down"),
     "anaesthetics: entry 1 needs 'names'"),
])
def test_anaesthetic_data_mistakes_name_the_file(tmp_path, change, error):

    renames = {"code: TRM005": "code: TRM105", "name: anaesthetic-cannot-reach": "name: my-anaesthetics"}
    assert error in setup_error_of_changed_rule(tmp_path, "terminology/TRM005-anaesthetic-cannot-reach.yaml", renames,
                                                change)


# -- TRM006 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span, says", [
    # the bracket after the words, the words after "means", a thing of another root
    ("After a thyroid lobectomy your calcium may be checked; a raised level (hypocalcaemia) is rare.",
     "raised level (hypocalcaemia)", "'hypocalcaemia' means low calcium, but the words beside it say 'raised'"),
    ("Hypertension means your blood pressure is lower than normal.", "Hypertension means your blood pressure is lower",
     "'Hypertension' means high blood pressure"),
    ("Before a gastric bypass we check for hyperuricaemia (high cholesterol).", "hyperuricaemia (high cholesterol)",
     "'hyperuricaemia' is about uric acid, but the words beside it speak of 'cholesterol'"),
    # the direction nearest the term counts
    ("Too little food before a colonoscopy can push your sugar too high (hypoglycaemia).", "too high (hypoglycaemia)",
     "'hypoglycaemia' means low blood sugar"),
])
def test_a_hypo_or_hyper_term_explained_the_other_way(trm, text, span, says):
    (hit,) = [f for f in lint_text(trm, text).findings if f.code == "TRM006"]
    assert hit.text == span
    assert says in hit.message


@pytest.mark.parametrize("text", [
    "Too much insulin can make your blood sugar fall (hypoglycaemia).",
    "Hypoglycaemia is when your blood sugar is not high enough.",  # (a negation turns the direction: not judged)
    "Watch for hypothermia or a high temperature after the operation.",  # (two things listed)
    "An overactive parathyroid gland raises your calcium (hyperparathyroidism).",
])
def test_a_hypo_or_hyper_term_explained_its_own_way(trm, text):
    assert [f.text for f in lint_text(trm, text).findings if f.code == "TRM006"] == []


@pytest.mark.parametrize("text, span, message", [
    ("Carbimazole is usually the first treatment for hypothyroidism.",
     "Carbimazole is usually the first treatment for hypothyroidism",
     "'Carbimazole is usually the first treatment for hypothyroidism': Carbimazole lowers thyroid activity, so it "
     "treats thyroid activity that is too high, not 'hypothyroidism'."),
    ("Hypotension is often treated with ramipril.", "Hypotension is often treated with ramipril",
     "'Hypotension is often treated with ramipril': ramipril lowers blood pressure, so it treats blood pressure that "
     "is too high, not 'Hypotension'."),
    # the page's title names the treatment "This procedure" stands for
    ("# Hemithyroidectomy\n\nThis procedure is used to treat hypothyroidism.",
     "This procedure is used to treat hypothyroidism",
     "'This procedure is used to treat hypothyroidism': Hemithyroidectomy lowers thyroid activity, so it treats "
     "thyroid activity that is too high, not 'hypothyroidism'."),
])
def test_a_treatment_said_to_treat_a_level_gone_the_way_it_moves_it(trm, text, span, message):
    (hit,) = [f for f in lint_text(trm, text).findings if f.code == "TRM006"]
    assert (hit.text, hit.message) == (span, message)


@pytest.mark.parametrize("text", [
    "Carbimazole is usually the first treatment for hyperthyroidism.",
    "After the operation you need levothyroxine to treat hypothyroidism.",  # (the nearer treatment treats it)
    "Insulin and glucose gel are used to treat hyperglycaemia.",  # (another treatment beside it lowers the level)
    "# Hemithyroidectomy\n\nYou may be given levothyroxine. This medicine is used to treat hypothyroidism.",
])
def test_a_treatment_said_to_treat_a_level_gone_the_other_way(trm, text):
    assert [f.text for f in lint_text(trm, text).findings if f.code == "TRM006"] == []


@pytest.mark.parametrize("change, error", [
    (("    - endings: [parathyroidism]\n      lower:", "    - endings: [parathyroidis]\n      lower:"),
     "treatments: entry 2 needs 'endings' (endings of the roots above)"),
    (("      lower: [parathyroidectomy, parathyroid surgery, cinacalcet]", "      lowers: [parathyroidectomy]"),
     "treatments: entry 2 needs"),
])
def test_a_treatments_entry_the_rule_cannot_read_is_a_setup_error(tmp_path, change, error):
    renames = {"code: TRM006": "code: TRM106", "name: hypo-or-hyper": "name: my-levels"}
    assert error in setup_error_of_changed_rule(tmp_path, "terminology/TRM006-hypo-or-hyper.yaml", renames, change)


def test_a_term_explained_the_other_way_and_wrongly_treated_is_one_finding(trm):
    text = "# Parathyroidectomy\n\nThis operation treats hypoparathyroidism, a condition in which the glands make too much hormone."
    (hit,) = [f for f in lint_text(trm, text).findings if f.code == "TRM006"]
    assert hit.text == "hypoparathyroidism, a condition in which the glands make too much"
