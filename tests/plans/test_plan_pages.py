"""Plan pages: lifecycle, golden SVG map of a small plan, page context, CSV safety, files in the site."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
from pathlib import Path

import pytest

from generator.catalogue import Catalogue
from generator.core.build_context import make_build_context
from generator.plans.files import projects_csv, safe_cell, write_plan_files
from generator.plans.lifecycle import plan_state, publication_deadline
from generator.plans.pages import iter_plan_pages
from generator.reading import read_catalogue
from tests.conftest import AS_OF, FIXTURES, PROJECT_ROOT
from tests.plans.test_plan_corpus import tree

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture()
def small(tmp_path: Path) -> Catalogue:
    catalogue, issues = read_catalogue(tree(tmp_path, FIXTURES / "plans" / "base" / "mau-nho"), AS_OF)
    assert catalogue is not None, issues
    return catalogue


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    catalogue, issues = read_catalogue(PROJECT_ROOT, AS_OF)
    assert catalogue is not None, [i.format() for i in issues]
    return catalogue


def test_the_sample_has_an_annual_plan_in_force_and_a_draft_under_consultation(sample: Catalogue) -> None:
    states = {p.slug: plan_state(p.model, AS_OF) for p in sample.plans}
    assert states == {"khsdd-2026-xa-tan-hung": "in_force", "khsdd-2027-xa-tan-hung-du-thao": "consulting"}
    annual = next(p for p in sample.plans if p.slug == "khsdd-2026-xa-tan-hung")
    assert 10 <= len(annual.model.projects) <= 20 and annual.model.sample


def test_lifecycle_follows_the_calendar(small: Catalogue) -> None:
    plan = small.plans[0].model
    assert publication_deadline(plan) == dt.date(2026, 1, 25)
    cases = {
        dt.date(2025, 10, 31): "consultation_upcoming",
        dt.date(2025, 11, 20): "consulting",
        dt.date(2025, 12, 15): "awaiting_approval",
        dt.date(2026, 1, 10): "in_force",
        dt.date(2027, 1, 1): "expired",
    }
    assert {day: plan_state(plan, day) for day in cases} == cases


def _render_svg(catalogue: Catalogue) -> str:
    ctx = make_build_context(catalogue)
    from generator.plans.svgmap import plan_map

    return ctx.env.get_template("plans/map-file.svg").render(page=plan_map(catalogue.plans[0])).strip() + "\n"


def test_golden_svg_map_of_a_small_plan(small: Catalogue) -> None:
    svg = _render_svg(small)
    golden = GOLDEN / "mau-nho.svg"
    header = "<!-- golden: tests/fixtures/plans/base/mau-nho, 2026-11-25; refresh: CK_UPDATE_GOLDEN=1 -->\n"
    if os.environ.get("CK_UPDATE_GOLDEN") == "1":
        golden.write_text(header + svg, encoding="utf-8")
    assert header + svg == golden.read_text(encoding="utf-8")


def test_the_map_carries_codes_numbers_boundary_scale_and_north(small: Catalogue) -> None:
    svg = _render_svg(small)
    assert svg.count('data-project="') == 3
    labels = re.findall(r'font-size="1[13]"[^>]*>([^<]+)</text>', svg)
    assert {"1", "2", "3", "LUC"} <= set(labels)
    assert 'class="ck-plan-map__boundary"' in svg and ">B</text>" in svg and " m</text>" in svg
    assert 'fill="#FFFC8C"' in svg  # LUC in the standard palette
    assert "http://" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_plan_page_context_and_html(small: Catalogue) -> None:
    ctx = make_build_context(small)
    pages = list(iter_plan_pages(small, ctx))
    assert [p.path for p in pages] == ["quy-hoach/", "quy-hoach/mau-nho/"]
    html = pages[1].render().html
    for text in (
        "Đang thực hiện, công khai",
        "100/QĐ-UBND ngày 10/01/2026",
        "hạn luật định: 25/01/2026",
        "Xã Tân Hưng (cũ): tờ 12, thửa 45, 46",
        "không có nghĩa là chắc chắn không bị ảnh hưởng",
        "SHA-256",
        'id="ck-plan-data"',
        "<svg",
    ):
        assert text in html, text
    assert "<script>" not in html


def test_csv_never_starts_a_formula() -> None:
    cells = [safe_cell(v) for v in ("=1+1", "+84", "-3", "@SUM", "Đường", 12)]
    assert cells == ["'=1+1", "'+84", "'-3", "'@SUM", "Đường", "12"]


def test_project_csv_and_files_are_written(small: Catalogue, tmp_path: Path) -> None:
    text = projects_csv(small, small.plans[0])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:3] == ["Số", "Mã công trình", "Tên công trình, dự án"] and len(rows) == 4
    site = tmp_path / "site"
    write_plan_files(small, site, make_build_context(small))
    folder = site / "quy-hoach" / "mau-nho"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == [
        "ban-do.svg",
        "danh-muc-cong-trinh.csv",
        "plan.geojson",
        "tai-lieu/qd.pdf",
        "tai-lieu/tiep-thu.pdf",
    ]


def test_a_draft_shows_the_consultation_box_with_days_left(sample: Catalogue) -> None:
    ctx = make_build_context(sample)
    draft = next(p for p in iter_plan_pages(sample, ctx) if p.path.endswith("du-thao/"))
    html = draft.render().html
    assert "Đang lấy ý kiến: mời góp ý" in html and "Còn 11 ngày để góp ý." in html
    assert "Chưa phê duyệt" in html


def test_no_plans_no_pages(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid", root)
    catalogue, _ = read_catalogue(root, AS_OF)
    assert catalogue is not None and list(iter_plan_pages(catalogue, make_build_context(catalogue))) == []


@pytest.mark.parametrize("name", ["PlanPage", "PlansIndexPage"])
def test_every_context_field_is_documented_and_used(name: str) -> None:
    import dataclasses

    from generator.plans import pages

    context = getattr(pages, name)
    template = {"PlanPage": "plan.html", "PlansIndexPage": "plans.html"}[name]
    source = (PROJECT_ROOT / "site_theme" / "fragments" / "pages" / template).read_text(encoding="utf-8")
    fields = [f.name for f in dataclasses.fields(context)]
    assert [n for n in fields if f"page.{n}" not in source] == []
    assert [n for n in fields if n not in (context.__doc__ or "")] == []


def test_home_page_lists_the_plans(sample: Catalogue) -> None:
    from generator.site.listing import home_page

    links = home_page(sample, "tra-cuu/").plans
    assert [link.href for link in links] == [
        "quy-hoach/khsdd-2027-xa-tan-hung-du-thao/",
        "quy-hoach/khsdd-2026-xa-tan-hung/",
    ]
