"""Docusaurus container directives (``:::note[Title]`` … ``:::``) as a markdown-it block rule.

Modelled on micromark-extension-directive, which Docusaurus uses through remark-directive:
- an opener is ``:::`` (three or more colons), a name, an optional ``[label]`` and ``{attributes}``, then
  only whitespace; anything else on the line means the line is plain paragraph text;
- the closer is a line of at least as many colons as the opener and nothing else; the enclosing
  container's closer is checked first on every line, so an inner container with as many colons as its
  parent closes the parent;
- an unclosed container silently runs to the end of its parent (document, list item, block quote);
- a container may interrupt a paragraph; in MDX there is no indented code, so any indentation works.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.rules_block import StateBlock

NAME = r"[A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z0-9])?"
_OPENER = re.compile(r"(?P<colons>:{3,})(?P<name>" + NAME + r")(?P<rest>.*)$")
_CLOSER = re.compile(r"(?P<colons>:{3,})[ \t]*$")


@dataclass(frozen=True)
class OpenerParts:
    colons: int
    name: str
    label: str | None
    attributes: str | None


def parse_opener(line: str) -> OpenerParts | None:
    """Split an opener line (indentation already removed); None when micromark would not open one."""
    match = _OPENER.match(line)
    if match is None:
        return None
    rest = match.group("rest")
    label, rest = _take_bracketed(rest, "[", "]")
    if label is False:
        return None
    attributes, rest = _take_bracketed(rest, "{", "}")
    if attributes is False or rest.strip(" \t"):
        return None
    return OpenerParts(len(match.group("colons")), match.group("name"), label, attributes)


def _take_bracketed(text: str, opening: str, closing: str) -> tuple[str | None | bool, str]:
    """Take a balanced ``[...]``/``{...}`` group at the start of ``text``.

    Returns (content or None when absent, remaining text), or (False, text) when the group never closes.
    """
    if not text.startswith(opening):
        return None, text
    depth = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            index += 2
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return text[1:index], text[index + 1 :]
        index += 1
    return False, text


def is_closer(line: str, min_colons: int) -> bool:
    match = _CLOSER.match(line)
    return match is not None and len(match.group("colons")) >= min_colons


def make_directive_rule(mdx: bool):
    """The block rule; ``mdx`` lifts the four-space indentation limit as MDX does."""

    def directive_container(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        indent = state.sCount[start_line] - state.blkIndent
        if indent >= 4 and not mdx:
            return False
        start = state.bMarks[start_line] + state.tShift[start_line]
        if not state.src.startswith(":::", start, state.eMarks[start_line]):
            return False  # tried on every line that could end a paragraph: decided before slicing the line
        line = state.src[start : state.eMarks[start_line]]
        parts = parse_opener(line)
        if parts is None:
            return False
        if silent:
            return True
        close_line, closed = _find_closer(state, start_line, end_line, parts.colons, mdx)
        _emit(state, start_line, close_line, closed, parts, line)
        return True

    return directive_container


def _find_closer(
    state: StateBlock, start_line: int, end_line: int, colons: int, mdx: bool
) -> tuple[int, bool]:
    next_line = start_line + 1
    while next_line < end_line:
        if state.isEmpty(next_line):
            next_line += 1
            continue
        if state.sCount[next_line] < state.blkIndent:
            break  # the parent (list item) ends here: the container is unclosed
        start = state.bMarks[next_line] + state.tShift[next_line]
        text = state.src[start : state.eMarks[next_line]]
        close_indent = state.sCount[next_line] - state.blkIndent
        if (mdx or close_indent < 4) and is_closer(text, colons):
            return next_line, True
        next_line += 1
    return next_line, False


def _emit(
    state: StateBlock, start_line: int, close_line: int, closed: bool, parts: OpenerParts, line: str
) -> None:
    old_parent, old_line_max = state.parentType, state.lineMax
    state.parentType = "directive"  # type: ignore[assignment]
    state.lineMax = close_line
    opener = state.push("container_directive_open", "div", 1)
    opener.markup = ":" * parts.colons
    opener.info = parts.name
    opener.block = True
    opener.map = [start_line, close_line + 1 if closed else close_line]
    opener.meta = {
        "name": parts.name,
        "label": parts.label,
        "attributes": parts.attributes,
        "colons": parts.colons,
        "closed": closed,
        "close_line": close_line if closed else None,
        "opener_text": line,
    }
    state.md.block.tokenize(state, start_line + 1, close_line)
    closer = state.push("container_directive_close", "div", -1)
    closer.markup = opener.markup
    closer.block = True
    state.parentType, state.lineMax = old_parent, old_line_max
    state.line = close_line + 1 if closed else close_line
