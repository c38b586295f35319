from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.model import Heading
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class DuplicateHeadingId(DocumentRule):
    """Two headings of a page that end up with the same id because of an explicit `{#id}`.

    ## What it does
    Reports an explicit heading id (`{#id}`, `{/* #id */}`, `<!-- #id -->`) that another h2-h6
    heading of the page already has, explicitly or as its generated slug. Generated slugs never
    collide with each other (Docusaurus numbers them), so only explicit ids are checked.

    ## Why it matters
    Docusaurus does not register explicit ids with its slugger: `## Setup` and `## Other {#setup}`
    both get `id="setup"`. The page has duplicate ids, every `#setup` link goes to the first one,
    and the table of contents highlights the wrong entry.
    """

    code = "HID001"
    name = "duplicate-heading-id"
    family = "headings"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of("# Page\n\n## Setup\n\n## Other setup {#setup}\n"),
            Example.of("# Page\n\n## A {#shared}\n\n## B {#shared}\n"),
        ),
        passing=(
            Example.of("# Setup\n\n## Setup\n\n## Other {#other-setup}\n\n## Setup\n"),
            Example.of("# Page {#setup}\n\n## Setup\n", description="h1 ids are not rendered"),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        seen: dict[str, Heading] = {}
        for heading in document.headings:
            if not heading.linkable:
                continue
            first = seen.get(heading.id)
            if first is None:
                seen[heading.id] = heading
                continue
            explicit = heading if heading.explicit_id is not None else first
            if explicit.explicit_id is None:
                continue  # two generated slugs: the slugger numbers them apart
            other = first if explicit is heading else heading
            how = "has it explicitly" if other.explicit_id is not None else "gets it as its generated slug"
            column, end_column = _id_columns(document, explicit)
            yield self.report(
                document,
                explicit.line,
                column,
                f"heading id '{heading.id}' is already used on this page: the heading on line {other.line} {how}; "
                "Docusaurus does not de-duplicate explicit ids, so the page has two elements with this id and "
                "links go to the first",
                end_column=end_column,
            )


def _id_columns(document: Document, heading: Heading) -> tuple[int, int]:
    """Where the explicit id is written on the heading line (the heading text when it cannot be found)."""
    line = document.line(heading.line)
    marker = {"classic": "{#", "comment": "{/*", "html-comment": "<!--"}.get(heading.id_form, "")
    start = line.rfind(marker) if marker else -1
    if start < 0:
        return heading.column, heading.end_column
    return start + 1, len(line.rstrip()) + 1
