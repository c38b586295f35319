"""What the front matter rules share: where a key is written, and which schema a file answers to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import Any

from doclint.document import Document

DEFAULT_BLOG_DIRS = ("blog",)


def key_position(document: Document, key: str) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column) of a top-level key, or of the front matter's first line."""
    front_matter = document.front_matter
    entry = front_matter.entry(key) if front_matter else None
    if entry is None:
        start = front_matter.start_line if front_matter else 1
        return start, 1, start, 4
    span = entry.key_span
    return span.line, span.column, span.end_line, span.end_column


def is_blog_post(document: Document, options: Mapping[str, Any]) -> bool:
    """Blog posts answer to the blog schema; a folder named like a blog path marks them."""
    blog_dirs: Iterable[str] = options.get("blog-dirs", DEFAULT_BLOG_DIRS)
    parts = PurePosixPath(document.path.as_posix()).parts[:-1]
    return any(part in blog_dirs for part in parts)


def readable_front_matter(document: Document) -> bool:
    """Schema rules only speak about front matter that parsed (FM001 reports the rest).

    Duplicate keys (FM002) still leave a readable mapping, so the schema is checked as well.
    """
    front_matter = document.front_matter
    if front_matter is None:
        return False
    return all(problem.kind == "duplicate-key" for problem in front_matter.problems)
