"""matching.Prefilter: a page is skipped only when the pattern cannot match it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.matching import Prefilter, compile_builtin

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("pattern, flags, prefixes", [
    (r"\b(?:spaces|slots)\s+(?:left|remaining)", re.I, ("slots", "spaces")),
    (r"\b(?:the\s+)?(?:best|safest)\s+surgeon", re.I, ("best", "safest", "the")),
    (r"(?<![\w-])(?:Book|call)\s+now", 0, ("Book", "call")),
    (r"(?:x-?ray|scan)s?", re.I, ("scan", "x-", "xray")),
])
def test_prefixes_are_the_literal_starts_of_every_match(pattern, flags, prefixes):
    assert Prefilter.of(compile_builtin(pattern, flags)).prefixes == prefixes


@pytest.mark.parametrize("pattern", [r"\d+\s*%", r"\w+ly\b", r"(?:a|bc)d", r"."])
def test_no_prefilter_when_a_match_may_start_anywhere(pattern):
    assert Prefilter.of(compile_builtin(pattern, re.I)) is None


@pytest.mark.parametrize("pattern, factors", [
    # the longest words every match must contain, wherever they stand
    (r"\bthe\s+safest\s+(?:[\w-]+\s+){0,2}?(?:procedure|operation)", ("operation", "procedure")),
    (r"(?:best)?\s+results", ("results",)),
    (r"\b(?:spaces|places)\s+left", ("places", "spaces")),
    (r"\d+\s*%\s+(?:of\s+)?patients", ("patients",)),
    (r"\b(?:miracle|wonder)(?:\s+cure)+", ("miracle", "wonder")),
    (r"\b(?:no|zero)\s+pain", ("pain",)),
])
def test_factors_are_strings_every_match_contains(pattern, factors):
    prefilter = Prefilter.of(compile_builtin(pattern, re.I))
    assert prefilter.factors == factors


@pytest.mark.parametrize("pattern", [
    r"\d+\s*%", r"\b(?:no|zero)\b", r"(?:safest|best)?\s*\d+%", r"(?:risk|pain|ok)\s+free|\d+", r"(?!best)\w+",
])
def test_no_factors_when_no_word_is_certain(pattern):
    prefilter = Prefilter.of(compile_builtin(pattern, re.I))
    assert prefilter is None or prefilter.factors == ()


def test_a_pattern_without_prefixes_is_scanned_where_its_factors_occur():
    compiled = compile_builtin(r"\d+\s*%\s+of\s+patients", re.I)
    prefilter = Prefilter.of(compiled)
    assert prefilter.prefixes == () and prefilter.factors == ("patients",)
    assert not prefilter.may_match("90% of people", "90% of people")
    text = "Around 90% of PATIENTS and 5 % of patients"
    assert [m.span() for m in prefilter.finditer(compiled, text, text.lower())] == [
        m.span() for m in compiled.finditer(text)]


def test_case_matters_only_for_a_case_sensitive_pattern():
    sensitive = Prefilter.of(compile_builtin(r"\bNHS\b", 0))
    assert not sensitive.may_match("the nhs says", "the nhs says")
    folded = Prefilter.of(compile_builtin(r"\bnhs\b", re.I))
    assert folded.may_match("The NHS says", "the nhs says")
    # outside ASCII, lower case is not case folding: never skipped
    kelvin = "\u212a"
    assert compile_builtin("kg", re.I).search(f"5 {kelvin}g")
    assert Prefilter.of(compile_builtin(r"\bkg\b", re.I)).may_match(f"5 {kelvin}g", f"5 {kelvin}g".lower())


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


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
def test_a_skipped_text_never_holds_a_match_of_any_rule_pattern(text):
    assert len(RULE_PATTERNS) > 50
    lowered = text.lower()
    for pattern in RULE_PATTERNS:
        compiled = compile_builtin(pattern, re.I)
        prefilter = Prefilter.of(compiled)
        if prefilter is not None and not prefilter.may_match(text, lowered):
            assert compiled.search(text) is None, pattern


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(WORDS + ["İ", "ſafe", "naïve", "café", "Kelvin-\u212a", "’"]), max_size=30).map(" ".join))
def test_matching_only_at_the_prefixes_finds_what_a_scan_finds(text):
    lowered = text.lower()
    checked = 0
    for pattern in RULE_PATTERNS:
        compiled = compile_builtin(pattern, re.I)
        prefilter = Prefilter.of(compiled)
        if prefilter is None:
            continue
        checked += 1
        expected = [m.span() for m in compiled.finditer(text)]
        assert [m.span() for m in prefilter.finditer(compiled, text, lowered)] == expected, pattern
    assert checked > 50


@pytest.mark.parametrize("text", ["ſafe and painleſs", "RİSK-FREE", "İ risk-free", "100% ſafe"])
def test_case_folding_traps_fall_back_to_a_scan(text):
    compiled = compile_builtin(r"\b(?:risk-free|painless|safe)\b", re.I)
    prefilter = Prefilter.of(compiled)
    expected = [m.span() for m in compiled.finditer(text)]
    assert [m.span() for m in prefilter.finditer(compiled, text, text.lower())] == expected
