from doclint.diagnostics import Edit, Fix, Severity
from doclint.document import Document
from doclint.rules.base import Example, Examples
from doclint.rules.mdx._hazard_rule import MdxHazardRule
from doclint.rules.mdx._scan import Hazard


class UnclosedVoidTag(MdxHazardRule):
    """An HTML void element written the HTML way (`<br>`, `<img src="...">`) in a file compiled as MDX.

    ## What it does
    Reports `<br>`, `<img>`, `<hr>`, `<input>` and the other void elements when they are neither
    self-closed (`<br />`) nor followed by a closing tag, in files compiled as MDX.

    ## Why it matters
    MDX is JSX: every element must be closed. The compile fails with "Expected a closing tag for
    `<br>` before the end of `paragraph`".

    ## Fix safety
    Self-closing the tag (`<br />`) is safe: it is the same element.
    """

    code = "MDX005"
    name = "unclosed-void-tag"
    family = "mdx"
    severity = Severity.ERROR
    fix_safety = "safe"
    hazard_kind = "void-tag"
    examples = Examples(
        failing=(
            Example.of("Line one<br>line two.\n", path="docs/page.mdx"),
            Example.of('<img src="/img/plot.png" alt="Loss curve">\n', path="docs/page.mdx"),
        ),
        passing=(
            Example.of(
                'Line one<br />line two.\n\n<img src="/img/plot.png" alt="Loss curve" />\n',
                path="docs/page.mdx",
            ),
            Example.of("Line one<br>line two.\n", path="docs/page.md", site={"markdown_format": "detect"}),
        ),
    )

    def message(self, hazard: Hazard) -> str:
        name = hazard.text[1:].split(None, 1)[0].rstrip(">")
        return (
            f'<{name}> is never closed: MDX needs every element closed, and the compile fails ("Expected a closing '
            f'tag for `<{name}>`"); write it self-closing, <{name} />'
        )

    def fix(self, document: Document, hazard: Hazard) -> Fix | None:
        line, column = document.source.position(hazard.end - 1)
        body = hazard.text[:-1]
        replacement = " />" if not body.endswith(" ") else "/>"
        return self.make_fix("self-close the element", Edit(line, column, line, column + 1, replacement))
