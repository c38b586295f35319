"""Hand-written entity-relationship diagrams (erDiagram.jison); each expectation was checked against mermaid 12.3.0."""

from __future__ import annotations

from diagram_cases import validate_tests

# (diagram, valid, line mermaid reports for an invalid diagram or None when it reports none)
CASES = [
    ("erDiagram\nsubgraph A\nB\nend", True, None),
    ("erDiagram\nsubgraph A B C\nB\nend", False, 2),
    ("erDiagram\nsubgraph A[Foo bar]\nB\nend", True, None),
    ('erDiagram\nsubgraph "A b"\nB\nend', True, None),
    ('erDiagram\nsubgraph A ["x y"]\nB\nend\nC', True, None),
    ("erDiagram\nsubgraph A\ndirection LR\nB\nend", True, None),
    ("erDiagram\nsubgraph A\nB", False, 4),
    ("erDiagram\nstyle a fill:red", True, None),
    ("erDiagram\nstyle a fill:red;", True, None),
    ("erDiagram\nstyle a fill:red; B", False, 2),
    ("erDiagram\nstyle a stroke-width:2.5px", False, 2),
    ("erDiagram\nA {\nstring? name\n}", True, None),
    ("erDiagram\nA {\n`my type` name\n}", True, None),
    ("erDiagram\nsubgraph 1 2.5\nB\nend", False, 2),
    ("erDiagram\nsubgraph A;\nB\nend", False, 2),
    ("erDiagram\nsubgraph A[x]; B\nend", False, 2),
    ("erDiagram\nsubgraph A\nB\nend C", True, None),
    ("erDiagram A ||--o{ B : x", True, None),
    ("erDiagram\nCUSTOMER only one to zero or more ORDER : places", True, None),
    ('erDiagram\nA }|--|{ B : ""', True, None),
    ('erDiagram\nA {\n  string id pk, fk "the id"\n  int x UK\n}', True, None),
    ('erDiagram\np["Per son"] {\n  string name\n}', True, None),
    ("erDiagram\nA ||--o{ B : has %% comment", False, 2),
    ("erDiagram\nA {\n  type~T~ name\n  string[] tags\n  varchar(255) title\n}", True, None),
    ("erDiagram\nKunde ||--o{ Bestellung : gibt\nÜnïcödé ||--|| 😀 : x", True, None),
    ("erDiagram\nA u--o{ B : parent", True, None),
    (
        "erDiagram\nA ||--o{ B : places\nclassDef foo fill:#f9f,stroke:#333\nA:::foo\nclass A,B foo\nstyle A fill:red,color:blue",
        True,
        None,
    ),
    ("erDiagram\nA:::foo ||--o{ B:::bar : x", True, None),
    ("erDiagram\naccDescr {\n multi\n line\n}\nA", True, None),
    ("erDiagram\ndirection LR\nA", True, None),
    ('erDiagram\nA ||--o{ B : "role with spaces"\nA ||--o{ B : role with spaces', True, None),
    ("erDiagram\nA {\n}\nB{}", True, None),
    ("erDiagram\nA {\n  string name", False, 3),
    ("erDiagram\nA ||--o{ B", False, 2),
    ("erDiagram\nA |o--o| B : x\nA }o..o{ B : y\nA one or more optionally to many C : z", True, None),
    ('erDiagram\n"A B" ||--o{ C : x', True, None),
    ("erDiagram\nA ||--o{ B : x;", False, 2),
    ("erDiagram\nA.B ||--o{ C : x", True, None),
    ("erDiagram\nstyle A fill:#f9f;\nA", True, None),
    ('erDiagram\nA{\n  string name "comment" PK\n}', False, 3),
    # JavaScript regex classes: \b is an ASCII word boundary
    ("erDiagram\n  A ||--o{ B : x\n  classDef\u00e9 x fill:#f00", True, None),
]


test_matches_mermaid = validate_tests(CASES)
