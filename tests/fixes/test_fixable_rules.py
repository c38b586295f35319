"""Every fixable rule, generically: its fix removes the finding, changes only the edited lines, passes the
render check (safe fixes) and is idempotent. Rules that land later are covered by registering."""

from __future__ import annotations

import difflib
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from doclint.cli import main
from doclint.config import Config, load_config
from doclint.document import build_document
from doclint.engine import Linter
from doclint.fixes import apply_edits, run_fixes
from doclint.render import render_difference
from doclint.rules import all_rules
from doclint.rules.base import EngineRule, Example, Rule
from doclint.source import SourceText
from doclint.testing import write_example, write_files

REPO = Path(__file__).resolve().parents[2]
SERIES = REPO / "examples" / "llm-deep-dive"
FIXABLE = [
    (rule, index) for rule in all_rules() if rule.fix_safety for index in range(len(rule.examples.failing))
]


def _linter(rule: type[Rule], example: Example, root: Path) -> Linter:
    docs_root = Path(example.path).parts[0] if len(Path(example.path).parts) > 1 else "."
    config = Config(root=root, docs=(docs_root,))
    config = replace(
        config,
        site=replace(config.site, site_dir=str(root), **dict(example.site)),
        rule_options={rule.code: dict(example.options)},
    )
    return Linter(
        config, select=("ALL",) if issubclass(rule, EngineRule) else (rule.code,), use_cache=False, jobs=1
    )


def _changed_lines_outside(before: str, after: str, allowed: list[tuple[int, int]]) -> list[int]:
    """Lines (1-based, in ``before``) that differ although no edit touched them."""
    outside = []
    matcher = difflib.SequenceMatcher(a=before.split("\n"), b=after.split("\n"), autojunk=False)
    for tag, a_start, a_end, _, _ in matcher.get_opcodes():
        if tag == "equal":
            continue

        def touched(line: int) -> bool:
            return any(first <= line <= last for first, last in allowed)

        if a_end == a_start:  # an insertion: one of the lines around it must have been edited
            outside += [] if touched(a_start) or touched(a_start + 1) else [a_start]
        else:
            outside += [line for line in range(a_start + 1, a_end + 1) if not touched(line)]
    return outside


@pytest.mark.parametrize(("rule", "index"), FIXABLE, ids=[f"{r.code}-fix-{i}" for r, i in FIXABLE])
def test_fix_removes_the_finding_touches_only_its_edits_and_is_idempotent(rule, index, tmp_path):
    example = rule.examples.failing[index]
    root = tmp_path.resolve()
    target = write_example(example, root)
    unsafe = rule.fix_safety == "unsafe"
    linter = _linter(rule, example, root)
    linter.keep_raw = True  # keep the Documents, to compare before and after
    first = linter.run([target])
    fixable = [d for d in first.diagnostics if d.code == rule.code and d.fix]
    if not fixable:
        pytest.skip(f"{rule.code} offers no fix on failing example {index}")
    original = target.read_bytes()
    outcome, fixed = run_fixes(linter, [target], unsafe)
    assert outcome.refused == [], outcome.refused
    assert target in outcome.changed, f"{rule.code}: the fix changed nothing"
    assert not [d for d in fixed.diagnostics if d.code == rule.code and d.fix], "a fixable finding remains"

    before_doc = first.documents[target]
    after_text = SourceText.from_bytes(outcome.changed[target][1]).text
    after_doc = build_document(target, before_doc.display_path, SourceText(after_text), before_doc.settings)
    edits = [edit for d in fixable for edit in d.fix.edits]  # type: ignore[union-attr]
    scopes = [d.fix.scope for d in fixable if d.fix and d.fix.scope]
    allowed = [(e.line, max(e.end_line, e.line)) for e in edits]
    exactly_the_edits = apply_edits(before_doc.source, [d.fix for d in fixable if d.fix])[0] == after_text
    # a line diff cannot tell where an insertion between blank lines belongs: the edits themselves can
    assert exactly_the_edits or _changed_lines_outside(before_doc.source.text, after_text, allowed) == []
    if rule.fix_safety == "safe":
        assert render_difference(before_doc, after_doc, edits, scopes) is None

    target.write_bytes(outcome.changed[target][1])
    again, _ = run_fixes(_linter(rule, example, root), [target], unsafe)
    assert again.changed == {}, "a second run changed the file again"
    assert original != target.read_bytes()


def _injectable(example: Example) -> bool:
    return not example.options and not example.site and all(Path(p).parts[0] == "docs" for p in example.files)


SAFE = [
    rule for rule in all_rules() if rule.fix_safety == "safe" and any(map(_injectable, rule.examples.failing))
]


def _fixed_copy(destination: Path, monkeypatch) -> dict[Path, bytes]:  # type: ignore[no-untyped-def]
    """The bundled series copied and fixed as it is: what --fix must leave of every file not injected."""
    shutil.copytree(SERIES, destination)
    monkeypatch.chdir(destination)
    main(["check", "--fix", "--no-cache", "--exit-zero", "-q", "."])
    return {
        path.relative_to(destination): path.read_bytes() for path in destination.rglob("*") if path.is_file()
    }


def test_check_fix_removes_every_injected_safe_defect_and_nothing_else(tmp_path, monkeypatch, capsys):
    if not SAFE:
        pytest.skip("no safe-fixable rule has an injectable example")
    reference = _fixed_copy(tmp_path / "reference", monkeypatch)
    series = tmp_path / "series"
    shutil.copytree(SERIES, series)
    monkeypatch.chdir(series)
    injected: dict[Path, str] = {}
    for rule in SAFE:
        example = next(filter(_injectable, rule.examples.failing))
        folder = f"docs/injected-{rule.code.lower()}"
        write_files(
            series / folder,
            {str(Path(*Path(relative).parts[1:])): content for relative, content in example.files.items()},
        )
        injected[series / folder / Path(*Path(example.path).parts[1:])] = rule.code

    before = Linter(load_config([series]), use_cache=False, jobs=1).run([series])
    fired = {(d.path, d.code) for d in before.diagnostics if d.fix and d.fix.safety == "safe"}
    for path, code in injected.items():
        assert (path.relative_to(series).as_posix(), code) in fired, f"{code} does not fire once injected"

    capsys.readouterr()
    main(["check", "--fix", "--no-cache", "--exit-zero", "-q", "."])
    assert "not applied" not in capsys.readouterr().err
    after = Linter(load_config([series]), use_cache=False, jobs=1).run([series])
    remaining = {(d.path, d.code) for d in after.diagnostics if d.fix and d.fix.safety == "safe"}
    assert remaining == set()
    for relative, data in reference.items():
        assert (series / relative).read_bytes() == data, (
            f"{relative} differs from the series fixed without injection"
        )
    fixed = {path: path.read_bytes() for path in series.rglob("*") if path.is_file()}
    main(["check", "--fix", "--no-cache", "--exit-zero", "-q", "."])
    assert {path: path.read_bytes() for path in series.rglob("*") if path.is_file()} == fixed
