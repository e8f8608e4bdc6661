"""Posters, step 1b: the list of sheets to print, each with its version id and cache key.

A sheet is one procedure poster per (active procedure, office it lists) plus one index poster per
office, and the sheets of each land-use plan in its publication period at the office that posts it
(public notice and A3 map of an approved plan, or the consultation notice of a draft). Its
**version id** is a hash of the sheet's own inputs (the full template context, which holds the
procedure or plan, office, site settings and the fees in force on the build date, plus the
theme fingerprint), so it changes exactly when the printed sheet changes. The **cache key** adds
the printed "updated on" date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.core.collector import without_collector
from generator.errors import PosterError
from generator.facts.procedure import procedure_facts
from generator.model import Procedure
from generator.model.dates import fees_on
from generator.plans import lifecycle as lc
from generator.plans.read import PlanEntry
from generator.plans.wording import POSTER_TITLES
from generator.posters import plan_posters as pp
from generator.posters.office_index import IndexPoster, index_poster
from generator.posters.render import Stamp
from generator.posters.sheets import Masthead, ProcedurePoster, at_office, masthead
from generator.posters.sheets import procedure_poster as make_procedure_poster
from generator.posters.theme import Theme

INDEX_NAME = "danh-muc"
"""File name (without .pdf) of an office's index poster."""
BUNDLE_NAME = "tat-ca"
"""File name (without .pdf) of an office's combined print-ready PDF."""
RESERVED = frozenset({INDEX_NAME, BUNDLE_NAME})
POSTERS = "posters/"
VERSION_LENGTH = 8
SHARED_FROM = 3
"""A procedure posted at this many offices renders one shared body (below, the whole sheet is cheaper)."""


@dataclass(frozen=True)
class Sheet:
    """One printed sheet (one PDF): what to render, where it goes, and how it is identified."""

    path: str
    """Path under the posters folder: ``<office>/<procedure>.pdf`` or ``<office>/danh-muc.pdf``."""
    office: str
    procedure: str | None
    """The procedure slug; None for the office index and plan sheets."""
    title: str
    poster: ProcedurePoster | IndexPoster | pp.PlanPoster
    stamp: Stamp
    key: str
    """Cache key: the full input hash plus the printed date."""
    plan: str | None = None
    """The plan id of a plan sheet, else None."""
    shared: bool = False
    """True for a procedure posted at ``SHARED_FROM`` offices or more: its sheets are rendered from
    one shared body (:mod:`generator.posters.shared`); decided by the catalogue, not by what the
    cache holds, so a sheet's bytes do not depend on which other sheets were rendered with it."""


def inputs_digest(poster: ProcedurePoster | IndexPoster | pp.PlanPoster, theme: Theme) -> str:
    """SHA-256 of everything the sheet is made from (context + theme fingerprint).

    The context is a tree of frozen dataclasses holding only text, numbers and tuples, so its
    ``repr`` is a complete, deterministic serialisation (and 3× faster than ``asdict`` + JSON).
    """
    data = f"{theme.fingerprint}\n{poster!r}"
    return hashlib.sha256(data.encode()).hexdigest()


def dated_facts(proc: Procedure, as_of: dt.date) -> list[dt.date]:
    """The dates on or before ``as_of`` on which the printed facts changed without an edit."""
    dates = [proc.status.effective_from] if proc.status.effective_from else []
    for channel in proc.channels:
        for fee in fees_on(channel, as_of):
            if fee.valid_from is not None:
                dates.append(fee.valid_from)
        for fee in channel.fees:
            if fee.valid_to is not None and fee.valid_to < as_of:
                dates.append(fee.valid_to + dt.timedelta(days=1))
    return [d for d in dates if d <= as_of]


def updated_on(cat: Catalogue, entry: ProcedureEntry, changed: Mapping[str, dt.date]) -> dt.date:
    """When the procedure's printed facts last changed: its last commit, or a dated fact since.

    Outside git the file's modification date stands in for the commit date.
    """
    committed = changed.get(entry.file.display)
    if committed is None:
        committed = _mtime_date(cat.root / entry.file.display, cat.as_of)
    return min(max([committed, *dated_facts(entry.model, cat.as_of)]), cat.as_of)


def _mtime_date(path: Path, default: dt.date) -> dt.date:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC).date()
    except OSError:
        return default


def make_sheet(
    path: str,
    office: str,
    procedure: str | None,
    poster: ProcedurePoster | IndexPoster | pp.PlanPoster,
    updated: dt.date,
    theme: Theme,
    *,
    title: str | None = None,
    plan: str | None = None,
) -> Sheet:
    """A sheet with its version id and cache key computed from its inputs."""
    digest = inputs_digest(poster, theme)
    key = hashlib.sha256(f"{digest}:{updated.isoformat()}".encode()).hexdigest()
    if title is None:
        assert isinstance(poster, ProcedurePoster | IndexPoster)
        if isinstance(poster, ProcedurePoster):
            title = poster.name
        else:
            title = f"Danh mục thủ tục – {poster.office.name}"
    stamp = Stamp(digest[:VERSION_LENGTH], updated)
    return Sheet(path, office, procedure, title, poster, stamp, key, plan)


def plan_updated(cat: Catalogue, entry: PlanEntry, changed: Mapping[str, dt.date]) -> dt.date:
    """When what a plan's sheets say last changed: its files' last commit, or a dated fact since."""
    files = [(entry.file.display, entry.folder / "plan.yaml"), (entry.geo.display, None)]
    dates = [changed.get(name) or _mtime_date(path or cat.root / name, cat.as_of) for name, path in files]
    return min(max([*dates, *lc.dated_changes(entry.model, cat.as_of)]), cat.as_of)


def plan_sheets_of(
    cat: Catalogue, theme: Theme, head: Masthead, changed: Mapping[str, dt.date]
) -> list[Sheet]:
    """The sheets of every plan in its publication period, at the office that posts it."""
    sheets, paper = [], cat.site.model.posters.paper
    for entry in cat.plans:
        kind, office = lc.notice_kind(entry.model, cat.as_of), pp.plan_office(cat, entry)
        if kind is None or office is None:
            continue
        top, updated = pp.plan_head(cat, entry, office), plan_updated(cat, entry, changed)
        for name in urls.PLAN_POSTER_SHEETS[kind]:
            if name == "thong-bao":
                poster: pp.PlanPoster = pp.notice_poster(entry, top, head, paper=paper)
            elif name == "ban-do":
                poster = pp.map_poster(entry, top, head)
            else:
                poster = pp.consultation_poster(entry, top, head, as_of=cat.as_of, paper=paper)
            path = urls.plan_poster_path(office, entry.slug, name).removeprefix(POSTERS)
            title = f"{POSTER_TITLES[name]} – {top.name}"
            sheet = make_sheet(path, office, None, poster, updated, theme, title=title, plan=entry.slug)
            sheets.append(sheet)
    return sheets


def transitions(cat: Catalogue) -> dict[str, list[dt.date]]:
    """Per office, the dates on or before the build date when a procedure started or stopped applying."""
    result: dict[str, list[dt.date]] = {}
    for entry in cat.procedures:
        status = entry.model.status
        dates = [status.effective_from] if status.effective_from else []
        if status.effective_to is not None:
            dates.append(status.effective_to + dt.timedelta(days=1))
        for office in entry.model.offices:
            result.setdefault(office, []).extend(d for d in dates if d <= cat.as_of)
    return result


def posted_at(cat: Catalogue) -> dict[str, list[ProcedureEntry]]:
    """Active procedures per office, every office present (an office may post nothing yet)."""
    result: dict[str, list[ProcedureEntry]] = {slug: [] for slug in sorted(cat.offices)}
    for entry in cat.in_state("active"):
        if entry.slug in RESERVED:
            raise PosterError(f"đường dẫn thủ tục «{entry.slug}» trùng tên tệp dành riêng của bảng niêm yết")
        for office in entry.model.offices:
            result.setdefault(office, []).append(entry)
    return result


@without_collector
def plan_sheets(cat: Catalogue, theme: Theme, changed: Mapping[str, dt.date] | None = None) -> list[Sheet]:
    """Every sheet of the catalogue on its build date: per office, the index then each procedure.

    Args:
        cat: the validated catalogue (its ``as_of`` decides what is active and which fees apply).
        theme: the poster theme (its fingerprint is part of every version id).
        changed: last commit date per content file (relative path); missing files use mtime.
    """
    head: Masthead = masthead(cat.site.model, cat.root)
    changed = changed or {}
    started = transitions(cat)
    bodies: dict[str, ProcedurePoster] = {}  # each procedure's body once, re-addressed per office
    sheets: list[Sheet] = []
    for office, entries in posted_at(cat).items():
        updated = {entry.slug: updated_on(cat, entry, changed) for entry in entries}
        index = index_poster(cat, office, entries, head)
        newest = max([*updated.values(), *started.get(office, [])], default=cat.as_of)
        sheets.append(make_sheet(f"{office}/{INDEX_NAME}.pdf", office, None, index, newest, theme))
        for entry in sorted(entries, key=lambda e: e.slug):
            if entry.slug not in bodies:
                bodies[entry.slug] = make_procedure_poster(cat, entry, office, head=head)
            poster = at_office(bodies[entry.slug], procedure_facts(cat, entry), office)
            path = f"{office}/{entry.slug}.pdf"
            sheet = make_sheet(path, office, entry.slug, poster, updated[entry.slug], theme)
            shared = len(entry.model.offices) >= SHARED_FROM
            sheets.append(dataclasses.replace(sheet, shared=True) if shared else sheet)
    return _with_plans(sheets, plan_sheets_of(cat, theme, head, changed))


def _with_plans(sheets: list[Sheet], plans: list[Sheet]) -> list[Sheet]:
    """Each office's plan sheets after its procedure sheets (offices in the same order)."""
    by_office: dict[str, list[Sheet]] = {}
    for sheet in (*sheets, *plans):
        by_office.setdefault(sheet.office, []).append(sheet)
    return [sheet for group in by_office.values() for sheet in group]
