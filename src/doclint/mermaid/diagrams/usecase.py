"""The ``usecase-beta`` diagram, modelled on mermaid 12.3.0's hand-written Chevrotain lexer and parser
(src/diagrams/usecase/parser/usecase.tokens.ts and usecase.parser.ts).

The lexer has three modes (default, a ``json <id> @ {...}`` body, a ``<<stereotype>>``); keywords give way to a
longer identifier; several tokens are recognised by code (markdown strings, ``%%`` comments only at a line
start, accessibility lines only at an indented line start, brace-balanced JSON objects).  The parser is the same
grammar as a recursive descent: statements are actors, system boundaries (``systemBoundary ... end``, holding
only declarations), notes, JSON nodes, classDef/class/style, metadata assignments and entities with an optional
relation (``-->``, ``<--``, ``--``, ``--o``, ``o--``, ``--x``, ``x--``, ``--|>``, ``..> : include``, labelled
forms).  mermaid reports these errors without a line number; ours carry the line for the reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from doclint.mermaid.model import MermaidSyntaxError

Matcher = Callable[[str, int], int]  # returns the end offset of a match at the position, or -1


def _regex(pattern: str, flags: int = 0) -> Matcher:
    compiled = re.compile(pattern, flags)

    def match(text: str, position: int) -> int:
        found = compiled.match(text, position)
        return found.end() if found is not None and found.end() > position else -1

    return match


def _markdown_string(text: str, position: int) -> int:
    if not text.startswith('"`', position):
        return -1
    end = text.find('`"', position + 2)
    return -1 if end == -1 else end + 2


def _at_indented_line_start(text: str, position: int) -> bool:
    index = position - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] in "\n\r"


def _comment(text: str, position: int) -> int:
    if not text.startswith("%%", position) or not _at_indented_line_start(text, position):
        return -1
    end = position + 2
    while end < len(text) and text[end] not in "\n\r":
        end += 1
    return end


_ACC_TITLE = re.compile(r"accTitle[\t ]*:[^\n\r]*")
_ACC_DESCR = re.compile(r"accDescr[\t ]*:[^\n\r]*")
_ACC_DESCR_BLOCK = re.compile(r"accDescr[\t ]*\{")


def _accessibility(pattern: re.Pattern[str]) -> Matcher:
    def match(text: str, position: int) -> int:
        if not _at_indented_line_start(text, position):
            return -1
        found = pattern.match(text, position)
        return found.end() if found else -1

    return match


def _acc_descr_block(text: str, position: int) -> int:
    if not _at_indented_line_start(text, position):
        return -1
    opening = _ACC_DESCR_BLOCK.match(text, position)
    if not opening:
        return -1
    end = text.find("}", opening.end())
    return -1 if end == -1 else end + 1


def _json_object(text: str, position: int) -> int:
    if not text.startswith("{", position):
        return -1
    depth, quoted, escaped = 0, False, False
    for index in range(position, len(text)):
        character = text[index]
        if quoted:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                quoted = False
        elif character == '"':
            quoted = True
        elif character == "{":
            depth += 1
        elif character == "}":
            depth -= 1
            if depth == 0:
                return index + 1
    return -1


def _stereotype_text(text: str, position: int) -> int:
    end = text.find(">>", position)
    if end == -1 or "\n" in text[position:end] or "\r" in text[position:end] or not text[position:end].strip():
        return -1
    return end


@dataclass(frozen=True)
class _TokenType:
    name: str
    match: Matcher
    word: bool = False  # Chevrotain category WORD (identifiers and keywords)
    label: bool = False  # category LABEL_TEXT
    keyword: bool = False  # gives way to a longer IDENTIFIER
    push: str | None = None
    pop: bool = False
    skip: bool = False


def _keyword(name: str, pattern: str, flags: int = 0) -> _TokenType:
    return _TokenType(name, _regex(pattern, flags), word=True, label=True, keyword=True)


_IDENTIFIER = _TokenType("IDENTIFIER", _regex(r"[A-Za-z0-9_]+"), word=True, label=True)
_NUMBER = _TokenType("NUMBER", _regex(r"(?:[0-9]+\.[0-9]+|[0-9]+|\.[0-9]+)(?:[A-Za-z]+)?"), label=True)

_DEFAULT_MODE = (
    _TokenType("HWS", _regex(r"[\t ]+"), skip=True),
    _TokenType("MARKDOWN_STRING", _markdown_string),
    _TokenType("UNCLOSED_MARKDOWN_STRING", _regex(r'"`[\s\S]*')),
    _TokenType("COMMENT", _comment),
    _TokenType("NEWLINE", _regex(r"\r\n|\n|\r")),
    _TokenType("ACC_DESCR_BLOCK", _acc_descr_block),
    _TokenType("ACC_TITLE_LINE", _accessibility(_ACC_TITLE)),
    _TokenType("ACC_DESCR_LINE", _accessibility(_ACC_DESCR)),
    _TokenType("JSON_DECLARATION_START", _regex(r"json[\t ]+[A-Za-z0-9_]+[\t ]*@[\t ]*(?=\{)"), push="json"),
    _keyword("USECASE", "usecase-beta"),
    _keyword("ACTOR", "actor"),
    _keyword("SYSTEM_BOUNDARY", "systemBoundary"),
    _keyword("END", "end"),
    _keyword("DIRECTION", "direction"),
    _keyword("TD", "TD"),
    _keyword("TB", "TB"),
    _keyword("BT", "BT"),
    _keyword("LR", "LR"),
    _keyword("RL", "RL"),
    _keyword("NOTE", "note"),
    _keyword("FOR", "for"),
    _keyword("JSON", "json"),
    _keyword("CLASS_DEF", "classDef"),
    _keyword("CLASS", "class"),
    _keyword("STYLE", "style"),
    _keyword("INCLUDE", "include", re.IGNORECASE),
    _keyword("EXTEND", "extend", re.IGNORECASE),
    _keyword("TRUE", "true"),
    _keyword("FALSE", "false"),
    _TokenType("GENERALIZATION", _regex(r"--\|>")),
    _TokenType("DEPENDENCY_ARROW", _regex(r"\.\.>")),
    _TokenType("STEREOTYPE_START", _regex("<<"), push="stereotype"),
    _TokenType("CLASS_SEPARATOR", _regex(":::")),
    _TokenType("FORWARD_SOLID", _regex("--+>")),
    _TokenType("BACKWARD_SOLID", _regex("<--+")),
    _TokenType("FORWARD_CIRCLE", _regex("--o")),
    _TokenType("BACKWARD_CIRCLE", _regex("o--")),
    _TokenType("FORWARD_CROSS", _regex("--x")),
    _TokenType("BACKWARD_CROSS", _regex("x--")),
    _TokenType("MARKERLESS_SOLID", _regex("--+")),
    _TokenType("METADATA_START", _regex("@\\{")),
    _TokenType("AT", _regex("@"), label=True),
    _TokenType("LBRACE", _regex("\\{")),
    _TokenType("RBRACE", _regex("\\}")),
    _TokenType("LBRACKET", _regex("\\[")),
    _TokenType("RBRACKET", _regex("\\]")),
    _TokenType("LPAREN", _regex("\\(")),
    _TokenType("RPAREN", _regex("\\)")),
    _TokenType("COMMA", _regex(","), label=True),
    _TokenType("COLON", _regex(":"), label=True),
    _TokenType("HASH_COLOR", _regex("#[0-9A-Fa-f]+"), label=True),
    _TokenType("PLAIN_STRING", _regex("\"[^\n\r\"]*\"|'[^\n\r']*'")),
    _TokenType("CSS_IDENTIFIER", _regex(r"--[A-Z_a-z][A-Za-z0-9_-]*|[A-Z_a-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)+"), label=True),
    _IDENTIFIER,
    _NUMBER,
    _TokenType("CSS_ESCAPED_COMMA", _regex(r"\\,"), label=True),
    _TokenType("DASH", _regex("-"), label=True),
    _TokenType("DOT", _regex("\\."), label=True),
    _TokenType("PERCENT", _regex("%"), label=True),
    _TokenType("CSS_PUNCTUATION", _regex(r"[!#$&*+/=?^_|~]"), label=True),
    _TokenType("LABEL_PUNCTUATION", _regex(r"[;<>\\`]"), label=True),
    _TokenType("LABEL_SYMBOL", _regex(r"[^\t\n\r -~]+"), label=True),
)
_MODES = {
    "default": _DEFAULT_MODE,
    "json": (
        _TokenType("JSON_OBJECT_LITERAL", _json_object, pop=True),
        _TokenType("UNCLOSED_JSON_OBJECT_LITERAL", _regex(r"\{[\s\S]*"), pop=True),
    ),
    "stereotype": (
        _TokenType("STEREOTYPE_END", _regex(">>"), pop=True),
        _TokenType("STEREOTYPE_TEXT", _stereotype_text),
        _TokenType("UNCLOSED_STEREOTYPE_TEXT", _regex(r"[^\n\r]+"), pop=True),
    ),
}
_TYPES = {token_type.name: token_type for mode in _MODES.values() for token_type in mode}


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    line: int

    @property
    def word(self) -> bool:
        return _TYPES[self.kind].word if self.kind in _TYPES else False

    @property
    def label(self) -> bool:
        """Chevrotain LABEL_TEXT category, or a string (the parser's isLabelToken)."""
        return self.kind in _TYPES and _TYPES[self.kind].label

    @property
    def label_or_string(self) -> bool:
        return self.label or self.kind in ("PLAIN_STRING", "MARKDOWN_STRING")


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    modes = ["default"]
    position, line = 0, 1
    while position < len(text):
        chosen, end = _first_match(text, position, _MODES[modes[-1]])
        if chosen is None:
            raise MermaidSyntaxError(
                f"Error lexing usecase diagram: unexpected character `{text[position]}` on line {line}", line
            )
        if not chosen.skip:
            tokens.append(_Token(chosen.name, text[position:end], line))
        if chosen.pop and len(modes) > 1:
            modes.pop()
        if chosen.push:
            modes.append(chosen.push)
        line += text.count("\n", position, end)
        position = end
    tokens.append(_Token("EOF", "", line))
    return tokens


def _first_match(text: str, position: int, mode: tuple[_TokenType, ...]) -> tuple[_TokenType | None, int]:
    for token_type in mode:
        end = token_type.match(text, position)
        if end == -1:
            continue
        if token_type.keyword:
            longer = _IDENTIFIER.match(text, position)
            if longer > end:
                return _IDENTIFIER, longer
        if token_type is _IDENTIFIER:
            longer = _NUMBER.match(text, position)
            if longer > end:
                return _NUMBER, longer
        return token_type, end
    return None, -1


_FORBIDDEN = frozenset({"allowmixing", "newpage", "package", "rectangle", "skinparam"})
_NAME_STARTS = ("IDENTIFIER", "PLAIN_STRING", "MARKDOWN_STRING")
_STYLE_COMPONENTS = frozenset(
    {"PLAIN_STRING", "NUMBER", "HASH_COLOR", "CSS_IDENTIFIER", "CSS_ESCAPED_COMMA", "DASH", "DOT", "PERCENT"}
    | {"CSS_PUNCTUATION", "COLON", "LPAREN", "RPAREN", "LBRACKET", "RBRACKET", "LBRACE", "RBRACE", "AT"}
    | {"MARKERLESS_SOLID"}
)
_DIRECTIONS = ("TD", "TB", "BT", "LR", "RL")


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.index = 0

    # -- cursor
    def la(self, offset: int = 1) -> _Token:
        return self.tokens[min(self.index + offset - 1, len(self.tokens) - 1)]

    def at(self, *kinds: str) -> bool:
        return self.la().kind in kinds

    def take(self, *kinds: str) -> _Token:
        token = self.la()
        if token.kind not in kinds:
            expected = " or ".join(kinds)
            found = token.text.strip() or token.kind
            raise MermaidSyntaxError(
                f"Error parsing usecase diagram: expected {expected} but found `{found}` on line {token.line}",
                token.line,
            )
        self.index += 1
        return token

    def take_word(self) -> _Token:
        if self.la().word:
            self.index += 1
            return self.tokens[self.index - 1]
        return self.take("IDENTIFIER")

    # -- grammar
    def start(self) -> None:
        self.take("USECASE")
        self.line_end()
        while not self.at("EOF"):
            if self.at("NEWLINE"):
                self.take("NEWLINE")
            elif self.at("COMMENT"):
                self.take("COMMENT")
                self.line_end()
            elif self._statement_start():
                self.statement()
            else:
                self.take("EOF")  # "Redundant input, expecting EOF"

    def _statement_start(self) -> bool:
        kind = self.la().kind
        return kind in (
            "ACC_TITLE_LINE", "ACC_DESCR_LINE", "ACC_DESCR_BLOCK", "DIRECTION", "ACTOR", "SYSTEM_BOUNDARY", "NOTE",
            "JSON_DECLARATION_START", "CLASS_DEF", "CLASS", "STYLE",
        ) or kind in _NAME_STARTS

    def line_end(self) -> None:
        if not self.at("EOF"):
            self.take("NEWLINE")

    def statement(self) -> None:
        kind = self.la().kind
        if kind == "ACC_TITLE_LINE" or kind in ("ACC_DESCR_LINE", "ACC_DESCR_BLOCK"):
            self.index += 1
            self.line_end()
        elif kind == "DIRECTION":
            self.take("DIRECTION")
            self.take(*_DIRECTIONS)
            self.line_end()
        elif kind == "ACTOR":
            self.actor_statement()
        elif kind == "SYSTEM_BOUNDARY":
            self.system_boundary()
        elif kind == "NOTE":
            self.take("NOTE")
            self.take("FOR")
            self.take("IDENTIFIER")
            self.node_label()
            self.line_end()
        elif kind == "JSON_DECLARATION_START":
            self.take("JSON_DECLARATION_START")
            self.take("JSON_OBJECT_LITERAL")
            if self.at("CLASS_SEPARATOR"):
                self.class_suffix()
            self.line_end()
        elif kind == "CLASS_DEF":
            self.take("CLASS_DEF")
            self.identifier_list()
            self.styles()
            self.line_end()
        elif kind == "CLASS":
            self.class_statement()
        elif kind == "STYLE":
            self.take("STYLE")
            self.take("IDENTIFIER")
            self.styles()
            self.line_end()
        elif self.la(2).kind == "METADATA_START":
            self.take(*_NAME_STARTS)
            self.metadata()
            self.line_end()
        elif kind == "IDENTIFIER" and self.la().text.lower() in _FORBIDDEN:
            self.take("a statement")
        else:
            self.entity_name()
            if self._relation_start():
                self.relation_tail()
            self.line_end()

    def identifier_list(self) -> None:
        self.take("IDENTIFIER")
        while self.at("COMMA"):
            self.take("COMMA")
            self.take("IDENTIFIER")

    def class_statement(self) -> None:
        self.take("CLASS")
        self.take("IDENTIFIER")
        while self.at("COMMA"):
            self.take("COMMA")
            self.take("IDENTIFIER")
        self.take("IDENTIFIER")
        while self.at("COMMA"):
            self.take("COMMA")
            self.take("IDENTIFIER")
        self.line_end()

    def actor_statement(self) -> None:
        self.take("ACTOR")
        self.actor_item()
        if self.at("COMMA"):
            while self.at("COMMA"):
                self.take("COMMA")
                self.actor_item()
        elif self._relation_start():
            self.relation_tail()
        self.line_end()

    def actor_item(self) -> None:
        if self.at("IDENTIFIER"):
            self.take("IDENTIFIER")
            if self.at("LPAREN"):
                self.take("LPAREN")
                self.node_label()
                self.take("RPAREN")
        else:
            self.take("PLAIN_STRING", "MARKDOWN_STRING")
        self.decorations()

    def decorations(self) -> None:
        if self.at("METADATA_START"):
            self.metadata()
        if self.at("STEREOTYPE_START"):
            self.take("STEREOTYPE_START")
            self.take("STEREOTYPE_TEXT")
            self.take("STEREOTYPE_END")
        if self.at("CLASS_SEPARATOR"):
            self.class_suffix()

    def entity_name(self) -> None:
        if self.at("IDENTIFIER"):
            self.take("IDENTIFIER")
            if self.at("LPAREN"):
                self.take("LPAREN")
                self.node_label()
                self.take("RPAREN")
            elif self.at("LBRACKET"):
                self.take("LBRACKET")
                self.node_label()
                self.take("RBRACKET")
        else:
            self.take(*_NAME_STARTS)
        self.decorations()

    def node_label(self) -> None:
        if self.at("PLAIN_STRING", "MARKDOWN_STRING"):
            self.index += 1
            return
        if not self.la().label:
            self.take("a label")
        while self.la().label:
            self.index += 1

    def _relation_start(self) -> bool:
        if self.at("IDENTIFIER") and self.la(2).kind == "AT":
            return True
        return self.at(
            "DEPENDENCY_ARROW", "GENERALIZATION", "FORWARD_SOLID", "BACKWARD_SOLID", "MARKERLESS_SOLID",
            "FORWARD_CIRCLE", "BACKWARD_CIRCLE", "FORWARD_CROSS", "BACKWARD_CROSS",
        )

    def relation_tail(self) -> None:
        if self.at("IDENTIFIER") and self.la(2).kind == "AT":
            self.take("IDENTIFIER")
            self.take("AT")
        self.arrow()
        self.entity_name()

    def arrow(self) -> None:
        token = self.la()
        kind = token.kind
        if kind == "DEPENDENCY_ARROW":
            self.take("DEPENDENCY_ARROW")
            self.take("COLON")
            self.take("INCLUDE", "EXTEND")
        elif kind in ("GENERALIZATION", "FORWARD_SOLID", "FORWARD_CIRCLE", "FORWARD_CROSS"):
            self.index += 1
        elif kind == "BACKWARD_SOLID":
            self.index += 1
            if token.text == "<--" and self._labelled_right(("MARKERLESS_SOLID",)):
                self.edge_label()
                self.take("MARKERLESS_SOLID")
        elif kind == "MARKERLESS_SOLID":
            self.index += 1
            closers = ("FORWARD_SOLID", "MARKERLESS_SOLID", "FORWARD_CIRCLE", "FORWARD_CROSS")
            if token.text == "--" and self._labelled_right(closers):
                self.edge_label()
                self.take(*closers)
        elif kind in ("BACKWARD_CIRCLE", "BACKWARD_CROSS"):
            self.index += 1
            if self._labelled_right(("MARKERLESS_SOLID",)):
                self.edge_label()
                self.take("MARKERLESS_SOLID")
        else:
            self.take("an arrow")

    def _labelled_right(self, allowed: tuple[str, ...]) -> bool:
        if not self.la(1).label_or_string:
            return False
        offset = 2
        while True:
            token = self.la(offset)
            if token.kind in allowed:
                return True
            if not token.label_or_string or token.kind == "EOF":
                return False
            offset += 1

    def edge_label(self) -> None:
        self.node_label()

    def metadata(self) -> None:
        self.take("METADATA_START")
        self._newlines()
        if self.at("IDENTIFIER", "PLAIN_STRING"):
            self.metadata_property()
            while self._separator_then_property():
                self._separator()
                self.metadata_property()
            if self.at("COMMA"):
                self.take("COMMA")
            self._newlines()
        self.take("RBRACE")

    def _newlines(self) -> None:
        while self.at("NEWLINE"):
            self.take("NEWLINE")

    def _separator_then_property(self) -> bool:
        offset = 1
        if self.la(offset).kind == "COMMA":
            offset += 1
            while self.la(offset).kind == "NEWLINE":
                offset += 1
        elif self.la(offset).kind == "NEWLINE":
            while self.la(offset).kind == "NEWLINE":
                offset += 1
            if self.la(offset).kind == "COMMA":
                offset += 1
            while self.la(offset).kind == "NEWLINE":
                offset += 1
        else:
            return False
        return self.la(offset).kind in ("IDENTIFIER", "PLAIN_STRING")

    def _separator(self) -> None:
        if self.at("COMMA"):
            self.take("COMMA")
            self._newlines()
            return
        self._newlines()
        if self.at("COMMA"):
            self.take("COMMA")
        self._newlines()

    def metadata_property(self) -> None:
        self.take("IDENTIFIER", "PLAIN_STRING")
        self.take("COLON")
        self.take("IDENTIFIER", "PLAIN_STRING", "TRUE", "FALSE")

    def class_suffix(self) -> None:
        self.take("CLASS_SEPARATOR")
        self.identifier_list()

    def system_boundary(self) -> None:
        self.take("SYSTEM_BOUNDARY")
        if self.at("IDENTIFIER"):
            self.take("IDENTIFIER")
            if self.at("LPAREN", "LBRACKET"):
                closer = "RPAREN" if self.take("LPAREN", "LBRACKET").kind == "LPAREN" else "RBRACKET"
                self.node_label()
                self.take(closer)
        else:
            self.take("PLAIN_STRING", "MARKDOWN_STRING")
        if self.at("METADATA_START"):
            self.metadata()
        if self.at("CLASS_SEPARATOR"):
            self.class_suffix()
        self.line_end()
        while True:
            if self.at("NEWLINE"):
                self.take("NEWLINE")
            elif self.at("COMMENT"):
                self.take("COMMENT")
                self.line_end()
            elif self.at("ACTOR"):
                self.take("ACTOR")
                self.actor_item()
                while self.at("COMMA"):
                    self.take("COMMA")
                    self.actor_item()
                self.line_end()
            elif self.at(*_NAME_STARTS):
                self.entity_name()
                self.line_end()
            else:
                break
        self.take("END")
        self.line_end()

    def styles(self) -> None:
        self.style_value()
        while self.at("COMMA"):
            self.take("COMMA")
            self.style_value()

    def style_value(self) -> None:
        if self.at("MARKERLESS_SOLID"):
            self.take("MARKERLESS_SOLID")
            self.take_word()
        elif self.at("CSS_IDENTIFIER"):
            self.take("CSS_IDENTIFIER")
        else:
            self.take_word()
        self.take("COLON")
        if not self._style_component():
            self.take("a style value")
        while self._style_component():
            self.index += 1

    def _style_component(self) -> bool:
        token = self.la()
        return token.word or token.kind in _STYLE_COMPONENTS


def parse(text: str) -> None:
    """Raise MermaidSyntaxError where mermaid's usecase parser would throw."""
    _Parser(_tokenize(text + "\n")).start()
