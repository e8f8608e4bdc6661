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
from generator.core import urls
from generator.errors import PosterError
from generator.facts.channels import ChannelFacts, join_labels
from generator.facts.documents import DossierFacts
from generator.facts.fees import NO_FEE, FeeFacts
from generator.facts.offices import OfficeFacts
from generator.facts.procedure import ProcedureFacts, procedure_facts
from generator.facts.text import text_blocks
from generator.facts.times import TimeFacts, step_duration
from generator.model import Procedure, Site, Step


@dataclass(frozen=True)
class Fact:
    """One printed value with its fine print, e.g. «3 ngày làm việc» + «kể từ ngày nhận…».

    Built only from a fact of :mod:`generator.facts` (never phrased here).
    """

    value: str
    notes: tuple[str, ...] = ()
    label: str | None = None
    """What the value is about, e.g. the fee's name; None when the heading already says it."""
    long: bool = False
    """True when the value is too long for the headline size (printed smaller)."""


@dataclass(frozen=True)
class ChannelGroup:
    """Time and fees shared by one or more channels (grouped when they are identical)."""

    channels: str
    """The channels, e.g. «Trực tiếp, trực tuyến»."""
    time: Fact
    fees: tuple[Fact, ...]


LONG_VALUE = 48
"""Headline values longer than this many characters print at the body size, not the headline size."""
LONG_NAME, VERY_LONG_NAME = 90, 160
"""Procedure names longer than these print smaller, so the title never crowds out the facts."""
RUNNING_HEAD = 66
"""How long the «(tiếp theo)» running head of a continuation sheet may be: one line at the body
size (the name is shortened to fit, the code is kept whole)."""


def time_fact(time: TimeFacts) -> Fact:
    """A processing time as printed: its headline and its notes."""
    return Fact(time.headline, time.notes, long=len(time.headline) > LONG_VALUE)


def fee_fact(fee: FeeFacts) -> Fact:
    """A fee as printed: its headline, its notes, its name as the label."""
    return Fact(fee.headline, fee.notes, label=fee.name, long=len(fee.headline) > LONG_VALUE)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with «…» when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def channel_groups(channels: tuple[ChannelFacts, ...]) -> tuple[ChannelGroup, ...]:
    """Time and fees per channel, channels with identical facts merged into one group."""
    groups: dict[tuple[Fact, tuple[Fact, ...]], list[str]] = {}
    for channel in channels:
        fees = tuple(fee_fact(fee) for fee in channel.fees) or (Fact(NO_FEE),)
        groups.setdefault((time_fact(channel.time), fees), []).append(channel.label)
    return tuple(ChannelGroup(join_labels(labels), time, fees) for (time, fees), labels in groups.items())


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
class ProcedurePoster:
    """Everything printed on one procedure poster (one per procedure and office).

    Layout decisions are made here, not in the template: the name's size, whether channel groups
    are labelled, the numbered section headings shown, the running head of continuation sheets.
    """

    paper: str
    """A4 or A3."""
    body_size: int
    """The body size in points (``posters.body_size``: 15 on A4; 21 or 15 on A3)."""
    columns: int
    """The body's columns: 2 on A3 at 15 pt (one line across A3 would be too long to read), else 1."""
    name_size: str
    """«normal», «long» or «very-long» (the title prints smaller as the name grows)."""
    running_head: str
    """«(tiếp theo) <name, shortened> – <code>» at the top of every continuation sheet."""
    sections: dict[str, str]
    """Numbered heading of each body section shown, by key (steps, documents, result, conditions, legal)."""
    grouped: bool
    """True when the channels differ, so each group of fees is labelled with its channels."""
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
    facts: tuple[ChannelGroup, ...]
    """Time and fees per channel group, fees as in force on the build date."""
    shared_time: Fact | None
    """The processing time when every channel group has the same one (printed once), else None."""
    authority: Fact | None
    """The deciding agency, with the executing and coordinating ones as notes."""
    steps: tuple[StepItem, ...]
    documents: tuple[DossierFacts, ...]
    result: tuple[str, ...]
    conditions: tuple[str, ...]
    legal_basis: tuple[str, ...]
    publication: str | None
    """The publication decision, in words."""
    ends: str | None
    """«Áp dụng đến hết ngày …» when the procedure has an end date."""
    office: OfficeFacts
    """The office that posts the sheet, with its own feedback block (else the site's)."""
    url: str
    """The procedure's page on the public site (the QR code's target)."""
    url_text: str
    """The same address as printed under the title, without «https://»."""
    measure_fit: bool
    """True when the body is short enough that laying its sections side by side might keep the
    sheet on one page: only then does the template measure and choose a layout (measuring costs
    another layout of the body), see ``ONE_SHEET_BODY``."""


ONE_SHEET_BODY = 1200
"""Printed characters of the body (steps, documents, result, conditions) above which no
arrangement fits the first sheet's room at the body size (about half an A4 or A3 sheet under
the title, the key facts and the office box; a full sheet holds about 2,400 characters)."""


def body_chars(steps: tuple[StepItem, ...], documents: tuple[DossierFacts, ...], proc: Procedure) -> int:
    """How many characters the body sections print (what decides whether they can fit one sheet)."""
    text = [s.title + "".join(p.text for p in s.paragraphs) for s in steps]
    for group in documents:
        text += [group.case or "", group.note or ""]
        text += [d.name + d.quantity + (d.form or "") + "".join(d.notes) for d in group.items]
    return sum(map(len, [*text, *proc.result, *proc.conditions]))


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


def paragraphs(text: str | None) -> tuple[Paragraph, ...]:
    """Split a step's text into paragraphs, keeping list items («- …», «+ …») as bullets."""
    return tuple(Paragraph(line, kind == "ul") for kind, lines in text_blocks(text) for line in lines)


def kicker(facts: ProcedureFacts) -> str:
    """«Thủ tục hành chính · Lĩnh vực Hộ tịch · Cấp xã»."""
    return " · ".join(("Thủ tục hành chính", f"Lĩnh vực {facts.field}", facts.level))


def procedure_url(site: Site, slug: str) -> str:
    """The procedure page on the public site (fixed: QR codes on paper must never break)."""
    return urls.absolute(site.base_url, urls.procedure_path(slug))


def _name_size(name: str) -> str:
    return "very-long" if len(name) > VERY_LONG_NAME else "long" if len(name) > LONG_NAME else "normal"


def _running_head(facts: ProcedureFacts) -> str:
    code = f" – {facts.code}" if facts.code else ""
    return f"(tiếp theo) {shorten(facts.name, RUNNING_HEAD - len('(tiếp theo) ') - len(code))}{code}"


SECTION_TITLES = (
    ("steps", "Trình tự thực hiện"),
    ("documents", "Thành phần hồ sơ"),
    ("result", "Kết quả thực hiện"),
    ("conditions", "Yêu cầu, điều kiện"),
    ("legal", "Căn cứ pháp lý"),
)


def _sections(proc: Procedure, facts: ProcedureFacts) -> dict[str, str]:
    shown = {
        "steps": bool(proc.steps),
        "documents": bool(facts.dossier),
        "result": bool(proc.result),
        "conditions": bool(proc.conditions),
        "legal": bool(facts.legal or facts.decision),
    }
    titles = [title for key, title in SECTION_TITLES if shown[key]]
    keys = [key for key, _ in SECTION_TITLES if shown[key]]
    return {key: f"{n}. {title}" for n, (key, title) in enumerate(zip(keys, titles, strict=True), start=1)}


def _documents(groups: tuple[DossierFacts, ...]) -> tuple[DossierFacts, ...]:
    """The dossier as printed: a group's heading shows only when there are several groups (or a note)."""
    if len(groups) > 1:
        return groups
    return tuple(g if g.note else dataclasses.replace(g, case=None) for g in groups)


def step_item(step: Step) -> StepItem:
    """One step with its own duration."""
    return StepItem(step.title, step_duration(step.duration), paragraphs(step.text))


def _shared_time(groups: tuple[ChannelGroup, ...]) -> Fact | None:
    """The one time every channel group shares, if they do (it heads the key facts once)."""
    times = {group.time for group in groups}
    return times.pop() if len(times) == 1 else None


def procedure_poster(
    cat: Catalogue, entry: ProcedureEntry, office_slug: str, *, head: Masthead
) -> ProcedurePoster:
    """The poster of ``entry`` at ``office_slug``."""
    site, proc = cat.site.model, entry.model
    facts = procedure_facts(cat, entry)
    groups = channel_groups(facts.channels)
    url = procedure_url(site, entry.slug)
    steps, documents = tuple(step_item(step) for step in proc.steps), _documents(facts.dossier)
    return ProcedurePoster(
        paper=site.posters.paper,
        body_size=site.posters.body,
        columns=site.posters.columns,
        name_size=_name_size(facts.name),
        running_head=_running_head(facts),
        sections=_sections(proc, facts),
        grouped=len(groups) > 1,
        masthead=head,
        kicker=kicker(facts),
        name=facts.name,
        code=facts.code,
        local_code=facts.local_code,
        online=facts.online,
        channels=join_labels([channel.label for channel in facts.channels]),
        applicants=facts.applicants,
        facts=groups,
        shared_time=_shared_time(groups),
        authority=Fact(facts.authority.deciding, facts.authority.notes) if facts.authority else None,
        steps=steps,
        documents=documents,
        result=proc.result,
        conditions=proc.conditions,
        legal_basis=facts.legal,
        publication=facts.decision,
        ends=facts.dates.ends_notice,
        office=facts.office(office_slug),
        url=url,
        url_text=url.split("://", 1)[-1],
        measure_fit=site.posters.columns == 1 and body_chars(steps, documents, proc) <= ONE_SHEET_BODY,
    )


def at_office(poster: ProcedurePoster, facts: ProcedureFacts, office_slug: str) -> ProcedurePoster:
    """The same poster as posted at another office (only the office box, with its feedback, differs)."""
    if poster.office.slug == office_slug:
        return poster
    return dataclasses.replace(poster, office=facts.office(office_slug))
