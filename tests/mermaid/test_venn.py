"""Venn diagrams: ``diagrams/venn.py``. Each expectation is what mermaid 12.3.0's ``mermaid.parse`` says.

``line`` is the line mermaid reports; None where it names none (its database checks throw without one).
"""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.venn import parse

# (diagram text as the parser receives it, valid, line mermaid reports)
CASES = [
    ('venn-beta\n    title Pets\n    set A["Cats"]: 10\n    set B\n    union A, B["Both"]', True, None),
    (
        'venn-beta\n    set A\n        text "inside A"\n    set B\n    text A, B shared\n    style A fill: #ff0000, opacity: 0.5',
        False,
        5,
    ),
    ("venn-beta\n    set A\n    union A", False, None),
    ("venn-beta\n    set A\n    union A, C", False, None),
    ("venn-beta\n    set A B", False, 2),
    ("venn-beta\n    set A\n    text A", True, None),
    ('venn-beta\n    set A\n        text B "b"', False, 3),
    ("venn-beta\n    set A;", False, 2),
    ("venn-beta\n    style A fill:", False, 2),
    ("venn-beta\n    set A\n    union A, B x", False, 3),
]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_venn_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)
