"""Tree views: each case was checked against mermaid 12.3.0's own parser."""

from __future__ import annotations

from diagram_cases import diagram_tests

from doclint.mermaid.diagrams import tree_view

VALID = [
    'treeView-beta\n  "a"',
    'treeView-beta\n"a" \n"b"',  # trailing blanks indent the next node
    "treeView-beta\nsrc/\n  main.py  \n  util.py",  # a bare name keeps its trailing blanks
    'treeView-beta\ntitle My tree\naccTitle: x\n"root"',
    'treeView-beta\n"root"\n  "child" :::big icon(file) ## desc here\n  bare name :::cls',
    "treeView-beta\ntitleX",
    "treeView-beta\n'a' \"b\"",
    "treeView-beta\na\n\tb\n\t\tc",
    "treeView-beta\naccDescr {\n multi\n}\na",
    "treeView-beta\nroot\n├── src\n│   ├── a.py\n│   └── b.py\n└── README",
    "treeView-beta\nroot\n│\n├── x ## a",
]

# (diagram, line); None where mermaid gives no line ("line ?": an error at the end of the input)
INVALID = [
    ('treeView-beta\n"a" \n  "b"', 3),  # two runs of blanks, no name between
    ('treeView-beta\n"a"  ', None),  # blanks at the end wait for a name
    ("treeView-beta\n   ", None),
    ('treeView-beta foo\n"a"', 1),
    ('treeView-beta\n"root"\ntitle again', 3),  # titles go before the first node
    ('treeView-beta\n"unclosed', 2),
    ("treeView-beta\nroot\n├── \n└── README", 3),  # an empty branch
    ("treeView-beta\nroot\n├── src\n    bad", 4),  # indented without box characters
    ('treeView-beta\nroot\n├── "src', 3),
]


test_accepts, test_rejects_at_mermaids_line = diagram_tests(tree_view.parse, VALID, INVALID)
