"""GitHub Actions workflow commands: one annotation per finding.

``::warning file=F,line=L,col=C,endLine=L,endColumn=E,title=T::message``. What GitHub reads,
and where it says so:

- Escaping (actions/toolkit, packages/core/src/command.ts, ``escapeData`` and
  ``escapeProperty``; the runner undoes exactly these): in the message ``%``, CR and LF
  become ``%25``, ``%0D``, ``%0A``; in a property value ``:`` and ``,`` too (``%3A``,
  ``%2C``), since they end a property. An unescaped line break would end the command and
  print the rest of the message as a plain log line.
- Columns only on one line (actions/runner, ActionCommandManager.cs,
  ``ValidateLinesAndColumns``; the REST API's check-run annotations say the same): when
  ``line`` and ``endLine`` differ, the runner drops ``col`` and ``endColumn`` with a
  debug message, so a finding across lines is annotated by its lines alone.
- ``endColumn`` is the column of the last character, inclusive. GitHub's workflow-command
  docs only say "End column number" (github/docs#40038 asked which it is and was closed
  unanswered), but @actions/core's ``AnnotationProperties`` says ``endColumn`` "defaults
  to ``startColumn``" as ``endLine`` defaults to ``startLine``, which only makes sense
  for an inclusive end (an exclusive one would mark nothing), and the runner accepts
  ``endColumn == col`` and rejects only ``endColumn < col``, its rule for lines too.
  A finding's ``end_column`` is exclusive (DESIGN.md: ``end_column - column == len(text)``
  on one line), so the annotation's is one less.
"""

from __future__ import annotations

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _position(f) -> str:
    if f.end_line != f.line:
        return f"line={f.line},endLine={f.end_line}"
    # (an empty finding has end_column == column: it marks the one column it stands at)
    return f"line={f.line},col={f.column},endLine={f.end_line},endColumn={max(f.column, f.end_column - 1)}"


def render(report) -> str:
    lines = []
    for result in report.results:
        path = _escape_property(result.path)
        if result.error:
            lines.append(f"::error file={path},title=medlint::{_escape_data(result.error)}")
        for f in result.findings:
            props = f"file={path},{_position(f)},title={_escape_property(f.code + ' ' + f.name)}"
            message = f.message
            if f.suggestions:
                message += f" Suggestion: {f.suggestions[0]}"
            lines.append(f"::{_LEVEL[f.severity]} {props}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
