"""A third-party package adds a rule through the doclint.rules entry point group.

The example package in plugin_package/ is installed into the running interpreter without pip and without
network: its src/ goes on sys.path next to a .dist-info directory whose entry_points.txt is written from
the package's own pyproject.toml. importlib.metadata reads exactly that, as it would after `pip install`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from doclint.cli import main
from doclint.rules import all_rules, rule_by_code
from doclint.testing import run_example

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PLUGIN = Path(__file__).parent / "plugin_package"


@pytest.fixture
def plugin_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text())["project"]
    site = tmp_path / "site-packages"
    dist_info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    )
    groups = project["entry-points"]
    entry_points = "".join(
        f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in entries.items()) + "\n"
        for group, entries in groups.items()
    )
    (dist_info / "entry_points.txt").write_text(entry_points)
    monkeypatch.syspath_prepend(str(PLUGIN / "src"))
    monkeypatch.syspath_prepend(str(site))
    all_rules.cache_clear()
    yield
    all_rules.cache_clear()
    sys.modules.pop("doclint_example_plugin.rules", None)
    sys.modules.pop("doclint_example_plugin", None)


def test_plugin_rule_is_listed_with_its_origin(plugin_installed, tree, capsys):
    assert main(["rules"]) == 0
    (row,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("EXP001")]
    assert row.split() == ["EXP001", "todo-marker", "warning", "-", "doclint-example-plugin"]


def test_plugin_rule_fires_and_is_documented(plugin_installed, tree, capsys):
    tree({"docs/a.md": "# A\n\nTODO: write this.\n\n```\nTODO in code\n```\n"})
    assert main(["check", "--no-cache", "--select", "EXP001", "--fail-on", "warning", "docs"]) == 1
    out = capsys.readouterr().out
    assert "docs/a.md:3:1: EXP001 'TODO' left in the page" in out and ":6:" not in out
    assert main(["rule", "EXP001"]) == 0
    assert "from doclint-example-plugin" in capsys.readouterr().out


def test_plugin_rule_follows_the_built_in_conventions(plugin_installed):
    rule = rule_by_code("EXP001")
    assert rule is not None and rule.origin == "doclint-example-plugin"
    documentation = rule.documentation()
    assert rule.summary() and "## What it does" in documentation and "## Why it matters" in documentation
    assert all(run_example(rule, example) for example in rule.examples.failing)
    assert all(run_example(rule, example) == [] for example in rule.examples.passing)


def test_without_the_plugin_the_rule_is_unknown():
    assert rule_by_code("EXP001") is None


SENTENCE_CHECK = {
    "code": "TST020",
    "name": "long-sentences",
    "kind": "sentence-length",
    "max-words": 5,
    "documentation": "Long sentences lose readers.",
}


def test_plugin_kind_is_usable_from_a_yaml_pack(plugin_installed, tree, tmp_path, capsys):
    from .packsupport import project

    project(
        tmp_path,
        [SENTENCE_CHECK],
        {"docs/a.md": "# A\n\nShort one. This sentence has far too many words in it.\n"},
    )
    assert main(["check", "--no-cache", "--fail-on", "warning", str(tmp_path)]) == 1
    assert "docs/a.md:3:12: TST020 this sentence has 9 words; keep sentences to 5" in capsys.readouterr().out
    assert main(["rule", "TST020"]) == 0
    assert "Reports sentences of more than 5 words." in capsys.readouterr().out


def test_without_the_plugin_the_kind_is_unknown(tree, tmp_path, capsys):
    from .packsupport import project

    project(tmp_path, [SENTENCE_CHECK], {"docs/a.md": "# A\n"})
    assert main(["check", "--no-cache", str(tmp_path)]) == 2
    assert (
        "check TST020 (sentence-length): field 'kind': unknown kind 'sentence-length'"
        in capsys.readouterr().err
    )


def test_installing_a_plugin_changes_the_run_cache_key(plugin_installed, tree, monkeypatch):
    from doclint.config import load_config
    from doclint.runcache import run_key

    root = tree({"docs/a.md": "# A\n"})
    config = load_config([root / "docs"])
    with_plugin = run_key(config, [root / "docs"], ())
    monkeypatch.setattr(sys, "path", [entry for entry in sys.path if entry != str(root / "site-packages")])
    assert run_key(config, [root / "docs"], ()) != with_plugin


def test_plugins_are_found_from_their_entry_point_files(plugin_installed):
    from doclint.plugins import declarations, entry_points

    assert any(path.parent.name.startswith("doclint_example_plugin") for path, _ in declarations())
    assert [entry.name for entry in entry_points("doclint.rules")]
