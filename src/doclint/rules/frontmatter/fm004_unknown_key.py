import difflib
from collections.abc import Iterator, Mapping
from typing import Any

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext
from doclint.rules.frontmatter._common import is_blog_post, key_position, readable_front_matter


class UnknownFrontMatterKey(DocumentRule):
    """A front matter key that neither Docusaurus nor this site knows.

    ## What it does
    Reports top-level front matter keys outside the known set, with the closest known key as a
    suggestion (`sidebar_lable` -> `sidebar_label`). The known set comes from the rule pack:
    `known-keys` for docs, `blog-known-keys` for blog posts (files under one of `blog-dirs`), plus
    the site's own `extra-keys`. `doclint` (suppressions) is always known.

    ## Why it matters
    Docusaurus accepts unknown keys silently, so a misspelt key simply has no effect: the sidebar
    keeps the file name, the page keeps its table of contents.
    """

    code = "FM004"
    name = "unknown-front-matter-key"
    family = "frontmatter"
    severity = Severity.WARNING
    default_options: Mapping[str, Any] = {
        "known-keys": [],
        "blog-known-keys": [],
        "extra-keys": [],
        "blog-dirs": ["blog"],
    }
    examples = Examples(
        failing=(Example.of("---\ntitle: Scaling laws\nsidebar_lable: Scaling\n---\n\nText.\n"),),
        passing=(
            Example.of(
                "---\ntitle: Scaling laws\nsidebar_label: Scaling\ndoclint:\n  ignore: [LNK001]\n---\n\nText.\n"
            ),
            Example.of(
                "---\ntitle: Scaling laws\nestimated_minutes: 12\n---\n\nText.\n",
                options={"extra-keys": ["estimated_minutes"]},
            ),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not readable_front_matter(document):
            return
        known = self._known_keys(document, context.options)
        if not known - {"doclint"}:
            return  # no pack loaded: nothing to compare with
        for key in document.front_matter_data:
            if key in known:
                continue
            line, column, end_line, end_column = key_position(document, key)
            yield self.report(
                document, line, column, self._message(key, known), end_line=end_line, end_column=end_column
            )

    @staticmethod
    def _known_keys(document: Document, options: Mapping[str, Any]) -> set[str]:
        pack_key = "blog-known-keys" if is_blog_post(document, options) else "known-keys"
        return {*options.get(pack_key, ()), *options.get("extra-keys", ()), "doclint"}

    @staticmethod
    def _message(key: str, known: set[str]) -> str:
        message = f"unknown front matter key '{key}': Docusaurus ignores it"
        close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.85)
        if close:
            return message + f"; did you mean '{close[0]}'?"
        return message + " (declare it in the site's rule pack with extra-keys if it is meant)"
