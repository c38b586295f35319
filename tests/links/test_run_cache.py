"""The run-level result cache must see what the link and structure rules read besides the Markdown."""

from __future__ import annotations

from pathlib import Path

from doclint.testing import lint_tree, write_files


def codes(site: Path) -> list[str]:
    return [d.code for d in lint_tree(site, ["docs"], select=("LNK", "STR"))]


def test_adding_a_missing_image_clears_the_finding_on_a_cached_rerun(site: Path) -> None:
    write_files(site, {"docs/intro.md": "# I\n\n![chart](./img/chart.png)\n"})
    assert codes(site) == ["LNK004"]
    write_files(site, {"docs/img/chart.png": b"\x89PNG"})
    assert codes(site) == []


def test_editing_the_sidebars_file_is_seen_on_a_cached_rerun(site: Path) -> None:
    (site / "docusaurus.config.js").write_text(
        "module.exports = {presets: [['classic', {docs: {sidebarPath: './sidebars.json'}}]]};\n",
        encoding="utf-8",
    )
    write_files(site, {"docs/intro.md": "# I\n", "sidebars.json": '{"s": ["intro", "gone"]}'})
    assert codes(site) == ["STR006"]
    write_files(site, {"sidebars.json": '{"s": ["intro"]}'})
    assert codes(site) == []


def test_a_linked_blog_post_appearing_is_seen_on_a_cached_rerun(site: Path) -> None:
    write_files(site, {"docs/intro.md": "# I\n\n[post](../blog/2024-01-01-post.md)\n"})
    assert "no such file" in lint_tree(site, ["docs"], select=("LNK001",))[0].message
    write_files(site, {"blog/2024-01-01-post.md": "# Post\n"})
    found = lint_tree(site, ["docs"], select=("LNK001",))
    assert len(found) == 1 and "blog post" in found[0].message
