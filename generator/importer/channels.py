"""Import, channels: portal execution methods into channels with their own time and fees.

Where the portal is ambiguous the best-supported value is taken and a review point says why: a
time unit «OTHER» (the real time sits in ``cases[].processingDay``), a fee of 0 without a word, a
fee in another currency, a rule that only the method's description states.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.facts.fees import FEE_TYPE_LABELS
from generator.facts.times import duration
from generator.importer.records import Node
from generator.importer.text import fold

Review = Callable[[str, str], None]

KINDS: dict[str, tuple[str, ...]] = {
    "DIRECT": ("truc_tiep",),
    "ONLINE": ("truc_tuyen",),
    "POSTAL": ("buu_chinh",),
    "DIRECT_AND_ONLINE": ("truc_tiep", "truc_tuyen"),
}
ORDER = ("truc_tiep", "truc_tuyen", "buu_chinh")
UNITS = {"WORKING_DAY": "working_day", "DAY": "calendar_day", "HOUR": "hour", "MONTH": "month"}
FEE_TYPES = {"FEE": "phi", "SERVICE_FEE": "le_phi", "CHARGE": "le_phi", "LE_PHI": "le_phi", "PHI": "phi"}
_VND = frozenset({"viet nam dong", "vnd", "dong", "vn dong"})
PORTAL = "Cổng Dịch vụ công quốc gia"


def _case_times(record: Node) -> list[tuple[str, float, str]]:
    """(case name, length, unit) of every ``cases[].processingDay`` the portal gives."""
    found = []
    for case in record.items("cases"):
        day = case.obj("processingDay")
        if day is None:
            continue
        qty, unit = day.number("qty"), UNITS.get(day.text("type"))
        if qty is not None and qty > 0 and unit is not None:
            found.append((case.text("name") or case.text("code"), qty, unit))
    return found


def _value(number: float) -> int | float:
    return int(number) if number == int(number) else number


def _time(methods: list[Node], record: Node, where: str, review: Review) -> dict[str, Any]:
    """The processing time of one channel from its methods, or from the cases when the unit is OTHER."""
    own = {(m.number("processingTime"), m.text("processingTimeUnit")) for m in methods}
    if len(own) == 1:
        value, unit = next(iter(own))
        if unit in UNITS and value is not None and value > 0:
            return {"value": _value(value), "unit": UNITS[unit]}
    shown = ", ".join(sorted(f"{v or 0:g} «{u or 'trống'}»" for v, u in own))
    cases = _case_times(record)
    distinct = {(qty, unit) for _, qty, unit in cases}
    if len(distinct) == 1:
        qty, unit = distinct.pop()
        review(
            where, f"{PORTAL} ghi thời hạn {shown}; đã lấy {duration(qty, unit)} từ cases[].processingDay."
        )
        return {"value": _value(qty), "unit": unit}
    if cases:
        text = "; ".join(f"{name}: {duration(qty, unit)}" for name, qty, unit in cases)
        review(where, f"{PORTAL} ghi thời hạn {shown} và thời hạn khác nhau theo trường hợp; hãy chọn một.")
        return {"unit": cases[0][2], "text": text}
    review(where, f"{PORTAL} ghi thời hạn {shown}, không có thời hạn nào khác; hãy ghi thời hạn.")
    return {"unit": "working_day", "text": f"Chưa rõ ({PORTAL} ghi {shown})"}


def _fee_type(fee: Node, where: str, review: Review) -> str:
    raw = fee.text("type")
    if raw in FEE_TYPES:
        return FEE_TYPES[raw]
    review(where, f"Loại phí «{raw or 'trống'}» trên {PORTAL} không rõ là phí hay lệ phí; đã ghi «phi».")
    return "phi"


def _amount(out: dict[str, Any], value: int, text: str, method_text: str, where: str, review: Review) -> None:
    """A whole amount in đồng, its unit («/trang» → trang) or its text; the method's rule wins."""
    out["amount"] = value
    if text.startswith("/") and len(text) <= 40:
        out["unit"] = text[1:].strip()
    elif text:
        out["text"] = text
    if method_text:
        out["text"] = method_text
        review(
            where,
            "Quy tắc thu đầy đủ chỉ có trong mô tả cách thực hiện (đã chép vào «text»); "
            "hãy đối chiếu «amount», «unit».",
        )


def _fee(fee: Node, method_text: str, where: str, review: Review) -> dict[str, Any]:
    """One fee; only a whole number in đồng becomes an amount, anything else is text to review."""
    kind = _fee_type(fee, where, review)
    out: dict[str, Any] = {"type": kind, "name": fee.text("name") or FEE_TYPE_LABELS[kind]}
    value = fee.number("value")
    text = fee.text("description", multiline=True)
    currency = fee.text("currencyName")
    if value is not None and (value < 0 or value > 10**12):
        raise fee.get("value").fail(f"mức thu {value:g} nằm ngoài giới hạn")
    if currency and fold(currency) not in _VND:
        spelled = f"{value or 0:g} {currency}" + (text if text.startswith("/") else f" {text}".rstrip())
        out["text"] = method_text or spelled
        review(
            where, f"Mức thu {spelled} không tính bằng đồng; hãy ghi lại bằng đồng hoặc ghi rõ nơi áp dụng."
        )
    elif value and value == int(value):
        _amount(out, int(value), text, method_text, where, review)
    elif value:
        out["text"] = method_text or f"{value:g} đồng {text}".strip()
        review(where, f"Mức thu {value:g} không phải số đồng nguyên; hãy kiểm tra.")
    elif text or method_text:
        out["text"] = method_text or text
    else:
        out["text"] = f"{PORTAL} ghi 0 đồng, không kèm mô tả"
        review(where, f"{PORTAL} ghi mức thu 0 mà không nói miễn hay chưa nhập; {_ZERO_FIX}")
    return out


_ZERO_FIX = "hãy ghi mức thu, hoặc «exempt: true» và «exemption»."


def _distinct_names(fees: list[dict[str, Any]], described: list[str]) -> list[dict[str, Any]]:
    """Give fees of one channel distinct names (the change report matches fees by name).

    A repeated name is qualified by where the method's description says it applies («Tại cơ quan
    đại diện: …» → «Phí (tại cơ quan đại diện)»), else by its position.
    """
    counts: dict[str, int] = {}
    for fee in fees:
        counts[fee["name"]] = counts.get(fee["name"], 0) + 1
    for i, fee in enumerate(fees):
        if counts[fee["name"]] < 2:
            continue
        text = described[i] if i < len(described) else ""
        head = text.split(":", 1)[0].strip() if ":" in text else ""
        qualifier = head[0].lower() + head[1:] if head and len(head) <= 80 else f"khoản {i + 1}"
        fee["name"] = f"{fee['name']} ({qualifier})"
    return fees


def _group(record: Node) -> dict[str, list[Node]]:
    by_kind: dict[str, list[Node]] = {}
    for method in record.items("executionMethods"):
        raw = method.text("submissionMethod")
        if raw not in KINDS:
            raise method.get("submissionMethod").fail(
                f"cách nộp «{raw}» không biết; cần là một trong {', '.join(KINDS)}"
            )
        for kind in KINDS[raw]:
            by_kind.setdefault(kind, []).append(method)
    return by_kind


def map_channels(record: Node, review: Review) -> list[dict[str, Any]]:
    """Channels in a fixed order (in person, online, post), each with its time and fees."""
    by_kind = _group(record)
    shared = record.items("fees")
    channels = []
    for i, kind in enumerate(k for k in ORDER if k in by_kind):
        methods = by_kind[kind]
        where = f"channels[{i}]"
        channel: dict[str, Any] = {"kind": kind, "time": _time(methods, record, f"{where}.time", review)}
        fees: list[dict[str, Any]] = []
        notes: list[str] = []
        for method in methods:
            described = method.text("description", multiline=True)
            own = method.items("fees")
            for fee in own:
                fees.append(
                    _fee(fee, described if len(own) == 1 else "", f"{where}.fees[{len(fees)}]", review)
                )
            if described and len(own) != 1 and described not in notes:
                notes.append(described)
        for fee in shared:
            review(
                f"{where}.fees[{len(fees)}]",
                "Khoản thu ghi chung cho thủ tục, không theo cách nộp; hãy kiểm tra.",
            )
            fees.append(_fee(fee, "", f"{where}.fees[{len(fees)}]", review))
        channel["fees"] = _distinct_names(
            fees, [m.text("description") for m in methods for _ in m.items("fees")]
        )
        if notes:
            channel["note"] = "\n".join(notes)
        channels.append(channel)
    return channels
