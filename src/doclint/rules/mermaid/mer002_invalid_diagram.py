from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class InvalidMermaidDiagram(DocumentRule):
    """A mermaid diagram that mermaid.js would refuse to render.

    ## What it does
    Validates every ```` ```mermaid ```` block (and standalone `.mmd`/`.mermaid` file) in pure Python, the
    way mermaid's own parser does, and reports the first error at its line in the Markdown file.

    ## Why it matters
    Docusaurus renders mermaid in the reader's browser, so a broken diagram builds without a warning
    and readers see an error box instead of the figure.
    """

    code = "MER002"
    name = "invalid-mermaid-diagram"
    family = "mermaid"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of(
                "```mermaid\nerDiagram\n    CHAPTER ||--o{ SECTION : contains\n    CHAPTER {\n        string title\n```\n"
            ),
            Example.of('```mermaid\npie title Tokens\n    "Web" : 60\n    "Code" : -5\n```\n'),
        ),
        passing=(
            Example.of(
                "```mermaid\nerDiagram\n    CHAPTER ||--o{ SECTION : contains\n    CHAPTER {\n        string title\n    }\n```\n"
            ),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        diagrams = [fence for fence in document.fences if fence.language == "mermaid"]
        if not diagrams:
            return  # most pages have none: the mermaid package is not even imported
        from doclint.mermaid import validate

        for fence in diagrams:
            result = validate(fence.content, context.settings.mermaid_version)
            if result.valid or result.diagram_type is None:
                continue  # no diagram type at all is MER001's finding
            offset = result.source_line or 1
            line = min(
                fence.content_line + offset - 1,
                max(fence.end_line - (1 if fence.closed else 0), fence.content_line),
            )
            yield self.report(document, line, 1, f"invalid {result.diagram_type} diagram: {result.message}")
