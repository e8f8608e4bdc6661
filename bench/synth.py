"""Benchmarks: a synthetic catalogue of N procedures, made from the real sample catalogue.

Each block of the output is a renamed copy of every sample procedure (real Vietnamese text and
length, the sample's field mix, its upcoming/repealed mix), with unique codes (``9.xxxxxx``) and
slugs, related/replaced_by references kept inside the block, and procedures spread over
synthetic offices. The result passes ``python -m generator check`` with no error.

Use from Python (other benchmarks reuse it)::

    from bench.synth import make_catalogue
    root = make_catalogue(Path("bench/_out/synth-2000"), 2000)   # → root with mkdocs.yml

or from the shell: ``python bench/synth.py 2000 bench/_out/synth-2000``.
"""

from __future__ import annotations

import argparse
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r'"(\d\.\d{6})"')
QUALIFIERS = (
    "",
    " (cấp xã)",
    " (cấp tỉnh)",
    " có yếu tố nước ngoài",
    " (trường hợp ủy quyền)",
    " lưu động",
    " (liên thông)",
    " (thực hiện tại điểm tiếp nhận)",
)


@dataclass(frozen=True)
class Template:
    """One sample procedure file: its path under procedures/, its stem and its text."""

    folder: str
    stem: str
    text: str


def load_templates(source: Path = PROJECT_ROOT) -> list[Template]:
    """Every sample procedure, in a stable order."""
    return [
        Template(path.parent.name, path.stem, path.read_text(encoding="utf-8"))
        for path in sorted((source / "procedures").rglob("*.yaml"))
    ]


def _rename(text: str, block: int, index: int, codes: dict[str, str], slugs: dict[str, str]) -> str:
    text = CODE.sub(lambda m: f'"{codes.get(m.group(1), m.group(1))}"', text)
    text = re.sub(
        r"^(slug|  replaced_by|replaced_by):\s*([a-z0-9-]+)\s*$",
        lambda m: f"{m.group(1)}: {slugs.get(m.group(2), m.group(2))}",
        text,
        flags=re.M,
    )
    text = re.sub(
        r"(replaced_by:\s*)([a-z0-9-]+)([,}])",
        lambda m: m.group(1) + slugs.get(m.group(2), m.group(2)) + m.group(3),
        text,
    )
    qualifier = QUALIFIERS[block % len(QUALIFIERS)] + (f" – mẫu {block}" if block else "")
    return re.sub(
        r"^name: (.+)$", lambda m: "name: " + _append(m.group(1), qualifier), text, count=1, flags=re.M
    )


def _append(value: str, extra: str) -> str:
    value = value.rstrip()
    if value[:1] in "\"'" and value[-1:] == value[:1]:
        return value[:-1] + extra + value[-1]
    return value + extra


def _offices_line(index: int, offices: list[str]) -> str:
    first = offices[index % len(offices)]
    second = offices[(index * 7 + 3) % len(offices)]
    chosen = [first] if first == second or index % 3 else [first, second]
    return "offices: [" + ", ".join(chosen) + "]"


def _write_offices(target: Path, count: int) -> list[str]:
    template = (PROJECT_ROOT / "content/offices/trung-tam-phuc-vu-hanh-chinh-cong.yaml").read_text(
        encoding="utf-8"
    )
    slugs = []
    for number in range(1, count + 1):
        slug = f"bo-phan-mot-cua-so-{number}"
        text = re.sub(r"^name: .*$", f"name: Bộ phận Một cửa số {number}", template, count=1, flags=re.M)
        text = re.sub(r"^short_name: .*$", f"short_name: Một cửa số {number}", text, count=1, flags=re.M)
        (target / "content" / "offices" / f"{slug}.yaml").write_text(text, encoding="utf-8")
        slugs.append(slug)
    return slugs


def make_catalogue(
    target: Path,
    count: int,
    *,
    source: Path = PROJECT_ROOT,
    offices_count: int | None = None,
    every_office: bool = False,
) -> Path:
    """Write a synthetic catalogue of ``count`` procedures (plus mkdocs.yml) into ``target``; return it.

    By default the procedures are spread over ``count // 60`` offices (one or two each); a
    province shape posts every procedure at each of ``offices_count`` offices (``every_office``).
    """
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source / "content", target / "content")
    offices = _write_offices(target, offices_count or max(3, count // 60))
    templates = load_templates(source)
    for index in range(count):
        block, position = divmod(index, len(templates))
        template = templates[position]
        codes = {c: f"9.{(block * len(templates) + i) % 1_000_000:06d}" for i, c in _codes(templates)}
        slugs = {t.stem: f"{t.stem}-{block}" for t in templates} if block else {}
        text = _rename(template.text, block, index, codes, slugs)
        line = "offices: [" + ", ".join(offices) + "]" if every_office else _offices_line(index, offices)
        text = re.sub(r"^offices: \[.*\]$", line, text, count=1, flags=re.M)
        folder = target / "procedures" / template.folder
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slugs.get(template.stem, template.stem)}.yaml").write_text(text, encoding="utf-8")
    _write_config(target)
    return target


def _codes(templates: list[Template]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for i, template in enumerate(templates):
        match = re.search(r'^code:\s*"(\d\.\d{6})"', template.text, flags=re.M)
        if match:
            found.append((i, match.group(1)))
    return found


def _write_config(target: Path) -> None:
    text = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: site_theme", f"custom_dir: {PROJECT_ROOT / 'site_theme'}")
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")


def main() -> None:
    """Command line: ``python bench/synth.py N TARGET``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    root = make_catalogue(args.target, args.count)
    print(f"{args.count} thủ tục → {root}")


if __name__ == "__main__":
    main()
