"""Gantt charts, modelled on mermaid 12.3.0's ``gantt.jison``.

Almost everything is decided by the lexer: keyword lines (``dateFormat``, ``section``, ...) are
single tokens, any other text up to a colon is a task name that must be followed by ``:data``.
Task dates are only interpreted when the chart is drawn, so ``mermaid.parse`` never rejects a
diagram for its dates.
"""

from __future__ import annotations

from doclint.mermaid.diagrams.er import CHAR_TOKEN, TokenStream, build_lexer, run_jison

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_LEXER = build_lexer(
    [
        # `%%{` starts a state the lexer does not define: mermaid fails with a TypeError
        ("*", r"%%\{", "BROKEN_DIRECTIVE", None),
        ("*", r"accTitle\s*:\s*", "acc_title", "acc_title"),
        ("acc_title", r"[^\n]*", "acc_title_value", "pop"),
        ("*", r"accDescr\s*:\s*", "acc_descr", "acc_descr"),
        ("acc_descr", r"[^\n]*", "acc_descr_value", "pop"),
        ("*", r"accDescr\s*\{\s*", None, "acc_descr_multiline"),
        ("acc_descr_multiline", r"\}", None, "pop"),
        ("acc_descr_multiline", r"[^}]*", "acc_descr_multiline_value", None),
        # three comment rules; the second swallows the rest of a line after `x%`
        ("*", r"%%[^\n]*", None, None),
        ("*", r"[^}]%+[^\n]*", None, None),
        ("*", r"%+[^\n]*\n*", None, None),
        ("*", r"\n+", "NL", None),
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
        ("*", r"topAxis\b", "statement", None),
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
        ("*", r"[^:\n]+", "taskTxt", None),
        ("*", r":[^#\n;]+", "taskData", None),
        ("*", r":", CHAR_TOKEN, None),
        ("*", r"\Z", "EOF", None),
        ("*", r".", "INVALID", None),
    ]
)

_VALUE_STATEMENTS = {"acc_title": "acc_title_value", "acc_descr": "acc_descr_value"}
_SINGLE_TOKEN_STATEMENTS = ("statement", "acc_descr_multiline_value")


def parse(text: str) -> None:
    run_jison(_LEXER, text, _parse_diagram)


def _parse_diagram(stream: TokenStream) -> None:
    stream.expect("gantt")
    while stream.kind != "EOF":
        if stream.kind == "BROKEN_DIRECTIVE":
            raise stream.error("no `%%{` directive inside the chart")
        if stream.accept("NL"):
            continue
        _parse_statement(stream)


def _parse_statement(stream: TokenStream) -> None:
    kind = stream.kind
    if kind in _SINGLE_TOKEN_STATEMENTS:
        stream.take()
    elif kind in _VALUE_STATEMENTS:
        stream.take()
        stream.expect(_VALUE_STATEMENTS[kind])
    elif kind == "taskTxt":
        stream.take()
        if stream.kind != "taskData":
            raise stream.error("`: task data` after the task name")
        stream.take()
    elif kind == "click":
        _parse_click(stream)
    else:
        raise stream.error("a gantt statement (a task `name : data`, section, dateFormat, title, ...)")


def _parse_click(stream: TokenStream) -> None:
    """``click id`` followed by ``call name(args)`` and/or ``href "url"``, in either order."""
    stream.take()
    if stream.accept("href"):
        if stream.accept("callbackname"):
            stream.accept("callbackargs")
        return
    stream.expect("callbackname", "href")
    stream.accept("callbackargs")
    stream.accept("href")
