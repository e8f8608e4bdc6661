"""The land-use plan model (content/plans/<id>/plan.yaml): frozen, strict, described for editors.

A plan is a quy hoạch or kế hoạch sử dụng đất with its legal basis, area, period, consultation,
approval, publication, documents, indicators and projects. Geometry lives in the plan's WGS84
GeoJSON file (one feature per project, joined on the project ``id``); the YAML owns every name,
area and legal detail. Lifecycle (draft, under consultation, published, expired…) is derived from
the dates here against the build date (:mod:`generator.plans.lifecycle`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, Strict, StringConstraints

from generator.model.procedure import LegalDocument, describe
from generator.model.types import IsoDate, LevelSlug, Record, Slug, Text, Url
from generator.model.web import Email

PlanKind = Literal["quy_hoach", "ke_hoach_5_nam", "ke_hoach_hang_nam", "dieu_chinh"]
Regime = Literal["luat-dat-dai-2013", "luat-dat-dai-2013-sd2018", "luat-dat-dai-2024"]
CodeListId = Literal["tt27-2018", "tt08-2024"]
DocumentType = Literal[
    "quyet_dinh",
    "nghi_quyet_hdnd",
    "bao_cao_thuyet_minh",
    "bao_cao_tom_tat",
    "ban_do",
    "danh_muc",
    "bao_cao_tiep_thu",
    "thong_bao",
    "khac",
]
ConsultationForm = Literal["hoi_nghi", "cong_ttdt", "niem_yet_tru_so_xa", "van_ban", "hom_thu_gop_y"]
ProjectStatus = Literal["moi", "chuyen_tiep", "dieu_chinh", "huy_bo"]

LandCode = Annotated[str, Strict(), StringConstraints(pattern=r"^[A-Z]{3}$")]
"""A land-use code such as DGT (three capital letters, from the plan's code list)."""

ProvinceCode = Annotated[str, Strict(), StringConstraints(pattern=r"^\d{2}$")]
CommuneCode = Annotated[str, Strict(), StringConstraints(pattern=r"^\d{5}$")]
FeatureId = Annotated[str, Strict(), StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")]
Sha256 = Annotated[str, Strict(), StringConstraints(pattern=r"^[0-9a-f]{64}$")]
RelativeFile = Annotated[str, Strict(), StringConstraints(pattern=r"^[^/\\:][^\\:]*$", max_length=200)]
"""A path inside the plan folder, written with ``/`` (no leading ``/``, no drive letter)."""
Hectares = Annotated[float, Field(ge=0)]


class FormerCommune(Record):
    """Một xã cũ (trước sắp xếp) nay thuộc địa bàn; tờ bản đồ được đánh số theo xã cũ (former commune)."""

    code: CommuneCode = describe("Mã xã cũ", "Mã đơn vị hành chính 5 chữ số của xã cũ, ví dụ «11680».")
    name: Text = describe("Tên xã cũ", "Ví dụ «Xã Tân Hưng» (trước 01/07/2025).")


class PlanArea(Record):
    """Địa bàn của quy hoạch, kế hoạch (area): tỉnh và xã theo mã QĐ 19/2025/QĐ-TTg."""

    province_code: ProvinceCode = describe("Mã tỉnh", "Mã 2 chữ số của tỉnh, thành phố, ví dụ «31».")
    province: Text = describe("Tên tỉnh", "Ví dụ «Thành phố Hải Phòng».")
    commune_code: CommuneCode | None = describe(
        "Mã xã", "Mã 5 chữ số của xã, phường, đặc khu (bỏ trống với quy hoạch cấp tỉnh).", None
    )
    commune: Text | None = describe("Tên xã", "Ví dụ «Xã Tân Hưng».", None)
    former_communes: tuple[FormerCommune, ...] = describe(
        "Các xã cũ",
        "Các xã cũ nay thuộc địa bàn. Tờ bản đồ địa chính được đánh số riêng theo từng xã cũ, nên vị "
        "trí dự án ghi theo (xã cũ, tờ, thửa).",
        (),
    )


class Period(Record):
    """Kỳ quy hoạch, kế hoạch (period)."""

    start: IsoDate = describe("Từ ngày", "Ngày đầu kỳ, ví dụ 2026-01-01.")
    end: IsoDate = describe("Đến ngày", "Ngày cuối kỳ, ví dụ 2026-12-31. Sau ngày này kế hoạch hết kỳ.")
    vision_year: int | None = describe(
        "Tầm nhìn đến năm", "Ví dụ 2050 (nếu có).", None, ge=2000, le=2200, strict=True
    )


class PlanStatus(Record):
    """Điều chỉnh, thay thế, hủy bỏ (status); đang lấy ý kiến, đang công khai, hết kỳ được suy ra từ ngày."""

    adjusted_by: Slug | None = describe(
        "Được điều chỉnh bởi", "Mã (tên thư mục) của kế hoạch điều chỉnh, bổ sung kế hoạch này.", None
    )
    adjusted_on: IsoDate | None = describe("Ngày điều chỉnh", "Ngày quyết định điều chỉnh có hiệu lực.", None)
    cancelled_on: IsoDate | None = describe("Ngày hủy bỏ", "Ngày kế hoạch bị hủy bỏ (nếu có).", None)
    note: Text | None = describe("Ghi chú", "Ví dụ số quyết định điều chỉnh, hủy bỏ.", None)


class Approval(Record):
    """Quyết định phê duyệt (approval)."""

    number: Text = describe("Số quyết định", "Ví dụ «1234/QĐ-UBND».")
    date: IsoDate = describe("Ngày ký", "Ngày ký quyết định phê duyệt.")
    issuer: Text = describe("Cơ quan phê duyệt", "Ví dụ «UBND thành phố Hải Phòng».")
    title: Text | None = describe("Trích yếu", "Tên quyết định.", None)
    document: Slug | None = describe(
        "Tệp quyết định", "Mã («id») của tài liệu quyết định trong «documents».", None
    )


class Consultation(Record):
    """Lấy ý kiến nhân dân về dự thảo (consultation)."""

    start: IsoDate = describe("Từ ngày", "Ngày bắt đầu lấy ý kiến.")
    end: IsoDate = describe("Đến ngày", "Ngày cuối cùng nhận góp ý.")
    forms: tuple[ConsultationForm, ...] = describe(
        "Hình thức", "Hội nghị, cổng thông tin điện tử, niêm yết tại trụ sở xã, văn bản, hòm thư góp ý.", ()
    )
    how_to_comment: Text = describe(
        "Cách góp ý", "Góp ý ở đâu, bằng cách nào: nộp phiếu, gửi thư điện tử, dự hội nghị…"
    )
    address: Text | None = describe("Địa chỉ nhận góp ý", "Ví dụ bộ phận một cửa UBND xã.", None)
    email: Email | None = describe("Thư điện tử nhận góp ý", "Địa chỉ thư điện tử của cơ quan.", None)
    url: Url | None = describe("Trang góp ý trực tuyến", "Địa chỉ trang góp ý trên cổng thông tin.", None)
    report_on_comments: Slug | None = describe(
        "Báo cáo tiếp thu, giải trình",
        "Mã («id») của tài liệu báo cáo tổng hợp, tiếp thu, giải trình ý kiến (phải công khai).",
        None,
    )


class Publication(Record):
    """Công bố công khai sau phê duyệt (publication)."""

    published_on: IsoDate | None = describe(
        "Ngày công bố", "Ngày thực tế công bố công khai; so với hạn luật định (15 hoặc 30 ngày).", None
    )
    places: tuple[Text, ...] = describe(
        "Nơi công bố", "Ví dụ «Trụ sở UBND xã», «Cổng thông tin điện tử thành phố».", ()
    )
    until: IsoDate | None = describe("Công khai đến ngày", "Mặc định: hết kỳ kế hoạch.", None)


class PlanDocument(Record):
    """Một tài liệu gốc (document): quyết định, báo cáo, bản đồ…, kèm mã băm SHA-256."""

    id: Slug = describe("Mã tài liệu", "Tên ngắn để tham chiếu, ví dụ «qd-phe-duyet».")
    type: DocumentType = describe("Loại tài liệu", "Quyết định, nghị quyết HĐND, báo cáo, bản đồ, danh mục…")
    title: Text = describe("Tên tài liệu", "Ví dụ «Quyết định phê duyệt kế hoạch sử dụng đất năm 2026».")
    file: RelativeFile = describe("Tệp", "Đường dẫn trong thư mục kế hoạch, ví dụ «tai-lieu/qd-1234.pdf».")
    sha256: Sha256 = describe("Mã băm SHA-256", "64 ký tự hex; lệnh «sha256sum tệp» cho ra giá trị này.")
    number: Text | None = describe("Số văn bản", "Ví dụ «45/NQ-HĐND».", None)
    date: IsoDate | None = describe("Ngày văn bản", "Ngày ký hoặc ngày lập.", None)
    scale: Text | None = describe("Tỷ lệ bản đồ", "Ví dụ «1:10.000».", None)


class GeodataSource(Record):
    """Nguồn dữ liệu bản đồ trước khi chuyển sang WGS84 (ghi bởi lệnh import-geodata)."""

    file: Text = describe("Tệp gốc", "Tên tệp gốc, ví dụ «KHSDD_2026.shp».")
    crs: Text = describe("Hệ tọa độ gốc", "Ví dụ «EPSG:9210» (VN-2000 / TM-3 105-45).")
    transformation: Text = describe("Phép chuyển đổi", "Ví dụ «VN-2000 to WGS 84 (2)».")
    converted_on: IsoDate = describe("Ngày chuyển đổi", "Ngày chạy lệnh chuyển đổi.")
    note: Text | None = describe("Ghi chú", "Ai số hóa, từ bản đồ nào.", None)


class Geodata(Record):
    """Tệp bản đồ GeoJSON WGS84 của kế hoạch (geodata)."""

    file: RelativeFile = describe("Tệp GeoJSON", "Trong thư mục kế hoạch, ví dụ «plan.geojson».")
    source: GeodataSource | None = describe("Nguồn gốc", "Hệ tọa độ và phép chuyển đổi đã dùng.", None)
    approximate: bool = describe(
        "Vị trí gần đúng", "true khi ranh giới được số hóa thủ công từ bản đồ giấy, PDF.", False, strict=True
    )
    area_tolerance_percent: float = describe(
        "Sai số diện tích cho phép (%)",
        "Diện tích tính từ bản đồ được lệch so với diện tích ghi trong danh mục tối đa bấy nhiêu phần trăm.",
        10.0,
        gt=0,
        le=50,
    )
    boundary_tolerance_m: float = describe(
        "Sai số ranh giới cho phép (m)",
        "Dự án được phép vượt ranh giới xã tối đa bấy nhiêu mét.",
        30.0,
        ge=0,
        le=500,
    )


class Indicator(Record):
    """Một chỉ tiêu sử dụng đất (indicator): hiện trạng và kế hoạch, ha."""

    code: LandCode = describe("Mã loại đất", "Theo bảng mã của kế hoạch («code_list»).")
    current_ha: Hectares = describe("Hiện trạng (ha)", "Diện tích hiện trạng đầu kỳ.")
    planned_ha: Hectares = describe("Kế hoạch (ha)", "Diện tích đến cuối kỳ.")


class ParcelRef(Record):
    """Vị trí trên bản đồ địa chính (location): xã cũ, tờ bản đồ, các thửa."""

    former_commune: CommuneCode = describe(
        "Mã xã cũ", "Mã xã cũ nơi có tờ bản đồ (tờ được đánh số theo xã cũ); nếu không sáp nhập, mã xã."
    )
    sheet: Annotated[str, Strict(), StringConstraints(pattern=r"^[0-9]{1,4}[A-Za-z]?$")] = describe(
        "Tờ bản đồ", 'Số tờ, trong ngoặc kép, ví dụ "12".'
    )
    parcels: tuple[Annotated[str, Strict(), StringConstraints(pattern=r"^[0-9]{1,5}[A-Za-z]?$")], ...] = (
        describe("Các thửa", 'Số thửa, ví dụ ["45", "46"]. Bỏ trống nếu chỉ biết tờ.', ())
    )


class Project(Record):
    """Một công trình, dự án trong danh mục (project); «id» trùng với «id» của vùng trên bản đồ."""

    id: FeatureId = describe("Mã công trình", "Ví dụ «CT-01»; trùng «id» của vùng trong tệp GeoJSON.")
    name: Text = describe("Tên công trình, dự án", "Ví dụ «Mở rộng đường liên xã ĐX.05».")
    code: LandCode = describe("Mã loại đất", "Loại đất sau khi thực hiện, ví dụ «DGT».")
    area_ha: float = describe("Diện tích (ha)", "Diện tích kế hoạch của công trình.", gt=0)
    current_ha: Hectares | None = describe("Diện tích hiện trạng (ha)", "Phần đã là loại đất này.", None)
    from_codes: tuple[LandCode, ...] = describe(
        "Lấy vào loại đất", "Các loại đất bị chuyển, ví dụ [LUC, ONT].", ()
    )
    recovery: bool = describe("Thu hồi đất", "true nếu Nhà nước thu hồi đất để thực hiện.", strict=True)
    change_of_use: bool = describe(
        "Chuyển mục đích", "true nếu phải chuyển mục đích sử dụng đất.", False, strict=True
    )
    locations: tuple[ParcelRef, ...] = describe("Vị trí (tờ, thửa)", "Theo bản đồ địa chính.", ())
    villages: tuple[Text, ...] = describe("Thôn, xóm", "Ví dụ [Thôn Đông, Thôn Nam].", ())
    status: ProjectStatus = describe(
        "Tình trạng", "moi (mới), chuyen_tiep (từ năm trước), dieu_chinh (điều chỉnh), huy_bo (hủy bỏ)."
    )
    first_listed: int = describe(
        "Năm đưa vào kế hoạch lần đầu", "Để rà soát dự án chậm thực hiện.", ge=2000, le=2200, strict=True
    )
    basis: Text | None = describe("Căn cứ", "Ví dụ «NQ 45/NQ-HĐND».", None)
    note: Text | None = describe("Ghi chú", "Ghi chú thêm (không ghi tên chủ sử dụng đất).", None)


class Plan(Record):
    """Một quy hoạch hoặc kế hoạch sử dụng đất (content/plans/<id>/plan.yaml)."""

    name: Text = describe("Tên", "Ví dụ «Kế hoạch sử dụng đất năm 2026 xã Tân Hưng».")
    kind: PlanKind = describe(
        "Loại", "quy_hoach, ke_hoach_5_nam, ke_hoach_hang_nam hoặc dieu_chinh (điều chỉnh, bổ sung)."
    )
    level: LevelSlug = describe(
        "Cấp", "Cấp lập, phê duyệt: tinh, xa; «huyen» chỉ cho kế hoạch lập trước 01/07/2025 (còn hiệu lực)."
    )
    regime: Regime = describe(
        "Chế độ pháp lý", "Luật Đất đai áp dụng: quyết định hạn công bố và thời gian lấy ý kiến tối thiểu."
    )
    code_list: CodeListId = describe(
        "Bảng mã loại đất", "tt27-2018 (Luật 2013) hoặc tt08-2024 (Luật 2024); chọn tên và màu loại đất."
    )
    legal_basis: tuple[LegalDocument, ...] = describe(
        "Căn cứ pháp lý", "Luật, nghị định, nghị quyết làm căn cứ.", min_length=1
    )
    summary: Text | None = describe("Tóm tắt", "Một hai câu giới thiệu bằng lời thường.", None)
    area: PlanArea = describe("Địa bàn", "Tỉnh, xã và các xã cũ.")
    period: Period = describe("Kỳ", "Kỳ quy hoạch, kế hoạch.")
    amends: Slug | None = describe(
        "Điều chỉnh kế hoạch", "Mã kế hoạch được điều chỉnh, bổ sung (nếu có).", None
    )
    status: PlanStatus = describe(
        "Điều chỉnh, hủy bỏ", "Chỉ ghi khi kế hoạch bị điều chỉnh, hủy bỏ.", PlanStatus()
    )
    consultation: Consultation | None = describe("Lấy ý kiến", "Thời gian, hình thức, cách góp ý.", None)
    approval: Approval | None = describe("Phê duyệt", "Bỏ trống khi còn là dự thảo.", None)
    publication: Publication = describe("Công bố", "Ngày và nơi công bố công khai.", Publication())
    office: Slug | None = describe(
        "Nơi xem hồ sơ, hỏi đáp",
        "Mã cơ quan trong content/offices/ (mặc định: cơ quan mặc định của site).",
        None,
    )
    documents: tuple[PlanDocument, ...] = describe("Tài liệu gốc", "Các tệp PDF kèm mã băm.", ())
    geodata: Geodata = describe("Bản đồ", "Tệp GeoJSON WGS84.")
    indicators: tuple[Indicator, ...] = describe("Chỉ tiêu sử dụng đất", "Theo mã loại đất, ha.", ())
    projects: tuple[Project, ...] = describe(
        "Danh mục công trình, dự án", "Mỗi công trình một vùng trên bản đồ.", ()
    )
    sample: bool = describe(
        "Dữ liệu mẫu", "true cho dữ liệu minh họa (trang hiện nhãn «Dữ liệu mẫu»).", False, strict=True
    )
