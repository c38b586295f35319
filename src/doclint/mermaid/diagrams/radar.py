"""Radar charts (``radar-beta``), modelled on mermaid's Langium grammar ``radar.langium`` and radar ``db.ts``.

    Radar: NEWLINE* ("radar-beta" | "radar-beta:" | "radar-beta" ":") NEWLINE*
           (TitleAndAccessibilities | "axis" Axis ("," Axis)* | "curve" Curve ("," Curve)*
            | Option ("," Option)* | NEWLINE)*
    Axis: ID ("[" STRING "]")?
    Curve: ID ("[" STRING "]")? "{" Entries "}"
    Entries: NEWLINE* Entry ("," NEWLINE* Entry)* NEWLINE*   -- all NUMBER, or all `axisId :? NUMBER`
    Option: "showLegend" BOOLEAN | ("ticks" | "max" | "min") NUMBER | "graticule" ("circle" | "polygon")

Statements need no line break between them. The database rejects curves whose entries name axes when
no axis is declared, or that miss a declared axis.
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
    raise_at,
    terminal,
)

_OPTION_VALUE = {
    "showLegend": "BOOLEAN",
    "ticks": "NUMBER",
    "max": "NUMBER",
    "min": "NUMBER",
    "graticule": "GRATICULE",
}

_WORD_KEYWORD_ALT = ("ID",)  # an identifier that merely starts with a keyword stays an identifier
_LEXER = Lexer(
    [
        keyword("radar-beta:", longer_alt=_WORD_KEYWORD_ALT),
        keyword("radar-beta", restricted=True, longer_alt=_WORD_KEYWORD_ALT),
        keyword("showLegend", longer_alt=_WORD_KEYWORD_ALT),
        keyword("graticule", longer_alt=_WORD_KEYWORD_ALT),
        keyword("curve", longer_alt=_WORD_KEYWORD_ALT),
        keyword("ticks", longer_alt=_WORD_KEYWORD_ALT),
        keyword("axis", longer_alt=_WORD_KEYWORD_ALT),
        keyword("max", longer_alt=_WORD_KEYWORD_ALT),
        keyword("min", longer_alt=_WORD_KEYWORD_ALT),
        keyword(":"),
        keyword(","),
        keyword("["),
        keyword("]"),
        keyword("{"),
        keyword("}"),
        terminal("GRATICULE", "circle|polygon"),
        *common("BOOLEAN", "ACC_DESCR", "ACC_TITLE", "TITLE", "NUMBER", "STRING", "ID", "NEWLINE"),
        *COMMON_HIDDEN,
    ]
)


class _Curve:
    def __init__(self, token: Token, axis_refs: list[str] | None) -> None:
        self.token = token
        self.axis_refs = axis_refs  # None when the entries are plain numbers


def parse(text: str) -> None:
    stream = open_stream(_LEXER, text)
    stream.skip_newlines()
    if stream.accept("radar-beta"):
        stream.accept(":")
    elif not stream.accept("radar-beta:"):
        stream.fail("expected `radar-beta`")
    axes: list[str] = []
    curves: list[_Curve] = []

    def axis_statement(stream: TokenStream) -> None:
        stream.advance()
        axes.extend(_comma_list(stream, _axis))

    def curve_statement(stream: TokenStream) -> None:
        stream.advance()
        curves.extend(_comma_list(stream, _curve))

    statements = {"axis": axis_statement, "curve": curve_statement}
    statements.update(dict.fromkeys(_OPTION_VALUE, lambda s: _comma_list(s, _option)))
    parse_body(stream, statements, "`axis`, `curve`, an option or a title")
    _check_curves(axes, curves)


def _comma_list(stream: TokenStream, item):  # type: ignore[no-untyped-def]
    items = [item(stream)]
    while stream.accept(","):
        items.append(item(stream))
    return items


def _label(stream: TokenStream) -> None:
    if stream.accept("["):
        stream.expect("STRING", what="a quoted label")
        stream.expect("]", what="`]`")


def _axis(stream: TokenStream) -> str:
    name = stream.expect("ID", what="an axis name").text
    _label(stream)
    return name


def _curve(stream: TokenStream) -> _Curve:
    token = stream.expect("ID", what="a curve name")
    _label(stream)
    stream.expect("{", what="`{` to open the curve's values")
    first = _first_entry_kind(stream)
    if first not in ("NUMBER", "ID"):
        # Langium cannot choose between plain and axis-named entries: it reports the token after `{`
        stream.fail("expected the curve's values (`1, 2` or `axis: 1`)", stream.peek())
    detailed = first == "ID"
    refs: list[str] = []
    while True:
        stream.skip_newlines()
        if detailed:
            refs.append(stream.expect("ID", what="an axis name").text)
            stream.accept(":")
        stream.expect("NUMBER", what="a number")
        if not stream.accept(","):
            break
    stream.skip_newlines()
    stream.expect("}", what="`,` or `}`")
    return _Curve(token, refs if detailed else None)


def _first_entry_kind(stream: TokenStream) -> str:
    offset = 0
    while stream.kind(offset) == "NEWLINE":
        offset += 1
    return stream.kind(offset)


def _option(stream: TokenStream) -> None:
    name = stream.advance()
    stream.expect(_OPTION_VALUE[name.kind], what=f"a value for `{name.kind}`")


def _check_curves(axes: list[str], curves: list[_Curve]) -> None:
    """radar db ``computeCurveEntries``: entries naming axes must cover every declared axis."""
    for curve in curves:
        if curve.axis_refs is None:
            continue
        if not axes:
            raise_at(curve.token, f"curve `{curve.token.text}` names axes, but no axis is declared")
        for axis in axes:
            if axis not in curve.axis_refs:
                raise_at(curve.token, f"curve `{curve.token.text}` has no value for axis `{axis}`")
