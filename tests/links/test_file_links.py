"""``.md``/``.mdx`` file links resolved as resolveMarkdownLinks resolves them."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.testing import lint_tree, write_files

CHAPTER = "# Training\n\n## Data\n"


def broken(site: Path, files: dict[str, str], target: str = "docs/intro.md", codes=("LNK",)) -> list[str]:
    write_files(site, files)
    return [f"{d.code} {d.line}: {d.message}" for d in lint_tree(site, [target], select=codes)]


@pytest.mark.parametrize(
    "link",
    [
        "./01-part/02-training.md",  # relative to the file
        "01-part/02-training.md",  # bare: the file's folder first
        "/01-part/02-training.md",  # site-root: the docs folder
        "/docs/01-part/02-training.md",  # site-root: then the site folder
        "@site/docs/01-part/02-training.md",
        "./01-part/02-training.md?plain=1#data",  # query and hash kept, hash checked
        "./01-part/02%2Dtraining.md",  # URL-decoded before lookup
    ],
)
def test_resolvable_file_links(site: Path, link: str) -> None:
    files = {"docs/intro.md": f"# Intro\n\n[t]({link})\n", "docs/01-part/02-training.md": CHAPTER}
    assert broken(site, files) == []


def test_bare_link_falls_back_to_the_docs_folder(site: Path) -> None:
    files = {"docs/part/a.md": "# A\n\n[t](training.md)\n", "docs/training.md": CHAPTER}
    assert broken(site, files, "docs/part/a.md") == []


def test_dot_slash_link_is_only_relative_to_the_file(site: Path) -> None:
    files = {"docs/part/a.md": "# A\n\n[t](./training.md)\n", "docs/training.md": CHAPTER}
    found = broken(site, files, "docs/part/a.md")
    assert len(found) == 1 and "did you mean '../training.md'" in found[0]


def test_missing_file_suggests_the_closest_doc(site: Path) -> None:
    files = {"docs/intro.md": "# Intro\n\n[t](./02-trainng.md)\n", "docs/02-training.md": CHAPTER}
    found = broken(site, files)
    assert (
        len(found) == 1 and found[0].startswith("LNK001 3:") and "did you mean './02-training.md'" in found[0]
    )


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"docs/_partial.md": "x\n"}, "partial"),
        ({"docs/_drafts/t.md": "x\n"}, "partial"),
        ({"blog/2024-01-01-post.md": "x\n"}, "blog post"),
        ({"notes/t.md": "x\n"}, "outside the docs plugin"),
    ],
)
def test_existing_files_that_are_not_docs_of_the_plugin(
    site: Path, files: dict[str, str], expected: str
) -> None:
    target = next(iter(files))
    relative = "../" + target if not target.startswith("docs/") else "./" + target[len("docs/") :]
    found = broken(site, {"docs/intro.md": f"# Intro\n\n[t]({relative})\n", **files})
    assert len(found) == 1 and found[0].startswith("LNK001") and expected in found[0]


def test_a_doc_of_another_docs_plugin_is_not_resolved(site: Path) -> None:
    (site / "docusaurus.config.js").write_text(
        "module.exports = {presets: ['classic'], plugins: [['content-docs', {id: 'community', path: 'community', "
        "routeBasePath: 'community'}]]};\n",
        encoding="utf-8",
    )
    files = {
        "docs/intro.md": "# I\n\n[t](../community/team.md) [u](/community/team)\n",
        "community/team.md": "# Team\n",
    }
    found = broken(site, files)
    assert len(found) == 1 and "docs plugin 'community'" in found[0] and "same plugin" in found[0]


def test_links_in_code_raw_html_and_escapes_are_not_links(site: Path) -> None:
    page = (
        '# I\n\n`[a](./nope.md)`\n\n```md\n[b](./nope.md)\n```\n\n<a href="./nope.md">c</a>\n\n'
        "[d](pathname:///nope.md) [e](https://example.com/nope.md)\n"
    )
    assert broken(site, {"docs/intro.md": page}) == []


def test_reference_definitions_are_checked_once(site: Path) -> None:
    page = "# I\n\n[a][ref] and [b][ref]\n\n[ref]: ./nope.md\n"
    found = broken(site, {"docs/intro.md": page})
    assert len(found) == 1 and found[0].startswith("LNK001 5:")


def test_a_link_leaving_the_project_is_reported_and_never_opened(site: Path, monkeypatch) -> None:
    opened: list[str] = []
    for name in ("is_file", "exists", "is_dir", "open", "read_text", "stat"):
        original = getattr(Path, name)

        def spy(self, *args, _original=original, **kwargs):
            opened.append(str(self))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Path, name, spy)
    page = "# I\n\n[a](../../../../../../../../secret.md) ![b](../../../../../../../../secret.png)\n"
    found = broken(site, {"docs/intro.md": page})
    assert [line.split(":")[0] for line in found] == ["LNK005 3", "LNK005 3"]
    assert not [path for path in opened if "secret" in path]


def test_versioned_docs_resolve_within_their_version(site: Path) -> None:
    files = {
        "versions.json": '["1.0"]\n',
        "docs/intro.md": "# Next\n\n[t](./new.md) [u](/intro.md)\n",
        "docs/new.md": "# New\n",
        "versioned_docs/version-1.0/intro.md": "# Old\n\n[t](./new.md) [u](/intro.md#x)\n",
    }
    found = broken(site, files, "versioned_docs/version-1.0/intro.md")
    assert [line.split(":")[0] for line in found] == ["LNK001 3", "LNK002 3"]
    assert broken(site, {}, "docs/intro.md") == []


def test_number_prefixed_folders_and_fixes(site: Path) -> None:
    files = {
        "docs/01-basics/01-intro.md": "# I\n\n[t](./02-tokenizer.md#data)\n",
        "docs/01-basics/02-tokenizers.md": CHAPTER,
    }
    write_files(site, files)
    diagnostics = lint_tree(site, ["docs/01-basics/01-intro.md"], select=("LNK001",))
    assert len(diagnostics) == 1 and diagnostics[0].fix is not None
    edit = diagnostics[0].fix.edits[0]
    assert (edit.line, edit.column, edit.replacement) == (3, 5, "./02-tokenizers.md")


def test_drafts_are_left_out_of_production_builds(site: Path) -> None:
    files = {
        "docs/intro.md": "# I\n\n[a](./wip.md) [b](/docs/wip)\n",
        "docs/wip.md": "---\ndraft: true\n---\n# W\n",
    }
    found = broken(site, files)
    assert [line.split(":")[0] for line in found] == ["LNK001 3", "LNK003 3"]
    assert all("draft" in line for line in found)


def test_files_docusaurus_never_compiles_are_not_judged(site: Path) -> None:
    files = {
        "docs/_unused.md": "[a](./nope.md) ![b](./nope.png)\n",
        "README.md": "# R\n\n[a](/docs/nope) ![b](./x.png)\n",
        "blog/2024-01-01-post.md": "# P\n\n![b](./nope.png)\n",
    }
    write_files(site, files)
    found = [(d.path, d.code) for d in lint_tree(site, list(files), select=("LNK",))]
    assert found == [("blog/2024-01-01-post.md", "LNK004")]


def test_without_a_site_config_a_folder_outside_the_docs_folder_is_its_own_docs_folder(site: Path) -> None:
    files = {
        "docs/intro.md": "# I\n",
        "examples/course/a.md": "# A\n\n[b](./b.md) [c](./c.md)\n",
        "examples/course/b.md": "# B\n",
    }
    write_files(site, files)
    assert lint_tree(site, ["examples/course"], select=("LNK",)) == []  # beside the site: not pages
    (site / "docusaurus.config.js").unlink()
    found = [(d.path, d.line, d.code) for d in lint_tree(site, ["examples/course"], select=("LNK",))]
    assert found == [("examples/course/a.md", 3, "LNK001")]
