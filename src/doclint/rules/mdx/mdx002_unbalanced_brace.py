from doclint.diagnostics import Fix, Severity
from doclint.document import Document
from doclint.rules.base import Example, Examples
from doclint.rules.mdx._hazard_rule import MdxHazardRule
from doclint.rules.mdx._scan import Hazard


class UnbalancedBraceInMdx(MdxHazardRule):
    """A `{` that no `}` closes, in a file compiled as MDX.

    ## What it does
    Reports a `{` outside code with no matching `}` before the end of its paragraph (braces are
    matched the way JavaScript reads them: strings and comments count). `\\{` is fine.

    ## Why it matters
    In MDX `{` opens a JavaScript expression: the compile fails with "Unexpected end of file in
    expression, expected a corresponding closing brace for `{`".

    ## Fix safety
    Escaping the brace as `\\{` makes it literal text, which is what prose meant; the fix is marked
    unsafe because an expression that lost its closing brace would rather need the brace added.
    """

    code = "MDX002"
    name = "unbalanced-brace"
    family = "mdx"
    severity = Severity.ERROR
    fix_safety = "unsafe"
    hazard_kind = "unbalanced-brace"
    examples = Examples(
        failing=(Example.of("A set { a, b of letters.\n", path="docs/page.mdx"),),
        passing=(
            Example.of("A set \\{ a, b of letters; a closing } alone is text.\n", path="docs/page.mdx"),
            Example.of("A set { a, b of letters.\n", path="docs/page.md", site={"markdown_format": "detect"}),
            Example.of("`{ a, b`\n", path="docs/page.mdx"),
        ),
    )

    def message(self, hazard: Hazard) -> str:
        return "'{' opens a JavaScript expression in MDX and nothing closes it: the compile fails; escape it as '\\{'"

    def fix(self, document: Document, hazard: Hazard) -> Fix | None:
        return self.replace_hazard(document, hazard, "\\{", "escape the brace")
