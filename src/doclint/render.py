"""What Docusaurus would render, block by block: the evidence that a fix or a format changes only what it meant to.

A document renders to a sequence of *units*: the front matter (its data), the head of every container (an
admonition with its type, title and attributes; a list with its start number; a list item; a block quote; a
footnote definition) and every leaf block (paragraph, heading with its Docusaurus id, code, table, HTML/JSX
block), each with the source lines it came from. The rendering follows Docusaurus, not CommonMark: legacy
``:::note Title`` openers read as titles, MDX comments render nothing (and so do HTML comments in MDX while
mdx1Compat.comments is on), explicit heading ids leave the heading text and become its id.

``render_difference`` compares two versions of a document outside the lines an edit touched: every unit
there must render the same, in the same order. Whitespace runs count as one space except in code.
"""

from __future__ import annotations

import difflib
import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from doclint.diagnostics import Edit
from doclint.document import Document, parser_text
from doclint.source import SourceText

if TYPE_CHECKING:
    from markdown_it.token import Token

_CONTAINERS = {
    "blockquote_open",
    "bullet_list_open",
    "ordered_list_open",
    "list_item_open",
    "container_directive_open",
    "footnote_reference_open",
    "footnote_block_open",
}
_CODE_LEAVES = {"fence", "code_block"}
_INVISIBLE = {"definition"}  # link reference definitions render nothing
_MDX_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.DOTALL)
_FLOW_MDX_COMMENT = re.compile(r"^[ \t]*\{/\*(?:(?!\*/\}).)*\*/\}[ \t]*$", re.MULTILINE | re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CLASSIC_ID_SUFFIX = re.compile(r"\s*\{#[^}]*\}\s*$")
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_BLOCK_END = re.compile(r"\s+(</(?:h[1-6]|p|li|td|th)>)")


@dataclass(frozen=True)
class Unit:
    """One rendered piece of the page and the source lines (1-based, inclusive) it came from."""

    first_line: int
    last_line: int
    signature: str

    def touches(self, regions: Iterable[tuple[int, int]]) -> bool:
        return any(first <= self.last_line and self.first_line <= last for first, last in regions)


def render_units(document: Document) -> list[Unit]:
    """The page as Docusaurus would render it, as a sequence of units."""
    from doclint.parsing import markdown  # the parser is loaded only when something is rendered

    md = markdown.parser(document.is_mdx)
    env: dict[str, Any] = {}
    tokens = md.parse(_blank_flow_comments(document, parser_text(document)), env)
    units: list[Unit] = []
    if document.front_matter is not None:
        data = json.dumps(document.front_matter.data, sort_keys=True, default=str)
        units.append(Unit(1, document.front_matter.end_line, f"front matter {data}"))
    _Renderer(document, md, env).collect(tokens, units)
    return units


class _Renderer:
    def __init__(self, document: Document, md: Any, env: dict[str, Any]) -> None:
        self.document = document
        self.md = md
        self.env = env
        self.headings = {heading.line: heading for heading in document.headings}
        # remark-comment (mdx1Compat.comments) reads HTML comments as comments in both formats
        self.strip_html_comments = document.settings.mdx1_compat.comments

    def collect(self, tokens: list[Token], units: list[Unit]) -> None:
        kinds: list[str] = []  # the containers around the current token
        index = 0
        while index < len(tokens):
            token = tokens[index]
            first, last = _lines(token)
            if token.type in _CONTAINERS:
                units.append(Unit(first, first, f"{'/'.join(kinds)} {self._head(token)}"))
                kinds.append(token.type.removesuffix("_open"))
                index += 1
                continue
            if token.type in _INVISIBLE:
                index += 1
                continue
            if token.nesting == -1:
                if kinds:
                    kinds.pop()
                index += 1
                continue
            end = _matching_close(tokens, index)
            signature = self._leaf(tokens[index : end + 1])
            if signature:
                units.append(Unit(first, last, f"{'/'.join(kinds)} {signature}"))
            index = end + 1

    def _head(self, token: Token) -> str:
        if token.type == "container_directive_open":
            meta = token.meta
            return f"<directive {meta['name']} title={meta['label']!r} attributes={meta['attributes']!r}>"
        if token.type == "ordered_list_open":
            return f"<ol start={token.attrGet('start') or 1}>"
        if token.type == "footnote_reference_open":
            return f"<footnote {(token.meta or {}).get('label', '')}>"
        return f"<{token.type.removesuffix('_open')}>"

    def _leaf(self, tokens: list[Token]) -> str:
        first = tokens[0]
        if first.type in _CODE_LEAVES:
            return self.md.renderer.render(tokens, self.md.options, self.env)
        if first.type == "heading_open":
            rendered = self._heading(tokens)
        else:
            rendered = self.md.renderer.render(tokens, self.md.options, self.env)
        if self.document.is_mdx:
            rendered = _MDX_COMMENT.sub("", rendered)
        if self.strip_html_comments:
            rendered = _HTML_COMMENT.sub("", rendered)
        rendered = _SPACE_BEFORE_BLOCK_END.sub(r"\1", _SPACES.sub(" ", rendered))
        return _EMPTY_PARAGRAPH.sub("", rendered).strip()

    def _heading(self, tokens: list[Token]) -> str:
        opener, inline = tokens[0], tokens[1]
        heading = self.headings.get(opener.map[0] + 1) if opener.map else None
        children = list(inline.children or [])
        if heading is not None and heading.id_form == "classic" and children and children[-1].type == "text":
            last = children[-1].copy()
            last.content = _CLASSIC_ID_SUFFIX.sub("", last.content)
            children[-1] = last
        text = self.md.renderer.renderInline(children, self.md.options, self.env)
        identifier = html.escape(heading.id) if heading is not None else ""
        return f'<{opener.tag} id="{identifier}">{text}</{opener.tag}>'


def _blank_flow_comments(document: Document, text: str) -> str:
    """In MDX a comment alone on its lines is a flow expression: it ends a paragraph, as a blank line does."""
    if not document.is_mdx:
        return text

    def blank(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in document.code_ranges):
            return match.group(0)
        return "\n" * match.group(0).count("\n")

    return _FLOW_MDX_COMMENT.sub(blank, text)


def _lines(token: Token) -> tuple[int, int]:
    """1-based inclusive source lines; (0, 0) for tokens without a position (always compared)."""
    if not token.map:
        return 0, 0
    start, end = token.map
    return start + 1, max(end, start + 1)


def _matching_close(tokens: list[Token], index: int) -> int:
    if tokens[index].nesting != 1:
        return index
    depth = 0
    for position in range(index, len(tokens)):
        depth += tokens[position].nesting
        if depth == 0:
            return position
    return len(tokens) - 1


def edited_regions(
    before: SourceText, after: SourceText, edits: Sequence[Edit], scopes: Sequence[tuple[int, int]] = ()
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The lines each edit touches (and each declared scope covers), in the text before and after.

    Edits do not overlap. A region includes the line where it ends, so an insertion at the start of a line
    counts that line as touched on both sides (``"\\n"`` inserted before an opener touches the opener
    before and after).
    """
    spans = sorted(
        (before.offset(e.line, e.column), before.offset(e.end_line, e.end_column), e.replacement)
        for e in edits
    )
    regions_before: list[tuple[int, int]] = []
    regions_after: list[tuple[int, int]] = []
    shifts: list[tuple[int, int, int]] = []  # (start, end, change in line count) of each edit, before
    shift = 0
    for start, end, replacement in spans:
        end = max(start, end)
        regions_before.append((before.position(start)[0], before.position(end)[0]))
        after_start = start + shift
        regions_after.append(
            (after.position(after_start)[0], after.position(after_start + len(replacement))[0])
        )
        shift += len(replacement) - (end - start)
        shifts.append((start, end, replacement.count("\n") - before.text.count("\n", start, end)))
    for first, last in scopes:
        first_offset, last_offset = before.offset(first), before.offset(last + 1) - 1
        regions_before.append((first, last))
        moved_first = sum(lines for start, end, lines in shifts if end <= first_offset)
        moved_last = sum(lines for start, end, lines in shifts if start <= last_offset)
        regions_after.append((first + moved_first, last + moved_last))
    return regions_before, regions_after


def render_difference(
    before: Document, after: Document, edits: Sequence[Edit] = (), scopes: Sequence[tuple[int, int]] = ()
) -> str | None:
    """None when ``after`` renders like ``before`` outside the edited lines and scopes; else the first difference."""
    regions_before, regions_after = edited_regions(before.source, after.source, edits, scopes)
    kept_before = [unit for unit in render_units(before) if not unit.touches(regions_before)]
    kept_after = [unit for unit in render_units(after) if not unit.touches(regions_after)]
    if [unit.signature for unit in kept_before] == [unit.signature for unit in kept_after]:
        return None
    return _describe(kept_before, kept_after)


def _describe(before: list[Unit], after: list[Unit]) -> str:
    matcher = difflib.SequenceMatcher(
        a=[u.signature for u in before], b=[u.signature for u in after], autojunk=False
    )
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        if a_start < a_end and b_start < b_end:
            old, new = before[a_start], after[b_start]
            return f"line {old.first_line} rendered {_short(old.signature)} and now renders {_short(new.signature)}"
        if a_start < a_end:
            old = before[a_start]
            return f"line {old.first_line} rendered {_short(old.signature)} and no longer renders"
        new = after[b_start]
        return f"line {new.first_line} now renders {_short(new.signature)}, which it did not"
    return "the rendered blocks differ"


def _short(signature: str, width: int = 70) -> str:
    text = signature.strip()
    return repr(text if len(text) <= width else text[: width - 1] + "…")
