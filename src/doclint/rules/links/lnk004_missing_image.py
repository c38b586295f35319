from doclint.diagnostics import Severity
from doclint.rules.base import Example, Examples
from doclint.rules.links._scan import MISSING_IMAGE, LinkFindingRule


class MissingImage(LinkFindingRule):
    """A Markdown image whose local file does not exist.

    ## What it does
    Looks the image up as Docusaurus's `transformImage` does: relative to the file, in the static
    directories for `/img/x.png`, in the site folder for `@site/…`. `pathname://` and external URLs are
    not checked. When a static directory is missing from disk altogether (a checkout without assets),
    images under it are skipped rather than all reported.

    ## Why it matters
    Docusaurus fails the build on a missing local image (`markdown.hooks.onBrokenMarkdownImages`
    defaults to `'throw'`).
    """

    code = MISSING_IMAGE
    name = "missing-image"
    severity = Severity.ERROR
    examples = Examples(
        failing=(Example.of("# Intro\n\n![Loss curve](./img/loss.png)\n"),),
        passing=(
            Example(
                {
                    "docs/intro.md": "# Intro\n\n![Loss](./img/loss.png) ![Logo](/img/logo.svg) ![x](pathname:///y.png)\n",
                    "docs/img/loss.png": b"\x89PNG",
                    "static/img/logo.svg": "<svg/>",
                }
            ),
        ),
    )
