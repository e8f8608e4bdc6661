"""Re-import is a merge: editor-made fields and fixes survive, official changes reach the change
report, a procedure gone from the source is reported and never deleted."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.importer.run import run_import
from generator.review.report import change_report
from tests.conftest import AS_OF
from tests.importer.conftest import READ_ON, RECORDS, record, write_record

BIRTH = "procedures/ho-tich/dang-ky-khai-sinh.yaml"
COPY = "procedures/chung-thuc/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban-do-co-quan.yaml"
ZERO_FEE = """      - type: le_phi
        name: Lệ phí
        text: Cổng Dịch vụ công quốc gia ghi 0 đồng, không kèm mô tả
  - kind: truc_tuyen"""
FIXED_FEE = """      - type: le_phi
        name: Lệ phí đăng ký khai sinh
        exempt: true
        exemption: Miễn lệ phí khi đăng ký khai sinh đúng hạn
      - type: phi
        name: Phí cấp bản sao Giấy khai sinh
        amount: 8000
        unit: bản
  - kind: truc_tuyen"""


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def _commit(root: Path, message: str) -> None:
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", message)


def _edit(path: Path) -> None:
    """What an editor does after the first import: aliases, a comment, a fixed fee, a cleared note."""
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "field: ho-tich\n", "# Tên gọi do xã bổ sung\naliases:\n  - làm giấy khai sinh\nfield: ho-tich\n"
    )
    assert ZERO_FEE in text
    text = text.replace(ZERO_FEE, FIXED_FEE, 1)
    note = text.index("    - field: channels[0].fees[0]")
    text = text[:note] + text[text.index("    - field:", note + 10) :]
    path.write_text(text + "change_note: Ghi rõ miễn lệ phí theo Luật Hộ tịch\n", encoding="utf-8")


def test_editor_fields_survive_and_official_changes_are_reported(tree: Path, tmp_path: Path) -> None:
    _git(tree, "init", "-q")
    run_import(RECORDS, tree, office="mot-cua", read_on=READ_ON)
    _edit(tree / BIRTH)
    _commit(tree, "import and edit")
    edited = (tree / BIRTH).read_text(encoding="utf-8")
    changed = record("2.000815")
    changed["data"]["executionMethods"][0]["fees"][0]["value"] = 3000
    folder = tmp_path / "again"
    write_record(folder, "2.000815.json", changed)
    write_record(folder, "1.001193.json", record("1.001193"))
    report = run_import(folder, tree, office="mot-cua", read_on=READ_ON)
    assert (tree / BIRTH).read_text(encoding="utf-8") == edited  # nothing official changed there
    assert report.updated == [COPY]
    text, _ = change_report(tree, "HEAD", AS_OF)
    assert "(Trực tiếp): 2.000 đồng/trang" in text and "→ 3.000 đồng/trang" in text


def test_portal_change_keeps_local_fees_and_flags_an_overwritten_edit(tree: Path, tmp_path: Path) -> None:
    run_import(RECORDS, tree, office="mot-cua", read_on=READ_ON)
    _edit(tree / BIRTH)
    changed = record("1.001193")
    for method in changed["data"]["executionMethods"]:
        method["fees"][0].update(value=5000, currencyName="Việt Nam Đồng")
    run_import(write_record(tmp_path, "1.001193.json", changed), tree, office="mot-cua", read_on=READ_ON)
    text = (tree / BIRTH).read_text(encoding="utf-8")
    assert "# Tên gọi do xã bổ sung\naliases:\n  - làm giấy khai sinh\n" in text
    assert "change_note: Ghi rõ miễn lệ phí theo Luật Hộ tịch" in text
    assert "amount: 5000" in text and "name: Phí cấp bản sao Giấy khai sinh" in text  # local fee kept
    assert "Cổng đã thay đổi phần này" in text  # the editor's fix was replaced: flagged for review


def test_procedure_gone_from_the_source_is_reported_not_deleted(tree: Path, tmp_path: Path) -> None:
    run_import(RECORDS, tree, office="mot-cua", read_on=READ_ON)
    folder = tmp_path / "only-one"
    write_record(folder, "1.001193.json", record("1.001193"))
    report = run_import(folder, tree, office="mot-cua", read_on=READ_ON)
    assert report.gone == [f"2.000815 ({COPY})"]
    assert (tree / COPY).is_file()


def test_a_file_the_editor_deleted_is_not_recreated(tree: Path) -> None:
    run_import(RECORDS, tree, office="mot-cua", read_on=READ_ON)
    (tree / COPY).unlink()
    report = run_import(RECORDS, tree, office="mot-cua", read_on=READ_ON)
    assert report.skipped == [f"2.000815 ({COPY})"] and not (tree / COPY).exists()


def test_first_import_over_a_hand_written_file_keeps_its_path_and_editor_fields(tree: Path) -> None:
    hand = tree / "procedures" / "ho-tich" / "khai-sinh.yaml"
    hand.parent.mkdir(parents=True)
    hand.write_text(
        '# Soạn tay trước khi có lệnh nhập\ncode: "1.001193"\nname: Đăng ký khai sinh\n'
        "aliases: [làm giấy khai sinh]\nfield: ho-tich\nlevel: xa\noffices: [diem-phu]\nonline: khong\n",
        encoding="utf-8",
    )
    run_import(RECORDS / "1.001193.json", tree, office="mot-cua", read_on=READ_ON)
    text = hand.read_text(encoding="utf-8")
    assert not (tree / BIRTH).exists()
    assert text.split("\n")[1:3] == ["# Soạn tay trước khi có lệnh nhập", 'code: "1.001193"']
    assert "offices:\n  - diem-phu\n" in text and "  - làm giấy khai sinh\n" in text
    assert "name: Thủ tục đăng ký khai sinh" in text and "Lần nhập đầu" in text


def test_unchanged_record_keeps_the_editors_layout_and_inline_comments(tree: Path) -> None:
    run_import(RECORDS / "1.001193.json", tree, office="mot-cua", read_on=READ_ON)
    path = tree / BIRTH
    text = path.read_text(encoding="utf-8").replace(
        "offices:\n  - mot-cua\n", "offices: [mot-cua, diem-phu]  # hai nơi nhận\n"
    )
    path.write_text(text, encoding="utf-8")
    run_import(RECORDS / "1.001193.json", tree, office="mot-cua", read_on=READ_ON)
    assert path.read_text(encoding="utf-8") == text
    run_import(RECORDS / "1.001193.json", tree, office="mot-cua", read_on=READ_ON.replace(day=30))
    assert path.read_text(encoding="utf-8") == text.replace(
        "checked_on: 2026-11-23", "checked_on: 2026-11-30"
    )
