from doclint.diagnostics import Fix, Severity
from doclint.document import Document
from doclint.rules.base import Example, Examples
from doclint.rules.mdx._hazard_rule import MdxHazardRule
from doclint.rules.mdx._scan import Hazard
from doclint.site import Mdx1Compat

V4_COMPAT = Mdx1Compat(comments=False, admonitions=False, heading_ids=False)


class HtmlCommentInMdx(MdxHazardRule):
    """An HTML comment in a file compiled as MDX, with `mdx1Compat.comments` off.

    ## What it does
    Reports `<!-- ... -->` outside code in files compiled as MDX when the site turns
    `markdown.mdx1Compat.comments` off (as `future: {v4: true}` does). With the Docusaurus 3
    default (on) HTML comments are accepted and nothing is reported.

    ## Why it matters
    MDX has no HTML comments: the compile fails with "Unexpected character `!` (U+0021) before
    name", and the build stops.

    ## Fix safety
    Rewriting the comment as an MDX comment `{/* ... */}` is safe: both render nothing. Comments
    containing `*/` get no fix.
    """

    code = "MDX001"
    name = "html-comment-in-mdx"
    family = "mdx"
    severity = Severity.ERROR
    fix_safety = "safe"
    hazard_kind = "comment"
    examples = Examples(
        failing=(
            Example.of(
                "Text <!-- todo: expand --> here.\n", path="docs/page.mdx", site={"mdx1_compat": V4_COMPAT}
            ),
        ),
        passing=(
            Example.of("Text <!-- todo: expand --> here.\n", path="docs/page.mdx"),
            Example.of(
                "Text {/* todo: expand */} here.\n", path="docs/page.mdx", site={"mdx1_compat": V4_COMPAT}
            ),
            Example.of("`<!-- code -->`\n", path="docs/page.mdx", site={"mdx1_compat": V4_COMPAT}),
        ),
    )

    def message(self, hazard: Hazard) -> str:
        return (
            'HTML comment in MDX with mdx1Compat.comments off: the compile fails ("Unexpected character `!` '
            'before name"); use {/* ... */}'
        )

    def fix(self, document: Document, hazard: Hazard) -> Fix | None:
        body = hazard.text[4:-3] if hazard.text.endswith("-->") else None
        if body is None or "*/" in body:
            return None
        return self.replace_hazard(
            document, hazard, "{/*" + body + "*/}", "turn the HTML comment into an MDX comment"
        )
