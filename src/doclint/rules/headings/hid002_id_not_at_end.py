from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext
from doclint.rules.headings._ids import heading_source, id_spans


class HeadingIdNotAtEnd(DocumentRule):
    """A `{#id}` in a heading that is not at its end, so Docusaurus does not use it as the id.

    ## What it does
    Reports `{#id}` written before other text in an ATX heading (`## {#setup} Setup steps`). In
    files compiled as MDX with `mdx1Compat.headingIds` off the same text fails the compile; that is
    HID003's.

    ## Why it matters
    Only a `{#id}` at the very end of the heading is an explicit id. Elsewhere it stays in the
    heading text: the braces show on the page, and the id is a slug of the whole text
    (`setup-setup-steps`), so links to `#setup` are broken.
    """

    code = "HID002"
    name = "heading-id-not-at-end"
    family = "headings"
    severity = Severity.ERROR
    examples = Examples(
        failing=(Example.of("# Page\n\n## {#setup} Setup steps\n\nSee [setup](#setup).\n"),),
        passing=(
            Example.of("# Page\n\n## Setup steps {#setup}\n"),
            Example.of("# Page\n\n## The `{#id}` syntax\n"),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if document.is_mdx and not context.settings.mdx1_compat.heading_ids:
            return  # HID003: the compile fails
        for heading in document.headings:
            if heading.setext and document.is_mdx:
                continue  # HID003: setext headings are not escaped in MDX
            source = heading_source(document, heading)
            spans = id_spans(document, heading)
            if document.is_mdx and len(spans) > 1:
                continue  # HID003: in MDX a second id fails the compile
            for match in spans:
                if not source[match.end() :].strip():
                    continue  # at the end: the explicit id
                yield self.report(
                    document,
                    heading.line,
                    match.start() + 1,
                    f"'{match.group(0)}' is not at the end of the heading, so it is not an id: it shows as text and "
                    f"the heading's id is '{heading.id}'; move it to the end",
                    end_column=match.end() + 1,
                )
