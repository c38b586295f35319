"""Rule packs: YAML files that say what a site wants, for the Python checks that say how to check.

A pack is a mapping with ``pack`` (its name), optional ``description``, ``rules``: a table of rule
code to options, and ``checks``: a list of declarative rules (see ``doclint.rules.packs`` for the kinds).
Built-in packs ship inside the wheel (``doclint/packs``; in a source checkout, the repository's ``rules/``
folder); a project adds its own with ``rule-packs`` in its configuration. Later packs override earlier
ones; ``[tool.doclint.rules]`` overrides every pack.

The rules a run knows are therefore per project: ``available_rules`` adds the packs' checks to the
built-in and plugin rules of ``doclint.rules.all_rules()``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from doclint.config import ConfigError
from doclint.files import builtin_pack_dir
from doclint.rules import all_rules, code_sort_key
from doclint.rules.base import Rule

BUILTIN_PACKS = ("docusaurus.yaml",)


@dataclass(frozen=True)
class RulePack:
    """A YAML rule pack: options for built-in rules and declarative checks."""

    name: str
    path: str
    description: str = ""
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)  # sections other check kinds read
    checks: tuple[type[Rule], ...] = ()  # one rule class per declarative check


def load_yaml(text: str) -> Any:
    """``yaml.safe_load``, through libyaml when PyYAML was built with it: every run that lints a file
    reads the rule packs, and the pure-Python loader takes about 5 ms on the two built-in ones."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_pack(path: Path, root: Path | None = None) -> RulePack:
    """Read one pack; ``root`` is the project root its checks' path globs are relative to."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read rule pack: {error}") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{path}: rule pack is not valid YAML: {error}") from None
    if not isinstance(data, Mapping) or not isinstance(data.get("pack"), str):
        raise ConfigError(f"{path}: a rule pack must be a mapping with a 'pack' name")
    rules = data.get("rules", {}) or {}
    if not isinstance(rules, Mapping) or not all(isinstance(value, Mapping) for value in rules.values()):
        raise ConfigError(f"{path}: 'rules' must map rule codes to option tables")
    extra = {
        key: value for key, value in data.items() if key not in ("pack", "description", "rules", "checks")
    }
    from doclint.rules.packs import build_checks

    checks = build_checks(data["pack"], path, data.get("checks"), root or Path.cwd())
    return RulePack(
        data["pack"],
        str(path),
        str(data.get("description", "")),
        {str(k).upper(): dict(v) for k, v in rules.items()},
        extra,
        checks,
    )


def load_packs(project_packs: tuple[str, ...], root: Path) -> list[RulePack]:
    packs = [load_pack(builtin_pack_dir() / name, root) for name in BUILTIN_PACKS]
    for entry in project_packs:
        path = (root / entry).resolve()
        if path.is_dir():
            packs.extend(load_pack(child, root) for child in sorted(path.glob("*.y*ml")))
        elif path.is_file():
            packs.append(load_pack(path, root))
        else:
            raise ConfigError(f"rule pack {entry!r} not found (looked for {path})")
    return packs


def merged_options(
    code: str, defaults: Mapping[str, Any], packs: list[RulePack], overrides: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    options = dict(defaults)
    for pack in packs:
        options.update(pack.rules.get(code, {}))
    options.update(overrides.get(code, {}))
    return options


def available_rules(packs: list[RulePack]) -> tuple[type[Rule], ...]:
    """Built-in and plugin rules, then every pack's checks; a pack code that is taken is a ConfigError."""
    rules: dict[str, type[Rule]] = {rule.code: rule for rule in all_rules()}
    names = {rule.name: rule for rule in rules.values()}
    for pack in packs:
        for rule in pack.checks:
            taken = rules.get(rule.code) or names.get(rule.name)
            if taken is not None:
                raise ConfigError(
                    f"{rule.pack_path}: check {rule.code}: field '{'code' if taken.code == rule.code else 'name'}': "  # type: ignore[attr-defined]
                    f"{taken.code} ({taken.name}) is already defined by {taken.origin}"
                )
            rules[rule.code] = rule
            names[rule.name] = rule
    return tuple(sorted(rules.values(), key=lambda rule: code_sort_key(rule.code)))
