"""Git graphs, modelled on the Langium grammar ``gitGraph.langium`` of @mermaid-js/parser 2.0.1
(the parser mermaid 12.3.0 uses) and on the checks of mermaid's ``gitGraphAst.ts`` that throw.

Langium lexes with Chevrotain: whitespace first, then keywords (longest first; a keyword loses to
a longer identifier-like terminal match), then terminals in grammar order. Any lexer error makes
the diagram invalid and is reported first; otherwise the first parse error is reported, at the line
where the offending token starts. Semantic errors (unknown branches, bad merges, cherry-picks)
carry no line. The branch that exists from the start is ``main`` unless the diagram's
configuration sets ``gitGraph.mainBranchName``; ``parse`` takes that name as an argument.
Lexing and token handling come from ``_langium``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from doclint.mermaid.diagrams._langium import (
    COMMON_HIDDEN,
    EOF,
    Token,
    TokenStream,
    common,
    grammar_lexer,
    open_stream,
    terminal,
)
from doclint.mermaid.model import MermaidSyntaxError


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
_LEXER = grammar_lexer(
    _KEYWORDS,
    [
        *common("ACC_DESCR", "ACC_TITLE", "TITLE", "INT", "STRING", "NEWLINE"),
        *COMMON_HIDDEN[1:],
        terminal("REFERENCE", r"[A-Za-z0-9_](?:[-./A-Za-z0-9_]*[-A-Za-z0-9_])?"),
    ],
    restricted=("gitGraph",),
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
    stream = open_stream(_LEXER, text)
    statements = _parse_diagram(stream)
    _GitHistory(main_branch_name).replay(statements)


def _parse_diagram(stream: TokenStream) -> list[_Statement]:
    while stream.accept("NEWLINE"):
        pass
    _parse_header(stream)
    statements: list[_Statement] = []
    while stream.kind() != EOF:
        if stream.accept("NEWLINE"):
            continue
        if stream.kind() in _TITLE_TOKENS:
            stream.advance()
            stream.end_of_line()
            continue
        parser = _STATEMENT_PARSERS.get(stream.kind())
        if parser is None:
            raise stream.error("a gitGraph statement (commit, branch, checkout, merge, cherry-pick)")
        statements.append(parser(stream))
    return statements


def _parse_header(stream: TokenStream) -> None:
    """``gitGraph``, ``gitGraph:``, ``gitGraph :`` or ``gitGraph LR:``."""
    if stream.accept("gitGraph:"):
        return
    stream.expect("gitGraph")
    if stream.kind() == ":":
        stream.advance()
    elif stream.kind() in _DIRECTIONS and stream.peek(1).kind == ":":
        stream.advance()
        stream.advance()


def _parse_options(
    stream: TokenStream, statement: _Statement, allowed: dict[str, tuple[str, ...]]
) -> _Statement:
    """The ``(key: value)*`` loop of commit, merge and cherry-pick, then EOL."""
    while True:
        kind = stream.kind()
        if kind in allowed:
            stream.advance()
            statement.options[kind.rstrip(":")] = string_value(stream.expect(*allowed[kind]))
        elif kind == "STRING" and "msg:" in allowed:
            statement.options["msg"] = string_value(stream.advance())
        else:
            break
    stream.end_of_line()
    return statement


_STRING_ONLY = ("STRING",)


def _parse_commit(stream: TokenStream) -> _Statement:
    stream.advance()
    allowed = {"id:": _STRING_ONLY, "msg:": _STRING_ONLY, "tag:": _STRING_ONLY, "type:": _COMMIT_TYPES}
    return _parse_options(stream, _Statement("commit"), allowed)


def _parse_branch(stream: TokenStream) -> _Statement:
    stream.advance()
    statement = _Statement("branch", string_value(stream.expect(*_BRANCH_NAME)))
    if stream.accept("order:"):
        stream.expect("INT")
    stream.end_of_line()
    return statement


def _parse_merge(stream: TokenStream) -> _Statement:
    stream.advance()
    statement = _Statement("merge", string_value(stream.expect(*_BRANCH_NAME)))
    allowed = {"id:": _STRING_ONLY, "tag:": _STRING_ONLY, "type:": _COMMIT_TYPES}
    return _parse_options(stream, statement, allowed)


def _parse_checkout(stream: TokenStream) -> _Statement:
    stream.advance()
    statement = _Statement("checkout", string_value(stream.expect(*_BRANCH_NAME)))
    stream.end_of_line()
    return statement


def _parse_cherry_pick(stream: TokenStream) -> _Statement:
    stream.advance()
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
