#!/usr/bin/env python3
"""Write the required literals of the claim detector's patterns (src/doclint/data/claims_literals.json).

Run it after editing a pattern in ``doclint.claims.features`` or the extraction in
``doclint.claims.literals``; tests/claims/test_literals.py fails until the table matches.

    PYTHONPATH=src python bench/claims_literals.py
"""

from __future__ import annotations

import json

from doclint.claims.features import LITERALS_PATH, literals_table


def main() -> None:
    data = {
        "comment": "Required literals of the CLM008 detector's patterns; regenerate with bench/claims_literals.py.",
        "literals": literals_table(),
    }
    LITERALS_PATH.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {LITERALS_PATH} ({len(data['literals'])} patterns)")


if __name__ == "__main__":
    main()
