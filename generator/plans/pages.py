"""Stage 3 (plans): typed contexts of the plan page and the plans index, and their page provider.

Collect, then render: every value a plan page shows is computed here (dates worded once by
``generator.model.dates``, states from ``generator.plans.lifecycle``), and the lookup data for the
browser ("does this affect my land?") is built from the project list and the GeoJSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from generator.catalogue import Catalogue
from generator.core import urls
from generator.core.build_context import BuildContext
from generator.core.links import OfficeView, office_view
from generator.core.pages import Body, GeneratedPage
from generator.facts.numbers import hectares
from generator.facts.offices import FeedbackFacts, office_facts
from generator.facts.procedure import site_feedback
from generator.model.dates import format_date
from generator.model.types import LEVEL_LABELS
from generator.plans import lifecycle as lc
from generator.plans.codes import code_list
from generator.plans.listing import PLANS, PlansIndexPage, plan_links, plan_path
from generator.plans.lookup import lookup_data
from generator.plans.read import PlanEntry
from generator.plans.svgmap import MapView, plan_map

PROJECTS_CSV = "danh-muc-cong-trinh.csv"
MAP_SVG = "ban-do.svg"
DOC_TYPES = {
    "quyet_dinh": "Quyết định",
    "nghi_quyet_hdnd": "Nghị quyết HĐND",
    "bao_cao_thuyet_minh": "Báo cáo thuyết minh",
    "bao_cao_tom_tat": "Báo cáo tóm tắt",
    "ban_do": "Bản đồ",
    "danh_muc": "Danh mục công trình",
    "bao_cao_tiep_thu": "Báo cáo tiếp thu, giải trình ý kiến",
    "thong_bao": "Thông báo",
    "khac": "Tài liệu khác",
}
FORMS = {
    "hoi_nghi": "Hội nghị lấy ý kiến",
    "cong_ttdt": "Cổng thông tin điện tử",
    "niem_yet_tru_so_xa": "Niêm yết tại trụ sở UBND xã",
    "van_ban": "Gửi văn bản",
    "hom_thu_gop_y": "Hòm thư góp ý",
}
PROJECT_STATUS = {"moi": "Mới", "chuyen_tiep": "Chuyển tiếp", "dieu_chinh": "Điều chỉnh", "huy_bo": "Hủy bỏ"}


@dataclass(frozen=True)
class DocumentView:
    """A document link: title, kind, href, SHA-256, and its number/date/scale line."""

    title: str
    kind: str
    href: str
    sha256: str
    detail: str


@dataclass(frozen=True)
class ConsultationView:
    """The consultation box: window, forms, how and where to comment, days left, report."""

    start: str
    end: str
    is_open: bool
    upcoming: bool
    days_left: int | None
    days: int
    forms: tuple[str, ...]
    how_to_comment: str
    address: str | None
    email: str | None
    url: str | None
    report: DocumentView | None


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator line: code, name, current and planned area (ha) and the change, as text."""

    code: str
    name: str
    current: str
    planned: str
    change: str


@dataclass(frozen=True)
class ProjectRow:
    """A project line of the table (numbers as text, already formatted)."""

    number: int
    id: str
    name: str
    code: str
    code_name: str
    area: str
    recovery: bool
    locations: str
    villages: str
    status: str
    first_listed: int
    stale: bool


@dataclass(frozen=True)
class PlanPage:
    """Context of ``fragments/pages/plan.html``.

    Attributes:
        name, kind, level: plan name, kind label and level label. state, state_label: lifecycle key
        and label on the build date. is_draft: not approved yet. sample: marked as sample data.
        summary: plain-words lead. area: commune and province; former_communes: (code, name) pairs.
        period: the plan period as text. approval: decision number, date, issuer; approval_doc: its PDF.
        published_on, deadline, late, publish_days: publication date against the legal deadline.
        places, until: where and until when it stays public. consultation: the comment box or None.
        documents: original documents with SHA-256. map: the SVG map view. indicators: indicator rows.
        projects: project rows. recovery_ha: total area with land recovery. csv_href, geojson_href,
        svg_href: downloads next to the page. legal_basis: legal documents. stale_years, stale_source:
        the review rule for stale projects. office: where to see the file. feedback: feedback block.
        lookup: data for plan-lookup.js (inlined as JSON). plans_index: link to all plans.
        assets: relative link to the theme assets (plan-lookup.js loads the vendored Leaflet from it).
    """

    name: str
    kind: str
    level: str
    state: str
    state_label: str
    is_draft: bool
    sample: bool
    summary: str | None
    area: str
    former_communes: tuple[tuple[str, str], ...]
    period: str
    approval: str | None
    approval_doc: DocumentView | None
    published_on: str | None
    deadline: str | None
    late: bool
    publish_days: int
    places: tuple[str, ...]
    until: str
    consultation: ConsultationView | None
    documents: tuple[DocumentView, ...]
    map: MapView
    indicators: tuple[IndicatorRow, ...]
    projects: tuple[ProjectRow, ...]
    recovery_ha: str
    csv_href: str
    geojson_href: str
    svg_href: str
    legal_basis: tuple[str, ...]
    stale_years: int
    stale_source: str
    office: OfficeView | None
    feedback: FeedbackFacts
    lookup: dict[str, Any]
    plans_index: str
    assets: str


def _doc(entry: PlanEntry, doc_id: str | None) -> DocumentView | None:
    for doc in entry.model.documents:
        if doc.id == doc_id:
            return _doc_view(doc)
    return None


def _doc_view(doc: Any) -> DocumentView:
    detail = " · ".join(
        x
        for x in (
            doc.number,
            format_date(doc.date) if doc.date else None,
            f"tỷ lệ {doc.scale}" if doc.scale else None,
        )
        if x
    )
    return DocumentView(doc.title, DOC_TYPES[doc.type], doc.file, doc.sha256, detail)


def _consultation(entry: PlanEntry, as_of: Any) -> ConsultationView | None:
    window = entry.model.consultation
    if window is None:
        return None
    return ConsultationView(
        format_date(window.start),
        format_date(window.end),
        window.start <= as_of <= window.end,
        as_of < window.start,
        lc.days_left(entry.model, as_of),
        lc.consultation_days(entry.model) or 0,
        tuple(FORMS[f] for f in window.forms),
        window.how_to_comment,
        window.address,
        window.email,
        window.url,
        _doc(entry, window.report_on_comments),
    )


def _project_rows(entry: PlanEntry) -> tuple[ProjectRow, ...]:
    plan, rule = entry.model, lc.legal_rule(entry.model)
    codes, names = code_list(plan.code_list), {c.code: c.name for c in plan.area.former_communes}
    rows = []
    for i, p in enumerate(plan.projects, start=1):
        places = "; ".join(
            f"{names.get(loc.former_commune, loc.former_commune)}: tờ {loc.sheet}"
            + (f", thửa {', '.join(loc.parcels)}" if loc.parcels else "")
            for loc in p.locations
        )
        stale = (
            p.status in ("moi", "chuyen_tiep") and plan.period.start.year - p.first_listed >= rule.stale_years
        )
        rows.append(
            ProjectRow(
                i,
                p.id,
                p.name,
                p.code,
                codes.name(p.code),
                hectares(p.area_ha),
                p.recovery,
                places,
                ", ".join(p.villages),
                PROJECT_STATUS[p.status],
                p.first_listed,
                stale,
            )
        )
    return tuple(rows)


def _indicator_rows(entry: PlanEntry) -> tuple[IndicatorRow, ...]:
    codes = code_list(entry.model.code_list)
    return tuple(
        IndicatorRow(
            x.code,
            codes.name(x.code),
            hectares(x.current_ha),
            hectares(x.planned_ha),
            ("+" if x.planned_ha > x.current_ha else "") + hectares(x.planned_ha - x.current_ha),
        )
        for x in entry.model.indicators
    )


def plan_page(catalogue: Catalogue, entry: PlanEntry) -> PlanPage:
    """Collect the plan page context on the catalogue's build date."""
    plan, as_of, here = entry.model, catalogue.as_of, plan_path(entry.slug)
    state, rule, deadline = lc.plan_state(plan, as_of), lc.legal_rule(plan), lc.publication_deadline(plan)
    published = plan.publication.published_on
    office_slug = plan.office or catalogue.site.model.default_office
    office = catalogue.offices.get(office_slug) if office_slug else None
    facts = office_facts(office.slug, office.model, catalogue.site.model) if office else None
    area = ", ".join(x for x in (plan.area.commune, plan.area.province) if x)
    approval = plan.approval
    return PlanPage(
        plan.name,
        lc.KIND_LABELS[plan.kind],
        LEVEL_LABELS[plan.level],
        state,
        lc.STATE_LABELS[state],
        state in lc.DRAFT_STATES,
        plan.sample,
        plan.summary,
        area,
        tuple((c.code, c.name) for c in plan.area.former_communes),
        f"{format_date(plan.period.start)} – {format_date(plan.period.end)}"
        + (f" (tầm nhìn đến năm {plan.period.vision_year})" if plan.period.vision_year else ""),
        f"{approval.number} ngày {format_date(approval.date)} của {approval.issuer}" if approval else None,
        _doc(entry, approval.document) if approval else None,
        format_date(published) if published else None,
        format_date(deadline) if deadline else None,
        bool(published and deadline and published > deadline),
        rule.publish_days,
        plan.publication.places,
        format_date(plan.publication.until or plan.period.end),
        _consultation(entry, as_of),
        tuple(_doc_view(d) for d in plan.documents),
        plan_map(entry),
        _indicator_rows(entry),
        _project_rows(entry),
        hectares(sum(p.area_ha for p in plan.projects if p.recovery)),
        PROJECTS_CSV,
        plan.geodata.file,
        MAP_SVG,
        tuple(f"{d.title} số {d.number}" for d in plan.legal_basis),
        rule.stale_years,
        rule.stale_source,
        office_view(facts, here) if facts else None,
        facts.feedback if facts else site_feedback(catalogue),
        lookup_data(entry),
        urls.relative(here, PLANS),
        urls.relative(here, "assets/"),
    )


def _render(ctx: BuildContext, template: str, build: Any) -> Body:
    return Body(ctx.env.get_template(template).render(page=build()))


def iter_plan_pages(catalogue: Catalogue, ctx: BuildContext) -> Iterator[GeneratedPage]:
    """Page provider: the plans index (in the navigation) and one page per plan, whatever its state."""
    if not catalogue.plans:
        return
    index = partial(
        PlansIndexPage,
        "Quy hoạch, kế hoạch sử dụng đất",
        plan_links(catalogue, PLANS),
        site_feedback(catalogue),
    )
    yield GeneratedPage(
        PLANS,
        "Quy hoạch, kế hoạch sử dụng đất",
        partial(_render, ctx, "pages/plans.html", index),
        "Quy hoạch, kế hoạch sử dụng đất: bản đồ, danh mục công trình, lấy ý kiến.",
        nav_title="Quy hoạch sử dụng đất",
        kind="plans",
        wide=True,
    )
    for entry in catalogue.plans:
        build = partial(plan_page, catalogue, entry)
        yield GeneratedPage(
            plan_path(entry.slug),
            entry.model.name,
            partial(_render, ctx, "pages/plan.html", build),
            f"{entry.model.name}: bản đồ, danh mục công trình, tra cứu thửa đất.",
            kind="plan",
            wide=True,
        )
