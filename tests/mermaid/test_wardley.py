"""Wardley maps: each case was checked against mermaid 12.3.0's own parser."""

from __future__ import annotations

from diagram_cases import diagram_tests

from doclint.mermaid.diagrams import wardley

FULL = """wardley-beta
title My map
accTitle: Acc
accDescr: desc
size [100, 200]
evolution Genesis@0.25 -> Custom / Emerging -> "Product" -> Commodity
anchor User [0.95, 0.9]
component A [0.1, 0.2] label [5, -5] (build) inertia
component B [0.1, 0.2] (buy) (inertia)
component "Foo" [0.5, 0.5]
pipeline Foo {
  component P [0.5]
  component Q [0.7] label [-10, 5]
}
A +<> B ; label here
A -.-> B
A --> B
A +'flow'> B
A > B
evolve A 0.8
note "hi" [0.5, 0.5]
annotations [0.5, 0.3]
annotation 1, [0.5, 30] "text"
accelerator X [0.5, 0.3]
deaccelerator Y [0.5, 0.3]"""

VALID = [
    FULL,
    "wardley-beta\ncomponent Kettle [0.5, 50.5]",  # above 1 means a percentage
    "wardley-beta\ncomponent A [0.1, 0.2] %% comment",
    "wardley-beta\ncomponent Market Research [0.1, 0.2]",
    "wardley-beta\ntitle\ncomponent A [0.1, 0.2]",
    "wardley-beta\ncomponent A-B [0.1, 0.2]\nA-B->C",
    "wardley-beta\nevolve Nothing 120.0",  # evolving an unknown component is ignored
    "wardley-beta\nannotations [0.5, 0.3]\nannotations [150, 0.3]",  # only the first box is placed
]

# (diagram, line); range and pipeline errors have no line in mermaid, the parser names the statement's
INVALID = [
    ("wardley-beta\ncomponent builder [0.5, 0.5]", 2),  # `build` is a strategy token
    ("wardley-beta\ncomponent sizes [0.1, 0.2]", 2),
    ("wardley-beta\ncomponent A [1, 0.2]", 2),  # coordinates need a decimal point
    ("wardley-beta\ncomponent A [0.1, 0.2] # comment", 2),
    ("wardley-beta\ncomponent A [0.1, 0.2] label [5.0, 5]", 2),
    ("wardley-beta\nnote hi [0.5, 0.5]", 2),
    ("wardley-beta\nevolution Genesis", 2),
    ("wardley-beta\nsize [1.5, 200]", 2),
    ("wardley-beta foo\ncomponent Foo [0.5, 0.5]", 1),
    ("Wardley-Beta\ncomponent A [0.1, 0.2]", 1),
    ("wardley-beta\ncomponent Foo [0.5, 0.5]\npipeline Foo {\n}", 4),
    ("wardley-beta\ncomponent Foo [0.5, 0.5]\npipeline Foo { component A [0.5] }", 3),
    ("wardley-beta\ncomponent _a [0.1, 0.2]\n_a -> 3d", 3),
    ("wardley-beta\n-- a comment", 2),
    ("wardley-beta\ncomponent A [0.1, 0.2]\nA B", 3),  # words run together into one name
    ("wardley-beta\ncomponent Kettle [0.5, 150.5]", 2),
    ("wardley-beta\ncomponent Kettle [0.5, 0.5]\nevolve Kettle 120.0", 3),
    ("wardley-beta\npipeline Foo {\n  component A [0.5]\n}", 2),  # no such parent component
    ('wardley-beta\nannotation 2, [0.5, 300] "text"', 2),
    ("wardley-beta\ndeaccelerator Y [0.5, 101.5]", 2),
]


test_accepts, test_rejects_at_mermaids_line = diagram_tests(wardley.parse, VALID, INVALID)
