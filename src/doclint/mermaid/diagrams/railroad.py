"""Railroad diagrams, modelled on mermaid's four Langium grammars in @mermaid-js/parser (RailroadGrammar,
RailroadEbnfGrammar, RailroadAbnfGrammar, RailroadPegGrammar).  Each starts with its keyword, then title and
accessibility lines, then rules; whitespace, line breaks and comments are hidden::

    railroad-beta:       RR_ID "=" Expr ";"   Expr: sequence(E, ...) | choice(E, ...) | optional(E)
                         | oneOrMore(E) | zeroOrMore(E) | terminal("s") | nonterminal("s") | special("s")
    railroad-ebnf-beta:  EBNF_ID ("=" | "::=") Choice ";"   Choice: Seq ("|" Seq)*   Seq: Term (","? Term)*
                         Term: Primary ("?" | "*" | "+" | "-" Primary)*
                         Primary: STRING | ? special ? | ID | "(" Choice ")" | "[" Choice "]" | "{" Choice "}"
    railroad-abnf-beta:  RULENAME "=" Alt ";"   Alt: Concat ("/" Concat)*   Concat: ((n*m | n)? Primary)+
                         Primary: STRING | %x.. | RULENAME | "(" Alt ")" | "[" Alt "]"   (";" starts a comment
                         unless it ends the line)
    railroad-peg-beta:   ID "<-" Choice ";"   Choice: Seq ("/" Seq)*   Seq: (("&" | "!")? Primary ("?"|"*"|"+")?)+
                         Primary: STRING | ID | "(" Choice ")" | "."
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from doclint.mermaid.diagrams._langium import (
    DIRECTIVE,
    EOF,
    STRING,
    YAML,
    Lexer,
    TokenRule,
    TokenStream,
    keyword,
    open_stream,
    terminal,
)
from doclint.mermaid.preprocess import JS_SPACE

_STRING = STRING  # common.langium's: a backslash does not escape a line break
_ID = re.compile(r"[A-Z_a-z][A-Za-z0-9_-]*")
_HEADER_TERMINALS = (
    ("TITLE", re.compile(r"title(?:[\t ][^\n\r]*?(?=%%)|[\t ][^\n\r]*|)")),
    ("ACC_TITLE", re.compile(r"accTitle[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)")),
    (
        "ACC_DESCR",
        re.compile(r"accDescr(?:[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)|" + f"[{JS_SPACE}]*" + r"\{[^}]*\})"),
    ),
)
_MAX_DEPTH = 100
TokenTypes = tuple[tuple[str, re.Pattern[str]], ...]


def _dialect_tokens(
    header: str, keywords: Sequence[str], terminals: TokenTypes, comments: TokenTypes
) -> list[TokenRule]:
    """Langium's order: whitespace, keywords longest first, title/accessibility, the dialect's terminals,
    then the hidden YAML, directive and comments."""
    words = sorted(keywords, key=len, reverse=True)
    return [
        terminal("WHITESPACE", r"[\t \r\n]+", skip=True),
        keyword(header, restricted=True),
        *(keyword(word) for word in words),
        *(terminal(name, pattern) for name, pattern in _HEADER_TERMINALS),
        *(terminal(name, pattern) for name, pattern in terminals),
        terminal("YAML", YAML, skip=True),
        terminal("DIRECTIVE", DIRECTIVE, skip=True),
        terminal("COMMENT", r"[\t ]*%%[^\n\r]*", skip=True),
        *(terminal(name, pattern, skip=True) for name, pattern in comments),
    ]


_LEXERS: dict[str, Lexer] = {}


def _lexer(header: str, rules: list[TokenRule], longer: dict[str, tuple[str, ...]]) -> Lexer:
    """The dialect's lexer, built on first use (a keyword's longer alternatives attached)."""
    if header not in _LEXERS:
        _LEXERS[header] = Lexer([replace(rule, longer_alt=longer.get(rule.name, ())) for rule in rules])
    return _LEXERS[header]


def _parse_rules(
    text: str,
    rules: list[TokenRule],
    longer: dict[str, tuple[str, ...]],
    header: str,
    rule: Callable[[TokenStream], None],
    rule_start: str,
) -> None:
    stream = open_stream(_lexer(header, rules, longer), text)
    stream.expect(header)
    while stream.at("TITLE", "ACC_TITLE", "ACC_DESCR"):
        stream.advance()
    while stream.at(rule_start):
        rule(stream)
    if not stream.at(EOF):
        raise stream.error("a rule name or the end of the diagram")


def _separated(
    stream: TokenStream, item: Callable[[TokenStream, int], None], separator: str, depth: int
) -> None:
    """``item (separator item)*``."""
    item(stream, depth)
    while stream.at(separator):
        stream.expect(separator)
        item(stream, depth)


def _one_or_more(
    stream: TokenStream, item: Callable[[TokenStream, int], None], starts: tuple[str, ...], depth: int
) -> None:
    """``item+``, repeating while the next token can start an item."""
    item(stream, depth)
    while stream.at(*starts):
        item(stream, depth)


def _check_depth(stream: TokenStream, depth: int) -> None:
    if depth > _MAX_DEPTH:
        raise stream.error("less deeply nested brackets")


# ------------------------------------------------------------------------------------------------- EBNF

_EBNF_TOKENS = _dialect_tokens(
    "railroad-ebnf-beta",
    ("::=", "=", ";", "|", ",", "(", ")", "[", "]", "{", "}", "?", "*", "+", "-"),
    (
        ("EBNF_ID", _ID),
        ("EBNF_STRING", _STRING),
        ("EBNF_SPECIAL", re.compile(rf"\?(?=[^?;]*[^?;{JS_SPACE}][^?;]*\?)[^?;]*\?")),
    ),
    (("BLOCK_COMMENT", re.compile(r"/\*[\s\S]*?\*/")), ("ISO_COMMENT", re.compile(r"\(\*[\s\S]*?\*\)"))),
)
_EBNF_LONGER = {
    "railroad-ebnf-beta": ("EBNF_ID",),
    "?": ("EBNF_SPECIAL",),
    "(": ("ISO_COMMENT",),
    "-": ("YAML",),
}
_CLOSERS = {"(": ")", "[": "]", "{": "}"}


def parse(text: str) -> None:
    """``railroad-ebnf-beta``."""
    _parse_rules(text, _EBNF_TOKENS, _EBNF_LONGER, "railroad-ebnf-beta", _ebnf_rule, "EBNF_ID")


def _ebnf_rule(stream: TokenStream) -> None:
    stream.expect("EBNF_ID")
    stream.expect("=", "::=")
    _choice(stream, 0)
    stream.expect(";")


def _choice(stream: TokenStream, depth: int) -> None:
    _separated(stream, _sequence, "|", depth)


def _sequence(stream: TokenStream, depth: int) -> None:
    _term(stream, depth)
    while True:
        if stream.at(","):
            stream.expect(",")
            _term(stream, depth)
        elif _starts_primary(stream):
            _term(stream, depth)
        else:
            return


def _starts_primary(stream: TokenStream) -> bool:
    return stream.at("EBNF_STRING", "EBNF_SPECIAL", "EBNF_ID", "(", "[", "{")


def _term(stream: TokenStream, depth: int) -> None:
    _primary(stream, depth)
    while stream.at("?", "*", "+", "-"):
        if stream.expect("?", "*", "+", "-").kind == "-":
            _primary(stream, depth)


def _primary(stream: TokenStream, depth: int) -> None:
    _check_depth(stream, depth)
    if stream.at("(", "[", "{"):
        opener = stream.expect("(", "[", "{").kind
        _choice(stream, depth + 1)
        stream.expect(_CLOSERS[opener])
        return
    stream.expect("EBNF_STRING", "EBNF_SPECIAL", "EBNF_ID", "(", "[", "{")


# ------------------------------------------------------------------------------------------- railroad-beta

_EXPRESSION_WORDS = (
    "sequence",
    "choice",
    "optional",
    "oneOrMore",
    "zeroOrMore",
    "terminal",
    "nonterminal",
    "special",
)
_RAILROAD_TOKENS = _dialect_tokens(
    "railroad-beta",
    (*_EXPRESSION_WORDS, "(", ")", ",", "=", ";"),
    (("RR_ID", _ID), ("RR_STRING", _STRING)),
    (("BLOCK_COMMENT", re.compile(r"/\*[\s\S]*?\*/")),),
)
_RAILROAD_LONGER = {word: ("RR_ID",) for word in ("railroad-beta", *_EXPRESSION_WORDS)}


def parse_railroad(text: str) -> None:
    """``railroad-beta``: expressions written as function calls."""
    _parse_rules(text, _RAILROAD_TOKENS, _RAILROAD_LONGER, "railroad-beta", _railroad_rule, "RR_ID")


def _railroad_rule(stream: TokenStream) -> None:
    stream.expect("RR_ID")
    stream.expect("=")
    _railroad_expression(stream, 0)
    stream.expect(";")


def _railroad_expression(stream: TokenStream, depth: int) -> None:
    _check_depth(stream, depth)
    word = stream.expect(*_EXPRESSION_WORDS).kind
    stream.expect("(")
    if word in ("terminal", "nonterminal", "special"):
        stream.expect("RR_STRING")
    else:
        _railroad_expression(stream, depth + 1)
        while word in ("sequence", "choice") and stream.at(","):
            stream.expect(",")
            _railroad_expression(stream, depth + 1)
    stream.expect(")")


# -------------------------------------------------------------------------------------------------- ABNF

_ABNF_TOKENS = _dialect_tokens(
    "railroad-abnf-beta",
    ("=", ";", "/", "(", ")", "[", "]"),
    (
        ("ABNF_RULENAME", re.compile(r"[A-Za-z][A-Za-z0-9-]*")),
        ("ABNF_STRING", re.compile(r'"[^"]*"')),
        ("ABNF_NUMVAL", re.compile(r"%[xXdDbB][0-9A-Fa-f]+(?:-[0-9A-Fa-f]+|\.[0-9A-Fa-f]+)*")),
        ("ABNF_REPEAT", re.compile(r"[0-9]*\*[0-9]*")),
        ("ABNF_EXACT_REPEAT", re.compile(r"[0-9]+")),
    ),
    (("ABNF_COMMENT", re.compile(r";[^\n\r]*")),),
)
_ABNF_LONGER = {"railroad-abnf-beta": ("ABNF_RULENAME",), ";": ("ABNF_COMMENT",), "-": ("YAML",)}
_ABNF_PRIMARY = ("ABNF_STRING", "ABNF_NUMVAL", "ABNF_RULENAME", "(", "[")


def parse_abnf(text: str) -> None:
    """``railroad-abnf-beta``."""
    _parse_rules(text, _ABNF_TOKENS, _ABNF_LONGER, "railroad-abnf-beta", _abnf_rule, "ABNF_RULENAME")


def _abnf_rule(stream: TokenStream) -> None:
    stream.expect("ABNF_RULENAME")
    stream.expect("=")
    _abnf_alternation(stream, 0)
    stream.expect(";")


def _abnf_alternation(stream: TokenStream, depth: int) -> None:
    _separated(stream, _abnf_concatenation, "/", depth)


def _abnf_concatenation(stream: TokenStream, depth: int) -> None:
    _one_or_more(stream, _abnf_element, ("ABNF_REPEAT", "ABNF_EXACT_REPEAT", *_ABNF_PRIMARY), depth)


def _abnf_element(stream: TokenStream, depth: int) -> None:
    _check_depth(stream, depth)
    if stream.at("ABNF_REPEAT", "ABNF_EXACT_REPEAT"):
        stream.expect("ABNF_REPEAT", "ABNF_EXACT_REPEAT")
    opener = stream.expect(*_ABNF_PRIMARY).kind
    if opener in ("(", "["):
        _abnf_alternation(stream, depth + 1)
        stream.expect(")" if opener == "(" else "]")


# --------------------------------------------------------------------------------------------------- PEG

_PEG_TOKENS = _dialect_tokens(
    "railroad-peg-beta",
    ("<-", "/", "&", "!", "?", "*", "+", "(", ")", ".", ";"),
    (("PEG_ID", _ID), ("PEG_STRING", _STRING)),
    (("PEG_LINE_COMMENT", re.compile(r"#[^\n\r]*")),),
)
_PEG_LONGER = {"railroad-peg-beta": ("PEG_ID",)}
_PEG_PRIMARY = ("PEG_STRING", "PEG_ID", "(", ".")


def parse_peg(text: str) -> None:
    """``railroad-peg-beta``."""
    _parse_rules(text, _PEG_TOKENS, _PEG_LONGER, "railroad-peg-beta", _peg_rule, "PEG_ID")


def _peg_rule(stream: TokenStream) -> None:
    stream.expect("PEG_ID")
    stream.expect("<-")
    _peg_choice(stream, 0)
    stream.expect(";")


def _peg_choice(stream: TokenStream, depth: int) -> None:
    _separated(stream, _peg_sequence, "/", depth)


def _peg_sequence(stream: TokenStream, depth: int) -> None:
    _one_or_more(stream, _peg_prefix, ("&", "!", *_PEG_PRIMARY), depth)


def _peg_prefix(stream: TokenStream, depth: int) -> None:
    _check_depth(stream, depth)
    if stream.at("&", "!"):
        stream.expect("&", "!")
    opener = stream.expect(*_PEG_PRIMARY).kind
    if opener == "(":
        _peg_choice(stream, depth + 1)
        stream.expect(")")
    if stream.at("?", "*", "+"):
        stream.expect("?", "*", "+")
