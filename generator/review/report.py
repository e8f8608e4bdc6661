"""The change report: what a pull request changes for citizens, in plain Vietnamese.

Compares the catalogue at a base git revision with the working tree, procedure by procedure and
field by field (fees, times, documents, effective dates…; :mod:`.procedures`), then the offices,
fields and site settings (:mod:`.settings`), raises the risk flags (:mod:`.flags`) and, when the
command line hands over the posters stage's plan (:mod:`.posters`), lists the sheets to reprint and
to take down per office. One :class:`ChangeReport` is rendered two ways (:mod:`.render`): Markdown
for the pull-request comment (every value escaped, so content can neither hide nor fake a line) and
JSON for machines; both say the same things. ``python -m generator changes --base origin/main``.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core.gitrefs import extract, resolve
from generator.errors import ContentError
from generator.facts.procedure import date_facts
from generator.model.dates import LIFECYCLE_LABELS
from generator.plans.changes import diff_plans
from generator.reading import read_catalogue
from generator.review.data import ChangeReport, ProcedureChange
from generator.review.flags import Flag, added_flags, changed_flags, removed_flags
from generator.review.posters import SheetDiff, poster_actions
from generator.review.procedures import added_lines, arrow, procedure_lines
from generator.review.render import render_markdown
from generator.review.settings import diff_settings

CONTENT_PATHS = ("content", "procedures")


def snapshot(root: Path, ref: str, dest: Path) -> Path:
    """Extract the content folders of git revision ``ref`` (or the last commit of a date) into ``dest``."""
    commit, _ = resolve(root, ref)
    if commit is not None:
        extract(root, commit, CONTENT_PATHS, dest)
    return dest


def _changed(
    old: Catalogue, was: ProcedureEntry, new: Catalogue, entry: ProcedureEntry
) -> ProcedureChange | None:
    names = {**office_names(old), **office_names(new)}
    lines = procedure_lines(was.model, entry.model, names=names)
    before, after = old.state(was), new.state(entry)
    if before != after:
        lines.append(arrow("status", "Trạng thái", LIFECYCLE_LABELS[before], LIFECYCLE_LABELS[after]))
    if not lines:
        return None
    kind = "repealed" if after == "repealed" else "changed"
    ends = None
    if after == "active" and was.model.status.effective_to != entry.model.status.effective_to:
        ends = date_facts(entry.model.status, after).ends
    return ProcedureChange(entry.slug, entry.model.name, kind, tuple(lines), ends)


def office_names(cat: Catalogue) -> dict[str, str]:
    """Office slug → the name printed for it (its short name, else its name)."""
    return {slug: o.model.short_name or o.model.name for slug, o in cat.offices.items()}


def diff_catalogues(old: Catalogue | None, new: Catalogue) -> list[ProcedureChange]:
    """Compare two catalogues procedure by procedure (matched by their stable slug)."""
    before = {e.slug: e for e in old.procedures} if old else {}
    changes = []
    for entry in new.procedures:
        was = before.pop(entry.slug, None)
        if was is None or old is None:
            changes.append(
                ProcedureChange(
                    entry.slug,
                    entry.model.name,
                    "added",
                    tuple(added_lines(entry.model, names=office_names(new))),
                )
            )
        elif change := _changed(old, was, new, entry):
            changes.append(change)
    for slug, entry in before.items():
        changes.append(ProcedureChange(slug, entry.model.name, "removed", ()))
    return changes


def risk_flags(old: Catalogue | None, new: Catalogue, changes: list[ProcedureChange]) -> Iterator[Flag]:
    """The flags of every procedure change, in report order."""
    before = {e.slug: e for e in old.procedures} if old else {}
    now = {e.slug: e for e in new.procedures}
    for change in changes:
        if change.kind == "added":
            yield from added_flags(change.slug, now[change.slug].model, as_of=new.as_of)
        elif change.kind == "removed" and old is not None:
            was = before[change.slug]
            yield from removed_flags(change.slug, was.model, state=old.state(was))
        elif change.slug in before:
            was_model, model = before[change.slug].model, now[change.slug].model
            yield from changed_flags(change.slug, was_model, model, lines=change.lines, as_of=new.as_of)


def gone_kinds(report: ChangeReport) -> dict[str, str]:
    """Why each procedure's sheets may come down: removed, repealed, or no longer at an office."""
    kinds = {c.slug: c.kind for c in report.procedures if c.kind in ("removed", "repealed")}
    for change in report.of_kind("changed"):
        if any(line.field == "offices" and line.before for line in change.lines):
            kinds[change.slug] = "moved"
    return kinds


PosterPlanner = Callable[[Catalogue], SheetDiff]
"""The posters stage's plan, handed in by the command line: today's catalogue → the sheets to
print and to take down against the base (the planner reads the base side itself)."""


def build_report(
    root: Path, base: str, as_of: dt.date, *, posters: PosterPlanner | None = None
) -> ChangeReport:
    """Read the catalogue at ``base`` and in the working tree, and report the differences."""
    new, issues = read_catalogue(root, as_of)
    if new is None:
        raise ContentError(issues)
    with tempfile.TemporaryDirectory() as tmp:
        old, _ = read_catalogue(snapshot(root, base, Path(tmp)), as_of)
    changes = diff_catalogues(old, new)
    report = ChangeReport(
        base,
        as_of,
        tuple(changes),
        tuple(diff_settings(old, new)),
        tuple(risk_flags(old, new, changes)),
        tuple(diff_plans(old, new)),
    )
    if posters is None:
        return report
    ending = {c.slug: c.ends for c in changes if c.ends}
    actions = poster_actions(posters(new), old=old, new=new, gone_kinds=gone_kinds(report), ending=ending)
    return replace(report, posters=actions)


def change_report(root: Path, base: str, as_of: dt.date) -> tuple[str, list[ProcedureChange]]:
    """The Markdown report and the procedure changes (no poster lists: see :func:`build_report`)."""
    report = build_report(root, base, as_of)
    return render_markdown(report), list(report.procedures)
