"""Validate mermaid diagrams in pure Python, the way mermaid.js 12.3.0's ``mermaid.parse`` judges them.

The steps follow ``mermaid.parse``: ``preprocessDiagram`` (front matter, directives, comments), ``detectType``,
then the detected diagram's parser on ``encodeEntities(text)``.
"""

from __future__ import annotations

from doclint.mermaid.detect import detect_type
from doclint.mermaid.diagrams import parser_for
from doclint.mermaid.model import MermaidResult, MermaidSyntaxError
from doclint.mermaid.preprocess import Preprocessed, preprocess

__all__ = ["MermaidResult", "MermaidSyntaxError", "validate"]

_NO_TYPE = (
    "No diagram type detected: the first line must name a diagram type mermaid knows "
    "(flowchart, graph, sequenceDiagram, classDiagram, ...)"
)


INTERNAL_ERROR = "internal error in doclint's mermaid check"


def validate(text: str) -> MermaidResult:
    """Judge one diagram. Never raises: every failure is a result."""
    try:
        return _validate(text)
    except RecursionError:
        return MermaidResult(False, None, "Diagram is nested too deeply to parse")
    except Exception as error:  # noqa: BLE001 - a parser bug must not stop the linter; tests look for it
        return MermaidResult(True, None, f"{INTERNAL_ERROR}: {error!r}")


def _validate(text: str) -> MermaidResult:
    prepared = preprocess(text)
    if prepared.front_matter_error:
        return MermaidResult(False, None, prepared.front_matter_error, None, prepared.front_matter_error_line)
    diagram_type = detect_type(prepared.text)
    if diagram_type is None:
        return MermaidResult(False, None, _NO_TYPE, None, prepared.source_line(1))
    parse = parser_for(diagram_type)
    if parse is None:
        return MermaidResult(True, diagram_type)
    try:
        parse(prepared.parser_text(diagram_type))
    except MermaidSyntaxError as error:
        return _rejected(prepared, diagram_type, error)
    return MermaidResult(True, diagram_type)


def _rejected(prepared: Preprocessed, diagram_type: str, error: MermaidSyntaxError) -> MermaidResult:
    text_line = error.text_line if error.text_line is not None else error.line
    source_line = prepared.source_line(text_line, diagram_type) if text_line is not None else None
    return MermaidResult(False, diagram_type, error.message, error.line, source_line, error.column)
