"""The whole sample catalogue (procedures/, content/) as posters: every active procedure at every
office that lists it, nothing else. Slow (about 80 sheets): ``-m slow`` selects it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.posters.write import write_posters
from tests.conftest import AS_OF, PROJECT_ROOT
from tests.posters.conftest import decode_qr, load, pdfinfo


@pytest.mark.slow
def test_the_sample_catalogue_posters(tmp_path: Path) -> None:
    cat = load(PROJECT_ROOT, AS_OF)
    report = write_posters(cat, tmp_path / "posters", cache_dir=tmp_path / "cache", jobs=2)
    expected = {
        f"{office}/{entry.slug}.pdf" for entry in cat.in_state("active") for office in entry.model.offices
    } | {f"{office}/danh-muc.pdf" for office in cat.offices}
    expected |= {
        s.path for s in report.sheets if s.plan
    }  # the plans' own sheets: tests/posters/test_plan_posters.py
    assert len(expected) - len([s for s in report.sheets if not s.plan]) == 3
    assert {s.path for s in report.sheets} == expected
    assert report.rendered == len(expected)
    inactive = {e.slug for e in cat.procedures} - {e.slug for e in cat.in_state("active")}
    assert not [p for p in (tmp_path / "posters").rglob("*.pdf") if p.stem in inactive]
    first = sorted(expected)[1]
    assert pdfinfo(tmp_path / "posters" / first)["Page size"].endswith("(A4)")
    slug = first.split("/")[1].removesuffix(".pdf")
    assert decode_qr(tmp_path / "posters" / first, tmp_path) == [f"{cat.site.model.base_url}thu-tuc/{slug}/"]
