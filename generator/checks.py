"""Stage 2b, cross-record rules: small functions that yield issues, registered in ``CHECKS``.

Each rule sees the whole catalogue. Rules never raise and never depend on the calendar unless
the issue they yield is marked ``dated`` (and those are warnings only).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.catalogue import Catalogue, ProcedureEntry
from generator.issues import Issue, Severity
from generator.model import Fee, Procedure, StepDuration
from generator.model.types import LEVEL_LABELS, UNIT_LABELS

WARN = Severity.WARNING

MANDATORY_PARTS: dict[str, str] = {
    "applicants": "Đối tượng thực hiện (applicants)",
    "authority": "Cơ quan giải quyết (authority)",
    "steps": "Trình tự thực hiện (steps)",
    "channels": "Cách thức thực hiện, thời hạn (channels)",
    "documents": "Thành phần, số lượng hồ sơ (documents)",
}
"""Decree 63/2010 Art. 8(2)(a–g); the name is required by the model itself."""

CONDITIONAL_PARTS: dict[str, str] = {
    "result": "Kết quả thực hiện (result)",
    "conditions": "Yêu cầu, điều kiện (conditions)",
}
"""Art. 8(2)(h): present, or declared not applicable, never silently blank."""

HOURS_PER_WORKING_DAY = 8


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


def _overlap(a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]) -> bool:
    """Whether two (from, to) windows share a day; a missing end is open."""
    return (a[0] or dt.date.min) <= (b[1] or dt.date.max) and (b[0] or dt.date.min) <= (a[1] or dt.date.max)


def _windows_overlap(a: Procedure, b: Procedure) -> bool:
    return _overlap(
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


def check_references(cat: Catalogue) -> Iterator[Issue]:
    """Every field, level and office a procedure names must exist."""
    levels = cat.site.model.levels
    for entry in cat.procedures:
        model = entry.model
        if model.field not in cat.field_by_slug:
            known = ", ".join(cat.field_by_slug)
            yield entry.issue(
                "unknown-field",
                ("field",),
                f"Lĩnh vực «{model.field}» không có trong content/fields.yaml. Các lĩnh vực: {known}.",
            )
        historical = model.status.effective_to is not None
        if model.level == "huyen" and not historical:
            yield entry.issue(
                "level-historical",
                ("level",),
                "Cấp huyện không còn từ 01/07/2025; chỉ dùng «huyen» cho thủ tục đã có "
                "«status.effective_to».",
                severity=WARN,
            )
        if model.level not in levels and not (model.level == "huyen" and historical):
            allowed = ", ".join(f"{lv} ({LEVEL_LABELS[lv]})" for lv in levels)
            yield entry.issue(
                "unknown-level",
                ("level",),
                f"Cấp «{model.level}» không có trong content/site.yaml (levels). Chọn: {allowed}.",
            )
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


def _is_filled(model: Procedure, part: str) -> bool:
    value = getattr(model, part)
    return value is not None and value != ()


def check_mandatory_parts(cat: Catalogue) -> Iterator[Issue]:
    """Decree 63/2010 Art. 8(2): mandatory parts present unless declared not applicable."""
    for entry in cat.procedures:
        model = entry.model
        historical = model.status.effective_to is not None
        for part, label in MANDATORY_PARTS.items():
            if not _is_filled(model, part) and part not in model.not_applicable:
                yield entry.issue(
                    "decree63-part-missing",
                    (part,),
                    f"Thiếu phần bắt buộc theo Nghị định 63/2010, Điều 8(2): {label}. Hãy bổ sung, hoặc "
                    f"ghi «{part}» vào «not_applicable» nếu thật sự không áp dụng.",
                    severity=WARN if historical else Severity.ERROR,
                )
        for part, label in CONDITIONAL_PARTS.items():
            if not _is_filled(model, part) and part not in model.not_applicable:
                yield entry.issue(
                    "conditional-part-empty",
                    (part,),
                    f"Phần «{label}» đang trống. Nếu không áp dụng, hãy ghi «{part}» vào «not_applicable».",
                    severity=WARN,
                )
        for i, part in enumerate(model.not_applicable):
            checked = part in MANDATORY_PARTS or part in CONDITIONAL_PARTS
            if checked and _is_filled(model, part):
                yield entry.issue(
                    "not-applicable-conflict",
                    ("not_applicable", i),
                    f"Phần «{part}» có nội dung nhưng lại được ghi là không áp dụng; hãy bỏ một trong hai.",
                )


def _to_hours(value: float, unit: str) -> float | None:
    if unit == "hour":
        return value
    if unit == "working_day":
        return value * HOURS_PER_WORKING_DAY
    return None


def _step_total(durations: list[StepDuration], unit: str) -> float | None:
    """Sum step durations in the unit of the channel, or None if they cannot be compared."""
    if unit in ("calendar_day", "month"):
        if all(d.unit == unit for d in durations):
            return sum(d.value or 0 for d in durations)
        return None
    hours = [_to_hours(d.value or 0, d.unit) for d in durations]
    if any(h is None for h in hours):
        return None
    total = sum(h for h in hours if h is not None)
    return total if unit == "hour" else total / HOURS_PER_WORKING_DAY


def check_step_durations(cat: Catalogue) -> Iterator[Issue]:
    """The steps' own durations never add up to more than a channel's processing time."""
    for entry in cat.procedures:
        durations = [s.duration for s in entry.model.steps if s.duration is not None]
        if not durations:
            continue
        for i, channel in enumerate(entry.model.channels):
            time = channel.time
            limit = 1.0 if time.unit == "within_day" else time.value
            unit = "working_day" if time.unit == "within_day" else time.unit
            total = _step_total(durations, unit)
            if limit is None or total is None or total <= limit + 1e-9:
                continue
            yield entry.issue(
                "step-time-exceeds",
                ("steps",),
                f"Tổng thời gian các bước ({total:g} {UNIT_LABELS[unit]}) vượt thời hạn giải quyết của "
                f"cách nộp channels[{i}] ({limit:g} {UNIT_LABELS[unit]}). Hãy sửa thời gian các bước "
                "hoặc thời hạn.",
            )


def check_times(cat: Catalogue) -> Iterator[Issue]:
    """Each processing time states its length (or is within the day); channels are not repeated."""
    for entry in cat.procedures:
        kinds: set[str] = set()
        for i, channel in enumerate(entry.model.channels):
            where = ("channels", i, "time")
            time = channel.time
            if channel.kind in kinds:
                yield entry.issue(
                    "channel-duplicate",
                    ("channels", i, "kind"),
                    f"Cách nộp «{channel.kind}» xuất hiện hai lần; hãy gộp các khoản phí vào một mục.",
                )
            kinds.add(channel.kind)
            if time.unit == "within_day" and time.value is not None:
                yield entry.issue(
                    "time-value-unexpected",
                    (*where, "value"),
                    "Đơn vị within_day (trong ngày) không cần «value»; hãy xoá «value» hoặc đổi đơn vị.",
                )
            if time.unit != "within_day" and time.value is None and not time.stages and time.text is None:
                yield entry.issue(
                    "time-value-missing",
                    where,
                    "Thiếu thời hạn: hãy ghi «value» (ví dụ 3), hoặc liệt kê «stages», hoặc ghi «text».",
                )


def check_online_level(cat: Catalogue) -> Iterator[Issue]:
    """The online level agrees with the channels offered."""
    for entry in cat.procedures:
        kinds = {c.kind for c in entry.model.channels}
        if entry.model.online != "khong" and entry.model.channels and "truc_tuyen" not in kinds:
            yield entry.issue(
                "online-channel-missing",
                ("online",),
                "Thủ tục có dịch vụ trực tuyến nhưng chưa có cách nộp «truc_tuyen» trong «channels».",
                severity=WARN,
            )
        if entry.model.online == "khong" and "truc_tuyen" in kinds:
            yield entry.issue(
                "online-level-mismatch",
                ("online",),
                "Có cách nộp trực tuyến nhưng «online» là khong; hãy chọn toan_trinh hoặc mot_phan.",
                severity=WARN,
            )


def check_fees(cat: Catalogue) -> Iterator[Issue]:
    """Fees say what is charged; a zero says why; validity windows are in order."""
    for entry in cat.procedures:
        for i, channel in enumerate(entry.model.channels):
            for j, fee in enumerate(channel.fees):
                where = ("channels", i, "fees", j)
                if fee.amount == 0 and not fee.exempt and fee.exemption is None:
                    yield entry.issue(
                        "fee-zero-unexplained",
                        (*where, "amount"),
                        "Số tiền 0 phải nói rõ lý do: thêm «exempt: true» và «exemption» (đối tượng, căn "
                        "cứ miễn), hoặc xoá khoản thu nếu không thu.",
                    )
                if fee.amount is None and fee.percent is None and fee.text is None and not fee.exempt:
                    yield entry.issue(
                        "fee-amount-missing",
                        where,
                        "Khoản thu chưa có mức thu: ghi «amount» (đồng), «percent» (%), «text» (mô tả), "
                        "hoặc «exempt: true».",
                    )
                if fee.amount is not None and fee.percent is not None:
                    yield entry.issue(
                        "fee-amount-conflict",
                        (*where, "percent"),
                        "Chỉ ghi một trong «amount» (số tiền) hoặc «percent» (tỷ lệ); "
                        "tách thành hai khoản nếu cần.",
                    )
                if fee.unit is not None and fee.amount is None:
                    yield entry.issue(
                        "fee-unit-without-amount",
                        (*where, "unit"),
                        "«unit» (tính theo) cần đi kèm «amount», ví dụ amount: 8000, unit: bản.",
                    )
                if fee.valid_from and fee.valid_to and fee.valid_from > fee.valid_to:
                    yield entry.issue(
                        "date-order",
                        (*where, "valid_to"),
                        "Ngày «valid_to» đứng trước «valid_from»; hãy kiểm tra lại hai ngày.",
                    )


def _fee_overlap(a: Fee, b: Fee) -> bool:
    return _overlap((a.valid_from, a.valid_to), (b.valid_from, b.valid_to))


def check_fee_windows(cat: Catalogue) -> Iterator[Issue]:
    """Dated versions of one fee do not overlap (else two amounts would apply on one day)."""
    for entry in cat.procedures:
        for i, channel in enumerate(entry.model.channels):
            for j, fee in enumerate(channel.fees):
                dated = [
                    k
                    for k, other in enumerate(channel.fees[:j])
                    if (other.type, other.name) == (fee.type, fee.name)
                    and (fee.valid_from or fee.valid_to or other.valid_from or other.valid_to)
                    and _fee_overlap(fee, other)
                ]
                if dated:
                    yield entry.issue(
                        "fee-window-overlap",
                        ("channels", i, "fees", j),
                        f"Khoản «{fee.name}» trùng thời gian áp dụng với fees[{dated[0]}]; hãy sửa "
                        "«valid_from»/«valid_to» để mỗi ngày chỉ một mức thu áp dụng.",
                        severity=WARN,
                    )


def check_status(cat: Catalogue) -> Iterator[Issue]:
    """Effective dates are coherent and a replacement exists."""
    keys = {p.model.code for p in cat.procedures if p.model.code} | {p.slug for p in cat.procedures}
    for entry in cat.procedures:
        status = entry.model.status
        if status.effective_from and status.effective_to and status.effective_from > status.effective_to:
            yield entry.issue(
                "date-order",
                ("status", "effective_to"),
                "Ngày hết hiệu lực («effective_to») đứng trước ngày có hiệu lực («effective_from»).",
            )
        target = status.replaced_by
        if target is not None and (target not in keys or target in (entry.slug, entry.model.code)):
            yield entry.issue(
                "replaced-by-unknown",
                ("status", "replaced_by"),
                f'Không tìm thấy thủ tục thay thế «{target}»: ghi mã (ví dụ "1.001193") hoặc tên tệp '
                "(không có .yaml) của một thủ tục khác trong procedures/.",
            )


def check_forms(cat: Catalogue) -> Iterator[Issue]:
    """Form files named in documents exist inside the repository."""
    root = cat.root.resolve()
    for entry in cat.procedures:
        for i, case in enumerate(entry.model.documents):
            for j, doc in enumerate(case.items):
                if doc.form is None or doc.form.file is None:
                    continue
                target = (root / doc.form.file).resolve()
                if root not in target.parents or not target.is_file():
                    yield entry.issue(
                        "form-file-missing",
                        ("documents", i, "items", j, "form", "file"),
                        f"Không tìm thấy tệp mẫu «{doc.form.file}». Đường dẫn tính từ thư mục gốc, ví dụ "
                        "content/forms/to-khai.pdf; hoặc bỏ «file» và chỉ ghi «code».",
                    )


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


def check_provenance(cat: Catalogue) -> Iterator[Issue]:
    """Codes are filled in from the official source, and sources are re-checked regularly."""
    limit = cat.site.model.stale_after_days
    for entry in cat.procedures:
        if entry.model.code is None:
            yield entry.issue(
                "code-missing",
                (),
                "Chưa có mã thủ tục. Hãy chép mã từ Cơ sở dữ liệu quốc gia về TTHC; không tự đặt mã.",
                severity=WARN,
            )
        source = entry.model.source
        if source is None:
            yield entry.issue(
                "source-missing", (), "Chưa ghi nguồn («source»: url và checked_on).", severity=WARN
            )
        elif (cat.as_of - source.checked_on).days > limit:
            yield entry.issue(
                "source-stale",
                ("source", "checked_on"),
                f"Nguồn được kiểm tra lần cuối ngày {source.checked_on:%d/%m/%Y}, đã quá {limit} ngày; "
                "hãy đối chiếu lại và cập nhật «checked_on».",
                severity=WARN,
                dated=True,
            )


def check_site_files(cat: Catalogue) -> Iterator[Issue]:
    """A publisher logo, when set, exists."""
    logo = cat.site.model.publisher.logo
    if logo is not None and not (cat.root / Path(logo)).is_file():
        yield cat.site.issue(
            "form-file-missing", ("publisher", "logo"), f"Không tìm thấy tệp biểu trưng «{logo}»."
        )


CHECKS: tuple[Callable[[Catalogue], Iterator[Issue]], ...] = (
    check_unique_slugs,
    check_unique_codes,
    check_references,
    check_field_slugs,
    check_mandatory_parts,
    check_step_durations,
    check_times,
    check_online_level,
    check_fees,
    check_fee_windows,
    check_status,
    check_forms,
    check_related,
    check_provenance,
    check_site_files,
)


def run_checks(cat: Catalogue) -> list[Issue]:
    """Run every registered rule over the catalogue."""
    return [issue for check in CHECKS for issue in check(cat)]
