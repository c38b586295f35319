from __future__ import annotations

from pathlib import Path

import pytest

from support import write_tree


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write a file tree under a temporary directory and make it the working directory."""
    monkeypatch.chdir(tmp_path)

    def make(files: dict[str, str | bytes]) -> Path:
        return write_tree(tmp_path, files)

    return make


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty Docusaurus site that is also the working directory (paths then display relative to it)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docusaurus.config.js").write_text("module.exports = {title: 'Test'};\n", encoding="utf-8")
    return tmp_path
