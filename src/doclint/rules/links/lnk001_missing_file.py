from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.document import Document
from doclint.rules.base import DocumentRule, Example, Examples, RuleContext

_MARKDOWN_SUFFIXES = (".md", ".mdx")


class MissingLinkedFile(DocumentRule):
    """A relative link to a Markdown file that does not exist.

    ## What it does
    Reports `[text](./chapter.md)` links whose `.md`/`.mdx` target is not on disk, relative to the
    linking file.

    ## Why it matters
    Docusaurus cannot turn the link into the target page's URL: it warns during the build and leaves a
    broken link on the published page, which the route checker then reports (or fails on).
    """

    code = "LNK001"
    name = "missing-linked-file"
    family = "links"
    severity = Severity.ERROR
    pure = False  # looks at the file system
    examples = Examples(
        failing=(Example.of("# Intro\n\nNext: [Training](./training.md).\n"),),
        passing=(
            Example(
                {
                    "docs/intro.md": "# Intro\n\nNext: [Training](./training.md#data).\n",
                    "docs/training.md": "# Training\n\n## Data\n",
                }
            ),
        ),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        base = document.path.parent
        for link in document.links:
            path = link.path
            if link.is_image or not path.lower().endswith(_MARKDOWN_SUFFIXES) or "://" in path or path.startswith("/"):
                continue
            if not (base / path).is_file():
                yield self.report(
                    document,
                    link.line,
                    link.column,
                    f"link target '{path}' does not exist (relative to {document.display_path})",
                    end_line=link.end_line,
                    end_column=link.end_column,
                )
