"""Does a page's linting time grow linearly with its size? Odd, huge pages at sizes N, 2N and 4N.

    python bench/worst_case.py                    # every shape, the least of 2 runs per figure
    python bench/worst_case.py --shape table --shape footnotes --runs 3
    python bench/worst_case.py --scale 2          # every page twice as large (N doubled)

Content repositories hold pages no fixture looks like: an exported HTML page of megabytes, a table of
thousands of rows, a paragraph of hundreds of kilobytes with no full stop, thousands of list items,
headings, links, reference markers or footnotes, a page of nothing but figures, a line of one word
repeated, tags nested hundreds deep. Each shape here is generated in code from a few sentences on
varied topics (thyroid, prostate, knee, varicose veins...) at three sizes, each twice the last, and
linted in one process with every default rule (``lint.engine.Linter`` with ``load_settings(None)``,
as ``rule_costs.py`` does; the garbage collector set as a run sets it). For each shape it prints
the CPU seconds (``time.process_time``, the least over ``--runs``) of each size and the growth
factor of each doubling: about 2 is linear, 4 quadratic. For a shape that grows faster than
``--limit`` (2.6x) per doubling, it names the rules whose ``check`` accounts for the growth (their
seconds at N and 4N) and the rest of the pass (the reader, the spaCy pipeline, findings), so the
profiler can be pointed at the right place.

The sizes are modest (the largest page lints in seconds) so that the script runs in a couple of
minutes; ``--scale`` multiplies them.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
# the checkout this script is in, not an installed medlint (an editable install of another worktree)
sys.path.insert(0, str(ROOT))

from rule_costs import rule_times  # noqa: E402 - (this folder's scripts share the rule timer)

SENTENCES = (
    "An underactive thyroid gland can make you feel tired, cold and low in mood.",
    "Your doctor may offer a blood test to check your thyroid hormone levels.",
    "Prostate cancer often grows slowly and may not cause symptoms for many years.",
    "A PSA test measures a protein made by the prostate gland.",
    "Knee pain after a fall can be caused by a torn ligament or cartilage.",
    "Physiotherapy exercises help to strengthen the muscles around the knee.",
    "Varicose veins are swollen, twisted veins that you can see under the skin.",
    "Wearing compression stockings may ease the aching in your legs.",
    "Take your tablets at the same time each day, with a glass of water.",
    "Speak to your GP if your symptoms get worse or do not improve after two weeks.",
)
WORDS = " ".join(SENTENCES).replace(".", "").replace(",", "").split()
FIGURES = ("1 in 100", "2%", "3 in 10", "45%", "0.5 mg", "1 in 4", "12%", "2 to 3 weeks", "70%", "1 in 1,000")


def sentence(i: int) -> str:
    return SENTENCES[i % len(SENTENCES)]


# -- the shapes: each makes a page of about n units (paragraphs, rows, items...) -------------------------
def html_export(n: int) -> tuple[str, str]:
    """An exported HTML page: head, nav, sections of paragraphs, a footer."""
    parts = ["<!DOCTYPE html><html><head><title>Thyroid, prostate and knee health</title>",
             '<meta name="description" content="About common conditions."></head><body>',
             '<nav><a href="/">Home</a> <a href="/conditions">Conditions</a></nav><main><h1>Common conditions</h1>']
    for i in range(n):
        if i % 8 == 0:
            parts.append(f"<h2>Section {i // 8 + 1}: {WORDS[i % len(WORDS)]}</h2>")
        parts.append(f'<p class="body-text"><span>{sentence(i)}</span> {sentence(i + 3)} '
                     f'<a href="/page-{i}">Read more about this</a>.</p>')
    parts.append("</main><footer><p>Reviewed by the clinical team.</p></footer></body></html>")
    return ".html", "\n".join(parts)


def table(n: int) -> tuple[str, str]:
    """A Markdown table of n rows."""
    rows = ["# Test results", "", "| Test | Result | Note |", "| --- | --- | --- |"]
    for i in range(n):
        rows.append(f"| {WORDS[i % len(WORDS)]} test {i} | {FIGURES[i % len(FIGURES)]} | {sentence(i)} |")
    return ".md", "\n".join(rows) + "\n"


def run_on(n: int) -> tuple[str, str]:
    """One paragraph of n clauses with no full stop."""
    clauses = [sentence(i).rstrip(".").lower() for i in range(n)]
    return ".md", "# What to expect\n\n" + ", and ".join(clauses) + "\n"


def list_items(n: int) -> tuple[str, str]:
    """A Markdown list of n items."""
    return ".md", "# Advice\n\n" + "\n".join(f"- {sentence(i)}" for i in range(n)) + "\n"


def headings(n: int) -> tuple[str, str]:
    """n headings, each with one short paragraph."""
    parts = ["# Conditions A to Z", ""]
    for i in range(n):
        parts += [f"## {WORDS[i % len(WORDS)].capitalize()} {i}", "", sentence(i), ""]
    return ".md", "\n".join(parts)


def numbers(n: int) -> tuple[str, str]:
    """A page of nothing but figures: one paragraph "1 in 100, 2%, ..." of n figures and one full stop."""
    return ".md", "# Figures\n\n" + ", ".join(FIGURES[i % len(FIGURES)] for i in range(n)) + ".\n"


def links(n: int) -> tuple[str, str]:
    """Paragraphs of sentences each with a Markdown link, n links in all."""
    paragraphs = []
    for start in range(0, n, 10):
        paragraphs.append(" ".join(f"See [{WORDS[i % len(WORDS)]} advice](https://example.org/{i}) "
                                   f"on {WORDS[(i + 5) % len(WORDS)]}." for i in range(start, min(n, start + 10))))
    return ".md", "# Links\n\n" + "\n\n".join(paragraphs) + "\n"


def reference_markers(n: int) -> tuple[str, str]:
    """One long paragraph of sentences each ending in a reference marker ("[12]", "³")."""
    sentences = [f"{sentence(i)[:-1]}.[{i + 1}]" if i % 2 else f"{sentence(i)}³" for i in range(n)]
    return ".md", "# How treatment helps\n\n" + " ".join(sentences) + "\n"


def reference_block(n: int) -> tuple[str, str]:
    """A references section run into one paragraph of n citations (a pasted reference list)."""
    journals = ("BMJ", "NEJM", "JAMA", "BJU Int", "Thyroid")
    citations = [f"{i + 1}. Smith J, Patel R. {WORDS[i % len(WORDS)].capitalize()} and the PSA test in UK GP practice. "
                 f"{journals[i % len(journals)]} 20{10 + i % 15}; {i % 90 + 1}: {i + 10}-{i + 19}." for i in range(n)]
    return ".md", "# Thyroid\n\nAn underactive thyroid is common.\n\n## References\n\n" + " ".join(citations) + "\n"


def repeated_word(n: int) -> tuple[str, str]:
    """A line of one word repeated 10n times."""
    return ".txt", "Thyroid\n\n" + " ".join(["thyroid"] * (10 * n)) + "\n"


def nested_html(n: int) -> tuple[str, str]:
    """Tags nested n deep, with a sentence at each level."""
    opening = "".join(f"<div><span>{sentence(i)}</span>" for i in range(n))
    return ".html", f"<html><body><h1>Knee pain</h1>{opening}{'</div>' * n}</body></html>"


def footnotes(n: int) -> tuple[str, str]:
    """A Markdown page with n footnote references and their n definitions."""
    body = [f"{sentence(i)[:-1]}[^{i + 1}]." for i in range(n)]
    paragraphs = [" ".join(body[start:start + 10]) for start in range(0, n, 10)]
    notes = [f"[^{i + 1}]: Smith J et al. Study {i + 1} of {WORDS[i % len(WORDS)]}. BMJ 2020." for i in range(n)]
    return ".md", "# Thyroid treatment\n\n" + "\n\n".join(paragraphs) + "\n\n" + "\n".join(notes) + "\n"


def glossary(n: int) -> tuple[str, str]:
    """A loose Markdown definition list of n terms, blank lines between each term and its definition, and a run of
    10n blank lines before the last definition."""
    entries = [f"{WORDS[i % len(WORDS)].capitalize()} {i}\n\n\n: {sentence(i)}\n" for i in range(n)]
    return ".md", "# Thyroid words\n\n" + "\n".join(entries) + "\nTotal thyroidectomy" + "\n" * (10 * n) + \
        ": Taking out the whole gland.\n"


def long_word(n: int) -> tuple[str, str]:
    """One unknown "word" of 10n letters (medical words run together with no space) in a sentence."""
    letters = "".join(WORDS).lower()
    word = (letters * (10 * n // len(letters) + 1))[: 10 * n]
    return ".md", f"# Thyroid\n\nAfter the operation the {word} settles.\n"


def one_line_page(n: int) -> tuple[str, str]:
    """A whole page of n sentences on one line (one block), every fourth a promotional claim."""
    claims = ("The knee surgery is revolutionary.", "Our prostate treatment is painless.")
    parts = [claims[(i // 4) % 2] if i % 4 == 3 else sentence(i) for i in range(n)]
    return ".md", " ".join(parts) + "\n"


def punctuation_run(n: int) -> tuple[str, str]:
    """A word in 10n brackets each side, and a run of 10n ampersands: chunks with no space for the tokenizer."""
    return ".md", "# Varicose veins\n\n" + "[" * (10 * n) + "Thyroid" + "]" * (10 * n) + "\n\n" + "&" * (10 * n) + "\n"


#: each shape, and its N (units at the smallest size)
SHAPES = {
    "html_export": (html_export, 400),
    "table": (table, 500),
    "run_on": (run_on, 250),
    "list": (list_items, 500),
    "headings": (headings, 400),
    "numbers": (numbers, 500),
    "links": (links, 500),
    "reference_markers": (reference_markers, 400),
    "reference_block": (reference_block, 400),
    "repeated_word": (repeated_word, 500),
    "nested_html": (nested_html, 150),
    "footnotes": (footnotes, 400),
    "glossary": (glossary, 400),
    "long_word": (long_word, 500),
    "one_line_page": (one_line_page, 1000),
    "punctuation_run": (punctuation_run, 500),
}


def make_linter():
    from lint.config import load_settings
    from lint.engine import Linter

    return Linter(load_settings(None))


def lint_timed(linter, path: str) -> tuple[float, dict[str, float]]:
    """CPU seconds of one pass over the page, and each rule's ``check`` within it."""
    with rule_times(linter) as spent:
        start = time.process_time()
        result = linter.lint_file(path)
        total = time.process_time() - start
    if result.error:
        raise SystemExit(f"{path}: {result.error}")
    return total, dict(spent)


def measure(linter, path: str, runs: int) -> tuple[float, dict[str, float]]:
    """The least CPU seconds of the pass and of each rule over the runs."""
    least_total = float("inf")
    least: dict[str, float] = {}
    for _ in range(runs):
        total, spent = lint_timed(linter, path)
        least_total = min(least_total, total)
        for code, seconds in spent.items():
            least[code] = min(least.get(code, seconds), seconds)
    return least_total, least


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only this shape (repeatable)")
    parser.add_argument("--runs", type=int, default=2, help="timed runs per page; each figure is the least (default 2)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every N by this (default 1)")
    parser.add_argument("--limit", type=float, default=2.6, help="growth per doubling above which the rules are shown")
    parser.add_argument("--top", type=int, default=4, help="rules shown for a superlinear shape (default 4)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.scale <= 0:
        parser.error("--runs must be at least 1 and --scale positive")

    from lint.runner import _YOUNG_COLLECTION_THRESHOLD

    linter = make_linter()
    shapes = args.shape or list(SHAPES)
    with tempfile.TemporaryDirectory(prefix="medlint-worst-case-") as tmp:
        warm_suffix, warm_text = list_items(20)
        warm = Path(tmp) / f"warm{warm_suffix}"
        warm.write_text(warm_text, encoding="utf-8")
        linter.lint_file(str(warm))  # the pipeline built, patterns compiled, first-use caches filled
        gc.freeze()
        threshold = gc.get_threshold()
        gc.set_threshold(_YOUNG_COLLECTION_THRESHOLD, *threshold[1:])
        print(f"CPU seconds per page, the least of {args.runs} runs; growth per doubling (2 is linear, 4 quadratic)")
        print(f"{'shape':18} {'N':>6} {'KB at 4N':>9} {'N s':>8} {'2N s':>8} {'4N s':>8} {'x2N':>6} {'x4N':>6}")
        try:
            for name in shapes:
                make, base = SHAPES[name]
                n = max(1, round(base * args.scale))
                seconds, rules, size = [], [], 0
                for units in (n, 2 * n, 4 * n):
                    suffix, text = make(units)
                    path = Path(tmp) / f"{name}-{units}{suffix}"
                    path.write_text(text, encoding="utf-8")
                    size = len(text.encode("utf-8"))
                    total, spent = measure(linter, str(path), args.runs)
                    seconds.append(total)
                    rules.append(spent)
                growth = [later / max(earlier, 1e-6) for earlier, later in zip(seconds, seconds[1:])]
                print(f"{name:18} {n:6} {size / 1000:9.0f} {seconds[0]:8.2f} {seconds[1]:8.2f} {seconds[2]:8.2f} "
                      f"{growth[0]:6.2f} {growth[1]:6.2f}", flush=True)
                if max(growth) > args.limit:
                    print(_growth_report(seconds, rules, args.top), flush=True)
        finally:
            gc.set_threshold(*threshold)
            gc.unfreeze()
    return 0


def _growth_report(seconds: list[float], rules: list[dict[str, float]], top: int) -> str:
    """The rules that account for a shape's growth from N to 4N, and the rest of the pass."""
    first, last = rules[0], rules[-1]
    added = {code: last.get(code, 0.0) - 4 * first.get(code, 0.0) for code in last}  # beyond linear
    ranked = sorted(added, key=lambda code: -added[code])[:top]
    lines = [f"{'':20}{'rule':8} {'N s':>8} {'4N s':>8} {'x per doubling':>15}"]
    for code in ranked:
        before, after = first.get(code, 0.0), last.get(code, 0.0)
        lines.append(f"{'':20}{code:8} {before:8.3f} {after:8.3f} {(after / max(before, 1e-6)) ** 0.5:15.2f}")
    rest_before = seconds[0] - sum(first.values())
    rest_after = seconds[-1] - sum(last.values())
    lines.append(f"{'':20}{'the rest':8} {rest_before:8.3f} {rest_after:8.3f} "
                 f"{(max(rest_after, 0.0) / max(rest_before, 1e-6)) ** 0.5:15.2f}   (reader, pipeline, findings)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
