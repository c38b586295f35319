"""Sequence diagram parser: hand-written diagrams, each labelled with mermaid 12.3.0's own verdict."""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.sequence import parse
from doclint.mermaid.model import MermaidSyntaxError

VALID = [
    "sequenceDiagram\n    Alice->>Bob: Hello Bob\n    Bob-->>Alice: Hi Alice",
    "sequenceDiagram\n    participant A as Alice\n    actor B as Bob\n    A->>+B: request\n    B-->>-A: response",
    (
        "sequenceDiagram\n    alt ok\n        A->>B: yes\n    else not ok\n        A->>B: no\n    end\n"
        "    par one\n        A->>B: x\n    and two\n        A->>C: y\n    end"
    ),
    (
        "sequenceDiagram\n    autonumber 10 5\n    Note over A,B: a note\n    Note left of A: left\n"
        "    A-xB: lost\n    A-)B: async"
    ),
    "sequenceDiagram\n    create participant C\n    A->>C: hello\n    destroy C\n    A-xC: bye",
    "sequenceDiagram\n    box Aqua Group\n    participant A\n    participant B\n    end\n    A->>B: hi",
    (
        "sequenceDiagram\n    critical connect\n        A->>B: x\n    option timeout\n        A->>B: y\n    end\n"
        "    break failed\n        A->>B: z\n    end\n    rect rgb(0, 0, 255)\n        A->>B: w\n    end"
    ),
    'sequenceDiagram\n    A->>B: hi;B->>A: ho\n    links A: {"x": "https://x"}\n    link A: Dash @ https://d',
    'sequenceDiagram\n    participant DB@{ "type": "database", "alias": "Store" } as The store\n    DB->>DB: ok',
    # `par` ends at a non-ASCII letter: JavaScript's \b and case folding are ASCII-only
    "sequenceDiagram\n    parİ x\n    end",
]

# (diagram, line mermaid reports or None when its error carries no line)
INVALID = [
    ("sequenceDiagram\n    Alice->>Bob Hello", 2),  # a message needs `:` and text
    ("sequenceDiagram\n    loop Every minute\n        A->>B: ping", 4),  # `end` missing
    ("sequenceDiagram\n    opt maybe\n        A->>B: x\n    else nope\n    end", 4),  # `else` outside `alt`
    ("sequenceDiagram\n    A->>B: hi\n    deactivate B", 1),  # B was never activated
    ("sequenceDiagram\n    autonumber  \n    A->>B: hi", 2),  # trailing blanks swallow the line break
    ("sequenceDiagram\n    create participant C\n    A->>B: hello", None),  # no creating message for C
    ('sequenceDiagram\n    participant DB@{ "type" "database" }\n    DB->>DB: q', None),  # bad YAML metadata
    ("sequenceDiagram\n    participant A->>B", 2),
    ("sequenceDiagram\n    A=>B: hi", 2),  # unknown arrow
    ("sequenceDiagram\n    Note A: missing placement", 2),
    # metadata over several lines is a YAML document: the second key is indented more than the first
    (
        'sequenceDiagram\n    participant DB@{\n      "type": "database"\n        "alias": "Store"\n    }',
        None,
    ),
]


CASES = [(text, True, None) for text in VALID] + [(text, False, line) for text, line in INVALID]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_sequence_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)


def test_unclosed_block_names_where_it_opened() -> None:
    with pytest.raises(MermaidSyntaxError) as caught:
        parse("sequenceDiagram\n    loop Every minute\n        A->>B: ping")
    assert "opened on line 2" in caught.value.message
