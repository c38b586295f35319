"""The usecase-beta diagram (syntax and the model builder's checks); every expectation below is what mermaid 12.3.0's ``mermaid.parse`` says."""

from __future__ import annotations

from diagram_cases import validate_tests

# (diagram, valid, the line mermaid reports or None)
CASES = [
    ("usecase-beta\nactor A\nA ..> : include B", False, None),
    ("usecase-beta\nB ..> : include C", True, None),
    ("usecase-beta\nactor A\nactor B\nA --|> B", True, None),
    ("usecase-beta\nactor A\nA --|> B", False, None),
    ("usecase-beta\nactor A\nstyle A fill:#f00", True, None),
    ("usecase-beta\nstyle Z fill:#f00", False, None),
    ("usecase-beta\nactor A\nclass A foo\nclassDef foo fill:#f00,stroke:#333", True, None),
    ("usecase-beta\nactor A\nA --> B:::x", False, None),
    ("usecase-beta\nactor A\nA --> B(Label):::x", True, None),
    ('usecase-beta\njson data @ {"a": 1}\nactor A\nA --> data', True, None),
    ('usecase-beta\njson data @ {"a": 1}\nactor A\nA --o data', False, None),
    ("usecase-beta\njson data @ [1]", False, None),
    ("usecase-beta\nactor A\nA@{ icon: user }", True, None),
    ("usecase-beta\nZ@{ icon: user }", False, None),
    ("usecase-beta\nactor A(Alice)\nactor A(Bob)", False, None),
    ("usecase-beta\nactor A\nA(Alice)", False, None),
    ('usecase-beta\nsystemBoundary S[Shop]\n  Pay("Pay")\nend\nS --> Pay', False, None),
    (
        'usecase-beta\nsystemBoundary S[Shop]\n  Pay("Pay")\nend\nsystemBoundary T\n  Pay("Pay")\nend',
        False,
        None,
    ),
    ('usecase-beta\nactor "Web User"\nWeb_User --> Login', True, None),
    ("usecase-beta\nactor A, B\nA -- talks --> B", True, None),
    ("usecase-beta\nactor A\nA e1@--> B\nclass e1 hot", True, None),
    ("usecase-beta\nactor A <<human>>\nA --> B", True, None),
    ("usecase-beta\ndirection TD\naccTitle: x\naccDescr: y\nactor A", True, None),
    ("usecase-beta\nactor A\nA <-- label -- B\nA o-- x -- C\nA --o D\nA x-- E", True, None),
    ('usecase-beta\nactor A\nnote for A "hello"\nnote for B hello world', False, None),
    ("usecase-beta\nactor A@{ icon: user }", True, None),
    ("usecase-beta\nactor A@{ icon: user, type: hollow }", False, None),
    ("usecase-beta\nactor A@{ type: awesome, business: true }", False, None),
    ("usecase-beta\nactor A@{ color: red }", False, None),
    ("usecase-beta\nactor A@{ type: normal }\nactor A@{ type: hollow }", False, None),
    ("usecase-beta\nactor A\nA@{ type: hollow }\nA@{ type: awesome }", True, None),
    ("usecase-beta\nPay[Pay]@{ business: true }", False, None),
    ("usecase-beta\nPay(Pay)@{ business: true }", True, None),
    ("usecase-beta\nPay(Pay)@{ business: yes }", False, None),
    ("usecase-beta\nsystemBoundary S @{ type: package }\n  P(Pay)\nend", True, None),
    ("usecase-beta\nsystemBoundary S @{ type: cloud }\n  P(Pay)\nend", False, None),
    ("usecase-beta\nactor A\nA e1@--> B\ne1@{ animate: true }", True, None),
    ("usecase-beta\nactor A\nA e1@--> B\ne1@{ animation: medium }", False, None),
    ("usecase-beta\nactor A\nA --> B\nB@{ business: true }", True, None),
    ('usecase-beta\njson d @ {"a": 1}\nd@{ x: y }', False, None),
]


test_usecase_like_mermaid = validate_tests(CASES)
