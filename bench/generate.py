"""Generate a realistic documentation series of N chapters (front matter, sections, admonitions, mermaid,
footnote citations, cross-chapter links with anchors), deterministic for a given N."""

from __future__ import annotations

import random
import sys
from pathlib import Path

TOPICS = [
    "Attention",
    "Tokenization",
    "Pre-training",
    "Fine-tuning",
    "Evaluation",
    "Scaling",
    "Alignment",
    "Inference",
]
SENTENCES = [
    "This section explains the idea with a small worked example.",
    "We will come back to this point when we discuss evaluation.",
    "The diagram below shows how the pieces fit together.",
    "You can run the notebook for this chapter on a laptop.",
    "Each step feeds its output to the next one.",
    "Keep the batch size fixed while you compare the two settings.",
]


def chapter(number: int, total: int, rng: random.Random) -> str:
    topic = TOPICS[number % len(TOPICS)]
    previous_chapter, next_chapter = max(number - 1, 0), min(number + 1, total - 1)
    sections = "\n\n".join(section(number, part, rng) for part in range(1, 7))
    return f"""---
title: 'Series: {topic} {number}'
sidebar_label: '{topic} {number}'
sidebar_position: {number + 1}
description: 'Chapter {number} of the generated series, about {topic.lower()}.'
---

# {topic} {number}

{" ".join(rng.sample(SENTENCES, 3))}

{sections}

## Next Steps

- [Previous chapter](./chapter-{previous_chapter:05}.md#part-2-of-chapter-{previous_chapter})
- [Next chapter](./chapter-{next_chapter:05}.md#part-3-of-chapter-{next_chapter})

[^ref{number}]: Author et al., "A paper about {topic.lower()}", 2023. https://example.com/{number}
"""


def section(number: int, part: int, rng: random.Random) -> str:
    body = " ".join(rng.sample(SENTENCES, 4))
    extra = ""
    if part == 2:
        extra = f"\n\n:::note[About part {part}]\n{rng.choice(SENTENCES)}\n:::"
    elif part == 3:
        extra = "\n\n```mermaid\ngraph TD\n    A[Input] --> B[Model]\n    B --> C[Output]\n```"
    elif part == 4:
        extra = f"\n\nA reported figure needs its source.[^ref{number}] See [part 2](#part-2-of-chapter-{number})."
    elif part == 5:
        extra = "\n\n```python\nfor step in range(10):\n    print(step)\n```"
    return f"## Part {part} of chapter {number}\n\n{body}{extra}\n\n- {rng.choice(SENTENCES)}\n- {rng.choice(SENTENCES)}"


def generate(target: Path, total: int) -> None:
    rng = random.Random(total)
    docs = target / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (target / "doclint.toml").write_text('docs = ["docs"]\n\n[site]\nmermaid = true\n', encoding="utf-8")
    for number in range(total):
        (docs / f"chapter-{number:05}.md").write_text(chapter(number, total, rng), encoding="utf-8")


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
