"""A content-addressed cache of per-file results: the document's facts and its document-rule diagnostics
(and the Document itself only when rules that are never cached must run on it again), plus the findings
of whole runs and of project phases.

Entries are pickles read back through a restricted unpickler that can only build doclint's own data
classes and a few standard value types (the "restricting globals" recipe of the pickle documentation):
a cache directory is just files in a repository, and a foreign or corrupt entry must never run code or
be trusted. Each entry is keyed by the file's bytes, its path, the doclint version and a fingerprint of
the effective configuration, and carries its key: anything that fails to load, names a class outside
the allow-list, or carries another key is ignored and rebuilt. Writes go through a temporary file and
a rename, so concurrent runs never see half an entry (the last writer wins; a lost entry costs speed).

The per-file entries of one configuration live in one pack file, read once at the start of a run and
written once at its end: one file per document cost a file creation each (and a directory per key
prefix), which made a first run a third slower than a run without cache on some disks.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import importlib
import io
import json
import os
import pathlib
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from doclint import __version__
from doclint.diagnostics import Diagnostic, Fix
from doclint.site import SiteSettings

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.facts import DocumentFacts
    from doclint.suppression import Suppression

FORMAT_VERSION = 6  # 6: per-file entries packed in one file per configuration
_MAGIC = b"doclint-cache\n"
_STANDARD_TYPES = {
    ("datetime", "date"): datetime.date,
    ("datetime", "datetime"): datetime.datetime,
    ("datetime", "timedelta"): datetime.timedelta,
    ("datetime", "timezone"): datetime.timezone,
    ("pathlib", "PosixPath"): pathlib.PosixPath,
    ("pathlib", "WindowsPath"): pathlib.WindowsPath,
    ("pathlib", "Path"): pathlib.Path,
    ("builtins", "set"): set,
    ("builtins", "frozenset"): frozenset,
    ("collections", "OrderedDict"): __import__("collections").OrderedDict,
}


class CacheMiss(Exception):
    pass


@dataclass
class CachedFile:
    """One file's cached results. Its facts stay pickled (with a hash checked on load) until asked for: a run
    whose project phase is answered from its own cache (a prose edit) reads only what the end of a run reads
    of them, the file's path and suppression comments."""

    digest: bytes  # of the facts, as DocumentFacts.digest() computed it
    found: list[Diagnostic]  # the findings of the document rules that are cached
    path: Path
    display_path: str
    suppressions: tuple[Suppression, ...]
    removal_fixes: tuple[Fix | None, ...]
    facts_payload: bytes
    payload_hash: bytes
    document: Document | None = None  # kept only for the rules that are never cached

    @classmethod
    def of(
        cls, facts: DocumentFacts, digest: bytes, found: list[Diagnostic], document: Document | None = None
    ) -> CachedFile:
        payload = pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
        return cls(
            digest,
            found,
            facts.path,
            facts.display_path,
            facts.suppressions,
            facts.removal_fixes,
            payload,
            hashlib.sha256(payload).digest(),
            document,
        )

    def facts(self) -> DocumentFacts:
        """The document's facts, through the restricted unpickler; CacheMiss if they are not facts."""
        from doclint.facts import DocumentFacts

        facts = _unpickle(self.facts_payload)
        if not isinstance(facts, DocumentFacts):
            raise CacheMiss("malformed facts")
        return facts


class FileEntries:
    """One configuration's per-file entries: entry key -> (the file's slot, the pickled CachedFile).

    A slot is a file and whether its findings were reported or only indexed (a file outside the checked
    paths): a run replaces the entries of the slots it visited and keeps those of other files that still
    exist, so a run over a few files (a pre-commit hook) does not evict the rest of the project."""

    def __init__(self, packed: dict[str, tuple[str, bytes]]) -> None:
        self.packed = packed
        self.changed = False

    def load(self, key: str, settings: SiteSettings) -> CachedFile:
        try:
            payload = self.packed[key][1]
        except KeyError:
            raise CacheMiss("no entry") from None
        entry = _unpickle(payload)
        if not isinstance(entry, CachedFile) or not _well_formed(entry):
            raise CacheMiss("malformed entry")
        if not _diagnostics(entry.found):
            raise CacheMiss("malformed diagnostics")
        if entry.document is not None:
            entry.document.settings = settings
        return entry

    def replace(self, visited: dict[str, tuple[str, bytes | None]]) -> None:
        """Keep the entries ``visited`` (key -> slot and new payload, None when the entry was reused),
        drop the others of their slots, and those of files that no longer exist."""
        slots = {slot for slot, _ in visited.values()}
        kept = {
            key: value
            for key, value in self.packed.items()
            if key in visited or (value[0] not in slots and os.path.exists(value[0][1:]))
        }
        for key, (slot, payload) in visited.items():
            if payload is not None:
                kept[key] = (slot, payload)
        self.changed = kept.keys() != self.packed.keys()
        self.packed = kept


def entry_slot(path: Path, report: bool) -> str:
    """The slot of a file's entry: R or I (reported or indexed) and the file's path as the run named it
    (a run from another folder sees other slots, whose files may seem gone: that costs speed only)."""
    return ("R" if report else "I") + str(path)


def entry_payload(entry: CachedFile) -> bytes | None:
    """``entry`` pickled for the pack; None when a value in it cannot be pickled (a plugin's)."""
    if entry.document is not None:
        entry = dataclasses.replace(entry, document=_without_derived_state(entry.document))
    try:
        return pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


def _well_formed_slot(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], str)
        and value[0][:1] in ("R", "I")
        and isinstance(value[1], bytes)
    )


_allowed: dict[tuple[str, str], type] = {}  # doclint classes already checked: a warm run reads many entries


def _enum_member(owner: object, name: object) -> enum.Enum:
    """What ``getattr`` may do in an entry: some Python 3.11 releases pickle an enum member as
    ``getattr(EnumClass, "NAME")``. Only a member of an allowed enum is looked up; plain ``getattr`` would let
    an entry walk from an allowed class to anything."""
    if (
        isinstance(owner, type)
        and issubclass(owner, enum.Enum)
        and isinstance(name, str)
        and name in owner.__members__
    ):
        return owner.__members__[name]
    raise pickle.UnpicklingError("cache entry uses getattr for something other than an enum member")


class _RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        known = _STANDARD_TYPES.get((module, name)) or _allowed.get((module, name))
        if known is not None:
            return known
        if (module, name) == ("builtins", "getattr"):
            return _enum_member
        if module == "doclint" or module.startswith("doclint."):
            value = getattr(importlib.import_module(module), name, None)
            if isinstance(value, type) and (dataclasses.is_dataclass(value) or issubclass(value, enum.Enum)):
                _allowed[(module, name)] = value
                return value
        raise pickle.UnpicklingError(f"cache entry names {module}.{name}, which is not allowed")


@lru_cache(maxsize=1)
def code_identity() -> str:
    """doclint's version and a digest of its own files: a checkout, or an install from git, keeps its
    version number while its code changes, and results of other code must not be reused."""
    return f"{__version__}+{tree_digest(Path(__file__).resolve().parent)}"


def tree_digest(folder: Path) -> str:
    """A digest of the names, sizes and times of the files under ``folder`` (bytecode caches aside)."""
    digest = hashlib.sha256()
    for current, directories, files in os.walk(folder):
        directories[:] = sorted(name for name in directories if name != "__pycache__")
        for name in sorted(files):
            try:
                stat = os.stat(os.path.join(current, name))
            except OSError:
                continue
            digest.update(
                f"{current}/{name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode("utf-8", "surrogateescape")
            )
    return digest.hexdigest()[:16]


def entry_key(content_digest: bytes, display_path: str, fingerprint: str) -> str:
    """The key of a file's entry; ``content_digest`` is the SHA-256 of its bytes (the run key's, when it
    read them: a file is read and hashed once per run)."""
    digest = hashlib.sha256()
    for part in (f"doclint {code_identity()} cache {FORMAT_VERSION}", fingerprint, display_path):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(content_digest)
    return digest.hexdigest()


def config_fingerprint(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode("utf-8")).hexdigest()


class ResultCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._ready = False

    def _path(self, folder: str, key: str) -> Path:
        return self.directory / folder / f"{key}.entry"

    def load_files(self, name: str) -> FileEntries:
        """The per-file entries of the configuration ``name``; none when its pack is missing or unreadable."""
        try:
            packed = _read_entry(self._path("files", name), name)
        except CacheMiss:
            packed = {}
        if not isinstance(packed, dict) or not all(_well_formed_slot(value) for value in packed.values()):
            packed = {}
        return FileEntries(packed)

    def store_files(self, name: str, entries: FileEntries) -> None:
        if entries.changed and self._make_room("files"):
            self._write_entry(self._path("files", name), name, entries.packed)

    def load_run(self, key: str) -> tuple[list[Diagnostic], int] | None:
        """The final diagnostics and file count of an identical earlier run, or None."""
        try:
            found, files = _pair(_read_entry(self._path("runs", key), key))
        except CacheMiss:
            return None
        if not _diagnostics(found):
            return None
        return found, files if isinstance(files, int) else 0  # type: ignore[return-value]

    def store_run(self, key: str, found: list[Diagnostic], files: int) -> None:
        if self._make_room("runs"):
            self._write_entry(self._path("runs", key), key, (found, files))

    def load_project(self, key: str) -> list[Diagnostic] | None:
        """The project rules' findings of an earlier run whose project phase read the same inputs, or None."""
        try:
            found = _read_entry(self._path("projects", key), key)
        except CacheMiss:
            return None
        return found if _diagnostics(found) else None  # type: ignore[return-value]

    def store_project(self, key: str, found: list[Diagnostic]) -> None:
        if self._make_room("projects"):
            self._write_entry(self._path("projects", key), key, found)

    def _make_room(self, folder: str) -> bool:
        """Keep the last few entries of a folder (several configurations, CI matrices)."""
        entries = self.directory / folder
        try:
            entries.mkdir(parents=True, exist_ok=True)
            for stale in sorted(entries.glob("*.entry"), key=lambda p: p.stat().st_mtime)[:-7]:
                stale.unlink(missing_ok=True)
        except OSError:
            return False
        return True

    def _write_entry(self, target: Path, key: str, value: object) -> None:
        """Write ``value`` under its key atomically; an entry that cannot be written is simply not cached."""
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return  # something not cacheable (a plugin's value): correctness first, no entry
        try:
            self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
            import tempfile  # only runs that write entries need it (and what it loads): not a warm run

            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(_MAGIC + key.encode("ascii") + b"\n" + payload)
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


def _read_entry(path: Path, key: str) -> object:
    """The value stored under ``key`` at ``path``, through the restricted unpickler; CacheMiss otherwise."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CacheMiss(str(error)) from None
    header = _MAGIC + key.encode("ascii") + b"\n"
    if not data.startswith(header):
        raise CacheMiss("foreign entry")
    return _unpickle(data[len(header) :])


def _unpickle(payload: bytes) -> object:
    """``payload`` through the restricted unpickler; CacheMiss when it cannot be read."""
    try:
        return _RestrictedUnpickler(io.BytesIO(payload)).load()
    except Exception as error:  # noqa: BLE001 - a malformed payload is a miss, whatever the unpickler raised
        raise CacheMiss(f"unreadable entry: {error}") from None


def _well_formed(entry: CachedFile) -> bool:
    """The fields a run reads are there and of their types (an entry of another format version lacks some)."""
    from doclint.suppression import Suppression

    if any(not hasattr(entry, name) for name in CachedFile.__dataclass_fields__):
        return False
    return (
        isinstance(entry.digest, bytes)
        and isinstance(entry.path, Path)
        and isinstance(entry.display_path, str)
        and isinstance(entry.suppressions, tuple)
        and all(isinstance(item, Suppression) for item in entry.suppressions)
        and isinstance(entry.removal_fixes, tuple)
        and len(entry.removal_fixes) == len(entry.suppressions)
        and all(fix is None or isinstance(fix, Fix) for fix in entry.removal_fixes)
        and isinstance(entry.facts_payload, bytes)
        and hashlib.sha256(entry.facts_payload).digest() == entry.payload_hash
    )


def _diagnostics(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, Diagnostic) for item in value)


def file_digests(paths: list[Path]) -> list[str]:
    """A digest of each file's bytes ("" for a file that cannot be read)."""
    digests = []
    for path in paths:
        try:
            digests.append(hashlib.sha256(path.read_bytes()).hexdigest())
        except OSError:
            digests.append("")
    return digests


def _pair(value: object) -> tuple[object, object]:
    if not isinstance(value, tuple) or len(value) != 2:
        raise CacheMiss("malformed entry")
    return value


def _without_derived_state(document: Document) -> Document:
    """A shallow copy without cached properties (masked text, comments): they are cheap to recompute."""
    copy = dataclasses.replace(document)
    copy.settings = SiteSettings()
    return copy


def clear(directory: Path) -> tuple[int, int]:
    """Remove a cache directory; returns how many files it held and their bytes."""
    files = size = 0
    if not directory.is_dir():
        return 0, 0
    for path in sorted(directory.rglob("*"), reverse=True):
        if path.is_file() or path.is_symlink():
            files += 1
            size += path.lstat().st_size
            path.unlink()
        elif path.is_dir():
            path.rmdir()
    directory.rmdir()
    return files, size
