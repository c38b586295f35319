"""Kanban boards, modelled on mermaid's jison grammar ``kanban.jison`` and ``kanbanDb.addNode``.

The grammar is mindmap's (see ``mindmap.py``) with ``KANBAN`` as header and optional ``@{ ... }`` shape
data after a node. The database then:

- loads the shape data as YAML (``{`` + data + ``}`` on one line, a block mapping otherwise) and rejects
  shape names that are not lowercase;
- rejects a node once an earlier node is indented less than the first column (``getSection``);
- rejects ``::icon()``/``:::class`` before any node.
"""

from __future__ import annotations

import re

from doclint.mermaid.diagrams._jison_lex import Rule, TokenCursor
from doclint.mermaid.diagrams.mindmap import Statement, check_decoration, node_tree_lexer, parse_document
from doclint.mermaid.model import MermaidSyntaxError

_QUOTED_BREAK = re.compile(r"\n\s*")


def _open_shape_data(_text: str, stack: list[str], _yy: object) -> tuple[str, str]:
    stack.append("shapeData")
    return "SHAPE_DATA", ""  # mermaid empties this token's text


def _quoted_shape_data(text: str, _stack: list[str], _yy: object) -> tuple[str, str]:
    return "SHAPE_DATA", _QUOTED_BREAK.sub("<br/>", text)  # line breaks inside quotes become <br/>


_LEXER = node_tree_lexer(
    "kanban",
    r"[^(\[\n){}@]+",
    leading=[
        Rule(r"@\{", action=_open_shape_data),
        Rule('"', "SHAPE_DATA", states=("shapeData",), push="shapeDataStr"),
        Rule('"', "SHAPE_DATA", states=("shapeDataStr",), pop=True),
        Rule('[^"]+', states=("shapeDataStr",), action=_quoted_shape_data),
        Rule(r'[^}^"]+', "SHAPE_DATA", states=("shapeData",)),
        Rule(r"\}", states=("shapeData",), pop=True),
    ],
    exclusive=frozenset({"shapeData", "shapeDataStr"}),
)


class _Board:
    def __init__(self) -> None:
        self.levels: list[int] = []

    def add(self, statement: Statement) -> None:
        check_decoration(statement, len(self.levels))
        if statement.kind != "node":
            return
        data = "".join(token.text for token in statement.shape_data)
        if data:
            _check_shape_data(data, statement.token.line)
        # getSection: every earlier node must be at least as deep as the first one (the first column)
        if self.levels and min(self.levels) < self.levels[0]:
            raise MermaidSyntaxError(
                "items must be indented below a column: a node is less indented than the first column",
                statement.token.line,
            )
        self.levels.append(statement.level)


def parse(text: str) -> None:
    text += "\n"  # Diagram.fromText appends a newline before calling the parser
    cursor = TokenCursor(_LEXER.tokens(text))
    parse_document(cursor, "kanban", _Board().add, shape_data=True)


# --- shape data: the part of js-yaml mermaid relies on -------------------------------------------

_SHAPE = re.compile(r"""(?:^|[,\n])[ \t]*shape[ \t]*:[ \t]*(['"]?)([^'",}\s]*)\1""")
_YAML_SPACE = " \t\n\r"


def _check_shape_data(data: str, line: int) -> None:
    if "\n" in data:
        _check_block_mapping(data, line)
    else:
        _check_flow_mapping(data, line)
    shape = _SHAPE.search(data)
    if shape and (shape.group(2) != shape.group(2).lower() or "_" in shape.group(2)):
        raise MermaidSyntaxError(f"no such shape `{shape.group(2)}`: shape names are lowercase", line)


def _check_block_mapping(data: str, line: int) -> None:
    """A multi-line ``@{ }`` is YAML in block style: ``key: value`` lines at one indentation, deeper lines
    continuing the previous value; or, when the first line is no pair, one multi-line plain scalar."""
    base: int | None = None
    mapping = False
    keys = _KeySet(line)
    for row in data.split("\n"):
        content = row.strip(_YAML_SPACE)
        if not content or content.startswith("#"):
            continue
        indent = len(row) - len(row.lstrip(" "))
        is_pair = re.search(r":(?:[ \t]|$)", content) is not None
        if base is None:
            base, mapping = indent, is_pair
        if not mapping:
            if is_pair or indent < base:
                raise MermaidSyntaxError(f"shape data line `{content}` cannot follow plain text", line)
            continue
        if indent < base or (indent > base and is_pair):
            raise MermaidSyntaxError(f"shape data line `{content}` is not aligned with the keys above", line)
        if indent == base and not is_pair:
            raise MermaidSyntaxError(f"shape data line `{content}` is not a `key: value` pair", line)
        if indent == base:
            keys.add(re.split(r":(?:[ \t]|$)", content, maxsplit=1)[0])


def _check_flow_mapping(data: str, line: int) -> None:
    """``{ key: value, ... }`` on one line: entries separated by commas, quoted scalars end cleanly."""
    position = 0
    keys = _KeySet(line)
    while True:
        start = _skip_space(data, position)
        position = _scalar(data, start, line, is_key=True)
        if position > start:
            keys.add(data[start:position])
        if position < len(data) and data[position] == ":":
            position = _scalar(data, _skip_space(data, position + 1), line, is_key=False)
        if position >= len(data):
            return
        position += 1  # the comma


def _scalar(data: str, position: int, line: int, *, is_key: bool) -> int:
    """Skip one flow scalar; return the position of the `,` (or `:` after a key) that ends it."""
    length = len(data)
    if position >= length:
        return position
    char = data[position]
    if char in "'\"":
        end = _closing_quote(data, position)
        if end == -1:
            raise MermaidSyntaxError("unterminated quoted value in shape data", line)
        position = _skip_space(data, end + 1)
        if position < length and data[position] not in (",:" if is_key else ","):
            raise MermaidSyntaxError("missing comma between shape data entries", line)
        return position
    if char == "!" and data[position + 1 : position + 2] in ("", " ", "\t"):
        return _scalar(data, _skip_space(data, position + 1), line, is_key=is_key)  # the non-specific tag
    if char in "!*|>%@`":
        raise MermaidSyntaxError(f"`{char}` cannot start a shape data value; quote it", line)
    if char in "[{":
        closing = "]" if char == "[" else "}"
        if closing not in data[position:]:
            raise MermaidSyntaxError(f"unclosed `{char}` in shape data", line)
        return length  # a nested collection: beyond this check, accepted
    while position < length and data[position] != ",":
        if data[position] in "[]{}":
            raise MermaidSyntaxError(f"unexpected `{data[position]}` in shape data", line)
        if data[position] == ":" and (position + 1 >= length or data[position + 1] in _YAML_SPACE):
            if not is_key:
                raise MermaidSyntaxError("a shape data value contains `: `; quote it", line)
            break
        position += 1
    return position


class _KeySet:
    """js-yaml rejects a mapping that repeats a key."""

    def __init__(self, line: int) -> None:
        self._seen: set[str] = set()
        self._line = line

    def add(self, raw_key: str) -> None:
        key = raw_key.strip(_YAML_SPACE)
        if len(key) >= 2 and key[0] == key[-1] and key[0] in "'\"":
            key = key[1:-1]
        if key in self._seen:
            raise MermaidSyntaxError(f"shape data repeats the key `{key}`", self._line)
        self._seen.add(key)


def _closing_quote(data: str, start: int) -> int:
    """Index of the quote closing the scalar opened at ``start`` ('' escapes in single quotes, \\ in double)."""
    quote, position = data[start], start + 1
    while position < len(data):
        if quote == '"' and data[position] == "\\":
            position += 2
            continue
        if data[position] == quote:
            if quote == "'" and data.startswith("''", position):
                position += 2
                continue
            return position
        position += 1
    return -1


def _skip_space(data: str, position: int) -> int:
    while position < len(data) and data[position] in _YAML_SPACE:
        position += 1
    return position
