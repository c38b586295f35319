import difflib
from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext


class UnknownPaginationDoc(ProjectRule):
    """`pagination_next` or `pagination_prev` names a doc id that does not exist.

    ## What it does
    Looks the front matter value up among the doc ids of the same docs plugin and version (full ids,
    with their folder: `part/training`, number prefixes removed). `null` is allowed: it hides the link.

    ## Why it matters
    Docusaurus stops the build: "the pagination_next front matter points to a non-existent ID".
    """

    code = "STR003"
    name = "unknown-pagination-doc"
    family = "structure"
    severity = Severity.ERROR
    reports_beyond_targets = True
    examples = Examples(
        failing=(
            Example(
                {
                    "docs/01-intro.md": "---\npagination_next: 02-training\n---\n# Intro\n",
                    "docs/02-training.md": "# Training\n",
                }
            ),
        ),
        passing=(
            Example(
                {
                    "docs/01-intro.md": "---\npagination_next: part/training\npagination_prev: null\n---\n# I\n",
                    "docs/01-part/02-training.md": "# Training\n",
                }
            ),
        ),
    )

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        ids_by_version: dict[tuple[str, str], dict[str, list]] = {}
        for path, identity in sorted(project.identities.items()):
            ids = ids_by_version.setdefault(identity.version_key, {})
            ids.setdefault(identity.doc_id, []).append(path)
        for path, identity in sorted(project.identities.items()):
            document = project.facts[path]
            if document.front_matter_line is None:
                continue
            ids = ids_by_version[identity.version_key]
            for key in ("pagination_next", "pagination_prev"):
                entry = document.front_matter_keys.get(key)
                if entry is None or entry.value is None:
                    continue
                if str(entry.value) in ids:
                    drafts = [target for target in ids[str(entry.value)] if project.is_draft(target)]
                    if drafts and path in project.targets:
                        yield self.diagnostic(
                            document.display_path,
                            entry.value_span[0],
                            entry.value_span[1],
                            f"{key} names '{entry.value}', a draft doc that production builds leave out; Docusaurus "
                            f"fails the production build (the {key} front matter points to a non-existent ID)",
                            end_line=entry.value_span[2],
                            end_column=entry.value_span[3],
                        )
                    continue
                close = difflib.get_close_matches(str(entry.value), list(ids), n=1, cutoff=0.5)
                renamed = set(ids[close[0]]) if close else set()
                if path not in project.targets and not renamed & project.targets:
                    continue
                yield self.diagnostic(
                    document.display_path,
                    entry.value_span[0],
                    entry.value_span[1],
                    self._message(key, str(entry.value), close),
                    end_line=entry.value_span[2],
                    end_column=entry.value_span[3],
                )

    @staticmethod
    def _message(key: str, value: str, close: list[str]) -> str:
        message = f"{key} names '{value}', which is not a doc id of this docs version"
        if close:
            message += f"; did you mean '{close[0]}'?"
        return message + f"; Docusaurus fails the build (the {key} front matter points to a non-existent ID)"
