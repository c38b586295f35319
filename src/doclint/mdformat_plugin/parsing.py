"""markdown-it rules for the Docusaurus constructs mdformat must keep: every token records its source."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from doclint.parsing.directives import _emit, _find_closer, parse_opener
from doclint.site import DEFAULT_ADMONITION_KEYWORDS

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererHTML
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

_LEGACY_OPENER = re.compile(r"(:{3,}(?:" + "|".join(DEFAULT_ADMONITION_KEYWORDS) + r")) +(.*)$")
_ESM_START = re.compile(r"(?:import|export)\b")
# `[//]: # 'note'`: a reference definition used as a comment; mdformat would drop it as unused
_COMMENT_DEFINITION = re.compile(r"\[[^\]]+\]:[ \t]*#(?:[ \t].*)?$")
_JSX_START = re.compile(r"<(?:[A-Za-z_$/>])")
VERBATIM_BLOCKS = ("mdx_esm", "mdx_flow", "jsx_block", "gfm_table", "comment_definition")
VERBATIM_INLINE = ("mdx_expression", "jsx_inline")


def update_mdit(mdit: MarkdownIt) -> None:
    mdit.use(front_matter_plugin)
    mdit.use(footnote_plugin, inline=False, move_to_end=False)  # GFM footnotes, definitions where written
    mdit.disable("code")  # Docusaurus compiles .md and .mdx as MDX by default: MDX has no indented code
    mdit.block.ruler.before("fence", "gfm_table", _table, {"alt": ["paragraph", "reference"]})
    mdit.block.ruler.before(
        "fence", "docusaurus_container", _container, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    mdit.block.ruler.before("reference", "comment_definition", _comment_definition)
    mdit.block.ruler.before("html_block", "mdx_esm", _esm)
    mdit.block.ruler.before("html_block", "mdx_flow", _flow_expression)
    mdit.block.ruler.before("html_block", "jsx_block", _jsx_block)
    mdit.inline.ruler.before("html_inline", "mdx_expression", _inline_expression)
    mdit.inline.ruler.before("html_inline", "jsx_inline", _inline_jsx)
    for name in (*VERBATIM_BLOCKS, *VERBATIM_INLINE):
        mdit.add_render_rule(name, _html_verbatim, fmt="html")
    mdit.add_render_rule("container_directive_open", _html_container_open, fmt="html")


# -- scanning ------------------------------------------------------------------------------------------


def balanced_end(text: str, start: int, opening: str = "{", closing: str = "}") -> int:
    """Index just after the group opened at ``text[start]``, skipping JavaScript strings; -1 if unclosed."""
    depth = 0
    index = start
    while index < len(text):
        char = text[index]
        if char in "\"'`" and opening == "{" and depth > 0:
            index = _string_end(text, index)
            if index < 0:
                return -1
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return -1


def _string_end(text: str, start: int) -> int:
    quote = text[start]
    index = start + 1
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == quote:
            return index + 1
        index += 1
    return -1


def jsx_tag_end(text: str, start: int) -> int:
    """Index just after the JSX tag at ``text[start]`` (``<``), attributes with strings and ``{…}``; -1 if none."""
    match = re.compile(r"</?(?:[A-Za-z_$][\w$.:-]*)?").match(text, start)
    if match is None:
        return -1
    index = match.end()
    while index < len(text):
        char = text[index]
        if char == ">":
            return index + 1
        if char in "\"'":
            index = _string_end(text, index)
        elif char == "{":
            index = balanced_end(text, index)
        elif char == "<":
            return -1
        else:
            index += 1
        if index < 0:
            return -1
    return -1


# -- block rules ---------------------------------------------------------------------------------------


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _lines_from(state: StateBlock, first: int, last: int) -> str:
    """Lines ``first``..``last`` (exclusive) without the parents' prefixes, extra indentation kept."""
    kept = []
    for number in range(first, last):
        extra = max(state.sCount[number] - state.blkIndent, 0)
        kept.append(" " * extra + _line(state, number))
    return "\n".join(kept)


def _container(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    line = _line(state, start_line)
    if not line.startswith(":::"):
        return False
    parts = parse_opener(line)
    if parts is None:
        legacy = _LEGACY_OPENER.match(line)
        parts = parse_opener(f"{legacy[1]}[{legacy[2]}]") if legacy else None
    if parts is None:
        return False
    if silent:
        return True
    close_line, closed = _find_closer(state, start_line, end_line, parts.colons, True)
    _emit(state, start_line, close_line, closed, parts, line.rstrip())
    return True


def _table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A GFM table, as Docusaurus reads it, kept as written (mdformat has no table renderer of its own)."""
    from markdown_it.rules_block import table

    first_token = len(state.tokens)
    if not table(state, start_line, end_line, silent):
        return False
    if not silent:
        next_line = state.line
        del state.tokens[first_token:]
        _verbatim_token(state, "gfm_table", start_line, next_line)
    return True


def _verbatim_token(state: StateBlock, kind: str, start_line: int, next_line: int) -> None:
    token = state.push(kind, "", 0)
    token.block = True
    token.content = _lines_from(state, start_line, next_line)
    token.map = [start_line, next_line]
    state.line = next_line


def _comment_definition(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if not _COMMENT_DEFINITION.match(_line(state, start_line)):
        return False
    if not silent:
        _verbatim_token(state, "comment_definition", start_line, start_line + 1)
    return True


def _esm(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """MDX ESM: ``import``/``export`` at the top level, up to the next blank line."""
    if state.level != 0 or state.sCount[start_line] != 0 or not _ESM_START.match(_line(state, start_line)):
        return False
    if silent:
        return True
    next_line = start_line + 1
    while next_line < end_line and not state.isEmpty(next_line):
        next_line += 1
    _verbatim_token(state, "mdx_esm", start_line, next_line)
    return True


def _flow_expression(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """An MDX expression or comment ``{…}`` that fills its lines."""
    return _flow(state, start_line, end_line, silent, "{", "mdx_flow", lambda text: balanced_end(text, 0))


def _jsx_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """JSX or HTML that starts with tags filling their line(s): kept as written up to the next blank line.

    Like a CommonMark HTML block, but a tag may span lines and hold ``{…}`` attribute values, as in MDX.
    The text after the tags is not reformatted: a blank line inserted there could change what MDX reads.
    """

    def tags_end(text: str) -> int:
        index = 0
        while True:
            end = jsx_tag_end(text, index)
            if end < 0:
                return -1
            rest = text[end:]
            stripped = rest.lstrip(" \t")
            if not stripped or stripped.startswith("\n"):
                return end
            if not _JSX_START.match(stripped):
                return -1
            index = end + len(rest) - len(stripped)

    if not _JSX_START.match(_line(state, start_line)):
        return False
    text = "\n".join(_line(state, number) for number in range(start_line, end_line))
    end = tags_end(text)
    if end < 0:
        return False
    if silent:
        return True
    next_line = start_line + text[:end].count("\n") + 1
    while (
        next_line < end_line and not state.isEmpty(next_line) and state.sCount[next_line] >= state.blkIndent
    ):
        next_line += 1
    _verbatim_token(state, "jsx_block", start_line, next_line)
    return True


def _flow(
    state: StateBlock, start_line: int, end_line: int, silent: bool, first: str, kind: str, scan
) -> bool:  # type: ignore[no-untyped-def]
    if not _line(state, start_line).startswith(first):
        return False
    text = "\n".join(_line(state, number) for number in range(start_line, end_line))
    end = scan(text)
    if end < 0 or text[end:].split("\n", 1)[0].strip():
        return False
    if silent:
        return True
    _verbatim_token(state, kind, start_line, start_line + text[:end].count("\n") + 1)
    return True


# -- inline rules --------------------------------------------------------------------------------------


def _inline_expression(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "{":
        return False
    end = balanced_end(state.src, state.pos)
    return end > 0 and _inline_verbatim(state, silent, "mdx_expression", end)


def _inline_jsx(state: StateInline, silent: bool) -> bool:
    if not _JSX_START.match(state.src, state.pos):
        return False
    end = jsx_tag_end(state.src, state.pos)
    return end > 0 and _inline_verbatim(state, silent, "jsx_inline", end)


def _inline_verbatim(state: StateInline, silent: bool, kind: str, end: int) -> bool:
    if not silent:
        token = state.push(kind, "", 0)
        token.content = state.src[state.pos : end]
    state.pos = end
    return True


# -- HTML, for mdformat's own before/after comparison ----------------------------------------------------


def _html_verbatim(self: RendererHTML, tokens: list[Token], index: int, options, env) -> str:  # type: ignore[no-untyped-def]
    return f"<verbatim>{html.escape(tokens[index].content)}</verbatim>"


def _html_container_open(self: RendererHTML, tokens: list[Token], index: int, options, env) -> str:  # type: ignore[no-untyped-def]
    return f'<div data-directive="{html.escape(tokens[index].meta["opener_text"])}">'
