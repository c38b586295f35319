"""Railroad diagrams in EBNF; every expectation below is what mermaid 12.3.0's ``mermaid.parse`` says."""

from __future__ import annotations

import pytest

from doclint.mermaid import validate

# (diagram, valid, the line mermaid reports or None)
CASES = [
    ("railroad-ebnf-beta\n  a = ? special ? , b - c ;", True, None),
    ("railroad-ebnf-beta\n  a = ? ;", False, 2),
    ("railroad-ebnf-beta\n  a ::= \"x\" | 'y' , { z } [ w ]+ ;\n  (* comment *) b = a ;", True, None),
    ('railroad-ebnf-beta\n  title = "x" ;', True, None),
    ("railroad-ebnf-beta\n  a = ;", False, 2),
    ("railroad-ebnf-beta\ntitle x\naccTitle: y\na = b;\ntitle z", False, 5),
    ("railroad-ebnf-betax", False, 1),
    ("railroad-ebnf-beta a = b;", True, None),
    ("railroad-ebnf-beta\n  a = (b\n  ;", False, 3),
]


@pytest.mark.parametrize(("text", "valid", "line"), CASES)
def test_railroad_like_mermaid(text: str, valid: bool, line: int | None) -> None:
    result = validate(text)
    assert result.valid is valid, result.message
    if not valid:
        assert result.line == line
