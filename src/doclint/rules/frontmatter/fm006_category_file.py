import difflib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from doclint.diagnostics import Diagnostic, Severity
from doclint.files import display_path
from doclint.project import ProjectIndex
from doclint.rules.base import Example, Examples, ProjectRule, RuleContext
from doclint.rules.frontmatter._docs_schema import InvalidValue, as_boolean, as_number, as_object
from doclint.rules.frontmatter._side_files import SideFile, read_side_file

CATEGORY_FILE_NAMES = ("_category_.json", "_category_.yml", "_category_.yaml")
_STRING_KEYS = ("key", "label", "description", "className")
_LINK_KEYS = {
    "doc": {"type", "id"},
    "generated-index": {"type", "slug", "title", "description", "image", "keywords"},
}


class InvalidCategoryFile(ProjectRule):
    """A `_category_.json` / `_category_.yml` file that the Docusaurus sidebar generator refuses.

    ## What it does
    Validates every `_category_.json`, `_category_.yml` and `_category_.yaml` under the docs roots
    against the docs plugin's schema: `key`, `label`, `description`, `className` strings (a number is
    not converted here, unlike front matter), `position` a number (`"2"` is converted), `collapsed`
    and `collapsible` booleans, `customProps` an object, `link` null, `{type: doc, id}` or
    `{type: generated-index, slug?, title?, description?, image?, keywords?}`. Unknown keys are
    errors, with a did-you-mean. Also reports YAML that cannot be read and folders holding more
    than one category file.

    ## Why it matters
    The sidebar generator throws on the first invalid category file ("looks invalid!", `"foo" is not
    allowed`) and the build stops; with two category files in a folder Docusaurus picks one
    arbitrarily.
    """

    code = "FM006"
    name = "invalid-category-file"
    family = "frontmatter"
    severity = Severity.ERROR
    examples = Examples(
        failing=(
            Example(
                {"docs/intro.md": "# Intro\n", "docs/_category_.json": '{"label": "Basics", "positon": 2}\n'}
            ),
            Example(
                {"docs/intro.md": "# Intro\n", "docs/_category_.yml": "label: Basics\ncollapsed: maybe\n"}
            ),
            Example({"docs/intro.md": "# Intro\n", "docs/_category_.yml": "link:\n  type: page\n"}),
        ),
        passing=(
            Example(
                {
                    "docs/intro.md": "# Intro\n",
                    "docs/_category_.yml": "label: Basics\nposition: '2'\ncollapsed: false\n"
                    "link:\n  type: generated-index\n  title: Basics\n",
                }
            ),
        ),
    )

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        for root in project.docs_roots:
            folders: dict[Path, list[Path]] = {}
            for name in CATEGORY_FILE_NAMES:
                for path in sorted(root.rglob(name)):
                    if "node_modules" not in path.parts:
                        folders.setdefault(path.parent, []).append(path)
            for files in folders.values():
                for path in files:
                    yield from self._check_file(read_side_file(path))
                if len(files) > 1:
                    names = ", ".join(path.name for path in files)
                    yield self.diagnostic(
                        display_path(files[1]),
                        1,
                        1,
                        f"this folder has more than one category file ({names}): Docusaurus uses one of them, "
                        "which one is undetermined",
                    )

    def _check_file(self, side: SideFile) -> Iterator[Diagnostic]:
        path = display_path(side.path)
        if side.error is not None:
            message, line, column = side.error
            yield self.diagnostic(path, line, column, f"{message}: the sidebar generator fails on it")
            return
        if side.data is None:
            return  # an empty file is an empty category description
        if not isinstance(side.data, Mapping):
            yield self.diagnostic(path, 1, 1, "a category file must hold a mapping of keys to values")
            return
        for key, message in category_errors(side.data):
            line, column = side.key_lines.get(key, (1, 1))
            yield self.diagnostic(
                path, line, column, f"{message}: the sidebar generator fails on this category file"
            )


def category_errors(data: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(key, message) for every value the category schema refuses."""
    known = (*_STRING_KEYS, "position", "collapsed", "collapsible", "link", "customProps")
    for key, value in data.items():
        key = str(key)
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.7)
            yield key, f'"{key}" is not allowed' + (f" (did you mean '{close[0]}'?)" if close else "")
        elif key in _STRING_KEYS:
            if not isinstance(value, str):
                yield key, f'"{key}" must be a string'
            elif value == "":
                yield key, f'"{key}" is not allowed to be empty'
        elif key == "link":
            yield from ((key, message) for message in _link_errors(value))
        else:
            check = {
                "position": as_number,
                "collapsed": as_boolean,
                "collapsible": as_boolean,
                "customProps": as_object,
            }
            try:
                check[key](key, value)
            except InvalidValue as invalid:
                yield key, invalid.message


def _link_errors(link: Any) -> Iterator[str]:
    if link is None:
        return
    if not isinstance(link, Mapping):
        yield '"link" must be of type object'
        return
    link_type = link.get("type")
    if link_type is None:
        return  # Joi's switch has no branch for a missing type: the object passes as written
    allowed = _LINK_KEYS.get(str(link_type))
    if allowed is None:
        yield f'Unknown sidebar category link type "{link_type}" (use doc or generated-index)'
        return
    for key in link:
        if key not in allowed:
            yield f'"link.{key}" is not allowed'
    if link_type == "doc" and "id" not in link:
        yield '"link.id" is required'
