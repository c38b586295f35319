from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.docusaurus_config import find_config_file
from doclint.files import display_path
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext
from doclint.rules.structure._common import version_label, version_touched
from doclint.sidebars import read_sidebars
from doclint.site import DocsPlugin

_WITH_JS_SIDEBARS = {"docs_plugins": (DocsPlugin(sidebar_path="sidebars.js"),)}


class SidebarsNotRead(ProjectRule):
    """A sidebars file that doclint cannot read without running it, so its checks were skipped.

    ## What it does
    Says, once per docs version, that the sidebars file was skipped: a `sidebars.js`/`.ts` whose export
    is computed (a function, a variable built at run time) rather than a plain object literal, or a file
    that does not parse. doclint never executes JavaScript; unknown sidebar ids (STR006) and orphans
    (STR005) are then not checked for that version.

    ## Why it matters
    A silent skip would look like a clean result.
    """

    code = "STR007"
    name = "sidebars-not-read"
    family = "structure"
    severity = Severity.INFO
    reports_beyond_targets = True
    examples = Examples(
        failing=(
            Example(
                {
                    "docs/intro.md": "# Intro\n",
                    "sidebars.js": "module.exports = {docs: require('./generated').items};\n",
                },
                site=_WITH_JS_SIDEBARS,
            ),
        ),
        passing=(
            Example(
                {
                    "docs/intro.md": "# Intro\n",
                    "sidebars.js": "// plain literal\nmodule.exports = {docs: ['intro']};\n",
                },
                site=_WITH_JS_SIDEBARS,
            ),
        ),
    )

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        for version in project.versions:
            if not version_touched(project, version):
                continue
            if version.sidebars_unknown:
                config = find_config_file(project.site_dir)
                yield self.diagnostic(
                    display_path(config) if config else "docusaurus.config",
                    1,
                    1,
                    f"sidebars of {version_label(version)} skipped: its sidebarPath is computed in the config; "
                    "sidebar doc ids and orphan docs were not checked (doclint never runs JavaScript)",
                )
                continue
            sidebars = read_sidebars(version)
            if sidebars is None or sidebars.status not in ("computed", "invalid"):
                continue
            yield self.diagnostic(
                display_path(sidebars.path),
                1,
                1,
                f"sidebars of {version_label(version)} skipped: {sidebars.note}; sidebar doc ids and orphan docs "
                "were not checked (doclint never runs JavaScript)",
            )
