import re
from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document, legacy_title_pattern
from doclint.parsing.directives import NAME, parse_opener
from doclint.rules.admonitions._fences import closer_lines, fence_like_lines, opener_lines
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext

_SPACE_BEFORE_NAME = re.compile(r"(?P<colons>:{3,})[ \t]+(?P<name>" + NAME + r")(?P<rest>.*)$")
_NAME_THEN_TEXT = re.compile(r"(?P<colons>:{3,})(?P<name>" + NAME + r")(?P<rest>.*)$")


class NotAnAdmonitionOpener(DocumentRule):
    """A line that looks like an admonition opener but that Docusaurus reads as plain text.

    ## What it does
    Reports lines starting with `:::` (also inside list items and block quotes, never in code) that
    do not open a container: a space between the colons and the type (`::: note`), a label that is
    never closed (`:::note[Title`), or text after the type that is not a `[label]`/`{attributes}`
    (`:::foo some words` with a name that is not an admonition keyword; the legacy `:::note Title`
    form is ADM006's). A stray fence that closes nothing is ADM004's.

    ## Why it matters
    Docusaurus gives no warning: the line and the body under it render as an ordinary paragraph
    with the colons visible, and the `:::` meant to close it renders as text too.
    """

    code = "ADM003"
    name = "not-an-admonition-opener"
    family = "admonitions"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of("::: note\nBody.\n:::\n"),
            Example.of(":::note[Careful\nBody.\n:::\n"),
            Example.of("- Step one.\n\n  ::: tip\n  Body.\n  :::\n"),
            Example.of("> :::note[Quoted\n> Body.\n> :::\n"),
        ),
        passing=(
            Example.of(":::note[Careful]\nBody.\n:::\n"),
            Example.of("```md\n::: note\n```\n"),
            Example.of(":::tip Legacy title\nBody.\n:::\n"),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        openers, closers = opener_lines(document), closer_lines(document)
        legacy = legacy_title_pattern(context.settings.admonition_keywords)
        for fence in fence_like_lines(document):
            if fence.number in openers or fence.number in closers or not fence.text.strip(":").strip():
                continue
            if legacy.match(fence.source):
                continue  # ADM006: the legacy title form
            message = self._problem(fence.text, context.settings.admonition_keywords)
            if message:
                yield self.report(
                    document, fence.number, fence.column, message, end_column=fence.column + len(fence.text)
                )

    @staticmethod
    def _problem(text: str, keywords: tuple[str, ...]) -> str | None:
        spaced = _SPACE_BEFORE_NAME.match(text)
        if spaced:
            fixed = f"{spaced['colons']}{spaced['name']}"
            if spaced["name"] not in keywords:
                return None  # `::: end` reads as a closer with text: ADM004's when a box is open
            return (
                f"'{text}' is not an admonition: there must be no space between the colons and the type "
                f"(write '{fixed}'); Docusaurus renders this line and its body as plain text"
            )
        named = _NAME_THEN_TEXT.match(text)
        if named is None:
            return None
        rest = named["rest"]
        opener = f"{named['colons']}{named['name']}"
        if rest.startswith("[") and parse_opener(text) is None and "]" not in rest:
            return (
                f"the label of '{opener}[' is never closed on this line: Docusaurus renders the line and its "
                "body as plain text"
            )
        if parse_opener(text) is None:
            return (
                f"'{text}' is not an admonition: only '{opener}[Title]' or '{opener}{{attributes}}' may follow "
                "the type; Docusaurus renders this line and its body as plain text"
            )
        return None
