"""LALR(1) tables built ahead of time, one generated module per grammar, and the generator that writes them.

Building flowchart's tables takes ~14 ms, paid by every process on its first flowchart (each worker of a cold
run, every warm run that re-checks a page with one); loading the stored ones takes ~2.5 ms.  The
grammar's BNF stays the source of truth: a stored module records the productions it was built from, and
``load`` uses it only if they are exactly the grammar's (a test regenerates every module and compares).

Regenerate after changing a grammar:  python -m doclint.mermaid.diagrams._jison.tables
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from doclint.mermaid.diagrams._jison.lalr import Grammar, Production, Tables, _build_tables

# stored module name -> "module:attribute" of the Grammar whose tables it holds.  Only flowchart, by far the
# most common diagram in documentation (~50 KB of source); agentflow (the other LALR grammar, ~18 ms to build)
# is a rare beta type that would add ~60 KB: give its Grammar ``stored_tables`` and list it here if that changes.
GRAMMARS: dict[str, str] = {
    "flowchart": "doclint.mermaid.diagrams.flowchart:_GRAMMAR",
}
_LINE_LENGTH = 110


def load(name: str, productions: list[Production]) -> Tables | None:
    """The stored tables ``name`` if they were built from ``productions``, else None."""
    stored = importlib.import_module(f"{__name__}.{name}")
    if stored.PRODUCTIONS != tuple((production.lhs, production.rhs) for production in productions):
        return None
    symbols = stored.SYMBOLS
    action = [
        dict(zip(map(symbols.__getitem__, row[0::3]), zip(row[1::3], row[2::3]))) for row in stored.ACTION
    ]
    goto = [dict(zip(map(symbols.__getitem__, row[0::2]), row[1::2])) for row in stored.GOTO]
    return Tables(productions, action, goto, list(stored.DEFAULT_REDUCE))


def grammar(name: str) -> Grammar:
    module_name, _, attribute = GRAMMARS[name].partition(":")
    found: Grammar = getattr(importlib.import_module(module_name), attribute)
    return found


def render(name: str) -> str:
    """The source of the stored module ``name``, built from its grammar now."""
    productions = grammar(name).productions
    tables = _build_tables(productions)
    symbols = {
        symbol: index
        for index, symbol in enumerate(sorted({p.lhs for p in productions} | _terminals(tables)))
    }
    action_rows = [
        [number for symbol, (kind, target) in row for number in (symbols[symbol], kind, target)]
        for row in map(_sorted_items, tables.action)
    ]
    goto_rows = [
        [number for symbol, state in row for number in (symbols[symbol], state)]
        for row in map(_sorted_items, tables.goto)
    ]
    source = GRAMMARS[name].partition(":")[0]
    return "\n".join(
        [
            f"# Generated from the grammar in {source} by",
            f"# `python -m {__name__}`: do not edit.  Regenerate after changing the grammar",
            "# (until then these tables are ignored, the tables are built at first use, and a test fails).",
            "# fmt: off",
            *_assignment("PRODUCTIONS", [repr((p.lhs, p.rhs)) for p in productions], one_per_line=True),
            *_assignment("SYMBOLS", [repr(symbol) for symbol in symbols]),
            "# per state: (symbol, kind, target) flattened; kind 1 shifts to state target, 2 reduces by",
            "# production target, 3 accepts",
            *_assignment("ACTION", [_flat_tuple(row) for row in action_rows], one_per_line=True),
            "# per state: (nonterminal, state) flattened",
            *_assignment("GOTO", [_flat_tuple(row) for row in goto_rows], one_per_line=True),
            *_assignment("DEFAULT_REDUCE", [repr(reduce) for reduce in tables.default_reduce]),
            "",
        ]
    )


def _sorted_items(row: dict[str, Any]) -> list[tuple[str, Any]]:
    """A row's entries in a fixed order: the order a build inserts them in depends on string hashing, and no
    reader depends on it (the parser sorts the expected tokens it reports)."""
    return sorted(row.items())


def _terminals(tables: Tables) -> set[str]:
    return {symbol for row in tables.action for symbol in row}


def _flat_tuple(numbers: list[int]) -> str:
    return "(" + ",".join(map(str, numbers)) + ("," if len(numbers) == 1 else "") + ")"


def _assignment(variable: str, items: Iterable[str], one_per_line: bool = False) -> list[str]:
    lines = [f"{variable} = ("]
    for item in items:
        if one_per_line or len(lines) == 1 or len(lines[-1]) + len(item) + 2 > _LINE_LENGTH:
            lines.append(f"    {item},")
        else:
            lines[-1] += f" {item},"
    lines.append(")")
    return lines


def write_all() -> None:
    for name in GRAMMARS:
        Path(__file__).with_name(f"{name}.py").write_text(render(name), encoding="utf-8")
