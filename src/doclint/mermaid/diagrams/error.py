"""mermaid's two pseudo-diagrams (src/diagrams/error/errorDiagram.ts and the ``---`` diagram registered in
diagram-api/diagram-orchestration.ts).

A text that is just ``error`` is mermaid's error diagram: its parser accepts anything.
A text that still starts with ``---`` after front-matter extraction is the ``---`` diagram, whose parser always
throws, because the front matter was not opened and closed by un-indented ``---`` fences.
"""

from __future__ import annotations

from doclint.mermaid.model import MermaidSyntaxError


def parse(text: str) -> None:
    """The error diagram accepts every text."""


def parse_unclosed_front_matter(text: str) -> None:
    raise MermaidSyntaxError(
        "Diagrams beginning with --- are not valid: a YAML front matter must be opened and closed "
        "with un-indented `---` lines"
    )
