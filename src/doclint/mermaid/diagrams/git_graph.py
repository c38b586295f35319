"""Git graphs, modelled on the Langium grammar ``gitGraph.langium`` of @mermaid-js/parser 2.0.1
(the parser mermaid 12.3.0 uses) and on the checks of mermaid's ``gitGraphAst.ts`` that throw.

Langium lexes with Chevrotain: whitespace first, then keywords (longest first; a keyword loses to
a longer identifier-like terminal match), then terminals in grammar order. Any lexer error makes
the diagram invalid and is reported first; otherwise the first parse error is reported, at the line
where the offending token starts. Semantic errors (unknown branches, bad merges, cherry-picks)
carry no line. The branch that exists from the start is ``main`` unless the diagram's
configuration sets ``gitGraph.mainBranchName``; ``parse`` takes that name as an argument.

This module also holds the small Chevrotain-style lexer (``LangiumLexer``, ``LangiumStream``) that
``architecture.py`` reuses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from doclint.mermaid.diagrams.er import Token, TokenStream, compile_js_regex, prepare_jison_text
from doclint.mermaid.model import MermaidSyntaxError

# ---------------------------------------------------------------------------------------------
# Langium / Chevrotain toolkit
# ---------------------------------------------------------------------------------------------

END = "EOF"

# Terminals shared by every mermaid Langium grammar (common.langium), in their lexing order.
ACC_DESCR = ("ACC_DESCR", r"[\t ]*accDescr(?:[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)|\s*\{[^}]*\})")
ACC_TITLE = ("ACC_TITLE", r"[\t ]*accTitle[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)")
TITLE = ("TITLE", r"[\t ]*title(?:[\t ][^\n\r]*?(?=%%)|[\t ][^\n\r]*|)")
STRING = ("STRING", r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")
NEWLINE = ("NEWLINE", r"\r?\n")
HIDDEN = (
    ("YAML", r"---[\t ]*\r?\n(?:[\S\s]*?\r?\n)?---(?:\r?\n|(?!\S))"),
    ("DIRECTIVE", r"[\t ]*%%\{[\S\s]*?\}%%(?:\r?\n|(?!\S))"),
    ("SINGLE_LINE_COMMENT", r"[\t ]*%%[^\n\r]*"),
)
HIDDEN_NAMES = frozenset(name for name, _ in HIDDEN) | {"WHITESPACE"}


@dataclass
class _TokenType:
    name: str
    pattern: re.Pattern[str]
    longer_alternatives: list[_TokenType] = field(default_factory=list)


class LangiumLexer:
    """Chevrotain lexing as Langium sets it up: the first token type that matches wins."""

    def __init__(
        self,
        keywords: Sequence[str],
        terminals: Sequence[tuple[str, str]],
        strict_keywords: Sequence[str] = (),
    ) -> None:
        terminal_types = [_TokenType(name, compile_js_regex(pattern)) for name, pattern in terminals]
        keyword_types = [
            self._keyword_type(keyword, terminal_types, keyword in strict_keywords)
            for keyword in sorted(keywords, key=len, reverse=True)
        ]
        self._types = [_TokenType("WHITESPACE", re.compile(r"[\t ]+")), *keyword_types, *terminal_types]
        # alternatives are tried left to right, as Chevrotain tries token types: one regex call
        self._any = re.compile(
            "|".join(f"(?P<t{index}>{kind.pattern.pattern})" for index, kind in enumerate(self._types))
        )

    @staticmethod
    def _keyword_type(keyword: str, terminals: list[_TokenType], strict: bool) -> _TokenType:
        pattern = re.escape(keyword)
        if strict:  # mermaid's token builder: nothing but whitespace (or a comment) may follow
            pattern += r"(?:(?=%%)|(?!\S))"
        # a terminal that could match the keyword as a whole may also match a longer word
        alternatives = [terminal for terminal in terminals if terminal.pattern.fullmatch(keyword)]
        return _TokenType(keyword, re.compile(pattern), alternatives)

    def tokenize(self, text: str) -> list[Token]:
        """Visible tokens, each with the line it starts on, ending with EOF; raises on the first
        lexer error (mermaid reports lexer errors before parse errors)."""
        tokens: list[Token] = []
        position, line, length = 0, 1, len(text)
        while position < length:
            kind, end = self._match(text, position)
            if kind is None:
                raise MermaidSyntaxError(f"Lexer error: unexpected character {text[position]!r}", line)
            if kind not in HIDDEN_NAMES:
                tokens.append(Token(kind, text[position:end], line))
            line += text.count("\n", position, end)
            position = end
        tokens.append(Token(END, "", line))
        return tokens

    def _match(self, text: str, position: int) -> tuple[str | None, int]:
        match = self._any.match(text, position)
        if match is None:
            return None, position
        token_type = self._types[int(match.lastgroup[1:])]  # type: ignore[index]
        end = match.end()
        for alternative in token_type.longer_alternatives:
            longer = alternative.pattern.match(text, position)
            if longer is not None and longer.end() > end:
                return alternative.name, longer.end()
        return token_type.name, end


class LangiumStream(TokenStream):
    """Cursor over Langium tokens; errors point at the line where the offending token starts."""

    def end_of_line(self) -> None:
        """``EOL: NEWLINE+ | EOF``."""
        if self.kind == END:
            return
        self.expect("NEWLINE")
        while self.accept("NEWLINE"):
            pass

    def error(self, expected: str) -> MermaidSyntaxError:
        token = self.peek()
        found = "end of input" if token.kind == END else repr(token.text)
        return MermaidSyntaxError(f"Parse error: expected {expected}, found {found}", token.line)


def string_value(token: Token) -> str:
    """Langium's STRING value: quotes removed, backslash escapes resolved."""
    if token.kind != "STRING":
        return token.text
    return re.sub(r"\\(.)", lambda match: _ESCAPES.get(match.group(1), match.group(1)), token.text[1:-1])


_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "0": "\0"}


# ---------------------------------------------------------------------------------------------
# gitGraph grammar
# ---------------------------------------------------------------------------------------------

_COMMIT_TYPES = ("NORMAL", "REVERSE", "HIGHLIGHT")
_DIRECTIONS = ("LR", "TB", "BT")
_KEYWORDS = (
    "gitGraph", ":", "gitGraph:", *_DIRECTIONS, "commit", "id:", "msg:", "tag:", "type:", *_COMMIT_TYPES,
    "branch", "order:", "merge", "checkout", "switch", "cherry-pick", "parent:",
)  # fmt: skip
_LEXER = LangiumLexer(
    _KEYWORDS,
    [
        ACC_DESCR,
        ACC_TITLE,
        TITLE,
        ("INT", r"(?:0|[1-9][0-9]*)(?!\.)"),
        STRING,
        NEWLINE,
        *HIDDEN,
        ("REFERENCE", r"\w(?:[-./\w]*[-\w])?"),
    ],
    strict_keywords=("gitGraph",),
)
_BRANCH_NAME = ("REFERENCE", "STRING")
_TITLE_TOKENS = ("ACC_DESCR", "ACC_TITLE", "TITLE")
DEFAULT_MAIN_BRANCH = "main"  # mermaid's gitGraph.mainBranchName unless the config sets another


@dataclass
class _Commit:
    id: str
    branch: str
    parents: list[str]
    is_merge: bool = False


@dataclass
class _Statement:
    keyword: str
    name: str | None = None
    options: dict[str, str] = field(default_factory=dict)


def parse(text: str, main_branch_name: str = DEFAULT_MAIN_BRANCH) -> None:
    """``main_branch_name`` is the ``gitGraph.mainBranchName`` of the diagram's configuration
    (front matter or ``%%{init}%%``): the branch that exists before the first statement."""
    stream = LangiumStream(_LEXER.tokenize(prepare_jison_text(text)))
    statements = _parse_diagram(stream)
    _GitHistory(main_branch_name).replay(statements)


def _parse_diagram(stream: LangiumStream) -> list[_Statement]:
    while stream.accept("NEWLINE"):
        pass
    _parse_header(stream)
    statements: list[_Statement] = []
    while stream.kind != END:
        if stream.accept("NEWLINE"):
            continue
        if stream.kind in _TITLE_TOKENS:
            stream.take()
            stream.end_of_line()
            continue
        parser = _STATEMENT_PARSERS.get(stream.kind)
        if parser is None:
            raise stream.error("a gitGraph statement (commit, branch, checkout, merge, cherry-pick)")
        statements.append(parser(stream))
    return statements


def _parse_header(stream: LangiumStream) -> None:
    """``gitGraph``, ``gitGraph:``, ``gitGraph :`` or ``gitGraph LR:``."""
    if stream.accept("gitGraph:"):
        return
    stream.expect("gitGraph")
    if stream.kind == ":":
        stream.take()
    elif stream.kind in _DIRECTIONS and stream.peek(1).kind == ":":
        stream.take()
        stream.take()


def _parse_options(
    stream: LangiumStream, statement: _Statement, allowed: dict[str, tuple[str, ...]]
) -> _Statement:
    """The ``(key: value)*`` loop of commit, merge and cherry-pick, then EOL."""
    while True:
        kind = stream.kind
        if kind in allowed:
            stream.take()
            statement.options[kind.rstrip(":")] = string_value(stream.expect(*allowed[kind]))
        elif kind == "STRING" and "msg:" in allowed:
            statement.options["msg"] = string_value(stream.take())
        else:
            break
    stream.end_of_line()
    return statement


_STRING_ONLY = ("STRING",)


def _parse_commit(stream: LangiumStream) -> _Statement:
    stream.take()
    allowed = {"id:": _STRING_ONLY, "msg:": _STRING_ONLY, "tag:": _STRING_ONLY, "type:": _COMMIT_TYPES}
    return _parse_options(stream, _Statement("commit"), allowed)


def _parse_branch(stream: LangiumStream) -> _Statement:
    stream.take()
    statement = _Statement("branch", string_value(stream.expect(*_BRANCH_NAME)))
    if stream.accept("order:"):
        stream.expect("INT")
    stream.end_of_line()
    return statement


def _parse_merge(stream: LangiumStream) -> _Statement:
    stream.take()
    statement = _Statement("merge", string_value(stream.expect(*_BRANCH_NAME)))
    allowed = {"id:": _STRING_ONLY, "tag:": _STRING_ONLY, "type:": _COMMIT_TYPES}
    return _parse_options(stream, statement, allowed)


def _parse_checkout(stream: LangiumStream) -> _Statement:
    stream.take()
    statement = _Statement("checkout", string_value(stream.expect(*_BRANCH_NAME)))
    stream.end_of_line()
    return statement


def _parse_cherry_pick(stream: LangiumStream) -> _Statement:
    stream.take()
    allowed = {"id:": _STRING_ONLY, "tag:": _STRING_ONLY, "parent:": _STRING_ONLY}
    return _parse_options(stream, _Statement("cherry-pick"), allowed)


_STATEMENT_PARSERS = {
    "commit": _parse_commit,
    "branch": _parse_branch,
    "merge": _parse_merge,
    "checkout": _parse_checkout,
    "switch": _parse_checkout,
    "cherry-pick": _parse_cherry_pick,
}


class _GitHistory:
    """Replays the statements like mermaid's gitGraph database, raising where it throws."""

    def __init__(self, main_branch_name: str) -> None:
        self.commits: dict[str, _Commit] = {}
        self.branches: dict[str, str | None] = {main_branch_name: None}  # branch -> head commit id
        self.current = main_branch_name
        self.head: _Commit | None = None
        self.sequence = 0

    def replay(self, statements: list[_Statement]) -> None:
        for statement in statements:
            handler = getattr(self, "_" + statement.keyword.replace("-", "_"))
            handler(statement)

    def _new_id(self) -> str:
        self.sequence += 1
        return f"\0auto-{self.sequence}"  # mermaid generates random ids nobody can reference

    def _add(self, commit: _Commit) -> None:
        self.head = commit
        self.commits[commit.id] = commit
        self.branches[self.current] = commit.id

    def _parents(self, *others: str) -> list[str]:
        return [] if self.head is None else [self.head.id, *others]

    def _commit(self, statement: _Statement) -> None:
        commit_id = statement.options.get("id") or self._new_id()
        self._add(_Commit(commit_id, self.current, self._parents()))

    def _branch(self, statement: _Statement) -> None:
        name = statement.name or ""
        if name in self.branches:
            raise MermaidSyntaxError(f'Trying to create an existing branch "{name}": use "checkout {name}"')
        self.branches[name] = self.head.id if self.head else None
        self._checkout(statement)

    def _checkout(self, statement: _Statement) -> None:
        name = statement.name or ""
        if name not in self.branches:
            raise MermaidSyntaxError(f'Trying to checkout branch "{name}" which is not yet created')
        self.current = name
        head_id = self.branches[name]
        self.head = self.commits.get(head_id) if head_id else None

    def _merge(self, statement: _Statement) -> None:
        other = statement.name or ""
        current_id, other_id = self.branches.get(self.current), self.branches.get(other)
        current_commit = self.commits.get(current_id) if current_id else None
        other_commit = self.commits.get(other_id) if other_id else None
        if current_commit and other_commit and current_commit.branch == other:
            raise MermaidSyntaxError(f"Cannot merge branch '{other}' into itself")
        if self.current == other:
            raise MermaidSyntaxError('Incorrect usage of "merge": cannot merge a branch into itself')
        if current_commit is None:
            raise MermaidSyntaxError(
                f'Incorrect usage of "merge": current branch ({self.current}) has no commits'
            )
        if other not in self.branches:
            raise MermaidSyntaxError(
                f'Incorrect usage of "merge": branch to be merged ({other}) does not exist'
            )
        if other_commit is None:
            raise MermaidSyntaxError(
                f'Incorrect usage of "merge": branch to be merged ({other}) has no commits'
            )
        if current_commit is other_commit:
            raise MermaidSyntaxError('Incorrect usage of "merge": both branches have the same head')
        custom_id = statement.options.get("id")
        if custom_id and custom_id in self.commits:
            raise MermaidSyntaxError(f'Incorrect usage of "merge": commit id "{custom_id}" already exists')
        commit_id = custom_id or self._new_id()
        self._add(_Commit(commit_id, self.current, self._parents(other_id or ""), is_merge=True))

    def _cherry_pick(self, statement: _Statement) -> None:
        source_id = statement.options.get("id")
        parent_id = statement.options.get("parent")
        source = self.commits.get(source_id) if source_id else None
        if source is None:
            raise MermaidSyntaxError('Incorrect usage of "cherry-pick": the source commit id must exist')
        if parent_id and parent_id not in source.parents:
            raise MermaidSyntaxError(
                f'cherry-pick: "{parent_id}" is not an immediate parent of "{source_id}"'
            )
        if source.is_merge and not parent_id:
            raise MermaidSyntaxError(
                "cherry-pick of a merge commit needs `parent:` naming one of its parents"
            )
        if source.branch == self.current:
            raise MermaidSyntaxError(
                'Incorrect usage of "cherry-pick": the source commit is already on this branch'
            )
        current_id = self.branches.get(self.current)
        if not current_id or current_id not in self.commits:
            raise MermaidSyntaxError(
                f'Incorrect usage of "cherry-pick": current branch ({self.current}) has no commits'
            )
        self._add(_Commit(self._new_id(), self.current, self._parents(source.id)))
