"""Whole-site build of the sample catalogue with ``mkdocs build --strict``, and failure behaviour."""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.reading import read_catalogue
from tests.site.building import PROJECT_ROOT, copy_catalogue, run_mkdocs

pytestmark = pytest.mark.slow

FETCHING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "object": ("data",),
    "embed": ("src",),
    "form": ("action",),
}
FETCHING_LINK_RELS = {
    "stylesheet",
    "preload",
    "icon",
    "modulepreload",
    "manifest",
    "prefetch",
    "preconnect",
    "dns-prefetch",
}
CSS_OUTSIDE = re.compile(
    r"""url\(\s*["']?\s*(?:https?:)?//|@import\s+(?:url\()?["']?(?:https?:)?//""", re.IGNORECASE
)


def _outside(value: str | None) -> bool:
    return bool(value) and re.match(r"\s*(?:https?:)?//", value or "", re.IGNORECASE) is not None


class _Fetches(HTMLParser):
    """Collect every attribute of an HTML page that makes the browser fetch another host."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        names = FETCHING.get(tag, ())
        if tag == "link" and FETCHING_LINK_RELS & set((values.get("rel") or "").lower().split()):
            names = ("href",)
        self.found += [f"<{tag} {n}={values[n]}>" for n in names if _outside(values.get(n))]
        if _outside_style(values.get("style") or ""):
            self.found.append(f"<{tag} style>")


def _outside_style(css: str) -> bool:
    return CSS_OUTSIDE.search(css) is not None


def test_every_procedure_and_index_page_is_built(sample_site: Path, as_of: dt.date) -> None:
    catalogue, _ = read_catalogue(PROJECT_ROOT, as_of)
    assert catalogue is not None
    for entry in catalogue.procedures:
        assert (sample_site / "thu-tuc" / entry.slug / "index.html").is_file(), entry.slug
    for field in catalogue.fields.model.fields:
        assert (sample_site / "linh-vuc" / field.slug / "index.html").is_file()
    for office in catalogue.offices:
        assert (sample_site / "co-quan" / office / "index.html").is_file()
    for level in ("toan-trinh", "mot-phan", "khong"):
        assert (sample_site / "truc-tuyen" / level / "index.html").is_file()
    for page in (
        "index.html",
        "thu-tuc/index.html",
        "linh-vuc/index.html",
        "co-quan/index.html",
        "gioi-thieu/index.html",
        "phan-anh-kien-nghi/index.html",
    ):
        assert (sample_site / page).is_file(), page


def test_nav_lists_only_a_few_index_pages(sample_site: Path) -> None:
    html = (sample_site / "thu-tuc" / "dang-ky-khai-sinh" / "index.html").read_text(encoding="utf-8")
    nav = html.split('data-md-type="navigation"')[1].split("</nav>")[0]
    assert nav.count("md-nav__link") <= 15
    assert "thu-tuc/dang-ky" not in nav


def test_no_outside_requests_in_html_css_js(sample_site: Path) -> None:
    offenders = []
    for path in sample_site.rglob("*"):
        if path.suffix not in {".html", ".css", ".js"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            parser = _Fetches()
            parser.feed(text)
            offenders += [f"{path.relative_to(sample_site)}: {f}" for f in parser.found]
            text = "\n".join(re.findall(r"<style[^>]*>(.*?)</style>", text, re.DOTALL))
        if path.suffix in {".html", ".css"} and _outside_style(text):
            offenders.append(f"{path.relative_to(sample_site)}: url()/@import to another host")
        if path.suffix == ".js" and re.search(r"""(?:fetch|importScripts)\(\s*["'](?:https?:)?//""", text):
            offenders.append(f"{path.relative_to(sample_site)}: script fetches another host")
    assert offenders == []
    assert not any("fonts.googleapis" in p.read_text(errors="replace") for p in sample_site.rglob("*.html"))


def test_pages_are_small_and_carry_json_ld(sample_site: Path) -> None:
    sizes = []
    for path in (sample_site / "thu-tuc").glob("*/index.html"):
        html = path.read_text(encoding="utf-8")
        sizes.append(len(html.encode()))
        data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
        assert data["@type"] == "GovernmentService"
    assert statistics.median(sizes) <= 40_000


def test_fonts_and_licence_are_shipped(sample_site: Path) -> None:
    fonts = sample_site / "assets" / "fonts" / "be-vietnam-pro"
    assert (fonts / "OFL.txt").is_file()
    assert len(list(fonts.glob("*vietnamese-[0-9]00-normal.woff2"))) == 3  # plain names
    assert len(list(fonts.glob("*vietnamese-[0-9]00-normal.??????????.woff2"))) == 3  # fingerprinted copies
    assert not (sample_site / "fragments").exists() and not list((sample_site / "posters").glob("*.j2"))


def test_content_error_fails_with_located_vietnamese_issues_and_keeps_the_old_site(tmp_path: Path) -> None:
    config = copy_catalogue(PROJECT_ROOT, tmp_path / "repo", ["procedures/ho-tich/dang-ky-khai-sinh.yaml"])
    site = tmp_path / "out"
    assert run_mkdocs(config, site).returncode == 0
    marker = site / "index.html"
    before = marker.read_text(encoding="utf-8")
    broken = tmp_path / "repo" / "procedures" / "ho-tich" / "dang-ky-khai-sinh.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("online: toan_trinh", "online: maybe"), "utf-8"
    )
    done = run_mkdocs(config, site)
    assert done.returncode == 1
    assert "procedures/ho-tich/dang-ky-khai-sinh.yaml:" in done.stderr
    assert "[invalid-choice]" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert marker.read_text(encoding="utf-8") == before
    assert not list(tmp_path.glob("*out.partial*"))  # no stage left behind


def test_vendored_assets_match_their_manifest() -> None:
    import hashlib

    for manifest in (
        PROJECT_ROOT / "site_theme/assets/vendor.json",
        PROJECT_ROOT / "tests/browser/vendor/vendor.json",
    ):
        for asset in json.loads(manifest.read_text(encoding="utf-8"))["assets"]:
            assert re.fullmatch(r"\d+\.\d+\.\d+", asset["version"])
            for rel, digest in asset["files"].items():
                assert hashlib.sha256((manifest.parent / rel).read_bytes()).hexdigest() == digest, rel


def test_the_outside_request_scanner_catches_fonts_and_scripts() -> None:
    parser = _Fetches()
    parser.feed(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<script src="//cdn.example/x.js"></script>'
        '<a href="https://dichvucong.gov.vn/">ok</a><link rel="canonical" href="https://x.example/">'
    )
    assert len(parser.found) == 2
    assert _outside_style("body{background:url(https://x.example/a.png)}")
