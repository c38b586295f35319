from doclint.diagnostics import Severity
from doclint.rules.base import Example, Examples
from doclint.rules.mdx._hazard_rule import MdxHazardRule
from doclint.rules.mdx._scan import Hazard


class MismatchedTagInMdx(MdxHazardRule):
    """A JSX/HTML tag that is closed by the wrong tag, or never closed, in a file compiled as MDX.

    ## What it does
    Reports, in files compiled as MDX, closing tags that do not match the open element (`<b>x</i>`,
    `</Foo>` for `<foo>`: names are case-sensitive), closing tags with nothing open, and elements
    never closed. Tags amid text must close in the same paragraph (and list item); tags alone on
    their lines may wrap several blocks (`<details>` ... `</details>`). Void elements such as `<br>`
    are MDX005's.

    ## Why it matters
    The compile fails: "Unexpected closing tag `</i>`, expected corresponding closing tag for `<b>`",
    or "Expected a closing tag for `<div>`". A generic type in prose (`Array<string>`) is a common
    cause: put it in code.
    """

    code = "MDX008"
    name = "mismatched-tag-in-mdx"
    family = "mdx"
    severity = Severity.ERROR
    hazard_kind = "mismatched-tag"
    examples = Examples(
        failing=(
            Example.of("Some <b>bold</i> text.\n", path="docs/page.mdx"),
            Example.of("Returns an Array<string> of tokens.\n", path="docs/page.mdx"),
            Example.of("<div>\n\nText.\n", path="docs/page.mdx"),
        ),
        passing=(
            Example.of(
                "<details>\n<summary><strong>Why?</strong></summary>\n\nBecause.\n\n</details>\n\n"
                "Returns an `Array<string>`.\n",
                path="docs/page.mdx",
            ),
            Example.of("Some <b>bold</i> text.\n", path="docs/page.md", site={"markdown_format": "detect"}),
        ),
    )

    def message(self, hazard: Hazard) -> str:
        tag = hazard.text.split("\n")[0][:40]
        if hazard.text.startswith("</"):
            if hazard.detail == "no open tag here":
                return f"closing tag {tag} closes nothing open here (tags amid text close within their paragraph): the MDX compile fails"
            return f"closing tag {tag} does not match the open element (expected {hazard.detail}): the MDX compile fails"
        return f'{tag} is never closed {hazard.detail}: the MDX compile fails ("Expected a closing tag")'
