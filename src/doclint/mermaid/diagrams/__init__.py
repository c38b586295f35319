"""One module per mermaid diagram family.

Each module exposes ``parse(text: str) -> None`` that raises ``MermaidSyntaxError`` when mermaid.js would
reject the diagram. ``text`` is the diagram as mermaid's own parser receives it (after front matter,
directives and comment lines were stripped), so error lines are counted the way mermaid counts them.
Modules are imported lazily: most documents use one or two diagram types.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

# detected diagram id (as mermaid's detectType names it) -> module in this package
PARSER_MODULES: dict[str, str] = {
    "error": "error",
    "---": "error",
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
}

Parser = Callable[[str], None]


def parser_for(diagram_id: str) -> Parser | None:
    module_name = PARSER_MODULES.get(diagram_id)
    if module_name is None:
        return None
    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{module_name}":
            raise
        return None  # family not modelled yet: accepted, as mermaid would accept well-formed input
    return module.parse
