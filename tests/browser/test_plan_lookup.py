""" "Đất của tôi có nằm trong kế hoạch không?" in real Chromium: parcel and point lookups, offline."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.browser_support import run_axe
from tests.conftest import PROJECT_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PLAN = "quy-hoach/khsdd-2026-xa-tan-hung/"
CAVEAT = "không có nghĩa là chắc chắn không bị ảnh hưởng"


def _parcel(page: Any, commune: str, sheet: str, parcel: str) -> str:
    form = page.locator("[data-ck-parcel-form]")
    form.locator("select[name=xa]").select_option(commune)
    form.locator("input[name=to]").fill(sheet)
    form.locator("input[name=thua]").fill(parcel)
    form.locator("button[type=submit]").click()
    return str(page.locator("[data-ck-result]").inner_text())


def _inside_point(project: str) -> tuple[float, float]:
    """A point inside a project's area: the mean of its ring (the sample's areas are convex)."""
    data = json.loads((PROJECT_ROOT / "content/plans/khsdd-2026-xa-tan-hung/plan.geojson").read_text("utf-8"))
    ring = next(f for f in data["features"] if f["id"] == project)["geometry"]["coordinates"][0][:-1]
    return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)


def test_parcel_lookup_finds_the_project_that_lists_the_parcel(site_url: str, page: Any) -> None:
    page.goto(site_url + PLAN)
    result = _parcel(page, "10993", "014", "3")  # leading zeros are ignored, as on certificates
    assert "11. Cụm công nghiệp Tân Hưng (giai đoạn 1)" in result and "có thu hồi đất" in result
    result = _parcel(page, "10990", "12", "45")
    assert "1. Mở rộng đường liên xã ĐX.05" in result


def test_the_same_sheet_number_in_another_former_commune_is_not_a_match(site_url: str, page: Any) -> None:
    page.goto(site_url + PLAN)
    result = _parcel(page, "10996", "12", "45")
    assert "Không thấy công trình nào" in result
    assert CAVEAT in page.locator(".ck-lookup__caveat").inner_text()


def test_typed_coordinates_find_the_area_that_contains_them(site_url: str, page: Any) -> None:
    page.goto(site_url + PLAN)
    lon, lat = _inside_point("CT-11")
    form = page.locator("[data-ck-point-form]")
    form.locator("input[name=toado]").fill(f"{lat:.6f}, {lon:.6f}")
    form.locator("select[name=khoang]").select_option("0")
    form.locator("button[type=submit]").click()
    result = page.locator("[data-ck-result]").inner_text()
    assert "11. Cụm công nghiệp" in result and "điểm nằm trong vùng" in result
    assert page.locator('.ck-plan-map__hit[data-project="CT-11"]').count() == 1
    form.locator("input[name=toado]").fill(f"{lat + 0.05:.6f}, {lon:.6f}")  # 5.5 km north: nothing
    form.locator("button[type=submit]").click()
    assert "Không thấy công trình nào" in page.locator("[data-ck-result]").inner_text()


def test_tapping_the_map_looks_up_that_point(site_url: str, page: Any) -> None:
    page.goto(site_url + PLAN)
    page.locator('[data-project="CT-05"]').click()
    assert "5. Khu dân cư mới thôn Nam" in page.locator("[data-ck-result]").inner_text()
    assert page.locator(".ck-plan-map__marker").count() == 1
    assert page.locator("[data-ck-point-form] input[name=toado]").input_value().startswith("20.9")


def test_the_phones_location_is_used_on_the_device_only(site_url: str, page: Any) -> None:
    lon, lat = _inside_point("CT-08")
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": lat, "longitude": lon})
    page.goto(site_url + PLAN)
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.locator("[data-ck-locate]").click()
    page.wait_for_function("document.querySelector('[data-ck-result]').innerText.includes('8.')")
    assert "8. Mở rộng nghĩa trang" in page.locator("[data-ck-result]").inner_text()
    assert "không được gửi đi" in page.locator(".ck-lookup__privacy").inner_text()
    assert requests == [] and page.outside_requests == []


def test_plan_page_has_no_serious_accessibility_violations(site_url: str, page: Any) -> None:
    page.goto(site_url + PLAN)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in run_axe(page)
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []
    assert page.failed_responses == [] and page.outside_requests == []


def test_the_finder_finds_projects_by_name_and_village(site_url: str, page: Any) -> None:
    page.goto(site_url + "tra-cuu/?q=cum+cong+nghiep+tan+hung")
    link = page.locator('a[href*="quy-hoach/khsdd-2026-xa-tan-hung/#ct-CT-11"]').first
    link.wait_for(timeout=10_000)
    assert "Cụm công nghiệp Tân Hưng" in link.inner_text()


def test_pan_and_zoom_uses_the_vendored_leaflet_and_a_tap_looks_up(site_url: str, page: Any) -> None:
    page.goto(site_url + PLAN)
    page.locator("[data-ck-zoom]").click()
    page.locator(".leaflet-container").wait_for()
    assert page.locator(".leaflet-container path.leaflet-interactive").count() >= 16 + 8  # projects + zones
    page.evaluate("document.querySelector('.leaflet-container').scrollIntoView({block: 'center'})")
    lon, lat = _inside_point("CT-11")
    x, y = page.evaluate(
        """([lat, lon]) => { const map = document.querySelector('[data-ck-plan]').ckPlan.map;
           const p = map.latLngToContainerPoint([lat, lon]);
           const r = map.getContainer().getBoundingClientRect();
           return [r.left + p.x, r.top + p.y]; }""",
        [lat, lon],
    )
    page.mouse.click(x, y)
    assert "11. Cụm công nghiệp" in page.locator("[data-ck-result]").inner_text()
    assert page.outside_requests == [] and page.failed_responses == []
    assert any(
        "vendor/leaflet/leaflet.js" in url
        for url in page.evaluate("performance.getEntries().map(e => e.name)")
    )
