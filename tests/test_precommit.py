"""The pre-commit hook, run for real by pre-commit in a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import doclint
from support import REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _pre_commit() -> list[str]:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    return [sys.executable, "-m", "pre_commit"]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_hook_definition_runs_through_pre_commit(tmp_path):
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "doclint" and hook["language"] == "python"
    # Same hook, run against the doclint installed in this environment instead of a fresh virtualenv
    # (which would need the network): entry, file pattern and serial execution are the published ones.
    local_hook = {**hook, "language": "system", "entry": f"{sys.executable} -m doclint check"}
    repo = tmp_path / "site"
    (repo / "docs").mkdir(parents=True)
    (repo / "docs" / "intro.md").write_text(
        "# Intro\n\n## Part\n\nSee [part](#part) and [next](./next.md).\n"
    )
    (repo / "docs" / "next.md").write_text("# Next\n\nBack to [the intro](./intro.md#part).\n")
    (repo / "notes.txt").write_text("[not markdown](./nowhere.md)\n")
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local_hook]}]})
    )
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    package_parent = str(Path(doclint.__file__).resolve().parents[1])  # this doclint, installed or in src/
    python_path = os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH", "")]))
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "SKIP": "", "PYTHONPATH": python_path}
    command = [*_pre_commit(), "run", "--all-files", "--color", "never"]
    passed = subprocess.run(command, cwd=repo, check=False, capture_output=True, text=True, env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr

    (repo / "docs" / "next.md").unlink()
    _git(repo, "add", "-A")
    failed = subprocess.run(command, cwd=repo, check=False, capture_output=True, text=True, env=env)
    assert failed.returncode == 1
    assert "docs/intro.md:5:" in failed.stdout and "LNK001" in failed.stdout
