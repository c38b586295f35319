"""Applying fixes: edits in rounds until nothing changes, proven harmless before anything is written.

Each round takes every allowed fix (safe ones; unsafe ones too when asked), keeps those that do not
overlap (earliest first, ties broken by rule code and description, so the outcome never depends on
order of discovery) and applies them in memory. Two proofs guard every round:

- the render check (``doclint.render``): a safe fix may change the rendered page only on the lines it
  edits; a fix that fails it is refused and reported;
- the re-lint: the whole run is linted again; a file whose fixes brought a new diagnostic is put back,
  then retried one fix at a time so that the culprit alone is refused.

Writes are atomic (a temporary file in the same directory, then a rename; mode kept), refused when the
file changed on disk since it was read, and keep the BOM, the line endings and the final newline.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.source import SourceText, encode

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.engine import LintResult

MAX_ROUNDS = 25


@dataclass
class FixOutcome:
    changed: dict[Path, tuple[bytes, bytes]] = field(default_factory=dict)  # path -> (before, after)
    applied: Counter[str] = field(default_factory=Counter)  # code -> number of fixes applied
    refused: list[str] = field(default_factory=list)  # human-readable reasons a fix or file was not written

    def refuse(self, reason: str) -> None:
        if reason not in self.refused:
            self.refused.append(reason)

    def diff(self, display: dict[Path, str]) -> str:
        chunks = []
        for path, (before, after) in sorted(self.changed.items()):
            name = display.get(path, str(path))
            chunks.extend(
                difflib.unified_diff(
                    before.decode("utf-8", "replace").splitlines(keepends=True),
                    after.decode("utf-8", "replace").splitlines(keepends=True),
                    fromfile=f"a/{name}",
                    tofile=f"b/{name}",
                )
            )
        return "".join(chunks)


def fix_allowed(fix: Fix | None, unsafe: bool) -> bool:
    return fix is not None and (fix.safety == "safe" or unsafe)


def apply_edits(source: SourceText, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Apply non-overlapping fixes, earliest first; a fix overlapping an earlier one waits a round."""
    chosen = choose_fixes(source, fixes)
    return apply_chosen(source, chosen), len(chosen)


def choose_fixes(source: SourceText, fixes: Sequence[Fix]) -> list[Fix]:
    """The fixes that can be applied together: in order, skipping any that overlaps one already taken."""
    taken: list[tuple[int, int]] = []
    chosen: list[Fix] = []
    for fix in fixes:
        spans = [_span(source, edit)[:2] for edit in fix.edits]
        if any(_overlaps(span, other) for span in spans for other in taken) or _self_overlapping(spans):
            continue
        taken.extend(spans)
        chosen.append(fix)
    return chosen


def apply_chosen(source: SourceText, fixes: Iterable[Fix]) -> str:
    """Apply fixes already known not to overlap."""
    spans = sorted(
        (_span(source, edit) for fix in fixes for edit in fix.edits), key=lambda span: (span[0], span[1])
    )
    text = source.text
    for start, end, replacement in reversed(spans):
        text = text[:start] + replacement + text[end:]
    return text


def _span(source: SourceText, edit: Edit) -> tuple[int, int, str]:
    start = source.offset(edit.line, edit.column)
    end = source.offset(edit.end_line, edit.end_column)
    return start, max(start, end), edit.replacement


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    a_start, a_end = a
    b_start, b_end = b
    if a_start == a_end or b_start == b_end:  # insertions conflict only at the same point
        return a_start == b_start or (a_start < b_start < a_end) or (b_start < a_start < b_end)
    return a_start < b_end and b_start < a_end


def _self_overlapping(spans: list[tuple[int, int]]) -> bool:
    return any(_overlaps(a, b) for index, a in enumerate(spans) for b in spans[index + 1 :])


def write_atomically(path: Path, data: bytes, expected: bytes) -> None:
    """Replace ``path`` with ``data`` unless it changed since it was read as ``expected``."""
    current = path.read_bytes()
    if current != expected:
        raise FileChangedError(f"{path} changed on disk since it was read; not written")
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".doclint-tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


class FileChangedError(Exception):
    pass


def diagnostic_fingerprint(diagnostics: Iterable[Diagnostic]) -> Counter[tuple[str, str]]:
    return Counter((d.path, d.code) for d in diagnostics)


# -- the rounds ---------------------------------------------------------------------------------------


@dataclass
class _Planned:
    """One file's changes in one round."""

    data: bytes
    diagnostics: list[Diagnostic]


@dataclass
class _Rounds:
    unsafe: bool
    outcome: FixOutcome = field(default_factory=FixOutcome)
    rejected: set[tuple[object, ...]] = field(default_factory=set)  # fixes never to try again
    one_at_a_time: set[Path] = field(default_factory=set)  # files whose fixes conflict through the re-lint
    applied: dict[Path, Counter[str]] = field(default_factory=dict)  # per file: code -> fixes applied


def run_fixes(linter, paths: list[Path], unsafe: bool):  # type: ignore[no-untyped-def]
    """Fix in rounds, in memory; return (FixOutcome, the lint result of the fixed state)."""
    linter.keep_raw = True
    result = linter.run(paths)
    originals = dict(result.raw)
    baseline = diagnostic_fingerprint(result.diagnostics)
    current: dict[Path, bytes] = {}
    rounds = _Rounds(unsafe)
    for _ in range(MAX_ROUNDS):
        planned = _plan_round(result, rounds)
        if not planned:
            break
        result = _lint_round(linter, paths, current, planned, result, rounds)
    _final_check(linter, paths, current, baseline, result, rounds)
    result = linter.run(paths, sources=current) if current else result
    outcome = rounds.outcome
    for path, data in current.items():
        if data != originals.get(path):
            outcome.changed[path] = (originals[path], data)
            outcome.applied.update(rounds.applied.get(path, Counter()))
    return outcome, result


def _plan_round(result: LintResult, rounds: _Rounds) -> dict[Path, _Planned]:
    by_display = {document.display_path: document for document in result.documents.values()}
    candidates: dict[str, list[Diagnostic]] = {}
    for diagnostic in result.diagnostics:
        if fix_allowed(diagnostic.fix, rounds.unsafe) and diagnostic.path in by_display:
            candidates.setdefault(diagnostic.path, []).append(diagnostic)
    planned: dict[Path, _Planned] = {}
    for display, diagnostics in candidates.items():
        document = by_display[display]
        if document.source.mixed_newlines:
            rounds.outcome.refuse(
                f"{display}: mixed line endings; fixes not applied (normalise the line endings first)"
            )
            continue
        if rounds.rejected:
            diagnostics = [d for d in diagnostics if _fix_key(document, d) not in rounds.rejected]
        chosen = _proven(document, _ordered(document, diagnostics), rounds)
        if document.path in rounds.one_at_a_time:
            chosen = chosen[:1]
        if not chosen:
            continue
        text = apply_chosen(document.source, [d.fix for d in chosen if d.fix])
        if text != document.source.text:
            planned[document.path] = _Planned(
                encode(text, document.source.has_bom, document.source.newline), chosen
            )
    return planned


def _ordered(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Non-overlapping fixes, earliest first; the same input always gives the same choice."""

    def position(diagnostic: Diagnostic) -> tuple[object, ...]:
        fix = diagnostic.fix
        assert fix is not None
        start = min(((e.line, e.column) for e in fix.edits), default=(0, 0))
        return (*start, diagnostic.code, fix.description, diagnostic.line, diagnostic.column)

    ordered = sorted(diagnostics, key=position)
    chosen = set(map(id, choose_fixes(document.source, [d.fix for d in ordered if d.fix])))
    return [d for d in ordered if id(d.fix) in chosen]


def _proven(document: Document, diagnostics: list[Diagnostic], rounds: _Rounds) -> list[Diagnostic]:
    """Drop the safe fixes whose result renders differently outside their own edits."""
    if not any(d.fix and d.fix.safety == "safe" for d in diagnostics):
        return diagnostics
    if _render_problem(document, diagnostics) is None:
        return diagnostics
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        problem = (
            _render_problem(document, [diagnostic])
            if diagnostic.fix and diagnostic.fix.safety == "safe"
            else None
        )
        if problem is None:
            kept.append(diagnostic)
            continue
        rounds.rejected.add(_fix_key(document, diagnostic))
        rounds.outcome.refuse(
            f"{document.display_path}:{diagnostic.line}:{diagnostic.column}: {diagnostic.code} fix "
            f"'{diagnostic.fix.description}' not applied: it would change the rendered page outside its edit ({problem})"  # type: ignore[union-attr]
        )
    if len(kept) > 1 and _render_problem(document, kept) is not None:
        return kept[:1]  # each is harmless alone but not together: one per round
    return kept


def _render_problem(document: Document, diagnostics: list[Diagnostic]) -> str | None:
    from doclint.document import build_document
    from doclint.render import render_difference

    fixes = [d.fix for d in diagnostics if d.fix]
    text = apply_chosen(document.source, fixes)
    after = build_document(document.path, document.display_path, SourceText(text), document.settings)
    scopes = [fix.scope for fix in fixes if fix.scope]
    return render_difference(document, after, [edit for fix in fixes for edit in fix.edits], scopes)


def _fix_key(document: Document, diagnostic: Diagnostic) -> tuple[object, ...]:
    """What identifies a fix across rounds, whose line numbers shift: for each edit, the line it starts on
    (its text, and how many identical lines come before it), the column, the text replaced and with what."""
    fix = diagnostic.fix
    assert fix is not None
    source = document.source
    edits = []
    for edit in fix.edits:
        start, end, replacement = _span(source, edit)
        line_text = source.line(edit.line)
        earlier_twins = sum(1 for number in range(1, edit.line) if source.line(number) == line_text)
        edits.append((line_text, earlier_twins, edit.column, source.text[start:end], replacement))
    return (document.display_path, diagnostic.code, fix.description, tuple(edits))


def _lint_round(
    linter, paths, current: dict[Path, bytes], planned: dict[Path, _Planned], previous, rounds: _Rounds
):  # type: ignore[no-untyped-def]
    """Lint the planned state; keep the files whose fixes brought no new diagnostic, put the others back."""
    result = linter.run(paths, sources={**current, **{path: plan.data for path, plan in planned.items()}})
    spoiled = _new_diagnostics(previous, result)
    culprits = [path for path in planned if path in spoiled] or (list(planned) if spoiled else [])
    for path in culprits:
        plan = planned.pop(path)
        if len(plan.diagnostics) > 1:
            rounds.one_at_a_time.add(path)
            continue
        diagnostic = plan.diagnostics[0]
        document = previous.documents[path]
        rounds.rejected.add(_fix_key(document, diagnostic))
        introduced = ", ".join(
            sorted({d.code for d in spoiled.get(path, [])} or {"diagnostics in other files"})
        )
        rounds.outcome.refuse(
            f"{document.display_path}:{diagnostic.line}:{diagnostic.column}: {diagnostic.code} fix "
            f"'{diagnostic.fix.description}' not applied: it would introduce {introduced}"  # type: ignore[union-attr]
        )
    for path, plan in planned.items():
        current[path] = plan.data
        rounds.applied.setdefault(path, Counter()).update(d.code for d in plan.diagnostics)
    if culprits:
        result = linter.run(paths, sources=current)
    return result


def _new_diagnostics(before, after) -> dict[Path, list[Diagnostic]]:  # type: ignore[no-untyped-def]
    """Per file, the diagnostics of codes that became more frequent from ``before`` to ``after``."""
    counts_before = diagnostic_fingerprint(before.diagnostics)
    counts_after = diagnostic_fingerprint(after.diagnostics)
    by_display = {document.display_path: document.path for document in after.documents.values()}
    found: dict[Path, list[Diagnostic]] = {}
    for diagnostic in after.diagnostics:
        key = (diagnostic.path, diagnostic.code)
        if counts_after[key] > counts_before.get(key, 0):
            found.setdefault(by_display.get(diagnostic.path, Path(diagnostic.path)), []).append(diagnostic)
    return found


def _final_check(
    linter, paths, current: dict[Path, bytes], baseline: Counter[tuple[str, str]], result, rounds: _Rounds
) -> None:  # type: ignore[no-untyped-def]
    """A last net: no file is written if the fixed run reports more of any code for it than the first run."""
    by_display = {document.display_path: document.path for document in result.documents.values()}
    spoiled = {
        path
        for (path, code), count in diagnostic_fingerprint(result.diagnostics).items()
        if count > baseline.get((path, code), 0)
    }
    for display in sorted(spoiled):
        path = by_display.get(display)
        if path is not None and current.pop(path, None) is not None:
            rounds.outcome.refuse(f"{display}: fixes would introduce new diagnostics; not written")
