"""The fix engine's guarantees: edits applied without overlap, bytes round-trip, atomic writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from doclint.diagnostics import Edit, Fix
from doclint.fixes import FileChangedError, apply_edits, write_atomically
from doclint.source import SourceText, decode, encode


def fix(*edits: Edit) -> Fix:
    return Fix(tuple(edits), "safe", "test")


def test_edits_apply_right_to_left_and_overlaps_wait():
    source = SourceText("one two three\nfour\n")
    text, applied = apply_edits(
        source,
        [
            fix(Edit(1, 5, 1, 8, "2")),
            fix(Edit(1, 1, 1, 4, "1")),
            fix(Edit(1, 6, 1, 10, "overlapping")),  # overlaps the first: left for the next round
            fix(Edit(2, 1, 2, 1, "> ")),
        ],
    )
    assert (text, applied) == ("1 2 three\n> four\n", 3)


@pytest.mark.parametrize(
    "data",
    [b"a\nb\n", b"a\r\nb\r\n", b"a\rb\r", b"\xef\xbb\xbfa\nb", b"no final newline", "é😄\n".encode()],
)
def test_decode_encode_round_trip(data):
    text, has_bom, newline, mixed = decode(data)
    assert not mixed and encode(text, has_bom, newline) == data


def test_mixed_line_endings_are_detected():
    assert decode(b"a\r\nb\nc\r\n")[3] is True


def test_atomic_write_keeps_mode_and_refuses_changed_files(tmp_path):
    path = tmp_path / "doc.md"
    path.write_bytes(b"before\n")
    path.chmod(0o640)
    write_atomically(path, b"after\n", b"before\n")
    assert path.read_bytes() == b"after\n" and (path.stat().st_mode & 0o777) == 0o640
    with pytest.raises(FileChangedError):
        write_atomically(path, b"again\n", b"before\n")
    assert path.read_bytes() == b"after\n"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.md"]


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_process_killed_while_writing_leaves_the_original_intact(tmp_path):
    path = tmp_path / "doc.md"
    original = b"# Original\n" * 1000
    path.write_bytes(original)
    script = f"""
import os, sys
from pathlib import Path
import doclint.fixes as fixes
real_fdopen = os.fdopen
class Slow:
    def __init__(self, handle): self.handle = handle
    def __enter__(self): return self
    def __exit__(self, *a): return self.handle.__exit__(*a)
    def write(self, data):
        self.handle.write(data[:10]); self.handle.flush()
        print("writing", flush=True)
        import time; time.sleep(60)
    def __getattr__(self, name): return getattr(self.handle, name)
fixes.os.fdopen = lambda *a, **k: Slow(real_fdopen(*a, **k))
fixes.write_atomically(Path({str(path)!r}), b"# Replaced\\n" * 1000, Path({str(path)!r}).read_bytes())
"""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(Path(__import__("doclint").__file__).parents[1]), os.environ.get("PYTHONPATH")])
        ),
    }
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stdout.readline().strip() == b"writing"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    time.sleep(0.05)
    assert path.read_bytes() == original
