"""The LALR tables stored ahead of time (``_jison.tables``) are exactly what the grammars build, and stale ones are
never used."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.mermaid.diagrams._jison import tables as stored
from doclint.mermaid.diagrams._jison.lalr import Grammar, _build_tables


@pytest.mark.parametrize("name", sorted(stored.GRAMMARS))
def test_regenerating_gives_the_stored_module(name: str) -> None:
    # fails after a grammar change: run `python -m doclint.mermaid.diagrams._jison.tables`
    stored_source = Path(stored.__file__).with_name(f"{name}.py").read_text(encoding="utf-8")
    assert stored.render(name) == stored_source


@pytest.mark.parametrize("name", sorted(stored.GRAMMARS))
def test_the_grammar_loads_tables_equal_to_built_ones(name: str) -> None:
    grammar = stored.grammar(name)
    assert grammar.stored_tables == name
    loaded = stored.load(name, grammar.productions)
    built = _build_tables(grammar.productions)
    assert loaded is not None
    assert (loaded.action, loaded.goto, loaded.default_reduce) == (
        built.action,
        built.goto,
        built.default_reduce,
    )


def test_tables_stored_for_other_productions_are_not_used() -> None:
    grammar = Grammar("start: A B | A\n", stored_tables="flowchart")
    built = _build_tables(grammar.productions)
    assert stored.load("flowchart", grammar.productions) is None
    assert (grammar.tables.action, grammar.tables.goto) == (built.action, built.goto)
