"""Anchors judged as Docusaurus's broken-anchor checker judges them."""

from __future__ import annotations

from pathlib import Path

from doclint.testing import lint_tree, write_files


def messages(site: Path, files: dict[str, str], target: str = "docs/intro.md") -> list[tuple[int, str]]:
    write_files(site, files)
    return [(d.line, d.message) for d in lint_tree(site, [target], select=("LNK002",))]


def test_the_five_anchor_probes_of_the_peer_survey(site: Path) -> None:
    # peers.md 4.4: Docusaurus 3.10.2 rendered ids install-steps, other-id, uses-code--symbols; no h1 id
    anchors = (
        "# Anchors\n\n## Setup {#install-steps}\n\n## Other {/* #other-id */}\n\n## Uses `code` & symbols!\n"
    )
    intro = (
        "# Introduction\n\n"
        "1. [a](./anchors.md#install-steps)\n"
        "2. [b](./anchors.md#other-id)\n"
        "3. [c](./anchors.md#uses-code--symbols)\n"
        "4. [d](./anchors.md#setup-install-steps)\n"
        "5. [e](./intro.md#introduction)\n"
    )
    found = messages(site, {"docs/anchors.md": anchors, "docs/intro.md": intro})
    assert [line for line, _ in found] == [6, 7]
    assert "'#setup-install-steps' does not exist on docs/anchors.md" in found[0][1]
    assert "h1" in found[1][1] and "no anchor" in found[1][1]


def test_h1_consumes_a_slug_and_duplicates_are_numbered(site: Path) -> None:
    page = (
        "# Intro\n\n## Intro\n\n## Step\n\n## Step\n\n[a](#intro-1) [b](#step-1) [c](#intro) [d](#step-2)\n"
    )
    found = messages(site, {"docs/intro.md": page})
    assert [message.split("'")[1] for _, message in found] == ["#intro", "#step-2"]


def test_comparison_is_case_sensitive_and_url_decoded(site: Path) -> None:
    page = "# T\n\n## Déjà vu\n\n## API\n\n[a](#d%C3%A9j%C3%A0-vu) [b](#déjà-vu) [c](#API) [d](#api)\n"
    found = messages(site, {"docs/intro.md": page})
    assert len(found) == 1 and "'#API'" in found[0][1] and "did you mean '#api'" in found[0][1]


def test_html_comment_id_applies_only_in_md_format_without_compat_comments(site: Path) -> None:
    (site / "docusaurus.config.js").write_text(
        "export default {markdown: {format: 'detect', mdx1Compat: {comments: false}}};\n", encoding="utf-8"
    )
    files = {
        "docs/intro.md": "# T\n\n## Title <!-- #custom -->\n\n[a](#custom) [b](./other.mdx#custom)\n",
        "docs/other.mdx": "# O\n\n## Title <!-- #custom -->\n",
    }
    found = messages(site, files)
    # in .mdx the HTML comment is not even valid; the .md file gets the id, the .mdx file does not
    assert [message.split("'")[1] for _, message in found] == ["#custom"]
    assert "docs/other.mdx" in found[0][1]


def test_footnotes_register_lowercased_ids(site: Path) -> None:
    page = "# T\n\nText[^Note] more[^note].\n\n[^Note]: A note.\n\n[a](#user-content-fn-note) [b](#user-content-fnref-note-2) [c](#user-content-fn-Note)\n"
    found = messages(site, {"docs/intro.md": page})
    assert [message.split("'")[1] for _, message in found] == ["#user-content-fn-Note"]


def test_admonition_ids_and_raw_html_ids_are_not_anchors_but_link_ids_are(site: Path) -> None:
    page = (
        '# T\n\n:::note{#admonition-id}\nBody\n:::\n\n<a id="raw"></a>\n\n<div id="box">x</div>\n\n'
        '<Link id="jsx-link" to="/">x</Link>\n\n[a](#admonition-id) [b](#raw) [c](#box) [d](#jsx-link)\n'
    )
    found = messages(site, {"docs/intro.mdx": page}, target="docs/intro.mdx")
    assert [message.split("'")[1] for _, message in found] == ["#admonition-id", "#raw", "#box"]


def test_headings_of_imported_partials_are_anchors_of_the_importing_page(site: Path) -> None:
    files = {
        "docs/intro.mdx": "# T\n\nimport Setup from './\\_setup.md';\n\n<Setup />\n\n[a](#6-install) [b](#install)\n",
        "docs/_setup.md": "## 6. Install\n",
        "docs/other.md": "# O\n\n[c](./intro.mdx#6-install)\n",
    }
    write_files(site, files)
    found = [
        (d.path, d.message) for d in lint_tree(site, ["docs/intro.mdx", "docs/other.md"], select=("LNK002",))
    ]
    assert len(found) == 1 and "'#install'" in found[0][1]


def test_anchor_links_inside_a_partial_are_judged_on_the_pages_that_import_it(site: Path) -> None:
    files = {
        "docs/a.mdx": "# A\n\nimport P from './_p.md';\n\n## Shared\n\n<P />\n",
        "docs/b.mdx": "# B\n\nimport P from './_p.md';\n\n<P />\n",
        "docs/_p.md": "See [shared](#shared) and [gone](#gone).\n",
    }
    write_files(site, files)
    found = [d.message for d in lint_tree(site, ["docs/_p.md"], select=("LNK002",))]
    assert len(found) == 1 and "'#gone'" in found[0]


def test_a_renamed_heading_reports_inbound_anchor_links_when_only_its_file_is_checked(site: Path) -> None:
    files = {
        "docs/a.md": "# A\n\n## Scaling rules\n",
        "docs/b.md": "# B\n\nSee [laws](./a.md#scaling-laws).\n",
        "docs/c.md": "# C\n\nSee [laws](/docs/a#scaling-laws) and [own](#nothing).\n",
    }
    write_files(site, files)
    found = [(d.path, d.line) for d in lint_tree(site, ["docs/a.md"], select=("LNK002",))]
    assert found == [("docs/b.md", 3), ("docs/c.md", 3)]  # c.md's own broken '#nothing' is not about a.md


def test_pages_rendering_local_components_have_anchors_doclint_cannot_see(site: Path) -> None:
    files = {
        "docs/intro.mdx": "# T\n\nimport {Steps} from './\\_steps';\nimport constants from '@site/core/constants';\n\n"
        "<Steps />\n\n[a](#from-the-component) {constants.x}\n",
        "docs/other.mdx": "# O\n\nimport Widget from '@site/src/components/Widget';\n\n<Widget />\n\n"
        "[b](./intro.mdx#x) [c](#y)\n",
    }
    write_files(site, files)
    found = [
        (d.path, d.line) for d in lint_tree(site, ["docs/intro.mdx", "docs/other.mdx"], select=("LNK002",))
    ]
    assert found == [("docs/other.mdx", 7)]  # only '#y': a site-wide widget is taken to render no headings


def test_did_you_mean_prefers_an_anchor_the_fragment_extends(site: Path) -> None:
    page = (
        "# T\n\n## accessibilityLiveRegion Android\n\n## accessibilityState\n\n"
        "[a](#accessibilitystate-ios-android)\n"
    )
    found = messages(site, {"docs/intro.md": page})
    assert "did you mean '#accessibilitystate'" in found[0][1]
