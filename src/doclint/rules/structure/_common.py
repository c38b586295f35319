"""Helpers the STR rules share."""

from __future__ import annotations

from pathlib import Path

from doclint.project import DocsVersion, ProjectIndex


def display_path(path: Path) -> str:
    """A path as the engine shows it: relative to the working directory when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def version_touched(project: ProjectIndex, version: DocsVersion) -> bool:
    """Whether the run checks any file of this docs version (then its series-wide problems are reported)."""
    return any(project.version_of_path.get(target) == version for target in project.targets)


def version_label(version: DocsVersion) -> str:
    plugin = version.plugin.plugin_id
    where = f"docs plugin '{plugin}'" if plugin != "default" else "the docs"
    return where if version.name == "current" else f"{where}, version {version.name}"
