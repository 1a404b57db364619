"""Suppression comments in Markdown and HTML.

``<!-- medlint-disable CODE[,CODE] -->`` ... ``<!-- medlint-enable -->`` turns rules
off for a stretch of the page; ``<!-- medlint-disable-line CODE -->`` for the line it is
on; ``<!-- medlint-disable-next-line CODE -->`` for the next line with text;
``<!-- medlint-disable-file -->`` for the whole file. With no codes a directive applies
to every rule. Codes may be prefixes or categories, as on the command line; a reason
may follow `` -- ``. A code that names no rule is a warning (the engine checks them).

A finding suppressed on its line or stretch was found and reviewed where it stands, so it still
covers a sentence model's report of the same sentence (``defer_to``); ``disable-file`` turns its
rules off for the page, as ``per-file-ignores`` does, and a model then reports what they would have.
"""

from __future__ import annotations

import bisect

from lint.documents import Directive
from lint.model import Finding


def _scope(codes: tuple[str, ...]) -> tuple[str, ...]:
    """A directive's codes, with ALL (any case, as the selectors take it) meaning every rule: no codes."""
    return () if any(c.strip().upper() == "ALL" for c in codes) else codes


def _applies(codes, finding: Finding) -> bool:
    if not codes:
        return True
    return any(finding.code.startswith(c) or c.lower() == finding.category for c in codes)


class Suppressions:
    def __init__(self, source: str, directives: list[Directive], line_starts: list[int]):
        self.file_codes: list[tuple[str, ...]] = []
        self.ranges: list[tuple[int, int, tuple[str, ...]]] = []
        self.lines: list[tuple[int, tuple[str, ...]]] = []
        open_ranges: list[tuple[int, tuple[str, ...]]] = []
        for d in sorted(directives, key=lambda d: d.offset):
            scope = _scope(d.codes)
            if d.action == "disable-file":
                self.file_codes.append(scope)
            elif d.action == "disable":
                open_ranges.append((d.offset, scope))
            elif d.action == "enable":
                still_open = []
                for start, codes in open_ranges:
                    if not scope or (codes and set(codes) <= set(scope)):
                        self.ranges.append((start, d.offset, codes))
                    else:
                        still_open.append((start, codes))
                open_ranges = still_open
            elif d.action == "disable-line":  # the line the comment is on (ESLint's habit: after the text)
                self.lines.append((bisect.bisect_right(line_starts, d.offset), scope))
            elif d.action == "disable-next-line":
                comment_end = source.find("-->", d.offset)
                pos = comment_end + 3 if comment_end != -1 else d.offset
                line = bisect.bisect_right(line_starts, pos)  # 1-based line of the comment's end
                # the next line that has text on it
                while line < len(line_starts):
                    start = line_starts[line]
                    end = line_starts[line + 1] if line + 1 < len(line_starts) else len(source)
                    if source[start:end].strip():
                        break
                    line += 1
                self.lines.append((line + 1, scope))
        for start, codes in open_ranges:
            self.ranges.append((start, len(source) + 1, codes))

    def __bool__(self) -> bool:
        return bool(self.file_codes or self.ranges or self.lines)

    def suppressed(self, finding: Finding) -> bool:
        return any(_applies(codes, finding) for codes in self.file_codes) or self.suppressed_in_place(finding)

    def suppressed_in_place(self, finding: Finding) -> bool:
        """Suppressed by a comment on its line or around its stretch of the page, not for the whole file:
        an editor who put the comment there has read this finding and let the text stand."""
        for start, end, codes in self.ranges:
            if start <= finding.start < end and _applies(codes, finding):
                return True
        for line, codes in self.lines:
            if finding.line == line and _applies(codes, finding):
                return True
        return False
