"""Result types shared by the mermaid validator and its diagram parsers."""

from __future__ import annotations

from dataclasses import dataclass


class MermaidSyntaxError(Exception):
    """Raised by a diagram parser; ``line`` is the line mermaid reports (1-based), counted in the text the parser
    was given.  A parser that, like mermaid, rewrites that text before parsing (so that mermaid's line numbers
    shift) sets ``text_line`` to the same place counted in the text it was given, for mapping to the source."""

    def __init__(
        self, message: str, line: int | None = None, column: int | None = None, text_line: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.text_line = text_line


@dataclass(frozen=True)
class MermaidResult:
    """What mermaid.parse would say about one diagram.

    ``line`` counts lines of the text mermaid parses (front matter, directives and ``%%`` comment
    lines removed); ``source_line`` is the same position counted in the text as given (1-based).
    """

    valid: bool
    diagram_type: str | None
    message: str | None = None
    line: int | None = None
    source_line: int | None = None
    column: int | None = None
