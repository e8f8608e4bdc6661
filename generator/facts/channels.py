"""Facts layer: one channel (in person, online, by post) with its own time and fees on the build date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.facts.fees import NO_FEE_SHORT, FeeFacts, all_free, fee_cell, fee_facts, fees_short
from generator.facts.times import TimeFacts, time_facts
from generator.model import Channel
from generator.model.dates import fees_on
from generator.model.types import CHANNEL_LABELS

CHANNEL_SHORT: dict[str, str] = {
    "truc_tiep": "Trực tiếp",
    "truc_tuyen": "Trực tuyến",
    "buu_chinh": "Bưu chính",
}
"""Channel names for narrow table cells."""


@dataclass(frozen=True)
class ChannelFacts:
    """One way to apply, as every output says it.

    Attributes:
        kind: truc_tiep | truc_tuyen | buu_chinh. label: «Trực tiếp». short_label: «Bưu chính».
        time: its processing time. fees: the fees in force on the build date (empty: none).
        upcoming: announced fees that start later. note: the channel's note, or None.
    """

    kind: str
    label: str
    short_label: str
    time: TimeFacts
    fees: tuple[FeeFacts, ...]
    upcoming: tuple[FeeFacts, ...]
    note: str | None

    @property
    def fee_short(self) -> str:
        """The fees in one short cell."""
        return fees_short(self.fees)

    @property
    def free(self) -> bool:
        """True when nothing is charged to anyone on this channel."""
        return all_free(self.fees)


def channel_facts(channel: Channel, as_of: dt.date) -> ChannelFacts:
    """The facts of one channel on the build date ``as_of``."""
    upcoming = [fee for fee in channel.fees if fee.valid_from is not None and fee.valid_from > as_of]
    return ChannelFacts(
        kind=channel.kind,
        label=CHANNEL_LABELS[channel.kind],
        short_label=CHANNEL_SHORT[channel.kind],
        time=time_facts(channel.time),
        fees=tuple(fee_facts(fee, as_of) for fee in fees_on(channel, as_of)),
        upcoming=tuple(fee_facts(fee, as_of) for fee in upcoming),
        note=channel.note,
    )


def join_labels(labels: Sequence[str]) -> str:
    """Join channel names in a sentence: «Trực tiếp, trực tuyến»."""
    text = ", ".join(name[0].lower() + name[1:] for name in labels)
    return text[0].upper() + text[1:] if text else ""


@dataclass(frozen=True)
class ChannelCase:
    """One value of a procedure summary and the channels it holds for.

    Attributes:
        channels: short channel names in a sentence («Trực tiếp, bưu chính»), None when every channel
            says the same.
        value: the time or fee in a few words.
    """

    channels: str | None
    value: str

    @property
    def line(self) -> str:
        """«Trực tuyến: 3 ngày làm việc», or the bare value when it holds for every channel."""
        return f"{self.channels}: {self.value}" if self.channels else self.value


def by_channel(
    channels: Sequence[ChannelFacts], value: Callable[[ChannelFacts], str]
) -> tuple[ChannelCase, ...]:
    """The distinct values of ``value`` over the channels, in channel order, each with its channels.

    One value for all channels gives one unlabelled case; several give one labelled case each, so a
    summary cell never presents the first (or the shortest) channel's value as the only one.
    """
    labels: dict[str, list[str]] = {}
    for channel in channels:
        labels.setdefault(value(channel), []).append(channel.short_label)
    if len(labels) <= 1:
        return tuple(ChannelCase(None, text) for text in labels)
    return tuple(ChannelCase(join_labels(names), text) for text, names in labels.items())


def cases_line(cases: Sequence[ChannelCase], empty: str) -> str:
    """The cases in one cell: «Trực tiếp: 5 ngày làm việc; Trực tuyến: 3 ngày làm việc»."""
    return "; ".join(case.line for case in cases) if cases else empty


def fees_brief(channels: Sequence[ChannelFacts]) -> str:
    """The fees of a procedure in a few words, for the office index poster.

    The first channel's main fee with its kind and «+ …» for the optional ones (the summary's rule,
    :func:`~generator.facts.fees.fee_cell`), then each channel that charges otherwise, labelled as
    in the summary cells: «Lệ phí: 15.000 đồng/bản + …; Trực tuyến: Miễn (có điều kiện)». A later
    channel's main fee says its kind when it is not the first one's («Không thu; Trực tuyến: lệ phí
    15.000 đồng/bản»).
    """
    groups: dict[str, list[ChannelFacts]] = {}
    for channel in channels:
        groups.setdefault(fee_cell(channel.fees), []).append(channel)
    if not groups:
        return NO_FEE_SHORT
    (main, first), *others = groups.items()
    kind = first[0].fees[0].kind if first[0].fees else None

    def value(channel: ChannelFacts) -> str:
        if channel.fees and channel.fees[0].kind != kind:
            return f"{channel.fees[0].kind.lower()} {channel.fee_short}"
        return channel.fee_short

    rest = (f"{join_labels([c.short_label for c in members])}: {value(members[0])}" for _, members in others)
    return "; ".join((main, *rest))
