"""Stage 2b (plans): cross-checks of each plan, registered in ``PLAN_CHECKS``; rules yield, never raise.

Codes against the plan's own code list, one map area per project and one project per area,
references inside the plan, legal time limits (publication deadline, consultation minimum,
projects listed for years without progress) and personal data. Geometry rules are in
:mod:`generator.plans.checks_geo`. Calendar-dependent findings are dated warnings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator

from generator.issues import Issue, Severity
from generator.load import PathKey
from generator.model.dates import format_date
from generator.plans.checks_geo import check_areas, check_boundary, check_properties, check_rings
from generator.plans.codes import code_list
from generator.plans.lifecycle import consultation_days, legal_rule, publication_deadline
from generator.plans.read import PlanEntry

WARN = Severity.WARNING
DISTRICTS_ABOLISHED = dt.date(2025, 7, 1)
_ID_NUMBER = re.compile(r"(?<!\d)(?:\d{9}|\d{12})(?!\d)")
"""A 9-digit CMND or 12-digit CCCD number: personal data that must never be published."""


def check_codes(entry: PlanEntry) -> Iterator[Issue]:
    """Every land-use code is in the plan's own code list (never the other list)."""
    codes = code_list(entry.model.code_list)
    other = "tt08-2024" if entry.model.code_list == "tt27-2018" else "tt27-2018"

    def unknown(code: str) -> str:
        elsewhere = (
            f" Mã này có trong bảng {other}: kiểm tra «code_list»." if code in code_list(other).codes else ""
        )
        return f"Mã loại đất «{code}» không có trong bảng {codes.title}.{elsewhere}"

    for i, indicator in enumerate(entry.model.indicators):
        if indicator.code not in codes.codes:
            yield entry.issue("plan-code-unknown", ("indicators", i, "code"), unknown(indicator.code))
    for i, project in enumerate(entry.model.projects):
        if project.code not in codes.codes:
            yield entry.issue("plan-code-unknown", ("projects", i, "code"), unknown(project.code))
        for j, code in enumerate(project.from_codes):
            if code not in codes.codes:
                yield entry.issue("plan-code-unknown", ("projects", i, "from_codes", j), unknown(code))
    for feature in entry.geo.features:
        if feature.layer != "ranh_gioi" and feature.code is not None and feature.code not in codes.codes:
            path = ("features", feature.index, "properties", "code")
            yield entry.geo.issue("plan-code-unknown", path, unknown(feature.code))


def check_ids(entry: PlanEntry) -> Iterator[Issue]:
    """Project ids, document ids and indicator codes are each used once."""
    plan = entry.model
    groups = (
        ("projects", "id", [p.id for p in plan.projects]),
        ("documents", "id", [d.id for d in plan.documents]),
        ("indicators", "code", [x.code for x in plan.indicators]),
    )
    for key, attr, values in groups:
        seen: set[str] = set()
        for i, value in enumerate(values):
            if value in seen:
                yield entry.issue(
                    "plan-duplicate-id", (key, i, attr), f"«{value}» đã dùng ở mục trước trong «{key}»."
                )
            seen.add(value)
    counts = Counter(f.id for f in entry.geo.features if f.id is not None)
    for feature in entry.geo.features:
        if feature.id is not None and counts[feature.id] > 1:
            path = ("features", feature.index, "id")
            yield entry.geo.issue(
                "geo-feature-duplicate", path, f"Mã vùng «{feature.id}» xuất hiện nhiều lần."
            )


def check_project_features(entry: PlanEntry) -> Iterator[Issue]:
    """Every project has one map area with its id, and every project area is in the list."""
    features = {f.id for f in entry.geo.features if f.layer == "cong_trinh"}
    for i, project in enumerate(entry.model.projects):
        if project.id not in features:
            yield entry.issue(
                "plan-project-no-feature",
                ("projects", i, "id"),
                f"Công trình «{project.id}» chưa có vùng trên bản đồ {entry.geo.display} (cần một vùng "
                f"«layer»: «cong_trinh» với «id»: «{project.id}»).",
            )
    listed = {p.id for p in entry.model.projects}
    for feature in entry.geo.features:
        if feature.layer == "cong_trinh" and feature.id not in listed:
            yield entry.geo.issue(
                "plan-feature-no-project",
                ("features", feature.index, "id"),
                f"Vùng «{feature.id}» không có trong danh mục công trình của {entry.file.display}; thêm công "
                "trình hoặc đổi «layer» thành «khoanh_dat».",
            )


def check_references(entry: PlanEntry) -> Iterator[Issue]:
    """Document ids and former communes named in the plan exist in it; dates are in order."""
    plan = entry.model
    documents = {d.id for d in plan.documents}
    refs = [(("approval", "document"), plan.approval.document if plan.approval else None)]
    refs.append(
        (
            ("consultation", "report_on_comments"),
            plan.consultation.report_on_comments if plan.consultation else None,
        )
    )
    for path, ref in refs:
        if ref is not None and ref not in documents:
            yield entry.issue(
                "plan-document-unknown",
                path,
                f"Không có tài liệu «{ref}» trong «documents»: {', '.join(documents) or 'chưa có'}.",
            )
    communes = {c.code for c in plan.area.former_communes} | {plan.area.commune_code}
    for i, project in enumerate(plan.projects):
        for j, location in enumerate(project.locations):
            if location.former_commune not in communes:
                yield entry.issue(
                    "plan-former-commune-unknown",
                    ("projects", i, "locations", j, "former_commune"),
                    f"Mã xã «{location.former_commune}» không phải xã của địa bàn cũng không có trong "
                    "«area.former_communes»; tờ bản đồ được đánh số theo xã cũ nên cần đúng mã.",
                )
    windows: list[tuple[PathKey, dt.date, dt.date]] = [(("period",), plan.period.start, plan.period.end)]
    if plan.consultation is not None:
        windows.append((("consultation",), plan.consultation.start, plan.consultation.end))
    for where, start, end in windows:
        if end < start:
            yield entry.issue(
                "date-order", (*where, "end"), f"Ngày kết thúc {format_date(end)} trước ngày bắt đầu."
            )


def check_links(entries: tuple[PlanEntry, ...]) -> Iterator[Issue]:
    """``amends`` and ``status.adjusted_by`` name plans that exist."""
    known = {e.slug for e in entries}
    for entry in entries:
        for path, ref in (
            (("amends",), entry.model.amends),
            (("status", "adjusted_by"), entry.model.status.adjusted_by),
        ):
            if ref is not None and ref not in known:
                yield entry.issue(
                    "plan-reference-unknown", path, f"Không có kế hoạch «{ref}» trong content/plans/."
                )


def check_publication(entry: PlanEntry, as_of: dt.date) -> Iterator[Issue]:
    """An approved plan is published within the legal deadline (a warning otherwise)."""
    plan, deadline = entry.model, publication_deadline(entry.model)
    if deadline is None:
        return
    rule, published = legal_rule(plan), plan.publication.published_on
    if published is not None and published > deadline:
        yield entry.issue(
            "plan-publication-late",
            ("publication", "published_on"),
            f"Công bố ngày {format_date(published)}, sau hạn {format_date(deadline)} "
            f"({rule.publish_days} ngày kể từ ngày phê duyệt, {rule.publish_source}).",
            severity=WARN,
        )
    elif published is None and as_of > deadline:
        yield entry.issue(
            "plan-publication-missing",
            ("publication",),
            f"Kế hoạch đã phê duyệt nhưng chưa ghi ngày công bố; hạn công bố là {format_date(deadline)}.",
            severity=WARN,
            dated=True,
        )
    if plan.level == "huyen" and plan.approval is not None and plan.approval.date >= DISTRICTS_ABOLISHED:
        yield entry.issue(
            "level-historical",
            ("level",),
            "Cấp huyện không còn từ 01/07/2025; kế hoạch phê duyệt sau ngày này là cấp xã hoặc cấp tỉnh.",
            severity=WARN,
        )


def check_consultation(entry: PlanEntry, as_of: dt.date) -> Iterator[Issue]:
    """The draft was consulted on for at least the legal minimum, and the report on comments is public."""
    plan, rule = entry.model, legal_rule(entry.model)
    days = consultation_days(plan)
    if plan.consultation is None:
        if plan.approval is None:
            yield entry.issue(
                "plan-consultation-missing",
                (),
                "Dự thảo chưa có «consultation» (thời gian, cách góp ý).",
                severity=WARN,
            )
        return
    if days is not None and 0 < days < rule.consult_days:
        yield entry.issue(
            "plan-consultation-short",
            ("consultation", "end"),
            f"Lấy ý kiến {days} ngày, ít hơn tối thiểu {rule.consult_days} ngày ({rule.consult_source}).",
            severity=WARN,
        )
    closed = as_of > plan.consultation.end
    if closed and plan.approval is not None and plan.consultation.report_on_comments is None:
        yield entry.issue(
            "plan-report-missing",
            ("consultation",),
            "Đã phê duyệt nhưng chưa công khai báo cáo tổng hợp, tiếp thu, giải trình ý kiến "
            "(«report_on_comments»).",
            severity=WARN,
            dated=True,
        )


def check_stale_projects(entry: PlanEntry) -> Iterator[Issue]:
    """Projects carried over for the regime's limit of years without progress are flagged for review."""
    plan, rule = entry.model, legal_rule(entry.model)
    year = plan.period.start.year
    for i, project in enumerate(plan.projects):
        waited = year - project.first_listed
        if project.status in ("moi", "chuyen_tiep") and waited >= rule.stale_years:
            yield entry.issue(
                "plan-project-stale",
                ("projects", i, "first_listed"),
                f"«{project.name}» có trong kế hoạch từ năm {project.first_listed} ({waited} năm). Quá "
                f"{rule.stale_years} năm chưa thực hiện thì phải điều chỉnh hoặc hủy bỏ và công bố "
                f"({rule.stale_source}): cần rà soát.",
                severity=WARN,
            )


def check_personal_data(entry: PlanEntry) -> Iterator[Issue]:
    """No identity-card numbers in any free text of the plan (owner names have no key to go in)."""
    for i, project in enumerate(entry.model.projects):
        texts: list[tuple[PathKey, str]] = [
            (("name",), project.name),
            (("note",), project.note or ""),
            (("basis",), project.basis or ""),
        ]
        texts += [(("villages", j), v) for j, v in enumerate(project.villages)]
        for key, text in texts:
            if _ID_NUMBER.search(text):
                path = ("projects", i, *key)
                yield entry.issue(
                    "plan-personal-data",
                    path,
                    "Có dãy 9 hoặc 12 chữ số giống số CMND/CCCD: không công khai thông tin cá nhân "
                    "(Nghị định 13/2023/NĐ-CP); hãy xoá.",
                )


PLAN_CHECKS: tuple[Callable[[PlanEntry], Iterator[Issue]], ...] = (
    check_codes,
    check_ids,
    check_project_features,
    check_references,
    check_stale_projects,
    check_personal_data,
    check_rings,
    check_boundary,
    check_areas,
    check_properties,
)
DATED_CHECKS: tuple[Callable[[PlanEntry, dt.date], Iterator[Issue]], ...] = (
    check_publication,
    check_consultation,
)


def check_plan_offices(entries: tuple[PlanEntry, ...], offices: frozenset[str]) -> Iterator[Issue]:
    """The office a plan names (where to see the file) exists in content/offices/."""
    for entry in entries:
        office = entry.model.office
        if office is not None and office not in offices:
            yield entry.issue(
                "unknown-office",
                ("office",),
                f"Không có cơ quan «{office}» trong content/offices/ (cần tệp {office}.yaml). "
                f"Các cơ quan: {', '.join(sorted(offices)) or 'chưa có'}.",
            )


def run_plan_checks(entries: tuple[PlanEntry, ...], as_of: dt.date) -> list[Issue]:
    """Run every plan rule over every plan."""
    issues = list(check_links(entries))
    for entry in entries:
        issues += [issue for check in PLAN_CHECKS for issue in check(entry)]
        issues += [issue for check in DATED_CHECKS for issue in check(entry, as_of)]
    return issues
