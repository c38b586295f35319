"""The check kinds a YAML pack can use. Each kind is a rule class; the pack loader makes one subclass per
check, with the check's fields as class attributes (compiled once, when the pack loads)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from doclint.diagnostics import Diagnostic, Edit
from doclint.document import Document
from doclint.project import ProjectIndex
from doclint.rules.base import DocumentRule, ProjectRule, RuleContext
from doclint.rules.packs.base import PARTIALS, PackRule, match_case, normal, quoted, token_pattern
from doclint.rules.packs.patterns import GuardedPattern, PatternTimeout
from doclint.rules.packs.spec import CheckReader, fill

if TYPE_CHECKING:
    from doclint.facts import DocumentFacts, Series


@dataclass(frozen=True)
class VariantUse:
    """One spelling of a term, where it is written (a Consistency check compares them across files)."""

    variant: int  # index in the check's variants
    written: str
    span: tuple[int, int, int, int]
    scope: str  # the block's scope (prose, headings...): it decides whether a fix is safe


@dataclass
class VariantUses:
    uses: list[list[VariantUse]]  # per variant set of the check
    timeouts: list[Diagnostic]


class Existence(PackRule, DocumentRule):
    kind = "existence"
    kind_fields = ("tokens", "patterns", "ignore-case", "word-boundaries")
    placeholders = ("match",)
    default_message = "avoid '{match}'"
    offers_fix = True
    fix_action = "deletes the match and the space after it"
    matchers: tuple[GuardedPattern, ...]
    token_list: tuple[str, ...]
    pattern_list: tuple[str, ...]
    ignore_case: bool

    @classmethod
    def configure(cls, reader: CheckReader) -> dict[str, Any]:
        if not reader.has("tokens") and not reader.has("patterns"):
            raise reader.error(
                "tokens",
                "an existence check needs 'tokens' (words or phrases) or 'patterns' (regular expressions)",
            )
        ignore_case = reader.boolean("ignore-case", True)
        boundaries = reader.boolean("word-boundaries", True)
        tokens = reader.strings("tokens", ())
        patterns = reader.strings("patterns", ())
        flags = re.IGNORECASE if ignore_case else 0
        matchers = (
            [reader.pattern("tokens", token_pattern(tokens, ignore_case, boundaries))] if tokens else []
        )
        matchers += [
            reader.pattern(f"patterns[{index}]", source, flags) for index, source in enumerate(patterns)
        ]
        return {
            "matchers": tuple(matchers),
            "token_list": tokens,
            "pattern_list": patterns,
            "ignore_case": ignore_case,
        }

    @classmethod
    def describe(cls) -> str:
        what = []
        if cls.token_list:
            what.append(f"any of these words or phrases: {quoted(cls.token_list)}")
        if cls.pattern_list:
            what.append(f"text matching {quoted(cls.pattern_list)}")
        case = "in any letter case" if cls.ignore_case else "written exactly so"
        return f"Reports {' and '.join(what)} ({case})."

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not self.applies_to(document.path):
            return
        found: list[Diagnostic] = []
        for matcher in self.matchers:
            for block, match in self.search(matcher, document, found):
                if not match.group():
                    continue
                span = self.span(document, block, match)
                fix = None
                if self.fix_safety:
                    trailing = len(block.text[match.end() :]) - len(block.text[match.end() :].lstrip(" "))
                    end_line, end_column = document.source.position(block.start + match.end() + trailing)
                    fix = self.make_fix(
                        f"delete '{match.group()}'", Edit(span[0], span[1], end_line, end_column, "")
                    )
                found.append(self.finding(document, span, fill(self.message, match=match.group()), fix))
        yield from found


class Substitution(PackRule, DocumentRule):
    kind = "substitution"
    kind_fields = ("swap", "ignore-case", "word-boundaries")
    placeholders = ("match", "replacement")
    default_message = "write '{replacement}' instead of '{match}'"
    offers_fix = True
    fix_action = "writes the replacement (capitalised at the start of a sentence)"
    matcher: GuardedPattern
    swaps: dict[str, str]
    ignore_case: bool

    @classmethod
    def configure(cls, reader: CheckReader) -> dict[str, Any]:
        swap = reader.value("swap")
        if (
            not isinstance(swap, dict)
            or not swap
            or not all(
                isinstance(key, str) and key.strip() and isinstance(value, str) for key, value in swap.items()
            )
        ):
            raise reader.error("swap", "must map each word or phrase to avoid to the one to write instead")
        ignore_case = reader.boolean("ignore-case", True)
        boundaries = reader.boolean("word-boundaries", True)
        swaps = {normal(key, ignore_case): value for key, value in swap.items()}
        if len(swaps) < len(swap):
            raise reader.error("swap", "two entries are the same phrase once case and spacing are ignored")
        matcher = reader.pattern("swap", token_pattern(tuple(swap), ignore_case, boundaries))
        return {"matcher": matcher, "swaps": swaps, "ignore_case": ignore_case}

    @classmethod
    def describe(cls) -> str:
        pairs = ", ".join(f"`{wrong}` → `{right}`" for wrong, right in cls.swaps.items())
        return f"Reports words and phrases the series replaces with another: {pairs}."

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not self.applies_to(document.path):
            return
        found: list[Diagnostic] = []
        for block, match in self.search(self.matcher, document, found):
            written = match.group()
            replacement = match_case(self.swaps[normal(written, self.ignore_case)], written)
            if written == replacement:
                continue
            span = self.span(document, block, match)
            fix = self.replacement_fix(f"write '{replacement}'", span, replacement, block.scope)
            found.append(
                self.finding(document, span, fill(self.message, match=written, replacement=replacement), fix)
            )
        yield from found


class Consistency(PackRule, ProjectRule):
    kind = "consistency"
    kind_fields = ("variants", "ignore-case", "word-boundaries")
    placeholders = ("match", "variant", "majority", "counts", "where")
    default_message = "'{match}' here, but the series mostly writes '{majority}' ({counts}; most in {where})"
    offers_fix = True
    fix_action = "writes the majority spelling"
    sets: tuple[tuple[GuardedPattern, tuple[str, ...]], ...]
    ignore_case: bool

    @classmethod
    def configure(cls, reader: CheckReader) -> dict[str, Any]:
        raw = reader.value("variants")
        groups = (
            raw if isinstance(raw, list) and raw and all(isinstance(item, list) for item in raw) else [raw]
        )
        ignore_case = reader.boolean("ignore-case", True)
        boundaries = reader.boolean("word-boundaries", True)
        sets = []
        for index, group in enumerate(groups):
            field = "variants" if len(groups) == 1 else f"variants[{index}]"
            if (
                not isinstance(group, list)
                or len(group) < 2
                or not all(isinstance(item, str) and item.strip() for item in group)
            ):
                raise reader.error(field, "must list at least two spellings (or be a list of such lists)")
            if len({normal(item, ignore_case) for item in group}) < len(group):
                raise reader.error(
                    field,
                    "two variants are the same once case and spacing are ignored (set ignore-case: false to tell them apart)",
                )
            sets.append(
                (reader.pattern(field, token_pattern(tuple(group), ignore_case, boundaries)), tuple(group))
            )
        return {"sets": tuple(sets), "ignore_case": ignore_case}

    @classmethod
    def describe(cls) -> str:
        listed = "; ".join(quoted(variants) for _, variants in cls.sets)
        return (
            f"Counts every spelling of a term across the whole series and reports each use of a spelling other "
            f"than the most used one (ties go to the one listed first): {listed}."
        )

    def collect(self, document: Document, context: RuleContext, series: Series) -> VariantUses | None:
        if not self.applies_to(document.path):
            return None
        timeouts: list[Diagnostic] = []
        uses: list[list[VariantUse]] = []
        for matcher, variants in self.sets:
            keys = [normal(variant, self.ignore_case) for variant in variants]
            uses.append(
                [
                    VariantUse(
                        keys.index(normal(match.group(), self.ignore_case)),
                        match.group(),
                        self.span(document, block, match),
                        block.scope,
                    )
                    for block, match in self.search(matcher, document, timeouts)
                ]
            )
        return VariantUses(uses, timeouts)

    def check_project(self, project: ProjectIndex, context: RuleContext) -> Iterator[Diagnostic]:
        collected = sorted(project.collected(self.code), key=lambda item: item[0].display_path)
        found: list[Diagnostic] = []
        for number, (_, variants) in enumerate(self.sets):
            uses: list[tuple[DocumentFacts, VariantUse]] = []
            for document, per_set in collected:
                found.extend(per_set.timeouts if number == 0 else ())
                uses.extend((document, use) for use in per_set.uses[number])
            found.extend(self._minority(uses, variants))
        yield from found

    def _minority(
        self, uses: list[tuple[DocumentFacts, VariantUse]], variants: tuple[str, ...]
    ) -> Iterator[Diagnostic]:
        counts = [0] * len(variants)
        per_file: dict[str, int] = {}
        for _, use in uses:
            counts[use.variant] += 1
        used = [index for index, count in enumerate(counts) if count]
        if len(used) < 2:
            return
        majority = max(used, key=lambda index: (counts[index], -index))
        for document, use in uses:
            if use.variant == majority:
                per_file[document.display_path] = per_file.get(document.display_path, 0) + 1
        summary = ", ".join(f"'{variants[index]}' ×{counts[index]}" for index in used)
        files = sorted(per_file.items(), key=lambda item: (-item[1], item[0]))
        where = ", ".join(f"{path} ({count})" for path, count in files[:3]) + (
            f" and {len(files) - 3} more" if len(files) > 3 else ""
        )
        for document, use in uses:
            if use.variant == majority:
                continue
            written = use.written
            replacement = match_case(variants[majority], written)
            span = use.span
            fix = self.replacement_fix(f"write '{replacement}'", span, replacement, use.scope)
            message = fill(
                self.message,
                match=written,
                variant=variants[use.variant],
                majority=variants[majority],
                counts=summary,
                where=where,
            )
            yield self.diagnostic(
                document.display_path,
                span[0],
                span[1],
                message,
                end_line=span[2],
                end_column=span[3],
                fix=fix,
            )


class RequiredSection(PackRule, DocumentRule):
    kind = "required-section"
    kind_fields = ("sections", "level", "ordered", "at-end", "ignore-case")
    default_scope = ("headings",)
    default_exclude = PARTIALS
    placeholders = ("section", "problem")
    default_message = "'{section}' {problem}"
    sections: tuple[str, ...]
    level: int | None
    ordered: bool
    at_end: bool
    ignore_case: bool

    @classmethod
    def configure(cls, reader: CheckReader) -> dict[str, Any]:
        if reader.has("scope"):
            raise reader.error("scope", "a required-section check always reads headings")
        level = reader.integer("level", 1)
        if level is not None and level > 6:
            raise reader.error("level", "headings have levels 1 to 6")
        return {
            "sections": reader.strings("sections"),
            "level": level,
            "ordered": reader.boolean("ordered", False),
            "at_end": reader.boolean("at-end", False),
            "ignore_case": reader.boolean("ignore-case", True),
        }

    @classmethod
    def describe(cls) -> str:
        level = f" at level {cls.level}" if cls.level else ""
        text = f"Reports a chapter without a heading{level} for each of {quoted(cls.sections)}"
        if cls.ordered:
            text += ", in that order"
        if cls.at_end:
            text += f"; `{cls.sections[-1]}` must be the chapter's last section"
        return text + "."

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not self.applies_to(document.path):
            return
        headings = [
            heading for heading in document.headings if self.level is None or heading.level == self.level
        ]
        positions: dict[str, int] = {}
        for index, heading in enumerate(headings):
            positions.setdefault(normal(heading.text, self.ignore_case), index)
        anchor = document.headings[0].line if document.headings else document.body_start_line
        wanted = [(section, positions.get(normal(section, self.ignore_case))) for section in self.sections]
        for section, position in wanted:
            if position is None:
                level = f"level-{self.level} heading" if self.level else "heading"
                yield self._at(document, anchor, 1, section, f"is missing: every chapter needs this {level}")
        present = [(section, position) for section, position in wanted if position is not None]
        if self.ordered:
            for (before, first), (after, second) in pairwise(present):
                if second < first:
                    heading = headings[second]
                    yield self._at(
                        document, heading.line, heading.column, after, f"must come after '{before}'"
                    )
        if self.at_end and wanted[-1][1] is not None:
            last_index = wanted[-1][1]
            section_level = headings[last_index].level
            later = [
                h
                for h in document.headings
                if h.line > headings[last_index].line and h.level <= section_level
            ]
            if later:
                heading = headings[last_index]
                yield self._at(
                    document,
                    heading.line,
                    heading.column,
                    self.sections[-1],
                    f"must be the chapter's last section, but '{later[0].text}' follows it",
                )

    def _at(self, document: Document, line: int, column: int, section: str, problem: str) -> Diagnostic:
        return self.report(document, line, column, fill(self.message, section=section, problem=problem))


class FrontMatterPattern(PackRule, DocumentRule):
    kind = "front-matter-pattern"
    kind_fields = ("field", "pattern", "min-length", "max-length", "required", "ignore-case")
    default_exclude = PARTIALS
    placeholders = ("field", "value", "problem")
    default_message = "front matter '{field}' {problem}"
    field_name: str
    matcher: GuardedPattern | None
    min_length: int | None
    max_length: int | None
    required: bool

    @classmethod
    def configure(cls, reader: CheckReader) -> dict[str, Any]:
        if reader.has("scope"):
            raise reader.error("scope", "a front-matter-pattern check reads the one field it names")
        flags = re.IGNORECASE if reader.boolean("ignore-case", False) else 0
        pattern = reader.optional_string("pattern")
        minimum, maximum = reader.integer("min-length", 0), reader.integer("max-length", 1)
        if pattern is None and minimum is None and maximum is None and not reader.has("required"):
            raise reader.error(
                "pattern", "give a 'pattern', a 'min-length', a 'max-length' or 'required: true'"
            )
        if minimum is not None and maximum is not None and minimum > maximum:
            raise reader.error("min-length", f"is larger than max-length ({minimum} > {maximum})")
        return {
            "field_name": reader.string("field"),
            "matcher": reader.pattern("pattern", pattern, flags) if pattern is not None else None,
            "min_length": minimum,
            "max_length": maximum,
            "required": reader.boolean("required", True),
        }

    @classmethod
    def describe(cls) -> str:
        rules = []
        if cls.matcher is not None:
            rules.append(f"match the regular expression `{cls.matcher.source}` in full")
        if cls.min_length is not None:
            rules.append(f"be at least {cls.min_length} characters long")
        if cls.max_length is not None:
            rules.append(f"be at most {cls.max_length} characters long")
        must = " and ".join(rules) if rules else "be present"
        presence = "Every chapter must set it. " if cls.required else "When it is set, "
        return f"Checks the front matter field `{cls.field_name}`. {presence}It must {must}."

    def check(self, document: Document, context: RuleContext) -> Iterator[Diagnostic]:
        if not self.applies_to(document.path):
            return
        front_matter = document.front_matter
        if front_matter is not None and not front_matter.ok:
            return  # FM001 reports front matter that cannot be read
        entry = front_matter.entry(self.field_name) if front_matter else None
        if entry is None:
            if self.required:
                line = front_matter.start_line if front_matter else 1
                yield self._report(document, line, 1, "", "is missing")
            return
        span = entry.value_span
        value = entry.value
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            yield self._report(
                document, span.line, span.column, str(value), f"is a {type(value).__name__}, not text"
            )
            return
        text = str(value)
        try:
            problem = self._problem(text)
        except PatternTimeout as timeout:
            yield self.timeout(document, document.source.offset(span.line, span.column), timeout)
            return
        if problem:
            yield self._report(
                document, span.line, span.column, text, problem, span.end_line, span.end_column
            )

    def _problem(self, text: str) -> str | None:
        length = len(text)
        if self.min_length is not None and length < self.min_length:
            return f"is {length} characters long, under the minimum of {self.min_length}"
        if self.max_length is not None and length > self.max_length:
            return f"is {length} characters long, over the maximum of {self.max_length}"
        if self.matcher is not None and self.matcher.fullmatch(text) is None:
            return f"is '{text}', which does not match the pattern '{self.matcher.source}'"
        return None

    def _report(
        self,
        document: Document,
        line: int,
        column: int,
        value: str,
        problem: str,
        end_line: int | None = None,
        end_column: int | None = None,
    ) -> Diagnostic:
        message = fill(self.message, field=self.field_name, value=value, problem=problem)
        return self.report(document, line, column, message, end_line=end_line, end_column=end_column)
