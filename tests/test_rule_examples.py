"""Every rule's own examples run as tests (textlint's valid/invalid lists)."""

from __future__ import annotations

import pytest

from lint.registry import builtin_rules_dir, load_rules
from tests.helpers import apply_fixes, lint_example

RULES = load_rules([builtin_rules_dir()])
FIRE = [pytest.param(r, e, id=f"{r.code}-fire-{i}") for r in RULES for i, e in enumerate(r.fire)]
PASS = [pytest.param(r, e, id=f"{r.code}-pass-{i}") for r in RULES for i, e in enumerate(r.passes)]


@pytest.mark.parametrize("rule,example", FIRE)
def test_example_fires(linter, rule, example):
    if rule.kind == "languagetool":
        pytest.skip("needs a LanguageTool server: tests/test_languagetool.py runs these on recorded answers")
    result = lint_example(linter, example)
    mine = [f for f in result.findings if f.code == rule.code]
    assert mine, f"{rule.code} did not fire on: {example.text!r}"
    for f in mine:
        assert result.source[f.start : f.end] == f.text
    if example.expect is not None:
        assert example.expect in [f.text for f in mine], [f.text for f in mine]
    if example.fixed is not None:
        assert apply_fixes(result.source, mine) == example.fixed


@pytest.mark.parametrize("rule,example", PASS)
def test_example_passes(linter, rule, example):
    result = lint_example(linter, example)
    mine = [(f.text, f.message) for f in result.findings if f.code == rule.code]
    assert not mine, f"{rule.code} fired on a passing example: {mine}"
