"""Import, target: what an import reads from the content tree before mapping anything.

Site settings and fields (to map levels and categories), the optional field map, the procedure
files already there (to merge into, found by code) and the fingerprints of the previous import.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ContentError
from generator.importer.mapping import Settings, field_lookup
from generator.importer.merge import Previous
from generator.importer.pool import map_files
from generator.issues import Issue, display_path
from generator.load import load_yaml
from generator.model import FieldList, Site
from generator.reading import FIELDS_FILE, OFFICES_DIR, PROCEDURES_DIR, SITE_FILE
from generator.validate import validate_model

STATE_FILE = Path("content/imports/dvcqg.json")
"""Fingerprints of what each import wrote, by procedure code (written by ``import``; not for editing)."""

DEFAULT_PORTAL = "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc={code}"


@dataclass(frozen=True)
class Existing:
    """A procedure file already in the tree: its data and text (for comments)."""

    path: Path
    data: dict[str, Any]
    text: str


@dataclass(frozen=True)
class Target:
    """Everything an import needs from the content tree."""

    root: Path
    settings: Settings
    portal_template: str
    offices: list[str]
    existing: dict[str, Existing]
    """By procedure code."""
    taken: set[str]
    """Every page slug in use (file stems and ``slug:`` values): a new file never shares one."""
    state: dict[str, Any]


def _issue(root: Path, path: Path, code: str, message: str) -> Issue:
    return Issue(display_path(path, root), 1, 1, code, "", message)


def _read_model(root: Path, rel: Path, model: type[Site] | type[FieldList]) -> Any:
    path = root / rel
    loaded, issues = load_yaml(path, rel.as_posix())
    if loaded is None:
        raise ContentError(issues or [_issue(root, path, "file-missing", f"Thiếu tệp {rel.as_posix()}.")])
    record, issues = validate_model(loaded, model)
    if record is None:
        raise ContentError(issues)
    return record


def _field_map(root: Path, path: Path | None, slugs: set[str]) -> dict[str, str]:
    if path is None:
        return {}
    loaded, issues = load_yaml(path, display_path(path, root))
    if loaded is None:
        raise ContentError(issues)
    problems = [
        Issue(
            loaded.display,
            *loaded.locate((key,)),
            "import-field-map",
            key,
            f"«{value}» không có trong content/fields.yaml.",
        )
        for key, value in loaded.data.items()
        if not isinstance(value, str) or value not in slugs
    ]
    if problems:
        raise ContentError(problems)
    return {str(key): str(value) for key, value in loaded.data.items()}


def _load_existing(job: tuple[Path, str]) -> tuple[dict[str, Any] | None, list[Issue]]:
    path, shown = job
    loaded, issues = load_yaml(path, shown)
    return (loaded.data if loaded is not None else None), issues


def _existing(root: Path) -> tuple[dict[str, Existing], set[str]]:
    """The procedure files already there, by code, and every page slug in use."""
    paths = sorted((root / PROCEDURES_DIR).rglob("*.yaml"))
    results = map_files(_load_existing, [(path, display_path(path, root)) for path in paths])
    found: dict[str, Existing] = {}
    taken: set[str] = {path.stem for path in paths}
    problems: list[Issue] = []
    for path, (data, issues) in zip(paths, results, strict=True):
        if data is None:
            problems.extend(issues)
            continue
        if isinstance(data.get("slug"), str):
            taken.add(data["slug"])
        code = data.get("code")
        if isinstance(code, str) and code and _in_force(data):
            found.setdefault(code, Existing(path, data, path.read_text(encoding="utf-8")))
    if problems:
        raise ContentError(problems)
    return found, taken


def _in_force(data: dict[str, Any]) -> bool:
    """A file without an end date (an older version of the same code is never merged into)."""
    status = data.get("status")
    return not (isinstance(status, dict) and status.get("effective_to"))


def _state(root: Path) -> dict[str, Any]:
    path = root / STATE_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ContentError(
            [_issue(root, path, "import-state", f"Không đọc được tệp trạng thái nhập ({exc}).")]
        ) from exc
    records = data.get("records") if isinstance(data, dict) else None
    return records if isinstance(records, dict) else {}


def previous_from(state: dict[str, Any], code: str) -> Previous | None:
    """The fingerprints the last import left for ``code``."""
    entry = state.get(code)
    if not isinstance(entry, dict) or not isinstance(entry.get("keys"), dict):
        return None
    return Previous(dict(entry["keys"]), frozenset(entry.get("fees") or ()))


def read_target(root: Path, office: str | None, field_map: Path | None) -> Target:
    """Read the content tree; raises ContentError (located issues) when it cannot be used."""
    site: Site = _read_model(root, SITE_FILE, Site)
    fields: FieldList = _read_model(root, FIELDS_FILE, FieldList)
    slugs = {f.slug for f in fields.fields}
    lookup = field_lookup([(f.slug, f.name) for f in fields.fields], _field_map(root, field_map, slugs))
    chosen = office or site.default_office
    if chosen is None or not (root / OFFICES_DIR / f"{chosen}.yaml").is_file():
        shown = chosen or "(chưa chọn)"
        raise ContentError(
            [
                Issue(
                    "",
                    0,
                    0,
                    "import-office",
                    "",
                    f"Không có cơ quan «{shown}» trong content/offices/; hãy chọn bằng --office.",
                )
            ]
        )
    existing, taken = _existing(root)
    return Target(
        root,
        Settings(site.levels, lookup),
        str(site.portal_url_template or DEFAULT_PORTAL),
        [chosen],
        existing,
        taken,
        _state(root),
    )
