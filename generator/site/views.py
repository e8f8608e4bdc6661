"""Stage 3 (site): small view models shared by page contexts (links, offices, feedback, table rows)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue import Catalogue, OfficeEntry, ProcedureEntry
from generator.dates import LIFECYCLE_LABELS, fees_on, format_date
from generator.model import Feedback
from generator.model.types import ONLINE_LABELS
from generator.site import urls
from generator.wording import channel_time_short, fee_short


@dataclass(frozen=True)
class Link:
    """A link: text (escaped) and a relative href."""

    text: str
    href: str


@dataclass(frozen=True)
class OfficeView:
    """An office box: where to go, when, whom to call.

    Attributes:
        name: full name. href: link to the office page. address: street address.
        hours: opening hours, one line each. hotline: phone. email: email or None.
        desks: counters and what they handle. posters: poster PDF links shown with the box.
    """

    name: str
    href: str
    address: str
    hours: tuple[str, ...]
    hotline: str
    email: str | None
    desks: tuple[str, ...]
    posters: tuple[Link, ...] = ()


@dataclass(frozen=True)
class FeedbackView:
    """The feedback block (phản ánh, kiến nghị) printed on every page."""

    agency: str
    address: str
    phone: str
    email: str | None
    website: str | None
    note: str | None


@dataclass(frozen=True)
class ProcedureRow:
    """One row of a procedure table.

    Attributes:
        name: procedure name. href: link to its page. code: national code or "".
        field: field name. time: processing time of the first channel. fee: short fee cell.
        online: online level label. online_key: toan_trinh | mot_phan | khong (for styling).
        state_note: «Từ 01/01/2027» for upcoming, «Đã bãi bỏ» for repealed, "" for active.
    """

    name: str
    href: str
    code: str
    field: str
    time: str
    fee: str
    online: str
    online_key: str
    state_note: str


def office_view(entry: OfficeEntry, from_path: str, posters: tuple[Link, ...] = ()) -> OfficeView:
    """The office box of ``entry`` as seen from the page at ``from_path``."""
    office = entry.model
    return OfficeView(
        name=office.name,
        href=urls.relative(from_path, urls.office_path(entry.slug)),
        address=office.address,
        hours=office.hours,
        hotline=office.hotline,
        email=office.email,
        desks=office.desks,
        posters=posters,
    )


def feedback_view(feedback: Feedback) -> FeedbackView:
    """The feedback block of a Feedback record."""
    return FeedbackView(
        agency=feedback.agency,
        address=feedback.address,
        phone=feedback.phone,
        email=feedback.email,
        website=feedback.website,
        note=feedback.note,
    )


def procedure_row(catalogue: Catalogue, entry: ProcedureEntry, from_path: str) -> ProcedureRow:
    """A table row for ``entry`` as seen from the page at ``from_path``."""
    proc = entry.model
    state = catalogue.state(entry)
    note = ""
    if state == "upcoming" and proc.status.effective_from is not None:
        note = f"Áp dụng từ {format_date(proc.status.effective_from)}"
    elif state == "repealed":
        note = LIFECYCLE_LABELS["repealed"]
    field = catalogue.field_by_slug.get(proc.field)
    channels = proc.channels
    fees = fees_on(channels[0], catalogue.as_of) if channels else ()
    return ProcedureRow(
        name=proc.name,
        href=urls.relative(from_path, urls.procedure_path(entry.slug)),
        code=proc.code or "",
        field=field.name if field else proc.field,
        time=channel_time_short(channels),
        fee=fee_short(fees),
        online=ONLINE_LABELS[proc.online],
        online_key=proc.online,
        state_note=note,
    )
