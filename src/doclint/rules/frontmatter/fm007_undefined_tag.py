import difflib
from collections.abc import Iterator, Mapping
from pathlib import Path

from doclint.diagnostics import Diagnostic, Severity
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext
from doclint.rules.frontmatter._side_files import read_side_file

TAGS_FILE_NAMES = ("tags.yml", "tags.yaml")


class TagNotInTagsFile(ProjectRule):
    """A front matter tag that the site's `tags.yml` does not define.

    ## What it does
    When a docs root has a `tags.yml`, reports every front matter tag that is not one of its keys:
    an unknown string (with the closest key as a suggestion) or the legacy `{label, permalink}`
    object form. Sites without a tags file are not checked, as Docusaurus does not check them.

    ## Why it matters
    Docusaurus treats such a tag as "inline" and logs a warning (`onInlineTags: 'warn'` by default;
    sites that set it to `'throw'` fail the build); the tag gets its own page outside the curated
    list, with a label and permalink nobody chose.
    """

    code = "FM007"
    name = "tag-not-in-tags-file"
    family = "frontmatter"
    severity = Severity.WARNING
    examples = Examples(
        failing=(
            Example(
                {
                    "docs/intro.md": "---\ntags: [scaling, transformer]\n---\n\n# Intro\n",
                    "docs/tags.yml": "scaling:\n  label: Scaling\ntransformers:\n",
                }
            ),
        ),
        passing=(
            Example(
                {"docs/intro.md": "---\ntags: [scaling]\n---\n\n# Intro\n", "docs/tags.yml": "scaling:\n"}
            ),
            Example.of("---\ntags: [anything]\n---\n\n# Intro\n"),
        ),
    )

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        defined_by_root = {root: self._defined_tags(root) for root in project.docs_roots}
        for path, document in project.facts.items():
            root = project.docs_root_of(path)
            defined = defined_by_root.get(root) if root is not None else None
            tags = document.front_matter.get("tags")
            if defined is None or not isinstance(tags, list):
                continue
            line, column, end_line, end_column = document.key_position("tags")
            for tag in tags:
                message = self._problem(tag, defined)
                if message:
                    yield self.diagnostic(
                        document.display_path, line, column, message, end_line=end_line, end_column=end_column
                    )

    @staticmethod
    def _defined_tags(root: Path) -> frozenset[str] | None:
        for name in TAGS_FILE_NAMES:
            if (root / name).is_file():
                data = read_side_file(root / name).data
                return frozenset(str(key) for key in data) if isinstance(data, Mapping) else frozenset()
        return None

    @staticmethod
    def _problem(tag: object, defined: frozenset[str]) -> str | None:
        if isinstance(tag, Mapping):
            return (
                f"tag {dict(tag)!r} uses the legacy object form: Docusaurus treats it as an inline tag not "
                "defined in tags.yml and warns"
            )
        name = str(tag)
        if name in defined:
            return None
        message = f"tag '{name}' is not defined in tags.yml: Docusaurus treats it as an inline tag and warns"
        close = difflib.get_close_matches(name, sorted(defined), n=1, cutoff=0.7)
        return message + (f"; did you mean '{close[0]}'?" if close else "")
