"""Untagged-claim detector: each cue fires on its own kind of sentence, and verdicts hold up.

All sentences here are written for these tests (none come from the labelled evaluation set), so
they also act as a small out-of-sample check of the shipped weights.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doclint.claims.__main__ import classify_rows
from doclint.claims.detector import Model, default_model, score_sentence
from doclint.claims.features import FEATURES, active_features, prepare

HERE = Path(__file__).resolve().parent
HANDWRITTEN = HERE / "data" / "handwritten.tsv"
# Written late and never trained on (two of its misses did prompt fixes: hyphenated names such as
# "Phi-3-mini" and the word "already"): the nearest thing to an out-of-sample check in the repo.
HANDWRITTEN_UNSEEN = HERE / "data" / "handwritten_unseen.tsv"
DEV_TSV = Path(
    os.environ.get("DOCLINT_CLAIMS_DEV", HERE.parents[2] / "shared" / "eval" / "claims" / "dev.tsv")
)


def fired(sentence: str, section: str = "", prev: str = "") -> set[str]:
    return {f.name for f in active_features(prepare(sentence, section=section, prev=prev))}


@pytest.mark.parametrize(
    ("feature", "sentence"),
    [
        ("large_number", "Somewhere around 3 trillion tokens."),
        ("statistic", "Falcon 180B was trained on 3.5 trillion tokens."),
        ("statistic", "The corpus contains roughly 2 TB of deduplicated text."),
        ("percentage", "The model answered 71.3% of the questions correctly."),
        ("date", "The dataset was first released in 2021."),
        ("date", "Statistical parsers dominated from the early 1990s onwards."),
        ("named_artifact", "Whisper uses a sequence-to-sequence design, unlike Wav2Vec2."),
        ("named_artifact", "Gemma 2 ships in several sizes."),
        ("named_artifact", "Texts are encoded with `p50k_base` before counting."),
        ("proper_noun", "The tokenizer was trained by DeepMind on Wikipedia dumps."),
        ("origin", "The method was proposed by a team at Stanford."),
        ("finding", "The authors found that longer warm-ups stabilise training."),
        ("attribution", "Hinton argues that these systems already understand what they read."),
        ("hedge", "Some researchers believe that benchmarks have stopped measuring progress."),
        ("hedge", "Whether synthetic data can replace human data is hotly disputed."),
        ("superlative", "It was the largest open model of its time."),
        ("time_sensitive", "Currently the strongest open models come from a handful of labs."),
        ("prevalence", "Nearly all production chatbots use a system prompt."),
        ("comparison", "Sparse models are cheaper to serve than dense models of equal quality."),
        ("effect", "Instruction tuning leads to more helpful answers."),
        ("benchmark", "The paper reports results on HellaSwag."),
        ("benchmark_result", "It scored 62% on GSM8K."),
        ("model_behaviour", "Chat models often refuse harmless requests that look risky."),
        ("scale_claim", "Larger models need fewer examples to pick up a new task."),
        ("bounded_number", "The archive holds over 600 languages."),
        ("refers_back", "It later grew to more than 40 million users."),
    ],
)
def test_positive_cues_fire(feature: str, sentence: str) -> None:
    prev = "Claude 2 was released to the public." if feature == "refers_back" else ""
    assert feature in fired(sentence, prev=prev)


@pytest.mark.parametrize(
    ("feature", "sentence", "section"),
    [
        ("question", "How many layers does a small model need?", ""),
        ("meta", "This section walks through the training loop step by step.", ""),
        ("first_person_future", "We will return to sampling when we discuss inference.", ""),
        ("instruction", "Run the cell twice and compare the outputs.", ""),
        ("instruction", "If you run out of memory, lower the batch size.", ""),
        ("second_person", "Your loss curve should flatten after a while.", ""),
        ("first_person", "Our model reaches a loss of 2.9 after one epoch.", ""),
        ("course_internal", "The notebook saves a checkpoint every 500 steps.", ""),
        ("course_internal", "The helper in `train.py` logs the gradient norm.", ""),
        ("worked_example", "For example, a batch of 8 sequences of 512 tokens holds 4,096 tokens.", ""),
        ("worked_example", "Suppose the logits are [1.0, 0.5, -0.5].", ""),
        ("derivation", "Doubling the batch therefore halves the number of steps per epoch.", ""),
        ("causal", "Because each head sees the whole sequence, heads can attend far back.", ""),
        ("definition", "A checkpoint is a saved copy of the weights at one moment of training.", ""),
        ("method_description", "A beam search keeps the k best partial sequences at every step.", ""),
        ("analogy", "Think of the embedding table as a phone book for tokens.", ""),
        ("course_section", "Open the notebook.", "Exercises"),
    ],
)
def test_suppressors_fire(feature: str, sentence: str, section: str) -> None:
    assert feature in fired(sentence, section=section)


def test_every_feature_has_a_distinct_name_and_signal() -> None:
    assert len({f.name for f in FEATURES}) == len(FEATURES)
    assert len({f.signal for f in FEATURES}) == len(FEATURES)


def test_shipped_weights_cover_every_feature() -> None:
    assert set(default_model().weights) == {f.name for f in FEATURES}


def test_markup_is_ignored() -> None:
    plain = score_sentence("Falcon 180B was trained on 3.5 trillion tokens.")
    marked = score_sentence("**Falcon 180B** was trained on 3.5 trillion tokens.[^falcon]")
    assert plain.score == pytest.approx(marked.score)


def test_code_spans_do_not_count_as_statistics() -> None:
    assert "large_number" not in fired("Set `max_tokens=1000000` before calling the API.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Falcon 180B was trained on 3.5 trillion tokens.",
        "The Pythia suite was released by EleutherAI in 2023.",
        "Some researchers argue that benchmark scores no longer track real-world usefulness.",
        "Currently, most open chat models are fine-tuned with direct preference optimization.",
        "Mixture-of-experts models are harder to fine-tune than dense models of the same size.",
        "Gemini Ultra was reported to exceed human expert performance on MMLU.",
    ],
)
def test_clear_claims_need_a_citation(sentence: str) -> None:
    assessment = score_sentence(sentence)
    assert assessment.needs_citation, assessment
    assert assessment.signals


@pytest.mark.parametrize(
    "sentence",
    [
        "In this chapter we will build a tokenizer from scratch.",
        "Run `pip install datasets` before you start.",
        "Suppose a vocabulary has 10 tokens and we sample one uniformly.",
        "What would happen if the learning rate were ten times larger?",
        "A logit is an unnormalised score that the softmax turns into a probability.",
        "Think of gradient descent as walking downhill in fog.",
        "Our notebook trains the toy model in about five minutes on a laptop.",
        "With 12 layers and 12 heads per layer, the model has 144 attention heads in total.",
    ],
)
def test_non_claims_pass(sentence: str) -> None:
    assert not score_sentence(sentence).needs_citation


def test_threshold_trades_recall_for_precision() -> None:
    sentence = "Chat models often refuse harmless requests that look risky."
    score = score_sentence(sentence).score
    assert score_sentence(sentence, threshold=score).needs_citation
    assert not score_sentence(sentence, threshold=min(1.0, score + 1e-6)).needs_citation


def test_signals_come_strongest_first() -> None:
    assessment = score_sentence("The Pythia suite was released by EleutherAI in 2023.")
    strengths = [abs(assessment.contributions[s]) for s in assessment.signals]
    assert strengths == sorted(strengths, reverse=True)


def test_a_custom_model_is_used() -> None:
    model = Model(bias=5.0, weights={}, threshold=0.5)
    assert score_sentence("Anything at all.", model=model).needs_citation


def _load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _precision_recall(rows: list[dict[str, str]]) -> tuple[float, float]:
    tp = fp = fn = 0
    for row in rows:
        predicted = score_sentence(row["sentence"], row["section"], row["prev"], row["next"]).needs_citation
        gold = row["label"] == "1"
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def test_handwritten_sentences_from_other_chapters() -> None:
    """Sentences in the style of other chapters (also training data): a floor against regressions."""
    precision, recall = _precision_recall(_load(HANDWRITTEN))
    assert precision >= 0.85 and recall >= 0.75, (precision, recall)


def test_handwritten_sentences_never_trained_on() -> None:
    """40 sentences is a wide interval (about +-0.15), so this floor only catches a collapse."""
    precision, recall = _precision_recall(_load(HANDWRITTEN_UNSEEN))
    assert precision >= 0.75 and recall >= 0.75, (precision, recall)


@pytest.mark.skipif(not DEV_TSV.exists(), reason="labelled dev set not available in this checkout")
def test_dev_set_gate() -> None:
    precision, recall = _precision_recall(_load(DEV_TSV))
    assert precision >= 0.85 and recall >= 0.75, (precision, recall)


class TestClassifyTsv:
    HEADER = "id\tchapter\tsection\tprev\tsentence\tnext\n"

    def test_output_format(self) -> None:
        rows = self.HEADER + "a1\tch\tsec\t\tThe Pythia suite was released by EleutherAI in 2023.\t\n"
        (line,) = list(classify_rows(io.StringIO(rows)))
        row_id, verdict, score, signals = line.split("\t")
        assert (row_id, verdict) == ("a1", "1")
        assert 0.0 <= float(score) <= 1.0
        assert "a date (+" in signals

    def test_odd_rows_do_not_stop_the_batch(self) -> None:
        rows = self.HEADER + "short\tonly two\n\n\t\t\t\t\t\nx9\tch\tsec\tp\tWhat now?\tn\textra\tcols\n"
        lines = list(classify_rows(io.StringIO(rows)))
        # A row of empty fields has nothing to score and no id to report.
        assert [line.split("\t")[0] for line in lines] == ["short", "x9"]
        assert all(line.split("\t")[1] in ("0", "1") for line in lines)

    def test_columns_are_found_by_name(self) -> None:
        rows = "sentence\tid\nIn this chapter we will build a tokenizer.\tq7\n"
        assert next(classify_rows(io.StringIO(rows))).startswith("q7\t0\t")

    def test_empty_input(self) -> None:
        assert list(classify_rows(io.StringIO(""))) == []

    def test_command_line_is_fast(self) -> None:
        rows = self.HEADER + "".join(
            f"r{i}\tch\tsec\t\tModel {i} was trained on {i} billion tokens in 2023.\t\n" for i in range(300)
        )
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "doclint.claims", "--classify-tsv"],
            input=rows,
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": str(HERE.parents[1] / "src")},
        )
        assert time.perf_counter() - started < 3.0
        assert len(result.stdout.splitlines()) == 300


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=300), st.text(max_size=40))
def test_any_text_is_scored(sentence: str, section: str) -> None:
    assessment = score_sentence(sentence, section=section, prev=sentence, next=sentence)
    assert 0.0 <= assessment.score <= 1.0


def test_undecodable_bytes_do_not_stop_the_command_line() -> None:
    rows = b"id\tsentence\nb1\t\xff\xfe broken bytes in 2021.\nb2\tIn this chapter we will start.\n"
    result = subprocess.run(
        [sys.executable, "-m", "doclint.claims", "--classify-tsv"],
        input=rows,
        capture_output=True,
        check=True,
        env={"PYTHONPATH": str(HERE.parents[1] / "src")},
    )
    assert [line.split(b"\t")[0] for line in result.stdout.splitlines()] == [b"b1", b"b2"]
