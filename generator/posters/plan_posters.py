"""Posters, step 1 (plans): the typed contexts of a land-use plan's notice-board sheets.

Three sheets, on the same engine and bar as the procedure posters (version id, QR code to the plan
page, «Trang X/Y», embedded fonts): the **public notice** of an approved plan with its project list
(A4), the **map sheet** with the plan's SVG map, the legend of the codes present, the scale bar,
the north arrow and the source note (always A3), and the **consultation notice** of a draft with its
dates and how to comment (A4). The two notices follow the site's paper setting, like the procedure
posters (A4 unless ``posters.paper: A3``). Every phrase comes from :mod:`generator.plans.wording`
(shared with the plan page); the map is the page's own SVG (:mod:`generator.plans.svgmap`, same
labels).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.catalogue import Catalogue
from generator.core import urls
from generator.core.jinja import page_environment
from generator.facts.offices import OfficeFacts, office_facts
from generator.model.dates import format_date
from generator.model.types import LEVEL_LABELS
from generator.plans import lifecycle as lc
from generator.plans import wording as w
from generator.plans.listing import plan_path
from generator.plans.read import PlanEntry
from generator.plans.svgmap import LegendItem, plan_map
from generator.posters.sheets import Masthead, shorten

MAP_TEMPLATE = "plans/map-file.svg"
"""The page's own map file template: the poster prints exactly the SVG the page shows."""
SAMPLE_NOTE = "Dữ liệu mẫu – không phải kế hoạch thật"


@dataclass(frozen=True)
class PlanHead:
    """What every plan sheet prints under the masthead and in its QR code (the same for the three sheets)."""

    kicker: str
    """«Kế hoạch sử dụng đất hằng năm · Cấp xã»."""
    name: str
    state_label: str
    sample: str | None
    """«Dữ liệu mẫu – …» on sample plans, else None."""
    area: str
    period: str
    office: OfficeFacts
    """Where to see the file and ask (with its feedback block)."""
    url: str
    """The plan page on the public site (the QR code's target)."""
    url_text: str


@dataclass(frozen=True)
class PlanNoticePoster:
    """The A4 public notice of an approved plan: decision, publication, the project list."""

    paper: str
    masthead: Masthead
    head: PlanHead
    running_head: str
    approval: str
    published_on: str | None
    places: tuple[str, ...]
    until: str
    projects: tuple[w.ProjectRow, ...]
    codes: tuple[str, ...]
    """The land-use codes of the projects, each «DGT – Đất công trình giao thông», in code order."""
    recovery_ha: str
    recovery_count: int
    legal_basis: tuple[str, ...]

    @property
    def url(self) -> str:
        """The QR code's target."""
        return self.head.url


@dataclass(frozen=True)
class PlanMapPoster:
    """The A3 map sheet: the plan's map, the legend of the codes present, the project key, the source note."""

    paper: str
    masthead: Masthead
    head: PlanHead
    running_head: str
    approval: str
    map_svg: str
    """The map as SVG text (the page's map file), passed to Typst as an image."""
    legend: tuple[LegendItem, ...]
    scale_label: str
    source_note: str
    hidden_note: str | None
    projects: tuple[w.ProjectRow, ...]

    @property
    def url(self) -> str:
        """The QR code's target."""
        return self.head.url


@dataclass(frozen=True)
class ConsultationPoster:
    """The A4 consultation notice of a draft: the window, how and where to comment, days left."""

    paper: str
    masthead: Masthead
    head: PlanHead
    running_head: str
    draft_note: str
    consultation: w.ConsultationView
    counted_from: str | None
    """The day ``consultation.days_left`` is counted from (the window's first day), while it is open."""
    project_count: int
    recovery_ha: str

    @property
    def url(self) -> str:
        """The QR code's target."""
        return self.head.url


PlanPoster = PlanNoticePoster | PlanMapPoster | ConsultationPoster


def plan_office(cat: Catalogue, entry: PlanEntry) -> str | None:
    """The office that posts the plan's sheets: its own, else the site's default (None: not posted)."""
    slug = entry.model.office or cat.site.model.default_office
    return slug if slug and slug in cat.offices else None


def plan_url(cat: Catalogue, entry: PlanEntry) -> str:
    """The plan page on the public site (fixed: printed notices carry it as a QR code)."""
    return urls.absolute(cat.site.model.base_url, plan_path(entry.slug))


def plan_head(cat: Catalogue, entry: PlanEntry, office: str) -> PlanHead:
    """The top of every sheet of ``entry`` posted at ``office``."""
    plan, site = entry.model, cat.site.model
    url = plan_url(cat, entry)
    state = lc.plan_state(plan, cat.as_of)
    return PlanHead(
        kicker=" · ".join((lc.KIND_LABELS[plan.kind], LEVEL_LABELS.get(plan.level, plan.level))),
        name=plan.name,
        state_label=lc.STATE_LABELS[state],
        sample=SAMPLE_NOTE if plan.sample else None,
        area=w.area_text(plan),
        period=w.period_text(plan),
        office=office_facts(office, cat.offices[office].model, site),
        url=url,
        url_text=url.split("://", 1)[-1],
    )


def _running(head: PlanHead, what: str) -> str:
    return f"(tiếp theo) {what} – {shorten(head.name, 60)}"


def notice_poster(entry: PlanEntry, head: PlanHead, masthead: Masthead, *, paper: str) -> PlanNoticePoster:
    """The public notice of an approved plan, on the site's paper (A4 unless set to A3)."""
    plan = entry.model
    assert plan.approval is not None
    published, rows = plan.publication.published_on, w.project_rows(entry)
    return PlanNoticePoster(
        paper=paper,
        masthead=masthead,
        head=head,
        running_head=_running(head, "Thông báo công khai"),
        approval=w.approval_text(plan.approval),
        published_on=format_date(published) if published else None,
        places=plan.publication.places,
        until=w.until_text(plan),
        projects=rows,
        codes=tuple(sorted({f"{row.code} – {row.code_name}" for row in rows})),
        recovery_ha=w.recovery_total(plan),
        recovery_count=sum(1 for p in plan.projects if p.recovery),
        legal_basis=w.legal_basis_texts(plan),
    )


def map_poster(entry: PlanEntry, head: PlanHead, masthead: Masthead) -> PlanMapPoster:
    """The map sheet of an approved plan, always A3 (the page's SVG map, same labels)."""
    plan = entry.model
    assert plan.approval is not None
    view = plan_map(entry)
    svg = page_environment().get_template(MAP_TEMPLATE).render(page=view).strip()
    return PlanMapPoster(
        paper=w.POSTER_PAPER["ban-do"],
        masthead=masthead,
        head=head,
        running_head=_running(head, "Bản đồ"),
        approval=w.approval_text(plan.approval),
        map_svg=svg,
        legend=view.legend,
        scale_label=view.scale_label,
        source_note=view.source_note,
        hidden_note=view.hidden_note,
        projects=w.project_rows(entry),
    )


def consultation_poster(
    entry: PlanEntry, head: PlanHead, masthead: Masthead, *, as_of: dt.date, paper: str
) -> ConsultationPoster:
    """The consultation notice of a draft; while the window is open, days left count from its start.

    Paper cannot count down: the notice prints the days left from a fixed date it names (the
    window's first day), true of that date and the same every day, so the sheet never needs a
    reprint just because a day passed; the last day is printed beside it.
    """
    window = entry.model.consultation
    assert window is not None
    open_now = window.start <= as_of <= window.end
    view = w.consultation(entry, window.start if open_now else as_of)
    assert view is not None
    return ConsultationPoster(
        paper=paper,
        masthead=masthead,
        head=head,
        running_head=_running(head, "Thông báo lấy ý kiến"),
        draft_note=w.DRAFT_NOTE,
        consultation=view,
        counted_from=format_date(window.start) if open_now else None,
        project_count=len(entry.model.projects),
        recovery_ha=w.recovery_total(entry.model),
    )
