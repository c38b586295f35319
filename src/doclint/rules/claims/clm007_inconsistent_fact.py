from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from doclint.claims.facts import UNITS, ClaimFact, describes, fact_index
from doclint.claims.mentions import Mention, mentions
from doclint.claims.numbers import (
    BYTES,
    COUNT,
    DATE,
    FLOPS,
    PARAMETERS,
    PERCENT,
    RATIO,
    TOKENS,
    USD,
    YEAR,
    Quantity,
    agrees,
)
from doclint.claims.registry import normalize_label
from doclint.claims.samples import GPT3_CITED, registries
from doclint.claims.sentences import locate
from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.facts import DocumentFacts, Series


@dataclass(frozen=True)
class ChapterMention:
    """A number about a subject no registered claim covers, where it is written: compared across chapters."""

    subject: str
    quantity: Quantity
    line: int
    column: int
    end_column: int


def _registered(text: str) -> Example:
    return Example(registries(text, **{"docs/intro.md": GPT3_CITED}))


def _chapters(first: str, second: str) -> Example:
    return Example({"docs/scaling.md": first, "docs/intro.md": second})


class InconsistentFact(ProjectRule):
    """A number about a named model that disagrees with the registry, or with another chapter.

    ## What it does
    Finds numbers attributed to a name: the nearest name in the sentence, either a subject alias
    of `claims.yaml` or a model-like name (`GPT-3`, `BERT`, `PaLM`, `InstructGPT`). Then:
    - when the name is the subject of a registered claim and the number states it (same unit; a
      bare number followed by the claim's `property`, "1.4 trillion training tokens"; a date with
      the property in the sentence, "introduced in 2017"), and the sentence does not cite that
      claim, the number must agree with the claim's value within its tolerance (CLM006 checks
      sentences that cite it);
    - when no claim covers the name and unit, every mention of that name and unit across the
      chapters must agree; each one that disagrees with a mention in another chapter is reported
      with the other location. Only the units in the `units` option are compared this way
      (default: parameters), because a model has one size but many token counts and scores.

    Options: `units` (list: parameters, tokens, flops, bytes, usd, percent), `tolerance` (relative,
    for chapters compared without a registry entry; default 0).

    ## Why it matters
    A series that says 175B parameters in one chapter and 170B in another teaches the reader that
    one of them is wrong without saying which. The registry settles it: add a claim with its source,
    cite it, and both chapters are checked against it.
    """

    code = "CLM007"
    name = "inconsistent-fact"
    family = "claims"
    severity = Severity.WARNING
    default_options: ClassVar[Mapping[str, Any]] = {"units": ["parameters"], "tolerance": 0.0}
    examples = Examples(
        failing=(
            _registered(
                "The original davinci model, with its 170 billion parameters, was expensive to serve.\n"
            ),
            _chapters(
                "The 170-billion-parameter GPT-3 showed that scale pays.\n",
                "GPT-3 has 175 billion parameters.[^brown2020]\n\n[^brown2020]: Brown et al., 2020.\n",
            ),
        ),
        passing=(
            _registered(
                "The original davinci model, with its 175 billion parameters, was expensive to serve.\n"
            ),
            _chapters(
                "The 175-billion-parameter GPT-3 showed that scale pays.\n",
                "GPT-3 has 175 billion parameters.[^brown2020]\n\n[^brown2020]: Brown et al., 2020.\n",
            ),
            _chapters(
                "GPT-3 was trained on 300 billion tokens.\n",
                "GPT-3 reads 2048 tokens of context.\n",
            ),
        ),
    )

    def collect(
        self, document: Document, context: RuleContext, series: Series
    ) -> tuple[list[Diagnostic], list[ChapterMention]] | None:
        """The findings against the registry, and the numbers about unregistered subjects to compare."""
        try:
            units = _units(context.options.get("units", ["parameters"]))
        except ValueError:
            return None  # check_project reports the option
        index = fact_index(series.registry)
        against: list[Diagnostic] = []
        unregistered: list[ChapterMention] = []
        for mention in mentions(document, index.aliases, _topic(index.aliases, units)):
            if not mention.subject:
                continue
            facts = [
                fact
                for fact in index.for_subject(mention.subject)
                if describes(fact, mention.quantity, mention.sentence.text)
            ]
            if facts:
                against.extend(self._against_registry(mention, facts))
            elif mention.quantity.unit in units:
                line, column, end_column = locate(document, mention.sentence, mention.quantity.span)
                unregistered.append(
                    ChapterMention(mention.subject, mention.quantity, line, column, end_column)
                )
        return against, unregistered

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        _units(context.options.get("units", ["parameters"]))
        tolerance = context.options.get("tolerance", 0.0)
        if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or tolerance < 0:
            raise ValueError(
                f"CLM007 option 'tolerance' must be a relative tolerance such as 0.05, not {tolerance!r}"
            )
        unregistered: dict[tuple[str, str], list[tuple[DocumentFacts, ChapterMention]]] = {}
        for document, (against, numbers) in project.collected(self.code):
            yield from against
            for mention in numbers:
                unregistered.setdefault((mention.subject, mention.quantity.unit), []).append(
                    (document, mention)
                )
        for group in unregistered.values():
            yield from self._across_chapters(group, tolerance)

    def _against_registry(self, mention: Mention, facts: list[ClaimFact]) -> Iterator[Diagnostic]:
        cited = {normalize_label(label) for label in mention.sentence.footnotes}
        for fact in facts:
            if fact.entry.key in cited or agrees(mention.quantity, fact.quantity, fact.tolerance):
                continue
            line, column, end_column = locate(mention.document, mention.sentence, mention.quantity.span)
            yield self.diagnostic(
                mention.document.display_path,
                line,
                column,
                f"{mention.subject}: '{mention.quantity.text}' disagrees with {fact.entry.path} "
                f"'{fact.entry.id}', which records {fact.display} (source {fact.entry.get('source')}); "
                f"correct the number and cite it as [^{fact.entry.id}]",
                end_column=end_column,
            )

    def _across_chapters(
        self, group: list[tuple[DocumentFacts, ChapterMention]], tolerance: float
    ) -> Iterator[Diagnostic]:
        # One representative per document and value: a chapter repeating a number adds no comparison.
        distinct: dict[tuple[Path, tuple[object, ...]], tuple[DocumentFacts, ChapterMention]] = {}
        for document, mention in group:
            quantity = mention.quantity
            key = (quantity.value, quantity.comparator, quantity.low, quantity.high, quantity.approximate)
            distinct.setdefault((document.path, key), (document, mention))
        if len({path for path, _ in distinct}) < 2:
            return
        for document, mention in group:
            others = [
                (other_document, other)
                for other_document, other in distinct.values()
                if other_document.path != document.path
                and not agrees(mention.quantity, other.quantity, tolerance)
            ]
            if not others:
                continue
            other_document, other = others[0]
            more = f" (and {len(others) - 1} more)" if len(others) > 1 else ""
            yield self.diagnostic(
                document.display_path,
                mention.line,
                mention.column,
                f"{mention.subject}: '{mention.quantity.text}' here, but '{other.quantity.text}' in "
                f"{other_document.display_path}:{other.line}{more}; the chapters disagree and no registered claim "
                f"covers {mention.subject} {mention.quantity.unit}: add one to claims.yaml (value, unit, source) and cite it",
                end_column=mention.end_column,
            )


def _units(value: object) -> set[str]:
    if not isinstance(value, list) or not all(
        isinstance(unit, str) and unit.lower() in UNITS for unit in value
    ):
        raise ValueError(
            f"CLM007 option 'units' must be a list of units ({', '.join(sorted(UNITS))}), not {value!r}"
        )
    return {UNITS[unit.lower()] for unit in value}


# Words without which a paragraph cannot state a number in the unit ("GPT-3 has 175B" alone is a count).
_UNIT_WORDS = {
    PARAMETERS: r"param|weights",
    TOKENS: r"token",
    FLOPS: r"flop",
    BYTES: r"byte|\b[kmgtp]i?b\b",
    USD: r"\$|usd|dollar",
    PERCENT: r"%|percent|per ?cent",
}


def _topic(aliases: re.Pattern[str] | None, units: set[str]) -> re.Pattern[str] | None:
    """Paragraphs worth reading: a registered subject's name, or a word for a compared unit."""
    if COUNT in units or RATIO in units or YEAR in units or DATE in units:
        return None  # a bare number can be any of these
    parts = [f"(?:{aliases.pattern})"] if aliases else []
    words = [_UNIT_WORDS[unit] for unit in sorted(units) if unit in _UNIT_WORDS]
    if words:
        parts.append("(?i:" + "|".join(words) + ")")
    return re.compile("|".join(parts)) if parts else None
