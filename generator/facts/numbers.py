"""Facts layer: numbers, money and percentages written the Vietnamese way (1.000,5)."""

from __future__ import annotations


def _group(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


def number(value: float) -> str:
    """A number the Vietnamese way: 1.000 for thousands, a comma for decimals (0,5)."""
    if float(value).is_integer():
        return _group(int(value))
    whole, _, fraction = f"{value:.2f}".rstrip("0").partition(".")
    return _group(int(whole)) + "," + fraction


def hectares(value: float) -> str:
    """An area in hectares, two decimals the Vietnamese way: 1.268,97 (the caller adds «ha» if needed)."""
    whole, _, fraction = f"{value:.2f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    return sign + _group(abs(int(whole))) + "," + fraction


def money(amount: int) -> str:
    """An amount in đồng: ``8.000 đồng``."""
    return f"{number(amount)} đồng"


def percent(value: float) -> str:
    """A percentage: ``0,5%``."""
    return f"{number(value)}%"
