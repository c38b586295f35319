"""Hostile prose for the claim rules: every input that once made a pattern backtrack finishes quickly."""

from __future__ import annotations

import pytest

from test_adversarial import lint, time_bound, write


@pytest.mark.parametrize(
    "text",
    [
        "." * 50_000,
        "Claim. " * 20_000,
        "[" + "@a " * 20_000,
        "[@" + "a." * 20_000,
        "GPT-3 has 175 billion parameters and " * 5_000 + "more.",
        "Studies show " * 10_000,
        "A" * 50_000 + " has 7 billion parameters.",
    ],
    ids=["dots", "sentences", "pandoc-at-signs", "pandoc-long-key", "numbers", "weasel", "long-name"],
)
def test_claim_rules_stay_fast(tmp_path, text):
    write(tmp_path, "hostile.md", "# Hostile\n\n" + text + "\n")
    (tmp_path / "references.yaml").write_text(
        "references:\n  - {id: a, type: book, title: A}\n", encoding="utf-8"
    )
    with time_bound(30):
        lint(tmp_path)
