"""mermaid's preprocessing and type detection; every expectation was checked against mermaid 12.3.0."""

from __future__ import annotations

import pytest

from doclint.mermaid import validate
from doclint.mermaid.detect import detect_type
from doclint.mermaid.preprocess import encode_entities, match_front_matter, preprocess

# (diagram, mermaid's verdict, mermaid's error line, that line in the text as given)
CASES = [
    ("---\ntitle: x\n---\ngraph TD\nA-->B;;;\nB-->", False, 4, 6),
    ("  ---\n  title: x\n  ---\ngraph TD\nA-->", False, 3, 5),
    ("---\ntitle: x\n---\n\n%% comment\n\ngraph TD\n\nA-->", False, 4, 9),
    ("graph TD\nA-->B\n\n%% comment\n%%\nB-->", False, 5, 6),
    ('%%{init: {"theme": "dark"}}%%\ngraph TD\n%%{\ninit: {"theme": "dark"}\n}%%\nA-->', False, 4, 6),
    ("graph TD\n  %%{ bad\nA-->", False, 1, 1),
    (" graph TD\n A-->", False, 3, 2),
    ("---\ntitle: [1,2]\nconfig: 5\n---\ngraph TD\nA-->B", True, None, None),
    ("---\n- 1\n---\ngraph TD\nA-->B", True, None, None),
    ("%% comment\nerror", True, None, None),
    ("ERROR", True, None, None),
    ("graph TD\nA-->B\nstyle A fill:#f9f;", True, None, None),
    ("graph TD\nA[Say #quot;hi#quot;]-->B", True, None, None),
]


@pytest.mark.parametrize(("text", "valid", "line", "source_line"), CASES)
def test_preprocessing_matches_mermaid(
    text: str, valid: bool, line: int | None, source_line: int | None
) -> None:
    result = validate(text)
    assert result.valid is valid
    if not valid:
        assert result.line == line
        assert result.source_line == source_line


@pytest.mark.parametrize(
    "text",
    [
        "---\na: 1\na: 2\n---\ngraph TD\nA-->B",  # js-yaml: duplicated mapping key
        "---\ntitle: x: y\n---\ngraph TD\nA-->B",  # bad indentation of a mapping entry
        "---\ntitle: !!timestamp 2001\n---\ngraph TD\nA-->B",  # JSON schema: unknown tag
        "---\ntitle: Example\nconfig:\n\ttheme: dark\n---\ninfo",  # tab in indentation
        '---\ntitle: "Unclosed\n---\ninfo showInfo',
        '---\n{ "k": -, a: 1 }\n---\ngraph TD\nA-->B',  # js-yaml: missed comma between flow collection entries
        "---\n? k: 1\n? k: 2\n---\ngraph TD\nA-->B",  # keys are compared as String(key): both "[object Object]"
        '---\na: 1\n"1": x\n1: y\n---\ngraph TD\nA-->B',  # "1" and 1 are the same property
    ],
)
def test_front_matter_that_js_yaml_rejects(text: str) -> None:
    result = validate(text)
    assert not result.valid
    assert result.line is None  # mermaid reports no line for YAML errors
    assert "YAML" in (result.message or "")


@pytest.mark.parametrize(
    ("text", "diagram_type"),
    [
        ("graph TD\nA[C4Container]-->B", "c4"),  # c4's pattern anchors only its first alternative
        ("---\n---\ngraph TD\nA-->B", "---"),  # an empty front matter is no front matter
        ("---\ntitle: x\n---graph TD\nA-->B", "---"),
        ("zenuml\nA->B: hi", None),  # an external plugin: not registered in mermaid itself
        ('%%{init: {"theme": "dark"\ngraph TD\nA-->B', None),  # unterminated directive eats the rest
        ("showInfo\ninfo", None),
        ("cynefin-betax", None),
        ("flowchart-elk TD\nA-->B", "flowchart-elk"),
        ("swimlane-beta LR\nA-->B", "swimlane"),
        ("railroad-ebnf-beta\na = b ;", "railroadEbnf"),
        ("ISHIKAWA-beta", "ishikawa"),
        ("  \n\tsequenceDiagram", "sequence"),
    ],
)
def test_detect_type_like_mermaid(text: str, diagram_type: str | None) -> None:
    assert detect_type(preprocess(text).text) == diagram_type


def test_unknown_type_is_invalid_without_line() -> None:
    result = validate("zenuml\nA->B: hi")
    assert not result.valid and result.line is None and result.diagram_type is None


def test_front_matter_fences() -> None:
    assert match_front_matter("---\ntitle: x\n---\ngraph") is not None
    assert match_front_matter("---\ntitle: x\n---") is None  # the closing fence needs a line break after it
    assert match_front_matter("---\n---\ngraph") is None
    indented = match_front_matter("  ---\n  a: 1\n  ---\ngraph")
    assert indented is not None and indented.indent == "  "


def test_comment_lines_and_blank_lines_before_them_are_removed() -> None:
    prepared = preprocess("graph TD\nA-->B\n\n  %% note\nB-->C")
    assert prepared.text == "graph TD\nA-->B\nB-->C"
    assert [prepared.source_line(line) for line in (1, 2, 3)] == [1, 2, 5]


def test_encode_entities() -> None:
    assert encode_entities("style A fill:#f9f;") == "style A fill:#f9f"
    assert encode_entities("A[#quot;x#35;]") == "A[\ufb02\xb0quot\xb6\xdfx\ufb02\xb0\xb035\xb6\xdf]"


def test_agentflow_and_eventmodeling_keep_comment_lines() -> None:
    prepared = preprocess("agentflow-beta TB\n%% c\n  a --> b")
    assert prepared.parser_text("agentflow") == "agentflow-beta TB\n%% c\n  a --> b"
    assert prepared.parser_text("flowchart-v2") == "agentflow-beta TB\n  a --> b"


@pytest.mark.parametrize(
    "text", ["---\n{ :k: x }\n---\ngraph TD\nA-->B", "---\na: [b, :c]\n---\ngraph TD\nA-->B"]
)
def test_front_matter_js_yaml_accepts(text: str) -> None:
    assert validate(text).valid  # js-yaml reads ":k" as a plain scalar inside flow collections


def test_every_detected_type_has_a_parser():
    from doclint.mermaid.diagrams import PARSER_MODULES, parser_for

    for diagram_id in PARSER_MODULES:
        assert callable(parser_for(diagram_id)), diagram_id


@pytest.mark.parametrize(
    ("text", "diagram_type"),
    [
        ("\u3000\ufeff C4Context", "c4"),  # JavaScript's \s holds these spaces
        ("\u00a0\n flowchart LR", "flowchart-v2"),
        (" \u2003ishikawa-BETA", "ishikawa"),
        ("x C4Dynamic", "c4"),
        ("\u200bgraph TD", None),  # a zero-width space is no JavaScript whitespace
        ("\x1cgraph TD", None),  # nor is an information separator (Python's isspace says it is)
    ],
)
def test_detect_type_skips_javascript_whitespace_only(text: str, diagram_type: str | None) -> None:
    assert detect_type(text) == diagram_type
