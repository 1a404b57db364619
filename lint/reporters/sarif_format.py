"""SARIF 2.1.0: one run, the rules in tool.driver.rules, one result per finding."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from urllib.parse import quote_from_bytes

from lint.reporters import display_path

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_uri(path: str) -> str:
    """A file's path as the URI reference SARIF's ``artifactLocation.uri`` must be (RFC 3986).

    The raw path is not one: a space is not allowed, "#1.md" reads as a fragment,
    "c:d.md" as a URI with the scheme "c", and "/srv/a.md" has no scheme, so a
    consumer such as GitHub code scanning puts the findings on another file or
    none. An absolute path becomes a file:// URI; a relative one stays relative
    (the consumer resolves it against its checkout) with forward slashes and
    every segment percent-encoded, ':' included, so no first segment can read as
    a scheme. Relative and absolute paths are encoded the same way (the file
    name's bytes, '/' kept), as pathlib's as_uri does.
    """
    pure = PurePath(path)
    if pure.is_absolute():
        return Path(path).as_uri()
    return quote_from_bytes(os.fsencode(pure.as_posix()), safe="/")


def _rule_entry(rule) -> dict:
    entry = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.name.replace("-", " ")},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": rule.rationale, "markdown": f"**{rule.code} {rule.name}**\n\n{rule.rationale}"},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }
    if rule.url:
        entry["helpUri"] = rule.url
    return entry


def as_dict(report) -> dict:
    used = sorted({f.code for r in report.results for f in r.findings})
    codes = sorted(report.rules) if report.rules else used
    index = {code: i for i, code in enumerate(codes)}
    rules = [_rule_entry(report.rules[c]) for c in codes if c in report.rules]
    results = []
    notifications = []
    for r in report.results:
        uri = artifact_uri(r.path)
        if r.error:
            notifications.append({
                "level": "error",
                "message": {"text": f"{display_path(r.path)}: {r.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            })
        for f in r.findings:
            result = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                            "charOffset": f.start,
                            "charLength": f.end - f.start,
                            "snippet": {"text": f.text},
                        },
                    }
                }],
                "properties": {"category": f.category},
            }
            if f.code in index and rules:
                result["ruleIndex"] = index[f.code]
            if f.suggestions:
                result["properties"]["suggestions"] = list(f.suggestions)
            results.append(result)
    run = {
        "tool": {"driver": {
            "name": "medlint",
            "version": report.version,
            "informationUri": "https://pypi.org/project/medlint/",
            "rules": rules,
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if notifications:
        # (a page that could not be read was not checked: the run, which exits 2, did not succeed)
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"
