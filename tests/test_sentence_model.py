"""The sentence model (kind sentence-model: EVD004, PRM007): features, scoring, sources, deferral."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from helpers import lint_text
from lint.config import Settings
from lint.kinds.sentence_model import Head, SentenceModel, features, load_model, tokens
from lint.registry import RuleError, builtin_rules_dir, parse_rule

MODEL = builtin_rules_dir() / "models" / "sentence-claims.json"


def test_features_are_words_pairs_and_word_pieces_with_repeats():
    feats = features("Book now, book NOW!")
    assert feats.count("w:book") == 2 and feats.count("w:now") == 2 and "w:!" in feats
    assert feats.count("b:book now") == 2 and "b:now book" in feats
    assert {"c: bo", "c:boo", "c:ook", "c:ok ", "c: boo", "c:book", "c:ook ", "c: book", "c:book "} <= set(feats)
    # numbers are one token whatever their value; curly apostrophes read as straight ones
    assert tokens("99.5% of 1,200 patients don’t") == ["<num>", "%", "of", "<num>", "patients", "don't"]


def test_a_score_is_the_logistic_of_the_bias_plus_the_weights_of_every_feature():
    weights = {"w:never": 1.0, "c:ever ": 0.5, "b:never fails": 2.0, "w:fails": -0.25}
    head = Head(-1.0, weights)
    z = -1.0 + 1.0 + 0.5 + 2.0 - 0.25
    assert head.score("It never fails") == pytest.approx(1 / (1 + math.exp(-z)))
    # a word met twice weighs twice, as in training
    z2 = -1.0 + 2 * (1.0 + 0.5)
    assert head.score("never never") == pytest.approx(1 / (1 + math.exp(-z2)))
    assert head.strongest("It never fails")[0] == ("b:never fails", 2.0)


@pytest.mark.parametrize("sentence", [
    "Our revolutionary thyroid surgery guarantees a scar-free result in 98% of patients.",
    "Most people go home the day after a prostate biopsy.",
    "Studies show gastric bypass patients lose 70 per cent of their excess weight!",
])
def test_the_shipped_model_scores_a_sentence_as_the_sum_of_its_feature_weights(sentence):
    path = builtin_rules_dir() / "models" / "sentence-claims.json"
    for head in load_model(str(path)).values():
        z = sum(head.weights.get(f, 0.0) for f in features(sentence))
        expected = z / (math.sqrt(len(tokens(sentence))) if head.length_norm else 1.0) + head.bias
        assert head.score(sentence) == pytest.approx(1 / (1 + math.exp(-expected)), rel=1e-9)


def test_the_shipped_model_has_both_heads_and_says_what_it_was_trained_on():
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    assert set(data["heads"]) == {"evidence", "promotional"}
    assert data["trained_on"]["pages"] > 200 and data["trained_on"]["sentences"] > 10_000
    heads = load_model(str(MODEL))
    assert heads["promotional"].score(
        "Treat yourself this spring: our balloon programme is the kindest gift you can give your body.") > 0.6
    assert heads["promotional"].score("Most people stay in hospital for one or two nights.") < 0.2


def _rule(tmp_path: Path, options: str, model: dict | None = None) -> Path:
    if model is not None:
        (tmp_path / "m.json").write_text(json.dumps(model), encoding="utf-8")
    path = tmp_path / "XYZ001-model.yaml"
    path.write_text(
        "code: XYZ001\nname: model\nkind: sentence-model\ncategory: promotional\nseverity: warning\n"
        f"message: 'm {{score}}'\nrationale: r\noptions: {options}\nexamples: {{fire: [a], pass: [b]}}\n",
        encoding="utf-8")
    return path


def _kind(path: Path):
    import yaml

    return SentenceModel(parse_rule(yaml.safe_load(path.read_text()), path), None, Settings())


@pytest.mark.parametrize("options, model, message", [
    ("{model: missing.json, head: promotional}", None, "model file not found"),
    ("{model: m.json, head: promotional}", {"weights": {}}, "not a sentence model"),
    ("{model: m.json, head: promotional}", {"heads": {"evidence": {"bias": 0, "weights": {}}}}, "no head 'promotional'"),
    ("{head: promotional}", None, "option 'model' is required"),
    ("{model: m.json, head: evidence, exclude_patterns: ['(unclosed']}",
     {"heads": {"evidence": {"bias": 0, "weights": {}}}}, "invalid pattern"),
])
def test_a_broken_model_rule_is_a_rule_error_naming_the_problem(tmp_path, options, model, message):
    load_model.cache_clear()
    with pytest.raises(RuleError, match=message):
        _kind(_rule(tmp_path, options, model))


def test_short_sentences_and_low_scores_are_not_reported(tmp_path, linter):
    model = {"heads": {"promotional": {"bias": -2.0, "weights": {"w:amazing": 5.0}}}}
    load_model.cache_clear()
    kind = _kind(_rule(tmp_path, "{model: m.json, head: promotional, threshold: 0.9}", model))
    from lint.page import Page, Unit

    text = "Amazing results. Our knee clinic gets amazing results. The clinic opens at nine on weekdays."
    doc = linter.nlp(text)
    from lint.documents import parse

    document = parse("x.txt", text)
    page = Page(document, [Unit(document.blocks[0], doc)], linter.kb, linter.settings)
    hits = list(kind.check(page))
    # "Amazing results." has two words; the last sentence scores 1/(1+e^2)
    assert [text[h.start:h.end] for h in hits] == ["Our knee clinic gets amazing results"]
    assert hits[0].message == "m 0.95"


def test_an_evidence_claim_with_a_source_beside_it_is_not_reported(linter):
    claim = "Every couple we treat at our fertility clinic leaves with a baby in their arms."
    assert "EVD004" in [f.code for f in lint_text(linter, claim).findings]
    sourced = claim + " (HFEA, Fertility Trends 2023)."
    assert "EVD004" not in [f.code for f in lint_text(linter, sourced).findings]
    # a study described, its source two sentences on
    text = (f"{claim} In this kind of study, couples are put into groups by chance. "
            "More couples had a baby after treatment (Smith et al., 2021).")
    assert "EVD004" not in [f.code for f in lint_text(linter, text).findings]


def test_the_model_defers_to_the_phrase_rules_of_its_category():
    from lint.engine import Linter

    # PRM002 reports "last forever" in this sentence; PRM007 (here at a low threshold, so that it scores the
    # sentence as sales copy) stays silent there, and speaks once PRM002 is turned off
    text = "You will wonder why you waited so long to get your legs back, and the results last forever."
    low = {"PRM007": {"threshold": 0.5}}
    with_phrase_rules = Linter(Settings(rules=low))
    codes = [f.code for f in lint_text(with_phrase_rules, text).findings]
    assert "PRM002" in codes and "PRM007" not in codes
    without = Linter(Settings(rules=low, ignore=["PRM002"]))
    assert "PRM007" in [f.code for f in lint_text(without, text).findings]
    # and it does not defer to another category's rules
    result = lint_text(with_phrase_rules, "You will wonder why you waited so long to get your bladder back after prostate surgery.")
    assert "PRM007" in [f.code for f in result.findings]


PROSTATE_PAGE = """# Prostate artery embolisation

Prostate artery embolisation treats an enlarged prostate by blocking some of the small arteries that feed it.

{before}Prostate artery embolisation is completely painless.{after}

Your urologist will talk to you about the risks and about other treatments, such as tablets or surgery.
"""
BYPASS_PAGE = """# Gastric bypass

A gastric bypass makes the stomach smaller and reroutes the gut, so you feel full sooner.

{before}Nine in ten of our gastric bypass patients keep the weight off for good.{after}

Your surgeon will talk to you about the risks, such as leaks and vitamin shortages.
"""
# a claim the precise rule reports, and the sentence model (which defers to it) reads as one too
DEFERRING = [
    (PROSTATE_PAGE, "completely painless", "PRM002", "PRM007"),
    (BYPASS_PAGE, "Nine in ten", "EVD001", "EVD004"),
]


def _on_claim_line(result, page: str, claim: str) -> list[str]:
    line = page[: page.index(claim)].count("\n") + 1
    return sorted(f.code for f in result.findings if f.line == line)


@pytest.mark.parametrize("page, claim, precise, model", DEFERRING, ids=["prostate-PRM007", "bypass-EVD004"])
def test_a_precise_finding_suppressed_where_it_stands_still_covers_the_models(default_linter, page, claim,
                                                                           precise, model):
    plain = page.format(before="", after="")
    # one finding, the precise one
    codes = _on_claim_line(lint_text(default_linter, plain), plain, claim)
    assert precise in codes and model not in codes
    # an editor who suppresses the precise finding on its line or around its stretch has reviewed the claim:
    # neither rule reports it
    for before, after in [(f"<!-- medlint-disable-next-line {precise} -->\n", ""),
                          (f"<!-- medlint-disable {precise} -->\n", f"\n<!-- medlint-enable {precise} -->")]:
        reviewed = page.format(before=before, after=after)
        codes = _on_claim_line(lint_text(default_linter, reviewed), reviewed, claim)
        assert precise not in codes and model not in codes, (before, codes)


@pytest.mark.parametrize("page, claim, precise, model", DEFERRING, ids=["prostate-PRM007", "bypass-EVD004"])
def test_a_precise_rule_turned_off_leaves_the_sentence_to_the_model(default_linter, page, claim, precise, model):
    from lint.engine import Linter

    plain = page.format(before="", after="")
    # off for the run, for the file by configuration, or for the file by a comment: nothing was found to
    # review, and the model is the only rule left to report the claim
    for settings in (Settings(ignore=[precise]), Settings(per_file_ignores={"*.md": [precise]})):
        codes = _on_claim_line(lint_text(Linter(settings), plain), plain, claim)
        assert precise not in codes and model in codes, settings
    off_for_file = f"<!-- medlint-disable-file {precise} -->\n" + plain
    codes = _on_claim_line(lint_text(default_linter, off_for_file), off_for_file, claim)
    assert precise not in codes and model in codes


def test_a_hedged_sentence_is_left_to_the_phrase_rules(tmp_path, linter):
    model = {"heads": {"evidence": {"bias": -2.0, "weights": {"w:hair": 5.0}}}}
    load_model.cache_clear()
    kind = _kind(_rule(tmp_path, "{model: m.json, head: evidence, hedges: [likely, may]}", model))
    from lint.documents import parse
    from lint.page import Page, Unit

    text = "New hair is likely to fall out when you stop. New hair grows back thicker within weeks."
    document = parse("x.txt", text)
    page = Page(document, [Unit(document.blocks[0], linter.nlp(text))], linter.kb, linter.settings)
    assert [text[h.start:h.end] for h in kind.check(page)] == ["New hair grows back thicker within weeks"]


def test_on_a_sales_page_a_lower_score_is_enough():
    from lint.engine import Linter

    sentence = "Patients say the clinic staff are kind."
    heads = load_model(str(MODEL))
    score = heads["evidence"].score(sentence)
    options = {"EVD004": {"threshold": min(0.99, score + 0.01), "sales_page_threshold": max(0.0, score - 0.01),
                          "sales_page_rules": ["PRM001", "PRM002"], "sales_page_findings": 3}}
    linter = Linter(Settings(rules=options))
    leaflet = f"# Bunion surgery\n\n{sentence} Bring your shoes to the clinic.\n"
    assert "EVD004" not in [f.code for f in lint_text(linter, leaflet).findings]
    sales = (f"# Bunion surgery\n\nOur revolutionary, cutting-edge bunion surgery is completely painless and "
             f"guaranteed. {sentence}\n")
    result = lint_text(linter, sales)
    assert len([f for f in result.findings if f.code in ("PRM001", "PRM002")]) >= 3
    assert "EVD004" in [f.code for f in result.findings]


def test_a_length_weighed_model_divides_the_features_by_the_square_root_of_the_words():
    weights = {"w:never": 1.0, "w:fails": 0.5}
    head = Head(-1.0, weights, length_norm=True)
    z = -1.0 + (1.0 + 0.5) / math.sqrt(3)
    assert head.score("it never fails") == pytest.approx(1 / (1 + math.exp(-z)))
    # the same words padded out score lower only through the divisor, not through their own weights
    z4 = -1.0 + (1.0 + 0.5) / math.sqrt(4)
    assert head.score("it never fails here") == pytest.approx(1 / (1 + math.exp(-z4)))


def test_the_shipped_model_is_length_weighed_and_a_long_plain_definition_is_not_a_claim():
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    assert data["length_norm"] is True
    heads = load_model(str(MODEL))
    assert heads["evidence"].length_norm
    # long, plain sentences of a children's diabetes page scored 0.99 as claims with the unweighed model
    for sentence in ("Insulin is a hormone that moves sugar (glucose) from the blood into the cells of the body "
                     "for energy.",
                     "Your child should carry fast-acting sugar, such as juice or glucose tablets, at all times."):
        assert heads["evidence"].score(sentence) < 0.8, sentence


def test_findings_a_rule_demoted_do_not_make_a_page_a_sales_page(tmp_path):
    from lint.engine import _settle_model_findings
    from lint.model import Finding

    class Checker:
        class rule:
            code = "EVD004"

        defers_to = ()

        @staticmethod
        def keeps(score, counts):
            return counts.get("EVD001", 0) >= 3

    def finding(code, start, severity):
        return Finding(code=code, name="x", category="evidence", severity=severity, message="m", start=start,
                       end=start + 1, text="x", line=1, column=start + 1, end_line=1, end_column=start + 2)

    def settled(severity, demoted):
        found = {("EVD001", i, i + 1): finding("EVD001", i, severity) for i in range(3)}
        found[("EVD004", 10, 11)] = finding("EVD004", 10, "warning")
        keys = frozenset(k for k in found if k[0] == "EVD001") if demoted else frozenset()
        return [f.code for f in _settle_model_findings(found, {("EVD004", 10, 11): 0.5}, [Checker], keys)]

    assert "EVD004" in settled("warning", demoted=False)
    assert "EVD004" not in settled("info", demoted=True)
    # a rule the user set to info still marks the page
    assert "EVD004" in settled("info", demoted=False)


def test_a_caution_that_no_treatment_works_for_everyone_is_not_a_claim(linter):
    """"No pill prevents every case" scores as a claim (it reads as one word for word), but it is the opposite: a
    caution, excluded by its form; the seller's own tablet that prevents every case still reads as a claim."""
    heads = load_model(str(MODEL))
    caution = "No pill prevents every case of an enlarged prostate."
    assert heads["evidence"].score(caution) >= 0.95
    for text in (caution, "No single pill prevents every case of thrush.", "No pill works in every case of hair loss."):
        assert "EVD004" not in [f.code for f in lint_text(linter, text).findings], text
    assert "EVD004" in [f.code for f in lint_text(linter, "Our new tablet prevents every case of kidney stones.").findings]
    # (not a boast over the others)
    caution_form = next(p for p in _shipped_exclusions() if "no\\s+(?!other" in p)
    assert [re.search(caution_form, s, re.IGNORECASE) is not None
            for s in ("No tablet works for everyone.", "No other tablet works for everyone.")] == [True, False]


def _shipped_exclusions() -> list[str]:
    import yaml

    data = yaml.safe_load((builtin_rules_dir() / "evidence" / "EVD004-claim-like-sentence.yaml").read_text("utf-8"))
    return data["options"]["exclude_patterns"]
