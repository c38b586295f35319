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

from doclint.mermaid.diagrams._jison import Grammar, JisonLexer, Rule, parse as run_parser, token
from doclint.mermaid.diagrams.flowchart import (
    _DOT,
    _NOT_S,
    _S,
    _SHAPES,
    _describe_error,
    _FlowDb,
    _graph_keyword,
    _pop_push,
    _shape_data_string,
    _unicode_letters,
)
from doclint.mermaid.model import MermaidSyntaxError

def _shape_data_start(lexer: JisonLexer, text: str) -> str:
    """``@{`` opens shape data; its line is remembered because AgentFlowDB reports errors at it."""
    lexer.push_state("shapeData")
    lexer.yytext = ""
    lexer.flags.setdefault("shape_data_lines", deque()).append(lexer.yylineno + 1)
    return "SHAPE_DATA"


_COMMENT_TEXT = "%%(?!\\{)[^\n]*"
_RULES: tuple[tuple[str, Callable[[JisonLexer, str], str | None]], ...] = (
    (f"accTitle{_S}*:{_S}*", token("acc_title", push="acc_title")),  # 0
    ("[^\n]*", token("acc_title_value", pop=True)),
    (f"accDescr{_S}*:{_S}*", token("acc_descr", push="acc_descr")),
    ("[^\n]*", token("acc_descr_value", pop=True)),
    (f"accDescr{_S}*\\{{{_S}*", token(None, push="acc_descr_multiline")),
    ("[}]", token(None, pop=True)),  # 5
    ("[^}]*", token("acc_descr_multiline_value")),
    ("@\\{", _shape_data_start),
    ('["]', token("SHAPE_DATA", push="shapeDataStr")),
    ('["]', token("SHAPE_DATA", pop=True)),
    ('[^"]+', _shape_data_string),  # 10
    ('[^}^"]+', token("SHAPE_DATA")),
    ("\\}", token(None, pop=True)),
    (f"call{_S}+", token(None, push="callbackname")),
    (f"\\({_S}*\\)", token(None, pop=True)),
    ("\\(", _pop_push("callbackargs")),  # 15
    ("[^(]*", token("CALLBACKNAME")),
    ("\\)", token(None, pop=True)),
    ("[^)]*", token("CALLBACKARGS")),
    ('[^`"]+', token("MD_STR")),
    ('[`]["]', token(None, pop=True)),  # 20
    ('["][`]', token(None, push="md_string")),
    ('[^"]+', token("STR")),
    ('["]', token(None, pop=True)),
    ('["]', token(None, push="string")),
    ("style\\b", token("STYLE")),  # 25
    ("default\\b", token("DEFAULT")),
    ("linkStyle\\b", token("LINKSTYLE")),
    ("interpolate\\b", token("INTERPOLATE")),
    ("classDef\\b", token("CLASSDEF")),
    ("class\\b", token("CLASS")),  # 30
    (f"href{_S}", token("HREF")),
    (f"click{_S}+", token(None, push="click")),
    (f"{_S}", token(None, pop=True)),
    (f"{_NOT_S}*", token("CLICK")),
    ("agentflow-beta\\b", _graph_keyword),  # 35
    ("flow\\b", token("flow")),
    ("connector\\b", token("connector")),
    ("global\\b[ \t]*", token("global")),
    ("end\\b[ \t]*", token("end")),
    ("_self\\b", token("LINK_TARGET")),  # 40
    ("_blank\\b", token("LINK_TARGET")),
    ("_parent\\b", token("LINK_TARGET")),
    ("_top\\b", token("LINK_TARGET")),
    (f"(?:\r?\n)*{_S}*\n", token("NODIR", pop=True)),
    (f"{_S}*LR\\b", token("DIR", pop=True)),  # 45
    (f"{_S}*RL\\b", token("DIR", pop=True)),
    (f"{_S}*TB\\b", token("DIR", pop=True)),
    (f"{_S}*BT\\b", token("DIR", pop=True)),
    (f"{_S}*TD\\b", token("DIR", pop=True)),
    (f"{_S}*BR\\b", token("DIR", pop=True)),  # 50
    (f"{_S}*<", token("DIR", pop=True)),
    (f"{_S}*>", token("DIR", pop=True)),
    (f"{_S}*\\^", token("DIR", pop=True)),
    (f"{_S}*v\\b", token("DIR", pop=True)),
    (f"{_DOT}*direction{_S}+TB[^\n]*", token("direction_tb")),  # 55
    (f"{_DOT}*direction{_S}+BT[^\n]*", token("direction_bt")),
    (f"{_DOT}*direction{_S}+RL[^\n]*", token("direction_rl")),
    (f"{_DOT}*direction{_S}+LR[^\n]*", token("direction_lr")),
    (f"{_DOT}*direction{_S}+TD[^\n]*", token("direction_td")),
    (f'{_NOT_S[:-1]}"]+@(?=[^{{"])', token("LINK_ID")),  # 60
    ("[0-9]+", token("NUM")),
    ("#", token("BRKT")),
    (":::", token("STYLE_SEPARATOR")),
    (":", token("COLON")),
    ("&", token("AMP")),  # 65
    (";", token("SEMI")),
    (",", token("COMMA")),
    ("\\*", token("MULT")),
    (f"{_S}*--+[x>]{_S}*", token("LINK", pop=True)),
    (f"{_S}*--{_S}*", token("START_LINK", push="edgeText")),  # 70
    ("[^-]|-(?!-)", token("EDGE_TEXT")),
    (f"{_S}*-\\.+-{_S}*", token("LINK")),
    (_COMMENT_TEXT, token(None)),
    ("[-/)][)]", token("-)", pop=True)),
    ("[^()\\[\\]{}]|!\\)+", token("TEXT")),  # 75
    ("\\(-", token("(-", push="ellipseText")),
    ("\\]\\)", token("STADIUMEND", pop=True)),
    ("\\(\\[", token("STADIUMSTART", push="text")),
    ("\\]\\]", token("SUBROUTINEEND", pop=True)),
    ("\\[\\[", token("SUBROUTINESTART", push="text")),  # 80
    ("\\[\\|", token("VERTEX_WITH_PROPS_START")),
    (">", token("TAGEND", push="text")),
    ("\\)\\]", token("CYLINDEREND", pop=True)),
    ("\\[\\(", token("CYLINDERSTART", push="text")),
    ("\\)\\)\\)", token("DOUBLECIRCLEEND", pop=True)),  # 85
    ("\\(\\(\\(", token("DOUBLECIRCLESTART", push="text")),
    (_COMMENT_TEXT, token(None)),
    ("[\\\\(?=\\]][\\]]", token("TRAPEND", pop=True)),
    ("/(?=\\])\\]", token("INVTRAPEND", pop=True)),
    ("/(?!\\])|\\\\(?!\\])|[^\\\\\\[\\](){}/%]+", token("TEXT")),  # 90
    ("\\[/", token("TRAPSTART", push="trapText")),
    ("\\[\\\\", token("INVTRAPSTART", push="trapText")),
    ("<", token("TAGSTART")),
    (">", token("TAGEND")),
    ("\\^", token("UP")),  # 95
    ("\\\\\\|", token("SEP")),
    ("v\\b", token("DOWN")),
    ("\\*", token("MULT")),
    ("#", token("BRKT")),
    ("&", token("AMP")),  # 100
    ("[ \t]*" + _COMMENT_TEXT, token("COMMENT")),
    ("(?:[A-Za-z0-9!\"#$%&'*+.`?\\\\_/]|-(?=[^>\\-.]))+", token("NODE_STRING")),
    ("-", token("MINUS")),
    (_unicode_letters(), token("UNICODE_TEXT")),
    ("\\|", token("PIPE", pop=True)),  # 105
    ("\\|", token("PIPE", push="text")),
    ("\\)", token("PE", pop=True)),
    ("\\(", token("PS", push="text")),
    ("\\]", token("SQE", pop=True)),
    ("\\[", token("SQS", push="text")),  # 110
    ("\\}", token("DIAMOND_STOP", pop=True)),
    ("\\{", token("DIAMOND_START", push="text")),
    (_COMMENT_TEXT, token(None)),
    ('[^\\[\\](){}|"%]+', token("TEXT")),
    ('"', token("QUOTE")),  # 115
    ("(?:\r?\n)+", token("NEWLINE")),
    (_S, token("SPACE")),
    ("\\Z", token("EOF")),
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
_COMPILED_RULES = tuple(
    Rule(re.compile(pattern, re.ASCII), action, "direction" if 55 <= index <= 59 else None)
    for index, (pattern, action) in enumerate(_RULES)
)

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
node: styledVertex | node shapeData spaceList AMP spaceList styledVertex | node spaceList AMP spaceList styledVertex
styledVertex: vertex | vertex STYLE_SEPARATOR idString
vertex: idString SQS text SQE | idString DOUBLECIRCLESTART text DOUBLECIRCLEEND | idString PS PS text PE PE
  | idString (- text -) | idString STADIUMSTART text STADIUMEND | idString SUBROUTINESTART text SUBROUTINEEND
  | idString VERTEX_WITH_PROPS_START NODE_STRING COLON NODE_STRING PIPE text SQE
  | idString CYLINDERSTART text CYLINDEREND | idString PS text PE | idString DIAMOND_START text DIAMOND_STOP
  | idString DIAMOND_START DIAMOND_START text DIAMOND_STOP DIAMOND_STOP | idString TAGEND text SQE
  | idString TRAPSTART text TRAPEND | idString INVTRAPSTART text INVTRAPEND | idString TRAPSTART text INVTRAPEND
  | idString INVTRAPSTART text TRAPEND | idString
link: linkStatement arrowText | linkStatement TESTSTR SPACE | linkStatement arrowText SPACE | linkStatement
  | START_LINK edgeText LINK | LINK_ID START_LINK edgeText LINK
edgeText: edgeTextToken | edgeText edgeTextToken | STR | MD_STR
linkStatement: LINK | LINK_ID LINK
arrowText: PIPE text PIPE
text: textToken | text textToken | STR | MD_STR
keywords: STYLE | LINKSTYLE | CLASSDEF | CLASS | CLICK | GRAPH | DIR | flow | connector | global | end | DOWN | UP
textNoTags: textNoTagsToken | textNoTags textNoTagsToken | STR | MD_STR
classDefStatement: CLASSDEF SPACE idString SPACE stylesOpt
classStatement: CLASS SPACE idString SPACE idString
clickStatement: CLICK CALLBACKNAME | CLICK CALLBACKNAME SPACE STR | CLICK CALLBACKNAME CALLBACKARGS
  | CLICK CALLBACKNAME CALLBACKARGS SPACE STR | CLICK HREF STR | CLICK HREF STR SPACE STR
  | CLICK HREF STR SPACE LINK_TARGET | CLICK HREF STR SPACE STR SPACE LINK_TARGET | CLICK alphaNum
  | CLICK alphaNum SPACE STR | CLICK STR | CLICK STR SPACE STR | CLICK STR SPACE LINK_TARGET
  | CLICK STR SPACE STR SPACE LINK_TARGET
styleStatement: STYLE SPACE idString SPACE stylesOpt
linkStyleStatement: LINKSTYLE SPACE DEFAULT SPACE stylesOpt | LINKSTYLE SPACE numList SPACE stylesOpt
  | LINKSTYLE SPACE DEFAULT SPACE INTERPOLATE SPACE alphaNum SPACE stylesOpt
  | LINKSTYLE SPACE numList SPACE INTERPOLATE SPACE alphaNum SPACE stylesOpt
  | LINKSTYLE SPACE DEFAULT SPACE INTERPOLATE SPACE alphaNum | LINKSTYLE SPACE numList SPACE INTERPOLATE SPACE alphaNum
numList: NUM | numList COMMA NUM
stylesOpt: style | stylesOpt COMMA style
style: styleComponent | style styleComponent
styleComponent: NUM | NODE_STRING | COLON | UNIT | SPACE | BRKT | STYLE | PCT
idStringToken: NUM | NODE_STRING | DOWN | MINUS | DEFAULT | COMMA | COLON | AMP | BRKT | MULT | UNICODE_TEXT
textToken: TEXT | TAGSTART | TAGEND | UNICODE_TEXT
textNoTagsToken: NUM | NODE_STRING | SPACE | MINUS | AMP | UNICODE_TEXT | COLON | MULT | BRKT | keywords | START_LINK
edgeTextToken: EDGE_TEXT | UNICODE_TEXT
alphaNumToken: NUM | UNICODE_TEXT | NODE_STRING | DIR | DOWN | MINUS | COMMA | COLON | AMP | BRKT | MULT
idString: idStringToken | idString idStringToken
alphaNum: alphaNumToken | alphaNum alphaNumToken
direction: direction_tb | direction_bt | direction_rl | direction_lr | direction_td
"""
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
            raise MermaidSyntaxError(error.message, line + error.offset) from None
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


_TRAILING_COMMA = re.compile(r",[ \t]*$", re.MULTILINE)


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
        stripped = metadata if inline else _TRAILING_COMMA.sub("", metadata)
        if stripped != metadata:
            try:
                return load_json_schema(stripped + "\n")
            except FrontMatterError:
                pass
        offset = 0 if inline or error.line is None else error.line - 1
        raise _PositionedError(f"Invalid YAML in `@{{...}}` shape data: {error}", offset) from None


def _semantic_actions(db: _AgentflowDb, shape_data_lines: deque[int]) -> dict[int, Callable[[list[Any]], Any]]:
    def link_statement(with_data: bool) -> Callable[[list[Any]], Any]:
        def act(values: list[Any]) -> Any:
            statement, link, node = values[0], values[1], values[2]
            if with_data:
                db.add_vertex(node[-1], values[3])
            db.add_link(statement["stmt"], node, link)
            return {"stmt": node, "nodes": node + statement["nodes"]}

        return act

    def vertex_with_data(values: list[Any]) -> Any:
        db.add_vertex(values[0][-1], values[1])
        return {"stmt": values[0], "nodes": values[0]}

    def node_with_data(values: list[Any]) -> Any:
        db.add_vertex(values[0][-1], values[1])
        return values[0] + [values[5]]

    def vertex(values: list[Any]) -> Any:
        db.add_vertex(values[0])
        return values[0]

    def flow_with_data(title: int, data: int) -> Callable[[list[Any]], Any]:
        def act(values: list[Any]) -> Any:
            subgraph_id = db.add_subgraph(values[title], False)
            db.add_vertex(subgraph_id, values[data])
            return subgraph_id

        return act

    def connector(data: int | None) -> Callable[[list[Any]], Any]:
        def act(values: list[Any]) -> Any:
            connector_id = db.add_connector(values[2])
            if data is not None:
                db.add_vertex(connector_id, values[data])
            return connector_id

        return act

    def link_style(numbers: int | None, interpolate: bool, style: bool) -> Callable[[list[Any]], Any]:
        def act(values: list[Any]) -> Any:
            positions = values[numbers] if numbers is not None else ["default"]
            if interpolate:
                db.update_links(positions, "interpolation")
            if style:
                db.update_links(positions, "style")
            return None

        return act

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
        58: link_statement(True),
        59: link_statement(False),
        60: link_statement(False),
        61: lambda values: {"stmt": values[0], "nodes": values[0]},
        62: vertex_with_data,
        63: lambda values: {"stmt": values[0], "nodes": values[0]},
        64: lambda values: [values[0]],
        65: node_with_data,
        66: lambda values: values[0] + [values[4]],
        86: lambda values: {**values[0]},
        88: lambda values: {**values[0]},
        90: lambda values: {},
        91: lambda values: {"id": values[0]},
        96: lambda values: {},
        97: lambda values: {"id": values[0]},
        116: lambda values: {"text": values[0]},
        117: lambda values: {"text": values[0]["text"] + values[1]},
        118: lambda values: {"text": values[0]},
        119: lambda values: {"text": values[0]},
        137: link_style(None, False, True),
        138: link_style(2, False, True),
        139: link_style(None, True, True),
        140: link_style(2, True, True),
        141: link_style(None, True, False),
        142: link_style(2, True, False),
        143: lambda values: [values[0]],
        144: lambda values: values[0] + [values[2]],
        196: lambda values: values[0],
        197: lambda values: values[0] + values[1],
    }
    for production in range(69, 86):
        actions[production] = vertex
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

