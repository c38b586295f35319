"""The citation rules on small series: fixes that render, findings at the right place, options."""

from __future__ import annotations

from pathlib import Path

from doclint.claims import samples
from doclint.config import config_from_table
from doclint.engine import Linter
from doclint.fixes import run_fixes

# The examples' registries plus a web page, for the staleness checks.
REFERENCES = (
    samples.REFERENCES
    + """  - id: site
    type: webpage
    title: A leaderboard
    accessed: {date-parts: [[2025, 1, 1]]}
"""
)
CLAIMS = samples.CLAIMS
GENERATED = '[^brown2020]: Brown et al., "Language Models are Few-Shot Learners", 2020. https://arxiv.org/abs/2005.14165'


def linter(root: Path, select: tuple[str, ...], rules: dict | None = None) -> Linter:
    return Linter(
        config_from_table({"docs": ["docs"], "rules": rules or {}}, root), select=select, use_cache=False
    )


def found(root: Path, *codes: str, rules: dict | None = None) -> list[tuple[str, int, int, str]]:
    result = linter(root, codes, rules).run([Path("docs")])
    return [(d.path, d.line, d.column, d.code) for d in result.diagnostics]


def fixed(root: Path, codes: tuple[str, ...], unsafe: bool = False) -> str:
    outcome, result = run_fixes(linter(root, codes), [Path("docs")], unsafe)
    assert not outcome.refused and not result.diagnostics, (outcome.refused, result.diagnostics)
    ((_, after),) = outcome.changed.values()
    return after.decode()


def test_registry_key_without_definition_is_fixed_with_a_generated_definition(tree):
    root = tree(
        {
            "docs/a.md": "# A\n\nGPT-3 is large.[^brown2020] Really.[^brown2020]\n",
            "references.yaml": REFERENCES,
        }
    )
    assert found(root, "CLM001") == [("docs/a.md", 3, 16, "CLM001"), ("docs/a.md", 3, 36, "CLM001")]
    assert (
        fixed(root, ("CLM001",)) == f"# A\n\nGPT-3 is large.[^brown2020] Really.[^brown2020]\n\n{GENERATED}\n"
    )


def test_claim_key_definition_names_the_source_and_locator(tree):
    root = tree(
        {
            "docs/a.md": "GPT-3 has 175B parameters.[^gpt3.params]\n",
            "references.yaml": REFERENCES,
            "claims.yaml": CLAIMS,
        }
    )
    assert fixed(root, ("CLM001",)).endswith(
        '[^gpt3.params]: Brown et al., "Language Models are Few-Shot Learners", 2020, Table 2.1. '
        "https://arxiv.org/abs/2005.14165\n"
    )


def test_unknown_key_suggests_a_registry_key(tree):
    root = tree({"docs/a.md": "GPT-3 is large.[^brown202]\n", "references.yaml": REFERENCES})
    result = linter(root, ("CLM001",)).run([Path("docs")])
    (diagnostic,) = result.diagnostics
    assert "did you mean '[^brown2020]'" in diagnostic.message and diagnostic.fix is None


def test_pandoc_citation_becomes_a_footnote(tree):
    root = tree({"docs/a.md": "GPT-3 is large [@brown2020].\n", "references.yaml": REFERENCES})
    assert fixed(root, ("CLM011", "CLM001")) == f"GPT-3 is large [^brown2020].\n\n{GENERATED}\n"


def test_pandoc_citation_with_a_locator_is_only_an_unsafe_fix(tree):
    root = tree(
        {
            "docs/a.md": "GPT-3 is large [@brown2020, p. 8].\n\n[^brown2020]: Brown.\n",
            "references.yaml": REFERENCES,
        }
    )
    result = linter(root, ("CLM011",)).run([Path("docs")])
    (diagnostic,) = result.diagnostics
    assert diagnostic.fix.safety == "unsafe" and "'p. 8'" in diagnostic.fix.description
    assert fixed(root, ("CLM011",), unsafe=True).startswith("GPT-3 is large [^brown2020].\n")


def test_unused_definition_is_deleted(tree):
    root = tree(
        {
            "docs/a.md": "A claim.[^a] More.[^C]\n\n[^a]: Used.\n[^b]: Unused,\n    continued.\n[^c]: Used.[^a]\n"
        }
    )
    assert fixed(root, ("CLM002",)) == "A claim.[^a] More.[^C]\n\n[^a]: Used.\n[^c]: Used.[^a]\n"


def test_unused_definition_at_the_end_leaves_no_blank_line(tree):
    root = tree({"docs/a.md": "A claim.[^a]\n\n[^a]: Used.\n\n[^b]: Unused.\n"})
    assert fixed(root, ("CLM002",)) == "A claim.[^a]\n\n[^a]: Used.\n"


def test_chapters_that_disagree_are_both_reported_with_the_other_location(tree):
    root = tree(
        {
            "docs/intro.md": "# Intro\n\nGPT-3 has 175 billion parameters.[^b]\n\n[^b]: Brown.\n",
            "docs/scaling.md": "# Scaling\n\nMost people know\nthat the 170-billion-parameter GPT-3 changed things.\n",
        }
    )
    result = linter(root, ("CLM007",)).run([Path("docs")])
    assert [(d.path, d.line, d.column) for d in result.diagnostics] == [
        ("docs/intro.md", 3, 11),
        ("docs/scaling.md", 4, 10),
    ]
    assert (
        "docs/scaling.md:4" in result.diagnostics[0].message
        and "docs/intro.md:3" in result.diagnostics[1].message
    )


def test_registered_fact_checks_untagged_mentions_and_tagged_ones_separately(tree):
    chapter = (
        "GPT-3 has 170B parameters.[^gpt3.params]\n\n"
        "The davinci model has 170 billion parameters.\n\n"
        "GPT-3 is 100 times larger than GPT-2, which has 1.5B parameters.\n\n"
        "[^gpt3.params]: Brown.\n"
    )
    root = tree({"docs/a.md": chapter, "references.yaml": REFERENCES, "claims.yaml": CLAIMS})
    assert found(root, "CLM006", "CLM007") == [("docs/a.md", 1, 11, "CLM006"), ("docs/a.md", 3, 23, "CLM007")]


def test_untagged_claim_options(tree):
    text = "# Scale\n\nGPT-3 has 175 billion parameters and was trained on 300 billion tokens.\n\n## Exercises\n\nGPT-2 has 1.5 billion parameters.\n"
    root = tree({"docs/a.md": text})
    assert found(root, "CLM008") == []  # by default only pages that cite something are scored
    every = {"documents": "all"}
    assert found(root, "CLM008", rules={"CLM008": every}) == [("docs/a.md", 3, 1, "CLM008")]
    assert found(root, "CLM008", rules={"CLM008": {**every, "threshold": 0.999}}) == []
    assert found(root, "CLM008", rules={"CLM008": {**every, "skip-sections": []}}) == [
        ("docs/a.md", 3, 1, "CLM008"),
        ("docs/a.md", 7, 1, "CLM008"),
    ]


def test_untagged_claim_message_names_its_signals(tree):
    root = tree(
        {"docs/a.md": "The Transformer architecture was introduced in 2017 by researchers at Google.\n"}
    )
    (diagnostic,) = (
        linter(root, ("CLM008",), {"CLM008": {"documents": "all"}}).run([Path("docs")]).diagnostics
    )
    assert "a date (+" in diagnostic.message and "score 0." in diagnostic.message


def test_a_bad_option_is_reported_not_ignored(tree):
    root = tree({"docs/a.md": "GPT-3 has 175 billion parameters.\n"})
    result = linter(root, ("CLM008",), {"CLM008": {"coverage": "chapter"}}).run([Path("docs")])
    assert [d.code for d in result.diagnostics] == ["DL003"] and "coverage" in result.diagnostics[0].message


def test_stale_claim_falls_back_to_its_source_accessed_date(tree):
    claims = "claims:\n  - {id: votes, value: 1000, unit: count, source: site, review: quarterly}\n"
    root = tree(
        {
            "docs/a.md": "It had 1000 votes.[^votes]\n\n[^votes]: Site.\n",
            "references.yaml": REFERENCES,
            "claims.yaml": claims,
        }
    )
    result = linter(root, ("CLM009",), {"CLM009": {"today": "2025-06-01"}}).run([Path("docs")])
    assert [(d.path, d.line) for d in result.diagnostics] == [("claims.yaml", 2)]
    assert "accessed date of site" in result.diagnostics[0].message
    assert found(root, "CLM009", rules={"CLM009": {"today": "2025-02-01"}}) == []


def test_weasel_words_need_a_citation_in_scope(tree):
    root = tree(
        {
            "docs/a.md": "Studies show that larger models learn faster. The researchers found a power law.[^k]\n\n"
            "It is known as the scaling hypothesis.\n\n[^k]: Kaplan.\n"
        }
    )
    assert found(root, "CLM010") == [("docs/a.md", 1, 1, "CLM010")]
    assert found(root, "CLM010", rules={"CLM010": {"coverage": "paragraph"}}) == []
