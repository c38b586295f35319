import re
from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext

_UNESCAPED_BRACE = re.compile(r"(?<!\\)\{(?!/\*)")


class BraceInAdmonitionTitle(DocumentRule):
    """A `{` in an admonition title of a file compiled as MDX.

    ## What it does
    Reports admonition titles (`:::tip[Use {curly}]`, or a legacy `:::tip Use {curly}` that the
    pre-pass turns into one) that contain an unescaped `{` in files compiled as MDX. `\\{` and
    `{/* comments */}` are fine; files compiled as CommonMark are not checked.

    ## Why it matters
    In MDX the label is parsed as Markdown with JavaScript expressions: `{curly}` compiles and then
    fails static site generation with a ReferenceError, and anything that is not an expression
    (`{.x}`, `{a b}`) fails the compile ("Could not parse expression with acorn").
    """

    code = "ADM007"
    name = "brace-in-admonition-title"
    family = "admonitions"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example.of(":::tip[Use {curly} braces]\nBody.\n:::\n", path="docs/page.mdx"),
            Example.of(":::note {.x}\nBody.\n:::\n", path="docs/page.mdx"),
        ),
        passing=(
            Example.of(":::tip[Use \\{curly\\} braces]\nBody.\n:::\n", path="docs/page.mdx"),
            Example.of(":::tip[Use {curly} braces]\nBody.\n:::\n", site={"markdown_format": "md"}),
            Example.of(":::tip[Title]{.wide}\nBody.\n:::\n", path="docs/page.mdx"),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not document.is_mdx:
            return
        for directive in document.directives:
            if not directive.label or not _UNESCAPED_BRACE.search(directive.label):
                continue
            line_text = document.line(directive.line)
            brace = line_text.find("{", directive.column - 1)
            column = brace + 1 if brace >= 0 else directive.column
            yield self.report(
                document,
                directive.line,
                column,
                f"'{{' in the title of ':::{directive.name}' starts a JavaScript expression in MDX: a name fails "
                "static site generation (ReferenceError), anything else fails the compile; escape it as '\\{'",
            )
