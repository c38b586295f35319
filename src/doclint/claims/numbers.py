"""Find and normalise the quantities an LLM course writes about ("175B", "~3.14e23 FLOPs", "7-70B").

General-purpose extractors get this domain wrong (quantulum3 reads "175B" as 175 bytes), and the
claim rules need one canonical value per mention to compare a chapter against the claim registry
(CLM006/CLM007). So this module knows the suffixes and units of the field: K/M/B/T, "billion",
scientific notation, parameters, tokens, FLOPs, bytes, dollars, percentages and dates.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

# Units that name what is counted. A bare number ("175B") gets COUNT, which agrees() treats as
# compatible with any of these, because prose often drops the noun after the first mention.
PARAMETERS, TOKENS, FLOPS, COUNT = "parameters", "tokens", "flops", "count"
BYTES, USD, PERCENT, RATIO = "bytes", "usd", "percent", "ratio"
YEAR, DATE = "year", "date"
COUNTABLE_UNITS = frozenset({PARAMETERS, TOKENS, FLOPS, COUNT})
TIME_UNITS = frozenset({YEAR, DATE})

# "~175B" or "about 175 billion" leaves this much relative slack when comparing against a value.
APPROX_SLACK = 0.10


@dataclass(frozen=True)
class Quantity:
    """One normalised mention. ``value`` is the midpoint for ranges and a decimal year for dates."""

    value: float
    unit: str
    span: tuple[int, int]
    text: str
    approximate: bool = False
    comparator: str | None = None  # "~", "about", ">", ">=", "<", "<=", "over", "under"
    low: float | None = None
    high: float | None = None

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None


SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15}
SCALE_SUFFIXES = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "bn": 1e9, "T": 1e12}
WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
    "several": 3,
}
BYTE_UNITS = {
    "bytes": 1,
    "byte": 1,
    "kb": 1e3,
    "mb": 1e6,
    "gb": 1e9,
    "tb": 1e12,
    "pb": 1e15,
    "kib": 2.0**10,
    "mib": 2.0**20,
    "gib": 2.0**30,
    "tib": 2.0**40,
    "pib": 2.0**50,
}
MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
COMPARATORS = {
    "~": "~",
    "≈": "~",
    "∼": "~",
    ">=": ">=",
    "≥": ">=",
    "<=": "<=",
    "≤": "<=",
    ">": ">",
    "<": "<",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "approx.": "about",
    "circa": "about",
    "nearly": "about",
    "almost": "about",
    "some": "about",
    "over": "over",
    "more than": "over",
    "greater than": "over",
    "above": "over",
    "exceeding": "over",
    "at least": ">=",
    "under": "under",
    "less than": "under",
    "fewer than": "under",
    "below": "under",
    "up to": "<=",
    "at most": "<=",
    "no more than": "<=",
}
APPROXIMATE_COMPARATORS = frozenset({"~", "about"})
LOWER_BOUNDS = {">": True, "over": True, ">=": False}  # value -> is the bound strict?
UPPER_BOUNDS = {"<": True, "under": True, "<=": False}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻"
_EXPONENT = (
    rf"(?:[eE](?P<e_exp>[+-]?\d+)"
    rf"|\s*[×x*·]\s*10\s*(?:\^|\*\*)\s*\{{?(?P<caret_exp>[+\-−]?\d+)\}}?"
    rf"|\s*[×x*·]\s*10(?P<sup_exp>[{_SUPERSCRIPTS}]+))"
)
_WORD_NUMBER = r"(?:a hundred|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
_UNIT = (
    r"(?P<unit>%|percent\b|per\s?cent\b|parameters?\b|params?\b|weights\b|tokens?\b"
    r"|FLOP/s\b|FLOPS?\b|FLOPs\b|flops?\b|"
    + "|".join(sorted(BYTE_UNITS, key=len, reverse=True))
    + r"\b|dollars\b|USD\b|[×x](?![\w^])|times\b)"
)
_ATOM = re.compile(
    rf"(?P<prefix>US\$|\$)?"
    rf"(?:(?P<power>\b10\s*(?:\^|\*\*)\s*\{{?(?P<pow_exp>[+\-−]?\d+)\}}?|\b10(?P<pow_sup>[{_SUPERSCRIPTS}]+))"
    rf"|(?P<num>{_NUM})(?:{_EXPONENT})?|(?P<word>\b{_WORD_NUMBER})(?=[\s-]))"
    rf"(?P<suffix>bn|[kKMBT])?(?![\w.]\w)"
    rf"(?:[\s-]*(?P<scale>thousand|million|billion|trillion|quadrillion)s?\b)?"
    rf"(?:[\s-]?{_UNIT})?",
    re.IGNORECASE,
)
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATES = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b(?:(?P<day>[0-3]?\d)\s+)?{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d),?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
]
_COMPARATOR_BEFORE = re.compile(
    r"(?P<cmp>~|≈|∼|>=|<=|≥|≤|>|<|\b(?:"
    + "|".join(re.escape(word) for word in sorted(COMPARATORS, key=len, reverse=True) if word[0].isalpha())
    + r"))\s*$",
    re.IGNORECASE,
)
_RANGE_JOINER = re.compile(r"^\s*(?:-|–|—|to|and)\s*$", re.IGNORECASE)
_RANGE_AHEAD = re.compile(r"\s*(?:-|–|to)\s*(?:\d|" + _WORD_NUMBER + r"\b)", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
# A plural noun right after a four-digit number makes it a count ("2048 positions"), not a year.
_COUNTED_NOUN = re.compile(r"^[\s-]+[a-z]+s\b")
_NOT_NOUNS = frozenset({"was", "has", "is", "as", "its", "this", "us", "his"})


# Fast paths. Every date has a four-digit year; every other quantity has a digit, or a spelled-out
# number with a scale word or a unit after it. Most prose sentences have neither, and the full
# patterns are slow to fail.
_MAYBE_YEAR = re.compile(r"(?:19|20)\d\d")
_MAYBE_QUANTITY = re.compile(r"[\d$%×]")
_MAYBE_QUANTITY_WORD = re.compile(  # searched in lowercased text: case-insensitive patterns are slow
    r"thousand|million|billion|trillion|quadrillion|percent|per\s?cent|param|weights|token|flop|byte"
    r"|\b[kmgtp]i?b\b|dollars|\busd\b|\btimes\b|(?<![^\s-])x(?![\w^])"
)


def find_quantities(text: str) -> list[Quantity]:
    """Return every quantity in ``text``, left to right, with ranges merged into one mention."""
    if not (_MAYBE_QUANTITY.search(text) or _MAYBE_QUANTITY_WORD.search(text.lower())):
        return []
    dates = _find_dates(text) if _MAYBE_YEAR.search(text) else []
    taken = [q.span for q in dates]
    atoms = [q for q in _find_atoms(text) if not _overlaps(q.span, taken)]
    merged = _merge_ranges(text, [_with_comparator(text, q) for q in atoms])
    # A spelled-out number was only kept in case it opened a range ("two to four times").
    merged = [q for q in merged if q.is_range or not _is_bare_word_number(q)]
    return sorted(dates + merged, key=lambda q: q.span[0])


def agrees(a: Quantity, b: Quantity, tolerance: float = 0.0) -> bool:
    """True when two mentions can describe the same fact within a relative ``tolerance``.

    Approximate mentions get APPROX_SLACK on top, bounds ("over 100B") and ranges are intervals,
    and a bare count agrees with any countable unit because "175B" and "175B parameters" are the
    same claim in running prose.
    """
    if not compatible_units(a.unit, b.unit):
        return False
    slack = tolerance + (APPROX_SLACK if a.approximate or b.approximate else 0.0)
    return _intervals_overlap(_interval(a, slack), _interval(b, slack))


def _is_bare_word_number(quantity: Quantity) -> bool:
    return quantity.unit == COUNT and quantity.text.split()[-1].lower() in WORD_NUMBERS


def _find_dates(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            if _overlaps(match.span(), [q.span for q in found]):
                continue
            found.append(_date_quantity(match))
    return found


def _date_quantity(match: re.Match[str]) -> Quantity:
    groups = match.groupdict()
    month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["m"])
    day = int(groups["day"]) if groups.get("day") else 1
    # Decimal year keeps dates comparable with bare years on one axis.
    value = int(groups["year"]) + (month - 1) / 12 + (day - 1) / 372
    return Quantity(value=value, unit=DATE, span=match.span(), text=match.group(0))


def _find_atoms(text: str) -> list[Quantity]:
    atoms = []
    for match in _ATOM.finditer(text):
        quantity = _atom_quantity(text, match)
        if quantity is not None:
            atoms.append(quantity)
    return atoms


def _atom_quantity(text: str, match: re.Match[str]) -> Quantity | None:
    groups = match.groupdict()
    if groups["word"] and not (groups["scale"] or groups["unit"] or _RANGE_AHEAD.match(text, match.end())):
        return None  # "three ideas" is prose; "three billion tokens" is a quantity
    if groups["word"] and groups["word"].lower() in ("a", "an") and not groups["scale"]:
        return None  # "a token" must not become 1 token
    if groups["num"] and _is_part_of_identifier(text, match.start()):
        return None
    try:
        value = _base_value(groups) * _scale(groups)
    except OverflowError:
        return None  # 10^400 is past a float: not a figure a chapter states or two chapters compare
    unit, value = _unit_and_value(groups, value)
    end = match.end("unit") if groups["unit"] else match.end()
    start = match.start()
    raw = text[start:end].rstrip()
    if unit == COUNT and _looks_like_year(text, groups, end):
        unit = YEAR
    return Quantity(value=value, unit=unit, span=(start, start + len(raw)), text=raw)


def _is_part_of_identifier(text: str, start: int) -> bool:
    # "GPT-4", "H100", "cl100k_base" and "7.3" in "Exercise 7.3" are names, not quantities; the
    # number glued to letters or a hyphenated name is the tell.
    before = text[max(0, start - 1) : start]
    return bool(before) and (
        before.isalpha() or before == "_" or (before == "-" and _word_before(text, start))
    )


def _word_before(text: str, start: int) -> bool:
    return start >= 2 and text[start - 2].isalnum() and not text[start - 2].isdigit()


def _base_value(groups: dict[str, str | None]) -> float:
    if groups["power"]:
        return 10.0 ** _exponent(groups, "pow_exp", "pow_sup")
    if groups["word"]:
        return float(WORD_NUMBERS[groups["word"].lower()])
    mantissa = float((groups["num"] or "0").replace(",", ""))
    exponent = _exponent(groups, "caret_exp", "sup_exp")
    return mantissa * 10.0**exponent if exponent is not None else mantissa


def _exponent(groups: dict[str, str | None], caret: str, superscript: str) -> int | None:
    if groups.get("e_exp") and caret == "caret_exp":
        return int(groups["e_exp"] or 0)
    if groups[caret]:
        return int((groups[caret] or "").replace("−", "-"))
    if groups[superscript]:
        return int((groups[superscript] or "").translate(str.maketrans(_SUPERSCRIPTS, "0123456789-")))
    return None


def _scale(groups: dict[str, str | None]) -> float:
    factor = 1.0
    if groups["suffix"]:
        suffix = groups["suffix"]
        factor *= SCALE_SUFFIXES.get(suffix, SCALE_SUFFIXES.get(suffix.upper(), 1.0))
    if groups["scale"]:
        factor *= SCALE_WORDS[groups["scale"].lower()]
    return factor


def _unit_and_value(groups: dict[str, str | None], value: float) -> tuple[str, float]:
    if groups["prefix"]:
        return USD, value
    unit = (groups["unit"] or "").lower().replace(" ", "")
    if not unit:
        return COUNT, value
    if unit == "%" or unit.startswith("perc"):
        return PERCENT, value
    if unit.startswith("param") or unit == "weights":
        return PARAMETERS, value
    if unit.startswith("token"):
        return TOKENS, value
    if unit.startswith("flop"):
        return FLOPS, value
    if unit in BYTE_UNITS:
        return BYTES, value * BYTE_UNITS[unit]
    if unit in ("dollars", "usd"):
        return USD, value
    return RATIO, value


def _looks_like_year(text: str, groups: dict[str, str | None], end: int) -> bool:
    num = groups["num"] or ""
    if groups["suffix"] or groups["scale"] or groups["prefix"] or not re.fullmatch(r"(?:18|19|20)\d\d", num):
        return False
    noun = _COUNTED_NOUN.match(text[end:])
    return not noun or noun.group(0).strip(" -").lower() in _NOT_NOUNS


def _with_comparator(text: str, quantity: Quantity) -> Quantity:
    match = _COMPARATOR_BEFORE.search(text[max(0, quantity.span[0] - 20) : quantity.span[0]])
    if not match or quantity.unit in TIME_UNITS:
        return quantity
    comparator = COMPARATORS[match.group("cmp").lower()]
    start = quantity.span[0] - (len(match.group(0)))
    return replace(
        quantity,
        comparator=comparator,
        approximate=comparator in APPROXIMATE_COMPARATORS,
        span=(start, quantity.span[1]),
        text=text[start : quantity.span[1]],
    )


def _merge_ranges(text: str, atoms: list[Quantity]) -> list[Quantity]:
    merged: list[Quantity] = []
    index = 0
    while index < len(atoms):
        pair = atoms[index : index + 2]
        if len(pair) == 2 and _is_range(text, pair[0], pair[1]):
            merged.append(_range_quantity(text, pair[0], pair[1]))
            index += 2
        else:
            merged.append(atoms[index])
            index += 1
    return merged


def _is_range(text: str, low: Quantity, high: Quantity) -> bool:
    between = text[low.span[1] : high.span[0]]
    if not _RANGE_JOINER.match(between):
        return False
    joiner = between.strip().lower()
    if joiner == "and" and not _RANGE_OPENER.search(text[: low.span[0]]):
        return False  # "7B and 70B" lists two models; only "between 7B and 70B" is a range
    return compatible_units(low.unit, high.unit) or low.unit == COUNT


def _range_quantity(text: str, low: Quantity, high: Quantity) -> Quantity:
    low_value = low.value
    # "7-70B" and "between 7 and 70 billion" write the scale once, on the upper end.
    if low.unit == COUNT and _unscaled(low.text):
        low_value *= _scale_of(high)
    unit = high.unit if low.unit == COUNT else low.unit
    opener = _RANGE_OPENER.search(text[: low.span[0]])
    start = opener.start() if opener else low.span[0]
    return Quantity(
        value=(low_value + high.value) / 2,
        unit=unit,
        span=(start, high.span[1]),
        text=text[start : high.span[1]],
        approximate=low.approximate or high.approximate,
        comparator=low.comparator,
        low=low_value,
        high=high.value,
    )


def _unscaled(atom_text: str) -> bool:
    return not re.search(
        r"(?:\d(?:bn|[kKMBT])\b|thousand|million|billion|trillion|[eE][+-]?\d|\^|\$)", atom_text
    )


def _scale_of(quantity: Quantity) -> float:
    """The multiplier the upper end of a range writes once for both ends ("billion", "B", "GB")."""
    match = _ATOM.search(quantity.text)
    if match is None:
        return 1.0
    return _scale(match.groupdict()) * BYTE_UNITS.get((match.group("unit") or "").lower(), 1.0)


def compatible_units(a: str, b: str) -> bool:
    """Can quantities in these units describe the same fact? A bare count fits any countable unit."""
    if a == b:
        return True
    if a in COUNTABLE_UNITS and b in COUNTABLE_UNITS:
        return COUNT in (a, b)
    return a in TIME_UNITS and b in TIME_UNITS


def _interval(quantity: Quantity, slack: float) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) after widening by ``slack`` relative to the magnitude."""
    if quantity.is_range:
        low, high = float(quantity.low or 0.0), float(quantity.high or 0.0)
    elif quantity.unit == YEAR:
        low, high = quantity.value, quantity.value + 1 - 1e-9  # a bare year covers the whole year
    else:
        low = high = quantity.value
    low_open = high_open = False
    if quantity.comparator in LOWER_BOUNDS:
        high, low_open = math.inf, LOWER_BOUNDS[quantity.comparator]
    elif quantity.comparator in UPPER_BOUNDS:
        low, high_open = -math.inf, UPPER_BOUNDS[quantity.comparator]
    if quantity.unit in TIME_UNITS:
        return low, high, low_open, high_open  # relative slack on a year number would span decades
    return _widen(low, slack), _widen(high, -slack), low_open, high_open


def _widen(bound: float, slack: float) -> float:
    if math.isinf(bound):
        return bound
    return bound - abs(bound) * slack


def _intervals_overlap(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> bool:
    low, low_open = max((a[0], a[2]), (b[0], b[2]), key=lambda bound: (bound[0], bound[1]))
    high, high_open = min((a[1], a[3]), (b[1], b[3]), key=lambda bound: (bound[0], not bound[1]))
    if _close(low, high):
        return not (low_open or high_open)
    return low < high


def _close(x: float, y: float) -> bool:
    if math.isinf(x) or math.isinf(y):
        return x == y
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < other[1] and other[0] < span[1] for other in spans)
