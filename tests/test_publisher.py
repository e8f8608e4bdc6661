"""Publisher repositories without forks: ``congkhai init``, the shipped lock, the format check, the wheel.

The fast tests run ``init`` from this checkout (editable install); the slow one builds the real
wheel, installs it into a fresh virtualenv, creates a publisher's repository with the installed
command and builds that site with the installed package only (``mkdocs build --strict``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from generator import __version__
from generator.checks.version import SCHEMA_VERSION
from generator.cli import main
from generator.errors import GeneratorError
from generator.publisher import SHIPPED_LOCK, init_publisher, migrate, runtime_lock, write_lock
from tests.conftest import AS_OF, PROJECT_ROOT

EXPECTED = {
    "README.md",
    ".gitignore",
    "mkdocs.yml",
    "requirements.txt",
    "requirements.lock",
    ".github/workflows/congkhai.yml",
    ".vscode/extensions.json",
    "content/site.yaml",
    "schema/procedure.schema.json",
}


def test_shipped_lock_is_the_runtime_part_of_the_project_lock() -> None:
    expected = runtime_lock((PROJECT_ROOT / "requirements.lock").read_text(encoding="utf-8"))
    assert SHIPPED_LOCK.read_text(encoding="utf-8") == expected, "refresh it: docs/publishers.md § The lock"
    names = {line.split("==")[0].lower() for line in expected.splitlines() if "==" in line}
    assert {"mkdocs", "mkdocs-material", "pydantic", "typst"} <= names
    assert not names & {"pytest", "ruff", "mypy", "playwright", "pyproj"}, "dev and geo tools are not runtime"


def test_init_writes_content_and_settings_but_no_code(tmp_path: Path) -> None:
    target = tmp_path / "pub"
    files = {p.relative_to(target).as_posix() for p in init_publisher(target)}
    assert files >= EXPECTED
    assert not [
        f for f in files if f.endswith(".py") or f.startswith(("generator/", "site_theme/", "tests/"))
    ]
    assert "custom_dir" not in (target / "mkdocs.yml").read_text(encoding="utf-8")
    requirements = (target / "requirements.txt").read_text(encoding="utf-8")
    assert f"\ncongkhai=={__version__}\n" in requirements and "-c requirements.lock" in requirements
    procedure = next((target / "procedures").rglob("*.yaml"))
    modeline = procedure.read_text(encoding="utf-8").splitlines()[0]
    schema = modeline.split("$schema=", 1)[1]
    assert "generator/" not in schema and (procedure.parent / schema).resolve().is_file()
    assert main(["check", "--root", str(target), "--as-of", AS_OF.isoformat()]) == 0


def test_init_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(GeneratorError, match="không trống"):
        init_publisher(tmp_path)


def test_gitlab_and_a_direct_source(tmp_path: Path) -> None:
    url = "git+https://git.example.vn/congkhai/congkhai@v9.9.9"
    init_publisher(tmp_path / "pub", forge="gitlab", source=url)
    assert (tmp_path / "pub" / ".gitlab-ci.yml").is_file()
    assert f"congkhai @ {url}\n" in (tmp_path / "pub" / "requirements.txt").read_text(encoding="utf-8")


def test_newer_content_format_is_one_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pub"
    init_publisher(target)
    site = target / "content" / "site.yaml"
    text = site.read_text(encoding="utf-8")
    site.write_text(
        text.replace("schema_version: 1", f"schema_version: {SCHEMA_VERSION + 1}"), encoding="utf-8"
    )
    assert main(["check", "--root", str(target), "--as-of", AS_OF.isoformat()]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if "[schema-version]" in line]
    assert len(errors) == 1
    line = 1 + text.splitlines().index(next(x for x in text.splitlines() if x.startswith("schema_version")))
    assert errors[0].startswith(f"content/site.yaml:{line}:") and "requirements.txt" in errors[0]
    with pytest.raises(GeneratorError, match="nâng cấp gói"):
        migrate(target)


def test_migrate_and_lock_on_current_content_change_nothing(tmp_path: Path) -> None:
    target = tmp_path / "pub"
    init_publisher(target)
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    assert migrate(target) == []
    write_lock(target)
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before


def test_lock_refuses_a_version_other_than_the_installed_one(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("congkhai==0.0.1\n", encoding="utf-8")
    with pytest.raises(GeneratorError, match=r"0\.0\.1"):
        write_lock(tmp_path)


@pytest.mark.slow
def test_the_wheel_installs_and_builds_a_publisher_site(tmp_path: Path) -> None:
    """A fresh machine: the wheel, a new virtualenv, ``congkhai init``, check and the strict build."""
    dist = tmp_path / "dist"
    pip = [sys.executable, "-m", "pip"]
    _run([*pip, "wheel", "--no-deps", "--quiet", "-w", str(dist), str(PROJECT_ROOT)], cwd=tmp_path)
    (wheel,) = dist.glob("congkhai-*.whl")
    venv.create(tmp_path / "venv", with_pip=True)
    bin_dir = tmp_path / "venv" / "bin"
    _run([str(bin_dir / "pip"), "install", "--quiet", "--find-links", str(dist), f"congkhai=={__version__}",
          "-c", str(SHIPPED_LOCK)], cwd=tmp_path)  # fmt: skip
    pub = tmp_path / "pub"
    _run([str(bin_dir / "congkhai"), "init", str(pub)], cwd=tmp_path)
    where = _run([str(bin_dir / "python"), "-c", "import generator; print(generator.__file__)"], cwd=pub)
    assert Path(where.strip()).is_relative_to(tmp_path / "venv"), "the build must use the installed package"
    _run([str(bin_dir / "congkhai"), "check", "--as-of", AS_OF.isoformat()], cwd=pub)
    _run([str(bin_dir / "mkdocs"), "build", "--strict"], cwd=pub)
    site = pub / "site"
    assert (site / "index.html").is_file() and (site / "thu-tuc" / "index.html").is_file()
    assert any((site / "posters").rglob("*.pdf")), "the posters come from the packaged theme"
    assert (site / "assets" / "fonts" / "be-vietnam-pro" / "OFL.txt").is_file()
    assert not list(site.rglob("*.typ")) and not (site / "fragments").exists()
    assert (site / "admin" / "config.yml").is_file() and (site / "admin" / "fonts").is_dir()
    assert wheel.name == f"congkhai-{__version__}-py3-none-any.whl"


def _run(cmd: list[str], *, cwd: Path) -> str:
    env = {**os.environ, "CONGKHAI_AS_OF": AS_OF.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{cmd}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout
