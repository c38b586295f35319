"""The cynefin-beta diagram; every expectation below is what mermaid 12.3.0's ``mermaid.parse`` says."""

from __future__ import annotations

from diagram_cases import validate_tests

# (diagram, valid, the line mermaid reports or None)
CASES = [
    ('cynefin-beta\n  complex\n    "a"\n  complex --> clear : "go"', True, None),
    ("cynefin-beta:\n  complex --> clear\n  title x", True, None),
    ("cynefin-beta\n  complex --> ", False, 2),
    ("cynefin-beta\n  complex --> clear : x", False, 2),
    ("cynefin-beta\n  complexity", False, 2),
    ('cynefin-beta\n  "a"', False, 2),
    ('cynefin-beta\n  clear "a" "b"\n  clear', True, None),
    ("cynefin-beta title x", True, None),
    ("cynefin-betax", False, None),
    ('cynefin-beta\n  complex --> clear "x"', False, 2),
    ('cynefin-beta\ncomplex\n  "a\\\nb"', False, 3),  # a backslash does not escape a line break
    ('cynefin-beta\ncomplex\n  "a\\"b"', True, None),
]


test_cynefin_like_mermaid = validate_tests(CASES, exact_lines=True)
