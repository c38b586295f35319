"""Radar charts: ``diagrams/radar.py``. Each expectation is what mermaid 12.3.0's ``mermaid.parse`` says.

``line`` is the line mermaid reports; None where it names none (its database checks throw without one).
"""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.radar import parse

# (diagram text as the parser receives it, valid, line mermaid reports)
CASES = [
    ("radar-beta\n    axis A, B, C\n    curve c1{1, 2, 3}", True, None),
    (
        'radar-beta:\n    title Skills\n    axis a["Alpha"], b["Beta"]\n    curve c{a: 1, b: 2}\n    max 10\n    min 0\n    graticule polygon\n    showLegend false',
        True,
        None,
    ),
    ("radar-beta\n    axis A, B\n    curve c{A: 1}", False, None),
    ("radar-beta\n    curve c{A: 1, B: 2}", False, None),
    ("radar-beta\n    axis A\n    curve c{\n        1,\n        2\n    }", True, None),
    ("radar-beta\n    axis circle", False, 2),
    ("radar-beta\n    graticule square", False, 2),
    ("radar-beta\n    axis A B", False, 2),
    ("radar-beta\n    curve c[1, 2]", False, 2),
    ("radar-beta axis A, B curve c{1, 2}", True, None),
    ("radar-betaX\n    axis A", False, 1),
    ("radar-beta\n    ticks -1", False, 2),
    ("radar-beta\n  axis A\n  curve c{\n\n  }", False, 3),
]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_radar_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)
