import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, ClassVar

from doclint.claims.sentences import coverage_option, prose
from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext

# Headings and admonition titles whose prose is navigation or the course's own examples.
DEFAULT_SKIPPED_SECTIONS = (
    "next steps",
    "see also",
    "further reading",
    "what's next",
    "exercises?",
    "examples?",
    "worked example",
    "try it",
    "quiz",
)


# The term a list item defines: a short label before a colon, which is a heading, not a claim.
_LIST_LABEL = re.compile(r"^[^.:!?\n]{1,60}:\s+")


@lru_cache(maxsize=8)
def _compiled(words: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE) if words else None


def _skip_pattern(words: object) -> re.Pattern[str] | None:
    if not isinstance(words, (list, tuple)) or not all(isinstance(word, str) for word in words):
        raise ValueError("CLM008 option 'skip-sections' must be a list of words or regular expressions")
    return _compiled(tuple(words))


class UntaggedClaim(DocumentRule):
    """A sentence that states a checkable fact and cites no source.

    ## What it does
    Scores every prose sentence without a footnote with the untagged-claim detector
    (`doclint.claims.detector`): a logistic model over named signals, such as a number with a unit,
    a year, a named model or benchmark, an attribution ("showed that"), a superlative or a
    time-sensitive "currently". Suppressors lower the score: meta-discourse ("in this chapter"),
    instructions, worked examples, hypotheticals, questions, definitions. A sentence whose score
    reaches the threshold is reported with the signals that fired and how much each counted, so
    the finding explains itself.

    Options:
    - `threshold` (0-1, default: the model's 0.5): higher reports fewer, surer claims;
    - `coverage`: `sentence` (default), each claim needs its own footnote; `paragraph`, a footnote
      at the end of a paragraph covers every sentence of it.

    - `documents`: `citing` (default) checks the documents that cite at least one source: a page with
      footnote citations has opted into claim tagging, while a site that cites nothing (API references,
      release notes) would otherwise get a warning on most sentences; `all` checks every document;
    - `skip-sections`: words or regular expressions; prose under a heading or inside an admonition
      whose title matches one is not scored. The default skips navigation and the course's own
      examples: next steps, see also, further reading, exercises, examples, try it, quiz.

    A list item's leading label ("Few-shot learning: the ability to…") is not part of the scored
    sentence. Footnote definitions, code, headings and front matter are never scored, nor are list items that
    open with a link (navigation such as "[Scaling laws](./scaling.md): how loss falls"). A literal
    `[^key]` with no definition counts as a citation here (CLM001 reports it).

    ## Why it matters
    A course is read as authoritative. A number, date or finding without a source cannot be checked
    by the reader and is not checked by the value rules (CLM006, CLM007) either; it is where
    outdated or wrong facts hide. Cite it, rephrase it as the course's own example, or suppress the
    finding with a comment when the detector is wrong.
    """

    code = "CLM008"
    name = "untagged-claim"
    family = "claims"
    severity = Severity.WARNING
    default_options: ClassVar[Mapping[str, Any]] = {
        "threshold": None,
        "coverage": "sentence",
        "skip-sections": list(DEFAULT_SKIPPED_SECTIONS),
        "documents": "citing",
    }
    examples = Examples(
        failing=(
            Example.of(
                "# Scale\n\nGPT-3 has 175 billion parameters and was trained on 300 billion tokens.\n",
                options={"documents": "all"},
            ),
            Example.of(
                "# History\n\nThe Transformer architecture was introduced in 2017 by researchers at Google.\n"
                "It replaced recurrence with attention.[^vaswani]\n\n[^vaswani]: Vaswani et al., 2017.\n"
            ),
            Example.of(
                "GPT-3 has 175 billion parameters. It was trained on 300 billion tokens.[^brown]\n\n[^brown]: Brown et al.\n",
                description="the footnote covers only its own sentence by default",
            ),
        ),
        passing=(
            Example.of(
                "# Scale\n\nGPT-3 has 175 billion parameters.[^brown]\n\n[^brown]: Brown et al., 2020.\n"
            ),
            Example.of("# Tokens\n\nIn this chapter, we will walk through how tokenization works.\n"),
            Example.of("Let's compute the softmax of the logits [2.0, 1.0, 0.1].\n"),
            Example.of("React Native 0.80 ships with React 19.1.\n", description="a page that cites nothing"),
            Example.of(
                "GPT-3 has 175 billion parameters. It was trained on 300 billion tokens.[^brown]\n\n[^brown]: Brown et al.\n",
                options={"coverage": "paragraph"},
            ),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        coverage = coverage_option(context.options, "CLM008")
        documents = context.options.get("documents", "citing")
        if documents not in ("all", "citing"):
            raise ValueError(f"CLM008 option 'documents' must be 'all' or 'citing', not {documents!r}")
        if documents == "citing" and not (document.footnote_calls or document.footnote_definitions):
            return
        threshold = context.options.get("threshold")
        if threshold is not None and not (isinstance(threshold, (int, float)) and 0 <= threshold <= 1):
            raise ValueError(f"CLM008 option 'threshold' must be a number from 0 to 1, not {threshold!r}")
        # the detector's features compile a few hundred patterns: imported only for a page that cites
        from doclint.claims.detector import assess_if_claim, default_model

        cutoff = default_model().threshold if threshold is None else float(threshold)
        skipped = _skip_pattern(context.options.get("skip-sections", DEFAULT_SKIPPED_SECTIONS))
        for paragraph in prose(document):
            if paragraph.navigation:
                continue
            if (
                skipped is not None
                and paragraph.sentences
                and (
                    skipped.search(paragraph.sentences[0].section)
                    or skipped.search(paragraph.container_title)
                )
            ):
                continue
            for sentence in paragraph.sentences:
                if paragraph.covered(sentence, coverage):
                    continue
                previous, following = paragraph.neighbours(sentence)
                text = sentence.markdown
                if sentence.index == 0 and paragraph.paragraph.context == "list item":
                    text = _LIST_LABEL.sub("", text, count=1)  # "Few-shot learning: the ability to…"
                verdict = assess_if_claim(text, sentence.section, previous, following, threshold=cutoff)
                if verdict is None or not verdict.needs_citation:
                    continue
                signals = ", ".join(
                    f"{signal} ({verdict.contributions[signal]:+.1f})" for signal in verdict.signals[:4]
                )
                yield self.report(
                    document,
                    sentence.line,
                    sentence.column,
                    f"this sentence reads as a factual claim but cites no source (score {verdict.score:.2f}, "
                    f"threshold {cutoff:.2f}; signals: {signals or 'none'}); cite it with a footnote [^key]",
                    end_line=sentence.end_line,
                    end_column=len(document.line(sentence.end_line)) + 1,
                )
