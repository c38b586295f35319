"""The info diagram; every expectation below is what mermaid 12.3.0's ``mermaid.parse`` says."""

from __future__ import annotations

from diagram_cases import validate_tests

# (diagram, valid, the line mermaid reports or None)
CASES = [
    ("info", True, None),
    ("info showInfo", True, None),
    ("info\nshowInfo\nshowInfo", False, 3),
    ("info\ntitle Hello", True, None),
    ("info\ntitle Hello\naccTitle: x\naccDescr { a\nb }", True, None),
    ("info x", False, 1),
    ("info showInfo showInfo", False, 1),
    ("info\ninfo", False, 2),
    ("infoshowInfo", False, 1),
    ("info title x", True, None),
    ("info\ntitle", True, None),
    ("info\n  %% comment\nshowInfo", True, None),
    ('info "x"', False, 1),
    ("info 123", False, 1),
    ("showInfo\ninfo", False, None),
    ("info\nshowInfo\ntitle a\nshowInfo", False, 4),
]


test_info_like_mermaid = validate_tests(CASES, exact_lines=True)
