"""Cross-record rules, identity: unique slugs and unique national codes (by validity window)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from generator.catalogue import Catalogue, ProcedureEntry
from generator.issues import Issue, Severity
from generator.model import Procedure

WARN = Severity.WARNING


def check_unique_slugs(cat: Catalogue) -> Iterator[Issue]:
    """Two procedures must never share a page address."""
    seen: dict[str, ProcedureEntry] = {}
    for entry in cat.procedures:
        first = seen.setdefault(entry.slug, entry)
        if first is not entry:
            yield entry.issue(
                "duplicate-slug",
                ("slug",) if entry.model.slug else (),
                f"Đường dẫn «{entry.slug}» đã dùng cho {first.file.display}; hãy đổi «slug» hoặc tên tệp.",
            )


def windows_overlap(
    a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]
) -> bool:
    """Whether two (from, to) windows share a day; a missing end is open."""
    return (a[0] or dt.date.min) <= (b[1] or dt.date.max) and (b[0] or dt.date.min) <= (a[1] or dt.date.max)


def _windows_overlap(a: Procedure, b: Procedure) -> bool:
    return windows_overlap(
        (a.status.effective_from, a.status.effective_to), (b.status.effective_from, b.status.effective_to)
    )


def check_unique_codes(cat: Catalogue) -> Iterator[Issue]:
    """A code names one procedure at a time (an old version may share it if the dates do not overlap).

    Both files of a clash are reported, each naming the other, since either may be the copy.
    """
    by_code: dict[str, list[ProcedureEntry]] = defaultdict(list)
    for entry in cat.procedures:
        if entry.model.code:
            by_code[entry.model.code].append(entry)
    for code, entries in by_code.items():
        for entry in entries:
            other = next(
                (o for o in entries if o is not entry and _windows_overlap(entry.model, o.model)), None
            )
            if other is not None:
                yield entry.issue(
                    "duplicate-code",
                    ("code",),
                    f"Mã {code} đã dùng trong {other.file.display}. Mỗi mã chỉ một thủ tục; nếu đây là "
                    "phiên bản mới, hãy đặt «status.effective_to» cho bản cũ.",
                )


def check_offices_listed_once(cat: Catalogue) -> Iterator[Issue]:
    """An office appears once in a procedure's ``offices`` (twice would print two posters, two boxes)."""
    for entry in cat.procedures:
        seen: set[str] = set()
        for i, office in enumerate(entry.model.offices):
            if office in seen:
                yield entry.issue(
                    "office-duplicate",
                    ("offices", i),
                    f"Cơ quan «{office}» đã có trong danh sách «offices»; hãy xoá dòng lặp lại.",
                )
            seen.add(office)


def check_procedure_folders(cat: Catalogue) -> Iterator[Issue]:
    """A procedure file lives in ``procedures/<field>/``, the folder of the field it names.

    A repository that keeps every procedure directly in ``procedures/`` (a small, flat catalogue
    such as the test fixtures) is one layout; once any file sits in a field folder, every file must.
    """
    base = cat.root / "procedures"
    placed = [
        (entry, entry.file.path.relative_to(base).parts)
        for entry in cat.procedures
        if entry.file.path.is_relative_to(base)
    ]
    if all(len(parts) == 1 for _, parts in placed):
        return
    for entry, parts in placed:
        if parts[:-1] != (entry.model.field,):
            yield entry.issue(
                "procedure-folder",
                (),
                f"Tệp thủ tục phải nằm trong thư mục của lĩnh vực: procedures/{entry.model.field}/"
                f"{parts[-1]} (đang ở {entry.file.display}). Hãy chuyển tệp, hoặc sửa «field».",
                severity=WARN,
            )
