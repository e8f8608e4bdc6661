"""Stage review: one procedure compared field by field, in plain Vietnamese lines.

Fees, documents, steps and legal bases are paired by content and position (:mod:`.align`), never
by name alone; any other changed field is still named (:mod:`.fields`). Each change is a
:class:`Line`: the field it touches, the plain text a reviewer reads, and the value before and after
(the same phrases, for the JSON report). ``report`` escapes the text for Markdown. Values are
worded by the facts layer (fees, times, dossier quantities, legal texts, dates).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from generator.facts.documents import legal_text, quantity
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


@dataclass(frozen=True)
class Line:
    """One change in one procedure.

    Attributes:
        field: what it touches — ``name``, ``code``, ``online``, ``dates``, ``offices``, ``fees``,
            ``times``, ``channels``, ``steps``, ``documents``, ``applicants``, ``result``,
            ``conditions``, ``legal_basis``, ``status`` or ``other``.
        text: the line a reviewer reads, e.g. «Lệ phí … (Trực tiếp): 50.000 đồng → 100.000 đồng».
        before, after: the value before and after, as the text words them (None when the line
            adds, removes or only names a change).
    """

    field: str
    text: str
    before: str | None = None
    after: str | None = None


def arrow(field: str, label: str, before: str, after: str) -> Line:
    """The line «label: before → after»."""
    return Line(field, f"{label}: {before} → {after}", before, after)


def fee_phrase(fee: Fee) -> str:
    """A fee in one line with its whole validity window (the report states it whatever the build date)."""
    return fee_facts(fee, dt.date.min).line


def time_phrase(time: ProcessingTime) -> str:
    """A processing time in one line."""
    return time_facts(time).line


def _listed(field: str, label: str, old: Sequence[str], new: Sequence[str]) -> Iterator[Line]:
    for pair in align(old, new, key=lambda s: s):
        if pair.old is None:
            yield Line(field, f"{label}: thêm «{pair.new}»", None, pair.new)
        elif pair.new is None:
            yield Line(field, f"{label}: bỏ «{pair.old}»", pair.old, None)


def _label(name: str, pair: Pair[Fee] | Pair[Document], names: Sequence[list[str]], what: str) -> str:
    """«name», with its position when the name is not unique on either side («khoản thứ 2»)."""
    if max(side.count(name) for side in names) < 2:
        return name
    index = pair.new_index if pair.new_index is not None else pair.old_index
    return f"{name} ({what} thứ {(index or 0) + 1})"


def _fee_lines(kind: str, old: Sequence[Fee], new: Sequence[Fee]) -> Iterator[Line]:
    channel = CHANNEL_LABELS[kind]
    names = [[f.name for f in old], [f.name for f in new]]
    for pair in align(old, new, key=lambda f: (f.type, f.name, f.valid_from)):
        fee = pair.new or pair.old
        assert fee is not None
        label = f"{_label(fee.name, pair, names, 'khoản')} ({channel})"
        if pair.old is None:
            yield Line("fees", f"{label}: thêm, {fee_phrase(fee)}", None, fee_phrase(fee))
        elif pair.new is None:
            yield Line("fees", f"{label}: bỏ khoản thu {fee_phrase(fee)}", fee_phrase(fee), None)
        elif fee_phrase(pair.old) != fee_phrase(pair.new):
            yield arrow("fees", label, fee_phrase(pair.old), fee_phrase(pair.new))
        elif pair.old != pair.new:
            yield Line("fees", f"{label}: sửa {', '.join(changed_fields(pair.old, pair.new)).lower()}")
        elif pair.old_index != pair.new_index and len(old) == len(new):
            moved = f"{(pair.old_index or 0) + 1} sang {(pair.new_index or 0) + 1}"
            yield Line("fees", f"{label}: chuyển từ vị trí {moved}")


def _channel_lines(old: Sequence[Channel], new: Sequence[Channel]) -> Iterator[Line]:
    for pair in align(old, new, key=lambda c: c.kind):
        if pair.old is None:
            assert pair.new is not None
            label, time = CHANNEL_LABELS[pair.new.kind].lower(), time_phrase(pair.new.time)
            yield Line("times", f"Thêm cách nộp {label}: {time}", None, time)
            yield from _fee_lines(pair.new.kind, (), pair.new.fees)
            continue
        if pair.new is None:
            label, time = CHANNEL_LABELS[pair.old.kind].lower(), time_phrase(pair.old.time)
            yield Line("channels", f"Bỏ cách nộp {label}", time, None)
            continue
        was, now, label = pair.old, pair.new, CHANNEL_LABELS[pair.new.kind].lower()
        if time_phrase(was.time) != time_phrase(now.time):
            yield arrow("times", f"Thời hạn ({label})", time_phrase(was.time), time_phrase(now.time))
        elif was.time != now.time:
            fields = ", ".join(changed_fields(was.time, now.time)).lower()
            yield Line("times", f"Thời hạn ({label}): sửa {fields}")
        yield from _fee_lines(now.kind, was.fees, now.fees)
        if was.note != now.note:
            yield arrow("channels", f"Mô tả cách nộp {label}", f"«{was.note or ''}»", f"«{now.note or ''}»")


def _date(value: dt.date | None) -> str:
    return format_date(value) if value else "không ghi"


def _scalar_lines(old: Procedure, new: Procedure) -> Iterator[Line]:
    pairs: list[tuple[str, str, str, str]] = [
        ("name", "Tên", old.name, new.name),
        ("code", "Mã", old.code or "chưa có", new.code or "chưa có"),
        ("online", "Trực tuyến", ONLINE_LABELS[old.online], ONLINE_LABELS[new.online]),
        ("dates", "Hiệu lực từ", _date(old.status.effective_from), _date(new.status.effective_from)),
        ("dates", "Hiệu lực đến", _date(old.status.effective_to), _date(new.status.effective_to)),
        ("dates", REPLACED_BY, old.status.replaced_by or "không", new.status.replaced_by or "không"),
        ("dates", SEE_ALSO, old.status.see_also or "không", new.status.see_also or "không"),
    ]
    for field, label, was, now in pairs:
        if was != now:
            yield arrow(field, label, was, now)
    if old.status.note != new.status.note:
        was, now = f"«{old.status.note or ''}»", f"«{new.status.note or ''}»"
        yield arrow("dates", "Ghi chú hiệu lực", was, now)


def _case_lines(where: str, old: Sequence[Document], new: Sequence[Document]) -> Iterator[Line]:
    names = [[d.name for d in old], [d.name for d in new]]
    for pair in align(old, new, key=lambda d: d.name):
        item = pair.new or pair.old
        assert item is not None
        label = f"«{_label(item.name, pair, names, 'giấy tờ')}»{where}"
        if pair.old is None:
            yield Line("documents", f"Hồ sơ: thêm {label} ({quantity(item)})", None, quantity(item))
        elif pair.new is None:
            yield Line("documents", f"Hồ sơ: bỏ {label}", quantity(item), None)
        elif quantity(pair.old) != quantity(pair.new):
            yield arrow("documents", f"Hồ sơ {label}", quantity(pair.old), quantity(pair.new))
        elif pair.old != pair.new:
            fields = ", ".join(changed_fields(pair.old, pair.new)).lower()
            yield Line("documents", f"Hồ sơ {label}: sửa {fields}")


def _document_lines(old: Procedure, new: Procedure) -> Iterator[Line]:
    several = max(len(old.documents), len(new.documents)) > 1
    for pair in align(old.documents, new.documents, key=lambda c: c.case, by_position=True):
        case: DossierCase | None = pair.new or pair.old
        assert case is not None
        where = f" (nhóm «{case.case or (pair.new_index or pair.old_index or 0) + 1}»)" if several else ""
        yield from _case_lines(where, pair.old.items if pair.old else (), pair.new.items if pair.new else ())
        if pair.old and pair.new and (pair.old.note, pair.old.case) != (pair.new.note, pair.new.case):
            fields = ", ".join(changed_fields(pair.old, pair.new, skip=["items"])).lower()
            yield Line("documents", f"Nhóm hồ sơ{where}: sửa {fields}")


def _step_lines(old: Procedure, new: Procedure) -> Iterator[Line]:
    if len(old.steps) != len(new.steps):
        yield arrow("steps", "Trình tự", f"{len(old.steps)} bước", f"{len(new.steps)} bước")
    for pair in align(old.steps, new.steps, key=lambda s: s.title, by_position=True):
        step: Step | None = pair.new or pair.old
        assert step is not None
        if pair.old is None:
            yield Line(
                "steps", f"Trình tự: thêm bước {(pair.new_index or 0) + 1} «{step.title}»", None, step.title
            )
        elif pair.new is None:
            yield Line(
                "steps", f"Trình tự: bỏ bước {(pair.old_index or 0) + 1} «{step.title}»", step.title, None
            )
        elif pair.old != pair.new:
            fields = ", ".join(changed_fields(pair.old, pair.new)).lower()
            yield Line("steps", f"Trình tự: bước {(pair.new_index or 0) + 1} «{step.title}»: sửa {fields}")
        elif pair.old_index != pair.new_index:
            moved = f"{(pair.old_index or 0) + 1} sang {(pair.new_index or 0) + 1}"
            yield Line("steps", f"Trình tự: bước «{step.title}» chuyển từ vị trí {moved}")


def _legal_lines(old: Procedure, new: Procedure) -> Iterator[Line]:
    for pair in align(old.legal_basis, new.legal_basis, key=lambda d: d.number):
        if pair.old is None and pair.new is not None:
            text = legal_text(pair.new)
            yield Line("legal_basis", f"Căn cứ pháp lý: thêm «{text}»", None, text)
        elif pair.new is None and pair.old is not None:
            text = legal_text(pair.old)
            yield Line("legal_basis", f"Căn cứ pháp lý: bỏ «{text}»", text, None)
        elif pair.old is not None and pair.new is not None and pair.old != pair.new:
            was, now = legal_text(pair.old), legal_text(pair.new)
            if was != now:
                yield arrow("legal_basis", "Căn cứ pháp lý", f"«{was}»", f"«{now}»")
            else:
                fields = ", ".join(changed_fields(pair.old, pair.new)).lower()
                yield Line("legal_basis", f"Căn cứ pháp lý «{pair.new.number}»: sửa {fields}")


def _other_lines(old: Procedure, new: Procedure) -> Iterator[Line]:
    return iter(Line("other", text) for text in other_changes(old, new, worded=WORDED))


DIFFS: tuple[Callable[[Procedure, Procedure], Iterator[Line]], ...] = (
    _scalar_lines,
    lambda a, b: _channel_lines(a.channels, b.channels),
    _step_lines,
    _document_lines,
    lambda a, b: _listed("applicants", "Đối tượng", a.applicants, b.applicants),
    lambda a, b: _listed("result", "Kết quả", a.result, b.result),
    lambda a, b: _listed("conditions", "Điều kiện", a.conditions, b.conditions),
    _legal_lines,
    _other_lines,
)
"""Field-by-field comparisons, each yielding :class:`Line` s (the offices follow the first, by name)."""


def _offices(old: Sequence[str], new: Sequence[str], names: Mapping[str, str]) -> Iterator[Line]:
    """Offices added and removed, by the names citizens read (the slug when the office is unknown)."""
    return _listed("offices", "Nơi tiếp nhận", [names.get(s, s) for s in old], [names.get(s, s) for s in new])


def procedure_lines(old: Procedure, new: Procedure, *, names: Mapping[str, str] | None = None) -> list[Line]:
    """Every change from ``old`` to ``new``, one line each (empty when nothing changed).

    ``names`` maps office slugs to the office names the report prints.
    """
    rest = [line for diff in DIFFS[1:] for line in diff(old, new)]
    return [*_scalar_lines(old, new), *_offices(old.offices, new.offices, names or {}), *rest]


def added_lines(new: Procedure, *, names: Mapping[str, str] | None = None) -> list[Line]:
    """What a new procedure brings to citizens: its offices, channels with times and fees, dates."""
    lines = [*_offices((), new.offices, names or {}), *_channel_lines((), new.channels)]
    for label, value in (
        ("Hiệu lực từ", new.status.effective_from),
        ("Hiệu lực đến", new.status.effective_to),
    ):
        if value is not None:
            lines.append(Line("dates", f"{label}: {format_date(value)}", None, format_date(value)))
    return lines
