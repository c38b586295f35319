from doclint.diagnostics import Severity
from doclint.rules.base import Example, Examples
from doclint.rules.mdx._hazard_rule import MdxHazardRule
from doclint.rules.mdx._scan import Hazard


class UndefinedNameInMdx(MdxHazardRule):
    """An expression like `{name}` that reads a name the page never defines.

    ## What it does
    Reports expressions that are just a name or a member chain (`{foo}`, `{site.title}`) whose first
    name is not imported or exported by the page, not `props` and not a JavaScript global, in files
    compiled as MDX. Other expressions are not judged.

    ## Why it matters
    The page compiles, then static site generation fails with a ReferenceError ("static site
    generation failed for 1 paths"), late in the build. Usually the braces were meant literally
    (`{id}` in a URL pattern) and should be escaped as `\\{id}` or put in code.
    """

    code = "MDX003"
    name = "undefined-name-in-expression"
    family = "mdx"
    severity = Severity.WARNING
    hazard_kind = "free-name"
    examples = Examples(
        failing=(Example.of("Call `GET /users/` with {userId}.\n", path="docs/page.mdx"),),
        passing=(
            Example.of(
                "import {version} from '@site/versions';\n\nVersion {version}, by {props.author}, {/* note */}.\n",
                path="docs/page.mdx",
            ),
            Example.of(
                "export const limit = 3;\n\nAt most {limit} items; `{userId}` in code.\n",
                path="docs/page.mdx",
            ),
        ),
    )

    def message(self, hazard: Hazard) -> str:
        return (
            f"'{hazard.text}' reads '{hazard.detail}', which this page neither imports nor exports: it compiles, "
            "then static site generation fails with a ReferenceError; escape the brace as '\\{' if it is text"
        )
