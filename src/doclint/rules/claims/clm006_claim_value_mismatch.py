from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from doclint.claims.facts import ClaimFact, fact_index
from doclint.claims.mentions import Mention, mentions
from doclint.claims.numbers import agrees, compatible_units
from doclint.claims.registry import normalize_label
from doclint.claims.samples import registries
from doclint.claims.sentences import locate
from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext

if TYPE_CHECKING:
    from doclint.facts import Series

DEFINITION = "\n[^gpt3.params]: Brown et al., 2020, Table 2.1.\n"


def _series(sentence: str) -> Example:
    return Example(registries(sentence + "\n" + DEFINITION))


class ClaimValueMismatch(ProjectRule):
    """A sentence cites a registered claim but states a different number.

    ## What it does
    For a sentence that cites a claim of `claims.yaml` by its id (`…175 billion parameters.[^gpt3.params]`),
    compares the numbers in the sentence with the claim's `value`, in the claim's unit, allowing its
    relative `tolerance`. "175B", "175 billion" and "1.75e11" are the same number; "~170B" and
    "about 170 billion" are approximate and get 10% of slack; "over 100B" is a bound. Numbers
    attributed to another name in the sentence ("…than GPT-2's 1.5B") are not compared, and a
    sentence with no number in the claim's unit is not checked.

    ## Why it matters
    The footnote tells the reader the number comes from the cited source, so a typo or an outdated
    figure next to it misquotes the source with its authority. The registry is the single place the
    number was checked against the source; the sentence must agree with it.
    """

    code = "CLM006"
    name = "claim-value-mismatch"
    family = "claims"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            _series("GPT-3 has 170 billion parameters.[^gpt3.params]"),
            _series("The largest GPT-3 model has 1.7e11 weights.[^gpt3.params]"),
        ),
        passing=(
            _series("GPT-3 has 175 billion parameters.[^gpt3.params]"),
            _series("GPT-3 has about 175B parameters, a hundred times GPT-2's 1.5B.[^gpt3.params]"),
            _series("GPT-3 was released in 2020 with 175B parameters.[^gpt3.params]"),
        ),
    )

    def collect(self, document: Document, context: RuleContext, series: Series) -> list[Diagnostic]:
        registry = series.registry
        if not registry.claims or not document.footnote_calls:
            return []
        index = fact_index(registry)
        if not index.facts:
            return []
        by_sentence: dict[int, list[Mention]] = {}
        for mention in mentions(document, index.aliases):
            by_sentence.setdefault(id(mention.sentence), []).append(mention)
        found: list[Diagnostic] = []
        for group in by_sentence.values():
            sentence = group[0].sentence
            for label in sentence.footnotes:
                fact = index.by_id.get(normalize_label(label))
                if fact is not None:
                    found.extend(self._compare(document, fact, group))
        return found

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        yield from self.collected_findings(project)

    def _compare(self, document: Document, fact: ClaimFact, found: list[Mention]) -> Iterator[Diagnostic]:
        candidates = [m for m in found if compatible_units(m.quantity.unit, fact.quantity.unit)]
        about_subject = [m for m in candidates if m.subject in fact.aliases]
        unrelated = [m for m in candidates if m.subject and m.subject not in fact.aliases]
        candidates = about_subject or [m for m in candidates if m not in unrelated]
        if not candidates or any(agrees(m.quantity, fact.quantity, fact.tolerance) for m in candidates):
            return
        mention = candidates[0]
        line, column, end_column = locate(document, mention.sentence, mention.quantity.span)
        source = fact.entry.get("source")
        locator = f", {fact.entry.get('locator')}" if fact.entry.get("locator") else ""
        tolerance = f" ± {fact.tolerance:.0%}" if fact.tolerance else ""
        yield self.diagnostic(
            document.display_path,
            line,
            column,
            f"'{mention.quantity.text}' disagrees with the claim "
            f"'{fact.entry.id}' this sentence cites: {fact.entry.path} records {fact.display}{tolerance} "
            f"(source {source}{locator}); correct the sentence or the registry",
            end_column=end_column,
        )
