"""Shared test helpers (importable as `support`: pytest adds tests/ to sys.path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.testing import write_files

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """``write_files`` that returns ``root``, for fixtures that build a tree and hand it on."""
    write_files(root, files)
    return root


def shared_path(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is not available")
    return path
