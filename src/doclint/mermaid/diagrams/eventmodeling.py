"""Event modeling diagrams, modelled on mermaid 12.3.0's Langium ``event-modeling.langium`` grammar
(@mermaid-js/parser 2.0.1) and the ``setAst`` check of mermaid's event modeling db.

Grammar (every decision is LL(1), so the first unexpected token is where mermaid reports)::

    EventModel: 'eventmodeling' (ACC_DESCR | ACC_TITLE | TITLE | Entity | Frame | Data | Note | Gwt)*
    Frame:      ('tf'|'timeframe'|'rf'|'resetframe') FID EntityType QualifiedName
                ('->>' FID)* ('[[' ID ']]')? (('`' DataType '`')? DATA_INLINE)?
    Entity:     'entity' QualifiedName          QualifiedName: ID ('.' ID)*
    Data:       'data' ID DataBlock             Note: 'note' FID DataBlock
    DataBlock:  ('`' DataType '`')? DATA_BLOCK
    Gwt:        'gwt' FID 'given' Stmt+ ('when' Stmt+)? 'then' Stmt+     Stmt: EntityType ID

Lexing quirks that decide validity: keywords are tried before identifiers (an identifier that
*is* a keyword, like ``data`` or ``event``, is rejected where a name is expected); a frame id is at
most three digits; ``title``/``accTitle`` at the start of a line lex as identifiers because the
whitespace before them is consumed by the newline, so they only work after other text on a line;
``{...}`` on one line is inline data, ``{`` + line break opens a block that must close with ``}``
at the start of a line. Two frames with the same id are rejected after parsing.
"""

from __future__ import annotations

from doclint.mermaid.diagrams._langium import (
    DIRECTIVE,
    JS_NOT_S,
    JS_S,
    SINGLE_LINE_COMMENT,
    YAML,
    Lexer,
    Token,
    TokenRule,
    TokenStream,
    keyword,
    mermaid_input,
    terminal,
    title_and_accessibility_rules,
)
from doclint.mermaid.model import MermaidSyntaxError

_ENTITY_TYPES = ("rmo", "readmodel", "ui", "cmd", "command", "evt", "event", "pcr", "processor")
_DATA_TYPES = ("json", "jsobj", "figma", "salt", "uri", "md", "html", "text")
_FRAME_KEYWORDS = ("tf", "timeframe", "rf", "resetframe")
_WORD_KEYWORDS = (
    *_ENTITY_TYPES,
    *_DATA_TYPES,
    *_FRAME_KEYWORDS,
    "entity",
    "given",
    "data",
    "note",
    "when",
    "then",
    "gwt",
)
_SYMBOLS = ("->>", "[[", "]]", "`", ".")


def _keywords() -> list[TokenRule]:
    """Langium orders keywords longest first (stable for equal lengths, which never overlap here)."""
    words = sorted(_WORD_KEYWORDS, key=len, reverse=True)
    tokens = [keyword(word, longer_alt=("EM_ID",)) for word in words]
    tokens += [keyword(symbol) for symbol in _SYMBOLS]
    return tokens


_LEXER = Lexer(
    (
        keyword("eventmodeling", longer_alt=("EM_ID",), restricted=True),
        *_keywords(),
        terminal("EM_ID", r"[_a-zA-Z][A-Za-z0-9_]*"),
        terminal("EM_FID", r"[0-9]{1,3}"),
        terminal(
            "EM_DATA_INLINE", r"\{[^\n\r\u2028\u2029]*\}|\"[^\n\r\u2028\u2029]*\"|'[^\n\r\u2028\u2029]*'"
        ),
        terminal("EM_DATA_BLOCK", r"\{[\t ]*\r?\n(?:[\s\S]*?\r?\n)?\}(?:\r?\n|" + f"(?!{JS_NOT_S}))"),
        *title_and_accessibility_rules("EM_"),
        terminal("EM_WS", f"{JS_S}+", skip=True),
        terminal("EM_YAML", YAML, skip=True),
        terminal("EM_DIRECTIVE", DIRECTIVE, skip=True),
        terminal("EM_SINGLE_LINE_COMMENT", SINGLE_LINE_COMMENT, skip=True),
        terminal("EM_ML_COMMENT", r"/\*[\s\S]*?\*/", skip=True),
        terminal("EM_SL_COMMENT", r"//[^\n\r]*", skip=True),
    )
)


class _EventModelParser(TokenStream):
    def __init__(self, tokens: list[Token]) -> None:
        super().__init__(tokens)
        self.frames: dict[str, int] = {}
        self.duplicate: tuple[str, int] | None = None

    def parse(self) -> None:
        self.expect("eventmodeling", what="`eventmodeling` alone on the first line")
        while True:
            kind = self.peek().kind
            if kind in ("EM_ACC_DESCR", "EM_ACC_TITLE", "EM_TITLE"):
                self.advance()
            elif kind == "entity":
                self.advance()
                self.qualified_name()
            elif kind in _FRAME_KEYWORDS:
                self.frame()
            elif kind == "data":
                self.advance()
                self.expect("EM_ID", what="a data entity name")
                self.data_block()
            elif kind == "note":
                self.advance()
                self.expect("EM_FID", what="the id of the frame the note belongs to")
                self.data_block()
            elif kind == "gwt":
                self.gwt()
            else:
                break
        if not self.at("EOF"):
            raise self.error(
                "a statement (tf/timeframe, rf/resetframe, entity, data, note, gwt) or the end of the diagram"
            )
        if self.duplicate is not None:
            # mermaid's db checks frame ids only once the whole diagram parsed
            frame_id, line = self.duplicate
            raise MermaidSyntaxError(
                f'duplicate frame id "{frame_id}" (first used on line {self.frames[frame_id]})', line
            )

    def frame(self) -> None:
        start = self.advance()
        frame_id = self.expect("EM_FID", what="a frame id of one to three digits")
        self.entity_type()
        self.qualified_name()
        while self.at("->>"):
            self.advance()
            self.expect("EM_FID", what="a source frame id after `->>`")
        if self.at("[["):
            self.advance()
            self.expect("EM_ID", what="a data entity name after `[[`")
            self.expect("]]", what="`]]`")
        if self.at("`", "EM_DATA_INLINE"):
            self.data_type_prefix()
            self.expect("EM_DATA_INLINE", what="inline data (`{...}` or a quoted string) on the same line")
        if frame_id.text in self.frames:
            self.duplicate = self.duplicate or (frame_id.text, start.line)
        else:
            self.frames[frame_id.text] = start.line

    def data_block(self) -> None:
        self.data_type_prefix()
        self.expect(
            "EM_DATA_BLOCK", what="a data block: `{` at the end of the line, closed by `}` on its own line"
        )

    def data_type_prefix(self) -> None:
        if self.at("`"):
            self.advance()
            self.expect(*_DATA_TYPES, what="a data type (" + ", ".join(_DATA_TYPES) + ")")
            self.expect("`", what="the closing backquote")

    def gwt(self) -> None:
        self.advance()
        self.expect("EM_FID", what="the id of the frame for given/when/then")
        self.expect("given", what="`given`")
        self.statements()
        if self.at("when"):
            self.advance()
            self.statements()
        self.expect("then", what="`then` (or `when`)")
        self.statements()

    def statements(self) -> None:
        self.gwt_statement()
        while self.at(*_ENTITY_TYPES):
            self.gwt_statement()

    def gwt_statement(self) -> None:
        self.entity_type()
        self.expect("EM_ID", what="an entity name")

    def entity_type(self) -> None:
        self.expect(*_ENTITY_TYPES, what="an entity type (" + ", ".join(_ENTITY_TYPES) + ")")

    def qualified_name(self) -> None:
        self.expect("EM_ID", what="a name (letters, digits, `_`; not a keyword)")
        while self.at("."):
            self.advance()
            self.expect("EM_ID", what="a name after `.`")


def parse(text: str) -> None:
    _EventModelParser(_LEXER.tokens_or_raise(mermaid_input(text))).parse()
