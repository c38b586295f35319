"""Railroad diagrams written in EBNF (``railroad-ebnf-beta``), modelled on mermaid's Langium grammar
RailroadEbnfGrammar (@mermaid-js/parser)::

    RailroadEbnf: "railroad-ebnf-beta" (TITLE | ACC_TITLE | ACC_DESCR)* EbnfRule*
    EbnfRule: EBNF_ID ("=" | "::=") EbnfChoice ";"
    EbnfChoice: EbnfSequence ("|" EbnfSequence)*
    EbnfSequence: EbnfTerm (","? EbnfTerm)*
    EbnfTerm: EbnfPrimary ("?" | "*" | "+" | "-" EbnfPrimary)*
    EbnfPrimary: EBNF_STRING | EBNF_SPECIAL_SEQUENCE | EBNF_ID | "(" EbnfChoice ")" | "[" EbnfChoice "]"
               | "{" EbnfChoice "}"

Whitespace, line breaks and comments (``%%``, ``/* */``, ``(* *)``) are hidden.
"""

from __future__ import annotations

import re

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

_PUNCTUATION = ("::=", "=", ";", "|", ",", "(", ")", "[", "]", "{", "}", "?", "*", "+", "-")
_TOKENS = (
    ("WHITESPACE", re.compile(r"[\t \r\n]+")),
    ("railroad-ebnf-beta", keyword("railroad-ebnf-beta")),
    *((symbol, re.compile(re.escape(symbol))) for symbol in _PUNCTUATION),
    ("TITLE", re.compile(r"title(?:[\t ][^\n\r]*?(?=%%)|[\t ][^\n\r]*|)")),
    ("ACC_TITLE", re.compile(r"accTitle[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)")),
    (
        "ACC_DESCR",
        re.compile(r"accDescr(?:[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)|" + f"[{JS_SPACE}]*" + r"\{[^}]*\})"),
    ),
    ("EBNF_ID", re.compile(r"[A-Z_a-z][A-Za-z0-9_-]*")),
    ("EBNF_STRING", re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'", re.DOTALL)),
    ("EBNF_SPECIAL", re.compile(rf"\?(?=[^?;]*[^?;{JS_SPACE}][^?;]*\?)[^?;]*\?")),
    ("YAML", YAML_BLOCK),
    ("DIRECTIVE", DIRECTIVE),
    ("COMMENT", re.compile(r"[\t ]*%%[^\n\r]*")),
    ("BLOCK_COMMENT", re.compile(r"/\*[\s\S]*?\*/")),
    ("ISO_COMMENT", re.compile(r"\(\*[\s\S]*?\*\)")),
)
_HIDDEN = frozenset({"WHITESPACE", "YAML", "DIRECTIVE", "COMMENT", "BLOCK_COMMENT", "ISO_COMMENT"})
_LONGER = {"railroad-ebnf-beta": ("EBNF_ID",), "?": ("EBNF_SPECIAL",), "(": ("ISO_COMMENT",), "-": ("YAML",)}
_CLOSERS = {"(": ")", "[": "]", "{": "}"}
_MAX_DEPTH = 100


def parse(text: str) -> None:
    tokens, errors = lex(text + "\n", _TOKENS, _HIDDEN, _LONGER)
    raise_lexer_errors(errors)
    stream = TokenStream(tokens)
    stream.take("railroad-ebnf-beta")
    while stream.at("TITLE", "ACC_TITLE", "ACC_DESCR"):
        stream.take("TITLE", "ACC_TITLE", "ACC_DESCR")
    while stream.at("EBNF_ID"):
        stream.take("EBNF_ID")
        stream.take("=", "::=")
        _choice(stream, 0)
        stream.take(";")
    if not stream.at(EOF):
        raise fail_at(stream.current, "a rule name or the end of the diagram")


def _choice(stream: TokenStream, depth: int) -> None:
    _sequence(stream, depth)
    while stream.at("|"):
        stream.take("|")
        _sequence(stream, depth)


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
    if depth > _MAX_DEPTH:
        raise fail_at(stream.current, "less deeply nested brackets")
    if stream.at("(", "[", "{"):
        opener = stream.take("(", "[", "{").kind
        _choice(stream, depth + 1)
        stream.take(_CLOSERS[opener])
        return
    stream.take("EBNF_STRING", "EBNF_SPECIAL", "EBNF_ID", "(", "[", "{")
