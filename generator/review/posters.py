"""Stage review: the sheets to reprint and to take down, per office, each with its reason.

The sheets themselves are planned by the posters stage (``generator.posters.reprint``: today's
plan against the plan at the base revision, compared by version id); the command line hands the
result over as plain :class:`PostedSheet` records, so this stage never plans a sheet itself. Here
each sheet gets its reason from the change report, and the sheets of procedures that stop
applying on a later date (``status.effective_to`` set by this change) are added to the take-down
list with that date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from generator.catalogue import Catalogue
from generator.model.dates import LIFECYCLE_LABELS


@dataclass(frozen=True)
class PostedSheet:
    """A sheet as the posters stage planned it: office slug, path under posters/, title, procedure."""

    office: str
    path: str
    title: str
    procedure: str | None = None


@dataclass(frozen=True)
class SheetDiff:
    """The posters stage's answer: sheets new, sheets changed, sheets gone (relative to the base)."""

    added: tuple[PostedSheet, ...] = ()
    changed: tuple[PostedSheet, ...] = ()
    gone: tuple[PostedSheet, ...] = ()
    note: str | None = None
    """Why there is no list (the posters could not be planned), or None."""


@dataclass(frozen=True)
class SheetAction:
    """One sheet to reprint or take down: office (slug and name), path, title, reason."""

    office: str
    office_name: str
    path: str
    title: str
    reason: str


@dataclass(frozen=True)
class PosterActions:
    """What to do on the notice boards: sheets to (re)print and sheets to take down, office by office."""

    reprint: tuple[SheetAction, ...] = ()
    take_down: tuple[SheetAction, ...] = ()
    note: str | None = None

    def by_office(self, which: str) -> dict[str, list[SheetAction]]:
        """``reprint`` or ``take_down`` grouped by office name, offices in order of appearance."""
        grouped: dict[str, list[SheetAction]] = {}
        for action in getattr(self, which):
            grouped.setdefault(action.office_name, []).append(action)
        return grouped


NEW_SHEET = "tờ mới"
CHANGED_SHEET = "nội dung trên tờ thay đổi"
GONE = {
    "removed": "thủ tục bị xoá khỏi danh mục",
    "repealed": f"thủ tục {LIFECYCLE_LABELS['repealed'].lower()}",
    "moved": "thủ tục không còn tiếp nhận tại nơi này",
    "other": "tờ không còn niêm yết",
}


def _office_name(cat: Catalogue | None, slug: str) -> str:
    office = cat.offices.get(slug) if cat else None
    return (office.model.short_name or office.model.name) if office else slug


def _gone_reason(sheet: PostedSheet, kinds: Mapping[str, str]) -> str:
    slug = sheet.procedure or PurePosixPath(sheet.path).stem
    return GONE[kinds.get(slug, "other")]


def _ending(diff: SheetDiff, new: Catalogue, ending: Mapping[str, str]) -> list[SheetAction]:
    """The sheets (new or reprinted) of procedures that now stop applying on a later date."""
    out = []
    for s in (*diff.added, *diff.changed):
        ends = ending.get(s.procedure or "")
        if ends:
            out.append(
                SheetAction(s.office, _office_name(new, s.office), s.path, s.title, f"gỡ khi hết hạn: {ends}")
            )
    return out


def poster_actions(
    diff: SheetDiff,
    *,
    old: Catalogue | None,
    new: Catalogue,
    gone_kinds: Mapping[str, str],
    ending: Mapping[str, str],
) -> PosterActions:
    """The reprint and take-down lists with reasons.

    Args:
        diff: the sheets planned by the posters stage.
        old, new: the catalogues at the base and now (office names).
        gone_kinds: procedure slug → ``removed``, ``repealed`` or ``moved`` (why its sheets go).
        ending: slug → «Áp dụng đến hết ngày …» for active procedures whose end date this change sets.
    """
    known = {s.path for s in diff.gone}
    reprint = [
        SheetAction(s.office, _office_name(new, s.office), s.path, s.title, NEW_SHEET) for s in diff.added
    ]
    reprint += [
        SheetAction(s.office, _office_name(new, s.office), s.path, s.title, CHANGED_SHEET)
        for s in diff.changed
    ]
    down = [
        SheetAction(s.office, _office_name(old, s.office), s.path, s.title, _gone_reason(s, gone_kinds))
        for s in diff.gone
    ]
    down += [a for a in _ending(diff, new, ending) if a.path not in known]
    return PosterActions(tuple(reprint), tuple(down), diff.note)
