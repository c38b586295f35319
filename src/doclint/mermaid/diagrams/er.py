"""Entity-relationship diagrams, modelled on mermaid 12.3.0's ``erDiagram.jison``.

The jison lexer is reproduced rule by rule (first matching rule wins, with start conditions for
attribute blocks, backquoted attribute types and ``style``/``classDef`` lines); the LALR grammar is
replayed as recursive descent over the token list.
Lexing comes from the jison toolkit (``_jison.lex``).
"""

from __future__ import annotations

from doclint.mermaid.diagrams._jison.lex import (
    ACCESSIBILITY_RULES,
    CHAR_TOKEN,
    DIRECTION_RULE,
    END,
    TokenStream,
    build_lexer,
    run_jison,
)

# ---------------------------------------------------------------------------------------------
# erDiagram
# ---------------------------------------------------------------------------------------------

# JavaScript regexes without the `u` flag see an astral character as two code units in
# \uD800-\uDFFF, so jison's [\u00C0-\uFFFF] takes every character from U+00C0 up: in Python that is
# [^\x00-\xBF] (spelling out the astral range would make the regex slow to compile).
_FROM_U00C0 = r"[^\x00-\xBF]"
_NON_ASCII = r"[^\x00-\x7F]"

_ER_LEXER = build_lexer(
    [
        *ACCESSIBILITY_RULES,
        DIRECTION_RULE,
        ("*", r"[ \t\r]+", None, None),
        ("*", r"\n+", "NEWLINE", None),
        ("*", r'"[^"%\r\n\v\b\\]+"', "ENTITY_NAME", None),
        ("*", r'"[^"]*"', "WORD", None),
        ("*", r"erDiagram\b", "ER_DIAGRAM", None),
        ("*", r"\{", "BLOCK_START", "block"),
        ("*", r"#", "BRKT", None),
        ("*", r",", "COMMA", None),
        ("*", r":::", "STYLE_SEPARATOR", None),
        ("*", r":", "COLON", None),
        ("block", r"\s+", None, None),
        ("block", r"\b(?:PK|FK|UK)\b", "ATTRIBUTE_KEY", None),
        ("block", r"[^\s]*~.*~[^\s]*", "ATTRIBUTE_WORD", None),
        (
            "block",
            rf"(?:[*A-Za-z_]|{_FROM_U00C0})(?:[-A-Za-z0-9_\[\]().,*]|{_FROM_U00C0})*",
            "ATTRIBUTE_WORD",
            None,
        ),
        ("block", r"`", None, "block_bq"),
        ("block_bq", r"[^`]+", "ATTRIBUTE_WORD", None),
        ("block_bq", r"`", None, "pop"),
        ("block", r'"[^"]*"', "COMMENT", None),
        ("block", r"\}", "BLOCK_STOP", "pop"),
        ("block", r".", CHAR_TOKEN, None),
        ("*", r"\[", "SQS", None),
        ("*", r"\]", "SQE", None),
        ("*", r"style\b", "STYLE", "style"),
        ("style", r"\n+", "NEWLINE", "pop"),
        ("style", r"\s+", None, None),
        ("style", r":", "COLON", None),
        ("style", r",", "COMMA", None),
        ("style", r"#", "BRKT", None),
        ("*", r"classDef\b", "CLASSDEF", "style"),
        ("*", r"class\b", "CLASS", None),
        ("*", r"subgraph\b", "SUBGRAPH", None),
        ("*", r"end\b\s*", "END", None),
        ("*", r"one or zero\b", "CARDINALITY", None),
        ("*", r"one or more\b", "CARDINALITY", None),
        ("*", r"one or many\b", "CARDINALITY", None),
        ("*", r"1\+", "CARDINALITY", None),
        ("*", r"\|o\b", "CARDINALITY", None),
        ("*", r"zero or one\b", "CARDINALITY", None),
        ("*", r"zero or more\b", "CARDINALITY", None),
        ("*", r"zero or many\b", "CARDINALITY", None),
        ("*", r"0\+", "CARDINALITY", None),
        ("*", r"\}o\b", "CARDINALITY", None),
        ("*", r"many\(0\)", "CARDINALITY", None),
        ("*", r"many\(1\)", "CARDINALITY", None),
        ("*", r"many\b", "CARDINALITY", None),
        ("*", r"\}\|", "CARDINALITY", None),
        ("*", r"one\b", "CARDINALITY", None),
        ("*", r"only one\b", "CARDINALITY", None),
        ("*", r"[0-9]+\.[0-9]+", "DECIMAL_NUM", None),
        ("*", r"1(?=\s+[A-Za-z_\"'])", "CARDINALITY", None),
        ("*", r"1(?=\s+[0-9])", "CARDINALITY", None),
        ("*", r"1(?=--|\.\.|\.-|-\.)", "CARDINALITY", None),
        ("*", r"1\b", "ENTITY_ONE", None),
        ("*", r"[0-9]+", "NUM", None),
        ("*", r"\|\|", "CARDINALITY", None),
        ("*", r"o\|", "CARDINALITY", None),
        ("*", r"o\{", "CARDINALITY", None),
        ("*", r"\|\{", "CARDINALITY", None),
        ("*", r"u(?=[.\-|])", "CARDINALITY", None),
        ("*", r"\.\.", "REL_TYPE", None),
        ("*", r"--", "REL_TYPE", None),
        ("*", r"to\b", "REL_TYPE", None),
        ("*", r"optionally to\b", "REL_TYPE", None),
        ("*", r"\.-", "REL_TYPE", None),
        ("*", r"-\.", "REL_TYPE", None),
        ("style", rf"(?:{_NON_ASCII}|\w|-|\*)+", "STYLE_TEXT", None),
        ("style", r";", "SEMI", None),
        ("*", rf"(?:{_NON_ASCII}|\w|-|\*|\.)+", "UNICODE_TEXT", None),
        ("*", r".", CHAR_TOKEN, None),
        ("*", r"\Z", "EOF", None),
    ]
)

_ENTITY_NAME = ("ENTITY_NAME", "UNICODE_TEXT", "NUM", "DECIMAL_NUM", "ENTITY_ONE")
_ID = ("UNICODE_TEXT", "STYLE_TEXT")
_STYLE_COMPONENT = ("STYLE_TEXT", "NUM", "COLON", "BRKT")
_SEPARATOR = ("SEMI", "NEWLINE", "EOF")


def parse(text: str) -> None:
    run_jison(_ER_LEXER, text, _parse_diagram)


def _parse_diagram(stream: TokenStream) -> None:
    stream.expect("ER_DIAGRAM")
    _parse_document(stream, subgraph_line=None)


def _parse_document(stream: TokenStream, subgraph_line: int | None) -> None:
    """``document: line*``; a subgraph's document ends at ``end``, the diagram's at EOF."""
    while True:
        kind = stream.kind()
        if kind == "EOF" and subgraph_line is None:
            return
        if kind == "END" and subgraph_line is not None:
            stream.advance()
            return
        if kind == END and subgraph_line is not None:
            raise stream.error(f"`end` to close the subgraph opened at line {subgraph_line}")
        if kind in ("NEWLINE", "EOF"):
            stream.advance()
        else:
            _parse_statement(stream)


def _parse_statement(stream: TokenStream) -> None:
    kind = stream.kind()
    if kind in _ENTITY_NAME:
        _parse_entity_statement(stream)
    elif kind == "direction":
        stream.advance()
    elif stream.accept_accessibility():
        pass
    elif kind == "CLASSDEF" or kind == "STYLE":
        stream.advance()
        stream.comma_list(*_ID)
        stream.styles(*_STYLE_COMPONENT)
        stream.expect(*_SEPARATOR)
    elif kind == "CLASS":
        stream.advance()
        stream.comma_list(*_ID)
        stream.comma_list(*_ID)
    elif kind == "SUBGRAPH":
        _parse_subgraph(stream)
    else:
        raise stream.error("a statement (an entity, a relationship, classDef, class, style or subgraph)")


def _parse_subgraph(stream: TokenStream) -> None:
    """``subgraph id`` or ``subgraph id[title words]``, a document, then ``end``."""
    opened_at = stream.advance()
    stream.expect(*_ENTITY_NAME)
    if stream.accept("SQS"):
        stream.expect(*_ENTITY_NAME)
        while stream.accept(*_ENTITY_NAME):
            pass
        stream.expect("SQE")
    stream.expect(*_SEPARATOR)
    _parse_document(stream, subgraph_line=opened_at.line)


def _parse_entity_statement(stream: TokenStream) -> None:
    stream.advance()
    if stream.kind() == "SQS":  # entity with an alias: NAME[alias]
        stream.advance()
        stream.expect(*_ENTITY_NAME)
        stream.expect("SQE")
        _parse_class_suffix(stream)
        _parse_optional_block(stream)
        return
    _parse_class_suffix(stream)
    if stream.kind() == "CARDINALITY":
        _parse_relationship_tail(stream)
    else:
        _parse_optional_block(stream)


def _parse_class_suffix(stream: TokenStream) -> None:
    if stream.accept("STYLE_SEPARATOR"):
        stream.comma_list(*_ID)


def _parse_relationship_tail(stream: TokenStream) -> None:
    """``cardinality relType cardinality entity [:::classes] : role``."""
    stream.expect("CARDINALITY")
    if stream.kind() != "REL_TYPE":
        raise stream.error("a relationship line such as `--` or `..`")
    stream.advance()
    stream.expect("CARDINALITY")
    stream.expect(*_ENTITY_NAME)
    _parse_class_suffix(stream)
    stream.expect("COLON")
    stream.expect("WORD", "ENTITY_NAME", "UNICODE_TEXT")


def _parse_optional_block(stream: TokenStream) -> None:
    if not stream.accept("BLOCK_START"):
        return
    while stream.kind() == "ATTRIBUTE_WORD":
        _parse_attribute(stream)
    stream.expect("BLOCK_STOP")


def _parse_attribute(stream: TokenStream) -> None:
    """``type[?] name [PK, FK, UK] ["comment"]``."""
    stream.advance()
    stream.accept("?")
    stream.expect("ATTRIBUTE_WORD")
    if stream.accept("ATTRIBUTE_KEY"):
        while stream.accept(","):
            stream.expect("ATTRIBUTE_KEY")
    stream.accept("COMMENT")
