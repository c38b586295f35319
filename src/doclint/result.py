"""What a lint run produced (kept free of heavy imports: a cached run builds one too)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from doclint.diagnostics import Diagnostic

if TYPE_CHECKING:
    from doclint.document import Document


@dataclass
class LintResult:
    """The diagnostics of a run, the files it checked, and what the fixer needs of it."""

    diagnostics: list[Diagnostic]
    files: list[Path]
    documents: dict[Path, Document] = field(default_factory=dict)  # only when the run keeps them (fixes)
    raw: dict[Path, bytes] = field(default_factory=dict)  # the bytes each document was built from
    internal_errors: list[str] = field(default_factory=list)
    cached_file_count: int | None = None  # set when the run was answered from the run-level cache

    @property
    def file_count(self) -> int:
        return self.cached_file_count if self.cached_file_count is not None else len(self.files)
