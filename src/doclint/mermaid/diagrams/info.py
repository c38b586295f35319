"""The ``info`` diagram, modelled on mermaid's Langium grammar packages/parser/src/language/info/info.langium::

Info: NEWLINE* "info" NEWLINE* ("showInfo" NEWLINE*)? TitleAndAccessibilities?
"""

from __future__ import annotations

from doclint.mermaid.diagrams._common import (
    ACCESSIBILITY_TERMINALS,
    EOF,
    HIDDEN_NAMES,
    TokenStream,
    fail_at,
    keyword,
    langium_tokens,
    lex,
    raise_lexer_errors,
)

_TOKENS = langium_tokens(
    (("showInfo", keyword("showInfo")), ("info", keyword("info"))), ACCESSIBILITY_TERMINALS
)


def parse(text: str) -> None:
    tokens, errors = lex(text + "\n", _TOKENS, HIDDEN_NAMES)
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
