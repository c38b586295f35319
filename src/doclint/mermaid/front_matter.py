"""Judge a diagram's YAML front matter the way mermaid's js-yaml ``load(body, {schema: JSON_SCHEMA})`` does.

PyYAML (already a doclint dependency) does the YAML syntax; on top of it this module adds the two rules of
js-yaml's JSON schema that PyYAML's safe loader lacks: a mapping may not repeat a key, and a tag outside
str/seq/map/null/bool/int/float is unknown. Values are not needed: mermaid only reads ``title``,
``displayMode`` and ``config``, none of which can make parsing fail.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

try:  # libyaml's parser is much faster; the pure-Python one behaves the same
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser as _Parser  # type: ignore[assignment]

from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.resolver import BaseResolver

_KNOWN_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "seq", "map", "null", "bool", "int", "float")
)
_MAX_DEPTH = 200


class FrontMatterError(ValueError):
    """Front matter js-yaml would reject; ``line`` is 1-based within the YAML body, when known."""

    def __init__(self, message: str, line: int | None = None, index: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.index = index  # offset of the problem in the YAML text, when known


if _Parser is yaml.parser.Parser:  # pragma: no cover

    class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, _Parser, Composer, BaseConstructor, BaseResolver):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            _Parser.__init__(self)
            Composer.__init__(self)
            BaseConstructor.__init__(self)
            BaseResolver.__init__(self)

else:

    class _Loader(_Parser, BaseConstructor, BaseResolver):  # type: ignore[no-redef]
        """libyaml parser + composer; no implicit resolvers, so every untagged scalar is a plain string."""

        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            BaseConstructor.__init__(self)
            BaseResolver.__init__(self)


def load_front_matter(body: str) -> None:
    """Raise ``FrontMatterError`` when js-yaml (JSON schema) would fail to load ``body``."""
    node = _compose(body)
    if node is not None:
        _check_node(node, 0, set())


_FLOW_PLAIN_AFTER_INDICATOR = re.compile(r"[?:][^\s,\[\]{}]")
_MAX_RETRIES = 20


def _compose(text: str) -> yaml.Node | None:
    """Compose one YAML document.  js-yaml reads ``:x`` and ``?x`` inside ``{...}``/``[...]`` as plain scalars where
    libyaml stops; such a spot is retried with the indicator replaced by a letter (same length, same lines)."""
    for _ in range(_MAX_RETRIES):
        try:
            return _compose_once(text)
        except FrontMatterError as error:
            index = error.index
            if index is None or not _FLOW_PLAIN_AFTER_INDICATOR.match(text, index):
                raise
            text = text[:index] + "x" + text[index + 1 :]
    return _compose_once(text)


def _compose_once(text: str) -> yaml.Node | None:
    loader = None
    try:
        loader = _Loader(text)
        return loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        index = error.problem_mark.index if error.problem_mark else None
        raise FrontMatterError(_describe(error), mark.line + 1 if mark else None, index) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(str(error)) from None
    finally:
        if loader is not None:
            loader.dispose()


def _describe(error: yaml.MarkedYAMLError) -> str:
    parts = [part for part in (error.context, error.problem) if part]
    return "; ".join(parts) or "invalid YAML"


def _check_node(node: yaml.Node, depth: int, visited: set[int]) -> None:
    if id(node) in visited:  # an alias: checked already (and aliases may nest exponentially)
        return
    visited.add(id(node))
    if depth > _MAX_DEPTH:
        raise FrontMatterError("front matter is nested too deeply")
    line = node.start_mark.line + 1
    if node.tag not in _KNOWN_TAGS:
        raise FrontMatterError(f"unknown tag !<{node.tag}>", line)
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_flow_entry(node, item)
            _check_node(item, depth + 1, visited)
    elif isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            _check_flow_entry(node, key)
            _check_flow_entry(node, value)
            _check_node(key, depth + 1, visited)
            _check_node(value, depth + 1, visited)
            name = _js_key(key, depth)
            if name in seen:
                raise FrontMatterError("duplicated mapping key", key.start_mark.line + 1)
            seen.add(name)


_NULL = re.compile(r"(?:~|null|Null|NULL)?")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)


def load_json_schema(text: str) -> Any:
    """Load ``text`` as js-yaml's ``load(text, {schema: JSON_SCHEMA})`` would, or raise ``FrontMatterError``.
    Plain scalars resolve to None, bool, int or float as in js-yaml; everything else is a string."""
    node = _compose(text)
    if node is None:
        return None
    _check_node(node, 0, set())
    return _value(node, 0)


def _check_flow_entry(collection: yaml.Node, entry: yaml.Node) -> None:
    """js-yaml does not start a plain scalar with ``-``, ``?`` or ``:`` right before a flow indicator, which libyaml
    accepts for ``-``: ``{a: -, b: 1}`` is "missed comma between flow collection entries"."""
    if not collection.flow_style or not isinstance(entry, yaml.ScalarNode) or entry.style:
        return
    text = entry.value
    if text[:1] in ("-", "?", ":") and (len(text) == 1 or text[1] in ",[]{}"):
        raise FrontMatterError("missed comma between flow collection entries", entry.start_mark.line + 1)


def _js_key(node: yaml.Node, depth: int) -> str:
    """The property name js-yaml makes of a mapping key (``String(key)``): duplicates are compared by it."""
    if isinstance(node, yaml.MappingNode):
        return "[object Object]"
    if isinstance(node, yaml.SequenceNode):
        return ",".join(_js_key(item, depth + 1) for item in node.value)
    value = _value(node, depth)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _value(node: yaml.Node, depth: int) -> Any:
    if depth > _MAX_DEPTH:
        raise FrontMatterError("YAML is nested too deeply")
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, depth + 1) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {str(_value(key, depth + 1)): _value(value, depth + 1) for key, value in node.value}
    if node.style or node.tag != "tag:yaml.org,2002:str":  # quoted, or explicitly tagged
        return node.value
    return _plain_scalar(node.value)


def _plain_scalar(text: str) -> Any:
    if _NULL.fullmatch(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.fullmatch(text):
        return _number(text, int)
    if _FLOAT.fullmatch(text):
        return _number(text, float)
    return text


def _number(text: str, kind: type) -> Any:
    """The value where Python reads it as JavaScript does; otherwise a stand-in of the right truthiness."""
    try:
        return kind(text.replace("_", ""))
    except ValueError:
        return kind(0) if set(text) <= set("0_+-.eExob") else kind(1)
