"""Explicit-id syntax on heading lines, read from the masked text (code spans never count)."""

from __future__ import annotations

import re

from doclint.document import Document
from doclint.model import Heading

ID_BRACES = re.compile(r"\{#[^}]*\}")


def heading_source(document: Document, heading: Heading) -> str:
    """The heading's line(s) with code blanked: one line for ATX, the text lines for setext."""
    masked = document.masked_lines
    if not heading.setext:
        return masked[heading.line - 1]
    lines = [masked[heading.line - 1]]
    number = heading.line + 1
    while number <= len(masked) and not re.fullmatch(r" {0,3}(=+|-+)[ \t]*", masked[number - 1]):
        lines.append(masked[number - 1])
        number += 1
    return "\n".join(lines)


def id_spans(document: Document, heading: Heading) -> list[re.Match[str]]:
    return list(ID_BRACES.finditer(heading_source(document, heading)))
