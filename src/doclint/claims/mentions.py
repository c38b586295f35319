"""Who a number in a sentence is about: "GPT-3 has 175 billion parameters" -> (GPT-3, 175e9 parameters).

The value checks (CLM006, CLM007) compare numbers that describe the same thing. A number is
attributed to the nearest name in its sentence: a subject alias from ``claims.yaml``, or a name that
looks like a model (``GPT-3``, ``BERT``, ``PaLM``, ``InstructGPT``). "InstructGPT's 1.3B model beat
the 175B GPT-3" then gives 1.3B to InstructGPT and 175B to GPT-3, and neither is compared with the
other's registry entry.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from doclint.claims.numbers import Quantity, find_quantities
from doclint.claims.sentences import ProseSentence, sentences
from doclint.document import Document

# A model-like name: letters glued to a digit (GPT-3, T5, Llama-2), two or more capitals (BERT,
# PaLM, LLaMA) or an inner capital (InstructGPT). Generic acronyms are not subjects.
_MODEL_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Za-z]*-?\d+(?:\.\d+)?[A-Za-z]*|[A-Z][a-z]*[A-Z][A-Za-z]*)(?![\w-]|\.\d)"
)
_GENERIC = frozenset(
    """AI API CPU CPUs DPO FLOP FLOPs GPU GPUs HTML JSON KV LLM LLMs ML MDX NLP PPO RAM RL RLHF SFT TPU TPUs
    URL USD""".split()
)
_HAS_NUMBER = re.compile(r"\d|\b(?:thousand|million|billion|trillion)\b", re.IGNORECASE)
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


_CACHE: dict[tuple[int, str], tuple[weakref.ref[Document], list[Mention]]] = {}


def mentions(document: Document, aliases: re.Pattern[str] | None) -> list[Mention]:
    """Every number in the document's prose with the name it is attributed to; cached per document."""
    key = (id(document), aliases.pattern if aliases else "")
    cached = _CACHE.get(key)
    if cached is not None and cached[0]() is document:
        return cached[1]
    found = [mention for sentence in sentences(document) for mention in _sentence_mentions(document, sentence, aliases)]
    _CACHE[key] = (weakref.ref(document, lambda _, cache=_CACHE: cache.pop(key, None)), found)
    return found


def _sentence_mentions(document: Document, sentence: ProseSentence, aliases: re.Pattern[str] | None) -> list[Mention]:
    # Blank literal [^x] calls and inline code rather than delete them, so spans stay offsets in the sentence.
    text = _LITERAL_FOOTNOTE.sub(lambda match: " " * len(match.group(0)), sentence.prose_text)
    if not _HAS_NUMBER.search(text):
        return []
    quantities = find_quantities(text)
    if not quantities:
        return []
    names = _names(text, aliases)
    return [Mention(document, sentence, quantity, _nearest(quantity, names, text)) for quantity in quantities]


def _names(text: str, aliases: re.Pattern[str] | None) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    if aliases is not None:
        spans.extend((m.start(), m.end(), m.group(0)) for m in aliases.finditer(text))
    for match in _MODEL_NAME.finditer(text):
        if match.group(0) in _GENERIC or any(s <= match.start() < e for s, e, _ in spans):
            continue
        spans.append((match.start(), match.end(), match.group(0)))
    return spans


def _nearest(quantity: Quantity, names: list[tuple[int, int, str]], text: str) -> str:
    start, end = quantity.span
    best: tuple[int, str] | None = None
    for name_start, name_end, name in names:
        if name_start < end and start < name_end:
            continue  # the number is part of the name ("GPT-3 175B" as an alias)
        gap = text[name_end:start] if name_end <= start else text[end:name_start]
        if len(gap) > MAX_DISTANCE or ";" in gap:
            continue
        if best is None or len(gap) < best[0]:
            best = (len(gap), name)
    return best[1] if best else ""
