"""The catalogue type: every validated record with the file it came from, judged on one build date.

Reading it from a content tree is :func:`generator.reading.read_catalogue`; the cross-record
checks (:mod:`generator.checks`) take this type, so the type lives apart from the reading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from generator.issues import Issue, Severity
from generator.load import PathKey, SourceFile, format_path
from generator.model import Field, FieldList, Office, Procedure, Site
from generator.model.dates import Lifecycle, lifecycle
from generator.plans.read import PlanEntry

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True)
class Entry(Generic[M]):
    """A validated record with the file it came from (for positions in later checks)."""

    slug: str
    model: M
    file: SourceFile

    def issue(
        self,
        code: str,
        path: PathKey,
        message: str,
        *,
        severity: Severity = Severity.ERROR,
        dated: bool = False,
        on_key: bool = False,
    ) -> Issue:
        """Make an issue placed at ``path`` inside this record's file."""
        line, column = self.file.locate(path, key=on_key)
        return Issue(self.file.display, line, column, code, format_path(path), message, severity, dated)


ProcedureEntry = Entry[Procedure]
OfficeEntry = Entry[Office]


@dataclass(frozen=True)
class Catalogue:
    """Everything the site and the posters are built from, validated."""

    root: Path
    as_of: dt.date
    site: Entry[Site]
    fields: Entry[FieldList]
    offices: Mapping[str, OfficeEntry]
    procedures: tuple[ProcedureEntry, ...]
    field_by_slug: Mapping[str, Field] = field(default_factory=dict)
    office_files: frozenset[str] = frozenset()
    """Slugs of every office file, valid or not (so one broken office does not cascade)."""
    plans: tuple[PlanEntry, ...] = ()
    """Land-use plans under content/plans/ (generator.plans), each with its parsed GeoJSON."""
    _derived: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Values computed from this catalogue once (see :meth:`derived`); a replaced copy starts empty."""

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value ``compute()`` gives for this catalogue, computed on the first call for ``key``.

        Later stages derive the same things from one catalogue many times (a procedure's facts for
        its page, every listing row, its search record and its sheets); the catalogue is frozen, so
        the first answer is the answer. ``dataclasses.replace`` makes a copy with an empty memo.
        """
        if key not in self._derived:
            self._derived[key] = compute()
        value: T = self._derived[key]
        return value

    def state(self, entry: ProcedureEntry) -> Lifecycle:
        """The lifecycle of a procedure on the catalogue's build date."""
        return lifecycle(entry.model.status, self.as_of)

    def in_state(self, *states: Lifecycle) -> tuple[ProcedureEntry, ...]:
        """The procedures whose lifecycle is one of ``states``, in catalogue order."""
        return tuple(p for p in self.procedures if self.state(p) in states)
