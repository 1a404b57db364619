"""Terminal output: ``path:line:col: CODE message``, the source line with a caret
underline, then a summary. Colour only when writing to a terminal."""

from __future__ import annotations

import unicodedata
from collections import Counter

from lint.documents.base import source_lines

_COLORS = {"error": "31", "warning": "33", "info": "36", "path": "1", "code": "1;35", "dim": "2", "caret": "1;31"}


def _paint(text: str, key: str, on: bool) -> str:
    return f"\x1b[{_COLORS[key]}m{text}\x1b[0m" if on else text


def _source_line(lines: list[str], line: int) -> str:
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _expand(text: str) -> str:
    return text.replace("\t", "    ")


def _width(text: str) -> int:
    """Terminal columns of a text: an emoji or a CJK character takes two, a combining mark or a joiner none, so
    the caret stands under the finding's characters, not before them."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


#: the longest source line shown whole; a longer one (minified HTML, a page on one line) is shown around the finding
_MAX_SHOWN = 160
_CONTEXT = 40


def _window(src: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of a source line shown under a finding at ``start:end``: the whole line when it is short, else the
    finding (its first hundred characters) with some words either side, "…" marking what is left out. Returns the text
    shown and the line's offsets it runs between."""
    if len(src) <= _MAX_SHOWN:
        return src, 0, len(src)
    a = max(0, start - _CONTEXT)
    b = min(len(src), min(end, start + 100) + _CONTEXT)
    return ("…" if a > 0 else "") + src[a:b] + ("…" if b < len(src) else ""), a, b


def render(report) -> str:
    c = report.color
    out: list[str] = []
    for result in report.results:
        if result.error and not result.findings:
            continue  # said on stderr, one line per file (the command line prints it, in every format)
        if report.quiet:
            continue
        lines = source_lines(result.source) if report.show_source and result.findings else []
        for f in result.findings:
            head = (f"{_paint(result.path, 'path', c)}:{f.line}:{f.column}: "
                    f"{_paint(f.code, f.severity, c)} {f.message}")
            out.append(head)
            if report.show_source:
                src = _source_line(lines, f.line)
                width = len(str(f.line))
                end_col = f.end_column if f.end_line == f.line else len(src) + 1
                shown, start, stop = _window(src, f.column - 1, end_col - 1)
                prefix = _expand(shown[: f.column - 1 - start + (start > 0)])
                marked = _expand(src[f.column - 1 : min(end_col - 1, stop)]) or " "
                gutter = _paint(f"{' ' * width} |", "dim", c)
                out.append(f"{_paint(f'{f.line} |', 'dim', c)} {_expand(shown)}")
                indent = " " * _width(prefix)
                out.append(f"{gutter} {indent}{_paint('^' * max(1, _width(marked)), 'caret', c)}")
                if f.suggestions:
                    out.append(f"{gutter} {indent}{_paint('help: ' + ' / '.join(f.suggestions[:3]), 'dim', c)}")
                out.append("")
    s = report.summary()
    if report.statistics:
        counts = Counter((f.code, f.name, f.severity) for r in report.results for f in r.findings)
        for (code, name, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"{n:5d}  {_paint(code, severity, c)}  {name}")
        if counts:
            out.append("")
    # a file with an error and no source could not be read, so was not checked; one with its source was checked and
    # only writing its fixes failed (a read-only file)
    failed = sum(1 for r in report.results if r.error and not r.source)
    unwritten = sum(1 for r in report.results if r.error and r.source)
    checked = s["files"] - failed
    files = f"{checked} file{'s' if checked != 1 else ''}"
    unread = f"; {failed} file{'s' if failed != 1 else ''} could not be read" if failed else ""
    if unwritten:
        unread += f"; {unwritten} file{'s' if unwritten != 1 else ''} could not be written"
    if s["findings"]:
        parts = [f"{s[k]} {label}{'s' if s[k] != 1 and label != 'info' else ''}"
                 for k, label in (("errors", "error"), ("warnings", "warning"), ("infos", "info")) if s[k]]
        plural = "s" if s["findings"] != 1 else ""
        files_with = sum(1 for r in report.results if r.findings)
        out.append(f"Found {s['findings']} problem{plural} ({', '.join(parts)}) in {files_with} of {files}{unread}.")
    elif failed and not checked:
        out.append(f"No file checked: {failed} file{'s' if failed != 1 else ''} could not be read.")
    elif failed or unwritten:
        out.append(f"No problems found in the {files} checked{unread}.")
    elif not report.quiet:
        out.append(f"All clear: {files} checked, no problems found.")
    # (quiet and clean: nothing at all, not an empty line)
    return "\n".join(out) + "\n" if out else ""
