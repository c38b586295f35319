"""The terminology kind: a glossary of preferred terms, their forbidden variants, and acronyms that each
chapter must expand at their first use."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from doclint.diagnostics import Diagnostic
from doclint.document import Document
from doclint.packs import load_yaml
from doclint.rules.base import DocumentRule, RuleContext
from doclint.rules.packs.base import PackRule, match_case, normal, token_pattern
from doclint.rules.packs.patterns import GuardedPattern
from doclint.rules.packs.scopes import link_text_ranges
from doclint.rules.packs.spec import CheckReader, fill


@dataclass(frozen=True)
class Term:
    term: str
    variants: tuple[str, ...] = ()
    acronym: str | None = None


class Terminology(PackRule, DocumentRule):
    kind = "terminology"
    kind_fields = ("glossary", "terms", "ignore-case", "acronym-message")
    default_scope = ("prose", "headings", "titles")
    placeholders = ("match", "term")
    default_message = "write '{term}', not '{match}' (series glossary)"
    offers_fix = True
    fix_action = "writes the preferred term in place of a variant"
    acronym_placeholders = ("acronym", "expansion")
    default_acronym_message = "'{acronym}' is used here before this chapter defines it; write '{expansion} ({acronym})' at its first use"
    terms: tuple[Term, ...]
    glossary_path: str | None  # as messages show it
    variant_matcher: GuardedPattern | None
    preferred: dict[str, str]
    acronym_matcher: GuardedPattern | None
    definitions: dict[str, GuardedPattern]
    acronym_message: str
    ignore_case: bool

    @classmethod
    def configure(cls, reader: CheckReader) -> dict[str, Any]:
        glossary = reader.optional_string("glossary")
        if glossary is None and not reader.has("terms"):
            raise reader.error("glossary", "a terminology check needs a 'glossary' file or inline 'terms'")
        raw_terms: list[Any] = []
        if glossary is not None:
            raw_terms += _read_glossary(reader, reader.pack_file.parent / glossary)
        if reader.has("terms"):
            inline = reader.value("terms")
            if not isinstance(inline, list):
                raise reader.error("terms", "must be a list of {term, variants, acronym} entries")
            raw_terms += inline
        ignore_case = reader.boolean("ignore-case", True)
        terms = tuple(_term(reader, index, item) for index, item in enumerate(raw_terms))
        return {
            "terms": terms,
            "glossary_path": (Path(reader.pack_path).parent / glossary).as_posix() if glossary else None,
            "ignore_case": ignore_case,
            "acronym_message": reader.message(
                "acronym-message", cls.default_acronym_message, cls.acronym_placeholders
            ),
            **_matchers(reader, terms, ignore_case),
        }

    @classmethod
    def describe(cls) -> str:
        source = f"the glossary {cls.glossary_path}" if cls.glossary_path else "the terms listed in the pack"
        variants = [f"`{variant}` → `{term.term}`" for term in cls.terms for variant in term.variants]
        acronyms = [f"`{term.acronym}` ({term.term})" for term in cls.terms if term.acronym]
        parts = [f"Applies {source}."]
        if variants:
            parts.append(f"Reports a variant the glossary forbids: {', '.join(variants)}.")
        if acronyms:
            parts.append(
                f"Reports the first use in a chapter's prose of an acronym that the chapter has not yet defined "
                f"as `expansion (ACRONYM)` (or `ACRONYM (expansion)`): {', '.join(acronyms)}. A heading or a link's "
                f"text is not a first use (headings stay short; link text names the page it links to)."
            )
        return " ".join(parts)

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not self.applies_to(document.path):
            return
        found: list[Diagnostic] = []
        if self.variant_matcher is not None:
            for block, match in self.search(self.variant_matcher, document, found):
                written = match.group()
                term = match_case(self.preferred[normal(written, self.ignore_case)], written)
                if written == term:
                    continue
                span = self.span(document, block, match)
                fix = self.replacement_fix(f"write '{term}'", span, term, block.scope)
                found.append(self.finding(document, span, fill(self.message, match=written, term=term), fix))
        if self.acronym_matcher is not None:
            found.extend(self._undefined_acronyms(document, found))
        yield from found

    def _undefined_acronyms(self, document: Document, found: list[Diagnostic]) -> Iterator[Diagnostic]:
        links = link_text_ranges(document)
        first_use: dict[str, tuple[int, tuple[int, int, int, int]]] = {}
        assert self.acronym_matcher is not None
        for block, match in self.search(self.acronym_matcher, document, found, ("prose",)):
            offset = block.start + match.start()
            if any(start <= offset < end for start, end in links):
                continue
            acronym = match.group("acronym")
            if acronym not in first_use:
                first_use[acronym] = (offset, self.span(document, block, match))
        for acronym, (offset, span) in first_use.items():
            definitions = self.search(self.definitions[acronym], document, found, ("prose", "headings"))
            if definitions and definitions[0][0].start + definitions[0][1].start() <= offset:
                continue
            expansion = next(term.term for term in self.terms if term.acronym == acronym)
            yield self.finding(
                document, span, fill(self.acronym_message, acronym=acronym, expansion=expansion)
            )


def _read_glossary(reader: CheckReader, path: Path) -> list[Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise reader.error("glossary", f"cannot read {path}: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        raise reader.error("glossary", f"{path} is not valid YAML: {error}") from None
    if not isinstance(data, Mapping) or not isinstance(data.get("terms"), list):
        raise reader.error("glossary", f"{path} must be a mapping with a 'terms' list")
    return list(data["terms"])


def _term(reader: CheckReader, index: int, item: Any) -> Term:
    field = f"terms[{index}]"
    if not isinstance(item, Mapping) or set(item) - {"term", "variants", "acronym"}:
        raise reader.error(field, "each term is a mapping with 'term' and 'variants' and/or 'acronym'")
    term = item.get("term")
    variants = item.get("variants", []) or []
    acronym = item.get("acronym")
    if not isinstance(term, str) or not term.strip():
        raise reader.error(f"{field}.term", "is required: the spelling the series uses")
    if isinstance(variants, str):
        variants = [variants]
    if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
        raise reader.error(f"{field}.variants", "must be a list of spellings to avoid")
    if acronym is not None and not (
        isinstance(acronym, str) and re.fullmatch(r"[A-Z][A-Za-z0-9]*[A-Z0-9]", acronym)
    ):
        raise reader.error(
            f"{field}.acronym", f"{acronym!r} is not an acronym (capital letters and digits, as in LLM)"
        )
    if not variants and acronym is None:
        raise reader.error(field, f"'{term}' needs 'variants' to forbid or an 'acronym' to expand")
    return Term(term, tuple(variants), acronym)


def _matchers(reader: CheckReader, terms: tuple[Term, ...], ignore_case: bool) -> dict[str, Any]:
    preferred: dict[str, str] = {}
    for index, term in enumerate(terms):
        for variant in term.variants:
            key = normal(variant, ignore_case)
            if key in preferred and preferred[key] != term.term:
                raise reader.error(
                    f"terms[{index}].variants", f"'{variant}' is already a variant of '{preferred[key]}'"
                )
            preferred[key] = term.term
    variant_matcher = (
        reader.pattern("terms", token_pattern(tuple(preferred), ignore_case, True)) if preferred else None
    )
    acronyms = {term.acronym: term.term for term in terms if term.acronym}
    acronym_matcher = None
    definitions: dict[str, GuardedPattern] = {}
    if acronyms:
        alternatives = "|".join(re.escape(acronym) for acronym in sorted(acronyms, key=len, reverse=True))
        acronym_matcher = reader.pattern("terms", rf"(?<![\w-])(?P<acronym>{alternatives})s?(?![\w-])")
        for acronym, expansion in acronyms.items():
            spelled = r"\s+".join(re.escape(word) for word in expansion.split())
            short = re.escape(acronym)
            definition = rf"(?i:{spelled})s?\s*\(\s*{short}s?\s*\)|{short}s?\s*\(\s*(?i:{spelled})s?\s*\)"
            definitions[acronym] = reader.pattern("terms", definition)
    return {
        "variant_matcher": variant_matcher,
        "preferred": preferred,
        "acronym_matcher": acronym_matcher,
        "definitions": definitions,
    }
