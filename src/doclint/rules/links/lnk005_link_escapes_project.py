from doclint.diagnostics import Severity
from doclint.rules.base import Example, Examples
from doclint.rules.links._scan import ESCAPES, LinkFindingRule


class LinkEscapesProject(LinkFindingRule):
    """A link or image whose resolved path leaves the project.

    ## What it does
    Reports a local link whose target, once `..` segments are resolved, is outside the project (the
    site folder and its docs folders). doclint never opens such a target.

    ## Why it matters
    Docusaurus cannot serve a file outside the site; in a shared checkout such a link may also point at
    something private.
    """

    code = ESCAPES
    name = "link-escapes-project"
    severity = Severity.ERROR
    examples = Examples(
        failing=(Example.of("# Intro\n\n[secret](../../../../../../etc/passwd.md)\n"),),
        passing=(Example.of("# Intro\n\n[home](../README.md) is inside the project.\n"),),
    )
