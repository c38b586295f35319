from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from doclint.claims.registry import Entry, normalize_label
from doclint.claims.samples import REFERENCES
from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.facts import Series


class DuplicateCitationKey(ProjectRule):
    """A citation key defined twice: a footnote label, a registry id, or a claim id equal to a reference id.

    ## What it does
    Reports, at the second definition:
    - a footnote label defined twice in one file (labels match case-insensitively, as in GFM);
    - an id used by two entries of `references.yaml`, or of `claims.yaml` (also across several
      registry files, and ids that differ only in case, since footnote labels cannot tell them apart);
    - a claim id that is also a reference id.

    ## Why it matters
    Docusaurus keeps the first footnote definition and silently drops the others, so the second
    source never appears. Pandoc and Quarto use one of two equal CSL ids and warn at best. And when
    a claim and a reference share an id, `[^id]` no longer says which one the sentence cites: the
    value check (CLM006) and the generated definition take the claim.
    """

    code = "CLM004"
    name = "duplicate-citation-key"
    family = "claims"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of("A claim.[^a]\n\n[^a]: First source.\n[^A]: Second source.\n"),
            Example(
                {
                    "docs/example.md": "A claim.\n",
                    "references.yaml": REFERENCES + REFERENCES.split("\n", 1)[1],
                }
            ),
            Example(
                {
                    "docs/example.md": "A claim.\n",
                    "references.yaml": REFERENCES,
                    "claims.yaml": "claims:\n  - id: brown2020\n    value: 175e9\n    unit: parameters\n    source: brown2020\n",
                }
            ),
        ),
        passing=(
            Example.of("A claim.[^a] Another.[^b]\n\n[^a]: First source.\n[^b]: Second source.\n"),
            Example(
                {
                    "docs/example.md": "A claim.\n",
                    "references.yaml": REFERENCES,
                    "claims.yaml": "claims:\n  - id: gpt3.params\n    value: 175e9\n    unit: parameters\n    source: brown2020\n",
                }
            ),
        ),
    )

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        yield from self.collected_findings(project)
        registry = project.registry
        for entries in (registry.references, registry.claims):
            yield from self._registry_duplicates(entries)
        references = {entry.key: entry for entry in reversed(registry.references) if entry.key}
        for claim in registry.claims:
            reference = references.get(claim.key) if claim.key else None
            if reference is not None:
                yield self.diagnostic(
                    claim.path,
                    claim.line_of("id"),
                    1,
                    f"claim id '{claim.id}' is also the id of a reference ({reference.path}:{reference.line}); "
                    f"[^{claim.id}] cannot say which one it cites: rename the claim",
                )

    def collect(self, document: Document, context: RuleContext, series: Series) -> list[Diagnostic]:
        found = []
        first: dict[str, int] = {}
        for definition in document.footnote_definitions:
            key = normalize_label(definition.label)
            if key not in first:
                first[key] = definition.line
                continue
            found.append(
                self.diagnostic(
                    document.display_path,
                    definition.line,
                    definition.column,
                    f"footnote '[^{definition.label}]' is already defined at line {first[key]}; "
                    "Docusaurus keeps the first definition and silently drops this one",
                    end_column=len(document.line(definition.line)) + 1,
                )
            )
        return found

    def _registry_duplicates(self, entries: list[Entry]) -> Iterator[Diagnostic]:
        first: dict[str, Entry] = {}
        for entry in entries:
            if entry.key is None:
                continue
            original = first.setdefault(entry.key, entry)
            if original is entry:
                continue
            same_case = (
                "" if original.id == entry.id else f" (as '{original.id}': footnote labels ignore case)"
            )
            yield self.diagnostic(
                entry.path,
                entry.line_of("id"),
                1,
                f"{entry.kind} id '{entry.id}' is already used at {original.path}:{original.line}{same_case}; "
                "tools pick one of the two entries",
            )
