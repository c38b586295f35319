from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from doclint.claims.citations import foreign_citations
from doclint.claims.registry import normalize_label
from doclint.claims.samples import GPT3_CITED, KAPLAN_CITED, registries
from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.facts import Series


class UnusedRegistryEntry(ProjectRule):
    """A reference or claim in the registries that no chapter of the series cites.

    ## What it does
    Reports an entry of `references.yaml` or `claims.yaml` whose id no document of the series cites,
    as a footnote `[^id]` (or a Pandoc `[@id]`, which CLM011 converts). A reference that is the
    `source` of a claim counts as used: the claim cites it. Every document of the docs roots counts,
    even when only some files are being checked.

    ## Why it matters
    An entry nobody cites is not checked against the prose any more: its value, source and review
    date drift without anyone noticing, and readers of the registry take it for a fact the course
    relies on. Delete it, or cite it where the course states the fact.
    """

    code = "CLM003"
    name = "unused-registry-entry"
    family = "claims"
    severity = Severity.WARNING
    examples = Examples(
        failing=(Example(registries(GPT3_CITED), description="kaplan2020 is cited nowhere"),),
        passing=(Example(registries(GPT3_CITED, **{"docs/scaling.md": KAPLAN_CITED})),),
    )

    def collect(self, document: Document, context: RuleContext, series: Series) -> tuple[str, ...]:
        """The labels the document cites, as footnotes or in a foreign citation syntax."""
        cited = {normalize_label(call.label) for call in document.footnote_calls}
        for citation in foreign_citations(document):
            cited.update(normalize_label(key) for key in citation.keys)
        return tuple(sorted(cited))

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        registry = project.registry
        if registry.empty:
            return
        cited: set[str] = set()
        for _, labels in project.collected(self.code):
            cited.update(labels)
        for claim in registry.claims:
            if isinstance(claim.get("source"), str):
                cited.add(normalize_label(claim.get("source")))
        for entry in registry.entries():
            if entry.key is None or entry.key in cited:
                continue
            yield self.diagnostic(
                entry.path,
                entry.line,
                1,
                f"{entry.kind} '{entry.id}' is not cited by any document of the series; "
                f"cite it as [^{entry.id}] where the course relies on it, or remove it",
            )
