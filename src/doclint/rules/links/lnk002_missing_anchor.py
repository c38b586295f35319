from doclint.diagnostics import Severity
from doclint.rules.base import Example, Examples
from doclint.rules.links._scan import MISSING_ANCHOR, LinkFindingRule


class MissingAnchor(LinkFindingRule):
    """A `#fragment` that the target page does not register as an anchor.

    ## What it does
    Checks the fragment of same-page links (`#x`), file links (`./other.md#x`) and URL links
    (`/docs/other#x`) against the anchors Docusaurus registers for the target page: heading ids of h2 to
    h6 (github-slugger, in document order, the h1 consuming a slug), explicit `{#id}`, `{/* #id */}` in
    MDX, `<!-- #id -->` where it applies, footnote ids, `<Link id>`, and the headings of imported
    partials. The h1, admonition ids and raw `<a id>`/`<div id>` are not anchors. The comparison is
    case-sensitive, on the URL-decoded fragment.

    ## Why it matters
    The page opens at the top instead of the section. Docusaurus reports broken anchors after a
    production build (`onBrokenAnchors`, a warning by default, an error on sites that set it to throw).

    ## Fix safety
    The fix replaces the fragment with the closest existing anchor; unsafe, as the guess may be wrong.
    """

    code = MISSING_ANCHOR
    name = "missing-anchor"
    severity = Severity.ERROR
    fix_safety = "unsafe"
    examples = Examples(
        failing=(
            Example.of("# Intro\n\n## Scaling laws\n\nSee [below](#scaling-law).\n"),
            Example.of("# Intro\n\nSee [the title](#intro).\n", description="h1 ids are not anchors"),
            Example(
                {
                    "docs/a.md": "# A\n\nSee [setup](./b.md#setup-install-steps).\n",
                    "docs/b.md": "# B\n\n## Setup {#install-steps}\n",
                },
                description="an explicit id replaces the slug",
            ),
        ),
        passing=(
            Example.of("# Intro\n\n## Scaling laws {#laws}\n\nSee [below](#laws) and [top](#).\n"),
            Example(
                {
                    "docs/a.mdx": "# A\n\n[1](./b.mdx#other-id) [2](./b.mdx#uses-code--symbols) [3](/docs/b#install)\n",
                    "docs/b.mdx": "# B\n\n## Other {/* #other-id */}\n\n## Uses `code` & symbols!\n\n## Install\n",
                },
            ),
        ),
    )
