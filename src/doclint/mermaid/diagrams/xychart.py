"""XY charts, modelled on mermaid's jison grammar ``xychart.jison``.

    start: (eol | XYCHART CHART_ORIENTATION?)* statement*
    statement: (title text | X_AXIS (text | text? xAxisData) | Y_AXIS (text | text? yAxisData)
               | (LINE | BAR) text? plotData | accTitle/accDescr forms) eol*
    xAxisData: "[" text ("," text)* "]" | NUMBER "-->" NUMBER;   yAxisData: NUMBER "-->" NUMBER
    plotData: "[" NUMBER ("," NUMBER)* "]"
    text: alphaNumToken+ | STR;   eol: NEWLINE | ";" | EOF

The lexer's states matter: ``x-axis``/``y-axis`` and ``line``/``bar`` switch to states where numbers are
read as NUMBER_WITH_DECIMAL until the end of the line; statements need no separator between them.
"""

from __future__ import annotations

from doclint.mermaid.diagrams._jison.lex import (
    ACCESSIBILITY_STATES,
    END,
    WORD_END,
    JisonLexer,
    Rule,
    TokenStream,
    accessibility_rules,
    comment_rules,
    punctuation_rules,
)

_AXIS = ("axis_data",)
_NUMBERS = ("axis_data", "data_inner")
_LEXER = JisonLexer(
    [
        *comment_rules(),
        Rule(r"\r?\n", "NEWLINE", states=_AXIS, pop=True),
        Rule(r"\r?\n", "NEWLINE", states=("data",), pop=True),
        Rule(r"[\n\r]+", "NEWLINE"),
        Rule(r"%%[^\n]*"),
        Rule("title" + WORD_END, "title"),
        *accessibility_rules(),
        Rule("xychart-beta" + WORD_END, "XYCHART"),
        Rule("xychart" + WORD_END, "XYCHART"),
        Rule("vertical|horizontal", "CHART_ORIENTATION"),
        Rule("x-axis" + WORD_END, "X_AXIS", push="axis_data"),
        Rule("y-axis" + WORD_END, "Y_AXIS", push="axis_data"),
        Rule(r"\[", "[", states=_AXIS, push="axis_band_data"),
        Rule("-->", "ARROW_DELIMITER", states=_AXIS),
        Rule("line" + WORD_END, "LINE", push="data"),
        Rule("bar" + WORD_END, "BAR", push="data"),
        Rule(r"\[", "[", states=("data",), push="data_inner"),
        Rule(r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)", "NUMBER", states=_NUMBERS),
        Rule(r"\]", "]", states=("data_inner", "axis_band_data"), pop=True),
        # (mermaid's markdown-string rule is malformed and never matches, so a backtick is an error)
        Rule('"', push="string"),
        Rule('"', states=("string",), pop=True),
        Rule('[^"]*', "STR", states=("string",)),
        Rule(r"\[", "["),
        Rule(r"\]", "]"),
        Rule("[A-Za-z]+", "ALPHA"),
        *punctuation_rules(),
        Rule(r"\s+"),
        Rule(";", "SEMI"),
        Rule("$", "EOF"),
    ],
    exclusive=ACCESSIBILITY_STATES | {"string", "md_string", "title"},
    ignore_case=True,
)

_ALPHA_NUM = frozenset(
    {"AMP", "NUM", "ALPHA", "PLUS", "EQUALS", "MULT", "DOT", "BRKT", "MINUS", "UNDERSCORE"}
)
_EOL = ("NEWLINE", "SEMI", "EOF")
_TEXT_START = _ALPHA_NUM | {"STR"}
_STATEMENT_START = frozenset(
    {"title", "X_AXIS", "Y_AXIS", "LINE", "BAR", "acc_title", "acc_descr", "acc_descr_multiline_value"}
)


def parse(text: str) -> None:
    text += "\n"  # Diagram.fromText appends a newline before calling the parser
    cursor = TokenStream(_LEXER.tokens(text))
    while cursor.kind() in _EOL or cursor.kind() == "XYCHART":
        if cursor.advance().kind == "XYCHART":
            cursor.accept("CHART_ORIENTATION")
    while cursor.kind() != END:
        _statement(cursor)
        while cursor.accept(*_EOL):
            pass


def _statement(cursor: TokenStream) -> None:
    kind = cursor.kind()
    if kind not in _STATEMENT_START:
        cursor.fail("expected `title`, `x-axis`, `y-axis`, `line`, `bar` or an accessibility statement")
    cursor.advance()
    if kind == "title":
        _text(cursor, "a title")
    elif kind in ("X_AXIS", "Y_AXIS"):
        _axis(cursor, allow_bands=kind == "X_AXIS")
    elif kind in ("LINE", "BAR"):
        if cursor.kind() in _TEXT_START:
            _text(cursor, "a series name")
        _plot_data(cursor)
    elif kind == "acc_title":
        cursor.expect("acc_title_value", what="an accessible title")
    elif kind == "acc_descr":
        cursor.expect("acc_descr_value", what="an accessible description")


def _text(cursor: TokenStream, what: str) -> None:
    if cursor.accept("STR"):
        return
    cursor.expect(tuple(_ALPHA_NUM), what=what)
    while cursor.accept(*_ALPHA_NUM):
        pass


def _axis(cursor: TokenStream, *, allow_bands: bool) -> None:
    if cursor.kind() in _TEXT_START:
        _text(cursor, "an axis title")
        if cursor.kind() not in ("NUMBER", "["):
            return
    if cursor.kind() == "[" and allow_bands:
        cursor.advance()
        _text(cursor, "a category")
        while cursor.accept("COMMA"):
            _text(cursor, "a category")
        cursor.expect("]", what="`,` or `]`")
        return
    cursor.expect(
        "NUMBER", what="an axis title, `[categories]` or `min --> max`" if allow_bands else "`min --> max`"
    )
    cursor.expect("ARROW_DELIMITER", what="`-->`")
    cursor.expect("NUMBER", what="the axis maximum")


def _plot_data(cursor: TokenStream) -> None:
    cursor.expect("[", what="`[` to open the data")
    cursor.expect("NUMBER", what="a number")
    while cursor.accept("COMMA"):
        cursor.expect("NUMBER", what="a number")
    cursor.expect("]", what="`,` or `]`")
