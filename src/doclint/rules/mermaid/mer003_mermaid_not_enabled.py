from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class MermaidNotEnabled(DocumentRule):
    """A mermaid block in a site that does not render mermaid.

    ## What it does
    Reports ```` ```mermaid ```` blocks when the site's configuration does not enable mermaid
    (`markdown.mermaid: true` and the `@docusaurus/theme-mermaid` theme). Without a Docusaurus config or a
    `[site] mermaid` setting doclint cannot know, and stays silent.

    ## Why it matters
    Without them Docusaurus shows the diagram's source as an ordinary code block.
    """

    code = "MER003"
    name = "mermaid-not-enabled"
    family = "mermaid"
    severity = Severity.WARNING
    examples = Examples(
        failing=(Example.of("```mermaid\ngraph TD\n  A --> B\n```\n", site={"mermaid": False}),),
        passing=(Example.of("```mermaid\ngraph TD\n  A --> B\n```\n", site={"mermaid": True}),),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if context.settings.mermaid is not False or document.path.suffix.lower() in (".mmd", ".mermaid"):
            return
        for fence in document.fences:
            if fence.language == "mermaid":
                yield self.report(
                    document,
                    fence.line,
                    1,
                    "this site does not enable mermaid (markdown.mermaid and @docusaurus/theme-mermaid): "
                    "Docusaurus shows the diagram's source as a code block",
                )
