"""Shared lexing and parsing support for diagrams mermaid parses with Langium (@mermaid-js/parser).

Models how Langium 4 builds a Chevrotain lexer from a grammar and how mermaid reports its errors:

- Token order: every keyword of the grammar (longest first), then the grammar's reachable terminals in the
  order the grammar (with ``common.langium`` appended) declares them. The first pattern that matches wins;
  a keyword yields to a "longer alternative" terminal that matches more text: Langium picks every terminal
  the keyword is a prefix of (``ID`` for ``axis``, the hidden ``YAML`` block for ``-``); pass them as
  ``keyword(..., longer_alt=(...))``.
- Keywords listed in a diagram's token builder must be followed by whitespace, ``%%`` or the end.
- Characters no pattern matches are skipped and reported as one lexer error per run.
- mermaid throws when there is any lexer or parser error; the reported line is the first lexer error's
  line, else the first parser error's token line.

API (small on purpose; other Langium-based diagram modules import it):

- ``Lexer(rules).tokenize(text)`` -> ``(tokens, errors)``; rules are ``TokenRule`` built with ``keyword``,
  ``terminal`` or taken from ``COMMON`` (the terminals of mermaid's ``common.langium``).
- ``TokenStream(tokens)`` with ``peek``/``kind``/``advance``/``accept``/``expect``/``fail``;
  ``fail`` raises ``MermaidSyntaxError`` on the token's line; ``raise_at(token, message)`` likewise.
- Database checks mermaid runs on the AST happen after the whole parse: run them after ``parse_body``.
- ``open_stream(lexer, text)``: the tokens of ``text`` plus the newline mermaid appends, raising the first
  lexer error the way mermaid reports it (``lex_or_raise`` does the same without the newline).
- ``parse_body(stream, statements, expected)``: the ``(TitleAndAccessibilities | statement | NEWLINE)*``
  loop that ends the entry rules, each statement chosen by its first token.
- ``title_and_accessibilities(stream)`` parses the common ``TitleAndAccessibilities`` fragment.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from doclint.mermaid.model import MermaidSyntaxError

# JavaScript's \s (Python's differs on a few control characters and U+FEFF).
JS_SPACE = "\\t\\n\\v\\f\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
# Suffix the mermaid token builders add to "restricted" keywords: nothing but whitespace may follow.
_KEYWORD_END = f"(?:(?=%%)|(?![^{JS_SPACE}]))"

EOF = "EOF"


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    line: int  # 1-based, of the token's first character
    column: int  # 1-based
    end_line: int  # line of the token's last character


@dataclass(frozen=True, slots=True)
class TokenRule:
    name: str
    pattern: str  # Python regex source
    longer_alt: tuple[str, ...] = ()  # terminals that win over this keyword when they match more text
    skip: bool = False  # hidden terminal: whitespace, comments


@dataclass(frozen=True, slots=True)
class LexError:
    line: int
    column: int
    skipped: str


def keyword(word: str, *, restricted: bool = False, longer_alt: tuple[str, ...] = ()) -> TokenRule:
    """A grammar keyword; ``restricted`` ones must be followed by whitespace, ``%%`` or the end."""
    pattern = re.escape(word) + (_KEYWORD_END if restricted else "")
    return TokenRule(word, pattern, longer_alt)


def terminal(name: str, pattern: str, *, skip: bool = False) -> TokenRule:
    return TokenRule(name, pattern, skip=skip)


_COMMON_PATTERNS: dict[str, str] = {
    "BOOLEAN": r"true|false",
    "ACC_DESCR": r"[\t ]*accDescr(?:[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)|[" + JS_SPACE + r"]*\{[^}]*\})",
    "ACC_TITLE": r"[\t ]*accTitle[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)",
    "TITLE": r"[\t ]*title(?:[\t ][^\n\r]*?(?=%%)|[\t ][^\n\r]*|)",
    "FLOAT": r"[0-9]+\.[0-9]+(?!\.)",
    "INT": r"0|[1-9][0-9]*(?!\.)",
    "NUMBER": r"[0-9]+\.[0-9]+(?!\.)|0|[1-9][0-9]*(?!\.)",
    "STRING": r'"(?:[^"\\]|\\.)*"|' + r"'(?:[^'\\]|\\.)*'",
    "ID": r"[A-Za-z0-9_](?:[-A-Za-z0-9_]*[A-Za-z0-9_])?",
    "NEWLINE": r"\r?\n",
}
_COMMON_HIDDEN: dict[str, str] = {
    "WHITESPACE": r"[\t ]+",
    "YAML": r"---[\t ]*\r?\n(?:[\s\S]*?\r?\n)?---(?:\r?\n|(?![^" + JS_SPACE + "]))",
    "DIRECTIVE": r"[\t ]*%%\{[\s\S]*?\}%%(?:\r?\n|(?![^" + JS_SPACE + "]))",
    "SINGLE_LINE_COMMENT": r"[\t ]*%%[^\n\r]*",
}

# The terminals of mermaid's common.langium, by name.
COMMON: dict[str, TokenRule] = {name: terminal(name, source) for name, source in _COMMON_PATTERNS.items()}
COMMON.update({name: terminal(name, source, skip=True) for name, source in _COMMON_HIDDEN.items()})
# The hidden terminals every grammar importing common.langium gets, in declaration order.
COMMON_HIDDEN: tuple[TokenRule, ...] = tuple(COMMON[name] for name in _COMMON_HIDDEN)


def common(*names: str) -> list[TokenRule]:
    """The named common terminals (keep common.langium's order: it decides which pattern wins)."""
    return [COMMON[name] for name in names]


class Lexer:
    """A Chevrotain-style first-match lexer over an ordered list of token rules."""

    def __init__(self, rules: Sequence[TokenRule]) -> None:
        self._rules = tuple(rules)
        # One alternation tries the rules in order, exactly like Chevrotain's first-match loop.
        self._combined = re.compile(
            "|".join(f"(?P<t{i}>{rule.pattern})" for i, rule in enumerate(self._rules))
        )
        by_name = {rule.name: rule for rule in self._rules}
        self._longer_alts = {
            f"t{i}": tuple(
                (by_name[name], re.compile(by_name[name].pattern))
                for name in rule.longer_alt
                if name in by_name
            )
            for i, rule in enumerate(self._rules)
        }
        self._rule_of_group = {f"t{i}": rule for i, rule in enumerate(self._rules)}

    def tokenize(self, text: str) -> tuple[list[Token], list[LexError]]:
        tokens: list[Token] = []
        errors: list[LexError] = []
        position, line, line_start = 0, 1, 0
        length = len(text)
        match_at = self._combined.match
        while position < length:
            found = match_at(text, position)
            if found is None or found.end() == position:
                start = position
                position += 1
                while position < length and not self._matches_non_empty(text, position):
                    position += 1
                errors.append(LexError(line, start - line_start + 1, text[start:position]))
                continue
            group = found.lastgroup or ""
            rule = self._rule_of_group[group]
            end = found.end()
            for alt_rule, pattern in self._longer_alts[group]:
                alt = pattern.match(text, position)
                if alt is not None and alt.end() > end:
                    rule, end = alt_rule, alt.end()
                    break
            image = text[position:end]
            newlines = image.count("\n")
            if not rule.skip:
                end_line = line + newlines
                tokens.append(Token(rule.name, image, line, position - line_start + 1, end_line))
            if newlines:
                line += newlines
                line_start = position + image.rindex("\n") + 1
            position = end
        tokens.append(Token(EOF, "", line, position - line_start + 1, line))
        return tokens, errors

    def _matches_non_empty(self, text: str, position: int) -> bool:
        found = self._combined.match(text, position)
        return found is not None and found.end() > position


def lex_or_raise(lexer: Lexer, text: str) -> list[Token]:
    """Tokenize; on a lexer error raise it as mermaid reports it (its line wins over parser errors)."""
    tokens, errors = lexer.tokenize(text)
    if errors:
        first = errors[0]
        shown = first.skipped if len(first.skipped) <= 20 else first.skipped[:20] + "…"
        raise MermaidSyntaxError(f"unexpected text `{shown}`", first.line, first.column)
    return tokens


def describe(token: Token) -> str:
    if token.kind == EOF:
        return "end of input"
    if token.kind == "NEWLINE":
        return "end of line"
    return f"`{token.text.strip()}`"


def raise_at(token: Token, message: str) -> None:
    raise MermaidSyntaxError(message, token.line, token.column)


class TokenStream:
    """Cursor over the parser-visible tokens (hidden ones are already dropped); ends with an EOF token."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0

    def peek(self, offset: int = 0) -> Token:
        return self.tokens[min(self.index + offset, len(self.tokens) - 1)]

    def kind(self, offset: int = 0) -> str:
        return self.peek(offset).kind

    def advance(self) -> Token:
        token = self.peek()
        if token.kind != EOF:
            self.index += 1
        return token

    def accept(self, *kinds: str) -> Token | None:
        if self.kind() in kinds:
            return self.advance()
        return None

    def expect(self, kind: str, what: str | None = None) -> Token:
        if self.kind() == kind:
            return self.advance()
        self.fail(f"expected {what or kind}")
        raise AssertionError  # unreachable: fail raises

    def skip_newlines(self) -> None:
        while self.kind() == "NEWLINE":
            self.index += 1

    def fail(self, message: str, token: Token | None = None) -> None:
        """Raise ``message, found <token>`` on the token's line (the next token by default)."""
        token = token or self.peek()
        # mermaid prints "line ?" for errors at the end of input; we point at the last line instead.
        raise_at(token, f"{message}, found {describe(token)}")

    def end_of_line(self) -> None:
        """Common ``EOL``: one or more newlines, or the end of input."""
        if self.kind() == EOF:
            return
        self.expect("NEWLINE", "end of line")
        self.skip_newlines()


TITLE_AND_ACCESSIBILITY = ("ACC_DESCR", "ACC_TITLE", "TITLE")


def title_and_accessibilities(stream: TokenStream) -> None:
    """``((accDescr=ACC_DESCR | accTitle=ACC_TITLE | title=TITLE) EOL)+`` from common.langium.

    Langium's adaptive lookahead cannot choose this alternative when the line does not end right after
    the title, so mermaid reports the error at the title token itself.
    """
    while stream.kind() in TITLE_AND_ACCESSIBILITY:
        start = stream.advance()
        if stream.kind() not in ("NEWLINE", EOF):
            raise_at(
                start, f"expected end of line after `{start.text.strip()}`, found {describe(stream.peek())}"
            )
        stream.end_of_line()


def open_stream(lexer: Lexer, text: str) -> TokenStream:
    """Tokens of ``text`` as mermaid's parser sees them: ``Diagram.fromText`` appends a newline first."""
    return TokenStream(lex_or_raise(lexer, text + "\n"))


def parse_body(
    stream: TokenStream, statements: Mapping[str, Callable[[TokenStream], None]], expected: str
) -> None:
    """``(TitleAndAccessibilities | <statements> | NEWLINE)*`` up to the end of the input."""
    while stream.kind() != EOF:
        kind = stream.kind()
        if kind in TITLE_AND_ACCESSIBILITY:
            title_and_accessibilities(stream)
        elif kind == "NEWLINE":
            stream.advance()
        elif kind in statements:
            statements[kind](stream)
        else:
            stream.fail(f"expected {expected}")
