"""Sheet counts (issue 12 item 8): a short procedure on one sheet, the office box never alone on a
sheet (a procedure's at the foot of sheet 1, an index's with its last procedure), an office index
that stays dense. Page counts and text positions only — timings are in
bench/poster_legibility.py and docs/benchmarks.md §3.5."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.posters.office_index import IndexGroup, IndexPoster
from generator.posters.render import Renderer, Stamp
from generator.posters.sheets import ChannelGroup, Fact, ProcedurePoster
from generator.posters.theme import load_theme
from tests.posters.conftest import Built, pdftotext
from tests.posters.walk import flat

SHORT_STEPS, SHORT_DOCUMENTS = 4, 6
"""A short procedure, as bench/poster_legibility.py counts it."""
ONE_SHEET = {
    "mot-cua/dang-ky-khai-sinh.pdf",
    "diem-phu/dang-ky-khai-sinh.pdf",
    "diem-phu/cong-nhan-ho-ngheo.pdf",
}
"""The fixture's short sheets whose content fits one A4 sheet at the body size."""


def pages(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)


def test_short_procedures_take_one_sheet(built: Built) -> None:
    active = built.catalogue.in_state("active")
    short = {
        e.slug
        for e in active
        if len(e.model.steps) <= SHORT_STEPS
        and sum(len(c.items) for c in e.model.documents) <= SHORT_DOCUMENTS
    }
    sheets = {s.path: pages(built.out / s.path) for s in built.report.sheets if s.procedure in short}
    assert set(sheets) >= ONE_SHEET, sorted(sheets)
    assert {path: n for path, n in sheets.items() if path in ONE_SHEET and n != 1} == {}
    # The fixture's other short sheet (five sections, two channel rows) may take two, never more.
    assert max(sheets.values()) <= 2, sheets


def test_office_box_is_on_the_first_procedure_sheet_and_ends_the_index(built: Built) -> None:
    """A procedure's office box is at the foot of its first sheet (page 1 says where to go); an
    index's closes the list on its last sheet (sheet 1 is all list), kept with the last procedure."""
    for sheet in built.report.sheets:
        if not isinstance(sheet.poster, ProcedurePoster | IndexPoster):
            continue
        pdf = built.out / sheet.path
        n = pages(pdf)
        where = flat(pdftotext(pdf, 1 if isinstance(sheet.poster, ProcedurePoster) else n, raw=True))
        assert flat(f"Nộp hồ sơ tại: {sheet.poster.office.name}") in where, sheet.path
        assert flat(sheet.poster.office.feedback.agency) in where, sheet.path
        if n > 1:  # the last sheet carries more than its running head and footer
            last = flat(pdftotext(pdf, n, raw=True))
            assert len(last) > 200, (sheet.path, last)


def test_every_sheet_carries_the_code_version_hotline_and_page(built: Built) -> None:
    for sheet in built.report.sheets:
        poster = sheet.poster
        if not isinstance(poster, ProcedurePoster) or poster.code is None:
            continue
        pdf = built.out / sheet.path
        n = pages(pdf)
        for page in range(1, n + 1):
            text = flat(pdftotext(pdf, page))
            assert f"mã thủ tục {poster.code}" in text and f"trang {page}/{n}" in text, (sheet.path, page)
            assert f"phiên bản {sheet.stamp.version}" in text and flat(poster.office.hotline) in text
            if page > 1:
                assert text.startswith("(tiếp theo)"), (sheet.path, page)


def long_index(poster: IndexPoster, copies: int) -> IndexPoster:
    """The office's index with its rows repeated ``copies`` times (renumbered), in its fields."""
    rows = [row for group in poster.groups for row in group.rows]
    groups, number = [], 0
    for k in range(copies):
        group = []
        for row in rows:
            number += 1
            group.append(dataclasses.replace(row, number=number))
        groups.append(IndexGroup(f"{poster.groups[0].field} {k + 1}", tuple(group)))
    return dataclasses.replace(poster, groups=tuple(groups), count=number)


@pytest.mark.parametrize(("copies", "most"), [(16, 6), (4, 2)])
def test_an_office_index_stays_dense(built: Built, tmp_path: Path, copies: int, most: int) -> None:
    """48 (and 12) fixture rows — a short name, a middling one, a 215-character one, with their
    time spans and fees in brief — in 16 (4) fields: at most 6 (2) A4 sheets, no near-empty last sheet,
    the office box on the last, no sheet ending on a field heading.
    (The layout before issue 12's redesign took 10 (3) sheets for the same rows; with every case and
    channel spelled out and the office box on sheet 1, 7 (3).)"""
    sheet = next(s for s in built.report.sheets if s.path == "mot-cua/danh-muc.pdf")
    assert isinstance(sheet.poster, IndexPoster)
    poster = long_index(sheet.poster, copies)
    pdf = tmp_path / "danh-muc.pdf"
    pdf.write_bytes(Renderer(load_theme()).render(poster, Stamp("00000000", dt.date(2026, 11, 25))).pdf)
    n = pages(pdf)
    assert n <= most, n
    # The last sheet holds at least a quarter of a middle sheet's text (as the benchmark measures it).
    chars = [len("".join(pdftotext(pdf, page).split())) for page in range(1, n + 1)]
    assert n < 3 or chars[-1] >= 0.25 * sorted(chars[1:-1])[len(chars[1:-1]) // 2], chars
    assert flat(f"Nộp hồ sơ tại: {poster.office.name}") in flat(pdftotext(pdf, n, raw=True))


def test_no_index_sheet_ends_on_a_field_heading(built: Built, tmp_path: Path) -> None:
    """A field's heading is on the sheet of its first procedure, and the office box on the sheet of
    the last procedure, however the rows fall (5 to 20 fields of one to three of the fixture's
    rows, so headings and the end land at every height of a sheet)."""
    sheet = next(s for s in built.report.sheets if s.path == "mot-cua/danh-muc.pdf")
    assert isinstance(sheet.poster, IndexPoster)
    rows = [row for group in sheet.poster.groups for row in group.rows]
    renderer = Renderer(load_theme())
    for copies in range(5, 21):
        groups, number = [], 0
        for k in range(copies):
            group = []
            for row in rows[k % len(rows) :] + rows[: k % 2]:
                number += 1
                group.append(dataclasses.replace(row, number=number))
            groups.append(IndexGroup(f"Lĩnh vực {k + 1}", tuple(group)))
        poster = dataclasses.replace(sheet.poster, groups=tuple(groups), count=number)
        pdf = tmp_path / f"danh-muc-{copies}.pdf"
        pdf.write_bytes(renderer.render(poster, Stamp("00000000", dt.date(2026, 11, 25))).pdf)
        headings = 0
        for page in range(1, pages(pdf) + 1):
            lines = [line.strip() for line in pdftotext(pdf, page, raw=True).splitlines() if line.strip()]
            for i, line in enumerate(lines):
                if re.search(r"· \d+ thủ tục$", line):
                    headings += 1
                    assert i + 1 < len(lines) and re.match(r"\d+ ", lines[i + 1]), (copies, page, lines[i:])
        assert headings == copies
        # the office box closes the list with at least its last procedure, never alone
        n = pages(pdf)
        last = [line.strip() for line in pdftotext(pdf, n, raw=True).splitlines() if line.strip()]
        assert any(re.match(r"\d+ ", line) for line in last), (copies, n, last[:6])
        assert flat(f"Nộp hồ sơ tại: {poster.office.name}") in flat(" ".join(last)), copies


def test_a_channel_that_continues_repeats_its_label(built: Built) -> None:
    """The long fixture's key facts run onto a second sheet: the first row there names its channel."""
    pdf = built.out / "mot-cua/dang-ky-dat-dai-lan-dau.pdf"
    assert "thời hạn giải quyết" in flat(pdftotext(pdf, 1, raw=True))  # the key facts start on page 1
    continued = [
        page
        for page in range(2, pages(pdf) + 1)
        if flat(pdftotext(pdf, page, raw=True))
        .split(" – ", 1)[-1]
        .lstrip(" 0123456789.")
        .startswith("thời hạn giải quyết phí, lệ phí")
    ]
    assert continued, "the key facts no longer continue onto a second sheet: pick a longer fixture"
    for page in continued:
        text = flat(pdftotext(pdf, page, raw=True))
        assert re.search(r"(trực tiếp|trực tuyến|bưu chính)[^()]* \(tiếp theo\)", text), (page, text[:300])


def word_tops(pdf: Path, page: int = 1) -> list[tuple[str, float]]:
    """Every word of a page with the top of its box, in points (``pdftotext -bbox``)."""
    cmd = ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"]
    html = subprocess.run(cmd, capture_output=True, check=True, text=True).stdout
    found = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html)
    return [(unicodedata.normalize("NFC", word), float(top)) for top, word in found]


def test_a_time_note_runs_on_beside_its_fee_not_below_it(built: Built, tmp_path: Path) -> None:
    """A split channel (time and fee together too long for one row) whose only fee is taller than
    the time's headline: the time's long note continues under the headline, beside the fee, instead
    of starting a row of its own below the fee with nothing beside it (a gap of several lines)."""
    sheet = next(s for s in built.report.sheets if s.path == "mot-cua/dang-ky-khai-sinh.pdf")
    poster = sheet.poster
    assert isinstance(poster, ProcedurePoster)
    note = "Ghichúdài " + "ngay trong ngày tiếp nhận hồ sơ; nhận sau 15 giờ thì trả kết quả hôm sau " * 2
    fee = Fact(
        "8.000 đồng/bản",
        ("Miễn, giảm: trẻ em, người cao tuổi, người khuyết tật, hộ nghèo theo quy định của pháp luật",) * 2,
        label="Phí cấp bản sao",
    )
    group = ChannelGroup("Trực tiếp", Fact("Trong ngày", ("kể từ khi nhận đủ hồ sơ hợp lệ", note)), (fee,))
    poster = dataclasses.replace(poster, facts=(group,), shared_time=None)
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(Renderer(load_theme()).render(poster, sheet.stamp).pdf)
    tops = word_tops(pdf)
    note_top = next(top for word, top in tops if word == "Ghichúdài")
    fee_bottom = max(top for word, top in tops if word in {"luật"})
    assert note_top < fee_bottom, (note_top, fee_bottom)
