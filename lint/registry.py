"""Rules as data: load, validate and select the rule files of the rule packs.

A rule pack is a folder of YAML files, one rule a file, named
``<CODE>-<name>.yaml`` (``rules/anatomy/ANA001-procedure-region-mismatch.yaml``).
Each names the *kind* (the logic, in ``lint/kinds/``) that runs it, and carries
its own knowledge in ``options``. Other files in a pack folder (word lists,
tables) are data that rules refer to by a path relative to the rule file.
"""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lint.compiled import compile_re
from lint.model import CATEGORIES, SCOPES, SEVERITIES
from lint.yamlio import DataFileError, load_yaml

RULE_FILE = compile_re(r"^([A-Z]{2,3}\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$")
CODE = compile_re(r"^[A-Z]{2,3}\d{3}$")
NAME = compile_re(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: the blocks a rule reads when its file names no ``scope``: the page's running prose. Image alt text
#: (``image_alt``) is a caption outside that prose, often not a sentence: a rule that judges a phrase on
#: its own lists it, a rule that reads sentences, their neighbours or the whole page does not
PROSE_SCOPES = ("title", "heading", "paragraph", "list_item", "table_cell", "footnote")
_KEYS = {
    "code", "name", "kind", "category", "severity", "message", "rationale", "scope", "suggestions",
    "fix", "url", "options", "examples", "enabled",
}


class RuleError(Exception):
    """A broken rule file; the message names the file and the rule."""


def builtin_rules_dir() -> Path:
    """The rule packs: ``lint/_rules`` in a wheel, the repository's ``rules/`` in a checkout."""
    here = Path(__file__).resolve().parent
    shipped = here / "_rules"
    if shipped.is_dir():
        return shipped
    return here.parent / "rules"


@dataclass(frozen=True)
class Example:
    text: str
    format: str = "md"  # the reader used for the example: txt, md or html
    expect: str | None = None  # for a firing example: the expected finding text
    fixed: str | None = None  # for a firing example with a safe fix: the text after --fix


@dataclass
class Rule:
    code: str
    name: str
    kind: str
    category: str
    severity: str
    message: str
    rationale: str
    path: Path
    scope: tuple[str, ...] = PROSE_SCOPES
    suggestions: tuple[str, ...] = ()
    fix: bool = False
    url: str = ""
    options: dict = field(default_factory=dict)
    fire: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()
    enabled: bool = True

    @property
    def pack(self) -> str:
        return self.path.parent.name


def _examples(raw, where: str) -> tuple[Example, ...]:
    out = []
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise RuleError(f"{where}: examples must be a list")
    for item in raw:
        if isinstance(item, str):
            out.append(Example(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            unknown = set(item) - {"text", "format", "expect", "fixed"}
            if unknown:
                raise RuleError(f"{where}: unknown example key(s) {', '.join(sorted(unknown))}")
            fmt = item.get("format", "md")
            if fmt not in ("txt", "md", "html"):
                raise RuleError(f"{where}: example format must be txt, md or html")
            out.append(Example(item["text"], fmt, item.get("expect"), item.get("fixed")))
        else:
            raise RuleError(f"{where}: an example is a string or a mapping with 'text'")
    return tuple(out)


def parse_rule(data, path: Path) -> Rule:
    where = f"{path}"
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file holds one mapping")
    code = data.get("code")
    where = f"{path}: rule {code}" if code else where
    unknown = set(data) - _KEYS
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("code", "name", "kind", "category", "severity", "message", "rationale"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise RuleError(f"{where}: '{key}' is required (a non-empty string)")
    if not CODE.match(code):
        raise RuleError(f"{where}: code must be 2-3 capital letters and 3 digits")
    if not NAME.match(data["name"]):
        raise RuleError(f"{where}: name must be kebab-case")
    m = RULE_FILE.match(path.name)
    if m and (m.group(1) != code or m.group(2) != data["name"]):
        raise RuleError(f"{where}: the file name must be {code}-{data['name']}.yaml")
    if data["category"] not in CATEGORIES:
        raise RuleError(f"{where}: unknown category '{data['category']}' (one of {', '.join(CATEGORIES)})")
    if data["severity"] not in SEVERITIES:
        raise RuleError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
    scope = data.get("scope", list(PROSE_SCOPES))
    if isinstance(scope, str):
        scope = [scope]
    if not isinstance(scope, list) or any(s not in SCOPES for s in scope):
        raise RuleError(f"{where}: scope must be a list of {', '.join(SCOPES)}")
    suggestions = data.get("suggestions") or []
    if isinstance(suggestions, str):
        suggestions = [suggestions]
    options = data.get("options") or {}
    if not isinstance(options, dict):
        raise RuleError(f"{where}: options must be a mapping")
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"fire", "pass"}:
        raise RuleError(f"{where}: examples must be a mapping with 'fire' and 'pass' lists")
    fire = _examples(examples.get("fire"), where)
    passes = _examples(examples.get("pass"), where)
    if not fire or not passes:
        raise RuleError(f"{where}: a rule needs examples that fire and examples that pass")
    check_message(data["message"].strip(), data["kind"], where)
    return Rule(
        code=code, name=data["name"], kind=data["kind"], category=data["category"],
        severity=data["severity"], message=data["message"].strip(), rationale=" ".join(data["rationale"].split()),
        path=path, scope=tuple(scope), suggestions=tuple(str(s) for s in suggestions),
        fix=bool(data.get("fix", False)), url=data.get("url", "") or "", options=options,
        fire=fire, passes=passes, enabled=bool(data.get("enabled", True)),
    )


# -- the fields a rule's message may name ----------------------------------------------------
def _template_fields(template: str) -> list[str]:
    """The fields a message template names, nested ones in a format spec too ("{count:>{width}}");
    ValueError for a template that does not parse (an unbalanced brace)."""
    names = []
    for _literal, name, spec, _conversion in string.Formatter().parse(template):
        if name is not None:
            names.append(name)
        if spec:
            names.extend(_template_fields(spec))
    return names


def check_message(message: str, kind: str, where: str) -> None:
    """A rule's message must be a template its kind can fill: a field the kind never fills ("Avoid {bogus}") was
    printed as written in every finding, and a broken template failed only when the rule was selected. Both are
    errors when the rule is loaded, ``medlint rules`` included, as a bad category is."""
    # (a kind not found in lint/kinds, reported when its rule is selected, or one read too dynamically to know its
    # fields: its messages' fields are left unchecked rather than guessed)
    check_template(message, kind_message_fields().get(kind), where, "message", f"kind '{kind}'")


def check_template(template: str, fields, where: str, option: str, filler: str = "it") -> None:
    """A message template (a rule's message, or an option that is one) must parse, name plain fields only (no
    positional {0}, attribute {text.upper} or index {text[0]}) and, when ``fields`` is given, only those: a RuleError
    otherwise."""
    try:
        names = _template_fields(template)
    except ValueError as exc:
        raise RuleError(f"{where}: '{option}' is not a template ({exc}); write a literal brace as {{{{ or }}}}") from None
    for name in names:
        if not name.isidentifier():
            raise RuleError(f"{where}: '{option}' field {{{name}}} must be a plain name such as {{text}}")
    if fields is None:
        return
    unknown = sorted({n for n in names if n not in fields})
    if unknown:
        named = ", ".join(f"{{{n}}}" for n in unknown)
        offered = ", ".join(f"{{{n}}}" for n in sorted(fields))
        raise RuleError(f"{where}: '{option}' names {named}, which {filler} never fills (it fills {offered}); "
                        "write a literal brace as {{ or }}")


#: the variables Kind.hit fills in every message, whatever the kind passes
_ALWAYS_FILLED = frozenset({"text"})
#: Kind.hit's own keyword arguments: not message variables
_HIT_PARAMETERS = frozenset({"suggestions", "fix", "message"})
#: Kind.hit(unit_or_block, start, end, suggestions, ...): a fourth positional argument is the suggestions
_SUGGESTIONS_POSITION = 3


@lru_cache(maxsize=1)
def kind_message_fields() -> dict[str, frozenset[str] | None]:
    """Each kind's name -> the message fields its findings can fill (None: not knowable from its source).

    A kind declares its options but not its message fields: they are the keyword arguments of its
    ``self.hit(...)`` calls (``procedure=...``, ``region=...``), plus ``{text}``, and ``{suggestion}`` when a
    call passes suggestions. They are read from the source of ``lint/kinds`` (its syntax tree), not by
    importing it, since loading the rules must not load spaCy; the table is kept in the data cache, whose key
    changes with medlint's code.
    """
    folder = Path(__file__).resolve().parent / "kinds"
    try:
        from lint.yamlio import cached

        return cached(b"medlint-kind-message-fields-1", lambda: _scan_kinds(folder))
    except Exception:  # noqa: BLE001 - a kind source that cannot be read or parsed: no check, never a crash
        return {}


class _KindClass:
    def __init__(self):
        self.bases: set[str] = set()
        self.kind: str | None = None
        self.fields: set[str] = set()
        self.dynamic = False  # fields that cannot be read from the source: **kwargs, or its own hit()


def _hit_fields(call: ast.Call, into: _KindClass) -> None:
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        into.dynamic = True  # hit(*args) or hit(**variables)
        return
    into.fields.update(k.arg for k in call.keywords if k.arg not in _HIT_PARAMETERS)
    given = [k.value for k in call.keywords if k.arg == "suggestions"] + call.args[_SUGGESTIONS_POSITION:_SUGGESTIONS_POSITION + 1]
    # suggestions=() passes none: {suggestion} stays unfilled
    if any(not (isinstance(v, (ast.Tuple, ast.List)) and not v.elts) for v in given):
        into.fields.add("suggestion")


def _scan_kinds(folder: Path) -> dict[str, frozenset[str] | None]:
    classes: dict[str, _KindClass] = {}
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        in_module = []
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            # (two modules' classes of one name are merged: more fields, never a false error)
            cls = classes.setdefault(node.name, _KindClass())
            in_module.append(cls)
            cls.bases.update(b.id if isinstance(b, ast.Name) else b.attr for b in node.bases
                             if isinstance(b, (ast.Name, ast.Attribute)))
            for item in node.body:
                if isinstance(item, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "name" for t in item.targets) \
                        and isinstance(item.value, ast.Constant) and isinstance(item.value.value, str):
                    cls.kind = item.value.value
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name) and item.target.id == "name" \
                        and isinstance(item.value, ast.Constant) and isinstance(item.value.value, str):
                    cls.kind = item.value.value
                elif isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name == "hit" \
                        and path.name != "base.py":
                    cls.dynamic = True  # a kind with its own hit() may fill anything
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "hit":
                    _hit_fields(call, cls)
        # a hit made outside any class (a helper given the kind) may be any class's of the module
        outside = _KindClass()
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "hit":
                        _hit_fields(call, outside)
        for cls in in_module:
            cls.fields |= outside.fields
            cls.dynamic |= outside.dynamic

    def resolved(name: str, seen: frozenset = frozenset()) -> tuple[set[str], bool]:
        """A class's fields with those of the classes it inherits from (their methods make its hits too)."""
        cls = classes[name]
        fields, dynamic = set(cls.fields), cls.dynamic
        for base in cls.bases - seen - {name}:
            if base in classes:
                more, more_dynamic = resolved(base, seen | {name})
                fields |= more
                dynamic |= more_dynamic
        return fields, dynamic

    table: dict[str, frozenset[str] | None] = {}
    for name, cls in classes.items():
        if cls.kind:
            fields, dynamic = resolved(name)
            table[cls.kind] = None if dynamic else frozenset(fields | _ALWAYS_FILLED)
    return table


# a YAML file whose name starts with a rule code ("ABC001_x.yml", "ABC001.yaml"): meant as a rule, whatever else
# the pack folder holds (word lists, lexicons)
_LOOKS_LIKE_RULE = compile_re(r"^[A-Za-z]{2,4}[0-9]{3}(?![0-9])")


def rule_files(directory: Path) -> list[Path]:
    """The rule files of a folder of packs; a YAML file named like a rule but not ``CODE-name.yaml`` is an error
    (it would silently not be read), the other YAML files are the packs' data (word lists, lexicons)."""
    files = []
    for path in sorted(directory.glob("*/*.y*ml")):
        if RULE_FILE.match(path.name):
            files.append(path)
        elif _LOOKS_LIKE_RULE.match(path.name):
            raise RuleError(f"{path}: a rule file is named CODE-name.yaml (for example ABC001-house-style.yaml); "
                            "this one would not be read")
    return files


def load_rules(directories) -> list[Rule]:
    """Every rule in the given pack folders, checked for unique codes and names."""
    rules: list[Rule] = []
    seen_codes: dict[str, Path] = {}
    seen_names: dict[str, Path] = {}
    for directory in directories:
        directory = Path(directory)
        if not directory.is_dir():
            raise RuleError(f"{directory}: rule-pack folder not found")
        files = rule_files(directory)
        # (a folder that only extends the knowledge base, with a knowledge/ folder and no rules, is a pack too)
        if not files and not (directory / "knowledge").is_dir():
            raise RuleError(f"{directory}: no rule files here; rule-paths names the folder that holds rule packs, "
                            "each a folder of CODE-name.yaml files (the layout of medlint's rules/)")
        for path in files:
            try:
                rule = parse_rule(load_yaml(path), path)
            except DataFileError as exc:
                raise RuleError(str(exc)) from None
            if rule.code in seen_codes:
                raise RuleError(f"{path}: code {rule.code} is already used by {seen_codes[rule.code]}")
            if rule.name in seen_names:
                raise RuleError(f"{path}: name {rule.name} is already used by {seen_names[rule.name]}")
            seen_codes[rule.code] = path
            seen_names[rule.name] = path
            rules.append(rule)
    rules.sort(key=lambda r: r.code)
    return rules


def matches(selector: str, rule: Rule) -> bool:
    """A selector is ALL, a category, a code, or a prefix of codes (ruff's style)."""
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    if s.lower() == rule.category:
        return True
    return rule.code.startswith(s.upper()) and bool(s)


def valid_selector(selector: str, rules) -> bool:
    return any(matches(selector, r) for r in rules)
