import difflib
from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext
from doclint.rules.frontmatter._common import key_position

PAGINATION_KEYS = ("pagination_prev", "pagination_next")


class PaginationTargetMissing(ProjectRule):
    """A `pagination_next` / `pagination_prev` front matter value that is no doc id of the site.

    ## What it does
    Reports pagination front matter whose value (a doc id such as `part-1/intro`, compared exactly)
    matches no doc of the same docs root, with the closest id as a suggestion. `null` and an empty
    value, which turn the link off, are fine.

    ## Why it matters
    Docusaurus looks the id up when it builds the navigation and throws: "the pagination_next front
    matter points to a non-existent ID", failing the build. Ids drop number prefixes (`01-intro.md`
    is `intro`), which is the usual cause.
    """

    code = "FM008"
    name = "pagination-target-missing"
    family = "frontmatter"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example(
                {
                    "docs/01-intro.md": "---\npagination_next: 02-scaling\n---\n\n# Intro\n",
                    "docs/02-scaling.md": "# Scaling\n",
                }
            ),
        ),
        passing=(
            Example(
                {
                    "docs/01-intro.md": "---\npagination_next: scaling\npagination_prev: null\n---\n\n# Intro\n",
                    "docs/02-scaling.md": "# Scaling\n",
                }
            ),
        ),
    )

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        ids_by_root: dict[object, set[str]] = {}
        for path, identity in project.identities.items():
            ids_by_root.setdefault(project.docs_root_of(path), set()).add(identity.doc_id)
        for path in project.identities:
            document = project.documents[path]
            known = ids_by_root.get(project.docs_root_of(path), set())
            for key in PAGINATION_KEYS:
                value = document.front_matter_data.get(key)
                if value is None or value == "" or isinstance(value, (bool, list, dict)):
                    continue  # null and "" turn the link off; wrong types are FM003's
                target = str(value)
                if target in known:
                    continue
                line, column, end_line, end_column = key_position(document, key)
                close = difflib.get_close_matches(target, sorted(known), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                yield self.diagnostic(
                    document.display_path, line, column,
                    f"{key} points to '{target}', which is no doc id here: Docusaurus fails the build "
                    f"(\"points to a non-existent ID\"){hint}",
                    end_line=end_line, end_column=end_column,
                )
