"""Facts: what each online level means for a citizen, in one phrase (finder, procedure page, lists)."""

from __future__ import annotations

from generator.model.types import ONLINE_LABELS

ONLINE_MEANINGS: dict[str, str] = {
    "toan_trinh": "nộp hồ sơ, theo dõi, nộp phí và nhận kết quả hoàn toàn trên mạng, không phải đến cơ quan",
    "mot_phan": (
        "nộp hồ sơ trên mạng, nhưng vẫn phải đến cơ quan một lần (nộp bản giấy, bản chính hoặc nhận kết quả)"
    ),
    "khong": "chỉ nộp trực tiếp tại cơ quan hoặc qua bưu chính",
}
"""The meaning of each online level (ONLINE_LABELS), as a citizen needs it to choose."""


def online_meaning(level: str) -> str:
    """«Trực tuyến toàn trình: nộp hồ sơ … không phải đến cơ quan» for one online level."""
    return f"{ONLINE_LABELS[level]}: {ONLINE_MEANINGS[level]}"


def online_meanings() -> tuple[str, ...]:
    """The meaning of every online level, in the order of ONLINE_LABELS."""
    return tuple(online_meaning(level) for level in ONLINE_LABELS)
