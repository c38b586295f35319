"""Result types shared by the mermaid validator and its diagram parsers."""

from __future__ import annotations

from dataclasses import dataclass


class MermaidSyntaxError(Exception):
    """Raised by a diagram parser; ``line`` counts lines of the preprocessed diagram text (1-based)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


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
