"""Paper and body size (``posters.paper``, ``posters.body_size``): A3 at the A4 body size sets the
body of procedure and index sheets in two columns, so a sheet holds about twice the text at the same
legibility; and a document case's heading never ends a sheet or a column without its first row."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.catalogue import Catalogue
from generator.model.site import PosterSettings
from generator.posters.office_index import IndexPoster, index_poster
from generator.posters.plan import posted_at
from generator.posters.render import Renderer, Stamp
from generator.posters.sheets import ProcedurePoster, masthead, procedure_poster
from generator.posters.theme import load_theme
from tests.posters.conftest import pdfinfo, pdftotext
from tests.posters.test_sheet_counts import long_index

STAMP = Stamp("00000000", dt.date(2026, 11, 25))
LONG = "dang-ky-dat-dai-lan-dau"
"""The fixture's longest procedure (several sheets on A4)."""


@pytest.mark.parametrize(
    ("paper", "size", "body", "columns"),
    [("A4", None, 15, 1), ("A4", 15, 15, 1), ("A3", None, 21, 1), ("A3", 15, 15, 2), ("A3", 21, 21, 1)],
)
def test_the_body_size_follows_the_paper_unless_set(
    paper: str, size: int | None, body: int, columns: int
) -> None:
    settings = PosterSettings.model_validate({"paper": paper, "body_size": size})
    assert (settings.body, settings.columns) == (body, columns)


def with_paper(catalogue: Catalogue, **posters: object) -> Catalogue:
    site = catalogue.site.model.model_copy(
        update={
            "posters": PosterSettings.model_validate({**catalogue.site.model.posters.model_dump(), **posters})
        }
    )
    return dataclasses.replace(catalogue, site=dataclasses.replace(catalogue.site, model=site))


def render(poster: ProcedurePoster | IndexPoster, path: Path) -> Path:
    path.write_bytes(Renderer(load_theme()).render(poster, STAMP).pdf)
    return path


def sizes(pdf: Path) -> Counter[float]:
    """Characters by printed size (points, rounded), over every page."""
    found: Counter[float] = Counter()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        scale = abs(tm[0] * tm[3] - tm[1] * tm[2]) ** 0.5 * abs(cm[0] * cm[3] - cm[1] * cm[2]) ** 0.5
        found[round(size * scale, 1)] += sum(1 for ch in text if not ch.isspace())

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return found


def words(pdf: Path, page: int) -> list[tuple[float, float, float, str]]:
    """(xMin, xMax, yMin, word) of every word of a page (``pdftotext -bbox``)."""
    cmd = ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"]
    html = subprocess.run(cmd, capture_output=True, check=True, text=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>'
    return [(float(x0), float(x1), float(y0), w) for x0, y0, x1, w in re.findall(pattern, html)]


def printed(pdf: Path, height: float) -> Counter[str]:
    """The characters of every sheet but its running head (sheets after the first), its footer and
    a continued channel's repeated label («TRỰC TIẾP (TIẾP THEO)», where the rows fall)."""
    found: Counter[str] = Counter()
    for page in range(1, len(PdfReader(pdf).pages) + 1):
        kept: list[str] = []
        for _, _, y, word in words(pdf, page):
            if not ((page == 1 or y > 20) and y < height - 36):
                continue
            if word == "THEO)" and kept and kept[-1] == "(TIẾP":
                kept.pop()
                while kept and kept[-1].isupper():
                    kept.pop()
                continue
            kept.append(word)
        found.update("".join(kept))
    return found


def crossing_middle(pdf: Path, page: int, width: float) -> list[str]:
    """Words of the page's body (below its running head, above its footer) that cross the middle."""
    found = words(pdf, page)
    top, bottom = min(y for *_, y, _ in found) + 40, max(y for *_, y, _ in found) - 40
    return [w for x0, x1, y, w in found if top < y < bottom and x0 < width / 2 < x1]


def test_a3_at_15_pt_prints_two_columns_on_fewer_sheets(tmp_path: Path, catalogue: Catalogue) -> None:
    entry = next(e for e in catalogue.procedures if e.slug == LONG)
    a4 = procedure_poster(catalogue, entry, "mot-cua", head=masthead(catalogue.site.model, catalogue.root))
    cat = with_paper(catalogue, paper="A3", body_size=15)
    a3 = procedure_poster(cat, entry, "mot-cua", head=masthead(cat.site.model, cat.root))
    assert (a3.paper, a3.body_size, a3.columns, a3.measure_fit) == ("A3", 15, 2, False)
    small, big = render(a4, tmp_path / "a4.pdf"), render(a3, tmp_path / "a3.pdf")
    assert pdfinfo(big)["Page size"].endswith("(A3)")
    n4, n3 = len(PdfReader(small).pages), len(PdfReader(big).pages)
    assert n3 < n4, (n3, n4)
    # the body is at 15 pt, as on A4 (not scaled to 21 pt)
    found = sizes(big)
    assert found.most_common(1)[0][0] == 15.0, found.most_common(4)
    assert sum(n for size, n in found.items() if size >= 15.0 - 0.05) >= 0.8 * sum(found.values())
    # a continuation sheet past the key facts (which run across the sheet) is all body: two
    # columns, no line across the middle; at 21 pt A3 runs in one column
    body = [k for k in range(2, n3 + 1) if "THỜI HẠN GIẢI QUYẾT" not in pdftotext(big, k)]
    page = max(body, key=lambda k: len(words(big, k)))
    assert crossing_middle(big, page, 841.89) == []
    left = [w for x0, x1, _, w in words(big, page) if x1 < 841.89 / 2]
    right = [w for x0, x1, _, w in words(big, page) if x0 > 841.89 / 2]
    assert len(left) > 50 and len(right) > 50, (len(left), len(right))
    cat21 = with_paper(catalogue, paper="A3")
    one = render(procedure_poster(cat21, entry, "mot-cua", head=a3.masthead), tmp_path / "a3-21.pdf")
    assert crossing_middle(one, len(PdfReader(one).pages) - 1, 841.89), "A3 at 21 pt runs in one column"
    # nothing dropped by the columns: the same text on both papers, running heads, footers and
    # repeated channel labels aside (within 2 %: where a line breaks inside a URL or a number)
    a3_chars, a4_chars = printed(big, 1190.55), printed(small, 841.89)
    assert abs(a3_chars.total() - a4_chars.total()) <= 0.02 * a4_chars.total(), (
        a3_chars.total(),
        a4_chars.total(),
    )
    for heading in ("TRÌNH TỰ THỰC HIỆN", "THÀNH PHẦN HỒ SƠ", "CĂN CỨ PHÁP LÝ", "Nộp hồ sơ tại"):
        assert heading in pdftotext(big), heading


def a3_poster(catalogue: Catalogue, slug: str = LONG) -> ProcedurePoster:
    cat = with_paper(catalogue, paper="A3", body_size=15)
    entry = next(e for e in cat.procedures if e.slug == slug)
    return procedure_poster(cat, entry, "mot-cua", head=masthead(cat.site.model, cat.root))


A3_WIDTH, A3_HEIGHT = 841.89, 1190.55


def office_top(pdf: Path) -> float:
    """Where sheet 1's office box begins («Nộp hồ sơ tại», floated to the foot of the sheet)."""
    return max(y for _, _, y, w in words(pdf, 1) if w == "Nộp")


def column_text(pdf: Path, page: int, right: bool, top: float, bottom: float) -> str:
    """The text of one column of an A3 sheet between ``top`` and ``bottom`` (points), in the order
    it is drawn (``pdftotext -raw`` on that region)."""
    x = A3_WIDTH / 2 if right else 0
    region = [
        "-x",
        str(int(x)),
        "-y",
        str(int(top)),
        "-W",
        str(int(A3_WIDTH / 2)),
        "-H",
        str(int(bottom - top)),
    ]
    cmd = ["pdftotext", "-raw", "-r", "72", *region, "-f", str(page), "-l", str(page), str(pdf), "-"]
    text = subprocess.run(cmd, capture_output=True, check=True, text=True).stdout
    return unicodedata.normalize("NFC", " ".join(text.split()))


def test_on_a3_at_15_pt_the_key_facts_open_the_first_column(tmp_path: Path, catalogue: Catalogue) -> None:
    """In two columns the key facts are the first column's first block, each value led by what it
    is: no key-fact cell runs across the sheet (a short fee beside a long time left its half of a
    full-width row blank), and every channel's time and fee are printed, in that channel's order."""
    poster = a3_poster(catalogue)
    assert len(poster.facts) >= 2 and poster.shared_time is None  # several channels, each with its time
    pdf = render(poster, tmp_path / "a3.pdf")
    found = [(x0, x1, y, unicodedata.normalize("NFC", w)) for x0, x1, y, w in words(pdf, 1)]
    middle = A3_WIDTH / 2
    first = poster.facts[0].channels.split()[0].upper()
    labels = [y for x0, x1, y, w in found if w == first and x1 < middle]
    assert labels, "the first channel's label is not in the left column"
    top, bottom = min(labels), office_top(pdf)
    crossing = [w for x0, x1, y, w in found if top <= y < bottom and x0 < middle < x1]
    assert crossing == [], crossing[:10]
    assert column_text(pdf, 1, False, top - 2, bottom).startswith(poster.facts[0].channels.upper())
    # «Thời hạn giải quyết:» and «Phí, lệ phí:» lead their values
    text = " ".join(pdftotext(pdf, raw=True).split())
    channels = [g.channels.upper() for g in poster.facts]
    at = [text.index(c) for c in channels]
    assert at == sorted(at), channels
    for k, group in enumerate(poster.facts):
        part = text[at[k] : at[k + 1] if k + 1 < len(at) else len(text)]
        assert f"Thời hạn giải quyết: {group.time.value}" in part, (group.channels, part[:200])
        assert "Phí, lệ phí:" in part, (group.channels, part[:200])
    assert "THỜI HẠN GIẢI QUYẾT" not in pdftotext(pdf, 1)  # no full-width table header


def test_on_a3_a_key_fact_that_opens_a_column_or_sheet_names_its_channel(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """Key facts longer than the first column, or both columns of the first sheet: every column
    they continue into opens on a channel's name — its own label, or «… (tiếp theo)» before the
    cell of the channel whose earlier cells are in the column before — never on a bare value."""
    from generator.posters.sheets import ChannelGroup, Fact

    poster = a3_poster(catalogue)
    names = ("Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính công ích", "Ủy quyền")
    fee_of = {name.upper(): f"{k + 1}0.000 đồng" for k, name in enumerate(names)}
    continued: Counter[str] = Counter()
    note = "Ghi chú {}: nếu phải xác minh thêm thì thời hạn được kéo dài theo quy định"
    for count in [(n, 1) for n in range(2, 14)] + [(1, n) for n in range(2, 14)]:
        time_notes, fee_notes = (tuple(note.format(k) for k in range(n)) for n in count)
        groups = tuple(
            ChannelGroup(
                name, Fact(f"{k + 3} ngày làm việc", time_notes), (Fact(fee_of[name.upper()], fee_notes),)
            )
            for k, name in enumerate(names)
        )
        pdf = render(
            dataclasses.replace(poster, facts=groups, shared_time=None),
            tmp_path / "a3-{}-{}.pdf".format(*count),
        )
        first = [y for x0, x1, y, w in words(pdf, 1) if w == "TRỰC" and x1 < A3_WIDTH / 2]
        columns = [(1, True, min(first) - 2, office_top(pdf))]
        columns += [
            (k, right, 40.0, A3_HEIGHT - 40)
            for k in range(2, len(PdfReader(pdf).pages) + 1)
            for right in (False, True)
        ]
        for page, right, top, bottom in columns:
            opening = column_text(pdf, page, right, top, bottom)
            if not opening.startswith(("Thời hạn", "Phí, lệ phí", "Ghi chú", *(n.upper() for n in names))):
                continue  # the key facts ended before this column
            label = next((n.upper() for n in names if opening.startswith(n.upper())), None)
            assert label is not None, (count, page, right, opening[:200])
            if opening.startswith(label + " (TIẾP THEO) Phí, lệ phí:"):
                assert opening.startswith(f"{label} (TIẾP THEO) Phí, lệ phí: {fee_of[label]}"), opening[:120]
                continued["fee"] += 1
            elif opening.startswith(label + " (TIẾP THEO) Ghi chú"):
                continued["notes"] += 1
    # (the cases the loop is for: a fee cell, and a cell of a time's further notes, opening a column)
    assert continued["fee"] and continued["notes"], continued


def test_on_a3_every_key_fact_is_printed_whatever_its_shape(tmp_path: Path, catalogue: Catalogue) -> None:
    """Each shape of the key facts prints every one of its values in the column layout: one time
    shared by every channel (grouped fees, or one group), many fees with notes, a time with many
    notes — a long channel is cut into cells, so none is taller than a column and nothing runs off
    the sheet — and the key facts start on sheet 1."""
    from generator.posters.sheets import ChannelGroup, Fact
    from tests.posters.walk import body_text, printed, redundant, string_leaves

    base = a3_poster(catalogue)
    note = "trường hợp nộp bản sao có chứng thực thì không phải xuất trình bản chính để đối chiếu"
    fee = Fact("25.000 đồng/Giấy chứng nhận", (note, note[:40]), label="Lệ phí cấp Giấy chứng nhận")
    many_fees = tuple(dataclasses.replace(fee, value=f"{k + 1}5.000 đồng/hồ sơ") for k in range(16))
    long_time = Fact("23 ngày làm việc", tuple(f"Bước {k}: {note}" for k in range(24)))
    shared = Fact("15 ngày làm việc", ("kể từ ngày nhận đủ hồ sơ hợp lệ",))
    two = (ChannelGroup("Trực tiếp", shared, (fee,)), ChannelGroup("Trực tuyến", shared, (fee, fee)))
    shapes = {
        "shared-grouped": dataclasses.replace(base, facts=two, shared_time=shared, grouped=True),
        "shared-one": dataclasses.replace(base, facts=two[:1], shared_time=shared, grouped=False),
        "many-fees": dataclasses.replace(
            base, facts=(ChannelGroup("Trực tiếp", shared, many_fees),), shared_time=None
        ),
        "long-time": dataclasses.replace(
            base, facts=(ChannelGroup("Trực tiếp", long_time, (fee,)), *base.facts[1:]), shared_time=None
        ),
    }
    failed = {}
    for name, poster in shapes.items():
        pdf = render(poster, tmp_path / f"{name}.pdf")
        text = body_text(pdf, poster.office.hotline)
        missing = [
            path
            for path, value in string_leaves(poster)
            if path[:1] in {("facts",), ("shared_time",), ("authority",)}
            and not redundant(poster, path)
            and not printed(value, text)
        ]
        if missing:
            failed[name] = missing[:5]
        elif "Thời hạn giải quyết:" not in pdftotext(pdf, 1):
            failed[name] = "the key facts do not start on sheet 1"
    assert failed == {}, failed


def test_an_index_on_a3_at_15_pt_holds_twice_the_procedures(
    tmp_path: Path, catalogue: Catalogue, built: object
) -> None:
    """The fixture's 48-row index (16 fields): at most 6 A4 sheets (test_sheet_counts), at most 3 on
    A3 at 15 pt — at least 16 procedures a sheet — with the office box after the last procedure."""
    cat = with_paper(catalogue, paper="A3", body_size=15)
    poster = index_poster(cat, "mot-cua", posted_at(cat)["mot-cua"], masthead(cat.site.model, cat.root))
    assert (poster.body_size, poster.columns) == (15, 2)
    big = long_index(poster, 16)
    pdf = render(big, tmp_path / "danh-muc.pdf")
    n = len(PdfReader(pdf).pages)
    assert n <= 3 and big.count / n >= 16, (n, big.count)
    assert crossing_middle(pdf, 2, 841.89) == []
    assert "Nộp hồ sơ tại" in pdftotext(pdf, n)


def test_no_sheet_or_column_ends_on_a_document_case(tmp_path: Path, catalogue: Catalogue) -> None:
    """A case's heading («Trường hợp …») is followed on its sheet by its first document, however the
    groups fall (4 to 14 cases of one or two documents, on A4 and in A3's two columns)."""
    entry = next(e for e in catalogue.procedures if e.slug == LONG)
    renderer = Renderer(load_theme())
    for paper, size in (("A4", None), ("A3", 15)):
        cat = with_paper(catalogue, paper=paper, body_size=size)
        poster = procedure_poster(cat, entry, "mot-cua", head=masthead(cat.site.model, cat.root))
        items = [item for group in poster.documents for item in group.items]
        template = poster.documents[0]
        for cases in range(4, 15):
            groups, number = [], 0
            first: dict[str, int] = {}
            for k in range(cases):
                first[f"Trườnghợp{k + 1}"] = number + 1
                rows = []
                for item in items[k % len(items) :][: 1 + k % 2] or items[:1]:
                    number += 1
                    rows.append(dataclasses.replace(item, number=number))
                groups.append(
                    dataclasses.replace(
                        template, case=f"Trườnghợp{k + 1} riêng", items=tuple(rows), note=None
                    )
                )
            sheet = dataclasses.replace(poster, documents=tuple(groups))
            pdf = tmp_path / f"{paper}-{cases}.pdf"
            pdf.write_bytes(renderer.render(sheet, STAMP).pdf)
            seen, height = 0, 1190.55 if paper == "A3" else 841.89
            for page in range(1, len(PdfReader(pdf).pages) + 1):
                found = words(pdf, page)
                for x0, _, y, w in found:
                    if not w.startswith("Trườnghợp"):
                        continue
                    seen += 1
                    # the group's first document's number sits just below the heading, in the same
                    # column, above the footer
                    below = [
                        ww
                        for xx, _, yy, ww in found
                        if 0 < yy - y < 40 and abs(xx - x0) < 60 and yy < height - 40 and ww == str(first[w])
                    ]
                    assert below, (paper, cases, page, w)
            assert seen == cases, (paper, cases, seen)


def test_a_body_size_change_tells_the_reviewer_to_reprint_every_sheet(catalogue: Catalogue) -> None:
    from generator.review.settings import ALL_OFFICES, diff_settings

    (change,) = diff_settings(catalogue, with_paper(catalogue, paper="A3", body_size=15))
    assert change.kind == "site" and change.reprint == (ALL_OFFICES,)
    assert change.lines == (
        "Bảng niêm yết — Khổ giấy: «A4» → «A3»",
        "Bảng niêm yết — Cỡ chữ thân (pt): «không có» → «15»",
    )


@pytest.mark.parametrize(
    ("paper", "written", "says"),
    [
        ("A3", "18", "chọn một trong: 15 hoặc 21"),
        ("A3", "15.0", "số nguyên 15 hoặc 21"),
        ("A3", '"15"', "số nguyên 15 hoặc 21"),
        ("A3", "true", "Giá trị true"),
        ("A4", "21", "21 pt chỉ dùng với khổ A3"),  # at 21 pt an A4 sheet 1 would hold only the office box
    ],
)
def test_a_wrong_body_size_is_a_located_error(tmp_path: Path, paper: str, written: str, says: str) -> None:
    import shutil
    import sys

    from tests.posters.conftest import CATALOGUE

    root = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE, root)
    site = root / "content" / "site.yaml"
    text = site.read_text("utf-8")
    assert "\nposters:\n  paper: A4\n" in text
    site.write_text(text.replace("  paper: A4\n", f"  paper: {paper}\n  body_size: {written}\n"), "utf-8")
    line = site.read_text("utf-8").splitlines().index(f"  body_size: {written}") + 1
    cmd = [sys.executable, "-m", "generator", "--root", str(root), "--as-of", "2026-11-25", "check"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode != 0
    out = done.stdout + done.stderr
    assert "Traceback" not in out
    assert re.search(
        rf"content/site\.yaml:{line}:\d+\s+posters\.body_size\s+lỗi: .*{re.escape(says)}", out
    ), out
