"""The command line, run as editors and CI run it: exit codes, located errors, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, PROJECT_ROOT

SAMPLE = Path("procedures/ho-tich/dang-ky-khai-sinh.yaml")


def run(*args: str, root: Path = PROJECT_ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=PROJECT_ROOT,
    )


@pytest.fixture()
def sample_copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for part in ("content", "procedures", "generator/schema"):
        shutil.copytree(PROJECT_ROOT / part, root / part)
    return root


def test_sample_catalogue_is_valid() -> None:
    result = run("check", "--as-of", "2026-11-25")
    assert result.returncode == 0, result.stderr
    assert "Nội dung hợp lệ" in result.stdout


def _replace(old: str, new: str) -> Callable[[bytes], bytes]:
    def mutate(data: bytes) -> bytes:
        assert old.encode() in data
        return data.replace(old.encode(), new.encode(), 1)

    return mutate


MUTATIONS: dict[str, Callable[[bytes], bytes]] = {
    "unknown key": _replace("aliases:", "aliasses:"),
    "missing required key": _replace("online: toan_trinh\n", ""),
    "duplicate key": _replace("level: xa\n", "level: xa\nlevel: tinh\n"),
    "wrong type": _replace('code: "1.001193"', "code: 1.001193"),
    "syntax error": _replace("name: Đăng ký khai sinh", "name: [Đăng ký khai sinh"),
    "non-UTF-8 bytes": _replace(
        "name: Đăng ký khai sinh", "name: \udcff".encode("utf-8", "surrogateescape").decode("latin-1")
    ),
    "empty file": lambda data: b"",
    "YAML bomb": lambda data: data + b'a: &a ["x","x","x","x"]\nb: &b [*a,*a,*a,*a]\nc: [*b,*b,*b,*b]\n',
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_mutation_exits_1_with_a_located_error(name: str, sample_copy: Path) -> None:
    target = sample_copy / SAMPLE
    data = MUTATIONS[name](target.read_bytes())
    if name == "non-UTF-8 bytes":
        data = target.read_bytes().replace("Đăng ký khai sinh\n".encode(), b"\xff\xfe khai sinh\n", 1)
    target.write_bytes(data)
    result = run("check", "--as-of", "2026-11-25", root=sample_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    located = [line for line in result.stderr.splitlines() if line.startswith(f"{SAMPLE.as_posix()}:")]
    assert located, result.stderr
    assert "lỗi:" in located[0]


def test_duplicate_code_in_a_copied_file(sample_copy: Path) -> None:
    shutil.copy(sample_copy / SAMPLE, sample_copy / "procedures/ho-tich/dang-ky-khai-sinh-ban-sao.yaml")
    lines = (sample_copy / SAMPLE).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("code:"))
    result = run("check", "--as-of", "2026-11-25", root=sample_copy)
    assert result.returncode == 1
    assert (
        f"procedures/ho-tich/dang-ky-khai-sinh-ban-sao.yaml:{line}:7  code  lỗi: Mã 1.001193 đã dùng"
        in result.stderr
    )


def test_strict_fails_on_content_warnings_but_not_on_dated_ones(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid", root)
    assert run("check", "--as-of", "2026-11-25", root=root).returncode == 0
    strict = run("check", "--strict", "--as-of", "2026-11-25", root=root)
    assert strict.returncode == 1 and "[code-missing]" in strict.stderr
    (root / "procedures" / "dang-ky-khai-sinh-cu.yaml").unlink()
    assert run("check", "--strict", "--as-of", "2026-11-25", root=root).returncode == 0
    far = run("check", "--strict", "--as-of", "2035-01-01", root=root)
    assert far.returncode == 0 and "[source-stale]" in far.stderr


def test_new_scaffolds_a_file_the_checker_explains(sample_copy: Path) -> None:
    result = run(
        "new",
        "dang-ky-giam-ho",
        "--name",
        "Đăng ký giám hộ",
        "--field",
        "ho-tich",
        "--office",
        "trung-tam-phuc-vu-hanh-chinh-cong",
        "--as-of",
        "2026-11-25",
        root=sample_copy,
    )
    assert result.returncode == 0, result.stderr
    path = sample_copy / "procedures/ho-tich/dang-ky-giam-ho.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../generator/schema/procedure.schema.json\n")
    assert 'name: "Đăng ký giám hộ"' in text
    check = run("check", "--as-of", "2026-11-25", root=sample_copy)
    mine = [
        line for line in check.stderr.splitlines() if line.startswith("procedures/ho-tich/dang-ky-giam-ho")
    ]
    assert check.returncode == 1
    assert {line.rsplit("[", 1)[1].rstrip("]") for line in mine if "lỗi:" in line} == {
        "decree63-part-missing"
    }
    again = run(
        "new", "dang-ky-giam-ho", "--name", "X", "--field", "ho-tich", "--office", "x", root=sample_copy
    )
    assert again.returncode == 1 and path.read_text(encoding="utf-8") == text


def test_schema_command_is_idempotent(sample_copy: Path) -> None:
    result = run("schema", root=sample_copy)
    assert result.returncode == 0 and result.stdout == ""


def test_bad_as_of_is_a_usage_error() -> None:
    result = run("check", "--as-of", "25/11/2026")
    assert result.returncode == 2 and "NĂM-THÁNG-NGÀY" in result.stderr
