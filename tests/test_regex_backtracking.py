"""Every regular expression doclint compiles is run against inputs built to make it backtrack.

Patterns are discovered in every doclint module (module and class attributes, and containers of them), so a
new rule's patterns are covered without touching this file. Inputs repeat the pattern's own characters (and
pairs of them) thousands of times and end with a character that makes the match fail: the classic shape of
catastrophic backtracking.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import time

import pytest

import doclint

LENGTH = 5_000
BOUND_SECONDS = 5.0  # generous for shared machines: catastrophic backtracking takes minutes, not seconds


def _patterns_in(value, found: dict[str, re.Pattern], name: str, depth: int = 0) -> None:
    if isinstance(value, re.Pattern):
        found.setdefault(name, value)
    elif depth < 2 and isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(value):
            _patterns_in(item, found, f"{name}[{index}]", depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for key, item in value.items():
            _patterns_in(item, found, f"{name}[{key!r}]", depth + 1)


def discover_patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}
    for info in pkgutil.walk_packages(doclint.__path__, prefix="doclint."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for attribute, value in vars(module).items():
            _patterns_in(value, found, f"{info.name}.{attribute}")
            if inspect.isclass(value) and value.__module__ == module.__name__:
                for class_attribute, class_value in vars(value).items():
                    _patterns_in(class_value, found, f"{info.name}.{attribute}.{class_attribute}")
    return found


PATTERNS = discover_patterns()


def hostile_inputs(pattern: re.Pattern) -> list[str]:
    alphabet = sorted({char for char in pattern.pattern if char.isprintable()} | {"a", " ", "1"})[:24]
    inputs = [char * LENGTH + "\x00" for char in alphabet]
    inputs += [
        (first + second) * (LENGTH // 2) + "\x00"
        for first in alphabet[:12]
        for second in alphabet[:12]
        if first != second
    ]
    inputs += ["\n".join(["a" * 40] * 300) + "\x00", ("a " * LENGTH) + "\n"]
    return inputs


def test_patterns_were_found():
    assert len(PATTERNS) >= 10


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_does_not_backtrack_catastrophically(name):
    pattern = PATTERNS[name]
    for text in hostile_inputs(pattern):
        start = time.perf_counter()
        pattern.search(text)
        pattern.match(text)
        elapsed = time.perf_counter() - start
        assert elapsed < BOUND_SECONDS, f"{name} took {elapsed:.2f} s on {text[:20]!r}… ({len(text)} chars)"
