from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from doclint.claims.citations import append_definitions, definition_line, definitions_by_label, did_you_mean
from doclint.claims.registry import normalize_label
from doclint.claims.samples import REFERENCES
from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext

if TYPE_CHECKING:
    from doclint.claims.registry import Registry
    from doclint.document import Document
    from doclint.facts import Series


class UnknownCitationKey(ProjectRule):
    """A footnote citation `[^key]` that Docusaurus cannot resolve in its file.

    ## What it does
    Reports a call `[^key]` when the file has no `[^key]: …` definition. Labels match the way
    GFM matches them: case-insensitively. The message says whether the key is known to the series'
    registries (`references.yaml`, `claims.yaml`) and, when it is not, suggests the closest key
    defined in the file or the registries.

    A key found only in a registry still needs a definition in the file: Docusaurus renders
    footnotes per file and knows nothing about the registries. So the rule fires for it too, with
    a fix that writes the definition from the registry entry.

    ## Why it matters
    Docusaurus (remark-gfm) prints an undefined `[^key]` as literal text, without a warning: the
    citation silently disappears and the reader sees brackets.

    ## Fix safety
    Safe, for keys in a registry: the fix appends `[^key]: Author et al., "Title", year, locator. URL`
    built from the registry entry (for a claim, from its source reference and locator), so the call
    renders as the footnote it was meant to be. Unknown keys have no fix; pick the suggested key.
    """

    code = "CLM001"
    name = "unknown-citation-key"
    family = "claims"
    severity = Severity.ERROR
    fix_safety = "safe"
    examples = Examples(
        failing=(
            Example.of(
                "The Transformer was introduced in 2017.[^vaswani2017]\n",
                description="no definition in the file (in a series whose references.yaml has the key, a safe fix adds it)",
            ),
            Example.of("GPT-3 has 175 billion parameters.[^brown]\n\n[^brwn]: Brown et al., 2020.\n"),
            Example(
                {
                    "docs/example.md": "GPT-3 has 175 billion parameters.[^brown2020]\n",
                    "references.yaml": REFERENCES,
                },
                description="the key is in references.yaml but the file has no definition",
            ),
        ),
        passing=(
            Example.of("GPT-3 has 175 billion parameters.[^brown]\n\n[^brown]: Brown et al., 2020.\n"),
            Example.of("GPT-3 has 175 billion parameters.[^Brown]\n\n[^brown]: Brown et al., 2020.\n"),
            Example(
                {
                    "docs/example.md": "GPT-3 has 175 billion parameters.[^brown2020]\n\n[^brown2020]: Brown et al.\n",
                    "references.yaml": REFERENCES,
                }
            ),
        ),
    )

    def collect(self, document: Document, context: RuleContext, series: Series) -> list[Diagnostic]:
        return list(self._unknown_calls(document, series.registry))

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        yield from self.collected_findings(project)

    def _unknown_calls(self, document: Document, registry: Registry) -> Iterator[Diagnostic]:
        defined = definitions_by_label(document)
        fixed: set[str] = set()
        for call in document.footnote_calls:
            key = normalize_label(call.label)
            if key in defined:
                continue
            entry = registry.lookup(call.label)
            if entry is None:
                message = (
                    f"citation '[^{call.label}]' has no definition in this file"
                    + (" and no entry in the registries" if not registry.empty else "")
                    + "; Docusaurus prints it as literal text"
                )
                close = did_you_mean(
                    call.label, [d.label for d in document.footnote_definitions] + registry.ids()
                )
                if close:
                    message += f"; did you mean '[^{close}]'?"
                yield self.diagnostic(
                    document.display_path, call.line, call.column, message, end_column=call.end_column
                )
                continue
            message = (
                f"citation '[^{call.label}]' is the {entry.kind} '{entry.id}' in {entry.path}, but this file "
                "has no definition for it; Docusaurus renders footnotes per file and prints it as literal text"
            )
            fix = None
            if key not in fixed:
                fixed.add(key)
                line = definition_line(registry, call.label)
                if line is not None:
                    fix = self.make_fix(
                        f"add [^{call.label}]: from {entry.path}", append_definitions(document, [line])
                    )
            yield self.diagnostic(
                document.display_path,
                call.line,
                call.column,
                message,
                end_column=call.end_column,
                fix=fix,
            )
