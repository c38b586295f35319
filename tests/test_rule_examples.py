"""Every rule's documented examples are executed: failing ones must fire it, passing ones must not."""

from __future__ import annotations

import pytest

from doclint.rules import all_rules
from doclint.testing import run_example

FAILING = [(rule, index) for rule in all_rules() for index in range(len(rule.examples.failing))]
PASSING = [(rule, index) for rule in all_rules() for index in range(len(rule.examples.passing))]


@pytest.mark.parametrize(("rule", "index"), FAILING, ids=[f"{r.code}-fail-{i}" for r, i in FAILING])
def test_failing_example_fires(rule, index):
    example = rule.examples.failing[index]
    assert run_example(rule, example), f"{rule.code} did not fire on its failing example {index}"


@pytest.mark.parametrize(("rule", "index"), PASSING, ids=[f"{r.code}-pass-{i}" for r, i in PASSING])
def test_passing_example_is_clean(rule, index):
    example = rule.examples.passing[index]
    assert run_example(rule, example) == []


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_rule_is_documented(rule):
    documentation = rule.documentation()
    assert rule.summary(), f"{rule.code} has no summary line"
    assert "## What it does" in documentation and "## Why it matters" in documentation
    assert rule.name == rule.name.lower() and " " not in rule.name
    if rule.fix_safety is not None:
        assert "## Fix safety" in documentation
    if rule.scope != "engine":
        assert rule.examples.failing and rule.examples.passing, (
            f"{rule.code} needs failing and passing examples"
        )
