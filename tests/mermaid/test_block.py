"""Hand-written block diagrams (block.jison and the block database); each expectation was checked against mermaid 12.3.0."""

from __future__ import annotations

from diagram_cases import validate_tests

# (diagram, valid, line mermaid reports for an invalid diagram or None when it reports none)
CASES = [
    ("block\nA --> B --> C\nstyle A fill:red", False, None),
    ("block\nA --> B --> C\nstyle C fill:red", True, None),
    ("block\nA --> B\nstyle A fill:red\nstyle B fill:red", True, None),
    ("block\nstyle A fill:red\nA", False, None),
    ("block\nblock:G\nA\nend\nstyle G fill:red\nstyle A fill:red", True, None),
    ("block\nA\nstyle A,B fill:red", False, None),
    ("block\nA\nstyle Z", True, None),
    ("block\nA\nclass Z foo\nstyle Z fill:red", True, None),
    ("block\nspace:2\nstyle A fill:red", False, None),
    (
        'block-beta\n  columns 3\n  a["A"] b:2 c\n  block:group1:2\n    columns 2\n    d e\n  end\n  f g',
        True,
        None,
    ),
    ('block\n  A --> B\n  A -- "label" --> B\n  A ==> B\n  A -.-> B\n  A ~~~ B', True, None),
    (
        'block\n  A["x"] --> B("y")\n  C(("circle")) D>"flag"] E{"rhombus"} F{{"hex"}}\n  G[/"para"/] H[\\"alt"\\] I[("db")]',
        True,
        None,
    ),
    ("block\n  A[x]", False, 2),
    ('block\n  A[""]', False, 2),
    ('block\n  blockArrowId<["label"]>(right)\n  b2<["x"]>(up, down)\n  b3<["y"]>(x)', True, None),
    ("block\n  space\n  space:3\n  columns auto", True, None),
    ("block", False, 1),
    ("block\n  block\n  end", False, 2),
    ("block\n  classDef red fill:#f00\n  A\n  class A red\n  style A fill:#0f0", True, None),
    ("block\n  accTitle: hi\n  A", False, 1),
    ("block\n  A:3 --> B", True, None),
    ("block\n  A --> B:3", False, 2),
    ('block\n  A["`markdown`"]', False, 2),
    ("block-beta\n  columns\ufeff3\n  a b c", True, None),  # JavaScript's \s takes U+FEFF
]


test_matches_mermaid = validate_tests(CASES)
