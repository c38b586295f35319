from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty Docusaurus site that is also the working directory (paths then display relative to it)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docusaurus.config.js").write_text("module.exports = {title: 'Test'};\n", encoding="utf-8")
    return tmp_path
