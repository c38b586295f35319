"""Reading one declarative check from a pack: typed fields, and errors that name the file, the check and
the field (a malformed pack exits 2 before anything is linted)."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from doclint.config import ConfigError
from doclint.rules.packs.patterns import GuardedPattern, UnsafePattern, compile_pattern

CODE = re.compile(r"[A-Z][A-Z0-9]*[0-9]{3}")
NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
SEVERITIES = ("error", "warning", "info")
FIX_SAFETIES = ("safe", "unsafe")


class CheckReader:
    """Typed access to the fields of one check; every mistake becomes a ConfigError naming the field."""

    def __init__(self, pack_path: str, position: int, raw: Any, pack_file: Path) -> None:
        self.pack_path = pack_path  # as messages show it
        self.pack_file = pack_file  # absolute: what a glossary path is relative to
        self.position = position
        if not isinstance(raw, Mapping):
            raise ConfigError(f"{pack_path}: checks[{position}]: each check must be a mapping of fields")
        self.raw: Mapping[str, Any] = raw
        code = raw.get("code")
        self.label = f"check {code}" if isinstance(code, str) and code else f"checks[{position}]"
        kind = raw.get("kind")
        if isinstance(kind, str):
            self.label += f" ({kind})"
        self.used: set[str] = set()

    def error(self, field: str, message: str) -> ConfigError:
        return ConfigError(f"{self.pack_path}: {self.label}: field '{field}': {message}")

    def where(self, field: str) -> str:
        return f"{self.pack_path}, {self.label}, field '{field}'"

    def has(self, field: str) -> bool:
        return field in self.raw

    def value(self, field: str, default: Any = None) -> Any:
        self.used.add(field)
        return self.raw.get(field, default)

    def string(self, field: str, default: str | None = None) -> str:
        value = self.value(field, default)
        if value is None:
            raise self.error(field, "is required")
        if not isinstance(value, str) or not value.strip():
            raise self.error(field, f"must be a non-empty string, not {value!r}")
        return value

    def optional_string(self, field: str) -> str | None:
        return self.string(field) if self.has(field) else self.value(field)

    def strings(self, field: str, default: Iterable[str] | None = None) -> tuple[str, ...]:
        value = self.value(field, None)
        if value is None:
            if default is None:
                raise self.error(field, "is required")
            return tuple(default)
        if isinstance(value, str):
            value = [value]
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(item, str) and item.strip() for item in value)
        ):
            raise self.error(field, "must be a string or a non-empty list of non-empty strings")
        return tuple(value)

    def boolean(self, field: str, default: bool) -> bool:
        value = self.value(field, default)
        if not isinstance(value, bool):
            raise self.error(field, f"must be true or false, not {value!r}")
        return value

    def integer(self, field: str, minimum: int = 0) -> int | None:
        value = self.value(field)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self.error(field, f"must be a whole number of at least {minimum}, not {value!r}")
        return value

    def choice(self, field: str, choices: Iterable[str], default: str | None) -> str | None:
        value = self.value(field, default)
        if value is None:
            return None
        options = tuple(choices)
        if value not in options:
            raise self.error(field, f"must be one of {', '.join(options)}, not {value!r}")
        return value

    def pattern(self, field: str, source: str, flags: int = 0) -> GuardedPattern:
        try:
            return compile_pattern(source, flags, self.where(field))
        except re.error as error:
            raise self.error(field, f"{source!r} is not a valid regular expression: {error}") from None
        except UnsafePattern as error:
            raise self.error(field, f"pattern {source!r} can backtrack catastrophically: {error}") from None

    def message(self, field: str, default: str, placeholders: Iterable[str]) -> str:
        text = self.string(field, default)
        allowed = set(placeholders)
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as error:
            raise self.error(
                field, f"is not a valid message template ({error}); write '{{{{' for a literal brace"
            )
        for name in names:
            if name not in allowed:
                known = ", ".join("{" + item + "}" for item in sorted(allowed))
                raise self.error(field, f"unknown placeholder {{{name}}}; this kind offers {known}")
        return text

    def reject_unknown(self, known: Iterable[str]) -> None:
        import difflib

        known_fields = set(known)
        for key in self.raw:
            if key not in known_fields:
                close = difflib.get_close_matches(str(key), sorted(known_fields), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise self.error(str(key), f"is not a field of this kind{hint}")


def fill(template: str, **values: Any) -> str:
    """A message with its placeholders filled (every placeholder was checked when the pack loaded)."""
    return template.format(**values)
