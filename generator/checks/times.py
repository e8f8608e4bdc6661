"""Cross-record rules, times: step times within the channel time, times with a value, online level."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.catalogue import Catalogue
from generator.issues import Issue, Severity
from generator.model import ProcessingTime, StepDuration
from generator.model.types import UNIT_LABELS

WARN = Severity.WARNING


HOURS_PER_WORKING_DAY = 8


def _to_hours(value: float, unit: str) -> float | None:
    if unit == "hour":
        return value
    if unit == "working_day":
        return value * HOURS_PER_WORKING_DAY
    return None


def _step_total(durations: list[StepDuration], unit: str) -> float | None:
    """Sum step durations in the unit of the channel, or None if they cannot be compared."""
    if unit in ("calendar_day", "month"):
        if all(d.unit == unit for d in durations):
            return sum(d.value or 0 for d in durations)
        return None
    hours = [_to_hours(d.value or 0, d.unit) for d in durations]
    if any(h is None for h in hours):
        return None
    total = sum(h for h in hours if h is not None)
    return total if unit == "hour" else total / HOURS_PER_WORKING_DAY


def check_step_durations(cat: Catalogue) -> Iterator[Issue]:
    """The steps' own durations never add up to more than a channel's processing time."""
    for entry in cat.procedures:
        durations = [s.duration for s in entry.model.steps if s.duration is not None]
        if not durations:
            continue
        for i, channel in enumerate(entry.model.channels):
            time = channel.time
            limit = 1.0 if time.unit == "within_day" else time.value
            unit = "working_day" if time.unit == "within_day" else time.unit
            total = _step_total(durations, unit)
            if limit is None or total is None or total <= limit + 1e-9:
                continue
            yield entry.issue(
                "step-time-exceeds",
                ("steps",),
                f"Tổng thời gian các bước ({total:g} {UNIT_LABELS[unit]}) vượt thời hạn giải quyết của "
                f"cách nộp channels[{i}] ({limit:g} {UNIT_LABELS[unit]}). Hãy sửa thời gian các bước "
                "hoặc thời hạn.",
            )


def check_times(cat: Catalogue) -> Iterator[Issue]:
    """Each processing time states its length (or is within the day); channels are not repeated."""
    for entry in cat.procedures:
        kinds: set[str] = set()
        for i, channel in enumerate(entry.model.channels):
            where = ("channels", i, "time")
            time = channel.time
            if channel.kind in kinds:
                yield entry.issue(
                    "channel-duplicate",
                    ("channels", i, "kind"),
                    f"Cách nộp «{channel.kind}» xuất hiện hai lần; hãy gộp các khoản phí vào một mục.",
                )
            kinds.add(channel.kind)
            if time.unit == "within_day" and time.value is not None:
                yield entry.issue(
                    "time-value-unexpected",
                    (*where, "value"),
                    "Đơn vị within_day (trong ngày) không cần «value»; hãy xoá «value» hoặc đổi đơn vị.",
                )
            if time.unit != "within_day" and time.value is None and not time.stages and time.text is None:
                yield entry.issue(
                    "time-value-missing",
                    where,
                    "Thiếu thời hạn: hãy ghi «value» (ví dụ 3), hoặc liệt kê «stages», hoặc ghi «text».",
                )


_LENGTH = re.compile(r"(?<![\d,.])(\d+(?:,\d+)?)\s*(?:ngày|giờ|tháng)", re.IGNORECASE)
_CONDITION = re.compile(r"\b(trường hợp|nếu|đối với|khi)\b", re.IGNORECASE)
_CLOCK = re.compile(r"(?:sau|trước|lúc|từ)\s+\d+\s*giờ", re.IGNORECASE)
_NOT_A_CASE = re.compile(r"không tính|không kể|theo quy định|cắt giảm|niêm yết", re.IGNORECASE)


def _length(number: str) -> str:
    """A written length in one form: decimal comma, no leading zeros («03» → «3», «0.5» → «0,5»)."""
    return re.sub(r"^0+(?=\d)", "", number.replace(".", ","))


def unstated_cases(time: ProcessingTime) -> list[str]:
    """Clauses of the published wording that give another length for a case the data does not list.

    A clause counts when it names a condition («trường hợp», «nếu», «đối với», «khi») and a length
    other than the headline's (a cut-off hour «sau 15 giờ» is not a length), and is not about time
    left out of the count or the legal maximum before a local cut.
    """
    if time.cases or not time.text:
        return []
    headline = {_length(f"{time.value:g}")} if time.value is not None else set()
    found = []
    for clause in re.split(r";|\.(?!\d)", time.text):
        if not _CONDITION.search(clause) or _NOT_A_CASE.search(clause):
            continue
        lengths = {_length(number) for number in _LENGTH.findall(_CLOCK.sub("", clause))}
        if lengths - headline:
            found.append(clause.strip())
    return found


def check_time_cases(cat: Catalogue) -> Iterator[Issue]:
    """A published time that gives other lengths for some cases lists them in ``cases``."""
    for entry in cat.procedures:
        for i, channel in enumerate(entry.model.channels):
            clauses = unstated_cases(channel.time)
            if clauses:
                yield entry.issue(
                    "time-cases-unstated",
                    ("channels", i, "time", "text"),
                    f"Nguyên văn thời hạn nêu thời hạn khác cho một trường hợp («{clauses[0]}») nhưng "
                    "«cases» trống: hãy ghi trường hợp đó vào «cases» (when, value, unit) để bảng tóm "
                    "tắt, kết quả tìm kiếm và bảng niêm yết không chỉ in thời hạn chính.",
                    severity=WARN,
                )


def check_online_level(cat: Catalogue) -> Iterator[Issue]:
    """The online level agrees with the channels offered."""
    for entry in cat.procedures:
        kinds = {c.kind for c in entry.model.channels}
        if entry.model.online != "khong" and entry.model.channels and "truc_tuyen" not in kinds:
            yield entry.issue(
                "online-channel-missing",
                ("online",),
                "Thủ tục có dịch vụ trực tuyến nhưng chưa có cách nộp «truc_tuyen» trong «channels».",
                severity=WARN,
            )
        if entry.model.online == "khong" and "truc_tuyen" in kinds:
            yield entry.issue(
                "online-level-mismatch",
                ("online",),
                "Có cách nộp trực tuyến nhưng «online» là khong; hãy chọn toan_trinh hoặc mot_phan.",
                severity=WARN,
            )
