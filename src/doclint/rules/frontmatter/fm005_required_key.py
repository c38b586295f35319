from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath
from typing import Any

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext
from doclint.rules.frontmatter._common import is_blog_post, readable_front_matter


class MissingRequiredFrontMatterKey(DocumentRule):
    """A front matter key that this series requires is missing or empty.

    ## What it does
    Reports docs whose front matter lacks a key listed in the rule option `required` (set by a rule
    pack; the LLM Deep Dive pack requires `title`, `sidebar_label` and `description`), or gives it an
    empty value. Files without front matter are reported at line 1. Partials (`_`-prefixed files
    and folders, which Docusaurus does not publish as docs) and blog posts are skipped.

    ## Why it matters
    Docusaurus falls back silently (the first heading for the title, the file name for the sidebar
    label, an excerpt for the description), so a series slowly loses the metadata its navigation
    and search previews rely on.
    """

    code = "FM005"
    name = "missing-required-front-matter-key"
    family = "frontmatter"
    severity = Severity.ERROR
    default_options: Mapping[str, Any] = {"required": [], "blog-dirs": ["blog"]}
    examples = Examples(
        failing=(
            Example.of(
                "---\ntitle: Scaling laws\n---\n\nText.\n", options={"required": ["title", "sidebar_label"]}
            ),
            Example.of("# Scaling laws\n\nText.\n", options={"required": ["title"]}),
            Example.of("---\ntitle: ''\n---\n\nText.\n", options={"required": ["title"]}),
        ),
        passing=(
            Example.of(
                "---\ntitle: Scaling laws\nsidebar_label: Scaling\n---\n\nText.\n",
                options={"required": ["title", "sidebar_label"]},
            ),
            Example.of("Shared snippet.\n", path="docs/_partial.md", options={"required": ["title"]}),
            Example.of("Shared snippet.\n", path="docs/_shared/setup.md", options={"required": ["title"]}),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        required = list(context.options.get("required", ()))
        if not required or _is_partial(document, context) or is_blog_post(document, context.options):
            return
        if document.front_matter is not None and not readable_front_matter(document):
            return  # FM001 reports front matter that could not be read
        data = document.front_matter_data
        for key in required:
            value = data.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                state = "empty" if key in data else "missing"
                line = (
                    document.front_matter.entry(key).key_span.line
                    if key in data and document.front_matter
                    else 1
                )
                yield self.report(
                    document, line, 1, f"front matter key '{key}' is {state}; this series requires it"
                )


def _is_partial(document: Document, context: RuleContext) -> bool:
    """`_partial.md` or a file under a `_folder/` of the docs: Docusaurus does not publish it as a doc."""
    docs_folder = PurePosixPath(context.settings.docs_path).name or "docs"
    if document.path.name.startswith("_"):
        return True
    for part in reversed(document.path.parts[:-1]):
        if part == docs_folder:
            return False
        if part.startswith("_"):
            return True
    return False
