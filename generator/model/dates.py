"""Dated facts: the lifecycle of a procedure and the fees in force on one build date."""

from __future__ import annotations

import datetime as dt
import os
from typing import Literal

from generator.model import Channel, Fee, Status

Lifecycle = Literal["upcoming", "active", "repealed"]

LIFECYCLE_LABELS: dict[str, str] = {
    "upcoming": "Sắp có hiệu lực",
    "active": "Đang áp dụng",
    "repealed": "Đã bãi bỏ",
}


def lifecycle(status: Status, as_of: dt.date) -> Lifecycle:
    """Derive upcoming / active / repealed from the effective dates on ``as_of``."""
    if status.effective_to is not None and as_of > status.effective_to:
        return "repealed"
    if status.effective_from is not None and as_of < status.effective_from:
        return "upcoming"
    return "active"


def fee_applies(fee: Fee, as_of: dt.date) -> bool:
    """Tell whether a fee's validity window contains ``as_of``."""
    if fee.valid_from is not None and as_of < fee.valid_from:
        return False
    return fee.valid_to is None or as_of <= fee.valid_to


def fees_on(channel: Channel, as_of: dt.date) -> tuple[Fee, ...]:
    """Return the fees of a channel in force on ``as_of``."""
    return tuple(fee for fee in channel.fees if fee_applies(fee, as_of))


def build_date() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def format_date(value: dt.date) -> str:
    """Format a date the Vietnamese way: 07/09/2026."""
    return value.strftime("%d/%m/%Y")
