from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext
from doclint.rules.structure._common import collision_diagnostics


class DuplicateDocId(ProjectRule):
    """Two docs of the same docs version with the same doc id.

    ## What it does
    Computes each doc's id as Docusaurus does (folder path without number prefixes, then the `id` front
    matter or the file name without its number prefix) and reports ids shared by two files of the same
    docs plugin and version, on every file involved.

    ## Why it matters
    Docusaurus stops the build: "The docs plugin found docs sharing the same id".
    """

    code = "STR001"
    name = "duplicate-doc-id"
    family = "structure"
    severity = Severity.ERROR
    reports_beyond_targets = True
    examples = Examples(
        failing=(
            Example({"docs/01-intro.md": "# Intro\n", "docs/02-intro.md": "# Intro again\n"}),
            Example({"docs/a.md": "---\nid: setup\n---\n# A\n", "docs/setup.md": "# Setup\n"}),
        ),
        passing=(Example({"docs/01-intro.md": "# Intro\n", "docs/part/01-intro.md": "# Intro\n"}),),
    )

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        yield from collision_diagnostics(
            self,
            project,
            lambda identity: (*identity.version_key, identity.doc_id),
            "id",
            lambda key, others: (
                f"doc id '{key[-1]}' is also the id of {others}; Docusaurus fails the build (docs "
                "sharing the same id): rename a file or set a distinct `id` in the front matter"
            ),
        )
