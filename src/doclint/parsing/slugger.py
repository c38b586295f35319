"""Heading ids exactly as Docusaurus makes them: a port of github-slugger 1.5.

github-slugger lowercases, then deletes every character whose Unicode General Category is punctuation
(except ``-`` and connector punctuation such as ``_``), a symbol, a control, format, private-use or
unassigned code point, or a separator other than the ASCII space, unless the character is Alphabetic.
Spaces become ``-`` one for one. Duplicates get ``-1``, ``-2``… skipping slugs already taken.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_STRIPPED_CATEGORIES = frozenset(
    {
        "No",
        "Pe",
        "Pf",
        "Pi",
        "Po",
        "Ps",
        "Pd",
        "Sc",
        "Sk",
        "Sm",
        "So",
        "Cc",
        "Cf",
        "Co",
        "Cn",
        "Cs",
        "Zl",
        "Zp",
        "Zs",
    }
)
# Symbols that carry the Unicode "Alphabetic" property (circled and squared Latin letters): github-slugger
# keeps them although their category is So.
_ALPHABETIC_SYMBOL_RANGES = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))


@lru_cache(maxsize=4096)
def _is_stripped(char: str) -> bool:
    if char == " " or char == "-":
        return False
    category = unicodedata.category(char)
    if category not in _STRIPPED_CATEGORIES:
        return False
    code = ord(char)
    return not any(low <= code <= high for low, high in _ALPHABETIC_SYMBOL_RANGES)


def slug(value: str, maintain_case: bool = False) -> str:
    """The github-slugger slug of ``value`` (no de-duplication)."""
    if not maintain_case:
        value = value.lower()
    if value.isascii():
        return value.translate(_ASCII_SLUG_TABLE)  # most headings: one C call instead of a loop per character
    return "".join("-" if char == " " else char for char in value if not _is_stripped(char))


_ASCII_SLUG_TABLE = {
    code: ("-" if code == ord(" ") else None)
    for code in range(128)
    if chr(code) == " " or _is_stripped(chr(code))
}


class Slugger:
    """A stateful slugger: one per document, as Docusaurus uses one per file."""

    def __init__(self, maintain_case: bool = False) -> None:
        self._occurrences: dict[str, int] = {}
        self._maintain_case = maintain_case

    def slug(self, value: str) -> str:
        base = slug(value, self._maintain_case)
        result = base
        while result in self._occurrences:
            self._occurrences[base] += 1
            result = f"{base}-{self._occurrences[base]}"
        self._occurrences[result] = 0
        return result
