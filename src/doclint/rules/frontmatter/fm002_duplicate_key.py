from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class FrontMatterDuplicateKey(DocumentRule):
    """A front matter key written twice in the same mapping.

    ## What it does
    Reports every key that repeats a key of the same YAML mapping (top level or nested), at the
    repeated key, naming the line of the first one.

    ## Why it matters
    Docusaurus reads front matter with js-yaml, which refuses duplicate keys ("duplicated mapping
    key") and fails the build; many other YAML readers silently keep the last value, so editors and
    previews show no problem.
    """

    code = "FM002"
    name = "front-matter-duplicate-key"
    family = "frontmatter"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of("---\ntitle: Scaling laws\ntitle: Scaling Laws\n---\n\n# Scaling laws\n"),
            Example.of("---\nlast_update:\n  author: Ada\n  author: Grace\n---\n\nText.\n"),
        ),
        passing=(Example.of("---\ntitle: Scaling laws\nsidebar_label: Scaling\n---\n\nText.\n"),),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if document.front_matter is None:
            return
        for problem in document.front_matter.problems:
            if problem.kind == "duplicate-key":
                yield self.report(document, problem.line, problem.column, problem.message)
