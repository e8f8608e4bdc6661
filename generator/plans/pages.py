"""Stage 3 (plans): typed contexts of the plan page and the plans index, and their page provider.

Collect, then render: every value a plan page shows is computed here, its words taken from
:mod:`generator.plans.wording` (shared with the plan posters) and its states from
``generator.plans.lifecycle``; the lookup data for the browser ("does this affect my land?") is
built from the project list and the GeoJSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from generator.catalogue import Catalogue
from generator.core import urls
from generator.core.build_context import BuildContext
from generator.core.links import Link, OfficeView, office_view
from generator.core.pages import Body, GeneratedPage
from generator.facts.offices import FeedbackFacts, OfficeFacts, office_facts
from generator.facts.procedure import site_feedback
from generator.model.dates import format_date
from generator.model.types import LEVEL_LABELS
from generator.plans import lifecycle as lc
from generator.plans import wording as w
from generator.plans.listing import PLANS, PlansIndexPage, plan_links, plan_path
from generator.plans.lookup import lookup_data
from generator.plans.model import Plan
from generator.plans.read import PlanEntry
from generator.plans.svgmap import MapView, plan_map
from generator.plans.wording import ConsultationView, DocumentView, IndicatorRow, ProjectRow

PROJECTS_CSV = "danh-muc-cong-trinh.csv"
MAP_SVG = "ban-do.svg"


@dataclass(frozen=True)
class PlanPage:
    """Context of ``fragments/pages/plan.html``.

    Attributes:
        name, kind, level: plan name, kind label and level label. state, state_label: lifecycle key
        and label on the build date. is_draft: not approved yet; draft_note: what that means.
        sample: marked as sample data.
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
        posters: the plan's notice-board sheets (PDF) while it is posted, else empty.
    """

    name: str
    kind: str
    level: str
    state: str
    state_label: str
    is_draft: bool
    draft_note: str
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
    posters: tuple[Link, ...]
    lookup: dict[str, Any]
    plans_index: str
    assets: str


def _publication(plan: Plan) -> dict[str, Any]:
    """The publication fields: date, deadline, lateness, legal days, places, public until."""
    published, deadline = plan.publication.published_on, lc.publication_deadline(plan)
    return {
        "published_on": format_date(published) if published else None,
        "deadline": format_date(deadline) if deadline else None,
        "late": bool(published and deadline and published > deadline),
        "publish_days": lc.legal_rule(plan).publish_days,
        "places": plan.publication.places,
        "until": w.until_text(plan),
    }


def _posters(catalogue: Catalogue, entry: PlanEntry, *, office: str | None) -> tuple[Link, ...]:
    """Links to the sheets the poster stage prints for the plan on the build date (none when not posted)."""
    kind = lc.notice_kind(entry.model, catalogue.as_of)
    if kind is None or office is None:
        return ()
    here, paper = plan_path(entry.slug), catalogue.site.model.posters.paper
    return tuple(
        Link(
            f"{w.POSTER_TITLES[sheet]} (PDF, {w.POSTER_PAPER.get(sheet, paper)})",
            urls.relative(here, urls.plan_poster_path(office, entry.slug, sheet)),
        )
        for sheet in urls.PLAN_POSTER_SHEETS[kind]
    )


def _office(catalogue: Catalogue, plan: Plan) -> OfficeFacts | None:
    slug = plan.office or catalogue.site.model.default_office
    office = catalogue.offices.get(slug) if slug else None
    return office_facts(office.slug, office.model, catalogue.site.model) if office else None


def _identity(catalogue: Catalogue, entry: PlanEntry) -> dict[str, Any]:
    """Name, kind, level, state and the plain-words lead of the plan on the build date."""
    plan = entry.model
    state = lc.plan_state(plan, catalogue.as_of)
    return {
        "name": plan.name,
        "kind": lc.KIND_LABELS[plan.kind],
        "level": LEVEL_LABELS[plan.level],
        "state": state,
        "state_label": lc.STATE_LABELS[state],
        "is_draft": state in lc.DRAFT_STATES,
        "draft_note": w.DRAFT_NOTE,
        "sample": plan.sample,
        "summary": plan.summary,
        "area": w.area_text(plan),
        "former_communes": tuple((c.code, c.name) for c in plan.area.former_communes),
        "period": w.period_text(plan),
    }


def plan_page(*, catalogue: Catalogue, entry: PlanEntry) -> PlanPage:
    """Collect the plan page context on the catalogue's build date."""
    plan, here = entry.model, plan_path(entry.slug)
    approval, rule = plan.approval, lc.legal_rule(plan)
    facts = _office(catalogue, plan)
    return PlanPage(
        **_identity(catalogue, entry),
        approval=w.approval_text(approval) if approval else None,
        approval_doc=w.document(entry, approval.document) if approval else None,
        **_publication(plan),
        consultation=w.consultation(entry, catalogue.as_of),
        documents=tuple(w.document_view(d) for d in plan.documents),
        map=plan_map(entry),
        indicators=w.indicator_rows(entry),
        projects=w.project_rows(entry),
        recovery_ha=w.recovery_total(plan),
        csv_href=PROJECTS_CSV,
        geojson_href=plan.geodata.file,
        svg_href=MAP_SVG,
        legal_basis=w.legal_basis_texts(plan),
        stale_years=rule.stale_years,
        stale_source=rule.stale_source,
        office=office_view(facts, here) if facts else None,
        feedback=facts.feedback if facts else site_feedback(catalogue),
        posters=_posters(catalogue, entry, office=facts.slug if facts else None),
        lookup=lookup_data(entry),
        plans_index=urls.relative(here, PLANS),
        assets=urls.relative(here, "assets/"),
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
        build = partial(plan_page, catalogue=catalogue, entry=entry)
        yield GeneratedPage(
            plan_path(entry.slug),
            entry.model.name,
            partial(_render, ctx, "pages/plan.html", build),
            f"{entry.model.name}: bản đồ, danh mục công trình, tra cứu thửa đất.",
            kind="plan",
            wide=True,
        )
