import re
from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.model import Directive
from doclint.rules.admonitions._fences import closer_lines, fence_like_lines, open_at, opener_lines
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext

_CLOSER_WITH_TEXT = re.compile(r"(?P<colons>:{3,})[ \t]+(?P<text>\S.*)$")
_OPENER_LIKE = re.compile(r":{3,}[A-Za-z]")
_TRAILING_FENCE = re.compile(r"\S[ \t]+(?P<colons>:{3,})[ \t]*$")


class BadAdmonitionCloser(DocumentRule):
    """A closing `:::` that Docusaurus does not read as a closer.

    ## What it does
    Reports, while an admonition is open, a closing fence followed by text (`::: end`) or preceded by
    text on the same line (`Body :::`); anywhere, a line of colons that closes nothing (a stray
    `:::`); and a line of colons inside a code block of an admonition, which Docusaurus still takes
    as the admonition's closer, cutting the code block.

    ## Why it matters
    A closer must be a line of at least as many colons as the opener and nothing else. Otherwise the
    admonition silently stays open and swallows the rest of its parent, and a stray `:::` renders as
    literal colons.
    """

    code = "ADM004"
    name = "bad-admonition-closer"
    family = "admonitions"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of(":::note\nBody.\n::: end\n\nAfter.\n"),
            Example.of(":::note\nBody. :::\n\nAfter.\n"),
            Example.of("Text.\n\n:::\n"),
            Example.of(":::tip\nWrite:\n```md\n:::note\nBody\n:::\n```\n:::\n"),
        ),
        passing=(
            Example.of(":::note\nBody.\n:::\n\nAfter.\n"),
            Example.of("::::note\n:::tip\nInner.\n:::\n::::\n"),
            Example.of("```md\n:::\n```\n"),
            Example.of("::::tip\nWrite:\n```md\n:::note\nBody\n:::\n```\n::::\n"),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        openers, closers = opener_lines(document), closer_lines(document)
        keywords = context.settings.admonition_keywords  # `::: note` is a spaced opener: ADM003's
        failed_openers = 0  # opener-like lines that stayed text (ADM003/ADM006): their closer is no news
        for fence in fence_like_lines(document):
            if fence.number in openers or fence.number in closers:
                continue
            with_text = _CLOSER_WITH_TEXT.match(fence.text)
            if _OPENER_LIKE.match(fence.text) or (with_text and with_text["text"].split()[0] in keywords):
                failed_openers += 1
            elif with_text and open_at(document, fence.number):
                directive = open_at(document, fence.number)[-1]
                yield self.report(
                    document,
                    fence.number,
                    fence.column,
                    f"'{fence.text}' is not a closer (a closer is colons only, nothing after them): "
                    f"{self._stays_open(directive)}",
                    end_column=fence.column + len(fence.text),
                )
            elif not fence.text.strip(":").strip():
                if failed_openers:
                    failed_openers -= 1
                    continue
                yield self.report(
                    document,
                    fence.number,
                    fence.column,
                    f"'{fence.text}' closes nothing (no admonition with at most {len(fence.text)} colons is open "
                    "here): Docusaurus renders it as literal text",
                    end_column=fence.column + len(fence.text),
                )
        yield from self._trailing_fences(document, openers)
        yield from self._closers_inside_code(document)

    def _closers_inside_code(self, document: Document) -> Iterator[Diagnostic]:
        """A colon line meant as code content still closes the container: micromark checks it first."""
        for directive in document.directives:
            if not directive.closed:
                continue
            cut = [
                f for f in document.fences if directive.line < f.line < directive.end_line and not f.closed
            ]
            if cut:
                fence = cut[0]
                yield self.report(
                    document,
                    directive.end_line,
                    1,
                    f"this line is meant as content of the code block opened on line {fence.line}, but Docusaurus "
                    f"reads it as the closer of ':::{directive.name}' (line {directive.line}): the code block is cut "
                    f"there; open the admonition with more colons ({':' * (directive.colons + 1)}{directive.name})",
                )

    def _trailing_fences(self, document: Document, openers: set[int]) -> Iterator[Diagnostic]:
        masked = document.masked_lines
        for directive in document.directives:
            if directive.closed:
                continue
            for number in range(directive.line + 1, directive.end_line + 1):
                if number in openers:
                    continue
                match = _TRAILING_FENCE.search(masked[number - 1])
                if match and len(match["colons"]) >= directive.colons:
                    column = match.start("colons") + 1
                    yield self.report(
                        document,
                        number,
                        column,
                        f"the closing '{match['colons']}' must be on a line of its own: {self._stays_open(directive)}",
                        end_column=column + len(match["colons"]),
                    )
                    break

    @staticmethod
    def _stays_open(directive: Directive) -> str:
        return (
            f"':::{directive.name}' from line {directive.line} stays open and Docusaurus runs it to the end of "
            f"its {directive.parent if directive.parent != 'document' else 'document'}"
        )
