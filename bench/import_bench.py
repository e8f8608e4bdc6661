"""Benchmark of ``python -m generator import dvcqg`` on N synthetic portal records, then check and build.

The records are the two real reference shapes (``tests/importer/records``) with varied codes
(``9.xxxxxx``, never a real code), names, fields (every field of the sample ``content/fields.yaml``),
fees (amount, per-unit text, zero, a foreign currency), time units (OTHER with cases, or a real unit)
and step texts (verbatim, or enumerated «Bước 1 … Bước n»). The import goes into a copy of the
sample ``content/`` with no procedures; then ``check`` (warnings counted by code) and
``mkdocs build --strict`` without posters (``CONGKHAI_SKIP_WRITERS=write_site_posters``); then the
same import a second time (a no-op merge: zero files changed).

Run: ``.venv/bin/python bench/import_bench.py [N]`` (default 2000); results in
``bench/_out/import-bench.json`` and a Markdown table on standard output.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.site_bench import AS_OF, MKDOCS, OUT, timed
from bench.synth import PROJECT_ROOT, _write_config

RECORDS = PROJECT_ROOT / "tests" / "importer" / "records"
PYTHON = Path(sys.executable)
QUALIFIERS = (
    "",
    " (cấp xã)",
    " có yếu tố nước ngoài",
    " (trường hợp ủy quyền)",
    " lưu động",
    " (liên thông)",
)
CURRENCIES = (("Việt Nam Đồng", "/bản"), ("Việt Nam Đồng", ""), ("", ""), ("USD", "/bản"))


def _fields() -> list[tuple[str, str]]:
    text = (PROJECT_ROOT / "content" / "fields.yaml").read_text(encoding="utf-8")
    return re.findall(r"slug: ([a-z0-9-]+), name: ([^,}]+)", text)


def _steps(index: int) -> str:
    if index % 3:
        return ""
    count = 2 + index % 4
    return "\n".join(
        f"Bước {n}: Bước xử lý {n} của hồ sơ số {index}.\nCán bộ thực hiện theo quy định."
        for n in range(1, count + 1)
    )


def _vary(base: dict[str, Any], index: int, fields: list[tuple[str, str]]) -> dict[str, Any]:
    data = copy.deepcopy(base)
    record = data["data"]
    record["code"] = record["codeNotation"] = f"9.{index:06d}"
    record["id"] = f"bench-{index:06d}"
    record["name"] = f"{record['name']}{QUALIFIERS[index % len(QUALIFIERS)]} — mẫu {index}"
    slug, name = fields[index % len(fields)]
    record["categoriesDetails"] = [{"id": slug, "name": name, "code": f"BENCH-{slug}"}]
    record.pop("category", None)
    currency, unit = CURRENCIES[index % len(CURRENCIES)]
    for n, method in enumerate(record["executionMethods"]):
        if index % 5 == 0:
            method.update(processingTime=3 + n, processingTimeUnit="WORKING_DAY")
        for fee in method["fees"]:
            fee.update(value=(index % 7) * 1000 * (currency != "") + (10 if currency == "USD" else 0))
            fee.update(currencyName=currency, description=unit)
    steps = _steps(index)
    if steps:
        record["executionSteps"] = [{"name": "", "description": steps}]
    return data


def make_records(target: Path, count: int) -> Path:
    """Write ``count`` synthetic record files into ``target``; return it."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shapes = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(RECORDS.glob("*.json"))]
    fields = _fields()
    for index in range(count):
        data = _vary(shapes[index % len(shapes)], index, fields)
        (target / f"9.{index:06d}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def make_tree(target: Path) -> Path:
    """A content tree (the sample content/, no procedures) with its mkdocs.yml."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(PROJECT_ROOT / "content", target / "content")
    _write_config(target)
    return target


def _check_counts(root: Path, env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [str(PYTHON), "-m", "generator", "--root", str(root), "--as-of", AS_OF, "check"],
        capture_output=True,
        text=True,
        env=env,
    )
    codes = Counter(re.findall(r"\[([a-z0-9-]+)\]$", done.stderr, flags=re.M))
    return {
        "returncode": done.returncode,
        "issues_by_code": dict(sorted(codes.items())),
        "tail": done.stdout.strip(),
    }


def _digest(root: Path) -> dict[str, str]:
    folders = [root / "procedures", root / "content" / "imports"]
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for f in folders
        for p in f.rglob("*")
        if p.is_file()
    }


def run(count: int) -> dict[str, Any]:
    """Import, check, build and re-import ``count`` records; return the figures."""
    records = make_records(OUT / f"import-records-{count}", count)
    root = make_tree(OUT / f"import-tree-{count}")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CONGKHAI_AS_OF": AS_OF}
    command = [str(PYTHON), "-m", "generator", "--root", str(root), "import", "dvcqg", str(records)]
    command += ["--read-on", "2026-11-23"]
    first = timed(command, PROJECT_ROOT, env)
    files = len(list((root / "procedures").rglob("*.yaml")))
    check = timed(
        [str(PYTHON), "-m", "generator", "--root", str(root), "--as-of", AS_OF, "check"], PROJECT_ROOT, env
    )
    counts = _check_counts(root, env)
    build_env = {**env, "CONGKHAI_SKIP_WRITERS": "write_site_posters"}
    build = timed(
        [str(MKDOCS), "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")],
        root,
        build_env,
    )
    before = _digest(root)
    second = timed(command, PROJECT_ROOT, env)
    after = _digest(root)
    return {
        "records": count,
        "files": files,
        "import": first,
        "check": check,
        "check_issues": counts,
        "build_no_posters": build,
        "reimport": second,
        "reimport_changed": sum(1 for k in after if before.get(k) != after[k]),
    }


def main() -> None:
    """Command line: ``python bench/import_bench.py [N]``."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    load = os.getloadavg()
    result = {**run(count), "load_before": [round(x, 2) for x in load]}
    OUT.mkdir(exist_ok=True)
    (OUT / "import-bench.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
