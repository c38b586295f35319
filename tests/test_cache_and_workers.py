"""Cold, warm, one worker or several: the same diagnostics, byte for byte; a bad cache is never trusted."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest

from doclint.config import load_config
from doclint.engine import Linter
from doclint.output import formatter

from support import REPO


@pytest.fixture
def series(tmp_path, monkeypatch) -> Path:
    """The broken example series plus enough chapters to make the run parallel."""
    root = tmp_path / "site"
    shutil.copytree(REPO / "examples" / "broken-series", root)
    shutil.copytree(REPO / "examples" / "llm-deep-dive" / "docs", root / "docs" / "good")
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


def test_corrupt_and_foreign_entries_are_rebuilt(series, tmp_path):
    expected = json_output(series, jobs=1)
    entries = sorted((series / ".doclint_cache").rglob("*.entry"))
    header = lambda entry: entry.read_bytes().split(b"\n", 2)  # noqa: E731
    entries[0].write_bytes(b"not a cache entry")
    magic, key, payload = header(entries[1])
    entries[1].write_bytes(magic + b"\n" + b"0" * len(key) + b"\n" + payload)  # another key
    magic, key, payload = header(entries[2])
    entries[2].write_bytes(magic + b"\n" + key + b"\n" + payload[: len(payload) // 2])  # truncated
    marker = tmp_path / "executed"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    magic, key, _ = header(entries[3])
    entries[3].write_bytes(magic + b"\n" + key + b"\n" + pickle.dumps(Exploit()))  # never run
    assert json_output(series, jobs=1) == expected
    assert not marker.exists()
