"""Helpers for the rule-pack tests: a project with a pack, linted the way `doclint check` lints it."""

from __future__ import annotations

from pathlib import Path

import yaml

from doclint.config import load_config
from doclint.diagnostics import Diagnostic
from doclint.engine import Linter
from support import write_tree


def project(
    root: Path, checks: list[dict], files: dict[str, str], extra: dict[str, str] | None = None
) -> Path:
    """A project under ``root``: doclint.toml naming rules/pack.yaml, the pack with ``checks``, and ``files``."""
    pack = {"pack": "test-pack", "checks": checks}
    write_tree(
        root,
        {
            "doclint.toml": 'docs = ["docs"]\nrule-packs = ["rules/pack.yaml"]\n',
            "rules/pack.yaml": yaml.safe_dump(pack, sort_keys=False, allow_unicode=True),
            **files,
            **(extra or {}),
        },
    )
    return root


def lint(root: Path, *paths: str) -> list[Diagnostic]:
    targets = [root / path for path in paths] or [root]
    linter = Linter(load_config([root]), use_cache=False)
    return linter.run(targets).diagnostics


def found(root: Path, code: str, *paths: str) -> list[tuple[str, int, int, str]]:
    return [
        (d.path.split("/docs/")[-1] if "/docs/" in d.path else d.path, d.line, d.column, d.message)
        for d in lint(root, *paths)
        if d.code == code
    ]


def check(code: str, kind: str, **fields) -> dict:  # type: ignore[no-untyped-def]
    return {
        "code": code,
        "name": f"test-{code.lower()}",
        "kind": kind,
        "documentation": "Why it matters.",
        **fields,
    }
