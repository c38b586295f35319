"""Seed a fuzzing corpus from the repository's Markdown fixtures, examples and rule examples."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "fuzz" / "corpus")
    target.mkdir(parents=True, exist_ok=True)
    seeds: list[bytes] = [path.read_bytes() for path in sorted(REPO.glob("examples/**/*.md*"))]
    seeds += [path.read_bytes() for path in sorted(REPO.glob("tests/**/*.md*"))]
    from doclint.rules import all_rules

    for rule in all_rules():
        for example in (*rule.examples.failing, *rule.examples.passing):
            for content in example.files.values():
                seeds.append(content if isinstance(content, bytes) else content.encode("utf-8"))
    for seed in seeds:
        (target / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    print(f"{len(seeds)} seeds in {target}")


if __name__ == "__main__":
    main()
