"""The preview's sheets (generator.posters.preview) are the full build's sheets: same paths and keys."""

from __future__ import annotations

from generator.catalogue import Catalogue
from generator.posters.plan import plan_sheets
from generator.posters.preview import index_sheet, procedure_sheets
from generator.posters.theme import load_theme


def test_one_procedures_sheets_are_those_the_full_build_plans(catalogue: Catalogue) -> None:
    theme = load_theme()
    full = {s.path: s.key for s in plan_sheets(catalogue, theme, {})}
    for entry in catalogue.procedures:
        mine = {s.path: s.key for s in procedure_sheets(catalogue, entry.slug, theme, {})}
        assert mine == {p: k for p, k in full.items() if p.endswith(f"/{entry.slug}.pdf")}, entry.slug
    for office in catalogue.offices:
        sheet = index_sheet(catalogue, office, theme, {})
        assert sheet is not None and full[sheet.path] == sheet.key


def test_a_procedure_not_in_force_has_no_sheet(catalogue: Catalogue) -> None:
    inactive = [e for e in catalogue.procedures if catalogue.state(e) != "active"]
    assert inactive
    assert all(procedure_sheets(catalogue, e.slug, load_theme(), {}) == [] for e in inactive)
