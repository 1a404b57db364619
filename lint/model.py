"""The small value types every part of medlint shares: categories, severities, findings."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Every rule belongs to exactly one of these (a contract other tools rely on).
CATEGORIES = (
    "anatomy",
    "terminology",
    "spelling",
    "grammar",
    "evidence",
    "promotional",
    "inclusive",
    "readability",
    "seo",
    "structure",
)

#: Ordered from most to least severe; the rank is used by --fail-on.
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1, "never": 99}

#: Block scopes a document reader produces. Rules name the scopes they apply to.
SCOPES = (
    "title",
    "heading",
    "paragraph",
    "list_item",
    "table_cell",
    "link_text",
    "image_alt",
    "footnote",
    "reference",  # an entry of a reference list: author names, journal abbreviations, DOIs
)


@dataclass(frozen=True)
class Fix:
    """A safe replacement of the finding's whole source span."""

    replacement: str


@dataclass(frozen=True)
class Finding:
    """One problem, located in the decoded source file.

    ``start``/``end`` are code-point offsets into the source (end exclusive) and
    ``text == source[start:end]``. Line and column are 1-based; ``end_column`` is
    exclusive, so a one-line finding has ``end_column - column == len(text)``.
    """

    code: str
    name: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    text: str
    line: int
    column: int
    end_line: int
    end_column: int
    suggestions: tuple[str, ...] = ()
    url: str = ""
    fix: Fix | None = None

    def sort_key(self):
        return (self.start, self.end, self.code, self.message)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "text": self.text,
            "span": {"start": self.start, "end": self.end},
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "suggestions": list(self.suggestions),
            "url": self.url,
        }


@dataclass
class FileResult:
    """The outcome of linting one file: findings, or an error that stopped it."""

    path: str
    source: str = ""
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
