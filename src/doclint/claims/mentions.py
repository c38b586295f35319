"""Who a number in a sentence is about: "GPT-3 has 175 billion parameters" -> (GPT-3, 175e9 parameters).

The value checks (CLM006, CLM007) compare numbers that describe the same thing. A number is
attributed to the nearest name in its sentence: a subject alias from ``claims.yaml``, or a name that
looks like a model (``GPT-3``, ``BERT``, ``PaLM``, ``InstructGPT``). "InstructGPT's 1.3B model beat
the 175B GPT-3" then gives 1.3B to InstructGPT and 175B to GPT-3, and neither is compared with the
other's registry entry.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from doclint.claims.numbers import Quantity, find_quantities
from doclint.claims.sentences import ProseSentence, prose_where
from doclint.document import Document

# A model-like name: letters glued to a digit (GPT-3, T5, Llama-2), two or more capitals (BERT,
# PaLM, LLaMA) or an inner capital (InstructGPT). Generic acronyms are not subjects.
_MODEL_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Za-z]*-?\d+(?:\.\d+)?[A-Za-z]*|[A-Z][a-z]*[A-Z][A-Za-z]*)(?![\w-]|\.\d)"
)
_GENERIC = frozenset(
    [
        "AI",
        "API",
        "CPU",
        "CPUs",
        "DPO",
        "FLOP",
        "FLOPs",
        "GPU",
        "GPUs",
        "HTML",
        "JSON",
        "KV",
        "LLM",
        "LLMs",
        "ML",
        "MDX",
        "NLP",
        "PPO",
        "RAM",
        "RL",
        "RLHF",
        "SFT",
        "TPU",
        "TPUs",
        "URL",
        "USD",
    ]
)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(r"\b(?:thousand|million|billion|trillion)\b", re.IGNORECASE)
_LITERAL_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
MAX_DISTANCE = 60  # characters between a number and the name it is attributed to


@dataclass(frozen=True)
class Mention:
    """A number in a sentence, with the name it describes ('' when no name is near enough)."""

    document: Document
    sentence: ProseSentence
    quantity: Quantity
    subject: str


def alias_pattern(aliases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for every alias, longest first, bounded so "GPT-3" never matches inside "GPT-3.5"."""
    names = sorted({alias for alias in aliases if alias}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(name) for name in names) + r")(?![\w-]|\.\d)")


_CACHE: dict[tuple[int, str, str], tuple[weakref.ref[Document], list[Mention]]] = {}


def mentions(
    document: Document, aliases: re.Pattern[str] | None, topic: re.Pattern[str] | None = None
) -> list[Mention]:
    """Every number in the document's prose with the name it is attributed to; cached per document.

    ``topic`` narrows the search to paragraphs it matches (a rule that compares parameter counts
    skips every paragraph that never says "parameters" or names a registered subject).
    """
    key = (id(document), aliases.pattern if aliases else "", topic.pattern if topic else "")
    cached = _CACHE.get(key)
    if cached is not None and cached[0]() is document:
        return cached[1]

    def relevant(text: str) -> bool:
        return has_number(text) and (topic is None or bool(topic.search(text)))

    found = [
        mention
        for paragraph in prose_where(document, relevant)
        for sentence in paragraph.sentences
        for mention in _sentence_mentions(document, sentence, aliases)
    ]
    _CACHE[key] = (weakref.ref(document, lambda _, cache=_CACHE: cache.pop(key, None)), found)
    return found


def has_number(text: str) -> bool:
    """Does the text hold a digit or a number word ("175 billion", "a million")?"""
    if _DIGIT.search(text):
        return True
    # A case-insensitive alternation has no literal the regex engine can skip to: it is tried at every
    # character. In ASCII text (ASCII letters fold only to each other) a substring test rules most text out.
    if text.isascii():
        lowered = text.lower()
        if "thousand" not in lowered and "illion" not in lowered:
            return False
    return _NUMBER_WORD.search(text) is not None


def _sentence_mentions(
    document: Document, sentence: ProseSentence, aliases: re.Pattern[str] | None
) -> list[Mention]:
    # Blank literal [^x] calls and inline code rather than delete them, so spans stay offsets in the sentence.
    text = _LITERAL_FOOTNOTE.sub(lambda match: " " * len(match.group(0)), sentence.prose_text)
    if not has_number(text):
        return []
    quantities = find_quantities(text)
    if not quantities:
        return []
    names = _names(text, aliases)
    return [Mention(document, sentence, quantity, _nearest(quantity, names, text)) for quantity in quantities]


def _names(text: str, aliases: re.Pattern[str] | None) -> list[tuple[int, int, str]]:
    """Names in the sentence as (start, end, name), sorted by start."""
    spans: list[tuple[int, int, str]] = []
    if aliases is not None:
        spans.extend((m.start(), m.end(), m.group(0)) for m in aliases.finditer(text))
    covered = sorted((start, end) for start, end, _ in spans)
    for match in _MODEL_NAME.finditer(text):
        if match.group(0) in _GENERIC or _inside(match.start(), covered):
            continue
        spans.append((match.start(), match.end(), match.group(0)))
    return sorted(spans)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _nearest(quantity: Quantity, names: list[tuple[int, int, str]], text: str) -> str:
    """The closest name before or after the number, within MAX_DISTANCE and the same clause."""
    start, end = quantity.span
    starts = [name_start for name_start, _, _ in names]
    candidates: list[tuple[int, str, str]] = []  # (gap, text between, name)
    before = bisect.bisect_left(starts, start) - 1
    while before >= 0 and names[before][1] > start:
        before -= 1  # overlapping the number: "GPT-3 175B" as an alias holds its own value
    if before >= 0:
        candidates.append((start - names[before][1], text[names[before][1] : start], names[before][2]))
    after = bisect.bisect_left(starts, end)
    if after < len(names):
        candidates.append((names[after][0] - end, text[end : names[after][0]], names[after][2]))
    usable = [(gap, name) for gap, between, name in candidates if gap <= MAX_DISTANCE and ";" not in between]
    return (
        min(usable, key=lambda candidate: candidate[0])[1] if usable else ""
    )  # a tie goes to the name before
