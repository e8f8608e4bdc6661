"""The change report: what a pull request changes for citizens, in plain Vietnamese.

Compares the catalogue at a base git revision with the working tree, procedure by procedure and
field by field (fees, times, documents, effective dates…), and renders Markdown ready to post as
a pull-request comment. ``python -m generator changes --base origin/main``.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core.gitrefs import extract, resolve
from generator.errors import ContentError
from generator.facts.fees import fee_facts
from generator.facts.times import time_facts
from generator.model import Channel, Fee, Procedure, ProcessingTime
from generator.model.dates import LIFECYCLE_LABELS, format_date
from generator.model.types import CHANNEL_LABELS, ONLINE_LABELS
from generator.plans.changes import diff_plans, render_plan_changes
from generator.reading import read_catalogue

CONTENT_PATHS = ("content", "procedures")


@dataclass(frozen=True)
class ProcedureChange:
    """What changed in one procedure.

    Attributes:
        slug: the stable page slug.
        name: the current name (the old one for a removed procedure).
        kind: ``added``, ``removed`` or ``changed``.
        lines: one plain-Vietnamese line per change, e.g. «Lệ phí …: 50.000 đồng → 100.000 đồng».
        reprint: offices whose posted sheet for this procedure must be reprinted.
    """

    slug: str
    name: str
    kind: str
    lines: tuple[str, ...]
    reprint: tuple[str, ...]


def snapshot(root: Path, ref: str, dest: Path) -> Path:
    """Extract the content folders of git revision ``ref`` (or the last commit of a date) into ``dest``."""
    commit, _ = resolve(root, ref)
    if commit is not None:
        extract(root, commit, CONTENT_PATHS, dest)
    return dest


def _listed(label: str, old: Sequence[str], new: Sequence[str]) -> Iterator[str]:
    for item in new:
        if item not in old:
            yield f"{label}: thêm «{item}»"
    for item in old:
        if item not in new:
            yield f"{label}: bỏ «{item}»"


def _fee_key(fee: Fee) -> tuple[str, str, dt.date | None]:
    return (fee.type, fee.name, fee.valid_from)


def fee_phrase(fee: Fee) -> str:
    """A fee in one line with its whole validity window (the report states it whatever the build date)."""
    return fee_facts(fee, dt.date.min).line


def time_phrase(time: ProcessingTime) -> str:
    """A processing time in one line."""
    return time_facts(time).line


def _fee_lines(kind: str, old: Sequence[Fee], new: Sequence[Fee]) -> Iterator[str]:
    channel = CHANNEL_LABELS[kind]
    before = {_fee_key(f): f for f in old}
    after = {_fee_key(f): f for f in new}
    for key, fee in after.items():
        if key not in before:
            yield f"{fee.name} ({channel}): thêm, {fee_phrase(fee)}"
        elif fee_phrase(before[key]) != fee_phrase(fee):
            yield f"{fee.name} ({channel}): {fee_phrase(before[key])} → {fee_phrase(fee)}"
    for key, fee in before.items():
        if key not in after:
            yield f"{fee.name} ({channel}): bỏ khoản thu {fee_phrase(fee)}"


def _channel_lines(old: Sequence[Channel], new: Sequence[Channel]) -> Iterator[str]:
    before = {c.kind: c for c in old}
    after = {c.kind: c for c in new}
    for kind, channel in after.items():
        label = CHANNEL_LABELS[kind]
        if kind not in before:
            yield f"Thêm cách nộp {label.lower()}: {time_phrase(channel.time)}"
            continue
        was = before[kind]
        if time_phrase(was.time) != time_phrase(channel.time):
            yield f"Thời hạn ({label.lower()}): {time_phrase(was.time)} → {time_phrase(channel.time)}"
        yield from _fee_lines(kind, was.fees, channel.fees)
    for kind in before.keys() - after.keys():
        yield f"Bỏ cách nộp {CHANNEL_LABELS[kind].lower()}"


def _date(value: dt.date | None) -> str:
    return format_date(value) if value else "không ghi"


def _documents(model: Procedure) -> dict[str, str]:
    return {
        item.name: f"{item.originals} bản chính, {item.copies} bản sao"
        for case in model.documents
        for item in case.items
    }


def _document_lines(old: Procedure, new: Procedure) -> Iterator[str]:
    before, after = _documents(old), _documents(new)
    yield from _listed("Hồ sơ", list(before), list(after))
    for name, count in after.items():
        if name in before and before[name] != count:
            yield f"Hồ sơ «{name}»: {before[name]} → {count}"


def _scalar_lines(old: Procedure, new: Procedure) -> Iterator[str]:
    pairs: list[tuple[str, object, object]] = [
        ("Tên", old.name, new.name),
        ("Mã", old.code or "chưa có", new.code or "chưa có"),
        ("Trực tuyến", ONLINE_LABELS[old.online], ONLINE_LABELS[new.online]),
        ("Hiệu lực từ", _date(old.status.effective_from), _date(new.status.effective_from)),
        ("Hiệu lực đến", _date(old.status.effective_to), _date(new.status.effective_to)),
    ]
    for label, was, now in pairs:
        if was != now:
            yield f"{label}: {was} → {now}"


def _steps_lines(old: Procedure, new: Procedure) -> Iterator[str]:
    if [s.title for s in old.steps] != [s.title for s in new.steps]:
        yield f"Trình tự: {len(old.steps)} bước → {len(new.steps)} bước (đổi tên hoặc thứ tự bước)"
    elif old.steps != new.steps:
        changed = [str(i + 1) for i, (a, b) in enumerate(zip(old.steps, new.steps, strict=True)) if a != b]
        yield f"Trình tự: sửa nội dung bước {', '.join(changed)}"


DIFFS: tuple[Callable[[Procedure, Procedure], Iterator[str]], ...] = (
    _scalar_lines,
    lambda a, b: _listed("Nơi tiếp nhận", a.offices, b.offices),
    lambda a, b: _channel_lines(a.channels, b.channels),
    _steps_lines,
    _document_lines,
    lambda a, b: _listed("Đối tượng", a.applicants, b.applicants),
    lambda a, b: _listed("Kết quả", a.result, b.result),
    lambda a, b: _listed("Điều kiện", a.conditions, b.conditions),
    lambda a, b: _listed(
        "Căn cứ pháp lý", [d.number for d in a.legal_basis], [d.number for d in b.legal_basis]
    ),
)
"""Field-by-field comparisons; each yields plain-Vietnamese lines."""


def _posted(cat: Catalogue, entry: ProcedureEntry) -> tuple[str, ...]:
    """Names of the offices where this procedure's sheet is on the board (active procedures only)."""
    if cat.state(entry) != "active":
        return ()
    offices = (cat.offices[slug].model for slug in entry.model.offices if slug in cat.offices)
    return tuple(office.short_name or office.name for office in offices)


def diff_catalogues(old: Catalogue | None, new: Catalogue) -> list[ProcedureChange]:
    """Compare two catalogues procedure by procedure (matched by their stable slug)."""
    before = {e.slug: e for e in old.procedures} if old else {}
    changes = []
    for entry in new.procedures:
        was = before.pop(entry.slug, None)
        if was is None:
            changes.append(ProcedureChange(entry.slug, entry.model.name, "added", (), _posted(new, entry)))
            continue
        lines = [line for diff in DIFFS for line in diff(was.model, entry.model)]
        if old is not None and old.state(was) != new.state(entry):
            lines.append(
                f"Trạng thái: {LIFECYCLE_LABELS[old.state(was)]} → {LIFECYCLE_LABELS[new.state(entry)]}"
            )
        if lines:
            changes.append(
                ProcedureChange(entry.slug, entry.model.name, "changed", tuple(lines), _posted(new, entry))
            )
    for slug, entry in before.items():
        changes.append(ProcedureChange(slug, entry.model.name, "removed", (), ()))
    return changes


_REPORT = """\
## Thay đổi đối với người dân (so với {{ base }})
{% if not changes %}
Không có thay đổi nội dung thủ tục.
{% endif %}
{%- for title, kind in sections %}{% set items = changes | selectattr("kind", "equalto", kind) | list %}
{%- if items %}
### {{ title }} ({{ items | length }})
{% for change in items %}
- **{{ change.name }}** (`{{ change.slug }}`)
{%- for line in change.lines %}
  - {{ line }}
{%- endfor %}
{%- endfor %}
{% endif %}
{%- endfor %}
{%- set reprint = changes | selectattr("reprint") | list %}
{%- if reprint %}
### Bảng niêm yết cần in lại
{% for change in reprint %}
- {{ change.name }}: {{ change.reprint | join(", ") }}
{%- endfor %}
{% endif %}
"""


def render_report(changes: Sequence[ProcedureChange], base: str) -> str:
    """The Markdown report, ready to post as a pull-request comment."""
    env = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    sections = [("Thủ tục mới", "added"), ("Thủ tục thay đổi", "changed"), ("Thủ tục bị xoá", "removed")]
    return env.from_string(_REPORT).render(changes=changes, base=base, sections=sections)


def change_report(root: Path, base: str, as_of: dt.date) -> tuple[str, list[ProcedureChange]]:
    """Read the catalogue at ``base`` and in the working tree, and report the differences."""
    new, issues = read_catalogue(root, as_of)
    if new is None:
        raise ContentError(issues)
    with tempfile.TemporaryDirectory() as tmp:
        old, _ = read_catalogue(snapshot(root, base, Path(tmp)), as_of)
    changes = diff_catalogues(old, new)
    plans = render_plan_changes(diff_plans(old, new))
    return render_report(changes, base) + (f"\n{plans}" if plans else ""), changes
