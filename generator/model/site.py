"""Site settings (content/site.yaml): publisher, levels, the one base URL, portal link, feedback."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Strict, StringConstraints, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from generator.model.office import Feedback
from generator.model.procedure import describe
from generator.model.types import BodySize, LevelSlug, PaperSize, Record, Slug, Text
from generator.model.web import BaseUrl, PortalTemplate, Url


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
    body_size: BodySize | None = describe(
        "Cỡ chữ thân (pt)",
        "15 hoặc 21 (21 chỉ với A3). Mặc định 15 trên A4, 21 trên A3 (đọc được từ xa hơn). A3 với 15 pt: "
        "chữ cỡ như A4 (đọc được từ 1 m), bảng thủ tục và danh mục in hai cột (thời hạn, phí, cơ quan "
        "giải quyết mở đầu cột thứ nhất), mỗi tờ chứa gần gấp đôi nên ít tờ hơn và phần lớn thủ tục ngắn "
        "vừa một tờ (cần máy in A3). Tờ kế hoạch sử dụng đất giữ cỡ chữ theo khổ giấy.",
        None,
    )

    @field_validator("body_size")
    @classmethod
    def _large_on_a3(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value == 21 and info.data.get("paper") == "A4":
            raise PydanticCustomError(
                "invalid-choice",
                "21 pt chỉ dùng với khổ A3 («paper: A3»); trên A4 cỡ chữ thân là 15 pt (bỏ «body_size»)",
            )
        return value

    @property
    def body(self) -> int:
        """The body size in points: the setting, else the paper's default (15 on A4, 21 on A3)."""
        return self.body_size or (21 if self.paper == "A3" else 15)

    @property
    def columns(self) -> int:
        """Columns of a procedure or index sheet's body: two on A3 at the A4 body size, else one
        (at 15 pt a line across A3 would be over 100 characters, too long to read)."""
        return 2 if self.paper == "A3" and self.body < 18 else 1


class OpenData(Record):
    """Dữ liệu mở (the open-data files under data/ and their licence)."""

    licence: Text = describe(
        "Giấy phép dữ liệu",
        "Tên giấy phép của các tệp dữ liệu mở (data/), ví dụ «CC BY 4.0». Mặc định CC BY 4.0.",
        "CC BY 4.0",
    )
    licence_url: Url = describe(
        "Địa chỉ giấy phép",
        "Nơi đọc toàn văn giấy phép.",
        "https://creativecommons.org/licenses/by/4.0/deed.vi",
    )
    attribution: Text | None = describe(
        "Ghi nguồn",
        "Cách người dùng lại dữ liệu ghi nguồn; mặc định là tên cơ quan công bố và địa chỉ trang.",
        None,
    )


RepoName = Annotated[
    str, Strict(), StringConstraints(pattern=r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+$", max_length=200)
]
"""A repository on its forge: ``owner/name`` (GitLab groups may nest: ``group/sub/name``)."""
Forge = Literal["github", "gitlab", "gitea"]


class Editor(Record):
    """Trình biên tập trên trình duyệt tại /admin/ (the browser editor, Sveltia CMS; docs/editing.md)."""

    backend: Forge = describe(
        "Nơi đặt kho",
        "github, gitlab hoặc gitea (cả Forgejo). Người biên tập đăng nhập bằng tài khoản ở đó.",
    )
    repo: RepoName = describe(
        "Kho nội dung", "Tên kho dạng chủ-sở-hữu/tên-kho, ví dụ ubnd-xa-an-hoa/congkhai."
    )
    branch: Text = describe("Nhánh chính", "Nhánh xuất bản của kho (mặc định main).", "main")
    review: bool = describe(
        "Duyệt trước khi đăng",
        "true (mặc định): mỗi lần lưu mở một pull request để người duyệt xem báo cáo thay đổi rồi mới "
        "gộp (chỉ GitHub và GitLab); false: lưu thẳng vào nhánh chính.",
        True,
        strict=True,
    )
    auth_url: Url | None = describe(
        "Dịch vụ đăng nhập",
        "Chỉ với GitHub: địa chỉ dịch vụ OAuth (ví dụ sveltia-cms-auth trên Cloudflare Workers). "
        "Bỏ trống thì người biên tập đăng nhập bằng mã truy cập cá nhân.",
        None,
    )
    api_root: Url | None = describe(
        "Địa chỉ API",
        "Khi kho ở máy chủ riêng (GitLab, Gitea/Forgejo tự cài, GitHub Enterprise), ví dụ "
        "https://git.tinh.gov.vn/api/v1.",
        None,
    )
    app_id: Text | None = describe(
        "Mã ứng dụng OAuth", "Với GitLab và Gitea/Forgejo: mã ứng dụng OAuth để đăng nhập (PKCE).", None
    )


class Site(Record):
    """content/site.yaml: thiết lập chung của trang (site settings)."""

    schema_version: int = describe(
        "Phiên bản định dạng nội dung",
        "Định dạng nội dung mà kho này viết theo (CHANGELOG của gói congkhai). Khi nâng cấp gói làm đổi "
        "định dạng, «congkhai check» chỉ rõ và «congkhai migrate» chuyển nội dung. Mặc định 1.",
        1,
        ge=1,
        strict=True,
    )
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
    open_data: OpenData = describe(
        "Dữ liệu mở", "Giấy phép và cách ghi nguồn của các tệp dữ liệu mở (data/).", OpenData()
    )
    ending_notice_days: int = describe(
        "Báo trước ngày hết hiệu lực",
        "Số ngày trước ngày hết hiệu lực của thủ tục mà trang và bảng niêm yết hiện «Sắp hết hiệu lực».",
        30,
        ge=0,
        strict=True,
    )
    editor: Editor | None = describe(
        "Trình biên tập trên trình duyệt",
        "Khai báo kho nội dung để trang có /admin/ cho người biên tập không dùng git (docs/editing.md).",
        None,
    )
    stale_after_days: int = describe(
        "Số ngày cần đối chiếu lại",
        "Cảnh báo khi nguồn chưa được kiểm tra lại sau số ngày này.",
        180,
        ge=1,
        le=3650,
        strict=True,
    )
