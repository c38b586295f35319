from doclint.diagnostics import Severity
from doclint.rules.base import Example, Examples
from doclint.rules.links._scan import BROKEN_URL, LinkFindingRule


class BrokenUrlLink(LinkFindingRule):
    """A URL-path link (`/docs/intro`, `../intro`, `intro#part`) that matches no doc route.

    ## What it does
    Resolves the link against the URL of the page it is on (as a browser and Docusaurus's route checker
    do: trailing slashes and category index pages matter) and matches it against the routes that doc
    ids, `slug` front matter, number prefixes, category index conventions, versions and `routeBasePath`
    produce. Only paths owned by a docs plugin are judged: blog posts, pages, tag and generated-index
    pages are left alone. Also reports a missing linked file (`./data.csv`, `@site/file.pdf`).

    ## Why it matters
    The route checker reports the link after the build and, by default (`onBrokenLinks: 'throw'`), the
    build fails.
    """

    code = BROKEN_URL
    name = "broken-url-link"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example(
                {
                    "docs/intro.md": "# Intro\n\nSee [training](/docs/trainig).\n",
                    "docs/training.md": "# Training\n",
                }
            ),
            Example(
                {
                    "docs/intro.md": "# Intro\n\nSee [training](01-part/02-training).\n",
                    "docs/01-part/02-training.md": "# Training\n",
                },
                description="a file path without extension is a URL",
            ),
        ),
        passing=(
            Example(
                {
                    "docs/intro.md": "# Intro\n\n[a](/docs/part/training) [b](part/training#data) [c](/blog/post)\n",
                    "docs/01-part/02-training.md": "# Training\n\n## Data\n",
                }
            ),
        ),
    )
