"""Frozen detector verdicts: every sentence the repository's own texts give CLM008, hashed.

``reference_verdicts.json`` maps a hash of (sentence, section, prev, next) to the verdict the
detector gave when it was stored: needs_citation, score and signals. Speed work on the detector
must leave every one of them unchanged; ``test_detector_reference.py`` checks that. The texts are
the labelled TSVs of ``tests/claims/data``, the example series under ``examples/`` and a generated
series (``bench/generate.py``), read the way CLM008 reads them.

Refresh the file only when verdicts are meant to change (a refit, a new feature):
``PYTHONPATH=src python tests/claims/verdicts.py --write``.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from doclint.claims.detector import score_sentence
from doclint.claims.sentences import prose
from doclint.document import build_document
from doclint.site import SiteSettings
from doclint.source import SourceText

REPO = Path(__file__).resolve().parents[2]
REFERENCE = Path(__file__).resolve().parent / "data" / "reference_verdicts.json"
GENERATED_CHAPTERS = 40

Case = tuple[str, str, str, str]  # sentence, section, prev, next


def case_key(case: Case) -> str:
    return hashlib.sha256("\x00".join(case).encode("utf-8")).hexdigest()[:20]


def verdict(case: Case) -> list[object]:
    assessment = score_sentence(*case)
    return [assessment.needs_citation, assessment.score, assessment.signals]


def tsv_cases(path: Path) -> Iterator[Case]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            context = (row.get("section") or "", row.get("prev") or "", row.get("next") or "")
            yield (row["sentence"], *context)
            # The neighbours are sentences too, and scoring them alone widens the sample for free.
            for neighbour in context[1:]:
                if neighbour:
                    yield (neighbour, "", "", "")


def document_cases(path: Path, display: str) -> Iterator[Case]:
    settings = SiteSettings("mdx" if path.suffix == ".mdx" else "md")
    document = build_document(path, display, SourceText.from_bytes(path.read_bytes()), settings)
    for paragraph in prose(document):
        for sentence in paragraph.sentences:
            previous, following = paragraph.neighbours(sentence)
            yield (sentence.markdown, sentence.section, previous, following)


def generated_cases() -> Iterator[Case]:
    spec = importlib.util.spec_from_file_location("generate", REPO / "bench" / "generate.py")
    assert spec and spec.loader
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    with tempfile.TemporaryDirectory() as folder:
        generator.generate(Path(folder), GENERATED_CHAPTERS)
        for path in sorted(Path(folder, "docs").glob("*.md")):
            yield from document_cases(path, path.name)


def all_cases() -> dict[str, Case]:
    cases: dict[str, Case] = {}
    sources = [tsv_cases(path) for path in sorted((REPO / "tests" / "claims" / "data").glob("*.tsv"))]
    sources += [document_cases(path, str(path)) for path in sorted((REPO / "examples").rglob("*.md*"))]
    sources.append(generated_cases())
    for source in sources:
        for case in source:
            cases.setdefault(case_key(case), case)
    return cases


def main() -> int:
    if sys.argv[1:] != ["--write"]:
        print(__doc__, file=sys.stderr)
        return 2
    reference = {key: verdict(case) for key, case in sorted(all_cases().items())}
    lines = [f"{json.dumps(key)}: {json.dumps(value)}" for key, value in reference.items()]
    REFERENCE.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{len(reference)} verdicts, {sum(1 for v in reference.values() if v[0])} claims -> {REFERENCE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
