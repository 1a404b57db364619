"""The benchmark's corpus builder and one tiny measurement (nothing here is timed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("medlint_benchmark", ROOT / "bench" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_corpus_has_the_pages_asked_for_each_a_distinct_page(bench, tmp_path):
    sources = bench.fixture_pages()
    pages = len(sources) + 7  # every fixture page once, then varied copies
    corpus = bench.build_corpus(tmp_path / "corpus", pages)
    assert len(corpus.files) == pages
    assert len({f.resolve() for f in corpus.files}) == pages
    assert {f.suffix for f in corpus.files} == {".txt", ".md", ".html"}
    texts = [f.read_text(encoding="utf-8") for f in corpus.files]
    assert len(set(texts)) == pages  # a copy differs from its original: a result cache cannot answer it
    # the first round is the fixture pages unchanged; a copy adds one closing line, inside <body> for HTML
    assert texts[0] == sources[0].read_text(encoding="utf-8-sig")
    for n, copy in enumerate(corpus.files[len(sources):]):
        source = sources[n]
        original = source.read_text(encoding="utf-8-sig")
        line = f"{bench._VARIATIONS[1 % len(bench._VARIATIONS)]} (Copy 1.)"
        text = copy.read_text(encoding="utf-8")
        if source.suffix == ".html":
            assert text.replace(f"<p>{line}</p>\n", "", 1) in (original, original.rstrip() + "\n")
            if "</body>" in original:
                assert text.index(line) < text.index("</body>")
        else:
            assert text == f"{original.rstrip()}\n\n{line}\n"
    assert corpus.words == sum(bench.count_words(f) for f in corpus.files) > 100 * pages


def test_copies_add_words_but_no_markup_words(bench, tmp_path):
    page = ROOT / "fixtures" / "clean" / "appendectomy.md"
    copy = tmp_path / "copy.md"
    copy.write_text(bench.vary(page.read_text(encoding="utf-8-sig"), ".md", 3), encoding="utf-8")
    added = bench.count_words(copy) - bench.count_words(page)
    line = bench._VARIATIONS[3 % len(bench._VARIATIONS)]
    assert added == len(line.split()) + 2  # the line and "(Copy 3.)"


def test_one_tiny_measurement_of_medlint(bench, tmp_path):
    corpus = bench.build_corpus(tmp_path / "corpus", 2)
    result = bench.run(bench.medlint_cmd("check", "--fail-on", "never", str(corpus.root)), env=bench.medlint_env())
    assert result.exit_code == 0
    assert result.seconds > 0 and result.cpu_seconds > 0
    assert result.max_rss_kb > 10_000  # a Python process with spaCy loaded uses tens of megabytes
    options = bench.medlint_options()
    assert "--select" in options and "--fail-on" in options


def test_a_failing_command_stops_the_benchmark_with_its_error(bench):
    with pytest.raises(SystemExit, match="no such command"):
        bench.run([sys.executable, "-c", "import sys; print('no such command', file=sys.stderr); sys.exit(3)"])
