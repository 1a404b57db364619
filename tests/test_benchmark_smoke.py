"""The benchmark's corpus builder and one tiny measurement (nothing here is timed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_script(name: str, filename: str):
    """A script of bench/ as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / filename)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return _load_script("medlint_benchmark", "benchmark.py")


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
    if sys.platform.startswith("linux") and Path("/proc/self/smaps_rollup").exists():
        # the process was sampled while it ran; a page it shares with another process counts only in part
        assert 0 < result.tree_pss_kb <= result.tree_rss_kb
    options = bench.medlint_options()
    assert "--select" in options and "--fail-on" in options


def test_a_failing_command_stops_the_benchmark_with_its_error(bench):
    with pytest.raises(SystemExit, match="no such command"):
        bench.run([sys.executable, "-c", "import sys; print('no such command', file=sys.stderr); sys.exit(3)"])


@pytest.fixture(scope="module")
def rule_costs():
    return _load_script("medlint_rule_costs", "rule_costs.py")


def test_rule_costs_times_every_selected_rule_on_a_few_pages(rule_costs, bench, tmp_path, capsys):
    from lint.config import load_settings
    from lint.engine import load_selected_rules

    corpus = bench.build_corpus(tmp_path / "corpus", 3)
    assert rule_costs.main(["--runs", "1", "--corpus", str(corpus.root)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 pages; CPU seconds")
    _, selected = load_selected_rules(load_settings(None))
    rows = [line.split() for line in out.splitlines() if line[:3].isalpha() and line[3:6].isdigit()]
    assert sorted(row[0] for row in rows) == sorted(rule.code for rule in selected)
    assert {row[1] for row in rows} >= {"substitution", "uncited-claim", "spelling"}
    seconds = [float(row[2]) for row in rows]
    assert seconds == sorted(seconds, reverse=True) and all(s >= 0 for s in seconds)
    assert "all rules" in out and "a whole pass" in out


def test_rule_costs_top_folds_the_rest_into_one_line(rule_costs):
    least = {"AAA001": 3.0, "BBB001": 2.0, "CCC001": 1.0}
    out = rule_costs.report(least, 7.0, {"AAA001": "existence"}, 2, top=1)
    assert "AAA001   existence" in out and "BBB001" not in out
    assert "the other 2" in out and "50.0%" in out.split("the other 2")[1].splitlines()[0]
    assert out.splitlines()[-2].split()[-1] == "1.000"  # the pass less the rules


def test_rule_costs_rejects_a_missing_corpus(rule_costs, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        rule_costs.main(["--corpus", str(tmp_path / "nowhere")])
    assert exit_info.value.code == 2
    assert "no such folder" in capsys.readouterr().err


def test_worst_case_prints_the_growth_of_each_shape_and_the_rules_behind_a_fast_one(capsys):
    worst_case = _load_script("medlint_worst_case", "worst_case.py")
    assert worst_case.main(["--shape", "table", "--shape", "nested_html", "--runs", "1", "--scale", "0.05"]) == 0
    rows = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines()[2:] if line.strip()}
    assert {"table", "nested_html"} <= set(rows)
    assert all(float(rows[name][-1]) > 0 for name in ("table", "nested_html"))  # a growth factor per doubling
    # a shape that grows faster than the limit names its rules and the rest of the pass
    report = worst_case._growth_report([1.0, 4.0, 16.0], [{"AAA001": 0.5}, {"AAA001": 2.0}, {"AAA001": 8.0}], top=3)
    assert "AAA001" in report and "the rest" in report
