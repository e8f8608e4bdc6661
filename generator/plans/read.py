"""Stage 2 (plans): read every ``content/plans/<id>/`` folder into validated :class:`PlanEntry` records.

Each folder holds ``plan.yaml`` (strict loader + :class:`~generator.plans.model.Plan`), the WGS84
GeoJSON it names and the original documents. Every file a plan names must lie inside its own
folder (no absolute paths, no ``..``, no symbolic links) and every document's SHA-256 must match.
The cross-checks (codes, geometry, deadlines…) live in :mod:`generator.plans.checks`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.issues import Issue, Severity, display_path
from generator.load import PathKey, SourceFile, format_path, load_yaml, source_of
from generator.load.files import PLAN_DOCUMENTS, check_kind, check_regular, inside
from generator.plans.geojson import GeoFile, load_geojson
from generator.plans.model import Plan
from generator.validate import validate_model

PLANS_DIR = Path("content/plans")
PLAN_FILE = "plan.yaml"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class PlanEntry:
    """A validated plan: its id (folder name), model, YAML source, folder and parsed GeoJSON."""

    slug: str
    model: Plan
    file: SourceFile
    folder: Path
    geo: GeoFile

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
        """An issue placed at ``path`` inside plan.yaml."""
        line, column = self.file.locate(path, key=on_key)
        return Issue(self.file.display, line, column, code, format_path(path), message, severity, dated)


def resolve_inside(folder: Path, name: str) -> Path | None:
    """The file ``name`` inside ``folder``, or None when it would leave the folder.

    Refused: absolute paths, ``..`` parts, backslashes, and any symbolic link on the way (a link
    could point anywhere on the build machine).
    """
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or "\\" in name or not pure.parts:
        return None
    probe = folder
    for part in pure.parts:
        probe = probe / part
        if probe.is_symlink():
            return None
    resolved = probe.resolve()
    return resolved if resolved.is_relative_to(folder.resolve()) else None


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, in lower-case hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _file_issue(
    entry_file: SourceFile, path: PathKey, folder: Path, name: str
) -> tuple[Path | None, Issue | None]:
    target = resolve_inside(folder, name)
    if target is None:
        line, column = entry_file.locate(path)
        message = (
            f"Tệp «{name}» phải nằm trong thư mục của kế hoạch: ghi đường dẫn tương đối như "
            "«tai-lieu/qd.pdf», không dùng «..», đường dẫn tuyệt đối hay liên kết tượng trưng."
        )
        return None, Issue(entry_file.display, line, column, "plan-file-outside", format_path(path), message)
    problem = check_regular(target, max_bytes=PLAN_DOCUMENTS.max_bytes, what=PLAN_DOCUMENTS.what)
    if problem is None and path[0] == "documents":
        problem = check_kind(target, name, PLAN_DOCUMENTS)
    if problem is not None:
        line, column = entry_file.locate(path)
        code, message = problem.code, problem.message
        if code == "form-file-missing":
            code, message = "plan-file-missing", f"Không tìm thấy tệp «{name}» trong thư mục kế hoạch."
        return None, Issue(entry_file.display, line, column, code, format_path(path), message)
    return target, None


def check_documents(plan: Plan, source: SourceFile, folder: Path) -> list[Issue]:
    """Every document exists inside the folder and matches its SHA-256."""
    issues = []
    for i, doc in enumerate(plan.documents):
        target, problem = _file_issue(source, ("documents", i, "file"), folder, doc.file)
        if problem is not None:
            issues.append(problem)
            continue
        assert target is not None
        actual = sha256_of(target)
        if actual != doc.sha256:
            line, column = source.locate(("documents", i, "sha256"))
            message = (
                f"Mã băm không khớp: tệp «{doc.file}» có SHA-256 {actual}. Nếu tệp được thay đúng, hãy "
                "cập nhật «sha256»; nếu không, hãy lấy lại tệp gốc."
            )
            issues.append(
                Issue(source.display, line, column, "plan-hash-mismatch", f"documents[{i}].sha256", message)
            )
    return issues


def _read_one(root: Path, folder: Path, issues: list[Issue]) -> PlanEntry | None:
    display = display_path(folder / PLAN_FILE, root)
    if not _SLUG.match(folder.name):
        issues.append(
            Issue(
                display,
                1,
                1,
                "file-name-invalid",
                "",
                f"Tên thư mục kế hoạch «{folder.name}» phải viết thường, không dấu, nối bằng gạch ngang, "
                "ví dụ khsdd-2026-xa-tan-hung.",
            )
        )
    loaded, found = load_yaml(folder / PLAN_FILE, display)
    issues.extend(found)
    if loaded is None:
        return None
    plan, found = validate_model(loaded, Plan)
    issues.extend(found)
    if plan is None:
        return None
    issues.extend(check_documents(plan, source_of(loaded), folder))
    target, problem = _file_issue(source_of(loaded), ("geodata", "file"), folder, plan.geodata.file)
    if problem is not None:
        issues.append(problem)
        return None
    assert target is not None
    geo, found = load_geojson(target, display_path(target, root))
    issues.extend(found)
    if geo is None:
        return None
    return PlanEntry(folder.name, plan, source_of(loaded), folder, geo)


def read_plans(root: Path, as_of: dt.date) -> tuple[tuple[PlanEntry, ...], list[Issue], bool]:
    """Read every plan folder; return the entries, the issues, and whether all were read.

    The cross-record plan rules (:func:`generator.plans.checks.run_plan_checks`) run afterwards,
    in :func:`generator.reading.read_catalogue`.
    """
    issues: list[Issue] = []
    base = root / PLANS_DIR
    folders = sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
    entries = []
    for folder in folders:
        if folder.is_symlink() or not inside(folder, base):
            rel = display_path(folder / PLAN_FILE, root)
            message = "Thư mục kế hoạch là liên kết tượng trưng; hãy đặt chính các tệp vào content/plans/."
            issues.append(Issue(rel, 0, 0, "plan-file-outside", "", message))
            continue
        if (folder / PLAN_FILE).is_symlink() or not (folder / PLAN_FILE).is_file():
            rel = display_path(folder / PLAN_FILE, root)
            issues.append(Issue(rel, 0, 0, "file-missing", "", f"Thư mục kế hoạch thiếu tệp {PLAN_FILE}."))
            continue
        entry = _read_one(root, folder, issues)
        if entry is not None:
            entries.append(entry)
    return tuple(entries), issues, len(entries) == len(folders)
