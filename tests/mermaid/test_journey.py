"""Hand-written user journeys (journey.jison); each expectation was checked against mermaid 12.3.0."""

from __future__ import annotations

from diagram_cases import validate_tests

# (diagram, valid, line mermaid reports for an invalid diagram or None when it reports none)
CASES = [
    ("journey\n  title My day\n  section Morning\n    Wake up: 3: Me\n    Coffee: 5: Me, Cat", True, None),
    ("journey\n  Task before section: 3: Me", True, None),
    ("journey\n  section A\n    Task without score", False, 3),
    ("journey\n  section A\n    Task: 5\n    Other: x: y: z", True, None),
    ("journey\n  section A: colon", False, 2),
    ("journey\n  title A # hash\n  section B ; semi\n    T: 1: Me", False, 3),
    ("journey\naccDescr {\n a\n}\nsection x", True, None),
    ("journey\n  section A\n    50% task: 3: Me", True, None),
    # mermaid trims the start of the text: lines count from the first non-blank one
    ("\n\njourney\n  title x\n  foo", False, 3),
    # JavaScript's \s takes U+FEFF but not U+0085
    ("journey\n  title\x85x\n  section s\n    a: 5: me", False, 2),
    ("journey\n  title\ufeffx\n  section s\n    a: 5: me", True, None),
]


test_matches_mermaid = validate_tests(CASES)
