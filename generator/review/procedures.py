"""Stage review: one procedure compared field by field, in plain Vietnamese lines.

Fees, documents, steps and legal bases are paired by content and position (:mod:`.align`), never
by name alone; any other changed field is still named (:mod:`.fields`). Every line is plain text:
``report`` escapes it for Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence

from generator.facts.fees import fee_facts
from generator.facts.procedure import REPLACED_BY, SEE_ALSO
from generator.facts.times import time_facts
from generator.model import Channel, Fee, Procedure, ProcessingTime
from generator.model.dates import format_date
from generator.model.procedure import Document, DossierCase, Step
from generator.model.types import CHANNEL_LABELS, ONLINE_LABELS
from generator.review.align import Pair, align
from generator.review.fields import changed_fields, other_changes

WORDED = frozenset(
    {"name", "code", "online", "status", "offices", "channels", "steps", "documents"}
    | {"applicants", "result", "conditions", "legal_basis"}
)
"""Procedure fields with lines of their own; any other changed field is named by its label."""


def fee_phrase(fee: Fee) -> str:
    """A fee in one line with its whole validity window (the report states it whatever the build date)."""
    return fee_facts(fee, dt.date.min).line


def time_phrase(time: ProcessingTime) -> str:
    """A processing time in one line."""
    return time_facts(time).line


def _listed(label: str, old: Sequence[str], new: Sequence[str]) -> Iterator[str]:
    for pair in align(old, new, key=lambda s: s):
        if pair.old is None:
            yield f"{label}: thêm «{pair.new}»"
        elif pair.new is None:
            yield f"{label}: bỏ «{pair.old}»"


def _label(name: str, pair: Pair[Fee] | Pair[Document], names: Sequence[list[str]], what: str) -> str:
    """«name», with its position when the name is not unique on either side («khoản thứ 2»)."""
    if max(side.count(name) for side in names) < 2:
        return name
    index = pair.new_index if pair.new_index is not None else pair.old_index
    return f"{name} ({what} thứ {(index or 0) + 1})"


def _fee_lines(kind: str, old: Sequence[Fee], new: Sequence[Fee]) -> Iterator[str]:
    channel = CHANNEL_LABELS[kind]
    names = [[f.name for f in old], [f.name for f in new]]
    for pair in align(old, new, key=lambda f: (f.type, f.name, f.valid_from)):
        fee = pair.new or pair.old
        assert fee is not None
        label = f"{_label(fee.name, pair, names, 'khoản')} ({channel})"
        if pair.old is None:
            yield f"{label}: thêm, {fee_phrase(fee)}"
        elif pair.new is None:
            yield f"{label}: bỏ khoản thu {fee_phrase(fee)}"
        elif fee_phrase(pair.old) != fee_phrase(pair.new):
            yield f"{label}: {fee_phrase(pair.old)} → {fee_phrase(pair.new)}"
        elif pair.old != pair.new:
            yield f"{label}: sửa {', '.join(changed_fields(pair.old, pair.new)).lower()}"
        elif pair.old_index != pair.new_index and len(old) == len(new):
            yield f"{label}: chuyển từ vị trí {(pair.old_index or 0) + 1} sang {(pair.new_index or 0) + 1}"


def _channel_lines(old: Sequence[Channel], new: Sequence[Channel]) -> Iterator[str]:
    for pair in align(old, new, key=lambda c: c.kind):
        if pair.old is None:
            assert pair.new is not None
            label = CHANNEL_LABELS[pair.new.kind].lower()
            yield f"Thêm cách nộp {label}: {time_phrase(pair.new.time)}"
            yield from _fee_lines(pair.new.kind, (), pair.new.fees)
            continue
        if pair.new is None:
            yield f"Bỏ cách nộp {CHANNEL_LABELS[pair.old.kind].lower()}"
            continue
        was, now, label = pair.old, pair.new, CHANNEL_LABELS[pair.new.kind].lower()
        if time_phrase(was.time) != time_phrase(now.time):
            yield f"Thời hạn ({label}): {time_phrase(was.time)} → {time_phrase(now.time)}"
        elif was.time != now.time:
            yield f"Thời hạn ({label}): sửa {', '.join(changed_fields(was.time, now.time)).lower()}"
        yield from _fee_lines(now.kind, was.fees, now.fees)
        if was.note != now.note:
            yield f"Mô tả cách nộp {label}: «{was.note or ''}» → «{now.note or ''}»"


def _date(value: dt.date | None) -> str:
    return format_date(value) if value else "không ghi"


def _scalar_lines(old: Procedure, new: Procedure) -> Iterator[str]:
    pairs: list[tuple[str, object, object]] = [
        ("Tên", old.name, new.name),
        ("Mã", old.code or "chưa có", new.code or "chưa có"),
        ("Trực tuyến", ONLINE_LABELS[old.online], ONLINE_LABELS[new.online]),
        ("Hiệu lực từ", _date(old.status.effective_from), _date(new.status.effective_from)),
        ("Hiệu lực đến", _date(old.status.effective_to), _date(new.status.effective_to)),
        (REPLACED_BY, old.status.replaced_by or "không", new.status.replaced_by or "không"),
        (SEE_ALSO, old.status.see_also or "không", new.status.see_also or "không"),
    ]
    for label, was, now in pairs:
        if was != now:
            yield f"{label}: {was} → {now}"
    if old.status.note != new.status.note:
        yield f"Ghi chú hiệu lực: «{old.status.note or ''}» → «{new.status.note or ''}»"


def _count(item: Document) -> str:
    return f"{item.originals} bản chính, {item.copies} bản sao"


def _case_lines(where: str, old: Sequence[Document], new: Sequence[Document]) -> Iterator[str]:
    names = [[d.name for d in old], [d.name for d in new]]
    for pair in align(old, new, key=lambda d: d.name):
        item = pair.new or pair.old
        assert item is not None
        label = f"«{_label(item.name, pair, names, 'giấy tờ')}»{where}"
        if pair.old is None:
            yield f"Hồ sơ: thêm {label} ({_count(item)})"
        elif pair.new is None:
            yield f"Hồ sơ: bỏ {label}"
        elif _count(pair.old) != _count(pair.new):
            yield f"Hồ sơ {label}: {_count(pair.old)} → {_count(pair.new)}"
        elif pair.old != pair.new:
            yield f"Hồ sơ {label}: sửa {', '.join(changed_fields(pair.old, pair.new)).lower()}"


def _document_lines(old: Procedure, new: Procedure) -> Iterator[str]:
    several = max(len(old.documents), len(new.documents)) > 1
    for pair in align(old.documents, new.documents, key=lambda c: c.case, by_position=True):
        case: DossierCase | None = pair.new or pair.old
        assert case is not None
        where = f" (nhóm «{case.case or (pair.new_index or pair.old_index or 0) + 1}»)" if several else ""
        yield from _case_lines(where, pair.old.items if pair.old else (), pair.new.items if pair.new else ())
        if pair.old and pair.new and (pair.old.note, pair.old.case) != (pair.new.note, pair.new.case):
            fields = ", ".join(changed_fields(pair.old, pair.new, skip=["items"])).lower()
            yield f"Nhóm hồ sơ{where}: sửa {fields}"


def _step_lines(old: Procedure, new: Procedure) -> Iterator[str]:
    if len(old.steps) != len(new.steps):
        yield f"Trình tự: {len(old.steps)} bước → {len(new.steps)} bước"
    for pair in align(old.steps, new.steps, key=lambda s: s.title, by_position=True):
        step: Step | None = pair.new or pair.old
        assert step is not None
        if pair.old is None:
            yield f"Trình tự: thêm bước {(pair.new_index or 0) + 1} «{step.title}»"
        elif pair.new is None:
            yield f"Trình tự: bỏ bước {(pair.old_index or 0) + 1} «{step.title}»"
        elif pair.old != pair.new:
            fields = ", ".join(changed_fields(pair.old, pair.new)).lower()
            yield f"Trình tự: bước {(pair.new_index or 0) + 1} «{step.title}»: sửa {fields}"
        elif pair.old_index != pair.new_index:
            moved = f"{(pair.old_index or 0) + 1} sang {(pair.new_index or 0) + 1}"
            yield f"Trình tự: bước «{step.title}» chuyển từ vị trí {moved}"


def _legal_lines(old: Procedure, new: Procedure) -> Iterator[str]:
    for pair in align(old.legal_basis, new.legal_basis, key=lambda d: d.number):
        if pair.old is None and pair.new is not None:
            yield f"Căn cứ pháp lý: thêm «{pair.new.number}»"
        elif pair.new is None and pair.old is not None:
            yield f"Căn cứ pháp lý: bỏ «{pair.old.number}»"
        elif pair.old is not None and pair.new is not None and pair.old != pair.new:
            fields = ", ".join(changed_fields(pair.old, pair.new)).lower()
            yield f"Căn cứ pháp lý «{pair.new.number}»: sửa {fields}"


DIFFS: tuple[Callable[[Procedure, Procedure], Iterator[str]], ...] = (
    _scalar_lines,
    lambda a, b: _listed("Nơi tiếp nhận", a.offices, b.offices),
    lambda a, b: _channel_lines(a.channels, b.channels),
    _step_lines,
    _document_lines,
    lambda a, b: _listed("Đối tượng", a.applicants, b.applicants),
    lambda a, b: _listed("Kết quả", a.result, b.result),
    lambda a, b: _listed("Điều kiện", a.conditions, b.conditions),
    _legal_lines,
    lambda a, b: iter(other_changes(a, b, worded=WORDED)),
)
"""Field-by-field comparisons; each yields plain-Vietnamese lines."""


def procedure_lines(old: Procedure, new: Procedure) -> list[str]:
    """Every change from ``old`` to ``new``, one plain line each (empty when nothing changed)."""
    return [line for diff in DIFFS for line in diff(old, new)]
