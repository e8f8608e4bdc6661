"""Benchmark the poster stage on the synthetic catalogue: cold, warm, one edit, sizes.

Usage::

    .venv/bin/python bench/poster_bench.py                 # N = 2000 procedures, 2 worker processes
    .venv/bin/python bench/poster_bench.py --count 300 --jobs 2
    .venv/bin/python bench/poster_bench.py --repeat 5     # warm and edit runs five times each, with medians
    .venv/bin/python bench/poster_bench.py --province         # 100 offices × 400 procedures, cold + one edit
    .venv/bin/python bench/poster_bench.py --province --offices 10 [--whole]  # a reduced province;
                                             # --whole: every sheet compiled whole (no shared body)

Writes the catalogue with ``bench/synth.py`` into ``bench/_out/poster-synth-N`` and the posters into
``bench/_out/posters-N`` (cache beside it), then prints a Markdown table for docs/benchmarks.md §3.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import make_catalogue  # noqa: E402
from generator.catalogue import Catalogue  # noqa: E402
from generator.posters import plan  # noqa: E402
from generator.posters.theme import THEME_DIR, Theme, load_theme  # noqa: E402
from generator.posters.write import PosterReport, write_posters  # noqa: E402
from generator.reading import read_catalogue  # noqa: E402

AS_OF = dt.date(2026, 11, 25)
THEME: Theme | None = None
Row = tuple[str, PosterReport, float, float]
"""(label, report, CPU seconds, seconds to read the catalogue)"""


def read(root: Path) -> tuple[Catalogue, float]:
    """The catalogue and how long reading it took."""
    start = time.perf_counter()
    cat, issues = read_catalogue(root, AS_OF)
    assert cat is not None, [i.format() for i in issues][:5]
    return cat, time.perf_counter() - start


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the worker processes)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run(cat: Catalogue, out: Path, cache: Path, jobs: int) -> tuple[PosterReport, float]:
    """One poster run (with a progress line now and then); returns the report and the CPU seconds."""
    last = [0.0]

    def progress(done: int, total: int) -> None:
        if time.monotonic() - last[0] > 20 or done == total:
            last[0] = time.monotonic()
            print(f"  {done}/{total}", file=sys.stderr, flush=True)

    start = cpu_seconds()
    report = write_posters(cat, out, cache_dir=cache, jobs=jobs, progress=progress, theme=THEME)
    return report, cpu_seconds() - start


def edit(root: Path, pattern: str, replace: str | Callable[[re.Match[str]], str]) -> Path:
    """Change the first procedure file matching ``pattern``; return it."""
    for path in sorted((root / "procedures").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if re.search(pattern, text, flags=re.M) and "effective_to" not in text:
            path.write_text(re.sub(pattern, replace, text, count=1, flags=re.M), encoding="utf-8")
            return path
    raise SystemExit(f"no procedure matches {pattern}")


def raise_fee(match: re.Match[str]) -> str:
    """A fee 1,000 đồng higher (a new value on every call, so every edit renders again)."""
    return f"amount: {int(match.group(1)) + 1000}"


def sizes(out: Path) -> dict[str, float]:
    """Size figures from the published manifest and the combined files."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    sheets = manifest["sheets"]
    one_page = [s["bytes"] for s in sheets if s["pages"] == 1 and s["procedure"]]
    pages = sum(s["pages"] for s in sheets)
    bundles = [(out / b).stat().st_size for b in manifest["bundles"]]
    return {
        "sheets": len(sheets),
        "pages": pages,
        "pages_per_poster": statistics.mean(s["pages"] for s in sheets if s["procedure"]),
        "one_page_n": len(one_page),
        "one_page_max_kb": max(one_page, default=0) / 1024,
        "one_page_median_kb": statistics.median(one_page) / 1024 if one_page else 0,
        "kb_per_page": sum(s["bytes"] for s in sheets) / pages / 1024,
        "bundle_total_mb": sum(bundles) / 2**20,
        "sheets_total_mb": sum(s["bytes"] for s in sheets) / 2**20,
    }


def main() -> None:
    """Run every scenario and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--province", action="store_true", help="100 commune offices, each posting all 400 procedures"
    )
    parser.add_argument("--offices", type=int, default=100, help="offices of the province shape")
    parser.add_argument("--whole", action="store_true", help="compile every sheet whole (no shared body)")
    parser.add_argument("--repeat", type=int, default=1, help="times to make the warm and edit runs")
    args = parser.parse_args()
    if args.province:
        args.count = 400
    if args.whole:
        plan.SHARED_FROM = 10**9
    base = ROOT / "bench" / "_out"
    global THEME
    snapshot = base / "poster-theme"  # a copy, so editing the theme meanwhile cannot skew the run
    shutil.rmtree(snapshot, ignore_errors=True)
    shutil.copytree(THEME_DIR, snapshot)
    THEME = load_theme(snapshot)
    shape = f"province-{args.offices}" if args.province else str(args.count)
    root = make_catalogue(
        base / f"poster-synth-{shape}",
        args.count,
        offices_count=args.offices if args.province else None,
        every_office=args.province,
    )
    out, cache = base / f"posters-{shape}", base / f"posters-{shape}-cache"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    rows: list[Row] = []
    scenarios = [
        ("cold (empty cache)", None),
        ("warm (nothing changed)", None),
        ("one procedure edited (a step)", (r"^  - title: (.+)$", r"  - title: \1 (đã sửa)")),
        ("one procedure edited (a fee: its office indexes change too)", (r"amount: (\d+)", raise_fee)),
    ]
    if args.province:  # a cold province build and one fee edit (every office's sheet and index change)
        scenarios = [scenarios[0], scenarios[3]]
    scenarios = scenarios[:1] + scenarios[1:] * args.repeat
    for label, change in scenarios:
        if change:
            edit(root, *change)
        cat, read_s = read(root)
        report_, cpu = run(cat, out, cache, args.jobs)
        rows.append((label, report_, cpu, read_s))
    report(args, rows, sizes(out))


def report(args: argparse.Namespace, rows: list[Row], size: dict[str, float]) -> None:
    """Print the Markdown tables."""
    print(
        f"\nN = {args.count} procedures, {size['sheets']} sheets ({size['pages']} pages), "
        f"{args.jobs} worker processes, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}\n"
    )
    print("| run | rendered | from cache | poster step (wall) | CPU, all processes | reading the catalogue |")
    print("|---|---|---|---|---|---|")
    for label, rep, cpu, read_s in rows:
        times = f"{rep.seconds:.1f} s | {cpu:.1f} s | {read_s:.1f} s"
        print(f"| {label} | {rep.rendered} | {rep.reused} | {times} |")
    if args.repeat > 1:
        print(f"\nMedians of {args.repeat} runs (poster step, wall):\n")
        print("| run | median | range |\n|---|---|---|")
        for label in dict.fromkeys(label for label, *_ in rows[1:]):
            seconds = [rep.seconds for lab, rep, *_ in rows if lab == label]
            spread = f"{min(seconds):.1f}–{max(seconds):.1f} s"
            print(f"| {label} | {statistics.median(seconds):.1f} s | {spread} |")
    _, cold, cpu, _ = rows[0]
    if cold.rendered:
        print(
            f"\nCold: {cold.seconds / cold.rendered:.3f} s wall, {cpu / cold.rendered:.3f} s CPU per sheet, "
            f"{cpu / size['pages']:.3f} s CPU per page; on {args.jobs} idle cores: "
            f"{cpu / args.jobs / 60:.1f} min."
        )
    print("\n| size | value |\n|---|---|")
    for key, value in size.items():
        print(f"| {key} | {value:.1f} |" if isinstance(value, float) else f"| {key} | {value} |")


if __name__ == "__main__":
    main()
