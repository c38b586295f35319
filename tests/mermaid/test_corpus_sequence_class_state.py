"""The labelled corpus (../shared, outside the repository) as a regression check for three diagram families.

Skipped when the corpus is not there. It asserts agreement with mermaid's verdicts well below what the
parsers reach, so that it flags regressions without depending on every detail of preprocessing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from doclint.mermaid import validate

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "mermaid" / "dev.jsonl"
TYPES = ("sequence", "classDiagram", "stateDiagram")


@pytest.mark.skipif(not CORPUS.is_file(), reason="labelled mermaid corpus not available")
@pytest.mark.parametrize("diagram_type", TYPES)
def test_verdicts_agree_with_mermaid(diagram_type: str) -> None:
    items = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [item for item in items if item.get("type") == diagram_type]
    agree = sum(validate(item["text"]).valid == item["valid"] for item in items)
    assert items
    assert agree / len(items) >= 0.97
