"""Helpers shared by diagram parsers: a lexer that behaves like the Chevrotain lexers Langium builds for
mermaid's ``@mermaid-js/parser`` grammars, and the way mermaid reports their errors.

Chevrotain tries token types in order and takes the first that matches (Langium orders them: whitespace-like
terminals, then keywords longest first, then the other terminals in grammar order).  Where nothing matches it
records "unexpected character" at that line and column and skips ahead until some token matches again.
mermaid then throws if there was any lexer error or any parser error; the line it reports is the first lexer
error's line, else the first parser error's token line (none for an error at the end of the input).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from doclint.mermaid.model import MermaidSyntaxError
from doclint.mermaid.preprocess import JS_SPACE

EOF = "EOF"

# Terminals of Langium's common.langium that most mermaid grammars import.
NEWLINE = re.compile(r"\r?\n")
WHITESPACE = re.compile(r"[\t ]+")
YAML_BLOCK = re.compile(rf"---[\t ]*\r?\n(?:[\s\S]*?\r?\n)?---(?:\r?\n|(?![^{JS_SPACE}]))")
DIRECTIVE = re.compile(rf"[\t ]*%%\{{[\s\S]*?\}}%%(?:\r?\n|(?![^{JS_SPACE}]))")
COMMENT = re.compile(r"[\t ]*%%[^\n\r]*")
ACC_DESCR = re.compile(
    r"[\t ]*accDescr(?:[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)|" + f"[{JS_SPACE}]*" + r"\{[^}]*\})"
)
ACC_TITLE = re.compile(r"[\t ]*accTitle[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)")
TITLE = re.compile(r"[\t ]*title(?:[\t ][^\n\r]*?(?=%%)|[\t ][^\n\r]*|)")
STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'", re.DOTALL)
HIDDEN_COMMON = (
    ("WHITESPACE", WHITESPACE),
    ("YAML", YAML_BLOCK),
    ("DIRECTIVE", DIRECTIVE),
    ("COMMENT", COMMENT),
)
HIDDEN_NAMES = frozenset(name for name, _ in HIDDEN_COMMON)
ACCESSIBILITY_TERMINALS = (("ACC_DESCR", ACC_DESCR), ("ACC_TITLE", ACC_TITLE), ("TITLE", TITLE))


def keyword(word: str) -> re.Pattern[str]:
    """A keyword of an ``AbstractMermaidTokenBuilder`` grammar: it must be followed by space, ``%%`` or the end."""
    return re.compile(re.escape(word) + f"(?:(?=%%)|(?![^{JS_SPACE}]))")


def langium_tokens(
    keywords: Sequence[tuple[str, re.Pattern[str]]], terminals: Sequence[tuple[str, re.Pattern[str]]]
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Token types in Langium's order for a grammar importing common.langium: whitespace and line breaks,
    the keywords (longest first), the grammar's terminals, then the hidden YAML, directive and comment."""
    return (HIDDEN_COMMON[0], ("NEWLINE", NEWLINE), *keywords, *terminals, *HIDDEN_COMMON[1:])


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class LexerError:
    line: int
    column: int
    text: str


TokenTypes = Sequence[tuple[str, re.Pattern[str]]]


def lex(
    text: str,
    token_types: TokenTypes,
    hidden: frozenset[str],
    longer_alternatives: dict[str, tuple[str, ...]] | None = None,
) -> tuple[list[Token], list[LexerError]]:
    """Chevrotain-style first-match lexing; hidden tokens are dropped, an ``EOF`` token ends the list.
    ``longer_alternatives`` gives a keyword's LONGER_ALT token types (Langium: terminals the keyword's text could
    start), used instead of the keyword when they match more text."""
    tokens: list[Token] = []
    errors: list[LexerError] = []
    position, line, line_start = 0, 1, 0
    length = len(text)
    patterns = dict(token_types)
    while position < length:
        for kind, pattern in token_types:
            match = pattern.match(text, position)
            if match is not None and match.end() > position:
                if longer_alternatives and kind in longer_alternatives:
                    kind, match = _longer(text, position, kind, match, longer_alternatives[kind], patterns)
                break
        else:
            start = position
            while position < length and not _any_match(text, position, token_types):
                position += 1
            errors.append(LexerError(line, start - line_start + 1, text[start:position]))
            line, line_start = _advance_lines(text, start, position, line, line_start)
            continue
        end = match.end()
        if kind not in hidden:
            tokens.append(Token(kind, match.group(0), line, position - line_start + 1))
        line, line_start = _advance_lines(text, position, end, line, line_start)
        position = end
    tokens.append(Token(EOF, "", line, position - line_start + 1))
    return tokens, errors


def _longer(
    text: str,
    position: int,
    kind: str,
    match: re.Match[str],
    alternatives: tuple[str, ...],
    patterns: dict[str, re.Pattern[str]],
) -> tuple[str, re.Match[str]]:
    for alternative in alternatives:
        longer = patterns[alternative].match(text, position)
        if longer is not None and longer.end() > match.end():
            return alternative, longer
    return kind, match


def _any_match(text: str, position: int, token_types: Sequence[tuple[str, re.Pattern[str]]]) -> bool:
    for _, pattern in token_types:
        match = pattern.match(text, position)
        if match is not None and match.end() > position:
            return True
    return False


def _advance_lines(text: str, start: int, end: int, line: int, line_start: int) -> tuple[int, int]:
    newline = text.find("\n", start, end)
    while newline != -1:
        line += 1
        line_start = newline + 1
        newline = text.find("\n", newline + 1, end)
    return line, line_start


class LangiumParseError(MermaidSyntaxError):
    """A parser error at a token (line None at the end of the input, as mermaid reports "line NaN")."""


def fail_at(token: Token, expected: str) -> LangiumParseError:
    if token.kind == EOF:
        return LangiumParseError(f"Parse error at the end of the diagram: expected {expected}")
    return LangiumParseError(
        f"Parse error on line {token.line}, column {token.column}: expected {expected} but found `{token.text}`",
        token.line,
        token.column,
    )


def raise_lexer_errors(errors: Sequence[LexerError]) -> None:
    if errors:
        first = errors[0]
        raise MermaidSyntaxError(
            f"Lexer error on line {first.line}, column {first.column}: unexpected text `{first.text[:20]}`",
            first.line,
            first.column,
        )


class TokenStream:
    """Cursor over lexed tokens for a recursive-descent parser."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def peek(self, offset: int = 0) -> Token:
        return self.tokens[min(self.index + offset, len(self.tokens) - 1)]

    def at(self, *kinds: str) -> bool:
        return self.current.kind in kinds

    def take(self, *kinds: str) -> Token:
        token = self.current
        if token.kind not in kinds:
            raise fail_at(token, " or ".join(f"`{kind}`" for kind in kinds))
        self.index += 1
        return token

    def skip(self, kind: str) -> int:
        count = 0
        while self.current.kind == kind:
            self.index += 1
            count += 1
        return count
