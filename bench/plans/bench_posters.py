"""Benchmark: render time of the plan posters (notice A4, map A3, consultation A4), median of 5.

Run: ``.venv/bin/python bench/plans/bench_posters.py [N]``: the sample plans (content/plans/) on
25/11/2026, then a synthetic approved plan with N polygons (default 400) in a copy of the sample
settings. Prints the planning time of the plan sheets (contexts + map SVG + version ids), and per
sheet the first Typst render in the process, the median of five more (Typst memoises unchanged
input, so this is the warm figure), the pages and the PDF size.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from bench_map import write_plan  # noqa: E402

from generator.posters.plan import Sheet, plan_sheets  # noqa: E402
from generator.posters.render import Renderer, page_count  # noqa: E402
from generator.posters.theme import load_theme  # noqa: E402
from generator.reading import read_catalogue  # noqa: E402

DAY = dt.date(2026, 11, 25)


def median(func: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(root: Path, label: str) -> None:
    cat, issues = read_catalogue(root, DAY)
    assert cat is not None, [i.format() for i in issues[:3]]
    theme = load_theme()
    renderer = Renderer(theme)

    def sheets() -> list[Sheet]:
        return [s for s in plan_sheets(cat, theme) if s.plan]

    planned = median(sheets)
    print(f"{label}: planning the plan sheets {planned * 1000:.0f} ms")
    for sheet in sheets():
        start = time.perf_counter()
        pdf = renderer.pdf(sheet.poster, sheet.stamp)
        first = time.perf_counter() - start
        seconds = median(lambda s=sheet: renderer.pdf(s.poster, s.stamp))
        name = sheet.path.rsplit("/", 1)[1]
        print(
            f"  {name}: first render {first * 1000:.0f} ms, warm {seconds * 1000:.0f} ms, "
            f"{page_count(pdf)} pages, {len(pdf) / 1024:.0f} KB"
        )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    report(ROOT, "sample plans")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / "content", root / "content", ignore=shutil.ignore_patterns("plans"))
        (root / "procedures").mkdir()
        write_plan(root / "content" / "plans" / "thu-tai", count)
        report(root, f"synthetic plan, {count} polygons")


if __name__ == "__main__":
    main()
