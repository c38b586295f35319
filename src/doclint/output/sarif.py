"""SARIF 2.1.0, the format code-scanning services read."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from doclint import __version__
from doclint.diagnostics import Diagnostic, Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def format_sarif(diagnostics: Sequence[Diagnostic], known_rules: Iterable[Any] | None = None) -> str:
    """``known_rules``: every rule of the run (with the project's pack rules); default: built-in and plugins."""
    from doclint.rules import all_rules

    rules = list(all_rules() if known_rules is None else known_rules)
    index = {rule.code: position for position, rule in enumerate(rules)}
    log: dict[str, Any] = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "doclint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/doclint/",
                        "rules": [_rule_descriptor(rule) for rule in rules],
                    }
                },
                "results": [_result(d, index) for d in diagnostics],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule_descriptor(rule: Any) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": rule.documentation()},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"family": rule.family, "fixable": rule.fix_safety is not None},
    }


def _result(diagnostic: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    region = {
        "startLine": diagnostic.line,
        "startColumn": diagnostic.column,
        "endLine": diagnostic.end_line,
        "endColumn": max(diagnostic.end_column, diagnostic.column),
    }
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": _LEVEL[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": diagnostic.path}, "region": region}}],
    }
    if diagnostic.code in index:
        result["ruleIndex"] = index[diagnostic.code]
    if diagnostic.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": diagnostic.fix.description},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": diagnostic.path},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": edit.line,
                                    "startColumn": edit.column,
                                    "endLine": edit.end_line,
                                    "endColumn": edit.end_column,
                                },
                                "insertedContent": {"text": edit.replacement},
                            }
                            for edit in diagnostic.fix.edits
                        ],
                    }
                ],
            }
        ]
    return result
