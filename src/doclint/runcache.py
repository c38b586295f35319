"""The run-level cache: an unchanged project answers from one entry, before any rule or parser is loaded.

The key covers everything a run's result depends on: doclint's version, the effective configuration, the
command-line selection, the rule packs and rule plugins installed, the bytes of every Markdown file of the
checked paths and docs roots, and the names, sizes and times of the files beside them (images, static
assets) that link rules look at. This module imports nothing heavy, so that a warm run stays cheap.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from doclint.cache import ResultCache, code_identity
from doclint.config import Config
from doclint.diagnostics import Diagnostic
from doclint.files import MARKDOWN_SUFFIXES, Selection, builtin_pack_dir, discover
from doclint.plugins import declarations
from doclint.project import run_docs_roots, site_dependencies

_SKIPPED = frozenset({".git", "node_modules", ".docusaurus"})


def answers_from_files(config: Config) -> bool:
    """False when a rule asks something outside the files (external links): such runs are never cached."""
    return not any(options.get("check_external") for options in config.rule_options.values())


def run_key(
    config: Config,
    paths: list[Path],
    options: tuple[object, ...],
    content_digests: dict[Path, bytes] | None = None,
) -> str:
    """The run's key; the SHA-256 of each Markdown file read for it is added to ``content_digests``
    (the per-file cache keys reuse them instead of reading every file again)."""
    digest = hashlib.sha256(
        f"doclint {code_identity()}\0{config!r}\0{options!r}\0".encode("utf-8", "surrogateescape")
    )
    for declaration, text in declarations():
        digest.update(f"\0{declaration}\0{text}".encode("utf-8", "surrogateescape"))
    for pack in _pack_files(config):
        _update_with_file(digest, pack)
    roots = run_docs_roots(config, paths)
    selection = Selection(config.include, config.exclude, config.root)
    for path in sorted(set(discover([*paths, *roots], selection))):
        content_digest = _update_with_file(digest, path, config.max_file_size)
        if content_digest is not None and content_digests is not None:
            content_digests[path] = content_digest
    _update_with_site(digest, config, paths, roots, markdown_stats=True)
    return digest.hexdigest()


def project_inputs_digest(
    config: Config,
    paths: list[Path],
    roots: tuple[Path, ...],
    fingerprint: str,
    targets: list[str],
    facts: list[tuple[str, bytes]],
) -> str:
    """The key of a project phase: the facts of every document (not their bytes: a prose edit keeps
    it), the configuration, rule selection and registries (``fingerprint``), the targets, the site files
    and the listing of the files beside the documents (a Markdown file's existence only)."""
    digest = hashlib.sha256(
        f"doclint {code_identity()} project\0{config!r}\0{fingerprint}\0{targets!r}\0".encode(
            "utf-8", "surrogateescape"
        )
    )
    for path, facts_digest in facts:
        digest.update(f"\0{path}\0".encode("utf-8", "surrogateescape") + facts_digest)
    _update_with_site(digest, config, paths, roots, markdown_stats=False)
    return digest.hexdigest()


def _update_with_site(
    digest: hashlib._Hash, config: Config, paths: list[Path], roots: tuple[Path, ...], markdown_stats: bool
) -> None:
    """The site files (sidebars, versions) and the listing of the folders whose files links may name."""
    site = config.site
    site_dir = Path(site.site_dir) if site.site_dir else config.root
    static = [site_dir / name for name in site.static_directories]
    folders = {*roots, *static, *(p.resolve() if p.is_dir() else p.resolve().parent for p in paths)}
    extra_folders, extra_files = site_dependencies(site, site_dir)  # blog and pages folders, sidebars files
    folders |= set(extra_folders)
    for path in sorted(extra_files):
        _update_with_file(digest, path)
    for folder in sorted(folders):
        for entry in _listing(folder, markdown_stats):
            digest.update(entry.encode("utf-8", "surrogateescape"))


def load(config: Config, key: str) -> tuple[list[Diagnostic], int] | None:
    """The diagnostics and the number of files checked of an identical earlier run, or None."""
    return ResultCache(config.root / config.cache_dir).load_run(key)


def store(config: Config, key: str, diagnostics: list[Diagnostic], files: int) -> None:
    ResultCache(config.root / config.cache_dir).store_run(key, diagnostics, files)


def _pack_files(config: Config) -> list[Path]:
    found = sorted(builtin_pack_dir().glob("*.y*ml"))
    for entry in config.rule_packs:
        path = (config.root / entry).resolve()
        found += sorted(path.rglob("*")) if path.is_dir() else [path]
    return found


def _update_with_file(digest: hashlib._Hash, path: Path, max_size: int | None = None) -> bytes | None:
    """Add the file's name and bytes to ``digest``; the SHA-256 of its bytes, or None when not read (a
    file over ``max_size`` is not read: the run reports its size, which the key then covers)."""
    digest.update(f"\0{path}\0".encode("utf-8", "surrogateescape"))
    try:
        size = path.stat().st_size
        if max_size is not None and size > max_size:
            digest.update(f"over the limit: {size}".encode())
            return None
        content_digest = hashlib.sha256(path.read_bytes()).digest()
    except OSError as error:
        digest.update(repr(error).encode())
        return None
    digest.update(content_digest)
    return content_digest


def _listing(folder: Path, markdown_stats: bool = True) -> list[str]:
    """Every file under ``folder`` with its size and time (a Markdown file's name only, unless
    ``markdown_stats``: the project phase reads its facts instead)."""
    listing: list[str] = []
    for current, directories, files in os.walk(folder):
        directories[:] = sorted(d for d in directories if d not in _SKIPPED and not d.startswith(".doclint"))
        for name in sorted(files):
            if not markdown_stats and os.path.splitext(name)[1].lower() in MARKDOWN_SUFFIXES:
                listing.append(f"{current}/{name}\n")
                continue
            try:
                stat = os.stat(os.path.join(current, name))
            except OSError:
                continue
            listing.append(f"{current}/{name}:{stat.st_size}:{stat.st_mtime_ns}\n")
    return listing
