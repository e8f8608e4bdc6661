"""Stage 3 (site): one procedure → its typed page context (collect first; the template only renders)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue import Catalogue, ProcedureEntry
from generator.dates import LIFECYCLE_LABELS, fees_on, format_date
from generator.model import Channel, Document, DossierCase, Fee, Procedure
from generator.model.types import CHANNEL_LABELS, LEVEL_LABELS, ONLINE_LABELS
from generator.site import urls
from generator.site.context import BuildContext
from generator.site.views import FeedbackView, Link, OfficeView, feedback_view, office_view
from generator.wording import (
    FEE_TYPE_LABELS,
    cutoff_note,
    exemption_text,
    fee_amount,
    fee_window,
    processing_time,
    stage_text,
    step_duration,
    text_blocks,
    upcoming_fees,
)

Blocks = tuple[tuple[str, tuple[str, ...]], ...]
"""Paragraphs and bullet lists of a long text, see :func:`generator.wording.text_blocks`."""


@dataclass(frozen=True)
class FeeView:
    """One fee as shown: kind, name, amount text (never «free» for a qualified 0), exemption, basis."""

    kind: str
    name: str
    amount: str
    exempt: bool
    exemption: str | None
    note: str | None
    legal_basis: str | None
    window: str | None


@dataclass(frozen=True)
class ChannelView:
    """One way to apply with its own time and fees (the summary box has one row per channel).

    Attributes:
        label: «Trực tiếp», «Trực tuyến», «Dịch vụ bưu chính công ích». time: headline duration.
        start: when the clock starts. cutoff: cut-off hour explained. original: the time as published.
        stages: the stages of a multi-stage time. fees: fees in force on the build date (empty: none).
        upcoming: announced fee changes (with their start date). note: channel note.
    """

    label: str
    time: str
    start: str | None
    cutoff: str | None
    original: str | None
    stages: tuple[str, ...]
    fees: tuple[FeeView, ...]
    upcoming: tuple[FeeView, ...]
    note: str | None


@dataclass(frozen=True)
class StepView:
    """One step of the timeline: number, title, text blocks, and its own duration (or None)."""

    number: int
    title: str
    blocks: Blocks
    duration: str | None


@dataclass(frozen=True)
class DocumentView:
    """One document row: name, originals/copies text, present-only, optional, form link, note."""

    name: str
    originals: str
    copies: str
    present_only: bool
    required: bool
    form: Link | None
    form_code: str | None
    note: str | None


@dataclass(frozen=True)
class DossierView:
    """A group of documents (one dossier case)."""

    case: str | None
    items: tuple[DocumentView, ...]
    note: str | None


@dataclass(frozen=True)
class LegalView:
    """A legal document or decision: number, title, «issuer, date», link to the text or None."""

    number: str
    title: str
    meta: str
    href: str | None


@dataclass(frozen=True)
class StatusView:
    """Lifecycle on the build date: state, label, an explanation banner and the replacement link."""

    state: str
    label: str
    banner: str | None
    replacement: Link | None


@dataclass(frozen=True)
class ProcedurePage:
    """Everything the procedure page template shows, collected up front (STYLE §13).

    Attributes:
        title, code, local_code, aliases: identity. field: link to the field page. level: «Cấp xã».
        online: online level label; online_key its key. status: lifecycle view.
        applicants, deciding, executing, coordinating: who applies and who decides.
        channels, steps, documents, result, conditions, legal_basis, decision, related: the body.
        apply_online: portal link («Nộp trực tuyến») or None. offices: office boxes (with posters).
        feedback: feedback block. last_changed: date of the last commit of the YAML, or None.
        source: source link, or None; checked_on: when it was last compared. change_note: last change.
        home: relative link to the home page. all_procedures: relative link to the full list.
    """

    title: str
    code: str | None
    local_code: str | None
    aliases: tuple[str, ...]
    field: Link
    level: str
    online: str
    online_key: str
    status: StatusView
    applicants: tuple[str, ...]
    deciding: str | None
    executing: str | None
    coordinating: tuple[str, ...]
    channels: tuple[ChannelView, ...]
    steps: tuple[StepView, ...]
    documents: tuple[DossierView, ...]
    result: tuple[str, ...]
    conditions: tuple[str, ...]
    legal_basis: tuple[LegalView, ...]
    decision: LegalView | None
    related: tuple[Link, ...]
    apply_online: str | None
    offices: tuple[OfficeView, ...]
    feedback: FeedbackView
    last_changed: str | None
    source: str | None
    checked_on: str | None
    change_note: str | None
    home: str
    all_procedures: str


def fee_view(fee: Fee) -> FeeView:
    """The view of one fee."""
    return FeeView(
        kind=FEE_TYPE_LABELS[fee.type],
        name=fee.name,
        amount=fee_amount(fee),
        exempt=fee.exempt,
        exemption=exemption_text(fee),
        note=fee.text if (fee.amount or fee.percent) else None,
        legal_basis=fee.legal_basis,
        window=fee_window(fee),
    )


def channel_view(channel: Channel, ctx: BuildContext) -> ChannelView:
    """The view of one channel, with the fees in force on the build date and announced changes."""
    time = channel.time
    return ChannelView(
        label=CHANNEL_LABELS[channel.kind],
        time=processing_time(time),
        start=time.start,
        cutoff=cutoff_note(time),
        original=time.text,
        stages=tuple(stage_text(s) for s in time.stages),
        fees=tuple(fee_view(f) for f in fees_on(channel, ctx.as_of)),
        upcoming=tuple(fee_view(f) for f in upcoming_fees(channel, ctx.as_of)),
        note=channel.note,
    )


def _copies(count: int) -> str:
    return str(count) if count else "—"


def document_view(doc: Document, from_path: str) -> DocumentView:
    """The view of one document row, with a link to its form when there is one."""
    form, code = None, None
    if doc.form is not None:
        code = doc.form.code
        label = doc.form.name or doc.form.code or "Mẫu"
        if doc.form.file:
            form = Link(label, urls.relative(from_path, urls.form_path(doc.form.file)))
        elif doc.form.url:
            form = Link(label, doc.form.url)
        else:
            form = Link(label, "")
    return DocumentView(
        name=doc.name,
        originals=_copies(doc.originals),
        copies=_copies(doc.copies),
        present_only=doc.present_only,
        required=doc.required,
        form=form,
        form_code=code,
        note=doc.note,
    )


def dossier_view(case: DossierCase, from_path: str) -> DossierView:
    """The view of one group of documents."""
    return DossierView(case.case, tuple(document_view(d, from_path) for d in case.items), case.note)


def _legal(number: str, title: str | None, issuer: str | None, date: object, href: str | None) -> LegalView:
    meta = ", ".join(p for p in (issuer, f"ngày {format_date(date)}" if date else None) if p)  # type: ignore[arg-type]
    return LegalView(number, title or "", meta, href)


def status_view(catalogue: Catalogue, entry: ProcedureEntry, ctx: BuildContext, from_path: str) -> StatusView:
    """Lifecycle view: the upcoming start date, or the repeal and the replacement."""
    state = catalogue.state(entry)
    status = entry.model.status
    banner, replacement = None, None
    if state == "upcoming" and status.effective_from is not None:
        banner = f"Thủ tục này có hiệu lực từ ngày {format_date(status.effective_from)}; chưa áp dụng."
    elif state == "repealed":
        end = f" từ sau ngày {format_date(status.effective_to)}" if status.effective_to else ""
        banner = f"Thủ tục này đã bãi bỏ{end}; không còn tiếp nhận hồ sơ."
        target = _lookup(status.replaced_by, ctx)
        if target is not None:
            replacement = Link(target.model.name, urls.relative(from_path, urls.procedure_path(target.slug)))
    if banner and status.note:
        banner += f" {status.note}"
    return StatusView(state, LIFECYCLE_LABELS[state], banner, replacement)


def _lookup(key: str | None, ctx: BuildContext) -> ProcedureEntry | None:
    if key is None:
        return None
    return ctx.by_code.get(key) or ctx.by_slug.get(key)


def _apply_online(proc: Procedure, state: str, template: str) -> str | None:
    if proc.code is None or proc.online == "khong" or state != "active":
        return None
    return template.replace("{code}", proc.code)


def _offices(
    catalogue: Catalogue, entry: ProcedureEntry, active: bool, from_path: str
) -> tuple[OfficeView, ...]:
    views = []
    for slug in entry.model.offices:
        office = catalogue.offices.get(slug)
        if office is None:
            continue
        poster = urls.relative(from_path, urls.poster_path(slug, entry.slug))
        posters = (Link("Bảng niêm yết (PDF)", poster),) if active else ()
        views.append(office_view(office, from_path, posters))
    return tuple(views)


def _related(proc: Procedure, ctx: BuildContext, from_path: str) -> tuple[Link, ...]:
    links = []
    for code in proc.related:
        target = ctx.by_code.get(code)
        if target is not None:
            links.append(Link(target.model.name, urls.relative(from_path, urls.procedure_path(target.slug))))
    return tuple(links)


def procedure_page(catalogue: Catalogue, entry: ProcedureEntry, ctx: BuildContext) -> ProcedurePage:
    """Collect the typed context of the page of ``entry`` (no I/O; git dates come from ``ctx``)."""
    proc, here = entry.model, urls.procedure_path(entry.slug)
    state = catalogue.state(entry)
    field = catalogue.field_by_slug.get(proc.field)
    authority = proc.authority
    changed = ctx.last_changed.get(entry.file.display)
    decision = proc.published_by
    return ProcedurePage(
        title=proc.name,
        code=proc.code,
        local_code=proc.local_code,
        aliases=proc.aliases,
        field=Link(field.name if field else proc.field, urls.relative(here, urls.field_path(proc.field))),
        level=LEVEL_LABELS.get(proc.level, proc.level),
        online=ONLINE_LABELS[proc.online],
        online_key=proc.online,
        status=status_view(catalogue, entry, ctx, here),
        applicants=proc.applicants,
        deciding=authority.deciding if authority else None,
        executing=authority.executing if authority else None,
        coordinating=authority.coordinating if authority else (),
        channels=tuple(channel_view(c, ctx) for c in proc.channels),
        steps=tuple(
            StepView(i, s.title, text_blocks(s.text), step_duration(s.duration))
            for i, s in enumerate(proc.steps, start=1)
        ),
        documents=tuple(dossier_view(case, here) for case in proc.documents),
        result=proc.result,
        conditions=proc.conditions,
        legal_basis=tuple(_legal(d.number, d.title, d.issuer, d.date, d.url) for d in proc.legal_basis),
        decision=None
        if decision is None
        else _legal(decision.number, decision.title, decision.issuer, decision.date, decision.url),
        related=_related(proc, ctx, here),
        apply_online=_apply_online(proc, state, catalogue.site.model.portal_url_template),
        offices=_offices(catalogue, entry, state == "active", here),
        feedback=feedback_view(catalogue.site.model.feedback),
        last_changed=format_date(changed) if changed else None,
        source=proc.source.url if proc.source else None,
        checked_on=format_date(proc.source.checked_on) if proc.source else None,
        change_note=proc.change_note,
        home=urls.relative(here, urls.HOME),
        all_procedures=urls.relative(here, urls.ALL_PROCEDURES),
    )
