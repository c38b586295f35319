"""Validate mermaid diagrams in pure Python, the way mermaid.js's ``mermaid.parse`` judges them."""

from __future__ import annotations

from doclint.mermaid.detect import detect_type
from doclint.mermaid.diagrams import parser_for
from doclint.mermaid.model import MermaidResult, MermaidSyntaxError
from doclint.mermaid.preprocess import preprocess

__all__ = ["MermaidResult", "MermaidSyntaxError", "validate"]


def validate(text: str) -> MermaidResult:
    """Judge one diagram. Never raises: every failure is a result."""
    prepared = preprocess(text)
    if prepared.front_matter_error:
        return MermaidResult(False, None, prepared.front_matter_error, 1, 1)
    diagram_type = detect_type(prepared.text)
    if diagram_type is None:
        return MermaidResult(False, None, "No diagram type detected", 1, prepared.source_line(1))
    parse = parser_for(diagram_type)
    if parse is None:
        return MermaidResult(True, diagram_type)
    try:
        parse(prepared.text)
    except MermaidSyntaxError as error:
        return MermaidResult(
            False, diagram_type, error.message, error.line, prepared.source_line(error.line), error.column
        )
    except RecursionError:
        return MermaidResult(False, diagram_type, "Diagram is nested too deeply to parse", None, None)
    return MermaidResult(True, diagram_type)
