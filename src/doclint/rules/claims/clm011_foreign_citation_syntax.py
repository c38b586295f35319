from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from doclint.claims.citations import (
    ForeignCitation,
    append_definitions,
    definition_line,
    definitions_by_label,
    did_you_mean,
    foreign_citations,
)
from doclint.claims.registry import Registry, normalize_label
from doclint.claims.samples import REFERENCES
from doclint.diagnostics import Diagnostic, Edit, Severity
from doclint.document import Document
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext

if TYPE_CHECKING:
    from doclint.facts import Series
from doclint.site import Mdx1Compat


class ForeignCitationSyntax(ProjectRule):
    """Citation syntax from Pandoc, Quarto or MyST that Docusaurus renders literally or fails on.

    ## What it does
    Reports, outside code:
    - Pandoc/Quarto citations `[@key]`, `[@a; @b]`, `[see @key, p. 8]`: Docusaurus has no citation
      processor, so they render as literal text. In MDX, a braced key `[@{key}]` is a JavaScript
      expression and the page fails to build.
    - MyST roles ``{cite}`key` ``: in MDX `{cite}` is a JavaScript expression, so static generation
      fails with "ReferenceError: cite is not defined"; in `md` format it renders literally.
    - HTML comments `<!-- … -->` in MDX files when `markdown.mdx1Compat.comments` is off (as under
      Docusaurus's v4 future flags): MDX fails to compile ("Unexpected character `!`").

    ## Why it matters
    Notes copied from a Pandoc, Quarto or Jupyter Book project look like citations in the editor
    and either show up as raw brackets on the page or break the build. A GFM footnote `[^key]` is
    the citation form Docusaurus renders, and the one the other claim rules check.

    ## Fix safety
    Safe when every key is known (a footnote definition in the file, or an entry of
    `references.yaml`/`claims.yaml`) and the citation has no locator: the citation becomes
    `[^key]` footnotes, and a definition generated from the registry is appended when the file has
    none. With a locator or prefix ("see", "p. 8") the fix is unsafe: the footnote drops that text.
    HTML comments become MDX comments `{/* … */}` (safe).
    """

    code = "CLM011"
    name = "foreign-citation-syntax"
    family = "claims"
    severity = Severity.ERROR
    fix_safety = "safe"
    examples = Examples(
        failing=(
            Example(
                {
                    "docs/example.md": "GPT-3 has 175 billion parameters [@brown2020].\n",
                    "references.yaml": REFERENCES,
                }
            ),
            Example.of("GPT-3 has 175 billion parameters {cite}`brown2020`.\n"),
            Example.of(
                "GPT-3 has 175 billion parameters.<!-- source: brown2020 -->\n",
                site={"mdx1_compat": Mdx1Compat(comments=False)},
            ),
        ),
        passing=(
            Example(
                {
                    "docs/example.md": "GPT-3 has 175 billion parameters.[^brown2020]\n\n[^brown2020]: Brown.\n",
                    "references.yaml": REFERENCES,
                }
            ),
            Example.of(
                "Write to me@example.com [mail me@example.com] or see [@docusaurus](https://x.com/docusaurus).\n"
            ),
            Example.of("Pandoc writes citations as `[@key]`.\n\n```md\nSee [@brown2020].\n```\n"),
            Example.of("GPT-3 has 175 billion parameters.<!-- source: brown2020 -->\n"),
        ),
    )

    def collect(self, document: Document, context: RuleContext, series: Series) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        citations = foreign_citations(document)
        if citations:
            found.extend(self._citations(document, citations, series.registry))
        if document.is_mdx and not document.settings.mdx1_compat.comments and "<!--" in document.text:
            found.extend(self._html_comments(document))
        return found

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        yield from self.collected_findings(project)

    def _citations(
        self, document: Document, citations: list[ForeignCitation], registry: Registry
    ) -> Iterator[Diagnostic]:
        defined = definitions_by_label(document)
        generated: set[str] = set()
        for citation in citations:
            line, column = document.source.position(citation.start)
            end_line, end_column = document.source.position(citation.end)
            written = document.text[citation.start : citation.end]
            unknown = [
                key
                for key in citation.keys
                if normalize_label(key) not in defined and registry.lookup(key) is None
            ]
            footnotes = "".join(f"[^{key}]" for key in citation.keys)
            message = f"{_what_happens(citation, written, document)}; write it as a footnote {footnotes or '[^key]'}"
            fix = None
            if unknown or not citation.keys:
                candidates = [d.label for d in document.footnote_definitions] + registry.ids()
                hints = [
                    f"'{key}' (did you mean '{close}'?)"
                    if (close := did_you_mean(key, candidates))
                    else f"'{key}'"
                    for key in unknown
                ]
                if hints:
                    message += f"; unknown key {', '.join(hints)}"
            else:
                edits = [Edit(line, column, end_line, end_column, footnotes)]
                missing = [
                    key
                    for key in citation.keys
                    if normalize_label(key) not in defined and normalize_label(key) not in generated
                ]
                lines = [text for key in missing if (text := definition_line(registry, key))]
                generated.update(normalize_label(key) for key in missing)
                if lines:
                    edits.append(append_definitions(document, lines))
                locators = [text for text in citation.locators if text]
                safety = "unsafe" if locators else "safe"
                dropped = f" (drops {', '.join(repr(text) for text in locators)})" if locators else ""
                fix = self.make_fix(f"convert to {footnotes}{dropped}", *edits, safety=safety)
            yield self.diagnostic(
                document.display_path,
                line,
                column,
                message,
                end_line=end_line,
                end_column=end_column,
                fix=fix,
            )

    def _html_comments(self, document: Document) -> Iterator[Diagnostic]:
        for comment in document.comments:
            if comment.kind != "html":
                continue
            fix = None
            if "*/" not in comment.body:
                edit = Edit(
                    comment.line,
                    comment.column,
                    comment.end_line,
                    comment.end_column,
                    "{/*" + comment.body + "*/}",
                )
                fix = self.make_fix("turn the HTML comment into an MDX comment", edit)
            yield self.diagnostic(
                document.display_path,
                comment.line,
                comment.column,
                "HTML comment in an MDX file with mdx1Compat.comments off: MDX fails to compile "
                '("Unexpected character `!`"); write {/* … */} instead',
                end_line=comment.end_line,
                end_column=comment.end_column,
                fix=fix,
            )


def _what_happens(citation: ForeignCitation, written: str, document: Document) -> str:
    if citation.syntax == "myst":
        if document.is_mdx:
            return (
                f"MyST citation '{written}': in MDX '{{cite}}' is a JavaScript expression and the page fails "
                "static generation (ReferenceError: cite is not defined)"
            )
        return f"MyST citation '{written}' renders as literal text in Docusaurus"
    if document.is_mdx and "@{" in written:
        return (
            f"Pandoc citation '{written}': in MDX the braces are a JavaScript expression and the page fails "
            "static generation (ReferenceError)"
        )
    return f"Pandoc citation '{written}' renders as literal text: Docusaurus runs no citation processor"
