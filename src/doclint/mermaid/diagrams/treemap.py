"""Treemaps, modelled on mermaid's Langium grammar ``treemap.langium``.

    Treemap: TREEMAP_KEYWORD (TitleAndAccessibilities | TreemapRow)*
    TreemapRow: INDENTATION? (Item | CLASS_DEF)
    Item: Leaf | Section
    Leaf: STRING2 INDENTATION? (":" | ",") INDENTATION? NUMBER2 (":::" ID2)?
    Section: STRING2 (":::" ID2)?

Line breaks are hidden tokens here, but blanks are not: every run of spaces or tabs is an INDENTATION
token, so trailing blanks start a row that then has no item. The validator that forbids several roots
is not run by mermaid's parse, so several roots are accepted.
"""

from __future__ import annotations

from doclint.mermaid.diagrams._langium import (
    EOF,
    TITLE_AND_ACCESSIBILITY,
    Lexer,
    TokenStream,
    common,
    open_stream,
    terminal,
)

_LEXER = Lexer(
    [
        *common("ACC_DESCR", "ACC_TITLE", "TITLE"),
        terminal("TREEMAP_KEYWORD", "treemap-beta|treemap"),
        terminal("CLASS_DEF", r"classDef\s+[a-zA-Z_][a-zA-Z0-9_]+(?:\s+[^;\r\n]*)?;?"),
        terminal(":::", ":::"),
        terminal(":", ":"),
        terminal(",", ","),
        terminal("INDENTATION", r"[ \t]+"),
        terminal("COMMENT", r"%%[^\n]*", skip=True),
        terminal("NL", r"\r?\n", skip=True),
        terminal("ID2", r"[a-zA-Z_][a-zA-Z0-9_]*"),
        terminal("NUMBER2", r"[0-9_.,]+"),
        terminal("STRING2", "\"[^\"]*\"|'[^']*'"),
    ]
)


def parse(text: str) -> None:
    stream = open_stream(_LEXER, text)
    stream.expect("TREEMAP_KEYWORD", what="`treemap`")
    while stream.kind() != EOF:
        if stream.accept(*TITLE_AND_ACCESSIBILITY):
            continue
        if stream.kind() not in ("INDENTATION", "STRING2", "CLASS_DEF"):
            stream.fail('expected a node (`"name"` or `"name": value`) or `classDef`')
        _row(stream)


def _row(stream: TokenStream) -> None:
    stream.accept("INDENTATION")
    if stream.accept("CLASS_DEF"):
        return
    stream.expect("STRING2", what="a quoted node name or `classDef`")
    if _is_leaf(stream):
        stream.accept("INDENTATION")
        stream.advance()  # ":" or ","
        stream.accept("INDENTATION")
        stream.expect("NUMBER2", what="a number")
    if stream.accept(":::"):
        stream.expect("ID2", what="a class name after `:::`")


def _is_leaf(stream: TokenStream) -> bool:
    """A leaf has a value after `:` or `,`; the separator may follow one blank run."""
    offset = 1 if stream.kind() == "INDENTATION" else 0
    return stream.kind(offset) in (":", ",")
