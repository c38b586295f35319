from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class MermaidUnknownDiagramType(DocumentRule):
    """A mermaid block whose first line names no diagram type.

    ## What it does
    Reports a ```` ```mermaid ```` block whose first statement (after front matter, `%%{init}%%`
    directives and `%%` comments) is not a diagram type mermaid knows, such as `grpah TD` or
    `sequenceDiagam`, or a type the site's mermaid version does not have (`usecase-beta` before mermaid 12;
    set `[site] mermaid-version`).

    ## Why it matters
    Docusaurus renders mermaid in the reader's browser: the build succeeds and readers see an error box
    ("No diagram type detected") instead of the diagram.
    """

    code = "MER001"
    name = "mermaid-unknown-diagram-type"
    family = "mermaid"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of("```mermaid\ngrpah TD\n  A --> B\n```\n"),
            Example.of("```mermaid\nusecase-beta\n  actor Reader\n```\n", site={"mermaid_version": 11}),
        ),
        passing=(
            Example.of("```mermaid\n%% the pipeline\ngraph TD\n  A --> B\n```\n"),
            Example.of("```mermaid\nusecase-beta\n  actor Reader\n```\n", site={"mermaid_version": 12}),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        from doclint.mermaid import TYPES_SINCE_12
        from doclint.mermaid.detect import detect_type
        from doclint.mermaid.preprocess import preprocess

        for fence in document.fences:
            if fence.language != "mermaid":
                continue
            prepared = preprocess(fence.content)
            detected = detect_type(prepared.text)
            if context.settings.mermaid_version < 12 and detected in TYPES_SINCE_12:
                detected = None
            if prepared.front_matter_error or detected is not None:
                continue
            first = prepared.text.strip().split("\n", 1)[0][:40]
            offset = prepared.source_line(1) or 1
            yield self.report(
                document,
                fence.content_line + offset - 1,
                1,
                f"mermaid diagram type not recognised: '{first}'" if first else "mermaid block is empty",
            )
