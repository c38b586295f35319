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

from doclint.mermaid.diagrams._common import (
    DIRECTIVE,
    EOF,
    YAML_BLOCK,
    TokenStream,
    fail_at,
    keyword,
    lex,
    raise_lexer_errors,
)
from doclint.mermaid.preprocess import JS_SPACE

_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'", re.DOTALL)
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
) -> tuple[TokenTypes, frozenset[str]]:
    """Langium's order: whitespace, keywords longest first, title/accessibility, the dialect's terminals,
    then the hidden YAML, directive and comments."""
    words = sorted(keywords, key=len, reverse=True)
    tokens = (
        ("WHITESPACE", re.compile(r"[\t \r\n]+")),
        (header, keyword(header)),
        *((word, re.compile(re.escape(word))) for word in words),
        *_HEADER_TERMINALS,
        *terminals,
        ("YAML", YAML_BLOCK),
        ("DIRECTIVE", DIRECTIVE),
        ("COMMENT", re.compile(r"[\t ]*%%[^\n\r]*")),
        *comments,
    )
    hidden = frozenset({"WHITESPACE", "YAML", "DIRECTIVE", "COMMENT"} | {name for name, _ in comments})
    return tokens, hidden


def _parse_rules(
    text: str,
    tokens: tuple[TokenTypes, frozenset[str]],
    longer: dict[str, tuple[str, ...]],
    header: str,
    rule: Callable[[TokenStream], None],
    rule_start: str,
) -> None:
    types, hidden = tokens
    lexed, errors = lex(text + "\n", types, hidden, longer)
    raise_lexer_errors(errors)
    stream = TokenStream(lexed)
    stream.take(header)
    while stream.at("TITLE", "ACC_TITLE", "ACC_DESCR"):
        stream.take("TITLE", "ACC_TITLE", "ACC_DESCR")
    while stream.at(rule_start):
        rule(stream)
    if not stream.at(EOF):
        raise fail_at(stream.current, "a rule name or the end of the diagram")


def _separated(
    stream: TokenStream, item: Callable[[TokenStream, int], None], separator: str, depth: int
) -> None:
    """``item (separator item)*``."""
    item(stream, depth)
    while stream.at(separator):
        stream.take(separator)
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
        raise fail_at(stream.current, "less deeply nested brackets")


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
    stream.take("EBNF_ID")
    stream.take("=", "::=")
    _choice(stream, 0)
    stream.take(";")


def _choice(stream: TokenStream, depth: int) -> None:
    _separated(stream, _sequence, "|", depth)


def _sequence(stream: TokenStream, depth: int) -> None:
    _term(stream, depth)
    while True:
        if stream.at(","):
            stream.take(",")
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
        if stream.take("?", "*", "+", "-").kind == "-":
            _primary(stream, depth)


def _primary(stream: TokenStream, depth: int) -> None:
    _check_depth(stream, depth)
    if stream.at("(", "[", "{"):
        opener = stream.take("(", "[", "{").kind
        _choice(stream, depth + 1)
        stream.take(_CLOSERS[opener])
        return
    stream.take("EBNF_STRING", "EBNF_SPECIAL", "EBNF_ID", "(", "[", "{")


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
    stream.take("RR_ID")
    stream.take("=")
    _railroad_expression(stream, 0)
    stream.take(";")


def _railroad_expression(stream: TokenStream, depth: int) -> None:
    _check_depth(stream, depth)
    word = stream.take(*_EXPRESSION_WORDS).kind
    stream.take("(")
    if word in ("terminal", "nonterminal", "special"):
        stream.take("RR_STRING")
    else:
        _railroad_expression(stream, depth + 1)
        while word in ("sequence", "choice") and stream.at(","):
            stream.take(",")
            _railroad_expression(stream, depth + 1)
    stream.take(")")


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
    stream.take("ABNF_RULENAME")
    stream.take("=")
    _abnf_alternation(stream, 0)
    stream.take(";")


def _abnf_alternation(stream: TokenStream, depth: int) -> None:
    _separated(stream, _abnf_concatenation, "/", depth)


def _abnf_concatenation(stream: TokenStream, depth: int) -> None:
    _one_or_more(stream, _abnf_element, ("ABNF_REPEAT", "ABNF_EXACT_REPEAT", *_ABNF_PRIMARY), depth)


def _abnf_element(stream: TokenStream, depth: int) -> None:
    _check_depth(stream, depth)
    if stream.at("ABNF_REPEAT", "ABNF_EXACT_REPEAT"):
        stream.take("ABNF_REPEAT", "ABNF_EXACT_REPEAT")
    opener = stream.take(*_ABNF_PRIMARY).kind
    if opener in ("(", "["):
        _abnf_alternation(stream, depth + 1)
        stream.take(")" if opener == "(" else "]")


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
    stream.take("PEG_ID")
    stream.take("<-")
    _peg_choice(stream, 0)
    stream.take(";")


def _peg_choice(stream: TokenStream, depth: int) -> None:
    _separated(stream, _peg_sequence, "/", depth)


def _peg_sequence(stream: TokenStream, depth: int) -> None:
    _one_or_more(stream, _peg_prefix, ("&", "!", *_PEG_PRIMARY), depth)


def _peg_prefix(stream: TokenStream, depth: int) -> None:
    _check_depth(stream, depth)
    if stream.at("&", "!"):
        stream.take("&", "!")
    opener = stream.take(*_PEG_PRIMARY).kind
    if opener == "(":
        _peg_choice(stream, depth + 1)
        stream.take(")")
    if stream.at("?", "*", "+"):
        stream.take("?", "*", "+")
