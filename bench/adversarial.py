"""Time, peak memory and verdict of doclint on hostile inputs (the table for the reliability report).

    python bench/adversarial.py

Each case is written to a fresh folder and checked by a separate `doclint check` process, measured by
bench/measure.py. The tests in tests/test_adversarial.py assert the behaviour; this prints the figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def alias_bomb() -> str:
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for index, name in enumerate("bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{'abcdefghi'[index]}"] * 10) + "]")
    return "\n".join([*lines, "---", "", "# Bomb", ""])


CASES: dict[str, bytes | str | None] = {
    "invalid UTF-8": b"# Caf\xe9\n",
    "UTF-16 with BOM": "\ufeff# Title\n".encode("utf-16"),
    "UTF-8 BOM": b"\xef\xbb\xbf# Title\n",
    "NUL bytes (binary)": b"\x89PNG\r\n\x1a\n\x00\x00",
    "file over the size limit (3 MB)": "# Big\n" + "word " * 600_000,
    "1 MB line": "# Long\n\n" + "word *em* `code` " * 60_000 + "\n",
    "10,000 nested list items": "".join(" " * (2 * depth) + "- x\n" for depth in range(10_000)),
    "10,000 nested quotes": "> " * 10_000 + "deep\n",
    "10,000-deep brackets in mermaid": "```mermaid\ngraph TD\n  A"
    + "[" * 10_000
    + "x"
    + "]" * 10_000
    + "\n```\n",
    "YAML alias bomb": alias_bomb(),
    "YAML python tag": "---\nx: !!python/object/apply:os.system ['echo pwned']\n---\n\n# T\n",
    "unterminated front matter": "---\ntitle: open\n\n# T\n",
    "unterminated fence": "# T\n\n```python\nnever closed\n" * 200,
    "unterminated container": "# T\n\n:::note\nnever closed\n" * 200,
    "unterminated label": ":::note[never closed\n" * 500,
    "unterminated comment": "# T\n\n<!-- never closed\n" + "text\n" * 1000,
    "CRLF line endings": "---\r\ntitle: T\r\n---\r\n\r\n# T\r\n\r\n[x](#nope)\r\n",
    "lone CR line endings": "# T\r\r[x](#nope)\r",
    "link to /etc/passwd": "# T\n\n[p](../../../../../../etc/passwd.md)\n",
    "5,000 links in one paragraph": "# T\n\n" + "[x](#y) " * 5_000 + "\n",
}


def main() -> None:
    print(f"{'input':<36} {'wall s':>7} {'peak MB':>8}  {'exit':>4}  reported")
    for name, content in CASES.items():
        with tempfile.TemporaryDirectory() as directory:
            root = Path(directory)
            (root / "docs").mkdir()
            data = content if isinstance(content, bytes) else str(content).encode("utf-8")
            (root / "docs" / "case.md").write_bytes(data)
            (root / "doclint.toml").write_text(
                'docs = ["docs"]\nmax-file-size = 2_000_000\n[site]\nmermaid = true\n'
            )
            command = [
                sys.executable,
                "-m",
                "doclint",
                "check",
                "docs",
                "--output-format",
                "json",
                "--no-cache",
            ]
            measured = json.loads(
                subprocess.run(
                    [sys.executable, str(HERE / "measure.py"), *command],
                    cwd=root,
                    check=False,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            output = subprocess.run(
                command, cwd=root, check=False, capture_output=True, text=True, env=os.environ
            )
            try:
                found = Counter(d["code"] for d in json.loads(output.stdout))
                verdict = ", ".join(f"{code}×{count}" for code, count in sorted(found.items())) or "nothing"
            except json.JSONDecodeError:
                verdict = f"no JSON: {output.stderr.strip()[-80:]}"
            print(
                f"{name:<36} {measured['wall']:>7.2f} {measured['peak_mb']:>8.0f}  {measured['returncode']:>4}  {verdict}"
            )


if __name__ == "__main__":
    main()
