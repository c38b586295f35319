"""A whole series: clean when it is, and a renamed chapter reported everywhere it broke a link,
even when only the renamed file is checked (the pre-commit case)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from doclint.config import load_config
from doclint.engine import Linter
from doclint.facts import build_facts
from doclint.project import ProjectIndex
from doclint.resolve import classify, resolver_for
from doclint.testing import lint_tree, write_files

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

SERIES = {
    "docusaurus.config.js": "module.exports = {title: 'Course'};\n",
    "docs/01-intro.md": "# Intro\n\nStart with [tokens](./02-tokens.md) then [training](./03-training.md#data).\n",
    "docs/02-tokens.md": "# Tokens\n\n## Byte pairs\n\nBack to [intro](./01-intro.md); on to [training](03-training.md).\n",
    "docs/03-training.md": "---\npagination_prev: tokens\n---\n# Training\n\n## Data\n\n"
    "See [byte pairs](./02-tokens.md#byte-pairs) and [the URL form](/docs/tokens#byte-pairs).\n",
    "docs/04-eval.md": "# Evaluation\n\n[ref]: ./02-tokens.md\n\nAs in [tokens][ref] and [training](./03-training.md).\n",
}


def test_the_series_is_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, SERIES)
    assert lint_tree(tmp_path, select=("LNK", "STR")) == []


def test_renaming_a_chapter_reports_every_broken_link_when_only_the_new_file_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, SERIES)
    (tmp_path / "docs/02-tokens.md").rename(tmp_path / "docs/02-tokenizers.md")
    found = lint_tree(tmp_path, ["docs/02-tokenizers.md"], select=("LNK", "STR"))
    reported = sorted((d.path, d.line, d.code) for d in found if d.severity.value == "error")
    assert reported == [
        ("docs/01-intro.md", 3, "LNK001"),
        ("docs/03-training.md", 2, "STR003"),  # pagination_prev: tokens
        ("docs/03-training.md", 8, "LNK001"),
        ("docs/03-training.md", 8, "LNK003"),  # /docs/tokens is gone
        ("docs/04-eval.md", 3, "LNK001"),  # the reference definition
    ]
    assert all(
        "02-tokenizers.md" in d.message or "tokenizers" in d.message for d in found if d.code == "LNK001"
    )


def test_a_rename_to_an_unrelated_name_is_still_traced_to_the_renamed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, SERIES)
    (tmp_path / "docs/02-tokens.md").rename(tmp_path / "docs/02-vocabulary.md")
    found = lint_tree(tmp_path, ["docs/02-vocabulary.md"], select=("LNK001", "LNK003"))
    assert sorted((d.path, d.line) for d in found) == [
        ("docs/01-intro.md", 3),
        ("docs/03-training.md", 8),
        ("docs/03-training.md", 8),
        ("docs/04-eval.md", 3),
    ]
    assert "did you mean './02-vocabulary.md' (checked in this run" in found[0].message


def _series_folders() -> list[Path]:
    """Every bundled series meant to be clean (a deliberately broken one lists its expected codes)."""
    if not EXAMPLES.is_dir():
        return []
    configs = [*EXAMPLES.glob("*/doclint.toml"), *EXAMPLES.glob("*/docusaurus.config.*")]
    return sorted({path.parent for path in configs if not (path.parent / "expected-codes.txt").exists()})


@pytest.mark.skipif(not _series_folders(), reason="the bundled example series is not in this checkout")
@pytest.mark.parametrize("folder", _series_folders(), ids=lambda path: path.name)
def test_bundled_example_series(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    errors = [
        d for d in lint_tree(folder, select=("LNK", "STR"), use_cache=False) if d.severity.value == "error"
    ]
    assert errors == [], "\n".join(f"{d.path}:{d.line}: {d.code} {d.message}" for d in errors)
    copy = tmp_path / folder.name
    shutil.copytree(
        folder, copy, ignore=shutil.ignore_patterns("node_modules", "build", ".docusaurus", ".doclint_cache")
    )
    monkeypatch.chdir(copy)
    chapter, inbound = _most_linked_chapter(copy)
    renamed = chapter.with_name("renamed-" + chapter.name)
    chapter.rename(renamed)
    found = lint_tree(copy, [str(renamed.relative_to(copy))], select=("LNK",))
    reported = {(d.path, d.line) for d in found}
    assert inbound <= reported, f"not reported: {sorted(inbound - reported)}"


def _most_linked_chapter(root: Path) -> tuple[Path, set[tuple[str, int]]]:
    """The doc with the most file links pointing at it, and where those links are (path, line)."""
    paths = [root]
    config = load_config(paths)
    linter = Linter(config, select=("LNK001",), keep_raw=True, use_cache=False)
    result = linter.run(paths)
    facts = {path: build_facts(document) for path, document in result.documents.items()}
    project = ProjectIndex.build(facts.values(), config.site, linter.docs_roots(result.files), config.root)
    resolver = resolver_for(project)
    inbound: dict[Path, set[tuple[str, int]]] = {}
    for document in result.documents.values():
        sites = [(link.url, link.line) for link in document.links if link.kind != "reference"]
        sites += [(definition.url, definition.line) for definition in document.definitions]
        for url, line in sites:
            if classify(url) != "markdown":
                continue
            resolution = resolver.resolve_markdown(facts[document.path], url)
            if resolution.status == "ok" and resolution.page not in (None, document.path):
                inbound.setdefault(resolution.page, set()).add((document.display_path, line))
    chapter = max(inbound, key=lambda path: len(inbound[path]))
    return chapter, inbound[chapter]
