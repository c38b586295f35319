"""User journeys, modelled on mermaid 12.3.0's ``journey.jison``.

``title ...`` and ``section ...`` lines are single tokens; any other text up to a colon is a task
name, which must be followed by ``: data`` on the same line. The journey database has no checks
that throw.
"""

from __future__ import annotations

from doclint.mermaid.diagrams.er import CHAR_TOKEN, TokenStream, build_lexer, run_jison

_LEXER = build_lexer(
    [
        ("*", r"%[^\n]*", None, None),
        ("*", r"[^}]%%[^\n]*", None, None),
        ("*", r"\n+", "NEWLINE", None),
        ("*", r"\s+", None, None),
        ("*", r"#[^\n]*", None, None),
        ("*", r"journey\b", "journey", None),
        ("*", r"title\s[^#\n;]+", "statement", None),
        ("*", r"accTitle\s*:\s*", "acc_title", "acc_title"),
        ("acc_title", r"[^\n]*", "acc_title_value", "pop"),
        ("*", r"accDescr\s*:\s*", "acc_descr", "acc_descr"),
        ("acc_descr", r"[^\n]*", "acc_descr_value", "pop"),
        ("*", r"accDescr\s*\{\s*", None, "acc_descr_multiline"),
        ("acc_descr_multiline", r"\}", None, "pop"),
        ("acc_descr_multiline", r"[^}]*", "statement", None),
        ("*", r"section\s[^#:\n;]+", "statement", None),
        ("*", r"[^#:\n;]+", "taskName", None),
        ("*", r":[^#\n;]+", "taskData", None),
        ("*", r":", CHAR_TOKEN, None),
        ("*", r"\Z", "EOF", None),
        ("*", r".", "INVALID", None),
    ]
)

_VALUE_STATEMENTS = {"acc_title": "acc_title_value", "acc_descr": "acc_descr_value"}


def parse(text: str) -> None:
    run_jison(_LEXER, text, _parse_diagram)


def _parse_diagram(stream: TokenStream) -> None:
    stream.expect("journey")
    while stream.kind != "EOF":
        kind = stream.kind
        if kind in ("NEWLINE", "statement"):
            stream.take()
        elif kind in _VALUE_STATEMENTS:
            stream.take()
            stream.expect(_VALUE_STATEMENTS[kind])
        elif kind == "taskName":
            stream.take()
            if stream.kind != "taskData":
                raise stream.error("`: score: actors` after the task name")
            stream.take()
        else:
            raise stream.error("a journey statement (title, section or `task: score: actors`)")
