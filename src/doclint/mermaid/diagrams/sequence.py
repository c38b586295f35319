"""Sequence diagrams, modelled on mermaid's ``sequenceDiagram.jison`` and the checks of ``sequenceDb.ts``.

Lexing runs on the jison toolkit's action lexer (``_jison.actions``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from doclint.mermaid.diagrams._jison.actions import (
    ACCESSIBILITY,
    END,
    FixedTail,
    LexerSpec,
    RuleSpec,
    Token,
    TokenCursor,
    skip,
    token,
)
from doclint.mermaid.model import MermaidSyntaxError
from doclint.mermaid.preprocess import js_trim, js_trim_start

# ---------------------------------------------------------------------------------------------------------
# the sequence diagram lexer
# ---------------------------------------------------------------------------------------------------------

_ARROWS: tuple[tuple[str, str], ...] = (
    # order matters: the first rule that matches wins, as in the jison lexer
    (r"->>", "SOLID_ARROW"),
    (r"<<->>", "BIDIRECTIONAL_SOLID_ARROW"),
    (r"-->>", "DOTTED_ARROW"),
    (r"<<-->>", "BIDIRECTIONAL_DOTTED_ARROW"),
    (r"->", "SOLID_OPEN_ARROW"),
    (r"-->", "DOTTED_OPEN_ARROW"),
    (r"-x", "SOLID_CROSS"),
    (r"--x", "DOTTED_CROSS"),
    (r"-\)", "SOLID_POINT"),
    (r"--\)", "DOTTED_POINT"),
    (r"--\|\\", "SOLID_ARROW_TOP_DOTTED"),
    (r"--\|/", "SOLID_ARROW_BOTTOM_DOTTED"),
    (r"--\\\\", "STICK_ARROW_TOP_DOTTED"),
    (r"--//", "STICK_ARROW_BOTTOM_DOTTED"),
    (r"/\|--", "SOLID_ARROW_TOP_REVERSE_DOTTED"),
    (r"\\\|--", "SOLID_ARROW_BOTTOM_REVERSE_DOTTED"),
    (r"//--", "STICK_ARROW_TOP_REVERSE_DOTTED"),
    (r"\\\\--", "STICK_ARROW_BOTTOM_REVERSE_DOTTED"),
    (r"-\|\\", "SOLID_ARROW_TOP"),
    (r"-\|/", "SOLID_ARROW_BOTTOM"),
    (r"-\\\\", "STICK_ARROW_TOP"),
    (r"-//", "STICK_ARROW_BOTTOM"),
    (r"/\|-", "SOLID_ARROW_TOP_REVERSE"),
    (r"\\\|-", "SOLID_ARROW_BOTTOM_REVERSE"),
    (r"//-", "STICK_ARROW_TOP_REVERSE"),
    (r"\\\\-", "STICK_ARROW_BOTTOM_REVERSE"),
)
ARROW_KINDS = frozenset(kind for _, kind in _ARROWS)

# An actor name in a message: stops before arrows, `+`, `-` modifiers, `:` and separators, but may contain
# single dashes that do not start an arrow (`my-service`).
_MESSAGE_ACTOR = (
    r"[^/\\+()<\->:\n,;]+"
    r"(?:(?!-x|--x|-\)|--\)|-\|\\|-\\|-/|-//|-\|/|/\|-|\\\|-|//-|\\\\-|/\|-|--\|\\|--|\(\))-*[^+<\->:\n,;]+)*"
)
# the parameter of `links`, `link`, `properties`, `details` must follow on the same line
_ACTOR_FOLLOWS = r"(?=[ \t]+[^/\\+()<>:\n,;\s\-])"


def _line_keyword(word: str, kind: str) -> RuleSpec:
    """Block keywords take the rest of their line as a label (lexer state LINE)."""
    return (word + r"\b", token(kind, begin="LINE"))


def _keyword(word: str, kind: str, begin: str | None = None) -> RuleSpec:
    return (word + r"\b", token(kind, begin=begin))


_SAME_LINE_STATES = ("ID", "ALIAS", "LINE")
_SEQUENCE_RULES = (
    (None, r"[\n]+", "NEWLINE"),  # 0
    (None, r"\s+", None),  # 1: note it also swallows a newline that follows trailing blanks
    (_SAME_LINE_STATES, r"(?:(?!\n)\s)+", None),  # 2: same-line blanks in the ID, ALIAS and LINE states
    (("INITIAL", *_SAME_LINE_STATES), r"#[^\n]*", None),  # 3
    (None, r"%(?!\{)[^\n]*", None),  # 4
    (None, r"[^}]%%[^\n]*", None),  # 5
    (None, r"(?:[0-9]+(?:\.[0-9]{1,2})?|\.[0-9]{1,2})(?=[ \n]+)", "NUM"),  # 6
    (("ID",), r"@\{", token("CONFIG_START", begin="CONFIG")),  # 7
    (("CONFIG",), r"[^}]+", "CONFIG_CONTENT"),  # 8
    (("CONFIG",), r"\}(?=\s+as\s)", token("CONFIG_END", pops=1, begin="ALIAS")),  # 9
    (("CONFIG",), r"\}", token("CONFIG_END", pops=2)),  # 10
    (("ID",), r"[^<>:\n,;@\s]+(?=\s*@\{)", token("ACTOR", trim=True)),  # 11
    (("ID",), r"[^<>:\n,;@\s]+(?=\s+as\s)", token("ACTOR", trim=True, begin="ALIAS")),  # 12
    (("ID",), r"[^<>:\n,;@]+(?=\s*[\n;#]|$)", token("ACTOR", trim=True, pops=1)),  # 13
    (("ID",), r"[^<>:\n,;@]*<[^\n]*", token("INVALID", pops=1)),  # 14
    (("ID",), r"[^\n]+", token("INVALID", trim=True, pops=1)),  # 15
    (None, *_line_keyword("box", "box")),  # 16
    (None, *_keyword("participant", "participant", begin="ID")),  # 17
    (None, *_keyword("actor", "participant_actor", begin="ID")),  # 18
    (None, *_keyword("create", "create")),  # 19
    (None, *_keyword("destroy", "destroy", begin="ID")),  # 20
    (("ALIAS",), r"as\b", token("AS", pops=2, begin="LINE")),  # 21
    (("ALIAS",), r"", token("NEWLINE", pops=2)),  # 22: an alias that never came ends the statement
    (None, *_line_keyword("loop", "loop")),  # 23
    (None, *_line_keyword("rect", "rect")),  # 24
    (None, *_line_keyword("opt", "opt")),  # 25
    (None, *_line_keyword("alt", "alt")),  # 26
    (None, *_line_keyword("else", "else")),  # 27
    (None, *_line_keyword("par", "par")),  # 28
    (None, *_line_keyword("par_over", "par_over")),  # 29
    (None, *_line_keyword("and", "and")),  # 30
    (None, *_line_keyword("critical", "critical")),  # 31
    (None, *_line_keyword("option", "option")),  # 32
    (None, *_line_keyword("break", "break")),  # 33
    (("LINE",), r"[^#\n;]*", token("restOfLine", pops=1)),  # 34
    (None, *_keyword("end", "end")),  # 35
    (None, *_keyword("left of", "left_of")),  # 36
    (None, *_keyword("right of", "right_of")),  # 37
    (None, r"links" + _ACTOR_FOLLOWS, "links"),  # 38
    (None, r"link" + _ACTOR_FOLLOWS, "link"),  # 39
    (None, r"properties" + _ACTOR_FOLLOWS, "properties"),  # 40
    (None, r"details" + _ACTOR_FOLLOWS, "details"),  # 41
    (None, *_keyword("over", "over")),  # 42
    (None, *_keyword("note", "note")),  # 43
    (None, *_keyword("activate", "activate", begin="ID")),  # 44
    (None, *_keyword("deactivate", "deactivate", begin="ID")),  # 45
    (None, r"title\s[^#\n;]+", "title"),  # 46
    (None, r"title:\s[^#\n;]+", "legacy_title"),  # 47
    (None, r"accTitle\s*:\s*", token("acc_title", begin="acc_title")),  # 48
    (("acc_title",), r"[^\n]*", token("acc_title_value", pops=1)),  # 49
    (None, r"accDescr\s*:\s*", token("acc_descr", begin="acc_descr")),  # 50
    (("acc_descr",), r"[^\n]*", token("acc_descr_value", pops=1)),  # 51
    (None, r"accDescr\s*\{\s*", skip(begin="acc_descr_multiline")),  # 52
    (("acc_descr_multiline",), r"[}]", skip(pops=1)),  # 53
    (("acc_descr_multiline",), r"[^}]*", "acc_descr_multiline_value"),  # 54
    (None, *_keyword("sequenceDiagram", "SD")),  # 55
    (None, *_keyword("autonumber", "autonumber")),  # 56
    (None, *_keyword("off", "off")),  # 57
    (None, r",", ","),  # 58
    (None, r";", "NEWLINE"),  # 59
    (None, _MESSAGE_ACTOR, token("ACTOR", trim=True)),  # 60
    *((None, pattern, kind) for pattern, kind in _ARROWS),  # 61..86
    (None, r":[^#\n;]*", "TXT"),  # 87
    (None, r":", "TXT"),  # 88
    (None, r"\+", "+"),  # 89
    (None, r"-", "-"),  # 90
    (None, r"\(\)", "()"),  # 91
    (None, r"$", "NEWLINE"),  # 92: end of input ends the last statement
    (None, r".", "INVALID"),  # 93
)

SEQUENCE_LEXER = LexerSpec.from_table(_SEQUENCE_RULES, ignore_case=True)


# ---------------------------------------------------------------------------------------------------------
# the sequence diagram grammar
# ---------------------------------------------------------------------------------------------------------

_SIMPLE_BLOCKS = frozenset({"loop", "rect", "opt", "break"})
_SECTION_KEYWORD = {"alt": "else", "par": "and", "par_over": "and", "critical": "option"}
_ACTOR_STATEMENTS = {"links", "link", "properties", "details"}
_PARTICIPANT_KINDS = frozenset({"participant", "participant_actor"})
_LINE_STARTS = frozenset(
    {
        "NEWLINE",
        "INVALID",
        "participant",
        "participant_actor",
        "destroy",
        "create",
        "box",
        "ACTOR",
        "autonumber",
        "activate",
        "deactivate",
        "note",
        "title",
        "legacy_title",
        "acc_title",
        "acc_descr",
        "acc_descr_multiline_value",
        *_ACTOR_STATEMENTS,
        *_SIMPLE_BLOCKS,
        *_SECTION_KEYWORD,
    }
)
_STATEMENT_HINT = "a statement (message, participant, note, block, ...)"
_FIXED_STATEMENTS: dict[str, FixedTail] = {
    **ACCESSIBILITY,
    **{kind: () for kind in ("NEWLINE", "INVALID", "title", "legacy_title")},
}


@dataclass(frozen=True)
class _Event:
    """One step of what mermaid's SequenceDB.apply does after parsing, in the same order."""

    kind: str  # participant | create | destroy | box_start | box_end | message | activate | deactivate
    actor: str = ""
    target: str = ""
    metadata: str | None = None


def _describe(tok: Token) -> str:
    if tok.kind == "NEWLINE":
        return "end of line" if tok.text.strip() == "" else "`;`"
    if tok.kind == "INVALID":
        return f"unexpected {tok.text!r}"
    return repr(tok.text)


class _SequenceParser:
    def __init__(self, text: str) -> None:
        self.cursor = TokenCursor(SEQUENCE_LEXER.lexer(text), _describe)
        self.events: list[_Event] = []
        self.handlers: dict[str, Callable[[], None]] = {
            "box": self.box,
            "ACTOR": self.signal,
            "autonumber": self.autonumber,
            "note": self.note,
        }

    def parse(self) -> list[_Event]:
        cursor = self.cursor
        cursor.skip("NEWLINE")
        cursor.expect("SD", what="`sequenceDiagram`")
        self.document()
        cursor.expect(END, what=_STATEMENT_HINT)
        return self.events

    def document(self) -> None:
        while self.cursor.kind in _LINE_STARTS:
            self.line()

    def line(self) -> None:
        cursor = self.cursor
        kind = cursor.kind
        fixed = _FIXED_STATEMENTS.get(kind)
        if fixed is not None:
            cursor.take_fixed(fixed)
        elif kind in _PARTICIPANT_KINDS or kind == "destroy":
            self.participant_statement()
        elif kind == "create":
            cursor.take()
            if cursor.kind not in _PARTICIPANT_KINDS and cursor.kind != "destroy":
                raise cursor.error("`participant` or `actor` after `create`")
            self.participant_statement(created=True)
        elif kind in ("activate", "deactivate"):
            self.activation(kind)
        elif kind in _ACTOR_STATEMENTS:
            cursor.take()
            self.actor()
            cursor.expect("TXT", what="`:` and the text")
            cursor.expect("NEWLINE", what="end of line")
        elif kind in self.handlers:
            self.handlers[kind]()
        else:
            self.block(kind)

    def activation(self, kind: str) -> None:
        cursor = self.cursor
        cursor.take()
        actor = cursor.expect("ACTOR", what="a participant name").text
        cursor.expect("NEWLINE", what="end of line")
        self.events.append(_Event(kind, actor))

    def actor(self) -> str:
        name = self.cursor.expect("ACTOR", what="a participant name").text
        self.events.append(_Event("participant", name))
        return name

    def participant_statement(self, created: bool = False) -> None:
        cursor = self.cursor
        keyword = cursor.take().kind
        name = cursor.expect("ACTOR", what="a participant name").text
        if keyword == "destroy":
            cursor.expect("NEWLINE", what="end of line")
            self.events.append(_Event("create" if created else "destroy", name))
            return
        metadata = None
        if cursor.kind == "CONFIG_START":
            cursor.take()
            metadata = cursor.expect("CONFIG_CONTENT", what="participant metadata inside `@{ }`").text
            cursor.expect("CONFIG_END", what="`}` to close the metadata")
        if cursor.kind == "AS":
            cursor.take()
            cursor.expect("restOfLine", what="an alias")
        cursor.expect("NEWLINE", what="end of line or `as`")
        self.events.append(_Event("create" if created else "participant", name, metadata=metadata))

    def box(self) -> None:
        cursor = self.cursor
        opened_on = cursor.take().line + 1
        cursor.expect("restOfLine", what="a box label")
        self.events.append(_Event("box_start"))
        while True:
            if cursor.kind == "NEWLINE":
                cursor.take()
            elif cursor.kind in _PARTICIPANT_KINDS or cursor.kind == "destroy":
                self.participant_statement()
            else:
                break
        cursor.expect("end", what=f"a participant or `end` to close the box opened on line {opened_on}")
        self.events.append(_Event("box_end"))

    def signal(self) -> None:
        cursor = self.cursor
        source = self.actor()
        arrows = "an arrow such as `->>`"
        if cursor.kind == "()":
            cursor.take()
            cursor.expect(*ARROW_KINDS, what=arrows)
            if cursor.kind == "()":
                cursor.take()
            modifier = ""
        else:
            cursor.expect(*ARROW_KINDS, what=arrows)
            modifier = cursor.take().kind if cursor.kind in ("+", "-", "()") else ""
        target = self.actor()
        cursor.expect("TXT", what="`:` and the message text")
        cursor.expect("NEWLINE", what="end of line")
        self.events.append(_Event("message", source, target))
        if modifier == "+":
            self.events.append(_Event("activate", target))
        elif modifier == "-":
            self.events.append(_Event("deactivate", source))

    def autonumber(self) -> None:
        cursor = self.cursor
        cursor.take()
        if cursor.kind == "NUM":
            cursor.take()
            if cursor.kind == "NUM":
                cursor.take()
        elif cursor.kind == "off":
            cursor.take()
        cursor.expect("NEWLINE", what="end of line (or start and step numbers, or `off`)")

    def note(self) -> None:
        cursor = self.cursor
        cursor.take()
        if cursor.kind in ("left_of", "right_of"):
            cursor.take()
            self.actor()
        elif cursor.kind == "over":
            cursor.take()
            self.actor()
            if cursor.kind == ",":
                cursor.take()
                self.actor()
        else:
            raise cursor.error("`left of`, `right of` or `over`")
        cursor.expect("TXT", what="`:` and the note text")
        cursor.expect("NEWLINE", what="end of line")

    def block(self, keyword: str) -> None:
        cursor = self.cursor
        opened_on = cursor.take().line + 1
        cursor.expect("restOfLine", what="a label")
        self.document()
        section = _SECTION_KEYWORD.get(keyword)
        while section is not None and cursor.kind == section:
            cursor.take()
            cursor.expect("restOfLine", what="a label")
            self.document()
        closers = f"`{section}` or `end`" if section else "`end`"
        cursor.expect("end", what=f"{_STATEMENT_HINT} or {closers} (`{keyword}` opened on line {opened_on})")


# ---------------------------------------------------------------------------------------------------------
# what SequenceDB does with the parsed statements (it throws on some of them)
# ---------------------------------------------------------------------------------------------------------


@dataclass
class _DiagramState:
    actor_boxes: dict[str, int | None] = field(default_factory=dict)
    current_box: int | None = None
    boxes_opened: int = 0
    activations: dict[str, int] = field(default_factory=dict)
    last_created: str | None = None
    last_destroyed: str | None = None


def _apply(events: list[_Event]) -> None:
    state = _DiagramState()
    for event in events:
        if event.kind in ("participant", "create"):
            if event.kind == "create" and event.actor in state.actor_boxes:
                raise MermaidSyntaxError(
                    f"It is not possible to have actors with the same id, even if one is destroyed before the "
                    f"next is created ({event.actor!r}). Use 'AS' aliases to simulate the behavior"
                )
            if event.kind == "create":
                state.last_created = event.actor
            _add_actor(state, event)
        elif event.kind == "destroy":
            state.last_destroyed = event.actor
        elif event.kind == "box_start":
            state.boxes_opened += 1
            state.current_box = state.boxes_opened
        elif event.kind == "box_end":
            state.current_box = None
        elif event.kind == "message":
            _check_create_destroy(state, event)
        elif event.kind == "activate":
            state.activations[event.actor] = state.activations.get(event.actor, 0) + 1
        elif event.kind == "deactivate":
            if state.activations.get(event.actor, 0) < 1:
                # mermaid attaches a fake location on line 1 to this error
                raise MermaidSyntaxError(f"Trying to inactivate an inactive participant ({event.actor})", 1)
            state.activations[event.actor] -= 1


def _add_actor(state: _DiagramState, event: _Event) -> None:
    if event.metadata is not None:
        check_flow_yaml(event.metadata)
    if event.actor in state.actor_boxes:
        old_box = state.actor_boxes[event.actor]
        if state.current_box is not None and old_box is not None and old_box != state.current_box:
            raise MermaidSyntaxError(
                f"A same participant should only be defined in one Box: {event.actor} can't be in two boxes"
            )
        state.actor_boxes[event.actor] = old_box if old_box is not None else state.current_box
    else:
        state.actor_boxes[event.actor] = state.current_box


def _check_create_destroy(state: _DiagramState, event: _Event) -> None:
    if state.last_created is not None:
        if event.target != state.last_created:
            raise MermaidSyntaxError(
                f"The created participant {state.last_created} does not have an associated creating message "
                "after its declaration"
            )
        state.last_created = None
    elif state.last_destroyed is not None:
        if state.last_destroyed not in (event.actor, event.target):
            raise MermaidSyntaxError(
                f"The destroyed participant {state.last_destroyed} does not have an associated destroying "
                "message after its declaration"
            )
        state.last_destroyed = None


# ---------------------------------------------------------------------------------------------------------
# participant metadata: mermaid loads `@{ ... }` with js-yaml as a flow mapping
# ---------------------------------------------------------------------------------------------------------

_FLOW_INDICATORS = ",[]{}"
_NOT_PLAIN_START = frozenset("|>%@`*")  # js-yaml never starts a plain scalar with these
_SIMPLE_ESCAPES = frozenset('0abt\tnvfre "/\\N_LP\n')
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_HEX = re.compile("[0-9A-Fa-f]*")
_MAPPING_VALUE = re.compile(r":(?:[ \t]|$)")


class _FlowYaml:
    """Just enough of YAML flow collections to find what js-yaml rejects in participant metadata."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, message: str) -> MermaidSyntaxError:
        return MermaidSyntaxError(f"Invalid participant metadata: {message}")

    def skip_blank(self) -> None:
        text = self.text
        while self.pos < len(text):
            char = text[self.pos]
            if char in " \t\n\r":
                self.pos += 1
            elif char == "#":  # js-yaml starts a comment at any `#` between tokens
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            else:
                return

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def document(self) -> None:
        self.skip_blank()
        self.node()
        self.skip_blank()
        if self.pos < len(self.text):
            raise self.fail("end of the stream or a document separator is expected")

    def node(self) -> str:
        char = self.peek()
        if char == "{":
            self.collection("}")
            return "{}"
        if char == "[":
            self.collection("]")
            return "[]"
        if char == '"':
            return self.double_quoted()
        if char == "'":
            return self.single_quoted()
        return self.plain()

    def collection(self, closer: str) -> None:
        self.pos += 1
        keys: set[str] = set()
        expecting_entry = True
        while True:
            self.skip_blank()
            char = self.peek()
            if char == "":
                raise self.fail("unexpected end of the stream within a flow collection")
            if char == closer:
                self.pos += 1
                return
            if not expecting_entry:
                raise self.fail("missed comma between flow collection entries")
            key = self.node()
            self.skip_blank()
            if self.peek() == ":":
                self.pos += 1
                self.skip_blank()
                if self.peek() not in (",", closer):
                    self.node()
                    self.skip_blank()
            if closer == "}":
                if key in keys:
                    raise self.fail("duplicated mapping key")
                keys.add(key)
            expecting_entry = self.peek() == ","
            if expecting_entry:
                self.pos += 1

    def double_quoted(self) -> str:
        start = self.pos + 1
        index = start
        while index < len(self.text):
            char = self.text[index]
            if char == "\\":
                index += self._escape_length(index)
                continue
            if char == '"':
                self.pos = index + 1
                return self.text[start:index]
            index += 1
        raise self.fail("unexpected end of the stream within a double quoted scalar")

    def _escape_length(self, index: int) -> int:
        """Length of the escape sequence at ``index`` in a double-quoted scalar; js-yaml rejects unknown ones."""
        following = self.text[index + 1 : index + 2]
        digits = _HEX_ESCAPES.get(following, 0)
        if digits:
            if not _HEX.fullmatch(self.text[index + 2 : index + 2 + digits]):
                raise self.fail("expected hexadecimal character")
            return 2 + digits
        if following and following not in _SIMPLE_ESCAPES:
            raise self.fail("unknown escape sequence")
        return 2

    def single_quoted(self) -> str:
        index = self.pos + 1
        while index < len(self.text):
            if self.text[index] == "'":
                if self.text.startswith("'", index + 1):
                    index += 2
                    continue
                value = self.text[self.pos + 1 : index].replace("''", "'")
                self.pos = index + 1
                return value
            index += 1
        raise self.fail("unexpected end of the stream within a single quoted scalar")

    def plain(self) -> str:
        text = self.text
        start = self.pos
        if text[start : start + 1] in _NOT_PLAIN_START:
            if text[start] == "*":
                raise self.fail("unidentified alias")
            return ""  # reserved indicator: nothing is read, so the entry is malformed
        while self.pos < len(text):
            char = text[self.pos]
            if char in _FLOW_INDICATORS:
                break
            following = text[self.pos + 1 : self.pos + 2]
            if char == ":" and (following == "" or following in " \t\n\r" or following in _FLOW_INDICATORS):
                break
            if char == "#" and self.pos > start and text[self.pos - 1] in " \t\n\r":
                break
            self.pos += 1
        return text[start : self.pos].strip()


class _BlockYaml(_FlowYaml):
    """Participant metadata written over several lines is loaded as a YAML document of its own: a block
    mapping whose keys start the lines (the text was trimmed, so at indentation 0)."""

    def document(self) -> None:
        keys: set[str] = set()
        first = True
        while self.next_line_indent() is not None:
            if self.next_line_indent():
                raise self.fail("bad indentation of a mapping entry")
            if not self.entry(keys, first):
                return  # the document is a single scalar, not a mapping
            first = False

    def next_line_indent(self) -> int | None:
        """Skip blank and comment lines; the indentation of the next line with content (None at the end)."""
        self.skip_blank()
        if self.pos >= len(self.text):
            return None
        return self.pos - (self.text.rfind("\n", 0, self.pos) + 1)

    def entry(self, keys: set[str], first: bool) -> bool:
        text = self.text
        key = self.node() if text[self.pos] in "\"'" else self.plain_key()
        self.skip_spaces()
        if self.peek() != ":":
            if first:
                return False
            raise self.fail("can not read an implicit mapping pair; a colon is missed")
        self.pos += 1
        if key in keys:
            raise self.fail("duplicated mapping key")
        keys.add(key)
        self.skip_spaces()
        char = self.peek()
        if char in ("", "\n", "#"):
            self.skip_nested_block()
        elif char in "\"'{[":
            self.node()
            self.skip_spaces()
            if self.peek() not in ("", "\n", "#"):
                raise self.fail("bad indentation of a mapping entry")
        else:
            self.plain_value()
        return True

    def skip_spaces(self) -> None:
        while self.peek() in (" ", "\t") and self.peek():
            self.pos += 1

    def rest_of_line(self) -> str:
        end = self.text.find("\n", self.pos)
        end = len(self.text) if end < 0 else end
        line = self.text[self.pos : end]
        self.pos = end
        comment = line.find(" #")
        return line if comment < 0 else line[:comment]

    def plain_key(self) -> str:
        line_end = self.text.find("\n", self.pos)
        line = self.text[self.pos : len(self.text) if line_end < 0 else line_end]
        colon = _MAPPING_VALUE.search(line)
        key = line if colon is None else line[: colon.start()]
        self.pos += len(key)
        return key.strip()

    def plain_value(self) -> None:
        """A plain value continues on more-indented lines, which must not look like `key: value`."""
        if _MAPPING_VALUE.search(self.rest_of_line()):
            raise self.fail("bad indentation of a mapping entry")
        while True:
            start = self.pos
            indent = self.next_line_indent()
            if not indent:
                self.pos = start
                return
            if _MAPPING_VALUE.search(self.rest_of_line()):
                raise self.fail("bad indentation of a mapping entry")

    def skip_nested_block(self) -> None:
        """An empty value: the more-indented lines that follow are its content (not checked)."""
        while True:
            self.rest_of_line()
            start = self.pos
            if not self.next_line_indent():
                self.pos = start
                return


def check_flow_yaml(metadata: str) -> None:
    """Raise if js-yaml would reject participant metadata (which mermaid trims first). A one-line value is
    wrapped in braces and read as a flow mapping; a longer one is read as a YAML document."""
    metadata = js_trim(metadata)
    if "\n" in metadata:
        _BlockYaml(metadata + "\n").document()
    else:
        _FlowYaml("{\n" + metadata + "\n}").document()


def parse(text: str) -> None:
    # mermaid appends a line break to every diagram before parsing (Diagram.fromText)
    _apply(_SequenceParser(js_trim_start(text) + "\n").parse())
