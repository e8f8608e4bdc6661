"""Benchmark: check + SVG map of a plan with N polygons (default 400), and the sample plan page weight.

Run: ``.venv/bin/python bench/plans/bench_map.py [N] [SITE_DIR]`` (SITE_DIR: a built site, for page weight).
Prints the median of 5 runs for reading + checking the plan and for rendering its map, the SVG size
raw and gzipped, and, when SITE_DIR is given, the plan page's HTML and first-load weight.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from sample_geometry import synthetic  # noqa: E402

from generator.core.jinja import page_environment  # noqa: E402
from generator.plans.checks import run_plan_checks  # noqa: E402
from generator.plans.geometry import area_m2, projection_for  # noqa: E402
from generator.plans.read import read_plans  # noqa: E402
from generator.plans.svgmap import plan_map  # noqa: E402

HEADER = """name: Kế hoạch thử tải
kind: ke_hoach_hang_nam
level: xa
regime: luat-dat-dai-2024
code_list: tt08-2024
legal_basis: [{number: 31/2024/QH15, title: Luật Đất đai}]
area: {province_code: "31", province: Thành phố Hải Phòng, commune_code: "10990", commune: Xã Tân Hưng}
period: {start: 2026-01-01, end: 2026-12-31}
approval: {number: 1/QĐ-UBND, date: 2026-01-10, issuer: UBND thành phố Hải Phòng}
publication: {published_on: 2026-01-20}
geodata: {file: plan.geojson}
projects:
"""


def write_plan(folder: Path, count: int) -> None:
    data = synthetic(count)
    folder.mkdir(parents=True)
    (folder / "plan.geojson").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    lines = [HEADER]
    for feature in data["features"][1:]:  # type: ignore[index]
        ring = tuple(tuple(p) for p in feature["geometry"]["coordinates"][0])
        area = area_m2([(ring,)], projection_for([(ring,)])) / 10_000
        code = feature["properties"]["code"]
        lines.append(
            f"  - {{id: {feature['id']}, name: Công trình {feature['id']}, code: {code}, "
            f"area_ha: {area:.4f}, "
            "recovery: true, status: moi, first_listed: 2026}\n"
        )
    (folder / "plan.yaml").write_text("".join(lines), encoding="utf-8")


def median_time(func: object, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_plan(root / "content" / "plans" / "thu-tai", count)
        entries, issues, _ = read_plans(root, dt.date(2026, 11, 25))
        issues += run_plan_checks(entries, dt.date(2026, 11, 25))
        assert entries and not [i for i in issues if i.severity.value == "error"], [
            i.format() for i in issues[:5]
        ]
        day = dt.date(2026, 11, 25)
        check = median_time(lambda: run_plan_checks(read_plans(root, day)[0], day))
        env = page_environment()
        template = env.get_template("plans/map-file.svg")
        svg = template.render(page=plan_map(entries[0]))
        render = median_time(lambda: template.render(page=plan_map(entries[0])))
    raw, packed = len(svg.encode()), len(gzip.compress(svg.encode(), 9))
    print(
        f"{count} polygons: read + check {check * 1000:.0f} ms; map (geometry + SVG) {render * 1000:.0f} ms; "
        f"SVG {raw / 1024:.0f} KB, {packed / 1024:.0f} KB gzip"
    )
    if len(sys.argv) > 2:
        site = Path(sys.argv[2])
        html = (site / "quy-hoach" / "khsdd-2026-xa-tan-hung" / "index.html").read_bytes()
        assets = [site / "assets" / p for p in ("stylesheets/plans.css", "javascripts/plan-lookup.js")]
        extra = sum(len(gzip.compress(p.read_bytes(), 9)) for p in assets)
        print(
            f"sample plan page: HTML {len(html) / 1024:.0f} KB, "
            f"{len(gzip.compress(html, 9)) / 1024:.0f} KB gzip; "
            f"plan CSS + JS {extra / 1024:.1f} KB gzip; first load {first_load(site) / 1024:.0f} KB gzip"
        )


def first_load(site: Path) -> int:
    """Gzipped bytes of everything Chromium fetches to show the plan page (fonts, CSS, JS, data)."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return None

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    total = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        responses: list[object] = []
        page.on("response", lambda r: responses.append(r) if r.status == 200 else None)
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/quy-hoach/khsdd-2026-xa-tan-hung/")
        page.wait_for_load_state("networkidle")
        total = sum(len(gzip.compress(r.body(), 9)) for r in responses)  # type: ignore[attr-defined]
        browser.close()
    server.shutdown()
    return total


if __name__ == "__main__":
    main()
