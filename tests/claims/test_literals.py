"""Required literals: a pattern never matches a text that holds none of them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from doclint.claims import features
from doclint.claims.literals import LiteralScanner, required_literals

from .verdicts import all_cases


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:the most|one of the)\b", {"the most", "one of the"}),
        (r"\b(?:better|worse) than", {" than"}),  # as long as "worse", and one literal, not two
        (r"(?:has|have) (?:\w+ )?(?:grown|risen)", {"grown", "risen"}),
        (r"\b\w{3,}er\b[\w -]{0,40}\bthan", {"than"}),
        (r"\b(?:you|x)\b", None),  # "x" is too short to be worth looking for
        (r"\b(?:cannot|\w+ed)\b", None),  # one alternative requires no literal
        (r"(?:early)?-?\d{4}", None),
        (r"speed-?ups?", {"speed"}),
    ],
)
def test_required_literals(pattern, expected):
    found = required_literals(re.compile(pattern))
    assert (None if found is None else set(found)) == expected


def test_case_insensitive_patterns_have_no_literals():
    assert required_literals(re.compile("the most", re.IGNORECASE)) is None


def test_scanner_finds_overlapping_and_nested_literals():
    scanner = LiteralScanner(["the", "the most", "most", "he m", "zzz"])
    assert scanner.present("by the most") == {"the", "the most", "most", "he m"}
    assert scanner.present("them") == {"the"}
    assert scanner.present("nothing here") == frozenset()


def test_no_detector_pattern_matches_a_sentence_without_its_literals():
    texts = [features.prepare(case[0]).lower for case in all_cases().values()]
    guarded = [pattern for pattern in features._PATTERNS if pattern.literals]
    assert len(guarded) > 20
    for text in texts:
        present = {literal for pattern in guarded for literal in pattern.literals if literal in text}
        for pattern in guarded:
            if pattern.compiled.search(text):
                assert present & pattern.literals, (pattern.source, text)


def test_stored_literals_match_the_patterns():
    stored = features._stored_literals()
    assert stored == features.literals_table(), (
        "src/doclint/data/claims_literals.json no longer matches the detector's patterns: "
        "regenerate it with `PYTHONPATH=src python bench/claims_literals.py`"
    )


def test_a_pattern_missing_from_the_stored_table_reads_its_literals_off_the_pattern():
    pattern = features._CaseInsensitive(r"\b(?:stored nowhere|absent from the table)\b")
    features._PATTERNS.remove(pattern)  # keep the detector's own list as it was
    assert pattern.source not in features._stored_literals()
    assert pattern.literals == {"stored nowhere", "absent from the table"}


def test_a_fresh_process_compiles_only_the_patterns_a_sentence_may_match():
    """Importing the detector compiles none of these patterns; a sentence compiles only those whose
    literals it holds (or that have none), so a process pays for the patterns its pages need."""
    script = (
        "from doclint.claims import features\n"
        "print(sum(p._compiled is not None for p in features._PATTERNS))\n"
        "features.active_features(features.prepare('The cat sat on the mat.'))\n"
        "print(sum(p._compiled is not None for p in features._PATTERNS), len(features._PATTERNS))\n"
    )
    src = Path(features.__file__).resolve().parents[2]
    run = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(src)},
        capture_output=True,
        text=True,
        check=True,
    )
    after_import, after_sentence = run.stdout.split("\n")[:2]
    assert after_import == "0"
    compiled, total = map(int, after_sentence.split())
    assert 0 < compiled < total / 2
