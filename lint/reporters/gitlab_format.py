"""GitLab Code Quality: the Code Climate JSON subset GitLab reads from a
``codequality`` report artifact and shows in merge requests.

The fingerprint identifies a finding across commits: it hashes the rule code,
the file and the matched text with its occurrence index (as the baseline does),
not the line, so a finding that only moves is not reported as fixed and new.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from lint.baseline import finding_keys

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def report_path(path: str) -> str:
    """A path as GitLab expects it: relative to the project root (the job's working folder), POSIX."""
    if path == "-":
        return path
    if os.path.isabs(path):
        try:
            return Path(path).relative_to(Path.cwd()).as_posix()
        except ValueError:
            return Path(path).as_posix()
    return Path(os.path.normpath(path)).as_posix()


def _fingerprint(*parts) -> str:
    return hashlib.sha256("\0".join(map(str, parts)).encode("utf-8")).hexdigest()


def as_list(report) -> list[dict]:
    issues = []
    for result in report.results:
        path = report_path(result.path)
        if result.error:
            issues.append({
                "type": "issue",
                "check_name": "medlint/file-error",
                "description": f"medlint could not read this file: {result.error}",
                "categories": ["Bug Risk"],
                "severity": "major",
                "fingerprint": _fingerprint("file-error", path),
                "location": {"path": path, "lines": {"begin": 1}},
            })
            continue
        for f, key in zip(result.findings, finding_keys(path, result.findings)):
            description = f"{f.code} {f.message}"
            if f.suggestions:
                description += f" Suggestion: {f.suggestions[0]}"
            issues.append({
                "type": "issue",
                "check_name": f"{f.code} {f.name}",
                "description": description,
                "categories": ["Clarity"],
                "severity": _SEVERITY[f.severity],
                "fingerprint": _fingerprint(*key),
                "location": {
                    "path": path,
                    "lines": {"begin": f.line, "end": f.end_line},
                },
            })
    return issues


def render(report) -> str:
    return json.dumps(as_list(report), indent=2, ensure_ascii=False) + "\n"
