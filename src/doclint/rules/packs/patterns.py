"""User regular expressions from rule packs: compiled once, screened for catastrophic backtracking, and run
under a time budget.

Python's ``re`` backtracks, so a pattern such as ``(a+)+$`` takes exponential time on a line of ``a``s that
ends in ``b``; a rule pack must never be able to hang CI with one. Two defences:

1. At load time, ``screen`` walks the parsed pattern and rejects the shapes that backtrack exponentially:
   an unbounded repetition whose body holds another unbounded repetition with no delimiter to separate
   the iterations (``(a+)+``, ``(\\w+\\s?)*``), and a repeated alternation where one branch can be spelled
   with another (``(a|aa)+``, ``(\\w|\\d)*``). The pack then fails to load (exit 2) with a message naming
   the file, the check and the field.
2. At run time, each pattern searches a document's blocks under one budget (``TIME_BUDGET`` seconds)
   enforced with a ``SIGALRM`` timer: ``re`` checks for signals while it backtracks, so the timer interrupts it. A
   pattern that runs out of budget raises ``PatternTimeout``; the rule reports it (DL004) and the pattern
   is switched off for the rest of the run. The timer needs POSIX and the main thread (doclint's worker
   processes run rules in their main thread); elsewhere the screen is the only defence.

Each block searched (a paragraph, a heading, a front matter value) is also capped at ``MAX_BLOCK_CHARS``,
which keeps polynomial patterns (``\\s*\\s*$``) fast.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

try:  # the parser behind re.compile; public as sre_parse until 3.11, deprecated since
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

TIME_BUDGET = 1.0
MAX_BLOCK_CHARS = 10_000
_LARGE_REPEAT = 16  # an outer repetition bounded by more than this behaves like an unbounded one
# The characters tested when comparing character sets: ASCII, Latin-1, Latin Extended-A, some punctuation.
_ALPHABET = frozenset(range(0x250)) | frozenset((0x2013, 0x2014, 0x2019, 0x201C, 0x201D, 0x3000, 0x4E00))
_C = sre_constants
K = TypeVar("K")


class UnsafePattern(ValueError):
    """A pattern that can backtrack catastrophically; the message says which part and why."""


class PatternTimeout(Exception):
    def __init__(self, pattern: GuardedPattern) -> None:
        super().__init__(f"pattern {pattern.source!r} ran out of its {TIME_BUDGET:g} s budget")
        self.pattern = pattern
        self.key: Any = None  # what was being searched (a block of text)


@dataclass(eq=False)
class GuardedPattern:
    """A compiled user pattern and where it was written (for messages)."""

    source: str
    compiled: re.Pattern[str]
    where: str  # "rules/series.yaml, check LDD001, field 'patterns[0]'"
    disabled: bool = field(default=False)

    def search_all(self, texts: Iterable[tuple[K, str]]) -> list[tuple[K, re.Match[str]]]:
        """Every match in each keyed text (capped at MAX_BLOCK_CHARS), all within one time budget.

        Matches are collected eagerly: the timer must never be left running while a caller holds a
        half-consumed iterator.
        """
        if self.disabled:
            return []
        found: list[tuple[K, re.Match[str]]] = []
        current: K | None = None
        try:
            with time_budget(self):
                for key, text in texts:
                    current = key
                    found.extend((key, match) for match in self.compiled.finditer(text[:MAX_BLOCK_CHARS]))
        except PatternTimeout as timeout:
            timeout.key = current
            raise
        return found

    def fullmatch(self, text: str) -> re.Match[str] | None:
        if self.disabled:
            return None
        with time_budget(self):
            return self.compiled.fullmatch(text[:MAX_BLOCK_CHARS])


def compile_pattern(source: str, flags: int, where: str) -> GuardedPattern:
    """Compile and screen a user pattern; ``re.error`` and ``UnsafePattern`` carry the reason."""
    compiled = re.compile(source, flags)
    screen(source, flags)
    return GuardedPattern(source, compiled, where)


# -- run-time budget ---------------------------------------------------------------------------------------
class _Expired(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _Expired


def _timer_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(pattern: GuardedPattern) -> Iterator[None]:
    """Interrupt the ``re`` call inside after TIME_BUDGET seconds; restores any timer already set."""
    if not _timer_available():
        yield
        return
    previous_handler = signal.signal(signal.SIGALRM, _on_alarm)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, TIME_BUDGET)
    started = time.monotonic()
    try:
        yield
    except _Expired:
        pattern.disabled = True
        raise PatternTimeout(pattern) from None
    finally:
        _disarm()
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            remaining = max(previous_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, remaining, previous_interval)


def _disarm() -> None:
    """Stop the timer; an alarm that fired just as the search finished is dropped, not raised."""
    try:
        signal.setitimer(signal.ITIMER_REAL, 0)
    except _Expired:
        signal.setitimer(signal.ITIMER_REAL, 0)


# -- static screen -----------------------------------------------------------------------------------------
def screen(source: str, flags: int = 0) -> None:
    """Raise UnsafePattern when ``source`` has a shape that backtracks exponentially."""
    parsed = sre_parse.parse(source, flags)
    _Screen(source, bool(parsed.state.flags & re.IGNORECASE), bool(parsed.state.flags & re.DOTALL)).walk(
        parsed
    )


_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT} | (
    {_C.POSSESSIVE_REPEAT} if hasattr(_C, "POSSESSIVE_REPEAT") else set()
)


def _is_repeat(op: object) -> bool:
    return op in _REPEATS


class _Screen:
    def __init__(self, source: str, ignore_case: bool, dot_all: bool) -> None:
        self.source = source
        self.ignore_case = ignore_case
        self.dot_all = dot_all

    def walk(self, items) -> None:  # type: ignore[no-untyped-def]
        for op, av in items:
            for child in _children(op, av):
                self.walk(child)
            if _is_repeat(op) and op != getattr(_C, "POSSESSIVE_REPEAT", None):
                _, high, body = av
                if high == _C.MAXREPEAT or high > _LARGE_REPEAT:
                    self._check_repeated_body(body)

    def _check_repeated_body(self, body) -> None:  # type: ignore[no-untyped-def]
        sequence = _flatten(body)
        for op, av in _descendants(sequence):
            if op == _C.BRANCH and _has_twins(av[1]):
                raise UnsafePattern(
                    "a repeated alternation has two branches that match the same text (as in '(a|a)+'), so a "
                    "near-miss line is tried every possible way and takes exponential time. Remove the duplicate"
                )
        low, high = _width_of(sequence)
        if low == high:
            return
        variable = [item for item in _descendants(sequence) if _variable(item)]
        if not variable:
            return  # the length varies only inside atomic groups or possessive repeats, which never backtrack
        variable_chars = frozenset().union(*(self.chars([item]) for item in variable))
        delimited = any(
            _width(item) == (1, 1) and not (self.chars([item]) & variable_chars)
            for item in sequence
            if not _is_repeat(item[0]) and item[0] != _C.BRANCH
        )
        if not delimited:
            raise UnsafePattern(
                "a repetition repeats a part that can match runs of different lengths with nothing between the "
                "iterations to tell them apart (as in '(a+)+' or '(a|aa)+'); on a line that almost matches, "
                "the engine tries every way of splitting the text and takes exponential time. Drop the inner "
                "or the outer repetition (write 'a+' for '(a+)+'), or put a delimiter the variable part cannot "
                "match inside the group (as in '(\\w+\\s)+')"
            )

    # -- character sets, approximated on a sample alphabet ---------------------------------------------
    def chars(self, items) -> frozenset[int]:  # type: ignore[no-untyped-def]
        found: set[int] = set()
        for op, av in items:
            if op == _C.LITERAL:
                found |= self._cased(av)
            elif op == _C.NOT_LITERAL:
                found |= _ALPHABET - self._cased(av)
            elif op == _C.ANY:
                found |= _ALPHABET if self.dot_all else _ALPHABET - {10}
            elif op == _C.IN:
                found |= self._in(av)
            else:
                for child in _children(op, av):
                    found |= self.chars(child)
        return frozenset(found)

    def _cased(self, code: int) -> set[int]:
        if not self.ignore_case:
            return {code}
        char = chr(code)
        return {code, *(ord(c) for c in (char.lower(), char.upper()) if len(c) == 1)}

    def _in(self, items) -> set[int]:  # type: ignore[no-untyped-def]
        found: set[int] = set()
        negate = False
        for op, av in items:
            if op == _C.NEGATE:
                negate = True
            elif op == _C.LITERAL:
                found |= self._cased(av)
            elif op == _C.RANGE:
                low, high = av
                for code in _ALPHABET:
                    if low <= code <= high:
                        found |= self._cased(code)
            elif op == _C.CATEGORY:
                found |= {code for code in _ALPHABET if _in_category(av, chr(code))}
        return set(_ALPHABET - found) if negate else found


def _in_category(category: object, char: str) -> bool:
    name = str(category).upper()
    if "DIGIT" in name:
        result = char.isdecimal()
    elif "SPACE" in name:
        result = char.isspace()
    elif "WORD" in name:
        result = char.isalnum() or char == "_"
    elif "LINEBREAK" in name:
        result = char == "\n"
    else:
        return False
    return not result if "NOT" in name else result


def _children(op: object, av: object) -> list:  # type: ignore[type-arg]
    """The sub-sequences of one parsed item."""
    if _is_repeat(op):
        return [av[2]]  # type: ignore[index]
    if op == _C.SUBPATTERN:
        return [av[-1]]  # type: ignore[index]
    if op == _C.BRANCH:
        return list(av[1])  # type: ignore[index]
    if op in (_C.ASSERT, _C.ASSERT_NOT):
        return [av[1]]  # type: ignore[index]
    if op == _C.GROUPREF_EXISTS:
        return [branch for branch in av[1:] if branch is not None]  # type: ignore[index]
    if op == getattr(_C, "ATOMIC_GROUP", None):
        return [av]
    return []


def _flatten(items) -> list:  # type: ignore[no-untyped-def, type-arg]
    """A sequence with plain groups opened up: ``(a+)(b)`` reads as ``a+ b``."""
    flat = []
    for op, av in items:
        if op == _C.SUBPATTERN:
            flat.extend(_flatten(av[-1]))
        else:
            flat.append((op, av))
    return flat


def _descendants(items) -> Iterator:  # type: ignore[no-untyped-def, type-arg]
    for op, av in items:
        yield (op, av)
        if op == getattr(_C, "ATOMIC_GROUP", None) or op == getattr(_C, "POSSESSIVE_REPEAT", None):
            continue  # atomic parts never backtrack into themselves
        for child in _children(op, av):
            yield from _descendants(child)


def _variable(item) -> bool:  # type: ignore[no-untyped-def]
    """A repetition or an alternation that can match texts of different lengths."""
    op, av = item
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
        low, high, body = av
        return low != high and _width_of(body)[1] > 0
    if op == _C.BRANCH:
        return len({_width_of(alternative) for alternative in av[1]}) > 1
    return False


def _has_twins(alternatives) -> bool:  # type: ignore[no-untyped-def]
    seen = [repr(alternative) for alternative in alternatives]
    return len(set(seen)) < len(seen)


def _width(item) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return _width_of([item])


def _width_of(items) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    pattern = sre_parse.SubPattern(sre_parse.State(), list(items))
    return pattern.getwidth()
