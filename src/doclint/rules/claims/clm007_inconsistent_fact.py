import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

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
    agrees,
)
from doclint.claims.registry import normalize_label
from doclint.claims.samples import GPT3_CITED, registries
from doclint.claims.sentences import locate
from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext


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

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        index = fact_index(project.registry)
        units = _units(context.options.get("units", ["parameters"]))
        tolerance = context.options.get("tolerance", 0.0)
        if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or tolerance < 0:
            raise ValueError(
                f"CLM007 option 'tolerance' must be a relative tolerance such as 0.05, not {tolerance!r}"
            )
        unregistered: dict[tuple[str, str], list[Mention]] = {}
        topic = _topic(index.aliases, units)
        for document in project.documents.values():
            for mention in mentions(document, index.aliases, topic):
                if not mention.subject:
                    continue
                facts = [
                    fact
                    for fact in index.for_subject(mention.subject)
                    if describes(fact, mention.quantity, mention.sentence.text)
                ]
                if facts:
                    yield from self._against_registry(mention, facts)
                elif mention.quantity.unit in units:
                    unregistered.setdefault((mention.subject, mention.quantity.unit), []).append(mention)
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

    def _across_chapters(self, group: list[Mention], tolerance: float) -> Iterator[Diagnostic]:
        # One representative per document and value: a chapter repeating a number adds no comparison.
        distinct: dict[tuple[int, tuple[object, ...]], Mention] = {}
        for mention in group:
            quantity = mention.quantity
            key = (quantity.value, quantity.comparator, quantity.low, quantity.high, quantity.approximate)
            distinct.setdefault((id(mention.document), key), mention)
        if len({document for document, _ in distinct}) < 2:
            return
        for mention in group:
            others = [
                other
                for other in distinct.values()
                if other.document is not mention.document
                and not agrees(mention.quantity, other.quantity, tolerance)
            ]
            if not others:
                continue
            other = others[0]
            other_line = locate(other.document, other.sentence, other.quantity.span)[0]
            line, column, end_column = locate(mention.document, mention.sentence, mention.quantity.span)
            more = f" (and {len(others) - 1} more)" if len(others) > 1 else ""
            yield self.diagnostic(
                mention.document.display_path,
                line,
                column,
                f"{mention.subject}: '{mention.quantity.text}' here, but '{other.quantity.text}' in "
                f"{other.document.display_path}:{other_line}{more}; the chapters disagree and no registered claim "
                f"covers {mention.subject} {mention.quantity.unit}: add one to claims.yaml (value, unit, source) and cite it",
                end_column=end_column,
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
