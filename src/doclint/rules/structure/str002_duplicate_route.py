from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex, normalize_route
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext
from doclint.rules.structure._common import collision_diagnostics


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
            Example(
                {"docs/a.md": "---\nslug: /start\n---\n# A\n", "docs/b.md": "---\nslug: /start\n---\n# B\n"}
            ),
            Example({"docs/guide/index.md": "# Guide\n", "docs/guide/README.md": "# Readme\n"}),
        ),
        passing=(Example({"docs/a.md": "---\nslug: /start\n---\n# A\n", "docs/start/b.md": "# B\n"}),),
    )

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        yield from collision_diagnostics(
            self,
            project,
            lambda identity: normalize_route(identity.permalink),
            "slug",
            lambda route, others: (
                f"this doc is served at {route}, like {others}; Docusaurus warns about duplicate "
                "routes and only one of the pages can be reached: give one a different `slug`"
            ),
        )
