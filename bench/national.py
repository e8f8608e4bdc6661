"""Benchmarks: a second, larger catalogue from the national procedure names (bench/national/names.yaml).

Every sample procedure (same slug, so evaluation targets are shared) plus one procedure per national
name, each a copy of an active sample procedure of the same lĩnh vực (or of «Đăng ký khai sinh» for
lĩnh vực the sample lacks) with the name replaced. No procedure keeps its ``aliases`` (a real
catalogue rarely has them) and the copies have no code (codes are never invented); the sample's
content/synonyms.yaml is kept. The result passes ``python -m generator check``.

    from bench.national import make_national
    root = make_national(Path("bench/_out/national"))

or ``python bench/national.py bench/_out/national``.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NAMES = Path(__file__).resolve().parent / "national" / "names.yaml"
FALLBACK = "ho-tich/dang-ky-khai-sinh.yaml"
EXTRA_FIELDS = {
    "cu-tru": "Cư trú",
    "can-cuoc": "Căn cước",
    "quoc-phong": "Nghĩa vụ quân sự",
    "bao-hiem": "Bảo hiểm xã hội, bảo hiểm y tế",
    "lao-dong": "Việc làm, lao động",
    "giao-thong": "Giao thông vận tải",
    "van-hoa": "Văn hóa, thể thao, tôn giáo",
    "tu-phap": "Tư pháp, khiếu nại, tố cáo",
}
_DROP = re.compile(r"^(aliases|related|local_code):.*\n(?:[ ]+- .*\n)*", flags=re.M)


def slugify(name: str) -> str:
    """The page slug of a name: folded words joined by hyphens, at most 80 characters, whole words."""
    from generator.core.fold import WORD, strip_marks

    slug = ""
    for word in WORD.findall(strip_marks(name.replace(".", " "))):
        if len(slug) + len(word) + 1 > 80:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


def _strip(text: str) -> str:
    return _DROP.sub("", text)


def _templates(root: Path) -> dict[str, str]:
    """One active sample procedure per lĩnh vực (the first by file name)."""
    found: dict[str, str] = {}
    for path in sorted((root / "procedures").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^status:\s*$", text, flags=re.M):
            continue  # repealed or not yet in force
        found.setdefault(path.parent.name, text)
    return found


def _copy(template: str, name: str, field: str, slug: str) -> str:
    text = _strip(template)
    text = re.sub(r"^code:.*\n", "", text, count=1, flags=re.M)
    quoted = '"' + name.replace('"', "'") + '"'
    text = re.sub(r"^name: .*$", lambda _: f"name: {quoted}", text, count=1, flags=re.M)
    text = re.sub(r"^field: .*$", f"field: {field}", text, count=1, flags=re.M)
    return re.sub(r"^slug: .*\n", "", text, flags=re.M)


def _write_fields(target: Path) -> None:
    path = target / "content" / "fields.yaml"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    for slug, name in EXTRA_FIELDS.items():
        text += f'  - {{slug: {slug}, name: "{name}", icon: material/file-document-outline}}\n'
    path.write_text(text, encoding="utf-8")


def make_national(target: Path, *, source: Path = PROJECT_ROOT) -> Path:
    """Write the national catalogue into ``target`` (replacing it); return ``target``."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source / "content", target / "content")
    _write_fields(target)
    for path in sorted((source / "procedures").rglob("*.yaml")):
        out = target / "procedures" / path.parent.name / path.name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(_strip(path.read_text(encoding="utf-8")), encoding="utf-8")
    templates = _templates(source)
    fallback = (source / "procedures" / FALLBACK).read_text(encoding="utf-8")
    names: dict[str, list[str]] = yaml.safe_load(NAMES.read_text(encoding="utf-8"))
    for field, items in names.items():
        for name in items:
            slug = slugify(name)
            out = target / "procedures" / field / f"{slug}.yaml"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(_copy(templates.get(field, fallback), name, field, slug), encoding="utf-8")
    return target


def main() -> None:
    """Command line: ``python bench/national.py TARGET``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    root = make_national(args.target)
    print(f"{sum(1 for _ in (root / 'procedures').rglob('*.yaml'))} thủ tục → {root}")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(PROJECT_ROOT))
    main()
