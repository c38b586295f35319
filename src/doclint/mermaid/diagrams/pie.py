"""Pie charts, modelled on mermaid's Langium grammar ``pie.langium`` and ``pieDb.addSection``.

    Pie: NEWLINE* "pie" "showData"? (TitleAndAccessibilities | PieSection | NEWLINE)*
    PieSection: STRING ":" NUMBER_PIE EOL

The database then rejects negative slice values.
"""

from __future__ import annotations

from doclint.mermaid.diagrams._langium import (
    COMMON_HIDDEN,
    Lexer,
    Token,
    TokenStream,
    common,
    keyword,
    open_stream,
    parse_body,
    terminal,
)
from doclint.mermaid.model import MermaidSyntaxError

_LEXER = Lexer(
    [
        keyword("showData", restricted=True),
        keyword("pie", restricted=True),
        keyword(":"),
        terminal("NUMBER_PIE", r"-?[0-9]+\.[0-9]+(?!\.)|-?(?:0|[1-9][0-9]*)(?!\.)"),
        *common("ACC_DESCR", "ACC_TITLE", "TITLE", "STRING", "NEWLINE"),
        *COMMON_HIDDEN,
    ]
)


def parse(text: str) -> None:
    stream = open_stream(_LEXER, text)
    stream.skip_newlines()
    stream.expect("pie", what="`pie`")
    stream.accept("showData")
    values: list[Token] = []
    parse_body(
        stream, {"STRING": lambda s: values.append(_section(s))}, 'a slice (`"label" : value`) or a title'
    )
    # pieDb.addSection runs once the whole text has parsed
    for value in values:
        if float(value.text) < 0:
            raise MermaidSyntaxError(
                f"slice value {value.text} is negative: pie slices must be >= 0", value.line
            )


def _section(stream: TokenStream) -> Token:
    stream.advance()  # the label
    stream.expect(":", what="`:` after the slice label")
    value = stream.expect("NUMBER_PIE", what="a number")
    stream.end_of_line()
    return value
