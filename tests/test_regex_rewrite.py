"""Alternations compiled as tries, with first-letter classes and a search class (lint/regex_rewrite.py): the
compiled code differs from the standard library's, every match and group is the same."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lint.compiled as compiled
from lint.regex_rewrite import ignore_case_variants
from tests.test_prefilter import RULE_PATTERNS, _lexicon_patterns, _sample_pages

TRAPS = ["\u212a", "\u017f", "\u0130", "\u0131", "ß", "ς", "e\u0301", "’"]


def ours(pattern: str, flags: int = 0) -> re.Pattern:
    """The pattern as medlint compiles it (not from the stored table)."""
    import _sre

    return _sre.compile(pattern, *compiled._generate(pattern, flags))


def standard_code(pattern: str, flags: int = 0) -> list:
    from re import _compiler, _parser

    return _compiler._code(_parser.parse(pattern, flags), flags)


def found(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]


def same_as_standard(pattern: str, flags: int, texts) -> None:
    mine, reference = ours(pattern, flags), re.compile(pattern, flags)
    assert mine.pattern == reference.pattern and mine.groupindex == reference.groupindex
    for text in texts:
        assert found(mine, text) == found(reference, text), (pattern, text)
        assert [m.span() for m in (mine.match(text, i) for i in range(0, len(text), 7)) if m] == \
            [m.span() for m in (reference.match(text, i) for i in range(0, len(text), 7)) if m]


def _compiles(pattern: str, flags: int) -> bool:
    try:
        re.compile(pattern, flags)
    except re.error:
        return False  # a pattern for the regex module (a look-behind of varying width)
    return True


def _all_patterns() -> list[tuple[str, int]]:
    patterns = [(p, re.I) for p in RULE_PATTERNS] + [(p.pattern, p.flags) for p in _lexicon_patterns()]
    return [(p, f) for p, f in patterns if _compiles(p, f)]


def _with_traps(text: str) -> str:
    """Letters that match ASCII ones only when case is ignored, put where words start."""
    out = text.replace(" s", " \u017f", 3).replace(" k", " \u212a", 3).replace(" i", " \u0130", 3)
    return out.replace(" I", " \u0131", 3)


def test_every_rule_pattern_matches_as_the_standard_library_compiles_it():
    pages = _sample_pages(step=60)
    texts = [t for page in pages for t in (page, page.upper(), _with_traps(page))]
    patterns = _all_patterns()
    assert len(patterns) > 400
    rewritten = 0
    for pattern, flags in patterns:
        same_as_standard(pattern, flags, texts)
        rewritten += compiled._generate(pattern, flags)[1] != standard_code(pattern, flags)
    assert rewritten > 300  # the rewrite is not silently off


WORDS = ["one", "only", "ones", "two", "ten", "twelve", "ratio", "rate", "risk", "risky", "doctors", "dentists",
         "experts", "see", "seen", "kidney", "skin", "sinus", "iris", "in", "is", "a", "ab", "abc", "ac", "x", "1",
         "10", "2.5", "%", "-", ",", "."] + TRAPS


@pytest.mark.parametrize("pattern, flags", [
    (r"\b(?:one|only|ones|on)\b", re.I),
    (r"(?:one|only|ones|on)", re.I),
    (r"(?:ab|a|abc)", 0),
    (r"(?:a|ab|abc)c?", 0),
    (r"(?:ab|[a-z]x|ac)", 0),
    (r"(?:ab|\s*x|ac)", 0),
    (r"(?:ab||ac)", 0),
    (r"(?P<num>one|only|two|ten)\s+(?:in|is)\b|(?P<word>dentists|doctors|experts)", re.I),
    (r"(?<![\w.,/])(?:\d+(?:\.\d+)?|one|two|ten|twelve)\s*(?:%|in\s+(?:one|ten|\d+))", re.I),
    (r"(?i:kidney|skin|sinus|iris|is|in)", 0),
    (r"(?-i:Kidney|Skin|sinus)|(?:kidney|skin)", re.I),
    (r"(?<=ab|ac)x|(?<=ratio|rates) x", re.I),
    (r"\b(?:see|seen)\b(?:(?!x)(?:one|only))?", re.I),
    (r"(?:r(?:ate|atio)|risk(?:y|s)?)+", re.I),
    (r"^(?:one|only|two)|(?:one|ten)$", re.I | re.M),
    (r"(?:a|b|ab)(?:c|bc)", 0),
    (r"(?=\b(?:one|ten|two)\s)(?s:.)|(?=(?<![\w.,/])\d)(?s:.)", re.I),
    (r"(?=(?:one|x?)\b)(?s:.)", re.I),
])
@settings(max_examples=120, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "", "  ", "\n", "-"])), max_size=25))
def test_hand_made_alternations_match_as_before(pattern, flags, pairs):
    text = "".join(w + g for w, g in pairs)
    same_as_standard(pattern, flags, [text, text.upper(), text.title()])


def test_branches_are_merged_on_their_first_letters():
    pattern = r"(?i)\b(?:doctors|dentists|experts|explained)\b"
    assert compiled._generate(pattern, 0)[1] != standard_code(pattern)
    assert [m.group() for m in ours(pattern).finditer("Dentists, DOCTORS and \u212a experts explained")] == [
        "Dentists", "DOCTORS", "experts", "explained"]


def test_a_branch_is_not_moved_past_one_that_may_start_at_the_same_place():
    # merging "ac" with "ab" would try it before "[a-z]x", which also starts with "a"
    assert ours("(?:ab|[a-z]x|ac)").match("ax").group() == "ax"
    from re import _parser

    from lint.regex_rewrite import _grouped

    branches = _parser.parse("ab|[a-z]x|ac").data[0][1][1]
    assert _grouped(branches, False, ignore_case_variants()) is None
    branches = _parser.parse(r"ab|\s+x|ac").data[0][1][1]
    assert _grouped(branches, False, ignore_case_variants()) == [[0, 2], [1]]


def test_the_first_of_several_alternatives_that_match_is_still_preferred():
    assert ours("(?:ab|a|abc)").match("abc").group() == "ab"
    assert ours("(?:a|ab|abc)").match("abc").group() == "a"
    assert ours("(?:a|ab|abc)c").match("abc").group() == "abc"


@pytest.mark.parametrize("letter, other", [("k", "\u212a"), ("s", "\u017f"), ("i", "\u0130"), ("i", "\u0131")])
def test_the_case_variants_are_those_the_engine_matches(letter, other):
    variants = ignore_case_variants()
    assert other in variants[letter] and letter.upper() in variants[letter]
    for each, chars in variants.items():
        assert all(re.fullmatch("(?i)" + each, ch) for ch in chars)
    # a branch that starts with that letter still matches the other character
    assert ours(rf"(?i)\b(?:{letter}x|{letter}y|zz)").search(other + "y")


def test_a_search_class_is_added_where_the_compiler_found_none():
    from re import _constants as c

    code = compiled._generate(r"(?i)\b(?:one|two)\s+in\b", 0)[1]
    assert code[0] == c.INFO and code[2] == c.SRE_INFO_CHARSET
    assert standard_code(r"(?i)\b(?:one|two)\s+in\b", re.I)[2] == 0
    # a pattern that starts with "^" is tried at the start only: no class
    assert compiled._generate(r"(?i)^(?:one|two)", 0)[1][2] == 0
    # a pattern that may start with anything, or match nothing, gets none
    assert compiled._generate(r"(?i)\b(?:one|.x)", 0)[1][2] == 0
    assert compiled._generate(r"(?:one|two)?", 0)[1][2] == 0
    # a look-ahead's start is the match's: a prefilter's look-ahead for the branches without prefixes gets a class
    assert compiled._generate(r"(?i)(?=(?<![\w.,/])(?:\d|one|two))(?s:.)", 0)[1][2] == c.SRE_INFO_CHARSET
    assert compiled._generate(r"(?i)(?=(?:one|.))(?s:.)", 0)[1][2] == 0
