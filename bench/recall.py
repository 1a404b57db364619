"""Recall per category on the labelled defect pages, and false findings on the clean pages.

    python bench/recall.py                 # all categories
    python bench/recall.py --category anatomy --category spelling
    python bench/recall.py --missed        # list the labels medlint did not find
    python bench/recall.py --false         # list the findings on the clean pages

A label (fixtures/defects/<page>.labels, format in fixtures/README.md) is found
when a finding of the same category at warning level or above overlaps the labelled
text. A false finding is any finding at warning level or above on a page in
fixtures/clean/. ``--all-levels`` counts info findings too, both ways. Suggestion accuracy is measured for spelling: the share of found
spelling labels whose first suggestion is the word given after ``=>`` in the label
(``spelling recieve => receive``), where a label gives one.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint.config import Settings  # noqa: E402
from lint.documents import SUPPORTED_EXTENSIONS  # noqa: E402
from lint.engine import Linter  # noqa: E402
from lint.model import CATEGORIES  # noqa: E402

_LABEL = re.compile(r"^(?P<cat>[a-z]+)\s+(?P<text>.+?)(?:\s+@(?P<n>\d+))?(?:\s+=>\s+(?P<fix>.+))?\s*$")


def read_labels(page: Path):
    """(category, start, end, expected suggestion) for each label of a page."""
    source = page.read_text(encoding="utf-8-sig")
    labels_file = page.with_name(page.name + ".labels")
    out = []
    for n, line in enumerate(labels_file.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = _LABEL.match(line)
        if not m or m.group("cat") not in CATEGORIES:
            raise SystemExit(f"{labels_file}:{n}: not a label: {line!r}")
        text, occurrence = m.group("text"), int(m.group("n") or 1)
        pos = -1
        for _ in range(occurrence):
            pos = source.find(text, pos + 1)
            if pos == -1:
                raise SystemExit(f"{labels_file}:{n}: {text!r} occurs fewer than {occurrence} times in the page")
        out.append((m.group("cat"), pos, pos + len(text), m.group("fix")))
    return out


def words(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9]+", text))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--category", action="append", choices=CATEGORIES)
    parser.add_argument("--missed", action="store_true", help="list the labels that were not found")
    parser.add_argument("--false", action="store_true", help="list the false findings on the clean pages")
    parser.add_argument("--all-levels", action="store_true", help="count info findings too, as finding a label and as false findings")
    parser.add_argument("--fixtures", type=Path, default=ROOT / "fixtures")
    args = parser.parse_args(argv)
    categories = args.category or list(CATEGORIES)

    linter = Linter(Settings())
    found = defaultdict(int)
    total = defaultdict(int)
    suggest_ok = suggest_total = 0
    missed = []
    for page in sorted((args.fixtures / "defects").glob("*")):
        if page.suffix not in SUPPORTED_EXTENSIONS:
            continue
        result = linter.lint_file(str(page))
        for cat, start, end, fix in read_labels(page):
            if cat not in categories:
                continue
            total[cat] += 1
            hits = [f for f in result.findings if f.category == cat and f.start < end and start < f.end
                    and (args.all_levels or f.severity in ("error", "warning"))]
            if hits:
                found[cat] += 1
                if fix:
                    suggest_total += 1
                    suggest_ok += any(f.suggestions and f.suggestions[0].lower() == fix.lower() for f in hits)
            else:
                missed.append((page.name, cat, result.source[start:end]))

    false = defaultdict(int)
    false_list = []
    clean_words = 0
    for page in sorted((args.fixtures / "clean").glob("*")):
        if page.suffix not in SUPPORTED_EXTENSIONS:
            continue
        result = linter.lint_file(str(page))
        clean_words += sum(words(b.text) for b in linter_blocks(result))
        for f in result.findings:
            if f.category in categories and (args.all_levels or f.severity in ("error", "warning")):
                false[f.category] += 1
                false_list.append((page.name, f.line, f.code, f.text))

    print(f"{'category':<13} {'found':>5} {'labels':>6} {'recall':>7} {'false':>6} {'per 1k words':>12}")
    all_found = all_total = all_false = 0
    for cat in categories:
        f, t, x = found[cat], total[cat], false[cat]
        all_found, all_total, all_false = all_found + f, all_total + t, all_false + x
        recall = f"{100 * f / t:.0f}%" if t else "-"
        print(f"{cat:<13} {f:>5} {t:>6} {recall:>7} {x:>6} {1000 * x / max(clean_words, 1):>12.2f}")
    recall = f"{100 * all_found / all_total:.0f}%" if all_total else "-"
    print(f"{'all':<13} {all_found:>5} {all_total:>6} {recall:>7} {all_false:>6} "
          f"{1000 * all_false / max(clean_words, 1):>12.2f}")
    print(f"clean pages: {clean_words} words")
    if suggest_total:
        print(f"spelling suggestion right first: {suggest_ok}/{suggest_total} ({100 * suggest_ok / suggest_total:.0f}%)")
    if args.missed:
        print("\nmissed:")
        for name, cat, text in missed:
            print(f"  {name}: {cat}: {text}")
    if args.false:
        print("\nfalse findings:")
        for name, line, code, text in false_list:
            print(f"  {name}:{line}: {code} {text}")
    return 0


def linter_blocks(result):
    from lint.documents import parse

    return parse(result.path, result.source).blocks


if __name__ == "__main__":
    raise SystemExit(main())
