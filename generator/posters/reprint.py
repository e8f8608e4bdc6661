"""Posters, the reprint list: which sheets changed since a git ref or a date.

The old catalogue is read from git (``git archive`` of the commit into a temporary folder, judged
on that commit's date, or on the given date), its sheets planned exactly like today's, and the
version ids compared. Nothing is rendered for the old side.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.catalogue import Catalogue
from generator.core.gitrefs import exists, extract, git, resolve
from generator.errors import PosterError
from generator.issues import Severity
from generator.posters.plan import Sheet, plan_sheets
from generator.posters.theme import Theme, load_theme
from generator.reading import read_catalogue

PROCEDURES = "procedures"
CONTENT_PATHS = ("content", PROCEDURES)
MAX_PASSES = 4


@dataclass(frozen=True)
class OldSheet:
    """A sheet as it was at the reference point."""

    path: str
    office: str
    title: str
    version: str


@dataclass(frozen=True)
class Reprint:
    """The sheets to print (new or changed) and to take down, relative to a reference point."""

    since: str
    """Human description of the reference, e.g. «a1b2c3d (2026-11-20)»."""
    added: tuple[Sheet, ...]
    changed: tuple[tuple[OldSheet, Sheet], ...]
    removed: tuple[OldSheet, ...]
    unreadable: tuple[str, ...] = ()
    """Old procedure files today's rules reject; their sheets are listed as new, to be safe."""

    @property
    def to_print(self) -> tuple[Sheet, ...]:
        """Every sheet to (re)print, in plan order."""
        wanted = {s.path for s in self.added} | {new.path for _, new in self.changed}
        return tuple(s for s in (*self.added, *(new for _, new in self.changed)) if s.path in wanted)


def old_theme(root: Path, commit: str, theme: Theme, into: Path) -> Theme:
    """The poster theme as it was at ``commit`` when it lives in the same repository, else ``theme``."""
    top = Path(git(root, "rev-parse", "--show-toplevel").decode()).resolve()
    try:
        rel = theme.folder.resolve().relative_to(top).as_posix()
    except ValueError:
        return theme
    folder = into / "theme"
    folder.mkdir()
    if not exists(top, commit, rel):
        return theme
    data = git(top, "archive", "--format=tar", f"{commit}:{rel}", binary=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(folder, filter="data")
    return load_theme(folder)


def read_old(tree: Path, day: dt.date, label: str) -> tuple[Catalogue, list[str]]:
    """The old catalogue, leaving out procedure files today's rules reject (the rules may be newer).

    Returns the catalogue and the files left out; their sheets then count as new (to be printed).
    """
    skipped: list[str] = []
    for _ in range(MAX_PASSES):
        cat, issues = read_catalogue(tree, day)
        if cat is not None:
            return cat, skipped
        bad = sorted({i.file for i in issues if i.severity is Severity.ERROR})
        if not bad or any(not f.startswith(f"{PROCEDURES}/") for f in bad):
            errors = [i.format() for i in issues if i.severity is Severity.ERROR][:5]
            raise PosterError(f"không đọc được nội dung tại {label}: " + "; ".join(errors))
        for file in bad:
            (tree / file).unlink(missing_ok=True)
        skipped.extend(bad)
    raise PosterError(f"không đọc được nội dung tại {label}")


def old_sheets(root: Path, since: str, theme: Theme) -> tuple[str, list[OldSheet], list[str]]:
    """The sheets as they were at ``since`` (a git ref or YYYY-MM-DD), a description of that
    point, and the old procedure files that could not be read (their sheets count as new)."""
    commit, day = resolve(root, since)
    label = f"{commit[:10]} ({day.isoformat()})" if commit else f"{since} (chưa có nội dung)"
    if commit is None:
        return label, [], []
    with tempfile.TemporaryDirectory(prefix="congkhai-old-") as tmp:
        tree = Path(tmp) / "tree"
        if not extract(root, commit, CONTENT_PATHS, tree):
            return label, [], []
        cat, skipped = read_old(tree, day, label)
        sheets = plan_sheets(cat, old_theme(root, commit, theme, Path(tmp)))
    return label, [OldSheet(s.path, s.office, s.title, s.stamp.version) for s in sheets], skipped


def compare(since: str, old: Sequence[OldSheet], current: Sequence[Sheet]) -> Reprint:
    """Sheets new since ``old``, changed (different version id), and gone."""
    before = {s.path: s for s in old}
    now = {s.path for s in current}
    added = tuple(s for s in current if s.path not in before)
    changed = tuple(
        (before[s.path], s) for s in current if s.path in before and before[s.path].version != s.stamp.version
    )
    removed = tuple(s for s in old if s.path not in now)
    return Reprint(since, added, changed, removed)


def reprint_list(root: Path, since: str, current: Sequence[Sheet], theme: Theme) -> Reprint:
    """Compare today's sheets with the sheets at ``since`` (git ref or date)."""
    label, old, skipped = old_sheets(root, since, theme)
    return dataclasses.replace(compare(label, old, current), unreadable=tuple(skipped))


TAKE_DOWN, REPRINT = "GỠ BỎ", "IN LẠI"


@dataclass(frozen=True)
class Scheduled:
    """A sheet on the wall today that becomes wrong on a known day (an end date in the content)."""

    sheet: Sheet
    action: str
    """«GỠ BỎ» (the procedure ends) or «IN LẠI» (a fee or waiver window ends, or the index loses a row)."""
    day: dt.date
    """The first day the sheet is wrong: the day after the end date."""


def _fee_end(cat: Catalogue, slug: str) -> dt.date | None:
    entry = next(e for e in cat.procedures if e.slug == slug)
    ends = [
        f.valid_to for c in entry.model.channels for f in c.fees if f.valid_to and f.valid_to >= cat.as_of
    ]
    return min(ends) if ends else None


def scheduled(cat: Catalogue, current: Sequence[Sheet]) -> tuple[Scheduled, ...]:
    """Sheets to take down or reprint on a later day, soonest first: a procedure's end date takes its
    sheets down (and reprints its offices' index), a fee window's end reprints the sheet."""
    ends = {e.slug: e.model.status.effective_to for e in cat.procedures if cat.state(e) == "active"}
    found: list[Scheduled] = []
    index_days: dict[str, dt.date] = {}
    for sheet in current:
        if sheet.procedure is None or sheet.plan is not None:
            continue
        end = ends.get(sheet.procedure)
        if end is not None:
            found.append(Scheduled(sheet, TAKE_DOWN, end + dt.timedelta(days=1)))
            day = index_days.get(sheet.office)
            index_days[sheet.office] = min(day, end) if day else end
        fee_end = _fee_end(cat, sheet.procedure)
        if fee_end is not None and (end is None or fee_end < end):
            found.append(Scheduled(sheet, REPRINT, fee_end + dt.timedelta(days=1)))
    for sheet in current:
        if sheet.procedure is None and sheet.plan is None and sheet.office in index_days:
            found.append(Scheduled(sheet, REPRINT, index_days[sheet.office] + dt.timedelta(days=1)))
    return tuple(sorted(found, key=lambda s: (s.day, s.sheet.office, s.sheet.path)))
