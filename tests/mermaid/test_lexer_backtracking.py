"""The rules inside the toolkit lexers get the hostile inputs of ``tests/test_regex_backtracking.py`` too.

That test finds the patterns modules keep at top level; a lexer built from rule sources keeps its patterns
inside the lexer object, so the ``_langium`` and ``_jison.lex`` lexers of every diagram module are searched here.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

from doclint.mermaid import diagrams
from doclint.mermaid.diagrams._jison.lex import JisonLexer
from doclint.mermaid.diagrams._langium import Lexer
from test_regex_backtracking import BOUND_SECONDS, hostile_inputs


def _lexer_rule_patterns() -> dict[str, re.Pattern[str]]:
    """Every distinct rule source of the module-level lexers, compiled as its lexer compiles it."""
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(diagrams.__path__, prefix=f"{diagrams.__name__}."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, Lexer):
                for rule in value.rules:
                    found.setdefault(rule.pattern, re.compile(rule.pattern))
            elif isinstance(value, JisonLexer):
                flags = re.IGNORECASE if value.ignore_case else 0
                for rule in value.rules:
                    found.setdefault(rule.pattern, re.compile(rule.pattern, flags))
    return found


PATTERNS = _lexer_rule_patterns()


def test_lexers_were_found() -> None:
    assert len(PATTERNS) >= 100


@pytest.mark.parametrize("source", sorted(PATTERNS))
def test_lexer_rule_does_not_backtrack_catastrophically(source: str) -> None:
    pattern = PATTERNS[source]
    for text in hostile_inputs(pattern):
        start = time.perf_counter()
        pattern.match(text)  # lexers only match at a position (their scanning is kept linear by guards)
        elapsed = time.perf_counter() - start
        assert elapsed < BOUND_SECONDS, (
            f"{source!r} took {elapsed:.2f} s on {text[:20]!r}… ({len(text)} chars)"
        )
