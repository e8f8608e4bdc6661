"""Citizens' own words in real Chromium on the built sample site: header box, life events, nothing fits.

The queries below are answered through the shipped thesaurus and life events, not through the
sample procedures' aliases (none of the aliases contains these words).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.search.test_browser import FIRST, type_query, wait_first

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("kind", "query", "slug"),
    [
        ("colloquial", "tach so hong", "tach-thua-hoac-hop-thua-dat"),
        ("abbreviation", "cap lai gcn qsdd", "cap-lai-giay-chung-nhan-do-bi-mat"),
        ("situation", "mẹ tôi vừa qua đời", "dang-ky-khai-tu"),
        ("situation", "bà ngoại 80 tuổi không có lương hưu", "tro-cap-huu-tri-xa-hoi"),
    ],
)
def test_the_header_box_understands_citizens_words(
    site_url: str, page: Any, kind: str, query: str, slug: str
) -> None:
    page.goto(site_url + "thu-tuc/")
    type_query(page, query)
    wait_first(page, slug)
    assert page.outside_requests == [] and page.failed_responses == []


def test_the_home_page_offers_life_events_that_open_the_finder(site_url: str, page: Any) -> None:
    page.goto(site_url)
    links = page.locator("#su-kien + ul.ck-events a")
    assert links.count() >= 8
    page.locator("#su-kien + ul.ck-events a[href$='su-kien=sinh-con']").click()
    page.wait_for_url("**/tra-cuu/?su-kien=sinh-con")
    page.wait_for_selector("[data-ck-results] li")
    first = page.locator("[data-ck-results] li a.ck-hit__name").first.get_attribute("href")
    assert first is not None and first.endswith("/thu-tuc/dang-ky-khai-sinh/")
    assert page.input_value("select[name=su-kien]") == "sinh-con"
    assert page.is_hidden("[data-ck-browse]")


def test_when_nothing_fits_the_finder_says_so(site_url: str, page: Any) -> None:
    page.goto(site_url + "tra-cuu/?q=" + "đổi bằng lái xe máy")
    page.wait_for_selector("[data-ck-none]:not([hidden])")
    assert page.locator("[data-ck-results] li").count() == 0
    assert "«đổi bằng lái xe máy»" in page.inner_text("[data-ck-none-title]")
    assert page.locator("[data-ck-none-events] a").count() >= 1
    assert page.locator("[data-ck-none] a[href^='tel:']").count() == 1


def test_the_header_box_says_nothing_fits(site_url: str, page: Any) -> None:
    page.goto(site_url + "thu-tuc/")
    type_query(page, "đổi bằng lái xe máy")
    page.wait_for_function(
        "() => { const m = document.querySelector('#ck-site-search-option-more');"
        " return m && m.textContent.includes('Không có thủ tục nào khớp'); }",
        timeout=10_000,
    )
    assert page.locator(FIRST).get_attribute("id") == "ck-site-search-option-more"
