"""Cross-record rules, Decree 63 Art. 8(2): mandatory and conditional parts of a procedure."""

from __future__ import annotations

from collections.abc import Iterator

from generator.catalogue import Catalogue
from generator.issues import Issue, Severity
from generator.model import Procedure

WARN = Severity.WARNING


MANDATORY_PARTS: dict[str, str] = {
    "applicants": "Đối tượng thực hiện (applicants)",
    "authority": "Cơ quan giải quyết (authority)",
    "steps": "Trình tự thực hiện (steps)",
    "channels": "Cách thức thực hiện, thời hạn (channels)",
    "documents": "Thành phần, số lượng hồ sơ (documents)",
}
"""Decree 63/2010 Art. 8(2)(a–g); the name is required by the model itself."""

CONDITIONAL_PARTS: dict[str, str] = {
    "result": "Kết quả thực hiện (result)",
    "conditions": "Yêu cầu, điều kiện (conditions)",
}
"""Art. 8(2)(h): present, or declared not applicable, never silently blank."""


def _is_filled(model: Procedure, part: str) -> bool:
    value = getattr(model, part)
    return value is not None and value != ()


def check_mandatory_parts(cat: Catalogue) -> Iterator[Issue]:
    """Decree 63/2010 Art. 8(2): mandatory parts present unless declared not applicable."""
    for entry in cat.procedures:
        model = entry.model
        historical = model.status.effective_to is not None
        for part, label in MANDATORY_PARTS.items():
            if not _is_filled(model, part) and part not in model.not_applicable:
                yield entry.issue(
                    "decree63-part-missing",
                    (part,),
                    f"Thiếu phần bắt buộc theo Nghị định 63/2010, Điều 8(2): {label}. Hãy bổ sung, hoặc "
                    f"ghi «{part}» vào «not_applicable» nếu thật sự không áp dụng.",
                    severity=WARN if historical else Severity.ERROR,
                )
        for part, label in CONDITIONAL_PARTS.items():
            if not _is_filled(model, part) and part not in model.not_applicable:
                yield entry.issue(
                    "conditional-part-empty",
                    (part,),
                    f"Phần «{label}» đang trống. Nếu không áp dụng, hãy ghi «{part}» vào «not_applicable».",
                    severity=WARN,
                )
        for i, part in enumerate(model.not_applicable):
            checked = part in MANDATORY_PARTS or part in CONDITIONAL_PARTS
            if checked and _is_filled(model, part):
                yield entry.issue(
                    "not-applicable-conflict",
                    ("not_applicable", i),
                    f"Phần «{part}» có nội dung nhưng lại được ghi là không áp dụng; hãy bỏ một trong hai.",
                )
