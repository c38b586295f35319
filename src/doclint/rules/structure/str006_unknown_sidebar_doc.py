import difflib
from collections.abc import Iterator

from doclint.diagnostics import Diagnostic, Severity
from doclint.docusaurus_config import find_config_file
from doclint.files import display_path
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext
from doclint.rules.structure._common import version_label, version_touched
from doclint.sidebars import read_sidebars
from doclint.site import DocsPlugin

_WITH_SIDEBARS = {"docs_plugins": (DocsPlugin(sidebar_path="sidebars.json"),)}


class UnknownSidebarDoc(ProjectRule):
    """A sidebars file names a doc id that does not exist (or the sidebars file itself is missing).

    ## What it does
    Reads the version's sidebars file (`sidebars.json`, `.yaml`, or `sidebars.js`/`.ts` whose export is
    a plain object literal) and checks every doc item, shorthand string, `ref` and category `link`
    against the doc ids of that docs version. Reported when the run checks any doc of that version.

    ## Why it matters
    Docusaurus stops the build: "These sidebar document ids do not exist".
    """

    code = "STR006"
    name = "unknown-sidebar-doc"
    family = "structure"
    severity = Severity.ERROR
    reports_beyond_targets = True
    examples = Examples(
        failing=(
            Example(
                {"docs/intro.md": "# Intro\n", "sidebars.json": '{"docs": ["intro", "training"]}\n'},
                site=_WITH_SIDEBARS,
            ),
        ),
        passing=(
            Example(
                {
                    "docs/intro.md": "# Intro\n",
                    "docs/01-part/02-training.md": "# T\n",
                    "sidebars.json": '{"docs": ["intro", {"Part": ["part/training"]}]}\n',
                },
                site=_WITH_SIDEBARS,
            ),
        ),
    )

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        for version in project.versions:
            if not version_touched(project, version):
                continue
            sidebars = read_sidebars(version)
            if sidebars is None:
                continue
            if sidebars.status == "missing":
                config = find_config_file(project.site_dir)
                yield self.diagnostic(
                    display_path(config or sidebars.path),
                    1,
                    1,
                    f"the sidebars file of {version_label(version)} ({display_path(sidebars.path)}) does not exist; "
                    "Docusaurus fails the build",
                )
                continue
            ids = {
                identity.doc_id
                for identity in project.identities.values()
                if identity.version_key == version.key
            }
            for ref in sidebars.refs:
                if ref.doc_id in ids:
                    continue
                message = f"sidebar item '{ref.doc_id}' is not a doc id of {version_label(version)}"
                close = difflib.get_close_matches(ref.doc_id, sorted(ids), n=1, cutoff=0.6)
                if close:
                    message += f"; did you mean '{close[0]}'?"
                yield self.diagnostic(
                    display_path(sidebars.path),
                    ref.line,
                    ref.column,
                    message + "; Docusaurus fails the build (these sidebar document ids do not exist)",
                    end_column=ref.end_column,
                )
