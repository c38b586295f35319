"""Applying fixes: edits in rounds until nothing changes, proven harmless before anything is written.

Edits are applied in memory; the whole run is re-linted after each round; a file is written only if
no new diagnostic appeared, its bytes on disk are still those that were read, and its line endings are
consistent. Writes are atomic (a temporary file in the same directory, then a rename; mode kept).
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.source import SourceText, encode

MAX_ROUNDS = 10


@dataclass
class FixOutcome:
    changed: dict[Path, tuple[bytes, bytes]] = field(default_factory=dict)  # path -> (before, after)
    applied: Counter[str] = field(default_factory=Counter)  # code -> number of fixes applied
    refused: list[str] = field(default_factory=list)  # human-readable reasons a file was not written

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
    spans: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    applied = 0
    for fix in sorted(fixes, key=lambda f: min((e.line, e.column) for e in f.edits) if f.edits else (0, 0)):
        edit_spans = [_span(source, edit) for edit in fix.edits]
        if any(_overlaps(span, other) for span in edit_spans for other in taken):
            continue
        taken.extend((start, end) for start, end, _ in edit_spans)
        spans.extend(edit_spans)
        applied += 1
    text = source.text
    for start, end, replacement in sorted(spans, key=lambda span: (span[0], span[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, applied


def _span(source: SourceText, edit: Edit) -> tuple[int, int, str]:
    start = source.offset(edit.line, edit.column)
    end = source.offset(edit.end_line, edit.end_column)
    return start, max(start, end), edit.replacement


def _overlaps(a: tuple[int, int] | tuple[int, int, str], b: tuple[int, int]) -> bool:
    a_start, a_end = a[0], a[1]
    b_start, b_end = b
    if a_start == a_end or b_start == b_end:  # insertions conflict only at the same point
        return a_start == b_start
    return a_start < b_end and b_start < a_end


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


def run_fixes(linter, paths: list[Path], unsafe: bool):  # type: ignore[no-untyped-def]
    """Fix in rounds, in memory; return (FixOutcome, the lint result of the fixed state)."""
    linter.keep_raw = True
    result = linter.run(paths)
    originals = dict(result.raw)
    before = diagnostic_fingerprint(result.diagnostics)
    current: dict[Path, bytes] = {}
    outcome = FixOutcome()
    for _ in range(MAX_ROUNDS):
        if not _apply_round(result, current, unsafe, outcome):
            break
        result = linter.run(paths, sources=current)
    introduced = _files_with_new_diagnostics(before, diagnostic_fingerprint(result.diagnostics), result)
    for path in introduced:
        current.pop(path, None)
        outcome.refused.append(f"{result.documents[path].display_path}: fixes would introduce new diagnostics; not written")
    if introduced:
        result = linter.run(paths, sources=current)
    for path, data in current.items():
        if data != originals.get(path):
            outcome.changed[path] = (originals[path], data)
    return outcome, result


def _apply_round(result, current: dict[Path, bytes], unsafe: bool, outcome: FixOutcome) -> bool:  # type: ignore[no-untyped-def]
    by_display = {document.display_path: document for document in result.documents.values()}
    fixes: dict[str, list[Diagnostic]] = {}
    for diagnostic in result.diagnostics:
        if fix_allowed(diagnostic.fix, unsafe) and diagnostic.path in by_display:
            fixes.setdefault(diagnostic.path, []).append(diagnostic)
    changed = False
    for display, diagnostics in fixes.items():
        document = by_display[display]
        if document.source.mixed_newlines:
            reason = f"{display}: mixed line endings; fixes not applied (normalise the line endings first)"
            if reason not in outcome.refused:
                outcome.refused.append(reason)
            continue
        text, applied = apply_edits(document.source, [d.fix for d in diagnostics if d.fix])
        if text == document.source.text:
            continue
        current[document.path] = encode(text, document.source.has_bom, document.source.newline)
        for diagnostic in diagnostics[:applied]:
            outcome.applied[diagnostic.code] += 1
        changed = True
    return changed


def _files_with_new_diagnostics(before: Counter[tuple[str, str]], after: Counter[tuple[str, str]], result) -> list[Path]:  # type: ignore[no-untyped-def]
    by_display = {document.display_path: document.path for document in result.documents.values()}
    spoiled = {path for (path, code), count in after.items() if count > before.get((path, code), 0)}
    return [by_display[path] for path in spoiled if path in by_display]
