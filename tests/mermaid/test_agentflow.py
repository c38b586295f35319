"""The agentflow-beta diagram; every expectation below is what mermaid 12.3.0's ``mermaid.parse`` says."""

from __future__ import annotations

from diagram_cases import validate_tests

# (diagram, valid, the line mermaid reports or None)
CASES = [
    (
        'agentflow-beta TB\n  request["Receive request"]@{ shape: input }\n  plan["Plan work"]@{ shape: task }\n  request --> plan',
        True,
        None,
    ),
    ("agentflow-beta TB\n  a@{ shape: foo }", False, 2),
    ("agentflow-beta TB\n  a@{ shape: Task }", False, 2),
    ('agentflow-beta LR\n  flow outer["Outer"]\n    a --> b\n  end\n  c --> outer', True, None),
    ('agentflow-beta LR\n  flow outer["Outer"]\n    a --> b\n  c --> outer', False, 5),
    ("agentflow-beta LR\n  %% a comment\n  a --> b %% trailing", True, None),
    ('agentflow-beta LR\n  connector api["API"]\n  global\n    g1\n  end\n  a --x b\n  a -.- c', True, None),
    ("agentflow-beta LR\n  a ==> b", False, 2),
    ("agentflow-beta LR\n  a --> b\n  linkStyle 1 stroke:red", False, None),
    ('agentflow-beta LR\n  a@{\n    shape: tool,\n    label: "Run"\n  }', False, 2),
    ('agentflow-beta LR\n  a@{\n    shape: tool,\n    label: "Run, now",\n  }', True, None),
    ('agentflow-beta LR\n  a@{\n    shape: "tool",\n    label: [x,\n      y],\n  }', True, None),
    ("agentflow-beta LR\n  a@{\n    shape: task, # comment,\n    label: |\n      text,\n  }", False, 2),
    ('agentflow-beta LR\n  a@{\n    shape: task\n    label: "x\n  }', False, 6),
    ('agentflow-beta LR\n  a@{ shape: task, label: "x" }\n  b@{ shape: 5 }', False, 3),
    ("agentflow-beta LR\n  a@{ shape: lean_right }", False, 2),
    (
        "agentflow-beta LR\n  a@{ shape: round }\n  b@{ shape: decision }\n  c@{ shape: refdoc }\n  d@{ shape: rect }",
        True,
        None,
    ),
    ("agentflow-beta LR\n  a@{ shape: doc }\n  b@{ shape: cylinder }", True, None),
    ("agentflow-beta LR\n  a@{ }\n  b@{\n  }", True, None),
]


test_agentflow_like_mermaid = validate_tests(CASES)
