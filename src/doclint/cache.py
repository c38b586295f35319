"""A content-addressed cache of per-file results: the Document and its document-rule diagnostics.

Entries are JSON, never pickle: a cache directory is just files in the repository, and a foreign or
corrupt entry must never run code or be trusted. Each entry is keyed by the file's bytes, its path, the
doclint version and a fingerprint of the effective configuration; anything that fails to decode, or
whose embedded key differs, is ignored and rebuilt. Writes go through a temporary file and a rename,
so concurrent runs never see half an entry.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from doclint import __version__, diagnostics, model
from doclint.document import Document
from doclint.parsing import frontmatter
from doclint.site import SiteSettings
from doclint.source import SourceText

FORMAT_VERSION = 2  # 2: Paragraph.footnote_offsets and code_spans
_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for module in (model, diagnostics, frontmatter)
    for cls in vars(module).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__
}
_ENUMS: dict[str, type[enum.Enum]] = {"Severity": diagnostics.Severity}
_DOCUMENT_SKIPPED_FIELDS = frozenset({"settings", "source"})


class CacheMiss(Exception):
    pass


def entry_key(data: bytes, display_path: str, fingerprint: str) -> str:
    digest = hashlib.sha256()
    for part in (f"doclint {__version__} cache {FORMAT_VERSION}", fingerprint, display_path):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(data)
    return digest.hexdigest()


def config_fingerprint(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode("utf-8")).hexdigest()


class ResultCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._ready = False

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def load(self, key: str, settings: SiteSettings) -> tuple[Document, list[diagnostics.Diagnostic]]:
        try:
            payload = json.loads(self._path(key).read_text(encoding="utf-8"))
            if payload.get("key") != key:
                raise CacheMiss("foreign entry")
            document = _decode_document(payload["document"], settings)
            found = [_decode(item) for item in payload["diagnostics"]]
        except CacheMiss:
            raise
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise CacheMiss(str(error)) from None
        if not all(isinstance(item, diagnostics.Diagnostic) for item in found):
            raise CacheMiss("malformed diagnostics")
        return document, found

    def store(self, key: str, document: Document, found: list[diagnostics.Diagnostic]) -> None:
        try:
            payload = {"key": key, "document": _encode_document(document), "diagnostics": [_encode(d) for d in found]}
            text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        except TypeError:
            return  # something not cacheable (a plugin's value): correctness first, no entry
        target = self._path(key)
        try:
            self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, target)
        except OSError:
            return  # a read-only or full disk costs speed, never the run

    def _prepare(self) -> None:
        if self._ready:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        ignore = self.directory / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# created by doclint\n*\n", encoding="utf-8")
        self._ready = True


def clear(directory: Path) -> int:
    """Remove a cache directory; returns the number of entries removed."""
    removed = 0
    if not directory.is_dir():
        return 0
    for path in sorted(directory.rglob("*"), reverse=True):
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed += path.suffix == ".json"
        elif path.is_dir():
            path.rmdir()
    directory.rmdir()
    return removed


def _encode_document(document: Document) -> dict[str, Any]:
    fields = {
        field.name: _encode(getattr(document, field.name))
        for field in dataclasses.fields(document)
        if field.name not in _DOCUMENT_SKIPPED_FIELDS
    }
    source = document.source
    fields["source"] = [source.text, source.has_bom, source.newline, source.mixed_newlines]
    return fields


def _decode_document(data: dict[str, Any], settings: SiteSettings) -> Document:
    text, has_bom, newline, mixed = data.pop("source")
    values = {name: _decode(value) for name, value in data.items()}
    return Document(source=SourceText(text, has_bom, newline, mixed), settings=settings, **values)


def _encode(value: Any) -> Any:
    if isinstance(value, enum.Enum):  # before str: Severity is a str enum
        return {"__enum": type(value).__name__, "value": value.value}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if dataclasses.is_dataclass(value) and type(value).__name__ in _CLASSES:
        encoded = {field.name: _encode(getattr(value, field.name)) for field in dataclasses.fields(value)}
        return {"__dc": type(value).__name__, "fields": encoded}
    if isinstance(value, Path):
        return {"__path": str(value)}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_encode(item) for item in value]
        return items if isinstance(value, list) else {"__" + type(value).__name__: items}
    if isinstance(value, dict):
        if all(isinstance(key, str) for key in value):
            return {"__dict": {key: _encode(item) for key, item in value.items()}}
        raise TypeError("dict with non-string keys")
    if isinstance(value, datetime.datetime):
        return {"__datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"__date": value.isoformat()}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "__dc" in value:
        cls = _CLASSES[value["__dc"]]
        return cls(**{name: _decode(item) for name, item in value["fields"].items()})
    if "__enum" in value:
        return _ENUMS[value["__enum"]](value["value"])
    if "__dict" in value:
        return {key: _decode(item) for key, item in value["__dict"].items()}
    if "__path" in value:
        return Path(value["__path"])
    for name, build in (("__tuple", tuple), ("__set", set), ("__frozenset", frozenset)):
        if name in value:
            return build(_decode(item) for item in value[name])
    if "__datetime" in value:
        return datetime.datetime.fromisoformat(value["__datetime"])
    if "__date" in value:
        return datetime.date.fromisoformat(value["__date"])
    raise ValueError("unknown cache value")
