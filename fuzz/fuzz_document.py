"""Fuzz the document-model entry point with atheris (coverage-guided, libFuzzer).

    pip install atheris
    python fuzz/seed_corpus.py fuzz/corpus          # seed from the repository's fixtures and examples
    python fuzz/fuzz_document.py fuzz/corpus -max_total_time=3600 -rss_limit_mb=2048

Each input is taken as the bytes of a Markdown file. It goes through decoding, Document building (front
matter, markdown-it, directives, headings, links, footnotes) in both MDX and CommonMark, every document rule,
and the mermaid validator for every mermaid fence. Any exception other than a reported decoding problem is a
crash: libFuzzer stops and writes the input to crash-<hash>.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from doclint.document import build_document
    from doclint.mermaid import validate
    from doclint.rules import DocumentRule, all_rules
    from doclint.rules.base import RuleContext
    from doclint.site import SiteSettings
    from doclint.source import DecodeProblem, SourceText

SETTINGS = {name: SiteSettings(markdown_format=name, mermaid=True) for name in ("mdx", "md")}
RULES = [rule() for rule in all_rules() if issubclass(rule, DocumentRule) and rule.pure]


def test_one_input(data: bytes) -> None:
    try:
        source = SourceText.from_bytes(data)
    except DecodeProblem:
        return
    for markdown_format, settings in SETTINGS.items():
        document = build_document(Path(f"/fuzz/doc.{markdown_format}"), "doc.md", source, settings)
        for rule in RULES:
            for diagnostic in rule.check(document, RuleContext(dict(rule.default_options), settings)):
                assert diagnostic.line >= 1, diagnostic
        for fence in document.fences:
            if fence.language == "mermaid":
                validate(fence.content)


def main() -> None:
    sys.setrecursionlimit(10_000)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
