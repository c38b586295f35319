"""The slugger against github-slugger's own fixtures (all pairs, one slugger in order, as upstream runs them)
and against the worked examples of spec 4.3, which were checked through the Docusaurus 3.10.2 pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from doclint.document import build_document
from doclint.parsing.slugger import Slugger
from doclint.site import SiteSettings
from doclint.source import SourceText

FIXTURES = json.loads(
    (Path(__file__).parent / "data" / "github_slugger_fixtures.json").read_text(encoding="utf-8")
)


def test_every_upstream_fixture_in_sequence():
    slugger = Slugger()
    results = [(fixture["name"], slugger.slug(fixture["input"]), fixture["expected"]) for fixture in FIXTURES]
    assert len(results) == 78
    assert [(name, got) for name, got, _ in results] == [(name, expected) for name, _, expected in results]


def _ids(markdown: str, fmt: str = "md") -> list[str]:
    document = build_document(Path(f"docs/page.{fmt}"), "page", SourceText(markdown), SiteSettings())
    return [heading.id for heading in document.headings]


# spec 4.3: (heading text, id) through the real pipeline
WORKED = [
    ("I ♥ unicode", "i--unicode"),
    ("en–dash", "endash"),
    ("😄 unicode emoji", "-unicode-emoji"),
    ("😄_😄 unicode emoji", "_-unicode-emoji"),
    (
        ":ok_hand::hatched_chick: Two in a row with no spaces",
        "ok_handhatched_chick-two-in-a-row-with-no-spaces",
    ),
    (
        "exchange.bind_headers(exchange, routing [, bindCallback])",
        "exchangebind_headersexchange-routing--bindcallback",
    ),
    ("apostrophe’s should be trimmed", "apostrophes-should-be-trimmed"),
    ("Привет non-latin 你好", "привет-non-latin-你好"),
    ("heading with a - dash", "heading-with-a---dash"),
    ("With *Bold* hello{#custom-withbold-hello}", "custom-withbold-hello"),
    ("{#text-after} custom ID", "text-after-custom-id"),
    ("Café & Crème: Über straße!", "café--crème-über-straße"),
    ("`config.js` options", "configjs-options"),
    ("[Linked](https://x) heading", "linked-heading"),
    ("Hello :smile: emoji 😄", "hello-smile-emoji-"),
    ("Version 2.0.1", "version-201"),
    ("Tom &amp; Jerry", "tom--jerry"),
    ("Ǆemo İstanbul ΣΑΣ", "ǆemo-i̇stanbul-σας"),
]


@pytest.mark.parametrize("fmt", ["md", "mdx"])
@pytest.mark.parametrize(("text", "expected"), WORKED, ids=[pair[1] for pair in WORKED])
def test_worked_example(text, expected, fmt):
    assert _ids(f"## {text}\n", fmt) == [expected]


def test_duplicates_and_h1_consuming_a_slug():
    assert _ids("# Duplicate\n\n## Duplicate\n\n## Duplicate\n") == [
        "duplicate",
        "duplicate-1",
        "duplicate-2",
    ]


def test_explicit_ids_are_not_registered_in_the_slugger():
    assert _ids("## A {#my-id}\n\n## B {#my-id}\n\n## my-id\n") == ["my-id", "my-id", "my-id"]


def test_closing_sequence_and_empty_headings():
    assert _ids("## A ### b ###\n\n##\n\n##\n") == ["a--b", "", "-1"]


def test_ascii_headings_slug_as_the_per_character_rule_does():
    """ASCII text takes a translate table built from the per-character rule: both agree on every character."""
    from doclint.parsing.slugger import _is_stripped, slug

    for code in range(128):
        text = f"a{chr(code)}b"
        expected = "".join("-" if char == " " else char for char in text if not _is_stripped(char))
        assert slug(text, maintain_case=True) == expected, repr(chr(code))
