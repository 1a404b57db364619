"""Work that grows faster than the page: one long word, one long block, one long run of
punctuation. Each test measures memory or counts operations at two sizes (or at one size that
took seconds before the fix and takes milliseconds after), so that it stays fast and fails if
the work grows with the square of the input again."""

from __future__ import annotations

import time
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


def best_seconds(action, runs: int) -> float:
    """The fastest of a few runs: the least disturbed by other work on the machine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def growth(lint_page, small: str, large: str) -> float:
    """How many times longer linting ``large`` takes than linting ``small``."""
    lint_page(small)  # anything built on first use is built before timing
    return best_seconds(lambda: lint_page(large), 2) / best_seconds(lambda: lint_page(small), 3)


def test_a_long__unknown_word_is_reported_without_a_search_for_suggestions(spl):
    word = "a" * 2000
    found = []
    peak = peak_bytes(lambda: found.extend(lint_text(spl, f"After thyroid surgery the {word} settles.").findings))
    # every one-slip variant of a 2,000-letter word is 54 x 2,000 strings of 2,000 letters: over 200 MB
    assert peak < 20_000_000
    assert [(f.code, len(f.text), f.suggestions) for f in found] == [("SPL001", 2000, ())]
    # the longest dictionary word, misspelled, is still given its suggestion
    result = lint_text(spl, "The surgeon said pneumonoultramicroscopicsilicovolcanoconiosys is rare in knee clinics.")
    assert [f.suggestions for f in result.findings] == [("pneumonoultramicroscopicsilicovolcanoconiosis",)]


def test_anatomy_placing_grows_linearly_with_a_one_line_block():
    ana = Linter(Settings(select=["ANA004"]))
    line = "The knee is a joint that bends. The prostate sits below the bladder. "
    # four times the text: about four times the time when linear, sixteen when each sentence re-reads the block's
    # terms (0.2 s and 3 s before the fix, 0.03 s and 0.12 s after)
    ratio = growth(lambda text: lint_text(ana, text), (line * 700)[:50_000], (line * 2800)[:200_000])
    assert ratio < 8
