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

from doclint.mermaid.diagrams._jison.lex import Rule, TokenStream
from doclint.mermaid.diagrams.mindmap import Statement, check_decoration, node_tree_lexer, parse_document
from doclint.mermaid.model import MermaidSyntaxError

_QUOTED_BREAK = re.compile(r"\n\s*")
_COMMENT_START = re.compile(r"[ \t]#")  # a YAML comment after a blank
_COMMENT_AT_START_OR_AFTER_BLANK = re.compile(r"(?:^|[ \t])#")


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
    cursor = TokenStream(_LEXER.tokens(text))
    parse_document(cursor, "kanban", _Board().add, shape_data=True)


# --- shape data: the part of js-yaml that kanban's ``@{ ... }`` exercises -------------------------

_YAML_SPACE = " \t\n\r"
_PAIR_SEPARATOR = re.compile(r":(?:[ \t]|$)")
_RESERVED_START = "@`%"
_FLOW_SEPARATOR_NEXT = _YAML_SPACE + ",[]{}"  # in a flow mapping `:` then one of these ends a key
_KNOWN_TAG = re.compile(r"!!(?:str|int|float|bool|null|map|seq|binary|timestamp)(?=[ \t]|$)")


def _check_shape_data(data: str, line: int) -> None:
    checker = _ShapeData(line)
    if "\n" in data:
        checker.block_mapping(data)
    else:
        checker.flow_mapping(data)
    if checker.shape is not None:
        problem = _shape_problem(checker.shape)
        if problem:
            raise MermaidSyntaxError(f"invalid shape data: {problem}", line)


_YAML_NUMBER = re.compile(
    r"[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
    r"|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\.(?:inf|Inf|INF))|\.(?:nan|NaN|NAN)"
)
_YAML_FALSY = {"", "~", "null", "Null", "NULL", "false", "False", "FALSE"}
_YAML_TRUE = {"true", "True", "TRUE"}


def _shape_problem(value: str) -> str | None:
    """kanbanDb.addNode: a truthy ``shape`` must be a string, lowercase, without ``_``."""
    if value.startswith(("'", '"')):
        name = value[1:-1].replace("''", "'") if value[0] == "'" else value[1:-1]
    elif value.startswith(("[", "{")):
        return "`shape` must be a name"
    else:
        name = value
        if name in _YAML_FALSY:
            return None
        if name in _YAML_TRUE or _YAML_NUMBER.fullmatch(name):
            if _YAML_NUMBER.fullmatch(name) and float(name.replace("_", "") if "x" not in name else 1) == 0:
                return None  # 0 is falsy: mermaid ignores it
            return "`shape` must be a name"
    if name != name.lower() or "_" in name:
        return f"no such shape `{name.strip()}`: shape names are lowercase"
    return None


class _ShapeData:
    """Rejects what js-yaml rejects in shape data: one flow mapping (``{`` data ``}``) on a single line,
    else a block mapping (or one plain scalar). Nested collections are only checked for balance."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.keys: set[str] = set()
        self.anchors: set[str] = set()
        self.shape: str | None = None  # the raw value given for the ``shape`` key
        self._key = ""

    def fail(self, message: str) -> None:
        raise MermaidSyntaxError(f"invalid shape data: {message}", self.line)

    def add_key(self, raw: str) -> None:
        key = raw.strip(_YAML_SPACE)
        if len(key) >= 2 and key[0] == key[-1] and key[0] in "'\"":
            key = key[1:-1]
        if key in self.keys:
            self.fail(f"the key `{key}` is repeated")
        self.keys.add(key)
        self._key = key

    # block style --------------------------------------------------------------------------------

    def block_mapping(self, data: str) -> None:
        rows = [
            (len(row) - len(row.lstrip(" ")), row.strip(_YAML_SPACE))
            for row in data.split("\n")
            if row.strip(_YAML_SPACE) and not row.strip(_YAML_SPACE).startswith("#")
        ]
        self._block_rows(rows)

    def _block_rows(self, rows: list[tuple[int, str]]) -> None:
        if not rows:
            return
        base = rows[0][0]
        if self._split_pair(rows[0][1]) is None:
            self._plain_scalar_document(rows, base)
            return
        index = 0
        while index < len(rows):
            indent, content = rows[index]
            if indent != base:
                self.fail(f"`{content}` is not aligned with the keys above")
            pair = self._split_pair(content)
            if pair is None:
                self.fail(f"`{content}` is not a `key: value` pair")
            key, value = pair  # type: ignore[misc]
            self.add_key(key)
            index = self._block_value(value, rows, index + 1, base)

    def _plain_scalar_document(self, rows: list[tuple[int, str]], base: int) -> None:
        commented = False
        for indent, content in rows:
            if commented or indent < base or _PAIR_SEPARATOR.search(content):
                self.fail(f"`{content}` cannot follow plain text")
            commented = _COMMENT_START.search(content) is not None  # a comment ends the scalar

    def _split_pair(self, content: str) -> tuple[str, str] | None:
        if content[0] in "'\"":
            end = _closing_quote(content, 0)
            if end == -1:
                return None
            rest = content[end + 1 :].lstrip(" \t")
            if not rest.startswith(":") or _PAIR_SEPARATOR.match(rest) is None:
                return None
            return content[: end + 1], rest[1:]
        separator = _PAIR_SEPARATOR.search(content)
        if separator is None:
            return None
        return content[: separator.start()], content[separator.end() :]

    def _block_value(self, value: str, rows: list[tuple[int, str]], index: int, base: int) -> int:
        """Check one value; return the index of the next key row (skipping the value's deeper lines)."""
        value = value.strip(" \t")
        following = index
        while following < len(rows) and rows[following][0] > base:
            following += 1
        continuation = [content for _, content in rows[index:following]]
        value = self._strip_properties(value)
        is_shape = self._key == "shape"
        if value.startswith(("|", ">")):
            if is_shape:  # a block scalar: the deeper lines are its text
                self.shape = "\n".join(continuation) + "\n"
            return following
        if value.startswith(("'", '"')):
            text = " ".join([value, *continuation])
            end = _closing_quote(text, 0)
            if end == -1:
                self.fail("a quoted value is not closed")
            rest = text[end + 1 :].strip(" \t")
            if rest and not rest.startswith("#"):
                self.fail(f"unexpected `{rest}` after a quoted value")
            if is_shape:
                self.shape = text[: end + 1]
            return following
        if value.startswith(("[", "{")):
            text = " ".join([value, *continuation])
            end = _collection_end(text, 0, self)
            rest = text[end:].strip(" \t")
            if rest and not rest.startswith("#"):
                self.fail(f"unexpected `{rest}` after a collection")
            if is_shape:
                self.shape = value
            return following
        value = _COMMENT_AT_START_OR_AFTER_BLANK.split(value, maxsplit=1)[0].strip(" \t")
        if not value:
            # no value on the key's line: the deeper lines are a nested block node of its own
            if continuation:
                if is_shape:
                    self.shape = "{"
                nested = _ShapeData(self.line)
                nested.anchors = self.anchors
                nested._block_rows(rows[index:following])
            return following
        for part in [value, *continuation]:
            self._plain(part, flow=False)
        if is_shape:
            self.shape = " ".join([value, *continuation])
        return following

    def _strip_properties(self, value: str) -> str:
        """Anchors (``&a``), tags (``!``, ``!!str``) and aliases (``*a``) before a value."""
        while value.startswith(("&", "!", "*")):
            word = value.split(None, 1)[0]
            if value[0] == "&":
                self.anchors.add(word[1:])
            elif value[0] == "*":
                if word[1:] not in self.anchors:
                    self.fail(f"`{word}` names no anchor")
                return ""
            elif word != "!" and not _KNOWN_TAG.match(word):
                self.fail(f"unknown tag `{word}`")
            value = value[len(word) :].lstrip(" \t")
        return value

    def _plain(self, text: str, *, flow: bool) -> None:
        text = _COMMENT_START.split(text, maxsplit=1)[0].strip(" \t")
        if not text:
            return
        if text[0] in _RESERVED_START:
            self.fail(f"`{text[0]}` cannot start a value; quote it")
        if _PAIR_SEPARATOR.search(text):
            self.fail(f"`{text}` holds `: `; quote it")
        if flow and any(char in text for char in "[]{}"):
            self.fail(f"`{text}` holds a bracket; quote it")

    # flow style ---------------------------------------------------------------------------------

    def flow_mapping(self, data: str) -> None:
        """``{ key: value, ... }``: entries separated by commas."""
        position = 0
        while True:
            start = _skip_space(data, position)
            position = self._flow_scalar(data, start, is_key=True)
            if position > start:
                self.add_key(data[start:position])
            if position < len(data) and data[position] == ":":
                position = self._flow_scalar(data, _skip_space(data, position + 1), is_key=False)
            if position >= len(data):
                return
            position += 1  # the comma

    def _flow_scalar(self, data: str, position: int, *, is_key: bool) -> int:
        """Skip one flow scalar; return the position of the `,` (or `:` after a key) that ends it."""
        length = len(data)
        if position >= length:
            return position
        char = data[position]
        if char == "#" and (not is_key or position == 0 or data[position - 1] in _YAML_SPACE):
            return length  # a comment runs to the end of the line, hiding the rest of the entries
        if char in "&!*":
            word_end = position
            while word_end < length and data[word_end] not in " \t,":
                word_end += 1
            remainder = self._strip_properties(data[position:word_end]) if char != "*" else None
            if char == "*":
                self._strip_properties(data[position:word_end])
            elif remainder:
                self.fail(f"unknown tag `{data[position:word_end]}`")
            return self._flow_scalar(data, _skip_space(data, word_end), is_key=is_key)
        if char in "'\"":
            end = _closing_quote(data, position)
            if end == -1:
                self.fail("a quoted value is not closed")
            if not is_key and self._key == "shape":
                self.shape = data[position : end + 1]
            return self._after_node(data, _skip_space(data, end + 1), is_key=is_key)
        if char in "|>" + _RESERVED_START:
            self.fail(f"`{char}` cannot start a value; quote it")
        if char in "[{":
            end = _collection_end(data, position, self)
            if not is_key and self._key == "shape":
                self.shape = data[position:end]
            return self._after_node(data, _skip_space(data, end), is_key=is_key)
        start = position
        while position < length and data[position] != ",":
            if data[position] in "[]{}":
                self.fail(f"unexpected `{data[position]}`")
            if data[position] == ":" and (
                position + 1 >= length or data[position + 1] in _FLOW_SEPARATOR_NEXT
            ):
                if not is_key:
                    self.fail("a value holds `: `; quote it")
                break
            position += 1
        if not is_key and self._key == "shape":
            self.shape = data[start:position].strip(_YAML_SPACE)
        return position

    def _after_node(self, data: str, position: int, *, is_key: bool) -> int:
        if position < len(data) and data[position] not in (",:" if is_key else ","):
            self.fail("a comma is missing between entries")
        return position


def _collection_end(text: str, start: int, checker: _ShapeData) -> int:
    """Index just past the ``]``/``}`` closing the collection opened at ``start`` (quotes respected)."""
    depth, position = 0, start
    while position < len(text):
        char = text[position]
        if char in "'\"":
            end = _closing_quote(text, position)
            if end == -1:
                checker.fail("a quoted value is not closed")
            position = end
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return position + 1
        position += 1
    checker.fail("a `[` or `{` is not closed")
    return position


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
