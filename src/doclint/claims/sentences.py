"""Prose sentences of a Document, with the footnotes that tag them and where they are in the source.

The claim rules judge sentences, but the Document stores paragraphs (plain text plus where each
footnote is called). This module splits them once per document and maps every sentence back to
its line, so a finding points at the sentence, not at the paragraph's first line.

A footnote belongs to the sentence it follows: ``…parameters.[^brown] Next…`` tags the first
sentence. A literal ``[^x]`` (a call with no definition, which CLM001 reports) still counts as a
tag, so one missing definition is not reported again as an untagged claim.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from doclint.document import Document
from doclint.model import Paragraph

# End of a sentence: terminal punctuation, closing quotes or brackets, literal footnote calls, then
# whitespace and something that can start a sentence. Matching starts at the first mark of a run
# ("..."), which keeps a long run of dots linear. The pattern opens with the mark, and the lookbehind
# (that mark and the one before it are not both marks) follows it: a pattern opening with a character
# class lets the regex engine skip to the next mark; one opening with a lookbehind is tried at every character.
_BOUNDARY = re.compile(r"[.!?](?<![.!?]{2})[.!?]*[\"'’”)\]]*(?:\[\^[^\]\s]+\])*(?=\s+[\"'‘“]?[A-Z0-9])")
_LITERAL_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
_ABBREVIATION = re.compile(
    r"(?:\b(?:al|e\.g|i\.e|cf|vs|Fig|fig|Eq|eq|No|no|pp?|approx|ca|Dr|Mr|Ms|Mrs|St|Sec|sec|Ch|ch|vol|Vol)|\b[A-Z])$"
)
_NOT_PROSE = frozenset({"footnote"})
_NON_SPACE = re.compile(r"\S")
_MDX_STATEMENT = re.compile(r"(?:import|export)\s")
_MDX_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.DOTALL)


@dataclass(frozen=True)
class ProseSentence:
    text: str  # plain text, as the paragraph has it
    start: int  # offsets in the paragraph's text
    end: int
    line: int
    column: int
    end_line: int
    footnotes: tuple[str, ...]  # labels that tag this sentence
    paragraph: Paragraph
    section: str  # the heading the sentence sits under ('' before the first one)
    index: int  # position in its paragraph
    code_spans: tuple[tuple[int, int], ...] = ()  # inline code, as offsets in ``text``

    @property
    def tagged(self) -> bool:
        return bool(self.footnotes)

    @property
    def markdown(self) -> str:
        """The text with its inline code back in backticks, as the claim detector reads sentences."""
        if not self.code_spans:
            return self.text
        parts, position = [], 0
        for start, end in self.code_spans:
            parts += [self.text[position:start], "`", self.text[start:end], "`"]
            position = end
        return "".join(parts) + self.text[position:]

    @property
    def prose_text(self) -> str:
        """The text with inline code blanked (same length): numbers in code are not claims."""
        if not self.code_spans:
            return self.text
        chars = list(self.text)
        for start, end in self.code_spans:
            chars[start:end] = " " * (end - start)
        return "".join(chars)


@dataclass(frozen=True)
class ProseParagraph:
    paragraph: Paragraph
    sentences: tuple[ProseSentence, ...]
    container_title: str = ""  # the label of the admonition (directive) it sits in, if any
    navigation: bool = False  # a list item that opens with a link: "[Scaling laws](./scaling.md): why…"

    def covered(self, sentence: ProseSentence, coverage: str) -> bool:
        """Is ``sentence`` cited: by its own footnote, or (``paragraph`` coverage) by one ending the paragraph?"""
        if sentence.tagged:
            return True
        return coverage == "paragraph" and bool(self.sentences) and self.sentences[-1].tagged

    def neighbours(self, sentence: ProseSentence) -> tuple[str, str]:
        index = sentence.index
        previous = self.sentences[index - 1].markdown if index > 0 else ""
        following = self.sentences[index + 1].markdown if index + 1 < len(self.sentences) else ""
        return previous, following


COVERAGES = ("sentence", "paragraph")


def coverage_option(options: Mapping[str, Any], code: str) -> str:
    """The ``coverage`` option of a rule that asks whether a sentence is cited, validated."""
    coverage = options.get("coverage", "sentence")
    if coverage not in COVERAGES:
        raise ValueError(f"{code} option 'coverage' must be one of {', '.join(COVERAGES)}, not {coverage!r}")
    return str(coverage)


_CACHE: dict[int, tuple[weakref.ref[Document], list[ProseParagraph]]] = {}


def prose(document: Document) -> list[ProseParagraph]:
    """The document's prose paragraphs split into sentences; computed once per document object."""
    cached = _CACHE.get(id(document))
    if cached is not None and cached[0]() is document:
        return cached[1]
    paragraphs = list(_split_document(document))
    key = id(document)
    _CACHE[key] = (weakref.ref(document, lambda _, cache=_CACHE: cache.pop(key, None)), paragraphs)
    return paragraphs


def sentences(document: Document) -> Iterator[ProseSentence]:
    for paragraph in prose(document):
        yield from paragraph.sentences


def prose_where(document: Document, keep: Callable[[str], object]) -> Iterator[ProseParagraph]:
    """The prose paragraphs whose text passes ``keep``, split only if no rule has split them all yet."""
    cached = _CACHE.get(id(document))
    if cached is not None and cached[0]() is document:
        return (paragraph for paragraph in cached[1] if keep(paragraph.paragraph.text))
    return _split_document(document, keep)


def _split_document(
    document: Document, keep: Callable[[str], object] | None = None
) -> Iterator[ProseParagraph]:
    heading_lines = [heading.line for heading in document.headings]
    link_texts: dict[int, list[str]] = {}
    for link in document.links:
        link_texts.setdefault(link.line, []).append(link.text.strip())
    for paragraph in document.paragraphs:
        if (
            paragraph.context in _NOT_PROSE
            or not paragraph.text.strip()
            or (keep and not keep(paragraph.text))
        ):
            continue
        if document.is_mdx and _MDX_STATEMENT.match(paragraph.text):
            continue
        index = bisect.bisect_left(heading_lines, paragraph.line) - 1
        section = document.headings[index].text if index >= 0 else ""
        navigation = paragraph.context == "list item" and any(
            text and paragraph.text.lstrip().startswith(text) for text in link_texts.get(paragraph.line, ())
        )
        title = _container_title(document, paragraph) if paragraph.context == "directive" else ""
        yield ProseParagraph(paragraph, tuple(_split(document, paragraph, section)), title, navigation)


def _container_title(document: Document, paragraph: Paragraph) -> str:
    """The label of the innermost directive around the paragraph (admonitions default to their type)."""
    title = ""
    for directive in document.directives:
        if directive.line > paragraph.line:
            break
        if paragraph.line <= directive.end_line:
            title = directive.label or directive.name
    return title


def split_text(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of a plain text; ``end`` includes the closing punctuation."""
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for match in _BOUNDARY.finditer(text):
        if match.start() < start or _ABBREVIATION.search(text, max(start, match.start() - 8), match.start()):
            continue
        spans.append((start, match.end()))
        start = _skip_space(text, match.end())
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def _skip_space(text: str, position: int) -> int:
    found = _NON_SPACE.search(text, position)  # \S is exactly "not str.isspace()"
    return found.start() if found else len(text)


def _split(document: Document, paragraph: Paragraph, section: str) -> Iterator[ProseSentence]:
    text = paragraph.text
    # MDX comments are invisible (and in `md` files, where they show, they hold suppression comments,
    # never claims): blank them, keeping offsets.
    if "{/*" in text:
        text = _MDX_COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)
    spans = split_text(text)
    starts = [start for start, _ in spans]
    labels: list[list[str]] = [[] for _ in spans]
    for label, offset in zip(paragraph.footnotes, paragraph.footnote_offsets):
        labels[max(bisect.bisect_right(starts, offset) - 1, 0)].append(label)
    newlines = _newlines(text)
    previous_line, previous_column = 0, 0
    for index, (start, end) in enumerate(spans):
        sentence_text = text[start:end]
        literal = (
            [match.group(1) for match in _LITERAL_FOOTNOTE.finditer(sentence_text)]
            if "[^" in sentence_text
            else []
        )
        line = paragraph.line + bisect.bisect_left(newlines, start)
        end_line = paragraph.line + bisect.bisect_left(newlines, end)
        after = previous_column if line == previous_line else 0
        column = _column(document.line(line), sentence_text, after)
        previous_line, previous_column = line, column
        code = (
            tuple(
                (max(code_start, start) - start, min(code_end, end) - start)
                for code_start, code_end in paragraph.code_spans
                if code_start < end and start < code_end
            )
            if paragraph.code_spans
            else ()
        )
        yield ProseSentence(
            sentence_text,
            start,
            end,
            line,
            column,
            end_line,
            tuple(labels[index] + literal),
            paragraph,
            section,
            index,
            code,
        )


def _newlines(text: str) -> list[int]:
    found: list[int] = []
    index = text.find("\n")
    while index != -1:
        found.append(index)
        index = text.find("\n", index + 1)
    return found


def _column(source_line: str, sentence: str, after: int) -> int:
    """Where the sentence starts on its first line: its first word, searched after the previous sentence."""
    first_word = sentence.split(maxsplit=1)[0] if sentence.strip() else ""
    found = source_line.find(first_word, after) if first_word else -1
    if found >= 0:
        return found + 1
    return len(source_line) - len(source_line.lstrip()) + 1


def locate(document: Document, sentence: ProseSentence, span: tuple[int, int]) -> tuple[int, int, int]:
    """(line, column, end column) in the source of a span of the sentence's text, such as a number."""
    text = sentence.paragraph.text
    start = sentence.start + span[0]
    line = sentence.paragraph.line + text.count("\n", 0, start)
    fragment = sentence.text[span[0] : span[1]].split("\n", 1)[0]
    source_line = document.line(line)
    found = (
        source_line.find(fragment, sentence.column - 1 if line == sentence.line else 0) if fragment else -1
    )
    if found < 0:
        return line, sentence.column if line == sentence.line else 1, len(source_line) + 1
    return line, found + 1, found + 1 + len(fragment)
