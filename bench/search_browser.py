"""Search in real Chromium with the CPU slowed down (CDP ``Emulation.setCPUThrottlingRate``).

Measures, on a built site: the time from the page's load event to the first result shown in the
header box when a citizen starts typing right away (cold cache: index, lunr and our scripts are
fetched then), and the time of ``engine.search`` per query once loaded. Used by
``bench/search_bench.py --browser``; runs alone too::

    .venv/bin/python bench/search_browser.py SITE_DIR [--rate 4]
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = ("", "thu-tuc/dang-ky-ket-hon/", "thu-tuc/")
"""Home, a procedure page and the all-procedures table (the heaviest page: N table rows)."""
RUNS = 3

FIRST_RESULT_PROBE = """
(() => {
  const seen = () => document.querySelector('#ck-site-search-results [role=option]');
  new MutationObserver((_, observer) => {
    if (!window.__ckFirst && seen()) { window.__ckFirst = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
  // The citizen types the moment the page has loaded (no automation delay in the figure).
  window.addEventListener('load', () => {
    const input = document.getElementById('ck-site-search-input');
    input.focus();
    input.value = %s;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
})();
"""

QUERY_TIMER = """
async ([indexUrl, queries]) => {
  const payload = await (await fetch(indexUrl)).json();
  const engine = window.CKSearch.createEngine(payload, window.lunr, window.CKFold);
  const times = [];
  for (const q of queries) {
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      engine.search(q, { limit: 8 });
      best = Math.min(best, performance.now() - start);
    }
    times.push(best);
  }
  return times;
}
"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the benchmark output clean."""


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free local port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _first_result_ms(browser: Any, url: str, query: str, rate: float) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})
        page.add_init_script(FIRST_RESULT_PROBE % json.dumps(query))
        page.goto(url, wait_until="load")
        page.wait_for_selector("#ck-site-search-results [role=option]", timeout=30_000)
        delta: float = page.evaluate(
            "() => window.__ckFirst - performance.getEntriesByType('navigation')[0].loadEventEnd"
        )
        return delta
    finally:
        context.close()


def _query_times(browser: Any, base: str, queries: tuple[str, ...], rate: float) -> list[float]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})
        page.goto(base, wait_until="load")
        page.focus("#ck-site-search-input")
        page.wait_for_function("() => window.CKSearch && window.lunr && window.CKFold")
        times: list[float] = page.evaluate(QUERY_TIMER, [base + "search/procedures.json", list(queries)])
        return times
    finally:
        context.close()


def measure(site: Path, queries: tuple[str, ...], rate: float = 4.0) -> dict[str, Any]:
    """First-result delay (median of runs) and per-query times in throttled Chromium."""
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            firsts = {
                page: [_first_result_ms(browser, base + page, queries[0], rate) for _ in range(RUNS)]
                for page in PAGES
            }
            times = sorted(_query_times(browser, base, queries, rate))
        finally:
            browser.close()
    figures: dict[str, Any] = {"chromium_cpu_slowdown": rate}
    for page, values in firsts.items():
        figures[f"chromium_first_result_ms /{page} (median of {RUNS})"] = statistics.median(values)
        figures[f"chromium_first_result_ms /{page} (worst)"] = max(values)
    return {
        **figures,
        "chromium_query_median_ms": statistics.median(times),
        "chromium_query_max_ms": times[-1],
    }


def main() -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--rate", type=float, default=4.0)
    args = parser.parse_args()
    queries = (
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
    for key, value in measure(args.site, queries, args.rate).items():
        print(f"{key}: {value:.1f}" if isinstance(value, float) else f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
