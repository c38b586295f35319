from collections.abc import Iterator, Mapping
from typing import Any

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext
from doclint.rules.frontmatter._common import is_blog_post, key_position, readable_front_matter
from doclint.rules.frontmatter._docs_schema import validate_docs_front_matter


class DocsFrontMatterSchema(DocumentRule):
    """Front matter values that the Docusaurus docs plugin refuses.

    ## What it does
    Validates every field of the docs front matter schema the way Docusaurus 3.10 does (Joi with
    conversion): wrong types (`hide_title: yes`, `keywords: llm` as a scalar, `sidebar_position:
    third`), `draft` together with `unlisted`, an `id` containing `/`, `toc_min_heading_level` /
    `toc_max_heading_level` outside 2..6 or min above max, an empty `last_update`, an invalid
    `mdx.format`, a `slug` that is not a valid pathname and an `image` that is not a URL. Values
    Joi converts are accepted: `title: 2024`, `sidebar_position: "3"`, `draft: "false"`. Every error
    is reported at once, at its key. Blog posts (files under a `blog` folder) are not docs and are
    skipped.

    ## Why it matters
    Each of these fails the build ("contains invalid values for field(s)"), one file at a time,
    after the whole site has been loaded.
    """

    code = "FM003"
    name = "docs-front-matter-schema"
    family = "frontmatter"
    severity = Severity.ERROR
    default_options: Mapping[str, Any] = {"blog-dirs": ["blog"]}
    examples = Examples(
        failing=(
            Example.of("---\nkeywords: llm\n---\n\nText.\n"),
            Example.of("---\nhide_title: yes\nsidebar_position: third\n---\n\nText.\n"),
            Example.of("---\ndraft: true\nunlisted: true\n---\n\nText.\n"),
            Example.of("---\nid: part-1/intro\n---\n\nText.\n"),
            Example.of("---\ntoc_min_heading_level: 4\ntoc_max_heading_level: 3\n---\n\nText.\n"),
            Example.of("---\nlast_update: {}\n---\n\nText.\n"),
            Example.of("---\nmdx:\n  format: markdown\n---\n\nText.\n"),
            Example.of("---\nslug: /intro?x=1\n---\n\nText.\n"),
            Example.of("---\nimage: not a url with spaces\n---\n\nText.\n"),
        ),
        passing=(
            Example.of(
                "---\ntitle: 2024\nsidebar_position: '3'\ndraft: 'false'\nkeywords: [llm, 7]\n"
                "image: ./cover.png\nslug: /intro\ntoc_max_heading_level: 4\n"
                "last_update:\n  author: Ada\nmdx:\n  format: md\n---\n\nText.\n"
            ),
            Example.of("---\nauthor: Ada\ndate: 2024-01-01\n---\n\nText.\n", path="blog/2024-01-01-post.md"),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not readable_front_matter(document) or is_blog_post(document, context.options):
            return
        for error in validate_docs_front_matter(document.front_matter_data):
            line, column, end_line, end_column = key_position(document, error.key)
            yield self.report(
                document,
                line,
                column,
                f"{error.message}: Docusaurus fails the build on this front matter",
                end_line=end_line,
                end_column=end_column,
            )
