"""Posters, step 1: the typed template context of a procedure poster, built from the catalogue.

"Collect, then render": everything a template prints is computed here, as frozen dataclasses
of plain strings, so the templates hold no logic and a sheet's inputs can be hashed exactly
(see :mod:`generator.posters.plan`). Field names are the template contract
(``tests/posters/test_context.py`` checks that every field is printed). The office index poster's
context is in :mod:`generator.posters.office_index`.
"""

from __future__ import annotations

import base64
import dataclasses
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from generator.catalogue import Catalogue, ProcedureEntry
from generator.errors import PosterError
from generator.model import Feedback, Office, Procedure, Site, Step
from generator.model.types import LEVEL_LABELS, ONLINE_LABELS
from generator.posters.facts import (
    ChannelFacts,
    Fact,
    channel_facts,
    channel_label,
    decision_text,
    document_notes,
    format_duration,
    legal_text,
    quantity,
)
from generator.site import urls
from generator.wording import text_blocks


@dataclass(frozen=True)
class Masthead:
    """The issuing body at the top of every sheet (text; a logo only when configured)."""

    parent: str | None
    """Cơ quan cấp trên, e.g. «Ủy ban nhân dân thành phố Hải Phòng»."""
    name: str
    """Cơ quan công bố, e.g. «Ủy ban nhân dân xã Tân Hưng»."""
    logo: str | None
    """The configured logo as a data: URI (so its bytes are part of the sheet's hash), or None."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a step's text; ``bullet`` when the source line was a list item."""

    text: str
    bullet: bool


@dataclass(frozen=True)
class StepItem:
    """One numbered step."""

    title: str
    duration: str | None
    """The step's own duration, e.g. «2 giờ»."""
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class DocumentRow:
    """One row of the documents table."""

    number: int
    name: str
    notes: tuple[str, ...]
    quantity: str
    """E.g. «01 bản chính, 01 bản sao» or «Xuất trình bản chính»."""


@dataclass(frozen=True)
class DocumentGroup:
    """A group of documents (a case such as «Giấy tờ phải xuất trình»)."""

    case: str | None
    note: str | None
    rows: tuple[DocumentRow, ...]


@dataclass(frozen=True)
class OfficeBox:
    """Where to go: the office that posts the sheet."""

    slug: str
    name: str
    address: str
    hours: tuple[str, ...]
    hotline: str
    email: str | None
    desks: tuple[str, ...]


@dataclass(frozen=True)
class FeedbackBox:
    """Where to send phản ánh, kiến nghị (the office's own block, else the site's)."""

    agency: str
    address: str
    phone: str
    email: str | None
    website: str | None
    note: str | None


@dataclass(frozen=True)
class ProcedurePoster:
    """Everything printed on one procedure poster (one per procedure and office)."""

    paper: str
    """A4 or A3."""
    masthead: Masthead
    kicker: str
    """The line above the title, e.g. «Thủ tục hành chính · Lĩnh vực Hộ tịch · Cấp xã»."""
    name: str
    code: str | None
    """National code (1.001193), else the local code, else None."""
    local_code: str | None
    """The local code when a national code is also shown."""
    online: str
    """Online level, e.g. «Trực tuyến toàn trình»."""
    channels: str
    """The ways to apply, e.g. «Trực tiếp, trực tuyến, dịch vụ bưu chính công ích»."""
    applicants: tuple[str, ...]
    facts: tuple[ChannelFacts, ...]
    """Time and fees per channel group, fees as in force on the build date."""
    shared_time: Fact | None
    """The processing time when every channel group has the same one (printed once), else None."""
    authority: Fact | None
    """The deciding agency, with the executing and coordinating ones as notes."""
    steps: tuple[StepItem, ...]
    documents: tuple[DocumentGroup, ...]
    result: tuple[str, ...]
    conditions: tuple[str, ...]
    legal_basis: tuple[str, ...]
    publication: str | None
    """The publication decision, in words."""
    office: OfficeBox
    feedback: FeedbackBox
    url: str
    """The procedure's page on the public site (the QR code's target)."""
    url_text: str
    """The same address as printed under the title, without «https://»."""


def masthead(site: Site, root: Path) -> Masthead:
    """The issuing body from the site settings; the logo file (if any) is read from ``root``."""
    pub = site.publisher
    logo = None
    if pub.logo:
        path = root / pub.logo
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise PosterError(f"không đọc được biểu trưng {pub.logo}: {exc.strerror}") from exc
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        logo = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return Masthead(pub.parent, pub.name, logo)


def office_box(slug: str, office: Office) -> OfficeBox:
    """The office box printed at the foot of each poster."""
    return OfficeBox(
        slug, office.name, office.address, office.hours, office.hotline, office.email, office.desks
    )


def feedback_box(office: Office, site: Site) -> FeedbackBox:
    """The office's own feedback block, else the site's."""
    fb: Feedback = office.feedback or site.feedback
    return FeedbackBox(fb.agency, fb.address, fb.phone, fb.email, fb.website, fb.note)


def paragraphs(text: str | None) -> tuple[Paragraph, ...]:
    """Split a step's text into paragraphs, keeping list items («- …», «+ …») as bullets."""
    return tuple(Paragraph(line, kind == "ul") for kind, lines in text_blocks(text) for line in lines)


def step_item(step: Step) -> StepItem:
    """One step with its own duration."""
    duration = None
    if step.duration is not None:
        duration = format_duration(step.duration.value, step.duration.unit)
    return StepItem(step.title, duration, paragraphs(step.text))


def document_groups(proc: Procedure) -> tuple[DocumentGroup, ...]:
    """The documents table, numbered continuously across groups."""
    groups, number = [], 0
    for case in proc.documents:
        rows = []
        for doc in case.items:
            number += 1
            rows.append(DocumentRow(number, doc.name, document_notes(doc), quantity(doc)))
        groups.append(DocumentGroup(case.case, case.note, tuple(rows)))
    return tuple(groups)


def authority_fact(proc: Procedure) -> Fact | None:
    """The deciding agency, with who carries it out and who coordinates as notes."""
    auth = proc.authority
    if auth is None:
        return None
    notes = []
    if auth.executing and auth.executing != auth.deciding:
        notes.append(f"Thực hiện: {auth.executing}")
    if auth.coordinating:
        notes.append(f"Phối hợp: {'; '.join(auth.coordinating)}")
    return Fact(auth.deciding, tuple(notes))


def display_code(proc: Procedure) -> tuple[str | None, str | None]:
    """(code shown in the header, local code shown beside it)."""
    if proc.code:
        return proc.code, proc.local_code
    return proc.local_code, None


def kicker(cat: Catalogue, proc: Procedure) -> str:
    """«Thủ tục hành chính · Lĩnh vực Hộ tịch · Cấp xã»."""
    field = cat.field_by_slug.get(proc.field)
    parts = ["Thủ tục hành chính"]
    if field is not None:
        parts.append(f"Lĩnh vực {field.name}")
    parts.append(LEVEL_LABELS.get(proc.level, proc.level))
    return " · ".join(parts)


def procedure_url(site: Site, slug: str) -> str:
    """The procedure page on the public site (fixed: QR codes on paper must never break)."""
    return urls.absolute(site.base_url, urls.procedure_path(slug))


def procedure_poster(
    cat: Catalogue, entry: ProcedureEntry, office_slug: str, head: Masthead
) -> ProcedurePoster:
    """The context of the poster of ``entry`` as posted at ``office_slug``."""
    site, proc = cat.site.model, entry.model
    office = cat.offices[office_slug].model
    code, local_code = display_code(proc)
    kinds = [channel.kind for channel in proc.channels]
    facts = channel_facts(proc.channels, cat.as_of)
    times = {group.time for group in facts}
    url = procedure_url(site, entry.slug)
    return ProcedurePoster(
        paper=site.posters.paper,
        masthead=head,
        kicker=kicker(cat, proc),
        name=proc.name,
        code=code,
        local_code=local_code,
        online=ONLINE_LABELS[proc.online],
        channels=channel_label(kinds) if kinds else "",
        applicants=proc.applicants,
        facts=facts,
        shared_time=times.pop() if len(times) == 1 else None,
        authority=authority_fact(proc),
        steps=tuple(step_item(step) for step in proc.steps),
        documents=document_groups(proc),
        result=proc.result,
        conditions=proc.conditions,
        legal_basis=tuple(legal_text(doc) for doc in proc.legal_basis),
        publication=decision_text(proc.published_by) if proc.published_by else None,
        office=office_box(office_slug, office),
        feedback=feedback_box(office, site),
        url=url,
        url_text=url.split("://", 1)[-1],
    )


def at_office(poster: ProcedurePoster, cat: Catalogue, office_slug: str) -> ProcedurePoster:
    """The same poster as posted at another office (only the office and feedback boxes differ)."""
    if poster.office.slug == office_slug:
        return poster
    office = cat.offices[office_slug].model
    return dataclasses.replace(
        poster, office=office_box(office_slug, office), feedback=feedback_box(office, cat.site.model)
    )
