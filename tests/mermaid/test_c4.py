"""Hand-written C4 diagrams (c4Diagram.jison); each expectation was checked against mermaid 12.3.0."""

from __future__ import annotations

from diagram_cases import validate_tests

# (diagram, valid, line mermaid reports for an invalid diagram or None when it reports none)
CASES = [
    ('C4Context\naccDescr {x} Person(a, "b")', True, None),
    ("C4Context\naccDescr {x} title y", False, 2),
    ('C4Context\nPerson(a, "b") accDescr {x}', False, 2),
    ('C4Context\naccDescr {x}\nPerson(a, "b")', True, None),
    ('C4Context\nBoundary(b, "x") {\n  Person(a, "b")\n  title inside\n}', True, None),
    ('C4Context\nBoundary(b, "x") {\n  title inside\n  Person(a, "b")\n}', False, 3),
    ("C4Context\naccDescr {x} accDescr {y}", False, 2),
    ('C4Context\nPerson(a, b)\nPerson(c, "d")', True, None),
    ('C4Context\nPerson(a, "b")\nRel(a, c, "x")', True, None),
    ('C4Context\nPerson(a, "b") %% note\nPerson(c, "d")', False, 2),
    ("C4Context", False, 2),
    ('C4Context\nBoundary(b1, "x") {\nPerson(a, "b")\n}', True, None),
    ('C4Context\nBoundary(b1, "x")\n{\nPerson(a, "b")\n}\nPerson(c, "d")', True, None),
    ('C4Context\ntitle hello\nPerson(a, "b")\ntitle again', True, None),
    ('C4Context\nPerson (a, "b")', False, 2),
    (
        'C4Context\nPerson(a, "b", $sprite="x")\nUpdateRelStyle(a, b, $textColor="red", $offsetY="-40")',
        True,
        None,
    ),
    (
        'C4Container\ntitle Container diagram\nPerson(customer, "Customer", "desc")\nSystem_Boundary(c1, "Internet Banking") {\n  Container(web_app, "Web App", "Java", "Delivers content")\n  ContainerDb(db, "Database", "SQL", "Stores")\n}\nRel(customer, web_app, "Uses", "HTTPS")\nUpdateLayoutConfig($c4ShapeInRow="3", $c4BoundaryInRow="1")',
        True,
        None,
    ),
    (
        'C4Deployment\nDeployment_Node(mob, "Customer\'s mobile device", "Apple IOS or Android"){\n    Container(mobile, "Mobile App", "Xamarin", "Provides...")\n}',
        True,
        None,
    ),
    (
        'C4Dynamic\nContainerDb(c4, "Database", "Relational", "Stores")\nRelIndex(1, c4, c4, "Submits")',
        True,
        None,
    ),
    ('C4Context\nBoundary(b, "B") {\n}', False, 3),
    ("C4Context\nPerson(a)", False, 3),
    ("C4Context\nPerson()", False, 2),
    ('C4Context\nPerson(a, "b"', False, 3),
    ('C4Context\nPerson(a, "b"))', False, 2),
    (
        'C4Context\nEnterprise_Boundary(b0, "x") {\n  System_Boundary(b1, "y") {\n    System(s, "z")\n  }\n}',
        True,
        None,
    ),
    ('C4Context\nRel_Up(a, b, "x")\nRel_Back(a, b, "y")\nBiRel(a, b, "z")', True, None),
    (
        'C4Component\nComponent(a, "x", $tags="t")\nUpdateElementStyle(a, $fontColor="red", $bgColor="grey")\nUpdateRelStyle(a, b, $textColor="blue", $lineColor="blue", $offsetX="5")',
        True,
        None,
    ),
    ('C4Context\naccTitle: title\naccDescr: desc\nPerson(a, "b")', True, None),
    ('C4Context\n  Person(a, "b")\n\n  Person(c, "d")', True, None),
    ('C4Context\nPerson(a, "b") { ', False, 2),
    ('C4Context\nNode(n, "x") {\nPerson(a, "b")\n}', True, None),
    ('C4Context\nSystem_Ext(a, "b", , "c")\nPerson(a, ,)', True, None),
]


test_matches_mermaid = validate_tests(CASES)
