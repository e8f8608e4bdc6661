"""Posters, step 1 (office index): the typed context of an office's index poster (danh mục).

Every active procedure posted at one office, grouped by field in taxonomy order, with its code,
processing time and fees in a few words: the span of its times and its main fee, with the channels
that charge otherwise (the procedure's own sheet, posted beside it, says which case takes how long).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.facts.collation import collation_key
from generator.facts.offices import OfficeFacts, office_facts
from generator.facts.procedure import ProcedureFacts, procedure_facts
from generator.model import Site
from generator.posters.sheets import RUNNING_HEAD, Masthead, shorten


@dataclass(frozen=True)
class IndexRow:
    """One procedure in an office index poster."""

    number: int
    name: str
    code: str | None
    time: str
    """:attr:`~generator.facts.procedure.ProcedureFacts.time_brief`."""
    fee: str
    """:attr:`~generator.facts.procedure.ProcedureFacts.fee_brief`."""


@dataclass(frozen=True)
class IndexGroup:
    """The procedures of one field (lĩnh vực)."""

    field: str
    rows: tuple[IndexRow, ...]


@dataclass(frozen=True)
class IndexPoster:
    """The office index poster: every active procedure posted at one office."""

    paper: str
    body_size: int
    """The body size in points (see ``ProcedurePoster.body_size``)."""
    columns: int
    """The list's columns: 2 on A3 at 15 pt, else 1."""
    masthead: Masthead
    running_head: str
    """«(tiếp theo) Danh mục thủ tục hành chính tại <office, shortened>» on continuation sheets."""
    office: OfficeFacts
    """The office, with its own feedback block (else the site's)."""
    count: int
    groups: tuple[IndexGroup, ...]
    url: str
    """The office's page on the public site (the QR code's target)."""
    url_text: str
    """The same address as printed, without «https://»."""


def office_url(site: Site, slug: str) -> str:
    """The office page on the public site."""
    return urls.absolute(site.base_url, urls.office_path(slug))


def index_row(number: int, facts: ProcedureFacts) -> IndexRow:
    """One procedure as a row of the office index: its name, code, time span and fees in brief."""
    return IndexRow(number, facts.listed_name, facts.code, facts.time_brief, facts.fee_brief)


def _field_order(cat: Catalogue) -> dict[str, int]:
    return {field.slug: i for i, field in enumerate(cat.fields.model.fields)}


def index_poster(
    cat: Catalogue,
    office_slug: str,
    entries: list[ProcedureEntry],
    head: Masthead,
) -> IndexPoster:
    """The index poster of one office, procedures grouped by field in taxonomy order."""
    site, office = cat.site.model, cat.offices[office_slug].model
    url = office_url(site, office_slug)
    order = _field_order(cat)
    by_field: dict[str, list[ProcedureEntry]] = {}
    for entry in sorted(
        entries, key=lambda e: (order.get(e.model.field, len(order)), collation_key(e.model.name))
    ):
        by_field.setdefault(entry.model.field, []).append(entry)
    groups, number = [], 0
    for field_slug, members in by_field.items():
        rows = []
        for entry in members:
            number += 1
            rows.append(index_row(number, procedure_facts(cat, entry)))
        field = cat.field_by_slug.get(field_slug)
        groups.append(IndexGroup(field.name if field else field_slug, tuple(rows)))
    return IndexPoster(
        paper=site.posters.paper,
        body_size=site.posters.body,
        columns=site.posters.columns,
        masthead=head,
        running_head=f"(tiếp theo) Danh mục thủ tục tại {shorten(office.name, RUNNING_HEAD - 33)}",
        office=office_facts(office_slug, office, site),
        count=number,
        groups=tuple(groups),
        url=url,
        url_text=url.split("://", 1)[-1],
    )
