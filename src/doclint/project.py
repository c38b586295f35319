"""The project index: every document of the docs root(s) with its Docusaurus identity.

Cross-document rules read this, never a file. It is built from Documents that were each parsed once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from doclint.config import RegistryFiles
from doclint.document import Document
from doclint.site import SiteSettings

if TYPE_CHECKING:
    from doclint.claims.registry import Registry

_NUMBER_PREFIX_IGNORED = re.compile(r"^\d+[-_.]\d+")
_NUMBER_PREFIX = re.compile(r"^(?P<prefix>\d+)\s*[-_.]+\s*(?P<suffix>[^-_.\s].*)$")
_INDEX_NAMES = frozenset({"index", "readme"})


def strip_number_prefix(name: str) -> tuple[str, int | None]:
    """Docusaurus's DefaultNumberPrefixParser: ``01-intro`` -> (``intro``, 1); dates and versions kept."""
    if _NUMBER_PREFIX_IGNORED.match(name):
        return name, None
    match = _NUMBER_PREFIX.match(name)
    if not match:
        return name, None
    return match.group("suffix"), int(match.group("prefix"))


def is_excluded_from_docs(relative: PurePosixPath) -> bool:
    """The docs plugin's default exclude globs: ``_``-prefixed files and folders, tests."""
    parts = relative.parts
    if any(part.startswith("_") for part in parts):
        return True
    return "__tests__" in parts or bool(re.search(r"\.test\.[jt]sx?$", relative.name))


@dataclass(frozen=True)
class DocIdentity:
    doc_id: str
    slug: str
    permalink: str
    number_prefix: int | None
    is_category_index: bool


@dataclass
class ProjectIndex:
    settings: SiteSettings
    docs_roots: tuple[Path, ...]
    documents: dict[Path, Document] = field(default_factory=dict)
    identities: dict[Path, DocIdentity] = field(default_factory=dict)
    project_root: Path = Path(".")
    registry_files: RegistryFiles = field(default_factory=RegistryFiles)

    @classmethod
    def build(
        cls,
        documents: Iterable[Document],
        settings: SiteSettings,
        docs_roots: tuple[Path, ...],
        project_root: Path,
        registry_files: RegistryFiles | None = None,
    ) -> ProjectIndex:
        index = cls(settings, docs_roots, project_root=project_root, registry_files=registry_files or RegistryFiles())
        for document in documents:
            index.documents[document.path] = document
            root = index.docs_root_of(document.path)
            if root is not None:
                relative = PurePosixPath(document.path.relative_to(root).as_posix())
                if not is_excluded_from_docs(relative):
                    index.identities[document.path] = _identity(document, relative, settings)
        return index

    @cached_property
    def registry(self) -> Registry:
        """The series' references.yaml and claims.yaml, read once per run on first use."""
        from doclint.claims.registry import load_registry

        return load_registry(self.project_root, self.registry_files)

    def docs_root_of(self, path: Path) -> Path | None:
        for root in self.docs_roots:
            if path == root or root in path.parents:
                return root
        return None

    def is_doc(self, path: Path) -> bool:
        return path in self.identities

    def document(self, path: Path) -> Document | None:
        return self.documents.get(path)

    def by_doc_id(self) -> dict[str, list[Path]]:
        ids: dict[str, list[Path]] = {}
        for path, identity in self.identities.items():
            ids.setdefault(identity.doc_id, []).append(path)
        return ids


def _identity(document: Document, relative: PurePosixPath, settings: SiteSettings) -> DocIdentity:
    front_matter = document.front_matter_data
    parse_prefixes = settings.number_prefix_parser and front_matter.get("parse_number_prefixes", True) is not False
    directories = [strip_number_prefix(part)[0] if parse_prefixes else part for part in relative.parent.parts]
    stem = relative.stem
    stripped_stem, number_prefix = strip_number_prefix(stem) if parse_prefixes else (stem, None)
    base_id = str(front_matter["id"]) if isinstance(front_matter.get("id"), (str, int, float)) else stripped_stem
    doc_id = "/".join([*directories, base_id])
    raw_parent = relative.parent.name
    is_category_index = stem.lower() in _INDEX_NAMES or (bool(raw_parent) and stem == raw_parent)
    directory_slug = "/" + "/".join(directories) if directories else "/"
    slug_value = front_matter.get("slug")
    if isinstance(slug_value, str) and slug_value:
        slug = slug_value if slug_value.startswith("/") else _join(directory_slug, slug_value)
    elif is_category_index:
        slug = directory_slug
    else:
        slug = _join(directory_slug, base_id)
    route_base = settings.route_base_path.strip("/")
    permalink = _join("/" + route_base if route_base else "/", slug.lstrip("/")) if slug != "/" else (
        "/" + route_base if route_base else "/"
    )
    return DocIdentity(doc_id, slug, permalink, number_prefix, is_category_index)


def _join(base: str, tail: str) -> str:
    joined = str(PurePosixPath(base) / tail) if tail else base
    return joined if joined.startswith("/") else "/" + joined
