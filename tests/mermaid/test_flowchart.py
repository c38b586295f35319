"""Flowchart parsing; every expectation below is what mermaid 12.3.0's ``mermaid.parse`` says."""

from __future__ import annotations

from diagram_cases import validate_tests

from doclint.mermaid import validate

# (diagram, valid, the line mermaid reports or None)
CASES = [
    ("graph TD\nA-->B\nclass A foo", True, None),
    ('graph TD\nA-->B\nclick A "http://x" "tooltip"', True, None),
    ("graph TD\nA[|field:value|text]", True, None),
    ("graph TD;A-->B;", True, None),
    ("graph TD\nA-->B\nlinkStyle 1 stroke:red", False, None),
    ("graph TD\nsubgraph\nA-->B\nend", False, None),
    ("graph TD\nA@{ shape: Rect }", False, None),
    ("graph TD\nA@{ shape: foo }", False, None),
    ("graph TD\nA = B", False, 2),
    ("graph TD\nA == B", False, 3),
    ("graph TD\nA x--x B\nA <--> B\nA o--o B\nA <-- text --x B", True, None),
    (
        "flowchart LR\n  A[Start] --> B{Ok?}\n  B -->|yes| C((Done))\n  subgraph one [Box]\n    C\n  end\n  B -- no --> D",
        True,
        None,
    ),
    ("flowchart LR\n  subgraph one\n    A --> B\n  C --> D", False, 5),
    ("flowchart LR\n  A[Unclosed --> B\n  C --> D", False, 4),
    (
        "flowchart LR\n  A --> B\n  B --> C[(Database)]\n  C --> D[/Lean/]\n  D --> E[\\Alt\\]\n  E --> F{{Hex}}\n  F --> G>Flag]\n  G --> H[[Sub]]\n  H --> I([Stadium])",
        True,
        None,
    ),
    ("flowchart TB\n  A e1@--> B\n  e1@{ animate: true }", True, None),
    (
        "flowchart TB\n  A --> B\n  style A fill:#f9f,stroke:#333\n  classDef big font-size:20px\n  class A,B big\n  A:::big --> C",
        True,
        None,
    ),
    ('flowchart TB\n  accTitle: Title\n  accDescr { Multi\n  line }\n  A["`**md**`"] --> B', True, None),
    ("graph\nA-->B", True, None),
    ("graph XY\nA-->B", False, 1),
    ("flowchart TD\n  A --> B\n  direction LR\n  B --> C", True, None),
    ("flowchart TD\n  A -->|label B\n  C --> D", False, 4),
    ("flowchart TD\n  A & B --> C & D\n  C -.-> D\n  D ==> E\n  E ~~~ F", True, None),
    (
        'flowchart TD\n  A --> B\n  click B call callback("x") "tip"\n  click A href "https://example.com" _blank',
        True,
        None,
    ),
    ("flowchart TD\n  A --> B\nend", False, 3),
]


test_flowchart_like_mermaid = validate_tests(CASES, exact_lines=True)


def test_messages_help_a_reader() -> None:
    result = validate("flowchart LR\n  subgraph one\n    A --> B\n  C --> D")
    assert "subgraph" in (result.message or "")
    assert validate("graph TD\nA@{ shape: foo }").message == "No such shape: foo."


def test_swimlane_uses_the_flowchart_grammar() -> None:
    assert validate("swimlane-beta LR\nsubgraph Author\n  A --> B\nend").valid
    assert not validate("swimlane-beta LR\nsubgraph Author\n  A --> B").valid
