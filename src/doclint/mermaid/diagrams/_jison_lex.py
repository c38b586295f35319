"""A lexer driver that behaves like the lexers jison generates for mermaid's ``.jison`` grammars.

What it reproduces, because validity and error lines depend on it:

- rules are tried in order and the first one that matches wins (jison's default, not longest match);
- start conditions: a rule listed for states applies only there; a rule without states applies in the
  initial state and in every inclusive (``%s``) state, never in exclusive (``%x``) ones;
- actions push/pop/begin states and return a token or nothing (skipped text);
- at the end of input the ``<<EOF>>`` rule (pattern ``$``) yields ``EOF`` once, then ``$end`` forever;
- ``Token.line`` is jison's ``yylineno + 1`` after the token was read. A parse error names the line of the
  last token the parser *shifted* (jison syncs its line counter on shifts only), so ``TokenCursor.fail``
  reports that line, not the offending token's.

Grammar modules give their rules as ``Rule(pattern, token, states=..., action=...)``. Write literal keywords
with an explicit ``(?![A-Za-z0-9_])`` where jison appends ``\\b`` to rules ending in a word character.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from doclint.mermaid.model import MermaidSyntaxError

END = "$end"

# An action may inspect the matched text, the state stack and the parse's shared state (jison's ``yy``);
# it returns the token kind, ``(kind, new text)``, or None to skip the text.
Action = Callable[[str, list[str], Any], "str | tuple[str, str] | None"]


@dataclass(frozen=True)
class Rule:
    pattern: str
    token: str | None = None  # token returned; None skips the text
    states: tuple[str, ...] = ()  # start conditions; empty: initial and inclusive states
    push: str | None = None  # state pushed after the match
    pop: bool = False  # pop the state before returning
    action: Action | None = None  # custom action, replaces token/push/pop


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    line: int  # jison's yylineno + 1 after reading this token


@dataclass
class JisonLexer:
    rules: Sequence[Rule]
    exclusive: frozenset[str] = frozenset()
    ignore_case: bool = False

    def __post_init__(self) -> None:
        self._flags = re.IGNORECASE if self.ignore_case else 0
        self._by_state: dict[str, tuple[re.Pattern[str], list[Rule]]] = {}

    def _active(self, state: str) -> tuple[re.Pattern[str], list[Rule]]:
        """One alternation of the state's rules (Python tries alternatives in order, like jison's loop),
        and the rule behind each group number of that alternation."""
        active = self._by_state.get(state)
        if active is None:
            inclusive = state == "INITIAL" or state not in self.exclusive
            indexes = [
                i
                for i, rule in enumerate(self.rules)
                if state in rule.states or (inclusive and not rule.states)
            ]
            source = "|".join(f"(?P<r{i}>{self.rules[i].pattern})" for i in indexes) or "(?!)"
            pattern = re.compile(source, self._flags)
            rule_of_group = [Rule("(?!)")] * (pattern.groups + 1)  # inner groups are never the last
            for name, group in pattern.groupindex.items():
                rule_of_group[group] = self.rules[int(name[1:])]
            active = self._by_state[state] = (pattern, rule_of_group)
        return active

    def tokens(self, text: str, context: Any = None) -> Iterator[Token]:
        """Yield tokens lazily, as jison's parser pulls them (a lexical error surfaces only when reached)."""
        stack = ["INITIAL"]
        position, line, length = 0, 1, len(text)
        state, (pattern, rule_of_group) = "INITIAL", self._active("INITIAL")
        stalled = 0
        while position <= length:
            if stack[-1] != state:
                state = stack[-1]
                pattern, rule_of_group = self._active(state)
            found = pattern.match(text, position)
            if found is None:
                if position >= length:
                    break
                snippet = text[position : position + 20].split("\n")[0]
                raise MermaidSyntaxError(f"Lexical error: unrecognized text `{snippet}`", line)
            # the rule's own group closes last, so it is the match's lastindex
            rule, image = rule_of_group[found.lastindex or 0], found.group()
            if image:
                position += len(image)
                line += image.count("\n")
                stalled = 0
            elif position >= length:
                position += 1  # jison's lexer is "done" after its first match at the end of the input
            else:
                # Guard against a rule that matches nothing in a loop (mermaid would hang there).
                stalled += 1
                if stalled > 2:
                    raise MermaidSyntaxError("Lexical error: the lexer makes no progress", line)
            if rule.action is None:
                if rule.pop and len(stack) > 1:
                    stack.pop()
                if rule.push is not None:
                    stack.append(rule.push)
                token = rule.token
            else:
                token = rule.action(image, stack, context)
            if token is not None:
                if type(token) is tuple:  # the action rewrote the token's text (jison's yytext)
                    yield Token(token[0], token[1], line)
                else:
                    yield Token(token, image, line)  # type: ignore[arg-type]
        while True:
            yield Token(END, "", line)


class TokenCursor:
    """One-token lookahead over a lazy token stream, with jison-style error reporting."""

    def __init__(self, tokens: Iterator[Token]) -> None:
        self._tokens = tokens
        self._buffer: list[Token] = []
        self.shifted_line = 1  # jison's line counter, synced when a token is consumed

    def peek(self, offset: int = 0) -> Token:
        buffer = self._buffer
        while len(buffer) <= offset:
            buffer.append(next(self._tokens))
        return buffer[offset]

    def kind(self, offset: int = 0) -> str:
        if offset == 0 and self._buffer:
            return self._buffer[0].kind
        return self.peek(offset).kind

    def advance(self) -> Token:
        token = self._buffer[0] if self._buffer else self.peek()
        if token.kind != END:
            del self._buffer[0]
        self.shifted_line = token.line
        return token

    def accept(self, *kinds: str) -> Token | None:
        if self.kind() in kinds:
            return self.advance()
        return None

    def expect(self, kinds: str | tuple[str, ...], what: str) -> Token:
        wanted = (kinds,) if isinstance(kinds, str) else kinds
        if self.kind() in wanted:
            return self.advance()
        self.fail(f"expected {what}")
        raise AssertionError  # unreachable

    def fail(self, message: str) -> None:
        token = self.peek()
        raise MermaidSyntaxError(f"{message}, found {describe(token)}", self.shifted_line)


def describe(token: Token) -> str:
    if token.kind in (END, "EOF"):
        return "end of input"
    if token.kind == "NEWLINE" or token.text.strip() == "":
        return "end of line" if "\n" in token.text else f"`{token.kind}`"
    return f"`{token.text.strip()}`"


# Rule groups several of mermaid's jison grammars share.
WORD_END = "(?![A-Za-z0-9_])"  # what jison's appended \b means after a keyword ending in a letter
ACCESSIBILITY_STATES = frozenset({"acc_title", "acc_descr", "acc_descr_multiline"})


def comment_rules() -> list[Rule]:
    """``%%`` comments (not ``%%{``), also when glued to the character before them."""
    return [Rule(r"%%(?!\{)[^\n]*"), Rule(r"[^}]%%[^\n]*")]


def accessibility_rules() -> list[Rule]:
    """``accTitle: ...``, ``accDescr: ...`` and ``accDescr { ... }`` (values to the end of the line/brace)."""
    return [
        Rule(r"accTitle\s*:\s*", "acc_title", push="acc_title"),
        Rule(r"[^\n]*", "acc_title_value", states=("acc_title",), pop=True),
        Rule(r"accDescr\s*:\s*", "acc_descr", push="acc_descr"),
        Rule(r"[^\n]*", "acc_descr_value", states=("acc_descr",), pop=True),
        Rule(r"accDescr\s*\{\s*", push="acc_descr_multiline"),
        Rule(r"\}", states=("acc_descr_multiline",), pop=True),
        Rule(r"[^}]*", "acc_descr_multiline_value", states=("acc_descr_multiline",)),
    ]


def punctuation_rules() -> list[Rule]:
    """The one-character text tokens of the chart grammars (``:`` ``+`` ``,`` ``=`` ... and digit runs)."""
    return [
        Rule(":", "COLON"),
        Rule(r"\+", "PLUS"),
        Rule(",", "COMMA"),
        Rule("=", "EQUALS"),
        Rule(r"\*", "MULT"),
        Rule("#", "BRKT"),
        Rule("_", "UNDERSCORE"),
        Rule(r"\.", "DOT"),
        Rule("&", "AMP"),
        Rule("-", "MINUS"),
        Rule("[0-9]+", "NUM"),
    ]
