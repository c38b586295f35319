"""Machine-readable outputs: SARIF 2.1.0 (validated against the official schema), GitHub, JUnit."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import jsonschema

from doclint.diagnostics import Diagnostic, Edit, Fix, Severity
from doclint.output import formatter

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

DIAGNOSTICS = [
    Diagnostic(
        "docs/a.md", 3, 5, "LNK001", "link target './x.md' does not exist", 3, 20, "missing-linked-file"
    ),
    Diagnostic(
        "docs/b,c.md",
        1,
        1,
        "DL002",
        "suppression: nothing\nsecond line 100%",
        name="unused-suppression",
        severity=Severity.WARNING,
        fix=Fix((Edit(1, 1, 2, 1, ""),), "safe", "remove the comment"),
    ),
]


def test_sarif_validates_against_the_official_schema():
    log = json.loads(formatter("sarif")(DIAGNOSTICS))
    jsonschema.validate(log, SCHEMA)
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["LNK001", "DL002"]
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    rule_ids = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    assert rule_ids[results[0]["ruleIndex"]] == "LNK001"


def test_sarif_with_no_results_is_valid():
    jsonschema.validate(json.loads(formatter("sarif")([])), SCHEMA)


def test_github_annotations_escape_their_fields():
    lines = formatter("github")(DIAGNOSTICS).splitlines()
    assert lines[0].startswith("::error file=docs/a.md,line=3,col=5,")
    assert "title=LNK001 missing-linked-file::LNK001 link target" in lines[0]
    assert lines[1].startswith("::warning file=docs/b%2Cc.md,")
    assert "%0Asecond line 100%25" in lines[1]


def test_junit_is_xml_with_one_failure_per_diagnostic():
    root = ElementTree.fromstring(formatter("junit")(DIAGNOSTICS))
    failures = root.findall(".//failure")
    assert [failure.get("type") for failure in failures] == ["LNK001", "DL002"]
    assert root.get("failures") == "2"
