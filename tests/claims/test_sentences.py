"""Sentence splitting of prose paragraphs: spans, the footnotes that tag each sentence, source lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.claims.sentences import locate, prose, sentences, split_text
from doclint.document import build_document
from doclint.site import SiteSettings
from doclint.source import SourceText


def document(text: str, markdown_format: str = "mdx"):
    return build_document(
        Path("x.md"), "x.md", SourceText.from_bytes(text.encode()), SiteSettings(markdown_format)
    )


def texts(text: str) -> list[str]:
    return [text[start:end] for start, end in split_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One claim. Another one.", ["One claim.", "Another one."]),
        ("Brown et al. (2020) said so. It is e.g. big.", ["Brown et al. (2020) said so.", "It is e.g. big."]),
        ("The loss is 0.69 here. Fine.", ["The loss is 0.69 here.", "Fine."]),
        ('He said "it works." Then left.', ['He said "it works."', "Then left."]),
        ("Is it? Yes! 2017 was the year.", ["Is it?", "Yes!", "2017 was the year."]),
        ("See Fig. 3 for details. Done.", ["See Fig. 3 for details.", "Done."]),
        ("lowercase after a stop. stays one sentence.", ["lowercase after a stop. stays one sentence."]),
        ("Wait... Then it ran.", ["Wait...", "Then it ran."]),
    ],
)
def test_split_text(text, expected):
    assert texts(text) == expected


def test_footnote_after_the_full_stop_tags_the_sentence_before_it():
    doc = document(
        "GPT-3 has 175B parameters.[^brown] It was trained on 300B tokens.[^kaplan]\n\n[^brown]: B.\n[^kaplan]: K.\n"
    )
    assert [(s.text, s.footnotes) for s in sentences(doc)] == [
        ("GPT-3 has 175B parameters.", ("brown",)),
        ("It was trained on 300B tokens.", ("kaplan",)),
    ]


def test_literal_footnote_counts_as_a_tag():
    (sentence,) = sentences(document("GPT-3 has 175B parameters.[^missing]\n"))
    assert sentence.footnotes == ("missing",)


def test_sentences_are_placed_on_their_own_line_and_column():
    doc = document("# T\n\nFirst sentence here.\nSecond one starts\nhere. Third on the same line.\n")
    assert [(s.line, s.column, s.end_line) for s in sentences(doc)] == [(3, 1, 3), (4, 1, 5), (5, 7, 5)]


def test_locate_finds_a_number_in_a_list_item():
    doc = document("# T\n\n- A claim.\n- GPT-3 has **175B** parameters.\n")
    sentence = list(sentences(doc))[1]
    start = sentence.text.index("175B")
    assert locate(doc, sentence, (start, start + 4)) == (4, 15, 19)  # inside the **bold**


def test_inline_code_is_restored_for_the_detector_and_blanked_for_numbers():
    (sentence,) = sentences(document("Set `max_tokens=2048` in the config.\n"))
    assert sentence.markdown == "Set `max_tokens=2048` in the config."
    assert "2048" not in sentence.prose_text and len(sentence.prose_text) == len(sentence.text)


def test_footnote_definitions_and_mdx_comments_are_not_prose():
    doc = document(
        "{/* doclint-disable-next-line CLM008 */}\nA claim.[^a]\n\n[^a]: A source with 2 numbers.\n"
    )
    assert [s.text.strip() for s in sentences(doc)] == ["A claim."]


def test_section_and_admonition_title_and_navigation():
    doc = document(
        "# Intro\n\n## Next Steps\n\n- [Scaling](./scaling.md): how loss falls.\n\n:::tip[Try it]\nCompute 7 × 20.\n:::\n"
    )
    paragraphs = prose(doc)
    assert [(p.sentences[0].section, p.container_title, p.navigation) for p in paragraphs] == [
        ("Next Steps", "", True),
        ("Next Steps", "Try it", False),
    ]


def test_split_is_cached_per_document():
    doc = document("One. Two.\n")
    assert prose(doc) is prose(doc)
