"""Our spaCy components, on spacy.blank."""

from __future__ import annotations

from pathlib import Path

import spacy

from lint.pipeline import build_pipeline

ROOT = Path(__file__).resolve().parent.parent
LEXICON = [("procedure", "laminectomy", "laminectomy"), ("region", "hip", "hip"),
           ("procedure_abbr", "cabg", "CABG"), ("structure", "lamina", "lamina")]


def test_sentence_boundaries_survive_abbreviations():
    nlp = build_pipeline(LEXICON)
    doc = nlp("It takes approx. 2 hours, e.g. in Fig. 2 the Dr. Smith case. Then you rest. See vs. before.")
    assert [s.text for s in doc.sents] == [
        "It takes approx. 2 hours, e.g. in Fig. 2 the Dr. Smith case.", "Then you rest.", "See vs. before."]


def test_a_time_in_a_m_or_p_m_ends_a_sentence_before_a_capitalised_opener_only():
    nlp = build_pipeline(LEXICON)
    doc = nlp("Finish all drinks by 8 a.m. This means an early start. Clinics run from 9 a.m. Monday to Friday.")
    assert [s.text for s in doc.sents] == [
        "Finish all drinks by 8 a.m.", "This means an early start.", "Clinics run from 9 a.m. Monday to Friday."]
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.add_pipe("medlint_kept_stops")
    assert [s.text for s in blank("Arrive at 7 p.m. Your nurse meets you.").sents] == ["Arrive at 7 p.m.", "Your nurse meets you."]


def test_a_word_of_digits_and_capitals_kept_with_its_full_stop_ends_a_sentence_before_a_capitalised_opener():
    # spaCy keeps "4B." whole, full stop and all, as it keeps "U.S."; short forms with a stop inside stay whole
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.add_pipe("medlint_kept_stops")
    doc = blank("The unit is on Ward 4B. We care for you. Visit Bay 12A. The nurse is there. Ask for Ward 4B. Smith.")
    assert [s.text for s in doc.sents] == [
        "The unit is on Ward 4B.", "We care for you.", "Visit Bay 12A.", "The nurse is there.", "Ask for Ward 4B. Smith."]


def test_a_unit_after_a_slash_kept_with_its_full_stop_ends_a_sentence_before_a_capitalised_opener():
    # spaCy keeps "L." and "dL." whole, as it keeps an initial; after a slash they are a unit's letters
    nlp = build_pipeline(LEXICON)
    doc = nlp("Treat when haemoglobin is below 70 g/L. The level may be higher for some people. "
              "Keep your glucose above 4 mmol/L. Eat a snack first. Ask Dr L. Smith.")
    assert [s.text for s in doc.sents] == [
        "Treat when haemoglobin is below 70 g/L.", "The level may be higher for some people.",
        "Keep your glucose above 4 mmol/L.", "Eat a snack first.", "Ask Dr L. Smith."]


def test_terms_are_found_case_insensitively_and_abbreviations_exactly():
    nlp = build_pipeline(LEXICON)
    doc = nlp("Hip LAMINECTOMY and CABG, not cabg.")
    found = [(s.text, s.label_, s.kb_id_) for s in doc.spans["terms"]]
    assert found == [("Hip", "region", "hip"), ("LAMINECTOMY", "procedure", "laminectomy"), ("CABG", "procedure", "cabg")]


def test_a_part_of_the_body_that_names_a_machine_or_a_device_is_no_term():
    nlp = build_pipeline([*LEXICON, ("structure", "lung", "lung"), ("structure", "kidney", "kidney"),
                          ("structure", "larynx", "laryngeal"), ("structure", "larynx", "larynx")])
    doc = nlp("A heart-lung machine breathes for you; a kidney machine cleans the blood of a lung patient.")
    assert [s.text for s in doc.spans["terms"]] == ["lung"]
    doc = nlp("A laryngeal mask keeps the airway open above the larynx.")
    assert [s.text for s in doc.spans["terms"]] == ["larynx"]


def test_negation_scopes():
    nlp = build_pipeline(LEXICON)
    doc = nlp("No operation is risk-free, but results are good. Results are not guaranteed.")
    assert [s.text for s in doc.spans["negated"]] == ["No operation is risk-free", "not guaranteed"]
    assert doc[3]._.negated  # "risk"
    assert not doc[9]._.negated  # "good"


def test_negation_reads_the_term_matchers_word_ids_and_leaves_none_on_the_doc():
    # the term matcher hands its array of lower-case ids on; the negation component takes it, or reads its own
    nlp = build_pipeline(LEXICON)
    with nlp.select_pipes(disable=["medlint_negation"]):
        handed = nlp("No incision is needed for the thyroid scan.")
    assert handed.user_data[("medlint", "lowers")] == [t.lower for t in handed]
    for text, scopes in [("No incision is needed for the thyroid scan.", ["No incision is needed for the thyroid scan"]),
                         ("Bariatric surgery is not risk-free.", ["not risk-free"])]:
        doc = nlp(text)
        assert ("medlint", "lowers") not in doc.user_data
        assert [s.text for s in doc.spans["negated"]] == scopes


def test_a_missing_trained_model_falls_back_to_the_blank_pipeline():
    from lint.pipeline import MODEL_FALLBACKS

    nlp = build_pipeline(LEXICON, model="en_no_such_model")
    assert nlp.lang == "en" and "medlint_terms" in nlp.pipe_names
    # the reason is kept for the Linter to report as a warning of the run (tests/test_cli.py)
    assert MODEL_FALLBACKS["en_no_such_model"].startswith("spaCy model 'en_no_such_model' is not installed")


def test_components_run_on_a_bare_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("medlint_negation")
    doc = nlp("Never say never.")
    assert [s.text for s in doc.spans["negated"]] == ["Never say never", "never"]


def test_the_tokenizer_is_spacys_english_tokenizer():
    """medlint's tokenizer factory only compiles spaCy's affix patterns from stored code: the
    patterns and the tokens are those of ``spacy.blank("en")``."""
    from spacy import util

    ours = build_pipeline(LEXICON).tokenizer
    theirs = spacy.blank("en")
    defaults = theirs.Defaults
    assert ours.prefix_search.__self__.pattern == util.compile_prefix_regex(defaults.prefixes).pattern
    assert ours.suffix_search.__self__.pattern == util.compile_suffix_regex(defaults.suffixes).pattern
    assert ours.infix_finditer.__self__.pattern == util.compile_infix_regex(defaults.infixes).pattern
    text = ("Dr. O'Neil's follow-up (2-3 weeks) costs £1,200.50 — see https://example.org/a?b=1, "
            "e-mail info@clinic.co.uk; 95%-success \"rates\"... isn't it?!")
    assert [t.text for t in ours(text)] == [t.text for t in theirs(text)]


def test_spacy_is_loaded_without_its_command_line_which_still_imports_later():
    """A third of spaCy's import is its command line (download, train, ...), which medlint never runs: the pipeline
    loads spaCy without it, and the user's own ``import spacy.cli`` in the same process still gets the real one."""
    import subprocess
    import sys

    code = (
        "import sys; import lint.pipeline; import spacy; "
        "print(sorted(m for m in sys.modules if m.startswith('spacy.cli'))); "
        "print(hasattr(spacy, 'cli')); spacy.blank('en'); "
        "import spacy.cli; print(callable(spacy.cli.download), 'download' in dir(spacy.cli)); "
        "from spacy.cli.info import info; print(callable(spacy.info))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:4] == ["[]", "False", "True True", "True"]
