"""Which sheets exist, and when their version id changes (no rendering here: fast)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from generator.catalogue import Catalogue
from generator.model import Procedure
from generator.posters.plan import Sheet, plan_sheets
from generator.posters.theme import Theme, load_theme
from tests.posters.conftest import CATALOGUE, load


def paths(sheets: list[Sheet]) -> set[str]:
    return {s.path for s in sheets}


def with_procedure(cat: Catalogue, slug: str, **update: object) -> Catalogue:
    """The catalogue with one procedure's model changed."""
    entries = tuple(
        dataclasses.replace(e, model=e.model.model_copy(update=update)) if e.slug == slug else e
        for e in cat.procedures
    )
    return dataclasses.replace(cat, procedures=entries)


def versions(cat: Catalogue, theme: Theme | None = None) -> dict[str, str]:
    return {s.path: s.stamp.version for s in plan_sheets(cat, theme or load_theme())}


def test_only_active_procedures_are_posted(catalogue: Catalogue) -> None:
    assert paths(plan_sheets(catalogue, load_theme())) == {
        "mot-cua/danh-muc.pdf",
        "mot-cua/dang-ky-khai-sinh.pdf",
        "mot-cua/chung-thuc-ban-sao.pdf",
        "mot-cua/dang-ky-dat-dai-lan-dau.pdf",
        "diem-phu/danh-muc.pdf",
        "diem-phu/dang-ky-khai-sinh.pdf",
        "diem-phu/cong-nhan-ho-ngheo.pdf",
    }


def test_repealed_never_upcoming_on_its_effective_date() -> None:
    before = paths(plan_sheets(load(CATALOGUE, dt.date(2026, 12, 31)), load_theme()))
    on_the_day = paths(plan_sheets(load(CATALOGUE, dt.date(2027, 1, 1)), load_theme()))
    assert "mot-cua/nhan-con-nuoi.pdf" not in before
    assert "mot-cua/nhan-con-nuoi.pdf" in on_the_day
    assert not any("dang-ky-khai-tu-cu" in p for p in before | on_the_day)


def test_version_is_stable_for_the_same_inputs(catalogue: Catalogue) -> None:
    assert versions(catalogue) == versions(load())


def test_version_changes_iff_the_sheet_inputs_change(catalogue: Catalogue) -> None:
    base = versions(catalogue)
    proc: Procedure = next(e.model for e in catalogue.procedures if e.slug == "dang-ky-khai-sinh")
    renamed = versions(with_procedure(catalogue, "dang-ky-khai-sinh", name=proc.name + " (sửa)"))
    changed = {p for p in base if base[p] != renamed[p]}
    # Both offices post it, and the name is on both office indexes; nothing else changes.
    assert changed == {
        "mot-cua/dang-ky-khai-sinh.pdf",
        "diem-phu/dang-ky-khai-sinh.pdf",
        "mot-cua/danh-muc.pdf",
        "diem-phu/danh-muc.pdf",
    }
    # A field that is not printed on any sheet (search aliases) changes nothing.
    assert versions(with_procedure(catalogue, "dang-ky-khai-sinh", aliases=("khai sinh cho con",))) == base


def test_steps_change_the_poster_not_the_index(catalogue: Catalogue) -> None:
    base = versions(catalogue)
    proc = next(e.model for e in catalogue.procedures if e.slug == "chung-thuc-ban-sao")
    edited = versions(with_procedure(catalogue, "chung-thuc-ban-sao", steps=proc.steps[:1]))
    assert {p for p in base if base[p] != edited[p]} == {"mot-cua/chung-thuc-ban-sao.pdf"}


def test_fee_selection_by_build_date_changes_the_version() -> None:
    # The online waiver ends on 15/12/2026 and the page fee applies from 16/12/2026.
    before = versions(load(CATALOGUE, dt.date(2026, 12, 14)))
    last_day = versions(load(CATALOGUE, dt.date(2026, 12, 15)))
    after = versions(load(CATALOGUE, dt.date(2026, 12, 17)))
    assert before["mot-cua/chung-thuc-ban-sao.pdf"] == last_day["mot-cua/chung-thuc-ban-sao.pdf"]
    assert before["mot-cua/chung-thuc-ban-sao.pdf"] != after["mot-cua/chung-thuc-ban-sao.pdf"]


def test_theme_change_changes_every_version(catalogue: Catalogue) -> None:
    base = versions(catalogue)
    theme = load_theme()
    other = versions(catalogue, dataclasses.replace(theme, fingerprint="0" * 64))
    assert all(base[p] != other[p] for p in base)


def test_updated_date_follows_dated_facts(catalogue: Catalogue) -> None:
    cat = load(CATALOGUE, dt.date(2027, 1, 5))
    sheet = next(s for s in plan_sheets(cat, load_theme(), {}) if s.path == "mot-cua/chung-thuc-ban-sao.pdf")
    # The page fee took effect on 16/12/2026: the sheet says so even without an edit.
    assert sheet.stamp.updated >= dt.date(2026, 12, 16)
