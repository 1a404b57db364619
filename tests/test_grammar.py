"""Grammar: our own rules (agreement, missing words, garbled idioms, past tense in risk lists, doubled words)."""

from __future__ import annotations

import pytest

from tests.helpers import apply_fixes, lint_text, page_of


def grammar(linter, text, code=None, fmt="md"):
    return [f.text for f in lint_text(linter, text, fmt).findings
            if f.category == "grammar" and (code is None or f.code == code)]


@pytest.mark.parametrize("text,slip", [
    ("The results of the operation varies from person to person.", "The results of the operation varies"),
    ("Your stitches needs to stay dry for two days.", "Your stitches needs"),
    ("After a week, most people goes back to work.", "most people goes"),
    ("The eye drops needs to be used four times a day.", "The eye drops needs"),
    ("A hernia do not go away on its own.", "A hernia do"),
    ("The pain often get worse at night.", "The pain often get"),
    ("The risk of side effects depend on your general health.", "The risk of side effects depend"),
    ("The graft are passed through tunnels in the bone.", "The graft are"),
    ("The catheter are removed after two days.", "The catheter are"),
    ("This are normal in the first week.", "This are"),
    ("The sedative make you sleepy.", "The sedative make"),
    ("Following it closely are one of the most important parts of recovery.", "Following it closely are"),
    # a share of what is not counted; a counted plural; a subject after a short opening phrase with no comma
    ("After a breast reduction, most of the swelling have gone by six weeks.", "most of the swelling have"),
    ("In this case all four glands is checked before the wound is closed.", "all four glands is"),
    ("A small fistula don't always need an operation.", "A small fistula do"),
    # two people of the care team are a plural subject
    ("After a knee replacement, your surgeon and the ward physiotherapist sees you every day.",
     "your surgeon and the ward physiotherapist sees"),
])
def test_agreement(linter, text, slip):
    assert grammar(linter, text, "GRM003") == [slip]


@pytest.mark.parametrize("text", [
    "The results of the operation vary from person to person. Your stitches need to stay dry.",
    "A surgeon who treats patients needs years of training.",
    "The number of people who need a second operation is small.",
    "If you and your baby are well, you can hold your baby straight away.",
    "The skin and the nipple are kept.",
    "The hospital stay is usually one night.",
    "This may take a few weeks. This can make you tired.",
    "The elderly are more likely to fall. The team are here to help.",
    "Following surgery, most people are home within a day.",
    "The stitches that are used dissolve on their own.",
    "Most people go home the next day, and the pain gets better within a week.",
    # an -ing word heading a noun compound is not an -ing phrase
    "Hearing aids are an alternative to grommets for some children.",
    "Waiting lists are shorter in the summer. Walking sticks are lent free of charge.",
    # an adverb between the modal and its verb
    "The side of your nose may then feel numb for a day. The wound may also feel tight.",
    # a procedure named in the plural takes a plural verb
    "We check your child's hearing again once the grommets have come out.",
    "Most of the patients have gone home by then, and most of the swelling has settled.",
    "In this case all four glands are checked. In most cases the surgeon checks all four glands.",
    "Your surgeon and the ward nurse check the drain. A letter to your GP and your surgeon is sent after the operation.",
])
def test_no_agreement_finding_on_correct_sentences(linter, text):
    assert grammar(linter, text, "GRM003") == []


def test_missing_to_has_a_safe_fix(linter):
    text = "It is important keep the wound dry."
    result = lint_text(linter, text)
    mine = [f for f in result.findings if f.code == "GRM004"]
    assert [f.text for f in mine] == ["important keep"]
    assert apply_fixes(text, mine) == "It is important to keep the wound dry."


def test_when_opposed_to(linter):
    text = "There is less bleeding when opposed to open surgery."
    mine = [f for f in lint_text(linter, text).findings if f.code == "GRM001"]
    assert [f.suggestions for f in mine] == [("as opposed to",)]


def test_past_tense_in_a_list_of_risks(linter):
    text = ("## Risks\n\nPossible problems include:\n\n- infection\n"
            "- during the operation, there was unexpected bleeding\n- the nerve was damaged\n- a blood clot\n")
    assert grammar(linter, text, "GRM005") == ["there was unexpected bleeding", "the nerve was damaged"]


def test_past_tense_after_a_subject_in_a_list_of_risks(linter):
    text = ("Possible complications are:\n\n- the nerve got damaged during surgery\n- the elbow became unstable\n"
            "- a damaged tendon\n- a small lump called a granuloma\n- an infection caused by bacteria\n")
    assert grammar(linter, text, "GRM005") == ["the nerve got damaged during surgery", "the elbow became unstable"]


def test_plural_nouns_outside_the_word_lists(linter):
    assert grammar(linter, "Regular rehabilitation sessions helps you hear better.", "GRM003") == [
        "Regular rehabilitation sessions helps"]
    assert grammar(linter, "Diabetes makes healing slower. The pelvis needs time to heal.", "GRM003") == []


def test_past_tense_outside_a_risk_list_is_fine(linter):
    text = ("## Results\n\nIn the trial:\n\n- there was less pain after keyhole surgery\n"
            "- most people were home within a day\n")
    assert grammar(linter, text, "GRM005") == []


def test_doubled_word(linter):
    assert grammar(linter, "Keep the the wound dry.", "GRM002") == ["the the"]
    assert grammar(linter, "The nurse said that that dressing can stay on.", "GRM002") == []


def test_a_structure_named_in_the_plural_takes_a_plural_verb(linter):
    result = linter.lint_source("page.md", "# Dental veneers\n\nContact us if your gums become swollen or your tonsils are sore. "
                                 "Internal piles are inside the back passage. Diabetes is common.\n")
    assert [f for f in result.findings if f.code == "GRM003"] == []


def test_a_noun_after_an_adjective_is_not_a_missing_to(linter):
    assert grammar(linter, "Getting ready for a colonoscopy is hard work for patients.", "GRM004") == []
    assert grammar(linter, "It is important rest your leg.", "GRM004") == ["important rest"]


def test_a_bare_verb_after_an_adjective_is_still_a_missing_to(linter):
    assert grammar(linter, "It is important rest and keep your leg raised.", "GRM004") == ["important rest"]


@pytest.mark.parametrize("patterns, reach", [
    ([[{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}]], 2),
    ([[{"LOWER": "of"}, {"IS_ALPHA": True, "OP": "{1,4}"}, {"LOWER": "is"}]], 6),
    ([[{"LOWER": "a"}, {"LOWER": "b", "OP": "!"}, {"LOWER": "c"}]], 3),
    ([[{"LOWER": "a"}, {"LOWER": "b", "OP": "{3}"}], [{"LOWER": "c"}]], 4),
    ([[{"LOWER": "a"}], [{"LOWER": "a"}, {"LOWER": "b", "OP": "+"}]], None),
    ([[{"LOWER": "a", "OP": "{2,}"}]], None),
])
def test_the_reach_of_matcher_patterns(patterns, reach):
    from lint.kinds.grammar import _pattern_reach

    assert _pattern_reach(patterns) == reach


def test_the_stretches_around_anchor_words_merge_where_they_overlap():
    from lint.kinds.grammar import _windows

    assert _windows([3, 5, 20], 2, 0, 22) == [(1, 6), (18, 21)]
    assert _windows([0, 21], 0, 3, 22) == [(0, 4), (21, 22)]
    assert _windows([], 7, 0, 10) == []


AGREEMENT_PAGE = """# Thyroid surgery and ACL repair: what to expect

The results of the operation varies from person to person. Your stitches needs to stay dry for two days.
Most people who have a thyroid lobectomy goes home the next day, and the scar fades over a year.
The surgeon who repairs the ligament also checks the cartilage. A knee brace are worn for six weeks.
After a gastric bypass, the dietitian and the nurse explain how meals change. This make the first weeks easier.
It is important keep the wound dry, and you will need rest for a few days. Some patients are unable drive
for a week after varicose vein treatment; the stockings needs to be worn day and night.
Your surgeon will decides with you when to stop the stockings, and you may be ask to come back in a month.
"""


def test_the_matcher_run_around_anchor_words_finds_what_it_finds_in_the_whole_block(linter):
    """GRM003, GRM004 and GRM010 run their Matcher only near the verbs their patterns end with (or the words they
    start with); every match in the whole block is found there, and nothing else."""
    from lint.kinds.grammar import _MatcherKind

    page = page_of(linter, AGREEMENT_PAGE)
    checkers = [c for c in linter.checkers if isinstance(c, _MatcherKind)]
    assert {c.rule.code for c in checkers} >= {"GRM003", "GRM004", "GRM010"}
    for checker in checkers:
        windowed = [(u.block.text, m) for u, _, m in checker.matched_units(page, checker._build)]
        side = checker.anchor_side
        checker.anchor_side = None
        try:
            whole = [(u.block.text, m) for u, _, m in checker.matched_units(page, checker._build)]
        finally:
            checker.anchor_side = side
        assert windowed == whole
        assert sum(len(m) for _, m in whole) >= 2


def _matches(matcher, doc):
    return sorted((doc.vocab.strings[label], start, end) for label, start, end in matcher(doc))


def test_word_list_tests_given_as_flags_match_as_the_matcher_would():
    import spacy
    from spacy.matcher import Matcher

    from lint.kinds.grammar import _Recording

    nlp = spacy.blank("en")
    patterns = {
        "AGREE": [[{"LOWER": {"IN": ["stitches", "results"]}}, {"LOWER": {"IN": ["needs", "varies"]}}]],
        "NOT": [[{"LOWER": "of"}, {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["the", "a"]}}, {"TEXT": {"REGEX": r"^[A-Z]{2,}$"}}]],
        "CASE": [[{"TEXT": {"IN": ["NHS"]}}, {"LOWER": {"REGEX": r"^rec"}}]],
    }
    flagged, plain = _Recording(Matcher(nlp.vocab, validate=False)), Matcher(nlp.vocab)
    for label, pattern in patterns.items():
        flagged.add(label, pattern)
        plain.add(label, pattern)
    flagged.finish()
    # the flags stand in for the tests: no spec the Matcher is given holds a word list or an expression
    assert all(isinstance(key, int) or not isinstance(value, dict)
               for pattern in flagged.matcher.get("AGREE")[1] + flagged.matcher.get("NOT")[1] for spec in pattern
               for key, value in spec.items())
    # words met after the flags were made (new to the vocabulary) are flagged before the next match
    doc = nlp("Your Stitches needs care; the RESULTS varies. Most of them NHS. One of the NHS Recommends, "
              "of tests ABC, nhs recommends. Zorblax of quux QQ.")
    flagged.flags.settle()
    assert _matches(flagged.matcher, doc) == _matches(plain, doc)
    assert [label for label, _, _ in _matches(flagged.matcher, doc)] == ["AGREE", "AGREE", "CASE", "NOT", "NOT", "NOT"]


def test_a_word_list_test_stays_as_written_when_the_words_have_no_flag_left():
    import spacy
    from spacy.matcher import Matcher

    from lint.kinds.grammar import _Recording

    nlp = spacy.blank("en")
    for bit in range(1, 64):  # every one of a word's 63 flag bits in use
        nlp.vocab.lex_attr_getters.setdefault(bit, lambda text: False)
    recording = _Recording(Matcher(nlp.vocab, validate=False))
    recording.add("X", [[{"LOWER": {"IN": ["needs"]}}]])
    recording.finish()
    recording.flags.settle()
    assert recording.matcher.get("X")[1] == [[{"LOWER": {"IN": ["needs"]}}]]
    assert _matches(recording.matcher, nlp("It needs care.")) == [("X", 1, 2)]


def test_word_flags_are_given_to_the_words_met_before_the_matcher_was_built_and_after():
    import spacy
    from spacy.matcher import Matcher

    from lint.kinds.grammar import _Recording

    nlp = spacy.blank("en")
    nlp("The wounds heals.")  # these words are in the vocabulary before the flags exist
    recording = _Recording(Matcher(nlp.vocab, validate=False))
    recording.add("X", [[{"LOWER": {"IN": ["wounds", "stitches"]}}, {"TEXT": {"REGEX": "^heal"}}],
                        [{"ORTH": {"NOT_IN": ["The", "A"]}}, {"LOWER": "scar"}]])
    recording.finish()
    recording.flags.settle()
    assert all(isinstance(attr, int) for pattern in recording.matcher.get("X")[1] for spec in pattern
               for attr in spec if attr not in ("LOWER",))  # the tests were given as flags
    assert _matches(recording.matcher, nlp("The wounds heals.")) == [("X", 1, 3)]
    for text, expected in [("Stitches healed.", [("X", 0, 2)]), ("The wound heals.", []),
                           ("A scar. Big scar.", [("X", 3, 5)])]:  # words met after
        doc = nlp(text)
        recording.flags.settle()
        assert _matches(recording.matcher, doc) == expected
    # a second set of tests on the same vocabulary: every word has its flags, those met before and after
    second = _Recording(Matcher(nlp.vocab, validate=False))
    second.add("Y", [[{"LOWER": {"IN": ["big", "wounds"]}}, {"LOWER": {"IN": ["scar", "heals"]}}]])
    second.finish()
    doc = nlp("Big scar. The wounds heals. Huge scar.")
    second.flags.settle()
    assert _matches(second.matcher, doc) == [("Y", 0, 2), ("Y", 4, 6)]
    assert _matches(recording.matcher, doc) == [("X", 0, 2), ("X", 4, 6), ("X", 7, 9)]


def test_the_tests_a_match_starts_with_take_the_flags_first_and_the_others_leave_some_free():
    import spacy
    from spacy.matcher import Matcher

    from lint.kinds.grammar import _Recording, _WordFlags

    nlp = spacy.blank("en")
    getters = nlp.vocab.lex_attr_getters
    free = [bit for bit in range(1, 64) if bit not in getters]
    for bit in free[:-(_WordFlags.RESERVED + 2)]:  # two flags left beyond those kept for leading tests
        getters[bit] = lambda text: False
    recording = _Recording(Matcher(nlp.vocab, validate=False))
    later = [[{"LOWER": {"IN": [f"w{n}", "x"]}}, {"LOWER": {"IN": [f"v{n}", "y"]}}] for n in range(3)]
    recording.add("LATER", later)  # added first, their second tests are not leading
    recording.add("OPTIONAL", [[{"LOWER": {"IN": ["very", "so"]}, "OP": "?"}, {"LOWER": {"IN": ["ill", "well"]}}]])
    recording.finish()
    specs = {label: recording.matcher.get(label)[1] for label in ("LATER", "OPTIONAL")}
    flagged = lambda spec: all(isinstance(attr, int) for attr in spec if attr != "OP")
    # the three leading tests of LATER and both of OPTIONAL (the first may match nothing) took flags ...
    assert all(flagged(pattern[0]) for pattern in specs["LATER"])
    assert all(flagged(spec) for spec in specs["OPTIONAL"][0])
    # ... and the RESERVED left after them stayed free: no second test of LATER took one
    assert not any(flagged(pattern[1]) for pattern in specs["LATER"])
    doc = nlp("x y and so well")
    recording.flags.settle()
    assert _matches(recording.matcher, doc) == [("LATER", 0, 2), ("OPTIONAL", 3, 5), ("OPTIONAL", 4, 5)]


def test_a_wrong_pattern_is_still_refused():
    import spacy
    from spacy.errors import MatchPatternError
    from spacy.matcher import Matcher

    from lint.kinds.grammar import _Recording

    recording = _Recording(Matcher(spacy.blank("en").vocab, validate=False))
    with pytest.raises(MatchPatternError):
        recording.add("X", [[{"LOWER": {"IN": ["a"]}, "OP": "sometimes"}]])


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_short_heading_line_run_into_its_paragraph_is_no_repeated_word(linter, newline):
    page = newline.join(["Bleeding", "Bleeding in the neck is rare after thyroid surgery.", "",
                         "Keep the dressing on for a day and then keep the", "the wound dry for two days.", ""])
    findings = [f for f in lint_text(linter, page, "txt").findings if f.code == "GRM002"]
    assert [(f.line, f.text) for f in findings] == [(4, f"the{newline}the")]


@pytest.mark.parametrize("text,slip,fixed", [
    ("After a varicose vein ablation you should not stood for long periods.", "should not stood",
     "After a varicose vein ablation you should not stand for long periods."),
    # irregular verbs: the base after a modal or "did not", the participle after "have" and a passive's "be"
    ("After a thyroidectomy the nurse will took your calcium level each morning.", "will took",
     "After a thyroidectomy the nurse will take your calcium level each morning."),
    ("Most people have went home the day after a gastric sleeve.", "have went",
     "Most people have gone home the day after a gastric sleeve."),
    ("The drain was took out the morning after the ACL reconstruction.", "was took",
     "The drain was taken out the morning after the ACL reconstruction."),
    ("If the prostate biopsy did not gave a clear answer, an MRI scan may help.", "did not gave",
     "If the prostate biopsy did not give a clear answer, an MRI scan may help."),
    ("Before a prostate biopsy you may be ask to stop aspirin.", "be ask",
     "Before a prostate biopsy you may be asked to stop aspirin."),
    ("After an ACL reconstruction the physiotherapist will decides when you can run.", "will decides",
     "After an ACL reconstruction the physiotherapist will decide when you can run."),
    ("After a gastric sleeve you must not lifted anything heavy for four weeks.", "must not lifted",
     "After a gastric sleeve you must not lift anything heavy for four weeks."),
    ("Your thyroid levels will be check six weeks after the operation.", "be check",
     "Your thyroid levels will be checked six weeks after the operation."),
    # (after a relative "that" too)
    ("A prostate operation that will removes the whole gland is called a radical prostatectomy.", "will removes",
     "A prostate operation that will remove the whole gland is called a radical prostatectomy."),
])
def test_verb_form_after_a_helping_verb(linter, text, slip, fixed):
    mine = [f for f in lint_text(linter, text).findings if f.code == "GRM010"]
    assert [f.text for f in mine] == ([slip] if slip else [])
    if fixed:
        assert apply_fixes(text, mine) == fixed


@pytest.mark.parametrize("text", [
    "The wound must be clean and dry before you shower. You will be sure to feel tired for a week.",
    "A living will states what treatment you would want. In May we will review your results.",
    "There will be use of a drain for a day. The stitches will be removed after ten days.",
    "Your varicose veins will be treated under local anaesthetic, and you can walk home.",
    # a form that is also another word: "saw" (a verb of its own), "left" (a side), "found" (to set up)
    "The surgeon will saw through the bone. Your left knee may feel stiff. They will found a new clinic.",
    # a simple past where one belongs, and a participle used as an adjective
    "You came home and the swelling went down. The knee has swollen and the ankle was swollen too.",
])
def test_no_verb_form_finding_on_correct_sentences(linter, text):
    assert grammar(linter, text, "GRM010") == []


def test_one_its_slip_matched_by_two_patterns_is_one_finding(linter):
    # "keeps it's" (a verb that takes no clause) and "it's blood supply" (a noun 'its' owns) mend the same word
    result = lint_text(linter, "After a skin graft, the new skin keeps it's blood supply from the bed below.")
    found = [(f.code, result.source[f.start:f.end]) for f in result.findings if f.code == "GRM007"]
    assert found == [("GRM007", "it's blood supply")]
