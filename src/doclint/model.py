"""The parts of a Document that rules read. Lines and columns are 1-based; ends are inclusive lines and
exclusive columns, as in SARIF."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Heading:
    """A Markdown heading and the id Docusaurus gives it."""

    level: int
    text: str  # what Docusaurus slugs: plain text, explicit id removed
    line: int
    column: int
    end_column: int
    id: str  # the id Docusaurus gives the heading element
    explicit_id: str | None  # from {#id}, {/* #id */} or <!-- #id -->
    id_form: Literal["slug", "classic", "comment", "html-comment"]
    raw: str  # the heading's inline source, as written
    setext: bool = False

    @property
    def linkable(self) -> bool:
        """Docusaurus registers anchors for h2..h6 only: its Heading component drops the h1 id."""
        return self.level >= 2 and bool(self.id)


@dataclass(frozen=True)
class Link:
    """A Markdown link or image of a document: inline, by reference, or an autolink."""

    url: str  # destination, percent-decoded for reading (what Docusaurus resolves)
    text: str
    line: int
    column: int
    end_line: int
    end_column: int
    kind: Literal["inline", "reference", "autolink"]
    is_image: bool = False
    source: str = ""  # the link as written

    @property
    def fragment(self) -> str | None:
        _, sep, fragment = self.url.partition("#")
        return fragment if sep else None

    @property
    def path(self) -> str:
        return self.url.split("#", 1)[0].split("?", 1)[0]


@dataclass(frozen=True)
class Definition:
    """A link reference definition (``[label]: url``)."""

    label: str
    url: str
    line: int
    column: int
    end_line: int


@dataclass(frozen=True)
class Fence:
    """A fenced code block: its language, info string and content."""

    language: str
    info: str
    content: str
    line: int  # the opening fence
    end_line: int  # the closing fence, or the last line when unclosed
    closed: bool
    marker: str

    @property
    def content_line(self) -> int:
        return self.line + 1


@dataclass(frozen=True)
class Directive:
    """A container directive as remark-directive parses it (admonitions are directives)."""

    name: str
    label: str | None
    attributes: str | None
    colons: int
    line: int
    column: int
    end_line: int  # the closing fence, or the last line it swallows when unclosed
    closed: bool
    depth: int  # 0 at top level
    parent: Literal["document", "list item", "block quote", "directive", "footnote"]
    legacy_title: bool  # written as `:::note Title` and rewritten by the mdx1Compat pre-pass
    opener: str  # the opener line as written (indentation removed)


@dataclass(frozen=True)
class FootnoteCall:
    """A footnote reference (``[^label]``), and whether a definition answers it."""

    label: str
    line: int
    column: int
    end_column: int
    resolved: bool


@dataclass(frozen=True)
class FootnoteDefinition:
    """A footnote definition (``[^label]: text``)."""

    label: str
    line: int
    column: int
    end_line: int


@dataclass(frozen=True)
class Comment:
    """An HTML (``<!-- -->``) or MDX (``{/* */}``) comment."""

    kind: Literal["html", "mdx"]
    body: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Paragraph:
    """Prose: a paragraph's plain text, for rules about what the words say."""

    text: str
    line: int
    end_line: int
    footnotes: tuple[str, ...]
    context: str  # "document", "list item", "block quote", "directive", "footnote", "table"
    footnote_offsets: tuple[int, ...] = ()  # where each of ``footnotes`` is called, as offsets in ``text``
    code_spans: tuple[tuple[int, int], ...] = ()  # inline code in ``text`` (start, end), backticks removed
