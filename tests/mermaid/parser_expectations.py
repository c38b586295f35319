"""Shared check for the diagram-parser tests whose cases were labelled by mermaid 12.3.0's ``mermaid.parse``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from doclint.mermaid.model import MermaidSyntaxError


def assert_like_mermaid(parse: Callable[[str], None], text: str, valid: bool, line: int | None) -> None:
    """``parse`` accepts ``text`` iff mermaid does; when mermaid names a line, the error names it too."""
    if valid:
        parse(text)
        return
    with pytest.raises(MermaidSyntaxError) as raised:
        parse(text)
    if line is not None:
        assert raised.value.line == line, raised.value.message
