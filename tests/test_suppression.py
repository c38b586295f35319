"""Suppression comments in the syntax each format can carry, and reporting of unused ones."""

from __future__ import annotations

from pathlib import Path

from doclint.config import Config
from doclint.engine import Linter
from doclint.site import SiteSettings


def lint(tree, files: dict[str, str], markdown_format: str = "mdx") -> list[tuple[int, str]]:
    root = tree(files)
    config = Config(
        root=root, docs=("docs",), site=SiteSettings(markdown_format=markdown_format, site_dir=str(root))
    )
    result = Linter(config).run([Path("docs")])
    return [(d.line, d.code) for d in result.diagnostics]


def test_mdx_next_line_suppression(tree):
    text = "# T\n\n{/* doclint-disable-next-line LNK001 */}\n[a](./a.md)\n[b](./b.md)\n"
    assert lint(tree, {"docs/x.md": text}) == [(5, "LNK001")]


def test_block_disable_and_enable(tree):
    text = "# T\n\n{/* doclint-disable LNK001 */}\n[a](./a.md)\n\n[b](./b.md)\n{/* doclint-enable LNK001 */}\n\n[c](./c.md)\n"
    assert lint(tree, {"docs/x.md": text}) == [(9, "LNK001")]


def test_html_comment_in_commonmark_file(tree):
    text = "# T\n\n<!-- doclint-disable-next-line LNK001 -->\n[a](./a.md)\n"
    assert lint(tree, {"docs/x.md": text}, markdown_format="md") == []


def test_mdx_comment_is_literal_text_in_commonmark(tree):
    text = "# T\n\n{/* doclint-disable-next-line LNK001 */}\n[a](./a.md)\n"
    assert lint(tree, {"docs/x.md": text}, markdown_format="md") == [(4, "LNK001")]


def test_suppression_without_codes_covers_every_rule(tree):
    text = "# T\n\n{/* doclint-disable-next-line */}\n[a](./a.md) [b](#nope)\n"
    assert lint(tree, {"docs/x.md": text}) == []


def test_whole_file_through_front_matter(tree):
    text = "---\ndoclint:\n  ignore: [LNK001]\n---\n\n# T\n\n[a](./a.md) [b](#nope)\n"
    assert lint(tree, {"docs/x.md": text}) == [(8, "LNK002")]


def test_unused_suppression_is_reported_where_it_is(tree):
    text = "# T\n\n{/* doclint-disable-next-line LNK002 */}\n[a](./a.md)\n"
    assert lint(tree, {"docs/x.md": text}) == [(3, "DL002"), (4, "LNK001")]


def test_suppression_inside_code_is_ignored(tree):
    text = "# T\n\n```md\n{/* doclint-disable-next-line LNK001 */}\n```\n[a](./a.md)\n"
    assert lint(tree, {"docs/x.md": text}) == [(6, "LNK001")]
