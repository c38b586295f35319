"""The ``info`` diagram, modelled on mermaid's Langium grammar packages/parser/src/language/info/info.langium::

Info: NEWLINE* "info" NEWLINE* ("showInfo" NEWLINE*)? TitleAndAccessibilities?
"""

from __future__ import annotations

from doclint.mermaid.diagrams._common import (
    ACC_DESCR,
    ACC_TITLE,
    EOF,
    HIDDEN_COMMON,
    NEWLINE,
    TITLE,
    TokenStream,
    fail_at,
    keyword,
    lex,
    raise_lexer_errors,
)

_TOKENS = (
    HIDDEN_COMMON[0],
    ("NEWLINE", NEWLINE),
    ("showInfo", keyword("showInfo")),
    ("info", keyword("info")),
    ("ACC_DESCR", ACC_DESCR),
    ("ACC_TITLE", ACC_TITLE),
    ("TITLE", TITLE),
    *HIDDEN_COMMON[1:],
)
_HIDDEN = frozenset(name for name, _ in HIDDEN_COMMON)


def parse(text: str) -> None:
    tokens, errors = lex(text + "\n", _TOKENS, _HIDDEN)
    raise_lexer_errors(errors)
    stream = TokenStream(tokens)
    stream.skip("NEWLINE")
    stream.take("info")
    stream.skip("NEWLINE")
    if stream.at("showInfo"):
        stream.take("showInfo")
        stream.skip("NEWLINE")
    parse_title_and_accessibilities(stream)
    if not stream.at(EOF):
        raise fail_at(stream.current, "the end of the diagram")


def parse_title_and_accessibilities(stream: TokenStream) -> None:
    """common.langium's ``((accDescr | accTitle | title) EOL)*``, EOL being NEWLINE+ or the end."""
    while stream.at("ACC_DESCR", "ACC_TITLE", "TITLE"):
        stream.take("ACC_DESCR", "ACC_TITLE", "TITLE")
        if not stream.at(EOF):
            stream.take("NEWLINE")
            stream.skip("NEWLINE")
