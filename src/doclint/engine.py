"""The lint run: find files, parse each once, run document rules, then project rules, then filter."""

from __future__ import annotations

import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from doclint.config import Config, load_config
from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document, build_document
from doclint.files import ReadProblem, Selection, _glob_match, discover, read_bytes
from doclint.packs import RulePack, load_packs, merged_options
from doclint.project import ProjectIndex
from doclint.rules import all_rules
from doclint.rules.base import DocumentRule, ProjectRule, Rule, RuleContext
from doclint.selection import select_rules
from doclint.source import DecodeProblem, SourceText
from doclint.suppression import collect_suppressions

UNREADABLE = ("DL001", "unreadable-file")
UNUSED_SUPPRESSION = ("DL002", "unused-suppression")
RULE_CRASHED = ("DL003", "rule-crashed")


@dataclass
class LintResult:
    diagnostics: list[Diagnostic]
    files: list[Path]
    documents: dict[Path, Document] = field(default_factory=dict)
    internal_errors: list[str] = field(default_factory=list)


@dataclass
class Linter:
    config: Config
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        config = self.config
        self.rules: list[type[Rule]] = select_rules(
            all_rules(),
            self.select if self.select is not None else config.select,
            (*config.ignore, *self.ignore),
            (*config.extend_select, *self.extend_select),
        )
        self.codes = {rule.code for rule in self.rules} | {rule.name for rule in self.rules}
        self.packs: list[RulePack] = load_packs(config.rule_packs, config.root)
        self.contexts = {
            rule.code: RuleContext(
                merged_options(rule.code, rule.default_options, self.packs, config.rule_options), config.site
            )
            for rule in self.rules
        }

    # -- the run -------------------------------------------------------------------------------------
    def run(self, paths: Iterable[Path]) -> LintResult:
        paths = [Path(path) for path in paths]
        selection = Selection(self.config.include, self.config.exclude, self.config.root)
        targets = list(discover(paths, selection))
        target_set = set(targets)
        project_files = list(targets)
        if any(issubclass(rule, ProjectRule) for rule in self.rules):
            project_files += [p for p in discover(self.docs_roots(paths), selection) if p not in target_set]
        result = LintResult([], targets)
        for path in project_files:
            document = self._load(path, result, report=path in target_set)
            if document is not None:
                result.documents[path] = document
        for path in targets:
            document = result.documents.get(path)
            if document is not None:
                result.diagnostics.extend(self._check_document(document, result))
        result.diagnostics.extend(self._check_project(result, target_set))
        result.diagnostics = self._finish(result)
        return result

    def docs_roots(self, paths: list[Path]) -> tuple[Path, ...]:
        config = self.config
        if config.docs:
            return tuple((config.root / root).resolve() for root in config.docs)
        site_dir = Path(config.site.site_dir) if config.site.site_dir else config.root
        configured = (site_dir / config.site.docs_path).resolve()
        if configured.is_dir():
            return (configured,)
        roots = []
        for path in paths:
            resolved = path.resolve()
            roots.append(resolved if resolved.is_dir() else resolved.parent)
        return tuple(dict.fromkeys(roots))

    def _load(self, path: Path, result: LintResult, report: bool) -> Document | None:
        display = _display_path(path)
        try:
            source = SourceText.from_bytes(read_bytes(path, self.config.max_file_size))
        except (ReadProblem, DecodeProblem) as problem:
            if report and UNREADABLE[0] in self.codes:
                line = getattr(problem, "line", 1)
                column = getattr(problem, "column", 1)
                result.diagnostics.append(
                    Diagnostic(display, line, column, UNREADABLE[0], str(problem), name=UNREADABLE[1])
                )
            return None
        try:
            return build_document(path, display, source, self.config.site)
        except RecursionError:
            if report:
                message = "document is nested too deeply to parse (recursion limit); skipped"
                result.diagnostics.append(Diagnostic(display, 1, 1, UNREADABLE[0], message, name=UNREADABLE[1]))
            return None

    def _check_document(self, document: Document, result: LintResult) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        for rule_class in self.rules:
            if not issubclass(rule_class, DocumentRule):
                continue  # project and engine rules run elsewhere
            rule = rule_class()
            try:
                found.extend(rule.check(document, self.contexts[rule.code]))
            except Exception as error:  # one rule's bug must not stop the others
                found.append(self._crash(rule, document.display_path, error, result))
        return found

    def _check_project(self, result: LintResult, targets: set[Path]) -> list[Diagnostic]:
        project_rules = [rule for rule in self.rules if issubclass(rule, ProjectRule)]
        if not project_rules:
            return []
        index = ProjectIndex.build(
            result.documents.values(), self.config.site, self.docs_roots(result.files), self.config.root
        )
        reported = {_display_path(path) for path in targets}
        found: list[Diagnostic] = []
        for rule_class in project_rules:
            rule = rule_class()
            try:
                found.extend(
                    d for d in rule.check_project(index, self.contexts[rule.code]) if _is_reported(d.path, reported)
                )
            except Exception as error:
                found.append(self._crash(rule, "<project>", error, result))
        return found

    def _crash(self, rule: Rule, path: str, error: Exception, result: LintResult) -> Diagnostic:
        detail = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        result.internal_errors.append(f"{rule.code} on {path}:\n{detail}")
        message = f"internal error in rule {rule.code} ({rule.name}): {type(error).__name__}: {error}"
        return Diagnostic(path, 1, 1, RULE_CRASHED[0], message, name=RULE_CRASHED[1])

    # -- filtering -----------------------------------------------------------------------------------
    def _finish(self, result: LintResult) -> list[Diagnostic]:
        by_path: dict[str, list[Diagnostic]] = {}
        for diagnostic in result.diagnostics:
            by_path.setdefault(diagnostic.path, []).append(diagnostic)
        documents = {document.display_path: document for document in result.documents.values()}
        kept: list[Diagnostic] = []
        for path, diagnostics in by_path.items():
            diagnostics = [d for d in diagnostics if not self._ignored_for_file(d)]
            document = documents.get(path)
            if document is not None:
                suppressions = collect_suppressions(document)
                diagnostics = suppressions.filter(diagnostics)
                diagnostics += self._unused_suppressions(document, suppressions)
            kept.extend(diagnostics)
        for path, document in documents.items():
            if path not in by_path and document.path in set(result.files):
                kept.extend(self._unused_suppressions(document, collect_suppressions(document)))
        kept = [self._with_severity(d) for d in kept]
        return sorted(set(kept), key=lambda d: (d.path, d.line, d.column, d.code, d.message))

    def _ignored_for_file(self, diagnostic: Diagnostic) -> bool:
        for glob, codes in self.config.per_file_ignores.items():
            if _glob_match(diagnostic.path, glob) and any(
                diagnostic.code.startswith(code.upper()) or code.upper() == "ALL" for code in codes
            ):
                return True
        return False

    def _unused_suppressions(self, document: Document, suppressions) -> list[Diagnostic]:  # type: ignore[no-untyped-def]
        if UNUSED_SUPPRESSION[0] not in self.codes:
            return []
        found = []
        for entry in suppressions.unused():
            named = ", ".join(sorted(entry.codes)) if "*" not in entry.codes else "all rules"
            found.append(
                Diagnostic(
                    document.display_path,
                    entry.line,
                    entry.column,
                    UNUSED_SUPPRESSION[0],
                    f"suppression comment `doclint-{entry.action}` for {named} suppresses nothing",
                    name=UNUSED_SUPPRESSION[1],
                    severity=Severity.WARNING,
                )
            )
        return found

    def _with_severity(self, diagnostic: Diagnostic) -> Diagnostic:
        override = self.config.severity.get(diagnostic.code)
        return replace(diagnostic, severity=override) if override else diagnostic


def _is_reported(path: str, reported: set[str]) -> bool:
    """A diagnostic on a linted document, or on a side file (``_category_.json``, ``tags.yml``) of a folder
    that holds linted documents."""
    if path in reported:
        return True
    if path.endswith((".md", ".mdx")):
        return False
    folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    return any(target.startswith(folder) for target in reported)


def _display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def lint_paths(paths: Iterable[str | Path], config: Config | None = None) -> list[Diagnostic]:
    """Lint ``paths`` and return the diagnostics (the Python API)."""
    path_list = [Path(path) for path in paths]
    config = config or load_config(path_list)
    return Linter(config).run(path_list).diagnostics
