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
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

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
# common.langium's hidden terminals (mermaid's preprocessing already removed most of what they match)
YAML = r"---[\t ]*\r?\n(?:[\s\S]*?\r?\n)?---(?:\r?\n|" + f"(?!{JS_NOT_S}))"
DIRECTIVE = r"[\t ]*%%\{[\s\S]*?\}%%(?:\r?\n|" + f"(?!{JS_NOT_S}))"
SINGLE_LINE_COMMENT = r"[\t ]*%%[^\n\r]*"

_ENTITY = re.compile(r"#[A-Za-z0-9_]+;")  # JavaScript's \w is ASCII-only


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
    marker = "ﬂ°°" if inner.isdigit() else "ﬂ°"
    return f"{marker}{inner}¶ß"


@dataclass(frozen=True)
class TokenType:
    """One Chevrotain token type: ``skip`` drops it (whitespace, comments) before parsing."""

    name: str
    pattern: re.Pattern[str]
    skip: bool = False
    longer_alt: tuple[str, ...] = ()


class Token(NamedTuple):
    kind: str
    image: str
    offset: int
    line: int
    column: int


def token_type(name: str, pattern: str, *, skip: bool = False, longer_alt: Iterable[str] = ()) -> TokenType:
    return TokenType(name, re.compile(pattern), skip, tuple(longer_alt))


def title_and_accessibility(prefix: str = "") -> tuple[TokenType, ...]:
    """The ACC_DESCR, ACC_TITLE and TITLE terminals, in that order (named with a grammar's prefix)."""
    return (
        token_type(f"{prefix}ACC_DESCR", ACC_DESCR),
        token_type(f"{prefix}ACC_TITLE", ACC_TITLE),
        token_type(f"{prefix}TITLE", TITLE),
    )


def keyword(word: str, *, longer_alt: Iterable[str] = (), diagram_keyword: bool = False) -> TokenType:
    """A grammar keyword; mermaid's token builder lets nothing but whitespace or ``%%`` follow the
    diagram keyword itself."""
    pattern = re.escape(word) + (f"(?:(?=%%)|(?!{JS_NOT_S}))" if diagram_keyword else "")
    return token_type(word, pattern, longer_alt=longer_alt)


class Lexer:
    def __init__(self, types: Sequence[TokenType]) -> None:
        self.types = tuple(types)
        self.by_name = {spec.name: spec for spec in self.types}
        # One alternation tries the patterns in order, as Chevrotain does, in a single regex call;
        # it needs patterns without capturing groups so that ``lastindex`` names the token type.
        # Like Chevrotain, only the types that can start with the next (ASCII) character are tried.
        assert all(spec.pattern.groups == 0 for spec in self.types)
        self.first_chars = [_first_chars(spec.pattern) for spec in self.types]
        self.by_char = [self._alternation(chr(code)) for code in range(128)]
        self.combined = self._alternation(None)

    def _alternation(self, char: str | None) -> tuple[re.Pattern[str], tuple[TokenType, ...]]:
        candidates = tuple(
            spec
            for spec, first in zip(self.types, self.first_chars)
            if char is None or first is None or char in first
        )
        pattern = "|".join(f"({spec.pattern.pattern})" for spec in candidates) or "(?!)"
        return re.compile(pattern), candidates

    def tokenize(self, text: str) -> list[Token]:
        """Tokens for the parser, ending with an ``EOF`` token; raises at the first lexer error."""
        spans: list[tuple[str, int, int]] = []
        by_char, combined = self.by_char, self.combined
        pos, end = 0, len(text)
        while pos < end:
            code = ord(text[pos])
            pattern, types = by_char[code] if code < 128 else combined
            match = pattern.match(text, pos)
            if match is None or match.end() == pos:
                line, column = _position(text, pos)
                raise MermaidSyntaxError(
                    f"unexpected character {text[pos]!r} (line {line}, column {column})", line
                )
            spec = types[match.lastindex - 1]  # type: ignore[operator]
            stop = match.end()
            if spec.longer_alt:
                spec, stop = self._longer_alternative(spec, text, pos, stop)
            if not spec.skip:
                spans.append((spec.name, pos, stop))
            pos = stop
        spans.append(("EOF", end, end))
        return _with_positions(text, spans)

    def _longer_alternative(self, spec: TokenType, text: str, pos: int, stop: int) -> tuple[TokenType, int]:
        """A keyword yields to the first of its longer alternatives that matches more text."""
        for alt_name in spec.longer_alt:
            alt = self.by_name[alt_name].pattern.match(text, pos)
            if alt is not None and alt.end() > stop:
                return self.by_name[alt_name], alt.end()
        return spec, stop


def _first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The ASCII characters a match can start with, or None when that is unknown (try always)."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]  # Python's own regex parser

        first, _ = _sequence_first(_parser.parse(pattern.pattern), _constants)
    except (ImportError, AttributeError, TypeError, ValueError):
        return None
    return None if first is None else frozenset(first)


def _sequence_first(items: Iterable, constants: Any) -> tuple[set[str] | None, bool]:
    """First characters of a parsed regex sequence, and whether the sequence can match empty."""
    result: set[str] = set()
    for op, arg in items:
        if op is constants.LITERAL:
            return result | {chr(arg)}, False
        if op is constants.IN:
            members = _class_members(arg, constants)
            if members is None:
                return None, False
            return result | members, False
        if op is constants.SUBPATTERN:
            first, nullable = _sequence_first(arg[-1], constants)
        elif op is constants.BRANCH:
            firsts = [_sequence_first(branch, constants) for branch in arg[1]]
            if any(first is None for first, _ in firsts):
                return None, False
            first = set().union(*(first for first, _ in firsts))  # type: ignore[arg-type]
            nullable = any(nullable for _, nullable in firsts)
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            first, nullable = _sequence_first(arg[2], constants)
            nullable = nullable or arg[0] == 0
        elif op in (constants.ASSERT, constants.ASSERT_NOT, constants.AT):
            continue  # zero-width: ignoring it only widens the set
        else:
            return None, False
        if first is None:
            return None, False
        result |= first
        if not nullable:
            return result, False
    return result, True


def _class_members(items: list, constants: Any) -> set[str] | None:
    if any(op is constants.NEGATE for op, _ in items):
        return None
    pattern = re.compile(f"[{''.join(_class_item(op, arg, constants) for op, arg in items)}]")
    return {chr(code) for code in range(128) if pattern.match(chr(code))}


def _class_item(op: Any, arg: Any, constants: Any) -> str:
    if op is constants.LITERAL:
        return re.escape(chr(arg))
    if op is constants.RANGE:
        low, high = arg
        return f"{re.escape(chr(low))}-{re.escape(chr(high))}"
    categories = {"CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w", "CATEGORY_DIGIT": r"\d"}
    if op is constants.CATEGORY and str(arg) in categories:
        return categories[str(arg)]
    raise ValueError(f"unsupported character class item {op}")


_LINE_BREAK = re.compile(r"\r\n?|\n")


def _line_starts(text: str) -> list[int]:
    """Offsets where lines start; Chevrotain counts \\n, \\r\\n and a lone \\r as line breaks."""
    return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]


def _position(text: str, offset: int) -> tuple[int, int]:
    starts = _line_starts(text)
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _with_positions(text: str, spans: list[tuple[str, int, int]]) -> list[Token]:
    starts = _line_starts(text)
    tokens = []
    for kind, start, stop in spans:
        line = bisect_right(starts, start)
        tokens.append(Token(kind, text[start:stop], start, line, start - starts[line - 1] + 1))
    return tokens


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
