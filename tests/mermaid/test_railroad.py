"""Railroad diagrams (railroad-beta, EBNF, ABNF, PEG); every expectation below is what mermaid 12.3.0's
``mermaid.parse`` says."""

from __future__ import annotations

from diagram_cases import validate_tests

# (diagram, valid, the line mermaid reports or None)
CASES = [
    ("railroad-ebnf-beta\n  a = ? special ? , b - c ;", True, None),
    ("railroad-ebnf-beta\n  a = ? ;", False, 2),
    ("railroad-ebnf-beta\n  a ::= \"x\" | 'y' , { z } [ w ]+ ;\n  (* comment *) b = a ;", True, None),
    ('railroad-ebnf-beta\n  title = "x" ;', True, None),
    ("railroad-ebnf-beta\n  a = ;", False, 2),
    ('railroad-ebnf-beta\na = "x\\\ny";', False, 2),  # a backslash does not escape a line break
    ("railroad-ebnf-beta\ntitle x\naccTitle: y\na = b;\ntitle z", False, 5),
    ("railroad-ebnf-betax", False, 1),
    ("railroad-ebnf-beta a = b;", True, None),
    ("railroad-ebnf-beta\n  a = (b\n  ;", False, 3),
    (
        'railroad-beta\n  expr = sequence(nonterminal("term"), zeroOrMore(sequence(choice(terminal("+"), terminal("-")), nonterminal("term"))));\n  term = terminal("x");',
        True,
        None,
    ),
    (
        'railroad-beta\n  expr = sequence(terminal("a"));\n  bad = optional(terminal("a"), terminal("b"));',
        False,
        3,
    ),
    ('railroad-beta\n  expr = sequencex(terminal("a"));', False, 2),
    ('railroad-beta\ntitle Grammar\n  /* block */ x = special("any");', True, None),
    ("railroad-beta\n  x = terminal(a);", False, 2),
    (
        'railroad-abnf-beta\n  rule = "a" / "b" ; comment\n  ;\n  other = 1*3 rule [ "c" ] ( %x41-5A / %d13.10 ) ;',
        True,
        None,
    ),
    ('railroad-abnf-beta\n  rule = "a" / "b" ;\n  other = *rule 2"x";', True, None),
    ('railroad-abnf-beta\n  rule = "a" / ;', False, 2),
    ('railroad-abnf-beta\n  rule = "a"', False, None),
    ('railroad-peg-beta\n  Expr <- Term (("+" / "-") Term)* ;\n  Term <- [0-9]+ ;', False, 3),
    (
        'railroad-peg-beta\n  Expr <- Term (("+" / "-") Term)* ;\n  Term <- &"x" !"y" . "z"? ;  # comment',
        True,
        None,
    ),
    ("railroad-peg-beta\n  Expr <- ;", False, 2),
    ("railroad-peg-beta\n  Expr <- a b c\n  X <- d ;", False, 3),
    ('railroad-ebnf-beta\n  a = "x" - "y" , b ;', True, None),
    ('RAILROAD-BETA\n  x = terminal("a");', False, 1),
]


test_railroad_like_mermaid = validate_tests(CASES, exact_lines=True)
