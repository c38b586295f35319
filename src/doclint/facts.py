"""What the cross-document phase knows of one document: compact, picklable facts, never a parse tree.

The per-document phase (in a worker) parses a file once and distils it into ``DocumentFacts``: its
identity, the front matter keys the project reads, the anchors it registers, its link sites, the
partials it imports, its suppression comments, and whatever each selected project rule collects from
it (``ProjectRule.collect``). The per-file cache stores these facts; a warm run reads them back without
parsing, and the project phase is skipped when no fact changed. Facts hold no sets (their pickle must
be the same bytes for the same facts, whatever the hash seed), no source text and no Document.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from doclint.diagnostics import Fix
from doclint.suppression import Suppression

if TYPE_CHECKING:
    from doclint.claims.registry import Registry
    from doclint.config import RegistryFiles
    from doclint.document import Document

# The front matter keys the project phase reads (doc identity, pagination, sidebars, tags, drafts).
PROJECT_KEYS = (
    "id",
    "slug",
    "parse_number_prefixes",
    "sidebar_position",
    "draft",
    "unlisted",
    "tags",
    "pagination_next",
    "pagination_prev",
)
Span = tuple[int, int, int, int]  # line, column, end line, end column

_IMPORT = re.compile(
    r"""(?:^|;)[ \t]*import\s[^;'"]*?\bfrom\s*(['"])(?P<path>[^'"]+?\.mdx?)\1""", re.MULTILINE
)
_JS_ESCAPE = re.compile(r"\\(.)")
_LOCAL_IMPORT = re.compile(
    r"""(?:^|;)[ \t]*import\s+(?P<names>[^;'"]*?)\s+from\s*(['"])(?P<path>\.{1,2}/[^'"]*)\2""", re.MULTILINE
)
_MARKDOWN_PATH = re.compile(r"\.mdx?$", re.IGNORECASE)
# the components that register their id as an anchor (raw <a id>, <div id>, <h2 id> do not)
_JSX_ID = re.compile(r"""<(?:Link|Heading|details)\b[^>]*?\sid=(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""")
_JSX_LINK = re.compile(r"""<Link\b[^>]*?\s(?:to|href)=(?P<quote>["'])(?P<url>[^"'{}]*)(?P=quote)""")


@dataclass(frozen=True)
class LinkSite:
    """A link or a link reference definition, where it is written."""

    url: str
    line: int
    column: int
    end_line: int
    end_column: int
    is_image: bool
    source: str  # as written, for fixes
    source_start: int = -1  # where ``source`` starts in its line (0-based), -1 when not on one line


@dataclass(frozen=True)
class FrontMatterKey:
    """A top-level front matter key the project reads: where the key and its value are written."""

    key_span: Span
    value_span: Span
    value: Any


@dataclass
class DocumentFacts:
    """What the cross-document phase reads of one document: compact, picklable, cached with the file."""

    path: Path
    display_path: str
    is_mdx: bool
    front_matter_line: int | None  # the opening ``---``; None without front matter
    front_matter: dict[str, Any]  # the PROJECT_KEYS present, as parsed
    front_matter_keys: dict[str, FrontMatterKey]
    anchors: tuple[str, ...]  # the ids this page registers itself (imported partials' are added later)
    h1_id: str | None
    imports: tuple[str, ...]  # Markdown partials an MDX file imports, as written
    renders_local_component: bool
    link_sites: tuple[LinkSite, ...]
    link_urls: tuple[str, ...]  # every link and definition destination (for inbound links)
    suppressions: tuple[Suppression, ...]
    removal_fixes: tuple[Fix | None, ...]  # per suppression: the DL002 fix that deletes it
    collected: dict[str, Any] = field(default_factory=dict)  # project rule code -> its collect()

    def key_position(self, key: str) -> Span:
        """Where a front matter key is written, else the first line of the front matter."""
        entry = self.front_matter_keys.get(key)
        if entry is None:
            start = self.front_matter_line or 1
            return start, 1, start, 4
        return entry.key_span

    def value_position(self, key: str) -> tuple[int, int]:
        """Where the value of a front matter key is written, else the top of the file."""
        entry = self.front_matter_keys.get(key)
        return (entry.value_span[0], entry.value_span[1]) if entry else (1, 1)

    def digest(self) -> bytes:
        """The same bytes for the same facts, whatever the hash seed: the project phase's cache key is made
        of them (a set pickles in hash order: the suppressions' codes are sorted first)."""
        codes = [sorted(entry.codes) for entry in self.suppressions]
        state = dict(vars(self))
        state["suppressions"] = tuple(replace(entry, codes=frozenset()) for entry in self.suppressions)
        # plain tuples pickle several times faster than as many dataclass instances
        state["link_sites"] = [tuple(vars(site).values()) for site in self.link_sites]
        payload = pickle.dumps((state, codes), protocol=pickle.HIGHEST_PROTOCOL)
        return hashlib.sha256(payload).digest()


class Series:
    """The series-wide files a project rule's ``collect`` may read besides the document: the registries."""

    def __init__(self, project_root: Path, registry_files: RegistryFiles) -> None:
        self.project_root = project_root
        self.registry_files = registry_files

    @cached_property
    def registry(self) -> Registry:
        from doclint.claims.registry import load_registry

        return load_registry(self.project_root, self.registry_files)

    def registry_paths(self) -> list[Path]:
        files = self.registry_files
        return [(self.project_root / name).resolve() for name in (*files.references, *files.claims)]


def build_facts(document: Document) -> DocumentFacts:
    """The facts of one document (without the project rules' collected data, which the engine adds)."""
    from doclint.rules.engine.dl002_unused_suppression import removal_fix
    from doclint.suppression import collect_suppressions

    front_matter = document.front_matter
    data = document.front_matter_data
    keys = {}
    for key in PROJECT_KEYS:
        entry = front_matter.entry(key) if front_matter else None
        if entry is not None:
            keys[key] = FrontMatterKey(_span(entry.key_span), _span(entry.value_span), entry.value)
    suppressions = tuple(collect_suppressions(document).entries)
    first_h1 = next((heading for heading in document.headings if heading.level == 1), None)
    return DocumentFacts(
        path=document.path,
        display_path=document.display_path,
        is_mdx=document.is_mdx,
        front_matter_line=front_matter.start_line if front_matter else None,
        front_matter={key: data[key] for key in PROJECT_KEYS if key in data},
        front_matter_keys=keys,
        anchors=tuple(sorted(_anchors(document))),
        h1_id=first_h1.id if first_h1 else None,
        imports=_imports(document),
        renders_local_component=_renders_local_component(document),
        link_sites=tuple(link_sites(document)),
        link_urls=tuple([link.url for link in document.links] + [d.url for d in document.definitions]),
        suppressions=suppressions,
        removal_fixes=tuple(removal_fix(document, entry) for entry in suppressions),
    )


def link_sites(document: Document) -> Iterator[LinkSite]:
    """Inline links, autolinks and images, definitions (reference links are judged at their definition),
    and in MDX the ``<Link to="…">`` elements Docusaurus's route checker also collects."""
    for link in document.links:
        if link.kind != "reference":
            yield _site(
                document,
                link.url,
                link.line,
                link.column,
                link.end_line,
                link.end_column,
                link.is_image,
                link.source,
            )
    # a definition matters when a link uses it: an unused one, or one only images use, is never rendered
    # as a link (and Docusaurus does not resolve images through references)
    linked = {link.url for link in document.links if link.kind == "reference" and not link.is_image}
    for definition in document.definitions:
        if definition.url not in linked:
            continue
        text = document.line(definition.line)
        yield _site(
            document,
            definition.url,
            definition.line,
            definition.column,
            definition.line,
            len(text) + 1,
            False,
            text[definition.column - 1 :],
        )
    if document.is_mdx:
        for match in _JSX_LINK.finditer(document.masked_text):
            line, column = document.source.position(match.start("url"))
            url = urllib.parse.unquote(match["url"])
            yield _site(document, url, line, column, line, column + len(match["url"]), False, match["url"])


def _site(
    document: Document,
    url: str,
    line: int,
    column: int,
    end_line: int,
    end_column: int,
    is_image: bool,
    source: str,
) -> LinkSite:
    start = document.line(line).find(source, column - 1) if line == end_line else -1
    return LinkSite(url, line, column, end_line, end_column, is_image, source, start)


def _span(span: Any) -> Span:
    return (span.line, span.column, span.end_line, span.end_column)


def _anchors(document: Document) -> set[str]:
    """The anchors the page registers itself: h2..h6 ids, footnote ids, MDX components' ids."""
    found = {heading.id for heading in document.headings if heading.linkable}
    found.update(_footnote_anchors(document))
    if document.is_mdx:
        found.update(
            match["double"] if match["double"] is not None else match["single"]
            for match in _JSX_ID.finditer(document.masked_text)
        )
    return found


def _footnote_anchors(document: Document) -> set[str]:
    """mdast-util-to-hast footnote ids: ``user-content-fn-<label>``, ``…fnref-<label>[-n]``, lowercased."""
    found: set[str] = set()
    counts: dict[str, int] = {}
    defined = {definition.label.lower() for definition in document.footnote_definitions}
    for call in document.footnote_calls:
        label = call.label.lower()
        if label not in defined:  # GFM matches labels case-insensitively (markdown-it does not)
            continue
        safe = urllib.parse.quote(label, safe="!#$&'()*+,/:;=?@[]~-._")
        counts[label] = counts.get(label, 0) + 1
        suffix = f"-{counts[label]}" if counts[label] > 1 else ""
        found.update({f"user-content-fn-{safe}", f"user-content-fnref-{safe}{suffix}", "footnote-label"})
    return found


def _imports(document: Document) -> tuple[str, ...]:
    """The Markdown partials an MDX file imports, as JavaScript reads the path (escapes removed)."""
    if not document.is_mdx:
        return ()
    # './\_partial.md' is './_partial.md' in JavaScript
    return tuple(_JS_ESCAPE.sub(r"\1", match["path"]) for match in _statements(_IMPORT, document.masked_text))


def _renders_local_component(document: Document) -> bool:
    if not document.is_mdx:
        return False
    text = document.masked_text
    for match in _statements(_LOCAL_IMPORT, text):
        if _MARKDOWN_PATH.search(match["path"]):
            continue  # a Markdown partial: its headings are read
        names = re.findall(r"[A-Za-z_$][\w$]*", re.sub(r"\b\w+\s+as\b", "", match["names"]))
        if any(re.search(r"<" + re.escape(name) + r"[\s/>.]", text) for name in names if name[0].isupper()):
            return True
    return False


def _statements(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a MULTILINE pattern opening with ``(?:^|;)[ \t]*import``, tried only
    where "import" is written: without a literal prefix, the regex engine would try it at every character."""
    end = 0  # where the previous match ends: finditer resumes there
    position = text.find("import")
    while position != -1:
        start = position
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        if start > 0 and text[start - 1] == ";":
            start -= 1  # the match opens with the semicolon
        if start >= end and (start == 0 or text[start - 1] == "\n" or text[start] == ";"):
            match = pattern.match(text, start)
            if match:
                yield match
                end = match.end()
        position = text.find("import", max(position + 1, end))
