"""The Docusaurus 3.10 docs front matter schema, validated the way Joi validates it.

Docusaurus validates with ``convert: true, abortEarly: false``: a YAML number or date is fine for a string
field, ``"3"`` for a number, ``"true"`` for a boolean, and every error is reported at once. Messages
quote Joi's wording so that a reader can match them with the build log. Sources: plugin-content-docs
``frontMatter.ts``, utils-validation ``validationSchemas.ts`` and ``JoiFrontMatter.ts``, mdx-loader
``frontMatter.ts``, docs ``docs.ts`` (the id slash check) and ``slug.ts`` (``isValidPathname``).
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

# Joi's number conversion accepts a decimal literal surrounded by whitespace, nothing else ("0x10" fails).
_NUMBER_STRING = re.compile(r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*", re.IGNORECASE)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# Characters that Joi's relative-URI grammar refuses (whitespace is refused as well).
_URI_FORBIDDEN = frozenset('"<>\\^`{|}')
_MAX_SAFE_INTEGER = 2**53 - 1
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_DATE_STRINGS = (
    re.compile(
        r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    ),
    re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?: \d{1,2}:\d{2}(?::\d{2})?)?"),
    re.compile(rf"(?:\w+,? )?(?:{_MONTHS})\w* \d{{1,2}},? \d{{4}}.*", re.IGNORECASE),
    re.compile(rf"\d{{1,2}} (?:{_MONTHS})\w* \d{{4}}.*", re.IGNORECASE),
)
TOC_LEVELS = (2, 6)


@dataclass(frozen=True)
class SchemaError:
    key: str  # the top-level key the error is about ('' for a whole-object error)
    message: str


class InvalidValue(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# -- Joi types with convert: true ---------------------------------------------------------------------
def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def as_string(label: str, value: Any, allow_empty: bool = False) -> str:
    """JoiFrontMatter.string(): numbers and dates are turned into strings."""
    if _is_number(value) or isinstance(value, (datetime.date, datetime.datetime)):
        return str(value)
    if not isinstance(value, str):
        raise InvalidValue(f'"{label}" must be a string')
    if value == "" and not allow_empty:
        raise InvalidValue(f'"{label}" is not allowed to be empty')
    return value


def as_number(label: str, value: Any) -> float:
    if isinstance(value, str) and _NUMBER_STRING.fullmatch(value):
        value = float(value)
    if not _is_number(value) or (isinstance(value, float) and math.isnan(value)):
        raise InvalidValue(f'"{label}" must be a number')
    if math.isinf(value):
        raise InvalidValue(f'"{label}" cannot be infinity')
    if abs(value) > _MAX_SAFE_INTEGER:
        raise InvalidValue(f'"{label}" must be a safe number')
    return float(value)


def as_boolean(label: str, value: Any) -> bool:
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if not isinstance(value, bool):
        raise InvalidValue(f'"{label}" must be a boolean')
    return value


def as_object(label: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidValue(f'"{label}" must be of type object')
    return value


def is_valid_uri(value: str) -> bool:
    """URISchema: Joi's ``uri({allowRelative: true})`` or anything ``new URL()`` accepts."""
    if _SCHEME.match(value) and not any(char in "\t\n\r" for char in value):
        return True  # WHATWG URL parsing is lenient once there is a scheme
    return not any(char.isspace() or char in _URI_FORBIDDEN for char in value)


def is_valid_pathname(slug: str) -> bool:
    """Docusaurus's ``isValidPathname`` for the slug as written (relative slugs resolve against the folder)."""
    if any(char in slug for char in "?#\\"):
        return False
    if slug.startswith("//"):
        return False  # a protocol-relative URL: the path would become a host name
    if slug.startswith("/"):
        return not any(segment in (".", "..") for segment in slug.split("/"))
    return True


def _looks_like_date(value: Any) -> bool:
    """Joi.date() with convert: a Date, a timestamp, or a string that JavaScript's Date can parse."""
    if isinstance(value, (datetime.date, datetime.datetime)) or _is_number(value):
        return True
    return isinstance(value, str) and any(pattern.fullmatch(value.strip()) for pattern in _DATE_STRINGS)


# -- field validators: each raises InvalidValue or yields nested messages -----------------------------------
Validator = Callable[[str, Any], Iterator[str]]


def _run(check: Callable[[str, Any], Any]) -> Validator:
    def validate(label: str, value: Any) -> Iterator[str]:
        try:
            check(label, value)
        except InvalidValue as invalid:
            yield invalid.message

    return validate


def _string(allow_empty: bool = False, allow_null: bool = False) -> Validator:
    def check(label: str, value: Any) -> None:
        if value is None and allow_null:
            return
        as_string(label, value, allow_empty)

    return _run(check)


def _uri(allow_empty: bool = False, allow_null: bool = False) -> Validator:
    def check(label: str, value: Any) -> None:
        if (value is None and allow_null) or (value == "" and allow_empty):
            return
        if not isinstance(value, str):
            raise InvalidValue(f'"{label}" contains an invalid value')
        if not is_valid_uri(value):
            raise InvalidValue(f"\"{label}\" does not look like a valid url (value='{value}')")

    return _run(check)


def _keywords(label: str, value: Any) -> Iterator[str]:
    if not isinstance(value, list):
        yield f'"{label}" must be an array'
        return
    valid = 0
    for index, item in enumerate(value):
        try:
            as_string(f"{label}[{index}]", item)
            valid += 1
        except InvalidValue as invalid:
            yield invalid.message
    if valid == 0:
        yield f'"{label}" does not contain 1 required value(s)'


def _tags(label: str, value: Any) -> Iterator[str]:
    if not isinstance(value, list):
        yield f'"{label}" does not look like a valid front matter Yaml array.'
        return
    for index, item in enumerate(value):
        item_label = f"{label}[{index}]"
        if isinstance(item, Mapping):
            for field in ("label", "permalink"):
                if field not in item:
                    yield f'"{item_label}.{field}" is required'
                else:
                    yield from _run(as_string)(f"{item_label}.{field}", item[field])
        else:
            try:
                as_string(item_label, item)
            except InvalidValue:
                yield f'"{item_label}" does not look like a valid tag'


def _last_update(label: str, value: Any) -> Iterator[str]:
    message = (
        f'"{label}" does not look like a valid last update object. '
        "Please use an author key with a string or a date with a string or Date."
    )
    if not isinstance(value, Mapping) or not ("author" in value or "date" in value):
        yield message
        return
    if "author" in value:
        author = value["author"]  # plain Joi.string(): no number coercion here
        if not isinstance(author, str):
            yield f'"{label}.author" must be a string'
        elif author == "":
            yield f'"{label}.author" is not allowed to be empty'
    if "date" in value and not _looks_like_date(value["date"]):
        yield f'"{label}.date" must be a valid date'


def _mdx(label: str, value: Any) -> Iterator[str]:
    """mdx-loader validates ``mdx`` on its own, with unknown keys refused."""
    if not isinstance(value, Mapping):
        yield f'"{label}" must be of type object'
        return
    for key, option in value.items():
        if key != "format":
            yield f'"{label}.{key}" is not allowed'
        elif option not in ("md", "mdx", "detect"):
            yield f'"{label}.format" must be one of [md, mdx, detect] (got {option!r})'


def _string_checked(check: Callable[[str, str], str | None]) -> Validator:
    """A string field with a further check on the converted string (None when it passes)."""

    def validate(label: str, value: Any) -> Iterator[str]:
        try:
            text = as_string(label, value)
        except InvalidValue as invalid:
            yield invalid.message
            return
        problem = check(label, text)
        if problem:
            yield problem

    return validate


def _id_problem(label: str, text: str) -> str | None:
    if "/" in text:
        return f'document id "{text}" cannot include slash (docs.ts refuses it when loading the doc)'
    return None


def _slug_problem(label: str, text: str) -> str | None:
    if is_valid_pathname(text):
        return None
    return (
        f'"{label}" ({text}) does not make a valid pathname: Docusaurus refuses slugs with a query, a '
        "fragment, a backslash, '.'/'..' segments or a leading '//'"
    )


DOCS_FIELDS: dict[str, Validator] = {
    "id": _string_checked(_id_problem),
    "title": _string(allow_empty=True),
    "hide_title": _run(as_boolean),
    "hide_table_of_contents": _run(as_boolean),
    "keywords": _keywords,
    "image": _uri(),
    "description": _string(allow_empty=True),
    "slug": _string_checked(_slug_problem),
    "sidebar_key": _string(),
    "sidebar_label": _string(),
    "sidebar_position": _run(as_number),
    "sidebar_class_name": _string(),
    "sidebar_custom_props": _run(as_object),
    "displayed_sidebar": _string(allow_null=True),
    "tags": _tags,
    "pagination_label": _string(),
    "custom_edit_url": _uri(allow_empty=True, allow_null=True),
    "parse_number_prefixes": _run(as_boolean),
    "pagination_next": _string(allow_null=True),
    "pagination_prev": _string(allow_null=True),
    "last_update": _last_update,
    "draft": _run(as_boolean),
    "unlisted": _run(as_boolean),
    "mdx": _mdx,
}
DOCS_KEYS = frozenset(DOCS_FIELDS) | {"toc_min_heading_level", "toc_max_heading_level"}


def validate_docs_front_matter(data: Mapping[str, Any]) -> list[SchemaError]:
    """Every error Docusaurus would report for this docs front matter, in key order."""
    errors: list[SchemaError] = []
    for key, value in data.items():
        validator = DOCS_FIELDS.get(key)
        if validator is not None:
            errors.extend(SchemaError(key, message) for message in validator(key, value))
    errors.extend(_toc_levels(data))
    errors.extend(_visibility(data))
    return errors


def _toc_levels(data: Mapping[str, Any]) -> Iterator[SchemaError]:
    low, high = TOC_LEVELS
    levels: dict[str, float] = {}
    for key in ("toc_min_heading_level", "toc_max_heading_level"):
        if key not in data:
            continue
        try:
            levels[key] = as_number(key, data[key])
        except InvalidValue as invalid:
            yield SchemaError(key, invalid.message)
    maximum = levels.get("toc_max_heading_level")
    for key, level in levels.items():
        if level < low:
            yield SchemaError(key, f'"{key}" must be greater than or equal to {low}')
        elif key == "toc_min_heading_level" and "toc_max_heading_level" in data:
            if maximum is not None and level > maximum:
                yield SchemaError(
                    key, f'"{key}" must be less than or equal to toc_max_heading_level ({maximum:g})'
                )
        elif level > high:
            yield SchemaError(key, f'"{key}" must be less than or equal to {high}')


def _visibility(data: Mapping[str, Any]) -> Iterator[SchemaError]:
    flags = {}
    for key in ("draft", "unlisted"):
        try:
            flags[key] = as_boolean(key, data.get(key, False))
        except InvalidValue:
            flags[key] = False
    if flags["draft"] and flags["unlisted"]:
        yield SchemaError("unlisted", "Can't be draft and unlisted at the same time.")
