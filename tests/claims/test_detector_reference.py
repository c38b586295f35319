"""The detector's verdicts on the repository's own texts are frozen: speed work must not move one."""

from __future__ import annotations

import json

import pytest

from doclint.claims.detector import assess_if_claim, score_sentence

from .verdicts import REFERENCE, all_cases, verdict


@pytest.fixture(scope="module")
def cases():
    return all_cases()


@pytest.fixture(scope="module")
def reference():
    return json.loads(REFERENCE.read_text(encoding="utf-8"))


def test_every_sentence_has_a_stored_verdict(cases, reference):
    assert set(cases) == set(reference)


def test_verdicts_match_the_stored_ones(cases, reference):
    changed = []
    for key, case in cases.items():
        needs, score, signals = verdict(case)
        stored_needs, stored_score, stored_signals = reference[key]
        if needs != stored_needs or abs(score - stored_score) > 1e-9 or signals != stored_signals:
            changed.append((case[0], (stored_needs, stored_score, stored_signals), (needs, score, signals)))
    assert not changed, f"{len(changed)} verdicts changed, first: {changed[:3]}"


@pytest.mark.parametrize("threshold", [None, 0.2, 0.5, 0.8])
def test_the_linter_shortcut_agrees_with_the_full_score(cases, threshold):
    for case in cases.values():
        full = score_sentence(*case, threshold=threshold)
        quick = assess_if_claim(*case, threshold=threshold)
        if quick is None:
            assert not full.needs_citation, case[0]
        else:
            assert quick == full, case[0]
