"""Front matter as Docusaurus reads it (gray-matter + js-yaml), with the position of every key.

PyYAML is configured to behave like js-yaml 4 where the difference matters to a docs site: YAML 1.2
booleans (``yes``/``no`` stay strings), duplicate keys are errors (js-yaml fails the build, PyYAML would
silently keep the last), and only safe types are ever constructed. Alias expansion is bounded so that a
"billion laughs" document cannot exhaust memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

MAX_EXPANDED_NODES = 50_000
_OPENER = re.compile(r"---[ \t]*")
_CLOSER = re.compile(r"---[ \t]*")


class _Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with js-yaml's (YAML 1.2 core) booleans."""


# js-yaml's own scalars (YAML 1.2 core): no `=` value, no sexagesimal, no underscores, `010` is ten
_YAML11_ONLY = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:value",
}
_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _YAML11_ONLY]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|0b[01]+)$"),
    list("-+0123456789"),
)
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if digits.startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits, 10)


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)

if getattr(yaml, "__with_libyaml__", False):

    class _Yaml12FastLoader(yaml.CSafeLoader):
        """The same schema on libyaml's C parser: used first; any error is re-read by the Python loader,
        whose messages and positions doclint reports."""

    _Yaml12FastLoader.yaml_implicit_resolvers = _Yaml12Loader.yaml_implicit_resolvers
    _Yaml12FastLoader.yaml_constructors = _Yaml12Loader.yaml_constructors
    _LOADERS: tuple[type, ...] = (_Yaml12FastLoader, _Yaml12Loader)
else:  # pragma: no cover - PyYAML built without libyaml
    _LOADERS = (_Yaml12Loader,)


@dataclass(frozen=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class FrontMatterEntry:
    """A top-level key: where the key and its value are written."""

    key: str
    key_span: Span
    value_span: Span
    value: Any


@dataclass(frozen=True)
class FrontMatterProblem:
    message: str
    line: int
    column: int
    kind: str  # "syntax", "unterminated", "duplicate-key", "alias-bomb", "unsafe-tag", "not-a-mapping"


@dataclass
class FrontMatter:
    """The block between the ``---`` fences. ``data`` is empty when the YAML could not be read."""

    raw: str
    start_line: int  # line of the opening ---
    end_line: int  # line of the closing --- (last line when unterminated)
    data: dict[str, Any] = field(default_factory=dict)
    entries: dict[str, FrontMatterEntry] = field(default_factory=dict)
    problems: list[FrontMatterProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def entry(self, key: str) -> FrontMatterEntry | None:
        return self.entries.get(key)


def split_front_matter(lines: list[str]) -> tuple[int, int, bool] | None:
    """Locate front matter: (first content line index, closing line index, terminated), or None.

    gray-matter only recognises front matter that opens on the very first line with ``---``.
    """
    if not lines or not _OPENER.fullmatch(lines[0]):
        return None
    for index in range(1, len(lines)):
        if _CLOSER.fullmatch(lines[index]):
            return 1, index, True
    return 1, len(lines), False


def parse_front_matter(lines: list[str]) -> FrontMatter | None:
    located = split_front_matter(lines)
    if located is None:
        return None
    first, closing, terminated = located
    raw = "\n".join(lines[first:closing])
    front_matter = FrontMatter(raw=raw, start_line=1, end_line=min(closing + 1, len(lines)))
    if not terminated:
        front_matter.problems.append(
            FrontMatterProblem(
                "front matter opened with '---' on line 1 is never closed: Docusaurus reads the whole file as YAML",
                1,
                1,
                "unterminated",
            )
        )
        return front_matter
    _load_yaml(front_matter, raw, line_offset=first)
    return front_matter


def _load_yaml(front_matter: FrontMatter, raw: str, line_offset: int) -> None:
    if len(_LOADERS) > 1:
        trial = FrontMatter(raw, front_matter.start_line, front_matter.end_line)
        try:
            _load_with(_LOADERS[0], trial, raw, line_offset)
        except Exception:  # noqa: BLE001 - whatever the C parser says, the Python loader gives the verdict
            trial.problems.append(FrontMatterProblem("", 1, 1, "syntax"))
        if not trial.problems:
            front_matter.data, front_matter.entries = trial.data, trial.entries
            return
    _load_with(_Yaml12Loader, front_matter, raw, line_offset)


def _load_with(loader_class: type, front_matter: FrontMatter, raw: str, line_offset: int) -> None:
    try:
        loader = loader_class(raw)
    except yaml.reader.ReaderError as error:  # a control character: rejected before parsing starts
        line = raw.count("\n", 0, error.position) + line_offset + 1
        column = error.position - (raw.rfind("\n", 0, error.position) + 1) + 1
        message = f"invalid YAML: control character U+{error.character:04X} is not allowed in front matter"
        front_matter.problems.append(FrontMatterProblem(message, line, column, "syntax"))
        return
    try:
        node = loader.get_single_node()
        if node is None:
            return
        if not isinstance(node, yaml.MappingNode):
            mark = node.start_mark
            front_matter.problems.append(
                FrontMatterProblem(
                    "front matter must be a mapping of keys to values",
                    mark.line + line_offset + 1,
                    mark.column + 1,
                    "not-a-mapping",
                )
            )
            return
        if _expanded_size(node, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES:
            mark = node.start_mark
            front_matter.problems.append(
                FrontMatterProblem(
                    f"front matter expands to more than {MAX_EXPANDED_NODES:,} YAML nodes through aliases "
                    "(an alias bomb?); not read",
                    mark.line + line_offset + 1,
                    1,
                    "alias-bomb",
                )
            )
            return
        duplicates = _duplicate_keys(node, line_offset)
        front_matter.problems.extend(duplicates)
        data = loader.construct_document(node)
    except yaml.constructor.ConstructorError as error:
        front_matter.problems.append(_problem_from_mark(error, line_offset, "unsafe-tag"))
        return
    except yaml.MarkedYAMLError as error:
        front_matter.problems.append(_problem_from_mark(error, line_offset, "syntax", raw))
        return
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as error:
        front_matter.problems.append(
            FrontMatterProblem(f"invalid YAML: {error}", line_offset + 1, 1, "syntax")
        )
        return
    finally:
        loader.dispose()
    if isinstance(data, dict):
        front_matter.data = {str(key): value for key, value in data.items()}
        front_matter.entries = _entries(node, front_matter.data, line_offset, raw.split("\n"))


def _entries(
    node: yaml.MappingNode, data: dict[str, Any], line_offset: int, raw_lines: list[str]
) -> dict[str, FrontMatterEntry]:
    entries: dict[str, FrontMatterEntry] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else None
        if key is None or key in entries:
            continue
        entries[key] = FrontMatterEntry(
            key,
            _span(key_node, line_offset, raw_lines),
            _span(value_node, line_offset, raw_lines),
            data.get(key),
        )
    return entries


def _span(node: yaml.Node, line_offset: int, raw_lines: list[str]) -> Span:
    start, end = node.start_mark, node.end_mark
    end_line, end_column = end.line, end.column
    if end_column == 0 and end_line > start.line:
        # libyaml ends a block collection at the start of the next line, PyYAML at the end of its last value
        end_line -= 1
        while end_line > start.line and not raw_lines[end_line].strip():
            end_line -= 1
        end_column = len(raw_lines[end_line].rstrip())
    return Span(start.line + line_offset + 1, start.column + 1, end_line + line_offset + 1, end_column + 1)


def _duplicate_keys(node: yaml.Node, line_offset: int) -> list[FrontMatterProblem]:
    problems: list[FrontMatterProblem] = []
    stack: list[yaml.Node] = [node]
    seen_nodes: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen_nodes:
            continue
        seen_nodes.add(id(current))
        if isinstance(current, yaml.MappingNode):
            first_seen: dict[str, int] = {}
            for key_node, value_node in current.value:
                stack.append(value_node)
                if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                    continue
                line = key_node.start_mark.line + line_offset + 1
                if key_node.value in first_seen:
                    problems.append(
                        FrontMatterProblem(
                            f"duplicate key '{key_node.value}' (first defined on line "
                            f"{first_seen[key_node.value]}): Docusaurus's YAML parser rejects it",
                            line,
                            key_node.start_mark.column + 1,
                            "duplicate-key",
                        )
                    )
                else:
                    first_seen[key_node.value] = line
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return problems


def _expanded_size(node: yaml.Node, limit: int) -> int:
    """Size of the node tree with every alias expanded, counted up to just past ``limit``."""
    memo: dict[int, int] = {}

    def size(current: yaml.Node, depth: int) -> int:
        key = id(current)
        if key in memo:
            return memo[key]
        if depth > 200:
            return limit + 1
        total = 1
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                total += size(key_node, depth + 1) + size(value_node, depth + 1)
                if total > limit:
                    break
        elif isinstance(current, yaml.SequenceNode):
            for child in current.value:
                total += size(child, depth + 1)
                if total > limit:
                    break
        memo[key] = total
        return total

    return size(node, 0)


def _problem_from_mark(
    error: yaml.MarkedYAMLError, line_offset: int, kind: str, raw: str | None = None
) -> FrontMatterProblem:
    mark = error.problem_mark or error.context_mark
    line = (mark.line if mark else 0) + line_offset + 1
    column = (mark.column if mark else 0) + 1
    if mark is not None and raw is not None and mark.index >= len(raw):
        # js-yaml reads the block with its final newline, so "end of the stream" is the closing --- line
        line, column = line_offset + raw.count("\n") + 2, 1
    problem = error.problem or "invalid YAML"
    context = f" {error.context}" if error.context else ""
    if kind == "unsafe-tag":
        message = f"YAML tag not allowed in front matter ({problem.strip()}); Docusaurus's parser rejects it"
    else:
        message = f"invalid YAML: {problem}{context}".strip()
    return FrontMatterProblem(message, line, column, kind)
