"""Benchmark of the website build on synthetic catalogues (300 / 2,000 / 10,000 procedures).

For each size: generate the catalogue (``bench/synth.py``), run ``mkdocs build --strict`` under
``/usr/bin/time -v`` (wall time, peak RSS) — once with every post-build writer except posters
("full": site + search index) and once with the site only — then measure the output: site size,
HTML total, median and largest procedure page, and the gzip weight of a first visit to the median
procedure page (page + the CSS/JS it links + every web font, an upper bound). At the "naive" sizes
it also builds the same page bodies as plain Markdown with stock Material, the automatic nav and
Material's search plugin, for the ratio.

Run: ``.venv/bin/python bench/site_bench.py`` (defaults: sizes 300 2000 10000, naive at 300 2000);
results go to ``bench/_out/site-bench.json`` and a Markdown table on standard output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import make_catalogue

OUT = Path(__file__).resolve().parent / "_out"
MKDOCS = Path(sys.executable).with_name("mkdocs")
AS_OF = "2026-11-25"


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> dict[str, float]:
    """Run ``command`` under /usr/bin/time -v; return wall and CPU (user+sys) seconds and peak RSS in MB."""
    done = subprocess.run(["/usr/bin/time", "-v", *command], cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", done.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    cpu = re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", done.stderr)
    assert wall and rss and cpu, done.stderr[-2000:]
    parts = [float(p) for p in wall.group(1).split(":")]
    seconds = sum(p * 60**i for i, p in enumerate(reversed(parts)))
    return {
        "wall_s": round(seconds, 1),
        "cpu_s": round(sum(float(c) for c in cpu), 1),
        "peak_rss_mb": round(int(rss.group(1)) / 1024),
    }


def writer_names(kind: str) -> list[str]:
    """Names of registered post-build writers whose module mentions ``kind`` (e.g. "poster")."""
    from generator.build import POST_BUILD_WRITERS

    return [name.partition(":")[2] for name in POST_BUILD_WRITERS if kind in name.partition(":")[0]]


def build_ours(root: Path, site: Path, *, skip: list[str]) -> dict[str, float]:
    """Our build (congkhai plugin) of ``root`` into ``site``, skipping the named writers."""
    shutil.rmtree(site, ignore_errors=True)
    env = {
        **os.environ,
        "CONGKHAI_AS_OF": AS_OF,
        "NO_MKDOCS_2_WARNING": "1",
        "CONGKHAI_SKIP_WRITERS": ",".join(skip),
    }
    return timed([str(MKDOCS), "build", "--strict", "-q", "-d", str(site)], root, env)


def measure_site(site: Path) -> dict[str, Any]:
    """Sizes of the built site: total, HTML, procedure pages (median/max), first visit (gzip)."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = sorted((p.stat().st_size, p) for p in (site / "thu-tuc").glob("*/index.html"))
    median_size, median_page = pages[len(pages) // 2]
    return {
        "site_mb": round(sum(p.stat().st_size for p in files) / 2**20, 1),
        "html_mb": round(sum(p.stat().st_size for p in files if p.suffix == ".html") / 2**20, 1),
        "procedure_pages": len(pages),
        "median_page_kb": round(median_size / 1024, 1),
        "largest_page_kb": round(pages[-1][0] / 1024, 1),
        "median_page_gzip_kb": round(len(gzip.compress(median_page.read_bytes(), 6)) / 1024, 1),
        "all_procedures_page_kb": round((site / "thu-tuc" / "index.html").stat().st_size / 1024),
        "first_visit_gzip_kb": round(first_visit(site, median_page) / 1024),
    }


def first_visit(site: Path, page: Path) -> int:
    """Bytes (gzip) of a first visit to ``page``: the page, linked CSS/JS, and every web font."""
    html = page.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode(), 6))
    for ref in re.findall(r'(?:<link[^>]+rel="stylesheet"[^>]+href|<script[^>]+src)="([^"]+)"', html):
        target = (page.parent / ref.split("?")[0]).resolve()
        if target.is_file():
            total += len(gzip.compress(target.read_bytes(), 6))
    total += sum(p.stat().st_size for p in (site / "assets" / "fonts").rglob("*.woff2"))
    return total


def build_naive(root: Path, work: Path) -> dict[str, float]:
    """The same page bodies as Markdown with stock Material, auto nav and Material search."""
    from generator.build import generate_pages, read
    from generator.core.build_context import make_build_context

    catalogue, _ = read(root, dt.date.fromisoformat(AS_OF))
    ctx = make_build_context(catalogue)
    docs = work / "docs"
    shutil.rmtree(work, ignore_errors=True)
    for page in generate_pages(catalogue, ctx):
        if page.kind not in ("procedure", "index"):
            continue
        target = docs / (page.path + "index.md" if page.path else "index.md")
        target.parent.mkdir(parents=True, exist_ok=True)
        title = json.dumps(page.title, ensure_ascii=False)
        target.write_text(f"---\ntitle: {title}\n---\n\n{page.render().html}\n", encoding="utf-8")
    (work / "mkdocs.yml").write_text(
        "site_name: Naive\ntheme:\n  name: material\n  language: vi\nplugins:\n  - search\n", encoding="utf-8"
    )
    result = timed([str(MKDOCS), "build", "-q"], work, {**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    pages = sorted(p.stat().st_size for p in (work / "site" / "thu-tuc").glob("*/index.html"))
    result["median_page_kb"] = round(pages[len(pages) // 2] / 1024, 1)
    result["site_mb"] = round(
        sum(p.stat().st_size for p in (work / "site").rglob("*") if p.is_file()) / 2**20, 1
    )
    return result


def run(size: int, naive: bool) -> dict[str, Any]:
    """Every measurement for one catalogue size."""
    root = make_catalogue(OUT / f"site-synth-{size}", size)  # own folder: other benchmarks use synth-N
    posters = writer_names("poster")
    row: dict[str, Any] = {"procedures": size}
    row["full"] = build_ours(root, OUT / f"site-{size}", skip=posters)
    row["site_only"] = build_ours(root, OUT / f"site-{size}", skip=posters + writer_names("search"))
    row.update(measure_site(OUT / f"site-{size}"))
    if naive:
        row["naive"] = build_naive(root, OUT / f"naive-{size}")
    print(json.dumps(row, ensure_ascii=False), flush=True)
    return row


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 2000, 10000])
    parser.add_argument("--naive", type=int, nargs="*", default=[300, 2000])
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    rows = [run(size, size in args.naive) for size in args.sizes]
    (OUT / "site-bench.json").write_text(
        json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
