from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.admonitions._fences import enclosing
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class NestedAdmonitionNeedsMoreColons(DocumentRule):
    """An admonition nested in another one whose fence has as many colons (or more).

    ## What it does
    Reports an inner container opened with at least as many colons as the container around it,
    pointing at the outer opener, whose fence needs more colons.

    ## Why it matters
    Docusaurus checks the outer container's closer first on every line, so the inner `:::` closes
    the *outer* admonition: the inner one ends early, the text after it falls outside the box and
    the last `:::` renders as literal text. No warning is given.
    """

    code = "ADM005"
    name = "nested-admonition-needs-more-colons"
    family = "admonitions"
    severity = Severity.ERROR
    examples = Examples(
        failing=(Example.of(":::note\nOuter.\n:::tip\nInner.\n:::\nAfter.\n:::\n"),),
        passing=(Example.of("::::note\nOuter.\n:::tip\nInner.\n:::\nAfter.\n::::\n"),),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        for directive in document.directives:
            outer = enclosing(document, directive) if directive.parent == "directive" else None
            if outer is None or directive.colons < outer.colons:
                continue
            wanted = ":" * (directive.colons + 1)
            yield self.report(
                document,
                directive.line,
                directive.column,
                f"':::{directive.name}' is nested in ':::{outer.name}' (line {outer.line}) with "
                f"{directive.colons} colons, as many as the outer fence or more: the next closing fence closes "
                f"':::{outer.name}' instead, and the rest renders outside the box; open the outer one with "
                f"'{wanted}{outer.name}' and close it with '{wanted}'",
                end_column=directive.column + directive.colons + len(directive.name),
            )
