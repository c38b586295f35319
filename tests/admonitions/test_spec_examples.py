"""Spec section 1.5, row by row, in md and mdx: which admonition rules fire is what Docusaurus 3.10.2 did.

Every expectation was checked with the Docusaurus oracle (the real mdx-loader pipeline): "quiet" rows
compiled to the admonition the author wrote, the others to plain text, a swallowed document or a warning.
"""

from __future__ import annotations

import pytest

from doclint.rules import all_rules
from doclint.rules.base import Example
from doclint.site import Mdx1Compat
from doclint.testing import run_example

ADMONITION_RULES = [rule for rule in all_rules() if rule.family == "admonitions" and rule.code != "ADM008"]
V4 = Mdx1Compat(comments=False, admonitions=False, heading_ids=False)


def fired(source: str, fmt: str, **site) -> set[str]:
    path = "docs/page.mdx" if fmt == "mdx" else "docs/page.md"
    settings = {"markdown_format": "detect", **site}
    example = Example.of(source, path=path, site=settings)
    return {rule.code for rule in ADMONITION_RULES if run_example(rule, example)}


# (row of the table, source, rules that fire: the same in md and mdx)
ROWS = [
    ("note admonition", ":::note\nBody\n:::\n", set()),
    ("tip with a label", ":::tip[Plain title]\nBody\n:::\n", set()),
    ("attributes", ':::info[T]{#x .c title="A"}\nBody\n:::\n', set()),
    ("unknown type warns", ":::foo\nBody\n:::\n", {"ADM001"}),
    ("case-sensitive", ":::NOTE\nBody\n:::\n", {"ADM001"}),
    ("space after colons is text", "::: note\nBody\n:::\n", {"ADM003"}),
    ("unclosed label is text", ":::note[Title\nBody\n:::\n", {"ADM003"}),
    ("unclosed swallows the document", ":::note\nBody\n\nMore.\n", {"ADM002"}),
    ("fewer colons do not close", "::::note\nBody\n:::\n", {"ADM002", "ADM004"}),
    ("closer after text does not close", ":::note\nBody :::\n", {"ADM002", "ADM004"}),
    (
        "equal colons: inner closer closes outer",
        ":::note\nOuter\n:::tip\nIn\n:::\nafter\n:::\n",
        {"ADM005", "ADM004"},
    ),
    ("two colons is a leaf directive", "::note[x]\n", {"ADM001"}),
    ("two-colon fences are no container", "::note\nBody\n::\n", {"ADM001"}),
]


@pytest.mark.parametrize("fmt", ["md", "mdx"])
@pytest.mark.parametrize(("row", "source", "expected"), ROWS, ids=[row[0] for row in ROWS])
def test_spec_row(row, source, expected, fmt):
    assert fired(source, fmt) == expected


def test_legacy_title_works_with_compat_and_is_text_without():
    source = ":::tip My Title\nBody\n:::\n"
    for fmt in ("md", "mdx"):
        [with_compat] = run_example(
            rule_by("ADM006"), Example.of(source, path=f"docs/p.{fmt}", site={"markdown_format": "detect"})
        )
        assert with_compat.severity.value == "warning" and "v4" in with_compat.message
        [without] = run_example(
            rule_by("ADM006"),
            Example.of(source, path=f"docs/p.{fmt}", site={"markdown_format": "detect", "mdx1_compat": V4}),
        )
        assert without.severity.value == "error" and "plain text" in without.message
        assert fired(source, fmt, mdx1_compat=V4) == {"ADM006"}  # its closer is not reported again


@pytest.mark.parametrize(("fmt", "expected"), [("md", set()), ("mdx", set())])
def test_four_space_indented_opener(fmt, expected):
    """md: an indented code block (nothing to say); mdx: an admonition (nothing to say either)."""
    assert fired("    :::note\n    Body\n    :::\n", fmt) == expected


def test_four_space_indented_unclosed_opener_is_code_in_md_only():
    source = "    :::note\n    Body\n"
    assert fired(source, "md") == set()
    assert fired(source, "mdx") == {"ADM002"}


def rule_by(code: str):
    return next(rule for rule in all_rules() if rule.code == code)
