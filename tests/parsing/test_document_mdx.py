"""How the Document reads MDX-specific structure; each case was compared with the Docusaurus oracle."""

from __future__ import annotations

from pathlib import Path

from doclint.document import build_document
from doclint.site import SiteSettings
from doclint.source import SourceText


def parse(source: str, fmt: str = "mdx"):
    return build_document(
        Path(f"docs/page.{fmt}"), "page", SourceText(source), SiteSettings(markdown_format="detect")
    )


def test_mdx_code_block_is_unwrapped_with_its_closer():
    source = "```mdx-code-block\nexport const A = () => <b>a</b>;\n```\n\n## After\n"
    document = parse(source)
    assert [heading.text for heading in document.headings] == ["After"]
    assert document.fences == [] and document.unwrapped_fence_lines == frozenset({1, 3})
    assert "mdx-code-block" not in document.masked_text


def test_unclosed_mdx_code_block_stays_a_code_block():
    document = parse("```mdx-code-block\n## Inside\n")
    assert document.headings == [] and [fence.info for fence in document.fences] == ["mdx-code-block"]


def test_four_backtick_mdx_code_block_needs_four_backticks_to_close():
    document = parse("````mdx-code-block\n```js\nx\n```\n````\n\n## After\n")
    assert [heading.text for heading in document.headings] == ["After"]
    assert [fence.info for fence in document.fences] == ["js"]


def test_fence_right_under_a_jsx_line_is_code_in_mdx():
    source = '<Tabs>\n<TabItem value="a">\n```json\n"x": { "a": 1 }\n```\n</TabItem>\n</Tabs>\n'
    document = parse(source)
    assert [fence.info for fence in document.fences] == ["json"]
    assert "{" not in document.masked_text
    assert parse(source, "md").fences == []  # CommonMark: one HTML block


def test_heading_right_under_a_jsx_line_in_mdx():
    assert [h.id for h in parse("<div>\n# Heading\n</div>\n").headings] == ["heading"]


def test_tag_only_lines_are_not_paragraphs_in_mdx():
    document = parse("<div>\n\nText.\n\n</div>\n")
    assert [paragraph.line for paragraph in document.paragraphs] == [3]


def test_code_in_every_table_cell_is_masked():
    document = parse("| a | b |\n| - | - |\n| `<X>` | `<X>` |\n")
    assert "<X>" not in document.masked_text
