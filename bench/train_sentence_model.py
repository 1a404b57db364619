"""Train the sentence model (rules/models/sentence-claims.json) from the labelled fixtures.

    pip install -e ".[train]"
    python bench/train_sentence_model.py                        # write rules/models/sentence-claims.json
    python bench/train_sentence_model.py --hold-out r28- --hold-out r29- --out /tmp/m.json
    python bench/train_sentence_model.py --cross-validate       # false findings per held-out round

Each sentence of a page in ``fixtures/defects`` is a positive example for a category when
one of the page's labels of that category overlaps it; the sentences of the pages in
``fixtures/clean``, and the sentences of defect pages that carry no label at all, are the
negatives. (A defect page's sentence labelled only in another category, a misspelling say,
is left out: it is neither a claim nor a clean sentence.) The features are those the linter
computes (``lint.kinds.sentence_model.features``), each sentence's counts divided by the square
root of its number of words (so a long sentence does not score high for holding more of the
pieces claims are made of), and training and linting read a sentence alike. Each category gets
a logistic regression (scikit-learn, L2 with C=1, positives weighted twice); weights smaller than 0.05 (which change no held-out finding) are dropped and the rest rounded, so the file is
small and the same training data always gives the same file.

``--hold-out PREFIX`` leaves out the pages whose names start with PREFIX (a held-out
round), to measure the model on pages it has not seen. ``--cross-validate`` trains once per
round (``rN-``) without that round, lints the round's clean pages with that model in place of
the shipped one (thresholds, sources and deferral as shipped) and counts EVD004 and PRM007
findings: the false-finding rate the model adds on pages like them.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from recall import read_labels  # noqa: E402

from lint.config import Settings  # noqa: E402
from lint.documents import SUPPORTED_EXTENSIONS, parse  # noqa: E402
from lint.engine import Linter  # noqa: E402
from lint.kinds.sentence_model import features, tokens  # noqa: E402

HEADS = ("evidence", "promotional")
OUT = ROOT / "rules" / "models" / "sentence-claims.json"
_ROUND = re.compile(r"^(r\d+)-")
# the blocks the model rules read (their scope); a title or heading is left out, as page-level
# labels (a page that never mentions risks) sit on the page's title
SCOPES = ("paragraph", "list_item", "table_cell")


def page_sentences(linter: Linter, page: Path):
    """(text, source start, source end) of each sentence of a page's prose blocks."""
    source = page.read_text(encoding="utf-8-sig")
    document = parse(str(page), source)
    texts = [b.text for b in document.blocks]
    for block, doc in zip(document.blocks, linter.nlp.pipe(texts)):
        if block.scope not in SCOPES:
            continue
        for s in doc.sents:
            if s.text.strip():
                start, end = block.source_span(s.start_char, s.end_char)
                yield s.text, start, end


def examples(fixtures: Path, hold_out: tuple[str, ...] = ()):
    """(page name, sentence, set of categories or None for a sentence left out, clean?)."""
    linter = Linter(Settings())
    for folder, clean in (("defects", False), ("clean", True)):
        for page in sorted((fixtures / folder).glob("*")):
            if page.suffix not in SUPPORTED_EXTENSIONS or page.name.startswith(hold_out):
                continue
            labels = [] if clean else read_labels(page)
            for text, start, end in page_sentences(linter, page):
                cats = {c for c, s, e, _ in labels if s < end and start < e}
                yield page.name, text, cats, clean


def train(rows, c: float = 1.0, prune: float = 0.05, min_count: int = 2, unlabelled_weight: float = 1.0,
          length_norm: bool = True) -> dict:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    feats = [Counter(features(text)) for _, text, _, _ in rows]
    counts: dict[str, int] = defaultdict(int)
    for fs in feats:
        for f in fs:
            counts[f] += 1  # the number of sentences a feature occurs in
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    indptr, indices, values = [0], [], []
    for (_, text, _, _), fs in zip(rows, feats):
        # as the linter scores (lint.kinds.sentence_model.Head): counts, or counts over sqrt(words)
        scale = 1.0 / math.sqrt(max(1, len(tokens(text)))) if length_norm else 1.0
        for j, n in sorted((vocab[f], n) for f, n in fs.items() if f in vocab):
            indices.append(j)
            values.append(float(n) * scale)
        indptr.append(len(indices))
    matrix = csr_matrix((values, indices, indptr), shape=(len(rows), len(vocab)))
    names = sorted(vocab, key=vocab.get)
    heads = {}
    for head in HEADS:
        keep = [i for i, (_, _, cats, _) in enumerate(rows) if head in cats or not cats]
        y = [head in rows[i][2] for i in keep]
        # an unlabelled sentence of a defect page is a weaker negative than a clean page's: writers label
        # about ten defects a category, and a sales page holds more claims than that
        weight = [1.0 if rows[i][3] or rows[i][2] else unlabelled_weight for i in keep]
        model = LogisticRegression(C=c, max_iter=5000, class_weight={False: 1.0, True: 2.0})
        model.fit(matrix[keep], y, sample_weight=weight)
        weights = {names[j]: round(float(w), 4) for j, w in enumerate(model.coef_[0]) if abs(w) >= prune}
        heads[head] = {"bias": round(float(model.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}
    return heads


def write(heads: dict, out: Path, pages: int, sentences: int, hold_out, length_norm: bool = True) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "about": "Sentence model for EVD004 and PRM007: logistic-regression weights per category, "
                 "trained by bench/train_sentence_model.py on the labelled pages in fixtures/.",
        "trained_on": {"pages": pages, "sentences": sentences, "held_out": sorted(hold_out)},
        "length_norm": length_norm,
        "heads": heads,
    }
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")


_SCORE = re.compile(r"model score (\d\.\d+)")
CV_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def cross_validate(fixtures: Path) -> None:
    """Per round: train without the round, lint the round's clean pages with that model in place
    (sources and deferral as shipped, the threshold lowered to the smallest one reported) and
    count the EVD004 and PRM007 findings scoring at or above each threshold."""
    import tempfile

    rows = list(examples(fixtures))
    rounds = sorted({m.group(1) for name, *_ in rows if (m := _ROUND.match(name))}, key=lambda r: int(r[1:]))
    codes = ("EVD004", "PRM007")
    total_words = 0
    scores: dict[str, list[float]] = {c: [] for c in codes}
    with tempfile.TemporaryDirectory() as tmp:
        for rnd in rounds:
            pages = sorted(p for p in (fixtures / "clean").glob(rnd + "-*") if p.suffix in SUPPORTED_EXTENSIONS)
            if not pages:
                continue
            model = Path(tmp) / f"{rnd}.json"
            train_rows = [r for r in rows if not r[0].startswith(rnd + "-")]
            write(train(train_rows), model, 0, len(train_rows), [rnd + "-"], length_norm=True)
            options = {"model": str(model), "threshold": min(CV_THRESHOLDS)}
            linter = Linter(Settings(select=["EVD", "PRM"], rules={c: options for c in codes}))
            words, found = 0, {c: [] for c in codes}
            for page in pages:
                result = linter.lint_file(str(page))
                words += sum(len(tokens(t)) for t, *_ in page_sentences(linter, page))
                for f in result.findings:
                    if f.code in found:
                        found[f.code].append(float(_SCORE.search(f.message).group(1)))
            total_words += words
            for c in codes:
                scores[c].extend(found[c])
            print(f"{rnd:6} {words:>6} words  " + "  ".join(f"{c} {sorted(found[c], reverse=True)}" for c in codes))
    print(f"\nfindings the model adds on {total_words} words of held-out clean prose, by threshold:")
    for t in CV_THRESHOLDS:
        counts = {c: sum(1 for s in scores[c] if s >= t) for c in codes}
        per = sum(counts.values()) / max(1, total_words) * 2000
        print(f"  {t:.1f}: " + ", ".join(f"{c} {n}" for c, n in counts.items()) + f" ({per:.2f} per 2,000 words)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=ROOT / "fixtures")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--hold-out", action="append", default=[], help="leave out pages starting with this")
    parser.add_argument("--cross-validate", action="store_true")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength (default 1)")
    parser.add_argument("--no-length-norm", dest="length_norm", action="store_false",
                        help="weigh features by their counts alone (by default by counts over sqrt(words), so that a long "
                             "sentence does not score high for its length)")
    parser.add_argument("--unlabelled-weight", type=float, default=1.0,
                        help="weight of a defect page's unlabelled sentences as negatives (default 1)")
    args = parser.parse_args(argv)
    if args.cross_validate:
        cross_validate(args.fixtures)
        return 0
    rows = list(examples(args.fixtures, tuple(args.hold_out)))
    heads = train(rows, c=args.c, unlabelled_weight=args.unlabelled_weight, length_norm=args.length_norm)
    write(heads, args.out, len({r[0] for r in rows}), len(rows), args.hold_out, args.length_norm)
    sizes = ", ".join(f"{h}: {len(v['weights'])} weights" for h, v in heads.items())
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB; {sizes}; {len(rows)} sentences)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
