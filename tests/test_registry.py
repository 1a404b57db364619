from __future__ import annotations

import re
from pathlib import Path

import pytest

from lint.kinds import kinds
from lint.model import CATEGORIES, SEVERITIES
from lint.registry import RuleError, builtin_rules_dir, load_rules, parse_rule

RULES = load_rules([builtin_rules_dir()])


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))
    for r in RULES:
        assert re.fullmatch(r"[A-Z]{2,3}\d{3}", r.code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r.name)


def test_every_rule_is_documented_and_has_examples():
    for r in RULES:
        assert r.category in CATEGORIES
        assert r.severity in SEVERITIES
        assert len(r.rationale) > 40, r.code
        assert r.message
        assert r.fire and r.passes, r.code
        assert r.kind in kinds(), f"{r.code}: unknown kind {r.kind}"


def test_one_code_prefix_per_category():
    prefixes = {}
    for r in RULES:
        prefixes.setdefault(r.code[:3], set()).add(r.category)
    assert all(len(c) == 1 for c in prefixes.values()), prefixes


def test_every_category_has_a_rule():
    assert {r.category for r in RULES} == set(CATEGORIES)


def _rule_file(tmp_path: Path, body: str, name="XYZ001-some-rule.yaml") -> Path:
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    path = pack / name
    path.write_text(body, encoding="utf-8")
    return tmp_path


GOOD = """code: XYZ001
name: some-rule
kind: existence
category: promotional
severity: warning
message: "m"
rationale: "why it matters to a patient who reads the page and to regulators"
options: {tokens: [wow]}
examples: {fire: ["wow"], pass: ["fine"]}
"""


def test_a_good_rule_file_loads(tmp_path):
    rules = load_rules([_rule_file(tmp_path, GOOD)])
    assert [r.code for r in rules] == ["XYZ001"]


@pytest.mark.parametrize("change,message", [
    (("category: promotional", "category: marketing"), "unknown category 'marketing'"),
    (("severity: warning", "severity: fatal"), "severity must be one of"),
    (('examples: {fire: ["wow"], pass: ["fine"]}', 'examples: {fire: ["wow"]}'), "examples that fire and examples that pass"),
    (('rationale: "why it matters to a patient who reads the page and to regulators"\n', ""), "'rationale' is required"),
    (("code: XYZ001", "code: X1"), "code must be"),
    (("options: {tokens: [wow]}", "options: {tokens: [wow]}\ncolour: red"), "unknown key(s) colour"),
])
def test_a_broken_rule_file_is_named(tmp_path, change, message):
    root = _rule_file(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleError) as err:
        load_rules([root])
    assert "XYZ001-some-rule.yaml" in str(err.value)
    assert message in str(err.value)


def test_a_duplicate_code_is_an_error(tmp_path):
    root = _rule_file(tmp_path, GOOD)
    _rule_file(tmp_path, GOOD.replace("name: some-rule", "name: other-rule"), "XYZ001-other-rule.yaml")
    with pytest.raises(RuleError, match="already used"):
        load_rules([root])


def test_parse_rule_rejects_a_list():
    with pytest.raises(RuleError):
        parse_rule(["not", "a", "mapping"], Path("rules/x/ABC001-x.yaml"))


@pytest.mark.parametrize("change,message", [
    (('options: {tokens: [wow]}', 'options: {patterns: ["syn(ergy"]}'), "invalid pattern 'syn(ergy': missing )"),
    (('kind: existence', 'kind: substitution'), None),  # (a valid substitution needs swaps: see below)
    (('message: "m"', 'message: "{text.__class__}"'), "'message' field {text.__class__} must be a plain name"),
    (('message: "m"', 'message: "{0} is hype"'), "'message' field {0} must be a plain name"),
    (('message: "m"', "message: \"'{text' is hype\""), "'message' is not a template"),
])
def test_a_rule_pack_mistake_found_when_the_rules_are_set_up_is_exit_2_not_a_traceback(tmp_path, change, message):
    from lint.config import Settings
    from lint.engine import Linter, SetupError

    body = GOOD.replace(*change)
    if change[1] == "kind: substitution":
        # a replacement naming a group its pattern lacks would be written into the page by --fix
        body = body.replace("options: {tokens: [wow]}", "options: {pattern_swap: {'util(is|iz)e': ['use\\g<2>']}}")
        message = "the replacement 'use\\\\g<2>' names group 2, which the pattern does not have"
    root = _rule_file(tmp_path, body)
    with pytest.raises(SetupError) as err:
        Linter(Settings(rule_paths=[root], select=["XYZ001"]))
    assert str(err.value).startswith(f"{root / 'pack' / 'XYZ001-some-rule.yaml'}: rule XYZ001: ")
    assert message in str(err.value)


def test_a_conflation_rules_operation_words_that_do_not_compile_are_exit_2(tmp_path):
    from lint.config import Settings
    from lint.engine import Linter, SetupError

    body = GOOD.replace("kind: existence", "kind: conflation").replace(
        "options: {tokens: [wow]}", "options: {links: ['\\s+also\\s+called\\s+'], operation_words: '[a-z]*(?:ectomy'}")
    root = _rule_file(tmp_path, body)
    with pytest.raises(SetupError) as err:
        Linter(Settings(rule_paths=[root], select=["XYZ001"]))
    assert str(err.value).startswith(f"{root / 'pack' / 'XYZ001-some-rule.yaml'}: rule XYZ001: invalid operation_words ")


def test_a_message_field_the_kind_never_fills_is_an_error_when_the_rules_load(tmp_path):
    # it was printed as written ("Wow is {bogus}") in every finding of the rule
    root = _rule_file(tmp_path, GOOD.replace('message: "m"', 'message: "{text} is {bogus}"'))
    with pytest.raises(RuleError) as err:
        load_rules([root])
    assert str(err.value) == (f"{root / 'pack' / 'XYZ001-some-rule.yaml'}: rule XYZ001: 'message' names {{bogus}}, "
                              "which kind 'existence' never fills (it fills {suggestion}, {text}); "
                              "write a literal brace as {{ or }}")


@pytest.mark.parametrize("kind,message,unknown", [
    ("duplicate-heading", "Repeats {first}; write {suggestion}", "{suggestion}"),  # no hit of it has suggestions
    ("conflation", "{first} is not {second}: {suggestion}", "{suggestion}"),  # it passes suggestions=(): none
    ("existence", "{text:>{width}} and {also}", "{also}, {width}"),  # a field nested in a format spec, all named
])
def test_each_unfilled_field_is_named(tmp_path, kind, message, unknown):
    root = _rule_file(tmp_path, GOOD.replace("kind: existence", f"kind: {kind}").replace('"m"', f'"{message}"'))
    with pytest.raises(RuleError, match=re.escape(f"'message' names {unknown}, which kind '{kind}' never fills")):
        load_rules([root])


@pytest.mark.parametrize("message", [
    "'{text}' is hype; write '{suggestion}'", "{{bogus}} is a literal", "{text!r:>20}", "plain words",
])
def test_messages_with_fields_the_kind_fills_load(tmp_path, message):
    assert load_rules([_rule_file(tmp_path, GOOD.replace('"m"', f'"{message}"'))])[0].message == message


def test_a_rule_that_is_off_by_default_is_checked_too(tmp_path):
    body = GOOD.replace('message: "m"', 'message: "{bogus}"\nenabled: false')
    with pytest.raises(RuleError, match=r"names \{bogus\}"):
        load_rules([_rule_file(tmp_path, body)])


def test_an_unknown_kind_is_left_to_the_engine(tmp_path):
    # (the engine says "unknown kind" when the rule is selected; its fields cannot be known here)
    rules = load_rules([_rule_file(tmp_path, GOOD.replace("kind: existence", "kind: no-such-kind")
                                   .replace('"m"', '"{anything}"'))])
    assert rules[0].kind == "no-such-kind"


def test_the_fields_of_every_kind_are_known_and_every_shipped_message_uses_them():
    from lint.registry import _template_fields, kind_message_fields

    table = kind_message_fields()
    # a kind missing here, or unknowable (None), would have its rules' messages go unchecked
    assert set(table) == set(kinds()) and None not in table.values()
    for r in RULES:
        assert set(_template_fields(r.message)) <= table[r.kind], r.code
    assert table["procedure-region"] == {"text", "suggestion", "procedure", "region", "target"}
    assert table["sentence-model"] == {"text", "score"}


def test_kind_fields_are_read_from_hit_calls_with_inheritance(tmp_path):
    from lint.registry import _scan_kinds

    (tmp_path / "a.py").write_text(
        "class _Base(Kind):\n"
        "    def helper(self, u):\n"
        "        return self.hit(u, 0, 1, ('x',), shared=1)\n"  # suggestions given by position
        "class One(_Base):\n"
        "    name = 'one'\n"
        "    def check(self, page):\n"
        "        yield self.hit(u, 0, 1, suggestions=(), fix=None, message=None, own=2)\n"
        "class Two(Kind):\n"
        "    name: ClassVar[str] = 'two'\n"
        "    def check(self, page):\n"
        "        yield self.hit(u, 0, 1, **self.variables)\n"  # unknowable: not checked
        "class Three(Kind):\n"
        "    name = 'three'\n"
        "    def hit(self, *a, **k):\n"  # its own hit() may fill anything
        "        return super().hit(*a, extra=1, **k)\n"
        "class Four(Kind):\n"
        "    name = 'four'\n"
        "def _helper(kind, u):\n"
        "    return kind.hit(u, 0, 1, outside=3)\n",  # a module's helper: any of its classes
        encoding="utf-8")
    assert _scan_kinds(tmp_path) == {
        "one": {"text", "suggestion", "shared", "own", "outside"},
        "two": None,
        "three": None,
        "four": {"text", "outside"},
    }


def test_a_user_pattern_that_runs_too_long_is_stopped_for_the_file_and_said(tmp_path, monkeypatch):
    import lint.matching
    from lint.config import Settings
    from lint.engine import Linter

    body = GOOD.replace("options: {tokens: [wow]}", "options: {patterns: ['(a|aa)+$']}").replace(
        'examples: {fire: ["wow"], pass: ["fine"]}', 'examples: {fire: ["aaa"], pass: ["bbb"]}')
    linter = Linter(Settings(rule_paths=[_rule_file(tmp_path, body)], select=["XYZ001"]))
    monkeypatch.setattr(lint.matching, "PATTERN_TIMEOUT", 0.05)
    source = "# Thyroid\n\n" + "\n\n".join(["a" * 40 + "b"] * 6) + "\n\nA short aaa\n"
    result = linter.lint_source("slow.md", source)
    # stopped at the first block it ran too long on: the last block, which it matches at once, is not tried either
    assert result.findings == []
    assert linter.warnings == ["rule XYZ001: the pattern '(a|aa)+$' ran over 0.05 s on slow.md and was stopped "
                               "there; its findings on that file may be missing (simplify the pattern)"]
    # the next file starts a new budget
    assert [f.text for f in linter.lint_source("fine.md", "# Thyroid\n\nA short aaa\n").findings] == ["aaa"]


def test_a_rule_pack_folder_that_would_load_nothing_is_named(tmp_path):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "words.yaml").write_text("house: [style]\n", encoding="utf-8")  # a word list, not a rule
    with pytest.raises(RuleError, match="no rule files here; rule-paths names the folder that holds rule packs"):
        load_rules([tmp_path])
    root = _rule_file(tmp_path, GOOD, name="XYZ001_some_rule.yaml")
    with pytest.raises(RuleError, match=r"XYZ001_some_rule.yaml: a rule file is named CODE-name.yaml"):
        load_rules([root])


def test_a_folder_that_only_extends_the_knowledge_base_is_a_pack(tmp_path):
    (tmp_path / "knowledge").mkdir()
    assert load_rules([tmp_path]) == []
