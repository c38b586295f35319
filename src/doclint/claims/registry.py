"""The series' citation registries: ``references.yaml`` (CSL YAML) and ``claims.yaml`` (facts).

Both are read once per run (``ProjectIndex.registry``) from the files named in ``[claims]``. The
loader keeps every entry as written, duplicates included, with the line of each field, so the
rules can say where a problem is; it judges nothing itself except what stops a file from being
read at all (YAML syntax, a top level that is not a list of entries).

A footnote label resolves against a registry the way GFM matches labels: case-insensitively.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from doclint.config import RegistryFiles
from doclint.parsing.frontmatter import MAX_EXPANDED_NODES, _expanded_size, _Yaml12Loader

Kind = Literal["reference", "claim"]


def normalize_label(label: str) -> str:
    """micromark's normalizeIdentifier: labels match case-insensitively, inner whitespace collapsed."""
    return " ".join(label.split()).lower().upper()


@dataclass(frozen=True)
class Entry:
    """One reference or claim as written: its fields and the line of each."""

    kind: Kind
    id: str | None
    fields: Mapping[str, Any]
    path: str  # display path of the registry file
    line: int
    field_lines: Mapping[str, int] = field(default_factory=dict)

    @property
    def key(self) -> str | None:
        return normalize_label(self.id) if self.id else None

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name, self.line)

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)


@dataclass(frozen=True)
class RegistryProblem:
    """A registry file that cannot be read as a list of entries."""

    path: str
    line: int
    column: int
    message: str


@dataclass(eq=False)  # identity: the rules cache what they derive from one registry
class Registry:
    references: list[Entry] = field(default_factory=list)
    claims: list[Entry] = field(default_factory=list)
    problems: list[RegistryProblem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # display paths of the files that exist

    def __post_init__(self) -> None:
        self._by_key: dict[str, Entry] = {}
        for entry in [*self.claims, *self.references]:  # a claim id wins over an equal reference id
            if entry.key is not None:
                self._by_key.setdefault(entry.key, entry)

    @property
    def empty(self) -> bool:
        return not self.files

    def entries(self) -> Iterator[Entry]:
        yield from self.references
        yield from self.claims

    def lookup(self, label: str) -> Entry | None:
        return self._by_key.get(normalize_label(label))

    def reference(self, label: str) -> Entry | None:
        entry = self.lookup(label)
        if entry is not None and entry.kind == "reference":
            return entry
        key = normalize_label(label)
        return next((ref for ref in self.references if ref.key == key), None)

    def ids(self) -> list[str]:
        return [entry.id for entry in self.entries() if entry.id]

    def footnote_text(self, entry: Entry) -> str:
        """The body of a generated footnote definition: source, title, year, locator, link."""
        source = self.reference(str(entry.get("source", ""))) if entry.kind == "claim" else entry
        parts: list[str] = []
        if source is not None:
            parts.extend(_reference_parts(source))
        if entry.kind == "claim" and entry.get("locator"):
            parts.append(str(entry.get("locator")))
        text = ", ".join(part for part in parts if part) or (entry.id or "")
        link = _link(source) if source is not None else ""
        return f"{text}. {link}".rstrip() if link else f"{text}."


def _reference_parts(reference: Entry) -> list[str]:
    parts = [
        _authors(reference.get("author")),
        f'"{reference.get("title")}"' if reference.get("title") else "",
    ]
    container = reference.get("container-title")
    if isinstance(container, str):
        parts.append(container)
    year = _year(reference.get("issued"))
    if year:
        parts.append(year)
    return parts


def _authors(authors: Any) -> str:
    if not isinstance(authors, list) or not authors:
        return ""
    first = authors[0]
    name = first.get("family") or first.get("literal") or "" if isinstance(first, Mapping) else str(first)
    return f"{name} et al." if len(authors) > 1 else str(name)


def _year(issued: Any) -> str:
    if isinstance(issued, Mapping):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return str(parts[0][0])
        return str(issued.get("literal") or issued.get("raw") or "")
    if isinstance(issued, (datetime.date, int)):
        return str(issued.year if isinstance(issued, datetime.date) else issued)
    if isinstance(issued, str):
        return issued[:4]
    return ""


def _link(reference: Entry) -> str:
    if reference.get("URL"):
        return str(reference.get("URL"))
    if reference.get("DOI"):
        return f"https://doi.org/{reference.get('DOI')}"
    return ""


def load_registry(root: Path, files: RegistryFiles) -> Registry:
    found: dict[Kind, list[Entry]] = {"reference": [], "claim": []}
    problems: list[RegistryProblem] = []
    shown: list[str] = []
    kinds: tuple[tuple[Kind, tuple[str, ...]], ...] = (
        ("reference", files.references),
        ("claim", files.claims),
    )
    for kind, names in kinds:
        for name in names:
            path = (root / name).resolve()
            if path.is_file():
                display = display_path(path)
                shown.append(display)
                found[kind].extend(_read(path, display, kind, problems))
    return Registry(found["reference"], found["claim"], problems, shown)


def display_path(path: Path) -> str:
    """The path as the engine shows document paths: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


_LIST_KEYS = {"reference": "references", "claim": "claims"}


def _read(path: Path, display: str, kind: Kind, problems: list[RegistryProblem]) -> list[Entry]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(RegistryProblem(display, 1, 1, f"cannot read {kind} registry: {error}"))
        return []
    try:
        node = yaml.compose(text, Loader=_Yaml12Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.append(RegistryProblem(display, line, column, f"not valid YAML: {error.problem or error}"))
        return []
    if node is None:
        return []
    if _expanded_size(node, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES:
        problems.append(
            RegistryProblem(display, 1, 1, "expands to too many YAML nodes through aliases; not read")
        )
        return []
    body = _entry_collection(node, _LIST_KEYS[kind])
    if body is None:
        problems.append(
            RegistryProblem(
                display,
                node.start_mark.line + 1,
                1,
                f"expected a list of entries under '{_LIST_KEYS[kind]}:' (CSL YAML), found something else",
            )
        )
        return []
    return list(_entries(body, display, kind, problems))


def _entry_collection(node: yaml.Node, list_key: str) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode):
        return node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == list_key:
                return value if isinstance(value, (yaml.SequenceNode, yaml.MappingNode)) else None
    return None


def _entries(body: yaml.Node, display: str, kind: Kind, problems: list[RegistryProblem]) -> Iterator[Entry]:
    if isinstance(body, yaml.SequenceNode):
        for item in body.value:
            entry = _entry(item, display, kind, None, problems)
            if entry is not None:
                yield entry
        return
    for key, value in body.value:  # the mapping form: ``id: {fields}``
        entry = _entry(value, display, kind, key, problems)
        if entry is not None:
            yield entry


def _entry(
    node: yaml.Node, display: str, kind: Kind, key: yaml.Node | None, problems: list[RegistryProblem]
) -> Entry | None:
    line = (key or node).start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problems.append(
            RegistryProblem(display, line, node.start_mark.column + 1, f"a {kind} entry must be a mapping")
        )
        return None
    fields: dict[str, Any] = {}
    lines: dict[str, int] = {}
    constructor = _Yaml12Loader("")
    for key_node, value_node in node.value:
        name = str(constructor.construct_object(key_node, deep=True))
        if name in fields:
            problems.append(
                RegistryProblem(
                    display,
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    f"field '{name}' is written twice in one {kind}",
                )
            )
            continue
        fields[name] = _construct(constructor, value_node)
        lines[name] = value_node.start_mark.line + 1
    entry_id = fields.get("id")
    if key is not None:  # the mapping form: ``gpt3.params: {...}``
        entry_id = str(constructor.construct_object(key, deep=True))
        lines.setdefault("id", line)
    identifier = str(entry_id) if isinstance(entry_id, (str, int, float)) and str(entry_id).strip() else None
    return Entry(kind, identifier, fields, display, line, lines)


def _construct(constructor: yaml.SafeLoader, node: yaml.Node) -> Any:
    """The node's value; a scalar YAML cannot construct (the date 2020-02-30) stays as written."""
    try:
        return constructor.construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError):
        return node.value if isinstance(node, yaml.ScalarNode) else None
