from __future__ import annotations

from typing import TYPE_CHECKING

from doclint.diagnostics import Edit, Fix, Severity
from doclint.rules.base import EngineRule, Example, Examples

if TYPE_CHECKING:
    from doclint.document import Document
    from doclint.suppression import Suppression


class UnusedSuppression(EngineRule):
    """A suppression comment that suppresses nothing.

    ## What it does
    Reports a `doclint-disable…` comment under which no diagnostic of the named rules was found.

    ## Why it matters
    Stale suppressions hide future problems: once the original finding is fixed, the comment keeps
    silencing whatever appears there next. Delete it.

    ## Fix safety
    Safe: the fix deletes the comment. A comment renders nothing (MDX comments never do, and HTML comments
    are dropped while `mdx1Compat.comments` is on, or are invisible in the HTML), so the page reads the
    same. A comment alone on its lines goes with its lines; between two lines of text it leaves a blank
    line, because Docusaurus ends a paragraph at such a comment and the blank line keeps them apart.
    The front matter form (`doclint: {ignore: [...]}`) is not fixed.
    """

    code = "DL002"
    name = "unused-suppression"
    family = "engine"
    severity = Severity.WARNING
    fix_safety = "safe"
    examples = Examples(
        failing=(
            Example.of("{/* doclint-disable-next-line LNK001 */}\nNothing broken here.\n"),
            Example.of("Intro.\n\n{/* doclint-disable-next-line LNK001 */}\nNothing broken here.\n"),
            Example.of("Intro.\n{/* doclint-disable-next-line LNK001 */}\nNothing broken here.\n"),
            Example.of("Nothing broken here. {/* doclint-disable-line LNK001 */}\n"),
            Example.of(
                "Intro.\n<!-- doclint-disable-next-line LNK001 -->\nNothing broken here.\n",
                path="docs/example.md",
                site={"markdown_format": "md"},
            ),
        ),
        passing=(Example.of("{/* doclint-disable-next-line LNK001 */}\n[Gone](./gone.md)\n"),),
    )


def removal_fix(document: Document, entry: Suppression) -> Fix | None:
    """Delete an unused suppression comment (see the rule's "Fix safety")."""
    if entry.end_column < 1:
        return None
    source = document.source
    before = source.line(entry.line)[: entry.column - 1]
    after = source.line(entry.end_line)[entry.end_column - 1 :]
    description = "delete the unused suppression comment"
    if before.strip() or after.strip():
        start, end = entry.column, entry.end_column
        if before.endswith((" ", "\t")):
            start -= 1
        elif after.startswith((" ", "\t")):
            end += 1
        return Fix((Edit(entry.line, start, entry.end_line, end, ""),), "safe", description)
    end_of_comment_lines = Edit(entry.line, 1, entry.end_line, len(source.line(entry.end_line)) + 1, "")
    if source.line(entry.line - 1).strip() and source.line(entry.end_line + 1).strip():
        return Fix(
            (end_of_comment_lines,), "safe", description
        )  # the now-blank line keeps the paragraphs apart
    if entry.end_line < source.line_count:
        return Fix((Edit(entry.line, 1, entry.end_line + 1, 1, ""),), "safe", description)
    return Fix((end_of_comment_lines,), "safe", description)
