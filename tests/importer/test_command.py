"""The ``import`` command line: what it prints, the field map, the office, and its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.importer.conftest import READ_ON, RECORDS, record, tree_digest, write_record


def _run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--root", str(root), "import", "dvcqg", *args, "--read-on", str(READ_ON)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_import_prints_files_and_review_counts(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _run(tree, capsys, str(RECORDS), "--office", "mot-cua")
    assert code == 0
    assert "Đã nhập: 2 thủ tục mới, 0 cập nhật, 0 không đổi." in output
    assert "procedures/ho-tich/dang-ky-khai-sinh.yaml" in output
    assert "Cần biên tập viên xem lại" in output and "channels " in output


def test_field_map_maps_a_portal_category(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = record("1.001193")
    data["data"]["categoriesDetails"] = [{"id": "x", "name": "Đăng ký, quản lý cư trú", "code": "C06-01"}]
    source = write_record(tmp_path / "in", "r.json", data)
    code, output = _run(tree, capsys, str(source), "--office", "mot-cua")
    assert code == 1 and "Đăng ký, quản lý cư trú" in output and "--field-map" in output
    mapping = tmp_path / "map.yaml"
    mapping.write_text("C06-01: ho-tich\n", encoding="utf-8")
    code, output = _run(tree, capsys, str(source), "--office", "mot-cua", "--field-map", str(mapping))
    assert code == 0 and (tree / "procedures/ho-tich/dang-ky-khai-sinh.yaml").is_file()


def test_field_map_to_an_unknown_field_is_refused(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text("Hộ tịch: ho-tich\nCư trú: cu-tru\n", encoding="utf-8")
    code, output = _run(tree, capsys, str(RECORDS), "--office", "mot-cua", "--field-map", str(mapping))
    assert code == 1 and "map.yaml:2:9  Cư trú" in output and "[import-field-map]" in output


def test_unknown_office_writes_nothing(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree_digest(tree)
    code, output = _run(tree, capsys, str(RECORDS), "--office", "khong-co")
    assert code == 1 and "[import-office]" in output and "Không ghi tệp nào." in output
    assert tree_digest(tree) == before


def test_missing_source_path(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _run(tree, capsys, str(tree / "khong-co"), "--office", "mot-cua")
    assert code == 1 and "không có tệp hoặc thư mục" in output


def test_local_instance_code_keeps_the_national_code(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = record("1.001193")
    data["data"]["code"] = "1.001193.000.00.00.H31"
    code, _ = _run(tree, capsys, str(write_record(tmp_path, "r.json", data)), "--office", "mot-cua")
    text = (tree / "procedures/ho-tich/dang-ky-khai-sinh.yaml").read_text(encoding="utf-8")
    assert code == 0 and 'code: "1.001193"\nlocal_code: 1.001193.000.00.00.H31\n' in text


def test_check_counts_the_review_warnings_by_kind(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(tree, capsys, str(RECORDS), "--office", "mot-cua")
    code = main(["--root", str(tree), "--as-of", "2026-11-25", "check"])
    err = capsys.readouterr().err
    assert code == 0
    assert "0 lỗi, 14 cảnh báo (conditional-part-empty 1, needs-review 13)." in err
    assert main(["--root", str(tree), "--as-of", "2026-11-25", "check", "--strict"]) == 1
