"""Venn diagrams (``venn-beta``), modelled on mermaid's jison grammar ``venn.jison`` and its database.

    start: NEWLINE* VENN (NEWLINE | statement)* EOF
    statement: TITLE | SET identifier label? (":" NUMERIC)? | UNION identifiers label? (":" NUMERIC)?
             | TEXT identifiers (IDENTIFIER label? | STRING label? | NUMERIC)
             | INDENT_TEXT (IDENTIFIER label? | STRING label? | NUMERIC)
             | STYLE identifiers field ("," field)*        -- field: IDENTIFIER ":" (STRING | value+)
    identifiers: identifier ("," identifier)*;   identifier: IDENTIFIER | STRING

An indented ``text`` line right after a ``set``/``union`` line is an INDENT_TEXT (the lexer asks the
parser's state). The actions reject a ``union`` of fewer than two sets or of sets not declared before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from doclint.mermaid.diagrams._jison.lex import END, WORD_END, JisonLexer, Rule, TokenStream, comment_rules
from doclint.mermaid.model import MermaidSyntaxError


@dataclass
class _State:
    """What venn's lexer and actions share (jison's ``yy``)."""

    indent_mode: bool = False
    consume_indent_text: bool = False
    known_sets: set[str] = field(default_factory=set)


def _indented_text(_text: str, stack: list[str], state: _State) -> str | None:
    if not state.indent_mode:
        return None
    state.consume_indent_text = True
    stack.append("INITIAL")
    return "INDENT_TEXT"


def _line_start(_text: str, stack: list[str], state: _State) -> None:
    # mermaid un-reads the character; here the rule only looks ahead
    state.indent_mode = False
    stack.append("INITIAL")


def _newline(_text: str, stack: list[str], _state: _State) -> str:
    stack.append("bol")
    return "NEWLINE"


def _text_keyword(_text: str, _stack: list[str], state: _State) -> str | None:
    if state.consume_indent_text:
        state.consume_indent_text = False
        return None
    return "TEXT"


_BOL = ("bol",)
_LEXER = JisonLexer(
    [
        *comment_rules(),
        Rule(r"[ \t]+(?=[\n\r])", states=_BOL),
        Rule(r"[ \t]+(?=text" + WORD_END + ")", states=_BOL, action=_indented_text),
        Rule(r"[ \t]+", states=_BOL),
        Rule(r"(?=[^ \t\n\r])", states=_BOL, action=_line_start),
        Rule(r"[\n\r]+", action=_newline),
        Rule(r"%%[^\n]*"),
        Rule(r"[ \t]+"),
        Rule("$", "EOF"),
        Rule(r"title\s[^#\n;]+", "TITLE"),
        Rule("venn-beta" + WORD_END, "VENN"),
        Rule("set" + WORD_END, "SET"),
        Rule("union" + WORD_END, "UNION"),
        Rule("text" + WORD_END, action=_text_keyword),
        Rule("style" + WORD_END, "STYLE"),
        Rule(r'\["[^"]*"\]', "BRACKET_LABEL"),
        Rule(r'\[[^\]"]+\]', "BRACKET_LABEL"),
        Rule(r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)", "NUMERIC"),
        Rule("#[0-9a-fA-F]{3,8}", "HEXCOLOR"),
        Rule(r"rgba\(\s*[0-9.]+\s*,\s*[0-9.]+\s*,\s*[0-9.]+\s*,\s*[0-9.]+\s*\)", "RGBACOLOR"),
        Rule(r"rgb\(\s*[0-9.]+\s*,\s*[0-9.]+\s*,\s*[0-9.]+\s*\)", "RGBCOLOR"),
        Rule(r"[A-Za-z_][A-Za-z0-9\-_]*", "IDENTIFIER"),
        Rule(r'"[^"]*"', "STRING"),
        Rule(",", "COMMA"),
        Rule(":", "COLON"),
    ],
    ignore_case=True,
)

_IDENTIFIER = ("IDENTIFIER", "STRING")
_VALUE = ("IDENTIFIER", "NUMERIC", "HEXCOLOR", "RGBCOLOR", "RGBACOLOR")
_STATEMENT_START = ("TITLE", "SET", "UNION", "TEXT", "INDENT_TEXT", "STYLE")
_FOLLOW = (*_STATEMENT_START, "NEWLINE", "EOF")


def parse(text: str) -> None:
    text += "\n"  # Diagram.fromText appends a newline before calling the parser
    state = _State()
    cursor = TokenStream(_LEXER.tokens(text, state))
    while cursor.accept("NEWLINE"):
        pass
    cursor.expect("VENN", what="`venn-beta`")
    while cursor.kind() != "EOF":
        if cursor.accept("NEWLINE"):
            continue
        if cursor.kind() not in _STATEMENT_START:
            cursor.fail("expected `set`, `union`, `text`, `style` or `title`")
        _statement(cursor, state)
    cursor.advance()
    if cursor.kind() != END:
        cursor.fail("expected the end of the diagram")


def _statement(cursor: TokenStream, state: _State) -> None:
    keyword = cursor.advance()
    if keyword.kind in ("SET", "UNION"):
        names = [_normalize(cursor.expect(_IDENTIFIER, what="a set name").text)]
        while keyword.kind == "UNION" and cursor.accept("COMMA"):
            names.append(_normalize(cursor.expect(_IDENTIFIER, what="a set name").text))
        cursor.accept("BRACKET_LABEL")
        if cursor.accept("COLON"):
            cursor.expect("NUMERIC", what="a size")
        if cursor.kind() not in _FOLLOW:
            cursor.fail("expected a new line")  # jison runs the action only once a valid token follows
        _check_sets(keyword.kind, names, state, keyword.line)
        state.indent_mode = True
    elif keyword.kind in ("TEXT", "INDENT_TEXT"):
        if keyword.kind == "TEXT":
            _identifiers(cursor)
        label = cursor.expect(("IDENTIFIER", "STRING", "NUMERIC"), what="the text to show")
        if label.kind != "NUMERIC":
            cursor.accept("BRACKET_LABEL")
    elif keyword.kind == "STYLE":
        _identifiers(cursor)
        _style_field(cursor)
        while cursor.accept("COMMA"):
            _style_field(cursor)


def _identifiers(cursor: TokenStream) -> None:
    cursor.expect(_IDENTIFIER, what="a set name")
    while cursor.accept("COMMA"):
        cursor.expect(_IDENTIFIER, what="a set name")


def _style_field(cursor: TokenStream) -> None:
    cursor.expect("IDENTIFIER", what="a style property")
    cursor.expect("COLON", what="`:` after the style property")
    if cursor.accept("STRING"):
        return
    cursor.expect(_VALUE, what="a style value")
    while cursor.accept(*_VALUE):
        pass


def _normalize(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name.startswith('"') and name.endswith('"'):
        return name[1:-1]
    return name


def _check_sets(kind: str, names: list[str], state: _State, line: int) -> None:
    """The union actions: two or more sets, all declared by earlier ``set`` lines."""
    if kind == "SET":
        state.known_sets.add(names[0])
        return
    if len(names) < 2:
        raise MermaidSyntaxError("`union` needs at least two sets", line)
    unknown = [name for name in names if name not in state.known_sets]
    if unknown:
        raise MermaidSyntaxError(f"`union` names undeclared sets: {', '.join(unknown)}", line)
