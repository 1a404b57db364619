"""Work that grows faster than the page: one long word, one long block, one long run of
punctuation. Each test measures memory or counts operations at two sizes (or at one size that
took seconds before the fix and takes milliseconds after), so that it stays fast and fails if
the work grows with the square of the input again."""

from __future__ import annotations

import itertools
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
    # (the least of several runs each: a busy machine only ever adds time, most to the short run's few milliseconds)
    return best_seconds(lambda: lint_page(large), 3) / best_seconds(lambda: lint_page(small), 7)


def test_a_long__unknown_word_is_reported_without_a_search_for_suggestions(spl):
    word = "a" * 2000
    found = []
    peak = peak_bytes(lambda: found.extend(lint_text(spl, f"After thyroid surgery the {word} settles.").findings))
    # every one-slip variant of a 2,000-letter word is 54 x 2,000 strings of 2,000 letters: over 200 MB
    assert peak < 20_000_000
    assert [(f.code, len(f.text), f.suggestions) for f in found] == [("SPL002", 2000, ())]
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


def test_a_squeezed_nerve_grows_linearly_with_one_long_sentence():
    ana = Linter(Settings(select=["ANA002"]))
    clause = "cubital tunnel release takes the pressure off the median nerve and "

    def page(n: int) -> str:
        return "# Cubital tunnel release\n\nAt your elbow, " + clause * n + "the pain goes.\n"

    assert len([f for f in lint_text(ana, page(3)).findings if f.code == "ANA002"]) == 3
    # four times the nerves in one sentence: about four times the time when linear, sixteen when each nerve reads the
    # whole sentence's terms again (as the first version did: 9 s for 2,000 nerves)
    assert growth(lambda text: lint_text(ana, text), page(500), page(2000)) < 8


def test_promotional_phrases_grow_linearly_with_a_one_line_block():
    prm = Linter(Settings(select=["PRM001"]))
    line = "The knee surgery is revolutionary. Varicose vein removal is revolutionary too. "
    # four times the matches in one block: about four times the time when linear, sixteen when each match is tested
    # against every other (0.15 s and 2.1 s before the fix, 0.02 s and 0.08 s after)
    ratio = growth(lambda text: lint_text(prm, text), (line * 400)[:25_000], (line * 1600)[:100_000])
    assert ratio < 8


class CountedSpan:
    """A finding as the engine's settling reads it, counting how often its offsets are read."""

    reads = 0

    def __init__(self, code: str, start: int, end: int):
        self.code, self._start, self._end = code, start, end

    @property
    def start(self) -> int:
        CountedSpan.reads += 1
        return self._start

    @property
    def end(self) -> int:
        CountedSpan.reads += 1
        return self._end


def offset_reads_settling(count: int) -> int:
    """Offsets read to settle ``count`` sentence-model findings beside ``count`` findings of the rule it defers to,
    none overlapping (the worst case: no finding is dropped early)."""
    from lint.engine import _settle_model_findings

    class Checker:
        class rule:
            code = "PRM007"

        defers_to = ("PRM001",)

    found = {}
    for i in range(count):
        found[("PRM001", 20 * i, 20 * i + 5)] = CountedSpan("PRM001", 20 * i, 20 * i + 5)
        found[("PRM007", 20 * i + 10, 20 * i + 15)] = CountedSpan("PRM007", 20 * i + 10, 20 * i + 15)
    CountedSpan.reads = 0
    settled = _settle_model_findings(found, {}, [Checker])
    assert len(settled) == 2 * count  # nothing overlaps: every finding stays
    return CountedSpan.reads


def test_deferral_reads_each_finding_a_bounded_number_of_times():
    # twice the findings: twice the reads when linear, four times when each finding is tested against every other
    assert offset_reads_settling(2000) < 3 * offset_reads_settling(1000)


@pytest.mark.parametrize("run", ["[{}]", "&{}&"], ids=["brackets", "ampersands"])
def test_the_tokenizer_grows_linearly_with_a_run_of_punctuation(spl, run):
    tokenizer = spl.nlp.tokenizer
    calls = itertools.count()

    def page(n: int) -> str:
        return run[0] * n + "Thyroid" + run[-1] * n

    def tokenize_afresh(text: str):
        # another word in the middle each time: the tokenizer keeps the tokens of a chunk it has seen
        return tokenizer(text.replace("Thyroid", f"Thyroid{next(calls)}"))

    # four times the run: about four times the time when linear, sixteen when each bracket taken off searches the
    # rest of the run for a suffix
    assert growth(tokenize_afresh, page(1000), page(4000)) < 8
    assert [t.text for t in tokenizer(page(3))] == [run[0]] * 3 + ["Thyroid"] + [run[-1]] * 3


@pytest.mark.parametrize("run", ["<", "`"], ids=["angle-brackets", "backticks"])
def test_the_markdown_reader_grows_linearly_with_a_run_of_markup_openers(run):
    # each "<" searched the rest of the block for an e-mail autolink's "@" (200,000 of them: 400 s), and a run of
    # backticks tried every split of itself as a code span's opening and closing (10,000: 15 s)
    from lint.documents import parse

    def read(text: str):
        return parse("page.md", "# Knee\n\nRest " + text + " well.\n")

    assert growth(read, run * 2000, run * 8000) < 8
    assert "well" in read(run * 5).blocks[-1].text
