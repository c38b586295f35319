"""Where a declarative check looks: the parts of a document named by its ``scope``.

A scope yields blocks: a paragraph, a heading, a front matter value, a code block. Each block is a slice of
the document text at its real offset, with what is not prose blanked out (code, link destinations, bare URLs,
HTML and JSX tags, comments, footnote markers), so positions and fixes stay exact and no pattern reads markup.

- ``prose``: paragraphs, list items, block quotes and admonition bodies (not footnote definitions)
- ``footnotes``: footnote definitions (citations quote other people's titles, so they are apart)
- ``headings``: every heading, without an explicit ``{#id}``
- ``titles``: the ``title`` and ``sidebar_label`` front matter fields
- ``front-matter:FIELD``: one front matter field's value, as written
- ``code``: code blocks and inline code (never part of the other scopes)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from doclint.document import Document

BODY_SCOPES = ("prose", "footnotes", "headings", "code")
TITLE_FIELDS = ("title", "sidebar_label")
FRONT_MATTER_PREFIX = "front-matter:"
_TAG = re.compile(r"</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>")  # JSX tags may span lines
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>]+")
_MDX_EXPRESSION = re.compile(r"\{[^{}\n]*\}")
_CLASSIC_ID = re.compile(r"\{#[^{}\n]*\}\s*$")


@dataclass(frozen=True)
class Block:
    start: int  # offset of text[0] in the document text
    text: str
    scope: str


def valid_scope(scope: str) -> bool:
    if scope.startswith(FRONT_MATTER_PREFIX):
        return bool(scope[len(FRONT_MATTER_PREFIX) :].strip())
    return scope in BODY_SCOPES or scope == "titles"


def blocks(document: Document, scopes: tuple[str, ...]) -> list[Block]:
    """The blocks of ``scopes`` in document order (computed once per document and scopes)."""
    cache: dict[tuple[str, ...], list[Block]] = document.__dict__.setdefault("_doclint_blocks", {})
    if scopes not in cache:
        cache[scopes] = _blocks(document, scopes)
    return cache[scopes]


def _blocks(document: Document, scopes: tuple[str, ...]) -> list[Block]:
    found: list[Block] = []
    for scope in scopes:
        if scope in ("prose", "footnotes"):
            found.extend(_paragraphs(document, footnotes=scope == "footnotes"))
        elif scope == "headings":
            found.extend(_headings(document))
        elif scope == "code":
            found.extend(_code(document))
        elif scope == "titles":
            found.extend(_front_matter(document, TITLE_FIELDS, "titles"))
        else:
            found.extend(_front_matter(document, (scope[len(FRONT_MATTER_PREFIX) :],), scope))
    found.sort(key=lambda block: block.start)
    return found


def _paragraphs(document: Document, footnotes: bool) -> list[Block]:
    source = document.source
    prose = _prose_view(document)
    found = []
    for paragraph in document.paragraphs:
        if (paragraph.context == "footnote") != footnotes:
            continue
        start = source.offset(paragraph.line)
        end = source.offset(paragraph.end_line + 1) if paragraph.end_line < source.line_count else len(prose)
        found.append(Block(start, prose[start:end], "footnotes" if footnotes else "prose"))
    return found


def _headings(document: Document) -> list[Block]:
    source = document.source
    prose = _prose_view(document)
    found = []
    for heading in document.headings:
        start = source.offset(heading.line, heading.column)
        end = source.offset(heading.line, heading.end_column)
        text = _CLASSIC_ID.sub(lambda match: " " * len(match.group()), prose[start:end])
        found.append(Block(start, text, "headings"))
    return found


def _code(document: Document) -> list[Block]:
    return [Block(start, document.text[start:end], "code") for start, end in sorted(document.code_ranges)]


def _front_matter(document: Document, fields: tuple[str, ...], scope: str) -> list[Block]:
    if document.front_matter is None or not document.front_matter.ok:
        return []
    found = []
    for name in fields:
        entry = document.front_matter.entry(name)
        if entry is None or not isinstance(entry.value, (str, int, float)):
            continue
        span = entry.value_span
        start = document.source.offset(span.line, span.column)
        end = document.source.offset(span.end_line, span.end_column)
        found.append(Block(start, document.text[start:end], scope))
    return found


def _prose_view(document: Document) -> str:
    """``masked_text`` with markup that is not prose blanked as well; cached on the document."""
    cached = document.__dict__.get("_doclint_prose_view")
    if cached is not None:
        return cached
    chars = list(document.masked_text)
    source = document.source

    def blank(start: int, end: int) -> None:
        for index in range(max(start, 0), min(end, len(chars))):
            if chars[index] != "\n":
                chars[index] = " "

    for link in document.links:
        start = source.offset(link.line, link.column)
        end = source.offset(link.end_line, link.end_column)
        if link.kind == "autolink":
            blank(start, end)
        else:
            cut = link.source.rfind("](") if link.kind == "inline" else link.source.rfind("][")
            if cut > 0:
                blank(start + cut + 1, end)
    for call in document.footnote_calls:
        blank(source.offset(call.line, call.column), source.offset(call.line, call.end_column))
    for comment in document.comments:
        blank(
            source.offset(comment.line, comment.column), source.offset(comment.end_line, comment.end_column)
        )
    text = "".join(chars)
    patterns = (_TAG, _BARE_URL, _MDX_EXPRESSION) if document.is_mdx else (_TAG, _BARE_URL)
    for pattern in patterns:
        for match in pattern.finditer(text):
            blank(match.start(), match.end())
    view = "".join(chars)
    document.__dict__["_doclint_prose_view"] = view
    return view


def link_text_ranges(document: Document) -> list[tuple[int, int]]:
    """Offsets of every link (text included): places where a term names a page rather than being used."""
    source = document.source
    return [
        (source.offset(link.line, link.column), source.offset(link.end_line, link.end_column))
        for link in document.links
    ]
