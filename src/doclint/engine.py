"""The lint run: find files, parse each once, run document rules, then project rules, then filter."""

from __future__ import annotations

import gc
import hashlib
import os
import traceback
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from doclint.cache import (
    CachedFile,
    CacheMiss,
    FileEntries,
    ResultCache,
    config_fingerprint,
    entry_key,
    entry_payload,
    entry_slot,
    file_digests,
)
from doclint.config import Config, load_config
from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document, build_document
from doclint.facts import DocumentFacts, Series, build_facts
from doclint.files import ReadProblem, Selection, discover, display_path, glob_match, read_bytes
from doclint.packs import RulePack, available_rules, load_packs, merged_options
from doclint.project import ProjectIndex, run_docs_roots
from doclint.result import LintResult
from doclint.rules.base import DocumentRule, ProjectRule, Rule, RuleContext
from doclint.selection import select_rules
from doclint.source import DecodeProblem, SourceText
from doclint.suppression import Suppressions

UNREADABLE = ("DL001", "unreadable-file")
UNUSED_SUPPRESSION = ("DL002", "unused-suppression")
RULE_CRASHED = ("DL003", "rule-crashed")
MIN_FILES_PER_WORKER = 8  # below this, starting workers costs more than it saves
_ACTIVE_LINTER: Linter | None = None


@dataclass
class FileOutcome:
    """What the per-document phase produced for one file."""

    path: Path
    facts: DocumentFacts | CachedFile | None = None  # a cached file's facts stay in their entry until read
    facts_digest: bytes = b""
    document: Document | None = None  # only when the run keeps documents (fixes)
    raw: bytes | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    # the file's cache entry: its key, its slot and its payload (None when the entry was reused)
    cache_entry: tuple[str, str, bytes | None] | None = None


def _process_in_worker(job: tuple[Path, bool]) -> FileOutcome:
    assert _ACTIVE_LINTER is not None
    return _ACTIVE_LINTER._parse(*job)


@dataclass
class Linter:
    """A configured rule set that lints paths: the per-document phase, then the cross-document phase."""

    config: Config
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    jobs: int = 0  # worker processes for the per-document phase; 0: one per core
    use_cache: bool = True
    keep_raw: bool = False  # keep every file's bytes and Document (the fixer needs them)

    def __post_init__(self) -> None:
        config = self.config
        self.packs: list[RulePack] = load_packs(config.rule_packs, config.root)
        # every rule this project knows: built-in, plugins and its packs' checks (listings, SARIF)
        self.available: tuple[type[Rule], ...] = available_rules(self.packs)
        self.rules: list[type[Rule]] = select_rules(
            self.available,
            self.select if self.select is not None else config.select,
            (*config.ignore, *self.ignore),
            (*config.extend_select, *self.extend_select),
        )
        self.codes = {rule.code for rule in self.rules} | {rule.name for rule in self.rules}
        self.contexts = {
            rule.code: RuleContext(
                merged_options(rule.code, rule.default_options, self.packs, config.rule_options), config.site
            )
            for rule in self.rules
        }
        self.series = Series(config.root, config.registries)
        self.cache = ResultCache(self.config.root / self.config.cache_dir) if self.use_cache else None
        self._config_fingerprint: str | None = None
        self._sources: Mapping[Path, bytes] = {}
        self._content_digests: Mapping[Path, bytes] = {}
        self._entries = FileEntries({})

    # -- the run -------------------------------------------------------------------------------------
    def run(
        self,
        paths: Iterable[Path],
        sources: Mapping[Path, bytes] | None = None,
        content_digests: Mapping[Path, bytes] | None = None,
    ) -> LintResult:
        """Lint ``paths``; ``sources`` replaces the bytes of some files (fix rounds run in memory);
        ``content_digests`` are the SHA-256 of files already read this run (by the run key)."""
        paths = [Path(path) for path in paths]
        self._sources = sources or {}
        self._content_digests = content_digests or {}
        selection = Selection(self.config.include, self.config.exclude, self.config.root)
        targets = list(discover(paths, selection))
        target_set = set(targets)
        project_files = list(targets)
        # the project phase must see the docs folders the files were found in, not those of the files alone
        roots = self.docs_roots(paths) if self.project_rules else ()
        project_files += [p for p in discover(roots, selection) if p not in target_set]
        result = LintResult([], targets)
        jobs = [(path, path in target_set) for path in project_files]
        facts: list[tuple[DocumentFacts | CachedFile, bytes]] = []
        if self.cache is not None:
            self._entries = self.cache.load_files(self._fingerprint_name())
        visited: dict[str, tuple[str, bytes | None]] = {}
        for outcome in self._process_all(jobs):
            if outcome.cache_entry is not None:
                key, slot, payload = outcome.cache_entry
                visited[key] = (slot, payload)
            result.diagnostics.extend(outcome.diagnostics)
            result.internal_errors.extend(outcome.internal_errors)
            if outcome.facts is not None:
                facts.append((outcome.facts, outcome.facts_digest))
            if outcome.document is not None:
                result.documents[outcome.path] = outcome.document
            if outcome.raw is not None:
                result.raw[outcome.path] = outcome.raw
        if self.cache is not None:
            self._entries.replace(visited)
            self.cache.store_files(self._fingerprint_name(), self._entries)
        result.diagnostics.extend(self._project_phase(paths, roots, facts, result, target_set))
        result.diagnostics = self._finish(result, [document for document, _ in facts])
        return result

    def _process_all(self, jobs: list[tuple[Path, bool]]) -> Iterator[FileOutcome]:
        """Every job's outcome, in the order of the jobs (project rules read documents in that order)."""
        if not self._parallel(len(jobs)):
            yield from (self._parse(path, report) for path, report in jobs)
            return
        outcomes: list[FileOutcome | None] = [None] * len(jobs)
        if self.cache is not None and not self._impure_rules_selected:
            # a cached file is answered here, cheaply: only the files to parse are worth a worker
            outcomes = [self._process(path, report, parse=False) for path, report in jobs]
        pending = [index for index, outcome in enumerate(outcomes) if outcome is None]
        if self._parallel(len(pending)):
            global _ACTIVE_LINTER
            _ACTIVE_LINTER = self  # inherited by the forked workers; nothing is pickled but results
            chunk = max(1, len(pending) // (self.workers * 8))
            from concurrent.futures import ProcessPoolExecutor  # only runs that parse many files use a pool
            from multiprocessing import get_context

            # frozen objects are never scanned by the cycle collector: the workers then leave the pages they
            # share with this process (modules, rules, configuration) untouched instead of copying them
            gc.freeze()
            try:
                with ProcessPoolExecutor(max_workers=self.workers, mp_context=get_context("fork")) as pool:
                    parsed = pool.map(_process_in_worker, [jobs[index] for index in pending], chunksize=chunk)
                    for index, outcome in zip(pending, parsed, strict=True):
                        outcomes[index] = outcome
            finally:
                gc.unfreeze()
            _ACTIVE_LINTER = None
        else:
            for index in pending:
                outcomes[index] = self._parse(*jobs[index])
        yield from (outcome for outcome in outcomes if outcome is not None)

    def _parallel(self, files: int) -> bool:
        return self.workers > 1 and files >= MIN_FILES_PER_WORKER * 2 and hasattr(os, "fork")

    @property
    def project_rules(self) -> list[type[ProjectRule]]:
        return [rule for rule in self.rules if issubclass(rule, ProjectRule)]

    @property
    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)

    def _parse(self, path: Path, report: bool) -> FileOutcome:
        outcome = self._process(path, report, parse=True)
        assert outcome is not None
        return outcome

    def _process(self, path: Path, report: bool, parse: bool) -> FileOutcome | None:
        """Read, parse and check one file: the per-document phase, run in a worker when parallel.
        None when the file is not in the cache and ``parse`` is False."""
        outcome = FileOutcome(path)
        display = display_path(path)
        in_memory = path in self._sources
        # the fixer needs the Document, which cached facts lack
        answer_from_cache = self.cache is not None and not in_memory and not self.keep_raw
        known = self._content_digests.get(path) if answer_from_cache else None
        if known is not None and self._answer_from_cache(known, display, outcome, report):
            return outcome  # unchanged since the run key hashed it: not even read again
        data = self._read(path, display, outcome, report)
        if data is None:
            return outcome
        content_digest = hashlib.sha256(data).digest() if self.cache is not None and not in_memory else None
        changed_since_hashed = answer_from_cache and content_digest != known  # or never hashed
        if changed_since_hashed and self._answer_from_cache(content_digest, display, outcome, report):  # type: ignore[arg-type]
            return outcome
        if not parse:
            return None
        document = self._document(path, display, data, outcome, report)
        if document is None:
            return outcome
        if report:
            outcome.diagnostics = self._check_document(document, outcome.internal_errors, pure=True)
        outcome.facts = build_facts(document)
        self._collect(document, outcome, pure=True)
        outcome.facts_digest = outcome.facts.digest()
        if content_digest is not None and not outcome.internal_errors:
            outcome.cache_entry = self._cache_entry(document, outcome, content_digest, display, report)
        self._impure_phase(document, outcome, report)
        outcome.document = document if self.keep_raw else None
        return outcome

    def _read(self, path: Path, display: str, outcome: FileOutcome, report: bool) -> bytes | None:
        """The file's bytes (the fix rounds' own, for a file they changed); None when it cannot be read."""
        in_memory = path in self._sources
        try:
            data = self._sources[path] if in_memory else read_bytes(path, self.config.max_file_size)
        except ReadProblem as problem:
            self._unreadable(outcome, display, str(problem), 1, 1, report)
            return None
        outcome.raw = data if self.keep_raw or in_memory else None
        return data

    def _document(
        self, path: Path, display: str, data: bytes, outcome: FileOutcome, report: bool
    ) -> Document | None:
        """The file's Document; None (and DL001) when its bytes are no text or nest too deeply to parse."""
        try:
            source = SourceText.from_bytes(data)
        except DecodeProblem as problem:
            self._unreadable(outcome, display, problem.message, problem.line, problem.column, report)
            return None
        try:
            return build_document(path, display, source, self.config.site)
        except RecursionError:
            message = "document is nested too deeply to parse (recursion limit); skipped"
            self._unreadable(outcome, display, message, 1, 1, report)
            return None

    def _cache_entry(
        self, document: Document, outcome: FileOutcome, content_digest: bytes, display: str, report: bool
    ) -> tuple[str, str, bytes | None] | None:
        """The file's new cache entry (key, slot, payload); None when something in it cannot be pickled."""
        assert isinstance(outcome.facts, DocumentFacts)
        kept = document if self._impure_rules_selected else None
        payload = entry_payload(CachedFile.of(outcome.facts, outcome.facts_digest, outcome.diagnostics, kept))
        if payload is None:
            return None
        return (self._entry_key(content_digest, display, report), entry_slot(document.path, report), payload)

    def _answer_from_cache(
        self, content_digest: bytes, display: str, outcome: FileOutcome, report: bool
    ) -> bool:
        """Fill ``outcome`` from the cache entry of these bytes; False when there is none."""
        key = self._entry_key(content_digest, display, report)
        try:
            cached = self._entries.load(key, self.config.site)
        except CacheMiss:
            return False
        outcome.cache_entry = (key, entry_slot(outcome.path, report), None)
        outcome.facts, outcome.facts_digest, outcome.diagnostics = cached, cached.digest, cached.found
        if cached.document is not None:  # stored because rules that are never cached need it
            outcome.facts = self._loaded(cached)
            self._impure_phase(cached.document, outcome, report)
        return True

    def _loaded(self, facts: DocumentFacts | CachedFile) -> DocumentFacts | None:
        """The facts themselves: a cache entry's are unpickled now (only the project phase reads them)."""
        if not isinstance(facts, CachedFile):
            return facts
        try:
            return facts.facts()
        except CacheMiss:  # an entry whose facts cannot be read: the file is read again
            return self._parse(facts.path, report=False).facts

    def _impure_phase(self, document: Document, outcome: FileOutcome, report: bool) -> None:
        """The findings and collected data that are never cached (they depend on more than the file)."""
        if report:
            outcome.diagnostics += self._check_document(document, outcome.internal_errors, pure=False)
        if outcome.facts is not None:
            self._collect(document, outcome, pure=False)

    @property
    def _impure_rules_selected(self) -> bool:
        return any(not rule.pure for rule in self.rules if issubclass(rule, (DocumentRule, ProjectRule)))

    def _collect(self, document: Document, outcome: FileOutcome, pure: bool) -> None:
        """Add what each selected project rule that is (or is not) ``pure`` reads of the document."""
        assert outcome.facts is not None
        for rule_class in self.project_rules:
            if rule_class.pure is not pure:
                continue
            rule = rule_class()
            try:
                value = rule.collect(document, self.contexts[rule.code], self.series)
            except Exception as error:  # noqa: BLE001 - as in check: one rule's bug becomes a diagnostic
                outcome.diagnostics.append(
                    self._crash(rule, document.display_path, error, outcome.internal_errors)
                )
                continue
            if value is not None:
                outcome.facts.collected[rule.code] = value

    def _unreadable(
        self, outcome: FileOutcome, display: str, message: str, line: int, column: int, report: bool
    ) -> None:
        if report and UNREADABLE[0] in self.codes:
            outcome.diagnostics.append(
                Diagnostic(display, line, column, UNREADABLE[0], message, name=UNREADABLE[1])
            )

    def _entry_key(self, content_digest: bytes, display: str, report: bool) -> str:
        return entry_key(content_digest, display, self._fingerprint(report))

    def _fingerprint(self, report: bool) -> str:
        return f"{self._fingerprint_name()}:{'report' if report else 'index'}"

    def _fingerprint_name(self) -> str:
        """A digest of everything besides a file's bytes and path that its cached results depend on."""
        if self._config_fingerprint is None:
            self._config_fingerprint = config_fingerprint(
                asdict(self.config.site),
                sorted(self.codes),
                {code: context.options for code, context in sorted(self.contexts.items())},
                [rule.origin for rule in self.rules],
                # project rules collect from each document what the registries make relevant
                file_digests(self.series.registry_paths()) if self.project_rules else [],
            )
        return self._config_fingerprint

    def docs_roots(self, paths: list[Path]) -> tuple[Path, ...]:
        return run_docs_roots(self.config, paths)

    def _check_document(self, document: Document, internal_errors: list[str], pure: bool) -> list[Diagnostic]:
        """Run the document rules that are (or are not) ``pure``: only pure findings are cached."""
        found: list[Diagnostic] = []
        for rule_class in self.rules:
            if not issubclass(rule_class, DocumentRule) or rule_class.pure is not pure:
                continue  # project and engine rules run elsewhere
            rule = rule_class()
            try:
                found.extend(rule.check(document, self.contexts[rule.code]))
            except Exception as error:  # noqa: BLE001 - one rule's bug becomes a diagnostic, not a stopped run
                found.append(self._crash(rule, document.display_path, error, internal_errors))
        return found

    def _project_phase(
        self,
        paths: list[Path],
        roots: tuple[Path, ...],
        facts: list[tuple[DocumentFacts | CachedFile, bytes]],
        result: LintResult,
        targets: set[Path],
    ) -> list[Diagnostic]:
        """The project rules' findings; from the cache when no input of theirs changed (a prose edit)."""
        if not self.project_rules:
            return []
        key = self._project_key(paths, roots, facts, targets) if self.cache is not None else None
        if key is not None:
            cached = self.cache.load_project(key)  # type: ignore[union-attr]
            if cached is not None:
                return cached
        errors_before = len(result.internal_errors)
        loaded = [self._loaded(document) for document, _ in facts]
        found = self._check_project(
            [document for document in loaded if document is not None], roots, result, targets
        )
        if key is not None and len(result.internal_errors) == errors_before:
            self.cache.store_project(key, found)  # type: ignore[union-attr]
        return found

    def _project_key(
        self,
        paths: list[Path],
        roots: tuple[Path, ...],
        facts: list[tuple[DocumentFacts | CachedFile, bytes]],
        targets: set[Path],
    ) -> str | None:
        """A digest of everything the project phase reads, or None when it also reads something that
        cannot be named (the network, a rule whose findings are never cached)."""
        outside: list[str] = []
        for rule_class in self.project_rules:
            inputs = rule_class().outside_inputs(self.contexts[rule_class.code])
            if not rule_class.pure or inputs is None:
                return None
            outside.append(inputs)
        from doclint.runcache import project_inputs_digest

        return project_inputs_digest(
            self.config,
            paths,
            roots,
            # the fingerprint covers the registries' bytes too (what the rules collected depends on them)
            f"{self._fingerprint(True)}:{outside!r}",
            sorted(str(path) for path in targets),
            [(str(document.path), digest) for document, digest in facts],
        )

    def _check_project(
        self, facts: list[DocumentFacts], roots: tuple[Path, ...], result: LintResult, targets: set[Path]
    ) -> list[Diagnostic]:
        index = ProjectIndex.build(
            facts,
            self.config.site,
            roots,
            self.config.root,
            targets=frozenset(targets),
            registry_files=self.config.registries,
        )
        reported = {display_path(path) for path in targets}
        # Findings on series files that are not documents (the citation registries) are always shown.
        document_paths = {document.display_path for document in facts}
        found: list[Diagnostic] = []
        for rule_class in self.project_rules:
            rule = rule_class()
            try:
                found.extend(
                    d
                    for d in rule.check_project(index, self.contexts[rule.code])
                    if _is_reported(d.path, reported)
                    or rule.reports_beyond_targets
                    or d.path not in document_paths
                )
            except Exception as error:  # noqa: BLE001 - as above: a crashing project rule is reported
                found.append(self._crash(rule, "<project>", error, result.internal_errors))
        return found

    def _crash(self, rule: Rule, path: str, error: Exception, internal_errors: list[str]) -> Diagnostic:
        detail = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        internal_errors.append(f"{rule.code} on {path}:\n{detail}")
        message = f"internal error in rule {rule.code} ({rule.name}): {type(error).__name__}: {error}"
        return Diagnostic(path, 1, 1, RULE_CRASHED[0], message, name=RULE_CRASHED[1])

    # -- filtering -----------------------------------------------------------------------------------
    def _finish(self, result: LintResult, facts: list[DocumentFacts | CachedFile]) -> list[Diagnostic]:
        by_path: dict[str, list[Diagnostic]] = {}
        for diagnostic in result.diagnostics:
            by_path.setdefault(diagnostic.path, []).append(diagnostic)
        documents = {document.display_path: document for document in facts}
        checked = set(result.files)  # only checked files can have unused suppressions
        kept: list[Diagnostic] = []
        for path, diagnostics in by_path.items():
            diagnostics = [d for d in diagnostics if not self._ignored_for_file(d)]
            document = documents.get(path)
            if document is not None:
                suppressions = _suppressions(document)
                diagnostics = suppressions.filter(diagnostics)
                if document.path in checked:
                    diagnostics += self._unused_suppressions(document, suppressions)
            kept.extend(diagnostics)
        for path, document in documents.items():
            if path not in by_path and document.path in checked:
                kept.extend(self._unused_suppressions(document, _suppressions(document)))
        kept = [self._with_severity(d) for d in kept]
        return sorted(set(kept), key=lambda d: (d.path, d.line, d.column, d.code, d.message))

    def _ignored_for_file(self, diagnostic: Diagnostic) -> bool:
        for glob, codes in self.config.per_file_ignores.items():
            if glob_match(diagnostic.path, glob) and any(
                diagnostic.code.startswith(code.upper()) or code.upper() == "ALL" for code in codes
            ):
                return True
        return False

    def _unused_suppressions(
        self, document: DocumentFacts | CachedFile, suppressions: Suppressions
    ) -> list[Diagnostic]:
        if UNUSED_SUPPRESSION[0] not in self.codes:
            return []
        unused = {id(entry) for entry in suppressions.unused()}
        found = []
        for entry, fix in zip(suppressions.entries, document.removal_fixes, strict=True):
            if id(entry) not in unused:
                continue
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
                    fix=fix,
                )
            )
        return found

    def _with_severity(self, diagnostic: Diagnostic) -> Diagnostic:
        override = self.config.severity.get(diagnostic.code)
        return replace(diagnostic, severity=override) if override else diagnostic


def _suppressions(document: DocumentFacts | CachedFile) -> Suppressions:
    """The document's suppression comments, each unused until a diagnostic proves otherwise."""
    return Suppressions([replace(entry, used=False) for entry in document.suppressions])


def _is_reported(path: str, reported: set[str]) -> bool:
    """A diagnostic on a linted document, or on a side file (``_category_.json``, ``tags.yml``) of a folder
    that holds linted documents."""
    if path in reported:
        return True
    if path.endswith((".md", ".mdx")):
        return False
    folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    return any(target.startswith(folder) for target in reported)


def lint_paths(paths: Iterable[str | Path], config: Config | None = None) -> list[Diagnostic]:
    """Lint ``paths`` and return the diagnostics (the Python API)."""
    path_list = [Path(path) for path in paths]
    config = config or load_config(path_list)
    return Linter(config).run(path_list).diagnostics
