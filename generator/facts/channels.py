"""Facts layer: one channel (in person, online, by post) with its own time and fees on the build date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.facts.fees import FeeFacts, all_free, fee_facts, fees_short
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
