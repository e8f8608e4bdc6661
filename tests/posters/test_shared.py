"""The shared-body path (a procedure at many offices): each sheet prints what the whole-sheet compile prints.

A small «province»: the fixture catalogue with two more offices (one with a taller office box), and two
procedures (a one-sheet and a multi-sheet one) posted at all four, so their sheets take the shared path.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.posters.cache import PosterCache
from generator.posters.plan import SHARED_FROM, Sheet
from generator.posters.pool import render_missing
from generator.posters.render import Renderer
from generator.posters.shared import Placed, group_bodies, group_stamps
from generator.posters.theme import load_theme
from generator.posters.write import PosterReport, write_posters
from tests.posters.conftest import CATALOGUE, decode_qr, load, need, pdfinfo, pdftotext

SHARED = ("dang-ky-khai-sinh", "dang-ky-dat-dai-lan-dau")
OFFICES = ("mot-cua", "diem-phu", "xa-ba", "xa-bon")
EXTRA_OFFICES = {
    "xa-ba": "name: Bộ phận Một cửa xã Ba\naddress: Số 3 đường Đình, xã Ba\n"
    'hours: ["Thứ Hai – Thứ Sáu: 7 giờ 30 – 11 giờ 30"]\nhotline: 0225 3333 333\n',
    "xa-bon": "name: Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính xã Bốn\n"
    "address: Thôn Đông, đường liên xã, cạnh Trạm Y tế, xã Bốn, huyện Thử Nghiệm, tỉnh Thử Nghiệm\n"
    'hours: ["Thứ Hai – Thứ Sáu: 7 giờ 30 – 11 giờ 30, 13 giờ 30 – 17 giờ 00",'
    ' "Sáng thứ Bảy: 7 giờ 30 – 11 giờ 30"]\n'
    "hotline: 0225 4444 444\nemail: motcua@xa-bon.example.vn\n"
    'desks: ["Quầy 1: Hộ tịch, chứng thực", "Quầy 2: Đất đai, xây dựng, môi trường"]\n',
}


@dataclass(frozen=True)
class Province:
    root: Path
    out: Path
    cache: Path
    report: PosterReport


def make_province(root: Path) -> Path:
    """The fixture catalogue with four offices posting the two shared procedures."""
    shutil.copytree(CATALOGUE, root)
    for slug, text in EXTRA_OFFICES.items():
        (root / "content" / "offices" / f"{slug}.yaml").write_text(text, encoding="utf-8")
    for slug in SHARED:
        path = root / "procedures" / f"{slug}.yaml"
        text = re.sub(
            r"^offices: \[.*\]$", f"offices: [{', '.join(OFFICES)}]", path.read_text("utf-8"), flags=re.M
        )
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Province:
    base = tmp_path_factory.mktemp("province")
    root = make_province(base / "catalogue")
    out, cache = base / "out", base / "cache"
    return Province(root, out, cache, write_posters(load(root), out, cache_dir=cache, jobs=2))


def shared_sheets(report: PosterReport) -> list[Sheet]:
    return [s for s in report.sheets if s.shared]


def test_plan_marks_procedures_at_many_offices(province: Province) -> None:
    assert len(OFFICES) >= SHARED_FROM
    assert sorted(s.path for s in shared_sheets(province.report)) == sorted(
        f"{office}/{slug}.pdf" for office in OFFICES for slug in SHARED
    )
    assert not any(s.shared for s in province.report.sheets if s.procedure not in SHARED)


def fonts(pdf: Path) -> set[tuple[str, str, str]]:
    """(font name without its subset prefix, embedded, unicode map) per font ``pdffonts`` lists."""
    done = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True, text=True)
    rows = [line.split() for line in done.stdout.splitlines()[2:]]
    return {(row[0].split("+", 1)[-1], row[-5], row[-3]) for row in rows}


def raster(pdf: Path, tmp: Path) -> list[bytes]:
    """Every page rendered in greyscale at 50 dpi (bytes of each PGM)."""
    folder = Path(tempfile.mkdtemp(dir=tmp))
    subprocess.run(["pdftoppm", "-r", "50", "-gray", str(pdf), str(folder / "page")], check=True)
    return [p.read_bytes() for p in sorted(folder.glob("page-*.pgm"))]


def test_shared_sheets_print_what_the_whole_sheet_prints(province: Province, tmp_path: Path) -> None:
    same_as_whole(province, tmp_path)


def test_shared_sheets_on_a3_at_15_pt_in_two_columns_too(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    """The same with ``posters: {paper: A3, body_size: 15}``: the office box is stamped at its place
    under the two-column body."""
    base = tmp_path_factory.mktemp("province-a3")
    root = make_province(base / "catalogue")
    site = root / "content" / "site.yaml"
    text = site.read_text("utf-8")
    assert "\nposters:\n  paper: A4\n" in text
    site.write_text(
        text.replace("\nposters:\n  paper: A4\n", "\nposters:\n  paper: A3\n  body_size: 15\n"), "utf-8"
    )
    out, cache = base / "out", base / "cache"
    province = Province(root, out, cache, write_posters(load(root), out, cache_dir=cache, jobs=2))
    assert all(s.poster.columns == 2 for s in shared_sheets(province.report))
    same_as_whole(province, tmp_path)


def same_as_whole(province: Province, tmp_path: Path) -> None:
    """Every shared sheet prints what its whole-sheet compile prints: pages, text, QR, fonts, pixels."""
    for tool in ("pdftotext", "pdffonts", "pdftoppm", "zbarimg"):
        need(tool)
    renderer = Renderer(load_theme())
    page_counts = set()
    assert shared_sheets(province.report)
    for sheet in shared_sheets(province.report):
        whole = renderer.render(sheet.poster, sheet.stamp)
        reference = tmp_path / f"whole-{sheet.office}-{sheet.procedure}.pdf"
        reference.write_bytes(whole.pdf)
        shared = province.out / sheet.path
        assert int(pdfinfo(shared)["Pages"]) == whole.pages, sheet.path
        assert pdftotext(shared, layout=True) == pdftotext(reference, layout=True), sheet.path
        assert decode_qr(shared, tmp_path) == decode_qr(reference, tmp_path) == [sheet.poster.url]
        assert fonts(shared) == fonts(reference), sheet.path
        assert all(embedded == "yes" and uni == "yes" for _, embedded, uni in fonts(shared))
        assert raster(shared, tmp_path) == raster(reference, tmp_path), sheet.path
        text = " ".join(pdftotext(shared).split())
        assert sheet.poster.office.name in text and sheet.stamp.version in text
        page_counts.add(whole.pages)
    assert len(page_counts) >= 2  # a one-sheet and a multi-sheet procedure


def test_a_hotline_change_rerenders_only_that_offices_sheets(province: Province, tmp_path: Path) -> None:
    root = tmp_path / "catalogue"
    shutil.copytree(province.root, root)
    office = root / "content" / "offices" / "xa-ba.yaml"
    office.write_text(office.read_text("utf-8").replace("0225 3333 333", "0225 3333 999"), encoding="utf-8")
    cache = tmp_path / "cache"
    shutil.copytree(province.cache, cache)
    report = write_posters(load(root), tmp_path / "out", cache_dir=cache, jobs=1)
    before = {s.path: s.key for s in province.report.sheets}
    changed = sorted(s.path for s in report.sheets if s.key != before[s.path])
    assert changed == sorted(["xa-ba/danh-muc.pdf", *(f"xa-ba/{slug}.pdf" for slug in SHARED)])
    assert report.rendered == len(changed)
    for sheet in report.sheets:
        same = (tmp_path / "out" / sheet.path).read_bytes() == (province.out / sheet.path).read_bytes()
        assert same == (sheet.path not in changed), sheet.path
    assert "0225 3333 999" in pdftotext(tmp_path / "out" / f"xa-ba/{SHARED[0]}.pdf")


def test_sheet_bytes_do_not_depend_on_the_other_sheets_rendered_with_them(
    province: Province, tmp_path: Path
) -> None:
    # each alone (not with its siblings, and its office's stamps compiled for it alone)
    for sheet in [s for s in shared_sheets(province.report) if s.office in ("xa-bon", "mot-cua")]:
        cache = PosterCache(tmp_path / sheet.office / str(sheet.procedure))
        assert render_missing([sheet], load_theme(), cache, jobs=1) == 1
        alone = cache.sheet_path(sheet.key).read_bytes()
        assert alone == (province.out / sheet.path).read_bytes(), sheet.path


def test_bodies_group_a_procedure_and_stamps_an_office(province: Province) -> None:
    sheets = list(province.report.sheets)
    whole, groups = group_bodies(sheets)
    assert sorted(s.path for s in [*whole, *(s for g in groups for s in g)]) == sorted(s.path for s in sheets)
    assert not any(s.shared for s in whole)
    assert sorted(g[0].procedure for g in groups) == sorted(SHARED)
    for group in groups:
        assert len({s.procedure for s in group}) == 1
    placed = [Placed(s, "", {}, 1) for g in groups for s in g]
    batches = group_stamps(placed, 3)
    assert sorted(p.sheet.path for b in batches for p in b) == sorted(p.sheet.path for p in placed)
    for batch in batches:
        assert len(batch) <= 3
        assert len({p.sheet.office for p in batch}) == 1
