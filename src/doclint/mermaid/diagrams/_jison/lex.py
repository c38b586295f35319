"""The jison lexing toolkit: a lexer driver that behaves like the lexers jison generates for mermaid's
``.jison`` grammars, and the token cursors the recursive-descent parsers of those grammars use.

What it reproduces, because validity and error lines depend on it:

- rules are tried in order and the first one that matches wins (jison's default, not longest match);
- start conditions: a rule listed for states applies only there; a rule without states applies in the
  initial state and in every inclusive (``%s``) state, never in exclusive (``%x``) ones;
- actions push/pop/begin states and return a token or nothing (skipped text);
- at the end of input the ``<<EOF>>`` rule (pattern ``$``) yields ``EOF`` once, then ``$end`` forever;
- ``Token.line`` is jison's ``yylineno + 1`` after the token was read. A parse error names the line of the
  last token the parser *shifted* (jison syncs its line counter on shifts only), so ``TokenStream``
  reports that line, not the offending token's.

Grammar modules give their rules as ``Rule(pattern, token, states=..., action=...)``. Write literal keywords
with an explicit ``(?![A-Za-z0-9_])`` where jison appends ``\\b`` to rules ending in a word character.
``build_lexer`` takes the compact table form ``(states, JavaScript regex, token, state change)`` instead.

The parsers read tokens through ``TokenStream``: ``peek``/``kind``/``advance``/``accept``/``expect(*kinds,
what=...)``, ``fail`` (raise) / ``error`` (build) on jison's line, and the statements several grammars share
(``accept_accessibility``, ``comma_list``, ``styles``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, NoReturn

from doclint.mermaid.model import MermaidSyntaxError
from doclint.mermaid.preprocess import JS_SPACE, js_trim_start

END = "$end"
CHAR_TOKEN = "<char>"  # jison's `return yytext[0]`: the matched character is the token's kind

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


class Token(NamedTuple):
    kind: str
    text: str
    line: int  # jison's yylineno + 1 after reading this token: what jison reports after shifting it


class JisonLexicalError(MermaidSyntaxError):
    """Text no rule matches (``text``: the offending snippet), or a lexer that stops making progress."""

    def __init__(self, message: str, line: int, text: str) -> None:
        super().__init__(message, line)
        self.text = text


class _StateRules(NamedTuple):
    """A start condition's rules as one alternation (Python tries alternatives in order, like jison's loop),
    the rule behind each group number of it, and the same without the line rules (see ``JisonLexer``)."""

    pattern: re.Pattern[str]
    rule_of_group: list[Rule]
    without_line_rules: re.Pattern[str]
    rule_of_group_without_line_rules: list[Rule]


@dataclass
class JisonLexer:
    """Rules tried in order per start condition; ``tokens`` yields them lazily, as jison's parser pulls them.

    Rules like ``.*direction\\s+TB[^\\n]*`` (a pattern starting ``.*``: "line rules") would scan the rest of
    the line at every token, which is quadratic on long lines; they can only match where what follows ``.*``
    occurs later on the line, so where it does not, the state's alternation without them is tried."""

    rules: Sequence[Rule]
    exclusive: frozenset[str] = frozenset()
    ignore_case: bool = False

    def __post_init__(self) -> None:
        self._flags = re.IGNORECASE if self.ignore_case else 0
        self._by_state: dict[str, _StateRules] = {}
        tails = [rule.pattern[2:] for rule in self.rules if rule.pattern.startswith(".*")]
        self._line_tails = "|".join(f"(?:{tail})" for tail in tails) if tails else None
        self._line_tail: re.Pattern[str] | None = None

    def _active(self, state: str) -> _StateRules:
        active = self._by_state.get(state)
        if active is None:
            inclusive = state == "INITIAL" or state not in self.exclusive
            indexes = [
                i
                for i, rule in enumerate(self.rules)
                if state in rule.states or (inclusive and not rule.states)
            ]
            pattern, rule_of_group = self._alternation(indexes)
            short = [i for i in indexes if not self.rules[i].pattern.startswith(".*")]
            if len(short) < len(indexes):
                active = _StateRules(pattern, rule_of_group, *self._alternation(short))
            else:
                active = _StateRules(pattern, rule_of_group, pattern, rule_of_group)
            self._by_state[state] = active
        return active

    def _alternation(self, indexes: Sequence[int]) -> tuple[re.Pattern[str], list[Rule]]:
        source = "|".join(f"(?P<r{i}>{self.rules[i].pattern})" for i in indexes) or "(?!)"
        pattern = re.compile(source, self._flags)
        rule_of_group = [Rule("(?!)")] * (pattern.groups + 1)  # inner groups are never the last
        for name, group in pattern.groupindex.items():
            rule_of_group[group] = self.rules[int(name[1:])]
        return pattern, rule_of_group

    def tokens(self, text: str, context: Any = None) -> Iterator[Token]:
        """Yield tokens lazily, as jison's parser pulls them (a lexical error surfaces only when reached)."""
        stack = ["INITIAL"]
        position, line, length = 0, 1, len(text)
        state, active = "INITIAL", self._active("INITIAL")
        line_tail = self._line_tail
        if line_tail is None and self._line_tails is not None:
            line_tail = self._line_tail = re.compile(self._line_tails, self._flags)
        tail_from, tail_at, end_of_line = length + 1, -1, -1  # the line rules' tail next occurs at tail_at
        stalled = 0
        while position <= length:
            if stack[-1] != state:
                state = stack[-1]
                active = self._active(state)
            pattern, rule_of_group = active.pattern, active.rule_of_group
            if line_tail is not None:
                if not tail_from <= position <= tail_at:
                    found = line_tail.search(text, position)
                    tail_from, tail_at = position, found.start() if found else length + 1
                if position > end_of_line:
                    end_of_line = text.find("\n", position)
                    end_of_line = length if end_of_line < 0 else end_of_line
                if tail_at > end_of_line:
                    pattern, rule_of_group = (
                        active.without_line_rules,
                        active.rule_of_group_without_line_rules,
                    )
            found = pattern.match(text, position)
            if found is None:
                if position >= length:
                    break
                snippet = text[position : position + 20].split("\n")[0]
                raise JisonLexicalError(f"Lexical error: unrecognized text `{snippet}`", line, snippet)
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
                    raise JisonLexicalError(
                        "Lexical error: the lexer makes no progress", line, text[position]
                    )
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


class TokenStream:
    """Cursor over a lazy jison token stream, as jison's parser pulls tokens (a lexical error surfaces when the
    parser reaches it).  Errors name ``line``: the line of the last token consumed, which is what jison reports
    (it syncs its line counter on shifts only)."""

    def __init__(self, tokens: Iterable[Token]) -> None:
        self._tokens = iter(tokens)
        self._buffer: list[Token] = []
        self.line = 1

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
        """Consume the next token (``$end`` stays)."""
        token = self._buffer[0] if self._buffer else self.peek()
        if token.kind != END:
            del self._buffer[0]
        self.line = token.line
        return token

    def accept(self, *kinds: str) -> Token | None:
        if self.kind() in kinds:
            return self.advance()
        return None

    def expect(self, *kinds: str | tuple[str, ...], what: str | None = None) -> Token:
        """The next token, which must be of one of ``kinds`` (tuples of kinds are flattened)."""
        wanted = [kind for group in kinds for kind in ((group,) if isinstance(group, str) else group)]
        if self.kind() in wanted:
            return self.advance()
        raise self.error(what or " or ".join(wanted))

    def fail(self, message: str) -> NoReturn:
        raise MermaidSyntaxError(f"{message}, found {describe(self.peek())}", self.line)

    def error(self, expected: str) -> MermaidSyntaxError:
        return MermaidSyntaxError(f"expected {expected}, found {describe(self.peek())}", self.line)

    def accept_accessibility(self) -> bool:
        """``accTitle: ...``, ``accDescr: ...`` or ``accDescr { ... }`` (see ``ACCESSIBILITY_RULES``)."""
        kind = self.kind()
        if kind == "acc_descr_multiline_value":
            self.advance()
        elif kind in _ACCESSIBILITY_VALUES:
            self.advance()
            self.expect(_ACCESSIBILITY_VALUES[kind])
        else:
            return False
        return True

    def comma_list(self, *kinds: str) -> None:
        """``item (COMMA item)*``: jison's ``idList``."""
        self.expect(*kinds)
        while self.accept("COMMA"):
            self.expect(*kinds)

    def styles(self, *components: str) -> None:
        """jison's ``stylesOpt``: comma-separated runs of style components."""
        self.expect(*components)
        while True:
            if self.accept(*components):
                continue
            if not self.accept("COMMA"):
                return
            self.expect(*components)


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
    """``ACCESSIBILITY_RULES`` as ``Rule`` objects: ``accTitle: ...``, ``accDescr: ...`` and ``accDescr { ... }``
    (values to the end of the line/brace); the keyword rules apply in INITIAL and the inclusive states."""
    return [
        _table_rule(js_regex(pattern), token, () if where == "*" else (where,), tuple((change or "").split()))
        for where, pattern, token, change in ACCESSIBILITY_RULES
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


# ---------------------------------------------------------------------------------------------
# rule tables and the token-list cursor
# ---------------------------------------------------------------------------------------------

# The compact rule tables of the modules that list their lexer as data: (states, JavaScript regex, token, state
# change).  ``states`` is a space-separated list where ``*`` means INITIAL; a rule applies only in the states it
# lists.  The token may be ``CHAR_TOKEN``; the change is None or space-separated operations, each "pop" or the
# name of a start condition to push.
RuleSpec = tuple[str, str, "str | None", "str | None"]


def build_lexer(rules: Sequence[RuleSpec], flags: int = re.IGNORECASE) -> JisonLexer:
    """A ``JisonLexer`` from a rule table (JavaScript regexes, case-insensitive unless ``flags`` says otherwise)."""
    converted: list[Rule] = []
    states: set[str] = set()
    for where, pattern, token, change in rules:
        names = tuple("INITIAL" if name == "*" else name for name in where.split())
        states.update(names)
        converted.append(_table_rule(js_regex(pattern), token, names, tuple((change or "").split())))
    return JisonLexer(converted, frozenset(states - {"INITIAL"}), bool(flags & re.IGNORECASE))


def _table_rule(
    pattern: str, token: str | None, states: tuple[str, ...], operations: tuple[str, ...]
) -> Rule:
    if token != CHAR_TOKEN and len(operations) <= 2:
        pops = operations[:1] == ("pop",)
        pushes = operations[1:] if pops else operations
        if len(pushes) <= 1 and "pop" not in pushes:
            return Rule(pattern, token, states, push=pushes[0] if pushes else None, pop=pops)

    def act(image: str, stack: list[str], context: Any) -> str | tuple[str, str] | None:
        for operation in operations:  # jison's begin / popState, in order
            if operation != "pop":
                stack.append(operation)
            elif len(stack) > 1:
                stack.pop()
        return (image[:1], image) if token == CHAR_TOKEN else token

    return Rule(pattern, None, states, action=act)


# the accessibility rules every jison grammar of mermaid shares, in their usual order
ACCESSIBILITY_RULES = (
    ("*", r"accTitle\s*:\s*", "acc_title", "acc_title"),
    ("acc_title", r"[^\n]*", "acc_title_value", "pop"),
    ("*", r"accDescr\s*:\s*", "acc_descr", "acc_descr"),
    ("acc_descr", r"[^\n]*", "acc_descr_value", "pop"),
    ("*", r"accDescr\s*\{\s*", None, "acc_descr_multiline"),
    ("acc_descr_multiline", r"\}", None, "pop"),
    ("acc_descr_multiline", r"[^}]*", "acc_descr_multiline_value", None),
)
_ACCESSIBILITY_VALUES = {"acc_title": "acc_title_value", "acc_descr": "acc_descr_value"}

# jison's four `.*direction\s+TB[^\n]*` ... rules: a whole line that mentions a direction anywhere
DIRECTION_RULE = ("*", r".*direction\s+(?:TB|BT|RL|LR)[^\n]*", "direction", None)

ParseFunction = Callable[["TokenStream"], None]


def run_jison(lexer: JisonLexer, text: str, parse_document: ParseFunction) -> None:
    """Lex ``text`` as mermaid hands it to a jison parser and run ``parse_document`` over the tokens."""
    parse_document(TokenStream(lexer.tokens(prepare_jison_text(text))))


# JavaScript's \s, which differs from Python's (it includes U+FEFF, excludes U+001C..U+001F and U+0085).
_JS_SPACE_CHARS = JS_SPACE
_JS_WORD_CHARS = "A-Za-z0-9_"
_OUTSIDE_CLASS = {
    "s": f"[{_JS_SPACE_CHARS}]",
    "S": f"[^{_JS_SPACE_CHARS}]",
    "w": f"[{_JS_WORD_CHARS}]",
    "W": f"[^{_JS_WORD_CHARS}]",
    "d": "[0-9]",
    "D": "[^0-9]",
    "b": f"(?:(?<=[{_JS_WORD_CHARS}])(?![{_JS_WORD_CHARS}])|(?<![{_JS_WORD_CHARS}])(?=[{_JS_WORD_CHARS}]))",
}
# inside a class; \S keeps Python's meaning plus the few characters only Python counts as space
_INSIDE_CLASS = {"s": _JS_SPACE_CHARS, "S": "\\S\\x1c-\\x1f\\x85", "w": _JS_WORD_CHARS, "d": "0-9"}


def js_regex(pattern: str) -> str:
    """Rewrite a JavaScript regular expression (as jison lexers use them) for Python's ``re``.

    Translates what differs: ``\\s``/``\\w``/``\\d``/``\\b`` (ASCII or JS-specific in JS), ``.`` (no line
    terminators) and ``$`` (end of input: JS lexers test the rest of the input without the multiline flag).
    """
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            if escaped == "b" and not in_class and out and out[-1][-1:].isalnum():
                out.append(WORD_END)  # after a letter, a word boundary is just "no word character next"
                index += 2
                continue
            table = _INSIDE_CLASS if in_class else _OUTSIDE_CLASS
            out.append(table.get(escaped, "\\" + escaped))
            index += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
            out.append(char)
        elif char == "[":
            in_class = True
            out.append(char)
            if pattern.startswith("^", index + 1):
                out.append("^")
                index += 1
            if pattern.startswith("]", index + 1):  # a leading ] is a literal in JS too
                out.append("\\]")
                index += 1
        elif char == ".":
            out.append("[^\\n\\r\\u2028\\u2029]")
        elif char == "$":
            out.append("\\Z")
        else:
            out.append(char)
        index += 1
    return "".join(out)


def prepare_jison_text(text: str) -> str:
    """What mermaid hands its parsers: the preprocessed, entity-encoded text plus a newline.

    mermaid's comment clean-up also trims the start of the text (a no-op when the framework has
    done it already), so lines are counted from the first non-blank line."""
    return js_trim_start(text) + "\n"
