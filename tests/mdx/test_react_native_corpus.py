"""False-positive hunt on a real Docusaurus 3.10 site, with the settings its docusaurus.config.ts implies:
docs compiled as MDX, `future: {v4: true}` (so mdx1Compat is off), admonition keyword `important` added.

The only errors expected are real: `:::warning Title` legacy admonitions, which Docusaurus 3.10.2 renders as
plain paragraphs under the v4 flags (checked with the oracle). Skipped when the corpus is not there."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from doclint.config import Config
from doclint.engine import Linter
from doclint.site import DEFAULT_ADMONITION_KEYWORDS, Mdx1Compat, SiteSettings

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "react-native-website"
FAMILIES = ("FM", "ADM", "MDX", "HID")


@pytest.fixture(scope="module")
def diagnostics():
    root = CORPUS.resolve()
    if not (root / "website" / "docusaurus.config.ts").is_file():
        pytest.skip("react-native-website corpus not available")
    site = SiteSettings(
        markdown_format="mdx",
        mdx1_compat=Mdx1Compat(comments=False, admonitions=False, heading_ids=False),
        admonition_keywords=(*DEFAULT_ADMONITION_KEYWORDS, "important"),
        mermaid=True,
        docs_path="../docs",
        site_dir=str(root / "website"),
    )
    docs = ("docs", "website/blog", "website/architecture", "website/contributing", "website/community")
    config = Config(root=root, site=site, docs=docs)
    cwd = Path.cwd()
    os.chdir(root)
    try:
        result = Linter(config, select=FAMILIES).run([root / "docs", root / "website"])
    finally:
        os.chdir(cwd)
    return [d for d in result.diagnostics if d.code.startswith(FAMILIES)]


def test_every_error_is_a_legacy_admonition_title(diagnostics):
    errors = Counter(d.code for d in diagnostics if d.severity.value == "error")
    assert errors == Counter({"ADM006": 27})


def test_no_mdx_or_heading_findings(diagnostics):
    assert [d for d in diagnostics if d.code.startswith(("MDX", "HID"))] == []
