"""Class diagrams, modelled on mermaid's ``classDiagram.jison`` and the one check of ``classDb.ts`` that throws.

The lexer has many start conditions (class, class-body, namespace, string, generic ...) whose rule order
decides a lot, so it is a rule table in jison's order. The grammar is parsed by recursive descent with one
token of lookahead; an error is reported on the line of the last consumed token, as jison does.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from doclint.mermaid.diagrams._jison.actions import (
    ACCESSIBILITY,
    END,
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

_ALL = ("*",)


def _restore_and_pop(lexer: LexerControl) -> None:
    """`}` seen in the namespace state: leave the state and read the brace again in the enclosing one."""
    lexer.pop()
    lexer.less(0)


def _keyword(word: str) -> str:
    return word + r"\b"


def _letter_class() -> str:
    """A character class of the letters in the Basic Multilingual Plane.

    jison's UNICODE_TEXT rule lists the Unicode letters of the BMP (not digits or other numerals such as
    `½`, and nothing beyond U+FFFF, which JavaScript sees as two surrogates).
    """
    ranges: list[str] = []
    start = None
    for code in range(0x10001):
        is_letter = code < 0x10000 and chr(code).isalpha()
        if is_letter and start is None:
            start = code
        elif not is_letter and start is not None:
            ranges.append(f"\\u{start:04x}-\\u{code - 1:04x}" if code - 1 > start else f"\\u{start:04x}")
            start = None
    return "[" + "".join(ranges) + "]"


_UNICODE_LETTER = re.compile(_letter_class())

_RULES = (
    # a line mentioning `direction XX` anywhere is a direction statement (jison's `.*direction\s+TB...`)
    (None, r".*direction\s+TB[^\n]*", "direction_tb"),
    (None, r".*direction\s+BT[^\n]*", "direction_bt"),
    (None, r".*direction\s+RL[^\n]*", "direction_rl"),
    (None, r".*direction\s+LR[^\n]*", "direction_lr"),
    (None, r"%%[^\n]*\n*", None),  # a comment also swallows the line breaks after it
    (None, r"accTitle\s*:\s*", token("acc_title", begin="acc_title")),
    (("acc_title",), r"[^\n]*", token("acc_title_value", pops=1)),
    (None, r"accDescr\s*:\s*", token("acc_descr", begin="acc_descr")),
    (("acc_descr",), r"[^\n]*", token("acc_descr_value", pops=1)),
    (None, r"accDescr\s*\{\s*", skip(begin="acc_descr_multiline")),
    (("acc_descr_multiline",), r"[}]", skip(pops=1)),
    (("acc_descr_multiline",), r"[^}]*", "acc_descr_multiline_value"),
    (None, r"\s*(?:\r?\n)+", "NEWLINE"),
    (None, r"\s+", None),
    (None, _keyword("classDiagram-v2"), "CLASS_DIAGRAM"),
    (None, _keyword("classDiagram"), "CLASS_DIAGRAM"),
    (None, r"\[\*\]", "EDGE_STATE"),
    (None, r"call\s+", skip(begin="callback_name")),
    (("callback_name",), r"\(\s*\)", skip(pops=1)),
    (("callback_name",), r"\(", skip(pops=1, begin="callback_args")),
    (("callback_name",), r"[^(]*", "CALLBACK_NAME"),
    (("callback_args",), r"\)", skip(pops=1)),
    (("callback_args",), r"[^)]*", "CALLBACK_ARGS"),
    (("string",), r'["]', skip(pops=1)),
    (("string",), r'[^"]*', "STR"),
    (_ALL, r'["]', skip(begin="string")),
    (None, _keyword("style"), "STYLE"),
    (None, _keyword("classDef"), "CLASSDEF"),
    (
        ("INITIAL", "namespace", "namespace-body"),
        _keyword("namespace"),
        token("NAMESPACE", begin="namespace"),
    ),
    (("namespace",), r"\s*(?:\r?\n)+", token("NEWLINE", pops=1)),
    (("namespace",), r"\s+", None),
    (("namespace",), r"[{]", token("STRUCT_START", begin="namespace-body")),
    (("namespace",), r"[}]", _restore_and_pop),
    (("namespace-body",), r"[}]", token("STRUCT_STOP", pops=1)),
    (("namespace-body",), r"$", "EOF_IN_STRUCT"),
    (("namespace-body",), r"\s*(?:\r?\n)+", "NEWLINE"),
    (("namespace-body",), r"\s+", None),
    (("namespace-body",), r"\[\*\]", "EDGE_STATE"),
    (("INITIAL", "namespace-body"), _keyword("class"), token("CLASS", begin="class")),
    (("class",), r"\s*(?:\r?\n)+", token("NEWLINE", pops=1)),
    (("class",), r"\s+", None),
    (("class",), r"[}]", token("STRUCT_STOP", pops=2)),
    (("class",), r"[{]", token("STRUCT_START", begin="class-body")),
    (("class-body",), r"[}]", token("STRUCT_STOP", pops=1)),
    (("class-body",), r"$", "EOF_IN_STRUCT"),
    (("class-body",), r"\[\*\]", "EDGE_STATE"),
    (("class-body",), r"[{]", "OPEN_IN_STRUCT"),
    (("class-body",), r"[\n]", None),
    (("class-body",), r"[^{}\n]*", "MEMBER"),
    (_ALL, _keyword("cssClass"), "CSSCLASS"),
    (_ALL, _keyword("callback"), "CALLBACK"),
    (_ALL, _keyword("link"), "LINK"),
    (_ALL, _keyword("click"), "CLICK"),
    (_ALL, _keyword("note for"), "NOTE_FOR"),
    (_ALL, _keyword("note"), "NOTE"),
    (_ALL, r"<<", "ANNOTATION_START"),
    (_ALL, r">>", "ANNOTATION_END"),
    (_ALL, _keyword("href"), "HREF"),
    (("generic",), r"[~]", skip(pops=1)),
    (("generic",), r"[^~]*", "GENERICTYPE"),
    (_ALL, r"~", skip(begin="generic")),
    (("bqstring",), r"[`]", skip(pops=1)),
    (("bqstring",), r"[^`]+", "BQUOTE_STR"),
    (_ALL, r"[`]", skip(begin="bqstring")),
    (_ALL, _keyword("_self"), "LINK_TARGET"),
    (_ALL, _keyword("_blank"), "LINK_TARGET"),
    (_ALL, _keyword("_parent"), "LINK_TARGET"),
    (_ALL, _keyword("_top"), "LINK_TARGET"),
    (_ALL, r"\s*<\|", "EXTENSION"),
    (_ALL, r"\s*\|>", "EXTENSION"),
    (_ALL, r"\s*>", "DEPENDENCY"),
    (_ALL, r"\s*<", "DEPENDENCY"),
    (_ALL, r"\s*\*", "COMPOSITION"),
    (_ALL, r"\s*o\b", "AGGREGATION"),
    (_ALL, r"\s*\(\)", "LOLLIPOP"),
    (_ALL, r"--", "LINE"),
    (_ALL, r"\.\.", "DOTTED_LINE"),
    (_ALL, r":[^:\n;]+", "LABEL"),
    (_ALL, r":{3}", "STYLE_SEPARATOR"),
    (_ALL, r"-", "MINUS"),
    (_ALL, r"\.", "DOT"),
    (_ALL, r"\+", "PLUS"),
    (None, r":", "COLON"),
    (None, r",", "COMMA"),
    (None, r"#", "BRKT"),
    (_ALL, r"%", "PCT"),
    (_ALL, r"=", "EQUALS"),
    (_ALL, r"\w+", "ALPHA"),
    (_ALL, r"\[", "SQS"),
    (_ALL, r"\]", "SQE"),
    (_ALL, r"[!\"#$%&'*+,\-.`?\\/]", "PUNCTUATION"),
    (_ALL, _UNICODE_LETTER, "UNICODE_TEXT"),
    (_ALL, r"\s", "SPACE"),
    (_ALL, r"$", "EOF"),
)

CLASS_LEXER = LexerSpec.from_table(_RULES)

_ALNUM = frozenset({"UNICODE_TEXT", "NUM", "ALPHA", "MINUS"})
_NAME_START = _ALNUM | {"BQUOTE_STR"}
_RELATION_TYPES = frozenset({"AGGREGATION", "EXTENSION", "COMPOSITION", "DEPENDENCY", "LOLLIPOP"})
_LINE_TYPES = frozenset({"LINE", "DOTTED_LINE"})
_STYLE_COMPONENTS = frozenset({"ALPHA", "NUM", "COLON", "UNIT", "SPACE", "BRKT", "STYLE", "PCT", "LABEL"})
_FIXED_STATEMENTS: dict[str, FixedTail] = {
    **ACCESSIBILITY,
    **{
        kind: ()
        for kind in ("direction_tb", "direction_bt", "direction_rl", "direction_lr", "MEMBER", "SEPARATOR")
    },
    "CSSCLASS": ((("STR",), "a quoted list of class names"), (("ALPHA",), "a style class name")),
}
_STATEMENT_START = (
    _NAME_START
    | set(_FIXED_STATEMENTS)
    | {
        "NAMESPACE",
        "CLASS",
        "ANNOTATION_START",
        "CALLBACK",
        "LINK",
        "CLICK",
        "STYLE",
        "NOTE_FOR",
        "NOTE",
        "CLASSDEF",
    }
)
_NAMESPACE_ITEM_START = frozenset({"CLASS", "NOTE_FOR", "NOTE", "NAMESPACE"})


def _describe(tok: Token) -> str:
    if tok.kind in ("EDGE_STATE", "OPEN_IN_STRUCT", "PUNCTUATION", "EQUALS", "PLUS"):
        return f"unexpected {tok.text!r}"
    if tok.kind == "EOF_IN_STRUCT":
        return "end of input inside `{ }`"
    return f"{tok.kind} {tok.text!r}" if tok.text.strip() else tok.kind


_STATEMENT_FOLLOW = frozenset({"NEWLINE", "EOF", END, "STRUCT_STOP"})
# ClassMember's method pattern: a name, then `(...)` (JavaScript's `.` stops at line terminators)
# what DOMPurify drops from a label: tags (up to `>` or the end of the text) and comments
_HTML_MARKUP = re.compile(r"<(?:!--.*?(?:-->|\Z)|[/!?]?[A-Za-z][^>]*(?:>|\Z)|[!?][^>]*(?:>|\Z))", re.DOTALL)


# elements DOMPurify removes together with their content
_DROPPED_ELEMENTS = re.compile(
    r"<(script|style|noscript|noembed|noframes|xmp|iframe|template)\b[^>]*>.*?(?:</\1\s*>|\Z)|<plaintext\b.*",
    re.DOTALL | re.IGNORECASE,
)


def _sanitize(text: str) -> str:
    """Roughly mermaid's sanitizeText under the default security level: HTML markup is removed."""
    if "<" not in text:
        return text
    return _HTML_MARKUP.sub("", _DROPPED_ELEMENTS.sub("", text))


def _cleanup_label(label: str) -> str:
    """classDb.cleanupLabel: drop the leading `:`, sanitize, trim."""
    return _sanitize((label.removeprefix(":")).strip()).strip()


def _check_member(class_name: str, member: str) -> None:
    """classDb.addMember: a member with `)` is a method; if its text (sanitized) does not look like
    `name(...)`, ClassMember leaves its id undefined and mermaid fails on it."""
    text = member.strip()
    if text.startswith("<<") and text.endswith(">>") or text.find(")") <= 0:
        return
    if not _looks_like_method(_sanitize(text)):
        raise MermaidSyntaxError(
            f"Member {text!r} of class {class_name!r} has `)` but is not a method like `name(args)`: mermaid "
            "fails with \"Cannot read properties of undefined (reading 'startsWith')\""
        )


def _check_members(class_name: str, members: list[str]) -> None:
    for member in members:
        _check_member(class_name, member)


def _plain_class_name(name: str) -> str:
    """classDb keys a generic class `Box~T~` by `Box`."""
    tilde = name.find("~")
    return name[:tilde] if tilde > 0 else name


class _ClassParser:
    def __init__(self, text: str) -> None:
        self.cursor = TokenCursor(CLASS_LEXER.lexer(text), _describe)
        self.classes: set[str] = set()
        self.handlers: dict[str, Callable[[], None]] = {
            "NAMESPACE": self.namespace,
            "CLASS": self.class_statement,
            "ANNOTATION_START": self.annotation,
            "CALLBACK": self.click,
            "LINK": self.click,
            "CLICK": self.click,
            "STYLE": self.style,
            "NOTE_FOR": self.note,
            "NOTE": self.note,
            "CLASSDEF": self.class_def,
        }

    def parse(self) -> None:
        cursor = self.cursor
        if cursor.kind != "CLASS_DIAGRAM":
            # jison's `start: statements` alternative: statements without the header parse, but nothing
            # may follow them, not even the EOF token that the end-of-input rule produces
            if cursor.kind not in _STATEMENT_START:
                raise cursor.error("`classDiagram`")
            self.statements()
            raise cursor.error("`classDiagram` on the first line")
        cursor.take()
        cursor.expect("NEWLINE", what="a line break after `classDiagram`")
        self.statements()
        cursor.expect("EOF", what="a line break or the end of the diagram")
        cursor.expect(END, what="the end of the diagram")

    def statements(self) -> None:
        cursor = self.cursor
        self.statement()
        while cursor.kind == "NEWLINE":
            cursor.take()
            if cursor.kind not in _STATEMENT_START:
                break
            self.statement()

    def statement(self) -> None:
        cursor = self.cursor
        kind = cursor.kind
        fixed = _FIXED_STATEMENTS.get(kind)
        if fixed is not None:
            cursor.take_fixed(fixed)
        elif kind in _NAME_START:
            self.relation_or_member()
        elif kind in self.handlers:
            self.handlers[kind]()
        else:
            raise cursor.error("a statement")

    def style(self) -> None:
        self.cursor.take()
        self.cursor.expect("ALPHA", what="a class name")
        self.styles()

    def class_name(self, generics: bool = True) -> str:
        """className / namespaceName: words (optionally joined by dots), or a `quoted` name, maybe `~T~`."""
        cursor = self.cursor
        parts: list[str] = []
        while True:
            if cursor.kind == "BQUOTE_STR":
                parts.append(cursor.take().text)
                break
            if cursor.kind not in _ALNUM:
                raise cursor.error("a class name")
            parts.append(cursor.take().text)
            if cursor.kind == "DOT":
                cursor.take()
                parts.append(".")
            elif cursor.kind not in _NAME_START:
                break
        if generics and cursor.kind == "GENERICTYPE":
            parts.append("~" + cursor.take().text + "~")
        return "".join(parts)

    def relation_or_member(self) -> None:
        cursor = self.cursor
        first = self.class_name()
        if cursor.kind == "LABEL":
            member = _cleanup_label(cursor.take().text)
            self.classes.add(_plain_class_name(first))
            self.when_reduced(lambda: _check_member(first, member))
            return
        if cursor.kind != "STR" and cursor.kind not in _RELATION_TYPES and cursor.kind not in _LINE_TYPES:
            return  # a bare class name is a statement too
        if cursor.kind == "STR":
            cursor.take()
        start_type = cursor.take().kind if cursor.kind in _RELATION_TYPES else None
        cursor.expect(*_LINE_TYPES, what="`--` or `..`")
        end_type = cursor.take().kind if cursor.kind in _RELATION_TYPES else None
        if cursor.kind == "STR":
            cursor.take()
        second = self.class_name()
        if cursor.kind == "LABEL":
            cursor.take()
        self.add_relation(first, second, start_type, end_type)

    def add_relation(self, first: str, second: str, start_type: str | None, end_type: str | None) -> None:
        # a lollipop end makes that side an interface, not a class (classDb.addRelation)
        if start_type == "LOLLIPOP" and end_type is None:
            self.classes.add(_plain_class_name(second))
        elif end_type == "LOLLIPOP" and start_type is None:
            self.classes.add(_plain_class_name(first))
        else:
            self.classes.update((_plain_class_name(first), _plain_class_name(second)))

    def class_statement(self) -> None:
        cursor = self.cursor
        cursor.take()
        name = self.class_name()
        self.classes.add(_plain_class_name(name))
        if cursor.kind == "SQS":
            cursor.take()
            cursor.expect("STR", what="a quoted label")
            cursor.expect("SQE", what="`]`")
        if cursor.kind == "STYLE_SEPARATOR":
            cursor.take()
            self.alnum()
            if cursor.kind == "STRUCT_START":
                self.class_body(name, allow_empty=False)
        elif cursor.kind == "ANNOTATION_START":
            cursor.take()
            self.alnum()
            cursor.expect("ANNOTATION_END", what="`>>`")
            if cursor.kind == "STRUCT_START":
                self.class_body(name, allow_empty=True)
        elif cursor.kind == "STRUCT_START":
            self.class_body(name, allow_empty=True)

    def class_body(self, name: str, allow_empty: bool) -> None:
        cursor = self.cursor
        opened_on = cursor.take().line + 1
        members: list[str] = []
        if cursor.kind != "STRUCT_STOP" or not allow_empty:
            members.append(cursor.expect("MEMBER", what="a member").text)
        while cursor.kind == "MEMBER":
            members.append(cursor.take().text)
        cursor.expect(
            "STRUCT_STOP", what=f"a member or `}}` to close the class body opened on line {opened_on}"
        )
        self.when_reduced(lambda: _check_members(name, members))

    def alnum(self) -> str:
        return self.cursor.expect(*_ALNUM, what="a name").text

    def annotation(self) -> None:
        cursor = self.cursor
        cursor.take()
        annotation = self.alnum()
        cursor.expect("ANNOTATION_END", what="`>>`")
        name = self.class_name()
        self.when_reduced(lambda: self.check_annotated(name, annotation))

    def check_annotated(self, name: str, annotation: str) -> None:
        if _plain_class_name(name) not in self.classes:
            # classDb.addAnnotation dereferences a class that was never defined
            raise MermaidSyntaxError(
                f"Annotation <<{annotation}>> for {name!r}, which is not a class (yet): mermaid fails with "
                "\"Cannot read properties of undefined (reading 'annotations')\""
            )

    def when_reduced(self, action: Callable[[], object]) -> None:
        """Run a classDb action when jison would: on reducing the statement, i.e. once the next token is
        one that may follow a statement. Any other token is a parse error, reported by the caller."""
        if self.cursor.kind in _STATEMENT_FOLLOW:
            action()

    def click(self) -> None:
        cursor = self.cursor
        keyword = cursor.take().kind
        self.class_name()
        if keyword == "CALLBACK":
            cursor.expect("STR", what="a quoted function name")
            if cursor.kind == "STR":
                cursor.take()
        elif keyword == "LINK":
            self.link_tail()
        elif cursor.kind == "HREF":
            cursor.take()
            self.link_tail()
        else:
            cursor.expect("CALLBACK_NAME", "HREF", what="`call` or `href`")
            if cursor.kind == "CALLBACK_ARGS":
                cursor.take()
            if cursor.kind == "STR":
                cursor.take()

    def link_tail(self) -> None:
        cursor = self.cursor
        cursor.expect("STR", what="a quoted URL")
        if cursor.kind == "STR":
            cursor.take()
        if cursor.kind == "LINK_TARGET":
            cursor.take()

    def note(self) -> None:
        cursor = self.cursor
        if cursor.take().kind == "NOTE_FOR":
            self.class_name()
        cursor.expect("STR", what="the quoted note text")

    def class_def(self) -> None:
        cursor = self.cursor
        cursor.take()
        cursor.expect("ALPHA", what="a class name")
        while cursor.kind == "COMMA":
            cursor.take()
            cursor.expect("ALPHA", what="a class name")
        self.styles()

    def styles(self) -> None:
        cursor = self.cursor
        while True:
            cursor.expect(*_STYLE_COMPONENTS, what="a style")
            while cursor.kind in _STYLE_COMPONENTS:
                cursor.take()
            if cursor.kind != "COMMA":
                return
            cursor.take()

    def namespace(self) -> None:
        cursor = self.cursor
        cursor.take()
        self.class_name(generics=False)
        if cursor.kind == "SQS":
            cursor.take()
            cursor.expect("STR", what="a quoted label")
            cursor.expect("SQE", what="`]`")
        opened_on = cursor.expect("STRUCT_START", what="`{`").line + 1
        if cursor.kind == "NEWLINE":
            cursor.take()
        self.namespace_item()
        while cursor.kind == "NEWLINE":
            cursor.take()
            if cursor.kind not in _NAMESPACE_ITEM_START:
                break
            self.namespace_item()
        cursor.expect(
            "STRUCT_STOP",
            what=f"a class, note or namespace, or `}}` to close the namespace opened on line {opened_on}",
        )

    def namespace_item(self) -> None:
        kind = self.cursor.kind
        if kind == "CLASS":
            self.class_statement()
        elif kind in ("NOTE_FOR", "NOTE"):
            self.note()
        elif kind == "NAMESPACE":
            self.namespace()
        else:
            raise self.cursor.error("a class, note or namespace")


def parse(text: str) -> None:
    # mermaid appends a line break to every diagram before parsing (Diagram.fromText)
    _ClassParser(js_trim_start(text) + "\n").parse()


_LINE_BREAKS = re.compile("[\n\r\u2028\u2029]")


def _looks_like_method(text: str) -> bool:
    r"""Some line has `name(` (a `(` after at least one character) and a `)` after it.

    Written out instead of the regex ``.+\(.*\)``, which backtracks cubically on long runs of `(`.
    """
    for line in _LINE_BREAKS.split(text):
        opening = line.find("(", 1)
        if opening != -1 and line.find(")", opening + 1) != -1:
            return True
    return False
