import difflib
from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class UnknownAdmonitionKeyword(DocumentRule):
    """A `:::name` container whose name is not an admonition keyword of this site.

    ## What it does
    Reports container directives whose name is not one of the site's admonition keywords (the
    Docusaurus defaults plus `admonitions.keywords`), compared case-sensitively as Docusaurus does,
    with the closest keyword as a suggestion.

    ## Why it matters
    Docusaurus only logs an "unused Markdown directives" warning and renders the content in an
    unstyled box: `:::warnin` or `:::NOTE` silently loses its styling and title.
    """

    code = "ADM001"
    name = "unknown-admonition-keyword"
    family = "admonitions"
    severity = Severity.ERROR
    examples = Examples(
        failing=(Example.of(":::warnin\nCareful.\n:::\n"), Example.of(":::NOTE\nShouting.\n:::\n")),
        passing=(
            Example.of(":::warning[Careful]\nCareful.\n:::\n"),
            Example.of(":::exercise\nTry it.\n:::\n", site={"admonition_keywords": ("note", "exercise")}),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        keywords = context.settings.admonition_keywords
        for directive in document.directives:
            if directive.name in keywords:
                continue
            message = f"unknown admonition type '{directive.name}'"
            close = difflib.get_close_matches(directive.name.lower(), keywords, n=1, cutoff=0.6)
            if directive.name.lower() in keywords:
                message += f": keywords are case-sensitive, use '{directive.name.lower()}'"
            elif close:
                message += f"; did you mean '{close[0]}'?"
            else:
                message += f" (this site's keywords: {', '.join(keywords)})"
            yield self.report(
                document, directive.line, directive.column, message,
                end_column=directive.column + directive.colons + len(directive.name),
            )
