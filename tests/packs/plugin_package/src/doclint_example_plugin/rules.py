"""The plugin's rules. doclint collects every Rule subclass with a code defined in this module."""

from __future__ import annotations

import re
from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext

_MARKER = re.compile(r"\b(?:TODO|FIXME|XXX)\b")


class TodoMarker(DocumentRule):
    """A TODO, FIXME or XXX marker left in published prose.

    ## What it does
    Reports `TODO`, `FIXME` and `XXX` in the text of a page (code blocks and inline code are not read).

    ## Why it matters
    A marker is a note to the author; published, it tells the reader the page is unfinished.
    """

    code = "EXP001"
    name = "todo-marker"
    family = "example"
    severity = Severity.WARNING
    examples = Examples(
        failing=(Example.of("# Scaling\n\nTODO: add the Chinchilla numbers.\n"),),
        passing=(
            Example.of("# Scaling\n\nThe numbers are below.\n\n```python\n# TODO in code is fine\n```\n"),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        for match in _MARKER.finditer(document.masked_text):
            line, column = document.source.position(match.start())
            yield self.report(
                document,
                line,
                column,
                f"'{match.group()}' left in the page: finish the section or remove the marker",
                end_column=column + len(match.group()),
            )
