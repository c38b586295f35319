"""Finding the files to lint and reading them safely (no symlink escapes, bounded size)."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MARKDOWN_SUFFIXES = frozenset({".md", ".mdx", ".mmd", ".mermaid"})
_SKIPPED_DIRECTORIES = frozenset({".git", "node_modules", ".docusaurus", "__pycache__", ".venv", "venv"})


class ReadProblem(Exception):
    """A file that cannot be linted: the message says why, for a DL001 diagnostic."""


@dataclass(frozen=True)
class Selection:
    """The include and exclude globs of a run, relative to the project root."""

    include: tuple[str, ...]
    exclude: tuple[str, ...]
    root: Path

    def wants(self, path: Path) -> bool:
        relative = _relative_posix(path, self.root)
        if _globs_pattern(self.exclude).match(relative):
            return False
        return bool(_globs_pattern(self.include).match(relative))


def _relative_posix(path: Path, root: Path) -> str:
    # string arithmetic first: Path.relative_to costs more than the globs it feeds, on every file of a walk
    text, prefix = str(path), os.path.join(str(root), "")
    if text.startswith(prefix):
        return text[len(prefix) :].replace(os.sep, "/")
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def glob_match(relative: str, pattern: str) -> bool:
    return bool(_globs_pattern((pattern,)).match(relative))


@lru_cache(maxsize=256)
def _globs_pattern(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a list of globs (discovery asks it of every file, so it is compiled once)."""
    alternatives = [fnmatch.translate(pattern) for pattern in patterns]
    # "**/x" also matches "x" at the top, as gitignore-style globs do
    alternatives += [fnmatch.translate(pattern[3:]) for pattern in patterns if pattern.startswith("**/")]
    return re.compile("|".join(alternatives) or "(?!)")


def discover(paths: Iterable[Path], selection: Selection) -> Iterator[Path]:
    """Markdown files under ``paths``, each once, in a stable order. Explicit files are always taken."""
    seen: set[Path] = set()
    walked: list[Path] = []
    for path in paths:
        resolved = path.resolve()
        if resolved.is_file():
            candidates: Iterable[Path] = [resolved]
        elif any(folder == resolved or folder in resolved.parents for folder in walked):
            continue  # inside a folder already walked: its files were all yielded (docs/ after .)
        else:
            walked.append(resolved)
            candidates = (candidate for candidate in _walk(resolved) if selection.wants(candidate))
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                yield candidate


def _walk(directory: Path) -> list[Path]:
    """The Markdown files under ``directory`` in os.walk's top-down order (folders and files sorted by
    name), skipping hidden and build folders, never entering a linked folder nor taking a linked file
    that leaves the tree. One scandir per folder: its entries already know whether they are links."""
    found: list[Path] = []
    real_root = directory.resolve()
    folders = [directory]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue  # unreadable or gone: os.walk skips it too
        subfolders: list[Path] = []
        for entry in entries:
            if _is_folder(entry):  # a link to a folder is one too, but is not entered
                if (
                    not entry.is_symlink()
                    and entry.name not in _SKIPPED_DIRECTORIES
                    and entry.name[:1] != "."
                ):
                    subfolders.append(folder / entry.name)
                continue
            if os.path.splitext(entry.name)[1].lower() not in MARKDOWN_SUFFIXES:
                continue
            candidate = folder / entry.name
            if entry.is_symlink() and real_root not in candidate.resolve().parents:
                continue  # a link leaving the tree is never followed
            found.append(candidate)
        folders.extend(reversed(subfolders))
    return found


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_bytes(path: Path, max_size: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_size:
            raise ReadProblem(
                f"file is {size:,} bytes, over the {max_size:,}-byte limit (max-file-size); skipped"
            )
        with path.open("rb") as handle:
            # read(n) allocates n bytes up front: ask for what stat saw, and for the rest only if it grew
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(max_size + 1 - len(data))
    except FileNotFoundError:
        raise ReadProblem("file disappeared before it could be read") from None
    except IsADirectoryError:
        raise ReadProblem("is a directory") from None
    except OSError as error:
        raise ReadProblem(f"cannot read file: {error.strerror or error}") from None
    if len(data) > max_size:
        raise ReadProblem(f"file grew past the {max_size:,}-byte limit while being read; skipped")
    return data


def display_path(path: Path) -> str:
    """``path`` as diagnostics show it: relative to the working directory when below it."""
    return _display_path_in(path, os.getcwd())


@lru_cache(maxsize=65536)
def _display_path_in(path: Path, cwd: str) -> str:
    """``path`` relative to ``cwd`` when inside it (the working directory is part of the cache key)."""
    if os.name != "posix":  # relative_to knows the platform's rules (case, drives)
        try:
            return resolved_file(path).relative_to(_resolved(cwd)).as_posix()
        except ValueError:
            return path.as_posix()
    # the same answer in string arithmetic: every file of a run is shown, and pathlib costs ~10 us a call
    folder, name = os.path.split(os.fspath(path))
    if name in ("", ".", "..") or os.path.islink(path):
        full = os.path.realpath(path)
    else:
        full = os.path.join(_real_folder(folder or "."), name)
    base = _real_folder(cwd)
    if full == base:
        return "."
    prefix = base if base.endswith("/") else base + "/"
    return full[len(prefix) :] if full.startswith(prefix) else path.as_posix()


def resolved_file(path: Path) -> Path:
    """``path.resolve()``, resolving each folder once: a file that is no symlink is its name in its folder."""
    if path.name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    return _resolved(str(path.parent)) / path.name


@lru_cache(maxsize=4096)
def _resolved(folder: str) -> Path:
    return Path(folder).resolve()


@lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def builtin_pack_dir() -> Path:
    """The built-in YAML rule packs: inside the wheel (``doclint/packs``), or ``rules/`` in a source checkout."""
    package = Path(__file__).resolve().parent  # doclint reads its packs as files: it is never run from a zip
    packaged = package / "packs"
    return packaged if packaged.is_dir() else package.parents[1] / "rules"
