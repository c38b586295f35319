"""Pie charts: ``diagrams/pie.py``. Each expectation is what mermaid 12.3.0's ``mermaid.parse`` says.

``line`` is the line mermaid reports; None where it names none (its database checks throw without one).
"""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.pie import parse

# (diagram text as the parser receives it, valid, line mermaid reports)
CASES = [
    ('pie\n    "Dogs" : 386\n    "Cats" : 85.5', True, None),
    ('pie showData\n    title Pets\n    "Dogs" : 386', True, None),
    ('pie title Pets adopted\n    accTitle: Pets\n    accDescr: Count of pets\n    "Dogs" : 3', True, None),
    ('pie\n    "Dogs" : -3', False, None),
    ('pie\n    "Dogs" : -3\n    "Cats" : 05', False, 3),
    ('pie\n    "Dogs" 3', False, 2),
    ('pie\n    "Dogs" : 3 "Cats" : 4', False, 2),
    ("pie\n    Dogs : 3", False, 2),
    ('pie\n    "Dogs" : 1.2.3', False, 2),
    ('piechart\n    "Dogs" : 3', False, 1),
    ('pie title: "Pets"', False, 1),
    ('pie\n    "Dogs" :', False, 2),
]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_pie_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)
