"""Stage 2, read the whole catalogue: every content file loaded, validated, and checked together.

``read_catalogue(root, as_of)`` is the entry point every other stage uses; it returns the typed
catalogue (or None when a file could not be understood) and every issue found in one run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Generic, TypeVar

from pydantic import BaseModel

from generator.issues import Issue, Severity, display_path, sort_issues
from generator.load import PathKey, SourceFile, format_path, load_yaml
from generator.model import Field, FieldList, Office, Procedure, Site
from generator.model.dates import Lifecycle, lifecycle
from generator.plans.checks import check_plan_offices
from generator.plans.read import PlanEntry, read_plans
from generator.validate import validate_model

M = TypeVar("M", bound=BaseModel)

SITE_FILE = Path("content/site.yaml")
FIELDS_FILE = Path("content/fields.yaml")
OFFICES_DIR = Path("content/offices")
PROCEDURES_DIR = Path("procedures")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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

    def state(self, entry: ProcedureEntry) -> Lifecycle:
        """The lifecycle of a procedure on the catalogue's build date."""
        return lifecycle(entry.model.status, self.as_of)

    def in_state(self, *states: Lifecycle) -> tuple[ProcedureEntry, ...]:
        """The procedures whose lifecycle is one of ``states``, in catalogue order."""
        return tuple(p for p in self.procedures if self.state(p) in states)


def _read(root: Path, path: Path, model: type[M], slug: str, issues: list[Issue]) -> Entry[M] | None:
    loaded, found = load_yaml(path, display_path(path, root))
    issues.extend(found)
    if loaded is None:
        return None
    record, found = validate_model(loaded, model)
    issues.extend(found)
    return None if record is None else Entry(slug, record, loaded.source)


def _slug_of(path: Path, root: Path, issues: list[Issue]) -> str:
    if not _SLUG.match(path.stem):
        issues.append(
            Issue(
                display_path(path, root),
                1,
                1,
                "file-name-invalid",
                "",
                f"Tên tệp «{path.name}» phải viết thường, không dấu, nối bằng gạch ngang, "
                "ví dụ dang-ky-khai-sinh.yaml.",
            )
        )
    return path.stem


def _content_files(folder: Path, root: Path, issues: list[Issue]) -> list[Path]:
    if not folder.is_dir():
        return []
    for odd in sorted(folder.rglob("*.yml")):
        issues.append(
            Issue(
                display_path(odd, root),
                1,
                1,
                "file-extension",
                "",
                "Tệp nội dung phải có đuôi .yaml; hãy đổi tên tệp này.",
            )
        )
    return sorted(folder.rglob("*.yaml"))


def read_catalogue(root: Path, as_of: dt.date) -> tuple[Catalogue | None, list[Issue]]:
    """Load, validate and cross-check every content file under ``root``.

    Returns the catalogue (None when any file could not be read into a model) and every issue,
    sorted by file and line.
    """
    from generator.checks import run_checks

    issues: list[Issue] = []
    site = _required(root, SITE_FILE, Site, issues)
    fields = _required(root, FIELDS_FILE, FieldList, issues)
    offices: dict[str, OfficeEntry] = {}
    office_paths = _content_files(root / OFFICES_DIR, root, issues)
    for path in office_paths:
        entry = _read(root, path, Office, _slug_of(path, root, issues), issues)
        if entry is not None:
            offices[entry.slug] = entry
    procedures = []
    complete = site is not None and fields is not None and len(offices) == len(office_paths)
    for path in _content_files(root / PROCEDURES_DIR, root, issues):
        proc = _read(root, path, Procedure, "", issues)
        if proc is None:
            complete = False
            continue
        slug = proc.model.slug or _slug_of(path, root, issues)
        complete = complete and _SLUG.match(slug) is not None
        procedures.append(Entry(slug, proc.model, proc.file))
    plans, plan_issues, plans_read = read_plans(root, as_of)
    issues.extend(plan_issues)
    issues.extend(check_plan_offices(plans, frozenset(path.stem for path in office_paths)))
    complete = complete and plans_read
    if site is None or fields is None:
        return None, sort_issues(issues)
    catalogue = Catalogue(
        root,
        as_of,
        site,
        fields,
        MappingProxyType(offices),
        tuple(procedures),
        MappingProxyType({f.slug: f for f in fields.model.fields}),
        frozenset(path.stem for path in office_paths),
        plans,
    )
    issues.extend(run_checks(catalogue))
    ok = complete and not any(i.severity is Severity.ERROR for i in issues)
    return (catalogue if ok else None), sort_issues(issues)


def _required(root: Path, rel: Path, model: type[M], issues: list[Issue]) -> Entry[M] | None:
    path = root / rel
    if not path.is_file():
        issues.append(
            Issue(rel.as_posix(), 0, 0, "file-missing", "", f"Thiếu tệp bắt buộc {rel.as_posix()}.")
        )
        return None
    return _read(root, path, model, path.stem, issues)
