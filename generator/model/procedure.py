"""The procedure model (thủ tục hành chính): one YAML file under ``procedures/`` per procedure.

Field names follow Decree 63/2010 Art. 8(2) and the national portal's record; processing time
and fees live per channel because the portal and the law keep them there.
"""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field

from generator.model.types import (
    ChannelKind,
    ClockTime,
    Code,
    EventRef,
    FeeType,
    IsoDate,
    OnlineLevel,
    Part,
    Record,
    Slug,
    Text,
    TimeUnit,
    Url,
)

MAX_TIME_VALUE = 3650
"""The longest time a content field may state (ten years of days; no procedure takes longer)."""
MAX_FEE_AMOUNT = 10_000_000_000_000
"""The largest fee in đồng (10 nghìn tỷ): larger is a typo, and would not fit the printed tables."""


def describe(title: str, description: str, default: Any = ..., **kwargs: Any) -> Any:
    """Declare a model field with its Vietnamese label and help text (shown to editors)."""
    return Field(default, title=title, description=description, **kwargs)


class StepDuration(Record):
    """Thời gian thực hiện một bước (how long one step takes)."""

    value: float | None = describe(
        "Số lượng",
        "Số ngày/giờ của bước (có thể là số thập phân, ví dụ 0.5). Bỏ trống nếu «trong ngày».",
        None,
        gt=0,
        le=MAX_TIME_VALUE,
    )
    unit: TimeUnit = describe(
        "Đơn vị",
        "working_day (ngày làm việc), calendar_day (ngày), hour (giờ), month (tháng), within_day.",
    )


class Step(Record):
    """Một bước trong trình tự thực hiện (one step)."""

    title: Text = describe("Tên bước", "Tên ngắn của bước, ví dụ «Nộp hồ sơ».")
    text: Text | None = describe("Nội dung", "Mô tả đầy đủ của bước, giữ nguyên văn bản công bố.", None)
    duration: StepDuration | None = describe(
        "Thời gian của bước", "Thời gian thực hiện bước này (không bắt buộc).", None
    )


class Stage(Record):
    """Một giai đoạn của thời hạn nhiều giai đoạn, ví dụ xác minh rồi đăng ký (one stage)."""

    name: Text = describe("Giai đoạn", "Tên giai đoạn, ví dụ «Xác minh».")
    value: float | None = describe("Số lượng", "Độ dài của giai đoạn.", None, gt=0, le=MAX_TIME_VALUE)
    unit: TimeUnit = describe("Đơn vị", "Đơn vị thời gian của giai đoạn.")
    note: Text | None = describe("Ghi chú", "Giải thích thêm về giai đoạn.", None)


class TimeCase(Record):
    """Một trường hợp có thời hạn khác, ví dụ khi phải xác minh (a case with another time limit)."""

    when: Text = describe("Trường hợp", "Khi nào áp dụng thời hạn này, ví dụ «Trường hợp phải xác minh».")
    value: float | None = describe(
        "Số lượng", "Thời hạn trong trường hợp này. Bỏ trống nếu «trong ngày».", None, gt=0, le=MAX_TIME_VALUE
    )
    unit: TimeUnit = describe("Đơn vị", "Đơn vị thời gian của trường hợp này.")


class ProcessingTime(Record):
    """Thời hạn giải quyết của một cách nộp (processing time of one channel)."""

    value: float | None = describe(
        "Số lượng",
        "Thời hạn giải quyết, ví dụ 3 (ngày làm việc). Bỏ trống nếu đơn vị là within_day.",
        None,
        ge=0,
        le=MAX_TIME_VALUE,
    )
    unit: TimeUnit = describe(
        "Đơn vị",
        "working_day (ngày làm việc), calendar_day (ngày theo lịch), hour (giờ), month (tháng), "
        "within_day (trong ngày).",
    )
    start: Text | None = describe(
        "Tính từ", "Mốc bắt đầu tính, ví dụ «kể từ ngày nhận đủ hồ sơ hợp lệ».", None, alias="from"
    )
    cutoff: ClockTime | None = describe(
        "Giờ tiếp nhận cuối", "Nhận sau giờ này thì trả kết quả vào ngày làm việc tiếp theo (HH:MM).", None
    )
    stages: tuple[Stage, ...] = describe("Các giai đoạn", "Các giai đoạn khi thời hạn gồm nhiều bước.", ())
    cases: tuple[TimeCase, ...] = describe(
        "Các trường hợp khác",
        "Trường hợp có thời hạn khác thời hạn chính (dài hơn hoặc ngắn hơn), ví dụ khi phải xác minh; "
        "bảng tóm tắt, tìm kiếm và bảng niêm yết in cả các trường hợp này.",
        (),
    )
    text: Text | None = describe(
        "Nguyên văn", "Thời hạn đúng như văn bản công bố (in trên bảng niêm yết nếu có).", None
    )


class Fee(Record):
    """Một khoản phí hoặc lệ phí của một cách nộp (one fee on one channel)."""

    type: FeeType = describe("Loại", "phi (phí) hoặc le_phi (lệ phí).")
    name: Text = describe("Tên khoản thu", "Ví dụ «Lệ phí đăng ký khai sinh».")
    amount: int | None = describe(
        "Số tiền (đồng)",
        "Số nguyên, đơn vị đồng, không có dấu chấm: 50000. Số 0 phải kèm miễn/giải thích.",
        None,
        ge=0,
        le=MAX_FEE_AMOUNT,
        strict=True,
    )
    unit: Text | None = describe("Tính theo", "Đơn vị tính khi thu theo đơn vị, ví dụ «bản», «trang».", None)
    percent: float | None = describe(
        "Tỷ lệ (%)", "Khi thu theo tỷ lệ phần trăm, ví dụ 0.5 (nghĩa là 0,5%).", None, gt=0, le=100
    )
    base: Text | None = describe("Tính trên", "Căn cứ tính tỷ lệ, ví dụ «giá trị tài sản».", None)
    text: Text | None = describe(
        "Mô tả mức thu", "Mức thu ghi bằng chữ khi không có một con số, hoặc ghi chú nguyên văn.", None
    )
    exempt: bool = describe(
        "Miễn",
        "true nếu khoản này được miễn (ghi rõ đối tượng/điều kiện ở «exemption»).",
        False,
        strict=True,
    )
    exemption: Text | None = describe(
        "Miễn, giảm", "Đối tượng hoặc trường hợp được miễn, giảm, ghi nguyên văn.", None
    )
    legal_basis: Text | None = describe("Căn cứ thu", "Văn bản quy định mức thu.", None)
    valid_from: IsoDate | None = describe("Áp dụng từ", "Ngày bắt đầu áp dụng mức thu này.", None)
    valid_to: IsoDate | None = describe("Áp dụng đến", "Ngày cuối cùng áp dụng mức thu này.", None)


class Channel(Record):
    """Cách thức thực hiện: một cách nộp, với thời hạn và phí, lệ phí riêng (one channel).

    Mỗi cách nộp ghi các khoản thu ở «fees», hoặc nói rõ không thu: «no_fee: true» (biểu mẫu trình
    duyệt ghi như vậy) hoặc «fees: []». Không ghi gì là lỗi «fees-missing»: quên ghi phí không bao
    giờ thành «Không thu»."""

    # The schema says the same for VS Code; ``check`` (generator/checks/fees.py) is the rule.
    model_config = Record.model_config | ConfigDict(
        json_schema_extra={
            "if": {"not": {"required": ["fees"]}},
            "then": {"required": ["no_fee"], "properties": {"no_fee": {"const": True}}},
        }
    )

    kind: ChannelKind = describe(
        "Cách nộp", "truc_tiep (trực tiếp), truc_tuyen (trực tuyến), buu_chinh (bưu chính công ích)."
    )
    time: ProcessingTime = describe("Thời hạn giải quyết", "Thời hạn khi nộp theo cách này.")
    fees: tuple[Fee, ...] = describe(
        "Phí, lệ phí",
        "Các khoản phí, lệ phí theo cách nộp này. Không thu khoản nào: đánh dấu «Không thu phí, lệ phí» "
        "(no_fee: true) và để trống, hoặc ghi fees: [] trong tệp.",
        (),
    )
    no_fee: bool = describe(
        "Không thu phí, lệ phí",
        "true khi cách nộp này không thu khoản nào; khi đó không ghi khoản thu nào ở «fees».",
        False,
        strict=True,
    )
    note: Text | None = describe("Mô tả", "Ghi chú về cách nộp này.", None)


class Form(Record):
    """Mẫu đơn, tờ khai kèm theo một giấy tờ (a form)."""

    name: Text | None = describe("Tên mẫu", "Tên mẫu đơn, tờ khai.", None)
    code: Text | None = describe("Ký hiệu mẫu", "Ký hiệu chính thức, ví dụ «Mẫu số 01/TP-HT».", None)
    file: Text | None = describe(
        "Tệp mẫu", "Đường dẫn tệp trong kho, tính từ thư mục gốc, ví dụ content/forms/to-khai.pdf.", None
    )
    url: Url | None = describe("Nguồn tải", "Địa chỉ tải mẫu chính thức.", None)


class Document(Record):
    """Một thành phần hồ sơ (one dossier document)."""

    name: Text = describe("Tên giấy tờ", "Tên giấy tờ, giữ nguyên văn.")
    originals: int = describe("Bản chính", "Số bản chính.", 0, ge=0, le=99, strict=True)
    copies: int = describe("Bản sao", "Số bản sao.", 0, ge=0, le=99, strict=True)
    present_only: bool = describe(
        "Chỉ xuất trình", "true nếu giấy tờ chỉ cần xuất trình, không nộp lại.", False, strict=True
    )
    required: bool = describe(
        "Bắt buộc", "false nếu chỉ nộp trong một số trường hợp (ghi rõ ở «note»).", True, strict=True
    )
    form: Form | None = describe("Mẫu đơn, tờ khai", "Mẫu kèm theo giấy tờ này.", None)
    note: Text | None = describe("Ghi chú", "Ghi chú về giấy tờ.", None)


class DossierCase(Record):
    """Một nhóm giấy tờ theo trường hợp, ví dụ «Giấy tờ phải nộp» (a dossier case)."""

    case: Text | None = describe("Trường hợp", "Tên nhóm giấy tờ hoặc trường hợp áp dụng.", None)
    items: tuple[Document, ...] = describe("Giấy tờ", "Danh sách giấy tờ trong nhóm.", min_length=1)
    note: Text | None = describe("Lưu ý", "Lưu ý chung cho nhóm giấy tờ.", None)


class LegalDocument(Record):
    """Một văn bản căn cứ pháp lý (a legal document)."""

    number: Text = describe("Số, ký hiệu", "Ví dụ «60/2014/QH13».")
    title: Text = describe("Trích yếu", "Tên văn bản, ví dụ «Luật Hộ tịch».")
    date: IsoDate | None = describe("Ngày ban hành", "Ngày ban hành (NĂM-THÁNG-NGÀY).", None)
    issuer: Text | None = describe("Cơ quan ban hành", "Ví dụ «Quốc hội».", None)
    url: Url | None = describe("Đường dẫn", "Nơi đọc toàn văn.", None)


class Decision(Record):
    """Quyết định công bố thủ tục (the publication decision)."""

    number: Text = describe("Số quyết định", "Ví dụ «658/QĐ-UBND».")
    date: IsoDate = describe("Ngày ký", "Ngày ký quyết định.")
    issuer: Text = describe("Cơ quan ban hành", "Ví dụ «UBND thành phố Hải Phòng».")
    title: Text | None = describe("Trích yếu", "Tên quyết định.", None)
    url: Url | None = describe("Đường dẫn", "Nơi đọc quyết định.", None)


class Authority(Record):
    """Cơ quan giải quyết và các cơ quan liên quan (the deciding authority)."""

    deciding: Text = describe("Cơ quan có thẩm quyền quyết định", "Ví dụ «Chủ tịch UBND cấp xã».")
    executing: Text | None = describe("Cơ quan thực hiện", "Cơ quan trực tiếp thực hiện.", None)
    coordinating: tuple[Text, ...] = describe("Cơ quan phối hợp", "Các cơ quan phối hợp (nếu có).", ())


class Status(Record):
    """Ngày hiệu lực; trạng thái sắp áp dụng / đang áp dụng / đã bãi bỏ được suy ra từ đây (status)."""

    effective_from: IsoDate | None = describe(
        "Hiệu lực từ", "Ngày thủ tục bắt đầu áp dụng. Trước ngày này, thủ tục là «sắp có hiệu lực».", None
    )
    effective_to: IsoDate | None = describe(
        "Hiệu lực đến", "Ngày cuối cùng thủ tục còn áp dụng. Sau ngày này, thủ tục là «đã bãi bỏ».", None
    )
    replaced_by: Text | None = describe(
        "Được thay thế bởi",
        "Mã (hoặc tên tệp) của thủ tục thay thế, chỉ khi quyết định bãi bỏ chỉ định thủ tục thay thế "
        "(trang ghi «Thay thế bằng»). Không có chỉ định thì dùng «see_also».",
        None,
    )
    see_also: Text | None = describe(
        "Xem thêm",
        "Mã (hoặc tên tệp) của thủ tục nên xem khi quyết định không chỉ định thủ tục thay thế "
        "(trang ghi «Xem thêm»).",
        None,
    )
    note: Text | None = describe(
        "Ghi chú công khai",
        "In trên trang và bảng niêm yết, sau dòng hiệu lực, ví dụ «Bãi bỏ theo Quyết định 4517/QĐ-UBND». "
        "Viết cho người dân; việc còn phải làm ghi ở «internal_note».",
        None,
    )
    internal_note: Text | None = describe(
        "Ghi chú nội bộ",
        "Ghi chú cho biên tập viên (cần đối chiếu gì, vì sao chọn ngày…); không bao giờ được in ra.",
        None,
    )


class ReviewNote(Record):
    """Một điểm biên tập viên phải xem lại sau khi nhập từ nguồn (one point to review)."""

    field: Text = describe(
        "Phần cần xem", "Đường dẫn khóa cần xem lại, ví dụ channels[0].fees[0] hoặc authority.deciding."
    )
    reason: Text = describe(
        "Lý do", "Vì sao bản ghi nguồn chưa rõ và giá trị nào đã được chọn. Sửa xong thì xoá cả mục này."
    )


class Source(Record):
    """Nguồn thông tin và ngày đối chiếu gần nhất (source)."""

    url: Url = describe("Nguồn", "Địa chỉ trang nguồn (Cổng DVC quốc gia, quyết định công bố…).")
    checked_on: IsoDate = describe("Ngày kiểm tra", "Ngày gần nhất đối chiếu với nguồn.")
    record: Text | None = describe(
        "Bản ghi nguồn",
        "Bản ghi đã nhập, ví dụ «dvcqg 2.000815 (id 019d2bfd-…)»; do lệnh «import» ghi, không sửa tay.",
        None,
    )
    needs_review: tuple[ReviewNote, ...] = describe(
        "Cần xem lại",
        "Những chỗ bản ghi nguồn chưa rõ (lệnh «import» ghi lý do). Mỗi mục là một cảnh báo khi kiểm tra; "
        "đối chiếu, sửa phần liên quan rồi xoá mục đó.",
        (),
    )
    note: Text | None = describe("Ghi chú", "Ghi chú về nguồn.", None)


class Procedure(Record):
    """Một thủ tục hành chính (one administrative procedure)."""

    code: Code | None = describe(
        "Mã thủ tục",
        'Mã trên Cơ sở dữ liệu quốc gia, trong dấu ngoặc kép: "1.001193". Không tự đặt mã.',
        None,
    )
    local_code: Text | None = describe("Mã địa phương", "Ví dụ «1.001193.000.00.00.H31».", None)
    slug: Slug | None = describe(
        "Đường dẫn cố định",
        "Giữ đường dẫn trang (và mã QR đã in) khi đổi tên tệp. Mặc định là tên tệp.",
        None,
    )
    name: Text = describe("Tên thủ tục", "Tên đầy đủ, đúng như quyết định công bố.")
    aliases: tuple[Text, ...] = describe(
        "Tên gọi khác", "Cách người dân hay gọi, để tìm kiếm, ví dụ «làm giấy khai sinh».", ()
    )
    field: Slug = describe("Lĩnh vực", "Mã lĩnh vực trong content/fields.yaml, ví dụ ho-tich.")
    level: Slug = describe("Cấp thực hiện", "Một cấp trong content/site.yaml, ví dụ xa hoặc tinh.")
    offices: tuple[Slug, ...] = describe(
        "Nơi tiếp nhận", "Mã các cơ quan trong content/offices/ (tên tệp, không có .yaml).", min_length=1
    )
    online: OnlineLevel = describe(
        "Dịch vụ công trực tuyến", "toan_trinh (toàn trình), mot_phan (một phần) hoặc khong."
    )
    status: Status = describe("Hiệu lực", "Ngày hiệu lực, bãi bỏ, thay thế.", Status())
    applicants: tuple[Text, ...] = describe(
        "Đối tượng thực hiện", "Ai được nộp, ví dụ «Công dân Việt Nam».", ()
    )
    authority: Authority | None = describe("Cơ quan giải quyết", "Cơ quan có thẩm quyền giải quyết.", None)
    steps: tuple[Step, ...] = describe("Trình tự thực hiện", "Các bước, theo thứ tự.", ())
    channels: tuple[Channel, ...] = describe(
        "Cách thức thực hiện", "Mỗi cách nộp với thời hạn và phí, lệ phí riêng.", ()
    )
    documents: tuple[DossierCase, ...] = describe("Thành phần hồ sơ", "Các nhóm giấy tờ cần nộp.", ())
    result: tuple[Text, ...] = describe(
        "Kết quả", "Kết quả thực hiện, ví dụ «Giấy khai sinh (bản chính)».", ()
    )
    conditions: tuple[Text, ...] = describe("Yêu cầu, điều kiện", "Yêu cầu, điều kiện thực hiện.", ())
    legal_basis: tuple[LegalDocument, ...] = describe("Căn cứ pháp lý", "Các văn bản quy định thủ tục.", ())
    published_by: Decision | None = describe("Quyết định công bố", "Quyết định công bố thủ tục.", None)
    related: tuple[Code, ...] = describe("Thủ tục liên quan", "Mã các thủ tục liên quan.", ())
    events: tuple[EventRef, ...] = describe(
        "Sự kiện",
        "Thêm thủ tục vào một sự kiện trong đời (mã trong generator/core/events/events.yaml, ví dụ sinh-con)"
        " hoặc bỏ ra bằng dấu trừ (-sinh-con). Thường không cần: thủ tục được gắn theo tên và lĩnh vực.",
        (),
    )
    source: Source | None = describe("Nguồn", "Nơi lấy thông tin và ngày đối chiếu gần nhất.", None)
    change_note: Text | None = describe(
        "Ghi chú thay đổi",
        "Tóm tắt lần sửa gần nhất, viết cho công dân. Mỗi ghi chú mới hiện trong «Lịch sử thay đổi» "
        "của trang, trang «Thay đổi gần đây» và nguồn tin Atom; viết ghi chú mới mỗi khi sửa phí, "
        "thời hạn, hồ sơ.",
        None,
    )
    not_applicable: tuple[Part, ...] = describe(
        "Không áp dụng",
        "Các phần cố ý để trống vì không áp dụng cho thủ tục này, ví dụ [conditions].",
        (),
    )
