"""Ishikawa diagrams: each case was checked against mermaid 12.3.0's own parser."""

from __future__ import annotations

from diagram_cases import diagram_tests

from doclint.mermaid.diagrams import ishikawa

VALID = [
    "ishikawa\nProblem\n  Cause",
    "ishikawa-beta Problem\n  Cause",  # the effect may share the keyword's line
    "ishikawa\nProblem\n\n  Cause\n",
    "ishikawa\nProblem\n%%\n  Cause",  # a bare %% is a blank line to the lexer
    "ishikawa-betafoo\n  Cause",
    "ishikawa\n   ",
    "ishikawa\n  Problem\nCause",
    "ishikawa-beta\n",
]

INVALID = [
    ("ishikawa-beta", 2),  # no effect; mermaid appends a line break before parsing
    ("ishikawa\n\nProblem\n  Cause", 3),  # a blank line right after the keyword
    ("ishikawa\n  \nProblem", 3),
    ("ishikawa\nProblem\nishikawa", 3),  # the keyword is a token anywhere
    ("ishikawa\nProblem\n  Ishikawa-beta x", 3),
]


test_accepts, test_rejects_at_mermaids_line = diagram_tests(ishikawa.parse, VALID, INVALID)
