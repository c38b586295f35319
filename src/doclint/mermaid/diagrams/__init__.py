"""One module per mermaid diagram family.

Each module exposes ``parse(text: str) -> None`` that raises ``MermaidSyntaxError`` when mermaid.js would
reject the diagram. ``text`` is the diagram as mermaid's own parser receives it, so error lines are counted the
way mermaid counts them: front matter, ``%%{...}%%`` directives and ``%%`` comment lines (with the blank lines
before them) removed, leading whitespace trimmed, ``#name;`` entities encoded (``encodeEntities``).  Two
differences to know: mermaid appends one ``\n`` before parsing, which is left to the parser (jison grammars
usually want it: an error at the end of input is then reported one line further down); and the diagrams whose
db sets ``preserveCommentsWhenParsing`` (agentflow, eventmodeling) receive their ``%%`` comment lines.

Shared machinery: the jison toolkit ``_jison`` (``lex``: rule-table lexer and token cursors, ``actions``: the
action lexer, ``lalr``: LALR(1) tables and jison's parse loop), the Langium toolkit ``_langium`` (Chevrotain-style
lexer, token stream and common.langium terminals), ``doclint.mermaid.front_matter.load_json_schema`` (YAML as
js-yaml's JSON schema loads it).  Modules are imported lazily: most documents use one or two types.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

# detected diagram id (as mermaid's detectType names it) -> module in this package, optionally
# "module:function" when the parse function is not called ``parse``
PARSER_MODULES: dict[str, str] = {
    "error": "error",
    "---": "error:parse_unclosed_front_matter",
    "flowchart-v2": "flowchart",
    "flowchart-elk": "flowchart",
    "sequence": "sequence",
    "classDiagram": "class_diagram",
    "stateDiagram": "state",
    "er": "er",
    "gitGraph": "git_graph",
    "block": "block",
    "gantt": "gantt",
    "architecture": "architecture",
    "requirement": "requirement",
    "c4": "c4",
    "journey": "journey",
    "info": "info",
    "pie": "pie",
    "xychart": "xychart",
    "quadrantChart": "quadrant",
    "venn": "venn",
    "mindmap": "mindmap",
    "treemap": "treemap",
    "kanban": "kanban",
    "timeline": "timeline",
    "radar": "radar",
    "packet": "packet",
    "eventmodeling": "eventmodeling",
    "wardley": "wardley",
    "sankey": "sankey",
    "ishikawa": "ishikawa",
    "treeView": "tree_view",
    "usecase": "usecase",
    "railroad": "railroad:parse_railroad",
    "railroadEbnf": "railroad",
    "railroadAbnf": "railroad:parse_abnf",
    "railroadPeg": "railroad:parse_peg",
    "cynefin": "cynefin",
    "agentflow": "agentflow",
    "swimlane": "flowchart",
}

Parser = Callable[[str], None]


_loaded: dict[str, Parser | None] = {}


def parser_for(diagram_id: str) -> Parser | None:
    if diagram_id not in _loaded:
        _loaded[diagram_id] = _load(diagram_id)
    return _loaded[diagram_id]


def _load(diagram_id: str) -> Parser | None:
    target = PARSER_MODULES.get(diagram_id)
    if target is None:
        return None
    module_name, _, function_name = target.partition(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    parse: Parser = getattr(module, function_name or "parse")
    return parse
