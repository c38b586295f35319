from collections.abc import Iterator
from pathlib import Path

from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex, normalize_route
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext


class DuplicateRoute(ProjectRule):
    """Two docs served at the same URL (a `slug` collision).

    ## What it does
    Computes every doc's permalink (route base path, version, `slug` front matter or the id-derived
    slug, category index conventions) and reports URLs shared by two docs, on every file involved.

    ## Why it matters
    Docusaurus only warns ("Duplicate routes found", `onDuplicateRoutes: 'warn'`) and one of the pages
    silently replaces the other: readers can never reach it.
    """

    code = "STR002"
    name = "duplicate-route"
    family = "structure"
    severity = Severity.WARNING
    reports_beyond_targets = True
    examples = Examples(
        failing=(
            Example({"docs/a.md": "---\nslug: /start\n---\n# A\n", "docs/b.md": "---\nslug: /start\n---\n# B\n"}),
            Example({"docs/guide/index.md": "# Guide\n", "docs/guide/README.md": "# Readme\n"}),
        ),
        passing=(Example({"docs/a.md": "---\nslug: /start\n---\n# A\n", "docs/start/b.md": "# B\n"}),),
    )

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        routes: dict[str, list[Path]] = {}
        for path, identity in sorted(project.identities.items()):
            routes.setdefault(normalize_route(identity.permalink), []).append(path)
        for route, paths in routes.items():
            if len(paths) < 2 or not (set(paths) & project.targets):
                continue
            for path in paths:
                document = project.documents[path]
                others = ", ".join(project.documents[other].display_path for other in paths if other != path)
                entry = document.front_matter.entry("slug") if document.front_matter else None
                line, column = (entry.value_span.line, entry.value_span.column) if entry else (1, 1)
                yield self.diagnostic(
                    document.display_path, line, column,
                    f"this doc is served at {route}, like {others}; Docusaurus warns about duplicate routes and "
                    "only one of the pages can be reached: give one a different `slug`",
                )
