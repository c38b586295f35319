"""Diagram-type detection as mermaid's ``detectType`` does it.

Detectors run in mermaid's registration order (diagram-orchestration.ts) and the first match wins.
First version: the mermaid framework owner refines it against mermaid 12's detectors.
"""

from __future__ import annotations

import re

_DETECTORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("error", re.compile(r"^\s*error\s*$", re.IGNORECASE)),
    ("---", re.compile(r"^\s*---")),
    ("flowchart-elk", re.compile(r"^\s*flowchart-elk")),
    ("mindmap", re.compile(r"^\s*mindmap")),
    ("architecture", re.compile(r"^\s*architecture")),
    ("c4", re.compile(r"^\s*(?:C4Context|C4Container|C4Component|C4Dynamic|C4Deployment)")),
    ("kanban", re.compile(r"^\s*kanban")),
    ("classDiagram", re.compile(r"^\s*classDiagram")),
    ("er", re.compile(r"^\s*erDiagram")),
    ("gantt", re.compile(r"^\s*gantt")),
    ("info", re.compile(r"^\s*info")),
    ("pie", re.compile(r"^\s*pie")),
    ("requirement", re.compile(r"^\s*requirement(?:Diagram)?")),
    ("sequence", re.compile(r"^\s*sequenceDiagram")),
    ("flowchart-v2", re.compile(r"^\s*(?:flowchart|graph)")),
    ("timeline", re.compile(r"^\s*timeline")),
    ("gitGraph", re.compile(r"^\s*gitGraph")),
    ("stateDiagram", re.compile(r"^\s*stateDiagram")),
    ("journey", re.compile(r"^\s*journey")),
    ("quadrantChart", re.compile(r"^\s*quadrantChart")),
    ("sankey", re.compile(r"^\s*sankey(?:-beta)?")),
    ("packet", re.compile(r"^\s*packet(?:-beta)?")),
    ("xychart", re.compile(r"^\s*xychart(?:-beta)?")),
    ("block", re.compile(r"^\s*block(?:-beta)?")),
    ("eventmodeling", re.compile(r"^\s*eventmodeling")),
    ("treeView", re.compile(r"^\s*treeView-beta")),
    ("radar", re.compile(r"^\s*radar-beta")),
    ("ishikawa", re.compile(r"^\s*ishikawa(?:-beta)?\b", re.IGNORECASE)),
    ("treemap", re.compile(r"^\s*treemap")),
    ("venn", re.compile(r"^\s*venn-beta")),
    ("wardley", re.compile(r"^\s*wardley-beta", re.IGNORECASE)),
)


def detect_type(text: str) -> str | None:
    for diagram_id, pattern in _DETECTORS:
        if pattern.match(text):
            return diagram_id
    return None
