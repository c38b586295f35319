"""URL-path links resolved against the page URL and the docs routes, as the route checker does."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.testing import lint_tree, write_files


def broken(site: Path, files: dict[str, str], target: str) -> list[str]:
    write_files(site, files)
    return [f"{d.code} {d.line}: {d.message}" for d in lint_tree(site, [target], select=("LNK",))]


SERIES = {
    "docs/index.md": "# Home\n",
    "docs/01-basics/index.md": "# Basics\n",
    "docs/01-basics/01-tokens.md": "# Tokens\n\n## Byte pairs\n",
    "docs/02-training.md": "---\nslug: /train\ntags: [llm]\n---\n# Training\n",
    "docs/guides/guides.md": "# Guides index (named like its folder)\n",
    "docs/guides/setup.md": "# Setup\n",
}


@pytest.mark.parametrize(
    ("source", "link"),
    [
        ("docs/01-basics/01-tokens.md", "/docs/basics/tokens#byte-pairs"),
        ("docs/01-basics/01-tokens.md", "../train"),  # /docs/basics/tokens -> /docs/train
        ("docs/01-basics/01-tokens.md", "tokens#byte-pairs"),  # same folder
        ("docs/01-basics/index.md", "tokens"),  # a category index is served at /docs/basics/
        ("docs/01-basics/index.md", "/docs/basics/"),  # trailing slash insensitive
        ("docs/guides/guides.md", "setup"),
        ("docs/02-training.md", "/docs/"),
        ("docs/02-training.md", "/docs/tags/llm"),  # tag pages exist once a doc has tags
        ("docs/02-training.md", "/blog/some-post"),  # nor other plugins' routes
        ("docs/02-training.md", "/docs/category/basics"),  # generated-index pages
    ],
)
def test_resolvable_url_links(site: Path, source: str, link: str) -> None:
    files = dict(SERIES)
    files[source] = files[source] + f"\n[x]({link})\n"
    assert broken(site, files, source) == []


@pytest.mark.parametrize(
    ("source", "link", "expected"),
    [
        ("docs/02-training.md", "/docs/02-training", "/docs/02-training"),  # the slug replaced the path
        ("docs/02-training.md", "/docs/basics/01-tokens", "did you mean '/docs/basics/tokens'"),
        ("docs/01-basics/01-tokens.md", "01-tokens.md.html", "/docs/basics/01-tokens.md.html"),
        ("docs/02-training.md", "01-basics/01-tokens", "file path without its .md extension"),
        ("docs/02-training.md", "/docs/basics/tokens#bytes", "'#bytes' does not exist"),
    ],
)
def test_broken_url_links(site: Path, source: str, link: str, expected: str) -> None:
    files = dict(SERIES)
    files[source] = files[source] + f"\n[x]({link})\n"
    found = broken(site, files, source)
    assert len(found) == 1 and expected in found[0], found


def test_trailing_slash_false_moves_relative_links_of_index_pages(site: Path) -> None:
    (site / "docusaurus.config.js").write_text("module.exports = {trailingSlash: false};\n", encoding="utf-8")
    files = dict(SERIES)
    files["docs/01-basics/index.md"] += "\n[x](tokens) [y](basics/tokens)\n"
    found = broken(site, files, "docs/01-basics/index.md")
    # served at /docs/basics, so "tokens" is /docs/tokens; "basics/tokens" is right
    assert len(found) == 1 and "/docs/tokens" in found[0]


def test_route_base_path_and_docs_path_from_the_config(site: Path) -> None:
    (site / "docusaurus.config.js").write_text(
        "export default {presets: [['classic', {docs: {path: 'course', routeBasePath: '/'}}]]};\n",
        encoding="utf-8",
    )
    files = {
        "course/intro.md": "# I\n\n[a](/basics) [b](/docs) [c](/nothing) [d](/part/gone) [e](/api/x) [f](/search)\n",
        "course/basics.md": "# B\n",
        "course/part/one.md": "# One\n",
    }
    found = broken(site, files, "course/intro.md")
    # other plugins share the site root: only paths the docs could own are judged
    assert [message.split(" resolves")[0] for message in found] == [
        "LNK003 3: link '/docs'",
        "LNK003 3: link '/nothing'",
        "LNK003 3: link '/part/gone'",
    ]


def test_versions_get_their_own_routes(site: Path) -> None:
    files = {
        "versions.json": '["2.0", "1.0"]\n',
        "docs/intro.md": "# Next\n\n[a](/docs/next/intro) [b](/docs/intro) [c](/docs/1.0/intro) [d](/docs/3.0/intro)\n",
        "versioned_docs/version-2.0/intro.md": "# Latest\n",
        "versioned_docs/version-1.0/intro.md": "# Old\n\n[a](/docs/1.0/missing)\n",
    }
    assert broken(site, files, "docs/intro.md") == []  # /docs/3.0 is a version this copy does not have
    found = broken(site, {}, "versioned_docs/version-1.0/intro.md")
    assert len(found) == 1 and "/docs/1.0/missing" in found[0]


def test_missing_asset_link_is_a_broken_url_and_an_existing_one_is_fine(site: Path) -> None:
    files = {
        "docs/intro.md": "# I\n\n[csv](./data.csv) [pdf](./paper.pdf) [s](@site/static/x.zip)\n",
        "docs/data.csv": "a,b\n",
        "static/robots.txt": "",
    }
    found = broken(site, files, "docs/intro.md")
    assert [message.split(":")[0] for message in found] == ["LNK003 3", "LNK003 3"]
    assert "paper.pdf" in found[0] and "onBrokenMarkdownLinks" in found[1]


def test_images_resolve_like_transform_image(site: Path) -> None:
    files = {
        "docs/intro.md": "# I\n\n![a](./img/a.png) ![b](/img/b.png) ![c](@site/static/img/b.png) ![d](./img/d.png)\n"
        "![e](/img/e.png) ![f](pathname:///img/f.png) ![g](https://example.com/g.png)\n",
        "docs/img/a.png": "png",
        "static/img/b.png": "png",
    }
    found = broken(site, files, "docs/intro.md")
    assert [message.split(":")[0] for message in found] == ["LNK004 3", "LNK004 4"]
    assert "fails the build" in found[0]


def test_images_are_skipped_when_the_static_directory_is_absent(site: Path) -> None:
    files = {"docs/intro.md": "# I\n\n![a](/img/a.png) ![b](../static/img/b.png) ![c](./c.png)\n"}
    found = broken(site, files, "docs/intro.md")
    assert len(found) == 1 and "./c.png" in found[0]


def test_link_components_in_mdx_are_checked_like_markdown_links(site: Path) -> None:
    files = {
        "docs/intro.mdx": "import Link from '@docusaurus/Link';\n\n# I\n\n<Link to=\"/docs/basics\">ok</Link> "
        "<Link to='/docs/gone'>no</Link> <Link to={computed}>?</Link>\n\n"
        '```jsx\n<Link to="/docs/in-code" />\n```\n',
        "docs/basics.md": "# B\n",
    }
    found = broken(site, files, "docs/intro.mdx")
    assert len(found) == 1 and "/docs/gone" in found[0] and found[0].startswith("LNK003 5:")


def test_generated_index_pages_with_explicit_slugs_exist(site: Path) -> None:
    (site / "docusaurus.config.js").write_text(
        "module.exports = {presets: [['classic', {docs: {sidebarPath: './sidebars.json'}}]]};\n",
        encoding="utf-8",
    )
    files = {
        "sidebars.json": '{"s": [{"type": "category", "label": "Basics", "items": ["intro"],'
        ' "link": {"type": "generated-index", "slug": "/basics-overview"}}]}',
        "docs/part/_category_.json": '{"label": "Part", "link": {"type": "generated-index", "slug": "part-index"}}',
        "docs/part/one.md": "# One\n",
        "docs/intro.md": "# I\n\n[a](/docs/basics-overview) [b](/docs/part-index) [c](/docs/overview)\n",
    }
    found = broken(site, files, "docs/intro.md")
    assert len(found) == 1 and "/docs/overview" in found[0]


def test_routes_of_docs_plugins_that_were_not_loaded_are_not_judged(site: Path) -> None:
    (site / "docusaurus.config.js").write_text(
        "module.exports = {presets: [['classic', {}]], plugins: [['content-docs', {id: 'community', "
        "path: 'community', routeBasePath: 'community'}]]};\n",
        encoding="utf-8",
    )
    (site / "doclint.toml").write_text('docs = ["docs"]\n', encoding="utf-8")
    files = {"docs/intro.md": "# I\n\n[a](/community/team) [b](/docs/gone)\n", "community/other.md": "# O\n"}
    found = broken(site, files, "docs/intro.md")
    assert len(found) == 1 and "/docs/gone" in found[0]
