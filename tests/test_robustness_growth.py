"""Work that grows faster than the page: one long word, one long block, one long run of
punctuation. Each test measures memory or counts operations at two sizes (or at one size that
took seconds before the fix and takes milliseconds after), so that it stays fast and fails if
the work grows with the square of the input again."""

from __future__ import annotations

import tracemalloc

import pytest

from lint.config import Settings
from lint.engine import Linter
from tests.helpers import lint_text


@pytest.fixture(scope="module")
def spl():
    linter = Linter(Settings(select=["SPL"]))
    lint_text(linter, "After thyroid surgery the gerbilitis settles.")  # builds the suggestion index once
    return linter


def peak_bytes(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_long_unknown_word_is_reported_without_a_search_for_suggestions(spl):
    word = "a" * 2000
    found = []
    peak = peak_bytes(lambda: found.extend(lint_text(spl, f"After thyroid surgery the {word} settles.").findings))
    # every one-slip variant of a 2,000-letter word is 54 x 2,000 strings of 2,000 letters: over 200 MB
    assert peak < 20_000_000
    assert [(f.code, len(f.text), f.suggestions) for f in found] == [("SPL001", 2000, ())]
    # the longest dictionary word, misspelled, is still given its suggestion
    result = lint_text(spl, "The surgeon said pneumonoultramicroscopicsilicovolcanoconiosys is rare in knee clinics.")
    assert [f.suggestions for f in result.findings] == [("pneumonoultramicroscopicsilicovolcanoconiosis",)]
