"""Stage 2 (plans): dated facts — a plan's lifecycle on the build date and the legal time limits.

Nothing here turns into an error because the calendar moved: the state is derived from the
plan's own dates against ``as_of``, exactly like a procedure's. The legal limits depend on the
plan's regime (Land Law 2013, as amended 2018, or 2024) and are documented in docs/plans.md with
their sources; those marked there as unconfirmed must be checked against the gazette.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from generator.plans.model import Plan

PlanState = Literal[
    "consultation_upcoming",
    "consulting",
    "awaiting_approval",
    "approved_upcoming",
    "in_force",
    "adjusted",
    "cancelled",
    "expired",
]

STATE_LABELS: dict[str, str] = {
    "consultation_upcoming": "Dự thảo – sắp lấy ý kiến",
    "consulting": "Dự thảo – đang lấy ý kiến",
    "awaiting_approval": "Dự thảo – chờ phê duyệt",
    "approved_upcoming": "Đã phê duyệt – chưa đến kỳ",
    "in_force": "Đang thực hiện, công khai",
    "adjusted": "Đã được điều chỉnh",
    "cancelled": "Đã hủy bỏ",
    "expired": "Đã hết kỳ",
}

KIND_LABELS: dict[str, str] = {
    "quy_hoach": "Quy hoạch sử dụng đất",
    "ke_hoach_5_nam": "Kế hoạch sử dụng đất 5 năm",
    "ke_hoach_hang_nam": "Kế hoạch sử dụng đất hằng năm",
    "dieu_chinh": "Điều chỉnh, bổ sung kế hoạch sử dụng đất",
}

DRAFT_STATES = frozenset({"consultation_upcoming", "consulting", "awaiting_approval"})
POSTED_STATES = frozenset({"approved_upcoming", "in_force"})
"""States in which an approved plan must stay public (Land Law 2024 Art. 75(4)(b): the whole period)."""


@dataclass(frozen=True)
class LegalRule:
    """The time limits of one regime: days to publish, minimum consultation days, years before review."""

    publish_days: int
    consult_days: int
    stale_years: int
    publish_source: str
    consult_source: str
    stale_source: str


def legal_rule(plan: Plan) -> LegalRule:
    """The publication deadline, consultation minimum and stale-project limit that apply to ``plan``."""
    annual = plan.kind in ("ke_hoach_hang_nam", "dieu_chinh")
    if plan.regime == "luat-dat-dai-2024":
        consult = 45 if plan.level in ("tinh", "trung_uong") else (20 if annual else 30)
        law = "Luật Đất đai 2024"
        return LegalRule(15, consult, 2, f"{law}, Điều 75", f"{law}, Điều 70", f"{law}, Điều 76")
    publish = 30 if plan.regime == "luat-dat-dai-2013" else 15
    law = "Luật Đất đai 2013" + (" (sửa đổi 2018)" if publish == 15 else "")
    return LegalRule(
        publish, 20 if annual else 30, 3, f"{law}, Điều 48", f"{law}, Điều 43", f"{law}, Điều 49"
    )


def plan_state(plan: Plan, as_of: dt.date) -> PlanState:
    """Derive the plan's state on ``as_of`` from its approval, consultation, period and status dates."""
    status = plan.status
    if status.cancelled_on is not None and as_of >= status.cancelled_on:
        return "cancelled"
    if status.adjusted_on is not None and as_of >= status.adjusted_on:
        return "adjusted"
    if plan.approval is None or as_of < plan.approval.date:
        window = plan.consultation
        if window is not None and as_of < window.start:
            return "consultation_upcoming"
        if window is not None and as_of <= window.end:
            return "consulting"
        return "awaiting_approval"
    if as_of > plan.period.end:
        return "expired"
    return "approved_upcoming" if as_of < plan.period.start else "in_force"


def publication_deadline(plan: Plan) -> dt.date | None:
    """The last day the approved plan may be published (approval date + the regime's days)."""
    if plan.approval is None:
        return None
    return plan.approval.date + dt.timedelta(days=legal_rule(plan).publish_days)


def consultation_days(plan: Plan) -> int | None:
    """The length of the consultation window in days, both ends included."""
    window = plan.consultation
    return None if window is None else (window.end - window.start).days + 1


def days_left(plan: Plan, as_of: dt.date) -> int | None:
    """Days left to comment, today included, while the consultation is open."""
    window = plan.consultation
    if window is None or not window.start <= as_of <= window.end:
        return None
    return (window.end - as_of).days + 1


NoticeKind = Literal["approved", "consultation"]
CONSULTATION_STATES = frozenset({"consultation_upcoming", "consulting"})


def notice_kind(plan: Plan, as_of: dt.date) -> NoticeKind | None:
    """Which notice the board shows for ``plan`` on ``as_of``, if any.

    An approved plan is posted in its publication period (approved and not yet past its period or
    the publication's own end date); a draft while its consultation is announced or open. Nothing is
    posted for a draft awaiting approval, nor for an expired, adjusted or cancelled plan.
    """
    state = plan_state(plan, as_of)
    if state in POSTED_STATES:
        until = plan.publication.until or plan.period.end
        return "approved" if as_of <= until else None
    return "consultation" if state in CONSULTATION_STATES else None


def dated_changes(plan: Plan, as_of: dt.date) -> list[dt.date]:
    """The dates on or before ``as_of`` on which what the plan's notices say changed without an edit."""
    dates = [plan.period.start]
    if plan.approval is not None:
        dates.append(plan.approval.date)
    if plan.consultation is not None:
        dates += [plan.consultation.start, plan.consultation.end + dt.timedelta(days=1)]
    return [d for d in dates if d <= as_of]
