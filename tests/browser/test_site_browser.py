"""Browser tests of the public website in real Chromium: accessibility, keyboard, sub-path, phone width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _longest_procedure(site: Path) -> str:
    pages = sorted((site / "thu-tuc").glob("*/index.html"), key=lambda p: p.stat().st_size)
    return f"thu-tuc/{pages[-1].parent.name}/"


def _pages(site: Path) -> list[str]:
    return ["", "linh-vuc/ho-tich/", _longest_procedure(site), "thu-tuc/"]


@pytest.mark.parametrize("which", [0, 1, 2, 3], ids=["home", "field", "long-procedure", "all-procedures"])
def test_axe_finds_no_serious_violations(sample_site: Path, site_url: str, page: Any, which: int) -> None:
    page.goto(site_url + _pages(sample_site)[which])
    violations = run_axe(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []


@pytest.mark.parametrize("which", [0, 1, 2], ids=["home", "field", "long-procedure"])
def test_pages_load_under_a_sub_path_without_outside_requests(
    sample_site: Path, site_url: str, page: Any, which: int
) -> None:
    page.goto(site_url + _pages(sample_site)[which])
    page.wait_for_load_state("networkidle")
    assert page.outside_requests == []
    assert page.failed_responses == []
    assert page.evaluate("document.fonts.check('16px \"Be Vietnam Pro\"', 'Đăng ký')")


@pytest.mark.parametrize("which", [0, 1, 2], ids=["home", "field", "long-procedure"])
def test_no_sideways_scrolling_at_360_px(sample_site: Path, site_url: str, page: Any, which: int) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + _pages(sample_site)[which])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


_FOCUSABLE = """() => Array.from(document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])'))
  .filter(e => !e.disabled && e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden')
  .filter(e => !e.closest('[hidden], [inert]'))
  .map((e, i) => { e.dataset.ckKb = String(i); return e.dataset.ckKb; })"""


@pytest.mark.parametrize("which", [0, 1, 2], ids=["home", "field", "long-procedure"])
def test_keyboard_reaches_every_control(sample_site: Path, site_url: str, page: Any, which: int) -> None:
    page.goto(site_url + _pages(sample_site)[which])
    wanted = set(page.evaluate(_FOCUSABLE))
    reached: set[str] = set()
    for _ in range(len(wanted) * 2 + 20):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement && document.activeElement.dataset.ckKb || ''"))
    assert wanted - reached == set()


def test_home_search_form_leads_to_the_finder(site_url: str, page: Any) -> None:
    page.goto(site_url)
    page.fill("#ck-q", "dang ky khai sinh")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "tra-cuu/" in page.url and "q=dang+ky+khai+sinh" in page.url
    page.wait_for_selector("[data-ck-results] li")
    first = page.locator("[data-ck-results] li a.ck-hit__name").first.inner_text()
    assert first == "Đăng ký khai sinh"


def test_all_procedures_table_filters_with_the_shared_folding(site_url: str, page: Any) -> None:
    page.goto(site_url + "thu-tuc/?q=dang+ki+khai+sinh")  # «ki» for «ký»: the ky/ki rule of fold.js
    page.wait_for_function("document.querySelector('[data-ck-count]').textContent !== ''")
    names = page.locator("#ck-all tbody tr:not([hidden]) td:first-child a").all_inner_texts()
    assert names and all("khai sinh" in n.lower() for n in names)
    assert "Đăng ký khai sinh" in names


def test_all_procedures_table_sorts_by_keyboard(site_url: str, page: Any) -> None:
    page.goto(site_url + "thu-tuc/")
    header = page.locator("#ck-all thead th").nth(0)
    header.locator("button").focus()
    page.keyboard.press("Enter")
    first = page.locator("#ck-all tbody tr td:first-child a").all_inner_texts()
    page.keyboard.press("Enter")
    reverse = page.locator("#ck-all tbody tr td:first-child a").all_inner_texts()
    assert header.get_attribute("aria-sort") == "descending"
    assert reverse == list(reversed(first))
