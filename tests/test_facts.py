"""The cross-document phase reads per-document facts; it is skipped when no fact (or other input) changed."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from doclint.cache import CachedFile, CacheMiss, FileEntries, ResultCache
from doclint.config import load_config
from doclint.document import build_document
from doclint.engine import Linter
from doclint.facts import build_facts
from doclint.output import formatter
from doclint.site import SiteSettings
from doclint.source import SourceText
from support import REPO

CHAPTER = """---
id: setup
sidebar_position: 2
tags: [intro]
---
# Setup

Some prose that says little.

<!-- doclint-disable-next-line LNK002 -->

## Install

See [the overview](./overview.md#goals), [install](#install) and ![logo](./logo.png).

[ref]: ./overview.md
"""
OVERVIEW = "# Overview\n\n## Goals\n\nBack to [setup](./setup.md) and [nowhere](#nowhere).\n"


@pytest.fixture
def series(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "site"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "setup.md").write_text(CHAPTER)
    (root / "docs" / "overview.md").write_text(OVERVIEW)
    (root / "docs" / "logo.png").write_bytes(b"\x89PNG")
    for number in range(20):  # enough files for a parallel run
        (root / "docs" / f"part-{number:02}.md").write_text(
            f"# Part {number}\n\nSee [setup](./setup.md#install).\n"
        )
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def project_runs(monkeypatch) -> list[int]:
    """Counts the runs of the project rules."""
    runs: list[int] = []
    original = Linter._check_project

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        runs.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Linter, "_check_project", counting)
    return runs


def output(root: Path, **options) -> str:
    return formatter("json")(Linter(load_config([root]), **options).run([root]).diagnostics)


def _round_trip(entry: CachedFile, settings: SiteSettings, folder: Path) -> CachedFile:
    """``entry`` written to a cache's pack of per-file entries and read back."""
    cache = ResultCache(folder / "cache")
    entries = FileEntries({})
    entries.replace({"k" * 64: ("R/docs/a.md", pickle.dumps(entry))})
    cache.store_files("config", entries)
    return cache.load_files("config").load("k" * 64, settings)


def test_facts_are_equal_after_a_cache_round_trip(tmp_path):
    path = tmp_path / "docs" / "setup.mdx"
    config = load_config([tmp_path])
    text = CHAPTER + '\nimport Part from "./_part.md";\n\n<Link to="/docs/overview#goals">o</Link>\n'
    facts = build_facts(build_document(path, "docs/setup.mdx", SourceText(text), config.site))
    assert facts.link_sites and facts.anchors and facts.imports and facts.suppressions
    loaded = _round_trip(CachedFile.of(facts, facts.digest(), []), config.site, tmp_path)
    assert loaded.facts() == facts
    assert loaded.digest == facts.digest() == loaded.facts().digest()
    assert (loaded.path, loaded.display_path, loaded.suppressions) == (
        facts.path,
        facts.display_path,
        facts.suppressions,
    )
    assert loaded.document is None


def test_an_entry_whose_facts_were_altered_is_a_miss(tmp_path):
    path = tmp_path / "docs" / "setup.md"
    config = load_config([tmp_path])
    facts = build_facts(build_document(path, "docs/setup.md", SourceText(CHAPTER), config.site))
    entry = CachedFile.of(facts, facts.digest(), [])
    with pytest.raises(CacheMiss):
        _round_trip(
            replace(entry, facts_payload=entry.facts_payload.replace(b"setup", b"setuP")),
            config.site,
            tmp_path,
        )


def test_a_prose_edit_never_unpickles_the_other_files_facts(series, monkeypatch):
    config = load_config([series])
    Linter(config, jobs=1).run([series])
    page = series / "docs" / "setup.md"
    page.write_text(page.read_text() + "\nOne more sentence of prose.\n")
    unpickled: list[Path] = []
    original = CachedFile.facts
    monkeypatch.setattr(CachedFile, "facts", lambda self: unpickled.append(self.path) or original(self))
    assert output(series) == output(series, use_cache=False)
    assert unpickled == []


def test_a_default_run_keeps_no_document_and_a_fixing_run_keeps_them(series):
    config = load_config([series])
    assert Linter(config, jobs=1).run([series]).documents == {}
    kept = Linter(config, jobs=1, keep_raw=True).run([series]).documents
    assert series / "docs" / "setup.md" in kept


def test_a_prose_edit_does_not_rerun_the_project_rules(series, project_runs):
    cold = output(series, jobs=2)
    assert len(project_runs) == 1
    assert output(series, jobs=1) == cold  # every file from the cache: the project phase too
    assert len(project_runs) == 1
    setup = series / "docs" / "setup.md"
    setup.write_text(CHAPTER.replace("says little", "says a little more"))
    assert output(series, jobs=1) == output(series, use_cache=False)
    assert len(project_runs) == 2  # only the uncached run ran them


def test_a_warm_run_parses_only_the_changed_file(series, monkeypatch):
    import doclint.engine

    output(series, jobs=1)
    parsed: list[str] = []
    original = doclint.engine.build_document

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(path.name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(doclint.engine, "build_document", counting)
    _append(series / "docs" / "overview.md", "\n## Another section\n")
    output(series, jobs=1)
    assert parsed == ["overview.md"]


EDITS = {
    "heading added": lambda root: _append(root / "docs" / "overview.md", "\n## Nowhere\n"),
    "link edited": lambda root: _replace(root / "docs" / "overview.md", "#nowhere", "#goals"),
    "front matter id changed": lambda root: _replace(root / "docs" / "setup.md", "id: setup", "id: part-01"),
    "file renamed": lambda root: (root / "docs" / "overview.md").rename(root / "docs" / "summary.md"),
    "file added": lambda root: (
        (root / "docs" / "part-01" / "index.md").parent.mkdir()
        or (root / "docs" / "part-01" / "index.md").write_text("# Again\n\nA [link](../missing.md).\n")
    ),
    "file removed": lambda root: (root / "docs" / "setup.md").unlink(),
    "image deleted": lambda root: (root / "docs" / "logo.png").unlink(),
    "suppression added": lambda root: _append(
        root / "docs" / "overview.md", "\n<!-- doclint-disable LNK002 -->\n"
    ),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_changed_fact_reruns_the_project_rules(series, project_runs, edit):
    before = output(series, jobs=1)
    EDITS[edit](series)
    after = output(series, jobs=1)
    assert len(project_runs) == 2
    assert after == output(series, use_cache=False)
    assert after != before


def test_a_parallel_run_with_some_files_cached_agrees_with_a_cold_one(series):
    output(series, jobs=2)
    for path in sorted((series / "docs").glob("part-*.md"))[:17]:  # enough to parse in workers
        _append(path, "\nSee [nothing](#nothing).\n")
    assert output(series, jobs=2) == output(series, jobs=1, use_cache=False)


def test_a_changed_registry_reruns_the_project_rules(series, project_runs):
    output(series, jobs=1)
    (series / "references.yaml").write_text("references:\n  - id: unused\n    type: book\n    title: T\n")
    assert '"CLM003"' in output(series, jobs=1)
    assert len(project_runs) == 2


def test_project_findings_are_the_same_warm_after_edits_on_a_real_series(tmp_path, monkeypatch):
    root = tmp_path / "site"
    shutil.copytree(
        REPO / "examples" / "broken-series", root, ignore=shutil.ignore_patterns(".doclint_cache")
    )
    monkeypatch.chdir(root)
    output(root, jobs=2)
    for path in sorted((root / "docs").rglob("*.md"))[:3]:
        _append(path, "\nOne more sentence.\n\n## A new section\n")
    assert output(root, jobs=2) == output(root, use_cache=False)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text() + text)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


DIGEST = """
from pathlib import Path
from doclint.config import load_config
from doclint.document import build_document
from doclint.facts import build_facts
from doclint.source import SourceText
text = "# T\\n\\n<!-- doclint-disable LNK001, LNK002 ADM001 FM004 STR001 -->\\n\\n## A\\n\\n[x](./y.md#z)\\n"
path = Path.cwd() / "docs" / "a.md"
print(build_facts(build_document(path, "docs/a.md", SourceText(text), load_config([Path.cwd()]).site)).digest().hex())
"""


def test_the_facts_digest_does_not_depend_on_the_hash_seed(tmp_path):
    digests = set()
    for seed in ("1", "2", "3"):
        environment = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join(sys.path)}
        run = subprocess.run(
            [sys.executable, "-c", DIGEST],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(run.stdout)
    assert len(digests) == 1


def test_display_paths_resolve_symlinks_and_dots_as_path_resolve_does(tmp_path, monkeypatch):
    from doclint.files import display_path

    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.md").write_text("# A\n")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "real" / "b.md").symlink_to(tmp_path / "real" / "a.md")
    monkeypatch.chdir(tmp_path)
    for path in (
        tmp_path / "real" / "a.md",
        tmp_path / "link" / "a.md",
        tmp_path / "real" / "b.md",
        tmp_path / "link" / ".." / "real" / "a.md",
        tmp_path / "real" / "missing.md",
        tmp_path / "real",
        tmp_path,
        Path("real") / "a.md",
        Path("link") / "b.md",
        Path("real") / ".." / "link" / "a.md",
        Path("a.md"),
        Path("."),
    ):
        assert display_path(path) == path.resolve().relative_to(tmp_path.resolve()).as_posix()
    for outside in (tmp_path.parent / "elsewhere.md", Path("/"), Path("../x.md")):
        assert display_path(outside) == outside.as_posix()
    (tmp_path / "realm").mkdir()  # a sibling whose name starts like the working directory's
    monkeypatch.chdir(tmp_path / "real")
    assert display_path(tmp_path / "realm" / "c.md") == (tmp_path / "realm" / "c.md").as_posix()


@pytest.mark.parametrize(
    "text",
    [
        "import A from './a.md'\nimport {B} from \"../b.mdx\";import C from './c.md'",
        "x import A from './a.md'\n  \timport B from './b.md'",
        "import\nimport B from './b.md'",
        "y; import A from './a.md'; x;\timport B from './x.js'",
        "import {\n  A,\n  B\n} from './a.mdx'\nimportant text",
        "\r\nimport A from './a.md'",
        "",
    ],
)
def test_import_statements_are_the_matches_finditer_finds(text):
    from doclint.facts import _IMPORT, _LOCAL_IMPORT, _statements

    for pattern in (_IMPORT, _LOCAL_IMPORT):
        expected = [(match.span(), match.groupdict()) for match in pattern.finditer(text)]
        assert [(match.span(), match.groupdict()) for match in _statements(pattern, text)] == expected


def test_an_entry_of_another_format_is_a_miss(tmp_path):
    """An entry pickled by an older doclint (another CachedFile layout) under the same key is rebuilt."""
    stale = CachedFile.__new__(CachedFile)
    stale.__dict__.update(
        {"facts": None, "digest": b"", "found": []}
    )  # the layout before facts were kept pickled
    with pytest.raises(CacheMiss):
        _round_trip(stale, load_config([tmp_path]).site, tmp_path)
