"""Mindmaps: ``diagrams/mindmap.py``. Each expectation is what mermaid 12.3.0's ``mermaid.parse`` says.

``line`` is the line mermaid reports; None where it names none (its database checks throw without one).
"""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.mindmap import parse

# (diagram text as the parser receives it, valid, line mermaid reports)
CASES = [
    (
        "mindmap\n  root((Root))\n    Child A\n      Leaf[Leaf]\n    Child B\n      ::icon(fa fa-book)\n      :::urgent",
        True,
        None,
    ),
    ("mindmap\nroot\n a\n  b\n c", True, None),
    ("mindmap", False, 2),
    ("mindmap\n  root\n  other", False, None),
    ("mindmap\n  ::icon(fa fa-x)\n  root", False, None),
    ("mindmap\n  root[]", False, 2),
    ('mindmap\n  root["a" b]', False, 2),
    ("mindmap\n\n  root", False, 3),
    ("mindmap\n    root\n  a", False, None),
    ("mindmap\n  root\n    a((b)) c", False, 3),
    ("mindmap\n  root{x}", False, 2),
]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_mindmap_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)
