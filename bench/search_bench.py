"""Benchmark the search on the synthetic catalogue: index size, build time, query time, first results.

Usage::

    .venv/bin/python bench/search_bench.py                      # N = 2000, sizes + Node timings
    .venv/bin/python bench/search_bench.py --site DIR --browser # + throttled Chromium on a built site

``--site`` is a site built from the same synthetic catalogue (``mkdocs build`` in the folder that
``bench/synth.py`` wrote); without it only the index files are built and measured.
Prints Markdown tables (copied into docs/benchmarks.md §2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_eval import load_queries, run_node  # noqa: E402
from bench.synth import make_catalogue  # noqa: E402
from generator.reading import read_catalogue  # noqa: E402
from generator.search.fulltext import build_fulltext_payload, iter_text_pages  # noqa: E402
from generator.search.index import build_procedure_payload  # noqa: E402
from generator.search.synonyms import read_synonyms  # noqa: E402
from generator.search.write import dump  # noqa: E402

AS_OF = dt.date(2026, 11, 25)
BROWSER_QUERIES = (
    "dang ky ket hon",
    "dang ki khai sinh",
    "1.001193",
    "lam so do",
    "giay phep xay dung",
    "ho kinh doanh",
    "tach so hong",
    "cap lai gcn qsdd",
    "me toi vua qua doi",
    "ba ngoai 80 tuoi khong co luong huu",
)


def build_indexes(root: Path, out: Path, site: Path | None) -> dict[str, Any]:
    """Build both index files for the catalogue at ``root`` into ``out``; return sizes and timings."""
    started = time.perf_counter()
    catalogue, issues = read_catalogue(root, AS_OF)
    if catalogue is None:
        raise SystemExit("\n".join(i.format() for i in issues))
    read_s = time.perf_counter() - started
    synonyms, _ = read_synonyms(root)
    figures: dict[str, Any] = {"procedures": len(catalogue.procedures), "read_s": read_s}
    pages = list(iter_text_pages(root, site)) if site else []
    for name, make in (
        ("procedures", lambda: build_procedure_payload(catalogue, synonyms)),
        ("fulltext", lambda: build_fulltext_payload(catalogue, pages)),
    ):
        started = time.perf_counter()
        data = dump(make())
        figures[f"{name}_build_s"] = time.perf_counter() - started
        (out / f"{name}.json").write_bytes(data)
        figures[f"{name}_raw"] = len(data)
        figures[f"{name}_gzip"] = len(gzip.compress(data, compresslevel=9))
    return figures


def node_timings(index: Path, queries: list[str]) -> dict[str, float]:
    """Load time and per-query time (best of 5 runs per query) in Node, unthrottled."""
    answer = run_node(index, queries, k=8, repeat=5)
    times = sorted(answer["times_ms"])
    return {
        "load_ms": answer["load_ms"],
        "median_ms": statistics.median(times),
        "p95_ms": times[int(0.95 * (len(times) - 1))],
        "max_ms": times[-1],
    }


def browser_timings(site: Path, queries: tuple[str, ...], rate: float) -> dict[str, Any]:
    """Throttled Chromium: time from the load event to the first result, and per-query time."""
    from bench.search_browser import measure

    return measure(site, queries, rate)


def table(figures: dict[str, Any]) -> str:
    """The figures as a two-column Markdown table."""
    lines = ["| measure | value |", "|---|---:|"]
    for key, value in figures.items():
        shown = (
            f"{value:,.1f}"
            if isinstance(value, float)
            else f"{value:,}"
            if isinstance(value, int)
            else str(value)
        )
        lines.append(f"| {key} | {shown} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--root", type=Path, help="an existing synthetic catalogue (default: make one)")
    parser.add_argument("--site", type=Path, help="a site built from that catalogue")
    parser.add_argument(
        "--browser", action="store_true", help="also measure in throttled Chromium (needs --site)"
    )
    parser.add_argument("--rate", type=float, default=4.0, help="CPU slowdown for Chromium (CDP)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = args.root or make_catalogue(Path(tmp) / f"synth-{args.count}", args.count)
        out = Path(tmp) / "out"
        out.mkdir()
        figures = build_indexes(root, out, args.site)
        queries = [q.text for q in load_queries()]
        figures.update({f"node_{k}": v for k, v in node_timings(out / "procedures.json", queries).items()})
        if args.browser and args.site:
            figures.update(browser_timings(args.site, BROWSER_QUERIES, args.rate))
    print(table(figures))
    print(json.dumps(figures, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
