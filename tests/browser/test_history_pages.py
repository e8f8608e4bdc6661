"""«Thay đổi gần đây» and «Dữ liệu mở» in Chromium: accessible, no sideways scrolling, files served."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser_support import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = ["thay-doi/", "du-lieu-mo/"]


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_violations(site_url: str, page: Any, path: str) -> None:
    page.goto(site_url + path)
    bad = [v["id"] for v in run_axe(page) if v["impact"] in ("serious", "critical")]
    assert bad == []


@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling_at_360_px(site_url: str, page: Any, path: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_every_page_announces_the_feed_and_the_files_are_served(site_url: str, page: Any) -> None:
    page.goto(site_url)
    feed = page.locator('link[rel~="alternate"][type="application/atom+xml"]').get_attribute("href")
    assert feed is not None
    page.goto(site_url + "du-lieu-mo/")
    links = page.eval_on_selector_all(".ck-data-files a", "els => els.map(e => e.href)")
    assert len(links) >= 4
    for href in [page.url.rsplit("/du-lieu-mo/", 1)[0] + "/" + feed.removeprefix("../"), *links]:
        response = page.request.get(href)
        assert response.status == 200, href
    assert page.failed_responses == [], page.failed_responses
