"""Shared value types of the model: strict text, slugs, codes, ISO dates, enumerations."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Strict, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text. Strict: a number or true/false is never turned into text silently."""

Slug = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
"""A kebab-case identifier: lower-case ASCII letters, digits and single hyphens."""

EventRef = Annotated[str, Strict(), StringConstraints(pattern=r"^-?[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=81)]
"""A life-event id (``sinh-con``) or, with a leading minus, its removal (``-sinh-con``)."""

Code = Annotated[str, Strict(), StringConstraints(pattern=r"^\d\.\d{6}$")]
"""A national procedure code such as 1.001193 (always quoted in YAML)."""

Url = Annotated[str, Strict(), StringConstraints(pattern=r"^https?://[^\s]+$")]
"""An absolute http(s) address."""

ClockTime = Annotated[str, Strict(), StringConstraints(pattern=r"^(?:[01]\d|2[0-3]):[0-5]\d$")]
"""A time of day as HH:MM, e.g. 15:00."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError(
        "invalid-date",
        "Ngày phải có dạng NĂM-THÁNG-NGÀY và là ngày có thật, ví dụ 2026-09-07.",
    )


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
    )
