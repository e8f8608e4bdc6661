"""Facts layer: fees — the amount or waiver headline, its fine print, the short cell, the free flag.

The rule that matters most: an amount of 0 with a qualifier is never called free. Only an
unconditional waiver may say «Miễn phí»/«Miễn lệ phí» with nothing after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.facts.numbers import money, percent
from generator.model import Fee
from generator.model.dates import format_date

FEE_TYPE_LABELS: dict[str, str] = {"phi": "Phí", "le_phi": "Lệ phí"}
NO_FEE = "Không thu phí, lệ phí"
NO_FEE_SHORT = "Không thu"
BY_REGULATION = "Theo quy định"


def charged_amount(fee: Fee) -> str | None:
    """The charged amount: «8.000 đồng/bản», «0,5% giá trị tài sản»; None when nothing is charged."""
    if fee.amount:
        return money(fee.amount) + (f"/{fee.unit}" if fee.unit else "")
    if fee.percent is not None:
        return percent(fee.percent) + (f" {fee.base}" if fee.base else "")
    return None


def _waived(fee: Fee) -> bool:
    return charged_amount(fee) is None and (fee.exempt or fee.amount == 0)


def _qualifier(fee: Fee) -> str | None:
    return fee.exemption or fee.text


def unconditional(fee: Fee) -> bool:
    """True when the fee is waived for everyone, with no condition and no end date."""
    return _waived(fee) and not (_qualifier(fee) or fee.valid_to)


SHORT_QUALIFIER = 60
"""A waiver worded by the source («Miễn lệ phí khi đăng ký đúng hạn») is the headline only when
it is this short; a longer one is fine print under «Miễn lệ phí (có điều kiện)»."""


def _waiver_headline(fee: Fee) -> str:
    """The long form of a waiver: what the page and the poster print in bold."""
    label = FEE_TYPE_LABELS[fee.type].lower()
    qualifier = _qualifier(fee)
    if qualifier and qualifier.casefold().startswith("miễn") and len(qualifier) <= SHORT_QUALIFIER:
        return qualifier[0].upper() + qualifier[1:]
    if qualifier:
        return f"Miễn {label} (có điều kiện)"
    if fee.valid_to is not None:
        return f"Miễn {label} đến hết ngày {format_date(fee.valid_to)}"
    return f"Miễn {label}"


def _headline_and_notes(fee: Fee) -> tuple[str, list[str]]:
    amount = charged_amount(fee)
    if amount is not None:
        notes = [f"Miễn, giảm: {fee.exemption}"] if fee.exemption else []
        return amount, notes + ([fee.text] if fee.text else [])
    if _waived(fee):
        headline = _waiver_headline(fee)
        qualifiers = [q for q in (fee.exemption, fee.text) if q and q != headline]
        return headline, qualifiers
    return fee.text or BY_REGULATION, []


def short_fee(fee: Fee) -> str:
    """A fee in a few words for tables, lists and the index poster (the short form of the headline).

    «Miễn lệ phí» only for an unconditional waiver; «Miễn đến dd/mm/yyyy» for a waiver for everyone
    that ends; «Miễn (có điều kiện)» when the waiver has conditions.
    """
    amount = charged_amount(fee)
    if amount is not None:
        return amount
    if _waived(fee):
        if unconditional(fee):
            return f"Miễn {FEE_TYPE_LABELS[fee.type].lower()}"
        if fee.valid_to is not None and not _qualifier(fee):
            return f"Miễn đến {format_date(fee.valid_to)}"
        return "Miễn (có điều kiện)"
    return fee.text or BY_REGULATION


def window_notes(fee: Fee, headline: str, as_of: dt.date) -> list[str]:
    """When a fee starts (if later than ``as_of``) and ends (unless the headline says it already)."""
    notes = []
    if fee.valid_from is not None and fee.valid_from > as_of:
        notes.append(f"Áp dụng từ ngày {format_date(fee.valid_from)}")
    if fee.valid_to is not None and not headline.endswith(format_date(fee.valid_to)):
        notes.append(f"Áp dụng đến hết ngày {format_date(fee.valid_to)}")
    return notes


@dataclass(frozen=True)
class FeeFacts:
    """One fee as every output says it.

    Attributes:
        kind: «Phí» or «Lệ phí». name: the fee's name. headline: the amount or the waiver.
        notes: exemptions, the published wording and the validity window, one phrase each.
        short: the few-word form for table cells. legal_basis: the act that sets it, or None.
        free: True only for an unconditional waiver.
    """

    kind: str
    name: str
    headline: str
    notes: tuple[str, ...]
    short: str
    legal_basis: str | None
    free: bool

    @property
    def line(self) -> str:
        """The fee in one line (change report): headline, then its fine print."""
        return "; ".join((self.headline, *self.notes))


def fee_facts(fee: Fee, as_of: dt.date) -> FeeFacts:
    """The facts of one fee, judged on the build date ``as_of``."""
    headline, notes = _headline_and_notes(fee)
    notes += window_notes(fee, headline, as_of)
    return FeeFacts(
        kind=FEE_TYPE_LABELS[fee.type],
        name=fee.name,
        headline=headline,
        notes=tuple(notes),
        short=short_fee(fee),
        legal_basis=fee.legal_basis,
        free=unconditional(fee),
    )


def fees_short(fees: Sequence[FeeFacts]) -> str:
    """One short cell for a channel's fees: the first (main) fee, «+ …» when there are more.

    The first fee listed is the procedure's own phí or lệ phí; later ones are usually optional
    (copies, extracts), so they never stand in for it.
    """
    if not fees:
        return NO_FEE_SHORT
    return fees[0].short + (" + …" if len(fees) > 1 else "")


def fee_cell(fees: Sequence[FeeFacts]) -> str:
    """A channel's fees in the office index: the main fee with its kind, «+ …» when there are more.

    The rule of the page summary (:func:`fees_short`) with the kind as its label («Lệ phí: Miễn (có
    điều kiện) + …»), so the index never lists amounts nobody can tell apart; the sheet of the
    procedure names each one.
    """
    if not fees:
        return NO_FEE_SHORT
    return f"{fees[0].kind}: {fees_short(fees)}"


def all_free(fees: Sequence[FeeFacts]) -> bool:
    """True when nothing is charged to anyone: no fee, or only unconditional waivers."""
    return all(fee.free for fee in fees)
