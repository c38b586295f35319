"""Series structure: ids, routes, pagination, positions, sidebars and orphans on hand-written sites."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.testing import lint_tree, write_files


def codes(site: Path, files: dict[str, str], targets: list[str] | None = None) -> list[tuple[str, int, str]]:
    write_files(site, files)
    return sorted((d.path, d.line, d.code) for d in lint_tree(site, targets, select=("STR",)))


def with_sidebars(site: Path, name: str = "sidebars.js") -> None:
    (site / "docusaurus.config.js").write_text(
        f"module.exports = {{presets: [['classic', {{docs: {{sidebarPath: require.resolve('./{name.rsplit('.', 1)[0]}')}}}}]]}};\n",
        encoding="utf-8",
    )


def test_duplicate_ids_across_number_prefixes_and_front_matter(site: Path) -> None:
    files = {
        "docs/01-setup.md": "# A\n",
        "docs/02-setup.md": "# B\n",
        "docs/other.md": "---\nid: setup\n---\n# C\n",
    }
    found = codes(site, files)
    assert [entry for entry in found if entry[2] == "STR001"] == [
        ("docs/01-setup.md", 1, "STR001"),
        ("docs/02-setup.md", 1, "STR001"),
        ("docs/other.md", 2, "STR001"),
    ]


def test_same_id_in_two_versions_is_fine_and_in_two_folders_too(site: Path) -> None:
    files = {
        "versions.json": '["1.0"]',
        "docs/intro.md": "# A\n",
        "versioned_docs/version-1.0/intro.md": "# B\n",
        "versioned_sidebars/version-1.0-sidebars.json": '{"s": ["intro"]}',
        "docs/part/intro.md": "# C\n",
    }
    assert codes(site, files) == []


def test_duplicate_routes_from_slugs_and_index_conventions(site: Path) -> None:
    files = {
        "docs/a.md": "---\nslug: /guide\n---\n# A\n",
        "docs/guide/index.md": "# G\n",
        "docs/x/README.md": "# X\n",
        "docs/x/x.md": "# X again\n",
    }
    found = [entry for entry in codes(site, files) if entry[2] == "STR002"]
    assert found == [
        ("docs/a.md", 2, "STR002"),
        ("docs/guide/index.md", 1, "STR002"),
        ("docs/x/README.md", 1, "STR002"),
        ("docs/x/x.md", 1, "STR002"),
    ]


def test_pagination_names_full_doc_ids(site: Path) -> None:
    files = {
        "docs/01-part/01-a.md": "---\npagination_next: part/b\npagination_prev: null\n---\n# A\n",
        "docs/01-part/02-b.md": "---\npagination_prev: b\npagination_next: 01-part/01-a\n---\n# B\n",
    }
    found = codes(site, files)
    assert found == [("docs/01-part/02-b.md", 2, "STR003"), ("docs/01-part/02-b.md", 3, "STR003")]


def test_duplicate_positions_in_one_folder_only(site: Path) -> None:
    files = {
        "docs/01-a.md": "# A\n",
        "docs/b.md": "---\nsidebar_position: 1\n---\n# B\n",
        "docs/c.md": "---\nsidebar_position: 2\n---\n# C\n",
        "docs/part/01-d.md": "# D\n",
        "docs/part/e.md": "---\nsidebar_position: '2'\n---\n# E\n",
        "docs/part/f.md": "---\nsidebar_position: 2\n---\n",
    }
    found = [entry for entry in codes(site, files) if entry[2] == "STR004"]
    assert found == [
        ("docs/01-a.md", 1, "STR004"),
        ("docs/b.md", 2, "STR004"),
        ("docs/part/e.md", 2, "STR004"),
        ("docs/part/f.md", 2, "STR004"),
    ]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "sidebars.json",
            '{"course": ["intro", {"type": "category", "label": "P", "items": ["part/gone"]}]}',
        ),
        ("sidebars.yaml", "course:\n  - intro\n  - type: doc\n    id: part/gone\n"),
        (
            "sidebars.js",
            "// the course\nmodule.exports = {\n  course: ['intro', {Part: ['part/gone']}],\n};\n",
        ),
        (
            "sidebars.ts",
            (
                "import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';\n"
                "const sidebars: SidebarsConfig = {course: [\n'intro',\n{type: 'doc', id: \"part/gone\"}]};\n"
                "export default sidebars satisfies SidebarsConfig;\n"
            ),
        ),
    ],
)
def test_sidebars_naming_unknown_doc_ids(site: Path, name: str, text: str) -> None:
    with_sidebars(site, name)
    files = {name: text, "docs/intro.md": "# I\n", "docs/01-part/01-real.md": "# R\n\n[i](../intro.md)\n"}
    write_files(site, files)
    found = [d for d in lint_tree(site, ["docs/intro.md"], select=("STR006",))]
    assert len(found) == 1 and found[0].path == name and "'part/gone'" in found[0].message
    assert "did you mean 'part/real'" in found[0].message
    assert found[0].line == next(n for n, line in enumerate(text.splitlines(), 1) if "part/gone" in line)


def test_computed_sidebars_are_skipped_and_said_so(site: Path) -> None:
    with_sidebars(site)
    files = {
        "sidebars.js": "const items = require('./items');\nmodule.exports = {course: items.map(x => x)};\n",
        "docs/intro.md": "# I\n",
    }
    found = codes(site, files)
    assert found == [("sidebars.js", 1, "STR007")]


def test_a_missing_sidebars_file_is_an_error(site: Path) -> None:
    (site / "docusaurus.config.js").write_text(
        "module.exports = {presets: [['classic', {docs: {sidebarPath: './sidebars.json'}}]]};\n",
        encoding="utf-8",
    )
    found = codes(site, {"docs/intro.md": "# I\n"})
    assert found == [("docusaurus.config.js", 1, "STR006")]


def test_orphans_are_docs_in_no_sidebar_and_linked_from_nowhere(site: Path) -> None:
    with_sidebars(site, "sidebars.json")
    files = {
        "sidebars.json": '{"course": ["intro", {"type": "autogenerated", "dirName": "extras"}]}',
        "docs/intro.md": "# I\n\n[linked](./linked.md)\n",
        "docs/linked.md": "# L\n",
        "docs/extras/x.md": "# X\n",
        "docs/lonely.md": "# Lonely\n",
        "docs/draft.md": "---\ndraft: true\n---\n# D\n",
        "docs/next.md": "---\npagination_next: target\n---\n# N\n",
        "docs/target.md": "# T\n",
    }
    found = [entry for entry in codes(site, files) if entry[2] == "STR005"]
    assert found == [("docs/lonely.md", 1, "STR005"), ("docs/next.md", 1, "STR005")]


def test_autogenerated_sidebars_have_no_orphans(site: Path) -> None:
    assert codes(site, {"docs/intro.md": "# I\n", "docs/lonely.md": "# Lonely\n"}) == []


def test_pagination_to_a_draft_fails_production_builds(site: Path) -> None:
    files = {
        "docs/a.md": "---\npagination_next: wip\n---\n# A\n",
        "docs/wip.md": "---\ndraft: true\n---\n# W\n",
    }
    assert codes(site, files, ["docs/a.md"]) == [("docs/a.md", 2, "STR003")]


def test_a_renamed_chapter_is_reported_in_the_sidebar_when_only_it_is_checked(site: Path) -> None:
    with_sidebars(site, "sidebars.json")
    files = {
        "sidebars.json": '{"course": ["intro", "tokens"]}',
        "docs/intro.md": "# I\n",
        "docs/tokenizers.md": "# T\n",
    }
    found = codes(site, files, ["docs/tokenizers.md"])
    assert found == [("docs/tokenizers.md", 1, "STR005"), ("sidebars.json", 1, "STR006")]


@pytest.mark.parametrize("given", [["chapters"], ["chapters/sub/b.md", "chapters/a.md", "chapters/b.md"]])
def test_a_bare_folder_with_subfolders_is_one_docs_folder(tree, given: list[str]) -> None:
    """Without a site config, the checked folder (or the outermost folder of the checked files) is the docs
    folder: `sub/b.md` is the doc `sub/b`, so it neither collides with `b.md` nor loses its route."""
    root = tree(
        {
            "chapters/a.md": "# A\n\nSee [b](sub/b.md) and [its page](/docs/sub/b).\n",
            "chapters/b.md": "# B\n",
            "chapters/sub/b.md": "# Sub B\n\nBack to [a](../a.md).\n",
        }
    )
    found = lint_tree(root, given, select=("STR", "LNK"))
    assert [(d.path, d.code) for d in found] == []
