"""The change report a reviewer reads: real git history in a temporary repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, PROJECT_ROOT


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid", root)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "-c", "user.email=t@example.vn", "-c", "user.name=T", "add", "-A")
    _git(root, "-c", "user.email=t@example.vn", "-c", "user.name=T", "commit", "-qm", "base")
    return root


def _report(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--root",
            str(root),
            "changes",
            "--base",
            "HEAD",
            "--as-of",
            "2026-11-25",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=PROJECT_ROOT,
    )


def test_fee_time_and_document_changes_in_plain_words(repo: Path) -> None:
    path = repo / "procedures" / "chung-thuc-ban-sao.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("amount: 2000, unit: trang, text:", "amount: 3000, unit: trang, text:")
    text = text.replace(
        "time: {value: 1, unit: working_day, from:", "time: {value: 2, unit: working_day, from:"
    )
    text = text.replace("      - {name: Bản sao cần chứng thực, copies: 1}\n", "")
    path.write_text(text, encoding="utf-8")
    (repo / "procedures" / "dang-ky-khai-sinh-cu.yaml").unlink()
    result = _report(repo)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "### Thủ tục thay đổi (1)" in out
    note = "Từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa 200.000 đồng/bản"
    assert f"Phí chứng thực bản sao (Trực tiếp): 2.000 đồng/trang; {note} → 3.000 đồng/trang; {note}" in out
    assert "Thời hạn (trực tiếp): 1 ngày làm việc, kể từ khi nhận đủ hồ sơ → 2 ngày làm việc" in out
    assert "Hồ sơ: bỏ «Bản sao cần chứng thực»" in out
    assert "### Thủ tục bị xoá (1)" in out
    assert (
        "### Bảng niêm yết cần in lại" in out
        and "#### Bộ phận Một cửa xã Thử Nghiệm" in out
        and "- `mot-cua/chung-thuc-ban-sao.pdf`: Chứng thực bản sao từ bản chính giấy tờ, văn bản" in out
    )


def test_no_change(repo: Path) -> None:
    result = _report(repo)
    assert result.returncode == 0 and "Không có thay đổi nội dung thủ tục." in result.stdout


def test_new_procedure_and_bad_base(repo: Path) -> None:
    shutil.copy(FIXTURES / "invalid" / "code-missing.yaml", repo / "procedures" / "thu-tuc-moi.yaml")
    result = _report(repo)
    assert "### Thủ tục mới (1)" in result.stdout and "Thủ tục mẫu để kiểm tra" in result.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(repo), "changes", "--base", "khong-co"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=PROJECT_ROOT,
    )
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and "khong-co" in bad.stderr
