"""Readability: sentences too long for patient copy."""

from __future__ import annotations

from lint.kinds.base import Kind


def count_words(span) -> int:
    """Words as a reader counts them: "well-known" and "24-48" are one word each."""
    words = 0
    joined = False
    for tok in span:
        if tok.is_alpha or tok.like_num or (tok.is_ascii is False and tok.text.isalnum()):
            if not joined:
                words += 1
            joined = False
        elif tok.text in ("-", "–", "/") and not tok.whitespace_ and tok.i > span.start and not tok.nbor(-1).whitespace_:
            joined = True
        else:
            joined = False
    return words


class SentenceLength(Kind):
    name = "sentence-length"
    options = {"max_words": (int, 30)}

    def check(self, page):
        limit = self.opts["max_words"]
        for unit in self.units(page):
            for sent in unit.doc.sents:
                words = count_words(sent)
                if words > limit:
                    text = sent.text.rstrip()
                    yield self.hit(unit, sent.start_char, sent.start_char + len(text), words=words, limit=limit)
