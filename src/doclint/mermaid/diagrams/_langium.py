"""The one toolkit for diagrams mermaid parses with Langium (``@mermaid-js/parser``, a Chevrotain lexer).

Models how Langium 4 builds a Chevrotain lexer from a grammar and how mermaid reports its errors:

- Token order decides: the first token rule that matches (non-empty) wins.  Langium orders them as the
  whitespace terminal, the keywords (longest first), then the grammar's terminals in declaration order
  (``common.langium`` appended).  A keyword yields to a "longer alternative" terminal that matches more text
  (``ID`` for ``axis``): pass them as ``keyword(..., longer_alt=(...))``.
- Keywords a diagram's token builder restricts must be followed by whitespace, ``%%`` or the end
  (``keyword(..., restricted=True)``).
- Characters no rule matches are skipped and recorded as one lexer error per run (Chevrotain's recovery).
- mermaid throws when there is any lexer or parser error; the reported line is the first lexer error's line,
  else the first parser error's token line.

API:

- Rules: ``keyword(word)``, ``terminal(name, pattern)``, ``grammar_lexer(keywords, terminals)`` (Langium's order
  and longer alternatives worked out), ``common(*names)`` / ``COMMON`` / ``COMMON_HIDDEN``
  (the terminals of mermaid's ``common.langium``; their pattern sources are also module constants).
- ``Lexer(rules).tokenize(text) -> (tokens, errors)``; ``Lexer.tokens_or_raise(text)`` raises the first lexer
  error as mermaid reports it.  ``open_stream(lexer, text)``: a ``TokenStream`` over ``text`` plus the newline
  mermaid appends (``Diagram.fromText``), raising lexer errors first.
- ``TokenStream``: ``peek``/``kind``/``at``/``advance``/``accept``/``expect``/``skip``/``end_of_line`` and
  ``fail``/``error`` (errors on the offending token's line; none at the end of input, where mermaid says
  "line ?").
- Grammar fragments: ``title_and_accessibilities(stream)``, ``parse_body(stream, statements, expected)``.
- ``mermaid_input(text)``: ``encodeEntities(text) + "\\n"``, what a Langium diagram's parser receives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from doclint.mermaid.model import MermaidSyntaxError
from doclint.mermaid.preprocess import JS_SPACE

# JavaScript's \s (Python's differs on \x1c-\x1f, \x85 and U+FEFF), inside and outside a class.
JS_S = f"[{JS_SPACE}]"
JS_NOT_S = f"[^{JS_SPACE}]"
# Suffix the mermaid token builders add to restricted keywords: nothing but whitespace or ``%%`` may follow.
KEYWORD_END = f"(?:(?=%%)|(?!{JS_NOT_S}))"

EOF = "EOF"

# common.langium's terminals as Python regex sources (JavaScript's `.` stops at line terminators, and its
# \w and \d are ASCII-only).
ACC_DESCR = rf"[\t ]*accDescr(?:[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)|{JS_S}*\{{[^}}]*\}})"
ACC_TITLE = r"[\t ]*accTitle[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)"
TITLE = r"[\t ]*title(?:[\t ][^\n\r]*?(?=%%)|[\t ][^\n\r]*|)"
BOOLEAN = r"true|false"
FLOAT = r"[0-9]+\.[0-9]+(?!\.)"
INT = r"0|[1-9][0-9]*(?!\.)"  # as common.langium writes it: the lookahead binds to the 2nd branch
NUMBER = rf"{FLOAT}|{INT}"
STRING = r"\"(?:[^\"\\]|\\[^\n\r\u2028\u2029])*\"|'(?:[^'\\]|\\[^\n\r\u2028\u2029])*'"
ID = r"[A-Za-z0-9_](?:[-A-Za-z0-9_]*[A-Za-z0-9_])?"
NEWLINE = r"\r?\n"
WHITESPACE = r"[\t ]+"
YAML = rf"---[\t ]*\r?\n(?:[\s\S]*?\r?\n)?---(?:\r?\n|(?!{JS_NOT_S}))"
DIRECTIVE = rf"[\t ]*%%\{{[\s\S]*?\}}%%(?:\r?\n|(?!{JS_NOT_S}))"
SINGLE_LINE_COMMENT = r"[\t ]*%%[^\n\r]*"


@dataclass(frozen=True, slots=True)
class TokenRule:
    """One Chevrotain token type."""

    name: str
    pattern: str  # Python regex source
    longer_alt: tuple[str, ...] = ()  # terminals that win over this keyword when they match more text
    skip: bool = False  # hidden terminal (whitespace, comments): never reaches the parser


class Token(NamedTuple):
    kind: str
    text: str
    line: int  # 1-based, of the token's first character
    column: int  # 1-based
    end_line: int  # line of the token's last character


class LexError(NamedTuple):
    line: int
    column: int
    skipped: str


def keyword(word: str, *, restricted: bool = False, longer_alt: Iterable[str] = ()) -> TokenRule:
    """A grammar keyword; ``restricted`` ones must be followed by whitespace, ``%%`` or the end."""
    return TokenRule(word, re.escape(word) + (KEYWORD_END if restricted else ""), tuple(longer_alt))


def terminal(name: str, pattern: str | re.Pattern[str], *, skip: bool = False) -> TokenRule:
    if isinstance(pattern, re.Pattern):  # only flag-free patterns can join one alternation unchanged
        assert not pattern.flags & ~re.UNICODE, f"{name}: give flags inline"
        pattern = pattern.pattern
    return TokenRule(name, pattern, skip=skip)


COMMON: dict[str, TokenRule] = {
    name: terminal(name, source)
    for name, source in (
        ("BOOLEAN", BOOLEAN),
        ("ACC_DESCR", ACC_DESCR),
        ("ACC_TITLE", ACC_TITLE),
        ("TITLE", TITLE),
        ("FLOAT", FLOAT),
        ("INT", INT),
        ("NUMBER", NUMBER),
        ("STRING", STRING),
        ("ID", ID),
        ("NEWLINE", NEWLINE),
    )
}
# The hidden terminals every grammar importing common.langium gets, in declaration order.
COMMON_HIDDEN: tuple[TokenRule, ...] = tuple(
    terminal(name, source, skip=True)
    for name, source in (
        ("WHITESPACE", WHITESPACE),
        ("YAML", YAML),
        ("DIRECTIVE", DIRECTIVE),
        ("SINGLE_LINE_COMMENT", SINGLE_LINE_COMMENT),
    )
)
COMMON.update((rule.name, rule) for rule in COMMON_HIDDEN)
TITLE_AND_ACCESSIBILITY = ("ACC_DESCR", "ACC_TITLE", "TITLE")


def common(*names: str) -> list[TokenRule]:
    """The named common terminals (keep common.langium's order: it decides which pattern wins)."""
    return [COMMON[name] for name in names]


def title_and_accessibility_rules(prefix: str = "") -> tuple[TokenRule, ...]:
    """ACC_DESCR, ACC_TITLE and TITLE, in that order (named with a grammar's prefix)."""
    return tuple(terminal(prefix + name, COMMON[name].pattern) for name in TITLE_AND_ACCESSIBILITY)


def grammar_lexer(
    keywords: Iterable[str], terminals: Sequence[TokenRule], *, restricted: Iterable[str] = ()
) -> Lexer:
    """The lexer Langium builds for a grammar: whitespace, the keywords longest first (each yielding to the
    terminals that match the whole keyword: Langium's LONGER_ALT), then ``terminals`` in the order given."""
    restricted = frozenset(restricted)
    compiled = [(rule.name, re.compile(rule.pattern)) for rule in terminals]
    words = sorted(keywords, key=len, reverse=True)
    keyword_rules = [
        keyword(
            word,
            restricted=word in restricted,
            longer_alt=tuple(name for name, pattern in compiled if pattern.fullmatch(word)),
        )
        for word in words
    ]
    return Lexer([COMMON_HIDDEN[0], *keyword_rules, *terminals])


class Lexer:
    """Chevrotain's first-match lexer over an ordered list of token rules.

    Each alternation holds the rules in order (Python tries alternatives left to right, like Chevrotain's
    loop) so one regex call finds the token; like Chevrotain, only the rules that can start with the next
    (ASCII) character take part.  Alternations are built per first character on first use."""

    def __init__(self, rules: Sequence[TokenRule]) -> None:
        self.rules = tuple(rules)
        self._by_name = {rule.name: rule for rule in self.rules}
        self._first_chars = [_first_chars(rule.pattern) for rule in self.rules]
        self._by_char: list[tuple[re.Pattern[str], list[TokenRule]] | None] = [None] * 128
        self._by_indexes: dict[tuple[int, ...], tuple[re.Pattern[str], list[TokenRule]]] = {}
        self._all = self._alternation(None)
        self._longer = {
            rule.name: tuple(
                (self._by_name[name], re.compile(self._by_name[name].pattern)) for name in rule.longer_alt
            )
            for rule in self.rules
            if rule.longer_alt
        }

    def _alternation(self, char: str | None) -> tuple[re.Pattern[str], list[TokenRule]]:
        """The rules that may start with ``char``, and the rule behind each group number of their alternation
        (compiled once per distinct set of rules: most characters share one)."""
        indexes = tuple(
            i for i, first in enumerate(self._first_chars) if char is None or first is None or char in first
        )
        compiled = self._by_indexes.get(indexes)
        if compiled is None:
            pattern = re.compile("|".join(f"(?P<t{i}>{self.rules[i].pattern})" for i in indexes) or "(?!)")
            rule_of_group = [self.rules[0]] * (pattern.groups + 1)  # inner groups never close last
            for name, group in pattern.groupindex.items():
                if name[0] == "t" and name[1:].isdigit():
                    rule_of_group[group] = self.rules[int(name[1:])]
            compiled = self._by_indexes[indexes] = (pattern, rule_of_group)
        return compiled

    def _candidates(self, code: int) -> tuple[re.Pattern[str], list[TokenRule]]:
        candidates = self._by_char[code] = self._alternation(chr(code))
        return candidates

    def _match(self, text: str, position: int) -> tuple[TokenRule, int] | None:
        """The first rule that matches non-empty text at ``position`` (after its longer alternatives)."""
        code = ord(text[position])
        candidates = (self._by_char[code] or self._candidates(code)) if code < 128 else self._all
        pattern, rule_of_group = candidates
        found = pattern.match(text, position)
        if found is None:
            return None
        end = found.end()
        if end == position:  # an empty match: Chevrotain goes on to the next token type
            return self._first_non_empty(text, position)
        rule = rule_of_group[found.lastindex or 0]
        for alternative, alternative_pattern in self._longer.get(rule.name, ()):
            longer = alternative_pattern.match(text, position)
            if longer is not None and longer.end() > end:
                return alternative, longer.end()
        return rule, end

    def _first_non_empty(self, text: str, position: int) -> tuple[TokenRule, int] | None:
        for rule in self.rules:
            found = re.compile(rule.pattern).match(text, position)  # rare: only after an empty match
            if found is not None and found.end() > position:
                return rule, found.end()
        return None

    def tokenize(self, text: str) -> tuple[list[Token], list[LexError]]:
        """Parser-visible tokens ending with an ``EOF`` token, and the lexer errors (skipped runs)."""
        tokens: list[Token] = []
        errors: list[LexError] = []
        position, line, line_start, length = 0, 1, 0, len(text)
        by_char, everything, longer = self._by_char, self._all, self._longer
        while position < length:
            # the common case inline (the rules that may start with this character, no longer alternative)
            code = ord(text[position])
            candidates = (by_char[code] or self._candidates(code)) if code < 128 else everything
            found = candidates[0].match(text, position)
            if found is not None and found.end() > position:
                rule = candidates[1][found.lastindex or 0]
                matched = (rule, found.end()) if rule.name not in longer else self._match(text, position)
            else:
                matched = None if found is None else self._match(text, position)
            if matched is None:
                start = position
                position += 1
                while position < length and self._match(text, position) is None:
                    position += 1
                errors.append(LexError(line, start - line_start + 1, text[start:position]))
                line, line_start = _advance_lines(text, start, position, line, line_start)
                continue
            rule, end = matched
            newlines = text.count("\n", position, end)
            if not rule.skip:
                tokens.append(
                    Token(rule.name, text[position:end], line, position - line_start + 1, line + newlines)
                )
            if newlines:
                line += newlines
                line_start = text.rindex("\n", position, end) + 1
            position = end
        tokens.append(Token(EOF, "", line, position - line_start + 1, line))
        return tokens, errors

    def tokens_or_raise(self, text: str) -> list[Token]:
        """Tokenize; on a lexer error raise the first one as mermaid reports it (before any parse error)."""
        tokens, errors = self.tokenize(text)
        raise_lexer_errors(errors)
        return tokens


def _advance_lines(text: str, start: int, end: int, line: int, line_start: int) -> tuple[int, int]:
    newlines = text.count("\n", start, end)
    if newlines:
        return line + newlines, text.rindex("\n", start, end) + 1
    return line, line_start


def raise_lexer_errors(errors: Sequence[LexError]) -> None:
    if errors:
        first = errors[0]
        shown = first.skipped if len(first.skipped) <= 20 else first.skipped[:20] + "…"
        raise MermaidSyntaxError(
            f"Lexer error on line {first.line}, column {first.column}: unexpected text `{shown}`",
            first.line,
            first.column,
        )


def describe(token: Token) -> str:
    if token.kind == EOF:
        return "end of input"
    if token.kind == "NEWLINE":
        return "end of line"
    return f"`{token.text.strip() or token.text}`"


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

    def at(self, *kinds: str) -> bool:
        return self.tokens[self.index].kind in kinds

    def advance(self) -> Token:
        token = self.tokens[self.index]
        if token.kind != EOF:
            self.index += 1
        return token

    def accept(self, *kinds: str) -> Token | None:
        if self.tokens[self.index].kind in kinds:
            return self.advance()
        return None

    def expect(self, *kinds: str, what: str | None = None) -> Token:
        if self.tokens[self.index].kind in kinds:
            return self.advance()
        raise self.error(what or " or ".join(f"`{kind}`" for kind in kinds))

    def skip(self, kind: str) -> int:
        """Consume a run of ``kind`` tokens; how many there were."""
        start = self.index
        while self.tokens[self.index].kind == kind:
            self.index += 1
        return self.index - start

    def skip_newlines(self) -> None:
        self.skip("NEWLINE")

    def end_of_line(self) -> None:
        """Common ``EOL``: one or more newlines, or the end of input."""
        if self.kind() == EOF:
            return
        self.expect("NEWLINE", what="end of line")
        self.skip_newlines()

    def error(self, expected: str, token: Token | None = None) -> MermaidSyntaxError:
        """``expected <expected>, found <token>`` on the token's line (the next token by default)."""
        return self.error_message(f"expected {expected}", token)

    def error_message(self, message: str, token: Token | None = None) -> MermaidSyntaxError:
        token = token or self.peek()
        if token.kind == EOF:  # mermaid reports "line ?" (Chevrotain's EOF token has no position)
            return MermaidSyntaxError(f"{message}, found end of input")
        return MermaidSyntaxError(f"{message}, found {describe(token)}", token.line, token.column)

    def fail(self, message: str, token: Token | None = None) -> None:
        raise self.error_message(message, token)


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
    return TokenStream(lexer.tokens_or_raise(text + "\n"))


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


_ENTITY = re.compile(r"#[A-Za-z0-9_]+;")  # JavaScript's \w is ASCII-only


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


# ----------------------------------------------------------------------------------------- first characters


@cache  # the common.langium terminals recur in every lexer
def _first_chars(source: str) -> frozenset[str] | None:
    """The ASCII characters a match of ``source`` can start with, or None when unknown (always try it)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]  # Python's own regex parser

        parsed = _parser.parse(source)
        if parsed.state.flags & re.IGNORECASE:
            return None
        first, _ = _sequence_first(parsed, _constants)
    except (ImportError, AttributeError, TypeError, ValueError):
        return None
    return None if first is None else frozenset(first)


def _sequence_first(items: Iterable[Any], constants: Any) -> tuple[set[str] | None, bool]:
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


def _class_members(items: list[Any], constants: Any) -> set[str] | None:
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
