"""Output formats: interchangeable views of one list of diagnostics."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from doclint.diagnostics import Diagnostic

Formatter = Callable[[Sequence[Diagnostic]], str]
FORMATS = ("text", "concise", "json", "sarif", "github", "junit")


def formatter(name: str) -> Formatter:
    if name == "json":
        from doclint.output.json_format import format_json

        return format_json
    if name == "sarif":
        from doclint.output.sarif import format_sarif

        return format_sarif
    if name == "github":
        from doclint.output.github import format_github

        return format_github
    if name == "junit":
        from doclint.output.junit import format_junit

        return format_junit
    raise ValueError(f"unknown output format {name!r}")
