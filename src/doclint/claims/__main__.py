"""Batch interface: ``python -m doclint.claims --classify-tsv`` scores a TSV of sentences.

Input (stdin): a header row naming at least ``id`` and ``sentence``; ``section``, ``prev`` and
``next`` are used when present, other columns are ignored. Output (stdout): one line per row,
``id<TAB>0|1<TAB>score<TAB>signals``, each signal with its signed weight. A short or malformed
row is scored with what it has rather than stopping the batch, because one odd line must not
hide the verdicts on the others.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterable, Iterator

from doclint.claims.detector import score_sentence

CONTEXT_COLUMNS = ("section", "prev", "next")


def classify_rows(lines: Iterable[str], threshold: float | None = None) -> Iterator[str]:
    """Yield one output line per data row of a TSV whose first line is the header."""
    iterator = iter(lines)
    header = next(iterator, "").rstrip("\r\n").split("\t")
    columns = {name.strip(): index for index, name in enumerate(header)}
    for number, line in enumerate(iterator, start=2):
        fields = line.rstrip("\r\n").split("\t")
        if not any(field.strip() for field in fields):
            continue
        yield _classify(fields, columns, f"row{number}", threshold)


def _classify(fields: list[str], columns: dict[str, int], fallback_id: str, threshold: float | None) -> str:
    def column(name: str) -> str:
        index = columns.get(name)
        return fields[index] if index is not None and index < len(fields) else ""

    row_id = column("id") or fallback_id
    context = {name: column(name) for name in CONTEXT_COLUMNS}
    try:
        assessment = score_sentence(column("sentence"), threshold=threshold, **context)
    except Exception as error:  # noqa: BLE001 - one bad row must not cost the verdicts on the rest
        print(f"doclint.claims: {row_id}: {error!r}", file=sys.stderr)
        return f"{row_id}\t0\t0.000\terror"
    verdict = "1" if assessment.needs_citation else "0"
    signals = ", ".join(f"{s} ({assessment.contributions[s]:+.1f})" for s in assessment.signals)
    return f"{row_id}\t{verdict}\t{assessment.score:.3f}\t{signals}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m doclint.claims", description=__doc__)
    parser.add_argument("--classify-tsv", action="store_true", required=True, help="read a TSV on stdin")
    parser.add_argument("--threshold", type=float, help="override the shipped decision threshold (0-1)")
    args = parser.parse_args(argv)
    # Undecodable bytes become U+FFFD instead of aborting the whole batch.
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    for line in classify_rows(stdin, args.threshold):
        sys.stdout.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
