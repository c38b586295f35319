"""XY charts: ``diagrams/xychart.py``. Each expectation is what mermaid 12.3.0's ``mermaid.parse`` says.

``line`` is the line mermaid reports; None where it names none (its database checks throw without one).
"""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.xychart import parse

# (diagram text as the parser receives it, valid, line mermaid reports)
CASES = [
    (
        'xychart-beta\n    title "Sales"\n    x-axis [jan, feb, mar]\n    y-axis "Revenue" 0 --> 100\n    bar [10, 20, 30]\n    line [15, 25, 35]',
        True,
        None,
    ),
    ('xychart horizontal\n    x-axis "Year" 2000 --> 2020\n    line "Trend" [1.5, -2, .5]', True, None),
    ("xychart-beta\n    title\n    x-axis [a]", False, 2),
    ("xychart-beta\n    y-axis [a, b]", False, 2),
    ("xychart-beta\n    line [1, a]", False, 2),
    ("xychart-beta\n    bar [1, 2", False, 2),
    ("xychart-beta\n    x-axis [a, b]; line [1, 2]", True, None),
    ('xychart-beta\n    title "A" "B"', False, 2),
    ("xychart-beta\n    title Sales: 2024", False, 2),
    ("xychart-beta\n    x-axis a --> b", False, 2),
    ("xychart-beta\n    title `md`", False, 2),
    ("xychart-beta\n    titles [1]", False, 2),
    # JavaScript's \s takes U+FEFF but not U+0085
    ("xychart-beta\n  accDescr\ufeff{ x }\n  bar [1, 2]", True, None),
    ("xychart-beta\n  accDescr\x85{ x }\n  bar [1, 2]", False, 2),
]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_xychart_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)
