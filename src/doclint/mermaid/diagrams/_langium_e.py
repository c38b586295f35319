"""Helpers for diagrams parsed by ``@mermaid-js/parser`` (Langium grammars on a Chevrotain lexer).

mermaid 12 hands a Langium diagram ``encodeEntities(text) + "\\n"``; the parser reports every lexer
error first, then every parser error, and mermaid's message quotes the first of them, so the line
to report is the first lexer error's line if there is one, else the first parser error's line.

The Chevrotain lexer tries token types in the order Langium built them and takes the first match;
a keyword also tries its "longer alternatives" (terminals that could match the keyword's text) and
yields to one that matches a longer image. Skipped (whitespace) and hidden (comment) tokens never
reach the parser. ``common.langium`` terminals shared by several grammars live here as patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from doclint.mermaid.model import MermaidSyntaxError

# JavaScript's \s (and String.prototype.trim's set); Python's \s differs (\x1c-\x1f, \x85, no \ufeff)
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
JS_S = f"[{JS_SPACE}]"
JS_NOT_S = f"[^{JS_SPACE}]"
_JS_TRIM = re.compile(f"^{JS_S}+|{JS_S}+$")

# common.langium terminals, translated to Python (\w and \d are ASCII in JavaScript)
ACC_DESCR = rf"[\t ]*accDescr(?:[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)|{JS_S}*\{{[^}}]*\}})"
ACC_TITLE = r"[\t ]*accTitle[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)"
TITLE = r"[\t ]*title(?:[\t ][^\n\r]*?(?=%%)|[\t ][^\n\r]*|)"
STRING = r"\"(?:[^\"\\]|\\[^\n\r\u2028\u2029])*\"|'(?:[^'\\]|\\[^\n\r\u2028\u2029])*'"
INT = r"(?:0|[1-9][0-9]*)(?!\.)"
ID = r"[A-Za-z0-9_](?:[-A-Za-z0-9_]*[A-Za-z0-9_])?"
NEWLINE = r"\r?\n"

_ENTITY = re.compile(r"#\w+;")


def js_trim(text: str) -> str:
    return _JS_TRIM.sub("", text)


def mermaid_input(text: str) -> str:
    """What mermaid's Diagram.fromText passes to a diagram parser: ``encodeEntities(text) + "\\n"``.

    Only the ``#name;`` rewrite matters for validity: it turns ``#35;`` into non-ASCII characters
    that some lexers reject. (The ``style``/``classDef`` trailing-``;`` trims only drop a ``;``.)
    """
    return _ENTITY.sub(_encode_entity, text) + "\n"


def _encode_entity(match: re.Match[str]) -> str:
    inner = match.group()[1:-1]
    marker = "ﬂ°°" if inner.lstrip("+").isdigit() and inner.isascii() else "ﬂ°"
    return f"{marker}{inner}¶ß"


@dataclass(frozen=True)
class TokenType:
    """One Chevrotain token type: ``skip`` drops it (whitespace, comments) before parsing."""

    name: str
    pattern: re.Pattern[str]
    skip: bool = False
    longer_alt: tuple[str, ...] = ()


@dataclass(frozen=True)
class Token:
    kind: str
    image: str
    offset: int
    line: int
    column: int


def token_type(name: str, pattern: str, *, skip: bool = False, longer_alt: Iterable[str] = ()) -> TokenType:
    return TokenType(name, re.compile(pattern), skip, tuple(longer_alt))


def keyword(word: str, *, longer_alt: Iterable[str] = (), diagram_keyword: bool = False) -> TokenType:
    """A grammar keyword; mermaid's token builder lets nothing but whitespace or ``%%`` follow the
    diagram keyword itself."""
    pattern = re.escape(word) + (f"(?:(?=%%)|(?!{JS_NOT_S}))" if diagram_keyword else "")
    return token_type(word, pattern, longer_alt=longer_alt)


class Lexer:
    def __init__(self, types: Sequence[TokenType]) -> None:
        self.types = tuple(types)
        self.by_name = {spec.name: spec for spec in self.types}

    def tokenize(self, text: str) -> list[Token]:
        """Tokens for the parser, ending with an ``EOF`` token; raises at the first lexer error."""
        tokens: list[Token] = []
        pos, line, line_start = 0, 1, 0
        end = len(text)
        while pos < end:
            spec, image = self._match(text, pos)
            if spec is None:
                raise MermaidSyntaxError(
                    f"unexpected character {text[pos]!r} (line {line}, column {pos - line_start + 1})", line
                )
            if not spec.skip:
                tokens.append(Token(spec.name, image, pos, line, pos - line_start + 1))
            breaks = image.count("\n") + image.count("\r") - image.count("\r\n")
            if breaks:
                line += breaks
                line_start = pos + max(image.rfind("\n"), image.rfind("\r")) + 1
            pos += len(image)
        tokens.append(Token("EOF", "", end, line, end - line_start + 1))
        return tokens

    def _match(self, text: str, pos: int) -> tuple[TokenType | None, str]:
        for spec in self.types:
            match = spec.pattern.match(text, pos)
            if match is None:
                continue
            image = match.group()
            if not image:
                continue  # Chevrotain never accepts an empty token image
            for alt_name in spec.longer_alt:
                alt = self.by_name[alt_name].pattern.match(text, pos)
                if alt is not None and len(alt.group()) > len(image):
                    return self.by_name[alt_name], alt.group()
            return spec, image
        return None, ""


def describe(token: Token) -> str:
    return "end of input" if token.kind == "EOF" else f"`{token.image.strip() or token.image}`"


class TokenParser:
    """Cursor over lexed tokens, with Chevrotain-style errors at the offending token's line."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0

    @property
    def la(self) -> Token:
        return self.tokens[self.index]

    def la_kind(self, offset: int = 0) -> str:
        index = min(self.index + offset, len(self.tokens) - 1)
        return self.tokens[index].kind

    def at(self, *kinds: str) -> bool:
        return self.tokens[self.index].kind in kinds

    def advance(self) -> Token:
        token = self.tokens[self.index]
        if token.kind != "EOF":
            self.index += 1
        return token

    def expect(self, *kinds: str, what: str | None = None) -> Token:
        if self.la.kind in kinds:
            return self.advance()
        raise self.error(what or " or ".join(f"`{kind}`" for kind in kinds))

    def error(self, expected: str, token: Token | None = None) -> MermaidSyntaxError:
        token = token or self.la
        line = token.line if token.kind != "EOF" else self._last_line()
        return MermaidSyntaxError(f"expected {expected} but found {describe(token)}", line, token.column)

    def _last_line(self) -> int:
        """mermaid reports "line ?" for errors at end of input; point at the last real token instead."""
        for token in reversed(self.tokens[:-1]):
            return token.line
        return 1
