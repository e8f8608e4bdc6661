"""Stage review: the risk flags a reviewer must not miss, each with the procedure and the reason.

Four risks (issue 14): a fee up by more than 50 %; an active procedure removed without being
repealed; fees, times or documents changed with neither a change note (``change_note``) nor a new
legal basis; a date set or changed by this change that is already in the past (the start date of a
procedure added by this change does not count: publishing a procedure in force for years is normal).
Amounts and dates are worded by the facts layer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.facts.numbers import percent
from generator.model import Fee, Procedure
from generator.model.dates import LIFECYCLE_LABELS, Lifecycle, format_date
from generator.model.types import CHANNEL_LABELS
from generator.review.align import align
from generator.review.procedures import Line, fee_phrase

FEE_RISE_LIMIT = Decimal("0.5")
"""A fee that rises by more than this share of its old amount is flagged."""
NEEDS_REASON = frozenset({"fees", "times", "documents"})
"""Line fields that need a change note or a new legal basis."""
FLAG_LABELS: dict[str, str] = {
    "fee_rise": "Phí, lệ phí tăng hơn 50%",
    "removed_active": "Xoá thủ tục đang áp dụng mà không bãi bỏ",
    "no_reason": "Sửa phí, thời hạn hoặc hồ sơ mà không có ghi chú thay đổi hay căn cứ pháp lý mới",
    "past_date": "Ngày hiệu lực đã qua",
}
"""Each kind of flag, in words (the heading of its line in the report)."""


@dataclass(frozen=True)
class Flag:
    """One risk: its kind (a key of :data:`FLAG_LABELS`), the procedure (slug, name) and why."""

    kind: str
    slug: str
    name: str
    reason: str

    @property
    def label(self) -> str:
        """The kind in words."""
        return FLAG_LABELS[self.kind]


def _rise(old: Fee, new: Fee) -> Decimal | None:
    """The relative rise of a fee's amount (or percentage) when both sides charge one, else None."""
    for was, now in ((old.amount, new.amount), (old.percent, new.percent)):
        if was and now:
            return (Decimal(str(now)) - Decimal(str(was))) / Decimal(str(was))
    return None


def fee_rises(old: Procedure, new: Procedure) -> Iterator[str]:
    """«name (channel): before → after (+120%)» for each fee up by more than 50 %."""
    before = {c.kind: c.fees for c in old.channels}
    for channel in new.channels:
        for pair in align(before.get(channel.kind, ()), channel.fees, key=lambda f: (f.type, f.name)):
            if pair.old is None or pair.new is None:
                continue
            rise = _rise(pair.old, pair.new)
            if rise is not None and rise > FEE_RISE_LIMIT:
                was, now = fee_phrase(pair.old), fee_phrase(pair.new)
                label = f"{pair.new.name} ({CHANNEL_LABELS[channel.kind]})"
                yield f"{label}: {was} → {now} (+{percent(float((rise * 100).quantize(Decimal(1))))})"


def _dates(proc: Procedure) -> dict[str, dt.date]:
    """Every date of a procedure that decides what applies, by a label saying where it is."""
    found = {}
    if proc.status.effective_from:
        found["Hiệu lực từ"] = proc.status.effective_from
    if proc.status.effective_to:
        found["Hiệu lực đến"] = proc.status.effective_to
    for channel in proc.channels:
        for index, fee in enumerate(channel.fees):
            where = f"{fee.name} ({CHANNEL_LABELS[channel.kind]}, khoản thứ {index + 1})"
            if fee.valid_from:
                found[f"{where}, áp dụng từ"] = fee.valid_from
            if fee.valid_to:
                found[f"{where}, áp dụng đến"] = fee.valid_to
    return found


def past_dates(old: Procedure | None, new: Procedure, as_of: dt.date) -> Iterator[str]:
    """«label: date (trước ngày …)» for each date set or changed here that is before ``as_of``."""
    before = _dates(old) if old else {}
    for label, day in _dates(new).items():
        if old is None and label == "Hiệu lực từ":
            continue
        if before.get(label) != day and day < as_of:
            yield f"{label}: {format_date(day)} (trước ngày {format_date(as_of)})"


def unexplained(old: Procedure, new: Procedure, lines: Sequence[Line]) -> str | None:
    """The changed fields needing a reason when neither a change note nor a new legal basis gives one."""
    touched = sorted({line.field for line in lines if line.field in NEEDS_REASON})
    new_basis = {d.number for d in new.legal_basis} - {d.number for d in old.legal_basis}
    noted = bool(new.change_note) and new.change_note != old.change_note
    if not touched or noted or new_basis:
        return None
    words = {"fees": "phí, lệ phí", "times": "thời hạn", "documents": "hồ sơ"}
    return f"Sửa {', '.join(words[f] for f in touched)}; chưa có change_note mới hay căn cứ pháp lý mới"


def changed_flags(
    slug: str, old: Procedure, new: Procedure, *, lines: Sequence[Line], as_of: dt.date
) -> list[Flag]:
    """The flags of one changed procedure."""
    flags = [Flag("fee_rise", slug, new.name, text) for text in fee_rises(old, new)]
    reason = unexplained(old, new, lines)
    if reason:
        flags.append(Flag("no_reason", slug, new.name, reason))
    flags += [Flag("past_date", slug, new.name, text) for text in past_dates(old, new, as_of)]
    return flags


def added_flags(slug: str, new: Procedure, *, as_of: dt.date) -> list[Flag]:
    """The flags of one added procedure (dates already past)."""
    return [Flag("past_date", slug, new.name, text) for text in past_dates(None, new, as_of)]


def removed_flags(slug: str, old: Procedure, *, state: Lifecycle) -> list[Flag]:
    """A removed procedure is flagged when it was still in force (``state`` is its lifecycle at base)."""
    if state != "active":
        return []
    reason = (
        f"Tệp bị xoá khi thủ tục còn «{LIFECYCLE_LABELS[state]}»; hãy đặt status.effective_to thay vì xoá"
    )
    return [Flag("removed_active", slug, old.name, reason)]
