"""doclint: lint Docusaurus documentation series."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "lint_paths"]

if TYPE_CHECKING:
    from doclint.engine import lint_paths


def __getattr__(name: str) -> Any:
    # Imported lazily so that `doclint --version` does not load the parser and the rules.
    if name == "lint_paths":
        from doclint.engine import lint_paths

        return lint_paths
    raise AttributeError(f"module 'doclint' has no attribute {name!r}")
