"""The ``info`` diagram, modelled on mermaid's Langium grammar packages/parser/src/language/info/info.langium::

Info: NEWLINE* "info" NEWLINE* ("showInfo" NEWLINE*)? TitleAndAccessibilities?
"""

from __future__ import annotations

from doclint.mermaid.diagrams._langium import (
    COMMON,
    COMMON_HIDDEN,
    EOF,
    TokenStream,
    grammar_lexer,
    open_stream,
    title_and_accessibility_rules,
)

_LEXER = grammar_lexer(
    ["info", "showInfo"],
    [COMMON["NEWLINE"], *title_and_accessibility_rules(), *COMMON_HIDDEN[1:]],
    restricted=("info", "showInfo"),
)


def parse(text: str) -> None:
    stream = open_stream(_LEXER, text)
    stream.skip("NEWLINE")
    stream.expect("info")
    stream.skip("NEWLINE")
    if stream.at("showInfo"):
        stream.expect("showInfo")
        stream.skip("NEWLINE")
    parse_title_and_accessibilities(stream)
    if not stream.at(EOF):
        raise stream.error("the end of the diagram")


def parse_title_and_accessibilities(stream: TokenStream) -> None:
    """common.langium's ``((accDescr | accTitle | title) EOL)*``, EOL being NEWLINE+ or the end."""
    while stream.at("ACC_DESCR", "ACC_TITLE", "TITLE"):
        stream.expect("ACC_DESCR", "ACC_TITLE", "TITLE")
        if not stream.at(EOF):
            stream.expect("NEWLINE")
            stream.skip("NEWLINE")
