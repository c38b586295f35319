"""User journeys, modelled on mermaid 12.3.0's ``journey.jison``.

``title ...`` and ``section ...`` lines are single tokens; any other text up to a colon is a task
name, which must be followed by ``: data`` on the same line. The journey database has no checks
that throw.
"""

from __future__ import annotations

from doclint.mermaid.diagrams._jison.lex import ACCESSIBILITY_RULES, CHAR_TOKEN, build_lexer, run_jison
from doclint.mermaid.diagrams.gantt import parse_task_lines

_LEXER = build_lexer(
    [
        ("*", r"%[^\n]*", None, None),
        ("*", r"[^}]%%[^\n]*", None, None),
        ("*", r"\n+", "NEWLINE", None),
        ("*", r"\s+", None, None),
        ("*", r"#[^\n]*", None, None),
        ("*", r"journey\b", "journey", None),
        ("*", r"title\s[^#\n;]+", "statement", None),
        *ACCESSIBILITY_RULES,
        ("*", r"section\s[^#:\n;]+", "statement", None),
        ("*", r"[^#:\n;]+", "taskName", None),
        ("*", r":[^#\n;]+", "taskData", None),
        ("*", r":", CHAR_TOKEN, None),
        ("*", r"\Z", "EOF", None),
        ("*", r".", "INVALID", None),
    ]
)


def parse(text: str) -> None:
    run_jison(_LEXER, text, lambda stream: parse_task_lines(stream, "journey", lambda _: False))
