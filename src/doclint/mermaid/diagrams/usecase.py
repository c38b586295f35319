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

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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
    if (
        end == -1
        or "\n" in text[position:end]
        or "\r" in text[position:end]
        or not text[position:end].strip()
    ):
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
    _TokenType(
        "CSS_IDENTIFIER",
        _regex(r"--[A-Z_a-z][A-Za-z0-9_-]*|[A-Z_a-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)+"),
        label=True,
    ),
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
    start: int = 0

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
            tokens.append(_Token(chosen.name, text[position:end], line, position))
        if chosen.pop and len(modes) > 1:
            modes.pop()
        if chosen.push:
            modes.append(chosen.push)
        line += text.count("\n", position, end)
        position = end
    tokens.append(_Token("EOF", "", line, len(text)))
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


@dataclass
class _Entity:
    """An actor, use case or boundary name as the visitor reads it."""

    id: str
    label: tuple[str, str]  # text, type
    start: int
    generated: bool
    shape: str | None = None
    stereotype: str | None = None
    explicit: bool = False
    classes: tuple[str, ...] = ()
    metadata: bool = False
    properties: list[tuple[str, Any]] = field(default_factory=list)


@dataclass
class _Relation:
    source: _Entity
    target: _Entity
    source_declares: bool
    target_declares: bool
    kind: str  # association, include, extend, generalization
    arrow: int  # mermaid's ARROW_TYPE
    explicit_id: str | None = None
    explicit_start: int = 0


@dataclass
class _State:
    """What the model builder knows of one actor or use case."""

    id: str
    kind: str
    label: tuple[str, str]
    shape: str | None = None
    parent: str | None = None
    stereotype: str | None = None
    business: bool | None = None
    actor_type: str | None = None
    icon: str | None = None

    def apply(self, properties: list[tuple[str, Any]], replace: bool) -> None:
        """applyDeclarationMetadata (replace=False: a second declaration may not disagree) or, for a metadata
        statement, applyStandaloneElementMetadata (replace=True)."""
        for key, value in properties:
            if key == "business" and isinstance(value, bool):
                self._set("business", value, replace)
            elif self.kind == "actor" and key == "type" and value in ("normal", "hollow", "awesome"):
                self._set("actor_type", value, replace)
            elif self.kind == "actor" and key == "icon" and isinstance(value, str):
                self._set("icon", value, replace)
            else:
                raise MermaidSyntaxError(
                    f"Error in usecase diagram: metadata property '{key}' is invalid for {self.kind} '{self.id}'"
                )

    def _set(self, name: str, value: Any, replace: bool) -> None:
        current = getattr(self, name)
        if not replace and current is not None and current != value:
            raise MermaidSyntaxError(
                f"Error in usecase diagram: {self.kind} '{self.id}' has conflicting {name.replace('_', ' ')} metadata"
            )
        setattr(self, name, value)

    def validate(self) -> None:
        """validateAndRefreshElements."""
        if self.kind == "actor":
            if self.icon and self.actor_type and self.actor_type != "normal":
                raise MermaidSyntaxError(
                    f"Error in usecase diagram: actor '{self.id}' cannot combine icon and type"
                )
            if self.business and (self.icon or self.actor_type == "awesome"):
                raise MermaidSyntaxError(
                    f"Error in usecase diagram: business actor '{self.id}' must use normal or hollow geometry"
                )
        elif (self.shape or "ellipse") == "rect" and self.business:
            raise MermaidSyntaxError(
                f"Error in usecase diagram: rectangular use case '{self.id}' cannot be business"
            )


def _apply_assigned_metadata(target: _Entity, symbols: dict, states: dict) -> None:
    """applyMetadataAssignments: ``X@{...}`` statements and a system boundary's own metadata."""
    if target.id not in symbols:
        _fail(f"Metadata target '{target.id}' is unresolved", target)
    kind = symbols[target.id][0]
    for key, value in target.properties:
        allowed = (
            kind in ("actor", "usecase")
            or (kind == "boundary" and key == "type" and value in ("rect", "package"))
            or (kind == "edge" and key == "animate" and isinstance(value, bool))
            or (kind == "edge" and key == "animation" and value in ("fast", "slow"))
        )
        if not allowed:
            _fail(f"Metadata property '{key}' is invalid for {kind} '{target.id}'", target)
    if kind in ("actor", "usecase"):
        states[target.id].apply(target.properties, replace=True)


@dataclass
class _Model:
    """usecaseModelBuilder's drafts; ``check`` raises where its ``finalize`` throws."""

    elements: list[tuple[str, _Entity, str | None]] = field(default_factory=list)  # kind, entity, parent
    boundaries: list[_Entity] = field(default_factory=list)
    json_nodes: list[_Entity] = field(default_factory=list)
    relations: list[_Relation] = field(default_factory=list)
    notes: list[_Entity] = field(default_factory=list)
    metadata_targets: list[_Entity] = field(default_factory=list)
    stylable_targets: list[_Entity] = field(default_factory=list)

    def check(self) -> None:
        symbols: dict[str, tuple[str, bool]] = {}
        states: dict[str, _State] = {}
        boundary_titles: dict[str, tuple[str, str]] = {}
        declarations: list[tuple[int, str, Any]] = [
            (e.start, "element", (k, e, p)) for k, e, p in self.elements
        ]
        declarations += [(b.start, "boundary", b) for b in self.boundaries]
        declarations += [(j.start, "json", j) for j in self.json_nodes]
        declarations += [(r.explicit_start, "edge", r) for r in self.relations if r.explicit_id]
        for _, what, item in sorted(declarations, key=lambda declaration: declaration[0]):
            if what == "element":
                self._collect_element(*item, symbols, states)
            elif what == "boundary":
                self._collect_boundary(item, symbols, boundary_titles)
            elif what == "json":
                self._register(item.id, "json", symbols)
            else:
                self._register(item.explicit_id, "edge", symbols)
        for relation in self.relations:
            source_kind = self._resolve(relation.source, relation.source_declares, symbols, states)
            target_kind = self._resolve(relation.target, relation.target_declares, symbols, states)
            _check_relation(relation, source_kind, target_kind)
        for target in self.metadata_targets:
            _apply_assigned_metadata(target, symbols, states)
        for state in states.values():
            state.validate()
        for note in self.notes:
            if note.id not in symbols:
                _fail(f"Note target '{note.id}' is unresolved", note)
        for target in self.stylable_targets:
            if target.id not in symbols:
                _fail(f"Class/style target '{target.id}' is unresolved or anonymous", target)

    @staticmethod
    def _collect_element(kind: str, entity: _Entity, parent: str | None, symbols: dict, states: dict) -> None:
        origin = symbols.get(entity.id)
        if origin and origin[0] != kind:
            _fail(f"ID '{entity.id}' is declared as both {origin[0]} and {kind}", entity)
        if origin and (origin[1] or entity.generated):
            _fail(f"Generated ID '{entity.id}' collides with another declaration", entity)
        existing = states.get(entity.id)
        if existing is None:
            state = _State(entity.id, kind, entity.label, entity.shape, parent, entity.stereotype)
            state.apply(entity.properties, replace=False)
            states[entity.id] = state
            symbols[entity.id] = (kind, entity.generated)
            return
        if existing.label != entity.label:
            _fail(f"ID '{entity.id}' has conflicting labels", entity)
        if entity.shape and existing.shape and entity.shape != existing.shape:
            _fail(f"Use case '{entity.id}' has conflicting shapes", entity)
        if parent and existing.parent and parent != existing.parent:
            _fail(f"Element '{entity.id}' belongs to more than one system boundary", entity)
        if entity.stereotype and existing.stereotype and entity.stereotype != existing.stereotype:
            _fail(f"Element '{entity.id}' has conflicting stereotypes", entity)
        existing.shape = existing.shape or entity.shape
        existing.parent = existing.parent or parent
        existing.stereotype = existing.stereotype or entity.stereotype
        existing.apply(entity.properties, replace=False)

    @staticmethod
    def _collect_boundary(entity: _Entity, symbols: dict, titles: dict) -> None:
        origin = symbols.get(entity.id)
        if origin and origin[0] != "boundary":
            _fail(f"ID '{entity.id}' is declared as both {origin[0]} and boundary", entity)
        if origin and (origin[1] or entity.generated):
            _fail(f"Generated ID '{entity.id}' collides with another declaration", entity)
        if entity.id in titles:
            if titles[entity.id] != entity.label:
                _fail(f"Boundary '{entity.id}' has conflicting titles", entity)
            return
        titles[entity.id] = entity.label
        symbols[entity.id] = ("boundary", entity.generated)

    @staticmethod
    def _register(identifier: str, kind: str, symbols: dict) -> None:
        if identifier in symbols:
            raise MermaidSyntaxError(
                f"ID '{identifier}' is declared more than once ({symbols[identifier][0]} and {kind})"
            )
        symbols[identifier] = (kind, False)

    @staticmethod
    def _resolve(endpoint: _Entity, declares: bool, symbols: dict, states: dict) -> str:
        if endpoint.classes and not declares:
            _fail(f"Relationship endpoint '{endpoint.id}' uses ::: without declaring the node", endpoint)
        if endpoint.id not in symbols:
            symbols[endpoint.id] = ("usecase", endpoint.generated)
            states[endpoint.id] = _State(endpoint.id, "usecase", endpoint.label, "ellipse")
        return symbols[endpoint.id][0]


def _check_relation(relation: _Relation, source_kind: str, target_kind: str) -> None:
    for role, entity, kind in (
        ("source", relation.source, source_kind),
        ("target", relation.target, target_kind),
    ):
        if kind not in ("actor", "usecase", "json"):
            _fail(f"Relationship {role} '{entity.id}' cannot be {kind}", entity)
    if relation.kind in ("include", "extend") and (source_kind != "usecase" or target_kind != "usecase"):
        _fail(f"{relation.kind} relationship requires use-case endpoints", relation.source)
    if relation.kind == "generalization" and (
        source_kind not in ("actor", "usecase") or source_kind != target_kind
    ):
        _fail("Generalization requires actor-to-actor or use-case-to-use-case endpoints", relation.source)
    json_end = "json" in (source_kind, target_kind)
    if relation.kind == "association" and json_end and relation.arrow not in (0, 1, 2):
        _fail(
            "A JSON relationship permits only point, reversed-point or markerless solid association",
            relation.source,
        )


def _fail(message: str, entity: _Entity) -> None:
    raise MermaidSyntaxError(f"Error in usecase diagram: {message}")


_ARROW_TYPES = {
    "FORWARD_SOLID": 0,
    "BACKWARD_SOLID": 1,
    "MARKERLESS_SOLID": 2,
    "FORWARD_CIRCLE": 3,
    "FORWARD_CROSS": 4,
    "BACKWARD_CIRCLE": 5,
    "BACKWARD_CROSS": 6,
}
_WORD = re.compile(r"[^A-Za-z0-9_]")


class _Parser:
    def __init__(self, tokens: list[_Token], source: str) -> None:
        self.tokens = tokens
        self.index = 0
        self.source = source
        self.model = _Model()
        self.boundary: str | None = None

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
        return (
            kind
            in (
                "ACC_TITLE_LINE",
                "ACC_DESCR_LINE",
                "ACC_DESCR_BLOCK",
                "DIRECTION",
                "ACTOR",
                "SYSTEM_BOUNDARY",
                "NOTE",
                "JSON_DECLARATION_START",
                "CLASS_DEF",
                "CLASS",
                "STYLE",
            )
            or kind in _NAME_STARTS
        )

    def line_end(self) -> None:
        if not self.at("EOF"):
            self.take("NEWLINE")

    def statement(self) -> None:
        kind = self.la().kind
        if kind in ("ACC_TITLE_LINE", "ACC_DESCR_LINE", "ACC_DESCR_BLOCK"):
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
            self.model.notes.append(self._reference(self.take("IDENTIFIER")))
            self.node_label()
            self.line_end()
        elif kind == "JSON_DECLARATION_START":
            self.json_statement()
        elif kind == "CLASS_DEF":
            self.take("CLASS_DEF")
            self.identifier_list()
            self.styles()
            self.line_end()
        elif kind == "CLASS":
            self.class_statement()
        elif kind == "STYLE":
            self.take("STYLE")
            self.model.stylable_targets.append(self._reference(self.take("IDENTIFIER")))
            self.styles()
            self.line_end()
        elif self.la(2).kind == "METADATA_START":
            target = self.take(*_NAME_STARTS)
            entity = self._reference(target)
            if target.kind != "IDENTIFIER":
                entity.id = _WORD.sub("_", self._token_label(target)[0])
            entity.properties = self.metadata()
            self.model.metadata_targets.append(entity)
            self.line_end()
        elif kind == "IDENTIFIER" and self.la().text.lower() in _FORBIDDEN:
            self.take("a statement")
        else:
            self.entity_statement()

    def entity_statement(self) -> None:
        source = self.entity_name()
        if not self._relation_start():
            source.explicit = True
            source.shape = source.shape or "ellipse"
            self._element("usecase", source)
            self.line_end()
            return
        if source.explicit:
            self._element("usecase", source)
        self._relation(source, source.explicit)
        self.line_end()

    def _relation(self, source: _Entity, source_declares: bool) -> None:
        explicit_id, explicit_start = None, 0
        if self.at("IDENTIFIER") and self.la(2).kind == "AT":
            identifier = self.take("IDENTIFIER")
            explicit_id, explicit_start = identifier.text, identifier.start
            self.take("AT")
        relation_kind, arrow = self.arrow()
        target = self.entity_name()
        if target.explicit:
            self._element("usecase", target)
        self.model.relations.append(
            _Relation(
                source,
                target,
                source_declares,
                target.explicit,
                relation_kind,
                arrow,
                explicit_id,
                explicit_start,
            )
        )

    def _element(self, kind: str, entity: _Entity) -> None:
        self.model.elements.append((kind, entity, self.boundary))

    def identifier_list(self) -> list[_Token]:
        identifiers = [self.take("IDENTIFIER")]
        while self.at("COMMA"):
            self.take("COMMA")
            identifiers.append(self.take("IDENTIFIER"))
        return identifiers

    def class_statement(self) -> None:
        self.take("CLASS")
        identifiers = [self.take("IDENTIFIER")]
        separated = [True]
        while self.at("COMMA"):
            self.take("COMMA")
            identifiers.append(self.take("IDENTIFIER"))
        identifiers.append(self.take("IDENTIFIER"))
        while self.at("COMMA"):
            self.take("COMMA")
            identifiers.append(self.take("IDENTIFIER"))
        self.line_end()
        split = 1
        while split < len(identifiers):
            between = self.source[
                identifiers[split - 1].start + len(identifiers[split - 1].text) : identifiers[split].start
            ]
            if "," not in between:
                break
            split += 1
        del separated
        self.model.stylable_targets.extend(self._reference(token) for token in identifiers[:split])

    def actor_statement(self) -> None:
        self.take("ACTOR")
        items = [self.actor_item()]
        if self.at("COMMA"):
            while self.at("COMMA"):
                self.take("COMMA")
                items.append(self.actor_item())
        for item in items:
            self._element("actor", item)
        if len(items) == 1 and self._relation_start():
            self._relation(items[0], True)
        self.line_end()

    def actor_item(self) -> _Entity:
        if self.at("IDENTIFIER"):
            identifier = self.take("IDENTIFIER")
            entity = self._reference(identifier)
            if self.at("LPAREN"):
                self.take("LPAREN")
                entity.label = self.node_label()
                self.take("RPAREN")
        else:
            entity = self._generated(self.take("PLAIN_STRING", "MARKDOWN_STRING"))
        self.decorations(entity)
        return entity

    def decorations(self, entity: _Entity) -> None:
        if self.at("METADATA_START"):
            entity.properties = self.metadata()
            entity.metadata = True
        if self.at("STEREOTYPE_START"):
            self.take("STEREOTYPE_START")
            entity.stereotype = self.take("STEREOTYPE_TEXT").text.strip()
            self.take("STEREOTYPE_END")
        if self.at("CLASS_SEPARATOR"):
            entity.classes = self.class_suffix()

    def entity_name(self) -> _Entity:
        if self.at("IDENTIFIER"):
            entity = self._reference(self.take("IDENTIFIER"))
            if self.at("LPAREN", "LBRACKET"):
                opener = self.take("LPAREN", "LBRACKET").kind
                entity.label = self.node_label()
                self.take("RPAREN" if opener == "LPAREN" else "RBRACKET")
                entity.shape = "ellipse" if opener == "LPAREN" else "rect"
        else:
            entity = self._generated(self.take(*_NAME_STARTS))
        self.decorations(entity)
        entity.explicit = bool(entity.shape or entity.metadata or entity.stereotype)
        return entity

    def _reference(self, token: _Token) -> _Entity:
        return _Entity(token.text, (token.text, "text"), token.start, False)

    def _generated(self, token: _Token) -> _Entity:
        label = self._token_label(token)
        return _Entity(_WORD.sub("_", label[0]), label, token.start, True)

    @staticmethod
    def _token_label(token: _Token) -> tuple[str, str]:
        if token.kind == "MARKDOWN_STRING":
            return token.text[2:-2], "markdown"
        if token.kind == "PLAIN_STRING":
            return token.text[1:-1], "text"
        return token.text, "text"

    def node_label(self) -> tuple[str, str]:
        if self.at("PLAIN_STRING", "MARKDOWN_STRING"):
            self.index += 1
            return self._token_label(self.tokens[self.index - 1])
        if not self.la().label:
            self.take("a label")
        first = self.la()
        while self.la().label:
            self.index += 1
        last = self.tokens[self.index - 1]
        return self.source[first.start : last.start + len(last.text)], "text"

    def _relation_start(self) -> bool:
        if self.at("IDENTIFIER") and self.la(2).kind == "AT":
            return True
        return self.at(
            "DEPENDENCY_ARROW",
            "GENERALIZATION",
            "FORWARD_SOLID",
            "BACKWARD_SOLID",
            "MARKERLESS_SOLID",
            "FORWARD_CIRCLE",
            "BACKWARD_CIRCLE",
            "FORWARD_CROSS",
            "BACKWARD_CROSS",
        )

    def arrow(self) -> tuple[str, int]:
        token = self.la()
        kind = token.kind
        if kind == "DEPENDENCY_ARROW":
            self.take("DEPENDENCY_ARROW")
            self.take("COLON")
            return ("include" if self.take("INCLUDE", "EXTEND").kind == "INCLUDE" else "extend"), 0
        if kind == "GENERALIZATION":
            self.index += 1
            return "generalization", 0
        if kind in ("FORWARD_SOLID", "FORWARD_CIRCLE", "FORWARD_CROSS"):
            self.index += 1
            return "association", _ARROW_TYPES[kind]
        if kind == "BACKWARD_SOLID":
            self.index += 1
            if token.text == "<--" and self._labelled_right(("MARKERLESS_SOLID",)):
                self.node_label()
                self.take("MARKERLESS_SOLID")
            return "association", 1
        if kind == "MARKERLESS_SOLID":
            self.index += 1
            closers = ("FORWARD_SOLID", "MARKERLESS_SOLID", "FORWARD_CIRCLE", "FORWARD_CROSS")
            if token.text == "--" and self._labelled_right(closers):
                self.node_label()
                return "association", _ARROW_TYPES[self.take(*closers).kind]
            return "association", 2
        if kind in ("BACKWARD_CIRCLE", "BACKWARD_CROSS"):
            self.index += 1
            if self._labelled_right(("MARKERLESS_SOLID",)):
                self.node_label()
                self.take("MARKERLESS_SOLID")
            return "association", _ARROW_TYPES[kind]
        self.take("an arrow")
        return "association", 0

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

    def metadata(self) -> list[tuple[str, Any]]:
        self.take("METADATA_START")
        self._newlines()
        properties = []
        if self.at("IDENTIFIER", "PLAIN_STRING"):
            properties.append(self.metadata_property())
            while self._separator_then_property():
                self._separator()
                properties.append(self.metadata_property())
            if self.at("COMMA"):
                self.take("COMMA")
            self._newlines()
        self.take("RBRACE")
        return properties

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

    def metadata_property(self) -> tuple[str, Any]:
        key = self.take("IDENTIFIER", "PLAIN_STRING")
        self.take("COLON")
        value = self.take("IDENTIFIER", "PLAIN_STRING", "TRUE", "FALSE")
        decoded: Any = (
            value.kind == "TRUE" if value.kind in ("TRUE", "FALSE") else self._token_label(value)[0]
        )
        return self._token_label(key)[0], decoded

    def class_suffix(self) -> tuple[str, ...]:
        self.take("CLASS_SEPARATOR")
        return tuple(token.text for token in self.identifier_list())

    def json_statement(self) -> None:
        declaration = self.take("JSON_DECLARATION_START")
        literal = self.take("JSON_OBJECT_LITERAL")
        entity = _Entity(declaration.text.split()[1].split("@")[0], ("", "text"), declaration.start, False)
        try:
            value = json.loads(literal.text)
        except ValueError as error:
            raise MermaidSyntaxError(
                f"Error in usecase diagram: invalid JSON for {entity.id}: {error}"
            ) from None
        if not isinstance(value, dict):
            raise MermaidSyntaxError(f"Error in usecase diagram: JSON value of {entity.id} must be an object")
        if self.at("CLASS_SEPARATOR"):
            self.class_suffix()
        self.line_end()
        self.model.json_nodes.append(entity)

    def system_boundary(self) -> None:
        self.take("SYSTEM_BOUNDARY")
        if self.at("IDENTIFIER"):
            boundary = self._reference(self.take("IDENTIFIER"))
            if self.at("LPAREN", "LBRACKET"):
                closer = "RPAREN" if self.take("LPAREN", "LBRACKET").kind == "LPAREN" else "RBRACKET"
                boundary.label = self.node_label()
                self.take(closer)
        else:
            boundary = self._generated(self.take("PLAIN_STRING", "MARKDOWN_STRING"))
        if self.at("METADATA_START"):
            boundary.properties = self.metadata()
            self.model.metadata_targets.append(boundary)
        if self.at("CLASS_SEPARATOR"):
            self.class_suffix()
        self.line_end()
        self.model.boundaries.append(boundary)
        outer, self.boundary = self.boundary, boundary.id
        while True:
            if self.at("NEWLINE"):
                self.take("NEWLINE")
            elif self.at("COMMENT"):
                self.take("COMMENT")
                self.line_end()
            elif self.at("ACTOR"):
                self.take("ACTOR")
                self._element("actor", self.actor_item())
                while self.at("COMMA"):
                    self.take("COMMA")
                    self._element("actor", self.actor_item())
                self.line_end()
            elif self.at(*_NAME_STARTS):
                entity = self.entity_name()
                entity.shape = entity.shape or "ellipse"
                self._element("usecase", entity)
                self.line_end()
            else:
                break
        self.boundary = outer
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
    """Raise MermaidSyntaxError where mermaid's usecase parser (or its model builder) would throw."""
    source = text + "\n"
    parser = _Parser(_tokenize(source), source)
    parser.start()
    parser.model.check()
