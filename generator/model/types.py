"""Shared value types of the model: strict text, slugs, codes, ISO dates, enumerations."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Strict, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.model.web import Url as Url  # re-exported: the models import every value type from here

Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text. Strict: a number or true/false is never turned into text silently."""

Slug = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
"""A kebab-case identifier: lower-case ASCII letters, digits and single hyphens."""

EventRef = Annotated[str, Strict(), StringConstraints(pattern=r"^-?[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=81)]
"""A life-event id (``sinh-con``) or, with a leading minus, its removal (``-sinh-con``)."""

Code = Annotated[str, Strict(), StringConstraints(pattern=r"^[0-9]\.[0-9]{6}$")]
"""A national procedure code such as 1.001193 (always quoted in YAML); ASCII digits only, so a
full-width or Arabic-Indic digit can never make a second spelling of the same code."""

ClockTime = Annotated[str, Strict(), StringConstraints(pattern=r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$")]
"""A time of day as HH:MM, e.g. 15:00."""

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

FIRST_YEAR, LAST_YEAR = 1945, 2100
"""The sane range of every date in content (the state's first legal documents to the longest plan)."""


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        found: dt.date | None = value
    elif isinstance(value, str) and _ISO_DATE.match(value):
        try:
            found = dt.date.fromisoformat(value)
        except ValueError:
            found = None
    else:
        found = None
    if found is None:
        raise PydanticCustomError(
            "invalid-date",
            "Ngày phải có dạng NĂM-THÁNG-NGÀY và là ngày có thật, ví dụ 2026-09-07.",
        )
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise PydanticCustomError(
            "invalid-date",
            "Năm {year} nằm ngoài khoảng cho phép ({first}–{last}); hãy kiểm tra lại ngày.",
            {"year": found.year, "first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return found


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _ISO_DATE.pattern}),
]
"""A calendar date written YYYY-MM-DD."""

ChannelKind = Literal["truc_tiep", "truc_tuyen", "buu_chinh"]
OnlineLevel = Literal["toan_trinh", "mot_phan", "khong"]
TimeUnit = Literal["working_day", "calendar_day", "hour", "month", "within_day"]
FeeType = Literal["phi", "le_phi"]
LevelSlug = Literal["trung_uong", "tinh", "huyen", "xa"]
PaperSize = Literal["A4", "A3"]


def _whole_points(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError(
            "invalid-choice", "cỡ chữ là số nguyên 15 hoặc 21, không đặt trong ngoặc kép, không có phần lẻ"
        )
    return value


BodySize = Annotated[Literal[15, 21], BeforeValidator(_whole_points)]
"""A poster body size in points: the integer 15 or 21 (15.0, «15» and true are refused)."""
Part = Literal[
    "steps",
    "channels",
    "documents",
    "applicants",
    "authority",
    "result",
    "conditions",
    "fees",
    "forms",
    "legal_basis",
]

CHANNEL_LABELS: dict[str, str] = {
    "truc_tiep": "Trực tiếp",
    "truc_tuyen": "Trực tuyến",
    "buu_chinh": "Dịch vụ bưu chính công ích",
}
ONLINE_LABELS: dict[str, str] = {
    "toan_trinh": "Trực tuyến toàn trình",
    "mot_phan": "Trực tuyến một phần",
    "khong": "Không trực tuyến",
}
LEVEL_LABELS: dict[str, str] = {
    "trung_uong": "Cấp trung ương",
    "tinh": "Cấp tỉnh",
    "huyen": "Cấp huyện (trước 01/07/2025)",
    "xa": "Cấp xã",
}
UNIT_LABELS: dict[str, str] = {
    "working_day": "ngày làm việc",
    "calendar_day": "ngày",
    "hour": "giờ",
    "month": "tháng",
    "within_day": "trong ngày",
}


class Record(BaseModel):
    """Base of every content model: frozen, unknown keys rejected, Vietnamese text kept as is."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=False,
        str_strip_whitespace=True,
        use_attribute_docstrings=False,
        allow_inf_nan=False,
    )
