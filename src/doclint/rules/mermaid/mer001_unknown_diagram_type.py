import difflib
from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Edit, Fix, Severity
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

    ## Fix safety
    Unsafe: when the first word is close to exactly one diagram keyword (`grpah` → `graph`), the fix
    replaces it, but only the author knows whether that is the diagram they meant; the rest of the
    diagram is not checked against the new type.
    """

    code = "MER001"
    name = "mermaid-unknown-diagram-type"
    family = "mermaid"
    severity = Severity.ERROR
    fix_safety = "unsafe"
    examples = Examples(
        failing=(
            Example.of("```mermaid\ngrpah TD\n  A --> B\n```\n"),
            Example.of("```mermaid\nusecase-beta\n  actor Reader\n```\n", site={"mermaid_version": 11}),
            Example.of("- step\n\n  ```mermaid\n  sequenceDiagam\n    A->>B: hi\n  ```\n"),
        ),
        passing=(
            Example.of("```mermaid\n%% the pipeline\ngraph TD\n  A --> B\n```\n"),
            Example.of("```mermaid\nusecase-beta\n  actor Reader\n```\n", site={"mermaid_version": 12}),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        diagrams = [fence for fence in document.fences if fence.language == "mermaid"]
        if not diagrams:
            return  # most pages have none: the mermaid package is not even imported
        from doclint.mermaid import TYPES_SINCE_12
        from doclint.mermaid.detect import detect_type
        from doclint.mermaid.preprocess import preprocess

        for fence in diagrams:
            prepared = preprocess(fence.content)
            detected = detect_type(prepared.text)
            if context.settings.mermaid_version < 12 and detected in TYPES_SINCE_12:
                detected = None
            if prepared.front_matter_error or detected is not None:
                continue
            first = prepared.text.strip().split("\n", 1)[0][:40]
            line = fence.content_line + (prepared.source_line(1) or 1) - 1
            message = f"mermaid diagram type not recognised: '{first}'" if first else "mermaid block is empty"
            keyword = _closest_keyword(first.split(maxsplit=1)[0]) if first else None
            if keyword is not None:
                message += f"; did you mean '{keyword}'?"
            yield self.report(document, line, 1, message, fix=self._fix(document, line, first, keyword))

    def _fix(self, document: Document, line: int, first: str, keyword: str | None) -> Fix | None:
        if keyword is None:
            return None
        word = first.split(maxsplit=1)[0]
        column = document.line(line).find(word) + 1
        if column < 1:
            return None
        edit = Edit(line, column, line, column + len(word), keyword)
        return self.make_fix(f"replace '{word}' with '{keyword}'", edit)


# How authors write each diagram type's keyword (mermaid's detectors, spelled in full).
DIAGRAM_KEYWORDS = (
    "graph",
    "flowchart",
    "flowchart-elk",
    "sequenceDiagram",
    "classDiagram",
    "classDiagram-v2",
    "stateDiagram",
    "stateDiagram-v2",
    "erDiagram",
    "gantt",
    "pie",
    "journey",
    "gitGraph",
    "mindmap",
    "timeline",
    "quadrantChart",
    "requirementDiagram",
    "sankey-beta",
    "xychart-beta",
    "block-beta",
    "packet-beta",
    "architecture-beta",
    "kanban",
    "C4Context",
    "C4Container",
    "C4Component",
    "C4Dynamic",
    "C4Deployment",
    "radar-beta",
    "treemap",
    "treeView-beta",
    "venn-beta",
    "wardley-beta",
    "ishikawa",
    "eventmodeling",
    "info",
)


def _closest_keyword(word: str) -> str | None:
    """The one keyword ``word`` is a likely misspelling of, or None when none or several are as close."""
    scored = sorted(
        (
            (difflib.SequenceMatcher(a=word.lower(), b=keyword.lower()).ratio(), keyword)
            for keyword in DIAGRAM_KEYWORDS
        ),
        reverse=True,
    )
    best_score, best = scored[0]
    if best_score < 0.8 or (len(scored) > 1 and scored[1][0] == best_score):
        return None
    return best
