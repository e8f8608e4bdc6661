"""Shared wording: numbers, money, durations, times and fees as the Vietnamese phrases every output uses.

The website, the posters, the search results and the change report all phrase facts through these
functions, so the paper board and the web page can never word the same fee differently. Text only,
never markup. The rule that matters most: an amount of 0 with a qualifier is never called free.
"""

from __future__ import annotations

from generator.dates import format_date
from generator.model import Fee, ProcessingTime
from generator.model.types import UNIT_LABELS

FEE_TYPE_LABELS: dict[str, str] = {"phi": "phí", "le_phi": "lệ phí"}
NO_FEE = "Không thu phí, lệ phí"


def format_number(value: float) -> str:
    """A number the Vietnamese way: 8000 → «8.000», 0.5 → «0,5»."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, fraction = f"{value:.2f}".rstrip("0").partition(".")
    return f"{format_number(int(whole))},{fraction}"


def money(amount: int) -> str:
    """An amount in đồng: «8.000 đồng»."""
    return f"{format_number(amount)} đồng"


def format_clock(value: str) -> str:
    """A HH:MM cut-off: «15:00» → «15 giờ», «16:30» → «16 giờ 30»."""
    hours, minutes = value.split(":")
    return f"{int(hours)} giờ" if minutes == "00" else f"{int(hours)} giờ {minutes}"


def format_duration(value: float | None, unit: str) -> str | None:
    """A length of time: «3 ngày làm việc», «Trong ngày»; None when there is no value."""
    if unit == "within_day":
        return "Trong ngày"
    if value is None:
        return None
    return f"{format_number(value)} {UNIT_LABELS[unit]}"


def stages_total(time: ProcessingTime) -> str | None:
    """The total of a multi-stage time when every stage has a value in one unit, else None."""
    units = {stage.unit for stage in time.stages}
    if not time.stages or len(units) != 1 or any(stage.value is None for stage in time.stages):
        return None
    return format_duration(sum(stage.value or 0 for stage in time.stages), units.pop())


def time_headline(time: ProcessingTime) -> str:
    """The headline of a processing time: «3 ngày làm việc», «Trong ngày», or the published text."""
    return format_duration(time.value, time.unit) or stages_total(time) or time.text or "Theo quy định"


def cutoff_note(time: ProcessingTime) -> str | None:
    """What the cut-off hour means for the citizen, or None."""
    if time.cutoff is None:
        return None
    return f"Hồ sơ nhận sau {format_clock(time.cutoff)} được trả kết quả trong ngày làm việc tiếp theo"


def time_phrase(time: ProcessingTime) -> str:
    """A processing time in one line, with its start point and cut-off."""
    parts = [time_headline(time)]
    if time.start:
        parts.append(time.start)
    note = cutoff_note(time)
    if note:
        parts.append(note[0].lower() + note[1:])
    return ", ".join(parts)


def fee_amount(fee: Fee) -> str | None:
    """The charged amount: «8.000 đồng/bản», «0,5% giá trị tài sản»; None when nothing is charged."""
    if fee.amount:
        return money(fee.amount) + (f"/{fee.unit}" if fee.unit else "")
    if fee.percent is not None:
        rate = f"{format_number(fee.percent)}%"
        return f"{rate} {fee.base}" if fee.base else rate
    return None


def fee_window(fee: Fee) -> str | None:
    """The validity window of a fee: «từ 01/01/2027», «đến hết 31/12/2026»; None when open."""
    parts = []
    if fee.valid_from is not None:
        parts.append(f"từ {format_date(fee.valid_from)}")
    if fee.valid_to is not None:
        parts.append(f"đến hết {format_date(fee.valid_to)}")
    return " ".join(parts) or None


def fee_phrase(fee: Fee) -> str:
    """A fee in one line: amount or exemption (spelled out, never a bare «miễn phí»), and its window."""
    amount = fee_amount(fee)
    if amount is not None:
        text = amount + (f" (miễn, giảm: {fee.exemption})" if fee.exemption else "")
    elif fee.exempt or fee.amount == 0:
        label = FEE_TYPE_LABELS[fee.type]
        text = f"miễn {label}" + (f": {fee.exemption}" if fee.exemption else "")
    else:
        text = fee.text or "theo quy định"
    window = fee_window(fee)
    return f"{text} ({window})" if window else text
