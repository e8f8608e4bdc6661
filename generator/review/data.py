"""Stage review: the change report as data — one procedure's change, and the whole report.

:mod:`.report` builds it, :mod:`.render` renders it as Markdown and JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.plans.changes import PlanChange
from generator.review.flags import Flag
from generator.review.posters import PosterActions
from generator.review.procedures import Line
from generator.review.settings import SettingChange

KINDS = ("added", "changed", "repealed", "removed")
"""A procedure change is one of these (``repealed``: it stops applying on the build date)."""


@dataclass(frozen=True)
class ProcedureChange:
    """What changed in one procedure.

    Attributes:
        slug: the stable page slug.
        name: the current name (the old one for a removed procedure).
        kind: one of :data:`KINDS`.
        lines: one :class:`Line` per change, e.g. «Lệ phí …: 50.000 đồng → 100.000 đồng».
        ends: «Áp dụng đến hết ngày …» when this change sets the end date of a procedure still in
            force (its sheets come down after that day), else None.
    """

    slug: str
    name: str
    kind: str
    lines: tuple[Line, ...]
    ends: str | None = None


@dataclass(frozen=True)
class ChangeReport:
    """Everything the report says; rendered as Markdown and as JSON by :mod:`.render`."""

    base: str
    as_of: dt.date
    procedures: tuple[ProcedureChange, ...]
    settings: tuple[SettingChange, ...]
    flags: tuple[Flag, ...]
    plans: tuple[PlanChange, ...] = ()
    posters: PosterActions | None = None

    def of_kind(self, kind: str) -> tuple[ProcedureChange, ...]:
        """The procedure changes of one kind, in catalogue order."""
        return tuple(c for c in self.procedures if c.kind == kind)
