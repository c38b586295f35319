import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from doclint.diagnostics import Diagnostic, Edit, Severity
from doclint.document import Document
from doclint.files import resolved_file
from doclint.rules.admonitions._fences import closer_lines, opener_lines
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext

_BLOCK_QUOTE = re.compile(r"^(?:[ \t]*>)+")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
# lines that start a block of their own: Prettier never joins them with a fence
PRETTIER_CONFIGS = (
    ".prettierrc",
    ".prettierrc.json",
    ".prettierrc.yml",
    ".prettierrc.yaml",
    ".prettierrc.json5",
    ".prettierrc.js",
    ".prettierrc.cjs",
    ".prettierrc.mjs",
    ".prettierrc.toml",
    "prettier.config.js",
    "prettier.config.cjs",
    "prettier.config.mjs",
    "prettier.config.ts",
)
_BLOCK_START = re.compile(
    r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|#{1,6}(?:[ \t]|$)|```|~~~|<|\||---|\*\*\*)"
)


class AdmonitionFenceNeedsBlankLines(DocumentRule):
    """An admonition fence written directly against a line of text.

    ## What it does
    Reports `:::` opening and closing fences (also in list items and block quotes) that touch a line
    of text above or below instead of a blank line. Fences next to other fences are fine (nested
    admonitions). Only projects formatted with Prettier are checked: option `prettier` is `"auto"`
    (a Prettier configuration file, or `prettier` in a `package.json`, in the file's folder or one
    above it, up to the repository root), `true` or `false`.

    ## Why it matters
    Docusaurus itself parses these, but Prettier reads the fence and the adjacent text as one
    paragraph and may reflow it into `::: note Hello:::`, and the admonition is gone after the next
    format. The Docusaurus docs ("Usage with Prettier") ask for blank lines around fences for this
    reason.

    ## Fix safety
    Inserting blank lines (with the block quote's `>` where there is one) is safe: Docusaurus
    parses the admonition the same way with them.
    """

    code = "ADM008"
    name = "admonition-fence-needs-blank-lines"
    family = "admonitions"
    severity = Severity.WARNING
    fix_safety = "safe"
    default_options: Mapping[str, Any] = {"prettier": "auto"}
    examples = Examples(
        failing=(
            Example({"docs/page.md": ":::note\nBody.\n:::\n", ".prettierrc": "{}\n"}),
            Example.of("Intro.\n:::note\n\nBody.\n\n:::\nAfter.\n", options={"prettier": True}),
            Example.of("> :::tip\n> Body.\n> :::\n", options={"prettier": True}),
        ),
        passing=(
            Example.of(":::note\n\nBody.\n\n:::\n\nAfter.\n", options={"prettier": True}),
            Example.of("::::info\n\nOuter.\n\n:::tip\n\nInner.\n\n:::\n::::\n", options={"prettier": True}),
            Example.of("- Step.\n\n  :::tip\n\n  Body.\n\n  :::\n- Next step.\n", options={"prettier": True}),
            Example.of(":::note\nBody.\n:::\n", description="no Prettier in this project"),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not document.directives:
            return  # most pages: no fence to look around, so no need to look for Prettier on disk
        prettier = context.options.get("prettier", "auto")
        if prettier is False or (
            prettier == "auto" and not uses_prettier(str(resolved_file(document.path).parent))
        ):
            return
        fences = opener_lines(document) | closer_lines(document)
        masked = document.masked_lines
        for number in sorted(fences):
            above = self._touches(masked, number, number - 1, fences)
            below = self._touches(masked, number, number + 1, fences)
            if not (above or below):
                continue
            sides = " and ".join(side for side, touching in (("above", above), ("below", below)) if touching)
            quote = _quote_prefix(document.line(number))
            edits = []
            if above:
                edits.append(Edit(number, 1, number, 1, quote.rstrip() + "\n"))
            if below:
                end = len(document.line(number)) + 1
                edits.append(Edit(number, end, number, end, "\n" + quote.rstrip()))
            fence = document.line(number).strip().lstrip(">").strip()
            yield self.report(
                document,
                number,
                1,
                f"'{fence}' has text directly {sides}: Prettier would join them into one paragraph and "
                "break the admonition; leave a blank line",
                fix=self.make_fix("surround the fence with blank lines", *edits),
            )

    @staticmethod
    def _touches(masked: list[str], number: int, neighbour: int, fences: set[int]) -> bool:
        """Whether the neighbour is paragraph text that Prettier would join with the fence line."""
        if neighbour < 1 or neighbour > len(masked) or neighbour in fences:
            return False
        text = _BLOCK_QUOTE.sub("", masked[neighbour - 1])
        if not text.strip() or _BLOCK_START.match(text):
            return False
        own = _BLOCK_QUOTE.sub("", masked[number - 1])
        return not (neighbour < number and _LIST_ITEM.match(own))  # `- :::note` starts its own block


def _quote_prefix(line: str) -> str:
    prefix = ""
    for char in line:
        if char in "> \t":
            prefix += char
        else:
            break
    return prefix if ">" in prefix else ""


@lru_cache(maxsize=64)
def uses_prettier(directory: str) -> bool:
    """A Prettier configuration (or dependency) in ``directory`` or above it, up to the repository root."""
    folder = Path(directory)
    for candidate in (folder, *folder.parents):
        if any((candidate / name).is_file() for name in PRETTIER_CONFIGS):
            return True
        package = candidate / "package.json"
        try:
            if package.is_file() and '"prettier"' in package.read_text(encoding="utf-8", errors="replace"):
                return True
        except OSError:
            pass
        if (candidate / ".git").exists():
            return False
    return False
