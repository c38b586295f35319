"""Decoded source text with a line index: the only place bytes become text."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class DecodeProblem(Exception):
    """The bytes are not a UTF-8 text file; ``line``/``column`` locate the first bad byte when known."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class SourceText:
    """A file's text as Docusaurus would read it, and where each line starts.

    ``text`` never contains the BOM; ``has_bom`` and ``newline`` record what a fix must write back.
    Lines and columns are 1-based; columns count characters (code points), as editors and SARIF do.
    """

    text: str
    has_bom: bool = False
    newline: str = "\n"
    mixed_newlines: bool = False
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        # line i starts after the i lines before it and their i newlines (summed in C, no loop per line)
        lines = self.text.split("\n")
        self._line_starts = list(map(add, accumulate(map(len, lines), initial=0), range(len(lines))))

    @classmethod
    def from_bytes(cls, data: bytes) -> SourceText:
        return cls(*decode(data))

    @property
    def line_starts(self) -> list[int]:
        """The offset where each line starts (shared: do not modify)."""
        return self._line_starts

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` without its line ending ('' when out of range)."""
        if number < 1 or number > len(self._line_starts):
            return ""
        start = self._line_starts[number - 1]
        end = self._line_starts[number] - 1 if number < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def offset(self, line: int, column: int = 1) -> int:
        line = min(max(line, 1), len(self._line_starts))
        return min(self._line_starts[line - 1] + max(column, 1) - 1, len(self.text))

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of a character offset."""
        offset = min(max(offset, 0), len(self.text))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1


def decode(data: bytes) -> tuple[str, bool, str, bool]:
    """Decode file bytes as Docusaurus does (UTF-8), refusing what is not text."""
    if data.startswith(_UTF16_BOMS):
        raise DecodeProblem("file is UTF-16 encoded; Docusaurus reads UTF-8 (re-save it as UTF-8)")
    has_bom = data.startswith(UTF8_BOM)
    if has_bom:
        data = data[len(UTF8_BOM) :]
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise DecodeProblem("file contains NUL bytes: it looks binary, not Markdown", line, 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        raise DecodeProblem(
            f"invalid UTF-8 (byte 0x{data[error.start]:02x} at byte offset {error.start})", line, column
        ) from None
    if "\r" not in text:
        return text, has_bom, "\n", False  # most files: only LF endings, nothing to count or normalise
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lone_lf = text.count("\n") - crlf
    mixed = sum(1 for count in (crlf, lone_cr, lone_lf) if count) > 1
    newline = "\r\n" if crlf else ("\r" if lone_cr else "\n")
    if newline != "\n" or mixed:
        # markdown-it and Docusaurus both treat CR and CRLF as line endings; normalise once here so that
        # every offset is in one coordinate system, and remember the style for writing fixes back.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, has_bom, newline, mixed


def encode(text: str, has_bom: bool, newline: str) -> bytes:
    """The inverse of ``decode`` for a file with consistent line endings."""
    if newline != "\n":
        text = text.replace("\n", newline)
    return (UTF8_BOM if has_bom else b"") + text.encode("utf-8")
