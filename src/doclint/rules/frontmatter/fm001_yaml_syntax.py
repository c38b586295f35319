from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext


class FrontMatterYamlSyntax(DocumentRule):
    """Front matter that Docusaurus cannot read as YAML.

    ## What it does
    Reports front matter that is not valid YAML, at the line and column of the error: syntax errors,
    front matter opened with `---` but never closed, YAML tags that construct objects, alias bombs,
    and front matter that is not a mapping of keys to values.

    ## Why it matters
    Docusaurus parses front matter with js-yaml and fails the whole build on the first error, minutes
    into it, one file at a time.
    """

    code = "FM001"
    name = "front-matter-yaml-syntax"
    family = "frontmatter"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of("---\ntitle: [Unclosed\n---\n\n# Title\n"),
            Example.of("---\ntitle: Never closed\n\n# Title\n"),
        ),
        passing=(
            Example.of("---\ntitle: 'LLM Deep Dive: Scaling Laws'\nkeywords: [scaling]\n---\n\n# Title\n"),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if document.front_matter is None:
            return
        for problem in document.front_matter.problems:
            if problem.kind == "syntax":
                yield self.report(
                    document, problem.line, problem.column, f"{problem.message}: Docusaurus fails the build"
                )
            elif problem.kind != "duplicate-key":
                yield self.report(document, problem.line, problem.column, problem.message)
