"""Facts layer: everything every output says about one procedure, collected once from the catalogue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.catalogue import Catalogue, ProcedureEntry
from generator.facts.channels import (
    ChannelCase,
    ChannelFacts,
    by_channel,
    cases_line,
    channel_facts,
    fees_brief,
)
from generator.facts.collation import listed_name
from generator.facts.documents import DossierFacts, decision_text, dossier_facts, legal_text
from generator.facts.offices import FeedbackFacts, OfficeFacts, feedback_facts, office_facts
from generator.facts.times import span
from generator.model import Procedure, Status
from generator.model.dates import LIFECYCLE_LABELS, Lifecycle, format_date
from generator.model.types import LEVEL_LABELS, ONLINE_LABELS

NO_TIME = "—"
REPLACED_BY = "Thay thế bằng"
"""A repealed procedure's successor, only when the repealing decision designates one."""
SEE_ALSO = "Xem thêm"
"""A procedure to look at instead when no replacement is designated (``status.see_also``)."""


@dataclass(frozen=True)
class DateFacts:
    """The dated facts of a procedure on the build date.

    Attributes:
        state: upcoming | active | repealed. label: «Đang áp dụng»…
        starts: «Áp dụng từ ngày …» while the procedure is upcoming, else None.
        ends: «Áp dụng đến hết ngày …» whenever an end date is set, else None.
        banner: the explanation shown on an upcoming, repealed or soon ending procedure, else None.
        ending_soon: True while an active procedure is within the site's notice days of its end.
    """

    state: Lifecycle
    label: str
    starts: str | None
    ends: str | None
    banner: str | None
    ending_soon: bool = False

    @property
    def ends_notice(self) -> str | None:
        """The end date as a sheet prints it: «Sắp hết hiệu lực · Áp dụng đến hết ngày …» in the notice."""
        if self.ends is None:
            return None
        return f"{ENDING_SOON} · {self.ends}" if self.ending_soon else self.ends


ENDING_SOON = "Sắp hết hiệu lực"


def date_facts(
    status: Status, state: Lifecycle, *, as_of: dt.date | None = None, notice_days: int = 30
) -> DateFacts:
    """The dated facts of a status in lifecycle ``state`` on ``as_of`` (the build date).

    An active procedure whose end date is at most ``notice_days`` away is «Sắp hết hiệu lực»: the page
    and the poster say so (the poster changes once, on the first day of the notice, not daily).
    """
    start, end = status.effective_from, status.effective_to
    starts = f"Áp dụng từ ngày {format_date(start)}" if state == "upcoming" and start else None
    ends = f"Áp dụng đến hết ngày {format_date(end)}" if end else None
    banner = None
    if state == "upcoming" and start is not None:
        banner = f"Thủ tục này có hiệu lực từ ngày {format_date(start)}; chưa áp dụng."
    elif state == "repealed":
        after = f" từ sau ngày {format_date(end)}" if end else ""
        banner = f"Thủ tục này đã bãi bỏ{after}; không còn tiếp nhận hồ sơ."
    soon = state == "active" and end is not None and as_of is not None and (end - as_of).days <= notice_days
    if soon and end is not None:
        banner = (
            f"Thủ tục này chỉ áp dụng đến hết ngày {format_date(end)}; sau ngày đó không còn tiếp nhận hồ sơ."
        )
    if banner and status.note:
        banner += f" {status.note}"
    label = ENDING_SOON if soon else LIFECYCLE_LABELS[state]
    return DateFacts(state, label, starts, ends, banner, ending_soon=soon)


@dataclass(frozen=True)
class AuthorityFacts:
    """Who decides, who carries it out (when different) and who coordinates."""

    deciding: str
    executing: str | None
    coordinating: tuple[str, ...]

    @property
    def notes(self) -> tuple[str, ...]:
        """«Thực hiện: …», «Phối hợp: …» as printed under the deciding agency."""
        notes = [f"Thực hiện: {self.executing}"] if self.executing else []
        if self.coordinating:
            notes.append(f"Phối hợp: {'; '.join(self.coordinating)}")
        return tuple(notes)


@dataclass(frozen=True)
class ProcedureFacts:
    """One procedure as every output says it (identity, summary, channels, offices, dates, dossier).

    Attributes:
        slug, name, code (national, else local), local_code (beside a national code), field, level,
        online (label), online_key: identity. channels: per-channel facts. offices: the offices that
        receive it (each with its feedback block). dates: lifecycle and dated phrases.
        time_short, fee_short, free: the summary cells of tables and search results.
        dossier, legal, decision, authority, applicants: the body, in words.
    """

    slug: str
    name: str
    code: str | None
    local_code: str | None
    field: str
    level: str
    online: str
    online_key: str
    channels: tuple[ChannelFacts, ...]
    offices: tuple[OfficeFacts, ...]
    dates: DateFacts
    dossier: tuple[DossierFacts, ...]
    legal: tuple[str, ...]
    decision: str | None
    authority: AuthorityFacts | None
    applicants: tuple[str, ...]

    @property
    def listed_name(self) -> str:
        """The name as every list prints it (tables, the office index poster, search results)."""
        return listed_name(self.name)

    @property
    def time_cases(self) -> tuple[ChannelCase, ...]:
        """The distinct processing times, each with the channels it holds for (one when all agree)."""
        return by_channel(self.channels, lambda channel: channel.time.short)

    @property
    def fee_cases(self) -> tuple[ChannelCase, ...]:
        """The distinct short fee cells, each with the channels it holds for (one when all agree)."""
        return by_channel(self.channels, lambda channel: channel.fee_short)

    @property
    def time_short(self) -> str:
        """The processing time in one cell for tables and search results: every channel's, labelled."""
        return cases_line(self.time_cases, NO_TIME)

    @property
    def fee_short(self) -> str:
        """The fees in one cell for tables and search results: every channel's, labelled."""
        return cases_line(self.fee_cases, "Không thu")

    @property
    def time_brief(self) -> str:
        """The processing time in a few words for the office index poster: the span of every
        channel's and case's length («Từ 1,5 ngày làm việc đến 23 ngày (kể cả ngày nghỉ)»), or the
        summary cell when a time is given only in words. The procedure's own sheet says which case
        takes how long."""
        return span([channel.time for channel in self.channels]) or self.time_short

    @property
    def fee_brief(self) -> str:
        """The fees in a few words for the office index poster (see :func:`fees_brief`)."""
        return fees_brief(self.channels)

    @property
    def free(self) -> bool:
        """True when nothing is charged to anyone on any channel."""
        return all(channel.free for channel in self.channels)

    @property
    def feedback(self) -> tuple[FeedbackFacts, ...]:
        """The distinct feedback blocks of the offices, in office order."""
        return tuple(dict.fromkeys(office.feedback for office in self.offices))

    def office(self, slug: str) -> OfficeFacts:
        """The facts of one of the procedure's offices."""
        return next(office for office in self.offices if office.slug == slug)


def display_code(proc: Procedure) -> tuple[str | None, str | None]:
    """(code shown in the header, local code shown beside it)."""
    if proc.code:
        return proc.code, proc.local_code
    return proc.local_code, None


def authority_facts(proc: Procedure) -> AuthorityFacts | None:
    """The deciding, executing and coordinating agencies, or None."""
    auth = proc.authority
    if auth is None:
        return None
    executing = auth.executing if auth.executing != auth.deciding else None
    return AuthorityFacts(auth.deciding, executing, auth.coordinating)


def offices_of(catalogue: Catalogue, proc: Procedure) -> tuple[OfficeFacts, ...]:
    """The facts of the offices a procedure names (unknown slugs are skipped)."""
    site = catalogue.site.model
    return tuple(
        office_facts(slug, catalogue.offices[slug].model, site)
        for slug in proc.offices
        if slug in catalogue.offices
    )


def procedure_facts(catalogue: Catalogue, entry: ProcedureEntry) -> ProcedureFacts:
    """The facts of ``entry`` on the catalogue's build date, collected once per catalogue.

    Every page, listing row, search record and sheet of a build asks for them.
    """
    hit = catalogue.derived(("facts", entry.slug), lambda: (entry, collect_facts(catalogue, entry)))
    return hit[1] if hit[0] is entry else collect_facts(catalogue, entry)


def collect_facts(catalogue: Catalogue, entry: ProcedureEntry) -> ProcedureFacts:
    """Collect the facts of ``entry`` on the catalogue's build date (no memo)."""
    proc = entry.model
    code, local_code = display_code(proc)
    field = catalogue.field_by_slug.get(proc.field)
    return ProcedureFacts(
        slug=entry.slug,
        name=proc.name,
        code=code,
        local_code=local_code,
        field=field.name if field else proc.field,
        level=LEVEL_LABELS.get(proc.level, proc.level),
        online=ONLINE_LABELS[proc.online],
        online_key=proc.online,
        channels=tuple(channel_facts(channel, catalogue.as_of) for channel in proc.channels),
        offices=offices_of(catalogue, proc),
        dates=date_facts(
            proc.status,
            catalogue.state(entry),
            as_of=catalogue.as_of,
            notice_days=catalogue.site.model.ending_notice_days,
        ),
        dossier=dossier_facts(proc.documents),
        legal=tuple(legal_text(doc) for doc in proc.legal_basis),
        decision=decision_text(proc.published_by) if proc.published_by else None,
        authority=authority_facts(proc),
        applicants=proc.applicants,
    )


def site_feedback(catalogue: Catalogue) -> FeedbackFacts:
    """The site-wide feedback block (pages that show no particular office)."""
    return feedback_facts(catalogue.site.model.feedback)
