"""A diagnostic is data: where, which rule, how bad, what, and optionally how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


FixSafety = Literal["safe", "unsafe"]


@dataclass(frozen=True)
class Edit:
    """Replace the text between two positions (1-based line/column, end exclusive) with ``replacement``."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "replacement": self.replacement,
        }


@dataclass(frozen=True)
class Fix:
    """A proposed change to the file: its edits, whether applying it is safe, and what it does."""

    edits: tuple[Edit, ...]
    safety: FixSafety
    description: str
    # Source lines (first, last; before the fix) whose rendering the fix means to change besides the lines
    # it edits, e.g. a title fix that turns text into an admonition changes its body too. The render check
    # compares everything outside the edits and this scope.
    scope: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "safety": self.safety,
            "description": self.description,
            "edits": [e.to_dict() for e in self.edits],
        }


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding: where (1-based line and column), which rule, what is wrong, and how to fix it if known."""

    path: str
    line: int
    column: int
    code: str
    message: str = field(compare=True)
    end_line: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)
    name: str = field(default="", compare=False)
    severity: Severity = field(default=Severity.ERROR, compare=False)
    fix: Fix | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.end_line < self.line:
            object.__setattr__(self, "end_line", self.line)
        if self.end_line == self.line and self.end_column < self.column:
            object.__setattr__(self, "end_column", self.column)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix.to_dict() if self.fix else None,
        }
