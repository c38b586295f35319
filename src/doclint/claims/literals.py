"""Required literals: a cheap proof that a regular expression cannot match a text.

Most detector patterns are long alternations of words, and Python's regex engine tries every
alternative at every position of a sentence. But a match of ``\\b(?:the most|one of the)\\b`` must
contain "the most" or "one of the": when a sentence contains none of a pattern's required
literals, the pattern cannot match it and need not run. ``required_literals`` reads the literals
off the parsed pattern, so the shortcut cannot drift from the pattern it guards, and one
``LiteralScanner`` pass finds which literals of all patterns a text contains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

try:  # Python >= 3.11
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT} | (
    {sre_constants.POSSESSIVE_REPEAT} if hasattr(sre_constants, "POSSESSIVE_REPEAT") else set()
)
# Shorter literals are found almost everywhere, so they would only cost time.
MIN_LENGTH = 3

Literals = frozenset[str]


def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """Strings one of which every match of ``pattern`` contains, or None when no such set is known.

    Only for case-sensitive patterns: under IGNORECASE a literal stands for several strings.
    """
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = _sequence(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    return found if found and min(map(len, found)) >= MIN_LENGTH else None


def _sequence(items: list[tuple[object, object]]) -> Literals | None:
    """The best requirement of a sequence: any one item's requirement holds for the whole match."""
    candidates: list[Literals] = []
    run = ""
    for op, argument in items:
        if op is sre_constants.LITERAL:
            run += chr(argument)  # type: ignore[arg-type]
            continue
        if op in _ZERO_WIDTH:
            continue  # consumes nothing, so the literals around it stay adjacent in the text
        if run:
            candidates.append(frozenset([run]))
            run = ""
        inner = _item(op, argument)
        if inner:
            candidates.append(inner)
    if run:
        candidates.append(frozenset([run]))
    # The most selective: the longest shortest literal, then the fewest literals.
    return max(candidates, key=lambda literals: (min(map(len, literals)), -len(literals)), default=None)


def _item(op: object, argument: object) -> Literals | None:
    if op is sre_constants.SUBPATTERN:
        _, added, removed, body = argument  # type: ignore[misc]
        return None if added or removed else _sequence(list(body))
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for alternative in argument[1]:  # type: ignore[index]
            literals = _sequence(list(alternative))
            if not literals:
                return None  # an alternative with no requirement can match anything
            union |= literals
        return frozenset(union)
    if op in _REPEATS:
        low, _, body = argument  # type: ignore[misc]
        return _sequence(list(body)) if low >= 1 else None
    return None


class LiteralScanner:
    """Which of many literals a text contains, in one regex pass over it.

    The literals form a trie, written as one regex inside a lookahead so that every position is
    tried: at each position it reports the longest literal starting there, and every other literal
    starting there is a prefix of that one, so ``prefixes`` completes the answer.
    """

    def __init__(self, literals: Iterable[str]) -> None:
        self._literals = frozenset(literals)
        self._pattern = re.compile(f"(?=({_trie_regex(sorted(self._literals))}))", re.DOTALL)
        self._prefixes = {
            literal: frozenset(
                literal[:end] for end in range(1, len(literal) + 1) if literal[:end] in self._literals
            )
            for literal in self._literals
        }

    def present(self, text: str) -> frozenset[str]:
        longest = {match.group(1) for match in self._pattern.finditer(text)}
        return frozenset().union(*(self._prefixes[literal] for literal in longest))


def _trie_regex(words: list[str]) -> str:
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict[str, dict]) -> str:
    # Children first, the end of a literal last: the regex then prefers the longest literal.
    branches = [re.escape(char) + _node_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
