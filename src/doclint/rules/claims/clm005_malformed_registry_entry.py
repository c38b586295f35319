from collections.abc import Callable, Iterator

from doclint.claims.citations import did_you_mean
from doclint.claims.facts import (
    FieldError,
    claim_aliases,
    claim_quantity,
    claim_tolerance,
    claim_unit,
    read_date,
    read_value,
    review_days,
)
from doclint.claims.numbers import COUNT
from doclint.claims.registry import Entry, Registry
from doclint.claims.samples import CLAIMS, GPT3_CITED, KAPLAN_CITED, REFERENCES, registries
from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext

# CSL 1.0.2 item types (citation-style-language/schema, csl-types.rnc).
CSL_TYPES = frozenset(
    [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ]
)
CSL_DATES = ("issued", "accessed", "original-date", "submitted", "event-date", "container")


class MalformedRegistryEntry(ProjectRule):
    """An entry of `references.yaml` or `claims.yaml` that tools cannot use as written.

    ## What it does
    Reports, at the line of the field:
    - a registry file that is not valid YAML, or not a list of entries under `references:` /
      `claims:` (the mapping form `claims: {id: {…}}` is accepted too);
    - a reference without `id`, `type` or `title`, a `type` that is not a CSL type, a CSL date
      (`issued`, `accessed`, …) that is not `{date-parts: [[y, m, d]]}` with at least one part, an
      EDTF `YYYY-MM-DD` string or a real calendar date;
    - a claim without `id`, `value`, `unit` or `source`; a value that is not a number, a date or a
      quantity such as "175 billion"; an unknown unit; a negative tolerance; a `source` that is not
      the id of a reference (with a did-you-mean); a bad `as_of` date or `review` period; `aliases`
      that are not a list of names.

    ## Why it matters
    Pandoc, Quarto and citeproc fail or print "???" on entries without an id, type or title and
    crash on empty `date-parts`. A claim doclint cannot read is never compared with the chapters,
    so the checks CLM006, CLM007 and CLM009 silently skip it.
    """

    code = "CLM005"
    name = "malformed-registry-entry"
    family = "claims"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example(
                {
                    "docs/example.md": GPT3_CITED,
                    "references.yaml": "references:\n  - id: brown2020\n    type: journal\n    issued: {date-parts: []}\n",
                    "claims.yaml": CLAIMS,
                },
                description="a CSL type that does not exist, no title, empty date-parts",
            ),
            Example(
                {
                    "docs/example.md": GPT3_CITED,
                    "references.yaml": REFERENCES,
                    "claims.yaml": "claims:\n  - id: gpt3.params\n    value: lots\n    source: brwn2020\n",
                },
                description="a claim with no unit, a value that is not a number and an unknown source",
            ),
            Example({"docs/example.md": GPT3_CITED, "references.yaml": "references: [\n"}),
        ),
        passing=(Example(registries(GPT3_CITED + "\n" + KAPLAN_CITED)),),
    )

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        registry = project.registry
        for problem in registry.problems:
            yield self.diagnostic(problem.path, problem.line, problem.column, problem.message)
        for reference in registry.references:
            for field, message in self._reference_problems(reference):
                yield self._report(reference, field, message)
        for claim in registry.claims:
            for field, message in self._claim_problems(claim, registry):
                yield self._report(claim, field, message)

    def _report(self, entry: Entry, field: str, message: str) -> Diagnostic:
        name = f"{entry.kind} '{entry.id}'" if entry.id else f"{entry.kind} at line {entry.line}"
        return self.diagnostic(entry.path, entry.line_of(field), 1, f"{name} {message}")

    def _reference_problems(self, reference: Entry) -> Iterator[tuple[str, str]]:
        if reference.id is None:
            yield "id", "has no 'id'; citations cannot refer to it"
        kind = reference.get("type")
        if kind is None:
            yield "type", "has no 'type' (a CSL type such as article-journal, book, webpage)"
        elif kind not in CSL_TYPES:
            close = did_you_mean(str(kind), CSL_TYPES)
            yield (
                "type",
                f"has type {kind!r}, which is not a CSL type"
                + (f"; did you mean '{close}'?" if close else ""),
            )
        if not reference.get("title"):
            yield "title", "has no 'title'"
        for field in CSL_DATES:
            if field in reference.fields:
                yield from _field_error(field, lambda name=field: read_date(reference.get(name)), named=True)
        if "review" in reference.fields:
            yield from _field_error("review", lambda: review_days(reference.get("review")), named=True)

    def _claim_problems(self, claim: Entry, registry: Registry) -> Iterator[tuple[str, str]]:
        if claim.id is None:
            yield "id", "has no 'id'; citations cannot refer to it"
        unit_errors = list(_field_error("unit", lambda: claim_unit(claim)))
        yield from unit_errors
        if unit_errors:  # still say whether the value reads, as a plain count
            yield from _field_error("value", lambda: read_value(claim.get("value"), COUNT))
        else:
            yield from _field_error("value", lambda: claim_quantity(claim))
        yield from _field_error("tolerance", lambda: claim_tolerance(claim))
        yield from _field_error("aliases", lambda: claim_aliases(claim))
        source = claim.get("source")
        if source is None:
            yield "source", "has no 'source' (the id of the reference that states it)"
        elif registry.reference(str(source)) is None:
            close = did_you_mean(str(source), [ref.id for ref in registry.references if ref.id])
            hint = f"; did you mean '{close}'?" if close else ""
            yield "source", f"has source {source!r}, which is not the id of a reference{hint}"
        if "as_of" in claim.fields:
            yield from _field_error("as_of", lambda: read_date(claim.get("as_of")), named=True)
        if "review" in claim.fields:
            yield from _field_error("review", lambda: review_days(claim.get("review")), named=True)


def _field_error(field: str, read: Callable[[], object], named: bool = False) -> Iterator[tuple[str, str]]:
    try:
        read()
    except FieldError as error:
        yield field, f"has a bad '{field}': {error}" if named else str(error)
