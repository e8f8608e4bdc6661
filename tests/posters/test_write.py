"""The poster stage end to end: fixed addresses, cache hits, incremental re-renders, manifest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.posters.write import write_posters
from tests.posters.conftest import CATALOGUE, Built, load, pdfinfo


def test_fixed_addresses(built: Built) -> None:
    files = {p.relative_to(built.out).as_posix() for p in built.out.rglob("*.pdf")}
    assert files == {
        "mot-cua/danh-muc.pdf",
        "mot-cua/tat-ca.pdf",
        "mot-cua/dang-ky-khai-sinh.pdf",
        "mot-cua/chung-thuc-ban-sao.pdf",
        "mot-cua/dang-ky-dat-dai-lan-dau.pdf",
        "diem-phu/danh-muc.pdf",
        "diem-phu/tat-ca.pdf",
        "diem-phu/dang-ky-khai-sinh.pdf",
        "diem-phu/cong-nhan-ho-ngheo.pdf",
    }
    assert built.report.rendered == 7


def test_manifest_lists_every_sheet(built: Built) -> None:
    manifest = json.loads((built.out / "manifest.json").read_text(encoding="utf-8"))
    rows = {row["path"]: row for row in manifest["sheets"]}
    assert len(rows) == 7 and manifest["as_of"] == "2026-11-25" and manifest["paper"] == "A4"
    row = rows["mot-cua/dang-ky-khai-sinh.pdf"]
    assert len(row["version"]) == 8 and row["procedure"] == "dang-ky-khai-sinh"
    for path, listed in rows.items():  # the page count the manifest gives is the PDF's own
        assert listed["pages"] == int(pdfinfo(built.out / path)["Pages"]), path
    assert rows["mot-cua/danh-muc.pdf"]["procedure"] is None


def test_second_run_renders_nothing(built: Built, tmp_path: Path) -> None:
    report = write_posters(built.catalogue, tmp_path / "out", cache_dir=built.cache, jobs=2)
    assert report.rendered == 0 and report.bundles_written == 0 and report.reused == 7
    for sheet in report.sheets:
        assert (tmp_path / "out" / sheet.path).read_bytes() == (built.out / sheet.path).read_bytes()


def test_editing_one_procedure_rerenders_only_its_sheets(built: Built, tmp_path: Path) -> None:
    root = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE, root)
    path = root / "procedures" / "chung-thuc-ban-sao.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Nộp bản chính và bản sao cần chứng thực", "Nộp bản chính và bản sao cần chứng thực tại quầy"
        ),
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    shutil.copytree(built.cache, cache)
    report = write_posters(load(root), tmp_path / "out", cache_dir=cache, jobs=1)
    # The steps are not on the office index: one sheet, and its office's combined file.
    assert report.rendered == 1 and report.bundles_written == 1


def test_stale_sheets_are_removed_and_nothing_else(built: Built, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_posters(built.catalogue, out, cache_dir=built.cache, jobs=1)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    # an earlier run wrote these two (its manifest lists them); the catalogue no longer has them
    manifest["sheets"].append({**manifest["sheets"][0], "path": "mot-cua/da-bai-bo.pdf"})
    manifest["bundles"].append("van-phong-cu/tat-ca.pdf")
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (out / "mot-cua" / "da-bai-bo.pdf").write_bytes(b"%PDF-old")
    (out / "van-phong-cu").mkdir()
    (out / "van-phong-cu" / "tat-ca.pdf").write_bytes(b"%PDF-old")
    # files nobody listed: an operator's own, one outside the office folders
    (out / "mot-cua" / "ghi-chu.pdf").write_bytes(b"%PDF-mine")
    (out / "khac").mkdir()
    (out / "khac" / "cu.pdf").write_bytes(b"%PDF-mine")
    write_posters(built.catalogue, out, cache_dir=built.cache, jobs=1)
    assert not (out / "mot-cua" / "da-bai-bo.pdf").exists()
    assert not (out / "van-phong-cu").exists()
    assert (out / "mot-cua" / "ghi-chu.pdf").read_bytes() == b"%PDF-mine"
    assert (out / "khac" / "cu.pdf").read_bytes() == b"%PDF-mine"
