"""Which rules run: ruff-style selectors (ALL, a code, a code prefix, a rule name or a family)."""

from __future__ import annotations

from collections.abc import Iterable

from doclint.rules.base import Rule


class SelectorError(Exception):
    """A selector that names no rule."""


def matches(rule: type[Rule], selector: str) -> bool:
    selector = selector.strip()
    if selector.upper() == "ALL":
        return True
    return (
        rule.code.startswith(selector.upper())
        or rule.name == selector.lower()
        or rule.family == selector.lower()
    )


def select_rules(
    rules: Iterable[type[Rule]],
    select: Iterable[str],
    ignore: Iterable[str],
    extend_select: Iterable[str] = (),
) -> list[type[Rule]]:
    rules = list(rules)
    select, ignore, extend_select = list(select), list(ignore), list(extend_select)
    for selector in [*select, *ignore, *extend_select]:
        if not any(matches(rule, selector) for rule in rules):
            raise SelectorError(f"unknown rule selector {selector!r} (see `doclint rules`)")
    chosen = [rule for rule in rules if any(matches(rule, s) for s in [*select, *extend_select])]
    return [rule for rule in chosen if not any(matches(rule, s) for s in ignore)]
