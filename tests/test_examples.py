"""The bundled examples: the series lints clean; the broken series fires every rule it lists."""

from __future__ import annotations

from pathlib import Path

from doclint.config import load_config
from doclint.engine import Linter
from support import REPO


def lint(folder: str):
    path = REPO / "examples" / folder
    return (
        Linter(load_config([path]), use_cache=False).run([path]).diagnostics
    )  # never write into the repository


def test_series_is_clean():
    assert lint("llm-deep-dive") == []


def test_broken_series_fires_every_listed_rule():
    expected = set((REPO / "examples" / "broken-series" / "expected-codes.txt").read_text().split())
    assert {d.code for d in lint("broken-series")} == expected


def test_series_has_five_chapters_with_front_matter():
    chapters = sorted(Path(REPO / "examples" / "llm-deep-dive" / "docs").glob("*.md"))
    assert len(chapters) >= 5
    assert all(chapter.read_text().startswith("---\n") for chapter in chapters)


def test_mermaid_errors_point_into_the_markdown_file(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(
        "# A\n\nText.\n\n```mermaid\n---\ntitle: Data\n---\n%% a comment\nerDiagram\n"
        "    CHAPTER ||--o{ SECTION : contains\n    CHAPTER {\n        string title\n```\n"
    )
    (tmp_path / "doclint.toml").write_text("[site]\nmermaid = true\n")
    monkeypatch.chdir(tmp_path)
    (diagnostic,) = Linter(load_config([docs]), select=("MER",)).run([docs]).diagnostics
    # mermaid counts line 4 after stripping front matter and comments: that is line 13 of the file
    assert (diagnostic.code, diagnostic.line) == ("MER002", 13)


def test_standalone_mermaid_files_are_validated(tmp_path, monkeypatch):
    (tmp_path / "diagrams").mkdir()
    (tmp_path / "diagrams" / "flow.mmd").write_text('%% overview\npie title Share\n    "A" : -1\n')
    (tmp_path / "diagrams" / "ok.mermaid").write_text('pie title Share\n    "A" : 1\n')
    monkeypatch.chdir(tmp_path)
    found = Linter(load_config([tmp_path])).run([tmp_path / "diagrams"]).diagnostics
    assert [(d.path, d.code) for d in found] == [("diagrams/flow.mmd", "MER002")]
