"""The exact Vietnamese wording editors see, pinned for a few common mistakes."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.reading import read_catalogue
from tests.conftest import AS_OF, FIXTURES


def _messages(tmp_path: Path, case: str) -> list[str]:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid", root)
    shutil.copy(FIXTURES / "invalid" / f"{case}.yaml", root / "procedures" / f"{case}.yaml")
    _, issues = read_catalogue(root, AS_OF)
    return [
        i.format() for i in issues if i.file == f"procedures/{case}.yaml" and i.code == case.split("--")[0]
    ]


def test_unquoted_code_message(tmp_path: Path) -> None:
    assert _messages(tmp_path, "wrong-type") == [
        "procedures/wrong-type.yaml:4:7  code  lỗi: Giá trị (Mã thủ tục) cần là văn bản, nhưng YAML đọc "
        '1.001193 thành số 1.001193. Hãy đặt trong dấu ngoặc kép: "1.001193". [wrong-type]'
    ]


def test_misspelt_key_message(tmp_path: Path) -> None:
    (message,) = _messages(tmp_path, "unknown-key")
    assert message.startswith(
        "procedures/unknown-key.yaml:20:1  aliasses  lỗi: Khóa «aliasses» không có trong mẫu. "
        "Có phải ý bạn là «aliases»?"
    )


def test_zero_fee_message(tmp_path: Path) -> None:
    assert _messages(tmp_path, "fee-zero-unexplained") == [
        "procedures/fee-zero-unexplained.yaml:16:46  channels[0].fees[0].amount  lỗi: Số tiền 0 phải nói rõ "
        "lý do: thêm «exempt: true» và «exemption» (đối tượng, căn cứ miễn), hoặc xoá khoản thu nếu không "
        "thu. [fee-zero-unexplained]"
    ]


def test_yes_no_message(tmp_path: Path) -> None:
    (message,) = _messages(tmp_path, "wrong-type--bool")
    assert message.endswith(
        "lỗi: Giá trị (Chỉ xuất trình) cần là true (có) hoặc false (không), nhưng đang là «no». "
        "Trong YAML dùng true/false, không dùng yes/no hay có/không. [wrong-type]"
    )
