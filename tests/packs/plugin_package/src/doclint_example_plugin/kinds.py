"""A check kind for YAML rule packs: sentences in prose longer than a number of words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from doclint.diagnostics import Diagnostic
from doclint.document import Document
from doclint.rules.base import DocumentRule, RuleContext
from doclint.rules.packs.base import PackRule
from doclint.rules.packs.spec import CheckReader, fill

_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


class SentenceLength(PackRule, DocumentRule):
    kind = "sentence-length"
    kind_fields = ("max-words",)
    placeholders = ("words", "max")
    default_message = "this sentence has {words} words; keep sentences to {max}"
    max_words: int

    @classmethod
    def configure(cls, reader: CheckReader) -> dict[str, Any]:
        return {"max_words": reader.integer("max-words", 1) or 35}

    @classmethod
    def describe(cls) -> str:
        return f"Reports sentences of more than {cls.max_words} words."

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not self.applies_to(document.path):
            return
        for block in self.blocks(document):
            for match in _SENTENCE.finditer(block.text):
                words = len(match.group().split())
                if words > self.max_words:
                    start = block.start + match.start() + len(match.group()) - len(match.group().lstrip())
                    line, column = document.source.position(start)
                    yield self.report(
                        document, line, column, fill(self.message, words=words, max=self.max_words)
                    )
