"""The change report (plans): what a pull request changes in the land-use plans, in plain Vietnamese.

Plans are matched by folder id and projects by id: added and removed projects, area, land-use
code, land recovery, parcels and map outline changes, consultation dates, approval, publication
and lifecycle. ``generator.review.report`` appends this section to the procedure report.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.catalogue import Catalogue
from generator.core.mdtext import markdown_name, markdown_text
from generator.facts.numbers import hectares
from generator.model.dates import format_date
from generator.plans import wording as w
from generator.plans.lifecycle import STATE_LABELS, plan_state
from generator.plans.model import Plan, Project
from generator.plans.read import PlanEntry


@dataclass(frozen=True)
class PlanChange:
    """What changed in one plan: its id, name, ``added`` / ``removed`` / ``changed``, and the lines."""

    slug: str
    name: str
    kind: str
    lines: tuple[str, ...]


def _project_text(p: Project) -> str:
    recovery = "có thu hồi đất" if p.recovery else "không thu hồi đất"
    return f"«{p.name}» ({p.id}, {p.code}, {hectares(p.area_ha)} ha, {recovery})"


def _where(p: Project) -> str:
    return "; ".join(
        f"{loc.former_commune} tờ {loc.sheet} thửa {', '.join(loc.parcels) or '—'}" for loc in p.locations
    )


def _project_lines(old: PlanEntry, new: PlanEntry) -> Iterator[str]:
    before = {p.id: p for p in old.model.projects}
    shapes = {f.id: f.polygons for f in old.geo.features}
    for p in new.model.projects:
        was = before.pop(p.id, None)
        if was is None:
            yield f"Thêm công trình {_project_text(p)}"
            continue
        pairs = [
            ("diện tích", f"{hectares(was.area_ha)} ha", f"{hectares(p.area_ha)} ha"),
            ("loại đất", was.code, p.code),
            ("thu hồi đất", "có" if was.recovery else "không", "có" if p.recovery else "không"),
            ("vị trí", _where(was), _where(p)),
            ("tình trạng", was.status, p.status),
        ]
        for label, a, b in pairs:
            if a != b:
                yield f"«{p.name}»: {label} {a} → {b}"
        feature = next((f for f in new.geo.features if f.id == p.id), None)
        if feature is not None and shapes.get(p.id) not in (None, feature.polygons):
            yield f"«{p.name}»: ranh giới trên bản đồ thay đổi"
    for p in before.values():
        yield f"Bỏ công trình {_project_text(p)}"


def _window(plan: Plan) -> str:
    return w.consultation_range(plan) or "không có"


def _plan_lines(old: PlanEntry, new: PlanEntry) -> Iterator[str]:
    a, b = old.model, new.model
    pairs = [
        ("Tên", a.name, b.name),
        ("Kỳ", w.period_text(a), w.period_text(b)),
        ("Lấy ý kiến", _window(a), _window(b)),
        (
            "Phê duyệt",
            w.approval_text(a.approval) if a.approval else "chưa",
            w.approval_text(b.approval) if b.approval else "chưa",
        ),
        (
            "Ngày công bố",
            format_date(a.publication.published_on) if a.publication.published_on else "chưa",
            format_date(b.publication.published_on) if b.publication.published_on else "chưa",
        ),
    ]
    for label, was, now in pairs:
        if was != now:
            yield f"{label}: {was} → {now}"
    yield from _project_lines(old, new)
    before = {d.id: d.sha256 for d in a.documents}
    for doc in b.documents:
        if before.get(doc.id) not in (None, doc.sha256):
            yield f"Tài liệu «{doc.title}»: tệp được thay"


def diff_plans(old: Catalogue | None, new: Catalogue) -> list[PlanChange]:
    """Compare the plans of two catalogues (matched by folder id)."""
    before = {e.slug: e for e in old.plans} if old else {}
    changes = []
    for entry in new.plans:
        was = before.pop(entry.slug, None)
        if was is None:
            changes.append(PlanChange(entry.slug, entry.model.name, "added", ()))
            continue
        lines = list(_plan_lines(was, entry))
        states = (plan_state(was.model, old.as_of if old else new.as_of), plan_state(entry.model, new.as_of))
        if states[0] != states[1]:
            lines.append(f"Trạng thái: {STATE_LABELS[states[0]]} → {STATE_LABELS[states[1]]}")
        if lines:
            changes.append(PlanChange(entry.slug, entry.model.name, "changed", tuple(lines)))
    changes += [PlanChange(slug, e.model.name, "removed", ()) for slug, e in before.items()]
    return changes


def render_plan_changes(changes: Sequence[PlanChange]) -> str:
    """The Markdown section of the report for plans ('' when no plan changed)."""
    titles = {"added": "Kế hoạch mới", "changed": "Kế hoạch thay đổi", "removed": "Kế hoạch bị xoá"}
    out: list[str] = []
    for kind, title in titles.items():
        items = [c for c in changes if c.kind == kind]
        if not items:
            continue
        out += [f"### {title} ({len(items)})", ""]
        for change in items:
            out.append(f"- **{markdown_text(change.name)}** ({markdown_name(change.slug)})")
            out += [f"  - {markdown_text(line)}" for line in change.lines]
        out.append("")
    return "\n".join(out)
