"""Hand-written architecture diagrams (architecture.langium and the architecture database checks); each expectation was checked against mermaid 12.3.0."""

from __future__ import annotations

from diagram_cases import validate_tests

# (diagram, valid, line mermaid reports for an invalid diagram or None when it reports none)
CASES = [
    ("architecture-beta\nservice Lambda(server)[x]", False, 2),
    (
        "architecture-beta\nservice db(database)[Database]\nservice server(server)[Server]\ndb:L -- R:server",
        True,
        None,
    ),
    (
        "architecture-beta\nservice db(database)[Database]\nservice server(server)[Server]\ndb:L --> R:server",
        True,
        None,
    ),
    ("architecture-beta\nservice db(database)[Database]\ndb:L -- R:server", False, None),
    (
        "architecture-beta\ngroup api(cloud)[API]\nservice db(database)[Database] in api\nservice db(database)[Database] in api",
        False,
        None,
    ),
    ("architecture-beta\nservice db(database)[Database] in api", False, None),
    ("architecture-beta\nservice a(database)[A]\nservice b(database)[B]\na:L -- L:b", True, None),
    ("architecture-beta\nservice a(database)[A]\nservice b(database)[B]\na:T -[label]- B:b", True, None),
    (
        "architecture-beta\ngroup g1[G1]\ngroup g2[G2]\nservice a[A] in g1\nservice b[B] in g2\na{group}:R --> L:b{group}",
        True,
        None,
    ),
    ('architecture-beta\nservice a "icon text" [A]\njunction j\na:R -- L:j', True, None),
    ("architecture-beta\nservice a[A]\nalign row a b", False, None),
    ("architecture-beta\nservice Router[R]\nservice b[B]\nRouter:R -- L:b", False, 2),
    ("architecture-beta\ngroup g[G] in g", False, None),
    ("architecture-beta\ngroup g[G]\ngroup h[H] in g\ngroup g[K]", False, None),
    (
        "architecture-beta\ngroup g(cloud)[G]\njunction j in g\nservice s(logos:aws-s3)[S3 bucket] in g\ns:R -- L:j",
        True,
        None,
    ),
    (
        "architecture-beta\ntitle My arch\nservice a(server)[A]\nservice b(server)[B]\nservice c(server)[C]\nalign column a b c",
        True,
        None,
    ),
    ("architecture-beta\nservice a(server)[A]\nservice b(server)[B]\nalign row a a", False, None),
    ("architecture-beta\nservice a(server)[A]\ngroup g[G]\na:L -- R:g", False, None),
    (
        "architecture-beta\ngroup g1[G1]\ngroup g2[G2] in g1\nservice a[A] in g2\nservice b[B] in g1\na{group}:L -- R:b",
        True,
        None,
    ),
    (
        "architecture-beta\ngroup g1[G1]\nservice a[A] in g1\nservice b[B] in g1\na{group}:L -- R:b",
        False,
        None,
    ),
    ("architecture-beta\nservice a[A] in b\nservice b[B]", False, None),
    ("architecture-beta\nservice a[A]\nservice b[B] in a", False, None),
    (
        'architecture-beta\nservice a[A]\nservice b[B]\na:L <--> R:b\na:T -[Label text]- B:b\na:L -["quoted"]-> R:b',
        True,
        None,
    ),
    ("architecture-beta\nservice a[A]\nservice b[B]\na:X -- R:b", False, 4),
    ("architecture-beta\nservice a\nservice b\na:L--R:b", True, None),
    (
        "architecture-beta\n  service my-svc(database)[DB]\n  service other_svc(disk)\n  my-svc:B -- T:other_svc",
        True,
        None,
    ),
    ("architecture-beta\nservice a(server)[A] in", False, 2),
    ("architecture-beta\ngroup g\ngroup g", False, None),
    ("architecture-beta\njunction j1\njunction j2\nj1:L -- R:j2\nalign row j1 j2", True, None),
    ('architecture-beta\nservice s1 "text icon" [Title]', True, None),
    ("architecture-beta\nservice s1(server)[Title with (parens)]", True, None),
    ("architecture-beta\nservice s1(server)[Title [nested]]", False, 2),
    ("architecture-beta\n  service in(server)[A]", False, 2),
    (
        "architecture-beta\n  service inbox(server)[A]\n  service api(server)[B]\n  inbox:L -- R:api",
        True,
        None,
    ),
    (
        "architecture-beta\nservice a(server)[A]\n%% comment\nservice b(server)[B] %% inline\na:L -- R:b",
        True,
        None,
    ),
]


test_matches_mermaid = validate_tests(CASES)
