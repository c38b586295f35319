"""What the Document derives from its fields (masked text, comments) and what of it travels in a pickle."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from doclint.document import blank_spans, build_document
from doclint.site import SiteSettings
from doclint.source import SourceText


def parse(source: str, fmt: str = "mdx"):
    return build_document(
        Path(f"docs/page.{fmt}"), "page", SourceText(source), SiteSettings(markdown_format="detect")
    )


def test_blank_spans_keeps_newlines_and_merges_overlaps():
    assert blank_spans("ab\ncd\nef", [(1, 4), (3, 5), (7, 99)]) == "a \n  \ne "
    assert blank_spans("abc", [(5, 9), (2, 2)]) == "abc"


def test_masked_text_blanks_code_and_front_matter_in_place():
    source = "---\ntitle: T\n---\n\nText `code` here.\n\n```js\nlet x;\n```\n"
    document = parse(source)
    assert document.masked_text == "   \n        \n   \n\nText        here.\n\n```js\n      \n```\n"
    assert document.masked_lines == document.masked_text.split("\n")


def test_comments_are_found_outside_code_only():
    document = parse("{/* one */}\n\n`{/* code */}`\n\n<!-- two -->\n")
    assert [(comment.kind, comment.body.strip()) for comment in document.comments] == [
        ("mdx", "one"),
        ("html", "two"),
    ]
    assert parse("No comment, `<!-- code -->` only.\n").comments == []


def test_pickled_document_keeps_its_fields_and_what_the_main_process_reads():
    document = parse("# Title\n\n{/* note */} Text with [a link](other.md).\n")
    assert document.masked_lines and document.comments  # cache them, as rules do
    state = document.__getstate__()
    assert "masked_lines" not in state and {"masked_text", "comments"} <= state.keys()
    copy = pickle.loads(pickle.dumps(document))
    assert copy == document
    assert copy.masked_text == document.masked_text and copy.masked_lines == document.masked_lines


def test_a_cold_run_of_plain_pages_imports_neither_mermaid_nor_the_claim_detector(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("# Page\n\nSome text, no diagram, no footnote.\n")
    import doclint

    script = (
        "import sys\nfrom doclint.cli import main\n"
        "try:\n    main(['check', 'docs', '--no-cache', '--jobs', '1', '--exit-zero'])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(name for name in sys.modules if name.startswith(('doclint.mermaid', 'doclint.claims.detector'))))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(doclint.__file__).resolve().parents[1])}
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    assert run.stdout.strip().splitlines()[-1] == "[]"


def test_line_starts_match_a_scan_for_newlines():
    for text in ("", "\n", "a", "a\n", "a\nbc\n\nd", "\n\n\nx"):
        expected = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
        assert SourceText(text).line_starts == expected, repr(text)


def test_parser_text_blanks_front_matter_lines_in_place():
    """Front matter is blanked by slicing on most pages, line by line on pages with lines to rewrite:
    both keep every newline, also when the front matter runs to the end of the file."""
    from doclint.document import parser_text

    for source in (
        "---\ntitle: T\n---\nBody.\n",
        "---\ntitle: T\n---",
        "---\ntitle: T\n---\n",
        "---\ntitle: T\nno closer\n",
        "---\ntitle: T\n---\n:::note Legacy title\n\nx\n\n:::\n",
    ):
        document = parse(source, fmt="md")
        text = parser_text(document)
        assert text.count("\n") == source.count("\n"), repr(source)
        end = document.front_matter.end_line
        assert text.split("\n")[:end] == [""] * end
        assert text.split("\n")[end:] == source.split("\n")[end:] or ":::note" in source
