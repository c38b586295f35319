"""Human output: ``path:line:col: CODE message``, with the source line and a caret on a terminal."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from doclint.diagnostics import Diagnostic

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def format_text(
    diagnostics: Sequence[Diagnostic],
    source_line: Callable[[str, int], str | None] | None = None,
    color: bool = False,
    show_fixes: bool = False,
) -> str:
    out: list[str] = []
    for d in diagnostics:
        code = f"{_COLORS[d.severity.value]}{_BOLD}{d.code}{_RESET}" if color else d.code
        location = (
            f"{_BOLD}{d.path}{_RESET}:{d.line}:{d.column}:" if color else f"{d.path}:{d.line}:{d.column}:"
        )
        marker = " [*]" if d.fix is not None and d.fix.safety == "safe" else ""
        out.append(f"{location} {code} {d.message}{marker}")
        if source_line is not None:
            text = source_line(d.path, d.line)
            if text is not None and text.strip():
                shown = text.expandtabs(4) if len(text) <= 200 else text[:200] + "…"
                width = max(
                    1, (d.end_column - d.column) if d.end_line == d.line else len(text) - d.column + 1
                )
                caret = " " * (d.column - 1) + "^" * min(width, max(1, len(shown) - d.column + 1))
                out.append(f"  {_DIM if color else ''}{shown}{_RESET if color else ''}")
                out.append(f"  {caret}")
        if show_fixes and d.fix is not None:
            out.append(f"  fix ({d.fix.safety}): {d.fix.description}")
    return "".join(line + "\n" for line in out)


def summary(diagnostics: Sequence[Diagnostic], files: int, fixable_safe: int, fixable_unsafe: int) -> str:
    if not diagnostics:
        return f"All checks passed ({files} file{'s' if files != 1 else ''} checked).\n"
    counts = Counter(d.severity.value for d in diagnostics)
    parts = [
        f"{counts[level]} {level}{'s' if counts[level] != 1 else ''}"
        for level in ("error", "warning", "info")
        if counts[level]
    ]
    text = f"Found {len(diagnostics)} problem{'s' if len(diagnostics) != 1 else ''} ({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}.\n"
    if fixable_safe:
        text += f"[*] {fixable_safe} fixable with `--fix`.\n"
    if fixable_unsafe:
        text += f"{fixable_unsafe} more fixable with `--fix --unsafe-fixes`.\n"
    return text


def statistics(diagnostics: Sequence[Diagnostic]) -> str:
    counts = Counter((d.code, d.name) for d in diagnostics)
    fixable = Counter(d.code for d in diagnostics if d.fix is not None)
    rows = [
        f"{count:>5}  {code:<8} {name}{'  [*]' if fixable[code] else ''}"
        for (code, name), count in counts.most_common()
    ]
    return "".join(row + "\n" for row in rows)
