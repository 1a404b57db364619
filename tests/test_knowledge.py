"""The knowledge base: its format, referential integrity, coverage, and no ambiguous names."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from lint.knowledge import KnowledgeError, load_knowledge
from lint.registry import builtin_rules_dir

KB_DIR = builtin_rules_dir() / "knowledge"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge(KB_DIR)


def test_coverage(kb):
    assert len(kb.procedures) >= 150
    assert len(kb.structures) >= 400
    assert len(kb.conditions) >= 80
    specialties = {p.specialty for p in kb.procedures.values()}
    assert len(specialties) >= 10


@pytest.mark.parametrize("specialty_word", ["spine", "orthopaedic", "general", "ophthalm", "ent", "gynae", "cardi",
                                            "urolog", "neuro", "bariatric", "plastic", "vascular"])
def test_every_specialty_of_the_issue_is_covered(kb, specialty_word):
    assert any(specialty_word in p.specialty.lower() for p in kb.procedures.values()), specialty_word


def test_references_resolve(kb):
    for p in kb.procedures.values():
        assert p.regions, p.id
        assert all(r in kb.regions for r in p.regions), p.id
        assert all(s in kb.structures for s in p.structures), p.id
        assert all(n in kb.procedures and n != p.id for n in p.not_), p.id
    for s in kb.structures.values():
        assert s.regions and all(r in kb.regions for r in s.regions), s.id
        assert all(n in kb.structures for n in s.neighbours), s.id
    for c in kb.conditions.values():
        assert all(r in kb.regions for r in (*c.regions, *c.symptom_regions)), c.id
        assert all(t in kb.procedures for t in c.treated_by), c.id
        assert all(s in kb.structures for s in c.structures), c.id


def test_every_procedure_has_a_lay_definition_and_a_structure(kb):
    missing = [p.id for p in kb.procedures.values() if not p.lay or not p.structures]
    assert not missing


def test_a_procedure_is_never_its_own_confusable(kb):
    for p in kb.procedures.values():
        names = {p.name.lower(), *(s.lower() for s in p.synonyms)}
        for other in p.not_:
            o = kb.procedures[other]
            assert not names & {o.name.lower(), *(s.lower() for s in o.synonyms)}, (p.id, other)


@pytest.mark.parametrize("kind", ["procedures", "structures", "conditions"])
def test_no_phrase_names_two_entries_of_one_kind(kb, kind):
    seen = defaultdict(set)
    for entry in getattr(kb, kind).values():
        for phrase in (entry.name, *entry.synonyms):
            seen[phrase.lower()].add(entry.id)
    ambiguous = {phrase: ids for phrase, ids in seen.items() if len(ids) > 1}
    assert not ambiguous


def test_abbreviations_are_not_shared(kb):
    seen = defaultdict(set)
    for p in kb.procedures.values():
        for a in p.abbreviations:
            seen[a].add(p.id)
    assert not {a: ids for a, ids in seen.items() if len(ids) > 1}


def test_region_tree_has_the_body_at_its_root(kb):
    for r in kb.regions:
        assert "body" in kb.ancestors(r), r


def test_related_regions(kb):
    assert kb.related("lumbar-spine", "spine")
    assert kb.related("spine", "lumbar-spine")
    assert not kb.related("hip", "lumbar-spine")
    assert not kb.related("knee", "ankle")


def test_parts_of_a_limb_are_beside_only_their_neighbours(kb):
    assert kb.beside("shoulder", "upper-arm") and kb.beside("upper-arm", "shoulder")
    assert not kb.beside("shoulder", "elbow")
    assert kb.beside("knee", "calf") and not kb.beside("knee", "foot")
    # regions that list no neighbours are beside every region of their parent
    assert kb.beside("upper-abdomen", "lower-abdomen")


def test_a_regions_unknown_neighbour_is_an_error(tmp_path):
    _write(tmp_path, "regions.yaml", "regions:\n  - id: body\n  - id: knee\n    parents: [body]\n    neighbours: [shin]\n")
    with pytest.raises(KnowledgeError, match="region 'knee' refers to unknown region 'shin'"):
        load_knowledge(tmp_path)


def test_the_parts_of_the_hand_and_foot_are_apart_and_lie_in_them(kb):
    # (a cut at the heel for a bunion, along the little finger for a trapeziectomy, is the wrong part)
    assert kb.related("toes", "foot") and kb.related("toes", "forefoot") and kb.related("thumb", "hand")
    assert not kb.related("heel", "forefoot") and not kb.beside("heel", "forefoot")
    assert not kb.related("thumb", "fingers") and not kb.beside("thumb", "fingers")
    assert kb.beside("palm", "thumb") and kb.beside("palm", "fingers")
    # the base of the thumb lies in the thumb and in the wrist
    assert kb.related("thumb-base", "wrist") and kb.related("thumb-base", "thumb")


def test_the_spine_is_made_of_parts_of_other_regions_and_shares_them(kb):
    # (a cut in the neck may be for a spinal fusion; a cut in the lower abdomen is never for a vaginal hysterectomy)
    assert kb.spanning("spine") and not kb.spanning("pelvis") and not kb.spanning("neck")
    assert kb.overlap("neck", "spine") and kb.overlap("lower-back", "spine")
    assert not kb.overlap("neck", "lumbar-spine") and not kb.overlap("upper-back", "lumbar-spine")


def test_a_procedure_may_be_entered_elsewhere_than_where_it_acts(kb):
    angiogram = kb.procedures["coronary-angiography"]
    assert "heart-region" in angiogram.regions and {"wrist", "groin"} <= set(angiogram.entry_regions)


def test_a_procedure_through_a_natural_opening_makes_no_cut_in_the_skin(kb):
    assert kb.procedures["tympanostomy-tubes"].no_skin_cut == "through the ear canal"
    assert kb.procedures["ureteroscopy"].no_skin_cut and not kb.procedures["pcnl"].no_skin_cut


@pytest.mark.parametrize("entry, error", [
    ("    no_skin_cut: [mouth]\n", "'no_skin_cut' must be the way in, in words"),
    ("    no_skin_cut: through the mouth\n    entry_regions: [knee]\n", "give 'entry_regions'.*or 'no_skin_cut'"),
])
def test_a_wrong_no_skin_cut_is_an_error_naming_the_entry(tmp_path, entry, error):
    _write(tmp_path, "regions.yaml", "regions:\n  - id: body\n  - id: knee\n    parents: [body]\n")
    _write(tmp_path, "procedures/x.yaml", "procedures:\n  - id: knee-scope\n    regions: [knee]\n" + entry)
    with pytest.raises(KnowledgeError, match="procedure 'knee-scope': " + error):
        load_knowledge(tmp_path)


def test_a_list_of_regions_is_named_by_its_narrowest(kb):
    assert kb.procedures["gastric-bypass"].regions == ("upper-abdomen", "abdomen")
    assert kb.narrowest(kb.procedures["gastric-bypass"].regions) == ["upper-abdomen"]
    assert kb.narrowest(("knee", "hip")) == ["knee", "hip"]


def test_a_procedure_may_cut_fewer_structures_than_it_acts_on(kb, tmp_path):
    cataract = kb.procedures["cataract-surgery"]
    assert "cornea" in cataract.cut_structures and "retina" in cataract.structures
    assert "retina" not in cataract.cut_structures
    _write(tmp_path, "regions.yaml", "regions:\n  - id: body\n  - id: eye\n    parents: [body]\n")
    _write(tmp_path, "structures/x.yaml", "structures:\n  - id: cornea\n    regions: [eye]\n"
                                          "  - id: retina\n    regions: [eye]\n")
    _write(tmp_path, "procedures/x.yaml", "procedures:\n  - id: lens-swap\n    regions: [eye]\n"
                                          "    structures: [cornea]\n    cut_structures: [cornea, retina]\n")
    with pytest.raises(KnowledgeError, match="procedure 'lens-swap' cuts structure.s. it does not list in 'structures': retina"):
        load_knowledge(tmp_path)


def test_faces_and_their_opposites(kb):
    assert kb.aspects["front"].opposite == ("back",) and "palm" in kb.aspects["back"].opposite
    assert kb.structures["achilles-tendon"].aspects == ("back",)
    assert kb.conditions["bunion"].aspects == ("inner",)
    assert kb.procedures["hammer-toe-correction"].aspects == ("top",)


def test_an_unknown_aspect_is_an_error_naming_the_entry(tmp_path):
    _write(tmp_path, "regions.yaml", "regions:\n  - id: body\n  - id: leg\n    parents: [body]\n")
    _write(tmp_path, "aspects.yaml", "aspects:\n  - id: front\n    words: 'front'\n    opposite: [back]\n"
                                     "  - id: back\n    words: 'back\\s+of'\n    opposite: [front]\n")
    _write(tmp_path, "structures/x.yaml",
           "structures:\n  - id: shin-bone\n    regions: [leg]\n    aspects: [inner]\n")
    with pytest.raises(KnowledgeError, match="structure 'shin-bone' refers to unknown aspect 'inner'"):
        load_knowledge(tmp_path)


def test_an_aspects_words_must_be_a_regular_expression(tmp_path):
    _write(tmp_path, "aspects.yaml", "aspects:\n  - id: front\n    words: 'front(('\n")
    with pytest.raises(KnowledgeError, match="aspect 'front': 'words' is no regular expression"):
        load_knowledge(tmp_path)
    _write(tmp_path, "aspects.yaml", "aspects:\n  - id: front\n    opposite: [back]\n")
    with pytest.raises(KnowledgeError, match="aspect 'front': 'words' must be a regular expression"):
        load_knowledge(tmp_path)


def test_natural_openings_name_the_body_systems_they_open_on(kb):
    assert set(kb.regions["mouth"].opens_on) == {"digestive", "respiratory"}
    assert kb.regions["anal-region"].opens_on == ("digestive",)
    assert kb.regions["knee"].opens_on == ()


def test_an_opening_onto_an_unknown_body_system_is_an_error(tmp_path):
    _write(tmp_path, "regions.yaml", "regions:\n  - id: body\n  - id: mouth\n    parents: [body]\n"
                                     "    opens_on: [digestiv]\n")
    _write(tmp_path, "structures/x.yaml",
           "structures:\n  - id: stomach\n    regions: [body]\n    system: digestive\n")
    with pytest.raises(KnowledgeError, match="region 'mouth' refers to unknown body system 'digestiv'"):
        load_knowledge(tmp_path)


def test_known_facts_the_rules_rely_on(kb):
    assert "right-lower-abdomen" in kb.structures["appendix"].regions
    assert "bladder" in kb.structures["prostate"].neighbours
    assert "neck" in kb.structures["thyroid"].regions
    assert "knee" in kb.structures["meniscus"].regions
    assert "hand" in kb.conditions["carpal-tunnel-syndrome"].symptom_regions
    assert "carpal-tunnel-release" in kb.conditions["carpal-tunnel-syndrome"].treated_by


def _write(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_dangling_reference_is_an_error_naming_the_entry(tmp_path):
    _write(tmp_path, "regions.yaml", "regions:\n  - id: body\n  - id: knee\n    parents: [body]\n")
    _write(tmp_path, "procedures/x.yaml",
           "procedures:\n  - id: knee-scope\n    regions: [knee]\n    structures: [meniscus]\n")
    with pytest.raises(KnowledgeError, match="knee-scope.*unknown structure 'meniscus'"):
        load_knowledge(tmp_path)


def test_an_unknown_key_is_an_error(tmp_path):
    _write(tmp_path, "regions.yaml", "regions:\n  - id: body\n    colour: red\n")
    with pytest.raises(KnowledgeError, match="unknown key"):
        load_knowledge(tmp_path)


def test_a_duplicate_id_is_an_error(tmp_path):
    _write(tmp_path, "regions.yaml", "regions:\n  - id: body\n  - id: body\n")
    with pytest.raises(KnowledgeError, match="duplicate id"):
        load_knowledge(tmp_path)


def test_a_cycle_in_the_region_tree_is_an_error(tmp_path):
    _write(tmp_path, "regions.yaml", "regions:\n  - id: a\n    parents: [b]\n  - id: b\n    parents: [a]\n")
    with pytest.raises(KnowledgeError, match="cycle"):
        load_knowledge(tmp_path)


def test_a_confined_condition_lists_its_structures(kb):
    assert "uterus" in kb.conditions["fibroids"].structures
    assert "ovary" not in kb.conditions["fibroids"].structures
    # a condition that can be anywhere along a system lists none
    assert kb.conditions["crohns-disease"].structures == ()


def test_an_unknown_structure_of_a_condition_is_an_error(tmp_path):
    from lint.knowledge import KnowledgeError, load_knowledge

    (tmp_path / "r.yaml").write_text("regions:\n  - id: pelvis\n")
    (tmp_path / "c.yaml").write_text(
        "conditions:\n  - id: fibroids\n    regions: [pelvis]\n    structures: [womb]\n")
    with pytest.raises(KnowledgeError, match="condition 'fibroids' refers to unknown structure 'womb'"):
        load_knowledge(tmp_path)


def test_positions_are_read_both_ways(kb):
    assert kb.position("prostate", "bladder") == "below"
    assert kb.position("bladder", "prostate") == "above"
    assert kb.position("esophagus", "trachea") == "behind"
    assert kb.position("trachea", "esophagus") == "in-front-of"
    assert kb.position("prostate", "kidney") is None


@pytest.mark.parametrize("line,error", [
    ("prostate beneath bladder", "must read '<structure> <above|below|in-front-of|behind> <structure>'"),
    ("prostate below", "must read"),
    ("prostate below bladdr", "position 'prostate below bladdr' refers to unknown structure 'bladdr'"),
])
def test_a_position_that_cannot_be_read_is_an_error_naming_it(tmp_path, line, error):
    _write(tmp_path, "regions.yaml", "regions:\n  - id: pelvis\n")
    _write(tmp_path, "structures/p.yaml", "structures:\n  - id: prostate\n    regions: [pelvis]\n"
                                           "  - id: bladder\n    regions: [pelvis]\n")
    _write(tmp_path, "positions.yaml", f"positions:\n  - {line}\n")
    with pytest.raises(KnowledgeError, match=re.escape(error) if "<" in error else error):
        load_knowledge(tmp_path)


def test_two_positions_that_contradict_each_other_are_an_error(tmp_path):
    _write(tmp_path, "regions.yaml", "regions:\n  - id: pelvis\n")
    _write(tmp_path, "structures/p.yaml", "structures:\n  - id: prostate\n    regions: [pelvis]\n"
                                           "  - id: bladder\n    regions: [pelvis]\n")
    _write(tmp_path, "positions.yaml", "positions:\n  - prostate below bladder\n  - bladder below prostate\n")
    with pytest.raises(KnowledgeError, match="contradicts an earlier one"):
        load_knowledge(tmp_path)
