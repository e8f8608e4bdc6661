"""Stage 2, read the whole catalogue: every content file loaded, validated, and checked together.

``read_catalogue(root, as_of)`` is the entry point every other stage uses; it returns the typed
catalogue (:mod:`generator.catalogue`, or None when a file could not be understood) and every
issue found in one run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from pydantic import BaseModel

from generator.catalogue import Catalogue, Entry, OfficeEntry, ProcedureEntry
from generator.checks import run_checks
from generator.core.collector import without_collector
from generator.issues import Issue, Severity, display_path, sort_issues
from generator.load import load_yaml, source_of
from generator.load.files import FORM_FILES, inside
from generator.load.pages import case_clashes, check_pages
from generator.model import FieldList, Office, Procedure, Site
from generator.plans.checks import check_plan_offices, run_plan_checks
from generator.plans.read import read_plans
from generator.validate import validate_model

M = TypeVar("M", bound=BaseModel)

SITE_FILE = Path("content/site.yaml")
FIELDS_FILE = Path("content/fields.yaml")
OFFICES_DIR = Path("content/offices")
PROCEDURES_DIR = Path("procedures")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _read(root: Path, path: Path, model: type[M], slug: str, issues: list[Issue]) -> Entry[M] | None:
    loaded, found = load_yaml(path, display_path(path, root))
    issues.extend(found)
    if loaded is None:
        return None
    record, found = validate_model(loaded, model)
    issues.extend(found)
    return None if record is None else Entry(slug, record, source_of(loaded))


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


def outside_issue(path: Path, root: Path, folder: Path) -> Issue | None:
    """A located error when ``path`` (a symbolic link, say) resolves outside ``folder`` or the repository."""
    if inside(path, folder) and inside(folder, root):
        return None
    rel = display_path(folder, root)
    return Issue(
        display_path(path, root),
        1,
        1,
        "file-outside",
        "",
        f"Tệp này là liên kết tượng trưng (hoặc nằm trong thư mục liên kết) trỏ ra ngoài thư mục {rel}/ "
        "của kho; hãy thay bằng chính tệp nội dung.",
    )


def _content_files(folder: Path, root: Path, issues: list[Issue]) -> list[Path]:
    if not folder.is_dir():
        return []
    if (problem := outside_issue(folder, root, folder.parent)) is not None:
        issues.append(problem)
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
    found = []
    real_folder = Path(os.path.realpath(folder))  # once: the folder itself was checked above
    for path in sorted(folder.rglob("*.yaml")):
        if Path(os.path.realpath(path)).is_relative_to(real_folder):
            found.append(path)
        elif (problem := outside_issue(path, root, folder)) is not None:
            issues.append(problem)
    return found


def _read_procedures(root: Path, issues: list[Issue]) -> tuple[list[ProcedureEntry], bool]:
    """Every procedure file, and whether every one of them could be read into a model."""
    procedures, complete = [], True
    for path in _content_files(root / PROCEDURES_DIR, root, issues):
        proc = _read(root, path, Procedure, "", issues)
        if proc is None:
            complete = False
            continue
        file_slug = _slug_of(path, root, issues)  # the file-name rule holds even when «slug:» is set
        slug = proc.model.slug or file_slug
        complete = complete and _SLUG.match(file_slug) is not None
        procedures.append(Entry(slug, proc.model, proc.file))
    return procedures, complete


def _name_clashes(root: Path) -> list[Issue]:
    """Content files whose names differ only in case (procedures, offices, forms)."""
    folders = [root / folder for folder in (PROCEDURES_DIR, OFFICES_DIR, Path(FORM_FILES.folder))]
    return case_clashes(root, [path for folder in folders if folder.is_dir() for path in folder.rglob("*")])


@without_collector
def read_catalogue(root: Path, as_of: dt.date) -> tuple[Catalogue | None, list[Issue]]:
    """Load, validate and cross-check every content file under ``root``.

    Returns the catalogue (None when any file could not be read into a model) and every issue,
    sorted by file and line.
    """
    issues: list[Issue] = []
    site = _required(root, SITE_FILE, Site, issues)
    fields = _required(root, FIELDS_FILE, FieldList, issues)
    offices: dict[str, OfficeEntry] = {}
    office_paths = _content_files(root / OFFICES_DIR, root, issues)
    for path in office_paths:
        entry = _read(root, path, Office, _slug_of(path, root, issues), issues)
        if entry is not None:
            offices[entry.slug] = entry
    procedures, read_all = _read_procedures(root, issues)
    issues += check_pages(root) + _name_clashes(root)
    plans, plan_issues, plans_read = read_plans(root, as_of)
    issues += plan_issues + run_plan_checks(plans, as_of)
    issues += check_plan_offices(plans, frozenset(path.stem for path in office_paths))
    complete = read_all and plans_read and len(offices) == len(office_paths)
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
    problem = outside_issue(path, root, path.parent)
    if problem is not None:
        issues.append(problem)
        return None
    if not path.is_file():
        issues.append(
            Issue(rel.as_posix(), 0, 0, "file-missing", "", f"Thiếu tệp bắt buộc {rel.as_posix()}.")
        )
        return None
    return _read(root, path, model, path.stem, issues)


def reread_procedure(previous: Catalogue, path: Path) -> tuple[Catalogue | None, list[Issue]]:
    """``previous`` with one procedure file read again (changed, added or deleted), and its issues.

    Only that file is loaded and validated; the cross-record rules run over the whole catalogue and
    the one-record rules over that record alone (``checks.RECORD_CHECKS``). The preview uses it:
    reading 2,000 files again for one save would take seconds. Like :func:`read_catalogue`, the
    catalogue is None when there is an error; ``path`` lies under ``previous.root / procedures``.
    """
    root = previous.root
    issues: list[Issue] = []
    display = display_path(path, root)
    kept = [entry for entry in previous.procedures if entry.file.display != display]
    fresh: list[ProcedureEntry] = []
    if path.exists() or path.is_symlink():
        if (problem := outside_issue(path, root, root / PROCEDURES_DIR)) is not None:
            return None, [problem]
        entry = _read(root, path, Procedure, "", issues)
        if entry is None:
            return None, sort_issues(issues)
        slug = entry.model.slug or _slug_of(path, root, issues)
        fresh.append(Entry(slug, entry.model, entry.file))
    procedures = tuple(sorted([*kept, *fresh], key=lambda entry: entry.file.path))
    catalogue = dataclasses.replace(previous, procedures=procedures)  # an empty memo: facts anew
    issues.extend(run_checks(catalogue, only=tuple(fresh)))
    ok = not any(i.severity is Severity.ERROR for i in issues)
    return (catalogue if ok else None), sort_issues(issues)
