"""Stage 3 (site): one procedure → its typed page context (collect first; the template only renders).

Every fee, time, office, feedback block and date is a fact from :mod:`generator.facts`, the same
object the poster and the search record print; this module adds links and decides which sections
the page shows (the template does not decide, and the table of contents is declared here).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.core.build_context import BuildContext
from generator.core.links import Link, OfficeView, office_view
from generator.core.slots import slot
from generator.facts.documents import DocumentFacts, SourceFacts, source_facts
from generator.facts.history import ChangeFacts
from generator.facts.offices import FeedbackFacts
from generator.facts.procedure import REPLACED_BY, SEE_ALSO, ProcedureFacts, procedure_facts, site_feedback
from generator.facts.text import Blocks, text_blocks
from generator.facts.times import step_duration
from generator.model import Document, LegalDocument, Procedure
from generator.model.dates import format_date
from generator.site.changes import procedure_history
from generator.site.views import feedback_blocks


@dataclass(frozen=True)
class StepView:
    """One step of the timeline: number, title, text blocks, and its own duration (or None)."""

    number: int
    title: str
    blocks: Blocks
    duration: str | None


@dataclass(frozen=True)
class DocumentView:
    """One document row: its facts (name, copies, fine print) and the link to its form, if any."""

    facts: DocumentFacts
    form: Link | None


@dataclass(frozen=True)
class DossierView:
    """A group of documents (one dossier case)."""

    case: str | None
    note: str | None
    items: tuple[DocumentView, ...]


@dataclass(frozen=True)
class LegalView:
    """A legal document or decision: number, title, «issuer, date», link to the text or None."""

    number: str
    title: str
    meta: str
    href: str | None


@dataclass(frozen=True)
class ProcedurePage:
    """Everything the procedure page template shows, collected up front (STYLE §13).

    Attributes:
        facts: the procedure's facts (identity, channels, offices, dates, dossier, legal texts).
        aliases: what citizens also call it. field: link to the field page.
        replacement: link to the replacing procedure of a repealed one (when the decision designates
        one), else to the procedure to see instead (``status.see_also``), or None.
        replacement_label: «Thay thế bằng» for a designated replacement, «Xem thêm» otherwise.
        sections: heading of each section shown, by anchor id, in order (the template shows a section
        only when it is listed here; the page's table of contents is this list).
        steps, documents, result, conditions, legal_basis, decision, related: the body with links.
        apply_online: the «Nộp trực tuyến» route (portal page, or the portal to search) or None.
        offices: office boxes (with posters).
        feedback: the feedback blocks (each office's own, else the site's).
        last_changed: date of the last commit of the YAML, or None.
        source: the source link named for what it is (data file or web page), or None;
        checked_on: when it was last compared. change_note: last change.
        history: the procedure's public changes from git and its change notes, newest first (a few).
        changes: relative link to the «Thay đổi gần đây» page.
        home: relative link to the home page. all_procedures: relative link to the full list.
        jumps: in-page links under the summary («Hồ sơ cần chuẩn bị (9 giấy tờ) ↓»), counts from
        this context, for phones where the page runs to many screens.
    """

    facts: ProcedureFacts
    aliases: tuple[str, ...]
    field: Link
    replacement: Link | None
    replacement_label: str
    sections: dict[str, str]
    steps: tuple[StepView, ...]
    documents: tuple[DossierView, ...]
    result: tuple[str, ...]
    conditions: tuple[str, ...]
    legal_basis: tuple[LegalView, ...]
    decision: LegalView | None
    related: tuple[Link, ...]
    apply_online: OnlineRoute | None
    offices: tuple[OfficeView, ...]
    feedback: tuple[FeedbackFacts, ...]
    last_changed: str | None
    source: SourceFacts | None
    checked_on: str | None
    change_note: str | None
    home: str
    all_procedures: str
    history: tuple[ChangeFacts, ...] = ()
    changes: str = ""
    jumps: tuple[Link, ...] = ()


SECTION_TITLES: tuple[tuple[str, str], ...] = (
    ("tom-tat", "Tóm tắt"),
    ("trinh-tu", "Trình tự thực hiện"),
    ("ho-so", "Thành phần hồ sơ"),
    ("cach-thuc", "Cách thức thực hiện, thời hạn và phí, lệ phí"),
    ("ket-qua", "Kết quả"),
    ("dieu-kien", "Yêu cầu, điều kiện"),
    ("co-quan", "Cơ quan thực hiện"),
    ("can-cu", "Căn cứ pháp lý"),
    ("lien-quan", "Thủ tục liên quan"),
    ("noi-nop", "Nơi tiếp nhận hồ sơ"),
    ("lich-su", "Lịch sử thay đổi"),
)


def sections(
    proc: Procedure, facts: ProcedureFacts, related: tuple[Link, ...], *, history: bool = False
) -> dict[str, str]:
    """The sections a procedure's page shows, in order: only those with something to say."""
    authority = facts.authority
    present = {
        "tom-tat": True,
        "trinh-tu": bool(proc.steps),
        "ho-so": bool(proc.documents),
        "cach-thuc": bool(proc.channels),
        "ket-qua": bool(proc.result),
        "dieu-kien": bool(proc.conditions),
        "co-quan": authority is not None and bool(authority.executing or authority.coordinating),
        "can-cu": bool(proc.legal_basis or proc.published_by),
        "lien-quan": bool(related),
        "noi-nop": True,
        "lich-su": history,
    }
    return {key: title for key, title in SECTION_TITLES if present[key]}


JUMP_TITLES: dict[str, str] = {
    "trinh-tu": "Các bước thực hiện",
    "ho-so": "Hồ sơ cần chuẩn bị",
    "cach-thuc": "Thời hạn, phí theo cách nộp",
    "can-cu": "Căn cứ pháp lý",
    "noi-nop": "Nơi nộp hồ sơ",
}
"""The sections the jump links under the summary lead to, with their short citizen-facing names."""


def _count(number: int, unit: str) -> str:
    return f" ({number} {unit})" if number else ""


def jump_links(
    titles: dict[str, str], *, steps: int, dossier: tuple[DossierView, ...], channels: int
) -> tuple[Link, ...]:
    """In-page links to the long sections, each with its size («Hồ sơ cần chuẩn bị (9 giấy tờ) ↓»)."""
    documents = sum(len(case.items) for case in dossier)
    counts = {
        "trinh-tu": _count(steps, "bước"),
        "ho-so": _count(len(dossier), "trường hợp") if len(dossier) > 1 else _count(documents, "giấy tờ"),
        "cach-thuc": _count(channels, "cách nộp") if channels > 1 else "",
    }
    return tuple(
        Link(f"{label}{counts.get(key, '')} ↓", f"#{key}")
        for key, label in JUMP_TITLES.items()
        if key in titles
    )


def document_view(doc: DocumentFacts, source: Document, from_path: str) -> DocumentView:
    """The view of one document row, with a link to its form when there is one."""
    form = source.form
    if form is None:
        return DocumentView(doc, None)
    label = form.name or form.code or "Mẫu"
    if form.file:
        return DocumentView(doc, Link(label, urls.relative(from_path, urls.form_path(form.file))))
    return DocumentView(doc, Link(label, form.url or ""))


def legal_view(doc: LegalDocument) -> LegalView:
    """A legal document with its issuer and date as one «meta» line."""
    meta = ", ".join(p for p in (doc.issuer, f"ngày {format_date(doc.date)}" if doc.date else None) if p)
    return LegalView(doc.number, doc.title, meta, doc.url)


def _decision(proc: Procedure) -> LegalView | None:
    decision = proc.published_by
    if decision is None:
        return None
    meta = f"{decision.issuer}, ngày {format_date(decision.date)}"
    return LegalView(decision.number, decision.title or "", meta, decision.url)


def _lookup(key: str | None, ctx: BuildContext) -> ProcedureEntry | None:
    if key is None:
        return None
    return ctx.by_code.get(key) or ctx.by_slug.get(key)


def _link_to(entry: ProcedureEntry | None, here: str) -> Link | None:
    if entry is None:
        return None
    return Link(entry.model.name, urls.relative(here, urls.procedure_path(entry.slug)))


@dataclass(frozen=True)
class OnlineRoute:
    """The «apply online» link: the procedure's own portal page, or the portal to search by name.

    Attributes:
        href: the link. by_name: True when the procedure has no national code, so the link opens
        the portal (whose address the site's portal template gives) and the page says to search
        for the procedure by its name there.
    """

    href: str
    by_name: bool = False


def portal_home(template: str) -> str:
    """The portal's own address (scheme and host) from the site's portal link template."""
    parts = urlsplit(template)
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme and parts.netloc else template


def _apply_online(proc: Procedure, state: str, template: str) -> OnlineRoute | None:
    if proc.online == "khong" or state != "active":
        return None
    if proc.code is None:
        return OnlineRoute(portal_home(template), by_name=True)
    return OnlineRoute(template.replace("{code}", proc.code))


def _offices(facts: ProcedureFacts, here: str) -> tuple[OfficeView, ...]:
    active = facts.dates.state == "active"
    views = []
    for office in facts.offices:
        if not active:
            views.append(office_view(office, here))
            continue
        poster = urls.relative(here, urls.poster_path(office.slug, facts.slug))
        view = office_view(office, here, (Link("Bảng niêm yết (PDF)", poster),))
        views.append(dataclasses.replace(view, poster_slot=slot("poster", office.slug, facts.slug)))
    return tuple(views)


def _related(proc: Procedure, ctx: BuildContext, here: str) -> tuple[Link, ...]:
    links = (_link_to(ctx.by_code.get(code), here) for code in proc.related)
    return tuple(link for link in links if link is not None)


def _documents(proc: Procedure, facts: ProcedureFacts, here: str) -> tuple[DossierView, ...]:
    return tuple(
        DossierView(
            group.case,
            group.note,
            tuple(document_view(d, doc, here) for d, doc in zip(group.items, case.items, strict=True)),
        )
        for group, case in zip(facts.dossier, proc.documents, strict=True)
    )


def _steps(proc: Procedure) -> tuple[StepView, ...]:
    return tuple(
        StepView(i, s.title, text_blocks(s.text), step_duration(s.duration))
        for i, s in enumerate(proc.steps, start=1)
    )


def procedure_page(catalogue: Catalogue, entry: ProcedureEntry, ctx: BuildContext) -> ProcedurePage:
    """Collect the typed context of the page of ``entry`` (no I/O; git dates come from ``ctx``)."""
    proc, here = entry.model, urls.procedure_path(entry.slug)
    facts = procedure_facts(catalogue, entry)
    changed = ctx.last_changed.get(entry.file.display)
    related = _related(proc, ctx, here)
    repealed = facts.dates.state == "repealed"
    pointer = proc.status.replaced_by or proc.status.see_also
    history = procedure_history(entry, ctx)
    shown = sections(proc, facts, related, history=bool(history))
    documents = _documents(proc, facts, here)
    return ProcedurePage(
        facts=facts,
        aliases=proc.aliases,
        field=Link(facts.field, urls.relative(here, urls.field_path(proc.field))),
        replacement=_link_to(_lookup(pointer, ctx), here) if repealed else None,
        replacement_label=REPLACED_BY if proc.status.replaced_by else SEE_ALSO,
        sections=shown,
        steps=_steps(proc),
        documents=documents,
        result=proc.result,
        conditions=proc.conditions,
        legal_basis=tuple(legal_view(doc) for doc in proc.legal_basis),
        decision=_decision(proc),
        related=related,
        apply_online=_apply_online(proc, facts.dates.state, catalogue.site.model.portal_url_template),
        offices=_offices(facts, here),
        feedback=feedback_blocks(facts.offices, site_feedback(catalogue)),
        last_changed=format_date(changed) if changed else None,
        source=source_facts(proc.source.url) if proc.source else None,
        checked_on=format_date(proc.source.checked_on) if proc.source else None,
        change_note=proc.change_note,
        home=urls.relative(here, urls.HOME),
        all_procedures=urls.relative(here, urls.ALL_PROCEDURES),
        history=history,
        changes=urls.relative(here, urls.CHANGES),
        jumps=jump_links(shown, steps=len(proc.steps), dossier=documents, channels=len(facts.channels)),
    )
