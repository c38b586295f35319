"""Hostile input: every case terminates within its time bound, is reported clearly and never crashes."""

from __future__ import annotations

import os
import signal
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from doclint.config import Config
from doclint.engine import Linter
from doclint.site import SiteSettings
from doclint.testing import write_files


@contextmanager
def time_bound(seconds: float):
    """Fail (instead of hanging the suite) when the body runs past ``seconds``; report generously."""

    def expire(signum, frame):
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.perf_counter()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.perf_counter() - start < seconds


def lint(root: Path, *, max_file_size: int = 2_000_000, **site) -> list:
    config = Config(
        root=root,
        docs=("docs",),
        max_file_size=max_file_size,
        site=SiteSettings(site_dir=str(root), mermaid=True, **site),
    )
    result = Linter(config, jobs=1, use_cache=False).run([root / "docs"])
    assert not result.internal_errors, result.internal_errors
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1
    return result.diagnostics


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]


def write(root: Path, name: str, data: bytes | str) -> Path:
    write_files(root, {f"docs/{name}": data})
    return root / "docs" / name


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"# Caf\xe9\n", "invalid UTF-8"),
        ("\ufeff# UTF-16\n".encode("utf-16"), "UTF-16"),
        (b"# Binary\x00\x01\x02\n", "NUL bytes"),
    ],
)
def test_undecodable_files_are_reported(tmp_path, data, message):
    write(tmp_path, "bad.md", data)
    with time_bound(5):
        (diagnostic,) = lint(tmp_path)
    assert diagnostic.code == "DL001" and message in diagnostic.message


def test_invalid_utf8_points_at_the_bad_byte(tmp_path):
    write(tmp_path, "bad.md", b"# Title\n\nfine line\nbad \xff here\n")
    (diagnostic,) = lint(tmp_path)
    assert (diagnostic.line, diagnostic.column) == (4, 5)


def test_utf8_bom_is_accepted(tmp_path):
    write(tmp_path, "bom.md", b"\xef\xbb\xbf---\ntitle: T\n---\n\n# T\n\n[x](#nope)\n")
    assert [(d.code, d.line) for d in lint(tmp_path)] == [("LNK002", 7)]


def test_file_over_the_size_limit_is_skipped_with_a_diagnostic(tmp_path):
    write(tmp_path, "huge.md", "# Big\n" + "word " * 3000)
    (diagnostic,) = lint(tmp_path, max_file_size=10_000)
    assert diagnostic.code == "DL001" and "max-file-size" in diagnostic.message


def test_file_that_grows_after_stat_is_read_whole_up_to_the_limit(tmp_path, monkeypatch):
    from doclint.files import ReadProblem, read_bytes

    path = tmp_path / "growing.md"
    path.write_bytes(b"x" * 100)
    monkeypatch.setattr(Path, "stat", lambda self, **kw: os.stat_result((0,) * 6 + (10,) + (0,) * 3))
    assert read_bytes(path, 1_000) == b"x" * 100  # stat saw 10 bytes; the 90 written since are read too
    with pytest.raises(ReadProblem, match="grew past"):
        read_bytes(path, 50)


def test_one_megabyte_line(tmp_path):
    line = "word *emphasis* `code` " * 45_000 + "[a](#b)"
    write(tmp_path, "long.md", "# Long\n\n" + line + "\n\n" + "[x](#y) " * 5_000 + "\n")
    with time_bound(60):
        found = lint(tmp_path)
    assert codes(found) == ["LNK002"] * 5_001 and found[0].column == len(line) - 6


@pytest.mark.parametrize("prefix", ["- ", "> ", "1. ", ":::note\n"])
def test_ten_thousand_levels_of_nesting(tmp_path, prefix):
    text = "".join(
        prefix * 1 if prefix.endswith("\n") else " " * (2 * depth) + prefix + "x\n" for depth in range(10_000)
    )
    if prefix == "> ":
        text = "".join("> " * depth + "x\n" for depth in range(1, 2000)) + "> " * 10_000 + "deep\n"
    write(tmp_path, "nested.md", text)
    with time_bound(60):
        lint(tmp_path)


def test_deep_brackets_in_a_mermaid_block(tmp_path):
    write(tmp_path, "diagram.md", "```mermaid\ngraph TD\n  A" + "[" * 10_000 + "x" + "]" * 10_000 + "\n```\n")
    with time_bound(30):
        lint(tmp_path)


def test_yaml_alias_bomb_is_bounded_and_reported(tmp_path):
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for index, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[index]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    lines += ["---", "", "# Bomb"]
    write(tmp_path, "bomb.md", "\n".join(lines) + "\n")
    with time_bound(10):
        found = lint(tmp_path)
    assert codes(found) == ["FM001"] and "alias" in found[0].message


def test_yaml_tags_that_construct_objects_are_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    write(tmp_path, "tag.md", f"---\nx: !!python/object/apply:os.system ['touch {marker}']\n---\n\n# T\n")
    found = lint(tmp_path)
    assert codes(found) == ["FM001"] and not marker.exists()


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: never closed\n\n# T\n",
        "# T\n\n```python\nnever closed\n",
        "# T\n\n:::note\nnever closed\n",
        "# T\n\n:::note[never closed label\ntext\n",
        "# T\n\n<!-- never closed comment\n",
        "# T\n\n{/* never closed comment\n",
        "# T\n\n[never closed link](./x.md\n",
        "# T\n\n```mermaid\ngraph TD\n  A[unclosed --> B\n",
    ],
)
def test_unterminated_constructs(tmp_path, text):
    write(tmp_path, "open.md", text)
    with time_bound(10):
        lint(tmp_path)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_keep_line_numbers(tmp_path, newline):
    text = newline.join(["---", "title: T", "---", "", "# T", "", "[x](#nope)", ""])
    write(tmp_path, "eol.md", text)
    assert [(d.code, d.line, d.column) for d in lint(tmp_path)] == [("LNK002", 7, 1)]


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_symlink_loops_and_links_leaving_the_root(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\n[x](#nope)\n")
    write(tmp_path, "ok.md", "# Ok\n")
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs")
    (tmp_path / "docs" / "escape.md").symlink_to(outside / "secret.md")
    (tmp_path / "docs" / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    with time_bound(10):
        found = lint(tmp_path)
    assert all("secret" not in d.path and "escape" not in d.path for d in found)


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_discovery_order_and_which_links_it_takes(tmp_path):
    """Top-down, folders and files by name; hidden and build folders, linked folders and links leaving the
    tree are left out; a link inside the tree and a dangling one are taken (the run reports the latter)."""
    from doclint.files import _walk

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "b.md").write_text("b")
    root = tmp_path / "t"
    for name in (
        "z.md",
        "a.md",
        "b/c.md",
        "b/a/d.md",
        "B/e.md",
        ".hidden/f.md",
        "node_modules/g.md",
        "h.txt",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name)
    (root / "inside.md").symlink_to(root / "a.md")
    (root / "escape.md").symlink_to(outside / "b.md")
    (root / "dangling.md").symlink_to(root / "nowhere.md")
    (root / "folder.md").symlink_to(outside)
    (root / "b" / "out").symlink_to(outside)
    names = [path.relative_to(root).as_posix() for path in _walk(root)]
    assert names == ["a.md", "dangling.md", "inside.md", "z.md", "B/e.md", "b/c.md", "b/a/d.md"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "locked.md", "# Locked\n")
    path.chmod(0)
    try:
        (diagnostic,) = lint(tmp_path)
    finally:
        path.chmod(0o644)
    assert diagnostic.code == "DL001" and "cannot read" in diagnostic.message


def test_file_deleted_between_listing_and_reading(tmp_path, monkeypatch):
    write(tmp_path, "a.md", "# A\n")
    doomed = write(tmp_path, "b.md", "# B\n")
    from doclint import engine

    original = engine.read_bytes

    def read_after_delete(path, limit):
        if path == doomed.resolve() and doomed.exists():
            doomed.unlink()
        return original(path, limit)

    monkeypatch.setattr(engine, "read_bytes", read_after_delete)
    (diagnostic,) = lint(tmp_path)
    assert diagnostic.code == "DL001" and "disappeared" in diagnostic.message


def test_links_leaving_the_project_are_never_opened(tmp_path, monkeypatch):
    write(
        tmp_path,
        "a.md",
        "# A\n\n[passwords](../../../../../../etc/passwd.md) ![img](../../../../etc/shadow.png)\n",
    )
    opened: list[str] = []
    real_open = Path.open

    def watching_open(self, *args, **kwargs):
        opened.append(str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", watching_open)
    lint(tmp_path)
    assert not any(name.startswith("/etc") for name in opened)


def test_control_character_in_front_matter(tmp_path):
    # found by fuzzing: PyYAML rejects it before parsing, outside its usual error path
    write(tmp_path, "ctl.md", "---\ntitle: a\x18b\n---\n\n# T\n")
    (diagnostic,) = lint(tmp_path)
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("FM001", 2, 9)
    assert "U+0018" in diagnostic.message


def test_fast_yaml_loader_agrees_with_the_python_one():
    """libyaml reads front matter first; its data and positions must be those of the reporting loader."""
    from doclint.parsing import frontmatter

    if len(frontmatter._LOADERS) < 2:
        pytest.skip("PyYAML was built without libyaml")
    samples = [
        "---\ntitle: 'Café: x'\nkeywords:\n  - a\n  - b\n\nlast_update:\n  author: é\n  date: 2021-01-01\n\n---",
        "---\nn: 010\nb: yes\nc: 0x1F\nv: 1:30\nw: =\nd: 2024-01-02\n---",
        "---\ntitle: [\n---",
        "---\na: 1\na: 2\n---",
        "---\n- a\n---",
    ]
    for sample in samples:
        lines = sample.split("\n")
        fast = frontmatter.parse_front_matter(lines)
        saved = frontmatter._LOADERS
        try:
            frontmatter._LOADERS = (frontmatter._Yaml12Loader,)
            slow = frontmatter.parse_front_matter(lines)
        finally:
            frontmatter._LOADERS = saved
        assert (fast.data, fast.entries, fast.problems) == (slow.data, slow.entries, slow.problems), sample
