"""PhraseIndex: a phrase list matched only where a word starts with one of its first words finds what a scan of
the text with each first word's phrases finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.kinds.phrases import PhraseIndex, WordStarts, word_starts

PHRASES = ["risk-free", "risk free guarantee", "no risk", "don't wait", "the best", "the best surgeon", "best",
           "x-ray guided", "crème de la crème", "İnstant results", "24/7 care", "Book now"]
WORDS = ["risk", "free", "Risk", "RISK-FREE", "riskfree", "no", "No", "don't", "don’t", "wait", "the", "The", "best",
         "BEST", "bestseller", "surgeon", "x", "ray", "x-ray", "X-Ray", "guided", "crème", "Crème", "de", "la",
         "İnstant", "instant", "ſtart", "results", "24/7", "care", "book", "now", "pre-risk", "-", "’", ".", ",", "\n"]


def scanned(index: PhraseIndex, text: str) -> list[tuple[int, int]]:
    """What the index finds when it scans the text with the group of each first word the text has."""
    words = set(re.findall(r"[^\W_]+", text))
    present = index.keys & (words if index.case_sensitive else {w.lower() for w in words})
    found = sorted((m for key in present for m in index._group(key).finditer(text)), key=lambda m: (m.start(), -m.end()))
    out, end = [], -1
    for m in found:
        if m.start() >= end:
            end = m.end()
            out.append(m.span())
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.lists(st.sampled_from([" ", "  ", "-", " - ", ""]), min_size=30,
                                                                max_size=30), st.booleans(), st.booleans())
def test_matching_where_first_words_start_finds_what_a_scan_finds(words, gaps, case_sensitive, indexed):
    import lint.kinds.phrases as phrases

    text = "".join(w + g for w, g in zip(words, gaps))
    index = PhraseIndex(PHRASES, case_sensitive)
    # texts this short are scanned in a run; the word-start index is tried on them too
    saved = phrases._INDEXED_TEXT
    phrases._INDEXED_TEXT = 0 if indexed else saved
    try:
        assert [m.span() for m in index.finditer(text)] == scanned(index, text)
    finally:
        phrases._INDEXED_TEXT = saved


def test_words_are_looked_up_by_how_they_begin():
    starts = WordStarts("Risk free, riskfree and no risk-taking", lower=True)
    assert starts.starting_with("risk") == [0, 11, 27]
    assert starts.starting_with("free") == [5]
    assert starts.starting_with("zzz") == []


def test_a_text_that_lower_case_would_misread_is_scanned_whole():
    # the dotted capital I lowers to two characters, and the long s matches "s" when case is ignored
    assert word_starts("İnstant results", lower=True) is None
    assert word_starts("ſtart here", lower=True) is None
    assert word_starts("Crème brûlée", lower=True) is not None
    assert word_starts("İnstant results", lower=False) is not None
