from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext
from doclint.rules.headings._ids import id_spans
from doclint.site import Mdx1Compat

V4_COMPAT = Mdx1Compat(comments=False, admonitions=False, heading_ids=False)


class HeadingIdBreaksMdx(DocumentRule):
    """A `{#id}` heading id that a file compiled as MDX cannot parse.

    ## What it does
    In files compiled as MDX, reports `{#id}` in headings that Docusaurus does not pre-escape:
    every one when `markdown.mdx1Compat.headingIds` is off (as under `future: {v4: true}`), the
    second and later ones on a line (`## T {#a}{#b}`), and any in a setext heading.

    ## Why it matters
    In MDX `{` starts a JavaScript expression and `#a` is not one: the compile fails with "Could not
    parse expression with acorn". With the flag off, write the id as an MDX comment,
    `## Title {/* #id */}` (Docusaurus 3.10).
    """

    code = "HID003"
    name = "heading-id-breaks-mdx"
    family = "headings"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of("# Page\n\n## Setup {#a}{#b}\n", path="docs/page.mdx"),
            Example.of(
                "# Page\n\n## Setup {#setup}\n", path="docs/page.mdx", site={"mdx1_compat": V4_COMPAT}
            ),
            Example.of("# Page\n\nSetup {#setup}\n------\n", path="docs/page.mdx"),
        ),
        passing=(
            Example.of("# Page\n\n## Setup {#setup}\n", path="docs/page.mdx"),
            Example.of(
                "# Page\n\n## Setup {/* #setup */}\n", path="docs/page.mdx", site={"mdx1_compat": V4_COMPAT}
            ),
            Example.of(
                "# Page\n\n## Setup {#a}{#b}\n", path="docs/page.md", site={"markdown_format": "detect"}
            ),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not document.is_mdx:
            return
        escaped_first = context.settings.mdx1_compat.heading_ids
        for heading in document.headings:
            spans = id_spans(document, heading)
            failing = spans if (heading.setext or not escaped_first) else spans[1:]
            for match in failing:
                if heading.setext:
                    why = "Docusaurus only escapes ids of '#' headings, not of underlined (setext) ones"
                elif not escaped_first:
                    why = "mdx1Compat.headingIds is off, so the id is read as a JavaScript expression"
                else:
                    why = "Docusaurus escapes only the first '{#' of a heading line"
                yield self.report(
                    document,
                    heading.line,
                    match.start() + 1,
                    f"'{match.group(0)}' breaks the MDX compile (\"Could not parse expression with acorn\"): {why}; "
                    "use a single id at the end, or write it as {/* #id */}",
                    end_column=match.end() + 1,
                )
