"""Untagged-claim detector (CLM008): does this sentence state a fact that needs a citation?

A logistic model over the named features of ``doclint.claims.features``: every feature has one
weight, the score is the logistic of their sum, and a sentence needs a citation when the score
reaches the threshold. The weights live in ``doclint/data/claims_detector.json`` (refit with
``bench/claims_cv.py --write``), so a finding can always list the signals that fired and how much
each one counted.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from doclint.claims.features import FEATURES, Feature, Sentence, active_features, prepare

WEIGHTS_PATH = Path(__file__).resolve().parent.parent / "data" / "claims_detector.json"


@dataclass(frozen=True)
class Model:
    """Weights per feature name plus an intercept; a missing weight counts as zero."""

    bias: float
    weights: dict[str, float]
    threshold: float = 0.5


@dataclass(frozen=True)
class Assessment:
    """The verdict on one sentence, with the signals that pushed it up or down, strongest first."""

    needs_citation: bool
    score: float
    signals: list[str]
    contributions: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=1)
def default_model() -> Model:
    return load_model(WEIGHTS_PATH)


def load_model(path: Path) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(bias=float(data["bias"]), weights=dict(data["weights"]), threshold=float(data["threshold"]))


def score_sentence(
    sentence: str,
    section: str = "",
    prev: str = "",
    next: str = "",
    threshold: float | None = None,
    model: Model | None = None,
) -> Assessment:
    """Assess one sentence; ``threshold`` overrides the model's (higher = fewer, surer findings)."""
    model = model or default_model()
    fired = active_features(prepare(sentence, section, prev, next))
    return _assessment(fired, model, model.threshold if threshold is None else threshold)


def assess_if_claim(
    sentence: str,
    section: str = "",
    prev: str = "",
    next: str = "",
    threshold: float | None = None,
    model: Model | None = None,
) -> Assessment | None:
    """``score_sentence`` for a linter: None, cheaply, for a sentence that cannot need a citation.

    Weights of cues are positive and of suppressors negative or zero, so the cues alone bound the
    score from above: when even that bound stays below the threshold, no suppressor is evaluated.
    Otherwise the full Assessment, the same as ``score_sentence`` gives.
    """
    model = model or default_model()
    cutoff = model.threshold if threshold is None else threshold
    answer = _Answers(sentence, section, prev, next)
    if logistic(_cue_bound(answer, model)) < cutoff:
        return None
    return _assessment([f for f in FEATURES if answer(f)], model, cutoff)


# The cue weights a model adds, split at each context cue: the sums between them depend only on
# the sentence's text, and each sentence text keeps them (see ``_TextAnswers``).
_Plan = tuple[float, tuple[tuple[Feature, float, tuple[float, ...]], ...]]


def _cue_bound(answer: _Answers, model: Model) -> float:
    """bias + the weights of the cues that fire, added one by one in declaration order.

    The additions are those of testing every cue in turn, so the bound is the same float to the
    last bit, and a sentence at the threshold's edge gets the same answer as before caching.
    """
    plans = answer.known.plans
    planned = plans.get(id(model))
    if planned is None or planned[0] is not model:
        planned = plans[id(model)] = (model, _plan(answer, model))
    bound, tail = planned[1]
    for feature, weight, after in tail:
        if answer(feature):
            bound += weight
        for following in after:
            bound += following
    return bound


def _plan(answer: _Answers, model: Model) -> _Plan:
    prefix = model.bias
    tail: list[tuple[Feature, float, list[float]]] = []
    for feature in FEATURES:
        weight = model.weights.get(feature.name, 0.0)
        if weight <= 0:
            continue
        if feature.reads_context:
            tail.append((feature, weight, []))
        elif answer(feature):
            if tail:
                tail[-1][2].append(weight)
            else:
                prefix += weight
    return prefix, tuple((feature, weight, tuple(after)) for feature, weight, after in tail)


class _TextAnswers:
    """What the text-only features answered for one sentence text, and each model's cue plan for it."""

    def __init__(self) -> None:
        self.features: dict[str, bool] = {}
        self.plans: dict[int, tuple[Model, _Plan]] = {}


@lru_cache(maxsize=4096)
def _answers_for_text(sentence: str) -> _TextAnswers:
    """Remembered per text, for the detector sees the same sentences again: a series repeats them."""
    return _TextAnswers()


class _Answers:
    """Each feature's answer for one sentence, asked lazily, prepared once, remembered per text."""

    def __init__(self, sentence: str, section: str, prev: str, next: str) -> None:
        self._context = (sentence, section, prev, next)
        self._prepared: Sentence | None = None
        self.known = _answers_for_text(sentence)

    def __call__(self, feature: Feature) -> bool:
        if not feature.reads_context:
            return self._text_answer(feature.name, feature.test)
        if feature.text_gate is not None and not self._text_answer(f"{feature.name} gate", feature.text_gate):
            return False
        return feature.test(self._sentence())

    def _text_answer(self, key: str, test: Callable[[Sentence], bool]) -> bool:
        known = self.known.features.get(key)
        if known is None:
            known = self.known.features[key] = test(self._sentence())
        return known

    def _sentence(self) -> Sentence:
        if self._prepared is None:
            self._prepared = prepare(*self._context)
        return self._prepared


def _assessment(fired: list[Feature], model: Model, cutoff: float) -> Assessment:
    contributions = {f.signal: model.weights.get(f.name, 0.0) for f in fired}
    score = logistic(model.bias + sum(contributions.values()))
    return Assessment(
        needs_citation=score >= cutoff,
        score=score,
        signals=_strongest_first(fired, contributions),
        contributions=contributions,
    )


def _strongest_first(fired: list[Feature], contributions: dict[str, float]) -> list[str]:
    # Features with a zero weight fired but did not count; listing them would only add noise.
    counted = [f.signal for f in fired if contributions[f.signal] != 0.0]
    return sorted(counted, key=lambda signal: -abs(contributions[signal]))


def logistic(x: float) -> float:
    """The logistic function, written to avoid overflow for large negative x."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)
