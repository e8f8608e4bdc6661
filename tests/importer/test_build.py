"""The imported reference records through the real pipeline: ``mkdocs build --strict`` of a temporary
repository renders a complete procedure page and a poster for each (slow)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator.importer.run import run_import
from tests.importer.conftest import READ_ON, RECORDS
from tests.posters.conftest import pdfinfo, pdftotext
from tests.site.building import copy_catalogue, run_mkdocs

pytestmark = pytest.mark.slow

PAGES = {
    "dang-ky-khai-sinh": [
        "Thủ tục đăng ký khai sinh",
        "Giấy tờ phải xuất trình",
        "Giấy chứng sinh",
        "60/2014/QH13",
    ],
    "chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban-do-co-quan": [
        "2.000 đồng/trang",
        "10 USD/bản",
        "Bản sao được chứng thực từ bản chính",
        "226/2016/TT-BTC",
        "3152/QĐ-BTP",
    ],
}


def _plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", " ").split())


def test_imported_records_build_into_pages_and_posters(tmp_path: Path) -> None:
    source = tmp_path / "src"
    copy_catalogue(Path(__file__).resolve().parents[1] / "fixtures" / "valid", source, procedures=[])
    run_import(RECORDS, source, office="mot-cua", read_on=READ_ON)
    done = run_mkdocs(source / "mkdocs.yml", tmp_path / "site")
    assert done.returncode == 0, done.stderr[-3000:]
    for slug, phrases in PAGES.items():
        html = (tmp_path / "site" / "thu-tuc" / slug / "index.html").read_text(encoding="utf-8")
        text = _plain(html)
        for phrase in phrases:
            assert phrase in text, (slug, phrase)
        assert "<script>alert" not in html
        poster = tmp_path / "site" / "posters" / "mot-cua" / f"{slug}.pdf"
        assert int(pdfinfo(poster)["Pages"]) >= 1
        printed = " ".join(pdftotext(poster).split())
        assert phrases[0 if slug == "dang-ky-khai-sinh" else 2] in printed
    listing = subprocess.run(
        ["find", str(tmp_path / "site" / "posters"), "-name", "*.pdf"], capture_output=True, text=True
    )
    assert listing.stdout.count(".pdf") >= 3  # two procedure sheets and the office index
