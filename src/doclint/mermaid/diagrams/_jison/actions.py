"""The action lexer of the jison toolkit: rule actions get a ``LexerControl`` (jison's ``this``: ``begin``,
``popState``, ``less``, ``yytext``), for grammars whose lexer actions do more than return a token.

Used by the sequence, class and state diagram parsers.  Rules are ``(states, JavaScript regex or re.Pattern,
token | Action | None)`` rows for ``LexerSpec.from_table``; ``LexerSpec.lexer(text)`` produces tokens on demand
(``next_token``) and ``TokenCursor`` gives the parsers one token of lookahead.  Jison reports a parse error on
the line of the last token it *shifted*, so the cursor remembers that line.  For the rules, the same semantics
as ``lex.JisonLexer``: rules are tried in order, the first match wins, non-INITIAL states are exclusive.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from doclint.mermaid.diagrams._jison.lex import js_regex
from doclint.mermaid.model import MermaidSyntaxError

END = "$end"  # what the lexer returns once the input is exhausted (jison's EOF symbol, distinct from any
# grammar token named EOF that an explicit end-of-input rule produces)


class Token(NamedTuple):
    kind: str
    text: str
    line: int  # lexer line count (0-based) after this token: jison's yylineno once the token is shifted


class LexerControl:
    """What a lexer rule action may do: jison's begin/popState/less and changing yytext."""

    def __init__(self, text: str) -> None:
        self.input = text
        self.pos = 0
        self.lineno = 0
        self.states: list[str] = ["INITIAL"]
        self.done = False
        self.yytext = ""

    def begin(self, state: str) -> None:
        self.states.append(state)

    def pop(self) -> None:
        if len(self.states) > 1:
            self.states.pop()

    def switch(self, pops: int = 0, begin: str | None = None) -> None:
        """Leave ``pops`` start conditions, then enter ``begin`` (the usual order in jison actions)."""
        for _ in range(pops):
            self.pop()
        if begin is not None:
            self.begin(begin)

    @property
    def state(self) -> str:
        return self.states[-1]

    def less(self, keep: int) -> None:
        """Give back all but ``keep`` characters of the current match (jison's ``this.less``)."""
        give_back = self.yytext[keep:]
        if give_back:
            self.pos -= len(give_back)
            self.lineno -= give_back.count("\n")
            self.yytext = self.yytext[:keep]


def _rule_regex(pattern: str | re.Pattern[str]) -> str:
    """Rules are JavaScript regex source, or an already-Python ``re.Pattern`` used as it is."""
    return pattern.pattern if isinstance(pattern, re.Pattern) else js_regex(pattern)


# An action gets the control and returns the token kind, or None to skip the match.
Action = Callable[[LexerControl], "str | None"]
RuleSpec = tuple["str | re.Pattern[str]", "str | Action | None"]


def token(kind: str, *, begin: str | None = None, pops: int = 0, trim: bool = False) -> Action:
    """The common shapes of jison rule actions: pop some states, begin one, trim yytext, return a token."""

    def action(lexer: LexerControl) -> str | None:
        lexer.switch(pops, begin)
        if trim:
            lexer.yytext = lexer.yytext.strip()
        return kind

    return action


def skip(*, begin: str | None = None, pops: int = 0) -> Action:
    def action(lexer: LexerControl) -> str | None:
        lexer.switch(pops, begin)
        return None

    return action


_LINE_SEARCH = re.compile(r"\.\*([A-Za-z]{3,})")  # a rule starting `.*word`

# Python's regex parser, to find which characters a rule can start with (module renamed in Python 3.11).
try:
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_ZERO_WIDTH = {_sre_parse.AT, _sre_parse.ASSERT, _sre_parse.ASSERT_NOT}
_REPEATS = {_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT, getattr(_sre_parse, "POSSESSIVE_REPEAT", None)}
_CATEGORY_CLASSES = {
    _sre_parse.CATEGORY_DIGIT: "\\d",
    _sre_parse.CATEGORY_NOT_DIGIT: "\\D",
    _sre_parse.CATEGORY_SPACE: "\\s",
    _sre_parse.CATEGORY_NOT_SPACE: "\\S",
    _sre_parse.CATEGORY_WORD: "\\w",
    _sre_parse.CATEGORY_NOT_WORD: "\\W",
}
# The first characters a rule accepts: one-character patterns, or None for "any character".
FirstChars = "list[re.Pattern[str]] | None"


_LARGE_CLASS = 64  # class items (ranges, characters) past which a rule's first characters count as "any"


def _code(char: int) -> str:
    return f"\\U{char:08x}"


def _class_pattern(items: list[tuple[object, object]]) -> str | None:
    parts = []
    for op, value in items:
        if op is _sre_parse.NEGATE:
            parts.insert(0, "^")
        elif op is _sre_parse.LITERAL:
            parts.append(_code(value))  # type: ignore[arg-type]
        elif op is _sre_parse.RANGE:
            low, high = value  # type: ignore[misc]
            parts.append(f"{_code(low)}-{_code(high)}")
        elif op is _sre_parse.CATEGORY and value in _CATEGORY_CLASSES:
            parts.append(_CATEGORY_CLASSES[value])
        else:
            return None
    return "[" + "".join(parts) + "]"


def _second_char(items: object, flags: int) -> re.Pattern[str] | None:
    """For a rule starting with two literal characters, a pattern for the second one."""
    literals = []
    for op, value in items:  # type: ignore[attr-defined]
        if op is not _sre_parse.LITERAL:
            break
        literals.append(value)
        if len(literals) == 2:
            return re.compile(_code(value), flags)
    return None


def _first_chars(items: object, flags: int) -> tuple[FirstChars, bool]:  # type: ignore[valid-type]
    """Which characters a parsed regex sequence can start with, and whether it can match nothing."""
    found: list[re.Pattern[str]] = []
    for op, value in items:  # type: ignore[attr-defined]
        if op in _ZERO_WIDTH:
            continue  # assertions only narrow what matches; ignoring them is safe
        if op is _sre_parse.LITERAL:
            return [*found, re.compile(_code(value), flags)], False
        if op is _sre_parse.IN:
            if len(value) > _LARGE_CLASS:  # compiling a copy costs more than trying the rule everywhere
                return None, False
            pattern = _class_pattern(value)
            return (None if pattern is None else [*found, re.compile(pattern, flags)]), False
        if op is _sre_parse.SUBPATTERN or op in _REPEATS or op is _sre_parse.BRANCH:
            alternatives = value[1] if op is _sre_parse.BRANCH else [value[-1]]
            nullable = op in _REPEATS and value[0] == 0
            for alternative in alternatives:
                chars, empty = _first_chars(alternative, flags)
                if chars is None:
                    return None, False
                found.extend(chars)
                nullable = nullable or empty
            if not nullable:
                return found, False
            continue
        return None, False  # anything else (., back references, ...): any character may start it
    return found, True


@dataclass
class _Rule:
    source: str
    flags: int
    action: Action | str | None
    first: FirstChars  # type: ignore[valid-type]
    nullable: bool
    second: re.Pattern[str] | None  # set when the rule starts with two literal characters
    line_word: str | None  # for rules like `.*direction...`: a word the rest of the line must contain
    # the rule's pattern is compiled when the rule is first tried: many rules of a diagram family (accTitle,
    # direction, notes, ...) never are in a process, and compiling all of them was ~half of a family's first use
    match: Callable[[str, int], re.Match[str] | None] = field(init=False)

    def __post_init__(self) -> None:
        self.match = self._compile_and_match

    def _compile_and_match(self, text: str, position: int) -> re.Match[str] | None:
        self.match = re.compile(self.source, self.flags).match
        return self.match(text, position)

    def may_start_with(self, chars: str) -> bool:
        """Whether the rule could match text starting with ``chars`` (the next two characters)."""
        if self.second is not None and not self.second.match(chars[1:2]):
            return False
        if self.nullable or self.first is None:
            return True
        return bool(chars) and any(first.match(chars[0]) for first in self.first)


@dataclass
class LexerSpec:
    """Ordered rules and, for every start condition, which of them are active (like jison's ``conditions``).

    Rules are tried in order and the first that matches wins, as in jison's default (non-flex) lexer. To
    avoid trying dozens of rules at every position, the rules that can start with the character at hand
    are looked up per start condition and character, and remembered.
    """

    rules: Sequence[RuleSpec]
    conditions: dict[str, Iterable[int]]
    ignore_case: bool = False
    _by_state: dict[str, list[_Rule]] = field(default_factory=dict)
    _candidates: dict[tuple[str, str], tuple[_Rule, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # ASCII: JavaScript's case-insensitive matching never pairs a non-ASCII letter with an ASCII one
        # (Python's would match `İ` with `i` and the Kelvin sign with `k`); \s, \w, \b are spelled out.
        flags = re.ASCII | (re.IGNORECASE if self.ignore_case else 0)
        compiled = []
        for pattern, action in self.rules:
            source = _rule_regex(pattern)
            parsed = _sre_parse.parse(source, flags)
            first, nullable = _first_chars(parsed, flags)
            second = _second_char(parsed, flags)
            word = _LINE_SEARCH.match(pattern) if isinstance(pattern, str) else None
            line_word = word.group(1).lower() if word else None
            compiled.append(_Rule(source, flags, action, first, nullable, second, line_word))
        for state, indexes in self.conditions.items():
            self._by_state[state] = [compiled[i] for i in indexes]

    def candidates(self, state: str, chars: str) -> tuple[_Rule, ...]:
        key = (state, chars)
        found = self._candidates.get(key)
        if found is None:
            found = tuple(rule for rule in self._by_state.get(state, ()) if rule.may_start_with(chars))
            if len(self._candidates) < 20000:  # a bound, should a text use very many distinct characters
                self._candidates[key] = found
        return found

    @classmethod
    def from_table(
        cls,
        table: Sequence[tuple[tuple[str, ...] | None, str | re.Pattern[str], str | Action | None]],
        ignore_case: bool = False,
    ) -> LexerSpec:
        """Build from rules tagged like jison's ``<state,...>`` prefixes: None means INITIAL, ``*`` all.

        Every state other than INITIAL is exclusive (jison's ``%x``), the only kind mermaid's grammars use.
        """
        named = {state for rule_states, _, _ in table for state in rule_states or ()}
        states = ["INITIAL", *sorted(named - {"INITIAL", "*"})]
        conditions: dict[str, list[int]] = {state: [] for state in states}
        for index, (rule_states, _, _) in enumerate(table):
            for state in states:
                if (
                    rule_states is None
                    and state == "INITIAL"
                    or rule_states
                    and ("*" in rule_states or state in rule_states)
                ):
                    conditions[state].append(index)
        rules = [(pattern, action) for _, pattern, action in table]
        return cls(rules, conditions, ignore_case)

    def lexer(self, text: str) -> JisonLexer:
        return JisonLexer(self, text)


class JisonLexer(LexerControl):
    """Produces tokens one at a time, exactly when the parser asks, as jison's ``lex()`` does."""

    _MAX_EMPTY_MATCHES = 50  # jison would loop forever on a skipped empty match; we report it instead

    def __init__(self, spec: LexerSpec, text: str) -> None:
        super().__init__(text)
        self._spec = spec
        self._folded: str | None = None  # the input in lower case, for line_word checks

    def _match(self) -> tuple[re.Match[str], Action | str | None] | None:
        text, pos = self.input, self.pos
        for rule in self._spec.candidates(self.state, text[pos : pos + 2]):
            if rule.line_word is not None and not self._rest_of_line_has(rule.line_word):
                continue  # saves scanning the line once per token (quadratic on long lines)
            match = rule.match(text, pos)
            if match is not None:
                return match, rule.action
        return None

    def _rest_of_line_has(self, word: str) -> bool:
        if self._folded is None:
            self._folded = self.input.lower()
            if len(self._folded) != len(self.input):  # lower() changed lengths: positions would not line up
                self._folded = self.input
                return True
        end = self._folded.find("\n", self.pos)
        return self._folded.find(word, self.pos, len(self._folded) if end < 0 else end) >= 0

    def next_token(self) -> Token:
        empty_matches = 0
        while True:
            if self.done:
                return Token(END, "", self.lineno)
            if self.pos >= len(self.input):
                self.done = True
            found = self._match()
            if found is None:
                if self.pos >= len(self.input):
                    return Token(END, "", self.lineno)
                raise MermaidSyntaxError(
                    f"Lexical error on line {self.lineno + 1}. Unrecognized text: "
                    f"{self.input[self.pos : self.pos + 20]!r}",
                    self.lineno + 1,
                )
            match, action = found
            start = self.pos
            self.yytext = match.group()
            self.pos = match.end()
            self.lineno += self.yytext.count("\n")
            kind = action(self) if callable(action) else action
            if self.done and self.pos < len(self.input):
                self.done = False
            if kind is not None:
                return Token(kind, self.yytext, self.lineno)
            empty_matches = empty_matches + 1 if self.pos == start else 0
            if empty_matches > self._MAX_EMPTY_MATCHES:
                raise MermaidSyntaxError(f"Lexer stuck on line {self.lineno + 1}", self.lineno + 1)


# a statement's fixed tail: for each following token, the kinds allowed and how to name them in an error
FixedTail = tuple[tuple[tuple[str, ...], str], ...]
ACCESSIBILITY: dict[str, FixedTail] = {
    "acc_title": ((("acc_title_value",), "a title"),),
    "acc_descr": ((("acc_descr_value",), "a description"),),
    "acc_descr_multiline_value": (),
}


class TokenCursor:
    """One token of lookahead over a jison lexer, remembering the line of the last consumed token."""

    def __init__(self, lexer: JisonLexer, describe: Callable[[Token], str] | None = None) -> None:
        self._lexer = lexer
        self._lookahead: Token | None = None
        self.shifted_line = 0
        self._describe = describe or (lambda tok: repr(tok.text) if tok.text else tok.kind)

    def peek(self) -> Token:
        if self._lookahead is None:
            self._lookahead = self._lexer.next_token()
        return self._lookahead

    @property
    def kind(self) -> str:
        return self.peek().kind

    def take(self) -> Token:
        tok = self.peek()
        self._lookahead = None
        self.shifted_line = tok.line
        return tok

    def skip(self, kind: str) -> None:
        """Consume any number of ``kind`` tokens."""
        while self.kind == kind:
            self.take()

    def take_fixed(self, following: FixedTail) -> None:
        """Consume the current token, then the tokens that must follow it: (kinds, description) pairs."""
        self.take()
        for kinds, what in following:
            self.expect(*kinds, what=what)

    def expect(self, *kinds: str, what: str | None = None) -> Token:
        if self.peek().kind not in kinds:
            raise self.error(what or " or ".join(kinds))
        return self.take()

    def error(self, expected: str) -> MermaidSyntaxError:
        line = self.shifted_line + 1
        tok = self.peek()
        got = "end of input" if tok.kind == END else self._describe(tok)
        return MermaidSyntaxError(f"Parse error on line {line}: expected {expected}, got {got}", line)
