"""Stage 3 (plans): the plans index context (``quy-hoach/``) and the plan links on the home page."""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue import Catalogue
from generator.core import urls
from generator.core.links import Link
from generator.facts.offices import FeedbackFacts
from generator.plans import lifecycle as lc
from generator.plans import wording as w

PLANS = "quy-hoach/"


def plan_path(slug: str) -> str:
    """Address of a plan page (stable: printed notices carry it as a QR code)."""
    return f"{PLANS}{slug}/"


@dataclass(frozen=True)
class PlanLink:
    """A plan in the index: name, link, state label, kind, period, project count, draft flag."""

    name: str
    href: str
    state_label: str
    kind: str
    period: str
    projects: int
    is_draft: bool


@dataclass(frozen=True)
class PlansIndexPage:
    """Context of ``fragments/pages/plans.html``.

    Attributes:
        title: page heading. plans: every plan, open consultations first. feedback: feedback block.
    """

    title: str
    plans: tuple[PlanLink, ...]
    feedback: FeedbackFacts


def plan_links(catalogue: Catalogue, here: str) -> tuple[PlanLink, ...]:
    """Every plan as seen from ``here``: open consultations first, then in force, then the rest."""
    order = ["consulting", "in_force", "approved_upcoming", "consultation_upcoming", "awaiting_approval"]
    links = []
    for entry in catalogue.plans:
        plan, state = entry.model, lc.plan_state(entry.model, catalogue.as_of)
        links.append(
            (
                order.index(state) if state in order else len(order),
                PlanLink(
                    plan.name,
                    urls.relative(here, plan_path(entry.slug)),
                    lc.STATE_LABELS[state],
                    lc.KIND_LABELS[plan.kind],
                    w.period_text(plan),
                    len(plan.projects),
                    state in lc.DRAFT_STATES,
                ),
            )
        )
    return tuple(link for _, link in sorted(links, key=lambda pair: pair[0]))


def home_plan_links(catalogue: Catalogue) -> tuple[Link, ...]:
    """Plan links for the home page (open consultations and plans in force)."""
    return tuple(Link(f"{p.name} – {p.state_label}", p.href) for p in plan_links(catalogue, urls.HOME)[:4])
