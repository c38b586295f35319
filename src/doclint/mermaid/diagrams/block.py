"""Block diagrams, modelled on mermaid 12.3.0's ``block.jison``.

The lexer skips every whitespace run (newlines included), so statements need no separators; node
labels must be quoted strings inside a shape (``id["label"]``), and ``block:id ... end`` /
``block ... end`` nest documents, which may not be empty. The one database failure modelled: a
``style`` statement naming a block that is not defined (yet) makes mermaid throw a TypeError.
"""

from __future__ import annotations

from doclint.mermaid.diagrams._jison.lex import ACCESSIBILITY_RULES, TokenStream, build_lexer, run_jison
from doclint.mermaid.model import MermaidSyntaxError

_LINK_RULES = (
    r"\s*[xo<]?--+[-xo>]\s*",
    r"\s*[xo<]?==+[=xo>]\s*",
    r"\s*[xo<]?-?\.+-[xo>]?\s*",
)
_NODE_ENDS = (
    r"\(\(\(", r"\)\)\)", r"\)\)", r"\}\}", r"\}", r"\(-", r"-\)", r"\(\(", r"\]\]", r"\(", r"\]\)",
    r"\\\]", r"/\]", r"\)\]", r"\)", r"\]>", r"\]",
)  # fmt: skip
_NODE_STARTS = (
    r"-\)", r"\(-", r"\)\)", r"\)", r"\(\(\(", r"\(\(", r"\{\{", r"\{", r">", r"\(\[", r"\(", r"\[\[",
    r"\[\|", r"\[\(", r"\)\)\)", r"\[\\", r"\[/", r"\[",
)  # fmt: skip
_DIRECTIONS = ("right", "left", "x", "y", "up", "down")

_LEXER = build_lexer(
    [
        ("*", r"block-beta\b", "BLOCK_DIAGRAM_KEY", None),
        ("*", r"block:", "id-block", None),
        ("*", r"block\b", "BLOCK_DIAGRAM_KEY", None),
        ("*", r"\s+", None, None),
        ("*", r"columns\s+auto\b", "COLUMNS", None),
        ("*", r"columns\s+\d+", "COLUMNS", None),
        ("* BLOCK_ARROW NODE LLABEL", r"\"`", None, "md_string"),
        ("md_string", r"[^`\"]+", "MD_STR", None),
        ("md_string", r"`\"", None, "pop"),
        ("* NODE BLOCK_ARROW", r"\"", None, "string"),
        ("string", r"\"", None, "pop"),
        ("string", r"[^\"]*", "STR", None),
        ("*", r"space:\d+", "SPACE_BLOCK", None),
        ("*", r"space\b", "SPACE_BLOCK", None),
        ("*", r"default\b", "DEFAULT", None),
        ("*", r"linkStyle\b", "LINKSTYLE", None),
        ("*", r"interpolate\b", "INTERPOLATE", None),
        ("*", r"classDef\s+", "classDef", "CLASSDEF"),
        ("CLASSDEF", r"DEFAULT\s+", "DEFAULT_CLASSDEF_ID", "pop CLASSDEFID"),
        ("CLASSDEF", r"\w+\s+", "CLASSDEF_ID", "pop CLASSDEFID"),
        ("CLASSDEFID", r"[^\n]*", "CLASSDEF_STYLEOPTS", "pop"),
        ("*", r"class\s+", "class", "CLASS"),
        ("CLASS", r"\w+(?:,\s*\w+)*", "CLASSENTITY_IDS", "pop CLASS_STYLE"),
        ("CLASS_STYLE", r"[^\n]*", "STYLECLASS", "pop"),
        ("*", r"style\s+", "style", "STYLE_STMNT"),
        ("STYLE_STMNT", r"\w+(?:,\s*\w+)*", "STYLE_ENTITY_IDS", "pop STYLE_DEFINITION"),
        ("STYLE_DEFINITION", r"[^\n]*", "STYLE_DEFINITION_DATA", "pop"),
        *ACCESSIBILITY_RULES,  # lexed, but no statement of the grammar uses them
        ("*", r"end\b\s*", "end", None),
        *[("NODE", pattern, "NODE_DEND", "pop") for pattern in _NODE_ENDS],
        *[("*", pattern, "NODE_DSTART", "NODE") for pattern in _NODE_STARTS],
        ("*", r"<\[", "BLOCK_ARROW_START", "BLOCK_ARROW"),
        ("*", r"[^(\[\n\-){}\s<>:=]+", "NODE_ID", None),
        ("*", r"\Z", "EOF", None),
        ("BLOCK_ARROW", r"\]>\s*\(", None, "ARROW_DIR"),
        *[("ARROW_DIR", rf",?\s*{direction}\s*", "DIR", None) for direction in _DIRECTIONS],
        ("ARROW_DIR", r"\)\s*", "BLOCK_ARROW_END", "pop pop"),
        *[("*", pattern, "LINK", None) for pattern in _LINK_RULES],
        ("*", r"\s*~~~+\s*", "LINK", None),
        ("*", r"\s*[xo<]?--\s*", "START_LINK", "LLABEL"),
        ("*", r"\s*[xo<]?==\s*", "START_LINK", "LLABEL"),
        ("*", r"\s*[xo<]?-\.\s*", "START_LINK", "LLABEL"),
        ("LLABEL", r"\"", "LINK_LABEL", "string"),
        *[("LLABEL", pattern, "LINK", "pop") for pattern in _LINK_RULES],
        ("*", r":\d+", "SIZE", None),
    ],
    flags=0,
)

# tokens that may begin a statement of a document
_STATEMENT_STARTS = frozenset(
    ("NODE_ID", "COLUMNS", "SPACE_BLOCK", "id-block", "BLOCK_DIAGRAM_KEY", "classDef", "class", "style")
)


class _BlockDatabase:
    """What mermaid's block database knows, in the order ``populateBlockDatabase`` learns it."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []  # ("define", id) or ("style", id)

    def check(self) -> None:
        """``style id ...`` on an id no block has yet makes mermaid fail (a TypeError)."""
        known: set[str] = set()
        for event, block_id in self.events:
            if event == "define":
                known.add(block_id)
            elif block_id not in known:
                raise MermaidSyntaxError(
                    f"style {block_id}: no block with that id is defined before this line"
                )


def parse(text: str) -> None:
    database = _BlockDatabase()
    run_jison(_LEXER, text, lambda stream: _parse_diagram(stream, database))
    database.check()


def _parse_diagram(stream: TokenStream, database: _BlockDatabase) -> None:
    stream.expect("BLOCK_DIAGRAM_KEY")
    _parse_document(stream, database)
    stream.expect("EOF")


def _parse_document(stream: TokenStream, database: _BlockDatabase) -> None:
    """``document: statement+``."""
    _parse_statement(stream, database)
    while stream.kind() in _STATEMENT_STARTS:
        _parse_statement(stream, database)


def _parse_statement(stream: TokenStream, database: _BlockDatabase) -> None:
    kind = stream.kind()
    if kind == "NODE_ID":
        _parse_node_statement(stream, database)
    elif kind in ("COLUMNS", "SPACE_BLOCK"):
        stream.advance()
    elif kind == "id-block":
        stream.advance()
        _parse_node_statement(stream, database)
        _parse_block_body(stream, database)
    elif kind == "BLOCK_DIAGRAM_KEY":
        stream.advance()
        _parse_block_body(stream, database)
    elif kind == "classDef":
        stream.advance()
        stream.expect("CLASSDEF_ID", "DEFAULT")
        stream.expect("CLASSDEF_STYLEOPTS")
    elif kind == "class":  # applying a class creates the blocks it names
        stream.advance()
        ids = stream.expect("CLASSENTITY_IDS").text.strip()
        stream.expect("STYLECLASS")
        database.events.extend(("define", block_id.strip()) for block_id in ids.split(","))
    elif kind == "style":
        stream.advance()
        ids = stream.expect("STYLE_ENTITY_IDS").text.strip()
        if stream.expect("STYLE_DEFINITION_DATA").text.strip():
            database.events.append(("style", ids))  # "a,b" is looked up as one id
    else:
        raise stream.error("a block statement (a node, columns, space, block, classDef, class or style)")


def _parse_block_body(stream: TokenStream, database: _BlockDatabase) -> None:
    _parse_document(stream, database)
    if stream.kind() != "end":
        raise stream.error("`end` to close the block")
    stream.advance()


def _parse_node_statement(stream: TokenStream, database: _BlockDatabase) -> None:
    """``node SIZE? (link node)*``: ``nodeStatement`` is left-recursive over ``node SIZE | node``.

    mermaid's rule keeps the ids of a lone node or of both ends of a single link; in a longer
    chain only the last node keeps its id, so only those become known blocks."""
    nodes = [_parse_node(stream)]
    stream.accept("SIZE")
    while stream.kind() in ("LINK", "START_LINK"):
        if stream.advance().kind == "START_LINK":
            stream.expect("LINK_LABEL")
            stream.expect("STR")
            stream.expect("LINK")
        nodes.append(_parse_node(stream))
    kept = nodes if len(nodes) <= 2 else nodes[-1:]
    database.events.extend(("define", node) for node in kept)


def _parse_node(stream: TokenStream) -> str:
    node_id = stream.expect("NODE_ID").text
    if stream.accept("NODE_DSTART"):
        stream.expect("STR")
        stream.expect("NODE_DEND")
    elif stream.accept("BLOCK_ARROW_START"):
        stream.expect("STR")
        stream.expect("DIR")
        while stream.accept("DIR"):
            pass
        stream.expect("BLOCK_ARROW_END")
    return node_id
