"""The react-native-website corpus (a Docusaurus 3.10 site): a guard against false positives."""

from __future__ import annotations

from collections import Counter

from doclint.testing import lint_tree
from support import shared_path


def test_react_native_website_has_only_the_broken_anchors_it_really_has(monkeypatch) -> None:
    site = shared_path("corpora/react-native-website/website/docusaurus.config.ts").parent
    monkeypatch.chdir(site.parent)
    found = lint_tree(site.parent, ["website", "docs"], select=("LNK", "STR"), use_cache=False)
    errors = Counter(d.code for d in found if d.severity.value == "error")
    # its file links, URL links and sidebars all resolve; its images are not in the copy (skipped cleanly)
    assert set(errors) == {"LNK002"}
    # e.g. '#alertButton' for the heading id 'alertbutton': ids are lowercase, the comparison is not
    assert any("'#alertButton'" in d.message and "did you mean '#alertbutton'" in d.message for d in found)
