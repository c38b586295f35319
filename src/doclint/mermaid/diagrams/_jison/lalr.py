"""A small re-implementation of what jison generates: an LALR(1) parser and a start-condition lexer.

Many mermaid diagrams (flowchart, sequence, class, state, er, gantt, ...) are jison grammars.  Modelling them with
the same machinery reproduces mermaid's verdicts exactly, including which token an error is reported on:

- ``Grammar`` builds LALR(1) tables from BNF productions the way jison does: shift/reduce conflicts are resolved
  by shifting, reduce/reduce conflicts by the production declared first.  Tables are built once per grammar.
- ``JisonLexer`` tries the rules active in the current start condition in order and takes the first match (jison's
  default, non-``flex`` mode); a rule's action may return a token name or nothing (skip the text), and may push
  or pop start conditions.
- ``parse`` drives them as jison's ``parser.parse`` does.  A syntax error is reported on "line N" where N - 1 is
  the lexer's line count when the last token was *shifted* (jison keeps ``yylineno`` of the last shift), and a
  lexical error on the line where the unrecognised text starts.  ``EOF`` is the lexer's end token (``$end``);
  grammars that name an ``EOF`` token get it from an explicit end-of-input rule, as jison grammars do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from doclint.mermaid.model import MermaidSyntaxError
from doclint.mermaid.preprocess import is_js_space

END = "$end"
_ACCEPT = "$accept"
_MAX_TOKENS_WITHOUT_PROGRESS = 1000


class JisonParseError(MermaidSyntaxError):
    """A jison "Parse error on line N" / "Lexical error on line N"."""

    def __init__(
        self, message: str, line: int, token: str | None = None, expected: Sequence[str] = ()
    ) -> None:
        super().__init__(message, line)
        self.token = token
        self.expected = tuple(expected)


@dataclass(frozen=True)
class Production:
    lhs: str
    rhs: tuple[str, ...]


@dataclass
class Tables:
    productions: list[Production]
    action: list[
        dict[str, tuple[int, int]]
    ]  # per state: terminal -> (1 shift, state) | (2 reduce, prod) | (3, 0)
    goto: list[dict[str, int]]
    default_reduce: list[int | None]  # jison's defaultActions: a state whose only entry is one reduce


class Grammar:
    """BNF given as ``lhs: alt1 | alt2`` lines (``%empty`` for an empty alternative); first rule is the start.

    ``stored_tables`` names the module of ``doclint.mermaid.diagrams._jison.tables`` that holds this grammar's
    tables built ahead of time (loading them is about ten times cheaper than building them on first use); they
    are used only if they were built from exactly these productions, else the tables are built."""

    def __init__(self, bnf: str, stored_tables: str | None = None) -> None:
        self.stored_tables = stored_tables
        self.productions: list[Production] = []
        start = None
        for raw in bnf.strip().splitlines():
            line = raw.split("//", 1)[0].strip()
            if not line:
                continue
            if ":" in line and not line.startswith("|"):
                lhs, alternatives = line.split(":", 1)
                lhs = lhs.strip()
                start = start or lhs
            else:
                alternatives = line
            for alternative in alternatives.split("|"):
                symbols = tuple(symbol for symbol in alternative.split() if symbol != "%empty")
                if alternative.strip():
                    self.productions.append(Production(lhs, symbols))
        if start is None:
            raise ValueError("empty grammar")
        self.productions.insert(0, Production(_ACCEPT, (start, END)))
        self._tables: Tables | None = None

    @property
    def tables(self) -> Tables:
        if self._tables is None:
            self._tables = self._load_stored_tables() or _build_tables(self.productions)
        return self._tables

    def _load_stored_tables(self) -> Tables | None:
        if self.stored_tables is None:
            return None
        from doclint.mermaid.diagrams._jison.tables import load

        return load(self.stored_tables, self.productions)


def _build_tables(productions: list[Production]) -> Tables:
    nonterminals = {production.lhs for production in productions}
    by_lhs: dict[str, list[int]] = {}
    for index, production in enumerate(productions):
        by_lhs.setdefault(production.lhs, []).append(index)
    nullable, first = _first_sets(productions, nonterminals)

    def first_of(symbols: Sequence[str], lookahead: frozenset[str]) -> frozenset[str]:
        result: set[str] = set()
        for symbol in symbols:
            if symbol not in nonterminals:
                result.add(symbol)
                return frozenset(result)
            result |= first[symbol]
            if symbol not in nullable:
                return frozenset(result)
        return frozenset(result | lookahead)

    def closure0(kernel: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        items = list(kernel)
        seen = set(items)
        expanded: set[str] = set()
        for production, dot in items:
            rhs = productions[production].rhs
            if dot < len(rhs) and rhs[dot] in nonterminals and rhs[dot] not in expanded:
                expanded.add(rhs[dot])
                for index in by_lhs[rhs[dot]]:
                    if (index, 0) not in seen:
                        seen.add((index, 0))
                        items.append((index, 0))
        return items

    # LR(0) automaton
    kernels: list[tuple[tuple[int, int], ...]] = [((0, 0),)]
    state_of: dict[tuple[tuple[int, int], ...], int] = {kernels[0]: 0}
    transitions: list[dict[str, int]] = []
    index = 0
    while index < len(kernels):
        moves: dict[str, list[tuple[int, int]]] = {}
        for production, dot in closure0(kernels[index]):
            rhs = productions[production].rhs
            if dot < len(rhs):
                moves.setdefault(rhs[dot], []).append((production, dot + 1))
        row: dict[str, int] = {}
        for symbol, items in moves.items():
            kernel = tuple(sorted(set(items)))
            if kernel not in state_of:
                state_of[kernel] = len(kernels)
                kernels.append(kernel)
            row[symbol] = state_of[kernel]
        transitions.append(row)
        index += 1

    # LALR(1) lookaheads by spontaneous generation and propagation (Aho, Sethi, Ullman, algorithm 4.63)
    marker = "\x00#"
    lookaheads: list[dict[tuple[int, int], set[str]]] = [
        {item: set() for item in kernel} for kernel in kernels
    ]
    lookaheads[0][(0, 0)].add(END)
    propagate: dict[tuple[int, tuple[int, int]], list[tuple[int, tuple[int, int]]]] = {}
    for state, kernel in enumerate(kernels):
        for item in kernel:
            closure = _closure1({item: {marker}}, productions, by_lhs, nonterminals, first_of)
            for (production, dot), follow in closure.items():
                rhs = productions[production].rhs
                if dot >= len(rhs):
                    continue
                target = (transitions[state][rhs[dot]], (production, dot + 1))
                for symbol in follow:
                    if symbol == marker:
                        propagate.setdefault((state, item), []).append(target)
                    else:
                        lookaheads[target[0]][target[1]].add(symbol)
    changed = True
    while changed:
        changed = False
        for (state, item), targets in propagate.items():
            source = lookaheads[state][item]
            for target_state, target_item in targets:
                destination = lookaheads[target_state][target_item]
                if not source <= destination:
                    destination |= source
                    changed = True

    action: list[dict[str, tuple[int, int]]] = []
    goto: list[dict[str, int]] = []
    default_reduce: list[int | None] = []
    for state, kernel in enumerate(kernels):
        row_action: dict[str, tuple[int, int]] = {}
        row_goto: dict[str, int] = {}
        for symbol, target in transitions[state].items():
            if symbol in nonterminals:
                row_goto[symbol] = target
            elif symbol == END:
                row_action[symbol] = (3, 0)
            else:
                row_action[symbol] = (1, target)
        closure = _closure1(lookaheads[state], productions, by_lhs, nonterminals, first_of)
        for (item, dot), follow in closure.items():
            if dot != len(productions[item].rhs):
                continue  # only complete items reduce
            for symbol in follow:
                existing = row_action.get(symbol)
                if existing is None or (existing[0] == 2 and item < existing[1]):
                    row_action[symbol] = (2, item)
                # shift/reduce: jison shifts by default; accept stays
        action.append(row_action)
        goto.append(row_goto)
        entries = list(row_action.values())
        single_reduce = len(entries) == 1 and not row_goto and entries[0][0] == 2
        default_reduce.append(entries[0][1] if single_reduce else None)
    return Tables(productions, action, goto, default_reduce)


def _first_sets(
    productions: list[Production], nonterminals: set[str]
) -> tuple[set[str], dict[str, set[str]]]:
    nullable: set[str] = set()
    first: dict[str, set[str]] = {symbol: set() for symbol in nonterminals}
    changed = True
    while changed:
        changed = False
        for production in productions:
            lhs_first = first[production.lhs]
            all_nullable = True
            for symbol in production.rhs:
                if symbol in nonterminals:
                    if not first[symbol] <= lhs_first:
                        lhs_first |= first[symbol]
                        changed = True
                    if symbol not in nullable:
                        all_nullable = False
                        break
                else:
                    if symbol not in lhs_first:
                        lhs_first.add(symbol)
                        changed = True
                    all_nullable = False
                    break
            if all_nullable and production.lhs not in nullable:
                nullable.add(production.lhs)
                changed = True
    return nullable, first


def _closure1(
    seed: dict[tuple[int, int], set[str]],
    productions: list[Production],
    by_lhs: dict[str, list[int]],
    nonterminals: set[str],
    first_of: Callable[[Sequence[str], frozenset[str]], frozenset[str]],
) -> dict[tuple[int, int], set[str]]:
    """LR(1) closure of items with lookahead sets, as item -> lookahead set."""
    follow = {item: set(lookaheads) for item, lookaheads in seed.items()}
    work = list(follow)
    while work:
        production, dot = work.pop()
        rhs = productions[production].rhs
        if dot >= len(rhs) or rhs[dot] not in nonterminals:
            continue
        new = first_of(rhs[dot + 1 :], frozenset(follow[(production, dot)]))
        for index in by_lhs[rhs[dot]]:
            current = follow.setdefault((index, 0), set())
            if not new <= current:
                current |= new
                work.append((index, 0))
    return follow


# ----------------------------------------------------------------------------------------------------- lexer


@dataclass
class Rule:
    """One lexer rule: ``pattern`` (compiled with ``flags``) is matched at the current position;
    ``action(lexer, text)`` returns the token name (or None to skip the text) and may change the lexer's start
    conditions or ``lexer.yytext``.  Patterns are kept as source: the lexer only ever matches them joined into
    one alternation per run of rules (``_segments``), so compiling each on its own would be wasted."""

    pattern: str
    action: Callable[[JisonLexer, str], str | None]
    flags: int = 0
    # Optional guards: each must be a NECESSARY condition for the rule to match (they only save work, never change
    # the verdict), so that rules scanning ahead stay linear on long lines: ``line_must_contain`` occurs between
    # the position and the line end; ``run_must_contain`` occurs before the first of ``run_stops``; for rules
    # starting with ``\s*``, ``after_space`` matches where the leading whitespace ends.
    line_must_contain: str | None = None
    run_must_contain: str | None = None
    run_stops: re.Pattern[str] | None = None
    after_space: str | None = None


def token(
    name: str | None, push: str | None = None, pop: bool = False
) -> Callable[[JisonLexer, str], str | None]:
    """The common rule actions: optionally pop and/or push a start condition, then return ``name``."""

    def act(lexer: JisonLexer, text: str) -> str | None:
        if pop:
            lexer.pop_state()
        if push:
            lexer.push_state(push)
        return name

    return act


@dataclass
class JisonLexer:
    rules: Sequence[Rule]
    conditions: dict[str, Sequence[int]]  # start condition -> indices of its rules, in order
    text: str = ""
    position: int = 0
    yylineno: int = 0
    yytext: str = ""
    stack: list[str] = field(default_factory=lambda: ["INITIAL"])
    done: bool = False
    flags: dict[str, Any] = field(default_factory=dict)

    def push_state(self, condition: str) -> None:
        self.stack.append(condition)

    def pop_state(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()

    @property
    def state(self) -> str:
        return self.stack[-1]

    def lex(self) -> str:
        """The next token name; ``$end`` at the end of input."""
        idle = 0
        while True:
            if self.done:
                return END
            if self.position >= len(self.text):
                self.done = True
            start = self.position
            stack_size = len(self.stack)
            name = self._next()
            if name is not None:
                return name
            idle = idle + 1 if self.position == start and len(self.stack) == stack_size else 0
            if idle > _MAX_TOKENS_WITHOUT_PROGRESS:  # mermaid would recurse until the stack overflows
                raise MermaidSyntaxError(
                    "Maximum call stack size exceeded (lexer loops without consuming text)"
                )

    def _line_contains(self, needle: str) -> bool:
        """Does ``needle`` occur between the position and the end of its line?  Cached per line."""
        cache = self.flags.setdefault("_line_cache", {})
        entry = cache.get(needle)
        if entry is None or not entry[0] <= self.position < entry[1]:
            line_end = self.text.find("\n", self.position)
            line_end = len(self.text) if line_end == -1 else line_end
            entry = (self.position, line_end, self.text.rfind(needle, self.position, line_end))
            cache[needle] = entry
        return entry[2] >= self.position

    def _after_space(self) -> int:
        """The first position at or after the current one that is not JavaScript whitespace (cached per run)."""
        entry = self.flags.get("_space_run")
        if entry is None or not entry[0] <= self.position <= entry[1]:
            end = self.position
            while end < len(self.text) and is_js_space(self.text[end]):
                end += 1
            entry = (self.position, end)
            self.flags["_space_run"] = entry
        return entry[1]

    def _run_contains(self, needle: str, stops: re.Pattern[str]) -> bool:
        """Does ``needle`` occur before the next stop character?  Cached per run."""
        cache = self.flags.setdefault("_run_cache", {})
        entry = cache.get(needle)
        if entry is None or not entry[0] <= self.position < entry[1]:
            stop = stops.search(self.text, self.position)
            run_end = len(self.text) if stop is None else stop.start()
            entry = (self.position, run_end, self.text.rfind(needle, self.position, run_end))
            cache[needle] = entry
        return entry[2] >= self.position

    def _next(self) -> str | None:
        text = self.text
        for segment in _segments(self.rules, self.conditions, self.state):
            if not self._guard_passes(segment.guard):
                continue
            match = segment.match(text, self.position)
            if match is None:
                continue
            rule = self.rules[int(str(match.lastgroup)[1:])]  # the named group of the alternative that won
            matched = match.group(0)
            self.yylineno += matched.count("\n")
            self.position = match.end()
            self.yytext = matched
            return rule.action(self, matched)
        if self.position >= len(text):
            return END
        line = self.yylineno + 1
        snippet = text[self.position : self.position + 20].split("\n", 1)[0]
        raise JisonParseError(f"Lexical error on line {line}: unrecognized text `{snippet}`", line)

    def _guard_passes(self, guard: tuple[Any, ...] | None) -> bool:
        if guard is None:
            return True
        kind = guard[0]
        if kind == "line":
            return self._line_contains(guard[1])
        if kind == "space":
            return guard[1].match(self.text, self._after_space()) is not None
        return self._run_contains(guard[1], guard[2])


class _Segment:
    """Consecutive rules of a start condition tried as one alternation: Python takes the first alternative that
    matches, which is jison's first-rule-wins.  ``guard`` is a necessary condition shared by the rules (see
    ``Rule``), checked first so that rules scanning ahead stay linear.

    The alternation is compiled when first tried: a segment after one that matches, or behind a guard that
    fails (flowchart's ``direction`` and ``@{...}`` rules, ~2.5 ms to compile), often never is in a process."""

    __slots__ = ("flags", "guard", "match", "source")

    def __init__(self, source: str, flags: int, guard: tuple[Any, ...] | None) -> None:
        self.source = source
        self.flags = flags
        self.guard = guard
        self.match: Callable[[str, int], re.Match[str] | None] = self._compile_and_match

    def _compile_and_match(self, text: str, position: int) -> re.Match[str] | None:
        self.match = re.compile(self.source, self.flags).match
        return self.match(text, position)


_SEGMENT_CACHE: dict[tuple[int, int, str], tuple[_Segment, ...]] = {}


def _guard_of(rule: Rule) -> tuple[Any, ...] | None:
    if rule.line_must_contain is not None:
        return ("line", rule.line_must_contain)
    if rule.after_space is not None:
        return ("space", rule.after_space)
    if rule.run_must_contain is not None and rule.run_stops is not None:
        return ("run", rule.run_must_contain, rule.run_stops)
    return None


def _segments(
    rules: Sequence[Rule], conditions: dict[str, Sequence[int]], state: str
) -> tuple[_Segment, ...]:
    key = (id(rules), id(conditions), state)
    cached = _SEGMENT_CACHE.get(key)
    if cached is not None:
        return cached
    groups: list[tuple[Any, list[int]]] = []
    for index in conditions.get(state) or conditions["INITIAL"]:
        guard = _guard_of(rules[index])
        kind = guard[:1] + (guard[1:] if guard and guard[0] != "space" else ()) if guard else None
        flags = rules[index].flags
        if groups and groups[-1][0] == (kind, flags):
            groups[-1][1].append(index)
        else:
            groups.append(((kind, flags), [index]))
    segments = []
    for (kind, flags), indices in groups:
        alternation = "|".join(f"(?P<r{index}>{rules[index].pattern})" for index in indices)
        guard = _guard_of(rules[indices[0]])
        if guard is not None and guard[0] == "space":  # any of the rules' arrows may follow the whitespace
            union = "|".join(f"(?:{rules[index].after_space})" for index in indices)
            guard = ("space", re.compile(union))
        segments.append(_Segment(alternation, flags, guard))
    result = tuple(segments)
    _SEGMENT_CACHE[key] = result
    return result


# ---------------------------------------------------------------------------------------------------- parser

ReduceAction = Callable[[list[Any]], Any]


def parse(
    grammar: Grammar,
    lexer: JisonLexer,
    actions: dict[int, ReduceAction] | None = None,
    describe: Callable[[str, str, Sequence[str]], str] | None = None,
) -> Any:
    """Run the LALR(1) automaton over the lexer's tokens; ``actions`` maps a production's index (1-based as in
    jison: the order of the BNF) to a function of the right-hand side's values."""
    tables = grammar.tables
    productions = tables.productions
    action_table, goto_table, defaults = tables.action, tables.goto, tables.default_reduce
    actions = actions or {}
    states = [0]
    values: list[Any] = [None]
    lookahead: str | None = None
    shifted_line = 0
    while True:
        state = states[-1]
        step = None
        default = defaults[state]
        if default is not None:
            step = (2, default)
        else:
            if lookahead is None:
                lookahead = lexer.lex()
            step = action_table[state].get(lookahead)
        if step is None:
            expected = sorted(action_table[state])
            line = shifted_line + 1
            message = (
                describe(lookahead or END, lexer.yytext, expected)
                if describe
                else f"Parse error on line {line}: unexpected {lookahead}"
            )
            raise JisonParseError(message, line, lookahead, expected)
        kind, target = step
        if kind == 1:
            states.append(target)
            values.append(lexer.yytext)
            shifted_line = lexer.yylineno
            lookahead = None
        elif kind == 2:
            production = productions[target]
            size = len(production.rhs)
            arguments = values[len(values) - size :] if size else []
            reducer = actions.get(target)
            value = reducer(arguments) if reducer else (arguments[0] if arguments else None)
            if size:
                del states[-size:]
                del values[-size:]
            states.append(goto_table[states[-1]][production.lhs])
            values.append(value)
        else:
            return values[-1]
