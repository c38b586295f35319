import difflib
from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class UndefinedFootnote(DocumentRule):
    """A footnote reference `[^key]` with no definition.

    ## What it does
    Reports `[^key]` citations for which the file has no `[^key]: …` definition.

    ## Why it matters
    Docusaurus (remark-gfm) prints an undefined `[^key]` as literal text, without a warning: the
    citation silently disappears and the reader sees brackets.
    """

    code = "CLM001"
    name = "undefined-footnote"
    family = "claims"
    severity = Severity.ERROR
    examples = Examples(
        failing=(Example.of("GPT-3 has 175 billion parameters.[^brown]\n\n[^brwn]: Brown et al., 2020.\n"),),
        passing=(Example.of("GPT-3 has 175 billion parameters.[^brown]\n\n[^brown]: Brown et al., 2020.\n"),),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        defined = [definition.label for definition in document.footnote_definitions]
        for call in document.footnote_calls:
            if call.resolved:
                continue
            message = f"footnote '[^{call.label}]' has no definition; Docusaurus prints it as literal text"
            close = difflib.get_close_matches(call.label, defined, n=1)
            if close:
                message += f"; did you mean '[^{close[0]}]'?"
            yield self.report(document, call.line, call.column, message, end_column=call.end_column)
