"""Event modeling diagrams: each case was checked against mermaid 12.3.0's own parser."""

from __future__ import annotations

import pytest
from diagram_cases import diagram_tests

from doclint.mermaid.diagrams import eventmodeling
from doclint.mermaid.model import MermaidSyntaxError

FULL = """eventmodeling
tf 01 evt A.B.C ->> 01 ->> 02 [[D]] `json` { "a": 1 }
data D `json` {
  x
}
note 01 {
 hi
}
gwt 01 given evt A when cmd B then evt C rmo D
entity Foo.Bar"""

VALID = [
    FULL,
    "eventmodeling\ntf 01 evt A title foo",  # title works after other text on a line
    "eventmodeling\ntf 01 evt A /* comment\nspanning */ tf 02 evt B // trailing",
    "eventmodeling\ntf 01 evt A \"quoted 'x' \"\ntf 02 evt B 'single'",
    "eventmodeling %% c\ntf 01 evt A",
    "eventmodeling\ndata D {\n}",
    "eventmodeling\ntf 01 evt A accTitle: after text on a line",
]

INVALID = [
    ("eventmodeling\ntitle My model\ntf 01 evt A", 2),  # an unindented title lexes as a name
    ("eventmodeling\ntf 1234 evt A", 2),  # frame ids have at most three digits
    ("eventmodeling\ntf 01 evt A\ntf 02 evt C C", 3),
    ("eventmodeling\ndata D {\n  x\n  }\ntf 01 evt A", 2),  # `}` must start its line
    ("eventmodeling\ndata D {}", 2),
    ("eventmodeling\ntf 01 evt data", 2),  # keywords are not names
    ("eventmodeling foo\ntf 01 evt A", 1),
    ("eventmodeling\ntf 01 evt A #35;", 2),
    ("eventmodeling\ntf01 evt A", 2),
    ("eventmodeling\nentity x.", None),  # mermaid: "line ?" (end of input)
    ("eventmodeling\ntf 01 evt A\nend", 3),
    ("eventmodeling\n  accTitle: hi\ntf 01 evt A", 2),  # `:` is no token after an identifier
    ("eventmodeling\ntf 01 evt A\ntf 1 evt B\ntf 01 cmd C", 4),  # duplicate frame id
]


test_accepts, test_rejects_at_mermaids_line = diagram_tests(eventmodeling.parse, VALID, INVALID)


def test_parse_errors_win_over_duplicate_ids() -> None:
    """mermaid checks frame ids only after the whole diagram parsed."""
    with pytest.raises(MermaidSyntaxError) as caught:
        eventmodeling.parse("eventmodeling\ntf 01 evt A\ntf 01 evt B\nend")
    assert caught.value.line == 4
