"""Cross-record rules, provenance and status: dates in order, replacements, codes and sources."""

from __future__ import annotations

from collections.abc import Iterator

from generator.catalogue import Catalogue
from generator.issues import Issue, Severity

WARN = Severity.WARNING
FUTURE_TOLERANCE_DAYS = 1
"""A checked_on one day ahead is accepted: an editor in Vietnam (UTC+7) is ahead of UTC build machines."""


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
        for key, target in (("replaced_by", status.replaced_by), ("see_also", status.see_also)):
            if target is not None and (target not in keys or target in (entry.slug, entry.model.code)):
                yield entry.issue(
                    "replaced-by-unknown",
                    ("status", key),
                    f'Không tìm thấy thủ tục «{target}» («{key}»): ghi mã (ví dụ "1.001193") hoặc tên tệp '
                    "(không có .yaml) của một thủ tục khác trong procedures/.",
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
        elif (source.checked_on - cat.as_of).days > FUTURE_TOLERANCE_DAYS:
            yield entry.issue(
                "source-future",
                ("source", "checked_on"),
                f"Ngày kiểm tra nguồn {source.checked_on:%d/%m/%Y} còn ở tương lai (ngày áp dụng "
                f"{cat.as_of:%d/%m/%Y}); hãy ghi ngày thật sự đã đối chiếu.",
                severity=WARN,
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
