"""GitHub Actions workflow commands: one annotation per diagnostic."""

from __future__ import annotations

from collections.abc import Sequence

from doclint.diagnostics import Diagnostic, Severity

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: Sequence[Diagnostic]) -> str:
    lines = []
    for d in diagnostics:
        properties = (
            f"file={_escape_property(d.path)},line={d.line},col={d.column},"
            f"endLine={d.end_line},endColumn={d.end_column},title={_escape_property(f'{d.code} {d.name}')}"
        )
        lines.append(f"::{_LEVEL[d.severity]} {properties}::{_escape_data(f'{d.code} {d.message}')}")
    return "".join(line + "\n" for line in lines)
