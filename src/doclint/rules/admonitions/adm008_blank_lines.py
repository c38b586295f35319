import re
from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Edit, Severity
from doclint.document import Document
from doclint.rules.admonitions._fences import closer_lines, opener_lines
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext

_BLOCK_QUOTE = re.compile(r"^(?:[ \t]*>)+")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
# lines that start a block of their own: Prettier never joins them with a fence
_BLOCK_START = re.compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|#{1,6}(?:[ \t]|$)|```|~~~|<|\||---|\*\*\*)")


class AdmonitionFenceNeedsBlankLines(DocumentRule):
    """An admonition fence written directly against a line of text.

    ## What it does
    Reports `:::` opening and closing fences (also in list items and block quotes) that touch a line
    of text above or below instead of a blank line. Fences next to other fences are fine (nested
    admonitions).

    ## Why it matters
    Docusaurus itself parses these, but Prettier (which most Docusaurus sites run) joins the fence
    and the adjacent text into one paragraph, `:::note Hello :::`, and the admonition is gone after
    the next format. The Docusaurus docs ask for blank lines around fences for this reason.

    ## Fix safety
    Inserting blank lines (with the block quote's `>` where there is one) is safe: Docusaurus
    parses the admonition the same way with them.
    """

    code = "ADM008"
    name = "admonition-fence-needs-blank-lines"
    family = "admonitions"
    severity = Severity.WARNING
    fix_safety = "safe"
    examples = Examples(
        failing=(
            Example.of(":::note\nBody.\n:::\n"),
            Example.of("Intro.\n:::note\n\nBody.\n\n:::\nAfter.\n"),
            Example.of("> :::tip\n> Body.\n> :::\n"),
        ),
        passing=(
            Example.of(":::note\n\nBody.\n\n:::\n\nAfter.\n"),
            Example.of("::::info\n\nOuter.\n\n:::tip\n\nInner.\n\n:::\n::::\n"),
            Example.of("- Step.\n\n  :::tip\n\n  Body.\n\n  :::\n- Next step.\n"),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        fences = opener_lines(document) | closer_lines(document)
        masked = document.masked_text.split("\n")
        for number in sorted(fences):
            above = self._touches(masked, number, number - 1, fences)
            below = self._touches(masked, number, number + 1, fences)
            if not (above or below):
                continue
            sides = " and ".join(side for side, touching in (("above", above), ("below", below)) if touching)
            quote = _quote_prefix(document.line(number))
            edits = []
            if above:
                edits.append(Edit(number, 1, number, 1, quote.rstrip() + "\n"))
            if below:
                end = len(document.line(number)) + 1
                edits.append(Edit(number, end, number, end, "\n" + quote.rstrip()))
            fence = document.line(number).strip().lstrip(">").strip()
            yield self.report(
                document, number, 1,
                f"'{fence}' has text directly {sides}: Prettier would join them into one paragraph and "
                "break the admonition; leave a blank line",
                fix=self.make_fix("surround the fence with blank lines", *edits),
            )

    @staticmethod
    def _touches(masked: list[str], number: int, neighbour: int, fences: set[int]) -> bool:
        """Whether the neighbour is paragraph text that Prettier would join with the fence line."""
        if neighbour < 1 or neighbour > len(masked) or neighbour in fences:
            return False
        text = _BLOCK_QUOTE.sub("", masked[neighbour - 1])
        if not text.strip() or _BLOCK_START.match(text):
            return False
        own = _BLOCK_QUOTE.sub("", masked[number - 1])
        return not (neighbour < number and _LIST_ITEM.match(own))  # `- :::note` starts its own block


def _quote_prefix(line: str) -> str:
    prefix = ""
    for char in line:
        if char in "> \t":
            prefix += char
        else:
            break
    return prefix if ">" in prefix else ""
