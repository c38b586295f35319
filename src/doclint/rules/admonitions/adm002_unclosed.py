from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.admonitions._fences import enclosing
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class UnclosedAdmonition(DocumentRule):
    """An admonition that is never closed.

    ## What it does
    Reports a `:::name` container with no closing line of at least as many colons, and says where
    Docusaurus ends it instead: at the end of the document, list item or block quote.

    ## Why it matters
    Docusaurus gives no warning: the admonition silently swallows everything after it, up to the end
    of its parent, so the rest of the chapter renders inside the box.
    """

    code = "ADM002"
    name = "unclosed-admonition"
    family = "admonitions"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of(":::note\nThe body.\n\n## Next section\n"),
            Example.of("::::note\nBody.\n:::\n", description="the closer needs as many colons"),
        ),
        passing=(Example.of(":::note\nThe body.\n:::\n\n## Next section\n"),),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        for directive in document.directives:
            if directive.closed:
                continue
            outer = enclosing(document, directive) if directive.parent == "directive" else None
            if outer is not None and directive.colons >= outer.colons:
                continue  # ADM005: the outer fence closes it; the nesting is the mistake
            where = (
                "the end of the document"
                if directive.parent == "document"
                else f"the end of its {directive.parent}"
            )
            yield self.report(
                document,
                directive.line,
                directive.column,
                f"':::{directive.name}' opened here is never closed (needs a line of {':' * directive.colons}); "
                f"Docusaurus runs it to {where}, line {directive.end_line}",
            )
