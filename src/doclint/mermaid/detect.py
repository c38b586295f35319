"""Diagram-type detection as mermaid 12.3.0's ``detectType`` (src/diagram-api/detectType.ts) does it.

``detectType`` strips front matter, ``%%{...}%%`` directives and every ``%%`` comment (``stripAnyComments``)
from its copy of the text, then asks each registered detector in registration order
(``addDiagrams`` in diagram-orchestration.ts: error, ---, the eagerly registered flowchart-elk / mindmap /
architecture, then the lazily loaded ones); the first that matches names the diagram.
The patterns are mermaid's own, with JavaScript's ``\\s`` and ASCII ``\\w``/``\\b``.  Two quirks are kept on
purpose: c4's pattern only anchors its first alternative, so ``C4Container`` anywhere in a diagram makes it c4,
and ``---`` names a pseudo-diagram for text that still starts with a fence after front-matter extraction.
"""

from __future__ import annotations

import re

from doclint.mermaid.preprocess import (
    _DIRECTIVE,
    JS_SPACE,
    is_js_space,
    js_trim,
    js_trim_start,
    match_front_matter,
)


def _starts(pattern: str, flags: int = 0) -> re.Pattern[str]:
    r"""mermaid's ``/^\s*pattern/``, matched at the text with its leading whitespace already taken off: every
    pattern starts with a letter, so that is the same, and the ~40 patterns do not each compile the large
    class of JavaScript's whitespace (the module is loaded on a run's first diagram)."""
    return re.compile(pattern, flags | re.ASCII)


# (mermaid's diagram id, detector) in mermaid's registration order; None marks a detector written as code.
_DETECTORS: tuple[tuple[str, re.Pattern[str] | None], ...] = (
    ("error", None),
    ("---", None),
    ("flowchart-elk", _starts("flowchart-elk")),
    ("mindmap", _starts("mindmap")),
    ("architecture", _starts("architecture")),
    ("agentflow", _starts(r"agentflow-beta\b")),
    # mermaid's /^\s*C4Context|C4Container|.../ anchors only its first alternative: searched, not matched
    ("c4", re.compile("\\AC4Context|C4Container|C4Component|C4Dynamic|C4Deployment")),
    ("kanban", _starts("kanban")),
    ("classDiagram", _starts("classDiagram")),
    ("er", _starts("erDiagram")),
    ("gantt", _starts("gantt")),
    ("info", _starts("info")),
    ("pie", _starts("pie")),
    ("requirement", _starts("requirement(?:Diagram)?")),
    ("sequence", _starts("sequenceDiagram")),
    ("swimlane", _starts(r"swimlane-beta\b")),
    ("flowchart-v2", _starts("(?:graph|flowchart)")),
    ("timeline", _starts("timeline")),
    ("gitGraph", _starts("gitGraph")),
    ("stateDiagram", _starts("stateDiagram")),
    ("journey", _starts("journey")),
    ("quadrantChart", _starts("quadrantChart")),
    ("sankey", _starts("sankey(?:-beta)?")),
    ("packet", _starts("packet(?:-beta)?")),
    ("xychart", _starts("xychart(?:-beta)?")),
    ("block", _starts("block(?:-beta)?")),
    ("eventmodeling", _starts("eventmodeling")),
    ("treeView", _starts("treeView-beta")),
    ("radar", _starts("radar-beta")),
    ("ishikawa", _starts(r"ishikawa(?:-beta)?\b", re.IGNORECASE)),
    ("treemap", _starts("treemap")),
    ("railroad", _starts("railroad-beta", re.IGNORECASE)),
    ("railroadEbnf", _starts("railroad-ebnf-beta", re.IGNORECASE)),
    ("railroadAbnf", _starts("railroad-abnf-beta", re.IGNORECASE)),
    ("railroadPeg", _starts("railroad-peg-beta", re.IGNORECASE)),
    ("venn", _starts("venn-beta")),
    ("wardley", _starts("wardley-beta", re.IGNORECASE)),
    ("cynefin", _starts(rf"cynefin-beta(?:[{JS_SPACE}:]|$)")),
    ("usecase", _starts(rf"usecase-beta(?:[{JS_SPACE}]|$)")),
)


def strip_any_comments(text: str) -> str:
    """mermaid's ``stripAnyComments``: cut every ``%%`` to the end of its line, with the whitespace before it.
    A ``%%`` on the last line (no line break after it) and everything after it are kept."""
    if "%%" not in text:
        return text
    pieces = []
    consumed = 0
    marker = text.find("%%")
    while marker != -1:
        line_end = text.find("\n", marker)
        if line_end == -1:
            break
        start = marker
        while start > consumed and is_js_space(text[start - 1]):
            start -= 1
        pieces.append(text[consumed:start])
        pieces.append("\n")
        consumed = line_end + 1
        marker = text.find("%%", consumed)
    pieces.append(text[consumed:])
    return "".join(pieces)


def detection_text(text: str) -> str:
    """The copy of the text that mermaid's detectors look at."""
    front_matter = match_front_matter(text)
    if front_matter is not None:
        text = text[front_matter.length :]
    if "%%{" in text:
        text = _DIRECTIVE.sub("", text)
    return strip_any_comments(text)


def detect_type(text: str) -> str | None:
    """mermaid's diagram id for ``text`` (the preprocessed ``code.cleaned``), or None: UnknownDiagramError."""
    text = detection_text(text)
    start = js_trim_start(text)  # what each detector's leading \s* skips
    for diagram_id, pattern in _DETECTORS:
        if pattern is None:
            if _matches_special(diagram_id, text):
                return diagram_id
        elif pattern.search(start) if diagram_id == "c4" else pattern.match(start):
            return diagram_id
    return None


def _matches_special(diagram_id: str, text: str) -> bool:
    if diagram_id == "error":
        return js_trim(text).lower() == "error"
    return js_trim_start(text).startswith("---")  # "---": front matter that was not closed properly
