"""The Document: one file, parsed once, in the terms Docusaurus uses. Every rule reads this."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import unquote

from doclint.model import (
    Comment,
    Definition,
    Directive,
    Fence,
    FootnoteCall,
    FootnoteDefinition,
    Heading,
    Link,
    Paragraph,
)
from doclint.parsing.frontmatter import FrontMatter, parse_front_matter
from doclint.parsing.slugger import Slugger
from doclint.site import SiteSettings
from doclint.source import SourceText

if TYPE_CHECKING:
    from markdown_it.token import Token

# Docusaurus's unwrapMdxCodeBlocks: 3 or 4 backticks, spaces only, and a closer of the same backticks alone
_MDX_CODE_BLOCK_FENCE = re.compile(r" *(?P<ticks>`{3,4}) *mdx-code-block")
_CLASSIC_ID = re.compile(r"\s*\{#(?P<id>(?:.(?!\{#|\}))*.)\}$")
_COMMENT_ID = re.compile(r"\s*\{/\*\s*#(?P<id>\S+)[^}]*?\*/\}\s*$")
_HTML_COMMENT_ID = re.compile(r"\s*<!--\s*#(?P<id>\S+)\s*-->\s*$")
_INLINE_LINK = re.compile(r"!?\[.*\]\(", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--(?P<body>.*?)-->", re.DOTALL)
_MDX_COMMENT = re.compile(r"\{/\*(?P<body>.*?)\*/\}", re.DOTALL)


@lru_cache(maxsize=8)
def legacy_title_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """Docusaurus's ``admonitionTitleToDirectiveLabel`` regex (mdx1Compat.admonitions)."""
    alternatives = "|".join(re.escape(keyword) for keyword in keywords)
    return re.compile(
        r"^(?P<quote>(?:> ?)*)(?P<indentation>(?: +|\t+))?(?P<directive>:{3,}(?:"
        + alternatives
        + r")) +(?P<title>.*)$",
        re.MULTILINE,
    )


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character of the ``[start, end)`` spans but newlines turned into a space.

    Offsets, lines and columns stay as they were; spans may overlap or reach past the end.
    """
    pieces: list[str] = []
    cursor = 0
    for start, end in sorted(spans):
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        pieces.append(text[cursor:start])
        blanked = text[start:end]
        if "\n" in blanked:
            pieces.append("\n".join(" " * len(line) for line in blanked.split("\n")))
        else:
            pieces.append(" " * (end - start))  # most spans: a code span within its line
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


@dataclass
class Document:
    path: Path
    display_path: str
    source: SourceText
    format: Literal["mdx", "md"]
    settings: SiteSettings
    front_matter: FrontMatter | None = None
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    fences: list[Fence] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    footnote_calls: list[FootnoteCall] = field(default_factory=list)
    footnote_definitions: list[FootnoteDefinition] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    code_ranges: list[tuple[int, int]] = field(default_factory=list)  # character offsets [start, end)
    legacy_title_lines: frozenset[int] = frozenset()
    unwrapped_fence_lines: frozenset[int] = frozenset()  # ```mdx-code-block fences Docusaurus removes

    def __getstate__(self) -> dict[str, Any]:
        """The fields, and of what rules derive and cache on the Document only what the main process reads
        again (suppression comments, anchors in JSX): a worker sends the Document there, and lists such as
        ``masked_lines`` cost more to pickle than to compute."""
        state = {name: self.__dict__[name] for name in _FIELD_NAMES}
        state.update((name, self.__dict__[name]) for name in _SHIPPED_DERIVED if name in self.__dict__)
        return state

    @property
    def is_mdx(self) -> bool:
        return self.format == "mdx"

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def front_matter_data(self) -> dict[str, Any]:
        return self.front_matter.data if self.front_matter else {}

    @property
    def body_start_line(self) -> int:
        return self.front_matter.end_line + 1 if self.front_matter else 1

    def line(self, number: int) -> str:
        return self.source.line(number)

    @cached_property
    def masked_text(self) -> str:
        """The text with code (fences, indented code, code spans) and front matter blanked out.

        Raw-text rules (MDX hazards, comments, prose patterns) scan this so that code never fires them;
        newlines are kept, so offsets, lines and columns are unchanged.
        """
        ranges = list(self.code_ranges)
        for number in self.unwrapped_fence_lines:
            start = self.source.offset(number)
            ranges.append((start, start + len(self.line(number))))
        if self.front_matter:
            ranges.append((0, self.source.offset(self.front_matter.end_line + 1)))
        return blank_spans(self.text, ranges)

    @cached_property
    def masked_lines(self) -> list[str]:
        """``masked_text`` split into lines, shared by the rules that read it line by line (do not modify)."""
        return self.masked_text.split("\n")

    @cached_property
    def comments(self) -> list[Comment]:
        found: list[Comment] = []
        for kind, pattern, opener in (("html", _HTML_COMMENT, "<!--"), ("mdx", _MDX_COMMENT, "{/*")):
            if opener not in self.text:
                continue  # most pages have no comments: no need to mask their code
            for match in pattern.finditer(self.masked_text):
                line, column = self.source.position(match.start())
                end_line, end_column = self.source.position(match.end())
                found.append(Comment(kind, match.group("body"), line, column, end_line, end_column))  # type: ignore[arg-type]
        found.sort(key=lambda comment: (comment.line, comment.column))
        return found

    @cached_property
    def anchors(self) -> dict[str, Heading | None]:
        """Every id a link can target on this page, as Docusaurus's broken-anchor checker collects them."""
        registered: dict[str, Heading | None] = {}
        for heading in self.headings:
            if heading.linkable:
                registered.setdefault(heading.id, heading)
        called = {call.label for call in self.footnote_calls if call.resolved}
        for definition in self.footnote_definitions:
            if definition.label in called:
                registered.setdefault(f"user-content-fn-{definition.label}", None)
                registered.setdefault(f"user-content-fnref-{definition.label}", None)
        return registered


_FIELD_NAMES = tuple(declared.name for declared in fields(Document))
_SHIPPED_DERIVED = ("masked_text", "comments")
MERMAID_SUFFIXES = frozenset({".mmd", ".mermaid"})


def build_document(path: Path, display_path: str, source: SourceText, settings: SiteSettings) -> Document:
    if path.suffix.lower() in MERMAID_SUFFIXES:
        return _mermaid_file(path, display_path, source, settings)
    lines = source.text.split("\n")
    front_matter = parse_front_matter(lines)
    fm_format = None
    if front_matter and isinstance(front_matter.data.get("mdx"), dict):
        fm_format = front_matter.data["mdx"].get("format")
    doc_format = settings.format_for(path.suffix, fm_format)
    document = Document(path, display_path, source, doc_format, settings, front_matter)
    if "mdx-code-block" in source.text:
        document.unwrapped_fence_lines = frozenset(_mdx_code_block_fences(lines))
    parse_text, legacy_lines = _text_for_parser(source.text, front_matter, settings, doc_format)
    document.legacy_title_lines = frozenset(legacy_lines)
    from doclint.parsing import markdown  # imported on first parse: cached runs never load the parser

    tokens = markdown.parse(parse_text, mdx=doc_format == "mdx")
    _Collector(document, parse_text).collect(tokens)
    return document


def _mermaid_file(path: Path, display_path: str, source: SourceText, settings: SiteSettings) -> Document:
    """A standalone diagram: one mermaid fence spanning the file, so that the mermaid rules apply as is."""
    fence = Fence("mermaid", "mermaid", source.text, 0, source.line_count, True, "")
    return Document(path, display_path, source, "md", settings, fences=[fence])


def parser_text(document: Document) -> str:
    """The text the Markdown parser read for ``document``: front matter blanked, legacy titles rewritten."""
    return _text_for_parser(document.text, document.front_matter, document.settings, document.format)[0]


def _text_for_parser(
    text: str, front_matter: FrontMatter | None, settings: SiteSettings, doc_format: str
) -> tuple[str, list[int]]:
    """The text the Markdown parser sees, with every line kept in place so line numbers agree."""
    text = _without_front_matter(text, front_matter)
    unwraps_fences = "mdx-code-block" in text
    rewrites_titles = settings.mdx1_compat.admonitions and ":::" in text
    if not (unwraps_fences or rewrites_titles):
        return text, []  # most pages: no line to rewrite
    lines = text.split("\n")
    if unwraps_fences:
        for number in _mdx_code_block_fences(lines):
            lines[number - 1] = ""  # Docusaurus unwraps ```mdx-code-block fences before parsing
    legacy_lines: list[int] = []
    if rewrites_titles:
        pattern = legacy_title_pattern(settings.admonition_keywords)
        for index in [index for index, line in enumerate(lines) if ":::" in line]:
            match = pattern.match(lines[index])
            if match:
                lines[index] = (
                    f"{match['quote']}{match['indentation'] or ''}{match['directive']}[{match['title']}]"
                )
                legacy_lines.append(index + 1)
    return "\n".join(lines), legacy_lines


def _without_front_matter(text: str, front_matter: FrontMatter | None) -> str:
    """``text`` with the front matter's lines emptied (their newlines kept)."""
    if not front_matter:
        return text
    newline = -1
    for _ in range(front_matter.end_line):
        newline = text.find("\n", newline + 1)
        if newline == -1:
            return "\n" * text.count("\n")  # the front matter is the whole file
    return "\n" * front_matter.end_line + text[newline + 1 :]


def _mdx_code_block_fences(lines: list[str]) -> list[int]:
    """1-based lines of the ```mdx-code-block openers and their closers; an unclosed one stays a code block."""
    found: list[int] = []
    resume = 0  # the line after the last pair found: an opener inside a pair is content
    for index, line in enumerate(lines):
        if index < resume or "mdx-code-block" not in line:
            continue
        opener = _MDX_CODE_BLOCK_FENCE.fullmatch(line)
        if opener is None:
            continue
        closer = re.compile(r" *" + opener["ticks"])
        end = next((j for j in range(index + 1, len(lines)) if closer.fullmatch(lines[j])), None)
        if end is not None:
            found += [index + 1, end + 1]
            resume = end + 1
    return found


class _Collector:
    """Walks the token stream once and fills the Document."""

    def __init__(self, document: Document, parse_text: str) -> None:
        self.document = document
        self.parse_lines = parse_text.split("\n")
        self.slugger = Slugger(document.settings.anchors_maintain_case)
        self.context: list[str] = []
        self.directive_depth = 0
        self.heading_level: int | None = None
        self.heading_setext = False
        self.table_cursor: dict[int, int] = {}
        from doclint.parsing.markdown import UNRESOLVED_FOOTNOTES  # loaded with the parser, as tokens are

        self.unresolved_footnotes_key = UNRESOLVED_FOOTNOTES

    def collect(self, tokens: list[Token]) -> None:
        handlers = _TOKEN_HANDLERS
        for index, token in enumerate(tokens):
            handler = handlers.get(token.type)
            if handler is not None:
                handler(self, token, tokens, index)
        self.document.links.sort(key=lambda link: (link.line, link.column))

    # -- containers --------------------------------------------------------------------------------
    def _push(self, name: str) -> None:
        self.context.append(name)

    def _pop(self) -> None:
        if self.context:
            self.context.pop()

    def _parent(self) -> str:
        return self.context[-1] if self.context else "document"

    def _on_list_item_open(self, token: Token, tokens: list[Token], index: int) -> None:
        self._push("list item")

    def _on_list_item_close(self, token: Token, tokens: list[Token], index: int) -> None:
        self._pop()

    def _on_blockquote_open(self, token: Token, tokens: list[Token], index: int) -> None:
        self._push("block quote")

    def _on_blockquote_close(self, token: Token, tokens: list[Token], index: int) -> None:
        self._pop()

    def _on_footnote_reference_open(self, token: Token, tokens: list[Token], index: int) -> None:
        label = (token.meta or {}).get("label", "")
        line = token.map[0] + 1 if token.map else self._guess_footnote_line(label)
        end_line = token.map[1] if token.map else line
        column = self.document.line(line).find("[^") + 1 or 1
        self.document.footnote_definitions.append(FootnoteDefinition(label, line, column, end_line))
        self._push("footnote")

    def _on_footnote_reference_close(self, token: Token, tokens: list[Token], index: int) -> None:
        self._pop()

    def _on_container_directive_open(self, token: Token, tokens: list[Token], index: int) -> None:
        meta = token.meta
        line = token.map[0] + 1
        source_line = self.document.line(line)
        opener = meta["opener_text"]
        column = max(self.parse_lines[line - 1].find(":::"), 0) + 1
        end_line = meta["close_line"] + 1 if meta["closed"] else max(token.map[1], line)
        self.document.directives.append(
            Directive(
                name=meta["name"],
                label=meta["label"],
                attributes=meta["attributes"],
                colons=meta["colons"],
                line=line,
                column=column if source_line else 1,
                end_line=end_line,
                closed=meta["closed"],
                depth=self.directive_depth,
                parent=self._parent(),  # type: ignore[arg-type]
                legacy_title=line in self.document.legacy_title_lines,
                opener=opener,
            )
        )
        self.directive_depth += 1
        self._push("directive")

    def _on_container_directive_close(self, token: Token, tokens: list[Token], index: int) -> None:
        self.directive_depth -= 1
        self._pop()

    def _on_table_open(self, token: Token, tokens: list[Token], index: int) -> None:
        self._push("table")

    def _on_table_close(self, token: Token, tokens: list[Token], index: int) -> None:
        self._pop()

    # -- code ----------------------------------------------------------------------------------------
    def _on_fence(self, token: Token, tokens: list[Token], index: int) -> None:
        start, end = token.map
        last_line = self.document.line(end)
        closed = end - start >= 2 and last_line.strip().startswith(token.markup[0] * len(token.markup))
        info = token.info.strip()
        language = info.split(maxsplit=1)[0] if info else ""
        self.document.fences.append(
            Fence(language, info, token.content, start + 1, end, closed, token.markup)
        )
        self._add_code_lines(start + 2, end - 1 if closed else end)

    def _on_code_block(self, token: Token, tokens: list[Token], index: int) -> None:
        start, end = token.map
        self._add_code_lines(start + 1, end)

    def _on_html_block(self, token: Token, tokens: list[Token], index: int) -> None:
        return None

    def _add_code_lines(self, first: int, last: int) -> None:
        if last < first:
            return
        source = self.document.source
        end = source.offset(last + 1) if last < source.line_count else len(source.text)
        self.document.code_ranges.append((source.offset(first), end))

    # -- headings and inline content ---------------------------------------------------------------
    def _on_heading_open(self, token: Token, tokens: list[Token], index: int) -> None:
        self.heading_level = int(token.tag[1])
        self.heading_setext = token.markup in ("=", "-")

    def _on_heading_close(self, token: Token, tokens: list[Token], index: int) -> None:
        self.heading_level = None

    def _on_definition(self, token: Token, tokens: list[Token], index: int) -> None:
        meta = token.meta
        line = token.map[0] + 1
        column = self.parse_lines[line - 1].find("[") + 1 or 1
        self.document.definitions.append(
            Definition(meta["label"], _decode(meta["url"]), line, column, token.map[1])
        )

    def _on_inline(self, token: Token, tokens: list[Token], index: int) -> None:
        context = self.context
        if context and context[-1] == "table" and token.map:
            # cells of one row share a line: look for each cell after the previous one
            row = token.map[0]
            positions = _InlinePositions(
                token, self.parse_lines, self.document.source, self.table_cursor.get(row, 0)
            )
            self.table_cursor[row] = positions.first_column - 1 + len(token.content.split("\n")[0])
        else:
            positions = _InlinePositions(token, self.parse_lines, self.document.source)
        children = token.children or []
        self._collect_inline(children, positions, token)
        if self.heading_level is not None:
            self._add_heading(token, children, positions)
        elif index > 0 and tokens[index - 1].type == "paragraph_open" and not self._only_jsx(children):
            self._add_paragraph(token, children)

    def _collect_inline(self, children: list[Token], positions: _InlinePositions, block: Token) -> None:
        document = self.document
        open_links: list[tuple[Token, list[str]]] = []  # link_open tokens still collecting their text
        for child in children:
            kind = child.type
            if kind not in _COLLECTED_INLINE:
                if kind == "text" and open_links:
                    for _, parts in open_links:
                        parts.append(child.content)
                continue
            if kind == "code_inline" or kind == "image":
                for _, parts in open_links:
                    parts.append(child.content)
            meta = child.meta or {}
            span = meta.get("span")
            if kind == "link_open" and span:
                open_links.append((child, []))
            elif kind == "link_close" and open_links:
                link_open, parts = open_links.pop()
                document.links.append(self._link(link_open, "".join(parts), positions))
            elif kind == "image" and span:
                document.links.append(self._link(child, child.content, positions))
            elif kind == "footnote_ref" and span:
                line, column = positions.at(span[0])
                _, end_column = positions.at(span[1])
                document.footnote_calls.append(
                    FootnoteCall(meta.get("label", ""), line, column, end_column, True)
                )
            elif kind == "code_inline" and span:
                start = positions.offset(span[0])
                document.code_ranges.append((start, start + (span[1] - span[0])))
        for label, start, end in block.meta.get(self.unresolved_footnotes_key, ()):
            line, column = positions.at(start)
            _, end_column = positions.at(end)
            document.footnote_calls.append(FootnoteCall(label, line, column, end_column, False))

    def _link(self, token: Token, text: str, positions: _InlinePositions) -> Link:
        start, end = token.meta["span"]
        source_text: str = token.meta["src"][start:end]
        line, column = positions.at(start)
        end_line, end_column = positions.at(end)
        url = token.attrs.get("src" if token.type == "image" else "href", "")
        if source_text.startswith("<"):
            kind = "autolink"
        elif source_text.endswith(")") and _INLINE_LINK.match(source_text):
            kind = "inline"
        else:
            kind = "reference"
        return Link(
            _decode(str(url)),
            text,
            line,
            column,
            end_line,
            end_column,
            kind,
            token.type == "image",
            source_text,
        )

    def _add_heading(self, token: Token, children: list[Token], positions: _InlinePositions) -> None:
        level = self.heading_level or 1
        line, column = positions.at(0)
        raw = token.content
        text = _plain_text(children)
        heading_id, explicit, form, text = self._heading_id(raw, text, children)
        self.document.headings.append(
            Heading(
                level,
                text,
                line,
                column,
                column + len(raw),
                heading_id,
                explicit,
                form,
                raw,
                self.heading_setext,
            )
        )

    def _heading_id(self, raw: str, text: str, children: list[Token]) -> tuple[str, str | None, str, str]:
        settings = self.document.settings
        mdx = self.document.is_mdx
        # each id pattern starts with \s*, so a search tries it at every character: test for its literal first
        if mdx:
            comment = _COMMENT_ID.search(text) if "{/*" in text else None
            if comment:
                return comment["id"], comment["id"], "comment", text[: comment.start()].rstrip()
        elif not settings.mdx1_compat.comments:
            comment = _HTML_COMMENT_ID.search(raw) if "<!--" in raw else None
            if comment:
                return comment["id"], comment["id"], "html-comment", text
        last_is_text = bool(children) and children[-1].type == "text"
        classic = _CLASSIC_ID.search(text) if last_is_text and "{#" in text else None
        if classic and (not mdx or settings.mdx1_compat.heading_ids or self.heading_setext):
            explicit = classic["id"].strip()
            return explicit, explicit, "classic", text[: classic.start()]
        return self.slugger.slug(text), None, "slug", text

    def _only_jsx(self, children: list[Token]) -> bool:
        """In MDX a line of nothing but tags is a JSX flow element, not a paragraph."""
        if not self.document.is_mdx:
            return False
        for child in children:  # usually decided by the first child: prose starts with text
            kind = child.type
            if kind == "text":
                if child.content.strip():
                    return False
            elif kind != "html_inline" and kind != "softbreak" and kind != "hardbreak":
                return False
        return True

    def _add_paragraph(self, token: Token, children: list[Token]) -> None:
        start, end = token.map
        text, calls, code = _plain_text_parts(children)
        labels: tuple[str, ...] = ()
        offsets: tuple[int, ...] = ()
        if calls:  # most paragraphs call no footnote
            labels = tuple(label for label, _ in calls)
            offsets = tuple(offset for _, offset in calls)
        context = self.context[-1] if self.context else "document"
        self.document.paragraphs.append(
            Paragraph(text, start + 1, end, labels, context, offsets, tuple(code))
        )

    def _guess_footnote_line(self, label: str) -> int:
        marker = f"[^{label}]:"
        for number, line in enumerate(self.parse_lines, start=1):
            if marker in line:
                return number
        return 1


_COLLECTED_INLINE = frozenset({"link_open", "link_close", "footnote_ref", "code_inline", "image"})
_TOKEN_HANDLERS = {
    name.removeprefix("_on_"): handler
    for name, handler in vars(_Collector).items()
    if name.startswith("_on_")
}


class _InlinePositions:
    """Maps offsets in an inline token's content back to source lines and columns.

    The map is built on first use: most paragraphs hold nothing that needs a position.
    """

    def __init__(
        self, token: Token, parse_lines: list[str], source: SourceText, search_from: int = 0
    ) -> None:
        self.source = source
        self.token = token
        self.parse_lines = parse_lines
        self.search_from = search_from
        self.first_line = (token.map[0] if token.map else 0) + 1
        self._map: tuple[list[int], list[int]] | None = None  # built by _line_map (a cached_property locks)

    def _line_map(self) -> tuple[list[int], list[int]]:
        """Where each content line starts in the content, and the 1-based source column it starts at."""
        if self._map is not None:
            return self._map
        parse_lines, search_from = self.parse_lines, self.search_from
        line_starts: list[int] = []
        columns: list[int] = []
        offset = 0
        for number, content_line in enumerate(self.token.content.split("\n")):
            line_starts.append(offset)
            offset += len(content_line) + 1
            source_index = self.first_line - 1 + number
            source_line = parse_lines[source_index] if source_index < len(parse_lines) else ""
            found = source_line.find(content_line, search_from if number == 0 else 0) if content_line else -1
            columns.append(found + 1 if found >= 0 else len(source_line) - len(source_line.lstrip()) + 1)
        self._map = line_starts, columns
        return self._map

    @property
    def first_column(self) -> int:
        return self._line_map()[1][0]

    def at(self, offset: int) -> tuple[int, int]:
        line_starts, columns = self._map or self._line_map()
        if len(line_starts) == 1:  # most inline content is one line
            return self.first_line, columns[0] + offset
        index = max(bisect.bisect_right(line_starts, offset) - 1, 0)
        return self.first_line + index, columns[index] + offset - line_starts[index]

    def offset(self, offset: int) -> int:
        """A character offset in the whole parse text (same as the source text)."""
        return self.source.offset(*self.at(offset))


def _plain_text(children: list[Token]) -> str:
    """mdast-util-to-string: text, code and image alt; raw HTML/JSX tags contribute nothing."""
    return _plain_text_parts(children)[0]


def _plain_text_parts(children: list[Token]) -> tuple[str, list[tuple[str, int]], list[tuple[int, int]]]:
    """The plain text, each footnote call's label with its offset in it, and where inline code is."""
    if len(children) == 1 and children[0].type == "text":
        return children[0].content, [], []  # nearly half the paragraphs: one run of text
    parts: list[str] = []
    length = 0
    calls: list[tuple[str, int]] = []
    code: list[tuple[int, int]] = []
    for child in children:
        kind = child.type
        if kind == "text" or kind == "image":
            part = child.content
        elif kind == "code_inline":
            part = child.content
            code.append((length, length + len(part)))
        elif kind == "softbreak" or kind == "hardbreak":
            part = "\n"
        else:
            if kind == "footnote_ref" and child.meta:
                calls.append((child.meta.get("label", ""), length))
            continue
        parts.append(part)
        length += len(part)
    return "".join(parts), calls, code


def _decode(url: str) -> str:
    return unquote(url)
