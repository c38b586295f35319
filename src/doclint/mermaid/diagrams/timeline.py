"""Timelines, modelled on mermaid's jison grammar ``timeline.jison`` and ``timelineDb.addEvent``.

    start: (timeline | timeline LR | timeline TD) line* EOF
    line: title | accTitle/accDescr forms | section | period | event | NEWLINE | EOF

The lexer turns nearly every line into periods (``[^#:\\n]+``) and events (``: text``), so errors are
rare: a ``:`` not followed by whitespace is an INVALID token, an ``accDescr {`` block must be closed,
and the database fails on an event that comes before any period.
"""

from __future__ import annotations

from doclint.mermaid.diagrams._jison.lex import (
    ACCESSIBILITY_STATES,
    END,
    WORD_END,
    JisonLexer,
    Rule,
    TokenStream,
    accessibility_rules,
)
from doclint.mermaid.model import MermaidSyntaxError

_LEXER = JisonLexer(
    [
        Rule(r"%(?!\{)[^\n]*"),  # mermaid 12's rule skips from a single `%` to the end of the line
        Rule(r"[^}]%%[^\n]*"),
        Rule(r"\n+", "NEWLINE"),
        Rule(r"\s+"),
        Rule(r"#[^\n]*"),
        Rule(r"timeline[ \t]+LR" + WORD_END, "timeline"),
        Rule(r"timeline[ \t]+TD" + WORD_END, "timeline"),
        Rule("timeline" + WORD_END, "timeline"),
        Rule(r"title\s[^\n]+", "title"),
        *accessibility_rules(),
        Rule(r"section\s[^:\n]+", "section"),
        Rule(r":\s(?:[^:\n]|:(?!\s))+", "event"),
        Rule(r"[^#:\n]+", "period"),
        Rule("$", "EOF"),
        Rule(".", "INVALID"),
    ],
    exclusive=ACCESSIBILITY_STATES,
    ignore_case=True,
)

_SIMPLE_LINES = frozenset({"title", "acc_descr_multiline_value", "section", "NEWLINE"})
_VALUE_OF = {"acc_title": "acc_title_value", "acc_descr": "acc_descr_value"}


def parse(text: str) -> None:
    text += "\n"  # Diagram.fromText appends a newline before calling the parser
    cursor = TokenStream(_LEXER.tokens(text))
    cursor.expect("timeline", what="`timeline` (optionally followed by LR or TD)")
    has_period = False
    while True:
        token = cursor.peek()
        if token.kind == "EOF" and cursor.kind(1) == END:
            return
        if token.kind in _SIMPLE_LINES or token.kind == "EOF":
            cursor.advance()
        elif token.kind in _VALUE_OF:
            cursor.advance()
            cursor.expect(_VALUE_OF[token.kind], what="a value")
        elif token.kind == "period":
            cursor.advance()
            has_period = True
        elif token.kind == "event":
            if cursor.kind(1) == "INVALID":
                cursor.advance()
                cursor.fail("`:` must be followed by a space")
            if not has_period:
                raise MermaidSyntaxError("an event (`: ...`) must follow a time period", token.line)
            cursor.advance()
        else:
            what = "`:` must be followed by a space" if token.text == ":" else "unexpected text"
            cursor.fail(f"{what}; expected a period, an event (`: ...`), a section or a title")
