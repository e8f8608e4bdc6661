"""The one number formatter: Vietnamese separators, the source's precision, checked against a reference."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.facts.numbers import number, parse_number, percent
from generator.facts.times import time_facts
from generator.model import ProcessingTime

_SHAPE = re.compile(r"^-?[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]*[1-9])?$")


def reference(value: Decimal) -> str:
    """An independent formatter: Python's own «,» grouping and «.» point, then the marks swapped."""
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    text = text.translate(str.maketrans(",.", ".,"))
    return "0" if text == "-0" else text


_DECIMALS = st.decimals(
    min_value=Decimal("-999999999999"), max_value=Decimal("999999999999"), places=4, allow_nan=False
)


@settings(max_examples=500, deadline=None)
@given(value=_DECIMALS)
def test_any_decimal_of_up_to_four_places_formats_and_parses_back(value: Decimal) -> None:
    text = number(value)
    assert text == reference(value)
    assert _SHAPE.match(text), text
    assert parse_number(text) == value


@settings(max_examples=500, deadline=None)
@given(value=_DECIMALS.filter(lambda d: abs(d) < 10**10))
def test_a_float_read_from_yaml_keeps_the_digits_written(value: Decimal) -> None:
    assert number(float(str(value))) == reference(value)


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.001, "0,001"), (2.999, "2,999"), (0.125, "0,125"), (1e-05, "0,00001"), (1234567.5, "1.234.567,5")],
)
def test_no_rounding_and_no_dangling_comma(value: float, text: str) -> None:
    assert number(value) == text


def test_percent_and_days_keep_the_source_precision() -> None:
    assert percent(0.001) == "0,001%"
    assert percent(0.125) == "0,125%"
    days = ProcessingTime.model_validate({"value": 2.999, "unit": "working_day"})
    assert time_facts(days).headline == "2,999 ngày làm việc"


@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_non_finite_numbers_are_refused(value: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        number(value)
