"""Plan facts in words, shared by the plan page and the plan posters (one fact, one phrase).

Every phrase a plan's outputs print about its decision, period, consultation window, documents,
projects and indicators is made here, once: the page (:mod:`generator.plans.pages`) and the
notice-board sheets (:mod:`generator.posters.plan_posters`) take it from here. Dates are worded by
``generator.model.dates``, decisions by ``generator.facts.documents``, areas by
``generator.facts.numbers``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.facts.documents import decision_phrase, legal_text
from generator.facts.numbers import hectares
from generator.model.dates import format_date
from generator.plans import lifecycle as lc
from generator.plans.codes import code_list
from generator.plans.model import Approval, Plan, PlanDocument
from generator.plans.read import PlanEntry

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
POSTER_TITLES = {
    "thong-bao": "Thông báo công khai",
    "ban-do": "Bản đồ",
    "lay-y-kien": "Thông báo lấy ý kiến",
}
"""What each of a plan's notice-board sheets is called (sheet titles, bookmarks, page links)."""
POSTER_PAPER = {"ban-do": "A3"}
"""Sheets printed on a fixed paper size whatever the site's setting (the map sheet)."""
DRAFT_NOTE = "Chưa phê duyệt: đây là dự thảo, có thể thay đổi sau khi lấy ý kiến."
"""What a draft's approval line says, on the page and on the consultation notice."""


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
    """The consultation window in words: dates, forms, how and where to comment, days left, report.

    ``window``: «Từ 16/11/2026 đến hết 05/12/2026 (20 ngày).»; ``days_left``: while open, the days
    left on the day it is counted from, today included; ``left_text``: «Còn 11 ngày để góp ý.».
    """

    start: str
    end: str
    is_open: bool
    upcoming: bool
    days_left: int | None
    days: int
    window: str
    left_text: str | None
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


def approval_text(approval: Approval) -> str:
    """«Quyết định số 4521/QĐ-UBND ngày 15/01/2026 của UBND thành phố Hải Phòng»."""
    return decision_phrase(approval.number, approval.date, approval.issuer)


def period_text(plan: Plan) -> str:
    """«01/01/2026 – 31/12/2026», with «(tầm nhìn đến năm …)» when the plan has a vision year."""
    text = f"{format_date(plan.period.start)} – {format_date(plan.period.end)}"
    return text + (f" (tầm nhìn đến năm {plan.period.vision_year})" if plan.period.vision_year else "")


def consultation_range(plan: Plan) -> str | None:
    """«01/11/2025 – 20/11/2025»: the consultation window in short (None without one)."""
    window = plan.consultation
    return f"{format_date(window.start)} – {format_date(window.end)}" if window else None


def until_text(plan: Plan) -> str:
    """The last day the plan stays public (the publication's own date, else the period's end)."""
    return format_date(plan.publication.until or plan.period.end)


def legal_basis_texts(plan: Plan) -> tuple[str, ...]:
    """The plan's legal basis, each the official way (the facts layer's legal phrase)."""
    return tuple(legal_text(doc) for doc in plan.legal_basis)


def area_text(plan: Plan) -> str:
    """«Xã Tân Hưng, Thành phố Hải Phòng»."""
    return ", ".join(x for x in (plan.area.commune, plan.area.province) if x)


def document(entry: PlanEntry, doc_id: str | None) -> DocumentView | None:
    """The document ``doc_id`` of the plan as a view, or None."""
    for doc in entry.model.documents:
        if doc.id == doc_id:
            return document_view(doc)
    return None


def document_view(doc: PlanDocument) -> DocumentView:
    """A document with its kind and its «number · date · scale» line."""
    when = format_date(doc.date) if doc.date else None
    parts = (doc.number, when, f"tỷ lệ {doc.scale}" if doc.scale else None)
    detail = " · ".join(x for x in parts if x)
    return DocumentView(doc.title, DOC_TYPES[doc.type], doc.file, doc.sha256, detail)


def days_left_text(days: int | None) -> str | None:
    """«Còn 11 ngày để góp ý.» (None when the window is not open)."""
    return None if days is None else f"Còn {days} ngày để góp ý."


def consultation(entry: PlanEntry, as_of: dt.date) -> ConsultationView | None:
    """The consultation window as seen on ``as_of`` (None when the plan has none)."""
    window = entry.model.consultation
    if window is None:
        return None
    days, left = lc.consultation_days(entry.model) or 0, lc.days_left(entry.model, as_of)
    return ConsultationView(
        start=format_date(window.start),
        end=format_date(window.end),
        is_open=window.start <= as_of <= window.end,
        upcoming=as_of < window.start,
        days_left=left,
        days=days,
        window=f"Từ {format_date(window.start)} đến hết {format_date(window.end)} ({days} ngày).",
        left_text=days_left_text(left),
        forms=tuple(FORMS[f] for f in window.forms),
        how_to_comment=window.how_to_comment,
        address=window.address,
        email=window.email,
        url=window.url,
        report=document(entry, window.report_on_comments),
    )


def project_rows(entry: PlanEntry) -> tuple[ProjectRow, ...]:
    """Every project of the plan as a table row, numbered as on the map."""
    plan, rule = entry.model, lc.legal_rule(entry.model)
    codes, names = code_list(plan.code_list), {c.code: c.name for c in plan.area.former_communes}
    rows = []
    for i, p in enumerate(plan.projects, start=1):
        places = "; ".join(
            f"{names.get(loc.former_commune, loc.former_commune)}: tờ {loc.sheet}"
            + (f", thửa {', '.join(loc.parcels)}" if loc.parcels else "")
            for loc in p.locations
        )
        waited = plan.period.start.year - p.first_listed
        stale = p.status in ("moi", "chuyen_tiep") and waited >= rule.stale_years
        rows.append(
            ProjectRow(
                number=i,
                id=p.id,
                name=p.name,
                code=p.code,
                code_name=codes.name(p.code),
                area=hectares(p.area_ha),
                recovery=p.recovery,
                locations=places,
                villages=", ".join(p.villages),
                status=PROJECT_STATUS[p.status],
                first_listed=p.first_listed,
                stale=stale,
            )
        )
    return tuple(rows)


def recovery_total(plan: Plan) -> str:
    """The total area of the projects with land recovery, in hectares (no unit)."""
    return hectares(sum(p.area_ha for p in plan.projects if p.recovery))


def indicator_rows(entry: PlanEntry) -> tuple[IndicatorRow, ...]:
    """The indicator table: current, planned and the change per land-use code."""
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
