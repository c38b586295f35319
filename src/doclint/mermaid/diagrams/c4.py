"""C4 diagrams, modelled on mermaid 12.3.0's ``c4Diagram.jison``.

Every element (``Person(...)``, ``Rel(...)``, ``System_Boundary(...) {``) switches the lexer into
an attribute state: quoted strings, ``$key="value"`` pairs, and unquoted text running up to the
next comma (even across a ``)`` and newlines, as mermaid does). Statements are separated by
newlines; a boundary holds at least one element between ``{`` and ``}``. The C4 database has no
checks that throw.
"""

from __future__ import annotations

from doclint.mermaid.diagrams._jison.lex import (
    ACCESSIBILITY_RULES,
    DIRECTION_RULE,
    TokenStream,
    build_lexer,
    run_jison,
)

_DIAGRAM_TYPES = ("C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment")
# element keywords in lexer order (longer names first where one is a prefix of another)
_ELEMENTS = (
    "Person_Ext", "Person", "SystemQueue_Ext", "SystemDb_Ext", "System_Ext", "SystemQueue", "SystemDb", "System",
    "Boundary", "Enterprise_Boundary", "System_Boundary", "ContainerQueue_Ext", "ContainerDb_Ext", "Container_Ext",
    "ContainerQueue", "ContainerDb", "Container", "Container_Boundary", "ComponentQueue_Ext", "ComponentDb_Ext",
    "Component_Ext", "ComponentQueue", "ComponentDb", "Component", "Deployment_Node", "Node", "Node_L", "Node_R",
    "Rel", "BiRel", "Rel_Up", "Rel_U", "Rel_Down", "Rel_D", "Rel_Left", "Rel_L", "Rel_Right", "Rel_R", "Rel_Back",
    "RelIndex", "UpdateElementStyle", "UpdateRelStyle", "UpdateLayoutConfig",
)  # fmt: skip
_BOUNDARIES = frozenset(
    (
        "Boundary",
        "Enterprise_Boundary",
        "System_Boundary",
        "Container_Boundary",
        "Deployment_Node",
        "Node",
        "Node_L",
        "Node_R",
    )
)

_LEXER = build_lexer(
    [
        DIRECTION_RULE,
        ("*", r"title\s[^#\n;]+", "otherStatement", None),
        ("*", r"accDescription\s[^#\n;]+", "otherStatement", None),
        *ACCESSIBILITY_RULES,
        ("*", r"%%[^\n]*\n*", None, None),  # a comment takes its line break with it
        ("*", r"\s*\n+", "NEWLINE", None),
        ("*", r"\s+", None, None),
        *[("*", rf"{name}\b", "C4_TYPE", None) for name in _DIAGRAM_TYPES],
        *[("*", rf"{name}\b", f"element:{name}", "element") for name in _ELEMENTS],
        ("element", r"\Z", "EOF_IN_STRUCT", None),
        ("element", r"\( *,", "ATTRIBUTE_EMPTY", "attribute"),
        ("element", r"\(", None, "attribute"),
        ("element attribute", r"\)", None, "pop pop"),
        ("attribute", r",,", "ATTRIBUTE_EMPTY", None),
        ("attribute", r",", None, None),
        ("attribute", r' *""', "ATTRIBUTE_EMPTY", None),
        ("attribute", r' *"', None, "string"),
        ("string", r'"', None, "pop"),
        ("string", r'[^"]*', "STR", None),
        ("attribute", r" *\$", None, "string_kv"),
        ("string_kv", r"[^=]*", "STR_KEY", "string_kv_key"),
        ("string_kv_key", r'= *"', None, "pop string_kv_value"),
        ("string_kv_value", r'[^"]+', "STR_VALUE", None),
        ("string_kv_value", r'"', None, "pop pop"),
        ("attribute", r"[^,]+", "STR", None),
        ("*", r"\{", "LBRACE", None),
        ("*", r"\}", "RBRACE", None),
        ("*", r"\Z", "EOF", None),
    ],
    flags=0,
)


def parse(text: str) -> None:
    run_jison(_LEXER, text, _parse_diagram)


def _parse_diagram(stream: TokenStream) -> None:
    """``C4Context NEWLINE statements EOF`` (or a lone direction statement)."""
    if stream.accept("direction"):
        stream.expect("EOF")
        return
    stream.expect("C4_TYPE")
    stream.expect("NEWLINE")
    _parse_statements(stream, closing="EOF")
    stream.expect("EOF")


def _parse_statements(stream: TokenStream, closing: str) -> None:
    """One or more statements separated by newlines, optionally ending with one; a title or
    accessibility statement may also be followed by an element directly (``otherStatements
    diagramStatements``)."""
    while True:
        was_element = _parse_statement(stream)
        if stream.accept("NEWLINE"):
            if stream.kind() == closing:
                return
        elif was_element or not stream.kind().startswith("element:"):
            return


def _parse_statement(stream: TokenStream) -> bool:
    """One statement; says whether it was an element (a ``diagramStatement``)."""
    kind = stream.kind()
    if kind.startswith("element:"):
        _parse_element(stream)
        return True
    if kind == "otherStatement":
        stream.advance()
    elif not stream.accept_accessibility():
        raise stream.error("a C4 element such as Person(...), Rel(...) or Boundary(...) {")
    return False


def _parse_element(stream: TokenStream) -> None:
    name = stream.advance().kind.removeprefix("element:")
    _parse_attributes(stream)
    if name not in _BOUNDARIES:
        return
    # `Boundary(...) {` NEWLINE, or `Boundary(...)` NEWLINE `{` with an optional NEWLINE
    brace_on_own_line = stream.accept("NEWLINE") is not None
    stream.expect("LBRACE")
    opened_line = stream.line
    if brace_on_own_line:
        stream.accept("NEWLINE")
    else:
        stream.expect("NEWLINE")
    if not stream.kind().startswith("element:"):
        raise stream.error("an element inside the boundary")
    _parse_statements(stream, closing="RBRACE")
    if stream.kind() != "RBRACE":
        raise stream.error(f"`}}` to close the boundary opened at line {opened_line}")
    stream.advance()


def _parse_attributes(stream: TokenStream) -> None:
    """``attribute+``: strings, unquoted text, empty attributes and ``$key="value"`` pairs."""
    if stream.kind() not in ("STR", "STR_KEY", "ATTRIBUTE_EMPTY"):
        raise stream.error("element attributes in parentheses")
    while stream.kind() in ("STR", "STR_KEY", "ATTRIBUTE_EMPTY"):
        if stream.advance().kind == "STR_KEY":
            stream.expect("STR_VALUE")
