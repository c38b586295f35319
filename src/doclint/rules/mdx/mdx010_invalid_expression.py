from doclint.diagnostics import Edit, Fix, Severity
from doclint.document import Document
from doclint.rules.base import Example, Examples
from doclint.rules.mdx._hazard_rule import MdxHazardRule
from doclint.rules.mdx._scan import Hazard


class InvalidExpressionInMdx(MdxHazardRule):
    """Braces around text that is not a JavaScript expression, in a file compiled as MDX.

    ## What it does
    Reports `{...}` outside code whose content cannot be a JavaScript expression, recognised by its
    shape: words side by side (`{a b}`), a quote that closes nothing (`{it's}`), an object literal or
    label without parentheses (`{key: value}`, `{"a": 1}`), a bare spread or ellipsis (`{...}`).
    Comments (`{/* ... */}`) are fine; other expressions are not judged.

    ## Why it matters
    In MDX `{` starts a JavaScript expression, and this one does not parse: the compile fails with
    "Could not parse expression with acorn".

    ## Fix safety
    Escaping the opening brace (`\\{`) turns the braces into text, which prose meant; marked unsafe
    because an author who wanted an expression needs to correct it instead.
    """

    code = "MDX010"
    name = "invalid-expression-in-mdx"
    family = "mdx"
    severity = Severity.ERROR
    fix_safety = "unsafe"
    hazard_kind = "invalid-expression"
    examples = Examples(
        failing=(
            Example.of("Pick {one of these} options.\n", path="docs/page.mdx"),
            Example.of("Pass {key: value} pairs.\n", path="docs/page.mdx"),
        ),
        passing=(
            Example.of(
                "Pick \\{one of these} options, {/* note */}, {['a', 'b'].join(', ')}.\n",
                path="docs/page.mdx",
            ),
            Example.of(
                "Pick {one of these} options.\n", path="docs/page.md", site={"markdown_format": "detect"}
            ),
        ),
    )

    def message(self, hazard: Hazard) -> str:
        return (
            f"'{hazard.text[:40]}' is not a JavaScript expression, and in MDX braces hold one: the compile fails "
            "(\"Could not parse expression with acorn\"); escape the brace as '\\{' or put the text in code"
        )

    def fix(self, document: Document, hazard: Hazard) -> Fix | None:
        line, column = document.source.position(hazard.start)
        return self.make_fix("escape the brace", Edit(line, column, line, column + 1, "\\{"))
