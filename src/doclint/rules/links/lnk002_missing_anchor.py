import difflib
from collections.abc import Iterator
from urllib.parse import unquote

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class MissingSameFileAnchor(DocumentRule):
    """A `#fragment` link to an anchor that this page does not have.

    ## What it does
    Reports `[text](#anchor)` links whose anchor matches no heading id of the same page, computed as
    Docusaurus computes them (github-slugger, explicit `{#id}`, h1 excluded), compared case-sensitively.

    ## Why it matters
    The link renders, but clicking it does not scroll anywhere; Docusaurus only reports broken anchors
    in a production build.
    """

    code = "LNK002"
    name = "missing-anchor"
    family = "links"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of("# Intro\n\n## Scaling laws\n\nSee [below](#scaling-law).\n"),
            Example.of("# Intro\n\nSee [the title](#intro).\n", description="h1 ids are not anchors"),
        ),
        passing=(Example.of("# Intro\n\n## Scaling laws {#laws}\n\nSee [below](#laws) and [top](#).\n"),),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        anchors = document.anchors
        for link in document.links:
            if link.is_image or not link.url.startswith("#") or link.url == "#":
                continue
            fragment = link.url[1:]
            if fragment in anchors or unquote(fragment) in anchors:
                continue
            yield self.report(
                document,
                link.line,
                link.column,
                self._message(document, fragment),
                end_line=link.end_line,
                end_column=link.end_column,
            )

    @staticmethod
    def _message(document: Document, fragment: str) -> str:
        message = f"no heading on this page has the anchor '#{fragment}'"
        if any(heading.level == 1 and heading.id == fragment for heading in document.headings):
            return message + " (it is the page's h1, and Docusaurus gives h1 headings no anchor)"
        close = difflib.get_close_matches(fragment, list(document.anchors), n=1, cutoff=0.6)
        return message + (f"; did you mean '#{close[0]}'?" if close else "")
