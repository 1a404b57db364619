"""Structure: headings repeated on one page."""

from __future__ import annotations

import re

from lint.kinds.base import Kind

_NORMALISE = re.compile(r"[\W_]+")


class DuplicateHeading(Kind):
    name = "duplicate-heading"
    page_level = True
    options = {}

    def check(self, page):
        seen: dict[str, object] = {}
        for unit in page.headings:
            block = unit.block
            # an HTML <title> usually repeats the <h1>: that is not a duplicate
            if block.scope == "title" and page.format == "html":
                continue
            key = _NORMALISE.sub(" ", block.text.lower()).strip()
            if not key:
                continue
            if key in seen:
                yield self.hit(unit, 0, len(block.text), first=seen[key])
            else:
                seen[key] = f"line {self._line(page, block)}"

    @staticmethod
    def _line(page, block):
        return page.document.source.count("\n", 0, block.src_start) + 1
