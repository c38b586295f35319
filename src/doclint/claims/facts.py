"""Reading registry fields: a claim's value and unit, CSL dates, review periods, subject aliases.

Each reader returns the value or raises ``FieldError`` with a sentence for the author; CLM005
reports those errors, and the other rules skip what does not read.
"""

from __future__ import annotations

import datetime
import re
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from doclint.claims import numbers
from doclint.claims.numbers import Quantity, find_quantities
from doclint.claims.registry import Entry, Registry

UNITS = {
    "parameters": numbers.PARAMETERS,
    "params": numbers.PARAMETERS,
    "tokens": numbers.TOKENS,
    "flops": numbers.FLOPS,
    "count": numbers.COUNT,
    "bytes": numbers.BYTES,
    "usd": numbers.USD,
    "dollars": numbers.USD,
    "percent": numbers.PERCENT,
    "%": numbers.PERCENT,
    "ratio": numbers.RATIO,
    "times": numbers.RATIO,
    "year": numbers.YEAR,
    "date": numbers.DATE,
}
REVIEW_WORDS = {"stable": None, "never": None, "monthly": 31, "quarterly": 92, "annual": 366, "yearly": 366}
_PERIOD = re.compile(r"(?P<count>\d+)\s*(?P<unit>day|week|month|year)s?", re.IGNORECASE)
_ISO_PERIOD = re.compile(r"P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?")
_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
_EDTF = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


class FieldError(ValueError):
    """A registry field that cannot be read; the message says what is wrong with it."""


@dataclass(frozen=True)
class ClaimFact:
    """What a claim asserts, ready to compare with a sentence."""

    entry: Entry
    quantity: Quantity
    tolerance: float
    aliases: tuple[str, ...]
    property: str

    @property
    def display(self) -> str:
        shown = self.entry.get("display")
        if isinstance(shown, list) and shown:
            return str(shown[0])
        if isinstance(shown, str):
            return shown
        return format_quantity(self.quantity)


def claim_unit(entry: Entry) -> str:
    unit = entry.get("unit")
    if unit is None:
        raise FieldError("has no 'unit'")
    if not isinstance(unit, str) or unit.strip().lower() not in UNITS:
        raise FieldError(
            f"has unit {unit!r}; use one of {', '.join(sorted(set(UNITS) - {'%', 'params', 'dollars', 'times'}))}"
        )
    return UNITS[unit.strip().lower()]


def claim_quantity(entry: Entry) -> Quantity:
    """The claim's value as a Quantity in its unit (a number, a date, or text such as "over 100 billion")."""
    return read_value(entry.get("value"), claim_unit(entry))


def read_value(value: Any, unit: str) -> Quantity:
    if value is None:
        raise FieldError("has no 'value'")
    if unit in numbers.TIME_UNITS:
        when = read_date(value)
        if isinstance(value, int) or (isinstance(value, str) and len(value.strip()) == 4):
            return Quantity(
                float(when.year), numbers.YEAR, (0, 0), str(value)
            )  # a year covers the whole year
        decimal = when.year + (when.month - 1) / 12 + (when.day - 1) / 372  # as numbers.find_quantities does
        return Quantity(decimal, numbers.DATE, (0, 0), str(value))
    if isinstance(value, bool):
        raise FieldError(f"has value {value!r}, which is not a number")
    if isinstance(value, (int, float)):
        return Quantity(float(value), unit, (0, 0), str(value))
    if isinstance(value, str):
        try:
            return Quantity(float(value.replace(",", "").replace("_", "")), unit, (0, 0), value)
        except ValueError:
            pass
        found = find_quantities(value)
        if len(found) == 1:
            quantity = found[0]
            return Quantity(
                quantity.value,
                unit,
                (0, 0),
                value,
                quantity.approximate,
                quantity.comparator,
                quantity.low,
                quantity.high,
            )
    raise FieldError(
        f"has value {value!r}, which is not a number, a date or a quantity such as '175 billion'"
    )


def claim_tolerance(entry: Entry) -> float:
    tolerance = entry.get("tolerance", 0.0)
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or tolerance < 0:
        raise FieldError(f"has tolerance {tolerance!r}; write a relative tolerance such as 0.05 (5%)")
    return float(tolerance)


def claim_aliases(entry: Entry) -> tuple[str, ...]:
    aliases = entry.get("aliases", [])
    subject = entry.get("subject")
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        raise FieldError("has 'aliases' that are not a list of names")
    names = [*aliases, subject] if isinstance(subject, str) else list(aliases)
    return tuple(dict.fromkeys(name.strip() for name in names if name.strip()))


def claim_fact(entry: Entry) -> ClaimFact:
    return ClaimFact(
        entry,
        claim_quantity(entry),
        claim_tolerance(entry),
        claim_aliases(entry),
        str(entry.get("property") or ""),
    )


def read_date(value: Any) -> datetime.date:
    """A CSL date (``{date-parts: [[y, m, d]]}``), an EDTF/ISO string or a YAML date, as the first day it covers."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return datetime.date(value, 1, 1)
    if isinstance(value, str):
        match = _EDTF.fullmatch(value.strip())
        if not match:
            raise FieldError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return _date(int(match["year"]), int(match["month"] or 1), int(match["day"] or 1), value)
    if isinstance(value, Mapping):
        if "date-parts" in value:
            return _date_parts(value["date-parts"])
        if isinstance(value.get("raw") or value.get("literal"), str):
            return read_date(value.get("raw") or value.get("literal"))
        raise FieldError("date mapping has neither 'date-parts' nor 'raw'")
    raise FieldError(f"date {value!r} is not a CSL date ({{date-parts: [[2020, 5, 28]]}}) or YYYY-MM-DD")


def _date_parts(parts: Any) -> datetime.date:
    if not isinstance(parts, list) or not parts or not isinstance(parts[0], list) or not parts[0]:
        raise FieldError("'date-parts' must hold at least one non-empty list, such as [[2020, 5, 28]]")
    first = parts[0]
    if len(first) > 3 or not all(isinstance(part, int) and not isinstance(part, bool) for part in first):
        raise FieldError(
            f"'date-parts' {first!r} must be [year], [year, month] or [year, month, day] as numbers"
        )
    return _date(first[0], first[1] if len(first) > 1 else 1, first[2] if len(first) > 2 else 1, first)


def _date(year: int, month: int, day: int, written: Any) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise FieldError(f"date {written!r} is not a real date ({error})") from None


def review_days(value: Any) -> int | None:
    """A review period in days; None means the fact does not go stale."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.lower() in REVIEW_WORDS:
            return REVIEW_WORDS[text.lower()]
        match = _PERIOD.fullmatch(text)
        if match:
            return int(match["count"]) * _DAYS[match["unit"].lower()]
        iso = _ISO_PERIOD.fullmatch(text.upper())
        if iso and any(iso.groupdict().values()):
            parts = {name: int(count or 0) for name, count in iso.groupdict().items()}
            return parts["years"] * 366 + parts["months"] * 31 + parts["weeks"] * 7 + parts["days"]
    raise FieldError(
        f"review period {value!r} is not one of {', '.join(REVIEW_WORDS)}, a number of days, "
        "'6 months' or an ISO period such as P1Y"
    )


def format_quantity(quantity: Quantity) -> str:
    """A compact rendering for messages: 175B, 1.4T, 86.4%, 2017."""
    if quantity.unit in numbers.TIME_UNITS:
        return quantity.text
    value = quantity.value
    suffix = {
        numbers.PERCENT: "%",
        numbers.USD: " USD",
        numbers.BYTES: " bytes",
        numbers.PARAMETERS: " parameters",
        numbers.TOKENS: " tokens",
        numbers.FLOPS: " FLOPs",
    }.get(quantity.unit, "")
    for scale, letter in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= scale and quantity.unit != numbers.PERCENT:
            return f"{value / scale:.4g}{letter}{suffix}"
    return f"{value:.4g}{suffix}"


@dataclass(frozen=True)
class FactIndex:
    """The readable claims of a registry, by id and by subject alias (unreadable ones are CLM005's)."""

    facts: tuple[ClaimFact, ...]
    by_id: Mapping[str, ClaimFact]
    by_alias: Mapping[str, tuple[ClaimFact, ...]]
    aliases: re.Pattern[str] | None

    def for_subject(self, subject: str) -> tuple[ClaimFact, ...]:
        return self.by_alias.get(subject, ())


_FACT_INDEXES: weakref.WeakKeyDictionary[Registry, FactIndex] = weakref.WeakKeyDictionary()


def fact_index(registry: Registry) -> FactIndex:
    index = _FACT_INDEXES.get(registry)
    if index is None:
        index = _FACT_INDEXES[registry] = _build_index(registry)
    return index


def _build_index(registry: Registry) -> FactIndex:
    from doclint.claims.mentions import alias_pattern

    facts: list[ClaimFact] = []
    for entry in registry.claims:
        try:
            facts.append(claim_fact(entry))
        except FieldError:
            continue
    by_id: dict[str, ClaimFact] = {}
    by_alias: dict[str, list[ClaimFact]] = {}
    for fact in facts:
        if fact.entry.key:
            by_id.setdefault(fact.entry.key, fact)
        for alias in fact.aliases:
            by_alias.setdefault(alias, []).append(fact)
    pattern = alias_pattern(by_alias)
    return FactIndex(tuple(facts), by_id, {alias: tuple(found) for alias, found in by_alias.items()}, pattern)


def describes(fact: ClaimFact, quantity: Quantity, sentence_text: str) -> bool:
    """Does a number attributed to the fact's subject state this fact (and not another of the subject's)?

    The units must agree exactly ("175B parameters"), or a bare number must be followed by the
    fact's property ("1.4 trillion training tokens", but not "20 tokens per parameter"). A date
    needs the property in the sentence ("introduced in 2017"): a subject has many dates.
    """
    if not numbers.compatible_units(quantity.unit, fact.quantity.unit):
        return False
    word = fact.property.lower().strip()
    if quantity.unit in numbers.TIME_UNITS:
        return bool(word) and word in sentence_text.lower()
    if quantity.unit == fact.quantity.unit:
        return True
    if not word:
        return False
    stem = re.escape(word.removesuffix("s"))
    after = sentence_text[quantity.span[1] :]
    return bool(re.match(rf"[\s-]+(?:[\w-]+\s+){{0,2}}{stem}s?\b(?!\s+per\b)", after, re.IGNORECASE))
