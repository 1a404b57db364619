"""matching.Prefilter: a page is skipped only when the pattern cannot match it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.matching import Haystack, NeedleGroup, PatternSet, Prefilter, compile_builtin

ROOT = Path(__file__).resolve().parent.parent


def prefiltered_spans(compiled, text: str) -> list[tuple[int, int]]:
    """The spans a rule finds for one pattern: tried only where its prefilter says a match may start."""
    patterns = PatternSet([compiled])
    haystack = Haystack(text)
    return [m.span() for m in patterns.finditer(compiled, haystack, patterns.needles(haystack))]


def may_match(compiled, text: str) -> bool:
    """False when a rule would skip the pattern on this text."""
    patterns = PatternSet([compiled])
    return not patterns.skips(compiled, patterns.needles(Haystack(text)))


@pytest.mark.parametrize("pattern, flags, prefixes", [
    # a run of spaces and hyphens reads as one space, so a prefix goes on past it
    (r"\b(?:spaces|slots)\s+(?:left|remaining)", re.I,
     ("slots left", "slots remaining", "spaces left", "spaces remaining")),
    # at most 16 characters
    (r"\b(?:the\s+)?(?:best|safest)\s+surgeon", re.I,
     ("best surgeon", "safest surgeon", "the best surgeon", "the safest surge")),
    (r"(?<![\w-])(?:Book|call)\s+now", 0, ("Book now", "call now")),
    (r"(?:x-?ray|scan)s?", re.I, ("scan", "x ray", "xray")),
    # a prefix that another prefix starts is enough
    (r"\brisk(?:[-\s]*free|y)?\b", re.I, ("risk",)),
    # outside ASCII, lower case is not case folding: the prefix stops before such a character
    (r"\bthe\s+(?:elite|crème)\s+of\b", re.I, ("the cr", "the elite of")),
    # a digit is a start: "£ 0 off" ... "€9 off" (a class of a few characters gives one prefix each)
    (r"[£$€]\s*\d\s+off", re.I, tuple(sorted(f"{c}{s}{d} off" for c in "£$€" for s in ("", " ") for d in "0123456789"))),
    (r"\d+\s*%", re.I, tuple("0123456789")),
    (r"(?:a|[0-4])d", re.I, ("0d", "1d", "2d", "3d", "4d", "ad")),
    # a class of letters is not one: a match may start at most letters
    (r"[£$€]\s*[a-z]+\s+off", re.I, None),
    # literal spaces and hyphens, alone or in a run, after a gap or before one, are one space as the haystack shows
    # them; a run of letters read at once is cut at 16 characters as when it was read letter by letter
    (r"well - known(?:\s+- |\s)+names", 0, ("well known names",)),
    (r"(?:pain|risk)\s*-free\s+-\s+forever", re.I, ("pain free foreve", "risk free foreve")),
    (r"(?:a|b)-- --x", 0, ("a x", "b x")),
    (r"\bextraordinarilyprofessional\b", re.I, ("extraordinarilyp",)),
])
def test_prefixes_are_the_literal_starts_of_every_match(pattern, flags, prefixes):
    prefilter = Prefilter.of(compile_builtin(pattern, flags))
    assert (prefilter.prefixes or None) == prefixes


@pytest.mark.parametrize("pattern", [r"[a-z]+\s*%", r"\w+ly\b", r"(?:a|\w)d", r"."])
def test_no_prefilter_when_a_match_may_start_anywhere(pattern):
    assert Prefilter.of(compile_builtin(pattern, re.I)) is None


@pytest.mark.parametrize("pattern, factors", [
    # the longest words every match must contain, wherever they stand
    (r"\bthe\s+safest\s+(?:[\w-]+\s+){0,2}?(?:procedure|operation)", ("the safest ",)),
    (r"(?:best)?\s+results", (" results",)),
    (r"\b(?:spaces|places)\s+left", ("places left", "spaces left")),
    (r"\d+\s*%\s+(?:of\s+)?patients", (" % of patients", " % patients", "% of patients", "% patients")),
    (r"\b(?:miracle|wonder)(?:\s+cure)+", ("miracle cure", "wonder cure")),
    (r"\b(?:no|zero)\s+pain", ("no pain", "zero pain")),
    # a number: one of the digits (prose has few)
    (r"(?:safest|best)?\s*\d+%", tuple("0123456789")),
])
def test_factors_are_strings_every_match_contains(pattern, factors):
    prefilter = Prefilter.of(compile_builtin(pattern, re.I))
    assert prefilter.factors == factors


@pytest.mark.parametrize("pattern", [
    r"\w+\s*%", r"\b(?:no|zero)\b", r"(?:safest|best)?\s*\w+%", r"(?:risk|pain|ok)\s+free|\w+", r"(?!best)\w+",
])
def test_no_factors_when_no_word_is_certain(pattern):
    prefilter = Prefilter.of(compile_builtin(pattern, re.I))
    assert prefilter is None or prefilter.factors == ()


def test_a_pattern_without_prefixes_is_scanned_where_its_factors_occur():
    compiled = compile_builtin(r"[a-z]+\s*%\s+of\s+patients", re.I)
    prefilter = Prefilter.of(compiled)
    assert prefilter.prefixes == () and prefilter.factors == ("% of patients",)
    assert not may_match(compiled, "ninety% of people")
    text = "Around ninety% of PATIENTS and five % of patients"
    assert prefiltered_spans(compiled, text) == [
        m.span() for m in compiled.finditer(text)]


def test_case_matters_only_for_a_case_sensitive_pattern():
    assert not may_match(compile_builtin(r"\bNHS\b", 0), "the nhs says")
    assert may_match(compile_builtin(r"\bnhs\b", re.I), "The NHS says")
    # outside ASCII, lower case is not case folding: never skipped
    kelvin = "\u212a"
    assert compile_builtin("kg", re.I).search(f"5 {kelvin}g")
    assert may_match(compile_builtin(r"\bkg\b", re.I), f"5 {kelvin}g")


def _rule_patterns():
    """Every pattern of the rule packs, with its word classes ({:name}) filled in as the rules do."""
    from lint.kinds.phrases import _CLASS_REF, load_vocabulary

    out = []
    for path in sorted((ROOT / "rules").glob("*/*.yaml")):
        options = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("options") or {}
        vocabulary = options.get("vocabulary")
        classes = load_vocabulary(str(path.parent / vocabulary)) if isinstance(vocabulary, str) else {}
        for key in ("patterns", "exception_patterns", "pattern_swap"):
            out.extend(_CLASS_REF.sub(lambda m: classes[m.group(1)], str(p)) for p in options.get(key) or [])
    return out


RULE_PATTERNS = _rule_patterns()
WORDS = ["best", "the", "no", "pain", "risk", "free", "100%", "safe", "guaranteed", "book", "now", "only", "left",
         "our", "surgeons", "in", "the", "country", "studies", "show", "slots", "remaining", "-", ",", ".", "Best",
         "RISK-FREE", "painless", "x", "never", "again", "call", "today", "state-of-the-art", "miracle"]


# words joined by runs of spaces, hyphens and line breaks, which prefilters read as one space
GAPS = [" ", " ", " ", "  ", "\n", " - ", "-", "\n\n.\n\n", "\t ", " -- "]


def _texts(words):
    return st.lists(st.tuples(st.sampled_from(words), st.sampled_from(GAPS)), max_size=30).map(
        lambda pairs: "".join(w + g for w, g in pairs))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_texts(WORDS))
def test_a_skipped_text_never_holds_a_match_of_any_rule_pattern(text):
    assert len(RULE_PATTERNS) > 50
    for pattern in RULE_PATTERNS:
        compiled = compile_builtin(pattern, re.I)
        if not may_match(compiled, text):
            assert compiled.search(text) is None, pattern


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_texts(WORDS + ["İ", "ſafe", "naïve", "café", "Kelvin-\u212a", "’"]))
def test_matching_only_at_the_prefixes_finds_what_a_scan_finds(text):
    checked = 0
    for pattern in RULE_PATTERNS:
        compiled = compile_builtin(pattern, re.I)
        prefilter = Prefilter.of(compiled)
        if prefilter is None:
            continue
        checked += 1
        expected = [m.span() for m in compiled.finditer(text)]
        assert prefiltered_spans(compiled, text) == expected, pattern
    assert checked > 50


@pytest.mark.parametrize("text", ["ſafe and painleſs", "RİSK-FREE", "İ risk-free", "100% ſafe"])
def test_case_folding_traps_fall_back_to_a_scan(text):
    compiled = compile_builtin(r"\b(?:risk-free|painless|safe)\b", re.I)
    assert Prefilter.of(compiled) is not None
    expected = [m.span() for m in compiled.finditer(text)]
    assert prefiltered_spans(compiled, text) == expected


def _lexicon_patterns():
    from lint.kinds.evidence import load_lexicon

    lexicon = load_lexicon(str(ROOT / "rules" / "evidence" / "evidence-lexicon.yaml"))
    return [*lexicon.claims.values(), *lexicon.research.values()]


def _sample_pages(step: int = 40):
    pages = sorted(p for p in (ROOT / "fixtures").rglob("*") if p.suffix in (".md", ".txt", ".html"))
    return [p.read_text(encoding="utf-8") for p in pages[::step]]


def _respaced(text: str) -> str:
    # runs of spaces, line breaks and hyphens of other lengths: the haystack's offsets shift
    return text.replace(" ", "  ", 7).replace("-", " - ", 5).replace("\n", "\n \n", 5)


def test_prefiltered_matches_equal_a_scan_on_real_pages():
    """Every rule pattern and every evidence claim pattern, on a sample of fixture pages as written
    and with their spacing changed, finds through its prefilter exactly what a scan finds."""
    patterns = [compile_builtin(p, re.I) for p in RULE_PATTERNS] + _lexicon_patterns()
    pattern_set = PatternSet(patterns)
    split = [p for p in patterns if pattern_set.prefilter(p) is not None and pattern_set.prefilter(p).rest is not None]
    assert len(split) >= 3  # alternations searched by their branches' prefixes and a look-ahead for the rest
    pages = _sample_pages()
    assert len(pages) >= 20
    compared = 0
    for page in pages:
        for text in (page, _respaced(page)):
            haystack = Haystack(text)
            found = pattern_set.needles(haystack)
            for pattern in patterns:
                expected = [m.span() for m in pattern.finditer(text)]
                assert [m.span() for m in pattern_set.finditer(pattern, haystack, found)] == expected, pattern.pattern
                compared += bool(expected)
    assert compared > 200


def test_a_run_of_spaces_and_hyphens_maps_back_to_the_text():
    haystack = Haystack("a  b -- c\n\nd-e")
    assert haystack.exact == "a b c d e"
    assert [haystack.original(i) for i in range(0, 9, 2)] == [0, 3, 8, 11, 13]


@pytest.mark.parametrize("pattern, text, spans", [
    # a repeat whose body starts with a gap and goes on with anything: the prefix stops before it
    (r"\bspaces\b(?:\s+[\w-]+){0,4}?\s+are\s+limited", "Spaces on our autumn list are limited.", [(0, 37)]),
    # (?-i:...) inside a pattern that ignores case
    (r"(?-i:\bIn)\s+a\s+study", "In a study; in a study", [(0, 10)]),
])
def test_prefixes_through_repeats_and_flag_groups(pattern, text, spans):
    compiled = compile_builtin(pattern, re.I)
    prefilter = Prefilter.of(compiled)
    assert prefilter is not None and prefilter.prefixes
    assert prefiltered_spans(compiled, text) == spans == [m.span() for m in compiled.finditer(text)]


@pytest.mark.parametrize("automaton", [True, False])
def test_needles_are_found_with_or_without_the_automaton(automaton, monkeypatch):
    import lint.matching as matching

    if not automaton:
        monkeypatch.setattr(matching, "ahocorasick", None)
    index = matching.NeedleIndex(["the best", "best", "est", "zzz"])
    assert index.find_all("the best, the bestest") == {
        "the best": [0, 10], "best": [4, 14], "est": [5, 15, 18]}


def test_a_large_needle_automaton_is_kept_in_the_data_cache_and_found_again(tmp_path, monkeypatch):
    import lint.matching as matching

    monkeypatch.setenv("MEDLINT_DATA_CACHE", str(tmp_path))
    needles = [f"needle {n:05d}" for n in range(matching._STORED_FROM)] + ["best", "the best"]
    text = "the best needle 00017, best needle 00017 and needle 04000"
    expected = {"the best": [0], "best": [4, 23], "needle 00017": [9, 28]}
    assert matching.NeedleIndex(needles).find_all(text) == expected
    assert any(tmp_path.iterdir())
    made = []
    original = matching.NeedleIndex._made
    monkeypatch.setattr(matching.NeedleIndex, "_made", lambda self: made.append(1) or original(self))
    assert matching.NeedleIndex(needles).find_all(text) == expected  # read from the cache, not made
    assert made == []
    # other needles (or the same in another order, as another rule set gives them) are another automaton
    assert matching.NeedleIndex(list(reversed(needles)) + ["and"]).find_all(text) == {**expected, "and": [41]}
    assert made == [1]
    # a damaged entry is made again
    for entry in tmp_path.iterdir():
        entry.write_bytes(b"not a pickle")
    assert matching.NeedleIndex(needles).find_all(text) == expected
    assert made == [1, 1]


@pytest.mark.parametrize("pattern, text", [
    # a branch with no prefix that can match nothing: only a scan finds what finditer finds after an empty match
    (r"x*|ab", "ab"),
    (r"(?<![\w-])|ba", "K - ba1"),
])
def test_an_alternation_with_a_branch_that_can_match_nothing_is_scanned(pattern, text):
    compiled = re.compile(pattern)
    assert prefiltered_spans(compiled, text) == [m.span() for m in compiled.finditer(text)]


def test_a_user_pattern_compiled_by_regex_gets_no_prefilter():
    import regex

    # the standard parser reads "[[:alpha:]]" as a class of ":[alph" and "]" after it
    compiled = regex.compile(r"x[[:alpha:]]y")
    assert Prefilter.of(compiled) is None


def test_our_pattern_with_a_look_behind_of_varying_width_is_prefiltered_as_a_user_one_is_not():
    import regex

    # only the regex module compiles this look-behind; our own pattern is still read by the standard parser
    source = r"\bthe\s+(?:best|safest)\s+in\s+(?:the\s+)?(?:uk|country)\b(?<=\b(?:our|we)\b[^.]{0,80})"
    ours = compile_builtin(source, re.I)
    assert not isinstance(ours, re.Pattern)
    prefilter = Prefilter.of(ours)
    assert prefilter is not None and prefilter.prefixes[0] == "the best in coun" and len(prefilter.prefixes) == 6
    for text in ["Our team is the best in the UK.", "The best in the country. We are the  safest in the uk",
                 "the best in the UK, say they.", "We offer the best-in-country care; our the safest in uk"]:
        assert prefiltered_spans(ours, text) == [m.span() for m in ours.finditer(text)]
    assert prefiltered_spans(ours, "Our team is the best in the UK.") == [(12, 30)]
    # a user's pattern (the regex module hands back its cached object for a source it has compiled, ours included)
    assert Prefilter.of(regex.compile(source.replace("80", "90"), regex.I)) is None


def test_a_pattern_the_set_has_not_seen_is_tried_everywhere():
    patterns = PatternSet([compile_builtin(r"\bbest\b", re.I)])
    haystack = Haystack("the safest care")
    found = patterns.needles(haystack)
    later = compile_builtin(r"\bsafest\b", re.I)
    assert [m.span() for m in patterns.finditer(later, haystack, found)] == [(4, 10)]


def test_branches_without_prefixes_are_scanned_only_where_their_factors_occur():
    # "[a-z]+ ... cheaper than" has no literal start; every match of it holds "% cheaper than"
    compiled = compile_builtin(r"\bsave\s+big\b|\b[a-z]+\s*%\s+cheaper\s+than\b", re.I)
    prefilter = Prefilter.of(compiled)
    assert prefilter.rest is not None and prefilter.rest_factors == ("% cheaper than",)
    for text in ("Save big: thirty% off", "thirty% less than elsewhere", "Save big, thirty%  cheaper than the rest"):
        assert prefiltered_spans(compiled, text) == [m.span() for m in compiled.finditer(text)]


def test_no_rest_factors_when_a_branch_needs_no_word():
    compiled = compile_builtin(r"\bsave\s+big\b|\bbook\s+now\b|\b[a-z]+\s*x\b", re.I)
    prefilter = Prefilter.of(compiled)
    assert prefilter.rest is not None and prefilter.rest_factors == ()
    text = "ready three x faster"
    assert prefiltered_spans(compiled, text) == [m.span() for m in compiled.finditer(text)] == [(6, 13)]


@pytest.mark.parametrize("pattern, anchored", [
    (r"^Book now", True),
    (r"\bcall us\s*$", True),
    (r"\Athe\b", True),
    (r"[£$€]\s?\d+\s+off\b", False),  # a "$" in a class is a dollar sign
    (r"[^a-z]\d+", False),
    (r"[]^]x", False),
    (r"\$\d+ off", False),
    (r"\\$", True),  # an escaped backslash, then the end
    (r"\bfree\b", False),
])
def test_a_pattern_is_anchored_by_a_start_or_end_outside_a_class(pattern, anchored):
    from lint.matching import is_anchored

    assert is_anchored(pattern) is anchored


def test_the_patterns_not_ruled_out_are_those_not_skipped():
    """``not_ruled_out`` finds the patterns a page's needles leave from the needles, not pattern by pattern: the
    same patterns as ``skips`` keeps, in the same order, on fixture pages and on texts without their needles."""
    patterns = [compile_builtin(p, re.I) for p in RULE_PATTERNS] + _lexicon_patterns()
    pattern_set = PatternSet(patterns)
    texts = _sample_pages(step=25) + ["", "Nothing to see here.", "RİSK-FREE ſafe ſurgery"]
    kept_somewhere = 0
    for text in texts:
        found = pattern_set.needles(Haystack(text))
        kept = pattern_set.not_ruled_out(patterns, found)
        assert kept == [p for p in patterns if not pattern_set.skips(p, found)]
        kept_somewhere += len(kept)
    assert 0 < kept_somewhere < len(patterns) * len(texts) / 2  # most patterns are ruled out on most pages
    # a pattern the set has not seen is never ruled out
    stranger = compile_builtin(r"\bsomething\s+new\b", re.I)
    assert stranger in pattern_set.not_ruled_out([stranger], found)


def test_the_patterns_alive_in_a_block_are_those_that_match_there_and_the_user_ones():
    """``alive_in`` (a kind's many patterns asked once per block: ANA004's sentence patterns): every pattern with
    a match in the text is alive; one whose strings the text lacks is not; a user's pattern, with no prefilter, always is."""
    import regex

    uses_magnets = compile_builtin(r"\buses?\s+(?:strong\s+)?magnets?\b", re.I)
    uses_x_rays = compile_builtin(r"\buses?\s+x-?rays?\b", re.I)
    users = regex.compile(r"\bmakes?\s+\w+", regex.I)
    patterns = [uses_magnets, uses_x_rays, users]
    pattern_set = PatternSet(patterns, NeedleGroup())
    text = "A thyroid scan, which uses strong magnets, shows the gland."
    alive = pattern_set.alive_in(text, patterns)
    assert id(uses_magnets) in alive and id(uses_x_rays) not in alive and id(users) in alive
    for text in _sample_pages(step=50):
        alive = pattern_set.alive_in(text, patterns)
        assert all(id(p) in alive for p in patterns if p.search(text))


def test_the_needles_of_a_text_are_found_once_for_every_set(monkeypatch):
    """Sets share one automaton over all their needles: a page is read once, whichever rules ask; each set's
    answers are as its own needles alone would give."""
    import lint.matching as matching

    first = PatternSet([compile_builtin(r"\b(?:safest|best)\s+surgeons?\b", re.I)])
    second = PatternSet([compile_builtin(r"\bbook\s+(?:now|today)\b", re.I), compile_builtin(r"\bNHS\b", 0)])
    reads = []
    original = matching.NeedleIndex.find_all
    monkeypatch.setattr(matching.NeedleIndex, "find_all", lambda self, text: reads.append(text) or original(self, text))
    first.needles(Haystack("warm up"))
    second.needles(Haystack("warm up"))  # both sets' needles are now known
    reads.clear()
    haystack = Haystack("Our best surgeons at the NHS clinic: book today.")
    found_first, found_second = first.needles(haystack), second.needles(haystack)
    assert found_first is found_second and len(reads) == 2  # as written and in lower case, once
    for pattern_set in (first, second):
        for pattern in pattern_set._patterns:
            assert [m.span() for m in pattern_set.finditer(pattern, haystack, found_first)] == \
                [m.span() for m in pattern.finditer(haystack.text)] != []
    # a set made later adds its needles: the text is read again, with them
    third = PatternSet([compile_builtin(r"\bquokka\s+clinic\b", re.I)])  # a needle no other test's set has
    found_third = third.needles(haystack)
    assert found_third is not found_first and found_third[1].keys() >= found_first[1].keys() and len(reads) == 4
    # a set with a group of its own (one that reads other texts) is not handed the others' needles
    from lint.matching import NeedleGroup

    own = PatternSet([compile_builtin(r"\bNICE\b", 0)], NeedleGroup())
    found_own = own.needles(haystack)
    assert found_own[0] == {} and len(reads) == 6 and found_first[0] == {"NHS": [25]}


def test_branches_without_prefixes_are_each_searched_only_where_their_own_factors_occur():
    # most branches have no literal start, each is built around its own word, and one has no word at all
    compiled = compile_builtin(r"\bbook\s+now\b|\b\w+\s+experts\s+agree\b|\b\w+\s+surgeons\s+say\b"
                               r"|\b\w+\s+doctors\s+confirm\b|\b[a-z]+\s+of\s+[a-z]+\b", re.I)
    prefilter = Prefilter.of(compiled)
    assert prefilter.prefixes == ("book now",)
    assert [sorted(needed) for _, needed in prefilter.rest_parts] == [
        [" experts agree"], [" surgeons say"], [" doctors confirm"], []]  # (" of " is on every page: no string)
    for text in ("Top experts agree: book now", "Most surgeons say three of ten doctors confirm it", "one of two had it",
                 "Book now. Leading  doctors confirm; two surgeons say so", "nothing here"):
        assert prefiltered_spans(compiled, text) == [m.span() for m in compiled.finditer(text)], text


@pytest.mark.parametrize("text", [
    "About 30% of people", "About 3 0% of people", "It was 2020; 15 % said so", "None here",
    # a digit of another script is a digit to \d: the haystack shows it as "0", where the needles find it
    "About \u0663\u0660% of people", "About \uff13\uff10 % of people", "About 3\u0660% of people",
])
def test_a_digit_starts_a_match_where_a_number_stands(text):
    compiled = compile_builtin(r"(?<![\w.,/])(?:about\s+)?\d+\s*%", re.I)
    prefilter = Prefilter.of(compiled)
    assert any(p.startswith("about ") for p in prefilter.prefixes) and set("0123456789") <= set(prefilter.prefixes)
    assert prefiltered_spans(compiled, text) == [m.span() for m in compiled.finditer(text)], text
    if any(ch.isdigit() for ch in text):
        assert prefiltered_spans(compiled, text)


def test_a_needle_with_a_digit_of_another_script_gives_no_prefilter():
    assert Prefilter.of(compile_builtin("\u0663\u0660% of people", re.I)) is None


def test_a_branch_whose_phrases_sit_in_one_group_is_split_into_one_branch_per_phrase():
    # the second branch holds its phrases in a group, one of which has no literal start: split, the others give prefixes
    compiled = compile_builtin(r"\bbook\s+now\b|\b(?:back\s+to\s+work|driving|[a-z]+ing\s+again)\s+(?:within|in)\s+days\b"
                               r"|\b(?:fast|quick)?(?:er|est)\s+ever\b", re.I)
    prefilter = Prefilter.of(compiled)
    assert {"book now", "back to work wit", "driving within d"} <= set(prefilter.prefixes)
    assert [sorted(needed) for _, needed in prefilter.rest_parts] == [["ing again "]]
    for text in ("Book now: back to work within days", "walking again in days, driving in days", "the fastest ever",
                 "Driving within   days. Swimming again within days."):
        assert prefiltered_spans(compiled, text) == [m.span() for m in compiled.finditer(text)], text


def test_a_repeated_group_or_a_branch_with_prefixes_is_not_split():
    from lint.matching import _distributed

    assert _distributed("", r"\b(?:[a-z]+|\d+)?\s+ever\b", 0) == [r"\b(?:[a-z]+|\d+)?\s+ever\b"]
    assert _distributed("", r"\bbook\s+(?:now|today)", 0) == [r"\bbook\s+(?:now|today)"]
    assert _distributed("", r"(?<![\w-])(?:[a-z]+ing|\d+)\s+again", 0) == [
        r"(?<![\w-])(?:[a-z]+ing)\s+again", r"(?<![\w-])(?:\d+)\s+again"]


@pytest.mark.parametrize("text, spans", [
    # "the nhs" is not the name: case matters there
    ("Figures from the NHS. According To the nhs, ACCORDING to the NHS.", [(0, 20), (44, 64)]),
    ("according to NHS England", [(0, 16)]),
    ("No source here at all.", []),
])
def test_a_case_sensitive_pattern_with_parts_that_ignore_case_is_prefiltered_in_lower_case(text, spans):
    # the evidence lexicon's source pattern: case matters for names, not for "according to"
    compiled = compile_builtin(r"(?i:\baccording\s+to)\s+(?:the\s+)?NHS\b|\b(?i:figures\s+from)\s+the\s+[A-Z]+\b", 0)
    prefilter = Prefilter.of(compiled)
    assert prefilter is not None and prefilter.ignore_case
    assert set(prefilter.prefixes) == {"according to nhs", "according to the", "figures from the"}
    assert not may_match(compiled, "no source here at all.")
    assert prefiltered_spans(compiled, text) == spans == [m.span() for m in compiled.finditer(text)]


def test_parts_that_ignore_case_are_never_read_as_written():
    from lint.matching import _prefixes, _required

    # read as heeding case, "(?i:nhs)" would give "nhs", and "NHS" would be skipped
    assert _prefixes(r"(?i:nhs)\s+says", 0) is None
    assert _required(r"\bthe\s+(?i:registry)\b", 0) is None
    assert _prefixes(r"(?i:nhs)\s+says", re.I) == ("nhs says",)


def test_too_many_ways_on_stop_the_prefixes_before_they_are_cut_short():
    # a currency then a number: cut to two characters the prefixes would be "in" and "r ", found at every other word
    compiled = compile_builtin(r"(?<![\w])(?:R|Rs\.?|INR|EUR|GBP|₹)\s?\d[\d,.]*\s+off\b", re.I)
    prefixes = Prefilter.of(compiled).prefixes
    assert {"inr 5", "inr5", "r 5", "rs.5", "₹5"} <= set(prefixes) and "in" not in prefixes
    text = "Save INR 5,000 off, or Rs.2500 off today; in 5 days r 5 off"
    assert prefiltered_spans(compiled, text) == [(5, 18), (23, 34), (52, 59)] == [m.span() for m in compiled.finditer(text)]
    # a single alternation too long to keep is still cut (stopping before it would leave no prefix at all)
    words = [f"w{i:03d}x" for i in range(300)]
    assert Prefilter.of(compile_builtin(r"\b(?:" + "|".join(words) + r")\b", re.I)).prefixes


def test_a_word_on_every_page_is_no_string_every_match_must_contain():
    # "the" rules out no page; the rarer words after it do
    compiled = compile_builtin(r"\bthe\s+(?:top|number\s+one)\b", re.I)
    assert Prefilter.of(compiled).factors == ("number one", "top")
    assert not may_match(compiled, "The surgeon and the team.")
    assert prefiltered_spans(compiled, "Voted the number one and THE TOP.") == [(6, 20), (25, 32)]


def test_a_digit_makes_a_short_string_every_match_contains_worth_finding():
    # "no. 1" and "#1" are found by their "1" (prose has few numbers), so the alternation still rules pages out
    compiled = compile_builtin(r"(?:\bleading|\bno\.?\s*1|#1)\b", re.I)
    assert Prefilter.of(compiled).factors == ("#1", "1", "leading")
    assert not may_match(compiled, "No clinic here, none at all.")
    assert prefiltered_spans(compiled, "The No. 1 clinic and the #1 clinic.") == [(4, 9), (25, 27)]


@pytest.mark.parametrize("text, spans", [
    ("However, every fever is the best ever.", []),
    ("The finest  lenses\never   made, and the best ever\tbuilt.", [(4, 30), (40, 55)]),
])
def test_spaces_around_a_word_make_it_the_word_a_match_must_contain(text, spans):
    # "ever" alone is in "however", "every" and "fever": " ever " is the word
    compiled = compile_builtin(r"\b[a-z]+est\b(?:\s+[\w-]+){0,2}?\s+ever\s+(?:made|built)\b", re.I)
    assert Prefilter.of(compiled).factors == (" ever ",)
    assert may_match(compiled, text) == bool(spans)
    assert prefiltered_spans(compiled, text) == spans == [m.span() for m in compiled.finditer(text)]


@pytest.mark.parametrize("text, spans", [
    ("The best team's care is the finest.", []),
    ("Ohio's best clinic and the region’s  finest team.", [(0, 11), (23, 43)]),
])
def test_what_follows_a_group_or_class_is_read_into_the_strings_a_match_must_contain(text, spans):
    # neither "'s" (too short) nor "best" (too common) rules a page out; "'s best" does
    compiled = compile_builtin(r"\b(?:(?-i:[A-Z]\w+)|the\s+region)['’]s\s+(?:best|finest)\b", re.I)
    assert Prefilter.of(compiled).factors == ("'s best", "'s finest", "’s best", "’s finest")
    assert may_match(compiled, text) == bool(spans)
    assert prefiltered_spans(compiled, text) == spans == [m.span() for m in compiled.finditer(text)]

