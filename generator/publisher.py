"""``congkhai init`` and ``congkhai lock``: a publisher's repository without a fork of the code.

A publisher's repository holds its content (``content/``, ``procedures/``), ``mkdocs.yml``, one CI
file, ``requirements.txt`` (the one line that pins the ``congkhai`` package, the generator and its
theme) and ``requirements.lock`` (every other package, pinned), the JSON Schemas for editor
completion, and a README. ``init`` writes all of that from the sample that ships in the package;
``lock`` rewrites the lock from the installed package after an upgrade (docs/publishers.md).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement

from generator import __version__
from generator.errors import GeneratorError
from generator.schema import write_schemas

PACKAGE = Path(__file__).resolve().parent
SAMPLE = PACKAGE / "sample"
"""The sample publisher inside the wheel (pyproject's force-include); in this repository, its root."""
TEMPLATES = PACKAGE / "templates" / "publisher"
LOCK_NAME = "requirements.lock"
SHIPPED_LOCK = TEMPLATES / LOCK_NAME
"""The runtime pins of this version (a test keeps it equal to the runtime part of the project lock)."""
CI_FILES = {
    "github": ("github-actions.yml", ".github/workflows/congkhai.yml"),
    "gitlab": ("gitlab-ci.yml", ".gitlab-ci.yml"),
}
CONTENT_FOLDERS = ("content", "procedures")
TEMPLATE_FILES = {
    "README.md": "README.md",
    "gitignore": ".gitignore",
    "vscode-extensions.json": ".vscode/extensions.json",
}
"""Files of ``templates/publisher/`` and where they go (VS Code offers the YAML extension on opening)."""
_THEME_LINE = re.compile(r"^  custom_dir: site_theme.*\n", re.MULTILINE)
_MODELINE_SCHEMA = re.compile(r"(\$schema=(?:\.\./)+)generator/schema/")


def sample_root() -> Path:
    """The sample to copy: the installed package's copy, else this repository (editable install)."""
    return SAMPLE if SAMPLE.is_dir() else PACKAGE.parent


def requirement_line(source: str | None) -> str:
    """The pin of the package: ``congkhai==<this version>``, or a direct reference (wheel URL, git tag)."""
    return f"congkhai @ {source}" if source else f"congkhai=={__version__}"


def init_publisher(target: Path, *, forge: str = "github", source: str | None = None) -> list[Path]:
    """Create a publisher's repository in ``target`` (empty or missing); return the files written."""
    if target.exists() and any(target.iterdir()):
        raise GeneratorError(f"Thư mục {target} không trống: hãy chọn một thư mục mới.")
    if forge not in CI_FILES:
        raise GeneratorError(f"Chưa có mẫu CI cho «{forge}»: chọn {' hoặc '.join(CI_FILES)}.")
    sample = sample_root()
    target.mkdir(parents=True, exist_ok=True)
    for folder in CONTENT_FOLDERS:
        shutil.copytree(sample / folder, target / folder)
    _point_modelines(target)
    mkdocs = (sample / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(_THEME_LINE.sub("", mkdocs), encoding="utf-8")
    template, place = CI_FILES[forge]
    (target / place).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PACKAGE / "templates" / "ci" / template, target / place)
    for name, place in TEMPLATE_FILES.items():
        (target / place).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(TEMPLATES / name, target / place)
    (target / "requirements.txt").write_text(requirements_text(source), encoding="utf-8")
    shutil.copyfile(SHIPPED_LOCK, target / LOCK_NAME)
    write_schemas(target)
    return sorted(p for p in target.rglob("*") if p.is_file())


def _point_modelines(target: Path) -> None:
    """Point each file's ``$schema`` line at the repository's own ``schema/`` folder."""
    for path in [*target.glob("content/**/*.yaml"), *target.glob("procedures/**/*.yaml")]:
        text = path.read_text(encoding="utf-8")
        fixed = _MODELINE_SCHEMA.sub(r"\1schema/", text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def requirements_text(source: str | None) -> str:
    """``requirements.txt``: the package pin (the line an upgrade changes) and the lock as constraints."""
    return (
        "# Bộ sinh Công Khai (mã nguồn và giao diện), ghim đúng một phiên bản.\n"
        "# Nâng cấp: đổi phiên bản ở dòng dưới, cài lại, chạy «congkhai lock» (docs/publishers.md).\n"
        f"{requirement_line(source)}\n"
        f"-c {LOCK_NAME}\n"
    )


def write_lock(root: Path) -> Path:
    """After an upgrade: rewrite ``requirements.lock`` with the installed version's runtime pins."""
    pinned = _pinned_version(root / "requirements.txt")
    if pinned is not None and pinned != __version__:
        raise GeneratorError(
            f"requirements.txt ghim congkhai {pinned} nhưng bản đang cài là {__version__}: "
            "cài đúng bản đã ghim («pip install -r requirements.txt») rồi chạy lại."
        )
    shutil.copyfile(SHIPPED_LOCK, root / LOCK_NAME)
    return root / LOCK_NAME


def _pinned_version(path: Path) -> str | None:
    if not path.is_file():
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*congkhai\s*==\s*([\w.]+)", line)
        if match:
            return match.group(1)
    return None


def runtime_lock(project_lock: str) -> str:
    """The runtime part of the project's lock: the package's dependencies and theirs (not dev, not geo)."""
    pins = {}
    for line in project_lock.splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[_normal(name)] = f"{name.strip()}=={version.strip()}"
    needed: set[str] = set()
    _walk("congkhai", needed)
    needed.discard("congkhai")
    missing = sorted(needed - pins.keys())
    if missing:
        raise GeneratorError(f"requirements.lock thiếu: {', '.join(missing)}")
    lines = sorted((pins[name] for name in needed), key=str.lower)
    header = f"# Gói chạy của congkhai {__version__}, ghim (do «congkhai lock» ghi; đừng sửa tay).\n"
    return header + "\n".join(lines) + "\n"


def _walk(name: str, seen: set[str]) -> None:
    key = _normal(name)
    if key in seen:
        return
    seen.add(key)
    try:
        requires = distribution(name).requires or []
    except PackageNotFoundError:
        return
    for text in requires:
        req = Requirement(text)
        if req.marker is None or req.marker.evaluate({"extra": ""}):
            _walk(req.name, seen)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


Migration = Callable[[Path], list[Path]]
MIGRATIONS: dict[int, Migration] = {}
"""``MIGRATIONS[n]`` rewrites content of format ``n`` into format ``n + 1`` and returns the files it
changed. Format 1 is the first: nothing to migrate yet (CHANGELOG.md lists each format)."""
_VERSION_LINE = re.compile(r"^schema_version:\s*(\d+)\b.*$", re.MULTILINE)


def migrate(root: Path) -> list[Path]:
    """Bring the content up to :data:`SCHEMA_VERSION`, one format at a time; return the files changed."""
    from generator.checks.version import SCHEMA_VERSION

    site = root / "content" / "site.yaml"
    text = site.read_text(encoding="utf-8")
    match = _VERSION_LINE.search(text)
    stated = int(match.group(1)) if match else 1
    if stated > SCHEMA_VERSION:
        raise GeneratorError(
            f"Nội dung ở định dạng {stated}, mới hơn định dạng {SCHEMA_VERSION} của congkhai {__version__}: "
            "hãy nâng cấp gói, không chuyển ngược."
        )
    changed: list[Path] = []
    for version in range(stated, SCHEMA_VERSION):
        if version not in MIGRATIONS:
            raise GeneratorError(f"Không có cách chuyển tự động từ định dạng {version}: xem CHANGELOG.md.")
        changed += MIGRATIONS[version](root)
    if stated != SCHEMA_VERSION:
        line = f"schema_version: {SCHEMA_VERSION}"
        text = _VERSION_LINE.sub(line, text) if match else text.replace("\ntitle:", f"\n{line}\ntitle:", 1)
        site.write_text(text, encoding="utf-8")
        changed.append(site)
    return sorted(set(changed))
