"""Site settings (content/site.yaml): publisher, levels, the one base URL, portal link, feedback."""

from __future__ import annotations

from generator.model.office import Feedback
from generator.model.procedure import describe
from generator.model.types import LevelSlug, PaperSize, Record, Slug, Text
from generator.model.web import BaseUrl, PortalTemplate


class Publisher(Record):
    """Cơ quan công bố danh mục (the publisher)."""

    name: Text = describe("Tên cơ quan công bố", "Ví dụ «Ủy ban nhân dân xã An Hòa».")
    parent: Text | None = describe(
        "Cơ quan cấp trên", "Dòng trên cùng của tiêu đề, ví dụ «UBND thành phố Hải Phòng».", None
    )
    logo: Text | None = describe("Biểu trưng", "Đường dẫn tệp ảnh (SVG/PNG) nếu muốn in biểu trưng.", None)


class PosterSettings(Record):
    """Thiết lập bảng niêm yết (poster settings)."""

    paper: PaperSize = describe("Khổ giấy", "A4 (mặc định) hoặc A3.", "A4")


class Site(Record):
    """content/site.yaml: thiết lập chung của trang (site settings)."""

    title: Text = describe("Tên trang", "Tên hiển thị của trang web.")
    description: Text | None = describe("Mô tả", "Một câu giới thiệu trang.", None)
    publisher: Publisher = describe("Cơ quan công bố", "Cơ quan chịu trách nhiệm nội dung.")
    base_url: BaseUrl = describe(
        "Địa chỉ trang",
        "Địa chỉ gốc duy nhất của trang công khai (mã QR dẫn về đây), ví dụ https://congkhai.anhoa.gov.vn/.",
    )
    levels: tuple[LevelSlug, ...] = describe(
        "Các cấp",
        "Các cấp thực hiện dùng trong trang; huyen chỉ cho hồ sơ lịch sử.",
        ("tinh", "xa"),
        min_length=1,
    )
    portal_url_template: PortalTemplate = describe(
        "Mẫu liên kết Cổng DVC",
        "Địa chỉ nộp trực tuyến, có {code} ở chỗ mã thủ tục.",
        "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc={code}",
    )
    feedback: Feedback = describe(
        "Phản ánh, kiến nghị", "Khối phản ánh, kiến nghị in trên mọi trang và bảng niêm yết."
    )
    default_office: Slug | None = describe("Cơ quan mặc định", "Mã cơ quan hiển thị trên trang chủ.", None)
    hotline: Text | None = describe("Đường dây nóng", "Số điện thoại hỗ trợ chung.", None)
    posters: PosterSettings = describe("Bảng niêm yết", "Thiết lập in bảng niêm yết.", PosterSettings())
    stale_after_days: int = describe(
        "Số ngày cần đối chiếu lại",
        "Cảnh báo khi nguồn chưa được kiểm tra lại sau số ngày này.",
        180,
        ge=1,
        le=3650,
        strict=True,
    )
