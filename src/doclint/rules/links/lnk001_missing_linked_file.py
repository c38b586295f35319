from doclint.diagnostics import Severity
from doclint.rules.base import Example, Examples
from doclint.rules.links._scan import MISSING_FILE, LinkFindingRule


class BrokenMarkdownLink(LinkFindingRule):
    """A link to a `.md`/`.mdx` file that is not a doc of the same docs plugin.

    ## What it does
    Resolves `[text](./chapter.md)`, reference definitions, `/chapter.md` (docs folder, then site folder),
    `@site/…` and bare `chapter.md` links exactly as Docusaurus's `resolveMarkdownLinks` does, and reports
    those that name no file, a `_partial` file, a blog post, a file outside the docs folder or a doc of
    another docs plugin. The message names the closest existing doc. Links in code and raw HTML are not
    links for Docusaurus and are not checked.

    When only some files are checked (a pre-commit run), broken links in other files are reported too
    when they are about a checked file: the file the missing target most likely became (a rename).

    ## Why it matters
    Docusaurus leaves the link unresolved (`onBrokenMarkdownLinks`, a warning by default) and its route
    checker then reports it as a broken link, which fails the build by default (`onBrokenLinks: 'throw'`).

    ## Fix safety
    The fix replaces the target with the suggested doc; it is unsafe because the suggestion is a guess.
    """

    code = MISSING_FILE
    name = "missing-linked-file"
    severity = Severity.ERROR
    fix_safety = "unsafe"
    examples = Examples(
        failing=(
            Example.of("# Intro\n\nNext: [Training](./training.md).\n"),
            Example(
                {"docs/intro.md": "# Intro\n\nSee [the notes](./_notes.md).\n", "docs/_notes.md": "Notes\n"},
                description="a partial is not a page",
            ),
        ),
        passing=(
            Example(
                {
                    "docs/intro.md": "# Intro\n\nNext: [Training](./01-part/02-training.md#data) and [x][ref].\n\n"
                    "[ref]: /01-part/02-training.md\n\n```md\n[no](./nothing.md)\n```\n",
                    "docs/01-part/02-training.md": "# Training\n\n## Data\n",
                }
            ),
        ),
    )
