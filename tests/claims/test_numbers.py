"""Number normaliser: the notations an LLM course uses must reduce to one comparable value."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doclint.claims.mentions import has_number
from doclint.claims.numbers import Quantity, agrees, find_quantities


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("175B", 175e9, "count"),
        ("175 billion", 175e9, "count"),
        ("1.75e11", 1.75e11, "count"),
        ("1.75E+11", 1.75e11, "count"),
        ("1.75 × 10^11", 1.75e11, "count"),
        ("1.75x10^11", 1.75e11, "count"),
        ("1.75*10**11", 1.75e11, "count"),
        ("1.75 × 10^{11}", 1.75e11, "count"),
        ("1.75×10¹¹", 1.75e11, "count"),
        ("10^23 FLOPs", 1e23, "flops"),
        ("3.14e23 FLOPs", 3.14e23, "flops"),
        ("86.4%", 86.4, "percent"),
        ("86.4 percent", 86.4, "percent"),
        ("10T tokens", 10e12, "tokens"),
        ("15 trillion tokens", 15e12, "tokens"),
        ("ten trillion tokens", 10e12, "tokens"),
        ("$4.6M", 4.6e6, "usd"),
        ("$4.6 million", 4.6e6, "usd"),
        ("12 million dollars", 12e6, "usd"),
        ("1,000", 1000.0, "count"),
        ("2.5 million", 2.5e6, "count"),
        ("a billion parameters", 1e9, "parameters"),
        ("7B params", 7e9, "parameters"),
        ("a 175-billion-parameter model", 175e9, "parameters"),
        ("a 128,000-token vocabulary", 128_000.0, "tokens"),
        ("80 GB of memory", 80e9, "bytes"),
        ("an 825 GiB corpus", 825 * 2.0**30, "bytes"),
        ("4x faster", 4.0, "ratio"),
        ("four times wider", 4.0, "ratio"),
        ("32k context", 32e3, "count"),
    ],
)
def test_notations_normalise_to_one_value(text: str, value: float, unit: str) -> None:
    quantity = only(text)
    assert math.isclose(quantity.value, value, rel_tol=1e-9)
    assert quantity.unit == unit


def test_equivalent_notations_give_the_same_value() -> None:
    notations = ["175B", "175 billion", "1.75e11", "1.75 × 10^11", "1.75x10^11", "175,000,000,000"]
    values = {round(only(text).value) for text in notations}
    assert values == {175_000_000_000}


@pytest.mark.parametrize(
    ("text", "comparator", "approximate"),
    [
        ("~100B", "~", True),
        ("≈100B", "~", True),
        ("about 100B", "about", True),
        ("roughly 100 billion", "about", True),
        (">100B", ">", False),
        (">= 100B", ">=", False),
        ("≥100B", ">=", False),
        ("over 100B", "over", False),
        ("more than 100 billion", "over", False),
        ("at least 100B", ">=", False),
        ("under 100B", "under", False),
        ("fewer than 100 billion", "under", False),
        ("up to 100B", "<=", False),
        ("100B", None, False),
    ],
)
def test_comparators_and_approximation(text: str, comparator: str | None, approximate: bool) -> None:
    quantity = only(text)
    assert quantity.comparator == comparator
    assert quantity.approximate is approximate
    assert math.isclose(quantity.value, 100e9)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("between 7B and 70B", 7e9, 70e9, "count"),
        ("between 7 and 70 billion parameters", 7e9, 70e9, "parameters"),
        ("between 7B and 70B parameters", 7e9, 70e9, "parameters"),
        ("8-80 GB", 8e9, 80e9, "bytes"),
        ("5-10%", 5.0, 10.0, "percent"),
        ("1.5-2 trillion tokens", 1.5e12, 2e12, "tokens"),
        ("7-70B", 7e9, 70e9, "count"),
        ("7B–70B", 7e9, 70e9, "count"),
        ("from $4 million to $10 million", 4e6, 10e6, "usd"),
        ("2-4x faster", 2.0, 4.0, "ratio"),
        ("two to four times faster", 2.0, 4.0, "ratio"),
        ("between 2019 and 2021", 2019.0, 2021.0, "year"),
    ],
)
def test_ranges_share_scale_and_unit(text: str, low: float, high: float, unit: str) -> None:
    quantity = only(text)
    assert quantity.is_range
    assert math.isclose(quantity.low or 0.0, low) and math.isclose(quantity.high or 0.0, high)
    assert quantity.unit == unit
    assert math.isclose(quantity.value, (low + high) / 2)


def test_a_plain_conjunction_is_a_list_not_a_range() -> None:
    assert [q.value for q in find_quantities("Llama comes in 7B and 70B sizes")] == [7e9, 70e9]


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("introduced in 2017.", "year", 2017.0),
        ("In February 2019, the lab", "date", 2019 + 1 / 12),
        ("released on 30 November 2022", "date", 2022 + 10 / 12 + 29 / 372),
        ("released on November 30, 2022", "date", 2022 + 10 / 12 + 29 / 372),
        ("dated 2017-06-12", "date", 2017 + 5 / 12 + 11 / 372),
    ],
)
def test_dates_become_decimal_years(text: str, unit: str, value: float) -> None:
    quantity = only(text)
    assert quantity.unit == unit
    assert math.isclose(quantity.value, value)


def test_a_four_digit_count_before_a_plural_noun_is_not_a_year() -> None:
    assert only("a window of 2048 positions").unit == "count"


@pytest.mark.parametrize(
    "text", ["GPT-4 is large", "an H100 GPU", "the cl100k_base encoding", "a token", "three ideas"]
)
def test_names_and_prose_words_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_spans_point_at_the_mention() -> None:
    text = "GPT-3 has ~175B parameters and used 3.14e23 FLOPs."
    spans = [text[slice(*q.span)] for q in find_quantities(text)]
    assert spans == ["~175B parameters", "3.14e23 FLOPs"]
    assert [q.text for q in find_quantities(text)] == spans


def test_several_quantities_come_back_in_order() -> None:
    found = find_quantities("Trained in 2020 on 300B tokens for $4.6M, it scored 43.9%.")
    assert [q.unit for q in found] == ["year", "tokens", "usd", "percent"]


class TestAgrees:
    def test_same_value_in_different_notations(self) -> None:
        assert agrees(only("175B parameters"), only("1.75 × 10^11"))

    def test_different_values_disagree(self) -> None:
        assert not agrees(only("175B"), only("170B"))

    def test_tolerance_is_relative(self) -> None:
        assert agrees(only("175B"), only("170B"), tolerance=0.05)
        assert not agrees(only("175B"), only("150B"), tolerance=0.05)

    def test_approximate_mentions_get_slack(self) -> None:
        assert agrees(only("~170B"), only("175B"))
        assert not agrees(only("~100B"), only("175B"))

    def test_bounds_are_half_open_intervals(self) -> None:
        assert agrees(only(">100B"), only("175B"))
        assert not agrees(only(">100B"), only("100B"))
        assert agrees(only("at least 100B"), only("100B"))
        assert not agrees(only("under 10B"), only("70B"))

    def test_ranges_contain_their_members(self) -> None:
        assert agrees(only("between 7B and 70B"), only("13B"))
        assert not agrees(only("7-70B"), only("175B"))

    def test_units_must_be_compatible(self) -> None:
        assert not agrees(only("175B tokens"), only("175B parameters"))
        assert not agrees(only("80%"), only("80 GB"))
        assert agrees(only("15 trillion"), only("15T tokens"))

    def test_a_year_covers_its_dates(self) -> None:
        assert agrees(only("in 2022"), only("on 30 November 2022"))
        assert not agrees(only("in 2021"), only("on 30 November 2022"))

    def test_agreement_is_symmetric(self) -> None:
        pairs = [("~170B", "175B"), (">100B", "175B"), ("7-70B", "13B"), ("in 2022", "March 2022")]
        for left, right in pairs:
            assert agrees(only(left), only(right)) == agrees(only(right), only(left))


@settings(max_examples=300, derandomize=True)
@given(st.text(max_size=200))
def test_any_text_gives_well_formed_quantities(text: str) -> None:
    for quantity in find_quantities(text):
        start, end = quantity.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == quantity.text
        assert not math.isnan(quantity.value)


_NUMBER = re.compile(r"\d|\b(?:thousand|million|billion|trillion)\b", re.IGNORECASE)


_PIECES = ["MILLION", "Billion", "thousand", "illion", "a", " ", "-", "1", "\u0663", "\u017f", "\u0130", "s"]


@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_has_number_is_a_digit_or_a_number_word_in_any_case(text):
    assert has_number(text) == bool(_NUMBER.search(text))


def test_has_number_folds_case_as_the_regex_engine_does():
    assert has_number("a thou\u017fand")  # long s folds to s
    assert not has_number("millions of users") and has_number("a MILLION users")


@pytest.mark.parametrize("text", ["1e999 parameters", "10^400 tokens", "2 × 10^999 FLOPs", "10⁹⁹⁹ bytes"])
def test_a_number_past_a_float_is_not_a_quantity(text: str) -> None:
    assert find_quantities(f"The model has {text} and 7B parameters.")[-1].value == 7e9
    assert all(quantity.text != text for quantity in find_quantities(text))


def test_a_page_with_a_number_past_a_float_lints_without_an_internal_error(tmp_path) -> None:
    from doclint.testing import lint_tree, write_files

    write_files(
        tmp_path, {"docs/a.md": "# Scale\n\nThe model has 1e999 parameters, on 10^400 tokens in 2023.\n"}
    )
    assert [d.code for d in lint_tree(tmp_path, use_cache=False) if d.code.startswith("DL")] == []
