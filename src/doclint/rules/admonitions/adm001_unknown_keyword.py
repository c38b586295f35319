import difflib
import re
from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.parsing.directives import NAME, parse_opener
from doclint.rules.admonitions._fences import line_content
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext

_LEAF = re.compile(r"::(?P<name>" + NAME + r")(?P<rest>.*)$")


class UnknownAdmonitionKeyword(DocumentRule):
    """A `:::name` container whose name is not an admonition keyword of this site.

    ## What it does
    Reports container directives whose name is not one of the site's admonition keywords (the
    Docusaurus defaults plus `admonitions.keywords`), compared case-sensitively as Docusaurus does,
    with the closest keyword as a suggestion. Also reports two-colon leaf directives (`::note[x]`),
    which are never admonitions.

    ## Why it matters
    Docusaurus only logs an "unused Markdown directives" warning and renders the content in an
    unstyled box: `:::warnin` or `:::NOTE` silently loses its styling and title.
    """

    code = "ADM001"
    name = "unknown-admonition-keyword"
    family = "admonitions"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of(":::warnin\nCareful.\n:::\n"),
            Example.of(":::NOTE\nShouting.\n:::\n"),
            Example.of("::note[Two colons]\n"),
        ),
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
            close = difflib.get_close_matches(directive.name.lower(), keywords, n=1, cutoff=0.6)
            if directive.name.lower() in keywords:
                hint = f"; keywords are case-sensitive: use '{directive.name.lower()}'"
            elif close:
                hint = f"; did you mean '{close[0]}'?"
            else:
                hint = f" (this site's keywords: {', '.join(keywords)})"
            message = (
                f"unknown admonition type '{directive.name}': Docusaurus only warns about an unused directive and "
                f"renders the content without the admonition box{hint}"
            )
            yield self.report(
                document,
                directive.line,
                directive.column,
                message,
                end_column=directive.column + directive.colons + len(directive.name),
            )
        yield from self._leaf_directives(document)

    def _leaf_directives(self, document: Document) -> Iterator[Diagnostic]:
        for number, column, content in line_content(document, "::"):
            if not content.startswith("::") or content.startswith(":::"):
                continue
            leaf = _LEAF.match(content.rstrip())
            if leaf is None or parse_opener(":" + leaf.group(0)) is None:
                continue
            yield self.report(
                document,
                number,
                column,
                f"'::{leaf['name']}' (two colons) is a leaf directive, not an admonition: Docusaurus warns about an "
                f"unused Markdown directive and drops its styling; write ':::{leaf['name']}' ... ':::'",
                end_column=column + 2 + len(leaf["name"]),
            )
