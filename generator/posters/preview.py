"""Posters, for the preview: the sheets of one procedure or one office index, rendered right away.

The full posters stage (:mod:`generator.posters.write`) plans all 2,500 sheets of a 2,000-procedure
catalogue to find the few that changed; the preview knows which procedure was saved, so it plans
only that procedure's sheets (one per office that lists it) with the same :func:`make_sheet` —
the same version id, cache key and PDF as a full build — renders what the cache lacks in this
process with one :class:`Renderer` kept warm, and links the PDFs to their fixed addresses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.catalogue import Catalogue
from generator.facts.procedure import procedure_facts
from generator.posters.cache import PosterCache, write_atomic
from generator.posters.office_index import index_poster
from generator.posters.plan import INDEX_NAME, Sheet, make_sheet, posted_at, transitions, updated_on
from generator.posters.render import Renderer
from generator.posters.sheets import at_office, masthead, procedure_poster
from generator.posters.theme import Theme
from generator.posters.write import publish


def procedure_sheets(cat: Catalogue, slug: str, theme: Theme, changed: Mapping[str, dt.date]) -> list[Sheet]:
    """The sheets of procedure ``slug`` (none unless it is active), one per office that lists it."""
    entry = next((e for e in cat.procedures if e.slug == slug), None)
    if entry is None or cat.state(entry) != "active" or not entry.model.offices:
        return []
    head = masthead(cat.site.model, cat.root)
    body = procedure_poster(cat, entry, entry.model.offices[0], head=head)
    facts = procedure_facts(cat, entry)
    updated = updated_on(cat, entry, changed)
    return [
        make_sheet(f"{office}/{slug}.pdf", office, slug, at_office(body, facts, office), updated, theme)
        for office in entry.model.offices
    ]


def index_sheet(cat: Catalogue, office: str, theme: Theme, changed: Mapping[str, dt.date]) -> Sheet | None:
    """The index sheet of ``office`` (the list of procedures posted there), as the full build plans it."""
    entries = posted_at(cat).get(office)
    if entries is None:
        return None
    updated = [updated_on(cat, entry, changed) for entry in entries]
    newest = max([*updated, *transitions(cat).get(office, [])], default=cat.as_of)
    poster = index_poster(cat, office, entries, masthead(cat.site.model, cat.root))
    return make_sheet(f"{office}/{INDEX_NAME}.pdf", office, None, poster, newest, theme)


def render_now(sheets: Sequence[Sheet], renderer: Renderer, cache: PosterCache, out_dir: Path) -> int:
    """Render the sheets the cache lacks (in this process), then publish them; return how many rendered."""
    rendered = 0
    for sheet in sheets:
        if cache.get(sheet.key) is None:
            result = renderer.render(sheet.poster, sheet.stamp)
            write_atomic(cache.sheet_path(sheet.key), result.pdf)
            cache.record(sheet.key, result.pages, len(result.pdf))
            rendered += 1
    publish(sheets, cache, out_dir)
    if rendered:
        cache.save()
    return rendered
