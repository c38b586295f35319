"""Hand-written requirement diagrams (requirementDiagram.jison); each expectation was checked against mermaid 12.3.0."""

from __future__ import annotations

from diagram_cases import validate_tests

# (diagram, valid, line mermaid reports for an invalid diagram or None when it reports none)
CASES = [
    (
        "requirementDiagram\n\nrequirement test_req {\nid: 1\ntext: the test text.\nrisk: high\nverifymethod: test\n}\nelement test_entity {\ntype: simulation\ndocref: reqs/test\n}\ntest_entity - satisfies -> test_req\ntest_req <- copies - test_entity",
        True,
        None,
    ),
    ("requirementDiagram\nrequirement test req {\nid: 1\n}", False, 2),
    (
        'requirementDiagram\ndesignConstraint "quoted name" {\n  id: "1.2"\n  text: "has: colon"\n}',
        True,
        None,
    ),
    ("requirementDiagram\nrequirement a {\nid: 1 }", False, 4),
    (
        "requirementDiagram\nrequirement a {\n}\nelement b {\n}\na - traces -> b\nclassDef important fill:#f96,stroke:#333\na:::important\nclass b important\nstyle a fill:red",
        True,
        None,
    ),
    ("requirementDiagram\nrequirement a {\nrisk: extreme\n}", False, 3),
    ("requirementDiagram\nrequirement a {\nverifyMethod: Analysis\n}", True, None),
    ("requirementDiagram\nrequirement a { id: 1\n}", False, 2),
    ("requirementDiagram\ndirection LR\nrequirement a {\n}", True, None),
    ("requirementDiagram\nrequirement a {\n}\na - satisfies -> b\nb - unknownrel -> a", False, 5),
    ("requirementDiagram\naccTitle: t\nrequirement a {\n}", True, None),
    ("requirementDiagram\nrequirement a:::cls {\n}", True, None),
    ('requirementDiagram\nelement e {\ntype: "x"\ndocRef: y\nid: 1\n}', False, 5),
    ("requirementDiagram\nstyle a stroke-width:2.5px", False, 2),
    ("requirementDiagram\nstyle a fill:#f9f,stroke:#333,stroke-width:4px", True, None),
    ("requirementDiagram\nstyle a color:red;", True, None),
]


test_matches_mermaid = validate_tests(CASES)
