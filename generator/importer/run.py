"""Import, run: records → mapped → merged → staged, validated files → swapped into the tree at once.

Nothing is written until every record has been mapped and every staged file has been read back by
the project's own loader and model: a failed import leaves the content tree exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ContentError
from generator.importer.emit import emit, read_comments
from generator.importer.mapping import Mapped, Settings, map_record
from generator.importer.merge import merge, previous_of
from generator.importer.pool import map_files
from generator.importer.records import RecordProblem, read_records, record_files
from generator.importer.target import STATE_FILE, Existing, Target, previous_from, read_target
from generator.importer.text import slugify
from generator.issues import Issue, Severity, display_path
from generator.load import MAX_FILE_BYTES, load_yaml
from generator.model import Procedure
from generator.schema import modeline
from generator.validate import validate_model

PROCEDURES = Path("procedures")


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    review: Counter[str] = field(default_factory=Counter)
    gone: list[str] = field(default_factory=list)
    """Procedures imported before that the source folder no longer has (reported, not deleted)."""
    skipped: list[str] = field(default_factory=list)
    """Procedures whose file an editor deleted after an earlier import (not re-created)."""


@dataclass(frozen=True)
class _Planned:
    mapped: Mapped
    target: Path
    text: str
    notes: tuple[str, ...]
    """The top-level key of each review note the written file carries."""


def _problem_issue(problem: RecordProblem) -> Issue:
    return Issue(problem.where, 0, 0, "import-record", problem.path, problem.message)


def _map_file(job: tuple[Path, str, Settings]) -> tuple[list[tuple[Mapped, str]], list[Issue]]:
    """Map every record of one JSON file (run in a worker): (mapped, where) pairs and problems."""
    path, shown, settings = job
    mapped: list[tuple[Mapped, str]] = []
    problems: list[Issue] = []
    try:
        for record in read_records(path, shown):
            try:
                mapped.append((map_record(record, settings), record.where))
            except RecordProblem as problem:
                problems.append(_problem_issue(problem))
    except RecordProblem as problem:
        problems.append(_problem_issue(problem))
    return mapped, problems


def _map_all(source: Path, tree: Target) -> tuple[list[tuple[Mapped, Path]], list[Issue]]:
    """Map every record of every file; one issue per unusable record, duplicate codes refused."""
    files = record_files(source)
    results = map_files(_map_file, [(path, display_path(path, tree.root), tree.settings) for path in files])
    mapped: list[tuple[Mapped, Path]] = []
    problems: list[Issue] = []
    seen: dict[str, str] = {}
    for path, (items, found) in zip(files, results, strict=True):
        problems.extend(found)
        for item, where in items:
            if item.code in seen:
                message = f"mã {item.code} đã có trong {seen[item.code]}; mỗi mã chỉ nhập một lần"
                problems.append(Issue(where, 0, 0, "import-duplicate", "code", message))
                continue
            seen[item.code] = where
            mapped.append((item, path))
    if not files:
        problems.append(Issue(str(source), 0, 0, "import-record", "", "không có tệp .json nào để nhập"))
    return mapped, problems


def _target(item: Mapped, tree: Target, planned: set[str]) -> Path | None:
    """Where a record goes: its existing file, else a new file named by its name, whose stem (the
    page slug) no other procedure uses; the code is appended when the name's slug is taken."""
    if item.code in tree.existing:
        path: Path = tree.existing[item.code].path
        return path
    if item.code in tree.state:
        return None  # imported before, then deleted by an editor: not re-created
    base = slugify(str(item.values["name"]).removeprefix("Thủ tục ").removeprefix("thủ tục ")) or "thu-tuc"
    folder = tree.root / PROCEDURES / str(item.values["field"])
    for stem in (base, f"{base}-{item.code.replace('.', '-')}"):
        if stem not in tree.taken and stem not in planned:
            planned.add(stem)
            return folder / f"{stem}.yaml"
    raise AssertionError("a code-suffixed file name is unique")  # codes are unique in one import


def _read_on(path: Path, read_on: dt.date | None) -> dt.date:
    if read_on is not None:
        return read_on
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date()


def _plan(item: Mapped, path: Path, target: Path, tree: Target, read_on: dt.date | None) -> _Planned:
    existing = tree.existing.get(item.code)
    record = f"Cổng Dịch vụ công quốc gia, mã {item.code}" + (
        f", bản ghi {item.record_id}" if item.record_id else ""
    )
    source = {
        "url": tree.portal_template.replace("{code}", item.code),
        "checked_on": _read_on(path, read_on).isoformat(),
        "record": record,
    }
    data = merge(
        item, existing.data if existing else None, previous_from(tree.state, item.code), source, tree.offices
    )
    text = _text_for(data, existing) if existing else None
    if text is None:
        comments = read_comments(existing.text) if existing else {}
        text = emit(data, modeline=modeline(tree.root, target, "procedure"), comments=comments)
    notes = data["source"].get("needs_review") or []
    kinds = tuple(
        str(n.get("field", "")).split(".")[0].split("[")[0] if isinstance(n, dict) else "?" for n in notes
    )
    return _Planned(item, target, text, kinds)


_CHECKED_ON = re.compile(r"^  checked_on: *(\S+) *$", re.MULTILINE)


def _without_date(data: dict[str, Any]) -> dict[str, Any]:
    source = data.get("source")
    if not isinstance(source, dict):
        return data
    return {**data, "source": {k: v for k, v in source.items() if k != "checked_on"}}


def _text_for(data: dict[str, Any], existing: Existing) -> str | None:
    """The editor's own text when the merge changes nothing but the read date (kept byte for byte
    but that date: their layout and every comment survive); None when the file must be rewritten."""
    if data == existing.data:
        return existing.text
    dates = _CHECKED_ON.findall(existing.text)
    if _without_date(data) != _without_date(existing.data) or len(dates) != 1:
        return None
    new = str(data["source"]["checked_on"])
    return _CHECKED_ON.sub(f"  checked_on: {new}", existing.text)


def _check_file(job: tuple[Path, str, str]) -> list[Issue]:
    """Errors the project's loader and model find in one staged file (run in a worker)."""
    path, shown, code = job
    if path.stat().st_size > MAX_FILE_BYTES:
        return [Issue(shown, 0, 0, "import-too-large", "", f"thủ tục {code} quá lớn cho một tệp")]
    loaded, issues = load_yaml(path, shown)
    if loaded is not None:
        issues = [*issues, *validate_model(loaded, Procedure)[1]]
    return [
        Issue(shown, i.line, i.column, i.code, i.field, f"mã {code}: {i.message}", i.severity)
        for i in issues
        if i.severity is Severity.ERROR
    ]


def _validate_staged(staged: Path, planned: list[_Planned], tree: Target, changed: set[Path]) -> list[Issue]:
    """Read every new or changed staged file back with the project's loader and model (as ``check``)."""
    jobs = []
    for plan in planned:
        rel = plan.target.relative_to(tree.root)
        if rel in changed:
            jobs.append((staged / rel, rel.as_posix(), plan.mapped.code))
    return [issue for found in map_files(_check_file, jobs) for issue in found]


def _state_text(tree: Target, planned: list[_Planned]) -> str:
    records = dict(tree.state)
    for plan in planned:
        previous = previous_of(plan.mapped)
        records[plan.mapped.code] = {
            "file": plan.target.relative_to(tree.root).as_posix(),
            "keys": dict(sorted(previous.keys.items())),
            "fees": sorted(previous.fees),
        }
    body = {
        "note": "Ghi bởi «python -m generator import dvcqg»; không sửa tay.",
        "records": dict(sorted(records.items())),
    }
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def _swap(staged: Path, changed: list[Path], root: Path) -> None:
    for rel in changed:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged / rel, target)


def _stage(tree: Target, planned: list[_Planned], staged: Path) -> list[Path]:
    changed: list[Path] = []
    for plan in planned:
        existing = tree.existing.get(plan.mapped.code)
        if existing is not None and existing.path == plan.target and existing.text == plan.text:
            continue
        rel = plan.target.relative_to(tree.root)
        (staged / rel).parent.mkdir(parents=True, exist_ok=True)
        (staged / rel).write_text(plan.text, encoding="utf-8")
        changed.append(rel)
    state = _state_text(tree, planned)
    current = tree.root / STATE_FILE
    if not current.is_file() or current.read_text(encoding="utf-8") != state:
        (staged / STATE_FILE).parent.mkdir(parents=True, exist_ok=True)
        (staged / STATE_FILE).write_text(state, encoding="utf-8")
        changed.append(STATE_FILE)
    return changed


def _report(tree: Target, planned: list[_Planned], changed: list[Path], report: ImportReport) -> None:
    changed_set = set(changed)
    for plan in planned:
        rel = plan.target.relative_to(tree.root)
        if rel not in changed_set:
            report.unchanged += 1
        else:
            (report.updated if plan.target.is_file() else report.created).append(rel.as_posix())
        report.review.update(plan.notes)


def _gone(tree: Target, imported: set[str]) -> list[str]:
    """Procedures an earlier import wrote, still on disk, that the source folder no longer has."""
    return sorted(
        f"{code} ({entry.get('file', '')})"
        for code, entry in tree.state.items()
        if code not in imported
        and isinstance(entry, dict)
        and (tree.root / str(entry.get("file", ""))).is_file()
    )


def run_import(
    source: Path,
    root: Path,
    *,
    office: str | None = None,
    field_map: Path | None = None,
    read_on: dt.date | None = None,
) -> ImportReport:
    """Import every record of ``source`` (a JSON file or a folder) into the tree at ``root``.

    Raises:
        ContentError: with one located issue per problem; nothing has been written.
    """
    tree = read_target(root, office, field_map)
    mapped, problems = _map_all(source, tree)
    if problems:
        raise ContentError(problems)
    report = ImportReport()
    planned: list[_Planned] = []
    stems: set[str] = set()
    for item, path in mapped:
        target = _target(item, tree, stems)
        if target is None:
            report.skipped.append(f"{item.code} ({tree.state[item.code].get('file', '')})")
            continue
        planned.append(_plan(item, path, target, tree, read_on))
    staged = Path(tempfile.mkdtemp(prefix=".import-", dir=root))
    try:
        changed = _stage(tree, planned, staged)
        problems = _validate_staged(staged, planned, tree, set(changed))
        if problems:
            raise ContentError(problems)
        _report(tree, planned, changed, report)
        _swap(staged, changed, root)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    if source.is_dir():
        report.gone = _gone(tree, {item.code for item, _ in mapped})
    return report
