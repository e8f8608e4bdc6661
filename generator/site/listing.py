"""Stage 3 (site): index page contexts — home, field, office, online level, all procedures."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.core.links import Link, OfficeView, office_view
from generator.core.slots import slot
from generator.facts.collation import collation_key
from generator.facts.offices import FeedbackFacts, office_facts
from generator.facts.procedure import site_feedback
from generator.model.dates import format_date
from generator.model.types import ONLINE_LABELS
from generator.plans.listing import home_plan_links
from generator.site.views import ProcedureRow, procedure_row


@dataclass(frozen=True)
class CountLink:
    """A link with a number of active procedures behind it (a field tile, an online level…)."""

    text: str
    href: str
    count: int
    description: str | None = None


@dataclass(frozen=True)
class HomePage:
    """The home page.

    Attributes:
        title: site title. description: one sentence. publisher, parent: who publishes.
        search_action: where the GET search form goes; search_param: its query parameter.
        fields: field tiles with counts. online: online-level links with counts. total: active count.
        offices: office boxes. hotline: general hotline or None. feedback: feedback block.
        all_procedures: link to the full table. upcoming: procedures that start later.
        plans: land-use plans under consultation or in force (generator.plans), with their state.
        events: «Tôi cần làm gì khi…» links, one per life event with active procedures.
    """

    title: str
    description: str | None
    publisher: str
    parent: str | None
    search_action: str
    search_param: str
    fields: tuple[CountLink, ...]
    online: tuple[CountLink, ...]
    total: int
    offices: tuple[OfficeView, ...]
    hotline: str | None
    feedback: FeedbackFacts
    all_procedures: str
    upcoming: tuple[ProcedureRow, ...]
    plans: tuple[Link, ...] = ()
    events: tuple[CountLink, ...] = ()


@dataclass(frozen=True)
class ListingPage:
    """A page listing procedures (a field, an office, an online level, or all of them).

    Attributes:
        title: page heading. intro: one sentence or None. rows: active procedures.
        upcoming: procedures not yet in force. repealed: repealed ones (only on the full list).
        office: the office box on office pages. posters: poster PDF links on office pages.
        poster_slot: on office pages, where the poster stage lists every sheet with its version.
        show_field: whether the table has a field column. sortable: whether JS may sort the table.
        home: link to the home page. feedback: feedback block. search_param: filter parameter name.
    """

    title: str
    intro: str | None
    rows: tuple[ProcedureRow, ...]
    upcoming: tuple[ProcedureRow, ...]
    repealed: tuple[ProcedureRow, ...]
    office: OfficeView | None
    posters: tuple[Link, ...]
    poster_slot: str
    show_field: bool
    sortable: bool
    home: str
    feedback: FeedbackFacts
    search_param: str


@dataclass(frozen=True)
class GroupIndexPage:
    """A page listing groups (all fields, all offices, all online levels) with counts.

    Attributes:
        title: page heading. intro: one sentence or None. groups: links with active counts.
        home: link to the home page. feedback: feedback block.
    """

    title: str
    intro: str | None
    groups: tuple[CountLink, ...]
    home: str
    feedback: FeedbackFacts


@dataclass(frozen=True)
class FooterView:
    """The site footer: publisher, feedback contact, and the date the information applies on."""

    publisher: str
    parent: str | None
    feedback: FeedbackFacts
    as_of: str


SEARCH_PARAM = "q"


def rows_in_state(
    catalogue: Catalogue, entries: Iterable[ProcedureEntry], here: str, state: str
) -> tuple[ProcedureRow, ...]:
    """Table rows of the ``entries`` in lifecycle ``state``, sorted by name, as seen from ``here``."""
    chosen = [e for e in entries if catalogue.state(e) == state]
    chosen.sort(key=lambda e: collation_key(e.model.name))
    return tuple(procedure_row(catalogue, e, here) for e in chosen)


def listing_page(
    catalogue: Catalogue,
    here: str,
    title: str,
    select: Callable[[ProcedureEntry], bool],
    *,
    intro: str | None = None,
    office: OfficeView | None = None,
    posters: tuple[Link, ...] = (),
    show_field: bool = True,
    sortable: bool = False,
    with_repealed: bool = False,
) -> ListingPage:
    """A listing of the procedures ``select`` picks, as seen from ``here``."""
    entries = [e for e in catalogue.procedures if select(e)]
    return ListingPage(
        title=title,
        intro=intro,
        rows=rows_in_state(catalogue, entries, here, "active"),
        upcoming=rows_in_state(catalogue, entries, here, "upcoming"),
        repealed=rows_in_state(catalogue, entries, here, "repealed") if with_repealed else (),
        office=office,
        posters=posters,
        poster_slot=slot("posters", office.facts.slug) if office and posters else "",
        show_field=show_field,
        sortable=sortable,
        home=urls.relative(here, urls.HOME),
        feedback=office.facts.feedback if office else site_feedback(catalogue),
        search_param=SEARCH_PARAM,
    )


def group_page(
    catalogue: Catalogue, here: str, title: str, intro: str, groups: tuple[CountLink, ...]
) -> GroupIndexPage:
    """A page of groups (fields, offices, online levels) with counts."""
    return GroupIndexPage(
        title=title,
        intro=intro,
        groups=groups,
        home=urls.relative(here, urls.HOME),
        feedback=site_feedback(catalogue),
    )


def active_counts(catalogue: Catalogue, key: Callable[[ProcedureEntry], Iterable[str]]) -> dict[str, int]:
    """Count active procedures per key (a procedure may count under several keys, e.g. offices)."""
    counts: dict[str, int] = {}
    for entry in catalogue.in_state("active"):
        for value in key(entry):
            counts[value] = counts.get(value, 0) + 1
    return counts


def field_links(catalogue: Catalogue, here: str) -> tuple[CountLink, ...]:
    """Field tiles in taxonomy order, with active counts (fields with no procedure are kept, at 0)."""
    counts = active_counts(catalogue, lambda e: (e.model.field,))
    return tuple(
        CountLink(f.name, urls.relative(here, urls.field_path(f.slug)), counts.get(f.slug, 0), f.description)
        for f in catalogue.fields.model.fields
    )


def online_links(catalogue: Catalogue, here: str) -> tuple[CountLink, ...]:
    """One link per online level, with active counts."""
    counts = active_counts(catalogue, lambda e: (e.model.online,))
    return tuple(
        CountLink(label, urls.relative(here, urls.online_path(key)), counts.get(key, 0))
        for key, label in ONLINE_LABELS.items()
    )


def office_links(catalogue: Catalogue, here: str) -> tuple[CountLink, ...]:
    """One link per office, with active counts."""
    counts = active_counts(catalogue, lambda e: e.model.offices)
    return tuple(
        CountLink(
            o.model.name, urls.relative(here, urls.office_path(slug)), counts.get(slug, 0), o.model.address
        )
        for slug, o in sorted(catalogue.offices.items(), key=lambda kv: collation_key(kv[1].model.name))
    )


def home_page(catalogue: Catalogue, search_action: str) -> HomePage:
    """The home page context; ``search_action`` is the site-relative target of the search form."""
    site = catalogue.site.model
    here = urls.HOME
    offices = sorted(catalogue.offices.values(), key=lambda o: (o.slug != site.default_office, o.slug))
    return HomePage(
        title=site.title,
        description=site.description,
        publisher=site.publisher.name,
        parent=site.publisher.parent,
        search_action=urls.relative(here, search_action),
        search_param=SEARCH_PARAM,
        fields=field_links(catalogue, here),
        online=online_links(catalogue, here),
        total=len(catalogue.in_state("active")),
        offices=tuple(office_view(office_facts(o.slug, o.model, site), here) for o in offices),
        hotline=site.hotline,
        feedback=site_feedback(catalogue),
        all_procedures=urls.relative(here, urls.ALL_PROCEDURES),
        upcoming=rows_in_state(catalogue, catalogue.procedures, here, "upcoming"),
        plans=home_plan_links(catalogue),
        events=event_links(catalogue, here),
    )


def event_links(catalogue: Catalogue, here: str) -> tuple[CountLink, ...]:
    """«Tôi cần làm gì khi…»: one link to the finder per life event that has active procedures."""
    from generator.core.events.assign import event_members
    from generator.core.events.taxonomy import shipped_events

    events = shipped_events()
    members = event_members(catalogue, events)
    finder = urls.relative(here, urls.FINDER)
    return tuple(
        CountLink(event.title, f"{finder}?su-kien={event.id}", len(members[event.id]))
        for event in events.events
        if members[event.id]
    )


def footer_view(catalogue: Catalogue) -> FooterView:
    """The footer context (the same on every page, so it has no relative links)."""
    site = catalogue.site.model
    return FooterView(
        publisher=site.publisher.name,
        parent=site.publisher.parent,
        feedback=site_feedback(catalogue),
        as_of=format_date(catalogue.as_of),
    )
