"""The mdformat extension keeps Docusaurus syntax; `doclint format` proves each file before writing it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from doclint.cli import main
from doclint.config import load_config
from doclint.document import build_document
from doclint.engine import Linter
from doclint.render import render_difference
from doclint.site import SiteSettings
from doclint.source import SourceText
from support import REPO, shared_path

pytest.importorskip("mdformat")
from doclint.formatting import format_text

HAZARDS = """---
title: 'Hazards'
---

import Tabs from '@theme/Tabs';

# Title

:::tip[Use *this*]
- one
- two
:::

Inline {/* JSX comment */} and <Badge style={{color: 'red'}}>x</Badge>.

## Heading {#custom-id}

## Other {/* #other-id */}

:::note Legacy title
Body with a footnote.[^a]
:::

::::info[Outer]
:::tip[Inner]
Nested.
:::
::::

| a | b |
|---|---|
| {x} | *y* |

[^a]: The note.
"""


def _document(text: str) -> object:
    return build_document(Path("doc.mdx"), "doc.mdx", SourceText(text), SiteSettings())


def test_docusaurus_syntax_survives_formatting():
    formatted = format_text(HAZARDS)
    for kept in (
        ":::tip[Use *this*]",
        "{/* JSX comment */}",
        "## Heading {#custom-id}",
        "{/* #other-id */}",
        "<Badge style={{color: 'red'}}>",
        ":::note Legacy title",
        "::::info[Outer]",
        "| {x} | *y* |",
        "import Tabs from '@theme/Tabs';",
        "title: 'Hazards'",
        "[^a]: The note.",
        "[^a]\n",
    ):
        assert kept in formatted
    assert "\n  :::" not in formatted  # the closer is not pulled into the list
    assert render_difference(_document(HAZARDS), _document(formatted)) is None
    assert format_text(formatted) == formatted


def test_mdformat_own_html_check_accepts_the_extension_output():
    from mdformat._util import is_md_equal

    assert is_md_equal(HAZARDS, format_text(HAZARDS), extensions=["docusaurus"])


def test_reference_definitions_no_link_uses_are_kept():
    source = "See [the docs][docs].\n\n[//]: # 'a note to editors'\n\n[docs]: https://example.com\n[later]: https://example.org\n"
    formatted = format_text(source)
    for kept in (
        "[//]: # 'a note to editors'",
        "[docs]: https://example.com",
        "[later]: https://example.org",
    ):
        assert kept in formatted
    assert format_text(formatted) == formatted


def test_mdformat_alone_breaks_what_the_extension_keeps():
    import mdformat

    plain = mdformat.text(HAZARDS)
    assert (
        ":::tip\\[Use *this*\\]" in plain
        or render_difference(_document(HAZARDS), _document(plain)) is not None
    )


def test_entry_point_is_declared_and_the_module_is_an_mdformat_extension():
    import doclint.mdformat_plugin as plugin

    assert 'docusaurus = "doclint.mdformat_plugin"' in (REPO / "pyproject.toml").read_text()
    assert callable(plugin.update_mdit) and "container_directive" in plugin.RENDERERS


def test_linting_never_imports_mdformat(tmp_path):
    code = "import sys, doclint.cli, doclint.engine, doclint.fixes; print('mdformat' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": ""},
    )
    assert out.stdout.strip() == "False"


def _diagnostics(root: Path) -> Counter[tuple[str, str]]:
    result = Linter(load_config([root]), use_cache=False, jobs=1).run([root])
    return Counter((d.path, d.code) for d in result.diagnostics)


def _format_twice(root: Path, monkeypatch) -> tuple[int, Counter, Counter]:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(root)
    before = _diagnostics(root)
    originals = {path: path.read_bytes() for path in root.rglob("*.md*")}
    main(["format", "."])
    changed = sum(1 for path, data in originals.items() if path.read_bytes() != data)
    after = _diagnostics(root)
    assert main(["format", "--check", "."]) == 0
    return changed, before, after


def test_bundled_series_formats_without_new_diagnostics_and_is_stable(tmp_path, monkeypatch):
    root = tmp_path / "series"
    shutil.copytree(REPO / "examples" / "llm-deep-dive", root)
    changed, before, after = _format_twice(root, monkeypatch)
    assert changed > 0 and not after - before


def test_react_native_corpus_formats_without_new_diagnostics_and_is_stable(tmp_path, monkeypatch):
    corpus = shared_path("corpora/react-native-website")
    root = tmp_path / "rn"
    shutil.copytree(corpus / "docs", root / "docs")
    changed, before, after = _format_twice(root, monkeypatch)
    assert changed > 0 and not after - before


def test_format_keeps_bom_and_crlf(tree):
    root = tree({"docs/a.md": b"\xef\xbb\xbf# T\r\n\r\n* item\r\n"})
    assert main(["format", str(root / "docs")]) == 0
    assert (root / "docs/a.md").read_bytes() == b"\xef\xbb\xbf# T\r\n\r\n- item\r\n"


def test_a_formatting_that_changes_the_rendered_page_is_not_written(tree, monkeypatch, capsys):
    import doclint.formatting

    root = tree({"docs/a.md": "# T\n\n:::note\nBody.\n:::\n"})
    monkeypatch.setattr(
        doclint.formatting, "format_text", lambda text: text.replace(":::note", ":::note Oops")
    )
    assert main(["format", "--check", str(root / "docs")]) == 0
    assert "Docusaurus would render it differently" in capsys.readouterr().err
    main(["format", str(root / "docs")])
    assert (root / "docs/a.md").read_text() == "# T\n\n:::note\nBody.\n:::\n"


def test_format_diff_and_check_write_nothing(tree, capsys):
    original = "# T\n\n* item\n"
    root = tree({"docs/a.md": original})
    assert main(["format", "--diff", str(root / "docs")]) == 1
    assert "-* item\n+- item\n" in capsys.readouterr().out
    assert main(["format", "--check", str(root / "docs")]) == 1
    assert (root / "docs/a.md").read_text() == original
