"""Facts layer: numbers, money and percentages written the Vietnamese way (1.000,5).

:func:`number` is the one formatter every output takes its digits from. It works on
:class:`~decimal.Decimal`, never on binary floats: a value read from YAML as the float 0.125 is
turned back into the shortest decimal that reads as that float (``repr``), i.e. the digits the
editor wrote, and printed with exactly those digits — 0.125 % stays «0,125%», 2.999 days
«2,999 ngày», 0.001 % «0,001%». Thousands are grouped with «.», the decimal mark is «,».
"""

from __future__ import annotations

from decimal import Decimal


def _group(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


def as_decimal(value: int | float | Decimal) -> Decimal:
    """The decimal the source wrote: ints exactly, floats by their shortest round-tripping digits."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def number(value: int | float | Decimal) -> str:
    """A number the Vietnamese way, with the precision the source gives: 1.000 for thousands, 0,125.

    Raises ValueError for infinity and NaN (content validation refuses them before this point).
    """
    exact = as_decimal(value)
    if not exact.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    whole, _, fraction = format(abs(exact), "f").partition(".")
    fraction = fraction.rstrip("0")
    sign = "-" if exact < 0 else ""
    return sign + _group(int(whole)) + ("," + fraction if fraction else "")


def parse_number(text: str) -> Decimal:
    """Read back a number written by :func:`number` («1.234,5» → Decimal('1234.5'))."""
    return Decimal(text.replace(".", "").replace(",", "."))


def hectares(value: float) -> str:
    """An area in hectares, two decimals the Vietnamese way: 1.268,97 (the caller adds «ha» if needed)."""
    whole, _, fraction = f"{value:.2f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    return sign + _group(abs(int(whole))) + "," + fraction


def money(amount: int) -> str:
    """An amount in đồng: ``8.000 đồng``."""
    return f"{number(amount)} đồng"


def percent(value: float) -> str:
    """A percentage, with the digits the source gives: ``0,5%``, ``0,125%``."""
    return f"{number(value)}%"
