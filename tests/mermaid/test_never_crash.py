"""Property test: whatever is done to a diagram, ``validate`` answers with a MermaidResult, quickly, and never
raises.  Seeds are small hand-written diagrams of every family mermaid knows (and a few it does not)."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doclint.mermaid import INTERNAL_ERROR, MermaidResult, validate

SEEDS = [
    "graph TD\n  A[Start] --> B{Ok?}\n  B -->|yes| C((Done))\n  B -- no --> D>Retry]\n  subgraph s [Box]\n    C\n  end",
    'flowchart LR\n  a@{ shape: rect, label: "x" } e1@--> b\n  click a "https://x"\n  linkStyle 0 stroke:red',
    "sequenceDiagram\n  participant A\n  A->>B: hello\n  loop every day\n    B-->>A: hi\n  end",
    "classDiagram\n  class Animal {\n    +int age\n    +eat()\n  }\n  Animal <|-- Dog",
    "stateDiagram-v2\n  [*] --> Still\n  Still --> Moving : push\n  state Moving {\n    a --> b\n  }",
    "erDiagram\n  CUSTOMER ||--o{ ORDER : places\n  ORDER {\n    string id PK\n  }",
    "gantt\n  title Plan\n  dateFormat YYYY-MM-DD\n  section A\n  Task :a1, 2024-01-01, 3d",
    'pie title Pets\n  "Dogs" : 3\n  "Cats" : 2',
    "journey\n  title Day\n  section Work\n    Code: 5: Me",
    "gitGraph\n  commit\n  branch dev\n  checkout dev\n  commit\n  checkout main\n  merge dev",
    "mindmap\n  root((Root))\n    A\n      B\n    C",
    "timeline\n  title History\n  2020 : start\n  2021 : growth",
    "quadrantChart\n  x-axis Low --> High\n  y-axis Low --> High\n  A: [0.3, 0.6]",
    "xychart-beta\n  x-axis [a, b]\n  y-axis 0 --> 10\n  bar [1, 2]",
    "sankey-beta\nA,B,10\nB,C,5",
    "block-beta\n  columns 2\n  a b\n  a --> b",
    "requirementDiagram\n  requirement r {\n    id: 1\n    text: t\n  }",
    'C4Context\n  Person(a, "A")\n  System(b, "B")\n  Rel(a, b, "uses")',
    "architecture-beta\n  group g(cloud)[G]\n  service s(server)[S] in g",
    'packet-beta\n  0-15: "Source"\n  16-31: "Dest"',
    "kanban\n  todo[Todo]\n    t1[Write]",
    "radar-beta\n  axis a, b, c\n  curve x{1, 2, 3}",
    'treemap-beta\n"A"\n    "B": 10',
    "venn-beta\n  set A\n  set B",
    "info showInfo",
    'cynefin-beta\n  complex\n    "x"\n  complex --> clear',
    'railroad-ebnf-beta\n  list = "[" [ item { "," item } ] "]" ;',
    'agentflow-beta TB\n  a["A"]@{ shape: task }\n  a --> b',
    "swimlane-beta LR\nsubgraph L\n  A --> B\nend",
    "usecase-beta\nactor Customer\nCustomer --> Checkout",
    '---\ntitle: Front\nconfig:\n  theme: dark\n---\n%%{init: {"theme": "dark"}}%%\ngraph TD\n%% c\nA-->B',
    "zenuml\n  A.method()",
    "error",
]

FRAGMENTS = [
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    '"',
    "`",
    "|",
    "-->",
    "---",
    "\n",
    "%%",
    "@{",
    "end",
    "<<",
    ">>",
    ":",
    ";",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["insert", "delete", "duplicate", "lines", "deep"]))
        position = draw(st.integers(0, len(text)))
        if operation == "insert":
            text = text[:position] + draw(st.sampled_from(FRAGMENTS) | st.text(max_size=3)) + text[position:]
        elif operation == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 5)) :]
        elif operation == "duplicate":
            text = text[:position] + text[position : position + 8] * 2 + text[position + 8 :]
        elif operation == "lines":
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            if draw(st.booleans()):
                del lines[index]
            else:
                lines.insert(index, lines[index])
            text = "\n".join(lines)
        else:
            opener, closer = draw(st.sampled_from([("(", ")"), ("[", "]"), ("{", "}"), ("((", "))")]))
            depth = draw(st.integers(50, 3000))
            text = (
                text[:position]
                + opener * depth
                + "x"
                + closer * draw(st.integers(0, depth))
                + text[position:]
            )
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_validate_always_answers_quickly(text: str) -> None:
    started = time.perf_counter()
    result = validate(text)
    elapsed = time.perf_counter() - started
    assert isinstance(result, MermaidResult)
    assert isinstance(result.valid, bool)
    assert result.valid or result.message
    assert INTERNAL_ERROR not in (result.message or ""), result.message
    assert elapsed < 2.0, f"validate took {elapsed:.2f}s"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_validate_answers_any_text(text: str) -> None:
    result = validate(text)
    assert isinstance(result, MermaidResult)
    assert INTERNAL_ERROR not in (result.message or ""), result.message


def test_seeds_are_judged() -> None:
    for seed in SEEDS:
        result = validate(seed)
        assert isinstance(result, MermaidResult)
        assert INTERNAL_ERROR not in (result.message or ""), result.message


LARGE = [
    "graph TD\n" + " \n" * 5000 + "x %%\nA",  # long blank stretch before a link-like character
    "graph TD\n" + "\n" * 5000 + "x\n%% c\nA-->B",  # comment lines after many blank lines
    "graph TD\nstyle A " + ":" * 20000 + ";",  # style line the entity encoder scans
    "graph TD\nA" + ":" * 20000,  # a long run a LINK_ID must not rescan
    "graph TD\n" + "A & " * 3000 + "B direction TB",  # direction rules scan to the line end
    "graph TD\nA[" + "x " * 20000 + "]",
    "graph TD\n" + "subgraph a\n" * 1000 + "end\n" * 1000,
    "---\n" + "a:\n  " * 300 + "b: 1\n---\ngraph TD\nA-->B",
    "railroad-ebnf-beta\na = " + "(" * 3000 + "b" + ")" * 3000 + ";",
    "usecase-beta\n" + "actor A\n" * 3000,
]


def test_large_inputs_stay_fast() -> None:
    for text in LARGE:
        started = time.perf_counter()
        result = validate(text)
        assert INTERNAL_ERROR not in (result.message or ""), result.message
        assert time.perf_counter() - started < 5.0, text[:40]
