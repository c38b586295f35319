"""The Docusaurus site settings that change how a file is parsed or what a link resolves to."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

MarkdownFormat = Literal["mdx", "md", "detect"]

DEFAULT_ADMONITION_KEYWORDS: tuple[str, ...] = (
    "secondary",
    "info",
    "success",
    "danger",
    "note",
    "tip",
    "warning",
    "important",
    "caution",
)
# Extensions that markdown.format "detect" compiles as CommonMark (Docusaurus format.ts).
COMMONMARK_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mkdown", ".ron"})


@dataclass(frozen=True)
class Mdx1Compat:
    comments: bool = True
    admonitions: bool = True
    heading_ids: bool = True


@dataclass(frozen=True)
class SiteSettings:
    """Defaults are Docusaurus 3.10's own."""

    markdown_format: MarkdownFormat = "mdx"
    mdx1_compat: Mdx1Compat = field(default_factory=Mdx1Compat)
    admonition_keywords: tuple[str, ...] = DEFAULT_ADMONITION_KEYWORDS
    mermaid: bool | None = None  # None: no Docusaurus config says either way
    mermaid_version: int = 12  # the mermaid major version the site installs (11 or 12)
    anchors_maintain_case: bool = False
    docs_path: str = "docs"
    route_base_path: str = "docs"
    static_directories: tuple[str, ...] = ("static",)
    number_prefix_parser: bool = True
    site_dir: str | None = None  # absolute path of the site root when known

    def format_for(self, suffix: str, front_matter_format: object = None) -> Literal["mdx", "md"]:
        """How Docusaurus compiles a file: front matter ``mdx.format`` wins over the site setting."""
        chosen = front_matter_format if front_matter_format in ("md", "mdx", "detect") else self.markdown_format
        if chosen == "detect":
            return "md" if suffix.lower() in COMMONMARK_EXTENSIONS else "mdx"
        return "md" if chosen == "md" else "mdx"
