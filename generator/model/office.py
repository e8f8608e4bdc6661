"""Offices (nơi tiếp nhận hồ sơ), the feedback block and the field taxonomy."""

from __future__ import annotations

from generator.model.procedure import describe
from generator.model.types import Record, Slug, Text, Url
from generator.model.web import Email


class Feedback(Record):
    """Nơi tiếp nhận phản ánh, kiến nghị (Nghị định 20/2008, Điều 13) (feedback block)."""

    agency: Text = describe("Cơ quan tiếp nhận", "Cơ quan tiếp nhận phản ánh, kiến nghị.")
    address: Text = describe("Địa chỉ", "Địa chỉ gửi thư.")
    phone: Text = describe("Điện thoại", "Số điện thoại chuyên dùng / đường dây nóng.")
    email: Email | None = describe("Thư điện tử", "Địa chỉ email tiếp nhận.", None)
    website: Url | None = describe("Trang web", "Trang tiếp nhận phản ánh trực tuyến.", None)
    note: Text | None = describe("Ghi chú", "Hướng dẫn thêm, ví dụ giờ tiếp công dân.", None)


class MapPoint(Record):
    """Toạ độ WGS84 (a map point)."""

    lat: float = describe("Vĩ độ", "Vĩ độ (WGS84), ví dụ 20.6861.", ge=-90, le=90)
    lon: float = describe("Kinh độ", "Kinh độ (WGS84), ví dụ 106.4957.", ge=-180, le=180)


class Office(Record):
    """Nơi tiếp nhận hồ sơ: bộ phận một cửa, trung tâm phục vụ hành chính công (an office)."""

    name: Text = describe("Tên cơ quan", "Tên đầy đủ.")
    short_name: Text | None = describe("Tên ngắn", "Tên dùng trong bảng, thẻ.", None)
    address: Text = describe("Địa chỉ", "Địa chỉ tiếp nhận hồ sơ.")
    hours: tuple[Text, ...] = describe(
        "Giờ làm việc",
        "Mỗi dòng một khoảng, ví dụ «Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00».",
        min_length=1,
    )
    hotline: Text = describe("Đường dây nóng", "Số điện thoại hỗ trợ.")
    email: Email | None = describe("Thư điện tử", "Email của cơ quan.", None)
    website: Url | None = describe("Trang web", "Trang web của cơ quan.", None)
    desks: tuple[Text, ...] = describe(
        "Quầy tiếp nhận", "Các quầy và lĩnh vực phụ trách (không bắt buộc).", ()
    )
    map: MapPoint | None = describe("Vị trí", "Toạ độ trên bản đồ.", None)
    feedback: Feedback | None = describe(
        "Phản ánh, kiến nghị", "Thay cho khối phản ánh chung của trang, nếu cơ quan có đầu mối riêng.", None
    )


class Field(Record):
    """Một lĩnh vực (one field)."""

    slug: Slug = describe("Mã lĩnh vực", "Dùng trong procedures (field: ...) và đường dẫn, ví dụ ho-tich.")
    name: Text = describe("Tên lĩnh vực", "Ví dụ «Hộ tịch».")
    icon: Text | None = describe("Biểu tượng", "Tên biểu tượng Material, ví dụ material/baby-carriage.", None)
    description: Text | None = describe("Mô tả", "Một câu giới thiệu lĩnh vực.", None)


class FieldList(Record):
    """content/fields.yaml: danh sách lĩnh vực theo thứ tự hiển thị (the field taxonomy)."""

    fields: tuple[Field, ...] = describe(
        "Các lĩnh vực", "Danh sách lĩnh vực theo thứ tự hiển thị.", min_length=1
    )
