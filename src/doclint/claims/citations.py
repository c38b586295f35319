"""Footnote citations in a Document: which labels a file defines and calls, and generated definitions.

GFM (micromark) matches a call to a definition case-insensitively and the first definition wins;
markdown-it matches exactly, so the Document's ``resolved`` flag is not what Docusaurus does and
these helpers compare normalised labels instead.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from doclint.claims.registry import Registry, normalize_label
from doclint.diagnostics import Edit
from doclint.document import Document
from doclint.model import FootnoteDefinition


def definitions_by_label(document: Document) -> dict[str, FootnoteDefinition]:
    """The definition Docusaurus uses for each label: the first one written."""
    found: dict[str, FootnoteDefinition] = {}
    for definition in document.footnote_definitions:
        found.setdefault(normalize_label(definition.label), definition)
    return found


def called_labels(document: Document) -> set[str]:
    return {normalize_label(call.label) for call in document.footnote_calls}


def did_you_mean(label: str, candidates: Iterable[str]) -> str | None:
    """The closest known key, compared case-insensitively, written as the author wrote it."""
    by_key = {candidate.lower(): candidate for candidate in candidates}
    close = difflib.get_close_matches(label.lower(), list(by_key), n=1, cutoff=0.7)
    return by_key[close[0]] if close else None


def definition_line(registry: Registry, label: str) -> str | None:
    """``[^label]: …`` generated from the registry entry for ``label``, or None if it has none."""
    entry = registry.lookup(label)
    if entry is None:
        return None
    return f"[^{label}]: {registry.footnote_text(entry)}"


def append_definitions(document: Document, lines: list[str]) -> Edit:
    """An edit that adds footnote definitions after the file's last non-blank line."""
    source = document.source
    last = source.line_count
    while last > 1 and not source.line(last).strip():
        last -= 1
    last_line = source.line(last)
    end_column = len(last_line) + 1
    separator = "\n" if last_line.lstrip().startswith("[^") else "\n\n"
    return Edit(last, end_column, last, end_column, separator + "\n".join(lines))


# Pandoc's citation key grammar: starts with a letter, digit or _, then alphanumerics and internal
# punctuation; ``@{…}`` quotes any key. An ``@`` glued to a word is an e-mail address, not a citation.
_PANDOC_KEY = r"(?<![\w@])-?@(?:\{[^{}\n]*\}|[A-Za-z0-9_](?:[\w:.#$%&\-+?<>~/]*\w)?)"
# A bracket group without nested brackets on one line, not a link or a definition; linear to scan.
_BRACKETS = re.compile(r"\[(?P<body>[^\[\]\n]*)\](?![(\[:])")
_HAS_PANDOC_KEY = re.compile(_PANDOC_KEY)
_PANDOC_ITEM = re.compile(
    r"^(?P<prefix>.*?)(?P<suppress>-)?@(?P<key>\{[^{}\n]*\}|[A-Za-z0-9_](?:[\w:.#$%&\-+?<>~/]*\w)?)(?P<suffix>.*)$",
    re.DOTALL,
)
_MYST_ROLE = re.compile(r"\{cite(?::[a-z]+)*\}")


@dataclass(frozen=True)
class ForeignCitation:
    """A citation written in another tool's syntax, with where it is."""

    syntax: Literal["pandoc", "myst"]
    keys: tuple[str, ...]
    locators: tuple[str, ...]  # prefix/suffix text of each item ("p. 8"), '' when there is none
    start: int  # offsets in the document's text
    end: int


def foreign_citations(document: Document) -> list[ForeignCitation]:
    """Pandoc ``[@key]`` and MyST ``{cite}`key``` outside code and front matter."""
    text = document.text
    if "@" not in text and "{cite" not in text:
        return []
    outside = _OutsideCode(document)
    found: list[ForeignCitation] = []
    if "@" in text:
        for match in _BRACKETS.finditer(text):
            body = match.group("body")
            if (
                "@" not in body
                or not _HAS_PANDOC_KEY.search(body)
                or not outside.holds(match.start(), match.end())
            ):
                continue
            items = [_PANDOC_ITEM.match(item.strip()) for item in body.split(";")]
            if not items or not all(items):
                continue  # "[see the @ sign]" or mixed prose: not a citation group
            keys = tuple(item.group("key").strip("{}") for item in items if item)
            locators = tuple(
                " ".join((item.group("prefix").strip() + " " + item.group("suffix").strip(" ,")).split())
                for item in items
                if item
            )
            found.append(ForeignCitation("pandoc", keys, locators, match.start(), match.end()))
    if "{cite" in text:
        for match in _MYST_ROLE.finditer(text):
            if not outside.holds(match.start(), match.end()):
                continue
            role_end = match.end()
            key_match = re.match(r"`([^`\n]*)`", text[role_end:])
            end = role_end + key_match.end() if key_match else role_end
            keys = tuple(key.strip() for key in key_match.group(1).split(",")) if key_match else ()
            found.append(ForeignCitation("myst", keys, ("",) * len(keys), match.start(), end))
    return sorted(found, key=lambda citation: citation.start)


class _OutsideCode:
    """Is a span of the text clear of code and front matter? (Cheaper than building masked_text.)"""

    def __init__(self, document: Document) -> None:
        self.ranges = sorted(document.code_ranges)
        self.starts = [start for start, _ in self.ranges]
        self.body_start = document.source.offset(document.body_start_line) if document.front_matter else 0

    def holds(self, start: int, end: int) -> bool:
        if start < self.body_start:
            return False
        # Code ranges never overlap, so only the last one starting before ``end`` can reach ``start``.
        index = bisect.bisect_left(self.starts, end) - 1
        return index < 0 or self.ranges[index][1] <= start
