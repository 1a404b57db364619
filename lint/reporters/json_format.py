"""The JSON report, version 1 (the contract in DESIGN.md; schema in lint/schemas/report-v1.json)."""

from __future__ import annotations

import json


def as_dict(report) -> dict:
    files = []
    for result in report.results:
        entry = {"path": result.path, "findings": [f.to_dict() for f in result.findings]}
        if result.error:
            entry["error"] = result.error
        files.append(entry)
    return {
        "version": 1,
        "tool": {"name": "medlint", "version": report.version},
        "files": files,
        "summary": report.summary(),
    }


def render(report) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"
