"""The shape every MDX hazard rule shares: one kind of hazard from the shared scan, reported where it is."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.document import Document
from doclint.rules.base import DocumentRule, RuleContext
from doclint.rules.mdx._scan import Hazard, scan


class MdxHazardRule(DocumentRule):
    hazard_kind: str

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not document.is_mdx:
            return  # files compiled as CommonMark read all of this as text or raw HTML
        for hazard in scan(document).of_kind(self.hazard_kind):
            line, column = document.source.position(hazard.start)
            end_line, end_column = document.source.position(hazard.end)
            yield self.report(
                document,
                line,
                column,
                self.message(hazard),
                end_line=end_line,
                end_column=end_column,
                fix=self.fix(document, hazard),
            )

    def message(self, hazard: Hazard) -> str:
        raise NotImplementedError

    def fix(self, document: Document, hazard: Hazard) -> Fix | None:
        return None

    def replace_hazard(self, document: Document, hazard: Hazard, replacement: str, description: str) -> Fix:
        line, column = document.source.position(hazard.start)
        end_line, end_column = document.source.position(hazard.end)
        return self.make_fix(description, Edit(line, column, end_line, end_column, replacement))
