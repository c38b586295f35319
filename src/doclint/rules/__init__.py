"""Built-in rules, one module per rule, grouped in one package per family.

Adding a rule is adding a module: the registry imports every module below this package and collects
the ``Rule`` subclasses defined there. Third-party packages add rules through the ``doclint.rules``
entry point group (each entry point names a module or a Rule class); their ``origin`` is the
distribution's name. The YAML rule packs of a project add more (``doclint.packs.available_rules``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterable
from functools import lru_cache
from types import ModuleType

from doclint.plugins import entry_points
from doclint.rules.base import DocumentRule, ProjectRule, Rule

__all__ = ["DocumentRule", "ProjectRule", "Rule", "all_rules", "code_sort_key", "rule_by_code"]


class RuleRegistryError(Exception):
    """A rule module or plugin is malformed (duplicate code, missing attribute)."""


def _rules_in(module: ModuleType) -> list[type[Rule]]:
    return [
        value
        for value in vars(module).values()
        if inspect.isclass(value)
        and issubclass(value, Rule)
        and value.__module__ == module.__name__
        and hasattr(value, "code")
    ]


def _builtin_modules() -> list[ModuleType]:
    modules = []
    for info in pkgutil.walk_packages(__path__, prefix=f"{__name__}."):
        if info.name.rsplit(".", 1)[-1].startswith("_") or info.name.endswith(".base"):
            continue
        modules.append(importlib.import_module(info.name))
    return modules


def _plugin_rules() -> list[type[Rule]]:
    found: list[type[Rule]] = []
    for entry in entry_points(group="doclint.rules"):
        loaded = entry.load()
        candidates = _rules_in(loaded) if isinstance(loaded, ModuleType) else [loaded]
        for rule in candidates:
            if not (inspect.isclass(rule) and issubclass(rule, Rule)):
                raise RuleRegistryError(f"entry point {entry.name!r} ({entry.value}) is not a doclint Rule")
            rule.origin = entry.dist.name if entry.dist else entry.value
            found.append(rule)
    return found


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    rules: dict[str, type[Rule]] = {}
    candidates = [rule for module in _builtin_modules() for rule in _rules_in(module)] + _plugin_rules()
    for rule in candidates:
        for attribute in ("code", "name", "family", "examples"):
            if not hasattr(rule, attribute):
                raise RuleRegistryError(f"rule {rule.__qualname__} has no {attribute!r}")
        if rule.code in rules and rules[rule.code] is not rule:
            raise RuleRegistryError(
                f"two rules use the code {rule.code}: {rules[rule.code].__qualname__}, {rule.__qualname__}"
            )
        rules[rule.code] = rule
    return tuple(sorted(rules.values(), key=lambda rule: code_sort_key(rule.code)))


def code_sort_key(code: str) -> tuple[str, int, str]:
    prefix = code.rstrip("0123456789")
    number = code[len(prefix) :]
    return prefix, int(number) if number else 0, code


def rule_by_code(code: str, rules: Iterable[type[Rule]] | None = None) -> type[Rule] | None:
    """The rule with this code or name, among ``rules`` (default: built-in and plugin rules)."""
    wanted = code.upper()
    for rule in all_rules() if rules is None else rules:
        if rule.code == wanted or rule.name == code.lower():
            return rule
    return None
