"""The search UI in real Chromium on the built sample site: header box, keyboard, finder, phone, no JS."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser_support import run_axe

pytestmark = pytest.mark.browser

BOX = "#ck-site-search-input"
FIRST = "#ck-site-search-results [role=option]:first-child"


def type_query(page: Any, text: str) -> None:
    """Type into the header box key by key, as a citizen does."""
    page.click(BOX)
    page.keyboard.type(text)


def wait_first(page: Any, slug: str) -> None:
    """Wait until the first header result links to the procedure ``slug``."""
    page.wait_for_function(
        "([sel, slug]) => { const o = document.querySelector(sel);"
        " return o && o.dataset.href.endsWith('/thu-tuc/' + slug + '/'); }",
        arg=[FIRST, slug],
        timeout=10_000,
    )


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("dang ky ket hon", "dang-ky-ket-hon"),
        ("dang ki khai sinh", "dang-ky-khai-sinh"),
        ("1.001193", "dang-ky-khai-sinh"),
        ("làm sổ đỏ", "dang-ky-dat-dai-cap-giay-chung-nhan-lan-dau-ho-gia-dinh-ca-nhan"),
        ("giay hon thu", "dang-ky-ket-hon"),
    ],
)
def test_the_header_box_shows_the_right_procedure_first(
    site_url: str, page: Any, query: str, slug: str
) -> None:
    page.goto(site_url + "thu-tuc/")
    type_query(page, query)
    wait_first(page, slug)
    assert page.outside_requests == [] and page.failed_responses == []


def test_matched_words_are_marked_in_the_accented_name(site_url: str, page: Any) -> None:
    page.goto(site_url)
    type_query(page, "dang ky ket hon")
    wait_first(page, "dang-ky-ket-hon")
    # the list re-renders on each keystroke: wait for the marks of the whole query, not a prefix of it
    # (the result lists the name without its «Thủ tục» prefix, so it starts with a capital)
    expect(page.locator(FIRST + " mark")).to_have_text(["Đăng", "ký", "kết", "hôn"])
    # a procedure with no end date has no «Áp dụng đến» line (its life events are not printed there)
    expect(page.locator(FIRST + " .ck-hit__ends")).to_have_count(0)


def test_arrow_keys_and_enter_open_a_result(site_url: str, page: Any) -> None:
    page.goto(site_url)
    type_query(page, "dang ki khai sinh")
    wait_first(page, "dang-ky-khai-sinh")
    page.keyboard.press("ArrowDown")
    active = page.get_attribute(BOX, "aria-activedescendant")
    assert active and page.get_attribute(f"#{active}", "aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url("**/thu-tuc/dang-ky-khai-sinh/")


def test_escape_closes_then_clears(site_url: str, page: Any) -> None:
    page.goto(site_url)
    type_query(page, "ket hon")
    page.wait_for_selector(FIRST)
    page.keyboard.press("Escape")
    assert page.get_attribute(BOX, "aria-expanded") == "false"
    assert page.is_hidden("#ck-site-search-results")
    page.keyboard.press("Escape")
    assert page.input_value(BOX) == ""


def test_enter_without_a_choice_opens_the_finder(site_url: str, page: Any) -> None:
    page.goto(site_url)
    type_query(page, "giay phep xay dung")
    page.wait_for_selector(FIRST)
    page.keyboard.press("Enter")
    page.wait_for_url("**/tra-cuu/?q=giay*")
    page.wait_for_selector("[data-ck-results] li")
    assert "xay-dung" in page.locator("[data-ck-results] li a").first.get_attribute("href")


def test_finder_facets_filter_and_stay_in_the_address(site_url: str, page: Any) -> None:
    page.goto(site_url + "tra-cuu/?q=dang+ky")
    page.wait_for_selector("[data-ck-results] li")
    before = page.locator("[data-ck-results] li").count()
    page.select_option("select[name=linh-vuc]", "ho-tich")
    page.wait_for_function("n => document.querySelectorAll('[data-ck-results] li').length < n", arg=before)
    hrefs = page.locator("[data-ck-results] li a.ck-hit__name").evaluate_all("as => as.map(a => a.href)")
    assert hrefs and not any("giay-phep" in h or "ho-kinh-doanh" in h for h in hrefs)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["dang ky"], "linh-vuc": ["ho-tich"]}
    page.check("input[name=mien-phi]")
    assert "mien-phi=1" in page.url


def test_finder_results_show_code_field_time_and_fee(site_url: str, page: Any) -> None:
    page.goto(site_url + "tra-cuu/?q=1.001193")
    page.wait_for_selector("[data-ck-results] li")
    facts = page.locator("[data-ck-results] li").first.locator("dt").all_inner_texts()
    assert facts == ["Mã", "Lĩnh vực", "Thời hạn", "Phí, lệ phí"]


def test_on_a_phone_the_magnifier_opens_the_box(site_url: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url + "thu-tuc/")
        assert page.is_hidden(BOX)
        page.click("[data-ck-toggle]")
        page.keyboard.type("dang ky ket hon")
        wait_first(page, "dang-ky-ket-hon")
        box = page.locator("#ck-site-search-results").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_without_javascript_the_box_leads_to_the_table(site_url: str, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "gioi-thieu/")
        page.fill(BOX, "khai sinh")
        page.press(BOX, "Enter")
        page.wait_for_url("**/thu-tuc/?q=khai+sinh")
        page.goto(site_url + "tra-cuu/")
        assert page.is_visible("[data-ck-nojs] a[href='../thu-tuc/']")
        assert page.is_hidden("[data-ck-ui]")
    finally:
        context.close()


def test_the_search_ui_has_no_accessibility_violations(site_url: str, page: Any) -> None:
    page.goto(site_url + "tra-cuu/?q=khai+sinh")
    page.wait_for_selector("[data-ck-results] li")
    type_query(page, "ket hon")
    page.wait_for_selector(FIRST)
    ours = ("ck-site-search", "ck-finder", "ck-hit")
    violations = [
        (v["id"], node["target"])
        for v in run_axe(page)
        for node in v["nodes"]
        if any(name in str(node["target"]) or name in node.get("html", "") for name in ours)
    ]
    assert violations == []
