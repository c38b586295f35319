"""The command line, run in-process through ``doclint.cli.main`` and, for the entry points, as a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from doclint import __version__
from doclint.cli import main
from support import REPO, shared_path

CHAPTER = "---\ntitle: Intro\n---\n\n# Intro\n\n## Setup\n\nSee [setup](#setup) and [next](./next.md).\n"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version_and_module_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "doclint", "--version"], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.strip() == f"doclint {__version__}"


@pytest.mark.skipif(shutil.which("doclint") is None, reason="console script not installed")
def test_console_script():
    result = subprocess.run(["doclint", "rules"], check=False, capture_output=True, text=True)
    assert result.returncode == 0 and "LNK001" in result.stdout


def test_rules_lists_every_rule(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert out.splitlines()[0].split() == ["CODE", "NAME", "SEVERITY", "FIX", "ORIGIN"]
    assert any(line.startswith("LNK002") and "missing-anchor" in line for line in out.splitlines())


def test_rule_prints_documentation_and_examples(capsys):
    code, out, _ = run(capsys, "rule", "adm002")
    assert code == 0
    assert "unclosed-admonition" in out and "## Why it matters" in out and "## Fails" in out


def test_unknown_rule_exits_2(capsys):
    code, _, err = run(capsys, "rule", "XX999")
    assert code == 2 and "XX999" in err


def test_check_reports_findings_and_exits_1(tree, capsys):
    tree({"docs/intro.md": CHAPTER})
    code, out, _ = run(capsys, "check", "docs")
    assert code == 1
    assert out.splitlines()[0].startswith("docs/intro.md:9:")
    assert " LNK001 " in out.splitlines()[0]
    assert "Found 1 problem (1 error) in 1 file." in out


def test_check_clean_exits_0(tree, capsys):
    tree({"docs/intro.md": CHAPTER.replace(" and [next](./next.md)", "")})
    code, out, _ = run(capsys, "check", "docs")
    assert code == 0 and "All checks passed" in out


def test_missing_path_exits_2_with_one_line(capsys):
    code, out, err = run(capsys, "check", "/no/such/path")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no such file or directory" in err and "Traceback" not in err


def test_missing_path_as_subprocess_has_no_traceback():
    result = subprocess.run(
        [sys.executable, "-m", "doclint", "check", "/no/such/path"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_select_ignore_and_exit_zero(tree, capsys):
    tree({"docs/intro.md": CHAPTER + "\n[broken](#nowhere)\n"})
    code, out, _ = run(capsys, "check", "docs", "--select", "LNK002", "--quiet")
    assert code == 1 and "LNK002" in out and "LNK001" not in out
    code, out, _ = run(capsys, "check", "docs", "--ignore", "LNK", "--quiet")
    assert code == 0 and out == ""
    code, _, _ = run(capsys, "check", "docs", "--exit-zero")
    assert code == 0


def test_unknown_selector_exits_2(tree, capsys):
    tree({"docs/intro.md": CHAPTER})
    code, _, err = run(capsys, "check", "docs", "--select", "NOPE123")
    assert code == 2 and "NOPE123" in err


def test_fail_on_warning(tree, capsys):
    tree({"docs/intro.md": "{/* doclint-disable-next-line LNK001 */}\nNothing here.\n"})
    code, out, _ = run(capsys, "check", "docs")
    assert code == 0 and "DL002" in out
    code, _, _ = run(capsys, "check", "docs", "--fail-on", "warning")
    assert code == 1


def test_statistics(tree, capsys):
    tree({"docs/intro.md": CHAPTER + "\n[a](./x.md) [b](./y.md)\n"})
    code, out, _ = run(capsys, "check", "docs", "--statistics")
    assert code == 1 and out.split()[:3] == ["3", "LNK001", "missing-linked-file"]


def test_invalid_config_exits_2_naming_the_key(tree, capsys):
    tree({"doclint.toml": "slect = ['LNK']\n", "docs/intro.md": CHAPTER})
    code, _, err = run(capsys, "check", "docs")
    assert code == 2 and "unknown key 'slect'" in err and "did you mean 'select'" in err


def test_json_output_shape(tree, capsys):
    tree({"docs/intro.md": CHAPTER})
    code, out, _ = run(capsys, "check", "docs", "--output-format", "json")
    assert code == 1
    (item,) = json.loads(out)
    assert set(item) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "message",
        "fix",
    }
    assert (item["path"], item["line"], item["column"], item["code"]) == ("docs/intro.md", 9, 25, "LNK001")


def test_bundled_example_series_is_clean(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    code, out, _ = run(capsys, "check", "examples/llm-deep-dive", "--no-cache")  # no cache in the repository
    assert code == 0, out


def test_seed_chapter_reports_exactly_its_four_broken_links(tmp_path, capsys, monkeypatch):
    seed = shared_path("reference/seed-chapter-intro.md")
    (tmp_path / "docs").mkdir()
    shutil.copy(seed, tmp_path / "docs" / "intro.md")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "docs", "--output-format", "json")
    found = json.loads(out)
    assert code == 1
    errors = [(d["line"], d["severity"]) for d in found if d["severity"] == "error"]
    assert errors == [(71, "error"), (72, "error"), (73, "error"), (74, "error")]


def test_python_api(tree):
    import doclint

    tree({"docs/intro.md": CHAPTER})
    (diagnostic,) = doclint.lint_paths(["docs"])
    assert (diagnostic.code, diagnostic.line) == ("LNK001", 9)


def test_check_external_flag_turns_on_lnk006(tree, capsys, monkeypatch):
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self):
            self.send_response(404 if "gone" in self.path else 200)
            self.end_headers()

        do_GET = do_HEAD

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        tree({"docs/a.md": f"# A\n\n[ok](http://127.0.0.1:{port}/ok) [gone](http://127.0.0.1:{port}/gone)\n"})
        code, out, _ = run(capsys, "check", "docs", "--quiet")
        assert code == 0 and out == ""
        code, out, _ = run(capsys, "check", "docs", "--check-external", "--quiet")
        assert "LNK006" in out and "/gone" in out and "/ok" not in out
    finally:
        server.shutdown()


def test_readme_documents_every_builtin_rule():
    from doclint.rules import all_rules

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [
        rule.code
        for rule in all_rules()
        if rule.origin == "doclint" and f"| {rule.code} | {rule.name} |" not in readme
    ]
    assert missing == [], f"README's rule tables lack {missing}"
