"""What every rule kind shares.

A kind is the logic; a rule is a kind plus knowledge (its YAML file). A kind
class declares the options its rules may carry (``options``: name -> (type,
default)), checks them when the rule pack is loaded, and yields :class:`Hit`
objects from ``check(page)``. Hits are in block-text offsets; the engine maps
them to the source, applies scopes, suppressions and severities.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import ClassVar, Iterable

from lint.documents import Block
from lint.matching import PatternError, compile_builtin
from lint.model import Fix
from lint.page import Page, Unit
from lint.registry import Rule, RuleError, builtin_rules_dir, check_template

_MISSING = object()
#: a term's abbreviation in brackets, right after it: "Atrial fibrillation| (AF)"
ABBREVIATION_AFTER = compile_builtin(r"\s*\([A-Z][A-Za-z0-9-]{1,9}\)")
#: a battery's size after its letters, which are read as a size and not spelled out: "an AA battery", "a AAA battery"
#: (read "triple A"), "AAA batteries"
BATTERY_SIZE_AFTER = compile_builtin(r"(?i)[ -](?:size\s+|sized\s+)?batter(?:y|ies)\b")


@dataclass
class Hit:
    block: Block
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    #: a model's score for the hit (sentence-model kinds); the engine may weigh it against the page
    score: float | None = None
    #: the rule is less sure of this hit: the engine reports it one level below the rule's severity (error as
    #: warning, warning as info)
    demoted: bool = False
    #: a slip of its own, reported even where a finding of a rule its rule defers to covers it (a false fact said of a
    #: term, beside the mix-up of two terms the other rule reports): deferral drops the same slip reported twice
    own_slip: bool = False


class _Vars(dict):
    def __missing__(self, key):
        return "{" + key + "}"


class Kind:
    """Base class of rule kinds. Subclasses set ``name`` and ``options`` and define ``check``."""

    name: ClassVar[str] = ""
    #: option name -> (type or tuple of types, default); a default of _MISSING makes it required
    options: ClassVar[dict] = {}
    #: list options whose items are not strings: option -> the items' type (the kind checks the items' contents).
    #: Every other list option is a list of strings (words, phrases, patterns), checked when the rule loads.
    list_items: ClassVar[dict] = {}
    #: numeric options that are counts or limits, where 0 is meaningless too ("max_words: 0" flags every
    #: sentence); every numeric option must be a finite number of at least 0
    positive_options: ClassVar[frozenset] = frozenset()
    #: True when the kind reads page-level facts (its rule cannot be judged on one block alone)
    page_level: ClassVar[bool] = False

    REQUIRED = _MISSING

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # every kind's option: the rules that report the same slip with more to say of it ("a gastric sleeve, also
        # known as a gastric bypass" is TRM003's, two procedures of the knowledge base, before TRM004's). A finding of
        # this rule that one of theirs covers is not reported twice (see ``Hit.own_slip`` and the engine)
        cls.options = {**cls.options, "defer_to": (list, list)}

    def __init__(self, rule: Rule, kb, settings, warnings: list[str] | None = None):
        self.rule = rule
        self.kb = kb
        self.settings = settings
        self._warnings = warnings if warnings is not None else []
        configured = settings.rule_options(rule.code)
        self.opts = self._validate(rule, {**rule.options, **configured}, set(configured), settings.source)
        #: the codes of the rules whose findings cover this rule's (the engine drops the covered ones)
        self.defers_to = tuple(self.opts["defer_to"])
        try:
            self.setup()
        except PatternError as exc:  # a pattern that does not compile: the rule's file (or the config) is wrong
            where = f" (its options are set in {settings.source or 'config'}: rules.{rule.code})" if configured else ""
            raise RuleError(f"{exc}{where}") from None

    # -- life cycle ------------------------------------------------------------
    def setup(self) -> None:
        """Compile patterns and tables once, when the rule is loaded."""

    def check(self, page: Page) -> Iterable[Hit]:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- helpers for subclasses --------------------------------------------------
    def warn(self, message: str) -> None:
        """A run-level warning (e.g. a service that did not answer), printed once on stderr."""
        if message not in self._warnings:
            self._warnings.append(message)

    @cached_property
    def trusted(self) -> bool:
        """True for a built-in rule whose options config has not changed: its patterns are
        our own, reviewed and tested, and need no time limit (see lint.matching)."""
        if self.settings.rule_options(self.rule.code):
            return False
        try:
            return Path(self.rule.path).resolve().is_relative_to(builtin_rules_dir())
        except (OSError, ValueError):
            return False

    def units(self, page: Page) -> list[Unit]:
        return [u for u in page.units if u.block.scope in self.rule.scope]

    def hit(self, unit_or_block, start: int, end: int, suggestions=(), fix: str | None = None,
            message: str | None = None, **variables) -> Hit:
        block = unit_or_block.block if isinstance(unit_or_block, Unit) else unit_or_block
        text = block.text[start:end]
        variables.setdefault("text", text)
        if suggestions:
            variables.setdefault("suggestion", suggestions[0])
        template = message if message is not None else self.rule.message
        msg = string.Formatter().vformat(template, (), _Vars(variables))
        return Hit(block, start, end, msg, tuple(suggestions), Fix(fix) if fix is not None else None)

    def check_template(self, option: str, fields) -> None:
        """An option that is a message template (a second message, a note) may name only the fields the kind fills
        in it: one it never fills would be printed as written in every finding. (The rule's own message is checked
        when the rule packs load: ``lint.registry.check_message``.)"""
        check_template(self.opts[option], fields, f"{self.rule.path}: rule {self.rule.code}", option)

    def error(self, message: str) -> RuleError:
        return RuleError(f"{self.rule.path}: rule {self.rule.code}: {message}")

    @classmethod
    def _validate(cls, rule: Rule, given: dict, configured: set = frozenset(), config=None) -> dict:
        """The rule's options with their defaults, checked; ``configured`` are the keys the user's config file
        (``config``) set, and a mistake in one of them is reported there, not in the rule's own file."""

        def where(keys) -> str:
            if keys and set(keys) <= configured:
                return f"{config or 'config'}: rules.{rule.code}"
            return f"{rule.path}: rule {rule.code}"

        unknown = set(given) - set(cls.options)
        if unknown:
            raise RuleError(f"{where(unknown)}: unknown option(s) {', '.join(sorted(unknown))} for kind '{cls.name}'")
        out = {}
        for key, (types, default) in cls.options.items():
            if key in given:
                value = given[key]
                if not isinstance(value, types) or (isinstance(value, bool) and bool not in _as_tuple(types)):
                    names = "/".join(t.__name__ for t in _as_tuple(types))
                    raise RuleError(f"{where([key])}: option '{key}' must be {names}")
                problem = cls._option_problem(key, value)
                if problem:
                    raise RuleError(f"{where([key])}: option '{key}' {problem}")
                out[key] = value
            elif default is _MISSING:
                raise RuleError(f"{where(())}: option '{key}' is required for kind '{cls.name}'")
            else:
                out[key] = default() if callable(default) else default
        return out


    @classmethod
    def _option_problem(cls, key: str, value) -> str | None:
        """What is wrong with an option's value of the right type, or None: a list option's items, a number's range
        (a negative window or a limit of 0 would be taken and quietly misread)."""
        if isinstance(value, list):
            item_type = cls.list_items.get(key)
            if item_type is not None:
                if not all(isinstance(v, item_type) for v in value):
                    return f"must be a list of {'mappings' if item_type is dict else item_type.__name__ + 's'}"
            # a list of mappings is a table of entries the kind checks itself (spelling's ``variants``)
            elif not all(isinstance(v, str) for v in value) and not (value and all(isinstance(v, dict) for v in value)):
                return "must be a list of strings (quote yes/no/on/off, numbers and null in YAML)"
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if not math.isfinite(value):
                return "must be a finite number"
            if key in cls.positive_options and value <= 0:
                return "must be above 0"
            if value < 0:
                return "must be 0 or more"
        return None


def _as_tuple(types):
    return types if isinstance(types, tuple) else (types,)


def token_span(unit: Unit, start: int, end: int):
    """The spaCy span covering text offsets [start, end) of a unit."""
    return unit.doc.char_span(start, end, alignment_mode="expand")


def is_negated(unit: Unit, start: int, end: int) -> bool:
    span = token_span(unit, start, end)
    if span is None:
        return False
    return any(neg.start <= span.start < neg.end or neg.start < span.end <= neg.end
               for neg in unit.doc.spans.get("negated", ()))


def match_case(template: str, original: str) -> str:
    """Write a suggestion in the case of the text it replaces."""
    if original.isupper() and len(original) > 1:
        return template.upper()
    if original[:1].isupper():
        return template[:1].upper() + template[1:]
    return template


def listed(names, last: str = "and") -> str:
    """Names as a message lists them: "heel", "heel and midfoot", "hand, wrist and forearm" (or, with ``last`` "or",
    as a choice: "hemifacial spasm or trigeminal neuralgia")."""
    names = list(names)
    if len(names) <= 1:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + f" {last} " + names[-1]
