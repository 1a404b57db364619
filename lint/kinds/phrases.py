"""Phrase-list kinds: ``existence`` (these words should not appear) and
``substitution`` (write this instead of that). Vale's two workhorses.

Both scan each block with one compiled regex, skip matches inside an
``exceptions`` phrase ("superior vena cava" is anatomy, not hype), and can skip
matches under a negation or hedge ("no operation is risk-free").
"""

from __future__ import annotations

from lint.kinds.base import Kind, is_negated, match_case
from lint.matching import compile_pattern, compile_phrases, finditer


class _PhraseKind(Kind):
    def _compile_common(self):
        case = self.opts["case_sensitive"]
        self.exceptions = compile_phrases(self.opts["exceptions"], case)
        self.patterns = [
            compile_pattern(p, f"{self.rule.path}: rule {self.rule.code}", case) for p in self.opts["patterns"]
        ]

    def _matches(self, unit):
        text = unit.block.text
        excepted = [(m.start(), m.end()) for m in finditer(self.exceptions, text)]
        regexes = [self.regex, *self.patterns]
        for compiled in regexes:
            for m in finditer(compiled, text):
                s, e = m.span()
                if s == e or any(a <= s and e <= b for a, b in excepted):
                    continue
                if self.opts["skip_negated"] and is_negated(unit, s, e):
                    continue
                yield m


class Existence(_PhraseKind):
    """Flags each occurrence of a listed phrase or pattern."""

    name = "existence"
    options = {
        "tokens": (list, list),
        "patterns": (list, list),
        "exceptions": (list, list),
        "case_sensitive": (bool, False),
        "skip_negated": (bool, False),
    }

    def setup(self):
        if not self.opts["tokens"] and not self.opts["patterns"]:
            raise self.error("an existence rule needs 'tokens' or 'patterns'")
        self.regex = compile_phrases(self.opts["tokens"], self.opts["case_sensitive"])
        self._compile_common()

    def check(self, page):
        for unit in self.units(page):
            for m in self._matches(unit):
                suggestions = tuple(match_case(s, m.group()) for s in self.rule.suggestions)
                yield self.hit(unit, m.start(), m.end(), suggestions=suggestions)


class Substitution(_PhraseKind):
    """Suggests the preferred term for each listed one (``swap``: wrong -> right or [right, ...])."""

    name = "substitution"
    options = {
        "swap": (dict, Kind.REQUIRED),
        "patterns": (list, list),
        "exceptions": (list, list),
        "case_sensitive": (bool, False),
        "skip_negated": (bool, False),
    }

    def setup(self):
        self.swap = {}
        for wrong, right in self.opts["swap"].items():
            rights = [right] if isinstance(right, str) else right
            if not isinstance(rights, list) or not rights or not all(isinstance(r, str) for r in rights):
                raise self.error(f"swap '{wrong}' must map to a string or a list of strings")
            key = str(wrong) if self.opts["case_sensitive"] else str(wrong).lower()
            self.swap[" ".join(key.replace("-", " ").split())] = rights
        if self.opts["patterns"]:
            raise self.error("a substitution rule takes 'swap', not 'patterns'")
        self.opts["patterns"] = []
        self.regex = compile_phrases(list(self.opts["swap"]), self.opts["case_sensitive"])
        self._compile_common()

    def lookup(self, matched: str):
        key = matched if self.opts["case_sensitive"] else matched.lower()
        return self.swap.get(" ".join(key.replace("-", " ").split()), ())

    def check(self, page):
        for unit in self.units(page):
            for m in self._matches(unit):
                rights = self.lookup(m.group())
                suggestions = tuple(match_case(r, m.group()) for r in rights)
                fix = suggestions[0] if self.rule.fix and len(suggestions) == 1 else None
                yield self.hit(unit, m.start(), m.end(), suggestions=suggestions, fix=fix)
