"""Quadrant charts, modelled on mermaid's jison grammar ``quadrant.jison`` and ``quadrantDb.parseStyles``.

    start: (eol | SPACE)* QUADRANT line*;   line: SPACE* statement? eol
    statement: X-AXIS text ("-->" text?)? | Y-AXIS text ("-->" text?)? | QUADRANT_n text
             | text (":::" class)? ": [" x "," y "]" styles? | classDef SPACE idString SPACE styles
             | title title_value | accTitle/accDescr forms
    text: (alphaNumToken | STR | MD_STR) (alphaNumToken | SPACE | MINUS)*

Point coordinates are lexed in their own states (only ``1`` or ``0.xxx``). Styles such as
``radius: 10, color: #ff0000`` are checked by the database: unknown names and bad values throw.
"""

from __future__ import annotations

import re

from doclint.mermaid.diagrams._jison.lex import (
    ACCESSIBILITY_STATES,
    END,
    WORD_END,
    JisonLexer,
    Rule,
    Token,
    TokenStream,
    accessibility_rules,
    comment_rules,
    punctuation_rules,
)
from doclint.mermaid.model import MermaidSyntaxError

_COORDINATE = "(1)|(0(.\\d+)?)"
_LEXER = JisonLexer(
    [
        *comment_rules(),
        Rule(r"[\n\r]+", "NEWLINE"),
        Rule(r"%%[^\n]*"),
        Rule("title" + WORD_END, "title", push="title"),
        Rule(r"[^\n]*", "title_value", states=("title",), pop=True),
        *accessibility_rules(),
        Rule(" *x-axis *", "X-AXIS"),
        Rule(" *y-axis *", "Y-AXIS"),
        Rule(" *--+> *", "AXIS-TEXT-DELIMITER"),
        Rule(" *quadrant-1 *", "QUADRANT_1"),
        Rule(" *quadrant-2 *", "QUADRANT_2"),
        Rule(" *quadrant-3 *", "QUADRANT_3"),
        Rule(" *quadrant-4 *", "QUADRANT_4"),
        Rule("classDef" + WORD_END, "CLASSDEF"),
        Rule('"`', push="md_string"),
        Rule('[^`"]+', "MD_STR", states=("md_string",)),
        Rule('`"', states=("md_string",), pop=True),
        Rule('"', push="string"),
        Rule('"', states=("string",), pop=True),
        Rule('[^"]*', "STR", states=("string",)),
        Rule(":::", push="class_name"),
        Rule("[A-Za-z0-9_]+", "class_name", states=("class_name",), pop=True),
        Rule(r"\s*:\s*\[\s*", "point_start", push="point_start"),
        Rule(_COORDINATE, "point_x", states=("point_start",), push="point_x"),
        Rule(r"\s*\] *", states=("point_start",), pop=True),
        Rule(r"\s*,\s*", states=("point_x",), action=lambda _text, stack, _yy: _switch(stack, "point_y")),
        Rule(_COORDINATE, "point_y", states=("point_y",), pop=True),
        Rule(" *quadrantChart *", "QUADRANT"),
        Rule("[A-Za-z]+", "ALPHA"),
        Rule("[^\\x00-\\x7F]+", "UNICODE_TEXT"),
        *punctuation_rules(),
        Rule(r"\s", "SPACE"),
        Rule(";", "SEMI"),
        Rule("[!\"#$%&'*+,\\-.`?\\\\_/]", "PUNCTUATION"),
        Rule("$", "EOF"),
    ],
    exclusive=ACCESSIBILITY_STATES
    | {"string", "md_string", "title", "point_start", "point_x", "point_y", "class_name"},
    ignore_case=True,
)


def _switch(stack: list[str], state: str) -> None:
    stack.pop()
    stack.append(state)


_EOL = ("NEWLINE", "SEMI", "EOF")
_ALPHA_NUM = frozenset(
    {
        "PUNCTUATION",
        "AMP",
        "NUM",
        "ALPHA",
        "COMMA",
        "PLUS",
        "EQUALS",
        "MULT",
        "DOT",
        "BRKT",
        "UNDERSCORE",
        "UNICODE_TEXT",
    }
)
_TEXT_START = _ALPHA_NUM | {"STR", "MD_STR"}
_TEXT_CONTINUE = _ALPHA_NUM | {"SPACE", "MINUS"}
_STYLE_PART = frozenset({"ALPHA", "NUM", "COLON", "SPACE", "BRKT", "MINUS"})
_ID_PART = frozenset({"ALPHA", "NUM", "MINUS", "COMMA", "COLON", "AMP", "BRKT", "MULT", "UNICODE_TEXT"})
_QUADRANTS = ("QUADRANT_1", "QUADRANT_2", "QUADRANT_3", "QUADRANT_4")
_VALUE_OF = {"title": "title_value", "acc_title": "acc_title_value", "acc_descr": "acc_descr_value"}


def parse(text: str) -> None:
    text += "\n"  # Diagram.fromText appends a newline before calling the parser
    cursor = TokenStream(_LEXER.tokens(text))
    while cursor.accept(*_EOL, "SPACE"):
        pass
    cursor.expect("QUADRANT", what="`quadrantChart`")
    while cursor.kind() != END:
        while cursor.accept("SPACE"):
            pass
        styles = _statement(cursor)
        cursor.expect(_EOL, what="end of line")
        _check_styles(styles)  # the database sees the styles once the statement is complete


def _statement(cursor: TokenStream) -> list[tuple[str, Token]]:
    """Parse one statement; return the styles it sets (checked by the caller)."""
    kind = cursor.kind()
    if kind in _EOL:
        return []
    if kind in ("X-AXIS", "Y-AXIS"):
        cursor.advance()
        _text(cursor, "an axis label")
        if cursor.accept("AXIS-TEXT-DELIMITER") and cursor.kind() in _TEXT_START:
            _text(cursor, "an axis label")
    elif kind in _QUADRANTS:
        cursor.advance()
        _text(cursor, "a quadrant label")
    elif kind in _VALUE_OF:
        cursor.advance()
        cursor.expect(_VALUE_OF[kind], what="a value")
    elif kind == "acc_descr_multiline_value":
        cursor.advance()
    elif kind == "CLASSDEF":
        return _class_def(cursor)
    elif kind in _TEXT_START:
        return _point(cursor)
    else:
        cursor.fail("expected a point, an axis, a quadrant label, `classDef` or `title`")
    return []


def _text(cursor: TokenStream, what: str) -> None:
    cursor.expect(tuple(_TEXT_START), what=what)
    while cursor.accept(*_TEXT_CONTINUE):
        pass


def _point(cursor: TokenStream) -> list[tuple[str, Token]]:
    _text(cursor, "a point name")
    cursor.accept("class_name")
    cursor.expect("point_start", what="`: [x, y]` after the point name")
    cursor.expect("point_x", what="an x coordinate between 0 and 1")
    cursor.expect("point_y", what="a y coordinate between 0 and 1")
    return _styles(cursor) if cursor.kind() in _STYLE_PART else []


def _class_def(cursor: TokenStream) -> list[tuple[str, Token]]:
    cursor.advance()
    cursor.expect("SPACE", what="a space after `classDef`")
    cursor.expect(tuple(_ID_PART), what="a class name")
    while cursor.accept(*_ID_PART):
        pass
    cursor.expect("SPACE", what="a space after the class name")
    return _styles(cursor)


def _styles(cursor: TokenStream) -> list[tuple[str, Token]]:
    """``stylesOpt``: comma-separated runs of style tokens, each joined into one string."""
    styles: list[tuple[str, Token]] = []
    while True:
        first = cursor.expect(tuple(_STYLE_PART), what="a style such as `radius: 10`")
        parts = [first.text]
        while cursor.kind() in _STYLE_PART:
            parts.append(cursor.advance().text)
        styles.append(("".join(parts).strip(), first))
        if not cursor.accept("COMMA"):
            return styles


_HEX_COLOUR = re.compile(r"#?(?:[\dA-Fa-f]{6}|[\dA-Fa-f]{3})")
_STYLE_VALUE = {
    "radius": (re.compile(r"\d+"), "a number"),
    "color": (_HEX_COLOUR, "a hex colour"),
    "stroke-color": (_HEX_COLOUR, "a hex colour"),
    "stroke-width": (re.compile(r"\d+px"), "a size in pixels such as 10px"),
}


def _check_styles(styles: list[tuple[str, Token]]) -> None:
    """``quadrantDb.parseStyles``: only radius, color, stroke-color and stroke-width, with valid values."""
    for style, token in styles:
        key, *rest = re.split(r"\s*:\s*", style)
        rule = _STYLE_VALUE.get(key)
        if rule is None:
            raise MermaidSyntaxError(f"style `{key}` is not supported", token.line)
        pattern, expected = rule
        if not rest or pattern.fullmatch(rest[0]) is None:
            raise MermaidSyntaxError(f"style `{style}` is invalid: use {expected}", token.line)
