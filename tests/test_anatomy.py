"""ANA001 procedure-region mismatch, ANA002 organ not in the procedure, ANA003 symptoms in the
wrong region: on pages about other procedures than the seeds, with exact spans; organs
mentioned in passing stay silent."""

from __future__ import annotations

import pytest

from lint.config import Settings
from lint.engine import Linter
from tests.helpers import lint_text


@pytest.fixture(scope="module")
def ana():
    return Linter(Settings(select=["ANA"]))


@pytest.fixture(scope="module")
def ana004():
    """ANA004 alone: with ANA005 on, it defers to ANA005 where both find the same words."""
    return Linter(Settings(select=["ANA004"]))


def found(result, code):
    return [f.text for f in result.findings if f.code == code]


# -- ANA001 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    ("# Shoulder ACL reconstruction\n\nThe ACL is in the knee.", "Shoulder ACL reconstruction"),
    ("Knee cataract surgery replaces the cloudy lens.", "Knee cataract surgery"),
    ("A lumbar thyroidectomy removes the thyroid gland.", "lumbar thyroidectomy"),
    ("A septoplasty of the knee straightens the septum.", "septoplasty of the knee"),
])
def test_procedure_with_an_incompatible_region(ana, text, span):
    result = lint_text(ana, text)
    assert found(result, "ANA001") == [span]
    f = [f for f in result.findings if f.code == "ANA001"][0]
    assert result.source[f.start:f.end] == span


@pytest.mark.parametrize("text", [
    "A lumbar microdiscectomy relieves leg pain.",
    "Knee arthroscopy and shoulder arthroscopy are both keyhole operations.",
    "An abdominal hysterectomy and a vaginal hysterectomy remove the womb.",
    "An anterior cervical discectomy is done through the front of the neck.",
])
def test_procedure_with_a_compatible_region(ana, text):
    assert found(lint_text(ana, text), "ANA001") == []


# -- ANA002 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    ("# Tonsillectomy\n\nThe surgeon removes the tonsils and the thyroid gland through your mouth.",
     "removes the tonsils and the thyroid gland"),
    ("# Caesarean section\n\nThe surgeon makes a cut in your ovary and lifts your baby out.", "cut in your ovary"),
    ("# Vasectomy\n\nEach tube is cut, and a small piece of the prostate may be removed.",
     "prostate may be removed"),
    ("# Knee arthroscopy\n\nDepending on what is found, the surgeon may:\n\n- trim the torn part of the rotator cuff\n",
     "trim the torn part of the rotator cuff"),
    ("# Hip arthroscopy\n\nHip arthroscopy is keyhole surgery on the knee joint.", "surgery on the knee joint"),
])
def test_organ_the_procedure_does_not_act_on(ana, text, span):
    result = lint_text(ana, text)
    assert found(result, "ANA002") == [span]


@pytest.mark.parametrize("text", [
    "# Thyroidectomy\n\nA thyroidectomy removes the thyroid gland. Your doctor will check your heart and lungs.",
    "# Tonsillectomy\n\nThe surgeon removes the tonsils through your open mouth, so there are no cuts on your face.",
    "# Coronary artery bypass\n\nA CABG uses a vein from your leg to bypass the blocked coronary artery.",
    "# Laparoscopic cholecystectomy\n\nThe surgeon removes the gallbladder. If your appendix has been removed "
    "before, tell the team.",
    "# Hysterectomy\n\nThe womb and the cervix are removed. The bladder is moved aside.",
])
def test_organs_in_passing_stay_silent(ana, text):
    assert found(lint_text(ana, text), "ANA002") == []


@pytest.mark.parametrize("text,span,message", [
    ("# Cubital tunnel release\n\nCubital tunnel release relieves the pressure on the median nerve at the elbow.",
     "pressure on the median nerve",
     "'pressure on the median nerve': in cubital tunnel syndrome the nerve that is squeezed is the ulnar nerve, "
     "not the median nerve."),
    # (an operation for two conditions, neither named beside the nerve: both, as a choice)
    ("# Microvascular decompression\n\nThe surgeon finds the blood vessel pressing on the optic nerve.",
     "pressing on the optic nerve",
     "'pressing on the optic nerve': in hemifacial spasm or trigeminal neuralgia the nerve that is squeezed is the "
     "facial nerve or the trigeminal nerve, not the optic nerve."),
])
def test_a_nerve_the_condition_does_not_squeeze(ana, text, span, message):
    result = lint_text(ana, text)
    hits = [f for f in result.findings if f.code == "ANA002"]
    assert [(f.text, f.message) for f in hits] == [(span, message)]


@pytest.mark.parametrize("text", [
    # the condition's own nerve, with its branches
    "# Cubital tunnel release\n\nThe operation frees the ulnar nerve where it is squeezed behind the elbow.",
    # a nerve squeezed in another condition the sentence names
    "# Tarsal tunnel syndrome\n\nIn sciatica, the sciatic nerve is squeezed in the lower back; the pain can feel alike.",
    # a thing the operation does to another nerve, no pressure on it
    "# Carpal tunnel release\n\nYour surgeon takes care to protect the palmar branch of the median nerve.",
])
def test_the_squeezed_nerve_stays_silent_when_right(ana, text):
    assert found(lint_text(ana, text), "ANA002") == []


# -- ANA003 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    ("# Knee arthroscopy\n\n## Why it is done\n\nA torn meniscus causes pain in the ankle and locking of the knee.",
     "pain in the ankle"),
    ("# Carpal tunnel release\n\nCarpal tunnel syndrome causes numbness in the toes at night.", "numbness in the toes"),
    ("# Rotator cuff repair\n\n## Symptoms\n\n- pain at the top and outside of the knee\n",
     "pain at the top and outside of the knee"),
    ("# Tonsillectomy\n\n## Recovery\n\n- a sore throat and often pain in the knees for two weeks\n",
     "pain in the knees"),
])
def test_symptom_in_the_wrong_region(ana, text, span):
    result = lint_text(ana, text)
    assert found(result, "ANA003") == [span]


@pytest.mark.parametrize("text", [
    "# Knee arthroscopy\n\n## Why it is done\n\nA torn meniscus causes pain and swelling in the knee.\n\n"
    "## When to get help\n\n- pain, swelling or tenderness in your calf\n- numbness in your foot\n",
    "# Laparoscopic cholecystectomy\n\nGallstones cause pain in the upper right tummy. After keyhole surgery the gas "
    "can cause pain in your shoulder.",
    "# Thyroidectomy\n\nAfter a thyroidectomy, low calcium can cause tingling in your fingers and around your mouth.",
    "# Lumbar microdiscectomy\n\nA herniated disc in the lower back can cause pain in the leg and numbness in the foot.",
    "# Appendectomy\n\n## Symptoms\n\n- pain that starts around your belly button and moves to the lower right side "
    "of your abdomen\n",
    # the condition the operation treats, named once on a page that names another condition more often
    "# Mitral valve repair\n\nSome people also have atrial fibrillation. The most common reason for the operation is "
    "mitral regurgitation, a leaking valve. You may notice:\n\n- shortness of breath\n- swelling in your ankles or feet\n\n"
    "## Atrial fibrillation\n\nIt can be treated during the same operation.",
    "# Lumbar puncture\n\nThe test looks for infections such as meningitis, which is swelling of the thin layers that "
    "cover the brain and spinal cord.",
])
def test_symptoms_where_they_belong(ana, text):
    assert found(lint_text(ana, text), "ANA003") == []


def test_a_symptom_takes_the_regions_of_all_the_conditions_its_sentence_names_before_it(ana):
    # (worked out as running unions over the sentence's conditions, once per block): the ankle belongs to neither
    # condition named before it, the wrist to one of them; the topic named is the last condition before the symptom
    text = ("# Knee arthroscopy\n\nCarpal tunnel syndrome causes numbness in the fingers, and a torn meniscus causes "
            "pain in the ankle and pain in the wrist.\n")
    result = lint_text(ana, text)
    assert found(result, "ANA003") == ["pain in the ankle"]
    assert "meniscus tear does not cause" in result.findings[0].message
    assert "forearm, hand, knee and lower leg" in result.findings[0].message
    # a condition named after the symptom does not count for it: the page's topic decides
    text = ("# Carpal tunnel release\n\nPain in the ankle and a torn meniscus, and carpal tunnel syndrome causes "
            "numbness in the toes and pain in the knee.\n")
    result = lint_text(ana, text)
    assert found(result, "ANA003") == ["Pain in the ankle", "numbness in the toes"]
    assert "carpal tunnel release does not cause" in result.findings[0].message


@pytest.mark.parametrize("text", [
    # a list of side effects under a lead-in or a heading that names a medicine
    "# Medicines for an overactive bladder\n\n## Antimuscarinic medicines\n\nThese include oxybutynin and tolterodine.\n\n"
    "Common side effects:\n\n- dry mouth\n- constipation\n- blurred vision\n",
    "# Medicines for an overactive bladder\n\n## How they work\n\nCommon side effects of oxybutynin:\n\n- blurred vision\n",
    "# Enlarged prostate\n\n## Alpha blockers\n\nThese relax the muscle in the prostate.\n\nCommon side effects:\n\n"
    "- dizziness\n- blurred vision\n",
    # a medicine as the subject of what causes the symptom, or named before the "It" that is
    "# Medicines for an overactive bladder\n\n## Antimuscarinic medicines\n\nOxybutynin can cause blurred vision.\n",
    "# Medicines for an overactive bladder\n\n## Antimuscarinic medicines\n\nIn older people, tolterodine can cause "
    "blurred vision.\n",
    "# Medicines for an overactive bladder\n\n## Antimuscarinic medicines\n\nFesoterodine and darifenacin sometimes cause "
    "blurred vision.\n",
    "# Medicines for an overactive bladder\n\n## Mirabegron\n\nMirabegron works in a different way. It can cause blurred "
    "vision.\n",
    "# Medicines for an overactive bladder\n\n## Antimuscarinic medicines\n\nMirabegron may cause:\n\n- blurred vision\n",
])
def test_a_medicines_side_effects_are_felt_anywhere(ana, text):
    assert found(lint_text(ana, text), "ANA003") == []


@pytest.mark.parametrize("text,span", [
    # an operation's side effects, in a list under a lead-in on side effects that names no medicine
    ("# Knee arthroscopy\n\n## After the procedure\n\nPossible side effects include:\n\n- pain in your wrist\n",
     "pain in your wrist"),
    ("# Knee arthroscopy\n\n## Painkillers after the operation\n\nCommon side effects of the operation:\n\n"
     "- pain in your wrist\n", "pain in your wrist"),
    ("# Medicines for an overactive bladder\n\n## Bladder stretching\n\nCommon side effects:\n\n- blurred vision\n",
     "blurred vision"),
    # no medicine as the subject: the operation, a muscle, a lack of iron, "in contrast"
    ("# Knee arthroscopy\n\n## Recovery\n\nKnee arthroscopy can cause pain in your wrist.\n", "pain in your wrist"),
    ("# Knee arthroscopy\n\n## Recovery\n\nMuscle spasm can cause pain in your wrist.\n", "pain in your wrist"),
    ("# Knee arthroscopy\n\n## Recovery\n\nIron deficiency can cause pain in your wrist.\n", "pain in your wrist"),
    ("# Knee arthroscopy\n\n## Recovery\n\nIn contrast, the operation can cause pain in your wrist.\n",
     "pain in your wrist"),
])
def test_an_operations_side_effects_are_still_judged(ana, text, span):
    assert found(lint_text(ana, text), "ANA003") == [span]


# -- ANA004 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    ("The thyroid is a butterfly-shaped gland. It lies just below the knee.", "lies just below the knee"),
    ("The appendix is a small pouch. It sits at the back of the throat.", "sits at the back of the throat"),
    ("The gallbladder is part of your bladder and stores bile.", "is part of your bladder"),
    ("A bunion is a bony lump on your foot, at the base of your thumb.", ", at the base of your thumb"),
    ("The ureter, the tube that carries urine from the liver to the bladder, can be blocked by a stone.",
     "carries urine from the liver"),
    ("EVAR relines the aorta, the main artery in your leg, from the inside.", ", the main artery in your leg"),
    ("A chest drain empties the pleural space. The pleura lines the inside of the bladder.",
     "lines the inside of the bladder"),
    # what a nerve moves is where it goes
    ("Parotid surgery can bruise the facial nerve, which controls the muscles of your calf.",
     "controls the muscles of your calf"),
])
def test_structure_placed_where_it_is_not(ana004, text, span):
    result = lint_text(ana004, text)
    assert found(result, "ANA004") == [span]


@pytest.mark.parametrize("text", [
    "The thyroid is a butterfly-shaped gland. It lies at the front of the neck, below the voice box.",
    "The appendix is a small pouch attached to the large bowel, in the lower right side of the tummy.",
    "The gallbladder sits under the liver and stores bile.",
    "A bunion is a bony lump at the base of your big toe.",
    "The ureters carry urine from the kidneys to the bladder.",
    "The recurrent laryngeal nerves, which control the vocal cords, run close to the thyroid.",
    "EVAR relines the aorta, the main artery in your abdomen, from the inside.",
    "A chest drain empties the pleural space. The pleura lines the inside of the chest wall.",
    "Parotid surgery can bruise the facial nerve, which moves the muscles of your face.",
    "Injury to your bladder or to the tubes that carry urine from your kidneys is rare.",
])
def test_structure_in_its_place(ana004, text):
    assert found(lint_text(ana004, text), "ANA004") == []


@pytest.mark.parametrize("text,span", [
    ("# Coronary angiogram\n\nThe catheter goes into the radial artery in your groin.", "radial artery in your groin"),
    ("# Calf muscle tear\n\nThe surgeon checks the Achilles tendon behind your knee.",
     "Achilles tendon behind your knee"),
])
def test_a_vessel_or_tendon_placed_straight_after_its_name(ana004, text, span):
    assert found(lint_text(ana004, text), "ANA004") == [span]


@pytest.mark.parametrize("text,span", [
    ("# Gallbladder removal\n\nThe gallbladder sits under the liver on the upper left side of your abdomen.",
     "on the upper left side of your abdomen"),
    ("# Gallbladder removal\n\nThe gallbladder sits under the liver on the upper right side of your abdomen.", None),
])
def test_the_side_of_the_body_named_after_a_placing(ana004, text, span):
    assert found(lint_text(ana004, text), "ANA004") == ([span] if span else [])



@pytest.mark.parametrize("text", [
    "# Coronary angiogram\n\nThe catheter goes into the radial artery in your wrist or the femoral artery in your groin.",
    "# Achilles tendon repair\n\nThe Achilles tendon just above your heel is stitched.",
    # (a nerve is left to its other placings: "the nerve roots in the lower back" name where they leave the spine)
    "# Lumbar discectomy\n\nA disc can press on the nerve roots in the lower back.",
])
def test_a_vessel_or_tendon_in_its_place_straight_after_its_name(ana004, text):
    assert found(lint_text(ana004, text), "ANA004") == []


@pytest.mark.parametrize("text,span,where", [
    ("# TURP\n\nThe prostate sits just above the bladder, wrapped around the urethra.",
     "sits just above the bladder", "the prostate lies below the bladder"),
    ("# Oesophagectomy\n\nThe oesophagus runs in front of your windpipe, down to the stomach.",
     "runs in front of your windpipe", "the oesophagus lies behind the windpipe"),
    ("# Hysterectomy\n\nInjury to the bladder, which sits behind the womb, is uncommon.",
     "sits behind the womb", "the bladder lies in front of the womb"),
    ("# Coccygectomy\n\nThe coccyx is your tailbone. It sits just above the sacrum.",
     "sits just above the sacrum", "the coccyx lies below the sacrum"),
])
def test_a_structure_placed_the_wrong_way_from_another(ana004, text, span, where):
    """Both in the same part of the body, so only the knowledge base's positions tell."""
    hits = [f for f in lint_text(ana004, text).findings if f.code == "ANA004"]
    assert [f.text for f in hits] == [span]
    assert where in hits[0].message


@pytest.mark.parametrize("text", [
    "# TURP\n\nThe prostate sits just below the bladder, wrapped around the urethra.",
    "# Thyroidectomy\n\nThe parathyroid glands lie behind the thyroid, two on each side.",
    "# Heart bypass\n\nYour heart lies behind the breastbone and above the diaphragm.",
    # (a placing the positions agree with, and one they do not hold, judged by region alone)
    "# Knee replacement\n\nThe tibia sits below the femur. The meniscus sits between them.",
])
def test_a_structure_placed_the_right_way_from_another(ana004, text):
    assert found(lint_text(ana004, text), "ANA004") == []


def test_a_procedure_named_inside_a_longer_procedure_name_is_not_a_topic(ana):
    """'Pilonidal sinus surgery' is not also the 'sinus surgery' (of the nose) inside it."""
    from tests.helpers import page_of

    page = page_of(ana, "# Pilonidal sinus surgery\n\nA pilonidal sinus is a small channel in the skin at the top "
                        "of the buttocks.\n")
    assert page.topic_procedures == ("pilonidal-sinus-surgery",)


def test_a_word_that_names_the_pages_condition_is_that_condition_not_an_organ(ana):
    text = ("# Pilonidal sinus surgery\n\nA pilonidal sinus is a small channel in the skin at the top of the "
            "buttocks.\n\n## The operation\n\nThe surgeon removes the sinus. The surgeon removes the appendix.\n")
    assert found(lint_text(ana, text), "ANA002") == ["removes the appendix"]


# -- ANA005 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    # one structure given as another, or as a part of one it is not part of
    ("A thyroidectomy removes the thyroid, which sits in front of the windpipe (the gullet).", "windpipe (the gullet)"),
    ("The prostate wraps around the urethra, also called the ureter, just below the bladder.", "also called the ureter"),
    ("After a gastric bypass, food skips the duodenum, the first part of the large bowel.",
     "duodenum, the first part of the large bowel"),
    ("ACL reconstruction replaces the ACL, a tendon that steadies the knee.", "ACL, a tendon"),
    ("A laparoscopic hysterectomy may remove the cervix, part of the ovary, as well.", "cervix, part of the ovary"),
    # one structure described by what another does, or where another lies
    ("The parathyroid glands, which make thyroid hormone, are checked during a thyroidectomy.",
     "parathyroid glands, which make thyroid hormone"),
    ("The prostate, which stores urine, grows with age.", "prostate, which stores urine"),
    ("Gallstones form in the gallbladder, which makes bile, and can block it.", "gallbladder, which makes bile"),
    ("Varicose veins affect the great saphenous vein, which runs up the outside of the leg.",
     "great saphenous vein, which runs up the outside of the leg"),
    ("Superficial veins lie deep inside the muscles of the calf.", "Superficial veins lie deep inside the muscles"),
    ("The hamstring tendons are taken from the front of your thigh for the ACL graft.",
     "hamstring tendons are taken from the front of your thigh"),
    ("Valves inside veins pump blood back to the heart against gravity.", "veins pump blood"),
    ("The medial meniscus is on the outer side of your knee.", "medial meniscus is on the outer side of your knee"),
    ("The rotator cuff's main job is to bend your elbow.", "rotator cuff's main job is to bend your elbow"),
    ("The labrum, a ring of cartilage that covers the ball, seals the hip joint.",
     "labrum, a ring of cartilage that covers the ball"),
    ("It passes under the acromion, a bony shelf that forms part of your collarbone.",
     "acromion, a bony shelf that forms part of your collarbone"),
    ("In a total knee replacement, the ends of the femur (shin bone) and tibia are capped with metal.", "femur (shin bone)"),
    ("Dupuytren's thickens the palmar fascia, a layer of tissue on the back of the hand.",
     "palmar fascia, a layer of tissue on the back of the hand"),
    # a part of the end of another bone
    ("Shoulder decompression shaves the acromion, a bony part of the top of your upper arm bone.",
     "acromion, a bony part of the top of your upper arm bone"),
    ("The tibial plateau is the top of the thighbone, and it can break in a fall.",
     "tibial plateau is the top of the thighbone"),
    ("Rarely the Bankart repair bruises the axillary nerve, which supplies feeling to your fingertips.",
     "axillary nerve, which supplies feeling to your fingertips"),
    ("The kneecap (patella) sits at the back of the joint.", "patella) sits at the back of the joint"),
    ("The socket, called the acetabulum, is a cup-shaped hollow in your thigh bone.",
     "acetabulum, is a cup-shaped hollow in your thigh bone"),
    # a fact before the structure it describes
    ("The surgeon protects the nerves that work your vocal cords, the phrenic nerves.",
     "work your vocal cords, the phrenic nerves"),
    ("Food skips the first section of the small intestine, known as the ileum.",
     "the first section of the small intestine, known as the ileum"),
    # "They" for the structure that opened the sentence before
    ("You have two carotid arteries, one on each side of your neck. They carry blood from your brain back to "
     "your heart.", "They carry blood from your brain back to your heart"),
    ("The menisci spread your weight across the knee. Their main job is to attach the thigh muscles to the shinbone.",
     "Their main job is to attach the thigh muscles to the shinbone"),
])
def test_structure_mix_ups(ana, text, span):
    hits = [f for f in lint_text(ana, text).findings if f.code == "ANA005"]
    assert [f.text for f in hits] == [span]
    assert hits[0].start == text.index(span)


@pytest.mark.parametrize("text", [
    "A thyroidectomy removes the thyroid, which sits in front of the windpipe (trachea).",
    "The urethra carries urine from the bladder out of the body; the ureters carry it from the kidneys.",
    "After a gastric bypass, food skips the duodenum, the first part of the small bowel.",
    "The ACL, a ligament in the middle of the knee, is replaced with a tendon from your hamstring.",
    "A laparoscopic hysterectomy may remove the cervix, the lower part of the womb.",
    "The parathyroid glands control the level of calcium in your blood.",
    "The gallbladder stores bile made by the liver.",
    "The great saphenous vein runs up the inside of the leg from the ankle to the groin.",
    # (the first is part of a longer name the bracket or the verb belongs to)
    "A stone can stick in the tube draining the kidney (the ureter).",
    "The parathyroid glands are four tiny glands behind the thyroid that control the calcium level.",
    "Between the vertebrae are the discs, which act as cushions.",
    # (the second names the kind of something else)
    "Tests check for conditions that affect bone, such as thyroid problems.",
    "The graft comes from the tendon below the kneecap (patellar tendon) or above the kneecap (quadriceps).",
    "The menisci spread your weight across the knee. Their main job is to cushion the joint.",
    "Valves inside the veins stop blood flowing backwards; the heart pumps blood round the body.",
    "Next to each ovary is a fallopian tube, which carries the egg to the womb.",
    "The surgeon protects the nerves that work your vocal cords, the recurrent laryngeal nerves.",
    "Food skips the first section of the small intestine, known as the duodenum.",
    "They reconnect the ureter to the renal pelvis, the funnel-shaped part of the kidney that collects urine.",
    "The ovaries are two small organs that sit on either side of the womb.",
    "Shoulder decompression shaves the acromion, a bony part of the top of your shoulder blade.",
    "The tibial plateau is the top of the shin bone, and it can break in a fall.",
    "A radical hysterectomy removes the womb, cervix, the top of the vagina and nearby tissue.",
    # (a sentence between: "It" means something else)
    "You have two carotid arteries. The surgeon opens one. It carries blood to the brain.",
])
def test_structure_mix_ups_left_alone(ana, text):
    assert found(lint_text(ana, text), "ANA005") == []


def test_structure_mix_up_messages_say_what_each_structure_is(ana):
    (mixed,) = [f for f in lint_text(ana, "The tube is passed up the urethra, i.e. the ureter.").findings
                if f.code == "ANA005"]
    assert mixed.message.startswith("'i.e. the ureter': 'urethra' and 'ureter' are different structures.")
    assert "out of the body" in mixed.message and "from the kidneys to the bladder" in mixed.message
    (fact,) = [f for f in lint_text(ana, "The duodenum, where bile is made, is bypassed.").findings
               if f.code == "ANA005"]
    assert fact.message.endswith("It is the liver that makes bile.")


@pytest.mark.parametrize("text,right", [
    ("# Wrist fracture\n\nThe ulna is the bone on the thumb side of the forearm.", "the radius"),
    ("# Arterial blood gas test\n\nBlood is taken from the radial artery, which you can feel on the little-finger side "
     "of your wrist.", "the ulnar artery"),
    ("# Cubital tunnel release\n\nThe radial nerve runs on the little-finger side of the hand.", "the ulnar nerve"),
])
def test_a_false_fact_names_the_part_of_the_same_kind_it_is_true_of(ana, text, right):
    # (on the thumb side run the radius, the radial artery and the radial nerve: a bone said to be there is told of
    # the bone, not of the artery)
    (fact,) = [f for f in lint_text(ana, text).findings if f.code == "ANA005"]
    assert f"It is {right} that runs on the" in fact.message


@pytest.mark.parametrize("text,span,about", [
    # the clause is the apposition's, whose head is the first member: one finding, on the first
    ("# Bariatric surgery\n\nYour gallbladder, a small organ under the liver that makes insulin, may be removed too.",
     "gallbladder, a small organ under the liver that makes insulin", "'gallbladder'"),
    ("# Haemorrhoid banding\n\nThey help the anal sphincter, the ring of muscle that produces mucus, to keep the back "
     "passage sealed.", "anal sphincter, the ring of muscle that produces mucus", "'anal sphincter'"),
    # what the first member is said to be, too long to be read as its apposition: the finding is on the part the clause
    # follows, false of both
    ("# Thyroid surgery\n\nThe parathyroid glands, four tiny glands tucked behind the thyroid that control your blood "
     "sugar, can be bruised.", "thyroid that control your blood sugar", "'thyroid'"),
])
def test_a_fact_said_in_a_longer_names_clause_is_one_finding(ana, text, span, about):
    (fact,) = [f for f in lint_text(ana, text).findings if f.code == "ANA005"]
    assert fact.text == span and f"not true of {about}" in fact.message


def test_a_clause_true_of_the_member_a_longer_name_stands_for_is_left_alone(ana):
    # "the stomach" is named in the longer name, but the clause is the pancreas's, and true of it
    text = "# Distal pancreatectomy\n\nThe pancreas, a gland behind the stomach that makes insulin, is partly removed."
    assert found(lint_text(ana, text), "ANA005") == []


@pytest.mark.parametrize("change,error", [
    (("part_of: [uterus]", "part_of: [womb]"), "member 'endometrium' is a kind or part of unknown member(s) womb"),
    (("true_of: [radial-artery, radius, radial-nerve]", "true_of: [radial-artery, radius-bone]"),
     "fact 'thumb-side' is true of unknown member(s) radius-bone"),
    (("true_of: [radial-artery, radius, radial-nerve]", "true_of: {radial-artery: 1}"),
     "fact 'thumb-side': 'true_of' must be a member's id or a list of them"),
    (('true_of_message: " It is the {name} that {says}."', 'true_of_message: " It is the {organ} that {says}."'),
     "true_of_message"),
    (("pronoun_subjects: true", "pronoun_subjects: sometimes"), "pronoun_subjects"),
])
def test_structure_mix_up_data_mistakes_name_the_file(tmp_path, change, error):
    from tests.helpers import setup_error_of_changed_rule

    renames = {"code: ANA005": "code: ANA105", "name: structure-mix-up": "name: my-structures"}
    assert error in setup_error_of_changed_rule(tmp_path, "anatomy/ANA005-structure-mix-up.yaml", renames, change)


@pytest.mark.parametrize("change,error", [
    (("regions: [throat, mouth, jaw, neck]", "regions: [throat, gullet]"), "located_cues: entry 2 names unknown region(s) gullet"),
    (("    - name: the breathing tube\n", "    - label: the breathing tube\n"),
     "located_cues: entry 2 needs 'name', 'cues' and 'regions' (and nothing else)"),
    (("senses: [eye, ear, nose, mouth]", "senses: [eye, ears]"), "'senses' names unknown region(s) ears"),
    (("    pulmonary-embolism: [calf, thigh]", "    lung-clot: [calf, thigh]"),
     "'source_regions' names unknown condition 'lung-clot'"),
    (("    pulmonary-embolism: [calf, thigh]", "    pulmonary-embolism: [calf, shin]"),
     "'source_regions' of 'pulmonary-embolism' must be a list of region ids"),
])
def test_located_complication_cue_mistakes_name_the_file(tmp_path, change, error):
    from tests.helpers import setup_error_of_changed_rule

    renames = {"code: ANA003": "code: ANA103", "name: symptom-region-mismatch": "name: my-symptoms"}
    assert error in setup_error_of_changed_rule(tmp_path, "anatomy/ANA003-symptom-region-mismatch.yaml", renames, change)


def test_where_a_condition_comes_from_gives_symptoms_but_is_no_place_for_it(ana, ana004):
    # the leg a clot in the lung came from may still hurt (ANA003), but the clot does not lie there (ANA004)
    symptoms = "# Pulmonary embolism\n\n## Symptoms\n\n- pain and swelling in one calf\n- tingling in your toes"
    assert found(lint_text(ana, symptoms), "ANA003") == ["tingling in your toes"]
    placed = "# Blood thinners\n\nYou may need one after a pulmonary embolism, a clot located in the leg."
    assert found(lint_text(ana004, placed), "ANA004") == ["located in the leg"]


# -- ANA006 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,span", [
    ("# Parathyroidectomy\n\nMost people have six parathyroid glands, each the size of a grain of rice.",
     "six parathyroid glands"),
    ("# Thyroid lobectomy\n\nThe thyroid gland has three lobes joined by a thin bridge of tissue.", "three lobes"),
    ("# ACL reconstruction\n\nThe cruciate ligament is one of the four main ligaments of the knee. A torn meniscus is "
     "a tear in one of the three menisci.", "three menisci"),
    ("# Carpal tunnel release\n\nThe carpal tunnel is formed by the ten carpal bones and a band of tissue.",
     "ten carpal bones"),
    ("# Lumbar microdiscectomy\n\nYour lower back is made up of seven vertebrae, with a disc between each pair.",
     "seven vertebrae"),
    ("# Stapedectomy\n\nSound passes through the two tiny bones in your middle ear to the inner ear.",
     "two tiny bones in your middle ear"),
    ("# Bariatric surgery\n\nMost people have four pairs of salivary glands.", "four pairs of salivary glands"),
])
def test_wrong_counts(ana, text, span):
    assert found(lint_text(ana, text), "ANA006") == [span]


@pytest.mark.parametrize("text", [
    # the whole count, right
    "# Parathyroidectomy\n\nMost people have four parathyroid glands. The surgeon looks at all four parathyroid glands.",
    "# ACL reconstruction\n\nThe ACL is one of the four main ligaments of the knee. Each knee has two menisci.",
    # some of them, not the whole
    "# Anterior cervical discectomy\n\nThe surgeon joins the two vertebrae above and below the disc. Fusing two "
    "vertebrae in the neck rarely limits movement.",
    "# Parathyroidectomy\n\nThe other three glands are left alone. The two parathyroid glands on each side lie behind "
    "the thyroid.",
    # a count of something else the same words name
    "# Varicose vein treatment\n\nYou will have two small bandages on your leg and three stitches in your foot.",
    "# Prostate biopsy\n\nThe doctor takes twelve small samples of the prostate through the skin.",
])
def test_counts_left_alone(ana, text):
    assert found(lint_text(ana, text), "ANA006") == []


def test_wrong_count_message_gives_the_right_number(ana):
    text = "# Sinus surgery\n\nMost people have six pairs of sinuses, which drain into the nose."
    (hit,) = [f for f in lint_text(ana, text).findings if f.code == "ANA006"]
    assert hit.text == "six pairs of sinuses"
    assert hit.message == "'six pairs of sinuses': there are four pairs of sinuses (eight in all), not six pairs."


@pytest.mark.parametrize("change,error", [
    (("count: [8]", "count: [eight]"), "'count' must be a list of whole numbers"),
    (("    - says: there are two vocal cords\n      count: [2]\n", "    - says: there are two vocal cords\n      count: [2]\n      places: [throat]\n"),
     "give 'names', or 'things' with 'places'"),
    (("      names: [ossicles, hearing bones, ear bones]\n", "      names: [ossicles, hearing bones, ear bones]\n      number: 3\n"),
     "unknown key(s) number"),
    (("      names: [nasal bones]\n", "      names: [nasal bones, ossicles]\n"),
     "'ossicles' is counted by another entry too"),
])
def test_wrong_count_data_mistakes_name_the_file(tmp_path, change, error):
    from tests.helpers import setup_error_of_changed_rule

    renames = {"code: ANA006": "code: ANA106", "name: wrong-count": "name: my-counts"}
    assert error in setup_error_of_changed_rule(tmp_path, "anatomy/ANA006-wrong-count.yaml", renames, change)


def test_a_misplaced_part_both_rules_find_is_one_finding(ana, ana004):
    """ANA004 (where a part lies) and ANA005 (what each part is and does) both find "the prostate sits above the
    bladder": ANA004 defers to ANA005, whose message says where the prostate really lies; with ANA005 turned off,
    ANA004 reports it."""
    text = "# Prostate biopsy\n\nThe prostate is a small gland that sits just above the bladder."
    findings = [(f.code, f.text) for f in lint_text(ana, text).findings]
    assert findings == [("ANA005", "prostate is a small gland that sits just above the bladder")]
    assert [(f.code, f.text) for f in lint_text(ana004, text).findings] == [("ANA004", "sits just above the bladder")]
    # (and where ANA005 knows nothing of the part, ANA004 still reports it with every rule on)
    hamstrings = "# ACL reconstruction\n\nThe hamstrings are strong muscles at the front of your arm."
    assert [(f.code, f.text) for f in lint_text(ana, hamstrings).findings] \
        == [("ANA004", "are strong muscles at the front of your arm")]
