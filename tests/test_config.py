"""Configuration discovery, validation and its effect on a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.config import ConfigError, load_config
from doclint.diagnostics import Severity
from doclint.engine import Linter


def test_pyproject_table_is_found_walking_up(tree):
    root = tree({"pyproject.toml": "[tool.doclint]\nignore = ['LNK002']\n", "docs/sub/x.md": "# X\n"})
    config = load_config([Path("docs/sub")])
    assert config.source == root / "pyproject.toml" and config.ignore == ("LNK002",)


def test_pyproject_without_doclint_table_is_skipped(tree):
    root = tree(
        {"pyproject.toml": "[project]\nname='x'\n", "doclint.toml": "ignore=['X']\n", "docs/x.md": "# X\n"}
    )
    # doclint.toml sits in the same folder and wins by name order; pyproject without [tool.doclint] never does
    assert load_config([Path("docs")]).source == root / "doclint.toml"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fail-on = 'fatal'\n", "'fail-on' must be one of error, warning, info"),
        ("select = 'LNK'\n", "'select' must be a list of strings"),
        ("[site]\nmarkdown-format = 'rst'\n", "'site.markdown-format' must be mdx, md or detect"),
        ("[site]\nmermiad = true\n", "unknown key 'site.mermiad' (did you mean 'site.mermaid'?)"),
        ("select = [\n", "cannot read configuration"),
    ],
)
def test_invalid_configuration_names_the_key(tree, text, message):
    tree({"doclint.toml": text, "docs/x.md": "# X\n"})
    with pytest.raises(
        ConfigError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")
    ):
        load_config([Path("docs")])


def test_severity_override_and_per_file_ignores(tree):
    tree(
        {
            "doclint.toml": "[severity]\nLNK001 = 'warning'\n\n[per-file-ignores]\n'docs/legacy/*' = ['LNK']\n",
            "docs/a.md": "[x](./missing.md)\n",
            "docs/legacy/b.md": "[x](./missing.md)\n",
        }
    )
    config = load_config([Path("docs")])
    diagnostics = Linter(config).run([Path("docs")]).diagnostics
    assert [(d.path, d.code, d.severity) for d in diagnostics] == [("docs/a.md", "LNK001", Severity.WARNING)]


def test_site_settings_change_parsing(tree):
    tree(
        {
            "doclint.toml": "[site]\nadmonition-keywords = ['exercise']\n",
            "docs/a.md": ":::exercise\nDo it.\n:::\n",
        }
    )
    config = load_config([Path("docs")])
    assert "exercise" in config.site.admonition_keywords and "note" in config.site.admonition_keywords
    assert Linter(config).run([Path("docs")]).diagnostics == []
