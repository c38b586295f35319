"""Quadrant charts: ``diagrams/quadrant.py``. Each expectation is what mermaid 12.3.0's ``mermaid.parse`` says.

``line`` is the line mermaid reports; None where it names none (its database checks throw without one).
"""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.quadrant import parse

# (diagram text as the parser receives it, valid, line mermaid reports)
CASES = [
    (
        "quadrantChart\n    title Reach\n    x-axis Low --> High\n    y-axis Low --> High\n    quadrant-1 Expand\n    Campaign A: [0.3, 0.6]",
        True,
        None,
    ),
    (
        "quadrantChart\n    Point A:::hot: [0.9, 0.1] radius: 10, color: #ff0000\n    classDef hot stroke-color: #000, stroke-width: 2px",
        True,
        None,
    ),
    ("quadrantChart\n    Point A: [1.5, 0.5]", False, 2),
    ("quadrantChart\n    Point A: [0.5, 0.5] size: 10", False, None),
    ("quadrantChart\n    Point A: [0.5, 0.5] radius: big", False, None),
    ("quadrantChart\n    classDef hot color: red", False, None),
    ("quadrantChart\n    Point A", False, 2),
    ("quadrantChart\n    x-axis -5", False, 2),
    ("quadrantChart\n    x-axis Low -->", True, None),
    ('quadrantChart\n    "Point A": [0.1, 0.2]\n    quadrant-5 Nope', False, 3),
    ("quadrantChart\n    Point A: [0.5 0.5]", False, 2),
    # JavaScript's \s takes U+FEFF but not U+0085
    ("quadrantChart\n  accTitle\ufeff: x\n  Point A: [0.5, 0.5]", True, None),
    ("quadrantChart\n  accTitle\x85: x\n  Point A: [0.5, 0.5]", False, 2),
]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_quadrant_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)
