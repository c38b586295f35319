"""Gantt charts, modelled on mermaid 12.3.0's ``gantt.jison``.

Almost everything is decided by the lexer: keyword lines (``dateFormat``, ``section``, ...) are
single tokens, any other text up to a colon is a task name that must be followed by ``:data``.
Task dates are only interpreted when the chart is drawn, so ``mermaid.parse`` never rejects a
diagram for its dates.
"""

from __future__ import annotations

from collections.abc import Callable

from doclint.mermaid.diagrams._jison.lex import (
    ACCESSIBILITY_RULES,
    CHAR_TOKEN,
    TokenStream,
    build_lexer,
    run_jison,
)
from doclint.mermaid.model import MermaidSyntaxError

StatementParser = Callable[[TokenStream], bool]  # parses one statement, or says it is not its kind

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_LEXER = build_lexer(
    [
        # `%%{` starts a state the lexer does not define: mermaid fails with a TypeError
        ("*", r"%%\{", "BROKEN_DIRECTIVE", None),
        *ACCESSIBILITY_RULES,
        # three comment rules; the second swallows the rest of a line after `x%`
        ("*", r"%%[^\n]*", None, None),
        ("*", r"[^}]%+[^\n]*", None, None),
        ("*", r"%+[^\n]*\n*", None, None),
        ("*", r"\n+", "NEWLINE", None),
        ("*", r"\s+", None, None),
        ("*", r"href\s+\"", None, "href"),
        ("href", r"\"", None, "pop"),
        ("href", r"[^\"]*", "href", None),
        ("*", r"call\s+", None, "callbackname"),
        ("callbackname", r"\(\s*\)", None, "pop"),
        ("callbackname", r"\(", None, "pop callbackargs"),
        ("callbackname", r"[^(]*", "callbackname", None),
        ("callbackargs", r"\)", None, "pop"),
        ("callbackargs", r"[^)]*", "callbackargs", None),
        ("*", r"click\s+", None, "click"),
        ("click", r"\s", None, "pop"),
        ("click", r"\S*", "click", None),
        ("*", r"gantt\b", "gantt", None),
        ("*", r"dateFormat\s[^#\n;]+", "statement", None),
        ("*", r"inclusiveEndDates\b", "statement", None),
        ("*", r"topAxis\b", "topAxis", None),
        ("*", r"axisFormat\s[^#\n;]+", "statement", None),
        ("*", r"tickInterval\s[^#\n;]+", "statement", None),
        ("*", r"includes\s[^#\n;]+", "statement", None),
        ("*", r"excludes\s[^#\n;]+", "statement", None),
        ("*", r"todayMarker\s[^\n;]+", "statement", None),
        *[("*", rf"weekday\s+{day}\b", "statement", None) for day in _WEEKDAYS],
        ("*", r"weekend\s+friday\b", "statement", None),
        ("*", r"weekend\s+saturday\b", "statement", None),
        ("*", r"\d\d\d\d-\d\d-\d\d\b", "date", None),
        ("*", r"title\s[^\n]+", "statement", None),
        ("*", r"accDescription\s[^#\n;]+", "accDescription", None),
        ("*", r"section\s[^\n]+", "statement", None),
        ("*", r"[^:\n]+", "taskName", None),
        ("*", r":[^#\n;]+", "taskData", None),
        ("*", r":", CHAR_TOKEN, None),
        ("*", r"\Z", "EOF", None),
        ("*", r".", "INVALID", None),
    ]
)


def parse(text: str) -> None:
    run_jison(_LEXER, text, lambda stream: parse_task_lines(stream, "gantt", _parse_other_statement))


def parse_task_lines(stream: TokenStream, header: str, other_statement: StatementParser) -> None:
    """The document of gantt charts and user journeys: the header keyword, then single-token
    statements (``title``, ``section``, ...), accessibility statements and ``name`` ``:data``
    task pairs, separated or not by newlines."""
    stream.expect(header)
    while stream.kind() != "EOF":
        kind = stream.kind()
        if kind in ("NEWLINE", "statement"):
            stream.advance()
        elif kind == "taskName":
            stream.advance()
            if stream.kind() != "taskData":
                raise stream.error("`: data` after the task name")
            stream.advance()
        elif not stream.accept_accessibility() and not other_statement(stream):
            raise stream.error(f"a {header} statement (a task `name : data`, a section, a title, ...)")


def _parse_other_statement(stream: TokenStream) -> bool:
    if stream.kind() == "BROKEN_DIRECTIVE":
        raise stream.error("no `%%{` directive inside the chart")
    if stream.kind() == "topAxis":  # the grammar calls yy.TopAxis(), which mermaid 12.3.0 lacks
        raise MermaidSyntaxError("`topAxis` makes mermaid 12.3.0 fail (its gantt database has no TopAxis)")
    if stream.kind() != "click":
        return False
    _parse_click(stream)
    return True


def _parse_click(stream: TokenStream) -> None:
    """``click id`` followed by ``call name(args)`` and/or ``href "url"``, in either order."""
    stream.advance()
    if stream.accept("href"):
        if stream.accept("callbackname"):
            stream.accept("callbackargs")
        return
    stream.expect("callbackname", "href")
    stream.accept("callbackargs")
    stream.accept("href")
