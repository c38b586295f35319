"""Lines that look like container fences, with their block-quote and list-item prefixes taken off.

The admonition rules look at raw lines (code already blanked in ``Document.masked_text``) to find what the
directive parser did *not* turn into a container: text that the author meant as a fence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from doclint.document import Document
from doclint.model import Directive

# quote markers, then at most one list marker (a fence may sit on a list item's first line)
_PREFIX = re.compile(r"(?P<prefix>(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?)")
FENCE_START = re.compile(r":{3,}")


@dataclass(frozen=True)
class FenceLine:
    number: int  # 1-based line
    column: int  # 1-based column of the first colon
    text: str  # the line from the first colon on
    source: str  # the whole line as written


def line_content(document: Document, containing: str = ":") -> Iterator[tuple[int, int, str]]:
    """(line, column, content) of every line with ``containing`` outside code, quote and list markers taken off."""
    if containing not in document.text:
        return  # masking only blanks characters: no masked line holds it either, and no line need be read
    for index, masked in enumerate(document.masked_lines):
        if containing not in masked:
            continue
        prefix = _PREFIX.match(masked)
        start = prefix.end() if prefix else 0
        yield index + 1, start + 1, masked[start:]


def fence_like_lines(document: Document) -> Iterator[FenceLine]:
    """Every line outside code whose content (after quote and list markers) starts with three colons."""
    for number, column, content in line_content(document, ":::"):
        if content.startswith(":::"):
            yield FenceLine(number, column, content.rstrip(), document.line(number))


def opener_lines(document: Document) -> set[int]:
    return {directive.line for directive in document.directives}


def closer_lines(document: Document) -> set[int]:
    return {directive.end_line for directive in document.directives if directive.closed}


def enclosing(document: Document, directive: Directive) -> Directive | None:
    """The directive this one is nested in (its parent in the container tree), if any."""
    candidates = [
        other
        for other in document.directives
        if other.depth == directive.depth - 1 and other.line < directive.line <= other.end_line
    ]
    return max(candidates, key=lambda other: other.line) if candidates else None


def open_at(document: Document, line: int) -> list[Directive]:
    """Directives whose body contains ``line`` (opener excluded, closer excluded)."""
    return [
        d
        for d in document.directives
        if d.line < line and (line < d.end_line or (not d.closed and line <= d.end_line))
    ]
