"""Batch interface: ``python -m doclint.mermaid --jsonl`` reads {"id","text"} JSON Lines on stdin."""

from __future__ import annotations

import argparse
import json
import sys

from doclint.mermaid import validate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m doclint.mermaid", description=__doc__)
    parser.add_argument("--jsonl", action="store_true", required=True, help="read and write JSON Lines")
    parser.parse_args(argv)
    out = sys.stdout
    for raw in sys.stdin:
        if not raw.strip():
            continue
        item = json.loads(raw)
        result = validate(item.get("text", ""))
        answer = {"id": item.get("id"), "valid": result.valid, "line": result.line, "message": result.message}
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
