"""SARIF 2.1.0: one run, the rules in tool.driver.rules, one result per finding."""

from __future__ import annotations

import json

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


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
        if r.error:
            notifications.append({
                "level": "error",
                "message": {"text": f"{r.path}: {r.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": r.path}}}],
            })
        for f in r.findings:
            result = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": r.path},
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
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notifications}]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"
