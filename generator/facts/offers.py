"""Facts: the fees of a procedure as priced offers (schema.org ``Offer`` in the page's JSON-LD).

The words are the fee's facts (headline and fine print from :mod:`generator.facts.fees`); this
module only adds the number a machine reads: the amount in đồng, 0 for a waiver, None when the fee
is a percentage or «theo quy định».
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.facts.fees import charged_amount, fee_facts
from generator.model import Fee, Procedure
from generator.model.dates import fees_on
from generator.model.types import CHANNEL_LABELS


@dataclass(frozen=True)
class FeeOffer:
    """One fee on one channel, priced.

    Attributes:
        name: the fee's name. channel: the channel label («Trực tiếp»). price: amount in đồng
        (0 for a waiver), or None when it is not a fixed amount. unit: «bản», … or None.
        description: the fee's headline and fine print (exemptions, validity), as the page says it.
    """

    name: str
    channel: str
    price: int | None
    unit: str | None
    description: str


def fee_price(fee: Fee) -> int | None:
    """The amount in đồng (0 when nothing is charged), None for percentages and «theo quy định»."""
    if fee.amount:
        return fee.amount
    if charged_amount(fee) is None and (fee.exempt or fee.amount == 0):
        return 0
    return None


def fee_offers(proc: Procedure, as_of: dt.date) -> tuple[FeeOffer, ...]:
    """Every fee in force on ``as_of``, channel by channel, as a priced offer."""
    return tuple(
        FeeOffer(
            name=fee.name,
            channel=CHANNEL_LABELS[channel.kind],
            price=fee_price(fee),
            unit=fee.unit if fee.amount else None,
            description=fee_facts(fee, as_of).line,
        )
        for channel in proc.channels
        for fee in fees_on(channel, as_of)
    )


AUTHORITY_PREFIXES = ("Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND ")


def area_served(publisher: str, parent: str | None) -> str:
    """The area a publisher serves, from its name: «Ủy ban nhân dân xã Tân Hưng» → «xã Tân Hưng»,
    with the parent's area after a comma when the parent is a people's committee too."""
    parts = []
    for name in (publisher, parent):
        if name:
            for prefix in AUTHORITY_PREFIXES:
                if name.startswith(prefix):
                    parts.append(name[len(prefix) :])
                    break
    return ", ".join(parts) or publisher
