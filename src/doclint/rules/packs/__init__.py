"""Declarative checks: the rule kinds a YAML rule pack can use in its ``checks`` list.

A check names a kind and fills in that kind's fields; ``build_checks`` turns each one into a rule class with
a code, a name, documentation, examples and an origin (``pack NAME``), so a pack rule is listed, selected,
documented, suppressed and reported exactly like a built-in one. The kinds: existence, substitution,
consistency (across the whole series), required-section, front-matter-pattern and terminology. A package
adds a kind through the ``doclint.kinds`` entry point group: a ``PackRule`` subclass (with DocumentRule or
ProjectRule) that sets ``kind`` and implements ``configure``, ``describe`` and ``check``.
"""

from __future__ import annotations

from collections.abc import Sequence
from inspect import isclass
from pathlib import Path
from typing import Any

from doclint.config import ConfigError
from doclint.plugins import entry_points
from doclint.rules.packs.base import PackRule
from doclint.rules.packs.kinds import (
    Consistency,
    Existence,
    FrontMatterPattern,
    RequiredSection,
    Substitution,
)
from doclint.rules.packs.spec import CheckReader
from doclint.rules.packs.terminology import Terminology

KINDS: dict[str, type[PackRule]] = {
    kind.kind: kind
    for kind in (Existence, Substitution, Consistency, RequiredSection, FrontMatterPattern, Terminology)
}

__all__ = ["KINDS", "PackRule", "available_kinds", "build_checks"]


def available_kinds() -> dict[str, type[PackRule]]:
    """The built-in kinds and those that installed packages add through ``doclint.kinds``."""
    from doclint.rules import DocumentRule, ProjectRule, RuleRegistryError

    kinds = dict(KINDS)
    for entry in entry_points(group="doclint.kinds"):
        kind = entry.load()
        if not (
            isclass(kind)
            and issubclass(kind, PackRule)
            and issubclass(kind, (DocumentRule, ProjectRule))
            and isinstance(getattr(kind, "kind", None), str)
        ):
            raise RuleRegistryError(
                f"entry point {entry.name!r} ({entry.value}) is not a doclint check kind (a PackRule with a 'kind')"
            )
        if kinds.get(kind.kind, kind) is not kind:
            raise RuleRegistryError(
                f"two check kinds are named {kind.kind!r}: {kinds[kind.kind].__qualname__}, {kind.__qualname__}"
            )
        kinds[kind.kind] = kind
    return kinds


def build_checks(pack_name: str, pack_file: Path, checks: Any, root: Path) -> tuple[type[PackRule], ...]:
    """One rule class per check of a pack; a malformed check is a ConfigError naming the field."""
    pack_path = _shown(pack_file)
    if checks is None:
        return ()
    if not isinstance(checks, Sequence) or isinstance(checks, str):
        raise ConfigError(f"{pack_path}: 'checks' must be a list of checks")
    kinds = available_kinds()
    rules: list[type[PackRule]] = []
    for position, raw in enumerate(checks):
        reader = CheckReader(pack_path, position, raw, pack_file.resolve())
        kind = reader.string("kind")
        if kind not in kinds:
            raise reader.error("kind", f"unknown kind {kind!r}; use one of {', '.join(kinds)}")
        rule = kinds[kind].build(reader, pack_name, root)
        for earlier in rules:
            if earlier.code == rule.code or earlier.name == rule.name:
                raise reader.error("code", f"{rule.code} ({rule.name}) is defined twice in this pack")
        rules.append(rule)
    return tuple(rules)


def _shown(path: Path) -> str:
    """The pack's path as messages show it: relative to the working directory when it is below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
