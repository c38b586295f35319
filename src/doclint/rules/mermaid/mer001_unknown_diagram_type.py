from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class MermaidUnknownDiagramType(DocumentRule):
    """A mermaid block whose first line names no diagram type.

    ## What it does
    Reports a ```` ```mermaid ```` block whose first statement (after front matter, `%%{init}%%`
    directives and `%%` comments) is not a diagram type mermaid knows, such as `grpah TD` or
    `sequenceDiagam`.

    ## Why it matters
    Docusaurus renders mermaid in the reader's browser: the build succeeds and readers see an error box
    ("No diagram type detected") instead of the diagram.
    """

    code = "MER001"
    name = "mermaid-unknown-diagram-type"
    family = "mermaid"
    severity = Severity.ERROR
    examples = Examples(
        failing=(Example.of("```mermaid\ngrpah TD\n  A --> B\n```\n"),),
        passing=(Example.of("```mermaid\n%% the pipeline\ngraph TD\n  A --> B\n```\n"),),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        from doclint.mermaid.detect import detect_type
        from doclint.mermaid.preprocess import preprocess

        for fence in document.fences:
            if fence.language != "mermaid":
                continue
            prepared = preprocess(fence.content)
            if prepared.front_matter_error or detect_type(prepared.text) is not None:
                continue
            first = prepared.text.strip().split("\n", 1)[0][:40]
            offset = prepared.source_line(1) or 1
            yield self.report(
                document,
                fence.content_line + offset - 1,
                1,
                f"mermaid diagram type not recognised: '{first}'" if first else "mermaid block is empty",
            )
