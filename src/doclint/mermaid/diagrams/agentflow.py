"""The ``agentflow-beta`` diagram, modelled on mermaid 12.3.0's src/diagrams/agentflow/parser/agentflow.jison
(a variant of flow.jison: ``flow ... end`` and ``global ... end`` blocks, ``connector`` lines, ``%%`` comments
kept in the parsed text as COMMENT tokens, only ``-->``/``--x``/``-.-`` style links) and AgentFlowDB's checks:
shape data must be YAML (a multi-line block may end its lines with commas) naming a known shape after
agentflow's aliases (task, tool, input, decision, refdoc, action, round), and ``linkStyle`` must name edges.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from typing import Any

from doclint.mermaid.diagrams._jison.lalr import Grammar, JisonLexer, token
from doclint.mermaid.diagrams._jison.lalr import parse as run_parser
from doclint.mermaid.diagrams.flowchart import (
    _NOT_S,
    _S,
    _SHAPES,
    SHARED_BNF_TAIL,
    FlowActions,
    _describe_error,
    _FlowDb,
    _graph_keyword,
    _statement,
    compile_rules,
)
from doclint.mermaid.diagrams.flowchart import _RULES as FLOW_RULES
from doclint.mermaid.model import MermaidSyntaxError


def _shape_data_start(lexer: JisonLexer, text: str) -> str:
    """``@{`` opens shape data; its line is remembered because AgentFlowDB reports errors at it."""
    lexer.push_state("shapeData")
    lexer.yytext = ""
    lexer.flags.setdefault("shape_data_lines", deque()).append(lexer.yylineno + 1)
    return "SHAPE_DATA"


_COMMENT_TEXT = "%%(?!\\{)[^\n]*"
_RULES: tuple[tuple[str, Callable[[JisonLexer, str], str | None]], ...] = (
    *FLOW_RULES[0:7],  # 0-6: accessibility lines
    ("@\\{", _shape_data_start),  # 7: shape data, remembering its line
    *FLOW_RULES[8:35],  # 8-34: shape data, callbacks, strings, style keywords, click
    ("agentflow-beta\\b", _graph_keyword),  # 35
    ("flow\\b", token("flow")),
    ("connector\\b", token("connector")),
    ("global\\b[ \t]*", token("global")),
    ("end\\b[ \t]*", token("end")),
    *FLOW_RULES[41:61],  # 40-59: link targets, graph direction, direction statements
    (f'{_NOT_S[:-1]}"]+@(?=[^{{"])', token("LINK_ID")),  # 60
    *FLOW_RULES[62:70],  # 61-68: NUM # ::: : & ; , *
    (f"{_S}*--+[x>]{_S}*", token("LINK", pop=True)),  # 69
    (f"{_S}*--{_S}*", token("START_LINK", push="edgeText")),
    FLOW_RULES[72],
    (f"{_S}*-\\.+-{_S}*", token("LINK")),
    (_COMMENT_TEXT, token(None)),
    *FLOW_RULES[80:93],  # 74-86: ellipse, stadium, subroutine, props, odd, cylinder, double circle
    (_COMMENT_TEXT, token(None)),  # 87
    *FLOW_RULES[93:95],
    ("/(?!\\])|\\\\(?!\\])|[^\\\\\\[\\](){}/%]+", token("TEXT")),  # 90
    *FLOW_RULES[96:106],  # 91-100: trapezoids, < > ^ \| v * # &
    ("[ \t]*" + _COMMENT_TEXT, token("COMMENT")),  # 101
    *FLOW_RULES[106:117],  # 102-112: NODE_STRING - UNICODE_TEXT | ) ( ] [ } {
    (_COMMENT_TEXT, token(None)),  # 113
    ('[^\\[\\](){}|"%]+', token("TEXT")),
    *FLOW_RULES[118:120],  # 115-116: " NEWLINE
    (_S, token("SPACE")),
    FLOW_RULES[121],  # 118: end of input
)

_EVERYWHERE = (21, 24, 76, 78, 80, 84, 86, 91, 92, 106, 108, 110, 112)
_OWN_RULES: dict[str, tuple[int, ...]] = {
    "INITIAL": (0, 2, 4, 7, 13, 25, 26, 27, 28, 29, 30, 31, 32)
    + tuple(range(35, 44))
    + tuple(range(55, 71))
    + (72, 81, 82)
    + tuple(range(93, 105))
    + (115, 116, 117, 118),
    "shapeDataStr": (9, 10),
    "shapeData": (8, 11, 12),
    "callbackargs": (17, 18),
    "callbackname": (14, 15, 16),
    "href": (),
    "click": (33, 34),
    "edgeText": (69, 71),
    "trapText": (87, 88, 89, 90),
    "ellipseText": (73, 74, 75),
    "text": (77, 79, 83, 85, 105, 107, 109, 111, 113, 114),
    "vertex": (),
    "dir": tuple(range(44, 55)),
    "acc_descr_multiline": (5, 6),
    "acc_descr": (3,),
    "acc_title": (1,),
    "md_string": (19, 20),
    "string": (22, 23),
}
_CONDITIONS = {name: tuple(sorted(set(own) | set(_EVERYWHERE))) for name, own in _OWN_RULES.items()}
_LINK_ID_STOPS = re.compile(_S[:-1] + '"]')
# links begin with optional whitespace: what must come after it (keeps long blank stretches linear)
_AFTER_SPACE = {69: "--", 70: "--", 72: "-\\."}
_COMPILED_RULES = compile_rules(_RULES, range(55, 60), 60, _LINK_ID_STOPS, _AFTER_SPACE)

_GRAMMAR = Grammar(
    """
start: graphConfig document
document: %empty | document line
line: statement | COMMENT | SEMI | NEWLINE | SPACE | EOF
graphConfig: SPACE graphConfig | NEWLINE graphConfig | COMMENT graphConfig | GRAPH NODIR
  | GRAPH DIR FirstStmtSeparator
ending: endToken ending | endToken
endToken: NEWLINE | SPACE | EOF
FirstStmtSeparator: SEMI | NEWLINE | spaceList NEWLINE | COMMENT
spaceListNewline: SPACE spaceListNewline | NEWLINE spaceListNewline | COMMENT spaceListNewline | NEWLINE | SPACE
  | COMMENT
spaceList: SPACE spaceList | SPACE
statement: vertexStatement separator | styleStatement separator | linkStyleStatement separator
  | classDefStatement separator | classStatement separator | clickStatement separator
  | flow SPACE textNoTags SQS text SQE separator document end
  | flow SPACE textNoTags SQS text SQE shapeData separator document end
  | flow SPACE textNoTags separator document end
  | flow SPACE textNoTags shapeData separator document end
  | flow separator document end
  | global separator document end
  | connector SPACE textNoTags SQS text SQE separator
  | connector SPACE textNoTags SQS text SQE shapeData separator
  | connector SPACE textNoTags separator
  | connector SPACE textNoTags shapeData separator
  | direction | acc_title acc_title_value | acc_descr acc_descr_value | acc_descr_multiline_value
separator: NEWLINE | SEMI | EOF | COMMENT
shapeData: shapeData SHAPE_DATA | SHAPE_DATA
vertexStatement: vertexStatement link node shapeData | vertexStatement link node | vertexStatement link node spaceList
  | node spaceList | node shapeData | node
"""
    + SHARED_BNF_TAIL.format(block_keywords="flow | connector | global")
)

_SHAPE_ALIASES = {
    "task": "roundedRect",
    "tool": "subroutine",
    "input": "lean-right",
    "lean_right": "lean-right",
    "decision": "diamond",
    "refdoc": "lin-doc",
    "action": "hexagon",
    "round": "rect",
}
# isValidShape() after agentflow's aliases: the flowchart registry plus its camel-case internal names
_KNOWN_SHAPES = _SHAPES | {"roundedRect", "squareRect", "lean_right", "lean_left", "inv_trapezoid"}


class _AgentflowDb(_FlowDb):
    connectors: set[str]

    def add_vertex(self, vertex_id: str, metadata: Any = None) -> None:
        if not vertex_id or not vertex_id.strip():
            return
        if metadata is None:
            self.vertices.add(vertex_id)
            return
        text, line = metadata
        try:
            self._add_described_vertex(vertex_id, text)
        except _PositionedError as error:
            raise MermaidSyntaxError(error.message, None if line is None else line + error.offset) from None
        except MermaidSyntaxError as error:
            raise MermaidSyntaxError(error.message, line) from None

    def _add_described_vertex(self, vertex_id: str, metadata: str) -> None:
        document = _load_metadata(metadata)
        if document is None:
            document = {}
        if (vertex_id in self.subgraphs or vertex_id in self.connectors) and document:
            return
        if vertex_id == "connectors" or vertex_id in self.edge_ids:
            return
        self.vertices.add(vertex_id)
        shape = document.get("shape") if isinstance(document, dict) else None
        if not shape:
            return
        if not isinstance(shape, str):
            raise MermaidSyntaxError(f"No such shape: {shape!r}.")
        if shape != shape.lower() or "_" in shape:
            raise MermaidSyntaxError(f"No such shape: {shape}. Shape names should be lowercase.")
        if _SHAPE_ALIASES.get(shape, shape) not in _KNOWN_SHAPES:
            raise MermaidSyntaxError(f"No such shape: {shape}.")

    def add_subgraph(self, title_id: dict[str, Any] | None, same_title: bool) -> str:
        if title_id is None:  # agentflow reads the missing id safely
            subgraph_id = f"subGraph{self.subgraph_count}"
            self.subgraph_count += 1
            self.subgraphs.add(subgraph_id)
            return subgraph_id
        return super().add_subgraph(title_id, same_title)

    def add_connector(self, title_id: dict[str, Any]) -> str:
        connector_id = title_id["text"].strip()
        if connector_id:
            self.connectors.add(connector_id)
        return connector_id


_BLOCK_SCALAR_HEADER = re.compile(r":\s*[>|][0-9+-]*\s*$")
_LINE_END_COMMA = re.compile(r",([\t ]*)$")


def _strip_line_trailing_commas(body: str) -> str:
    """AgentFlowDB's ``stripLineTrailingCommas``: drop a comma ending a line, outside quotes, flow collections,
    comments and block scalars."""
    in_single = in_double = False
    flow_depth = 0
    block_indent: int | None = None
    out = []
    for line in body.split("\n"):
        indent = len(line) - len(line.lstrip())
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                out.append(line)
                continue
            block_indent = None
        comment_start = -1
        index = 0
        while index < len(line):
            char = line[index]
            if in_double:
                if char == "\\":
                    index += 1
                elif char == '"':
                    in_double = False
            elif in_single:
                if char == "'":
                    in_single = False
            elif char == '"':
                in_double = True
            elif char == "'":
                in_single = True
            elif char == "#" and (index == 0 or line[index - 1] in " \t"):
                comment_start = index
                break
            elif char in "[{":
                flow_depth += 1
            elif char in "]}":
                flow_depth = max(0, flow_depth - 1)
            index += 1
        if in_single or in_double or flow_depth > 0:
            out.append(line)
            continue
        code, comment = (line[:comment_start], line[comment_start:]) if comment_start >= 0 else (line, "")
        if _BLOCK_SCALAR_HEADER.search(code):
            block_indent = indent
            out.append(line)
            continue
        out.append(_LINE_END_COMMA.sub(r"\1", code) + comment)
    return "\n".join(out)


class _PositionedError(MermaidSyntaxError):
    """A YAML error ``offset`` lines below the ``@{`` that opened the block."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def _load_metadata(metadata: str) -> Any:
    """AgentFlowDB retries a multi-line block without its line-ending commas before giving up."""
    from doclint.mermaid.front_matter import FrontMatterError, load_json_schema

    inline = "\n" not in metadata
    try:
        return load_json_schema("{\n" + metadata + "\n}" if inline else metadata + "\n")
    except FrontMatterError as error:
        stripped = metadata if inline else _strip_line_trailing_commas(metadata)
        if stripped != metadata:
            try:
                return load_json_schema(stripped + "\n")
            except FrontMatterError:
                pass
        offset = 0 if inline or error.line is None else error.line - 1
        raise _PositionedError(f"Invalid YAML in `@{{...}}` shape data: {error}", offset) from None


def _semantic_actions(
    db: _AgentflowDb, shape_data_lines: deque[int]
) -> dict[int, Callable[[list[Any]], Any]]:
    act = FlowActions(db)

    def flow_with_data(title: int, data: int) -> Callable[[list[Any]], Any]:
        def reduce(values: list[Any]) -> Any:
            subgraph_id = db.add_subgraph(values[title], False)
            db.add_vertex(subgraph_id, values[data])
            return subgraph_id

        return reduce

    def connector(data: int | None) -> Callable[[list[Any]], Any]:
        def reduce(values: list[Any]) -> Any:
            connector_id = db.add_connector(values[2])
            if data is not None:
                db.add_vertex(connector_id, values[data])
            return connector_id

        return reduce

    actions: dict[int, Callable[[list[Any]], Any]] = {
        2: lambda values: [],
        38: lambda values: db.add_subgraph(values[2], False),
        39: flow_with_data(2, 6),
        40: lambda values: db.add_subgraph(values[2], False),
        41: flow_with_data(2, 3),
        42: lambda values: db.add_subgraph(None, False),
        43: lambda values: [],
        44: connector(None),
        45: connector(6),
        46: connector(None),
        47: connector(3),
        56: lambda values: (values[0][0] + values[1], values[0][1]),
        57: lambda values: (values[0], shape_data_lines.popleft() if shape_data_lines else None),
        58: act.link_statement(True),
        59: act.link_statement(False),
        60: act.link_statement(False),
        61: _statement,
        62: act.vertex_with_data,
        63: _statement,
        64: lambda values: [values[0]],
        65: act.node_with_data,
        66: lambda values: values[0] + [values[4]],
        **act.values(link=86, text_no_tags=116, num_list=143, id_string=196),
        **act.link_styles(137),
    }
    for production in range(69, 86):
        actions[production] = act.vertex
    return actions


_CLOSING_BRACE_SPACES = re.compile("\\}[^\\S\n]*\n")


def parse(text: str) -> None:
    """Raise MermaidSyntaxError where mermaid's agentflow parser (or AgentFlowDB while parsing) would throw."""
    source = _CLOSING_BRACE_SPACES.sub("}\n", text + "\n") if "}" in text else text + "\n"
    lexer = JisonLexer(_COMPILED_RULES, _CONDITIONS, source)
    db = _AgentflowDb()
    db.connectors = set()
    shape_data_lines: deque[int] = deque()
    lexer.flags["shape_data_lines"] = shape_data_lines
    run_parser(_GRAMMAR, lexer, _semantic_actions(db, shape_data_lines), _describe_error)
