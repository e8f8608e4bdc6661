"""The built sample site as machines and auditors read it (issue 12, items 12, 15, 17, 18, 19).

Checked on the output of ``mkdocs build --strict`` (the ``sample_site`` fixture), against the
content and the git history it was built from, never against hard-coded figures.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from generator.core.history import read_history
from generator.facts.offers import area_served, fee_price
from generator.model import Fee
from generator.site.crumbs import breadcrumbs, url_parent
from generator.site.fingerprint import FINGERPRINTED
from generator.site.procedure import DossierView, jump_links
from tests.site.building import PROJECT_ROOT

SITE = yaml.safe_load((PROJECT_ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))
BASE = SITE["base_url"].rstrip("/") + "/"


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "posters" not in p.parts)


def _jsonld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


# ---- unit level: the pieces the pages are made of ----


def test_breadcrumbs_follow_declared_parents_then_folders() -> None:
    titles = {"linh-vuc/": "Lĩnh vực", "linh-vuc/ho-tich/": "Hộ tịch", "thu-tuc/": "Tất cả thủ tục"}
    trail = breadcrumbs("thu-tuc/x/", titles=titles, parents={"thu-tuc/x/": "linh-vuc/ho-tich/"})
    assert [c.title for c in trail] == ["Trang chủ", "Lĩnh vực", "Hộ tịch"]
    assert [c.title for c in breadcrumbs("thu-tuc/x/", titles=titles, parents={})] == [
        "Trang chủ",
        "Tất cả thủ tục",
    ]
    assert breadcrumbs("", titles=titles, parents={}) == ()
    assert [c.title for c in breadcrumbs("a/b/c/", titles={}, parents={})] == ["Trang chủ"]  # no such pages
    assert url_parent("gioi-thieu/") == ""


def test_jump_links_count_from_the_context() -> None:
    dossier = (DossierView(None, None, (object(),) * 9),)  # type: ignore[arg-type]
    links = jump_links({"ho-so": "", "noi-nop": "", "trinh-tu": ""}, steps=3, dossier=dossier, channels=1)
    assert [link.text for link in links] == [
        "Các bước thực hiện (3 bước) ↓",
        "Hồ sơ cần chuẩn bị (9 giấy tờ) ↓",
        "Nơi nộp hồ sơ ↓",
    ]
    assert [link.href for link in links] == ["#trinh-tu", "#ho-so", "#noi-nop"]
    two = (DossierView("a", None, ()), DossierView("b", None, ()))
    assert (
        jump_links({"ho-so": ""}, steps=0, dossier=two, channels=1)[0].text
        == "Hồ sơ cần chuẩn bị (2 trường hợp) ↓"
    )


def test_area_and_price_facts() -> None:
    assert area_served("Ủy ban nhân dân xã Tân Hưng", "Ủy ban nhân dân thành phố Hải Phòng") == (
        "xã Tân Hưng, thành phố Hải Phòng"
    )
    assert area_served("Sở Tư pháp", None) == "Sở Tư pháp"
    assert fee_price(Fee(type="le_phi", name="x", amount=8000, unit="bản")) == 8000
    assert fee_price(Fee(type="le_phi", name="x", exempt=True)) == 0
    assert fee_price(Fee(type="phi", name="x", percent=0.5, base="giá trị")) is None


# ---- the built site ----


@pytest.mark.slow
def test_robots_txt_points_at_the_sitemap(sample_site: Path) -> None:
    robots = (sample_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}sitemap.xml" in robots and "{{" not in robots


@pytest.mark.slow
def test_sitemap_lastmod_is_the_last_change_not_the_build_date(sample_site: Path) -> None:
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    entries = dict(re.findall(r"<loc>([^<]+)</loc>\s*(?:<lastmod>([^<]+)</lastmod>)?", sitemap))
    changed = read_history(PROJECT_ROOT).last_changed
    checked = 0
    for path in sorted((PROJECT_ROOT / "procedures").rglob("*.yaml")):
        day = changed.get(path.relative_to(PROJECT_ROOT).as_posix())
        slug = yaml.safe_load(path.read_text(encoding="utf-8")).get("slug") or path.stem
        url = f"{BASE}thu-tuc/{slug}/"
        assert url in entries
        assert entries[url] == (day.isoformat() if day else ""), url
        checked += 1
    assert checked
    procedures = [d for url, d in entries.items() if "/thu-tuc/" in url and d]
    assert max(procedures) == entries[BASE]  # home: the newest change of any procedure


@pytest.mark.slow
def test_titles_and_descriptions_are_distinct(sample_site: Path) -> None:
    titles: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    for page in _pages(sample_site):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html or '<meta name="robots" content="noindex">' in html:
            continue  # redirects and the 404 page are not indexed
        title = re.search(r"<title>([^<]*)</title>", html)
        description = re.search(r'<meta name="description" content="([^"]*)"', html)
        assert title and description, page
        assert titles.setdefault(title.group(1), str(page)) == str(page), f"same title: {page}"
        assert descriptions.setdefault(description.group(1), str(page)) == str(page), (
            f"same description: {page}"
        )


@pytest.mark.slow
def test_own_templates_avoid_what_vnu_flags(sample_site: Path) -> None:
    for page in _pages(sample_site):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<input[^>]*type="search"[^>]*role="combobox"', html), page
        assert not re.search(r"<time(?![^>]*datetime=)[^>]*>", html), page
        assert 'action=""' not in html, page
        assert '<link rel="alternate" ' not in html, page  # Material would fetch a sitemap beside it


@pytest.mark.slow
def test_procedure_jsonld_has_description_area_offers_and_online_url(sample_site: Path) -> None:
    seen_offer = seen_online = False
    for page in sorted((sample_site / "thu-tuc").glob("*/index.html")):
        data = _jsonld(page.read_text(encoding="utf-8"))
        assert data["@type"] == "GovernmentService"
        assert data["description"] and data["areaServed"]["name"]
        for offer in data.get("offers", []):
            seen_offer = True
            assert offer["@type"] == "Offer" and offer["description"]
            if "price" in offer:
                assert isinstance(offer["price"], int) and offer["priceCurrency"] == "VND"
        html = page.read_text(encoding="utf-8")
        apply = re.search(r'class="md-button md-button--primary ck-apply" href="([^"]+)"', html)
        online = [c for c in data["availableChannel"] if c["name"] == "Trực tuyến"]
        if apply and online:
            seen_online = True
            assert online[0]["serviceUrl"] == apply.group(1).replace("&amp;", "&")
    assert seen_offer and seen_online


@pytest.mark.slow
def test_online_without_code_still_has_a_route(sample_site: Path) -> None:
    routes = 0
    for path in sorted((PROJECT_ROOT / "procedures").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("code") or data.get("online", "khong") == "khong":
            continue
        html = (sample_site / "thu-tuc" / (data.get("slug") or path.stem) / "index.html").read_text("utf-8")
        if "ck-procedure--active" not in html:
            continue
        assert 'data-ck="apply-by-name"' in html, path
        assert "tìm theo tên" in html
        routes += 1
    assert routes


@pytest.mark.slow
def test_no_form_column_where_no_form_exists(sample_site: Path) -> None:
    for page in sorted((sample_site / "thu-tuc").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        for table in re.findall(r'<table class="ck-docs">.*?</table>', html, re.S):
            has_header = "Mẫu đơn, tờ khai</th>" in table
            has_form = bool(re.search(r'<td data-label="Mẫu">(?!—)', table))
            assert has_header == has_form, page


@pytest.mark.slow
def test_own_assets_are_fingerprinted_and_named_by_hash(sample_site: Path) -> None:
    html = (sample_site / "thu-tuc" / "index.html").read_text(encoding="utf-8")
    for asset in FINGERPRINTED:
        stem, ext = asset.rsplit("/", 1)[1].rsplit(".", 1)
        names = re.findall(rf"{re.escape(stem)}\.([0-9a-f]{{10}})\.{ext}\b", html)
        if not (sample_site / asset).exists():
            continue
        assert names, asset
        folder = (sample_site / asset).parent
        copy = folder / f"{stem}.{names[0]}.{ext}"
        assert hashlib.sha256(copy.read_bytes()).hexdigest()[:10] == names[0]
        assert f'/{stem}.{ext}"' not in html, asset  # the plain name is never linked
    css = next((sample_site / "assets" / "stylesheets").glob("congkhai.*.css")).read_text("utf-8")
    fonts = re.findall(r"url\(\.\./fonts/be-vietnam-pro/([^)]+)\)", css)
    assert fonts and all(re.search(r"\.[0-9a-f]{10}\.woff2$", f) for f in fonts)
    preloads = re.findall(r'rel="preload" href="[^"]*/([^/"]+\.woff2)"', html)
    assert sorted(set(preloads)) == sorted(set(fonts))  # every face the stylesheet uses is preloaded


@pytest.mark.slow
def test_feedback_page_body_has_the_contacts(sample_site: Path) -> None:
    html = (sample_site / "phan-anh-kien-nghi" / "index.html").read_text(encoding="utf-8")
    article = html[html.index('<article class="md-content__inner') : html.index("</article>")]
    for key in ("phone", "address", "email"):
        if SITE["feedback"].get(key):
            assert SITE["feedback"][key] in article, key
