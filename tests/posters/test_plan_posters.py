"""Land-use plan posters on the sample plans: which sheets exist on which date, what they print
(pdftotext), where their QR code points (zbarimg), their paper (pdfinfo), their fonts (pdffonts),
and the reprint list when a plan's project changes."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from generator.catalogue import Catalogue
from generator.posters.plan import Sheet, plan_sheets
from generator.posters.render import Renderer
from generator.posters.reprint import reprint_list
from generator.posters.theme import load_theme
from tests.conftest import AS_OF, PROJECT_ROOT
from tests.posters.conftest import decode_qr, load, need, pdfinfo, pdftotext
from tests.posters.test_changes import edit, git

APPROVED, DRAFT = "khsdd-2026-xa-tan-hung", "khsdd-2027-xa-tan-hung-du-thao"
OFFICE = "trung-tam-phuc-vu-hanh-chinh-cong"


def plan_sheets_on(cat: Catalogue, changed: dict[str, dt.date] | None = None) -> dict[str, Sheet]:
    return {s.path: s for s in plan_sheets(cat, load_theme(), changed) if s.plan}


@pytest.fixture(scope="module")
def sample() -> Catalogue:
    return load(PROJECT_ROOT, AS_OF)


@pytest.fixture(scope="module")
def rendered(sample: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The plan sheets of the sample on the pinned date, rendered to PDF by name (thong-bao, …)."""
    out = tmp_path_factory.mktemp("plan-posters")
    renderer = Renderer(load_theme())
    files = {}
    for path, sheet in plan_sheets_on(sample).items():
        target = out / path.rsplit("/", 1)[1]
        target.write_bytes(renderer.pdf(sheet.poster, sheet.stamp))
        files[target.stem] = target
    return files


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_an_approved_plan_gets_notice_and_map_a_draft_only_the_consultation_notice(sample: Catalogue) -> None:
    paths = set(plan_sheets_on(sample))
    assert paths == {
        f"{OFFICE}/quy-hoach/{APPROVED}-thong-bao.pdf",
        f"{OFFICE}/quy-hoach/{APPROVED}-ban-do.pdf",
        f"{OFFICE}/quy-hoach/{DRAFT}-lay-y-kien.pdf",
    }


def test_no_poster_outside_the_publication_period() -> None:
    after = load(PROJECT_ROOT, dt.date(2027, 1, 5))  # 2026 plan expired; the draft awaits approval
    assert plan_sheets_on(after) == {}
    before = load(PROJECT_ROOT, dt.date(2026, 11, 10))  # the draft's consultation is announced
    assert [p.rsplit("/", 1)[1] for p in plan_sheets_on(before)] == [
        f"{APPROVED}-thong-bao.pdf",
        f"{APPROVED}-ban-do.pdf",
        f"{DRAFT}-lay-y-kien.pdf",
    ]


def test_the_public_notice_prints_the_decision_dates_and_every_project(
    sample: Catalogue, rendered: dict[str, Path]
) -> None:
    pdf = rendered[f"{APPROVED}-thong-bao"]
    assert pdfinfo(pdf)["Page size"].endswith("(A4)")
    text = flat(pdftotext(pdf, raw=True))
    plan = next(e.model for e in sample.plans if e.slug == APPROVED)
    assert "Quyết định số 4521/QĐ-UBND ngày 15/01/2026 của UBND thành phố Hải Phòng" in text
    assert "01/01/2026 – 31/12/2026" in text and "Công bố ngày 22/01/2026" in text
    missing = [p.name for p in plan.projects if flat(unicodedata.normalize("NFC", p.name)) not in text]
    assert missing == []
    pages = int(pdfinfo(pdf)["Pages"])
    assert f"Trang {pages}/{pages}" in text and "Phiên bản " in text
    assert "THỜI GIAN LẤY Ý KIẾN" not in text and "CÁCH GÓP Ý" not in text  # not a consultation notice


def test_the_map_sheet_is_a3_with_the_map_legend_scale_and_source(
    sample: Catalogue, rendered: dict[str, Path]
) -> None:
    pdf = rendered[f"{APPROVED}-ban-do"]
    assert pdfinfo(pdf)["Page size"].endswith("(A3)")
    text = flat(pdftotext(pdf, raw=True))
    assert "CHÚ GIẢI LOẠI ĐẤT" in text and "500 m" in text and "EPSG:9210" in text
    first_page = pdftotext(pdf, 1)
    for label in ("LUC", "ONT", "SKN"):  # the map's own code labels, drawn as text in the embedded SVG
        assert label in first_page, label
    assert "Đất chuyên trồng lúa" in text  # the legend names the codes present
    assert "DRA Đất công trình xử lý chất thải" in text


def test_the_consultation_notice_has_the_window_how_to_comment_and_days_left(
    rendered: dict[str, Path],
) -> None:
    assert f"{DRAFT}-thong-bao" not in rendered and f"{DRAFT}-ban-do" not in rendered
    pdf = rendered[f"{DRAFT}-lay-y-kien"]
    assert pdfinfo(pdf)["Page size"].endswith("(A4)")
    text = flat(pdftotext(pdf, raw=True))
    assert "Từ 16/11/2026 đến hết 05/12/2026 (20 ngày)." in text
    assert re.search(r"Còn \d+ ngày để góp ý\. \(tính từ ngày \d\d/\d\d/2026\)", text)
    assert "diachinh@tanhung.haiphong.gov.vn" in text and "Bộ phận một cửa, UBND xã Tân Hưng" in text
    assert "Chưa phê duyệt: đây là dự thảo" in text and "Phê duyệt: Quyết định" not in text


def test_days_left_are_counted_from_a_printed_date_so_the_sheet_does_not_change_daily() -> None:
    changed = {
        f"content/plans/{DRAFT}/{name}": dt.date(2026, 11, 1) for name in ("plan.yaml", "plan.geojson")
    }
    one, two = (
        plan_sheets_on(load(PROJECT_ROOT, day), changed)[f"{OFFICE}/quy-hoach/{DRAFT}-lay-y-kien.pdf"]
        for day in (dt.date(2026, 11, 25), dt.date(2026, 11, 26))
    )
    assert one.stamp == two.stamp and one.stamp.updated == dt.date(2026, 11, 16)  # the window's start
    assert (
        one.stamp.version
        != plan_sheets_on(load(PROJECT_ROOT, dt.date(2026, 11, 10)), changed)[one.path].stamp.version
    )
    consultation = one.poster.consultation  # type: ignore[union-attr]
    assert consultation.left_text == "Còn 20 ngày để góp ý." and one.poster.counted_from == "16/11/2026"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", [f"{APPROVED}-thong-bao", f"{APPROVED}-ban-do", f"{DRAFT}-lay-y-kien"])
def test_qr_decodes_to_the_plan_page(name: str, rendered: dict[str, Path], tmp_path: Path) -> None:
    need("zbarimg")
    slug = APPROVED if name.startswith(APPROVED) else DRAFT
    assert decode_qr(rendered[name], tmp_path) == [f"https://congkhai.tanhung.example.vn/quy-hoach/{slug}/"]


def test_fonts_are_embedded(rendered: dict[str, Path]) -> None:
    need("pdffonts")
    for pdf in rendered.values():
        lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = lines.splitlines()[2:]
        assert rows, pdf
        for row in rows:
            assert "BeVietnamPro" in row and row.split()[-5:-2] == ["yes", "yes", "yes"], row


def test_reprint_list_lists_the_plan_sheets_when_a_project_changes(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    for part in ("content", "procedures"):
        shutil.copytree(PROJECT_ROOT / part, root / part)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Nội dung ban đầu")
    edit(
        root / "content" / "plans" / APPROVED / "plan.yaml",
        "name: Đường trục thôn Bắc,",
        "name: Đường trục chính thôn Bắc,",
    )
    git(root, "commit", "-q", "-am", "Đổi tên công trình", date="2026-11-24T10:00:00+07:00")
    theme = load_theme()
    reprint = reprint_list(root, "HEAD~1", plan_sheets(load(root), theme), theme)
    assert sorted(new.path for _, new in reprint.changed) == [
        f"{OFFICE}/quy-hoach/{APPROVED}-ban-do.pdf",
        f"{OFFICE}/quy-hoach/{APPROVED}-thong-bao.pdf",
    ]
    assert reprint.added == () and reprint.removed == ()


def test_the_plan_page_links_exactly_the_sheets_printed(sample: Catalogue) -> None:
    from generator.plans.pages import plan_page

    printed = {f"posters/{path}" for path in plan_sheets_on(sample)}
    linked = set()
    for entry in sample.plans:
        page = plan_page(catalogue=sample, entry=entry)
        for link in page.posters:
            assert link.href.startswith("../../posters/")
            linked.add(link.href.removeprefix("../../"))
    assert linked == printed
    later = load(PROJECT_ROOT, dt.date(2027, 1, 5))
    assert all(plan_page(catalogue=later, entry=e).posters == () for e in later.plans)
