"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report) -> str:
    lines = []
    for result in report.results:
        path = _escape_property(result.path)
        if result.error:
            lines.append(f"::error file={path},title=medlint::{_escape_data(result.error)}")
        for f in result.findings:
            props = (
                f"file={path},line={f.line},col={f.column},endLine={f.end_line},"
                f"endColumn={f.end_column},title={_escape_property(f.code + ' ' + f.name)}"
            )
            message = f.message
            if f.suggestions:
                message += f" Suggestion: {f.suggestions[0]}"
            lines.append(f"::{_LEVEL[f.severity]} {props}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
