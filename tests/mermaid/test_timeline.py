"""Timelines: ``diagrams/timeline.py``. Each expectation is what mermaid 12.3.0's ``mermaid.parse`` says.

``line`` is the line mermaid reports; None where it names none (its database checks throw without one).
"""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.timeline import parse

# (diagram text as the parser receives it, valid, line mermaid reports)
CASES = [
    (
        "timeline\n    title History\n    2002 : LinkedIn\n    2004 : Facebook : Google\n         : Flickr",
        True,
        None,
    ),
    ("timeline LR\n    section 2020s\n        2020 : a\n        2021 : b", True, None),
    ("timeline\n    title History\n    : orphan event", False, None),
    ("timeline\n    2002 :LinkedIn", False, 2),
    ("timeline\n    2002 : a\n    accDescr {\n        unclosed", False, 5),
    ("timeline\n    2002 : a #comment\n    2004 : b", True, None),
    ("timelines\n    2002 : a", False, 1),
    ("timeline\n    a:b", False, 2),
    # JavaScript's \s takes U+FEFF but not U+0085
    ("timeline\n  accTitle:\ufeffx\n  2020 : a", True, None),
    ("timeline\n  accTitle\x85:x\n  2020 : a", False, 2),
]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_timeline_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)
