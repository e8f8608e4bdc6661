"""Full-text search, measured two ways on a built site: our second lunr index vs Pagefind.

Runs ``tests/search/fulltext_queries.yaml`` through (a) ``search/fulltext.json`` with the shipped
lunr.js + fold.js + engine.js in Node, and (b) Pagefind (PyPI ``pagefind[bin]``, run on the same
built site) in real Chromium, and reports recall, index size and bytes per cold query::

    .venv/bin/python bench/search_fulltext.py SITE_DIR            # a site built by mkdocs build
    .venv/bin/python bench/search_fulltext.py SITE_DIR --sizes-only   # size and build time only

Pagefind writes its bundle into SITE_DIR/pagefind (delete it afterwards).
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from bench.search_eval import run_node  # noqa: E402

QUERIES = ROOT / "tests" / "search" / "fulltext_queries.yaml"
ROOT_SELECTOR = "article.md-content__inner"

PAGEFIND_SEARCH = """
async (q) => {
  const pagefind = await import('./pagefind/pagefind.js');
  await pagefind.options({ excerptLength: 20 });
  const search = await pagefind.search(q);
  const top = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  return top.map((d) => d.url);
}
"""


@dataclass(frozen=True)
class FullTextQuery:
    """A full-text query and the pages that answer it."""

    text: str
    want: frozenset[str]


def load_queries() -> list[FullTextQuery]:
    """Read the full-text evaluation set."""
    items: list[dict[str, Any]] = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return [FullTextQuery(str(i["q"]), frozenset(i["want"])) for i in items]


def recall(queries: list[FullTextQuery], results: list[list[str]], k: int) -> float:
    """Share of queries with an answering page in the top ``k``."""
    hits = sum(1 for q, urls in zip(queries, results, strict=True) if q.want & set(urls[:k]))
    return hits / len(queries)


def lunr_results(site: Path, queries: list[FullTextQuery]) -> list[list[str]]:
    """Top-5 addresses from the second lunr index, in Node."""
    answer = run_node(site / "search" / "fulltext.json", [q.text for q in queries], k=5)
    return [list(urls) for urls in answer["results"]]


def build_pagefind(site: Path) -> float:
    """Run Pagefind over the built site; return its wall time in seconds."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", ROOT_SELECTOR],
        check=True,
        capture_output=True,
        timeout=1800,
    )
    return time.perf_counter() - started


def folder_bytes(folder: Path) -> tuple[int, int]:
    """Total bytes and file count of a folder."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def pagefind_results(site: Path, queries: list[FullTextQuery]) -> tuple[list[list[str]], list[int]]:
    """Top-5 addresses and bytes downloaded per cold query, Pagefind in Chromium."""
    from playwright.sync_api import sync_playwright

    results: list[list[str]] = []
    downloaded: list[int] = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + "gioi-thieu/", wait_until="load")
            responses: list[Any] = []
            page.on("response", lambda r, seen=responses: seen.append(r) if "/pagefind/" in r.url else None)
            urls = page.evaluate(PAGEFIND_SEARCH.replace("./pagefind", base + "pagefind"), query.text)
            results.append([u.lstrip("/") for u in urls])
            downloaded.append(sum(len(r.body()) for r in responses))
            context.close()
        browser.close()
    return results, downloaded


def report(
    queries: list[FullTextQuery], ours: list[list[str]], theirs: list[list[str]], downloaded: list[int]
) -> None:
    """Print the recall table, Pagefind's bytes per query and the verdict per query."""
    print("| engine | recall@1 | recall@5 | unaccented recall@5 |")
    print("|---|---:|---:|---:|")
    plain = [i for i, q in enumerate(queries) if q.text.isascii()]
    for name, res in (("lunr (fulltext.json)", ours), ("Pagefind", theirs)):
        at1, at5 = recall(queries, res, 1), recall(queries, res, 5)
        plain5 = recall([queries[i] for i in plain], [res[i] for i in plain], 5)
        print(f"| {name} | {at1:.2f} | {at5:.2f} | {plain5:.2f} |")
    median = sorted(downloaded)[len(downloaded) // 2]
    print(f"Pagefind bytes per cold query: median {median:,}, max {max(downloaded):,}")
    for q, a, b in zip(queries, ours, theirs, strict=True):
        verdict = ["ok" if q.want & set(urls) else "MISS" for urls in (a, b)]
        print(f"{q.text!r}: lunr {verdict[0]}, pagefind {verdict[1]}")


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--sizes-only", action="store_true")
    args = parser.parse_args(argv)
    site: Path = args.site
    data = (site / "search" / "fulltext.json").read_bytes()
    seconds = build_pagefind(site)
    bundle, files = folder_bytes(site / "pagefind")
    print(f"lunr full-text index: {len(data):,} B raw, {len(gzip.compress(data, 9)):,} B gzip, one file")
    print(f"Pagefind: {seconds:.1f} s, bundle {bundle:,} B in {files} files")
    if args.sizes_only:
        return 0
    queries = load_queries()
    theirs, downloaded = pagefind_results(site, queries)
    report(queries, lunr_results(site, queries), theirs, downloaded)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
