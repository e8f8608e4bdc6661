"""What a citizen sees on a 360 px phone, a desktop and a printout (issue 12, items 11–19), in Chromium.

Every page kind is tried: home, finder, field, office, all procedures, the longest and the shortest
procedure, the 404 page. Each test names the item of the issue it guards.
"""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.browser_support import run_axe
from tests.site.building import PROJECT_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 360, "height": 740}


class _RootHandler(http.server.SimpleHTTPRequestHandler):
    """The site at the server's root (its base URL's path is «/»), 404.html for unknown addresses."""

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@pytest.fixture(scope="module")
def root_url(sample_site: Path) -> Iterator[str]:
    """The sample site served at «/», as its base URL says (the 404 page's links are absolute)."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_RootHandler, directory=str(sample_site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _url(kind: str, site_url: str, root_url: str, sample_site: Path) -> str:
    if kind == "not-found":
        return root_url + "khong-co-trang-nay/"  # what a mistyped address shows
    return site_url + _kinds(sample_site)[kind]


def _procedures_by_size(site: Path) -> list[str]:
    pages = sorted((site / "thu-tuc").glob("*/index.html"), key=lambda p: p.stat().st_size)
    return [f"thu-tuc/{p.parent.name}/" for p in pages]


def _office(site: Path) -> str:
    return "co-quan/" + sorted(p.parent.name for p in (site / "co-quan").glob("*/index.html"))[0] + "/"


def _kinds(site: Path) -> dict[str, str]:
    by_size = _procedures_by_size(site)
    return {
        "home": "",
        "finder": "tra-cuu/",
        "field": "linh-vuc/ho-tich/",
        "office": _office(site),
        "all-procedures": "thu-tuc/",
        "long-procedure": by_size[-1],
        "short-procedure": by_size[0],
        "not-found": "",
    }


KINDS = [
    "home",
    "finder",
    "field",
    "office",
    "all-procedures",
    "long-procedure",
    "short-procedure",
    "not-found",
]
SITE = yaml.safe_load((PROJECT_ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_violation_of_any_impact(
    sample_site: Path, site_url: str, root_url: str, page: Any, kind: str
) -> None:
    """Done-when: axe-core reports 0 violations, whatever their impact, on every page kind."""
    page.goto(_url(kind, site_url, root_url, sample_site))
    page.wait_for_load_state("networkidle")
    found = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in run_axe(page)]
    assert found == []


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_overflows_a_360_px_column(
    sample_site: Path, site_url: str, root_url: str, page: Any, kind: str
) -> None:
    """Item 11: no element (office cards included) sticks out of the phone's column."""
    page.set_viewport_size(PHONE)
    page.goto(_url(kind, site_url, root_url, sample_site))
    width = page.evaluate("document.documentElement.clientWidth")
    wide = page.evaluate(
        """w => Array.from(document.querySelectorAll('.md-content *'))
             .filter(e => e.getBoundingClientRect().right > w + 0.5 && !e.closest('.ck-visually-hidden'))
             .filter(e => getComputedStyle(e).position !== 'absolute')
             .slice(0, 5).map(e => e.className || e.tagName)""",
        width,
    )
    assert wide == []


@pytest.mark.parametrize("which", [0, -1], ids=["short", "long"])
def test_jump_links_count_what_the_page_shows(
    sample_site: Path, site_url: str, page: Any, which: int
) -> None:
    """Item 11: «Hồ sơ cần chuẩn bị (N giấy tờ) ↓» under the summary, N from the page, links that land."""
    page.goto(site_url + _procedures_by_size(sample_site)[which])
    links = page.locator(".ck-summary .ck-jumps a")
    assert links.count() >= 2
    for text, href in zip(
        links.all_inner_texts(), [a.get_attribute("href") for a in links.all()], strict=True
    ):
        assert href.startswith("#") and page.locator(href).count() == 1, href
        match = re.search(r"\((\d+) giấy tờ\)", text)
        if match:
            assert (
                int(match.group(1))
                == page.locator("section[aria-labelledby=ho-so] table.ck-docs tbody tr").count()
            )
        match = re.search(r"\((\d+) bước\)", text)
        if match:
            assert int(match.group(1)) == page.locator(".ck-steps__item").count()


def test_time_is_on_the_first_phone_screen_for_the_longest_title(
    sample_site: Path, site_url: str, page: Any
) -> None:
    """Item 11: a long procedure name must not push the processing time below the first screen."""
    names = {p: len(page_title) for p, page_title in _titles(sample_site).items()}
    longest = max(names, key=lambda p: names[p])
    page.set_viewport_size(PHONE)
    page.goto(site_url + longest)
    box = page.locator(".ck-summary [data-ck=time]").first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]


def _titles(site: Path) -> dict[str, str]:
    out = {}
    for path in _procedures_by_size(site):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        match = re.search(r'<h1 class="ck-head__title[^"]*">([^<]*)</h1>', html)
        if match:
            out[path] = match.group(1)
    return out


def test_sort_hint_only_where_headings_can_be_clicked(site_url: str, page: Any) -> None:
    """Item 11: the all-procedures page does not tell phone users to click column headings."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + "thu-tuc/")
    assert "tiêu đề cột" not in page.locator(".md-content").inner_text()
    page.set_viewport_size({"width": 1280, "height": 900})
    assert "tiêu đề cột" in page.locator(".md-content").inner_text()
    assert page.locator("table.ck-table thead th button.ck-sort").first.is_visible()


@pytest.mark.parametrize("kind", KINDS)
def test_skip_link_and_breadcrumbs_on_every_page(
    sample_site: Path, site_url: str, page: Any, kind: str
) -> None:
    """Item 12: a skip link on every page (focus lands on the content); breadcrumbs from «Trang chủ»."""
    page.goto(site_url + _kinds(sample_site)[kind])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Bỏ qua, đến nội dung chính"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"
    if kind != "home" and kind != "not-found":
        first = page.locator(".ck-crumbs li a").first
        assert first.inner_text() == "Trang chủ"


def test_procedure_crumbs_and_current_section(sample_site: Path, site_url: str, page: Any) -> None:
    """Item 12: a procedure shows Trang chủ › Lĩnh vực › its field; «Lĩnh vực» is marked in the nav."""
    path = _procedures_by_size(sample_site)[0]
    page.goto(site_url + path)
    crumbs = page.locator(".ck-crumbs li").all_inner_texts()
    field = page.locator(".ck-head__kicker a").first.inner_text()
    assert [c.strip("› ") for c in crumbs] == ["Trang chủ", "Lĩnh vực", field]
    active = page.locator(".md-nav--primary > .md-nav__list > li.md-nav__item--active").all_inner_texts()
    assert [a.strip() for a in active] == ["Lĩnh vực"]


def test_code_label_never_breaks(sample_site: Path, site_url: str, page: Any) -> None:
    """Item 12: «Mã thủ tục» stays on one line at 360 px."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + _procedures_by_size(sample_site)[-1])
    label = page.locator(".ck-head__kicker .ck-nowrap").first
    box = label.bounding_box()
    assert box is not None and box["height"] < 1.6 * float(
        page.evaluate("parseFloat(getComputedStyle(document.querySelector('.ck-head__kicker')).lineHeight)")
    )


def test_not_found_page_is_vietnamese_with_ways_on(root_url: str, page: Any) -> None:
    """Item 12: an unknown address ends on a Vietnamese page with search, home, finder and the hotline."""
    response = page.goto(root_url + "thu-tuc/khong-co-thu-tuc-nay/")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == "vi"
    body = page.locator(".md-content").inner_text()
    assert "Không tìm thấy trang" in body and "Not found" not in body
    assert page.locator("form.ck-search input[name=q]").count() == 1
    assert page.locator("form.ck-search").get_attribute("action").endswith("/tra-cuu/")
    assert page.locator(f"a[href='tel:{SITE['hotline'].replace(' ', '')}']").count() >= 1


def test_finder_counts_active_procedures_like_the_home_page(site_url: str, page: Any) -> None:
    """Item 12: one count: the finder opens with the number of procedures in force, as the home page says."""
    page.goto(site_url)
    home = int(
        re.search(r"(\d+) thủ tục đang áp dụng", page.locator(".ck-hero__count").inner_text()).group(1)
    )
    page.goto(site_url + "tra-cuu/")
    page.wait_for_selector("[data-ck-finder-page][data-ck-ready]")
    count = page.locator("[data-ck-count]").inner_text()
    assert count.startswith(f"{home} thủ tục đang áp dụng")


def test_finder_more_button_and_empty_result(site_url: str, page: Any) -> None:
    """Item 13: «Xem thêm» only when there is more; nothing found offers spelling, fields and the hotline."""
    page.goto(site_url + "tra-cuu/?q=khai+sinh")
    page.wait_for_selector("[data-ck-finder-page][data-ck-ready]")
    shown = page.locator("[data-ck-results] > li").count()
    total = int(re.match(r"(\d+)", page.locator("[data-ck-count]").inner_text()).group(1))
    assert page.locator("[data-ck-more]").is_visible() == (total > shown)
    page.fill("#ck-finder-q", "qqxxzz")
    page.wait_for_function("!document.querySelector('[data-ck-none]').hidden")
    none = page.locator("[data-ck-none]")
    assert "chính tả" in none.inner_text()
    assert none.locator("[data-ck-none-fields] a, [data-ck-none-events] a").count() > 0
    assert none.locator("a[href^='tel:']").count() == 1
    assert not page.locator("[data-ck-more]").is_visible()


def test_finder_explains_online_levels(site_url: str, page: Any) -> None:
    """Item 13: «toàn trình / một phần» explained in words a citizen understands."""
    page.goto(site_url + "tra-cuu/")
    page.locator("[data-ck-filters] summary").click() if not page.locator("[data-ck-filters]").get_attribute(
        "open"
    ) else None
    help_text = page.locator("[data-ck=online-help]").text_content() or ""
    assert "toàn trình" in help_text and "một phần" in help_text and "đến cơ quan" in help_text


def test_short_procedure_prints_on_at_most_two_a4_sheets(
    sample_site: Path, site_url: str, page: Any, tmp_path: Path
) -> None:
    """Item 14: A4, publisher, URL and print date on the printout, no screen-only parts, ≤ 2 sheets."""
    path = _procedures_by_size(sample_site)[0]
    page.goto(site_url + path)
    page.emulate_media(media="print")
    for hidden in (".ck-skip", ".ck-crumbs", ".ck-jumps", ".md-header", ".ck-meta__links"):
        assert all(not el.is_visible() for el in page.locator(hidden).all()), hidden
    font = "(s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)"
    assert page.evaluate(font, ".ck-summary__facts dd") >= 15.3  # 11.5 pt body text
    assert page.evaluate(font, ".ck-main td") >= 14.6  # 11 pt in tables
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info, info
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) <= 2
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"[\s-]", "", text)  # the address may wrap at a hyphen, which pdftotext drops
    assert re.sub(r"-", "", SITE["base_url"].rstrip("/") + "/" + path) in flat
    assert re.search(r"In ngày \d\d/\d\d/\d{4}", text)
    assert "Bỏ qua, đến nội dung chính" not in text


def test_feedback_page_gives_contacts_in_its_own_body(site_url: str, page: Any) -> None:
    """Item 16: the feedback page's own body (not just the footer) has phone, address and email."""
    page.goto(site_url + "phan-anh-kien-nghi/")
    body = page.locator("article.md-content__inner").inner_text()
    feedback = SITE["feedback"]
    for key in ("phone", "address", "email"):
        if feedback.get(key):
            assert feedback[key] in body, key


@pytest.mark.parametrize("kind", ["home", "finder", "all-procedures"])
def test_search_forms_have_distinct_names(sample_site: Path, site_url: str, page: Any, kind: str) -> None:
    """Item 19: the header search and the page's own search form are told apart by their names."""
    page.goto(site_url + _kinds(sample_site)[kind])
    names = page.evaluate(
        "Array.from(document.querySelectorAll('form[role=search]')).map(f => f.getAttribute('aria-label'))"
    )
    assert all(names) and len(set(names)) == len(names)


def test_finder_page_does_not_shift_while_loading(site_url: str, page: Any) -> None:
    """Item 17: the finder's late results do not move the page (layout-shift score ≤ 0.05)."""
    page.add_init_script(
        """window.__cls = 0; new PerformanceObserver(l => { for (const e of l.getEntries())
           if (!e.hadRecentInput) window.__cls += e.value; })
           .observe({type: 'layout-shift', buffered: true});"""
    )
    page.goto(site_url + "tra-cuu/")
    page.wait_for_selector("[data-ck-finder-page][data-ck-ready]")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__cls") <= 0.05


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
@pytest.mark.parametrize("path", ["thu-tuc/", "linh-vuc/ho-tich/"])
def test_listing_does_not_shift_when_scripts_arrive(site_url: str, page: Any, path: str, width: int) -> None:
    """Item 17: the filter box and the sort hint are laid out from the first paint (scripts on),
    so congkhai.js arriving moves nothing (it used to push the table down: CLS 0.05–0.09)."""
    page.set_viewport_size({"width": width, "height": 800})
    page.add_init_script(
        """window.__cls = 0; window.__moved = []; new PerformanceObserver(l => {
             for (const e of l.getEntries()) if (!e.hadRecentInput) { window.__cls += e.value;
               for (const s of e.sources || []) window.__moved.push([Math.round(e.startTime),
                 s.node ? s.node.nodeName : '?', s.previousRect.y, s.currentRect.y]); }
           }).observe({type: 'layout-shift', buffered: true});"""
    )
    page.goto(site_url + path)  # once, so the fonts are cached: a late font swap is not what is tested
    page.evaluate("document.fonts.ready")
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__cls") <= 0.01, page.evaluate("window.__moved")
    if path == "thu-tuc/":
        assert page.locator("#ck-filter").is_visible(), "the filter is there once scripts run"
