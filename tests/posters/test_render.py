"""Rendered posters checked with real tools: pdftotext, pdfinfo, pdffonts, zbarimg (no mocks)."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from generator.catalogue import Catalogue
from tests.posters.conftest import Built, decode_qr, need, pdfinfo, pdftotext

A4 = "595.276 x 841.89 pts (A4)"
A3 = "841.89 x 1190.55 pts (A3)"


def flat(text: str) -> str:
    """Collapse the layout whitespace pdftotext adds, so phrases can be matched across columns."""
    return " ".join(text.split())


def test_short_poster_has_the_exact_strings(built: Built) -> None:
    need("pdftotext")
    # In content order (-raw): the office box's name reads whole beside its hotline cell.
    text = flat(pdftotext(built.out / "mot-cua/dang-ky-khai-sinh.pdf", raw=True))
    for phrase in [
        "Đăng ký khai sinh",
        "1.001193",
        "Trong ngày",
        "8.000 đồng/bản",
        "Miễn lệ phí khi đăng ký khai sinh đúng hạn",
        "Lệ phí đăng ký khai sinh",
        "Trực tuyến toàn trình",
        "Ủy ban nhân dân xã Thử Nghiệm".upper(),
        "Bộ phận Một cửa xã Thử Nghiệm",
        "0123 456 789",
        "phananh@thu-nghiem.example.vn",
        "Quyết định số 658/QĐ-UBND ngày 10/04/2026",
        "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014 của Quốc hội",
        "01 bản chính",
        "Trang 1/",
    ]:
        assert unicodedata.normalize("NFC", phrase) in text, phrase
    assert "Miễn phí" not in text


def test_office_box_and_feedback_differ_per_office(built: Built) -> None:
    text = flat(pdftotext(built.out / "diem-phu/dang-ky-khai-sinh.pdf", raw=True))
    assert "Điểm tiếp nhận phụ thôn Bắc" in text
    assert "Tổ phản ánh, kiến nghị thôn Bắc" in text and "0123 456 781" in text


@pytest.mark.parametrize("office", ["mot-cua", "diem-phu"])
def test_one_page_a4_poster_is_small(built: Built, office: str) -> None:
    # mot-cua's office box is the larger one (desks, a longer name): it must not push the sheet onto
    # a second page
    pdf = built.out / f"{office}/dang-ky-khai-sinh.pdf"
    info = pdfinfo(pdf)
    assert info["Pages"] == "1" and info["Page size"] == A4
    assert pdf.stat().st_size <= 60_000, pdf.stat().st_size


def test_qr_decodes_to_the_procedure_page(built: Built, tmp_path: Path) -> None:
    need("zbarimg")
    assert decode_qr(built.out / "mot-cua/dang-ky-khai-sinh.pdf", tmp_path) == [
        "https://thu-nghiem.example.vn/cong-khai/thu-tuc/dang-ky-khai-sinh/"
    ]
    assert decode_qr(built.out / "mot-cua/danh-muc.pdf", tmp_path) == [
        "https://thu-nghiem.example.vn/cong-khai/co-quan/mot-cua/"
    ]


def test_long_procedure_flows_onto_continuation_pages(built: Built) -> None:
    pdf = built.out / "mot-cua/dang-ky-dat-dai-lan-dau.pdf"
    info = pdfinfo(pdf)
    pages = int(info["Pages"])
    assert 4 <= pages <= 9 and info["Page size"] == A4
    assert f"Trang {pages}/{pages}" in pdftotext(pdf, pages)
    texts = [flat(pdftotext(pdf, n)) for n in range(1, pages + 1)]
    assert "(tiếp theo)" not in texts[0]
    assert all(t.startswith("(tiếp theo) Đăng ký đất đai") for t in texts[1:])
    # The documents table spans pages, and its header row is repeated on each of them.
    first = next(n for n, t in enumerate(texts) if "THÀNH PHẦN HỒ SƠ" in t)
    last = next(n for n, t in enumerate(texts) if "KẾT QUẢ THỰC HIỆN" in t)
    assert last > first
    for n in range(first, last + 1):
        if "01 bản" in texts[n].split("KẾT QUẢ THỰC HIỆN")[0]:
            assert re.search(r"^ *TT +Tên giấy tờ +Số lượng *$", pdftotext(pdf, n + 1, layout=True), re.M), (
                n + 1
            )


def test_fonts_are_embedded_subsets_of_be_vietnam_pro(built: Built) -> None:
    need("pdffonts")
    pdf = built.out / "mot-cua/dang-ky-khai-sinh.pdf"
    lines = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert lines
    for line in lines:
        cols = line.split()
        assert cols[-5:-2] == ["yes", "yes", "yes"], line  # embedded, subset, ToUnicode
    families = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            data = descriptor["/FontFile2"].get_object().get_data()
            families.add(TTFont(io.BytesIO(data))["name"].getDebugName(1))
    assert families == {"Be Vietnam Pro"} or all(f.startswith("Be Vietnam Pro") for f in families), families


def test_index_lists_active_procedures_with_time_and_fee(built: Built) -> None:
    text = flat(pdftotext(built.out / "mot-cua/danh-muc.pdf"))
    assert "Bộ phận Một cửa xã Thử Nghiệm" in text and "3 thủ tục" in text
    assert "Đăng ký khai sinh" in text and "(1.001193)" in text and "Trong ngày" in text
    assert "2.000 đồng/trang" in text and "Phí:" in text  # the main fee, labelled with its kind
    assert "Trang 1/" in text
    assert "Đăng ký khai tử" not in text and "nuôi con nuôi" not in text
    assert text.index("HỘ TỊCH") < text.index("CHỨNG THỰC") < text.index("ĐẤT ĐAI")


def test_repealed_procedure_has_no_poster(built: Built) -> None:
    assert not list(built.out.glob("*/dang-ky-khai-tu-cu.pdf"))
    assert not list(built.out.glob("*/nhan-con-nuoi.pdf"))


def test_combined_print_file_holds_every_sheet(built: Built) -> None:
    for office in ("mot-cua", "diem-phu"):
        folder = built.out / office
        sheets = [p for p in folder.glob("*.pdf") if p.name != "tat-ca.pdf"]
        total = sum(len(PdfReader(p).pages) for p in sheets)
        combined = PdfReader(folder / "tat-ca.pdf")
        assert len(combined.pages) == total
        assert combined.outline[0].title.startswith("Danh mục thủ tục")


def test_a3_setting_scales_the_page(tmp_path: Path, catalogue: Catalogue) -> None:
    import dataclasses

    from generator.posters.render import Renderer, Stamp
    from generator.posters.sheets import masthead, procedure_poster
    from generator.posters.theme import load_theme

    site = catalogue.site.model.model_copy(
        update={"posters": catalogue.site.model.posters.model_copy(update={"paper": "A3"})}
    )
    cat = dataclasses.replace(catalogue, site=dataclasses.replace(catalogue.site, model=site))
    entry = next(e for e in cat.procedures if e.slug == "dang-ky-khai-sinh")
    poster = procedure_poster(cat, entry, "mot-cua", head=masthead(site, cat.root))
    pdf = tmp_path / "a3.pdf"
    pdf.write_bytes(Renderer(load_theme()).render(poster, Stamp("00000000", cat.as_of)).pdf)
    assert pdfinfo(pdf)["Page size"] == A3
    assert "Đăng ký khai sinh" in pdftotext(pdf)
