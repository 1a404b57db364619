"""A sentence that reads like an unsupported claim or like sales copy, scored by a small linear model.

The phrase rules (EVD001-002, PRM001-004) find the constructions they were written for; a
copywriter finds new ones faster than lists grow ("Stories like these happen here every
single week", "Walk in with ugly veins, walk out with gorgeous legs"). This kind scores
each sentence with a logistic-regression model over its words, word pairs and the
three-to-five-letter pieces of its words, trained (``bench/train_sentence_model.py``) on the
labelled pages in ``fixtures/``: sentences that hold an evidence or a promotional label
against the sentences of the well-edited pages. It catches wordings no list has, and is
kept quiet by a high threshold, by the sources around a claim, and by deferring to the
phrase rules wherever they already report the sentence.

The model is data (``rules/models/``): a JSON table of feature weights per category, which
anyone can inspect (``python -m lint.kinds.sentence_model "sentence"`` prints the features
that weigh most). Scoring is a dictionary look-up per feature; no machine-learning library
is needed at run time.
"""

from __future__ import annotations

import json
import math
import os
import re
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from lint.kinds.base import Kind
from lint.matching import PatternError, compile_pattern, finditer

# the tokens the model reads: words (with an apostrophe part), numbers, and the signs that
# carry meaning in claims and sales copy
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[%£$€!?]")
_CHAR_SIZES = (3, 4, 5)


# (the two heads ask for the pieces of the same new words a page or two apart, and a word's share is kept after:
# 65,536 words' pieces held 6 MB in each process for nothing)
@lru_cache(maxsize=4096)
def _word_pieces(word: str) -> tuple[str, ...]:
    """The three-to-five-letter pieces of a word padded with spaces (" sta", "tun", "ing "):
    they let the model generalise across forms ("guarantee", "guaranteed", "guarantees")."""
    padded = f" {word} "
    return tuple({"c:" + padded[i:i + n] for n in _CHAR_SIZES for i in range(len(padded) - n + 1)})


def tokens(text: str) -> list[str]:
    found = _TOKEN.findall(text.lower().replace("’", "'"))
    return [tok if not tok[0].isdigit() else "<num>" for tok in found]


def features(text: str) -> list[str]:
    """The features of a sentence, with repeats: its words, its pairs of adjacent words, and the
    pieces of each word. The model weighs each occurrence (a word's weight is the same wherever
    it stands), so a sentence's score is a sum over its words and pairs, each word's share
    computed once per process."""
    toks = tokens(text)
    found = ["w:" + t for t in toks]
    found.extend(f"b:{a} {b}" for a, b in zip(toks, toks[1:]))
    for t in toks:
        if t[0].isalpha():
            found.extend(_word_pieces(t))
    return found


class _Shares(dict):
    """A word's weight and its pieces' weights, summed: worked out on a word's first lookup, kept for the next
    (most words recur), so that a sentence's words are summed by one ``map`` over this table."""

    __slots__ = ("weights",)

    def __init__(self, weights: dict[str, float]):
        super().__init__()
        self.weights = weights

    def __missing__(self, token: str) -> float:
        get = self.weights.get
        share = get("w:" + token, 0.0)
        if token[0].isalpha():
            share += sum(get(p, 0.0) for p in _word_pieces(token))
        if len(self) < 200_000:
            self[token] = share
        return share


class Head:
    """One category's weights: a bias and a weight per feature."""

    __slots__ = ("bias", "weights", "_word_share", "_pairs", "length_norm")

    def __init__(self, bias: float, weights: dict[str, float], length_norm: bool = False):
        self.bias = bias
        self.weights = weights
        self._word_share: _Shares | None = None
        # the weights of adjacent pairs ("b:no risk") by the pair of words: looked up without making a string (made
        # here, so that the data cache keeps it with the model: working it out took 15 ms of every start)
        self._pairs = {tuple(f[2:].split(" ", 1)): w for f, w in weights.items() if f.startswith("b:")}
        # features weighed by 1/sqrt(number of words): a long sentence does not read as a claim just for
        # holding more of the pieces claims are made of ("Insulin is a hormone that moves sugar from the
        # blood into the body's cells")
        self.length_norm = length_norm

    def score_tokens(self, toks: list[str]) -> float:
        shares, pairs = self._word_share, self._pairs
        if shares is None:
            shares = self._word_share = _Shares(self.weights)
        z = sum(map(shares.__getitem__, toks))
        z += sum(map(pairs.get, zip(toks, toks[1:]), repeat(0.0)))
        if self.length_norm and toks:
            z /= math.sqrt(len(toks))
        z += self.bias
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def score(self, text: str) -> float:
        return self.score_tokens(tokens(text))

    def strongest(self, text: str, n: int = 5) -> list[tuple[str, float]]:
        """The features that push a sentence's score up most."""
        feats = set(features(text))
        return sorted(((f, self.weights[f]) for f in feats if self.weights.get(f, 0.0) > 0), key=lambda x: -x[1])[:n]


@lru_cache(maxsize=4)
def load_model(path: str) -> dict[str, Head]:
    """The model's heads. Decoding the JSON is most of the cost, so the decoded data is kept in the
    data cache, keyed by the file's path, size and time (an edited model is read again)."""
    try:
        st = os.stat(path)
    except OSError:
        return _read_model(path)
    from lint.yamlio import cached

    return cached(f"sentence-model\0{path}\0{st.st_size}\0{st.st_mtime_ns}".encode(), lambda: _read_model(path))


def _read_model(path: str) -> dict[str, Head]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("heads"), dict):
        raise ValueError(f"{path}: not a sentence model (no 'heads')")
    heads = {}
    for name, head in data["heads"].items():
        weights = head.get("weights") if isinstance(head, dict) else None
        if not isinstance(weights, dict):
            raise ValueError(f"{path}: head '{name}' has no weights")
        # JSON numbers load as floats already: the table is used as loaded (it is read at every start)
        heads[name] = Head(float(head.get("bias", 0.0)), weights, data.get("length_norm") is True)
    return heads


def _sentence_tokens(unit) -> list[list[str]]:
    """The model's tokens of each of a block's sentences (``unit.sentences``), made once for both
    model rules."""
    toks = unit.memo.get("sentence_model_tokens")
    if toks is None:
        text = unit.block.text
        toks = unit.memo["sentence_model_tokens"] = [tokens(text[a:b]) for a, b in unit.sentences]
    return toks


class SentenceModel(Kind):
    """Reports sentences the model scores at or above the threshold for the rule's category."""

    name = "sentence-model"
    options = {
        # the model file, beside the rule or relative to it ("../models/sentence-claims.json")
        "model": (str, Kind.REQUIRED),
        # the model's category to read (a model holds one head per category)
        "head": (str, Kind.REQUIRED),
        "threshold": ((float, int), 0.8),
        # an evidence claim with a source in its sentence, the one before or the two after is fine
        "skip_sourced": (bool, False),
        # the evidence lexicon, for skip_sourced (what counts as a source)
        "lexicon": (str, "../evidence/evidence-lexicon.yaml"),
        # shorter sentences (headings of two words, "Call us.") say too little to judge
        "min_words": (int, 4),
        # words that make a sentence guidance rather than a promise ("is likely to", "may", "the aim is"):
        # a sentence holding one is left to the phrase rules
        "hedges": (list, list),
        # sentences the model reads wrongly whose form is known: "No procedure is completely free of risk" (a
        # disclaimer), "Every excision leaves a scar" (a harm admitted, not a result promised)
        "exclude_patterns": (list, list),
        # on a page that is plainly sales copy (at least `sales_page_findings` findings of the rules in
        # `sales_page_rules`), a lower threshold: the same sentence means more on a clinic's sales page
        # than in a hospital leaflet, where the phrase rules find nothing
        "sales_page_threshold": ((float, int), 1.0),
        "sales_page_rules": (list, list),
        "sales_page_findings": (int, 3),
    }

    def setup(self):
        path = (Path(self.rule.path).parent / self.opts["model"]).resolve()
        if not path.exists():
            raise self.error(f"model file not found: {path}")
        try:
            heads = load_model(str(path))
        except (ValueError, KeyError, TypeError) as exc:
            raise self.error(str(exc)) from None
        if self.opts["head"] not in heads:
            raise self.error(f"the model has no head '{self.opts['head']}' (it has {', '.join(sorted(heads))})")
        self.model = heads[self.opts["head"]]
        self.threshold = float(self.opts["threshold"])
        self.sales_page_threshold = min(self.threshold, float(self.opts["sales_page_threshold"]))
        self.sales_page_rules = tuple(self.opts["sales_page_rules"])
        self.sales_page_findings = self.opts["sales_page_findings"]
        hedges = [h for h in self.opts["hedges"] if isinstance(h, str) and h.strip()]
        self.hedged = set(hedges)
        where = f"{self.rule.path}: rule {self.rule.code}"
        try:
            self.excluded = [compile_pattern(str(p), where, trusted=self.trusted) for p in self.opts["exclude_patterns"]]
        except PatternError as exc:
            raise self.error(str(exc).removeprefix(where + ": ")) from None
        self.lex = None
        if self.opts["skip_sourced"]:
            from lint.kinds.evidence import load_lexicon

            lexicon = (Path(self.rule.path).parent / self.opts["lexicon"]).resolve()
            if not lexicon.exists():
                raise self.error(f"lexicon file not found: {lexicon}")
            self.lex = load_lexicon(str(lexicon))

    def check(self, page):
        sources = None
        if self.lex is not None:
            from lint.kinds.evidence import SourceFinder, lead_in_sourced, study_before

            sources = SourceFinder.of(self.lex, page)
        min_words = self.opts["min_words"]
        positions = None
        for unit in self.units(page):
            text = unit.block.text
            sentences = unit.sentences
            flags = None
            for i, ((start, end), toks) in enumerate(zip(sentences, _sentence_tokens(unit))):
                if len(toks) < min_words:
                    continue
                score = self.model.score_tokens(toks)
                # below the threshold, a hit is kept by the engine only on a sales page (see engine.py)
                if score < self.sales_page_threshold or (self.hedged and not self.hedged.isdisjoint(toks)):
                    continue
                if self.excluded and any(next(finditer(x, text[start:end]), None) is not None for x in self.excluded):
                    continue  # (matched in the sentence alone, so that ^ is its start)
                if sources is not None:
                    if flags is None:
                        flags = sources.sentence_flags(unit, sentences)
                    # the sentence before, or the two after ("A trial compared ... . Surgery relieved
                    # symptoms better (Gerritsen et al., 2002).") may carry the claim's source
                    if any(flags[j] for j in range(max(0, i - 1), min(len(flags), i + 3))) \
                            or study_before(text, sentences, flags, i, self.lex.in_house):
                        continue
                    if sources.page_declares_sources() or sources.page_is_audit_report():
                        continue  # a decision aid that says once where all its figures come from
                    if unit.block.scope in ("list_item", "table_cell"):
                        if positions is None:
                            positions = {id(u): k for k, u in enumerate(page.units)}
                        if lead_in_sourced(page.units, positions[id(unit)], sources):
                            continue
                # the span is the sentence without its closing punctuation and spaces
                while end > start and not (text[end - 1].isalnum() or text[end - 1] in "%)]"):
                    end -= 1
                hit = self.hit(unit, start, end, score=f"{score:.2f}")
                hit.score = score
                yield hit

    def keeps(self, score: float, page_findings: dict[str, int]) -> bool:
        """Does a hit with this score stand, given the page's count of findings per code?"""
        if score >= self.threshold:
            return True
        return score >= self.sales_page_threshold and \
            sum(page_findings.get(c, 0) for c in self.sales_page_rules) >= self.sales_page_findings


def _explain(argv=None) -> int:  # pragma: no cover - a maintainer's tool
    import argparse

    parser = argparse.ArgumentParser(description="Score sentences with the sentence model and show why.")
    parser.add_argument("sentence", nargs="+")
    parser.add_argument("--model", default=str(Path(__file__).resolve().parents[2] / "rules/models/sentence-claims.json"))
    args = parser.parse_args(argv)
    heads = load_model(args.model)
    for sentence in args.sentence:
        print(sentence)
        for name, head in sorted(heads.items()):
            print(f"  {name}: {head.score(sentence):.2f}  " + ", ".join(f"{f}={w:.2f}" for f, w in head.strongest(sentence)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(_explain())
