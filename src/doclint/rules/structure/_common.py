"""Helpers the STR rules share."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from pathlib import Path

from doclint.diagnostics import Diagnostic
from doclint.project import DocIdentity, DocsVersion, ProjectIndex
from doclint.rules.base import Rule


def version_touched(project: ProjectIndex, version: DocsVersion) -> bool:
    """Whether the run checks any file of this docs version (then its series-wide problems are reported)."""
    return any(project.version_of_path.get(target) == version for target in project.targets)


def version_label(version: DocsVersion) -> str:
    plugin = version.plugin.plugin_id
    where = f"docs plugin '{plugin}'" if plugin != "default" else "the docs"
    return where if version.name == "current" else f"{where}, version {version.name}"


def collision_diagnostics(
    rule: Rule,
    project: ProjectIndex,
    key: Callable[[DocIdentity], Hashable],
    front_matter_key: str,
    message: Callable[[Hashable, str], str],
) -> Iterator[Diagnostic]:
    """One diagnostic per doc of each group of docs sharing ``key`` (when the run checks one of them),
    at the front matter key that sets it; ``message(value, other files)``."""
    groups: dict[Hashable, list[Path]] = {}
    for path, identity in sorted(project.identities.items()):
        groups.setdefault(key(identity), []).append(path)
    for value, paths in groups.items():
        if len(paths) < 2 or not set(paths) & project.targets:
            continue
        for path in paths:
            document = project.facts[path]
            others = ", ".join(project.facts[other].display_path for other in paths if other != path)
            line, column = document.value_position(front_matter_key)
            yield rule.diagnostic(document.display_path, line, column, message(value, others))
