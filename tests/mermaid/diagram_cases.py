"""Shared shape of the per-diagram tests: diagrams mermaid accepts, and diagrams it rejects at a line."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from doclint.mermaid.model import MermaidSyntaxError

Parse = Callable[[str], None]
TestFunction = Callable[..., None]


def diagram_tests(
    parse: Parse, valid: Sequence[str], invalid: Sequence[tuple[str, int]]
) -> tuple[TestFunction, TestFunction]:
    """Two parametrized tests; bind them to ``test_*`` names in the test module so pytest collects them."""

    @pytest.mark.parametrize("text", valid)
    def test_accepts(text: str) -> None:
        parse(text)

    @pytest.mark.parametrize(("text", "line"), invalid)
    def test_rejects_at_mermaids_line(text: str, line: int) -> None:
        with pytest.raises(MermaidSyntaxError) as caught:
            parse(text)
        assert caught.value.line == line

    return test_accepts, test_rejects_at_mermaids_line
