"""Reproduce what mermaid does to a diagram's text before a diagram parser sees it.

Owner: the mermaid framework. First version; to be checked against mermaid's
``preprocessDiagram`` (front matter, ``%%{init}%%`` directives, ``%%`` comment lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIRECTIVE = re.compile(r"%{2}{\s*(?:\w+)\s*:?[^%]*?%{2}}\s*", re.DOTALL)
_COMMENT_LINE = re.compile(r"^\s*%%(?!{)[^\n]*(?:\n|$)", re.MULTILINE)


@dataclass(frozen=True)
class Preprocessed:
    """The text mermaid parses, and for each of its lines the 1-based line of the original text."""

    text: str
    source_lines: tuple[int, ...]
    front_matter_error: str | None = None

    def source_line(self, line: int | None) -> int | None:
        if line is None or not self.source_lines:
            return line
        index = min(max(line, 1), len(self.source_lines)) - 1
        return self.source_lines[index]


def preprocess(text: str) -> Preprocessed:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() == "---":
                start = index + 1
                break
    kept: list[str] = []
    numbers: list[int] = []
    for index in range(start, len(lines)):
        stripped = lines[index].lstrip()
        if stripped.startswith("%%"):
            continue
        kept.append(lines[index])
        numbers.append(index + 1)
    return Preprocessed("\n".join(kept), tuple(numbers))
