"""Cross-record rules, fees: a channel states its fees or that it has none, zero without a reason,
conflicting amounts, overlapping fee windows."""

from __future__ import annotations

from collections.abc import Iterator

from generator.catalogue import Catalogue, Entry
from generator.checks.identity import windows_overlap
from generator.issues import Issue, Severity
from generator.model import Channel, Fee, Procedure

WARN = Severity.WARNING


def check_fees(cat: Catalogue) -> Iterator[Issue]:
    """Fees say what is charged; a zero says why; validity windows are in order."""
    for entry in cat.procedures:
        for i, channel in enumerate(entry.model.channels):
            yield from _no_fee_stated(entry, i, channel)
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


def _no_fee_stated(entry: Entry[Procedure], i: int, channel: Channel) -> Iterator[Issue]:
    """A channel lists its fees or says it has none; never both, never neither."""
    if channel.no_fee and channel.fees:
        yield entry.issue(
            "fee-no-fee-conflict",
            ("channels", i, "no_fee"),
            "Cách nộp ghi «no_fee: true» (không thu phí, lệ phí) nhưng vẫn có khoản thu ở «fees»: bỏ "
            "«no_fee» nếu có thu, hoặc xoá các khoản thu nếu không thu.",
        )
    elif not channel.no_fee and "fees" not in channel.model_fields_set:
        yield entry.issue(
            "fees-missing",
            ("channels", i),
            "Cách nộp chưa nói về phí, lệ phí: thêm các khoản thu ở «fees»; nếu không thu khoản nào, "
            "ghi «no_fee: true» (trong biểu mẫu: đánh dấu «Không thu phí, lệ phí») hoặc «fees: []».",
        )


def _fee_overlap(a: Fee, b: Fee) -> bool:
    return windows_overlap((a.valid_from, a.valid_to), (b.valid_from, b.valid_to))


def check_fee_windows(cat: Catalogue) -> Iterator[Issue]:
    """Dated versions of one fee do not overlap (else two amounts would apply on one day)."""
    for entry in cat.procedures:
        for i, channel in enumerate(entry.model.channels):
            yield from _no_fee_stated(entry, i, channel)
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
