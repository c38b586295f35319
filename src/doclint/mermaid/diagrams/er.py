"""Entity-relationship diagrams, modelled on mermaid 12.3.0's ``erDiagram.jison``.

The jison lexer is reproduced rule by rule (first matching rule wins, with start conditions for
attribute blocks, backquoted attribute types and ``style``/``classDef`` lines); the LALR grammar is
replayed as recursive descent over the token list.

This module also holds the small jison toolkit (``JisonLexer``, ``TokenStream``,
``prepare_jison_text``) that the other jison-based modules of this package import; it is a
candidate for ``_common.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from doclint.mermaid.model import MermaidSyntaxError

# ---------------------------------------------------------------------------------------------
# jison toolkit
# ---------------------------------------------------------------------------------------------

CHAR_TOKEN = "<char>"  # jison `return yytext[0]`: the matched character is the token name
END_OF_INPUT = "$end"
LEXICAL_ERROR = "<lexical error>"

# A rule is (pattern, token, state change): token None skips the match; the state change is None
# or space-separated operations, each "pop" or the name of a start condition to push.
RuleSpec = tuple[str, str | None, str | None]


class Token(NamedTuple):
    kind: str
    text: str
    line: int  # 1 + newlines before the end of the token: what jison reports after shifting it


class JisonLexer:
    """A jison lexer: ordered rules, the first that matches wins, per start condition."""

    def __init__(
        self,
        rules: Sequence[RuleSpec],
        states: dict[str, Sequence[int]],
        flags: int = re.IGNORECASE,
    ) -> None:
        self._actions = [(token, tuple(change.split()) if change else ()) for _, token, change in rules]
        # one alternation per start condition: Python tries alternatives left to right and takes
        # the first that matches, which is jison's rule order (and one regex call per token)
        self._states = {name: self._alternation(rules, indexes, flags) for name, indexes in states.items()}
        # Rules like `.*direction\s+TB[^\n]*` scan the rest of the line at every token, which is
        # quadratic on long lines; they can only match where what follows `.*` occurs later on
        # the line, so each state also gets an alternation without them for everywhere else.
        line_rules = [index for index, rule in enumerate(rules) if rule[0].startswith(".*")]
        self._line_rule = (
            re.compile("|".join(translate_js_regex(rules[index][0][2:]) for index in line_rules), flags)
            if line_rules
            else None
        )
        self._states_without_line_rules = {
            name: self._alternation(rules, [index for index in indexes if index not in line_rules], flags)
            for name, indexes in states.items()
        }

    @staticmethod
    def _alternation(rules: Sequence[RuleSpec], indexes: Sequence[int], flags: int) -> re.Pattern[str]:
        return re.compile(
            "|".join(f"(?P<r{index}>{translate_js_regex(rules[index][0])})" for index in indexes), flags
        )

    def tokenize(self, text: str) -> list[Token]:
        """All tokens; a lexical error becomes a final ``LEXICAL_ERROR`` token."""
        tokens: list[Token] = []
        stack = ["INITIAL"]
        position, line, length = 0, 1, len(text)
        empty_matches = 0
        line_rule_at = -1  # where the line rules' tail next occurs (searched from line_rule_from)
        line_rule_from = length + 1
        end_of_line = -1
        while True:
            states = self._states
            if self._line_rule is not None:
                if not line_rule_from <= position <= line_rule_at:
                    found = self._line_rule.search(text, position)
                    line_rule_from, line_rule_at = position, found.start() if found else length + 1
                if position > end_of_line:
                    end_of_line = text.find("\n", position)
                    end_of_line = length if end_of_line < 0 else end_of_line
                if line_rule_at > end_of_line:
                    states = self._states_without_line_rules
            match = states[stack[-1]].match(text, position)
            if match is None:
                kind = END_OF_INPUT if position >= length else LEXICAL_ERROR
                tokens.append(Token(kind, text[position : position + 1], line))
                return tokens
            matched = match.group()
            if "\n" in matched:
                line += matched.count("\n")
            token, change = self._actions[int(match.lastgroup[1:])]  # type: ignore[index]
            for operation in change:  # jison's begin / popState
                if operation != "pop":
                    stack.append(operation)
                elif len(stack) > 1:
                    stack.pop()
            if token is not None:
                tokens.append(Token(matched[:1] if token == CHAR_TOKEN else token, matched, line))
            if position >= length:  # an empty match at the end (jison's `<<EOF>>`): input is done
                tokens.append(Token(END_OF_INPUT, "", line))
                return tokens
            # an empty match that changes nothing would make jison loop forever
            empty_matches = empty_matches + 1 if not matched else 0
            if empty_matches > 2 or (not matched and not change):
                tokens.append(Token(LEXICAL_ERROR, text[position : position + 1], line))
                return tokens
            position = match.end()


# what JavaScript's String.prototype.trimStart removes
_JS_WHITESPACE = "\t\n\v\f\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

_JS_CLASS_ESCAPES = {"w": "a-zA-Z0-9_", "d": "0-9"}


def translate_js_regex(pattern: str) -> str:
    """A JavaScript regex (no `u` flag) as a Python one: \\w and \\d are ASCII-only in JS while
    \\s knows Unicode spaces, so only \\w and \\d are rewritten."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            if escaped in _JS_CLASS_ESCAPES:
                ranges = _JS_CLASS_ESCAPES[escaped]
                out.append(ranges if in_class else f"[{ranges}]")
            else:
                out.append(char + escaped)
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


def compile_js_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(translate_js_regex(pattern), flags)


def prepare_jison_text(text: str) -> str:
    """What mermaid hands its parsers: the preprocessed, entity-encoded text plus a newline.

    mermaid's comment clean-up also trims the start of the text (a no-op when the framework has
    done it already), so lines are counted from the first non-blank line."""
    return text.lstrip(_JS_WHITESPACE) + "\n"


class TokenStream:
    """Cursor over jison tokens that reports errors on the line jison would."""

    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens
        self._position = 0
        self.line = 1  # jison's yylineno + 1 as of the last shifted token

    def peek(self, offset: int = 0) -> Token:
        index = min(self._position + offset, len(self._tokens) - 1)
        return self._tokens[index]

    @property
    def kind(self) -> str:
        return self._tokens[self._position].kind  # the last token ($end) is never passed

    def take(self) -> Token:
        token = self.peek()
        if token.kind == LEXICAL_ERROR:
            raise self.error("")
        if self._position < len(self._tokens) - 1:
            self._position += 1
        self.line = token.line
        return token

    def accept(self, *kinds: str) -> Token | None:
        return self.take() if self.kind in kinds else None

    def expect(self, *kinds: str) -> Token:
        if self.kind not in kinds:
            raise self.error(" or ".join(kinds))
        return self.take()

    def accept_accessibility(self) -> bool:
        """``accTitle: ...``, ``accDescr: ...`` or ``accDescr { ... }`` (see ``ACCESSIBILITY_RULES``)."""
        kind = self.kind
        if kind == "acc_descr_multiline_value":
            self.take()
        elif kind in _ACCESSIBILITY_VALUES:
            self.take()
            self.expect(_ACCESSIBILITY_VALUES[kind])
        else:
            return False
        return True

    def comma_list(self, *kinds: str) -> None:
        """``item (COMMA item)*``: jison's ``idList``."""
        self.expect(*kinds)
        while self.accept("COMMA"):
            self.expect(*kinds)

    def styles(self, *components: str) -> None:
        """jison's ``stylesOpt``: comma-separated runs of style components."""
        self.expect(*components)
        while True:
            if self.accept(*components):
                continue
            if not self.accept("COMMA"):
                return
            self.expect(*components)

    def error(self, expected: str) -> MermaidSyntaxError:
        token = self.peek()
        if token.kind == LEXICAL_ERROR:
            return MermaidSyntaxError(f"Lexical error: unrecognized text {token.text!r}", token.line)
        found = "end of input" if token.kind in (END_OF_INPUT, "EOF") else repr(token.text or token.kind)
        wanted = f": expected {expected}" if expected else ""
        return MermaidSyntaxError(f"Parse error{wanted}, got {found}", self.line)


def build_lexer(
    rules: Sequence[tuple[str, str, str | None, str | None]], flags: int = re.IGNORECASE
) -> JisonLexer:
    """Rules as (states, pattern, token, state change); states is a space-separated list where
    ``*`` means INITIAL (jison's rules without a start condition apply in INITIAL and inclusive states)."""
    states: dict[str, list[int]] = {}
    for index, (where, _, _, _) in enumerate(rules):
        for name in where.split():
            states.setdefault("INITIAL" if name == "*" else name, []).append(index)
    return JisonLexer([(pattern, token, change) for _, pattern, token, change in rules], states, flags)


# the accessibility rules every jison grammar of mermaid shares, in their usual order
ACCESSIBILITY_RULES = (
    ("*", r"accTitle\s*:\s*", "acc_title", "acc_title"),
    ("acc_title", r"[^\n]*", "acc_title_value", "pop"),
    ("*", r"accDescr\s*:\s*", "acc_descr", "acc_descr"),
    ("acc_descr", r"[^\n]*", "acc_descr_value", "pop"),
    ("*", r"accDescr\s*\{\s*", None, "acc_descr_multiline"),
    ("acc_descr_multiline", r"\}", None, "pop"),
    ("acc_descr_multiline", r"[^}]*", "acc_descr_multiline_value", None),
)
_ACCESSIBILITY_VALUES = {"acc_title": "acc_title_value", "acc_descr": "acc_descr_value"}

# jison's four `.*direction\s+TB[^\n]*` ... rules: a whole line that mentions a direction anywhere
DIRECTION_RULE = ("*", r".*direction\s+(?:TB|BT|RL|LR)[^\n]*", "direction", None)

ParseFunction = Callable[[TokenStream], None]


def run_jison(lexer: JisonLexer, text: str, parse_document: ParseFunction) -> None:
    stream = TokenStream(lexer.tokenize(prepare_jison_text(text)))
    parse_document(stream)


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
        kind = stream.kind
        if kind == "EOF" and subgraph_line is None:
            return
        if kind == "END" and subgraph_line is not None:
            stream.take()
            return
        if kind == END_OF_INPUT and subgraph_line is not None:
            raise stream.error(f"`end` to close the subgraph opened at line {subgraph_line}")
        if kind in ("NEWLINE", "EOF"):
            stream.take()
        else:
            _parse_statement(stream)


def _parse_statement(stream: TokenStream) -> None:
    kind = stream.kind
    if kind in _ENTITY_NAME:
        _parse_entity_statement(stream)
    elif kind == "direction":
        stream.take()
    elif stream.accept_accessibility():
        pass
    elif kind == "CLASSDEF" or kind == "STYLE":
        stream.take()
        stream.comma_list(*_ID)
        stream.styles(*_STYLE_COMPONENT)
        stream.expect(*_SEPARATOR)
    elif kind == "CLASS":
        stream.take()
        stream.comma_list(*_ID)
        stream.comma_list(*_ID)
    elif kind == "SUBGRAPH":
        _parse_subgraph(stream)
    else:
        raise stream.error("a statement (an entity, a relationship, classDef, class, style or subgraph)")


def _parse_subgraph(stream: TokenStream) -> None:
    """``subgraph id`` or ``subgraph id[title words]``, a document, then ``end``."""
    opened_at = stream.take()
    stream.expect(*_ENTITY_NAME)
    if stream.accept("SQS"):
        stream.expect(*_ENTITY_NAME)
        while stream.accept(*_ENTITY_NAME):
            pass
        stream.expect("SQE")
    stream.expect(*_SEPARATOR)
    _parse_document(stream, subgraph_line=opened_at.line)


def _parse_entity_statement(stream: TokenStream) -> None:
    stream.take()
    if stream.kind == "SQS":  # entity with an alias: NAME[alias]
        stream.take()
        stream.expect(*_ENTITY_NAME)
        stream.expect("SQE")
        _parse_class_suffix(stream)
        _parse_optional_block(stream)
        return
    _parse_class_suffix(stream)
    if stream.kind == "CARDINALITY":
        _parse_relationship_tail(stream)
    else:
        _parse_optional_block(stream)


def _parse_class_suffix(stream: TokenStream) -> None:
    if stream.accept("STYLE_SEPARATOR"):
        stream.comma_list(*_ID)


def _parse_relationship_tail(stream: TokenStream) -> None:
    """``cardinality relType cardinality entity [:::classes] : role``."""
    stream.expect("CARDINALITY")
    if stream.kind != "REL_TYPE":
        raise stream.error("a relationship line such as `--` or `..`")
    stream.take()
    stream.expect("CARDINALITY")
    stream.expect(*_ENTITY_NAME)
    _parse_class_suffix(stream)
    stream.expect("COLON")
    stream.expect("WORD", "ENTITY_NAME", "UNICODE_TEXT")


def _parse_optional_block(stream: TokenStream) -> None:
    if not stream.accept("BLOCK_START"):
        return
    while stream.kind == "ATTRIBUTE_WORD":
        _parse_attribute(stream)
    stream.expect("BLOCK_STOP")


def _parse_attribute(stream: TokenStream) -> None:
    """``type[?] name [PK, FK, UK] ["comment"]``."""
    stream.take()
    stream.accept("?")
    stream.expect("ATTRIBUTE_WORD")
    if stream.accept("ATTRIBUTE_KEY"):
        while stream.accept(","):
            stream.expect("ATTRIBUTE_KEY")
    stream.accept("COMMENT")
