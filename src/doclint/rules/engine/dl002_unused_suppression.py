from doclint.diagnostics import Severity
from doclint.rules.base import EngineRule, Example, Examples


class UnusedSuppression(EngineRule):
    """A suppression comment that suppresses nothing.

    ## What it does
    Reports a `doclint-disable…` comment under which no diagnostic of the named rules was found.

    ## Why it matters
    Stale suppressions hide future problems: once the original finding is fixed, the comment keeps
    silencing whatever appears there next. Delete it.
    """

    code = "DL002"
    name = "unused-suppression"
    family = "engine"
    severity = Severity.WARNING
    examples = Examples(
        failing=(Example.of("{/* doclint-disable-next-line LNK001 */}\nNothing broken here.\n"),),
        passing=(Example.of("{/* doclint-disable-next-line LNK001 */}\n[Gone](./gone.md)\n"),),
    )
