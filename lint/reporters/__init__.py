"""Output formats. Each module has ``render(report) -> str``, a pure function of the findings."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace

from lint.model import FileResult

FORMATS = ("text", "json", "github", "sarif", "gitlab", "html")


@dataclass
class Report:
    results: list[FileResult]
    rules: dict = field(default_factory=dict)  # code -> Rule, for help text
    version: str = ""
    color: bool = False
    show_source: bool = True
    statistics: bool = False
    quiet: bool = False
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        findings = [f for r in self.results for f in r.findings]
        return {
            "files": len(self.results),
            "findings": len(findings),
            "errors": sum(f.severity == "error" for f in findings),
            "warnings": sum(f.severity == "warning" for f in findings),
            "infos": sum(f.severity == "info" for f in findings),
        }


def display_path(path: str) -> str:
    """A path as a report shows it: a file name that is not valid UTF-8 (read by Python as lone surrogates) gets its
    stray bytes as ``\\xff`` escapes, so that every report is valid UTF-8 and the name stays recognisable."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def render(fmt: str, report: Report) -> str:
    module = importlib.import_module(f"lint.reporters.{fmt}_format")
    if fmt != "sarif":  # (SARIF percent-encodes the name's own bytes in its URIs; it shows names where it needs them)
        report = replace(report, results=[replace(r, path=display_path(r.path)) for r in report.results])
    return module.render(report)
