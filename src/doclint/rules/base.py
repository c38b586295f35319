"""What a rule is: a small, self-describing class with a code, a name, a severity and its own documentation.

A rule's class docstring is its user documentation (``doclint rule CODE`` prints it) with the sections
"What it does", "Why it matters" and, for fixable rules, "Fix safety". ``examples`` holds Markdown that
must fire the rule and Markdown that must not: the test suite runs every one of them.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from doclint.diagnostics import Diagnostic, Edit, Fix, FixSafety, Severity

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.facts import Series
    from doclint.project import ProjectIndex
    from doclint.site import SiteSettings

DEFAULT_EXAMPLE_PATH = "docs/example.md"


@dataclass(frozen=True)
class Example:
    """A tiny project. ``files`` maps relative paths to contents; the first file is the one under test.

    ``options`` are this rule's options (as a rule pack would set them); ``site`` overrides site
    settings (``{"markdown_format": "md"}``); ``config`` is extra doclint configuration (TOML keys).
    """

    files: Mapping[str, str | bytes]
    options: Mapping[str, Any] = field(default_factory=dict)
    site: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""

    @classmethod
    def of(cls, text: str, path: str = DEFAULT_EXAMPLE_PATH, **kwargs: Any) -> Example:
        return cls({path: text}, **kwargs)

    @property
    def path(self) -> str:
        return next(iter(self.files))


@dataclass(frozen=True)
class Examples:
    """A rule's documented examples: sources that must fail and sources that must pass (run as tests)."""

    failing: tuple[Example, ...]
    passing: tuple[Example, ...]


@dataclass
class RuleContext:
    """What a rule may read besides its input: its options and the site's settings."""

    options: Mapping[str, Any]
    settings: SiteSettings


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    fix_safety: ClassVar[FixSafety | None] = None  # None: the rule never offers a fix
    scope: ClassVar[Literal["document", "project"]] = "document"
    examples: ClassVar[Examples]
    default_options: ClassVar[Mapping[str, Any]] = {}
    origin: ClassVar[str] = "doclint"
    # A pure rule's findings depend only on the document and the configuration, so they are cached with it.
    # A rule that also looks at the file system (does a linked file exist?) sets this to False.
    pure: ClassVar[bool] = True

    @property
    def fixable(self) -> bool:
        return self.fix_safety is not None

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        for line in cls.documentation().splitlines():
            if line.strip() and not line.startswith("#"):
                return line.strip()
        return ""

    def diagnostic(
        self,
        path: str,
        line: int,
        column: int,
        message: str,
        *,
        end_line: int | None = None,
        end_column: int | None = None,
        fix: Fix | None = None,
    ) -> Diagnostic:
        return Diagnostic(
            path=path,
            line=max(line, 1),
            column=max(column, 1),
            code=self.code,
            message=message,
            end_line=end_line if end_line is not None else line,
            end_column=end_column if end_column is not None else column,
            name=self.name,
            severity=self.severity,
            fix=fix,
        )

    def make_fix(
        self,
        description: str,
        *edits: Edit,
        safety: FixSafety | None = None,
        scope: tuple[int, int] | None = None,
    ) -> Fix:
        """``scope``: lines (before the fix) whose rendering it means to change besides those it edits."""
        chosen = safety or self.fix_safety
        if chosen is None:
            raise TypeError(f"{self.code} declares no fix safety but builds a fix")
        return Fix(tuple(edits), chosen, description, scope)


class DocumentRule(Rule):
    """Checks one document at a time; never sees other files."""

    scope = "document"

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def report(self, document: Document, line: int, column: int, message: str, **kwargs: Any) -> Diagnostic:
        return self.diagnostic(document.display_path, line, column, message, **kwargs)


class ProjectRule(Rule):
    """Checks the series as a whole, from the project index (never by re-parsing a file)."""

    scope = "project"
    # True: the rule may report on files the run was not given (e.g. links in other files that a change to a
    # given file broke); it must then read ``project.targets`` and report only what concerns them.
    reports_beyond_targets: ClassVar[bool] = False

    def collect(self, document: Document, context: RuleContext, series: Series) -> Any:
        """What this rule reads of one document, distilled in the per-document phase (in a worker, and
        cached with the file's facts); ``check_project`` reads it back through ``project.collected``.

        It must be picklable, hold no set (the same facts must pickle to the same bytes) and no Document
        or part of its parse tree. None: the rule needs nothing of the document besides its facts.
        """
        return None

    def outside_inputs(self, context: RuleContext) -> str | None:
        """What the findings depend on besides the facts, the configuration and the files on disk (today's
        date), for the project phase's cache key: "" for nothing; None when it cannot be named (the
        network), and then the project phase is never answered from the cache."""
        return ""

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def collected_findings(self, project: ProjectIndex) -> Iterator[Diagnostic]:
        """The diagnostics ``collect`` returned for each document: a rule whose findings are per document
        but read the series (its registries) reports them from here."""
        for _, found in project.collected(self.code):
            yield from found


class EngineRule(Rule):
    """A diagnostic the lint engine emits itself (it has a code, documentation and can be selected)."""

    scope = "engine"  # type: ignore[assignment]
