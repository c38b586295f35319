"""Inline suppression comments, in the comment syntax that the file's format can carry.

``<!-- doclint-disable-next-line CODE -->`` and ``<!-- doclint-disable CODE -->`` …
``<!-- doclint-enable CODE -->`` in files compiled as CommonMark (or MDX with mdx1Compat.comments on);
``{/* doclint-disable-next-line CODE */}`` and the same forms in files compiled as MDX.
``doclint-disable-file`` (or front matter ``doclint: {ignore: [CODE]}``) covers the whole file.
Without codes a comment covers every rule. A suppression that suppresses nothing is reported (DL002).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from doclint.diagnostics import Diagnostic

if TYPE_CHECKING:
    from doclint.document import Document

_DIRECTIVE = re.compile(
    r"^\s*doclint-(?P<action>disable-next-line|disable-line|disable-file|disable|enable)\b(?P<codes>[^\n]*?)\s*$",
    re.DOTALL,
)
ALL = "*"


@dataclass
class Suppression:
    """One ``doclint-disable``/``doclint-enable`` comment and the lines and codes it covers."""

    action: str
    codes: frozenset[str]
    line: int
    column: int
    end_line: int
    first_line: int
    last_line: int
    used: bool = False
    end_column: int = 0  # where the comment ends (0: no comment, e.g. front matter)

    def covers(self, diagnostic: Diagnostic) -> bool:
        if not (self.first_line <= diagnostic.line <= self.last_line):
            return False
        return ALL in self.codes or diagnostic.code in self.codes or diagnostic.name in self.codes


@dataclass
class Suppressions:
    """A document's suppression comments, applied to its diagnostics."""

    entries: list[Suppression] = field(default_factory=list)

    def filter(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        kept: list[Diagnostic] = []
        for diagnostic in diagnostics:
            covering = [entry for entry in self.entries if entry.covers(diagnostic)]
            for entry in covering:
                entry.used = True
            if not covering:
                kept.append(diagnostic)
        return kept

    def unused(self) -> list[Suppression]:
        return [entry for entry in self.entries if not entry.used and entry.action != "enable"]


def _codes(text: str) -> frozenset[str]:
    codes = {code.strip() for code in re.split(r"[,\s]+", text) if code.strip()}
    return frozenset(
        {code.upper() if code[:1].isupper() or code[:1].isdigit() else code for code in codes} or {ALL}
    )


def collect_suppressions(document: Document) -> Suppressions:
    usable_kinds = {"mdx"} if document.is_mdx else {"html"}
    if document.is_mdx and document.settings.mdx1_compat.comments:
        usable_kinds.add("html")
    last_line = max(document.source.line_count, 1)
    suppressions = Suppressions()
    open_blocks: dict[str, Suppression] = {}
    for comment in document.comments:
        if comment.kind not in usable_kinds:
            continue
        match = _DIRECTIVE.match(comment.body.strip())
        if not match:
            continue
        action, codes = match.group("action"), _codes(match.group("codes"))
        entry = Suppression(
            action,
            codes,
            comment.line,
            comment.column,
            comment.end_line,
            0,
            -1,
            end_column=comment.end_column,
        )
        if action == "disable-next-line":
            entry.first_line = entry.last_line = _next_content_line(document, comment.end_line)
        elif action == "disable-line":
            entry.first_line, entry.last_line = comment.line, comment.end_line
        elif action == "disable-file":
            entry.first_line, entry.last_line = 1, last_line
        elif action == "disable":
            entry.first_line, entry.last_line = comment.end_line, last_line
            for code in codes:
                open_blocks[code] = entry
        else:  # enable: closes the matching disable blocks
            for code in codes if ALL not in codes else list(open_blocks):
                block = open_blocks.pop(code, None)
                if block is not None:
                    block.last_line = comment.line
            continue
        suppressions.entries.append(entry)
    ignored = document.front_matter_data.get("doclint")
    if isinstance(ignored, dict) and isinstance(ignored.get("ignore"), list):
        codes = frozenset(str(code) for code in ignored["ignore"]) or frozenset({ALL})
        suppressions.entries.append(Suppression("disable-file", codes, 1, 1, 1, 1, last_line))
    return suppressions


def _next_content_line(document: Document, after: int) -> int:
    line = after + 1
    while line <= document.source.line_count and not document.line(line).strip():
        line += 1
    return line
