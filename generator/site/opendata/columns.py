"""Stage 3 (site): the columns of ``data/procedures.csv`` — key, Vietnamese and English meaning.

The CSV header row is the keys, in this order; the open-data page prints this table, so the file
and its documentation cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.facts.fees import NO_FEE


@dataclass(frozen=True)
class Column:
    """One CSV column: its header key, and what it holds in Vietnamese and in English."""

    key: str
    vi: str
    en: str


LIST_SEPARATOR = " | "
"""How several values share one cell (fees of a channel, offices of a procedure)."""

COLUMNS: tuple[Column, ...] = (
    Column("slug", "Mã địa chỉ trang (không đổi)", "Stable page slug (the record's id)"),
    Column("url", "Địa chỉ trang thủ tục", "Public address of the procedure page"),
    Column(
        "code",
        "Mã thủ tục (quốc gia, nếu không có thì mã địa phương)",
        "Procedure code (national, else local)",
    ),
    Column(
        "local_code", "Mã địa phương (khi có cả mã quốc gia)", "Local code, when a national code is also set"
    ),
    Column("name", "Tên thủ tục", "Procedure name"),
    Column("field", "Mã lĩnh vực", "Field (subject area) slug"),
    Column("field_name", "Tên lĩnh vực", "Field name"),
    Column("level", "Cấp thực hiện", "Administrative level that handles it"),
    Column(
        "state",
        "Tình trạng: active, upcoming, repealed",
        "Lifecycle on the build date: active, upcoming, repealed",
    ),
    Column("state_label", "Tình trạng, bằng chữ", "Lifecycle, in words"),
    Column("effective_from", "Áp dụng từ ngày (NĂM-THÁNG-NGÀY)", "In force from (YYYY-MM-DD)"),
    Column("effective_to", "Áp dụng đến hết ngày", "In force until (inclusive)"),
    Column("online", "Mức trực tuyến: toan_trinh, mot_phan, khong", "Online level: full, partial, none"),
    Column("online_label", "Mức trực tuyến, bằng chữ", "Online level, in words"),
    Column("deciding_agency", "Cơ quan có thẩm quyền quyết định", "Deciding authority"),
    Column(
        "offices",
        "Mã các nơi tiếp nhận hồ sơ, cách nhau « | »",
        "Receiving offices (slugs), separated by « | »",
    ),
    Column("office_names", "Tên các nơi tiếp nhận hồ sơ", "Receiving office names"),
    Column(
        "channel",
        "Cách nộp: truc_tiep, truc_tuyen, buu_chinh (trống nếu chưa có)",
        "Channel: in person, online, by post (empty if none)",
    ),
    Column("channel_label", "Cách nộp, bằng chữ", "Channel, in words"),
    Column("time", "Thời hạn giải quyết, đúng như trên trang", "Processing time, exactly as the page says"),
    Column("time_notes", "Ghi chú về thời hạn", "Notes on the processing time"),
    Column("fee_names", "Tên các khoản phí, lệ phí đang áp dụng", "Names of the fees in force"),
    Column(
        "fees",
        f"Mức phí, lệ phí, đúng như trên trang (cùng thứ tự với fee_names); «{NO_FEE}» nếu không thu",
        f"Fees as the page says them (same order as fee_names); «{NO_FEE}» when none is charged",
    ),
    Column(
        "fee_amounts",
        "Số tiền (đồng) của từng khoản, trống nếu không phải số cố định",
        "Amount in đồng of each fee, empty when not a flat sum",
    ),
    Column(
        "free", "«true» nếu không thu gì theo cách nộp này", "«true» when nothing is charged on this channel"
    ),
    Column(
        "last_changed",
        "Ngày trang thay đổi lần cuối (theo lịch sử git), trống nếu không rõ",
        "Day the record last changed (git), empty if unknown",
    ),
    Column("change_note", "Ghi chú thay đổi gần nhất", "Latest change note"),
    Column("source_checked_on", "Ngày đối chiếu nguồn gần nhất", "Day the source was last checked"),
)
"""The columns, in file order."""
