"""Shared checks for the per-diagram tests, whose cases were labelled by mermaid 12.3.0's ``mermaid.parse``.

A case's ``line`` is the line mermaid names, or None where mermaid names none ("line ?", e.g. a Langium
error at the end of the input); then only the rejection is checked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from doclint.mermaid import validate
from doclint.mermaid.model import MermaidSyntaxError

Parse = Callable[[str], None]
TestFunction = Callable[..., None]


def assert_like_mermaid(parse: Parse, text: str, valid: bool, line: int | None) -> None:
    """``parse`` accepts ``text`` iff mermaid does; when mermaid names a line, the error names it too."""
    if valid:
        parse(text)
        return
    with pytest.raises(MermaidSyntaxError) as raised:
        parse(text)
    if line is not None:
        assert raised.value.line == line, raised.value.message


def diagram_tests(
    parse: Parse, valid: Sequence[str], invalid: Sequence[tuple[str, int | None]]
) -> tuple[TestFunction, TestFunction]:
    """Two parametrized tests; bind them to ``test_*`` names in the test module so pytest collects them."""

    @pytest.mark.parametrize("text", valid)
    def test_accepts(text: str) -> None:
        assert_like_mermaid(parse, text, True, None)

    @pytest.mark.parametrize(("text", "line"), invalid)
    def test_rejects_at_mermaids_line(text: str, line: int | None) -> None:
        assert_like_mermaid(parse, text, False, line)

    return test_accepts, test_rejects_at_mermaids_line


def validate_tests(
    cases: Sequence[tuple[str, bool, int | None]], *, exact_lines: bool = False
) -> TestFunction:
    """One parametrized test running ``doclint.mermaid.validate`` on ``(diagram, valid, line)`` cases; with
    ``exact_lines`` a None line means the error must name no line either.  Bind it to a ``test_*`` name."""

    @pytest.mark.parametrize(("text", "valid", "line"), cases)
    def test_validate_like_mermaid(text: str, valid: bool, line: int | None) -> None:
        result = validate(text)
        assert result.valid is valid, result.message
        if not valid and (line is not None or exact_lines):
            assert result.line == line, result.message

    return test_validate_like_mermaid
