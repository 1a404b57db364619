"""Phrase-list kinds: ``existence`` (these words should not appear) and
``substitution`` (write this instead of that). Vale's two workhorses.

Both scan each block with one compiled regex and skip a match when:

* it lies inside an ``exceptions`` phrase or an ``exception_patterns`` match
  ("superior vena cava" is anatomy, not hype; "a painless lump" is a symptom);
* ``skip_negated`` is on and a negation that starts *before* the match governs
  it ("no operation is risk-free", "results are not guaranteed"). A negation
  word inside the match is part of the phrase, not a negation of it: "no side
  effects" is itself the claim. "not only" and "not just" do not negate;
* one of the ``hedges`` stands before it in the same clause, at most
  ``hedge_window`` words away ("usually painless", "impossible to guarantee").

``substitution`` maps each phrase (``swap``) or regular expression
(``pattern_swap``, whose alternatives may use the pattern's named groups as
``\\g<name>``) to the words to write instead.
"""

from __future__ import annotations

import regex

from lint.kinds.base import Kind, match_case
from lint.matching import compile_pattern, compile_phrases, finditer

# a clause ends at these: a hedge or negation before them does not reach past
_CLAUSE_BREAK = regex.compile(r"[.;:!?()\[\]—–]|,\s|\b(?:but|however|although|though|whereas|while|yet)\b", regex.I)
_NOT_NEGATING = {"only", "just", "merely", "simply"}
_OWN_NEGATION = {"no", "not", "never", "without", "zero", "none", "nothing"}


def negated_before(unit, start: int, end: int) -> bool:
    """True when a negation scope that begins before ``start`` covers the match."""
    doc = unit.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if doc[span.start].lower_ in _OWN_NEGATION:
        return False  # the phrase carries its own negation ("no side effects"): it is the claim itself
    for neg in doc.spans.get("negated", ()):
        if neg.start < span.start < neg.end:
            trigger = doc[neg.start]
            following = doc[neg.start + 1].lower_ if neg.start + 1 < len(doc) else ""
            if trigger.lower_ in ("not", "n't") and following in _NOT_NEGATING:
                continue
            # "and" joining two words ("safe and painless") keeps the negation; "and" opening a new
            # clause ("walking without a stick and enjoy a pain-free knee") ends it
            if any(doc[i].lower_ in ("and", "or") and span.start - i > 2 for i in range(neg.start + 1, span.start)):
                continue
            return True
    return False


class _PhraseKind(Kind):
    common_options = {
        "exceptions": (list, list),
        "exception_patterns": (list, list),
        "case_sensitive": (bool, False),
        "skip_negated": (bool, False),
        "hedges": (list, list),
        "hedge_window": (int, 3),
    }

    def _compile_common(self):
        case = self.opts["case_sensitive"]
        where = f"{self.rule.path}: rule {self.rule.code}"
        self.exceptions = compile_phrases(self.opts["exceptions"], case)
        self.exception_patterns = [compile_pattern(p, where, case) for p in self.opts["exception_patterns"]]
        self.patterns = [compile_pattern(p, where, case) for p in self.opts["patterns"]]
        hedges = compile_phrases(self.opts["hedges"], False)
        window = max(0, self.opts["hedge_window"])
        self.hedge = (
            regex.compile(rf"(?:{hedges.pattern})(?:\s+[\w'’-]+){{0,{window}}}\s*$", regex.I) if hedges is not None else None
        )

    def _hedged(self, text: str, start: int) -> bool:
        if self.hedge is None:
            return False
        before = text[max(0, start - 120):start]
        cut = 0
        for m in _CLAUSE_BREAK.finditer(before):
            cut = m.end()
        return bool(self.hedge.search(before[cut:]))

    def _matches(self, unit):
        """(match, compiled pattern) for each match that is not excepted, negated or hedged."""
        text = unit.block.text
        excepted = [(m.start(), m.end()) for m in finditer(self.exceptions, text)]
        for pattern in self.exception_patterns:
            excepted.extend((m.start(), m.end()) for m in finditer(pattern, text))
        candidates = []
        for compiled in [self.regex, *self.patterns]:
            for m in finditer(compiled, text):
                s, e = m.span()
                if s == e or any(a <= s and e <= b for a, b in excepted):
                    continue
                candidates.append((m, compiled))
        # where a phrase and a longer pattern match the same words ("no complications" inside
        # "virtually no complications"), the longer match is the finding
        spans = [m.span() for m, _ in candidates]
        seen = set()
        for m, compiled in sorted(candidates, key=lambda c: (c[0].start(), -c[0].end())):
            s, e = m.span()
            if (s, e) in seen or any((a, b) != (s, e) and a <= s and e <= b for a, b in spans):
                continue
            seen.add((s, e))
            if self.opts["skip_negated"] and negated_before(unit, s, e):
                continue
            if self._hedged(text, s):
                continue
            yield m, compiled


class Existence(_PhraseKind):
    """Flags each occurrence of a listed phrase or pattern."""

    name = "existence"
    options = {
        "tokens": (list, list),
        "patterns": (list, list),
        **_PhraseKind.common_options,
    }

    def setup(self):
        if not self.opts["tokens"] and not self.opts["patterns"]:
            raise self.error("an existence rule needs 'tokens' or 'patterns'")
        self.regex = compile_phrases(self.opts["tokens"], self.opts["case_sensitive"])
        self._compile_common()

    def check(self, page):
        for unit in self.units(page):
            for m, _ in self._matches(unit):
                suggestions = tuple(match_case(s, m.group()) for s in self.rule.suggestions)
                yield self.hit(unit, m.start(), m.end(), suggestions=suggestions)


class Substitution(_PhraseKind):
    """Suggests the preferred words for each listed phrase (``swap``) or pattern (``pattern_swap``)."""

    name = "substitution"
    options = {
        "swap": (dict, dict),
        "pattern_swap": (dict, dict),
        "patterns": (list, list),
        **_PhraseKind.common_options,
    }

    @staticmethod
    def _alternatives(key, value, error):
        rights = [value] if isinstance(value, str) else value
        if not isinstance(rights, list) or not rights or not all(isinstance(r, str) for r in rights):
            raise error(f"'{key}' must map to a string or a list of strings")
        return rights

    def setup(self):
        if not self.opts["swap"] and not self.opts["pattern_swap"]:
            raise self.error("a substitution rule needs 'swap' or 'pattern_swap'")
        if self.opts["patterns"]:
            raise self.error("a substitution rule takes 'swap' or 'pattern_swap', not 'patterns'")
        self.swap = {}
        for wrong, right in self.opts["swap"].items():
            rights = self._alternatives(f"swap {wrong}", right, self.error)
            key = str(wrong) if self.opts["case_sensitive"] else str(wrong).lower()
            self.swap[" ".join(key.replace("-", " ").split())] = rights
        self.regex = compile_phrases(list(self.opts["swap"]), self.opts["case_sensitive"])
        self._compile_common()
        where = f"{self.rule.path}: rule {self.rule.code}"
        self.pattern_rights = {}
        for pattern, right in self.opts["pattern_swap"].items():
            compiled = compile_pattern(str(pattern), where, self.opts["case_sensitive"])
            self.pattern_rights[compiled] = self._alternatives(f"pattern_swap {pattern}", right, self.error)
            self.patterns.append(compiled)

    def lookup(self, matched: str):
        key = matched if self.opts["case_sensitive"] else matched.lower()
        return self.swap.get(" ".join(key.replace("-", " ").split()), ())

    def check(self, page):
        for unit in self.units(page):
            for m, compiled in self._matches(unit):
                if compiled is self.regex:
                    rights = self.lookup(m.group())
                else:
                    rights = [_expand(m, r) for r in self.pattern_rights.get(compiled, ())]
                suggestions = tuple(match_case(r, m.group()) for r in rights if r)
                fix = suggestions[0] if self.rule.fix and len(suggestions) == 1 else None
                yield self.hit(unit, m.start(), m.end(), suggestions=suggestions, fix=fix)


def _expand(m, template: str) -> str:
    try:
        return " ".join(m.expand(template).split())
    except (regex.error, IndexError):
        return template
