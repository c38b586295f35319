"""Treemaps: ``diagrams/treemap.py``. Each expectation is what mermaid 12.3.0's ``mermaid.parse`` says.

``line`` is the line mermaid reports; None where it names none (its database checks throw without one).
"""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.treemap import parse

# (diagram text as the parser receives it, valid, line mermaid reports)
CASES = [
    ('treemap-beta\n"Root"\n    "A": 10\n    "B": 20', True, None),
    ('treemap\n"Root"\n    "A"\n        "A1": 1,000\n        "A2", 5\n"Other"\n    "B": 3', True, None),
    ('treemap-beta\n"Root":::hot\n    "A": 10:::cold\nclassDef hot fill:#f00,stroke:#333;', True, None),
    ('treemap-beta\n"Root"\n    "A": 10  \n    "B": 20', False, 4),
    ('treemap-beta\n"Root"\n    "A": -10', False, 3),
    ('treemap-beta\n"Root"\n    A: 10', False, 3),
    ('treemap-beta\n"Root"\n    "A" 10', False, 3),
    ('treemapX\n"Root"', False, 1),
    ('treemap-beta\ntitle Budget\n"Root"\n    "A": 1', True, None),
    ('treemap-beta\n"Root"\n    "A": 10 :::x', False, 3),
]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_treemap_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)
