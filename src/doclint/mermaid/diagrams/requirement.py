"""Requirement diagrams, modelled on mermaid 12.3.0's ``requirementDiagram.jison``.

Keywords (``id``, ``text``, ``risk``, ``test``, ``satisfies``, ...) are recognised anywhere a token
starts, before free text, so a name that starts with a keyword splits. ``style``, ``classDef``
and ``class`` switch to a style lexer that ends at the newline (which then is no token).
The requirement database has no checks that throw.
"""

from __future__ import annotations

from doclint.mermaid.diagrams._jison.lex import (
    ACCESSIBILITY_RULES,
    DIRECTION_RULE,
    TokenStream,
    build_lexer,
    run_jison,
)

_REQUIREMENT_TYPES = (
    "requirement", "functionalRequirement", "interfaceRequirement", "performanceRequirement",
    "physicalRequirement", "designConstraint",
)  # fmt: skip
_RELATIONSHIPS = ("contains", "copies", "derives", "satisfies", "verifies", "refines", "traces")
_EVERYWHERE = "* style string"

_LEXER = build_lexer(
    [
        ("*", r"title\s[^#\n;]+", "title", None),
        *ACCESSIBILITY_RULES,
        DIRECTION_RULE,
        ("*", r"(?:\r?\n)+", "NEWLINE", None),
        ("*", r"\s+", None, None),
        ("*", r"#[^\n]*", None, None),
        ("*", r"%[^\n]*", None, None),
        ("*", r"\Z", "EOF", None),
        ("*", r"requirementDiagram\b", "RD", None),
        ("*", r"\{", "STRUCT_START", None),
        ("*", r"\}", "STRUCT_STOP", None),
        ("*", r":{3}", "STYLE_SEPARATOR", None),
        ("*", r":", "COLONSEP", None),
        ("*", r"id\b", "ID", None),
        ("*", r"text\b", "TEXT", None),
        ("*", r"risk\b", "RISK", None),
        ("*", r"verifyMethod\b", "VERIFYMTHD", None),
        *[("*", rf"{name}\b", "requirementType", None) for name in _REQUIREMENT_TYPES],
        *[("*", rf"{name}\b", "riskLevel", None) for name in ("low", "medium", "high")],
        *[
            ("*", rf"{name}\b", "verifyType", None)
            for name in ("analysis", "demonstration", "inspection", "test")
        ],
        ("*", r"element\b", "ELEMENT", None),
        *[("*", rf"{name}\b", "relationship", None) for name in _RELATIONSHIPS],
        ("*", r"type\b", "TYPE", None),
        ("*", r"docref\b", "DOCREF", None),
        ("*", r"style\b", "STYLE", "style"),
        ("style", r"\w+", "ALPHA", None),
        ("style", r":", "COLON", None),
        ("style", r";", "SEMICOLON", None),
        ("style", r"%", "PERCENT", None),
        ("style", r"-", "MINUS", None),
        ("style", r"#", "BRKT", None),
        ("style", r" ", None, None),
        ("style", r"\"", None, "string"),
        ("style", r"\n", None, "pop"),
        ("*", r"classDef\b", "CLASSDEF", "style"),
        ("*", r"class\b", "CLASS", "style"),
        ("*", r"<-", "END_ARROW_L", None),
        ("*", r"->", "END_ARROW_R", None),
        ("*", r"-", "LINE", None),
        ("*", r"\"", None, "string"),
        ("string", r"\"", None, "pop"),
        ("string", r"[^\"]*", "qString", None),
        ("*", r"\w[^:,\r\n{<>\-=]*", "unqString", None),
        (_EVERYWHERE, r"\w+", "ALPHA", None),
        (_EVERYWHERE, r"[0-9]+", "NUM", None),
        (_EVERYWHERE, r",", "COMMA", None),
    ]
)

_STRINGS = ("unqString", "qString")
_ID = ("ALPHA", *_STRINGS)
_STYLE_COMPONENTS = ("ALPHA", "NUM", "COLON", "UNIT", "SPACE", "BRKT", "PCT", "MINUS", "LABEL", "SEMICOLON")
_REQUIREMENT_FIELDS = {
    "ID": _STRINGS,
    "TEXT": _STRINGS,
    "RISK": ("riskLevel",),
    "VERIFYMTHD": ("verifyType",),
}
_ELEMENT_FIELDS = {"TYPE": _STRINGS, "DOCREF": _STRINGS}


def parse(text: str) -> None:
    run_jison(_LEXER, text, _parse_diagram)


def _parse_diagram(stream: TokenStream) -> None:
    """``start: (directive NEWLINE?)* RD NEWLINE diagram EOF``."""
    while stream.accept_accessibility():
        stream.accept("NEWLINE")
    stream.expect("RD")
    stream.expect("NEWLINE")
    while stream.kind() != "EOF":
        _parse_statement(stream)


def _parse_statement(stream: TokenStream) -> None:
    kind = stream.kind()
    if kind in ("NEWLINE", "direction"):
        stream.advance()
    elif stream.accept_accessibility():
        pass
    elif kind == "requirementType":
        _parse_definition(stream, _REQUIREMENT_FIELDS)
    elif kind == "ELEMENT":
        _parse_definition(stream, _ELEMENT_FIELDS)
    elif kind in _STRINGS:
        _parse_relationship_or_class(stream)
    elif kind in ("STYLE", "CLASSDEF"):
        stream.advance()
        stream.comma_list(*_ID)
        stream.styles(*_STYLE_COMPONENTS)
    elif kind == "CLASS":
        stream.advance()
        stream.comma_list(*_ID)
        stream.comma_list(*_ID)
    else:
        raise stream.error("a requirement, element, relationship, style or class statement")


def _parse_definition(stream: TokenStream, fields: dict[str, tuple[str, ...]]) -> None:
    """``requirement name [:::classes] {`` NEWLINE, then ``field: value`` lines up to ``}``."""
    stream.advance()
    stream.expect(*_STRINGS)
    if stream.accept("STYLE_SEPARATOR"):
        stream.comma_list(*_ID)
    stream.expect("STRUCT_START")
    stream.expect("NEWLINE")
    while not stream.accept("STRUCT_STOP"):
        if stream.accept("NEWLINE"):
            continue
        if stream.kind() not in fields:
            raise stream.error(" or ".join((*fields, "STRUCT_STOP", "NEWLINE")))
        allowed = fields[stream.advance().kind]
        stream.expect("COLONSEP")
        stream.expect(*allowed)
        stream.expect("NEWLINE")


def _parse_relationship_or_class(stream: TokenStream) -> None:
    """``a - satisfies -> b``, ``a <- satisfies - b`` or ``a:::class``."""
    stream.advance()
    if stream.accept("STYLE_SEPARATOR"):
        stream.comma_list(*_ID)
        return
    if stream.accept("END_ARROW_L"):
        stream.expect("relationship")
        stream.expect("LINE")
    elif stream.accept("LINE"):
        stream.expect("relationship")
        stream.expect("END_ARROW_R")
    else:
        raise stream.error("a relationship arrow (`- name ->` or `<- name -`) or `:::class`")
    stream.expect(*_STRINGS)
