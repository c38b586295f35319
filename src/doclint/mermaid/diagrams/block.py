"""Block diagrams, modelled on mermaid 12.3.0's ``block.jison``.

The lexer skips every whitespace run (newlines included), so statements need no separators; node
labels must be quoted strings inside a shape (``id["label"]``), and ``block:id ... end`` /
``block ... end`` nest documents, which may not be empty. Block diagrams have no database checks
that throw.
"""

from __future__ import annotations

from doclint.mermaid.diagrams.er import ACCESSIBILITY_RULES, TokenStream, build_lexer, run_jison

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


def parse(text: str) -> None:
    run_jison(_LEXER, text, _parse_diagram)


def _parse_diagram(stream: TokenStream) -> None:
    stream.expect("BLOCK_DIAGRAM_KEY")
    _parse_document(stream)
    stream.expect("EOF")


def _parse_document(stream: TokenStream) -> None:
    """``document: statement+``."""
    _parse_statement(stream)
    while stream.kind in _STATEMENT_STARTS:
        _parse_statement(stream)


def _parse_statement(stream: TokenStream) -> None:
    kind = stream.kind
    if kind == "NODE_ID":
        _parse_node_statement(stream)
    elif kind in ("COLUMNS", "SPACE_BLOCK"):
        stream.take()
    elif kind == "id-block":
        stream.take()
        _parse_node_statement(stream)
        _parse_block_body(stream)
    elif kind == "BLOCK_DIAGRAM_KEY":
        stream.take()
        _parse_block_body(stream)
    elif kind == "classDef":
        stream.take()
        stream.expect("CLASSDEF_ID", "DEFAULT")
        stream.expect("CLASSDEF_STYLEOPTS")
    elif kind == "class":
        stream.take()
        stream.expect("CLASSENTITY_IDS")
        stream.expect("STYLECLASS")
    elif kind == "style":
        stream.take()
        stream.expect("STYLE_ENTITY_IDS")
        stream.expect("STYLE_DEFINITION_DATA")
    else:
        raise stream.error("a block statement (a node, columns, space, block, classDef, class or style)")


def _parse_block_body(stream: TokenStream) -> None:
    _parse_document(stream)
    if stream.kind != "end":
        raise stream.error("`end` to close the block")
    stream.take()


def _parse_node_statement(stream: TokenStream) -> None:
    """``node SIZE`` or ``node (link node)*``."""
    _parse_node(stream)
    if stream.accept("SIZE"):
        return
    while stream.kind in ("LINK", "START_LINK"):
        if stream.take().kind == "START_LINK":
            stream.expect("LINK_LABEL")
            stream.expect("STR")
            stream.expect("LINK")
        _parse_node(stream)


def _parse_node(stream: TokenStream) -> None:
    stream.expect("NODE_ID")
    if stream.accept("NODE_DSTART"):
        stream.expect("STR")
        stream.expect("NODE_DEND")
    elif stream.accept("BLOCK_ARROW_START"):
        stream.expect("STR")
        stream.expect("DIR")
        while stream.accept("DIR"):
            pass
        stream.expect("BLOCK_ARROW_END")
