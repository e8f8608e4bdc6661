"""Shared wording: numbers, money, durations, times and fees as the Vietnamese phrases every output uses.

The website, the search results, the posters and the change report phrase facts through these
functions, so the paper board and the web page never word the same fee differently. Text only,
never markup. The rule that matters most: an amount of 0 with a qualifier is never called free.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.dates import format_date
from generator.model import Channel, Fee, ProcessingTime, Stage, StepDuration
from generator.model.types import UNIT_LABELS

FEE_TYPE_LABELS: dict[str, str] = {"phi": "Phí", "le_phi": "Lệ phí"}


def number(value: float) -> str:
    """A number the Vietnamese way: 1.000 for thousands, a comma for decimals (0,5)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, fraction = f"{value:.2f}".rstrip("0").partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + fraction


def money(amount: int) -> str:
    """An amount in đồng: ``8.000 đồng``."""
    return f"{number(amount)} đồng"


def duration(value: float | None, unit: str) -> str:
    """A duration such as ``3 ngày làm việc`` or ``Trong ngày``."""
    if unit == "within_day" or value is None:
        return "Trong ngày" if unit == "within_day" else UNIT_LABELS[unit]
    return f"{number(value)} {UNIT_LABELS[unit]}"


def step_duration(item: StepDuration | None) -> str | None:
    """The duration of one step, or None."""
    return None if item is None else duration(item.value, item.unit)


def stage_text(stage: Stage) -> str:
    """One stage of a multi-stage time: ``Xác minh: 5 ngày làm việc``."""
    return f"{stage.name}: {duration(stage.value, stage.unit)}"


def processing_time(time: ProcessingTime) -> str:
    """The headline of a processing time (``Trong ngày``, ``15 ngày làm việc``)."""
    return duration(time.value, time.unit)


def cutoff_note(time: ProcessingTime) -> str | None:
    """What the cut-off hour means for the citizen, or None."""
    if time.cutoff is None:
        return None
    return f"Nhận hồ sơ sau {time.cutoff} thì trả kết quả trong ngày làm việc tiếp theo."


def charged_amount(fee: Fee) -> str | None:
    """The charged amount: «8.000 đồng/bản», «0,5% giá trị tài sản»; None when nothing is charged."""
    if fee.amount:
        return money(fee.amount) + (f"/{fee.unit}" if fee.unit else "")
    if fee.percent is not None:
        return f"{number(fee.percent)}%" + (f" {fee.base}" if fee.base else "")
    return None


def fee_amount(fee: Fee) -> str:
    """How much a fee is. An amount of 0 is never called free: it says «Miễn» or shows its text."""
    charged = charged_amount(fee)
    if charged is not None:
        return charged
    if fee.exempt:
        return "Miễn"
    if fee.text:
        return fee.text
    return "0 đồng (xem ghi chú)" if fee.amount == 0 else "Chưa công bố mức thu"


def exemption_text(fee: Fee) -> str | None:
    """Who is exempted, spelled out; prefixed «Được miễn:» when an amount is shown beside it."""
    if not fee.exemption:
        return None
    if fee.exempt and fee_amount(fee) != "Miễn":
        return f"Được miễn: {fee.exemption}"
    return fee.exemption


def fee_window(fee: Fee) -> str | None:
    """The validity window of a fee (``từ 01/01/2027``, ``đến 31/12/2026``), or None."""
    parts = []
    if fee.valid_from is not None:
        parts.append(f"từ {format_date(fee.valid_from)}")
    if fee.valid_to is not None:
        parts.append(f"đến hết {format_date(fee.valid_to)}")
    return " ".join(parts).capitalize() or None


def short_fee(fee: Fee) -> str:
    """A fee in a few words, never «Miễn phí» when the waiver has conditions («Miễn (có điều kiện)»)."""
    amount = charged_amount(fee)
    if amount is not None:
        return amount
    if fee.exempt or fee.amount == 0:
        qualified = fee.exemption or fee.text or fee.valid_to
        return "Miễn (có điều kiện)" if qualified else f"Miễn {FEE_TYPE_LABELS[fee.type].lower()}"
    return fee.text or "Theo quy định"


def fee_short(fees: Sequence[Fee]) -> str:
    """One short cell for tables and search results: the first (main) fee, «…» when there are more.

    The first fee listed is the procedure's own phí or lệ phí; later ones are usually optional
    (copies, extracts), so they never stand in for it.
    """
    if not fees:
        return "Không thu"
    return short_fee(fees[0]) + (" …" if len(fees) > 1 else "")


def _unconditionally_waived(fee: Fee) -> bool:
    waived = charged_amount(fee) is None and (fee.exempt or fee.amount == 0)
    return waived and not (fee.exemption or fee.text or fee.valid_to)


def is_free(fees: Sequence[Fee]) -> bool:
    """True when nothing is charged to anyone: no fee, or only unconditional exemptions."""
    return all(_unconditionally_waived(fee) for fee in fees)


def channel_time_short(channels: Sequence[Channel]) -> str:
    """The processing time of the first channel, for table cells."""
    return processing_time(channels[0].time) if channels else "—"


def upcoming_fees(channel: Channel, as_of: dt.date) -> tuple[Fee, ...]:
    """Fees of a channel that start after ``as_of`` (announced changes)."""
    return tuple(fee for fee in channel.fees if fee.valid_from is not None and fee.valid_from > as_of)


BULLETS = ("- ", "+ ", "• ", "* ", "– ")
"""Line starts that mark a list item in published texts (the national portal uses - and +)."""


def text_blocks(text: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Split multi-line content text into paragraphs and bullet lists.

    Returns ``(kind, lines)`` pairs where kind is ``"p"`` (one paragraph per line) or ``"ul"`` (lines
    that started with one of ``BULLETS``, marker removed). Text stays text: templates escape it.
    """
    blocks: list[tuple[str, list[str]]] = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        bullet = line.startswith(BULLETS)
        kind = "ul" if bullet else "p"
        line = line[2:].strip() if bullet else line
        if blocks and blocks[-1][0] == kind == "ul":
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    return tuple((kind, tuple(lines)) for kind, lines in blocks)


NO_FEE = "Không thu phí, lệ phí"


def format_clock(value: str) -> str:
    """A HH:MM cut-off: «15:00» → «15 giờ», «16:30» → «16 giờ 30»."""
    hours, minutes = value.split(":")
    return f"{int(hours)} giờ" if minutes == "00" else f"{int(hours)} giờ {minutes}"


def stages_total(time: ProcessingTime) -> str | None:
    """The total of a multi-stage time when every stage has a value in one unit, else None."""
    units = {stage.unit for stage in time.stages}
    if not time.stages or len(units) != 1 or any(stage.value is None for stage in time.stages):
        return None
    return duration(sum(stage.value or 0 for stage in time.stages), units.pop())


def time_headline(time: ProcessingTime) -> str:
    """The headline of a processing time: a length, the total of its stages, or the published text."""
    if time.unit == "within_day" or time.value is not None:
        return processing_time(time)
    return stages_total(time) or time.text or "Theo quy định"


def time_phrase(time: ProcessingTime) -> str:
    """A processing time in one line, with its start point and cut-off (for reports)."""
    parts = [time_headline(time)]
    if time.start:
        parts.append(time.start)
    if time.cutoff:
        parts.append(f"nhận sau {format_clock(time.cutoff)} trả vào ngày làm việc tiếp theo")
    return ", ".join(parts)


def fee_phrase(fee: Fee) -> str:
    """A fee in one line: its amount or exemption (spelled out), and its validity window."""
    text = fee_amount(fee)
    exemption = exemption_text(fee)
    if exemption and exemption != text:
        text += f" ({exemption[0].lower() + exemption[1:]})"
    window = fee_window(fee)
    return f"{text}, {window[0].lower() + window[1:]}" if window else text
