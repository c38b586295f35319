"""Sites built with the real Docusaurus 3.10.2 (`docusaurus build`, onBrokenLinks/onBrokenAnchors/markdown hooks
set to 'warn' so that every finding is listed): doclint must find exactly what that build reported.

The expected lists below are the build's own output, mapped from page URLs back to the files that hold each
link (for `/docs/host`, the anchor link is written in the partial it imports).
"""

from __future__ import annotations

import re
from pathlib import Path

from doclint.testing import lint_tree, write_files

PROBE_SITE = {
    "blog/2024-01-01-post.md": (
        "---\ntitle: Post\n---\nPost body.\n\n[doc](/docs/links#top-section) [bad](/docs/links#nope)\n"
    ),
    "docs/01-basics/01-tokens.md": (
        "# Tokens\n"
        "\n"
        "## Byte pairs\n"
        "\n"
        "## Byte pairs\n"
        "\n"
        "## Tokens\n"
        "\n"
        "[same](#byte-pairs-1) [h1](#tokens) [dup](#tokens-1) [case](#Byte-pairs) [enc](#byte%2Dpairs)\n"
        "[sib](vocab) [sibfile](02-vocab) [parent](../intro) [idx](./) [idx2](../basics)\n"
    ),
    "docs/01-basics/02-vocab.md": (
        "---\n"
        "id: vocabulary\n"
        "---\n"
        "# Vocab\n"
        "\n"
        "## Size {#vocab-size}\n"
        "\n"
        "## Other {/* #other-id */}\n"
        "\n"
        "Note[^1] and again[^1] and [^Big].\n"
        "\n"
        "[^1]: One.\n"
        "[^Big]: Big.\n"
        "\n"
        "[a](#vocab-size) [b](#size) [c](#other-id) [d](#user-content-fn-1) [e](#user-content-fnref-1-2) [f](#user-content-fn-big) [g](#footnote-label)\n"
        "[h](./01-tokens.md#tokens) [i](/docs/basics/vocab) [j](/docs/basics/vocabulary)\n"
    ),
    "docs/01-basics/index.md": (
        "# Basics\n"
        "\n"
        "## Overview\n"
        "\n"
        "[rel tokens](tokens) [rel vocab](02-vocab) [dot](./tokens) [up](../guides/setup) [abs](/docs/basics/tokens#byte-pairs)\n"
    ),
    "docs/_partial.md": (
        "## Partial heading\n"
        "\n"
        "[p1](#partial-heading) [p2](#host-only) [p3](#nowhere) [p4](./links.md#top-section)\n"
    ),
    "docs/data.csv": ("a,b\n"),
    "docs/guides/guides.md": (
        "# Guides\n\n[setup rel](setup) [setup file](./setup.md) [slugged](/docs/custom-slug)\n"
    ),
    "docs/guides/setup.md": (
        "---\n"
        "slug: /custom-slug\n"
        "---\n"
        "# Setup\n"
        "\n"
        "## Install steps\n"
        "\n"
        "[back](../guides) [rel after slug](guides/setup) [file](./guides.md) [index](/docs/guides/)\n"
    ),
    "docs/host.mdx": (
        "# Host\n"
        "\n"
        "import Partial from './_partial.md';\n"
        "\n"
        "## Host only\n"
        "\n"
        "<Partial />\n"
        "\n"
        "[a](#partial-heading) [b](/docs/host#partial-heading)\n"
    ),
    "docs/links.md": (
        "# Links\n"
        "\n"
        "## Top section\n"
        "\n"
        "- [f1](./01-basics/01-tokens.md) [f2](01-basics/02-vocab.md#vocab-size) [f3](/01-basics/01-tokens.md) [f4](/docs/01-basics/01-tokens.md)\n"
        "- [f5](@site/docs/guides/setup.md#install-steps) [f6](./01-basics/01-tokens.md?x=1#tokens-1) [f7](./01-basics/index.md)\n"
        "- [b1](./nope.md) [b2](./_partial.md) [b3](../blog/2024-01-01-post.md) [b4](./wip.md) [b5](./01-basics/01-tokens.md#nope)\n"
        "- [u1](/docs/basics/tokens) [u2](basics/tokens) [u3](/docs/01-basics/01-tokens) [u4](01-basics/01-tokens) [u5](/docs/wip)\n"
        "- [u6](/docs/guides) [u7](/docs/guides/setup) [u8](/docs/custom-slug#install-steps) [u9](/docs/custom-slug#install)\n"
        "- [u10](/docs/tags/x) [u11](/blog) [u12](/docs/category/x) [u13](/) [u14](/nowhere) [u15](pathname:///whatever)\n"
        "- [a1](#top-section) [a2](#links) [a3](#Top-section) [a4](#)\n"
        "- [r1][ok] [r2][bad]\n"
        "- [asset](./data.csv) [asset2](/img/logo.png) [asset3](/img/nope.png)\n"
        "- ![img1](/img/logo.png) ![img2](./nope.png)\n"
        "\n"
        "[ok]: ./guides/guides.md\n"
        "[bad]: ./guides/nope.md\n"
        "\n"
        "`[code](./nope-in-code.md)`\n"
        "\n"
        '<a href="./raw-html.md">raw</a>\n'
    ),
    "docs/wip.md": ("---\ndraft: true\n---\n# WIP\n"),
    "docusaurus.config.js": (
        "module.exports = {\n"
        "  title: 'Probe', url: 'https://example.com', baseUrl: '/',\n"
        "  onBrokenLinks: 'warn', onBrokenAnchors: 'warn',\n"
        "  markdown: {hooks: {onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'warn'}},\n"
        "  presets: [['classic', {docs: {sidebarPath: false}, blog: {path: 'blog', onInlineAuthors: 'ignore', onUntruncatedBlogPosts: 'ignore'}, theme: {}}]],\n"
        "};\n"
    ),
    "src/pages/index.md": ("# Home\n"),
    "static/img/logo.png": ("png\n"),
}

VERSIONED_SITE = {
    "course/01-part/01-one.md": (
        "# One\n"
        "\n"
        "[a](two) [b](../intro) [c](./02-two.md) [d](/01-part/02-two.md) [e](/learn/next/part/two#x)\n"
    ),
    "course/01-part/02-two.md": ("# Two\n\n## X {#x}\n"),
    "course/intro.md": (
        "# Intro\n"
        "\n"
        "[a](./01-part/01-one.md) [b](/learn/next/part/one) [c](/learn/part/one) [d](/learn/part/two) [e](/learn/1.0/part/one)\n"
        "[f](part/one) [g](/learn/next/part-overview) [h](/learn/part-overview) [i](../versioned_docs/version-1.0/intro.md#old)\n"
        "[j](/learn/next) [k](/learn) [l](/learn/next/) [m](01-part/index)\n"
    ),
    "docusaurus.config.js": (
        "module.exports = {\n"
        "  title: 'Probe2', url: 'https://example.com', baseUrl: '/', trailingSlash: false,\n"
        "  onBrokenLinks: 'warn', onBrokenAnchors: 'warn',\n"
        "  markdown: {hooks: {onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'warn'}},\n"
        "  presets: [['classic', {docs: {path: 'course', routeBasePath: 'learn', sidebarPath: './sidebars.json'}, blog: false, theme: {}}]],\n"
        "};\n"
    ),
    "sidebars.json": (
        '{"s": ["intro", "part/one", {"type": "category", "label": "P", "link": {"type": "generated-index", "slug": "/part-overview"}, "items": ["part/two"]}]}\n'
    ),
    "versioned_docs/version-1.0/01-part/01-one.md": ("# Old one\n\n[a](../intro#old) [b](/learn/intro)\n"),
    "versioned_docs/version-1.0/intro.md": (
        "# Old intro\n"
        "\n"
        "## Old\n"
        "\n"
        "[a](./01-part/01-one.md) [b](/01-part/01-one.md) [c](/learn/part/one) [d](/learn/next/part/one) [e](part/one) [f](/learn/part/two) [g](./01-part/02-two.md)\n"
        "[h](../../course/01-part/02-two.md#x)\n"
    ),
    "versioned_sidebars/version-1.0-sidebars.json": ('{"s": ["intro", "part/one"]}\n'),
    "versions.json": ('["1.0"]\n'),
}

# VERSIONED_SITE (trailingSlash: false, routeBasePath 'learn', versions.json ["1.0"]): the build's broken links
# ("/learn/next/" is listed as "/learn/next": the trailing slash is removed before links are collected)
VERSIONED_BROKEN_LINKS = {
    ("course/intro.md", "/learn/part/two"),
    ("course/intro.md", "/learn/1.0/part/one"),
    ("course/intro.md", "/learn/part-overview"),
    ("course/intro.md", "/learn/next"),
    ("course/intro.md", "/learn"),
    ("course/intro.md", "/learn/next/"),
    ("course/intro.md", "01-part/index"),
    ("versioned_docs/version-1.0/intro.md", "/learn/part/two"),
    ("versioned_docs/version-1.0/intro.md", "./01-part/02-two.md"),
}

CASE_SITE = {
    "docs/Intro.md": (
        "# Intro\n"
        "\n"
        "## Section\n"
        "\n"
        ":::note\n"
        "\n"
        "## In admonition\n"
        "\n"
        ":::\n"
        "\n"
        '<details id="d1">\n'
        "<summary>More</summary>\n"
        "\n"
        "## In details\n"
        "\n"
        "</details>\n"
        "\n"
        '<a id="raw-a"></a>\n'
        "\n"
        "Foot[^Ab].\n"
        "\n"
        "[^ab]: note\n"
    ),
    "docs/sub/page.mdx": (
        "import Link from '@docusaurus/Link';\n"
        "\n"
        "# Page\n"
        "\n"
        "## Local\n"
        "\n"
        "[a](/docs/intro) [b](/docs/Intro) [c](/docs/intro#section) [d](/docs/Intro#section) [e](../Intro.md#section)\n"
        "[f](../intro.md) [g](../Intro.md#Section) [h](../Intro.md#in-admonition) [i](../Intro.md#in-details) [j](../Intro.md#d1)\n"
        "[k](../Intro.md#raw-a) [l](/docs/tags) [m]() [n](/docs/Intro#) [o](../Intro.md#user-content-fn-ab) [p](intro.md)\n"
        "[q](/DOCS/Intro) [r](/docs/sub/Page) [s](Page) [t](../Intro.md#user-content-fnref-ab)\n"
        "\n"
        '<Link to="/docs/nope-jsx">x</Link> <Link to="/docs/Intro#in-details">y</Link> <Link id="jsx-anchor" to="/">z</Link>\n'
        "\n"
        "[u](#jsx-anchor) [v](#local)\n"
        "\n"
        "![img][missing]\n"
        "\n"
        "[missing]: ./missing.png\n"
        "\n"
        '<a href="/docs/raw-html-nope">raw</a>\n'
    ),
    "docusaurus.config.js": (
        "module.exports = {\n"
        "  title: 'Probe3', url: 'https://example.com', baseUrl: '/',\n"
        "  onBrokenLinks: 'warn', onBrokenAnchors: 'warn',\n"
        "  markdown: {hooks: {onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'warn'}},\n"
        "  presets: [['classic', {docs: {sidebarPath: false}, blog: false, theme: {}}]],\n"
        "};\n"
    ),
    "src/pages/index.md": ("# Home\n"),
}

# CASE_SITE: routes are case-sensitive; admonition and <details id> anchors, <Link id>, footnote labels are
# matched case-insensitively; raw <a id> is no anchor; /docs/tags is no page while no doc has tags; an image
# reference to a missing file and an empty link fail nothing
CASE_BROKEN_LINKS = {
    ("docs/sub/page.mdx", "/docs/intro"),
    ("docs/sub/page.mdx", "/docs/intro#section"),
    ("docs/sub/page.mdx", "../intro.md"),
    ("docs/sub/page.mdx", "/docs/tags"),
    ("docs/sub/page.mdx", "intro.md"),
    ("docs/sub/page.mdx", "/DOCS/Intro"),
    ("docs/sub/page.mdx", "/docs/sub/Page"),
    ("docs/sub/page.mdx", "Page"),
    ("docs/sub/page.mdx", "/docs/nope-jsx"),
}
CASE_BROKEN_ANCHORS = {
    ("docs/sub/page.mdx", "../Intro.md#Section"),
    ("docs/sub/page.mdx", "../Intro.md#raw-a"),
}

BASE_URL_SITE = {
    "docs/intro.mdx": (
        "import Heading from '@theme/Heading';\n"
        "import Tabs from '@theme/Tabs';\n"
        "import TabItem from '@theme/TabItem';\n"
        "\n"
        "# Intro\n"
        "\n"
        '<h2 id="jsx-h2">JSX h2</h2>\n'
        "\n"
        "<h3>JSX h3 no id</h3>\n"
        "\n"
        '<Heading as="h2" id="theme-heading">Theme heading</Heading>\n'
        "\n"
        "<Tabs>\n"
        '<TabItem value="a">\n'
        "\n"
        "## In tab\n"
        "\n"
        "</TabItem>\n"
        "</Tabs>\n"
        "\n"
        "<details>\n"
        "<summary>More</summary>\n"
        "\n"
        "[in details](./other.md#nope-in-details)\n"
        "\n"
        "</details>\n"
        "\n"
        "[a](#jsx-h2) [b](#jsx-h3-no-id) [c](#theme-heading) [d](#in-tab) [e](/base/docs/other) [f](/docs/other)\n"
        "[g](/base/docs/nope) [h](/about) [i](/base/about) [j](/docs/intro.html) [k](?x=1#in-tab) [l](/base)\n"
        "[m](/base/) [n](/) [o](/pages/about)\n"
    ),
    "docs/other.md": ("# Other\n"),
    "docusaurus.config.js": (
        "module.exports = {\n"
        "  title: 'Probe4', url: 'https://example.com', baseUrl: '/base/',\n"
        "  onBrokenLinks: 'warn', onBrokenAnchors: 'warn',\n"
        "  markdown: {hooks: {onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'warn'}},\n"
        "  presets: [['classic', {docs: {sidebarPath: false}, blog: false, pages: {path: 'pages'}, theme: {}}]],\n"
        "};\n"
    ),
    "pages/about.md": ("# About\n"),
    "pages/index.md": ("# Home\n"),
}

# BASE_URL_SITE (baseUrl '/base/', pages in 'pages'): links with or without the baseUrl, <Heading id> registered,
# JSX <h2 id> and raw <h3> not, headings inside <Tabs> registered
BASE_URL_BROKEN_LINKS = {
    ("docs/intro.mdx", "/base/docs/nope"),
    ("docs/intro.mdx", "/docs/intro.html"),
    ("docs/intro.mdx", "/pages/about"),
}
BASE_URL_BROKEN_ANCHORS = {
    ("docs/intro.mdx", "./other.md#nope-in-details"),
    ("docs/intro.mdx", "#jsx-h2"),
    ("docs/intro.mdx", "#jsx-h3-no-id"),
}

SLUG_SITE = {
    "docs/01-Part One/01-first.md": ("---\nslug: first-custom\n---\n# First\n"),
    "docs/02-part/02-part.md": ("# Part index (named like its raw folder)\n"),
    "docs/02-part/part.md": ("---\nid: part-doc\n---\n# Not an index\n"),
    "docs/03-other/README.md": ("---\nslug: other-home\n---\n# Readme with slug\n"),
    "docs/Setup.md": ("---\nid: custom\n---\n# Setup\n"),
    "docs/links.md": (
        "# Links\n"
        "\n"
        "[a](/docs/Part%20One/first-custom) [b](/docs/Part One/first-custom) [c](/docs/part/) [d](/docs/part/part-doc)\n"
        "[e](/docs/part/part) [f](/docs/other/other-home) [g](/docs/other-home) [h](/docs/other/) [i](/docs/nested/deep/04-keep)\n"
        "[j](/docs/nested/deep/keep) [k](/docs/custom) [l](/docs/Setup) [m](/docs/setup) [n](/docs/01-Part%20One/01-first)\n"
        "[o](./02-part/02-part.md) [p](./03-other/README.md) [q](/docs/part) [r](/docs/Part%20One/)\n"
    ),
    "docs/nested/deep/04-keep.md": ("---\nparse_number_prefixes: false\n---\n# Keep prefix\n"),
    "docusaurus.config.js": (
        "module.exports = {\n"
        "  title: 'Probe5', url: 'https://example.com', baseUrl: '/',\n"
        "  onBrokenLinks: 'warn', onBrokenAnchors: 'warn',\n"
        "  markdown: {hooks: {onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'warn'}},\n"
        "  presets: [['classic', {docs: {sidebarPath: false}, blog: false, theme: {}}]],\n"
        "};\n"
    ),
}

# SLUG_SITE: relative slugs, a folder with a space, an index named like its raw folder, README with a slug,
# parse_number_prefixes: false, a front matter id (routes are case-sensitive)
SLUG_BROKEN_LINKS = {
    ("docs/links.md", "/docs/part/part"),
    ("docs/links.md", "/docs/other-home"),
    ("docs/links.md", "/docs/other/"),
    ("docs/links.md", "/docs/nested/deep/keep"),
    ("docs/links.md", "/docs/Setup"),
    ("docs/links.md", "/docs/setup"),
    ("docs/links.md", "/docs/01-Part%20One/01-first"),
    ("docs/links.md", "/docs/Part%20One/"),
}

# PROBE_SITE: "Docusaurus found broken links!" (and the Markdown-link warnings that precede them)
BROKEN_LINKS = {
    ("docs/01-basics/index.md", "02-vocab"),
    ("docs/01-basics/index.md", "../guides/setup"),
    ("docs/01-basics/01-tokens.md", "vocab"),
    ("docs/01-basics/01-tokens.md", "02-vocab"),
    ("docs/01-basics/01-tokens.md", "../intro"),
    ("docs/01-basics/02-vocab.md", "/docs/basics/vocab"),
    ("docs/guides/setup.md", "../guides"),
    ("docs/guides/setup.md", "guides/setup"),
    ("docs/guides/guides.md", "setup"),
    ("docs/links.md", "./nope.md"),
    ("docs/links.md", "./_partial.md"),
    ("docs/links.md", "../blog/2024-01-01-post.md"),
    ("docs/links.md", "./wip.md"),
    ("docs/links.md", "/docs/01-basics/01-tokens"),
    ("docs/links.md", "01-basics/01-tokens"),
    ("docs/links.md", "/docs/wip"),
    ("docs/links.md", "/docs/guides/setup"),
    ("docs/links.md", "/nowhere"),
    ("docs/links.md", "./guides/nope.md"),
    ("docs/links.md", "/img/nope.png"),
    ("docs/links.md", "/docs/tags/x"),
    ("docs/links.md", "/docs/category/x"),
}
# reported by the build, not judged by doclint: generated-index pages depend on sidebar data it does not model
NOT_JUDGED = {("docs/links.md", "/docs/category/x")}
# "Docusaurus found broken anchors!"
BROKEN_ANCHORS = {
    ("blog/2024-01-01-post.md", "/docs/links#nope"),
    ("docs/01-basics/01-tokens.md", "#tokens"),
    ("docs/01-basics/01-tokens.md", "#Byte-pairs"),
    ("docs/01-basics/02-vocab.md", "#size"),
    ("docs/01-basics/02-vocab.md", "./01-tokens.md#tokens"),
    ("docs/_partial.md", "#nowhere"),
    ("docs/links.md", "./01-basics/01-tokens.md#nope"),
    ("docs/links.md", "/docs/custom-slug#install"),
    ("docs/links.md", "#links"),
    ("docs/links.md", "#Top-section"),
}
# "Markdown image with URL `./nope.png` ... couldn't be resolved to an existing local image file"
BROKEN_IMAGES = {("docs/links.md", "./nope.png")}

# a Markdown link, a definition, or the value of a <Link to="…"> attribute (its diagnostic points at the value)
_LINK_AT = re.compile(
    r"!?\[[^\]]*\]\((?P<inline>[^)\s]*)\)|\[[^\]]*\]:\s*(?P<definition>\S+)|(?P<jsx>[^\"\s]+)\""
)


def _written(site: Path, path: str, line: int, column: int) -> str:
    text = (site / path).read_text(encoding="utf-8").splitlines()[line - 1]
    match = _LINK_AT.match(text, column - 1)
    assert match, f"no link at {path}:{line}:{column}"
    return next(value for value in match.groups() if value is not None)


def _findings(site: Path, files: dict[str, str], folders: list[str]) -> dict[str, set[tuple[str, str]]]:
    write_files(site, files)
    found = lint_tree(site, folders, select=("LNK001", "LNK002", "LNK003", "LNK004"))
    by_code: dict[str, set[tuple[str, str]]] = {}
    for diagnostic in found:
        written = _written(site, diagnostic.path, diagnostic.line, diagnostic.column)
        by_code.setdefault(diagnostic.code, set()).add((diagnostic.path, written))
    return by_code


def test_doclint_finds_what_the_docusaurus_build_found(site: Path) -> None:
    by_code = _findings(site, PROBE_SITE, ["docs", "blog"])
    links = by_code.get("LNK001", set()) | by_code.get("LNK003", set())
    assert links == BROKEN_LINKS - NOT_JUDGED
    assert by_code.get("LNK002", set()) == BROKEN_ANCHORS
    assert by_code.get("LNK004", set()) == BROKEN_IMAGES


def test_versioned_site_as_the_docusaurus_build_judged_it(site: Path) -> None:
    by_code = _findings(site, VERSIONED_SITE, ["course", "versioned_docs"])
    assert by_code.pop("LNK001", set()) | by_code.pop("LNK003", set()) == VERSIONED_BROKEN_LINKS
    assert by_code == {}


def test_case_and_anchor_kinds_as_the_docusaurus_build_judged_them(site: Path) -> None:
    by_code = _findings(site, CASE_SITE, ["docs"])
    assert by_code.pop("LNK001", set()) | by_code.pop("LNK003", set()) == CASE_BROKEN_LINKS
    assert by_code.pop("LNK002", set()) == CASE_BROKEN_ANCHORS
    assert by_code == {}


def test_base_url_and_heading_components_as_the_docusaurus_build_judged_them(site: Path) -> None:
    by_code = _findings(site, BASE_URL_SITE, ["docs"])
    assert by_code.pop("LNK003", set()) == BASE_URL_BROKEN_LINKS
    assert by_code.pop("LNK002", set()) == BASE_URL_BROKEN_ANCHORS
    assert by_code == {}


def test_slugs_and_ids_as_the_docusaurus_build_judged_them(site: Path) -> None:
    by_code = _findings(site, SLUG_SITE, ["docs"])
    assert by_code.pop("LNK003", set()) == SLUG_BROKEN_LINKS
    assert by_code == {}
