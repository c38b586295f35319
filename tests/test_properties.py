"""Property tests over the whole pipeline: generated Docusaurus Markdown never crashes doclint, every
diagnostic points inside its file, and the run is deterministic."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doclint.config import Config
from doclint.engine import Linter
from doclint.site import SiteSettings

WORDS = st.sampled_from(
    ["alpha", "Beta", "GPT-3", "175B", "{x}", "<5", "*em*", "`code`", "&amp;", "é", "😄", "[^n]", "::"]
)
TEXT = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
KEYWORDS = st.sampled_from(["note", "tip", "warning", "NOTE", "warnin", "info", "danger"])

BLOCKS = st.one_of(
    TEXT,
    st.builds(lambda level, text: "#" * level + " " + text, st.integers(1, 6), TEXT),
    st.builds(lambda text: f"## {text} {{#custom-id}}", TEXT),
    st.builds(
        lambda text, url: f"[{text}]({url})",
        TEXT,
        st.sampled_from(["#alpha", "./other.md", "../x.md#y", "#", "https://e.com"]),
    ),
    st.builds(lambda text: f"![{text}](./img.png)", TEXT),
    st.builds(lambda label, text: f"{label}: {text}", st.sampled_from(["[^n]", "[^m]", "[ref]"]), TEXT),
    st.builds(
        lambda colons, keyword, title: f"{':' * colons}{keyword}{title}",
        st.integers(2, 5),
        KEYWORDS,
        st.sampled_from(["", "[Title]", " Legacy title", "[Unclosed", "{#id .c}"]),
    ),
    st.sampled_from([":::", "::::", "::: ", ":::note Body :::"]),
    st.builds(
        lambda lang, body: f"```{lang}\n{body}\n```",
        st.sampled_from(["", "python", "mermaid", "md"]),
        st.sampled_from(
            ["graph TD\n  A --> B", "grpah", "sequenceDiagram\n  A->>B: hi", "x = {1}", ":::note"]
        ),
    ),
    st.sampled_from(
        [
            "```mermaid\ngraph TD",
            "~~~",
            "<!-- comment -->",
            "{/* comment */}",
            "{/* doclint-disable-next-line */}",
            "<br>",
            "<div>",
            "import x from 'y'",
            "export const a = 1",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "***",
        ]
    ),
    st.builds(lambda text: f"- {text}", TEXT),
    st.builds(lambda text: f"> {text}", TEXT),
    st.builds(lambda text: f"    indented {text}", TEXT),
)
FRONT_MATTER = st.sampled_from(
    [
        "",
        "---\ntitle: T\n---\n",
        "---\ntitle: [\n---\n",
        "---\nslug: /x\nid: a/b\n---\n",
        "---\ntitle: open\n",
        "---\n- a\n---\n",
        "---\nmdx:\n  format: md\n---\n",
    ]
)
DOCUMENTS = st.builds(
    lambda front, blocks, newline: (front + "\n\n".join(blocks)).replace("\n", newline),
    FRONT_MATTER,
    st.lists(BLOCKS, max_size=12),
    st.sampled_from(["\n", "\r\n"]),
)


def run(root: Path, markdown_format: str):
    config = Config(
        root=root,
        docs=("docs",),
        site=SiteSettings(markdown_format=markdown_format, mermaid=True, site_dir=str(root)),
    )
    return Linter(config, jobs=1, use_cache=False, keep_raw=True).run([root / "docs"])  # keep the Documents


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents=st.lists(DOCUMENTS, min_size=1, max_size=3), markdown_format=st.sampled_from(["mdx", "md"]))
def test_pipeline_never_crashes_and_points_inside_files(documents, markdown_format):
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory).resolve()
        (root / "docs").mkdir()
        for index, text in enumerate(documents):
            (root / "docs" / f"doc{index}.md").write_bytes(text.encode("utf-8"))
        first = run(root, markdown_format)
        assert not first.internal_errors, first.internal_errors[0]
        lines = {document.display_path: document.text.split("\n") for document in first.documents.values()}
        for diagnostic in first.diagnostics:
            text_lines = lines.get(diagnostic.path)
            if text_lines is None:
                continue
            assert 1 <= diagnostic.line <= len(text_lines), diagnostic
            assert 1 <= diagnostic.column <= len(text_lines[diagnostic.line - 1]) + 1, diagnostic
            assert diagnostic.end_line >= diagnostic.line
        assert run(root, markdown_format).diagnostics == first.diagnostics
