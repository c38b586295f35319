"""Spec 6.2 row by row: what breaks an MDX build fires its rule in mdx and nothing in md.

Each source was compiled with the Docusaurus 3.10.2 oracle (`ok` or the error recorded in the comment);
`{foo}` compiles and fails at static generation, which the spec records from a full build.
"""

from __future__ import annotations

import pytest

from doclint.rules import all_rules
from doclint.rules.base import Example
from doclint.site import Mdx1Compat
from doclint.testing import run_example

RULES = [rule for rule in all_rules() if rule.family in ("mdx", "headings")]
V4 = Mdx1Compat(comments=False, admonitions=False, heading_ids=False)


def fired(source: str, fmt: str, **site) -> set[str]:
    example = Example.of(source, path=f"docs/page.{fmt}", site={"markdown_format": "detect", **site})
    return {rule.code for rule in RULES if run_example(rule, example)}


ROWS = [
    ("comment, compat on", "a <!-- c --> b\n", {}, set()),
    ("comment, compat off", "a <!-- c --> b\n", {"mdx1_compat": V4}, {"MDX001"}),  # Unexpected character `!`
    ("unbalanced brace", "a { b\n", {}, {"MDX002"}),  # Unexpected end of file in expression
    ("undefined name", "Use {foo}\n", {}, {"MDX003"}),  # compiles; SSG ReferenceError
    ("less than digit", "x <5\n", {}, {"MDX004"}),  # Unexpected character `5` before name
    ("less than letter", "a <b\n", {}, {"MDX004"}),  # Unexpected end of file in name
    ("less than space", "x < 5\n", {}, set()),
    ("br", "a<br>b\n", {}, {"MDX005"}),  # Expected a closing tag for `<br>`
    ("img", '<img src="">\n', {}, {"MDX005"}),
    ("div without close", "<div>\n\ntext\n", {}, {"MDX008"}),  # Expected a closing tag for `<div>`
    ("url autolink", "<https://x.com>\n", {}, {"MDX006"}),
    ("email autolink", "<me@x.com>\n", {}, {"MDX006"}),
    ("unquoted attribute", "<a href=foo>x</a>\n", {}, {"MDX007"}),
    ("mismatched tags", "<b>x</i>\n", {}, {"MDX008"}),  # Unexpected closing tag `</i>`
    ("import in prose", "import this into that\n", {}, {"MDX009"}),  # Could not parse import/exports
    ("export in prose", "export the data first\n", {}, {"MDX009"}),
    ("two heading ids", "## T {#a}{#b}\n", {}, {"HID003"}),  # Could not parse expression with acorn
    ("heading id, compat off", "## T {#a}\n", {"mdx1_compat": V4}, {"HID003"}),
    ("indented code is no code in mdx", "Para.\n\n    x <5\n", {}, {"MDX004"}),
    ("escapes", "a \\{ b \\< c &#123; d\n", {}, set()),
    ("code", "`{x} <5` and\n\n```\n{ <b\n```\n", {}, set()),
    ("arrows", "a -> b => c\n", {}, set()),
    ("self-closed br", "a<br/>b\n", {}, set()),
]


@pytest.mark.parametrize(("row", "source", "site", "expected"), ROWS, ids=[row[0] for row in ROWS])
def test_mdx_row(row, source, site, expected):
    assert fired(source, "mdx", **site) == expected


@pytest.mark.parametrize(("row", "source", "site", "expected"), ROWS, ids=[row[0] for row in ROWS])
def test_nothing_fires_in_md(row, source, site, expected):
    """In md format `{`, `<` and comments are literal text or raw HTML, `{#a}{#b}` yields id b, and
    indented code stays code."""
    # `{#a}{#b}` does not break md, but `{#a}` stays visible in the heading: HID002 says so
    assert fired(source, "md", **site) == ({"HID002"} if row == "two heading ids" else set())
