"""Posters, step 1a: turn model values (times, fees, copies, legal documents) into the short
Vietnamese phrases printed on a notice board.

Pure functions over the model; no markup (that lives in the templates). The rules that matter
for citizens are here: a fee of 0 with a condition is never headlined «Miễn phí», exemptions are
spelled out, and only the fees in force on the build date are used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.dates import fees_on, format_date
from generator.model import Channel, Decision, Document, Fee, LegalDocument, ProcessingTime, Stage
from generator.model.types import CHANNEL_LABELS
from generator.wording import FEE_TYPE_LABELS, charged_amount, duration, format_clock, short_fee, stages_total

NO_FEE = "Không thu phí, lệ phí"


@dataclass(frozen=True)
class Fact:
    """One printed value with its fine print, e.g. «3 ngày làm việc» + «kể từ ngày nhận…»."""

    value: str
    notes: tuple[str, ...] = ()
    label: str | None = None
    """What the value is about, e.g. the fee's name; None when the heading already says it."""


@dataclass(frozen=True)
class ChannelFacts:
    """Time and fees shared by one or more channels (grouped when they are identical)."""

    channels: str
    """The channels, e.g. «Trực tiếp, trực tuyến»."""
    time: Fact
    fees: tuple[Fact, ...]


def format_duration(value: float | None, unit: str) -> str | None:
    """A length of time, e.g. «3 ngày làm việc», «Trong ngày»; None when there is no value."""
    return duration(value, unit) if value is not None or unit == "within_day" else None


def _stage_text(stage: Stage) -> str:
    length = format_duration(stage.value, stage.unit)
    text = f"{stage.name}: {length}" if length else stage.name
    return f"{text} ({stage.note})" if stage.note else text


def time_fact(time: ProcessingTime) -> Fact:
    """The processing time of one channel as a headline value plus fine print."""
    value = format_duration(time.value, time.unit) or stages_total(time)
    notes: list[str] = []
    if time.start:
        notes.append(time.start)
    if time.cutoff:
        notes.append(
            f"Hồ sơ nhận sau {format_clock(time.cutoff)} được trả kết quả trong ngày làm việc tiếp theo"
        )
    notes.extend(_stage_text(stage) for stage in time.stages)
    if value is None:
        value = time.text or "Theo quy định"
    elif time.text and time.text != value:
        notes.append(time.text)
    return Fact(value, tuple(notes))


def _exempt_value(fee: Fee) -> str:
    """Headline of a fee that is waived: unconditional waivers only may say «Miễn phí»."""
    label = FEE_TYPE_LABELS[fee.type].lower()
    qualifier = fee.exemption or fee.text
    if qualifier:
        if qualifier.casefold().startswith("miễn"):
            return qualifier[0].upper() + qualifier[1:]
        return f"Miễn {label} trong trường hợp: {qualifier}"
    if fee.valid_to is not None:
        return f"Miễn {label} đến hết ngày {format_date(fee.valid_to)}"
    return f"Miễn {label}"


def fee_fact(fee: Fee) -> Fact:
    """One fee in force: its amount (or exemption) as the value, its name as the label."""
    amount = charged_amount(fee)
    notes: list[str] = []
    if amount is not None:
        value = amount
        if fee.exemption:
            notes.append(f"Miễn, giảm: {fee.exemption}")
        if fee.text:
            notes.append(fee.text)
    elif fee.exempt or fee.amount == 0:
        value = _exempt_value(fee)
        if fee.exemption and fee.text:
            notes.append(fee.text)
    else:
        value = fee.text or "Theo quy định"
    if fee.valid_to is not None and not value.endswith(format_date(fee.valid_to)):
        notes.append(f"Áp dụng đến hết ngày {format_date(fee.valid_to)}")
    return Fact(value, tuple(notes), label=fee.name)


def fee_facts(channel: Channel, as_of: dt.date) -> tuple[Fact, ...]:
    """The fees of one channel in force on ``as_of``; a single «no fee» fact when there are none."""
    fees = fees_on(channel, as_of)
    return tuple(fee_fact(fee) for fee in fees) if fees else (Fact(NO_FEE),)


def channel_label(kinds: Sequence[str]) -> str:
    """Join channel names: «Trực tiếp, trực tuyến»."""
    names = [CHANNEL_LABELS[kind] for kind in kinds]
    text = ", ".join(name[0].lower() + name[1:] for name in names)
    return text[0].upper() + text[1:]


def channel_facts(channels: tuple[Channel, ...], as_of: dt.date) -> tuple[ChannelFacts, ...]:
    """Time and fees per channel, channels with identical facts merged into one group."""
    groups: dict[tuple[Fact, tuple[Fact, ...]], list[str]] = {}
    for channel in channels:
        key = (time_fact(channel.time), fee_facts(channel, as_of))
        groups.setdefault(key, []).append(channel.kind)
    return tuple(ChannelFacts(channel_label(kinds), time, fees) for (time, fees), kinds in groups.items())


def short_fees(channel: Channel, as_of: dt.date) -> tuple[str, ...]:
    """The fees of one channel in force on ``as_of``, one short line each, for the office index."""
    fees = fees_on(channel, as_of)
    return tuple(dict.fromkeys(short_fee(fee) for fee in fees)) if fees else (NO_FEE,)


def quantity(doc: Document) -> str:
    """How many copies of a document: «01 bản chính, 01 bản sao», «Xuất trình bản chính»."""
    if doc.present_only:
        return "Xuất trình bản chính" if doc.originals else "Xuất trình"
    parts = []
    if doc.originals:
        parts.append(f"{doc.originals:02d} bản chính")
    if doc.copies:
        parts.append(f"{doc.copies:02d} bản sao")
    return ", ".join(parts) or "Theo yêu cầu"


def document_notes(doc: Document) -> tuple[str, ...]:
    """Fine print under a document's name: its form, its note, whether it is optional."""
    notes = []
    if doc.form is not None and (doc.form.code or doc.form.name):
        notes.append(f"Mẫu: {doc.form.code or doc.form.name}")
    if doc.note:
        notes.append(doc.note)
    elif not doc.required and "nếu có" not in doc.name.casefold():
        notes.append("Chỉ nộp trong một số trường hợp")
    return tuple(notes)


def legal_text(doc: LegalDocument) -> str:
    """A legal basis the official way: «Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014 của Quốc hội»."""
    text = doc.title if doc.number in doc.title else f"{doc.title} số {doc.number}"
    if doc.date is not None:
        text += f" ngày {format_date(doc.date)}"
    if doc.issuer:
        text += f" của {doc.issuer}"
    return text


def decision_text(decision: Decision) -> str:
    """The publication decision: «Công bố kèm theo Quyết định số 658/QĐ-UBND ngày … của …»."""
    return (
        f"Công bố kèm theo Quyết định số {decision.number} ngày {format_date(decision.date)} "
        f"của {decision.issuer}"
    )
