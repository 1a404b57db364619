"""Baselines: adopt medlint in a repository that already has findings.

``--write-baseline FILE`` records today's findings; ``--baseline FILE`` then
reports only findings that are not in it. A finding is keyed by its rule code,
its file and its matched text (whitespace folded), plus an occurrence index
among the findings with the same code and text in that file, and the text of
the line it is on (``context``). Line numbers are not part of the key, so
editing other parts of a page keeps its old findings baselined; a new
occurrence of the same problem is still reported, and it is the new one that
is reported: findings are matched first by the line they are on, then (a line
edited since, or a baseline written before lines were recorded) in order.

Paths are stored relative to the baseline file's folder, in POSIX form, so the
baseline works from any working directory and on any operating system.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

from lint.documents.base import source_lines
from lint.model import FileResult, Finding

FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a medlint baseline (exit code 2)."""


def _fold(text: str) -> str:
    return " ".join(text.split())


def baseline_path(path: str, root: Path) -> str:
    """A linted path as the baseline stores it: relative to ``root`` when it lies below it."""
    if path == "-":
        return "-"
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, root)).as_posix() if absolute.anchor == root.anchor else absolute.as_posix()


def finding_keys(path: str, findings: list[Finding]) -> list[tuple[str, str, str, int]]:
    """(path, code, text, occurrence) for each finding, in the findings' order (by position)."""
    seen: Counter = Counter()
    keys = []
    for f in findings:
        text = _fold(f.text)
        n = seen[(f.code, text)]
        seen[(f.code, text)] += 1
        keys.append((path, f.code, text, n))
    return keys


def finding_contexts(source: str, findings: list[Finding]) -> list[str]:
    """The text of the line each finding starts on, whitespace folded: where it stands, whatever its line number."""
    lines = source_lines(source)
    return [_fold(lines[f.line - 1]) if 0 < f.line <= len(lines) else "" for f in findings]


def write_baseline(file: str, results: list[FileResult], tool_version: str) -> int:
    """Record the findings of ``results`` in ``file``; returns how many were recorded."""
    root = Path(os.path.abspath(file)).parent
    entries = []
    for result in results:
        if result.error:
            continue
        keys = finding_keys(baseline_path(result.path, root), result.findings)
        for (path, code, text, n), context in zip(keys, finding_contexts(result.source, result.findings)):
            entries.append({"path": path, "code": code, "text": text, "occurrence": n, "context": context})
    entries.sort(key=lambda e: (e["path"], e["code"], e["text"], e["occurrence"]))
    # one finding a line: a baseline lives in the repository, and its diffs should read well
    lines = ",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in entries)
    text = (f'{{"medlint-baseline": {FORMAT_VERSION}, "tool-version": {json.dumps(tool_version)},\n'
            f' "findings": [\n{lines}\n ]}}\n' if entries else
            f'{{"medlint-baseline": {FORMAT_VERSION}, "tool-version": {json.dumps(tool_version)}, "findings": []}}\n')
    try:
        with open(file, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise BaselineError(f"{file}: cannot write the baseline: {exc.strerror or exc}") from None
    return len(entries)


class Baseline:
    def __init__(self, file: str, groups: dict[tuple[str, str, str], tuple[int, Counter]]):
        self.file = file
        self.root = Path(os.path.abspath(file)).parent
        #: (path, code, text) -> how many findings the baseline records, and the lines they were on (where recorded)
        self.groups = groups

    @classmethod
    def load(cls, file: str) -> Baseline:
        try:
            with open(file, encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise BaselineError(f"{file}: baseline file not found (create it with --write-baseline)") from None
        except OSError as exc:
            raise BaselineError(f"{file}: cannot read the baseline: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{file}: not a medlint baseline (not valid JSON: {exc})") from None
        if not isinstance(data, dict) or data.get("medlint-baseline") != FORMAT_VERSION:
            raise BaselineError(f"{file}: not a medlint baseline (expected 'medlint-baseline': {FORMAT_VERSION})")
        entries = data.get("findings")
        if not isinstance(entries, list):
            raise BaselineError(f"{file}: 'findings' must be a list")
        seen = set()
        groups: dict[tuple[str, str, str], tuple[int, Counter]] = {}
        for i, e in enumerate(entries):
            if not (
                isinstance(e, dict)
                and all(isinstance(e.get(k), str) for k in ("path", "code", "text"))
                and isinstance(e.get("occurrence"), int)
                and not isinstance(e.get("occurrence"), bool)
            ):
                raise BaselineError(
                    f"{file}: finding {i + 1} must have 'path', 'code', 'text' (strings) and 'occurrence' (a number)"
                )
            key = (e["path"], e["code"], e["text"], e["occurrence"])
            if key in seen:
                continue  # (a finding recorded twice is one finding)
            seen.add(key)
            count, lines = groups.get(key[:3], (0, Counter()))
            if isinstance(e.get("context"), str):  # (a baseline written before lines were recorded has none)
                lines[e["context"]] += 1
            groups[key[:3]] = (count + 1, lines)
        return cls(file, groups)

    def new_findings(self, result: FileResult) -> FileResult:
        """The result without the findings the baseline already records."""
        if result.error or not result.findings:
            return result
        keys = finding_keys(baseline_path(result.path, self.root), result.findings)
        contexts = finding_contexts(result.source, result.findings)
        known = [False] * len(keys)
        left: dict[tuple, list] = {}  # per group: recorded findings not yet matched, and lines not yet matched
        for i, (key, context) in enumerate(zip(keys, contexts)):
            group = key[:3]
            if group not in self.groups:
                continue
            if group not in left:
                count, lines = self.groups[group]
                left[group] = [count, Counter(lines)]
            if left[group][1][context] > 0:  # on a line the baseline recorded: that finding, wherever it moved
                left[group][1][context] -= 1
                left[group][0] -= 1
                known[i] = True
        # the rest in order, as many as the baseline has left unmatched: a recorded finding whose line has been
        # edited since, or one from a baseline that did not record lines
        for i, key in enumerate(keys):
            state = left.get(key[:3])
            if not known[i] and state is not None and state[0] > 0:
                state[0] -= 1
                known[i] = True
        kept = [f for f, is_known in zip(result.findings, known) if not is_known]
        if len(kept) == len(result.findings):
            return result
        return replace(result, findings=kept)
