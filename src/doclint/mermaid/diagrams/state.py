"""State diagrams (``stateDiagram`` and ``stateDiagram-v2``), modelled on mermaid's ``stateDiagram.jison``.

Statements need no separator (``A --> B C --> D`` is two transitions), composite states nest with
``state X { ... }``, and most keywords switch the lexer into a start condition that reads the rest of the
line raw (classDef, class, style, notes). The lexer is a rule table in jison's order; the grammar is
parsed by recursive descent, reporting errors on the line of the last consumed token as jison does.
"""

from __future__ import annotations

from collections.abc import Callable

from doclint.mermaid.diagrams._jison.actions import (
    ACCESSIBILITY,
    END,
    Action,
    FixedTail,
    LexerControl,
    LexerSpec,
    Token,
    TokenCursor,
    skip,
    token,
)
from doclint.mermaid.model import MermaidSyntaxError
from doclint.mermaid.preprocess import js_trim_start

_COMMENT_STATES = ("INITIAL", "ID", "STATE", "struct", "LINE")
_BLANK_STATES = ("ID", "STATE", "struct", "LINE")
_BODY = ("INITIAL", "struct")


def _split_comment(lexer: LexerControl) -> bool:
    """jison's processId: an inline `%%` ends a name; the comment is given back to the lexer."""
    index = lexer.yytext.find("%%")
    if index == 0:
        return False
    if index > 0:
        lexer.less(index)
    return True


def _name(kind: str, *, pops: int = 0, begin: str | None = None) -> Action:
    def action(lexer: LexerControl) -> str | None:
        if not _split_comment(lexer):
            return None
        lexer.switch(pops, begin)
        return kind

    return action


def _pseudo_state(kind: str, marker_length: int) -> Action:
    """`state X <<fork>>` and friends: the name is what precedes the marker."""

    def action(lexer: LexerControl) -> str | None:
        lexer.pop()
        lexer.yytext = lexer.yytext[:-marker_length].strip()
        return kind

    return action


def _not_a_single_word(lexer: LexerControl) -> str | None:
    raise MermaidSyntaxError(f'Error: State name must be a single word. Found: "{lexer.yytext.strip()}"')


def _note_text_after_colon(lexer: LexerControl) -> str | None:
    lexer.pop()
    lexer.yytext = lexer.yytext[2:].strip()
    return "NOTE_TEXT"


def _enter_struct(lexer: LexerControl) -> str | None:
    lexer.pop()
    lexer.begin("struct")
    return "STRUCT_START"


_RULES = (
    (None, r"click\b", "CLICK"),
    (None, r"href\b", "HREF"),
    (None, r'"[^"]*"', "STRING"),
    (None, r"default\b", "DEFAULT"),
    (None, r".*direction\s+TB[^\n]*", "direction_tb"),
    (None, r".*direction\s+BT[^\n]*", "direction_bt"),
    (None, r".*direction\s+RL[^\n]*", "direction_rl"),
    (None, r".*direction\s+LR[^\n]*", "direction_lr"),
    (None, r"[\n]+", "NL"),
    (None, r"[\s]+", None),  # also swallows a line break that follows trailing blanks
    (_BLANK_STATES, r"(?:(?!\n)\s)+", None),
    (_COMMENT_STATES, r"#[^\n]*", None),
    (_COMMENT_STATES, r"%%(?!\{)[^\n]*", None),
    (None, r"scale\s+", token("scale", begin="SCALE")),
    (("SCALE",), r"\d+", "WIDTH"),
    (("SCALE",), r"\s+width\b", skip(pops=1)),
    (None, r"accTitle\s*:\s*", token("acc_title", begin="acc_title")),
    (("acc_title",), r"[^\n]*", token("acc_title_value", pops=1)),
    (None, r"accDescr\s*:\s*", token("acc_descr", begin="acc_descr")),
    (("acc_descr",), r"[^\n]*", token("acc_descr_value", pops=1)),
    (None, r"accDescr\s*\{\s*", skip(begin="acc_descr_multiline")),
    (("acc_descr_multiline",), r"[}]", skip(pops=1)),
    (("acc_descr_multiline",), r"[^}]*", "acc_descr_multiline_value"),
    (_BODY, r"classDef\s+", token("classDef", begin="CLASSDEF")),
    # `classDef default ...` yields a token the grammar does not know: mermaid rejects it
    (("CLASSDEF",), r"DEFAULT\s+", token("DEFAULT_CLASSDEF_ID", pops=1, begin="CLASSDEFID")),
    (("CLASSDEF",), r"\w+\s+", token("CLASSDEF_ID", pops=1, begin="CLASSDEFID")),
    (("CLASSDEFID",), r"[^\n]*", token("CLASSDEF_STYLEOPTS", pops=1)),
    (_BODY, r"class\s+", token("class", begin="CLASS")),
    (("CLASS",), r"\w+(?:,\s*\w+)*", token("CLASSENTITY_IDS", pops=1, begin="CLASS_STYLE")),
    (("CLASS_STYLE",), r"[^\n]*", token("STYLECLASS", pops=1)),
    (_BODY, r"style\s+", token("style", begin="STYLE")),
    (("STYLE",), r"[\w,]+\s+", token("STYLE_IDS", pops=1, begin="STYLEDEF_STYLES")),
    (("STYLEDEF_STYLES",), r"[^\n]*", token("STYLEDEF_STYLEOPTS", pops=1)),
    (_BODY, r"state\s+", skip(begin="STATE")),
    (("STATE",), r".*<<fork>>", _pseudo_state("FORK", 8)),
    (("STATE",), r".*<<join>>", _pseudo_state("JOIN", 8)),
    (("STATE",), r".*<<choice>>", _pseudo_state("CHOICE", 10)),
    (("STATE",), r".*\[\[fork\]\]", _pseudo_state("FORK", 8)),
    (("STATE",), r".*\[\[join\]\]", _pseudo_state("JOIN", 8)),
    (("STATE",), r".*\[\[choice\]\]", _pseudo_state("CHOICE", 10)),
    (("struct",), r".*direction\s+TB[^\n]*", "direction_tb"),
    (("struct",), r".*direction\s+BT[^\n]*", "direction_bt"),
    (("struct",), r".*direction\s+RL[^\n]*", "direction_rl"),
    (("struct",), r".*direction\s+LR[^\n]*", "direction_lr"),
    (("STATE",), r'["]', skip(begin="STATE_STRING")),
    (("STATE",), r"\s*as\s+", token("AS", begin="STATE_ID")),
    (("STATE_ID",), r"[^\n{]*", _name("ID", pops=1)),
    (("STATE_STRING",), r'["]', skip(pops=1)),
    (("STATE_STRING",), r'[^"]*', "STATE_DESCR"),
    (("STATE",), r"\w+\s+\w+.*?\{", _not_a_single_word),
    (("STATE",), r"[^\n\s{]+", "COMPOSIT_STATE"),
    (("STATE",), r"\n", skip(pops=1)),
    (("INITIAL", "STATE"), r"\{", _enter_struct),
    (("struct",), r"\}", token("STRUCT_STOP", pops=1)),
    (("struct",), r"[\n]", None),
    (_BODY, r"note\s+", token("note", begin="NOTE")),
    (("NOTE",), r"left of\b", token("left_of", pops=1, begin="NOTE_ID")),
    (("NOTE",), r"right of\b", token("right_of", pops=1, begin="NOTE_ID")),
    (("NOTE",), r'"', skip(pops=1, begin="FLOATING_NOTE")),
    (("FLOATING_NOTE",), r"\s*as\s*", token("AS", pops=1, begin="FLOATING_NOTE_ID")),
    (("FLOATING_NOTE",), r'["]', None),
    (("FLOATING_NOTE",), r'[^"]*', "NOTE_TEXT"),
    (("FLOATING_NOTE_ID",), r"[^\n]*", _name("ID", pops=1)),
    (("NOTE_ID",), r"\s*[^:\n\s\-]+", _name("ID", pops=1, begin="NOTE_TEXT")),
    (("NOTE_TEXT",), r"\s*:[^:\n;]+", _note_text_after_colon),
    (("NOTE_TEXT",), r"[\s\S]*?\n\s*end note\b", token("NOTE_TEXT", pops=1)),
    (None, r"stateDiagram\s+", "SD"),
    (None, r"stateDiagram-v2\s+", "SD"),
    (None, r"hide empty description\b", "HIDE_EMPTY"),
    (_BODY, r"\[\*\]", "EDGE_STATE"),
    (_BODY, r"[^:\n\s\-{]+", _name("ID")),
    (_BODY, r"\s*:(?:[^:\n;]|:[^:\n;])+", token("DESCR", trim=True)),
    (_BODY, r"-->", "-->"),
    (("struct",), r"--", "CONCURRENT"),
    (_BODY, r":::", "STYLE_SEPARATOR"),
    (None, r"$", "NL"),
    (None, r".", "INVALID"),
)

STATE_LEXER = LexerSpec.from_table(_RULES, ignore_case=True)


_FIXED_STATEMENTS: dict[str, FixedTail] = {
    **ACCESSIBILITY,
    **{
        kind: ()
        for kind in ("HIDE_EMPTY", "FORK", "JOIN", "CHOICE", "CONCURRENT")
        + ("direction_tb", "direction_bt", "direction_rl", "direction_lr")
    },
    "scale": ((("WIDTH",), "a width"),),
    "classDef": ((("CLASSDEF_ID", "DEFAULT"), "a class name"), (("CLASSDEF_STYLEOPTS",), "styles")),
    "style": ((("STYLE_IDS",), "state names"), (("STYLEDEF_STYLEOPTS",), "styles")),
    "class": ((("CLASSENTITY_IDS",), "state names"), (("STYLECLASS",), "a class name")),
}
_LINE_START = frozenset(
    {"NL", "ID", "EDGE_STATE", "COMPOSIT_STATE", "STATE_DESCR", "note", "CLICK", *_FIXED_STATEMENTS}
)
_STATEMENT_HINT = "a statement (state, transition `-->`, note, ...)"


def _trim_colon(text: str) -> str:
    """stateDb.trimColon on a DESCR token (which the lexer already trimmed)."""
    text = text.strip()
    return text[1:].strip() if text.startswith(":") else text


class _StateLabels:
    """The one check stateDb makes after parsing: a composite state's label must be a single text.

    dataFetcher collects every description given to a state (``X : text``, ``state "text" as X``); from
    the second one on, the label becomes a list, and a state with a body may not have one.
    """

    def __init__(self) -> None:
        self.descriptions: dict[str, int] = {}
        self.composite: set[str] = set()

    def add(self, name: str, descriptions: int = 0, has_body: bool = False) -> None:
        name = name.strip()
        if descriptions:
            self.descriptions[name] = self.descriptions.get(name, 0) + descriptions
        if has_body:
            self.composite.add(name)

    def check(self) -> None:
        for name in sorted(self.composite):
            count = self.descriptions.get(name, 0)
            if count and "<" in name:
                count += 1  # DOMPurify rewrites such an id, so the id stays as the first label line
            if count >= 2:
                raise MermaidSyntaxError(
                    f"Group nodes can only have label. Remove the additional description for node [{name}]"
                )


def _describe(tok: Token) -> str:
    if tok.kind == "NL":
        return "end of line"
    if tok.kind == "INVALID":
        return f"unexpected {tok.text!r}"
    return f"{tok.kind} {tok.text.strip()!r}" if tok.text.strip() else tok.kind


class _StateParser:
    def __init__(self, text: str) -> None:
        self.cursor = TokenCursor(STATE_LEXER.lexer(text), _describe)
        self.labels = _StateLabels()
        self.handlers: dict[str, Callable[[], None]] = {
            "ID": self.state_or_transition,
            "EDGE_STATE": self.state_or_transition,
            "COMPOSIT_STATE": self.composite_state,
            "STATE_DESCR": self.described_state,
            "note": self.note,
            "CLICK": self.click,
        }

    def parse(self) -> None:
        cursor = self.cursor
        cursor.skip("NL")
        cursor.expect("SD", what="`stateDiagram` or `stateDiagram-v2`")
        self.document()
        cursor.expect(END, what=_STATEMENT_HINT)
        self.labels.check()

    def document(self) -> None:
        cursor = self.cursor
        while cursor.kind in _LINE_START:
            if cursor.kind == "NL":
                cursor.take()
            else:
                self.statement()

    def statement(self) -> None:
        kind = self.cursor.kind
        fixed = _FIXED_STATEMENTS.get(kind)
        if fixed is not None:
            self.cursor.take_fixed(fixed)
        else:
            self.handlers[kind]()

    def composite_state(self) -> None:
        name = self.cursor.take().text
        self.labels.add(name, has_body=self.optional_body())

    def id_statement(self) -> str:
        cursor = self.cursor
        name = cursor.expect("ID", "EDGE_STATE", what="a state name or [*]").text
        if cursor.kind == "STYLE_SEPARATOR":
            cursor.take()
            cursor.expect("ID", what="a class name after `:::`")
        return name

    def state_or_transition(self) -> None:
        cursor = self.cursor
        name = self.id_statement()
        if cursor.kind == "-->":
            cursor.take()
            self.id_statement()
            if cursor.kind == "DESCR":
                cursor.take()  # the transition's label
        elif cursor.kind == "DESCR":
            description = _trim_colon(cursor.take().text)
            self.labels.add(name, descriptions=1 if description else 0)

    def described_state(self) -> None:
        """`state "description" as name`, optionally with a body."""
        cursor = self.cursor
        description = cursor.take().text
        cursor.expect("AS", what="`as`")
        name = cursor.expect("ID", what="a state name").text
        if cursor.kind == "STRUCT_START":
            self.labels.add(name, descriptions=1 if description else 0, has_body=self.optional_body())
        elif ":" in name:
            # `as id:more` makes the description a list of two (stateDiagram.jison splits the id)
            self.labels.add(name.split(":")[0], descriptions=2)
        else:
            self.labels.add(name, descriptions=1 if description.strip() else 0)

    def optional_body(self) -> bool:
        cursor = self.cursor
        if cursor.kind != "STRUCT_START":
            return False
        opened_on = cursor.take().line + 1
        self.document()
        cursor.expect(
            "STRUCT_STOP", what=f"{_STATEMENT_HINT} or `}}` to close the state opened on line {opened_on}"
        )
        return True

    def note(self) -> None:
        cursor = self.cursor
        cursor.take()
        if cursor.kind in ("left_of", "right_of"):
            cursor.take()
            cursor.expect("ID", what="a state name")
            cursor.expect("NOTE_TEXT", what="`: text` or a multi-line note ended by `end note`")
        else:
            cursor.expect("NOTE_TEXT", what="`left of`, `right of` or a quoted note")
            cursor.expect("AS", what="`as`")
            cursor.expect("ID", what="a note name")

    def click(self) -> None:
        cursor = self.cursor
        cursor.take()
        self.id_statement()
        if cursor.kind == "HREF":
            cursor.take()
            cursor.expect("STRING", what="a quoted URL")
        else:
            cursor.expect("STRING", what="a quoted URL or `href`")
            cursor.expect("STRING", what="a quoted tooltip")
        cursor.expect("NL", what="end of line")


def parse(text: str) -> None:
    # mermaid appends a line break to every diagram before parsing (Diagram.fromText)
    _StateParser(js_trim_start(text) + "\n").parse()
