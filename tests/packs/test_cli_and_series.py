"""Pack rules in `doclint rules`, `doclint rule CODE` and SARIF; the bundled series' pack and its examples."""

from __future__ import annotations

import json

import pytest

from doclint.cli import main
from doclint.config import load_config
from doclint.packs import available_rules, load_packs
from doclint.testing import run_example
from support import REPO

from .packsupport import check, project

SERIES = REPO / "examples" / "llm-deep-dive"


def series_rules():
    config = load_config([SERIES])
    return [
        rule
        for rule in available_rules(load_packs(config.rule_packs, config.root))
        if rule.origin == "pack llm-deep-dive"
    ]


SERIES_RULES = series_rules()


def test_series_pack_uses_every_kind():
    from doclint.rules.packs import KINDS

    assert {rule.kind for rule in SERIES_RULES} == set(KINDS)


@pytest.mark.parametrize("rule", SERIES_RULES, ids=lambda rule: rule.code)
def test_series_pack_rules_are_documented_and_their_examples_hold(rule):
    documentation = rule.documentation()
    assert rule.summary() and "## What it does" in documentation and "## Why it matters" in documentation
    assert ("## Fix safety" in documentation) == bool(rule.fix_safety)
    assert rule.examples.failing and rule.examples.passing
    for example in rule.examples.failing:
        assert run_example(rule, example), f"{rule.code} did not fire on {example.files}"
    for example in rule.examples.passing:
        assert run_example(rule, example) == [], f"{rule.code} fired on {example.files}"


def test_rules_lists_pack_rules_with_their_origin(tree, tmp_path, capsys):
    project(
        tmp_path,
        [check("TST001", "existence", tokens=["simply"], severity="error", fix="unsafe")],
        {"docs/a.md": "# A\n"},
    )
    assert main(["rules"]) == 0
    (row,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("TST001")]
    assert row.split() == ["TST001", "test-tst001", "error", "unsafe", "pack", "test-pack"]


def test_rule_code_prints_a_pack_rules_documentation_and_examples(tree, tmp_path, capsys):
    rule = check(
        "TST001",
        "existence",
        tokens=["simply"],
        summary="No 'simply'.",
        examples={"failing": ["# A\n\nSimply do it.\n"], "passing": ["# A\n\nDo it.\n"]},
    )
    project(tmp_path, [rule], {"docs/a.md": "# A\n"})
    assert main(["rule", "tst001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "TST001 (test-tst001) · family test-pack · default severity warning · no fix · from pack test-pack"
    )
    assert (
        "No 'simply'.\n\n## What it does\n\nReports any of these words or phrases: `simply` (in any letter case)."
        in out
    )
    assert "rules/pack.yaml), kind `existence`." in out and "## Why it matters\n\nWhy it matters." in out
    assert "## Fails (docs/example.md)\n\n```markdown\n# A\n\nSimply do it.\n```" in out


def test_unknown_code_is_an_error(tree, capsys):
    assert main(["rule", "NOPE001"]) == 2
    assert "no rule 'NOPE001'" in capsys.readouterr().err


def test_sarif_lists_pack_rules(tree, tmp_path, capsys):
    project(tmp_path, [check("TST001", "existence", tokens=["simply"])], {"docs/a.md": "# A\n\nSimply.\n"})
    assert (
        main(["check", "--no-cache", "--output-format", "sarif", str(tmp_path)]) == 0
    )  # warnings do not fail
    run = json.loads(capsys.readouterr().out)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    (result,) = run["results"]
    assert rules[result["ruleIndex"]]["id"] == "TST001"
    assert rules[result["ruleIndex"]]["shortDescription"]["text"] == "Why it matters."
