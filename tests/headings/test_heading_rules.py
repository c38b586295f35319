"""Heading-id rules; every behaviour was checked with the Docusaurus 3.10.2 oracle (ids, or the compile error)."""

from __future__ import annotations

import pytest

from doclint.rules import rule_by_code
from doclint.rules.base import Example
from doclint.site import Mdx1Compat
from doclint.testing import run_example

V4 = Mdx1Compat(comments=False, admonitions=False, heading_ids=False)


def lint(code: str, source: str, fmt: str = "md", **site):
    example = Example.of(source, path=f"docs/page.{fmt}", site={"markdown_format": "detect", **site})
    return run_example(rule_by_code(code), example)


@pytest.mark.parametrize("fmt", ["md", "mdx"])
def test_explicit_ids_collide_with_each_other_and_with_slugs(fmt):
    source = "# Page\n\n## A {#my-id}\n\n## B {#my-id}\n\n## my-id\n"  # oracle: my-id, my-id, my-id
    diagnostics = lint("HID001", source, fmt)
    # reported at the explicit id: line 5 repeats line 3's, line 3's is also line 7's generated slug
    assert [(d.line, d.column, d.end_column) for d in diagnostics] == [(3, 6, 14), (5, 6, 14)]
    assert "line 7 gets it as its generated slug" in diagnostics[0].message
    assert "line 3 has it explicitly" in diagnostics[1].message


def test_comment_ids_collide_too():
    source = "# Page\n\n## Setup\n\n## Other {/* #setup */}\n"
    [diagnostic] = lint("HID001", source, "mdx")
    assert diagnostic.line == 5 and "generated slug" in diagnostic.message


def test_numbered_slugs_do_not_collide():
    assert lint("HID001", "# Intro\n\n## Intro\n\n## Intro\n\n## Intro {#intro-3}\n") == []


@pytest.mark.parametrize(
    ("source", "fmt", "site", "fires"),
    [
        ("## {#x} trailing\n", "md", {}, True),  # id x-trailing, braces shown
        ("## {#x} trailing\n", "mdx", {}, True),  # escaped by mdx1Compat: same as md
        ("## {#x} trailing\n", "mdx", {"mdx1_compat": V4}, False),  # compile error: HID003's
        ("## Title {#x}   \n", "md", {}, False),  # trailing spaces are trimmed: id x
        ("## {#id-only}\n", "md", {}, False),
        ("## The `{#id}` form\n", "md", {}, False),
    ],
)
def test_id_not_at_end(source, fmt, site, fires):
    assert bool(lint("HID002", source, fmt, **site)) is fires


@pytest.mark.parametrize(
    ("source", "site", "columns"),
    [
        ("## T {#a}{#b}\n", {}, [10]),  # only the second is a JavaScript expression
        ("## T {#a}\n", {"mdx1_compat": V4}, [6]),
        ("## {#x} trailing\n", {"mdx1_compat": V4}, [4]),
        ("Title {#sid}\n---\n", {}, [7]),  # setext headings are not escaped
        ("## T {/* #a */}\n", {"mdx1_compat": V4}, []),
        ("## T {#a}\n", {}, []),
    ],
)
def test_ids_that_break_mdx(source, site, columns):
    assert [d.column for d in lint("HID003", source, "mdx", **site)] == columns


def test_ids_never_break_md():
    assert lint("HID003", "## T {#a}{#b}\n\nTitle {#sid}\n---\n", "md", mdx1_compat=V4) == []
