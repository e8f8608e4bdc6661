"""Stage review: offices, the feedback block, fields and site settings compared, with the sheets they reach.

An office prints on every sheet posted there (the office box, its own feedback block, the office
index), and the site settings print on every sheet (the masthead, the feedback block, the QR code
built from the base URL, the paper size) — so such an edit means reprinting, and the report says
where. Values are shown old → new (a changed hotline is the simplest fraud: the reviewer must see
the number).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from generator.catalogue import Catalogue

ALL_OFFICES = "mọi nơi tiếp nhận"
EVERY_SHEET = "Mọi bảng niêm yết"
SITE_ON_PAPER = frozenset({"publisher", "base_url", "feedback", "posters", "hotline"})
"""Site settings printed on every sheet (masthead, QR code target, feedback block, paper)."""
QR_NOTE = "Mọi mã QR trên bảng niêm yết sẽ dẫn tới địa chỉ mới: chỉ đổi khi thật sự chuyển trang."


@dataclass(frozen=True)
class SettingChange:
    """A changed office, field list or site setting, with the sheets it reaches.

    Attributes:
        kind: ``office``, ``fields`` or ``site``.
        name: what changed, e.g. «Nơi tiếp nhận «Bộ phận Một cửa» (content/offices/mot-cua.yaml)».
        lines: one plain line per changed value, old → new.
        reprint: offices where sheets must be reprinted (``ALL_OFFICES`` for all of them).
        sheets: which sheets there, e.g. «Mọi bảng niêm yết».
    """

    kind: str
    name: str
    lines: tuple[str, ...]
    reprint: tuple[str, ...] = ()
    sheets: str = EVERY_SHEET


def _shown(value: object) -> str:
    if value is None:
        return "không có"
    if isinstance(value, tuple):
        return "; ".join(_shown(v) for v in value) or "không có"
    if isinstance(value, BaseModel):
        return "; ".join(f"{k}: {_shown(v)}" for k, v in value.model_dump().items() if v not in (None, ()))
    return str(value)


def value_lines(old: BaseModel | None, new: BaseModel | None, *, prefix: str = "") -> Iterator[str]:
    """«Nhãn: «cũ» → «mới»» for every changed field, nested records field by field."""
    record = new if new is not None else old
    if record is None:
        return
    for name, info in type(record).model_fields.items():
        was, now = getattr(old, name, None), getattr(new, name, None)
        if was == now:
            continue
        label = f"{prefix}{info.title or name}"
        if isinstance(was, BaseModel | None) and isinstance(now, BaseModel | None) and (was or now):
            yield from value_lines(was, now, prefix=f"{label} — ")
        else:
            yield f"{label}: «{_shown(was)}» → «{_shown(now)}»"


def _office_name(cat: Catalogue, slug: str) -> str:
    office = cat.offices.get(slug)
    return (office.model.short_name or office.model.name) if office else slug


def _office_changes(old: Catalogue, new: Catalogue) -> Iterator[SettingChange]:
    for slug, entry in new.offices.items():
        name = _office_name(new, slug)
        title = f"Nơi tiếp nhận «{name}» (content/offices/{slug}.yaml)"
        was = old.offices.get(slug)
        if was is None:
            yield SettingChange("office", title, ("Thêm nơi tiếp nhận",))
        elif was.model != entry.model:
            yield SettingChange("office", title, tuple(value_lines(was.model, entry.model)), (name,))
    for slug in sorted(old.offices.keys() - new.offices.keys()):
        title = f"Nơi tiếp nhận «{_office_name(old, slug)}» (content/offices/{slug}.yaml)"
        yield SettingChange("office", title, ("Bỏ nơi tiếp nhận: gỡ mọi bảng niêm yết tại đây",))


def _site_change(old: Catalogue, new: Catalogue) -> Iterator[SettingChange]:
    a, b = old.site.model, new.site.model
    if a == b:
        return
    lines = list(value_lines(a, b))
    if a.base_url != b.base_url:
        lines.append(QR_NOTE)
    on_paper = any(getattr(a, name) != getattr(b, name) for name in SITE_ON_PAPER)
    title = "Thiết lập chung (content/site.yaml)"
    yield SettingChange("site", title, tuple(lines), (ALL_OFFICES,) if on_paper else ())


def _field_change(old: Catalogue, new: Catalogue) -> Iterator[SettingChange]:
    before = {f.slug: f for f in old.fields.model.fields}
    lines, renamed = [], []
    for field in new.fields.model.fields:
        was = before.pop(field.slug, None)
        if was is None:
            lines.append(f"Thêm lĩnh vực «{field.name}»")
            continue
        lines += [f"Lĩnh vực «{field.name}» — {line}" for line in value_lines(was, field)]
        if was.name != field.name:
            renamed.append(field)
    lines += [f"Bỏ lĩnh vực «{f.name}»" for f in before.values()]
    if not lines:
        return
    slugs = {f.slug for f in renamed}  # a field's name is printed on each of its sheets
    posted = [e for e in new.in_state("active") if e.model.field in slugs]
    offices = tuple(dict.fromkeys(_office_name(new, o) for e in posted for o in e.model.offices))
    sheets = "Các bảng niêm yết thủ tục lĩnh vực " + ", ".join(f"«{f.name}»" for f in renamed)
    yield SettingChange("fields", "Danh mục lĩnh vực (content/fields.yaml)", tuple(lines), offices, sheets)


def diff_settings(old: Catalogue | None, new: Catalogue) -> list[SettingChange]:
    """Office, feedback, field and site-setting changes between two catalogues."""
    if old is None:
        return []
    return [*_site_change(old, new), *_field_change(old, new), *_office_changes(old, new)]
