"""Mindmaps, modelled on mermaid's jison grammar ``mindmap.jison`` and ``MindmapDB.addNode``.

    start: spaceLines? MINDMAP NL? (statement stop)+
    statement: SPACELIST (node | ICON | CLASS)? | node | ICON | CLASS | SPACELINE
    node: NODE_ID (NODE_DSTART NODE_DESCR NODE_DEND)? | NODE_DSTART NODE_DESCR NODE_DEND
    stop: (NL | EOF | SPACELINE) (NL | EOF)*

Indentation is the length of the SPACELIST before a node. The first node is the root; every later
node must be indented deeper than the root (mermaid finds no parent otherwise), and an icon or class
needs a node before it. ``kanban.py`` reuses the node lexing and the statement loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from doclint.mermaid.diagrams._jison.lex import END, WORD_END, JisonLexer, Rule, Token, TokenStream
from doclint.mermaid.model import MermaidSyntaxError

_NODE_STATES = frozenset({"NODE", "NSTR", "NSTR2", "ICON", "CLASS"})


def node_tree_lexer(
    header: str, node_id: str, leading: Sequence[Rule] = (), exclusive: frozenset[str] = frozenset()
) -> JisonLexer:
    """The lexer mindmap.jison and kanban.jison share: ``leading`` rules, then comments, the header,
    decorations, blank lines, node shapes, indentation and node ids (``node_id``), then node text."""
    return JisonLexer(
        [
            *leading,
            Rule(r"\s*%%.*", "SPACELINE"),
            Rule(header + WORD_END, "HEADER"),
            Rule(":::", push="CLASS"),
            Rule(".+", "CLASS", states=("CLASS",), pop=True),
            Rule(r"\n", states=("CLASS",), pop=True),
            Rule(r"::icon\(", push="ICON"),
            Rule(r"\s+\n", "SPACELINE"),
            Rule(r"\n+", "NL"),
            Rule(r"[^)]+", "ICON", states=("ICON",)),
            Rule(r"\)", states=("ICON",), pop=True),
            *(Rule(shape, "NODE_DSTART", push="NODE") for shape in _OPENING_SHAPES),
            Rule(r"\s+", "SPACELIST"),
            Rule(node_id, "NODE_ID"),
            Rule("$", "EOF"),
            *_node_text_rules(),
        ],
        exclusive=_NODE_STATES | exclusive,
        ignore_case=True,
    )


# ``-)``, ``(-``, ``))``, ``)``, ``((``, ``{{``, ``(``, ``[`` open a node's text; closing ones end it
_OPENING_SHAPES = (r"-\)", r"\(-", r"\)\)", r"\)", r"\(\(", r"\{\{", r"\(", r"\[")
_CLOSING_SHAPES = (r"\)\)", r"\)", r"\]", r"\}\}", r"\(-", r"-\)", r"\(\(", r"\(")


def _node_text_rules() -> list[Rule]:
    """Inside a node: quoted or markdown strings, the closing shape, or description text."""
    node = ("NODE",)
    return [
        Rule('"`', states=node, push="NSTR2"),
        Rule('[^`"]+', "NODE_DESCR", states=("NSTR2",)),
        Rule('`"', states=("NSTR2",), pop=True),
        Rule('"', states=node, push="NSTR"),
        Rule('[^"]+', "NODE_DESCR", states=("NSTR",)),
        Rule('"', states=("NSTR",), pop=True),
        *(Rule(shape, "NODE_DEND", states=node, pop=True) for shape in _CLOSING_SHAPES),
        Rule(r"[^)\](}]+", "NODE_DESCR", states=node),
        Rule(r".+(?!\(\()", "NODE_DESCR", states=node),
    ]


_LEXER = node_tree_lexer("mindmap", r"[^(\[\n){}]+")
_STOP = ("NL", "EOF", "SPACELINE")
_CONTENT = ("NODE_ID", "NODE_DSTART", "ICON", "CLASS")


@dataclass(frozen=True)
class Statement:
    kind: str  # "node", "decoration" or "blank"
    level: int
    token: Token
    shape_data: tuple[Token, ...] = ()  # kanban: the tokens of the node's @{...}


def parse_document(
    cursor: TokenStream, header: str, on_statement: Callable[[Statement], None], shape_data: bool = False
) -> None:
    """``start: spaceLines? HEADER NL? (statement stop)+``, calling ``on_statement`` after each statement."""
    if cursor.kind() == "SPACELINE":
        while cursor.accept("SPACELINE", "NL"):
            pass
    cursor.expect("HEADER", what=f"`{header}`")
    cursor.accept("NL")
    while True:
        statement = _statement(cursor, shape_data)
        if cursor.kind() not in _STOP:
            cursor.fail("expected a line break after the node")
        on_statement(statement)  # jison runs the action only once the line break is seen
        cursor.advance()
        while cursor.accept("NL", "EOF"):
            pass
        if cursor.kind() == END:
            return


def _statement(cursor: TokenStream, shape_data: bool) -> Statement:
    first = cursor.peek()
    if first.kind == "SPACELINE":
        cursor.advance()
        return Statement("blank", 0, first)
    level = 0
    if first.kind == "SPACELIST":
        cursor.advance()
        level = len(first.text)
        if cursor.kind() not in _CONTENT:
            return Statement("blank", level, first)
    elif first.kind not in _CONTENT:
        cursor.fail("expected a node, `::icon(...)` or `:::class`")
    token = cursor.advance()
    if token.kind in ("ICON", "CLASS"):
        return Statement("decoration", level, token)
    if token.kind == "NODE_DSTART" or cursor.kind() == "NODE_DSTART":
        if token.kind == "NODE_ID":
            cursor.advance()
        cursor.expect("NODE_DESCR", what="the node's text")
        cursor.expect("NODE_DEND", what="the closing bracket of the node")
    data: list[Token] = []
    if shape_data:
        while cursor.kind() == "SHAPE_DATA":
            data.append(cursor.advance())
    return Statement("node", level, token, tuple(data))


def check_decoration(statement: Statement, node_count: int) -> None:
    """``decorateNode`` sets a property on the last node, so it fails when there is none yet."""
    if statement.kind == "decoration" and node_count == 0:
        what = "an icon" if statement.token.kind == "ICON" else "a class"
        raise MermaidSyntaxError(f"{what} must follow a node", statement.token.line)


class _Mindmap:
    def __init__(self) -> None:
        self.levels: list[int] = []  # relative levels of the nodes so far
        self.base_level = 0

    def add(self, statement: Statement) -> None:
        check_decoration(statement, len(self.levels))
        if statement.kind != "node":
            return
        if not self.levels:
            self.base_level = statement.level
            self.levels.append(0)
            return
        level = statement.level - self.base_level
        # MindmapDB.getParent: the closest earlier node with a smaller level
        if not any(earlier < level for earlier in self.levels):
            raise MermaidSyntaxError(
                f"there can be only one root: `{statement.token.text.strip()}` is not indented below the root",
                statement.token.line,
            )
        self.levels.append(level)


def parse(text: str) -> None:
    text += "\n"  # Diagram.fromText appends a newline before calling the parser
    cursor = TokenStream(_LEXER.tokens(text))
    parse_document(cursor, "mindmap", _Mindmap().add)
