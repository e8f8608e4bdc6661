"""Cross-record rules, references: fields, levels, offices, related codes, form and logo files."""

from __future__ import annotations

from collections.abc import Iterator

from generator.catalogue import Catalogue, ProcedureEntry
from generator.issues import Issue, Severity
from generator.load.files import FORM_FILES, LOGO_FILE, check_reference
from generator.model.types import LEVEL_LABELS

WARN = Severity.WARNING


def _level_issues(entry: ProcedureEntry, levels: tuple[str, ...]) -> Iterator[Issue]:
    model = entry.model
    historical = model.status.effective_to is not None
    if model.level == "huyen" and not historical:
        yield entry.issue(
            "level-historical",
            ("level",),
            "Cấp huyện không còn từ 01/07/2025; chỉ dùng «huyen» cho thủ tục đã có «status.effective_to».",
            severity=WARN,
        )
    if model.level not in levels and not (model.level == "huyen" and historical):
        allowed = ", ".join(f"{lv} ({LEVEL_LABELS[lv]})" for lv in levels)
        yield entry.issue(
            "unknown-level",
            ("level",),
            f"Cấp «{model.level}» không có trong content/site.yaml (levels). Chọn: {allowed}.",
        )


def check_references(cat: Catalogue) -> Iterator[Issue]:
    """Every field, level and office a procedure names must exist."""
    for entry in cat.procedures:
        model = entry.model
        if model.field not in cat.field_by_slug:
            known = ", ".join(cat.field_by_slug)
            yield entry.issue(
                "unknown-field",
                ("field",),
                f"Lĩnh vực «{model.field}» không có trong content/fields.yaml. Các lĩnh vực: {known}.",
            )
        yield from _level_issues(entry, tuple(cat.site.model.levels))
        for i, office in enumerate(model.offices):
            if office not in cat.office_files:
                yield entry.issue(
                    "unknown-office",
                    ("offices", i),
                    f"Không có cơ quan «{office}» trong content/offices/ (cần tệp {office}.yaml). "
                    f"Các cơ quan: {', '.join(cat.offices) or 'chưa có'}.",
                )
    default = cat.site.model.default_office
    if default is not None and default not in cat.office_files:
        yield cat.site.issue(
            "unknown-office", ("default_office",), f"Không có cơ quan «{default}» trong content/offices/."
        )


def check_field_slugs(cat: Catalogue) -> Iterator[Issue]:
    """Field slugs in the taxonomy are unique."""
    seen: set[str] = set()
    for i, item in enumerate(cat.fields.model.fields):
        if item.slug in seen:
            yield cat.fields.issue(
                "duplicate-slug", ("fields", i, "slug"), f"Mã lĩnh vực «{item.slug}» bị lặp lại."
            )
        seen.add(item.slug)


def check_forms(cat: Catalogue) -> Iterator[Issue]:
    """Form files named in documents are real files of an allowed type inside content/forms/."""
    for entry in cat.procedures:
        for i, case in enumerate(entry.model.documents):
            for j, doc in enumerate(case.items):
                if doc.form is None or doc.form.file is None:
                    continue
                _, problem = check_reference(cat.root, doc.form.file, FORM_FILES)
                if problem is not None:
                    message = problem.message
                    if problem.code == "form-file-missing":
                        message = (
                            f"Không tìm thấy tệp mẫu «{doc.form.file}». Đường dẫn tính từ thư mục gốc, ví dụ "
                            "content/forms/to-khai.pdf; hoặc bỏ «file» và chỉ ghi «code»."
                        )
                    yield entry.issue(problem.code, ("documents", i, "items", j, "form", "file"), message)


def check_related(cat: Catalogue) -> Iterator[Issue]:
    """Related procedures are in the catalogue."""
    codes = {p.model.code for p in cat.procedures}
    for entry in cat.procedures:
        for i, code in enumerate(entry.model.related):
            if code not in codes or code == entry.model.code:
                yield entry.issue(
                    "related-unknown",
                    ("related", i),
                    f"Thủ tục liên quan {code} không có trong danh mục (hoặc là chính thủ tục này).",
                    severity=WARN,
                )


def check_site_files(cat: Catalogue) -> Iterator[Issue]:
    """A publisher logo, when set, is a PNG or JPEG file inside content/ (SVG is refused: see docs)."""
    logo = cat.site.model.publisher.logo
    if logo is None:
        return
    _, problem = check_reference(cat.root, logo, LOGO_FILE)
    if problem is not None:
        message = problem.message
        if problem.code == "form-file-missing":
            message = f"Không tìm thấy tệp biểu trưng «{logo}»."
        elif problem.code == "file-type":
            message += " Biểu trưng SVG không được nhận (có thể tải tài nguyên từ ngoài); hãy xuất ra PNG."
        yield cat.site.issue(problem.code, ("publisher", "logo"), message)
