import datetime
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from doclint.claims.facts import FieldError, read_date, review_days
from doclint.claims.registry import Entry, Registry
from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext

CHAPTER = "Chatbot Arena had over a million votes.[^arena]\n\n[^arena]: LMSYS.\n"
TODAY = {"today": "2026-01-01"}


def _series(references: str, claims: str = "") -> Example:
    files = {"docs/example.md": CHAPTER, "references.yaml": references}
    if claims:
        files["claims.yaml"] = claims
    return Example(files, options=TODAY)


WEB_REFERENCE = """references:
  - id: arena
    type: webpage
    title: Chatbot Arena leaderboard
    URL: https://lmarena.ai
    accessed: {{date-parts: [[{year}, 6, 1]]}}
"""
CLAIM = """claims:
  - id: arena.votes
    subject: Chatbot Arena
    value: 1000000
    unit: count
    source: arena
    as_of: {as_of}
    review: {review}
"""


class StaleSource(ProjectRule):
    """A registry entry whose source was last checked longer ago than its review period.

    ## What it does
    - A claim is stale when its `as_of` date (else its source's `accessed` date) is older than its
      `review` period: `stable`/`never` (no review), `monthly`, `quarterly`, `annual`, a number of
      days, "6 months", or an ISO period such as `P1Y`.
    - A reference is stale when its `accessed` date is older than its own `review` period, or, for
      the volatile types of the `volatile-types` option (web pages, posts, software, datasets: their
      content changes under the same URL), older than the `reference-review` option (default annual).

    Options: `today` (ISO date; default the current date, set it to make runs reproducible),
    `reference-review`, `volatile-types`.

    ## Why it matters
    Leaderboards, prices, context windows and "the largest model" change every few months. A
    course that states them without a review date silently becomes wrong; the review period turns
    that into a warning on the day the fact is due to be re-checked.
    """

    code = "CLM009"
    name = "stale-source"
    family = "claims"
    severity = Severity.WARNING
    default_options: ClassVar[Mapping[str, Any]] = {
        "today": None,
        "reference-review": "annual",
        "volatile-types": ["webpage", "post", "post-weblog", "software", "dataset"],
    }
    examples = Examples(
        failing=(
            _series(WEB_REFERENCE.format(year=2024)),
            _series(WEB_REFERENCE.format(year=2025), CLAIM.format(as_of="2025-06-01", review="quarterly")),
        ),
        passing=(
            _series(WEB_REFERENCE.format(year=2025)),
            _series(WEB_REFERENCE.format(year=2025), CLAIM.format(as_of="2025-06-01", review="annual")),
        ),
    )

    def outside_inputs(self, context: RuleContext) -> str | None:
        return "" if context.options.get("today") is not None else datetime.date.today().isoformat()

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        registry = project.registry
        if registry.empty:
            return
        options = context.options
        today = _today(options.get("today"))
        default_review = review_days(options.get("reference-review", "annual"))
        volatile = set(options.get("volatile-types", ()))
        for reference in registry.references:
            review = reference.get("review") if "review" in reference.fields else None
            period = (
                _period(review)
                if review is not None
                else (default_review if reference.get("type") in volatile else None)
            )
            line = reference.line_of("accessed")
            yield from self._check(
                reference, "accessed", line, reference.get("accessed"), period, review, today
            )
        for claim in registry.claims:
            if "review" not in claim.fields:
                continue
            field, line, written = _claim_date(claim, registry)
            review = claim.get("review")
            yield from self._check(claim, field, line, written, _period(review), review, today)

    def _check(
        self,
        entry: Entry,
        field: str,
        line: int,
        written: object,
        period: int | None,
        review: object,
        today: datetime.date,
    ) -> Iterator[Diagnostic]:
        if period is None or written is None:
            return
        try:
            checked = read_date(written)
        except FieldError:
            return  # CLM005 reports it
        age = (today - checked).days
        if age <= period:
            return
        named = (
            f"review period {review}"
            if review is not None
            else f"{period}-day review period for a {entry.get('type')}"
        )
        yield self.diagnostic(
            entry.path,
            line,
            1,
            f"{entry.kind} '{entry.id}' was last checked on {checked.isoformat()} ({field}), {age} days ago, "
            f"past its {named}; re-check the source, then update the entry and the date",
        )


def _today(value: object) -> datetime.date:
    if value is None:
        return datetime.date.today()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(
            f"CLM009 option 'today' must be an ISO date such as 2026-01-31, not {value!r}"
        ) from None


def _period(value: object) -> int | None:
    try:
        return review_days(value)
    except FieldError:
        return None  # CLM005 reports it


def _claim_date(claim: Entry, registry: Registry) -> tuple[str, int, object]:
    """The date a claim was last checked: its as_of, else when its source was accessed."""
    if "as_of" in claim.fields:
        return "as_of", claim.line_of("as_of"), claim.get("as_of")
    source = registry.reference(str(claim.get("source", "")))
    accessed = source.get("accessed") if source is not None else None
    return f"accessed date of {claim.get('source')}", claim.line_of("review"), accessed
