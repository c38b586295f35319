"""Reading the YAML/JSON side files of a docs folder (``_category_.*``, ``tags.yml``) with their key positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from doclint.parsing.frontmatter import _Yaml12Loader


@dataclass
class SideFile:
    path: Path
    data: Any = None
    key_lines: dict[str, tuple[int, int]] = field(default_factory=dict)  # top-level key -> (line, column)
    error: tuple[str, int, int] | None = None  # (message, line, column) when it is not readable YAML


def read_side_file(path: Path) -> SideFile:
    side = SideFile(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        side.error = (f"cannot read the file: {error}", 1, 1)
        return side
    loader = _Yaml12Loader(text)
    try:
        node = loader.get_single_node()
        side.data = loader.construct_document(node) if node is not None else None
        if isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                mark = key_node.start_mark
                side.key_lines.setdefault(str(key_node.value), (mark.line + 1, mark.column + 1))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        side.error = (f"invalid YAML: {error.problem or error}", line, column)
    except yaml.YAMLError as error:
        side.error = (f"invalid YAML: {error}", 1, 1)
    finally:
        loader.dispose()
    return side
