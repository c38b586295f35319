"""Helpers to run a rule's documented examples; used by doclint's tests and by plugin authors."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from doclint.config import Config
from doclint.diagnostics import Diagnostic
from doclint.engine import Linter
from doclint.rules.base import EngineRule, Example, Rule


def write_example(example: Example, root: Path) -> Path:
    """Write the example's files under ``root``; return the path of the file under test."""
    write_files(root, dict(example.files))
    return root / example.path


def run_example(rule: type[Rule], example: Example) -> list[Diagnostic]:
    """Lint the example's first file with only ``rule`` selected; the other files form the project."""
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory).resolve()
        target = write_example(example, root)
        docs_root = str(Path(example.path).parts[0]) if len(Path(example.path).parts) > 1 else "."
        config = Config(root=root, docs=(docs_root,))
        config = replace(
            config,
            site=replace(config.site, site_dir=str(root), **dict(example.site)),
            rule_options={rule.code: dict(example.options)},
            # a pack rule exists only where its pack is loaded
            rule_packs=(str(rule.pack_file),) if getattr(rule, "pack_file", None) else (),
        )
        # engine diagnostics are about other rules' findings (e.g. unused suppressions): run them all
        linter = Linter(config, select=("ALL",) if issubclass(rule, EngineRule) else (rule.code,))
        return [d for d in linter.run([target]).diagnostics if d.code == rule.code]


def write_files(root: Path, files: Mapping[str, str | bytes]) -> None:
    """Write a tree of files (relative path -> text or bytes) under ``root``."""
    for relative, content in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def lint_tree(
    root: Path,
    targets: list[str] | None = None,
    select: tuple[str, ...] = ("ALL",),
    options: dict | None = None,
    use_cache: bool = True,
) -> list[Diagnostic]:
    """Lint ``targets`` under ``root`` (default: all of it) as the CLI would, configuration found from there.

    ``use_cache=False`` for a tree that must not be written to (the result cache lives in it)."""
    from doclint.config import load_config

    paths = [root / target for target in targets] if targets else [root]
    config = load_config(paths)
    if options:
        config = replace(config, rule_options=options)
    return Linter(config, select=select, use_cache=use_cache).run(paths).diagnostics
