"""Kanban boards: ``diagrams/kanban.py``. Each expectation is what mermaid 12.3.0's ``mermaid.parse`` says.

``line`` is the line mermaid reports; None where it names none (its database checks throw without one).
"""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.kanban import parse

# (diagram text as the parser receives it, valid, line mermaid reports)
CASES = [
    (
        "kanban\n  Todo\n    [Write docs]\n    t1[Fix bug]@{ ticket: MC-1, priority: 'High', assigned: knsv }\n  Done\n    [Ship]",
        True,
        None,
    ),
    ("kanban\n  todo[Todo]\n    t2[Task]@{\n      ticket: 42\n      assigned: ana\n    }", True, None),
    ("kanban\n  todo[Todo]\n    t[Task]@{ shape: Rect }", False, None),
    ("kanban\n  todo[Todo]\n    t[Task]@{ priority: 'High' x }", False, None),
    ("kanban\n  todo[Todo]\n    t[Task]@{ label: a: b }", False, None),
    ("kanban\n  todo[Todo]\n    t[Task]@{\n      icon: star\n      assigned  knsv\n    }", False, None),
    ("kanban\n    root\n  fake\n    real", False, None),
    ("kanban\n  ::icon(x)\n  todo", False, None),
    ("kanban\n  todo[Todo] x", False, 2),
    ("kanban\n  todo[Todo]\n    t[Task] @@", False, 3),
    ("kanbanBoard\n  todo", False, 1),
    ("kanban\n  c[C]@{ a: 1, a: 2 }", False, None),
    ('kanban\n  c[C]@{ label: "x\n  y" }', True, None),
    ("kanban\n  c[C]@{ label: 'it''s', ticket: [a, b], icon: ! x }", True, None),
    ("kanban\n  c[C]@{ priority: !tag x }", False, None),
    ("kanban\n  c[C]@{ shape: 1 }", False, None),
    ("kanban\n  c[C]@{\n    icon: star\n   assigned: knsv\n  }", False, None),
]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_kanban_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)
