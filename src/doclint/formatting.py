"""``doclint format``: mdformat with the Docusaurus extension, proven by doclint's own rendering.

A file is written only when Docusaurus would render it as before (``doclint.render``, the whole page) and a
second formatting pass changes nothing; the BOM and line endings are kept and the write is atomic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from doclint.config import Config
from doclint.document import build_document
from doclint.files import Selection, discover, read_bytes
from doclint.fixes import FileChangedError, write_atomically
from doclint.source import DecodeProblem, SourceText, encode

EXTENSION = "docusaurus"


@dataclass
class FormatOutcome:
    changed: dict[Path, tuple[bytes, bytes]] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    checked: int = 0


def format_text(text: str) -> str:
    """Format Markdown with mdformat and the Docusaurus extension (mdformat is imported only here)."""
    import mdformat
    import mdformat.plugins

    import doclint.mdformat_plugin

    # Registered by the entry point once doclint is installed; from a source checkout, register it here.
    mdformat.plugins.PARSER_EXTENSIONS.setdefault(EXTENSION, doclint.mdformat_plugin)  # type: ignore[attr-defined]
    return mdformat.text(text, extensions=[EXTENSION])


def format_paths(config: Config, paths: list[Path]) -> FormatOutcome:
    from doclint.render import render_difference

    outcome = FormatOutcome()
    selection = Selection(config.include, config.exclude, config.root)
    for path in discover(paths, selection):
        outcome.checked += 1
        data = read_bytes(path, config.max_file_size)
        try:
            source = SourceText.from_bytes(data)
        except DecodeProblem as problem:
            outcome.refused.append(f"{path}: not formatted: {problem.message}")
            continue
        if source.mixed_newlines:
            outcome.refused.append(f"{path}: not formatted: mixed line endings")
            continue
        formatted = format_text(source.text)
        if formatted == source.text:
            continue
        before = build_document(path, str(path), source, config.site)
        after = build_document(path, str(path), SourceText(formatted), config.site)
        problem = render_difference(before, after)
        if problem is None and format_text(formatted) != formatted:
            problem = "a second pass would change it again"
        if problem is not None:
            outcome.refused.append(
                f"{path}: not formatted: Docusaurus would render it differently ({problem})"
            )
            continue
        outcome.changed[path] = (data, encode(formatted, source.has_bom, source.newline))
    return outcome


def write(outcome: FormatOutcome) -> list[str]:
    problems = []
    for path, (before, after) in outcome.changed.items():
        try:
            write_atomically(path, after, before)
        except (OSError, FileChangedError) as error:  # one unwritable file must not stop the others
            problems.append(f"{path}: not written: {error}")
    return problems
