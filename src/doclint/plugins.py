"""Installed plugins: the distributions that declare doclint rules or check kinds as entry points.

Their ``entry_points.txt`` files are found by globbing ``sys.path`` rather than through importlib.metadata,
whose import (with the email package it needs) costs more than a warm run does otherwise. importlib.metadata
is imported only to load plugins that exist, or when ``sys.path`` holds an archive that only it can read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

GROUPS = ("doclint.rules", "doclint.kinds")


def declarations() -> list[tuple[Path, str]]:
    """The entry-point files (path, text) of installed distributions that declare a doclint group."""
    found: list[tuple[Path, str]] = []
    for folder in sys.path:
        for declaration in sorted(Path(folder or ".").glob("*.*-info/entry_points.txt")):
            try:
                text = declaration.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if any(f"[{group}]" in text for group in GROUPS):
                found.append((declaration, text))
    return found


def entry_points(group: str) -> list[EntryPoint]:
    """importlib.metadata's entry points of ``group``."""
    if not _may_be_declared(group):
        return []
    from importlib.metadata import entry_points as installed

    return list(installed(group=group))


def _may_be_declared(group: str) -> bool:
    if any(entry and Path(entry).is_file() for entry in sys.path):
        return True  # a zip archive on the path: only importlib.metadata looks inside
    return any(f"[{group}]" in text for _, text in declarations())
