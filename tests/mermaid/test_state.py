"""State diagram parser: hand-written diagrams, each labelled with mermaid 12.3.0's own verdict."""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.state import parse

VALID = [
    "stateDiagram-v2\n    [*] --> Still\n    Still --> Moving : push\n    Moving --> [*]",
    "stateDiagram\n    state Composite {\n        [*] --> Inner\n        Inner --> [*]\n    }",
    (
        "stateDiagram-v2\n    state fork_state <<fork>>\n    state join_state <<join>>\n    state if_state <<choice>>\n"
        "    [*] --> fork_state\n    fork_state --> A\n    A --> join_state"
    ),
    "stateDiagram-v2\n    A --> B C --> D",  # statements need no separator
    (
        "stateDiagram-v2\n    note right of A : a note\n    note left of B\n        multi line\n    end note\n"
        '    note "floating" as N1'
    ),
    "stateDiagram-v2\n    classDef hot fill:#f00\n    class A hot\n    style A fill:#0f0\n    A:::hot --> B",
    "stateDiagram-v2\n    state Active {\n        A --> B\n        --\n        C --> D\n    }\n    scale 350 width",
    'stateDiagram-v2\n    A --> B\n    click A "https://example.com" "tip"',
    'stateDiagram-v2\n    state "Long description" as L\n    L --> [*]',
    "stateDiagram-v2\n    state Two İ{\n        A --> B\n    }",  # `İ` is not a word character in JS
]

INVALID = [
    ("stateDiagram-v2\n    state Composite {\n        A --> B", 3),  # `}` missing
    ("stateDiagram-v2\n    A -> B", 2),
    ("stateDiagram-v2\n    state Two Words {\n        A --> B\n    }", None),  # names are single words
    ("stateDiagram-v2\n    note over A : bad", 2),  # only left of / right of
    ("stateDiagram-v2\n    classDef default fill:#f00", 2),
    # a composite state may have one description only
    ('stateDiagram-v2\n    state "Desc" as X {\n        A --> B\n    }\n    X : more', None),
]


CASES = [(text, True, None) for text in VALID] + [(text, False, line) for text, line in INVALID]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_state_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)
