"""Class diagram parser: hand-written diagrams, each labelled with mermaid 12.3.0's own verdict."""

from __future__ import annotations

import pytest
from diagram_cases import assert_like_mermaid

from doclint.mermaid.diagrams.class_diagram import parse

VALID = [
    (
        "classDiagram\n    class Animal {\n        +String name\n        +eat() void\n    }\n"
        '    Animal <|-- Duck : inherits\n    Duck "1" --> "*" Egg : lays'
    ),
    "classDiagram\n    class Box~T~\n    class Shape {\n        <<interface>>\n    }\n    <<abstract>> Box",
    "classDiagram\n    namespace Shapes {\n        class Triangle\n        class Square\n    }",
    (
        'classDiagram\n    class A\n    style A fill:#f9f,stroke:#333\n    classDef hot fill:#f00\n    cssClass "A" hot\n'
        '    click A href "https://example.com" "tooltip"\n    click A call callback()\n'
        '    note for A "a note"\n    note "general"'
    ),
    "classDiagram\n    A ()-- B",
    "classDiagram\n    class A:::hot {\n    }",
    "classDiagram\n    direction RL\n    A o-- B\n    A *-- C\n    A ..> D\n    A ..|> E\n    `Quoted Name` --> F",
    "classDiagram\n    class Shape {\n        +List~int~ items\n        +get(int i) int$\n    }\n    <<interface>> Shape",
    "classDiagram\n    class Straße\n    Straße --> Ωmega",
    "classDiagram\n    class A {\n        +foo<b>()</b>\n    }",
]

INVALID = [
    ("classDiagram", 2),  # at least one statement is required
    ("classDiagram\n    Foo : +bar()\n    <<interface>> Baz", None),  # annotation of an unknown class
    ("classDiagram\n    namespace Empty {\n    }", 3),
    ("classDiagram\n    class Duck {\n        +swim()", 3),  # class body never closed
    ("classDiagram\n    A --> B\n    C ; D", 3),  # `;` is not a character the lexer knows
    ("classDiagram\n    style A stroke-width:2px", 2),  # `-` is not a style component
    ("classDiagram\n    class o", 2),  # a lone `o` is the aggregation arrow head
    ("classDiagrams\n    class A\n    A --> B", 4),  # no header: fails at the end of input
    # a member with `)` is a method, and mermaid fails on one that is not `name(...)`
    ("classDiagram\n    class Shape\n    Shape : area)", None),
    ("classDiagram\n    class Ca-rⅫ", 2),  # a Roman numeral is not a letter for mermaid's lexer
    # DOMPurify drops a <script> element with its content, leaving no `name(...)`
    ("classDiagram\n    class A {\n        +<script>x()</script>\n    }", None),
    ("classDiagram\n    class Shape {\n        +area() double\n        +resize)\n    }", None),
]


CASES = [(text, True, None) for text in VALID] + [(text, False, line) for text, line in INVALID]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_class_diagram_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    assert_like_mermaid(parse, text, valid, line)
