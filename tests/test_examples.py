"""The bundled examples: the series lints clean; the broken series fires every rule it lists."""

from __future__ import annotations

from pathlib import Path

from doclint.config import load_config
from doclint.engine import Linter

from support import REPO


def lint(folder: str):
    path = REPO / "examples" / folder
    return Linter(load_config([path])).run([path]).diagnostics


def test_series_is_clean():
    assert lint("llm-deep-dive") == []


def test_broken_series_fires_every_listed_rule():
    expected = set((REPO / "examples" / "broken-series" / "expected-codes.txt").read_text().split())
    assert {d.code for d in lint("broken-series")} == expected


def test_series_has_five_chapters_with_front_matter():
    chapters = sorted(Path(REPO / "examples" / "llm-deep-dive" / "docs").glob("*.md"))
    assert len(chapters) >= 5
    assert all(chapter.read_text().startswith("---\n") for chapter in chapters)
