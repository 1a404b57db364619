"""Grammar slips our own rules catch without a grammar server."""

from __future__ import annotations

from lint.kinds.base import Kind

# word pairs that are correct when doubled
_ALLOWED_DOUBLES = {"that", "had", "is", "do", "very", "bye", "so", "no", "knock", "ha", "blah", "tsk"}


class RepeatedWord(Kind):
    """The same word twice in a row: "the the"."""

    name = "repeated-word"
    options = {"allowed": (list, lambda: sorted(_ALLOWED_DOUBLES))}

    def setup(self):
        self.allowed = {w.lower() for w in self.opts["allowed"]}

    def check(self, page):
        for unit in self.units(page):
            doc = unit.doc
            for tok in doc[1:]:
                prev = doc[tok.i - 1]
                if tok.is_alpha and prev.is_alpha and tok.lower_ == prev.lower_ and tok.lower_ not in self.allowed \
                        and prev.whitespace_ and not prev.whitespace_.strip():
                    yield self.hit(unit, prev.idx, tok.idx + len(tok.text), suggestions=(prev.text,),
                                   fix=prev.text if self.rule.fix else None, word=tok.text)
