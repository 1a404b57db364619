"""Where medlint's time goes: each rule's CPU time on the benchmark corpus, in one process.

    python bench/rule_costs.py                 # 260 pages, the least of 3 runs per figure
    python bench/rule_costs.py --runs 5 --top 15
    python bench/rule_costs.py --corpus DIR    # pages already on disk (benchmark.py --keep DIR)

The throughput target is missed or met by the sum of forty rules, none of which stands out in a
function profile: this prints the sum's parts. The corpus is ``benchmark.py``'s. Every page is
linted once first (patterns compiled, the pipeline built, caches warm), then ``--runs`` times with
each rule's ``check`` timed in CPU seconds (``time.process_time``); each figure is its least over
the runs, as noise only ever adds. "Pages, less the rules" is everything else ``lint_file`` does:
reading and parsing the pages, the spaCy pipeline, turning hits into findings (the garbage collector set as a
run sets it). A rule that is
first to ask for something its page shares with other rules (the page's words, its joined text)
pays for it: read a rule's figure together with those of the rules of its kind.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def measure(files: list[str], runs: int) -> tuple[dict[str, float], float, dict[str, str]]:
    """(the least CPU seconds of each rule's ``check`` over the runs, the least of the whole pass, each rule's kind)."""
    from lint.config import load_settings
    from lint.engine import Linter

    from lint.runner import _YOUNG_COLLECTION_THRESHOLD

    linter = Linter(load_settings(None))
    for path in files:  # warm: compiled patterns, the pipeline, first-use caches
        linter.lint_file(path)
    # the collector as ``lint.runner.run`` sets it while pages are linted: what start-up made frozen out of its
    # sight, and young objects collected less often (with Python's defaults a tenth of the time would be the collector's)
    gc.freeze()
    threshold = gc.get_threshold()
    gc.set_threshold(_YOUNG_COLLECTION_THRESHOLD, *threshold[1:])
    try:
        return _timed_runs(linter, files, runs)
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


@contextmanager
def rule_times(linter):
    """A dict of each rule's CPU seconds in its ``check``, filled while the ``with`` block lints pages."""
    run_rule = linter._run
    spent: dict[str, float] = defaultdict(float)

    def timed(checker, page):
        start = time.process_time()
        try:
            return run_rule(checker, page)
        finally:
            spent[checker.rule.code] += time.process_time() - start

    linter._run = timed
    try:
        yield spent
    finally:
        linter._run = run_rule


def _timed_runs(linter, files: list[str], runs: int) -> tuple[dict[str, float], float, dict[str, str]]:
    least: dict[str, float] = {}
    least_total = float("inf")
    with rule_times(linter) as spent:
        for _ in range(runs):
            spent.clear()
            start = time.process_time()
            for path in files:
                linter.lint_file(path)
            least_total = min(least_total, time.process_time() - start)
            for code, seconds in spent.items():
                least[code] = min(least.get(code, seconds), seconds)
    kinds = {checker.rule.code: checker.rule.kind for checker in linter.checkers}
    return least, least_total, kinds


def report(least: dict[str, float], total: float, kinds: dict[str, str], pages: int, top: int | None) -> str:
    rules = sum(least.values())
    lines = [f"{pages} pages; CPU seconds, the least of each figure over the runs", ""]
    lines.append(f"{'rule':8} {'kind':26} {'seconds':>8} {'of rules':>9}")
    ranked = sorted(least.items(), key=lambda item: (-item[1], item[0]))
    for code, seconds in ranked[:top] if top else ranked:
        share = seconds / rules if rules else 0.0
        lines.append(f"{code:8} {kinds.get(code, ''):26} {seconds:8.3f} {share:9.1%}")
    if top and len(ranked) > top:
        rest = sum(seconds for _, seconds in ranked[top:])
        lines.append(f"{f'the other {len(ranked) - top}':35} {rest:8.3f} {rest / rules if rules else 0.0:9.1%}")
    lines.append("")
    lines.append(f"{'all rules':35} {rules:8.3f}")
    # the least pass and the least of each rule come from different runs: the remainder is an estimate
    lines.append(f"{'pages, less the rules (estimate)':35} {max(0.0, total - rules):8.3f}")
    lines.append(f"{'a whole pass':35} {total:8.3f}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs; each figure is its least (default 3)")
    parser.add_argument("--pages", type=int, default=260, help="pages in the corpus (default 260)")
    parser.add_argument("--corpus", type=Path, help="lint the pages in this folder instead of building a corpus")
    parser.add_argument("--top", type=int, help="show only the costliest rules")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.pages < 1:
        parser.error("--runs and --pages must be at least 1")
    with tempfile.TemporaryDirectory(prefix="medlint-rule-costs-") as tmp:
        if args.corpus is not None:
            if not args.corpus.is_dir():
                parser.error(f"--corpus: no such folder: {args.corpus}")
            files = sorted(str(p) for p in args.corpus.rglob("*") if p.suffix in (".txt", ".md", ".html"))
        else:
            from benchmark import build_corpus

            files = [str(p) for p in build_corpus(Path(tmp) / "corpus", args.pages).files]
        if not files:
            parser.error("no pages to lint")
        least, total, kinds = measure(files, args.runs)
    print(report(least, total, kinds, len(files), args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
