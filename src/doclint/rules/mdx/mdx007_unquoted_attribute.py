from doclint.diagnostics import Fix, Severity
from doclint.document import Document
from doclint.rules.base import Example, Examples
from doclint.rules.mdx._hazard_rule import MdxHazardRule
from doclint.rules.mdx._scan import Hazard


class UnquotedAttributeInMdx(MdxHazardRule):
    """An unquoted attribute value (`<a href=foo>`, `<img width=100>`) in a file compiled as MDX.

    ## What it does
    Reports attribute values written without quotes or braces in tags of files compiled as MDX.

    ## Why it matters
    JSX only accepts `"..."`, `'...'` or `{...}` values: the compile fails with "Unexpected character
    before attribute value".

    ## Fix safety
    Quoting the value is safe: it is the same string.
    """

    code = "MDX007"
    name = "unquoted-attribute-in-mdx"
    family = "mdx"
    severity = Severity.ERROR
    fix_safety = "safe"
    hazard_kind = "unquoted-attribute"
    examples = Examples(
        failing=(Example.of('<a href=intro.md title="x">Intro</a>\n', path="docs/page.mdx"),),
        passing=(
            Example.of("<a href=\"intro.md\" data-x='y' width={100}>Intro</a>\n", path="docs/page.mdx"),
            Example.of(
                "<a href=intro.md>Intro</a>\n", path="docs/page.md", site={"markdown_format": "detect"}
            ),
        ),
    )

    def message(self, hazard: Hazard) -> str:
        return (
            f"unquoted attribute value {hazard.text}: JSX needs \"...\", '...' or {{...}}, and the MDX compile fails; "
            f'write "{hazard.text}"'
        )

    def fix(self, document: Document, hazard: Hazard) -> Fix | None:
        if '"' in hazard.text:
            return None
        return self.replace_hazard(document, hazard, f'"{hazard.text}"', "quote the attribute value")
