"""Admonition rules inside list items and block quotes, their messages, positions and fixes."""

from __future__ import annotations

import pytest

from doclint.rules import rule_by_code
from doclint.rules.base import Example
from doclint.site import Mdx1Compat
from doclint.testing import run_example

V4 = Mdx1Compat(comments=False, admonitions=False, heading_ids=False)


def lint(code: str, source: str, path: str = "docs/page.md", **site):
    return run_example(rule_by_code(code), Example.of(source, path=path, site=site))


def apply_fix(source: str, diagnostic) -> str:
    lines = source.split("\n")
    # apply edits bottom-up so earlier positions stay valid
    for edit in sorted(diagnostic.fix.edits, key=lambda e: (e.line, e.column), reverse=True):
        start = sum(len(line) + 1 for line in lines[: edit.line - 1]) + edit.column - 1
        end = sum(len(line) + 1 for line in lines[: edit.end_line - 1]) + edit.end_column - 1
        text = "\n".join(lines)
        lines = (text[:start] + edit.replacement + text[end:]).split("\n")
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("source", "where"),
    [
        (":::note\nBody\n\nMore.\n", "the end of the document, line 4"),
        ("- item\n\n  :::note\n  Body\n\n- two\n\nafter\n", "the end of its list item, line 5"),
        ("> :::tip\n> Body\n\nafter\n", "the end of its block quote, line 2"),
    ],
)
def test_unclosed_says_where_it_ends(source, where):
    [diagnostic] = lint("ADM002", source)
    assert where in diagnostic.message


def test_unknown_keyword_did_you_mean_and_case():
    [typo] = lint("ADM001", "> :::warnin\n> Careful.\n> :::\n")
    assert "did you mean 'warning'" in typo.message and (typo.line, typo.column) == (1, 3)
    [upper] = lint("ADM001", "- item\n\n  :::NOTE\n  x\n  :::\n")
    assert "case-sensitive: use 'note'" in upper.message and upper.column == 3


def test_site_keywords_with_and_without_extend_defaults():
    assert lint("ADM001", ":::exercise\nTry.\n:::\n", admonition_keywords=("note", "exercise")) == []
    assert lint("ADM001", ":::note\nx\n:::\n", admonition_keywords=("exercise",))  # extendDefaults: false


@pytest.mark.parametrize(
    "source",
    [
        "> ::: note\n> Body\n> :::\n",
        "- :::tip[Title\n  Body\n  :::\n",
        "1. x\n\n   ::: warning\n   y\n   :::\n",
    ],
)
def test_not_an_opener_in_quotes_and_lists(source):
    assert len(lint("ADM003", source)) == 1


def test_prose_with_colons_is_not_an_opener():
    assert lint("ADM003", "Ratio 10:30 and a::b\n\n`:::note x`\n") == []


def test_closer_with_trailing_text_inside_a_list_item():
    [diagnostic] = lint("ADM004", "- item\n\n  :::note\n  Body\n  ::: end\n")
    assert "':::note' from line 3 stays open" in diagnostic.message and diagnostic.line == 5


def test_equal_colon_nesting_points_at_the_outer_fence():
    [diagnostic] = lint("ADM005", "::::note\nOuter\n::::tip\nIn\n::::\n::::\n")
    assert diagnostic.line == 3 and "'::::note' (line 1)" not in diagnostic.message
    assert ":::::note" in diagnostic.message
    assert (
        lint("ADM002", "::::note\nOuter\n::::tip\nIn\n::::\n::::\n") == []
    )  # the nesting is the one mistake


@pytest.mark.parametrize(
    ("source", "fixed", "safety"),
    [
        (":::tip My Title\nBody\n:::\n", ":::tip[My Title]\nBody\n:::\n", "safe"),
        ("> :::note Quoted [x]\n> Body\n> :::\n", "> :::note[Quoted [x]]\n> Body\n> :::\n", "safe"),
        (
            "    :::caution Indented\n    Body\n    :::\n",
            "    :::caution[Indented]\n    Body\n    :::\n",
            "safe",
        ),
        (":::note [Title]\nBody\n:::\n", ":::note[Title]\nBody\n:::\n", "unsafe"),
    ],
)
def test_legacy_title_fix(source, fixed, safety):
    [diagnostic] = lint("ADM006", source, path="docs/page.mdx")
    assert diagnostic.fix.safety == safety
    assert apply_fix(source, diagnostic) == fixed


def test_legacy_one_liner_gets_no_fix():
    [diagnostic] = lint("ADM006", ":::note Body :::\n")
    assert diagnostic.fix is None and "closer on its own line" in diagnostic.message


def test_legacy_title_on_a_list_marker_line_is_not_rewritten_by_docusaurus():
    # the pre-pass regex allows quotes and indentation before the colons, not a list marker
    assert lint("ADM006", "- :::tip Title\n  Body\n  :::\n") == []
    assert len(lint("ADM003", "- :::tip Title\n  Body\n  :::\n")) == 1


def test_legacy_title_with_unknown_type_is_plain_text():
    assert lint("ADM006", ":::foo Title\nx\n:::\n") == []
    assert len(lint("ADM003", ":::foo Title\nx\n:::\n")) == 1


def test_brace_in_title_only_in_mdx():
    assert len(lint("ADM007", ":::tip[Use {x}]\nBody\n:::\n", path="docs/page.mdx")) == 1
    assert lint("ADM007", ":::tip[Use {x}]\nBody\n:::\n", path="docs/page.md", markdown_format="detect") == []
    assert len(lint("ADM007", ":::tip Use {x}\nBody\n:::\n", path="docs/page.mdx")) == 1  # via the pre-pass


def test_blank_lines_fix_in_a_block_quote():
    source = "> :::tip\n> Body.\n> :::\n"
    diagnostics = run_example(rule_by_code("ADM008"), Example.of(source, options={"prettier": True}))
    assert [d.line for d in diagnostics] == [1, 3]
    assert apply_fix(source, diagnostics[1]) == "> :::tip\n> Body.\n>\n> :::\n"
    assert apply_fix(source, diagnostics[0]) == "> :::tip\n>\n> Body.\n> :::\n"


def test_legacy_title_with_unbalanced_bracket_is_text_even_with_compat():
    # the pre-pass gives `:::note[[Title]`: no directive (oracle), so this is an error, and the fix escapes it
    source = ":::note [Title\nBody\n:::\n"
    [diagnostic] = lint("ADM006", source)
    assert diagnostic.severity.value == "error" and "do not balance" in diagnostic.message
    assert apply_fix(source, diagnostic) == ":::note[\\[Title]\nBody\n:::\n"
    assert diagnostic.fix.safety == "unsafe"


def test_blank_lines_only_where_prettier_formats(tmp_path):
    from doclint.rules.admonitions.adm008_blank_lines import uses_prettier

    (tmp_path / ".git").mkdir()
    (tmp_path / "website" / "docs").mkdir(parents=True)
    assert not uses_prettier(str(tmp_path / "website" / "docs"))
    (tmp_path / "package.json").write_text('{"devDependencies": {"prettier": "^3"}}', encoding="utf-8")
    assert uses_prettier(str(tmp_path / "website"))


def test_legacy_title_in_code_span_and_trailing_space():
    source = ":::tip `createDraftSafeSelectorCreator`\nBody\n:::\n"
    [diagnostic] = lint("ADM006", source)
    assert "`createDraftSafeSelectorCreator`" in diagnostic.message
    assert apply_fix(source, diagnostic) == ":::tip[`createDraftSafeSelectorCreator`]\nBody\n:::\n"
    assert lint("ADM006", ":::tip \nBody\n:::\n", mdx1_compat=V4) == []  # an ordinary opener
