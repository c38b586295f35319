#!/usr/bin/env python3
"""Fit and cross-validate the untagged-claim detector (CLM008) by chapter.

The final measure uses chapters the detector has never seen, so the figure that matters is
leave-one-chapter-out: refit the weights (and the threshold) on three chapters, score the fourth,
pool the four held-out folds. The in-sample figure is printed too, only to show the gap.

    PYTHONPATH=src python bench/claims_cv.py ../shared/eval/claims/dev.tsv
    PYTHONPATH=src python bench/claims_cv.py ../shared/eval/claims/dev.tsv \
        --extra tests/claims/data/handwritten.tsv --write     # refit the shipped weights

Model: L2-regularised logistic regression over the named binary features, fitted by Newton's
method in pure Python (a few dozen features, a few hundred sentences: no library needed).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from doclint.claims.detector import WEIGHTS_PATH, logistic
from doclint.claims.features import FEATURES, active_features, prepare

csv.field_size_limit(sys.maxsize)
COPIES, DROP = 4, 0.3


@dataclass(frozen=True)
class Example:
    chapter: str
    label: int
    vector: tuple[float, ...]


def load_examples(path: Path) -> list[Example]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Example(row["chapter"], int(row["label"]), featurise(row)) for row in rows]


def featurise(row: dict[str, str]) -> tuple[float, ...]:
    sentence = prepare(row["sentence"], row.get("section", ""), row.get("prev", ""), row.get("next", ""))
    fired = {feature.name for feature in active_features(sentence)}
    return tuple(1.0 if feature.name in fired else 0.0 for feature in FEATURES)


def augment(examples: list[Example], copies: int, drop: float, seed: int = 0) -> list[Example]:
    """Add copies of each example with some active features switched off.

    A sentence from an unseen chapter usually trips fewer cues than the ones the features were
    written from, so the model must not need several cues at once to reach a verdict. Training on
    thinned copies (dropout noise) spreads the weight over each cue on its own.
    """
    rng = random.Random(seed)
    out = list(examples)
    for example in examples:
        for _ in range(copies):
            vector = tuple(0.0 if v and rng.random() < drop else v for v in example.vector)
            out.append(Example(example.chapter, example.label, vector))
    return out


def fit(examples: list[Example], l2: float) -> tuple[float, list[float]]:
    """Fit, then pin at zero every weight whose sign contradicts its feature's direction; repeat.

    This is an active-set solution of the sign-constrained problem: a cue that correlates
    negatively only because a stronger cue always fires with it is dropped instead of shown to
    authors as evidence against a claim.
    """
    fixed = {i + 1: f.fixed_weight for i, f in enumerate(FEATURES) if f.fixed_weight is not None}
    while True:
        theta = _newton(examples, l2, fixed)
        wrong_sign = {
            i + 1 for i, f in enumerate(FEATURES) if i + 1 not in fixed and theta[i + 1] * f.direction < 0
        }
        if not wrong_sign:
            return theta[0], theta[1:]
        fixed.update({i: 0.0 for i in wrong_sign})


def _newton(examples: list[Example], l2: float, fixed: dict[int, float]) -> list[float]:
    """Newton-Raphson on the L2-penalised log-likelihood; the intercept is not penalised and the
    ``fixed`` coordinates keep their values."""
    size = len(FEATURES) + 1
    theta = [fixed.get(i, 0.0) for i in range(size)]
    for _ in range(50):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for example in examples:
            x = (1.0, *example.vector)
            p = logistic(sum(t * v for t, v in zip(theta, x)))
            for i in range(size):
                if x[i]:
                    gradient[i] += (example.label - p) * x[i]
                    for j in range(size):
                        if x[j]:
                            hessian[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(1, size):
            gradient[i] -= l2 * theta[i]
            hessian[i][i] += l2
        hessian[0][0] += 1e-6
        for i in fixed:
            gradient[i] = 0.0
            hessian[i] = [0.0] * size
            for row in hessian:
                row[i] = 0.0
            hessian[i][i] = 1.0
        step = _solve(hessian, gradient)
        theta = [t + s for t, s in zip(theta, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return theta


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Hessian is small and positive definite)."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            for c in range(col, n + 1):
                a[r][c] -= factor * a[col][c]
    solution = [0.0] * n
    for r in range(n - 1, -1, -1):
        solution[r] = (a[r][n] - sum(a[r][c] * solution[c] for c in range(r + 1, n))) / a[r][r]
    return solution


def predict(bias: float, weights: list[float], example: Example) -> float:
    return logistic(bias + sum(w * v for w, v in zip(weights, example.vector)))


def _counts(predictions: list[bool], labels: list[int]) -> tuple[int, int, int]:
    tp = sum(1 for p, y in zip(predictions, labels) if p and y)
    fp = sum(1 for p, y in zip(predictions, labels) if p and not y)
    fn = sum(1 for p, y in zip(predictions, labels) if not p and y)
    return tp, fp, fn


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def fit_weights(examples: list[Example], l2: float) -> tuple[float, list[float]]:
    return fit(augment(examples, COPIES, DROP), l2 * (1 + COPIES))


def chapter_folds(examples: list[Example]) -> list[tuple[str, list[Example], list[Example]]]:
    """(held-out chapter, its examples, the other chapters' examples) for each chapter."""
    chapters = sorted({e.chapter for e in examples})
    return [
        (
            chapter,
            [e for e in examples if e.chapter == chapter],
            [e for e in examples if e.chapter != chapter],
        )
        for chapter in chapters
    ]


def cross_validate(
    examples: list[Example], extra: list[Example], l2: float, threshold: float
) -> dict[str, tuple[int, int, int]]:
    """Leave one chapter out: the weights are refit without the held-out chapter.

    ``extra`` examples (other chapters) are always on the training side, never scored.
    """
    folds = {}
    for held_out, test, train in chapter_folds(examples):
        bias, weights = fit_weights(train + extra, l2)
        predictions = [predict(bias, weights, e) >= threshold for e in test]
        folds[held_out] = _counts(predictions, [e.label for e in test])
    return folds


def report(name: str, tp: int, fp: int, fn: int) -> str:
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = _ratio(2 * precision * recall, precision + recall)
    return f"{name:<28} P={precision:.3f} R={recall:.3f} F1={f1:.3f}  (TP={tp} FP={fp} FN={fn})"


def write_weights(
    bias: float, weights: list[float], threshold: float, l2: float, sources: list[Path]
) -> None:
    data = {
        "comment": "Logistic weights for doclint.claims.features; refit with bench/claims_cv.py --write.",
        "trained_on": [path.name for path in sources],
        "l2": l2,
        "dropout": {"copies": COPIES, "drop": DROP},
        "bias": round(bias, 4),
        "threshold": round(threshold, 4),
        "weights": {f.name: round(w, 4) for f, w in zip(FEATURES, weights)},
    }
    WEIGHTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    WEIGHTS_PATH.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("tsv", type=Path, help="labelled sentences (dev.tsv)")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the feature weights")
    parser.add_argument(
        "--write", action="store_true", help="fit on every chapter and write the shipped weights"
    )
    parser.add_argument("--weights", action="store_true", help="print the weights fitted on every chapter")
    parser.add_argument(
        "--threshold",
        type=float,
        default=0.5,
        help="decision threshold (0.5: flag a sentence when a citation is more likely needed than not)",
    )
    parser.add_argument(
        "--extra",
        type=Path,
        action="append",
        default=[],
        help="more labelled sentences to train on, never scored (e.g. tests/claims/data/handwritten.tsv)",
    )
    args = parser.parse_args(argv)

    examples = load_examples(args.tsv)
    extra = [example for path in args.extra for example in load_examples(path)]
    folds = cross_validate(examples, extra, args.l2, args.threshold)
    print("leave-one-chapter-out (fit on 3 chapters + extra, score the 4th):")
    for chapter, counts in folds.items():
        print("  " + report(chapter, *counts))
    pooled = tuple(sum(c[i] for c in folds.values()) for i in range(3))
    print("  " + report("pooled held-out", *pooled))

    bias, weights = fit_weights(examples + extra, args.l2)
    in_sample = _counts(
        [predict(bias, weights, e) >= args.threshold for e in examples], [e.label for e in examples]
    )
    print(report("in-sample (dev rows)", *in_sample) + f"  threshold={args.threshold:.3f}")
    if args.weights:
        for feature, weight in sorted(zip(FEATURES, weights), key=lambda fw: -abs(fw[1])):
            print(f"  {weight:+.3f}  {feature.name}")
        print(f"  {bias:+.3f}  (bias)")
    if args.write:
        write_weights(bias, weights, args.threshold, args.l2, [args.tsv, *args.extra])
        print(f"wrote {WEIGHTS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
