from doclint.diagnostics import Edit, Fix, Severity
from doclint.document import Document
from doclint.rules.base import Example, Examples
from doclint.rules.mdx._hazard_rule import MdxHazardRule
from doclint.rules.mdx._scan import Hazard


class LessThanInMdx(MdxHazardRule):
    """A `<` that MDX reads as the start of a JSX tag that is not one.

    ## What it does
    Reports, in files compiled as MDX, a `<` outside code followed by a character that cannot start
    a tag name (`x <5`, `a <= b`, `a <- b`, `<#`) or by a name that never becomes a tag (`a <b` with
    no `>`). `x < 5`, with a space, is text and fine.

    ## Why it matters
    The compile fails: "Unexpected character `5` (U+0035) before name, expected a character that can
    start a name".

    ## Fix safety
    Escaping the `<` as `\\<` is safe: the page then shows the `<` the author wrote.
    """

    code = "MDX004"
    name = "less-than-in-mdx"
    family = "mdx"
    severity = Severity.ERROR
    fix_safety = "safe"
    hazard_kind = "bad-less-than"
    examples = Examples(
        failing=(
            Example.of("Latency stays <5 ms.\n", path="docs/page.mdx"),
            Example.of("Use a <= b here.\n", path="docs/page.mdx"),
        ),
        passing=(
            Example.of("Latency stays < 5 ms, or \\<5 ms, or `<5` ms; a -> b => c.\n", path="docs/page.mdx"),
            Example.of("Latency stays <5 ms.\n", path="docs/page.md", site={"markdown_format": "detect"}),
        ),
    )

    def message(self, hazard: Hazard) -> str:
        shown = hazard.text.split("\n")[0][:30]
        if hazard.detail:
            return (
                f"'{shown}' starts a JSX tag <{hazard.detail}> that never ends with '>': the MDX compile fails; "
                "escape the '<' as '\\<' or put the text in code"
            )
        return (
            f"'{shown}': in MDX '<' starts a JSX tag and must be followed by a tag name: the compile fails; "
            "escape it as '\\<' or write a space after it"
        )

    def fix(self, document: Document, hazard: Hazard) -> Fix | None:
        line, column = document.source.position(hazard.start)
        return self.make_fix("escape the '<'", Edit(line, column, line, column + 1, "\\<"))
