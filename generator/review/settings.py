"""Stage review: offices, the feedback block, fields and site settings compared, with the sheets they reach.

An office prints on every sheet posted there (the office box, its own feedback block, the office
index), and the site settings print on every sheet (the masthead, the feedback block, the QR code
built from the base URL, the paper size) — so such an edit means reprinting, and the report says
where.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from generator.catalogue import Catalogue
from generator.review.fields import changed_fields

ALL_OFFICES = "mọi nơi tiếp nhận"
SITE_ON_PAPER = frozenset({"publisher", "base_url", "feedback", "posters", "hotline"})
"""Site settings printed on every sheet (masthead, QR code target, feedback block, paper)."""


@dataclass(frozen=True)
class SettingChange:
    """A changed office or site setting: what (``office``/``site``/``fields``), its name, lines, reprint."""

    kind: str
    name: str
    lines: tuple[str, ...]
    reprint: tuple[str, ...]
    """Offices where every posted sheet must be reprinted (``ALL_OFFICES`` for all of them)."""


def _office_name(cat: Catalogue, slug: str) -> str:
    office = cat.offices.get(slug)
    return (office.model.short_name or office.model.name) if office else slug


def _lines(old: BaseModel, new: BaseModel, *, nested: tuple[str, ...] = ()) -> list[str]:
    """«Nhãn: sửa» per changed field; for ``nested`` records, the changed sub-fields by label too."""
    out = []
    for name, info in type(new).model_fields.items():
        was, now = getattr(old, name), getattr(new, name)
        if was == now:
            continue
        label = info.title or name
        if name in nested and isinstance(was, BaseModel) and isinstance(now, BaseModel):
            out.append(f"{label}: sửa {', '.join(changed_fields(was, now)).lower()}")
        elif isinstance(was, BaseModel | tuple) or isinstance(now, BaseModel | tuple):
            out.append(f"{label}: sửa")
        else:
            out.append(f"{label}: «{was if was is not None else ''}» → «{now if now is not None else ''}»")
    return out


def _office_changes(old: Catalogue, new: Catalogue) -> Iterator[SettingChange]:
    for slug, entry in new.offices.items():
        name = _office_name(new, slug)
        was = old.offices.get(slug)
        if was is None:
            yield SettingChange("office", name, ("Thêm nơi tiếp nhận",), ())
        elif was.model != entry.model:
            lines = _lines(was.model, entry.model, nested=("feedback", "map"))
            yield SettingChange("office", name, tuple(lines), (name,))
    for slug in old.offices.keys() - new.offices.keys():
        yield SettingChange("office", _office_name(old, slug), ("Bỏ nơi tiếp nhận",), ())


def _site_change(old: Catalogue, new: Catalogue) -> Iterator[SettingChange]:
    a, b = old.site.model, new.site.model
    if a == b:
        return
    lines = _lines(a, b, nested=("publisher", "feedback", "posters"))
    on_paper = any(getattr(a, name) != getattr(b, name) for name in SITE_ON_PAPER)
    title = "Thiết lập chung (content/site.yaml)"
    yield SettingChange("site", title, tuple(lines), (ALL_OFFICES,) if on_paper else ())


def _field_change(old: Catalogue, new: Catalogue) -> Iterator[SettingChange]:
    before = {f.slug: f for f in old.fields.model.fields}
    lines = []
    for field in new.fields.model.fields:
        was = before.pop(field.slug, None)
        if was is None:
            lines.append(f"Thêm lĩnh vực «{field.name}»")
        elif was != field:
            lines += [f"Lĩnh vực «{field.name}»: {line}" for line in _lines(was, field)]
    lines += [f"Bỏ lĩnh vực «{f.name}»" for f in before.values()]
    names = {f.slug: f.name for f in old.fields.model.fields}
    renamed = any(names.get(f.slug, f.name) != f.name for f in new.fields.model.fields)
    if lines:  # a field's name is printed on each of its sheets
        title = "Danh mục lĩnh vực (content/fields.yaml)"
        yield SettingChange("fields", title, tuple(lines), (ALL_OFFICES,) if renamed else ())


def diff_settings(old: Catalogue | None, new: Catalogue) -> list[SettingChange]:
    """Office, feedback, field and site-setting changes between two catalogues."""
    if old is None:
        return []
    return [*_site_change(old, new), *_field_change(old, new), *_office_changes(old, new)]
