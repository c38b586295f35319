"""Architecture diagrams, modelled on the Langium grammar ``architecture.langium`` of
@mermaid-js/parser 2.0.1 (mermaid 12.3.0) and on the checks of ``architectureDb.ts`` that throw.

Lexing quirk kept on purpose: the terminal ``ARROW_DIRECTION`` (``L|R|T|B``) is tried before
``ID``, so an identifier starting with one of those capitals cannot be lexed as an ID.
The database adds all groups, then services, junctions, edges and alignments, whatever the
order of the statements, so that is the order the checks run in here too.
"""

from __future__ import annotations

from dataclasses import dataclass

from doclint.mermaid.diagrams._langium import (
    COMMON_HIDDEN,
    EOF,
    TokenStream,
    common,
    grammar_lexer,
    open_stream,
    terminal,
)
from doclint.mermaid.model import MermaidSyntaxError

_LEXER = grammar_lexer(
    ("architecture-beta", ":", "--", "-", "group", "service", "junction", "in", "align", "row", "column"),
    [
        terminal("ARROW_DIRECTION", r"L|R|T|B"),
        terminal("ARROW_GROUP", r"\{group\}"),
        terminal("ARROW_INTO", r"<|>"),
        *common("ACC_DESCR", "ACC_TITLE", "TITLE", "STRING", "ID", "NEWLINE"),
        *COMMON_HIDDEN[1:],
        terminal("ARCH_ICON", r"\([-A-Za-z0-9_:]+\)"),
        terminal("ARCH_TITLE", r"\[(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|[^\[\]\r\n]+)\]"),
    ],
)
_TITLE_TOKENS = ("ACC_DESCR", "ACC_TITLE", "TITLE")


@dataclass
class _Element:
    kind: str  # "group", "service" or "junction"
    id: str
    parent: str | None


@dataclass
class _Edge:
    left: str
    right: str
    left_crosses_group: bool
    right_crosses_group: bool


@dataclass
class _Diagram:
    elements: list[_Element]
    edges: list[_Edge]
    alignments: list[tuple[str, list[str]]]


def parse(text: str) -> None:
    stream = open_stream(_LEXER, text)
    diagram = _Diagram([], [], [])
    _parse_diagram(stream, diagram)
    _check(diagram)


def _parse_diagram(stream: TokenStream, diagram: _Diagram) -> None:
    while stream.accept("NEWLINE"):
        pass
    stream.expect("architecture-beta")
    while stream.kind() != EOF:
        kind = stream.kind()
        if kind == "NEWLINE":
            stream.advance()
        elif kind in _TITLE_TOKENS:
            stream.advance()
            stream.end_of_line()
        elif kind in ("group", "service", "junction"):
            diagram.elements.append(_parse_element(stream))
        elif kind == "ID":
            diagram.edges.append(_parse_edge(stream))
        elif kind == "align":
            diagram.alignments.append(_parse_alignment(stream))
        else:
            raise stream.error("a group, service, junction, align or edge statement")


def _parse_element(stream: TokenStream) -> _Element:
    """``group id (icon)? [title]? (in parent)?``; services may use a "text icon" instead."""
    kind = stream.advance().kind
    element_id = stream.expect("ID").text
    if kind == "service":
        stream.accept("STRING", "ARCH_ICON")
    elif kind == "group":
        stream.accept("ARCH_ICON")
    if kind != "junction":
        stream.accept("ARCH_TITLE")
    parent = stream.expect("ID").text if stream.accept("in") else None
    stream.end_of_line()
    return _Element(kind, element_id, parent)


def _parse_edge(stream: TokenStream) -> _Edge:
    """``lhs{group}?:D <?--  >?D:rhs{group}?`` where the line may carry a title: ``-[title]-``."""
    left = stream.advance().text
    left_crosses = stream.accept("ARROW_GROUP") is not None
    stream.expect(":")
    stream.expect("ARROW_DIRECTION")
    stream.accept("ARROW_INTO")
    if not stream.accept("--"):
        stream.expect("-")
        stream.expect("ARCH_TITLE")
        stream.expect("-")
    stream.accept("ARROW_INTO")
    stream.expect("ARROW_DIRECTION")
    stream.expect(":")
    right = stream.expect("ID").text
    right_crosses = stream.accept("ARROW_GROUP") is not None
    stream.end_of_line()
    return _Edge(left, right, left_crosses, right_crosses)


def _parse_alignment(stream: TokenStream) -> tuple[str, list[str]]:
    stream.advance()
    direction = stream.expect("row", "column").text
    members = [stream.expect("ID").text, stream.expect("ID").text]
    while stream.kind() == "ID":
        members.append(stream.advance().text)
    stream.end_of_line()
    return direction, members


def _check(diagram: _Diagram) -> None:
    registered: dict[str, str] = {}  # id -> "group" or "node"
    parents: dict[str, str | None] = {}  # node id -> its group
    for kind in ("group", "service", "junction"):
        for element in diagram.elements:
            if element.kind == kind:
                _register(element, registered)
                if kind != "group":
                    parents[element.id] = element.parent
    for edge in diagram.edges:
        _check_edge(edge, registered, parents)
    for direction, members in diagram.alignments:
        _check_alignment(direction, members, registered)


def _register(element: _Element, registered: dict[str, str]) -> None:
    name = f"{element.kind} [{element.id}]"
    if element.id in registered:
        raise MermaidSyntaxError(
            f"The {element.kind} id [{element.id}] is already in use by another {registered[element.id]}"
        )
    parent = element.parent
    if parent is not None:
        if parent == element.id:
            raise MermaidSyntaxError(f"The {name} cannot be placed within itself")
        if parent not in registered:
            raise MermaidSyntaxError(
                f"The {name}'s parent [{parent}] does not exist (declare the group first)"
            )
        if registered[parent] == "node":
            raise MermaidSyntaxError(f"The {name}'s parent [{parent}] is not a group")
    registered[element.id] = "group" if element.kind == "group" else "node"


def _check_edge(edge: _Edge, registered: dict[str, str], parents: dict[str, str | None]) -> None:
    for side, element_id in (("left", edge.left), ("right", edge.right)):
        if element_id not in registered:
            raise MermaidSyntaxError(f"The {side}-hand id [{element_id}] of an edge does not exist yet")
    for element_id in (edge.left, edge.right):
        if element_id not in parents:  # mermaid looks the id up among services and junctions only
            raise MermaidSyntaxError(f"[{element_id}] is a group: edges must connect services or junctions")
    left_group, right_group = parents[edge.left], parents[edge.right]
    same_group = left_group is not None and left_group == right_group
    if same_group and (edge.left_crosses_group or edge.right_crosses_group):
        raise MermaidSyntaxError("{group} on an edge needs its ends in two different groups")


def _check_alignment(direction: str, members: list[str], registered: dict[str, str]) -> None:
    seen: set[str] = set()
    for member in members:
        if registered.get(member) != "node":
            raise MermaidSyntaxError(
                f"align {direction} references [{member}], which is not a service or junction"
            )
        if member in seen:
            raise MermaidSyntaxError(f"align {direction} lists [{member}] more than once")
        seen.add(member)
