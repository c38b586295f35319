"""Sankey diagrams: each case was checked against mermaid 12.3.0's own parser."""

from __future__ import annotations

from diagram_cases import diagram_tests

from doclint.mermaid.diagrams import sankey

VALID = [
    "sankey\nA,B,10",
    "sankey-beta\n\nA,B,10\n\n\nC,D,5",
    'sankey\n"a""b",B,10',
    'sankey\n"Source, with comma",Target,1.5',
    "sankey\n    indented,fields are text,3",
    "sankey\nA,B,1\n",
]

# (diagram, line mermaid reports: counted after blank lines are collapsed)
INVALID = [
    ("sankey", 1),  # no rows at all
    ("sankey-beta", 1),
    ("sankey  \nA,B,1", 1),  # blanks after the keyword are text
    ("sankey-betax\nA,B,1", 1),
    ("sankeys\nA,B,1", 1),
    ("sankey\nA,B", 2),
    ("sankey\nA,B,10,4", 2),  # exactly three fields
    ("sankey\nA,B,10\n   \nC,D,5", 3),  # a blank-only line is a one-field row
    ("sankey\n\u00c4,B,10", 2),  # only printable ASCII outside quotes
    ("sankey\nA,B,1\nC\t,D,2", 3),
    ('sankey\n"",B,10', 2),  # an empty quoted field
    ('sankey\n"a\nb",B,10\nX,Y', 4),  # a quoted line break still counts as a line
    ("sankey\n\n\nA,B,1\n\n\nC,D", 3),  # blank lines vanish before counting
    ("sankey\nA#35;,B,1", 2),  # mermaid encodes #35; into non-ASCII text
    ("sankey\nA,,", 2),  # a comma where a field should be: empty fields are not accepted
]


test_accepts, test_rejects_at_mermaids_line = diagram_tests(sankey.parse, VALID, INVALID)
