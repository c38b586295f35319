"""Cold, warm, one worker or several: the same diagnostics, byte for byte; a bad cache is never trusted."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import doclint
import doclint.engine
from doclint.config import load_config
from doclint.engine import Linter
from doclint.output import formatter
from support import REPO


@pytest.fixture
def series(tmp_path, monkeypatch) -> Path:
    """The broken example series plus enough chapters to make the run parallel."""
    root = tmp_path / "site"
    ignore = shutil.ignore_patterns(".doclint_cache")  # a cache a developer's own run left there
    shutil.copytree(REPO / "examples" / "broken-series", root, ignore=ignore)
    shutil.copytree(REPO / "examples" / "llm-deep-dive" / "docs", root / "docs" / "good", ignore=ignore)
    for number in range(24):
        (root / "docs" / f"extra-{number:02}.md").write_text(
            f"# Extra {number}\n\n## Part\n\nSee [part](#part), [gone](./gone-{number}.md) and [x](#nope-{number}).\n"
        )
    monkeypatch.chdir(root)
    return root


def json_output(root: Path, **options) -> str:
    config = load_config([root])
    return formatter("json")(Linter(config, **options).run([root]).diagnostics)


def test_cold_warm_serial_and_parallel_agree(series):
    cold_serial = json_output(series, jobs=1, use_cache=False)
    assert len(json.loads(cold_serial)) > 48
    assert json_output(series, jobs=2, use_cache=False) == cold_serial
    assert json_output(series, jobs=2) == cold_serial  # cold, fills the cache
    assert any((series / ".doclint_cache").rglob("*.entry"))
    assert json_output(series, jobs=1) == cold_serial  # warm
    assert json_output(series, jobs=2) == cold_serial  # warm, parallel


def test_warm_run_does_not_parse(series, monkeypatch):
    json_output(series, jobs=1)
    import doclint.document

    def refuse(*args, **kwargs):
        raise AssertionError("a warm run parsed a document")

    monkeypatch.setattr(doclint.engine, "build_document", refuse)
    assert json.loads(json_output(series, jobs=1))


def test_changed_file_is_reparsed_and_cross_file_results_follow(series):
    json_output(series, jobs=1)
    (series / "docs" / "extra-00.md").write_text("# Extra 0\n\nAll fine now.\n")
    (series / "docs" / "gone-1.md").write_text("# Back\n")
    codes = [(d["path"], d["code"]) for d in json.loads(json_output(series, jobs=1))]
    assert ("docs/extra-00.md", "LNK001") not in codes
    assert codes.count(("docs/extra-01.md", "LNK001")) == 0  # its target appeared: not stale


def test_a_warm_run_reads_again_only_the_file_that_changed(series, monkeypatch, capsys):
    """The run key hashes every file; the per-file cache keys reuse those digests instead of reading again."""
    from doclint import cli as command_line

    def check() -> list[str]:
        command_line.main(["check", "docs", "--output-format", "json", "--exit-zero", "--jobs", "1"])
        return json.loads(capsys.readouterr().out)

    first = check()
    read: list[str] = []
    original_read = doclint.engine.read_bytes
    monkeypatch.setattr(
        doclint.engine, "read_bytes", lambda path, limit: read.append(path.name) or original_read(path, limit)
    )
    (series / "docs" / "extra-03.md").write_text("# Extra 3\n\nFixed.\n")
    after_edit = check()
    assert read == ["extra-03.md"]
    assert len(after_edit) == len(first) - 2


def test_a_digest_that_does_not_match_the_bytes_is_never_trusted(series):
    """A file edited after the run key hashed it: its entry is keyed by the bytes actually read."""
    config = load_config([series])
    expected = formatter("json")(Linter(config, use_cache=False).run([series]).diagnostics)
    stale = {path: bytes(32) for path in (series / "docs").rglob("*.md")}
    assert (
        formatter("json")(Linter(config, jobs=1).run([series], content_digests=stale).diagnostics) == expected
    )
    assert json_output(series, jobs=1) == expected  # and the entries it wrote answer a normal run


def _exploit(marker: Path) -> bytes:
    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    return pickle.dumps(Exploit())


def test_corrupt_and_foreign_entries_are_rebuilt(series, tmp_path):
    from doclint.cache import ResultCache

    expected = json_output(series, jobs=1)
    (pack,) = (series / ".doclint_cache" / "files").iterdir()
    cache = ResultCache(series / ".doclint_cache")
    entries = cache.load_files(pack.stem)
    keys = sorted(entries.packed)
    assert len(keys) > 30
    marker = tmp_path / "executed"
    damaged = {
        keys[0]: b"not a cache entry",
        keys[1]: entries.packed[keys[1]][1][:100],  # truncated
        keys[2]: _exploit(marker),  # never run
        keys[3]: pickle.dumps(["a list", "not an entry"]),
    }
    for key, payload in damaged.items():
        entries.packed[key] = (entries.packed[key][0], payload)
    cache._write_entry(pack, pack.stem, entries.packed)
    assert json_output(series, jobs=1) == expected
    assert not marker.exists()
    for damage in (b"not a cache entry", pack.read_bytes()[:-200], _exploit(marker)):
        pack.write_bytes(damage)
        assert json_output(series, jobs=1) == expected
        assert not marker.exists()
    header = pack.read_bytes().split(b"\n", 2)
    pack.write_bytes(header[0] + b"\n" + b"0" * len(header[1]) + b"\n" + header[2])  # another key
    assert json_output(series, jobs=1) == expected


def test_per_file_entries_are_one_pack_that_a_run_over_a_few_files_keeps(series, monkeypatch):
    expected = json_output(series, jobs=1)
    assert len(list((series / ".doclint_cache" / "files").iterdir())) == 1
    config = load_config([series])
    Linter(config, jobs=1).run([series / "docs" / "extra-01.md"])  # as a pre-commit hook runs it

    def refuse(*args, **kwargs):
        raise AssertionError("a file was parsed again")

    monkeypatch.setattr(doclint.engine, "build_document", refuse)
    assert json_output(series, jobs=1) == expected


def doclint_process(root: Path, *args: str, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    """``doclint check docs ARGS`` in a process of its own; with ``importtime``, what it imports is on stderr."""
    import doclint

    env = {**os.environ, "PYTHONPATH": str(Path(doclint.__file__).resolve().parents[1])}
    flags = ["-X", "importtime"] if importtime else []
    command = [sys.executable, *flags, "-m", "doclint", "check", "docs", *args]
    return subprocess.run(command, cwd=root, check=False, capture_output=True, text=True, env=env)


def cli(root: Path) -> str:
    return doclint_process(root, "--output-format", "json").stdout


def test_unchanged_run_is_answered_without_loading_rules_or_parser(series):
    cold = cli(series)
    assert json.loads(cold)
    warm = doclint_process(series, "--output-format", "json", importtime=True)
    assert warm.stdout == cold
    imported = warm.stderr
    assert (
        "markdown_it" not in imported
        and "doclint.document" not in imported
        and "doclint.rules" not in imported
    )


def test_concurrent_runs_never_leave_a_cache_that_changes_an_answer(series):
    """Runs that read and write the same cache at once (editor, hook and CI on one checkout): the last
    writer wins, and whatever is left must give the same answers as no cache at all."""
    import doclint

    env = {**os.environ, "PYTHONPATH": str(Path(doclint.__file__).resolve().parents[1])}
    command = [sys.executable, "-m", "doclint", "check", "docs", "--output-format", "json", "--exit-zero"]
    for round_number in range(3):
        (series / "docs" / f"extra-{round_number:02}.md").write_text(f"# Extra {round_number}\n\nEdited.\n")
        runs = [
            subprocess.Popen([*command, "--jobs", str(jobs)], cwd=series, env=env, stdout=subprocess.PIPE)
            for jobs in (1, 2, 1, 2)
        ]
        outputs = {run.communicate()[0] for run in runs}
        assert len(outputs) == 1  # every run saw the same files: the same answer
    expected = doclint_process(series, "--output-format", "json", "--no-cache").stdout
    assert json.loads(expected)
    assert cli(series) == expected
    (series / "docs" / "extra-09.md").write_text("# Extra 9\n\nEdited.\n")  # past the run cache
    assert cli(series) == doclint_process(series, "--output-format", "json", "--no-cache").stdout


def test_run_cache_follows_files_and_configuration(series):
    before = json.loads(cli(series))
    (series / "docs" / "extra-03.md").write_text("# Extra 3\n\nFixed.\n")
    after_edit = json.loads(cli(series))
    assert len(after_edit) == len(before) - 2
    (series / "doclint.toml").write_text("ignore = ['LNK002']\n" + (series / "doclint.toml").read_text())
    after_config = json.loads(cli(series))
    assert after_config and all(d["code"] != "LNK002" for d in after_config)
    broken_link = ("docs/extra-05.md", "LNK001")
    assert broken_link in [(d["path"], d["code"]) for d in after_config]
    (series / "docs" / "gone-5.md").write_text("# Now it exists\n")  # the linked file appears
    assert broken_link not in [(d["path"], d["code"]) for d in json.loads(cli(series))]


def test_a_run_without_plugins_installed_never_imports_importlib_metadata(series):
    """Plugins are found from the entry_points.txt files on sys.path; importlib.metadata (and the email
    package it needs) is loaded only when some distribution declares doclint rules or kinds."""
    cold = doclint_process(series, "--no-cache", importtime=True)
    assert cold.returncode in (0, 1), cold.stderr[-2000:]
    assert "doclint.rules" in cold.stderr  # the rules were loaded
    assert "importlib.metadata" not in cold.stderr


class _ByName:
    """Pickles as some Python 3.11 releases pickle an enum member: ``getattr(owner, name)``."""

    def __init__(self, owner: object, name: str) -> None:
        self.owner, self.name = owner, name

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (getattr, (self.owner, self.name))


def test_enum_members_pickled_by_name_load_and_nothing_else_does(tmp_path):
    from doclint.cache import ResultCache
    from doclint.diagnostics import Diagnostic, Severity

    cache = ResultCache(tmp_path)
    diagnostic = Diagnostic("a.md", 1, 1, "X001", "m", severity=_ByName(Severity, "WARNING"))  # type: ignore[arg-type]
    cache._write_entry(tmp_path / "projects" / f"{'a' * 64}.entry", "a" * 64, [diagnostic])
    assert cache.load_project("a" * 64) == [Diagnostic("a.md", 1, 1, "X001", "m", severity=Severity.WARNING)]
    for index, (owner, name) in enumerate(
        ((Diagnostic, "__init__"), (Severity, "__class__"), (Severity, "NOPE"))
    ):
        key = str(index) * 64
        cache._write_entry(tmp_path / "projects" / f"{key}.entry", key, [_ByName(owner, name)])
        assert (tmp_path / "projects" / f"{key}.entry").is_file()
        assert cache.load_project(key) is None


def test_the_code_identity_follows_doclints_own_files(tmp_path):
    """A checkout or a git install keeps its version number while its code changes: cached results carry
    a digest of the package's files, so other code's results are not reused."""
    from doclint.cache import code_identity, tree_digest

    package = tmp_path / "doclint"
    (package / "rules").mkdir(parents=True)
    (package / "rules" / "a.py").write_text("A = 1\n")
    before = tree_digest(package)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"compiled")
    assert tree_digest(package) == before  # bytecode written by a run changes nothing
    (package / "rules" / "a.py").write_text("A = 22\n")
    assert tree_digest(package) != before
    assert code_identity().startswith(doclint.__version__ + "+")


def test_clean_removes_the_cache_and_says_what_it_held(series, capsys):
    from doclint import cli as command_line

    json_output(series, jobs=1)
    assert command_line.main(["clean", str(series)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Removed the cache at {series / '.doclint_cache'} (") and " MB)." in said
    assert not (series / ".doclint_cache").exists()
    assert command_line.main(["clean", str(series)]) == 0
    assert capsys.readouterr().out == f"No cache at {series / '.doclint_cache'}.\n"
