"""What every declarative check shares: its identity and documentation from the pack, path filters,
scopes, token patterns, fixes and the pattern-timeout report."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from doclint.diagnostics import Diagnostic, Edit, Fix, Severity
from doclint.document import Document
from doclint.files import glob_match
from doclint.rules.base import Example, Examples, Rule
from doclint.rules.packs.patterns import GuardedPattern, PatternTimeout
from doclint.rules.packs.scopes import Block, blocks, valid_scope
from doclint.rules.packs.spec import FIX_SAFETIES, NAME, SEVERITIES, CheckReader

COMMON_FIELDS = (
    "code",
    "name",
    "kind",
    "summary",
    "documentation",
    "message",
    "severity",
    "scope",
    "paths",
    "exclude",
    "fix",
    "family",
    "examples",
)
PATTERN_TIMEOUT = ("DL004", "pattern-timeout")
PARTIALS = ("**/_*", "_*")  # Docusaurus partials are not pages, so not chapters


class PackRule(Rule):
    """A rule defined by a YAML check. Subclasses are the kinds; the pack loader makes one class per check."""

    kind: ClassVar[str]
    kind_fields: ClassVar[tuple[str, ...]] = ()
    default_scope: ClassVar[tuple[str, ...]] = ("prose",)
    default_exclude: ClassVar[tuple[str, ...]] = ()
    placeholders: ClassVar[tuple[str, ...]] = ()
    default_message: ClassVar[str]
    offers_fix: ClassVar[bool] = False
    fix_action: ClassVar[str] = ""  # what the fix does, for the "Fix safety" documentation
    pack_name: ClassVar[str]
    pack_path: ClassVar[str]  # as messages show it
    pack_file: ClassVar[Path]
    project_root: ClassVar[Path]
    scopes: ClassVar[tuple[str, ...]]
    paths: ClassVar[tuple[str, ...]]
    exclude: ClassVar[tuple[str, ...]]
    message: ClassVar[str]
    # Patterns get a time budget whose outcome depends on the machine, so findings are never cached.
    pure = False

    @classmethod
    def configure(cls, reader: CheckReader) -> dict[str, Any]:
        """The class attributes this kind reads from the check's own fields."""
        raise NotImplementedError

    @classmethod
    def describe(cls) -> str:
        """The generated "What it does" paragraph."""
        raise NotImplementedError

    @classmethod
    def build(cls, reader: CheckReader, pack_name: str, root: Path) -> type[PackRule]:
        code = reader.string("code")
        from doclint.rules.packs.spec import CODE

        if not CODE.fullmatch(code):
            raise reader.error(
                "code", f"{code!r} must be capital letters then three or more digits (as in SER001)"
            )
        name = reader.string("name")
        if not NAME.fullmatch(name):
            raise reader.error("name", f"{name!r} must be kebab-case (lowercase words joined by '-')")
        scopes = reader.strings("scope", cls.default_scope)
        for scope in scopes:
            if not valid_scope(scope):
                raise reader.error(
                    "scope",
                    f"unknown scope {scope!r}; use prose, footnotes, headings, titles, code or front-matter:FIELD",
                )
        fix = reader.choice("fix", FIX_SAFETIES, None)
        if fix and not cls.offers_fix:
            raise reader.error("fix", f"the {cls.kind} kind has no fix")
        documentation = reader.string("documentation")
        attributes: dict[str, Any] = {
            "code": code,
            "name": name,
            "family": reader.string("family", pack_name),
            "severity": Severity(reader.choice("severity", SEVERITIES, "warning")),
            "fix_safety": fix,
            "origin": f"pack {pack_name}",
            "pack_name": pack_name,
            "pack_path": reader.pack_path,
            "pack_file": reader.pack_file,
            "project_root": root,
            "scopes": scopes,
            "paths": reader.strings("paths", ("**",)),
            "exclude": reader.strings("exclude", cls.default_exclude),
            "message": reader.message("message", cls.default_message, cls.placeholders),
            "__module__": __name__,
        }
        attributes.update(cls.configure(reader))
        attributes["examples"] = _examples(reader)
        summary = reader.string("summary", _first_sentence(documentation))
        reader.reject_unknown(COMMON_FIELDS + cls.kind_fields)
        rule = type(f"{cls.__name__}_{code}", (cls,), attributes)
        rule.__doc__ = rule.compose_documentation(summary, documentation)
        rule.__qualname__ = rule.__name__
        return rule  # type: ignore[return-value]

    @classmethod
    def compose_documentation(cls, summary: str, why: str) -> str:
        where = f"Defined by the `{cls.pack_name}` rule pack ({cls.pack_path}), kind `{cls.kind}`."
        scope = ", ".join(cls.scopes)
        files = "" if cls.paths == ("**",) else f" Only files matching {', '.join(cls.paths)}."
        if cls.exclude == PARTIALS:
            files += " Skips partials (files whose name starts with `_`): they are not pages."
        elif cls.exclude:
            files += f" Skips {', '.join(cls.exclude)}."
        parts = [
            summary,
            "## What it does",
            f"{cls.describe()} Looks in: {scope}.{files}\n\n{where}",
            "## Why it matters",
            why.strip(),
        ]
        if cls.fix_safety:
            parts += ["## Fix safety", cls.fix_text()]
        return "\n\n".join(parts)

    @classmethod
    def fix_text(cls) -> str:
        return f"The fix {cls.fix_action}; it is {cls.fix_safety}, as the pack declares."

    # -- helpers for the kinds ------------------------------------------------------------------------
    @classmethod
    def applies_to(cls, path: Path) -> bool:
        try:
            relative = path.resolve().relative_to(cls.project_root.resolve()).as_posix()
        except ValueError:
            relative = path.as_posix()
        if any(glob_match(relative, pattern) for pattern in cls.exclude):
            return False
        return any(glob_match(relative, pattern) for pattern in cls.paths)

    def blocks(self, document: Document, scopes: tuple[str, ...] | None = None) -> list[Block]:
        return blocks(document, scopes or self.scopes)

    def search(
        self,
        pattern: GuardedPattern,
        document: Document,
        found: list[Diagnostic],
        scopes: tuple[str, ...] | None = None,
    ) -> list[tuple[Block, re.Match[str]]]:
        """Every match of ``pattern`` in this rule's blocks; a timeout is reported in ``found`` instead."""
        chosen = self.blocks(document, scopes)
        try:
            return pattern.search_all((block, block.text) for block in chosen)
        except PatternTimeout as timeout:
            found.append(self.timeout(document, timeout.key.start if timeout.key else 0, timeout))
            return []

    def timeout(self, document: Document, offset: int, timeout: PatternTimeout) -> Diagnostic:
        line, column = document.source.position(offset)
        pattern = timeout.pattern
        message = (
            f"rule {self.code} stopped: its pattern {pattern.source!r} ({pattern.where}) ran longer than its time "
            f"budget on the text that starts here, the sign of catastrophic backtracking; the pattern is switched "
            f"off for the rest of the run. Rewrite it without nested or overlapping repetitions"
        )
        return Diagnostic(
            document.display_path, line, column, PATTERN_TIMEOUT[0], message, name=PATTERN_TIMEOUT[1]
        )

    def span(self, document: Document, block: Block, match: re.Match[str]) -> tuple[int, int, int, int]:
        line, column = document.source.position(block.start + match.start())
        end_line, end_column = document.source.position(block.start + match.end())
        return line, column, end_line, end_column

    def replacement_fix(
        self, description: str, span: tuple[int, int, int, int], replacement: str, scope: str
    ) -> Fix | None:
        """``scope``: that of the block the match is in."""
        if not self.fix_safety:
            return None
        if scope not in ("prose", "footnotes", "headings", "code") and re.search(r"['\"\\#]|: ", replacement):
            return None  # inside a front matter value, these characters could change what the YAML means
        return self.make_fix(description, Edit(*span, replacement))

    def finding(
        self, document: Document, span: tuple[int, int, int, int], message: str, fix: Fix | None = None
    ) -> Diagnostic:
        line, column, end_line, end_column = span
        return self.report(document, line, column, message, end_line=end_line, end_column=end_column, fix=fix)


def token_pattern(tokens: tuple[str, ...], ignore_case: bool, word_boundaries: bool) -> str:
    """One alternation of literal tokens, longest first; a space in a token matches any run of whitespace."""
    alternatives = sorted(tokens, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in token.split()) for token in alternatives)
    pattern = f"(?:{body})"
    if word_boundaries:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return ("(?i)" if ignore_case else "") + pattern


def normal(text: str, ignore_case: bool) -> str:
    collapsed = " ".join(text.split())
    return collapsed.casefold() if ignore_case else collapsed


def match_case(replacement: str, original: str) -> str:
    """Keep a capital at the start of a sentence: 'Utilise' -> 'Use'."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def quoted(items: Mapping[str, Any] | tuple[str, ...]) -> str:
    return ", ".join(f"`{item}`" for item in items)


def _first_sentence(text: str) -> str:
    first = " ".join(text.strip().split("\n\n")[0].split())
    match = re.match(r"(.+?[.!?])(?:\s|$)", first)
    return match.group(1) if match else first


def _examples(reader: CheckReader) -> Examples:
    raw = reader.value("examples", {}) or {}
    if not isinstance(raw, Mapping) or set(raw) - {"failing", "passing"}:
        raise reader.error("examples", "must be a mapping with 'failing' and/or 'passing' lists")
    groups = []
    for group in ("failing", "passing"):
        items = raw.get(group, []) or []
        if not isinstance(items, list):
            raise reader.error(f"examples.{group}", "must be a list of examples")
        groups.append(
            tuple(_example(reader, f"examples.{group}[{index}]", item) for index, item in enumerate(items))
        )
    return Examples(failing=groups[0], passing=groups[1])


def _example(reader: CheckReader, field: str, item: Any) -> Example:
    if isinstance(item, str):
        return Example.of(item)
    if isinstance(item, Mapping) and isinstance(item.get("files"), Mapping) and item["files"]:
        files = item["files"]
        if all(isinstance(path, str) and isinstance(text, str) for path, text in files.items()):
            return Example(dict(files), description=str(item.get("description", "")))
    raise reader.error(
        field, "an example is the Markdown text of one file, or {files: {path: text, ...}, description: ...}"
    )
