"""Lighthouse 12 and axe-core on every page kind of the sample site, served behind gzip (issue 12).

Builds the sample site (``mkdocs build --strict``, posters skipped), serves it with a small
threaded static server that gzips text responses and answers unknown addresses with 404.html (what
docs/operators.md configures on nginx/Apache/Caddy), then for home, finder, a field, an office, all
procedures, the longest and the shortest procedure and the 404 page runs:

- Lighthouse (npm ``lighthouse@12.2.3``, ``--lighthouse``) against Debian's /usr/bin/chromium, mobile
  (Lighthouse's default emulation and throttling) and ``--preset=desktop``: the performance,
  accessibility, best-practices and SEO scores and the CLS, median of ``--runs`` runs;
- axe-core (the vendored tests/browser/vendor/axe.min.js, every rule, best practices included)
  injected with Playwright at 360 and 1280 px: the number of violations of any impact.

Run: ``.venv/bin/python bench/lighthouse_bench.py --lighthouse /path/to/node_modules/.bin/lighthouse``
(install with ``npm install lighthouse@12.2.3`` in any folder). Figures go to
``bench/_out/lighthouse-bench.json`` and a Markdown table on standard output (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "_out"
AXE = ROOT / "tests" / "browser" / "vendor" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it; unknown paths get 404.html with status 404."""

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return self._send(Path(self.directory) / "404.html", 404)
        return self._send(path, 200)

    def _send(self, path: Path, status: int) -> Any:
        body = path.read_bytes()
        kind = self.guess_type(str(path))
        if kind.startswith("text/") or kind == "application/javascript":
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(GZIP_TYPES):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        hashed = any(part.isalnum() and len(part) == 10 for part in path.name.split(".")[1:-1])
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if hashed else "no-cache")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args: Any) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        return None


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``site`` on 127.0.0.1 (random port); return the server and its base URL."""
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def page_kinds(site: Path) -> dict[str, str]:
    """The page of each kind: the longest and shortest procedure by HTML size, the first office."""
    by_size = sorted((site / "thu-tuc").glob("*/index.html"), key=lambda p: p.stat().st_size)
    office = sorted(p.parent.name for p in (site / "co-quan").glob("*/index.html"))[0]
    return {
        "home": "",
        "finder": "tra-cuu/",
        "field": "linh-vuc/ho-tich/",
        "office": f"co-quan/{office}/",
        "all-procedures": "thu-tuc/",
        "long-procedure": f"thu-tuc/{by_size[-1].parent.name}/",
        "short-procedure": f"thu-tuc/{by_size[0].parent.name}/",
        "not-found": "khong-co-trang-nay/",
    }


def lighthouse(binary: str, url: str, *, desktop: bool) -> dict[str, float]:
    """One Lighthouse run: the four category scores (0–100) and the CLS.

    The report goes to a file: on a 404 page Lighthouse exits before a piped stdout is flushed.
    """
    report_file = Path(tempfile.mkdtemp(prefix="ck-lh-")) / "report.json"
    command = [
        binary,
        url,
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--output=json",
        f"--output-path={report_file}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        *(["--preset=desktop"] if desktop else []),
    ]
    subprocess.run(command, capture_output=True, text=True, timeout=600)
    report = json.loads(report_file.read_text(encoding="utf-8"))
    if report.get("runtimeError"):  # e.g. a page served with status 404: Lighthouse will not score it
        return {**dict.fromkeys((*CATEGORIES, "cls")), "failing": [report["runtimeError"]["code"]]}  # type: ignore[dict-item]
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    scores["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    failing = [
        audit_id
        for name in CATEGORIES[1:]
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] and (report["audits"][audit_id := ref["id"]]["score"] or 0) < 1
    ]
    return {**scores, "failing": failing}  # type: ignore[dict-item]


def axe_counts(url: str) -> dict[str, list[str]]:
    """axe-core violations (every rule) at 360 and 1280 px, as «rule (impact)»."""
    from playwright.sync_api import sync_playwright

    found: dict[str, list[str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width in (360, 1280):
            tab = browser.new_page(viewport={"width": width, "height": 800})
            tab.goto(url)
            tab.wait_for_load_state("networkidle")
            tab.add_script_tag(path=str(AXE))
            result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            found[str(width)] = [f"{v['id']} ({v['impact']})" for v in result["violations"]]
            tab.close()
        browser.close()
    return found


def build_site() -> Path:
    """The sample site, built strictly into a temporary folder (posters skipped)."""
    dest = Path(tempfile.mkdtemp(prefix="ck-lighthouse-")) / "site"
    env = {**os.environ, "CONGKHAI_SKIP_WRITERS": "write_site_posters", "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    subprocess.run([str(mkdocs), "build", "--strict", "-q", "-d", str(dest)], cwd=ROOT, env=env, check=True)
    return dest


def median_run(binary: str, url: str, *, desktop: bool, runs: int) -> dict[str, Any]:
    """The median of each figure over ``runs`` Lighthouse runs (and the failing audits of the last)."""
    results = [lighthouse(binary, url, desktop=desktop) for _ in range(runs)]
    medians: dict[str, Any] = {key: _median([r[key] for r in results]) for key in (*CATEGORIES, "cls")}
    medians["failing"] = results[-1]["failing"]
    return medians


def _median(values: list[float | None]) -> float | None:
    """The median of the runs that gave a figure (None when none did: Lighthouse does not score a 404)."""
    scored = [v for v in values if v is not None]
    return statistics.median(scored) if scored else None


def _cell(value: float | None, digits: int = 0) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def table(results: dict[str, Any]) -> str:
    """The Markdown table for docs/benchmarks.md."""
    lines = [
        "| page | mobile perf | mobile CLS | desktop perf | desktop CLS | a11y | best practices | SEO "
        "| axe 360 / 1280 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, row in results.items():
        mobile, desktop, axe = row["mobile"], row["desktop"], row["axe"]
        cells = [
            _cell(mobile["performance"]),
            _cell(mobile["cls"], 3),
            _cell(desktop["performance"]),
            _cell(desktop["cls"], 3),
            *(_cell(mobile[name]) for name in CATEGORIES[1:]),
        ]
        lines.append(f"| {kind} | {' | '.join(cells)} | {len(axe['360'])} / {len(axe['1280'])} |")
    return "\n".join(lines)


def main() -> None:
    """Build, serve, measure every page kind; print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", default="lighthouse", help="the lighthouse 12.2.3 command")
    parser.add_argument("--site", type=Path, help="an already built site folder (default: build one)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page and form factor")
    parser.add_argument("--only", nargs="*", help="page kinds to measure (default: all)")
    args = parser.parse_args()
    site = args.site or build_site()
    server, base = serve(site)
    results: dict[str, Any] = {}
    for kind, path in page_kinds(site).items():
        if args.only and kind not in args.only:
            continue
        url = base + path
        results[kind] = {
            "mobile": median_run(args.lighthouse, url, desktop=False, runs=args.runs),
            "desktop": median_run(args.lighthouse, url, desktop=True, runs=args.runs),
            "axe": axe_counts(url),
        }
        print(kind, json.dumps(results[kind], ensure_ascii=False), file=sys.stderr, flush=True)
    server.shutdown()
    OUT.mkdir(exist_ok=True)
    (OUT / "lighthouse-bench.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
