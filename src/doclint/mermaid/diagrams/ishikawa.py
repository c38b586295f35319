"""Ishikawa (fishbone) diagrams, modelled on mermaid 12.3.0's ``ishikawa.jison``.

The jison lexer (first matching rule wins, case-insensitive) cuts the text into::

    SPACELINE  \\s*%%.*            a comment, possibly after blank lines
    ISHIKAWA   ishikawa-beta\\b | ishikawa\\b   (anywhere a token starts!)
    SPACELINE  \\s+\\n              blanks ending in a line break (covers blank lines)
    NL         \\n+
    SPACELIST  \\s+                 indentation
    TEXT       [^\\n]+              the rest of the line

and the grammar is ``spaceLines? ISHIKAWA NL? (statement stop)+`` with
``statement: SPACELIST TEXT | TEXT | SPACELINE | SPACELIST`` and ``stop: (NL|EOF|SPACELINE) (NL|EOF)*``.
So almost any text is a valid node line; what fails is a diagram with no node, a node line that
starts with the word ``ishikawa``, or a blank line right after the keyword followed by a node (the
blank line is then a statement of its own and needs a line break before the next one).
Error lines follow jison: 1 + line breaks in the tokens shifted before the offending one.
"""

from __future__ import annotations

import re

from doclint.mermaid.diagrams._langium import JS_S, mermaid_input
from doclint.mermaid.model import MermaidSyntaxError

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("SPACELINE", re.compile(f"{JS_S}*%%[^\\n\\r\\u2028\\u2029]*")),
    ("ISHIKAWA", re.compile(r"ishikawa-beta\b|ishikawa\b", re.IGNORECASE | re.ASCII)),
    ("SPACELINE", re.compile(f"{JS_S}+\\n")),
    ("NL", re.compile(r"\n+")),
    ("SPACELIST", re.compile(f"{JS_S}+")),
    ("TEXT", re.compile(r"[^\n]+")),
)

_STOPS = ("NL", "EOF", "SPACELINE")


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        for kind, pattern in _RULES:
            match = pattern.match(text, pos)
            if match is not None and match.end() > pos:
                tokens.append((kind, match.group()))
                pos = match.end()
                break
    tokens.append(("EOF", ""))
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.index = 0
        self.line = 1  # jison's yylineno + 1 after the last shifted token

    @property
    def kind(self) -> str:
        return self.tokens[self.index][0]

    def shift(self) -> None:
        self.line += self.tokens[self.index][1].count("\n")
        if self.index < len(self.tokens) - 1:
            self.index += 1

    def fail(self, expected: str) -> MermaidSyntaxError:
        found = {"EOF": "end of input", "ISHIKAWA": "the `ishikawa` keyword"}.get(self.kind, "more text")
        return MermaidSyntaxError(f"ishikawa: expected {expected} but found {found}", self.line)

    def parse(self) -> None:
        if self.kind == "SPACELINE":
            self.shift()
            while self.kind in ("SPACELINE", "NL"):
                self.shift()
        if self.kind != "ISHIKAWA":
            raise self.fail("`ishikawa` or `ishikawa-beta`")
        self.shift()
        if self.kind == "NL":
            self.shift()
        self.document()

    def document(self) -> None:
        self.statement(first=True)
        while True:
            if self.kind not in _STOPS:
                raise self.fail(
                    "a line break after the node (a blank line right after the keyword needs one too)"
                )
            reached_end = self.kind == "EOF"
            self.shift()
            while self.kind in ("NL", "EOF") and not reached_end:
                reached_end = self.kind == "EOF"
                self.shift()
            if reached_end:
                return
            self.statement(first=False)

    def statement(self, *, first: bool) -> None:
        kind = self.kind
        if kind == "SPACELIST":
            self.shift()
            if self.kind == "TEXT":
                self.shift()
        elif kind in ("TEXT", "SPACELINE"):
            self.shift()
        else:
            what = "the effect (the first node)" if first else "a node"
            message = f"{what}; a node line may not start with the word `ishikawa`"
            raise self.fail(message if kind == "ISHIKAWA" else what)


def parse(text: str) -> None:
    _Parser(_tokens(mermaid_input(text))).parse()
