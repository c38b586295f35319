"""Sankey diagrams, modelled on mermaid 12.3.0's ``sankey.jison`` (a three-column RFC 4180 CSV).

mermaid's ``encodeEntities`` turns ``#35;`` into non-ASCII text that CSV fields reject. Then ``prepareTextForParsing`` trims the whole text and collapses runs of
line breaks, so blank lines vanish and error lines are counted in that collapsed text (the lines
mermaid reports). Leading or trailing spaces inside the text are *not* trimmed per line, and a
line holding only spaces is a record with one field, which is an error.

The jison lexer has three states. ``csv``: newline, comma, a double quote (opens ``escaped_text``)
or a run of printable ASCII other than ``,`` and ``"`` -- possibly empty, so a tab or a non-ASCII
character yields an empty field token the parser then rejects. ``escaped_text``: a lone ``"``
closes the field; otherwise a run of printable ASCII, commas, line breaks and ``""`` pairs.
Grammar: ``SANKEY NEWLINE record (NEWLINE record)* EOF?`` with ``record: field , field , field``.
"""

from __future__ import annotations

import re

from doclint.mermaid.diagrams._langium import mermaid_input
from doclint.mermaid.model import MermaidSyntaxError

_EDGE_BLANKS = re.compile(r"^[^\S\n\r]+|[^\S\n\r]+$")
_LINE_BREAKS = re.compile(r"[\n\r]+")
_KEYWORD = re.compile(r"sankey-beta\b|sankey\b", re.IGNORECASE)
_UNQUOTED = re.compile(r"[\x20\x21\x23-\x2b\x2d-\x7e]*")
_QUOTED = re.compile(r'(?:[\x20\x21\x23-\x2b\x2d-\x7e]|,|\r|\n|"")*')

_TOKEN_NAMES = {
    "EOF": "end of input",
    "NEWLINE": "a line break",
    "COMMA": "`,`",
    "DQUOTE": '`"`',
}


def prepare(text: str) -> str:
    """The text sankey's jison parser actually receives."""
    return _LINE_BREAKS.sub("\n", _EDGE_BLANKS.sub("", text)).strip()


class _Parser:
    """Recursive descent over the lexer, tracking the line jison reports: 1 + line breaks in shifted tokens."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1

    # -- lexer (csv state); the escaped_text state is handled inside ``field``
    def peek(self) -> tuple[str, int]:
        """Next token kind and its end offset, without consuming it."""
        text, pos = self.text, self.pos
        if pos >= len(text):
            return "EOF", pos
        char = text[pos]
        if char == "\n":
            return "NEWLINE", pos + 1
        if char == ",":
            return "COMMA", pos + 1
        if char == '"':
            return "DQUOTE", pos + 1
        match = _UNQUOTED.match(text, pos)
        assert match is not None  # the pattern accepts the empty string
        return "NON_ESCAPED_TEXT", match.end()

    def shift(self, end: int) -> None:
        self.line += self.text.count("\n", self.pos, end)
        self.pos = end

    def fail(self, expected: str, got: str, detail: str = "") -> MermaidSyntaxError:
        found = _TOKEN_NAMES.get(got, "text" if got != "BAD_CHAR" else "a character CSV does not allow here")
        message = f"sankey: expected {expected} but found {found}{detail}"
        return MermaidSyntaxError(message, self.line)

    def expect(self, kind: str, description: str) -> None:
        got, end = self.peek()
        if got != kind:
            raise self.fail(description, self._describe(got))
        self.shift(end)

    def _describe(self, kind: str) -> str:
        """An empty unquoted-text token means the lexer stopped at a character CSV text cannot hold."""
        if kind == "NON_ESCAPED_TEXT" and self.peek()[1] == self.pos:
            return "BAD_CHAR"
        return kind

    # -- grammar
    def parse(self) -> None:
        keyword = _KEYWORD.match(self.text)
        if keyword is None:
            raise self.fail("`sankey` or `sankey-beta`", "NON_ESCAPED_TEXT")
        self.shift(keyword.end())
        self.expect("NEWLINE", "a line break after the `sankey` keyword")
        while True:
            self.record()
            kind, end = self.peek()
            if kind == "EOF":
                return
            if kind != "NEWLINE":
                raise self.fail(
                    "the end of the row",
                    self._describe(kind),
                    " (a row has exactly three fields: source,target,value)",
                )
            self.shift(end)

    def record(self) -> None:
        self.field()
        self.expect("COMMA", "`,` (a row has three fields: source,target,value)")
        self.field()
        self.expect("COMMA", "`,` (a row has three fields: source,target,value)")
        self.field()

    def field(self) -> None:
        kind, end = self.peek()
        if kind == "NON_ESCAPED_TEXT":
            self.shift(end)
            return
        if kind != "DQUOTE":
            raise self.fail("a field", kind)
        self.shift(end)
        body = _QUOTED.match(self.text, self.pos)
        assert body is not None
        if body.end() == self.pos and self.text.startswith('"', self.pos):
            raise self.fail(
                "the text of a quoted field", "DQUOTE", " (an empty quoted field is not accepted)"
            )
        self.shift(body.end())
        if not self.text.startswith('"', self.pos):
            got = "EOF" if self.pos >= len(self.text) else "BAD_CHAR"
            raise self.fail('`"` to close the quoted field', got)
        self.shift(self.pos + 1)


def parse(text: str) -> None:
    _Parser(prepare(mermaid_input(text))).parse()
