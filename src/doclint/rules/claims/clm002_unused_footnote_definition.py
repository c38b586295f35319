from collections.abc import Iterator

from doclint.claims.citations import called_labels
from doclint.claims.registry import normalize_label
from doclint.diagnostics import Diagnostic, Edit, Fix, Severity
from doclint.document import Document
from doclint.model import FootnoteDefinition
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class UnusedFootnoteDefinition(DocumentRule):
    """A footnote definition `[^key]: …` that nothing in the file cites.

    ## What it does
    Reports a definition whose label no `[^key]` call in the same file uses (labels match
    case-insensitively, as in GFM). A second definition of the same label is a duplicate (CLM004),
    not an unused one.

    ## Why it matters
    Docusaurus drops an unused definition without a warning, so the source the author meant to cite
    never appears on the page. Usually a call was deleted or misspelt (CLM001 reports the misspelt
    call); otherwise the definition is dead text that drifts out of date.

    ## Fix safety
    Safe: the fix deletes the definition's lines. Docusaurus renders nothing for it, so the page is
    unchanged. Definitions nested in a list or quote are reported without a fix.
    """

    code = "CLM002"
    name = "unused-footnote-definition"
    family = "claims"
    severity = Severity.WARNING
    fix_safety = "safe"
    examples = Examples(
        failing=(
            Example.of(
                "GPT-3 has 175 billion parameters.[^brown]\n\n[^brown]: Brown et al., 2020.\n[^kaplan]: Kaplan et al., 2020.\n"
            ),
        ),
        passing=(
            Example.of("GPT-3 has 175 billion parameters.[^brown]\n\n[^brown]: Brown et al., 2020.\n"),
            Example.of("GPT-3 has 175 billion parameters.[^BROWN]\n\n[^brown]: Brown et al., 2020.\n"),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not document.footnote_definitions:
            return
        called = called_labels(document)
        seen: set[str] = set()
        for definition in document.footnote_definitions:
            key = normalize_label(definition.label)
            if key in seen:
                continue  # a duplicate: CLM004
            seen.add(key)
            if key in called:
                continue
            message = (
                f"footnote definition '[^{definition.label}]' is never cited in this file; "
                "Docusaurus drops it without a warning"
            )
            yield self.report(
                document,
                definition.line,
                definition.column,
                message,
                end_column=len(document.line(definition.line)) + 1,
                fix=self._deletion(document, definition),
            )

    def _deletion(self, document: Document, definition: FootnoteDefinition) -> Fix | None:
        if definition.column != 1:
            return None
        source = document.source
        end_line = min(definition.end_line, source.line_count)
        last_block = all(
            not source.line(number).strip() for number in range(end_line + 1, source.line_count + 1)
        )
        if not last_block:
            edit = Edit(definition.line, 1, end_line + 1, 1, "")
        elif definition.line > 1:  # the file's last block: also drop the blank lines before it
            previous = definition.line - 1
            while previous > 1 and not source.line(previous).strip():
                previous -= 1
            edit = Edit(
                previous, len(source.line(previous)) + 1, end_line, len(source.line(end_line)) + 1, ""
            )
        else:
            edit = Edit(1, 1, end_line, len(source.line(end_line)) + 1, "")
        return self.make_fix(f"delete the unused definition [^{definition.label}]", edit)
