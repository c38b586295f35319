"""The container-directive parser against Docusaurus 3.10.2: each case was compiled by the oracle, which
recorded the containers it found (name, line) and the lines where top-level paragraphs start (so where an
unclosed or mis-closed container ends). Cases the compiler rejected are left to the MDX rules; two-colon leaf
directives are not modelled by the parser (ADM001 reads them from the text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.document import build_document
from doclint.site import Mdx1Compat, SiteSettings
from doclint.source import SourceText

# (case, format, mdx1Compat, source, containers as (name, line), lines of top-level paragraphs)
CASES = [
    ("basic", "mdx", True, ":::note\nBody\n:::\n", [("note", 1)], []),
    ("basic", "md", True, ":::note\nBody\n:::\n", [("note", 1)], []),
    ("label", "mdx", True, ":::tip[Plain title]\nBody\n:::\n", [("tip", 1)], []),
    ("label", "md", True, ":::tip[Plain title]\nBody\n:::\n", [("tip", 1)], []),
    ("legacy", "mdx", True, ":::tip My Title\nBody\n:::\n", [("tip", 1)], []),
    ("legacy", "md", True, ":::tip My Title\nBody\n:::\n", [("tip", 1)], []),
    ("attrs", "mdx", True, ':::info[T]{#x .c title="A"}\nBody\n:::\n', [("info", 1)], []),
    ("attrs", "md", True, ':::info[T]{#x .c title="A"}\nBody\n:::\n', [("info", 1)], []),
    ("unknown", "mdx", True, ":::foo\nBody\n:::\n", [("foo", 1)], []),
    ("unknown", "md", True, ":::foo\nBody\n:::\n", [("foo", 1)], []),
    ("upper", "mdx", True, ":::NOTE\nBody\n:::\n", [("NOTE", 1)], []),
    ("upper", "md", True, ":::NOTE\nBody\n:::\n", [("NOTE", 1)], []),
    ("space", "mdx", True, "::: note\nBody\n:::\n", [], [1]),
    ("space", "md", True, "::: note\nBody\n:::\n", [], [1]),
    ("unclosed_label", "mdx", True, ":::note[Title\nBody\n:::\n", [], [1]),
    ("unclosed_label", "md", True, ":::note[Title\nBody\n:::\n", [], [1]),
    ("eof", "mdx", True, ":::note\nBody\n\nafter\n", [("note", 1)], []),
    ("eof", "md", True, ":::note\nBody\n\nafter\n", [("note", 1)], []),
    ("more_colons", "mdx", True, "::::note\nBody\n:::\n\nafter\n", [("note", 1)], []),
    ("more_colons", "md", True, "::::note\nBody\n:::\n\nafter\n", [("note", 1)], []),
    ("body_closer", "mdx", True, ":::note\nBody :::\n\nafter\n", [("note", 1)], []),
    ("body_closer", "md", True, ":::note\nBody :::\n\nafter\n", [("note", 1)], []),
    (
        "equal_nest",
        "mdx",
        True,
        ":::note\nOuter\n:::tip\nIn\n:::\nafter\n:::\n",
        [("note", 1), ("tip", 3)],
        [6],
    ),
    (
        "equal_nest",
        "md",
        True,
        ":::note\nOuter\n:::tip\nIn\n:::\nafter\n:::\n",
        [("note", 1), ("tip", 3)],
        [6],
    ),
    ("indent4", "mdx", True, "    :::note\n    Body\n    :::\n", [("note", 1)], []),
    ("indent4", "md", True, "    :::note\n    Body\n    :::\n", [], []),
    ("indent3", "mdx", True, "   :::note\n   Body\n   :::\n", [("note", 1)], []),
    ("indent3", "md", True, "   :::note\n   Body\n   :::\n", [("note", 1)], []),
    ("list", "mdx", True, "- item\n\n  :::note\n  Body\n  :::\n\n- two\n", [("note", 3)], []),
    ("list", "md", True, "- item\n\n  :::note\n  Body\n  :::\n\n- two\n", [("note", 3)], []),
    ("list_unclosed", "mdx", True, "- item\n\n  :::note\n  Body\n\n- two\n\nafter\n", [("note", 3)], [8]),
    ("list_unclosed", "md", True, "- item\n\n  :::note\n  Body\n\n- two\n\nafter\n", [("note", 3)], [8]),
    ("quote", "mdx", True, "> :::tip\n> Body\n> :::\n\nafter\n", [("tip", 1)], [5]),
    ("quote", "md", True, "> :::tip\n> Body\n> :::\n\nafter\n", [("tip", 1)], [5]),
    ("quote_unclosed", "mdx", True, "> :::tip\n> Body\n\nafter\n", [("tip", 1)], [4]),
    ("quote_unclosed", "md", True, "> :::tip\n> Body\n\nafter\n", [("tip", 1)], [4]),
    ("quote_legacy", "mdx", True, "> :::tip Quoted title\n> Body\n> :::\n", [("tip", 1)], []),
    ("quote_legacy", "md", True, "> :::tip Quoted title\n> Body\n> :::\n", [("tip", 1)], []),
    ("list_legacy", "mdx", True, "- item\n\n  :::tip List title\n  Body\n  :::\n", [("tip", 3)], []),
    ("list_legacy", "md", True, "- item\n\n  :::tip List title\n  Body\n  :::\n", [("tip", 3)], []),
    ("fence_inside", "mdx", True, ":::note\n```\n:::\n```\n:::\n\nafter\n", [("note", 1)], []),
    ("fence_inside", "md", True, ":::note\n```\n:::\n```\n:::\n\nafter\n", [("note", 1)], []),
    ("fence_legacy", "mdx", True, "```\n:::tip In code\n```\n\n:::note\nx\n:::\n", [("note", 5)], []),
    ("fence_legacy", "md", True, "```\n:::tip In code\n```\n\n:::note\nx\n:::\n", [("note", 5)], []),
    (
        "nest_ok",
        "mdx",
        True,
        "::::info[Outer]\n:::danger[Inner]\nx\n:::\n::::\n\nafter\n",
        [("info", 1), ("danger", 2)],
        [7],
    ),
    (
        "nest_ok",
        "md",
        True,
        "::::info[Outer]\n:::danger[Inner]\nx\n:::\n::::\n\nafter\n",
        [("info", 1), ("danger", 2)],
        [7],
    ),
    ("closer_trailing", "mdx", True, ":::note\nBody\n::: end\n\nafter\n", [("note", 1)], []),
    ("closer_trailing", "md", True, ":::note\nBody\n::: end\n\nafter\n", [("note", 1)], []),
    ("closer_spaces", "mdx", True, ":::note\nBody\n:::   \n\nafter\n", [("note", 1)], [5]),
    ("closer_spaces", "md", True, ":::note\nBody\n:::   \n\nafter\n", [("note", 1)], [5]),
    ("interrupt", "mdx", True, "para\n:::note\nBody\n:::\nmore\n", [("note", 2)], [1, 5]),
    ("interrupt", "md", True, "para\n:::note\nBody\n:::\nmore\n", [("note", 2)], [1, 5]),
    ("legacy_bracket", "mdx", True, ":::note [Title]\nBody\n:::\n", [("note", 1)], []),
    ("legacy_bracket", "md", True, ":::note [Title]\nBody\n:::\n", [("note", 1)], []),
    ("legacy_oneliner", "mdx", True, ":::note Body :::\n\nafter\n", [("note", 1)], []),
    ("legacy_oneliner", "md", True, ":::note Body :::\n\nafter\n", [("note", 1)], []),
    ("name_dash", "mdx", True, ":::note-\nBody\n:::\n", [], [1]),
    ("name_dash", "md", True, ":::note-\nBody\n:::\n", [], [1]),
    ("name_digit", "mdx", True, ":::note2\nBody\n:::\n", [("note2", 1)], []),
    ("name_digit", "md", True, ":::note2\nBody\n:::\n", [("note2", 1)], []),
    ("empty_label", "mdx", True, ":::note[]\nBody\n:::\n", [("note", 1)], []),
    ("empty_label", "md", True, ":::note[]\nBody\n:::\n", [("note", 1)], []),
    ("label_brackets", "mdx", True, ":::note[a [b] c]\nBody\n:::\n", [("note", 1)], []),
    ("label_brackets", "md", True, ":::note[a [b] c]\nBody\n:::\n", [("note", 1)], []),
    ("label_escaped", "mdx", True, ":::note[a \\] c]\nBody\n:::\n", [("note", 1)], []),
    ("label_escaped", "md", True, ":::note[a \\] c]\nBody\n:::\n", [("note", 1)], []),
    ("label_markup", "mdx", True, ":::tip[My **Title**]\nBody\n:::\n", [("tip", 1)], []),
    ("label_markup", "md", True, ":::tip[My **Title**]\nBody\n:::\n", [("tip", 1)], []),
    ("label_curly", "mdx", True, ":::tip[Use {curly}]\nBody\n:::\n", [("tip", 1)], []),
    ("label_curly", "md", True, ":::tip[Use {curly}]\nBody\n:::\n", [("tip", 1)], []),
    ("attrs_space", "md", True, ":::note {.x}\nBody\n:::\n", [("note", 1)], []),
    ("attr_unclosed", "md", True, ":::note{.x\nBody\n:::\n", [], [1]),
    ("tab_after", "mdx", True, ":::note\t\nBody\n:::\n", [("note", 1)], []),
    ("tab_after", "md", True, ":::note\t\nBody\n:::\n", [("note", 1)], []),
    ("indent_closer_md", "mdx", True, ":::note\nBody\n    :::\n\nafter\n", [("note", 1)], [5]),
    ("indent_closer_md", "md", True, ":::note\nBody\n    :::\n\nafter\n", [("note", 1)], []),
    ("tab_indent", "mdx", True, "\t:::note\n\tBody\n\t:::\n", [("note", 1)], []),
    ("tab_indent", "md", True, "\t:::note\n\tBody\n\t:::\n", [], []),
    (
        "nested_list_deep",
        "mdx",
        True,
        "1. one\n   - two\n\n     :::warning\n     Body\n     :::\n",
        [("warning", 4)],
        [],
    ),
    (
        "nested_list_deep",
        "md",
        True,
        "1. one\n   - two\n\n     :::warning\n     Body\n     :::\n",
        [("warning", 4)],
        [],
    ),
    (
        "closer_less_indent_list",
        "mdx",
        True,
        "- item\n\n  :::note\n  Body\n:::\n\nafter\n",
        [("note", 3)],
        [5, 7],
    ),
    (
        "closer_less_indent_list",
        "md",
        True,
        "- item\n\n  :::note\n  Body\n:::\n\nafter\n",
        [("note", 3)],
        [5, 7],
    ),
    ("heading_inside", "mdx", True, ":::note\n## Inside\n:::\n\n## Inside\n", [("note", 1)], []),
    ("heading_inside", "md", True, ":::note\n## Inside\n:::\n\n## Inside\n", [("note", 1)], []),
    ("five_colons", "mdx", True, ":::::note\nx\n:::::\n", [("note", 1)], []),
    ("five_colons", "md", True, ":::::note\nx\n:::::\n", [("note", 1)], []),
    ("legacy_unknown", "mdx", True, ":::foo Title\nx\n:::\n", [], [1]),
    ("legacy_unknown", "md", True, ":::foo Title\nx\n:::\n", [], [1]),
    ("legacy_quote_tab", "mdx", True, ">\t:::tip Title\n> x\n> :::\n", [("tip", 1)], []),
    ("legacy_quote_tab", "md", True, ">\t:::tip Title\n> x\n> :::\n", [("tip", 1)], []),
    ("legacy_indent_tab", "mdx", True, "\t:::tip Title\n\tx\n\t:::\n", [("tip", 1)], []),
    ("legacy_indent_tab", "md", True, "\t:::tip Title\n\tx\n\t:::\n", [], []),
    ("legacy_nocompat", "mdx", False, ":::tip My Title\nBody\n:::\n", [], [1]),
    ("quote_legacy_nocompat", "mdx", False, "> :::tip Quoted title\n> Body\n> :::\n", [], []),
    ("list_legacy_nocompat", "mdx", False, "- item\n\n  :::tip List title\n  Body\n  :::\n", [], []),
    (
        "fence_legacy_nocompat",
        "mdx",
        False,
        "```\n:::tip In code\n```\n\n:::note\nx\n:::\n",
        [("note", 5)],
        [],
    ),
    ("legacy_bracket_nocompat", "mdx", False, ":::note [Title]\nBody\n:::\n", [], [1]),
    ("legacy_oneliner_nocompat", "mdx", False, ":::note Body :::\n\nafter\n", [], [1, 3]),
    ("legacy_unknown_nocompat", "mdx", False, ":::foo Title\nx\n:::\n", [], [1]),
    ("legacy_quote_tab_nocompat", "mdx", False, ">\t:::tip Title\n> x\n> :::\n", [], []),
    ("legacy_indent_tab_nocompat", "mdx", False, "\t:::tip Title\n\tx\n\t:::\n", [], [1]),
    ("quote_lazy_closer", "mdx", True, "> :::tip\n> Body\n:::\n\nafter\n", [("tip", 1)], [3, 5]),
    ("quote_lazy_closer", "md", True, "> :::tip\n> Body\n:::\n\nafter\n", [("tip", 1)], [3, 5]),
    ("quote_lazy_body", "mdx", True, "> :::tip\nBody\n> :::\n\nafter\n", [("tip", 1)], [2, 5]),
    ("quote_lazy_body", "md", True, "> :::tip\nBody\n> :::\n\nafter\n", [("tip", 1)], [2, 5]),
    ("indent_closer_mdx4", "mdx", True, ":::note\nBody\n    :::\n\nafter\n", [("note", 1)], [5]),
    ("indent_closer_mdx4", "md", True, ":::note\nBody\n    :::\n\nafter\n", [("note", 1)], []),
    ("indented_body", "mdx", True, ":::note\n    code?\n:::\n\nafter\n", [("note", 1)], [5]),
    ("indented_body", "md", True, ":::note\n    code?\n:::\n\nafter\n", [("note", 1)], [5]),
    (
        "list_closer_more_indent",
        "mdx",
        True,
        "- item\n  :::note\n  Body\n      :::\n\nafter\n",
        [("note", 2)],
        [6],
    ),
    (
        "list_closer_more_indent",
        "md",
        True,
        "- item\n  :::note\n  Body\n      :::\n\nafter\n",
        [("note", 2)],
        [6],
    ),
    ("html_inside", "md", True, ":::note\n<div>\n:::\n</div>\n:::\n\nafter\n", [("note", 1)], [7]),
    ("unclosed_fence_inside", "mdx", True, ":::note\n```\ncode\n:::\n\nafter\n", [("note", 1)], [6]),
    ("unclosed_fence_inside", "md", True, ":::note\n```\ncode\n:::\n\nafter\n", [("note", 1)], [6]),
    (
        "nest3",
        "mdx",
        True,
        ":::::note\n::::tip\n:::info\nx\n:::\n::::\n:::::\n\nafter\n",
        [("note", 1), ("tip", 2), ("info", 3)],
        [9],
    ),
    (
        "nest3",
        "md",
        True,
        ":::::note\n::::tip\n:::info\nx\n:::\n::::\n:::::\n\nafter\n",
        [("note", 1), ("tip", 2), ("info", 3)],
        [9],
    ),
    (
        "nest_equal_4",
        "mdx",
        True,
        "::::note\nA\n::::tip\nB\n::::\nC\n::::\n\nafter\n",
        [("note", 1), ("tip", 3)],
        [6, 9],
    ),
    (
        "nest_equal_4",
        "md",
        True,
        "::::note\nA\n::::tip\nB\n::::\nC\n::::\n\nafter\n",
        [("note", 1), ("tip", 3)],
        [6, 9],
    ),
    ("after_heading", "mdx", True, "## Head\n:::note\nx\n:::\n", [("note", 2)], []),
    ("after_heading", "md", True, "## Head\n:::note\nx\n:::\n", [("note", 2)], []),
    ("setext_confuse", "mdx", True, ":::note\nBody\n---\n:::\n\nafter\n", [("note", 1)], [6]),
    ("setext_confuse", "md", True, ":::note\nBody\n---\n:::\n\nafter\n", [("note", 1)], [6]),
    (
        "table_inside",
        "mdx",
        True,
        ":::note\n| a | b |\n| - | - |\n| 1 | 2 |\n:::\n\nafter\n",
        [("note", 1)],
        [7],
    ),
    (
        "table_inside",
        "md",
        True,
        ":::note\n| a | b |\n| - | - |\n| 1 | 2 |\n:::\n\nafter\n",
        [("note", 1)],
        [7],
    ),
    ("blank_closer_colons_only", "mdx", True, ":::note\n\n:::\n\nafter\n", [("note", 1)], [5]),
    ("blank_closer_colons_only", "md", True, ":::note\n\n:::\n\nafter\n", [("note", 1)], [5]),
    (
        "legacy_in_list_quote",
        "mdx",
        True,
        "> - item\n>   :::tip List quote title\n>   Body\n>   :::\n",
        [("tip", 2)],
        [],
    ),
    (
        "legacy_in_list_quote",
        "md",
        True,
        "> - item\n>   :::tip List quote title\n>   Body\n>   :::\n",
        [("tip", 2)],
        [],
    ),
    ("closer_tab", "mdx", True, ":::note\nBody\n:::\t\n\nafter\n", [("note", 1)], [5]),
    ("closer_tab", "md", True, ":::note\nBody\n:::\t\n\nafter\n", [("note", 1)], [5]),
    ("opener_trailing_tab_label", "mdx", True, ":::note[T]  \nBody\n:::\n", [("note", 1)], []),
    ("opener_trailing_tab_label", "md", True, ":::note[T]  \nBody\n:::\n", [("note", 1)], []),
    ("dup_label_attr", "md", True, ":::note[T]{.a}[x]\nBody\n:::\n", [], [1]),
    ("colon_in_para", "mdx", True, "Time 10:30\n\n:::note\nx\n:::\n", [("note", 3)], [1]),
    ("colon_in_para", "md", True, "Time 10:30\n\n:::note\nx\n:::\n", [("note", 3)], [1]),
    ("list_item_opener_line", "mdx", True, "- :::note\n  Body\n  :::\n\nafter\n", [("note", 1)], [5]),
    ("list_item_opener_line", "md", True, "- :::note\n  Body\n  :::\n\nafter\n", [("note", 1)], [5]),
    ("ordered_item_opener", "mdx", True, "1. :::tip[T]\n   Body\n   :::\n\nafter\n", [("tip", 1)], [5]),
    ("ordered_item_opener", "md", True, "1. :::tip[T]\n   Body\n   :::\n\nafter\n", [("tip", 1)], [5]),
    ("footnote_inside", "mdx", True, "Text[^1]\n\n[^1]: :::note\n    x\n    :::\n", [("note", 3)], [1]),
    ("footnote_inside", "md", True, "Text[^1]\n\n[^1]: :::note\n    x\n    :::\n", [("note", 3)], [1]),
    ("mdx_jsx_wrap", "mdx", True, "<div>\n\n:::note\nx\n:::\n\n</div>\n", [("note", 3)], []),
    ("mdx_jsx_wrap", "md", True, "<div>\n\n:::note\nx\n:::\n\n</div>\n", [("note", 3)], []),
    ("stray_closer", "mdx", True, "Text\n\n:::\n\nmore\n", [], [1, 3, 5]),
    ("stray_closer", "md", True, "Text\n\n:::\n\nmore\n", [], [1, 3, 5]),
    ("closer_text_inside_list", "mdx", True, "- item\n\n  :::note\n  Body\n  ::: end\n", [("note", 3)], []),
    ("closer_text_inside_list", "md", True, "- item\n\n  :::note\n  Body\n  ::: end\n", [("note", 3)], []),
    ("space_opener_quote", "mdx", True, "> ::: note\n> Body\n> :::\n", [], []),
    ("space_opener_quote", "md", True, "> ::: note\n> Body\n> :::\n", [], []),
    ("label_open_list", "mdx", True, "- :::tip[Title\n  Body\n  :::\n", [], []),
    ("label_open_list", "md", True, "- :::tip[Title\n  Body\n  :::\n", [], []),
    ("upper_quote", "mdx", True, "> :::NOTE\n> x\n> :::\n", [("NOTE", 1)], []),
    ("upper_quote", "md", True, "> :::NOTE\n> x\n> :::\n", [("NOTE", 1)], []),
    ("legacy_list_nocompat", "mdx", True, "- x\n\n  :::tip Title\n  body\n  :::\n", [("tip", 3)], []),
    ("legacy_list_nocompat", "md", True, "- x\n\n  :::tip Title\n  body\n  :::\n", [("tip", 3)], []),
    ("indent4_legacy_md", "mdx", True, "    :::tip Title\n    x\n    :::\n", [("tip", 1)], []),
    ("indent4_legacy_md", "md", True, "    :::tip Title\n    x\n    :::\n", [], []),
    ("legacy_in_code", "mdx", True, "```md\n:::tip Title\n```\n", [], []),
    ("legacy_in_code", "md", True, "```md\n:::tip Title\n```\n", [], []),
    ("label_escaped_brace", "mdx", True, ":::tip[Use \\{curly\\}]\nBody\n:::\n", [("tip", 1)], []),
    ("label_escaped_brace", "md", True, ":::tip[Use \\{curly\\}]\nBody\n:::\n", [("tip", 1)], []),
    ("label_brace_legacy", "mdx", True, ":::tip Use {curly}\nBody\n:::\n", [("tip", 1)], []),
    ("label_brace_legacy", "md", True, ":::tip Use {curly}\nBody\n:::\n", [("tip", 1)], []),
    ("label_entity", "mdx", True, ":::tip[Use &#123;x}]\nBody\n:::\n", [("tip", 1)], []),
    ("label_entity", "md", True, ":::tip[Use &#123;x}]\nBody\n:::\n", [("tip", 1)], []),
    ("blank_lines", "mdx", True, "Text\n:::note\nBody\n:::\nText\n", [("note", 2)], [1, 5]),
    ("blank_lines", "md", True, "Text\n:::note\nBody\n:::\nText\n", [("note", 2)], [1, 5]),
    ("legacy_list_nocompat_nocompat", "mdx", False, "- x\n\n  :::tip Title\n  body\n  :::\n", [], []),
    ("legacy_list_nocompat_nocompat", "md", False, "- x\n\n  :::tip Title\n  body\n  :::\n", [], []),
    ("indent4_legacy_md_nocompat", "mdx", False, "    :::tip Title\n    x\n    :::\n", [], [1]),
    ("indent4_legacy_md_nocompat", "md", False, "    :::tip Title\n    x\n    :::\n", [], []),
    ("legacy_in_code_nocompat", "mdx", False, "```md\n:::tip Title\n```\n", [], []),
    ("legacy_in_code_nocompat", "md", False, "```md\n:::tip Title\n```\n", [], []),
    ("label_brace_legacy_nocompat", "mdx", False, ":::tip Use {curly}\nBody\n:::\n", [], [1]),
    ("label_brace_legacy_nocompat", "md", False, ":::tip Use {curly}\nBody\n:::\n", [], [1]),
]


def parse(source: str, fmt: str, compat: bool):
    compat_flags = Mdx1Compat(compat, compat, compat)
    return build_document(
        Path(f"docs/page.{fmt}"),
        "page",
        SourceText(source),
        SiteSettings(markdown_format="detect", mdx1_compat=compat_flags),
    )


@pytest.mark.parametrize(
    ("case", "fmt", "compat", "source", "containers", "paragraphs"),
    CASES,
    ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES],
)
def test_like_docusaurus(case, fmt, compat, source, containers, paragraphs):
    document = parse(source, fmt, compat)
    assert [(d.name, d.line) for d in document.directives] == containers
    assert [p.line for p in document.paragraphs if p.context == "document"] == paragraphs


def test_unclosed_in_list_item_ends_with_the_item():
    [directive] = parse("- item\n\n  :::note\n  Body\n\n- two\n\nafter\n", "md", True).directives
    assert (directive.closed, directive.parent, directive.end_line) == (False, "list item", 5)


def test_equal_colons_close_the_outer_container():
    outer, inner = parse(":::note\nOuter\n:::tip\nIn\n:::\nafter\n:::\n", "md", True).directives
    assert (outer.closed, outer.end_line, inner.closed, inner.depth, inner.parent) == (
        True,
        5,
        False,
        1,
        "directive",
    )


def test_legacy_title_in_quote_keeps_its_column():
    [directive] = parse("> :::tip Quoted title\n> Body\n> :::\n", "mdx", True).directives
    assert (directive.label, directive.legacy_title, directive.column, directive.parent) == (
        "Quoted title",
        True,
        3,
        "block quote",
    )


def test_a_colon_line_inside_a_fence_still_closes_the_container():
    """As in micromark: the container's closer is checked first on every line, code fence or not. The oracle
    shows no heading after it: the second ``` opens a top-level code block that runs to the end."""
    document = parse(":::note\n```\n:::\n```\n:::\n\nafter\n\n## H\n", "md", True)
    [directive] = document.directives
    assert (directive.closed, directive.end_line) == (True, 3)
    assert document.headings == []


@pytest.mark.parametrize(("fmt", "found"), [("md", []), ("mdx", [("note", 1)])])
def test_four_space_indent(fmt, found):
    assert [
        (d.name, d.line) for d in parse("    :::note\n    Body\n    :::\n", fmt, True).directives
    ] == found
