"""Benchmark: every poster of the sample catalogue rendered by both engines, checked side by side.

Usage (before the switch, with WeasyPrint still installed; see docs/benchmarks.md §3)::

    .venv/bin/python bench/poster_engines.py [--root .] [--engines typst,weasyprint]

Per sheet and engine: CPU time, bytes, pages, every fact of the context found in ``pdftotext``
(NFC), the QR code decoded by ``zbarimg`` from a 100 dpi render, and fonts embedded as subsets with
Unicode maps (``pdffonts``). PNGs at 100 dpi of a short, a long, a two-office and an index poster
go to ``bench/_out/engines/png`` to be looked at. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.posters.plan import Sheet, plan_sheets  # noqa: E402
from generator.posters.render import Renderer, Stamp, page_count  # noqa: E402
from generator.posters.theme import load_theme  # noqa: E402
from generator.reading import read_catalogue  # noqa: E402
from tests.posters.conftest import decode_qr  # noqa: E402
from tests.posters.walk import body_text, printed, redundant, string_leaves  # noqa: E402

AS_OF = dt.date(2026, 11, 25)
OUT = ROOT / "bench" / "_out" / "engines"


class Engine(Protocol):
    """What both renderers offer."""

    def render(self, poster: object, stamp: Stamp) -> object: ...


@dataclass(frozen=True)
class Result:
    """One sheet rendered by one engine, and what the checks found."""

    path: str
    cpu: float
    size: int
    pages: int
    missing: tuple[str, ...]
    qr_ok: bool
    fonts_ok: bool


def make_engine(name: str) -> Engine:
    """A renderer of the named engine."""
    if name == "typst":
        return Renderer(load_theme())
    from bench.weasyprint_legacy.render import Renderer as WeasyRenderer
    from bench.weasyprint_legacy.theme import load_theme as weasy_theme

    return WeasyRenderer(weasy_theme())  # type: ignore[no-any-return]


def fonts_ok(pdf: Path) -> bool:
    """Every font embedded, subset, with a ToUnicode map, and Be Vietnam Pro."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    names = ("BeVietnamPro", "Poster-Sans")  # WeasyPrint names the files by their CSS family
    return bool(rows) and all(r[-5:-2] == ["yes"] * 3 and any(n in r[0] for n in names) for r in rows)


def check(sheet: Sheet, pdf: Path, cpu: float) -> Result:
    """Run the checks on one rendered sheet."""
    text = body_text(pdf, sheet.poster.office.hotline)
    missing = tuple(
        "/".join(map(str, path))
        for path, value in string_leaves(sheet.poster)
        if not redundant(sheet.poster, path) and not printed(value, text)
    )
    with tempfile.TemporaryDirectory() as tmp:
        qr = decode_qr(pdf, Path(tmp)) == [sheet.poster.url]
    return Result(
        sheet.path, cpu, pdf.stat().st_size, page_count(pdf.read_bytes()), missing, qr, fonts_ok(pdf)
    )


def run_engine(name: str, sheets: list[Sheet]) -> list[Result]:
    """Render every sheet with one engine (one process, warm after the first), then check each."""
    engine = make_engine(name)
    results = []
    for sheet in sheets:
        start = time.process_time()
        rendered = engine.render(sheet.poster, sheet.stamp)
        cpu = time.process_time() - start
        target = OUT / name / sheet.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(rendered.pdf)  # type: ignore[attr-defined]
        results.append(check(sheet, target, cpu))
    return results


def showcase(sheets: list[Sheet], results: list[Result]) -> dict[str, str]:
    """The short, long, two-office and index posters to look at (label → sheet path)."""
    pages = {r.path: r.pages for r in results}
    procedures = [s for s in sheets if s.procedure]
    offices = Counter(s.procedure for s in procedures)
    two = next(s for s in procedures if offices[s.procedure] > 1)
    index = max((s for s in sheets if not s.procedure), key=lambda s: pages[s.path])
    return {
        "short": min(procedures, key=lambda s: (pages[s.path], len(repr(s.poster)))).path,
        "long": max(procedures, key=lambda s: (pages[s.path], len(repr(s.poster)))).path,
        "two-office-a": two.path,
        "two-office-b": next(s.path for s in procedures if s.procedure == two.procedure and s != two),
        "index": index.path,
    }


def write_pngs(engines: list[str], chosen: dict[str, str]) -> None:
    """Render the chosen sheets of each engine at 100 dpi into OUT/png."""
    folder = OUT / "png"
    folder.mkdir(parents=True, exist_ok=True)
    for engine in engines:
        for label, path in chosen.items():
            prefix = folder / f"{engine}-{label}"
            subprocess.run(
                ["pdftoppm", "-r", "100", "-png", str(OUT / engine / path), str(prefix)], check=True
            )


def summary(name: str, results: list[Result]) -> str:
    """One Markdown row for an engine."""
    cpu = [r.cpu for r in results]
    pages = sum(r.pages for r in results)
    median_kb = statistics.median(r.size for r in results) / 1024
    total_mb = sum(r.size for r in results) / 2**20
    return (
        f"| {name} | {len(results)} | {pages} | {statistics.median(cpu) * 1000:.0f} ms "
        f"| {sum(cpu) / pages * 1000:.0f} ms | {sum(cpu):.1f} s "
        f"| {median_kb:.0f} KB | {total_mb:.1f} MB "
        f"| {sum(1 for r in results if r.missing)} | {sum(1 for r in results if not r.qr_ok)} "
        f"| {sum(1 for r in results if not r.fonts_ok)} |"
    )


def main() -> None:
    """Render, check, compare, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--engines", default="typst,weasyprint")
    args = parser.parse_args()
    cat, issues = read_catalogue(args.root, AS_OF)
    assert cat is not None, [i.format() for i in issues][:5]
    sheets = plan_sheets(cat, load_theme())
    engines = args.engines.split(",")
    results = {name: run_engine(name, sheets) for name in engines}
    print(
        "| engine | sheets | pages | CPU per sheet (median) | CPU per page | CPU total | size (median) "
        "| size total | sheets missing a fact | QR not decoded | fonts not embedded |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in engines:
        print(summary(name, results[name]))
    if len(engines) == 2:
        a, b = (results[name] for name in engines)
        diff = [(x.path, x.pages, y.pages) for x, y in zip(a, b, strict=True) if x.pages != y.pages]
        print(f"\nPage counts differ on {len(diff)} of {len(a)} sheets ({engines[0]} vs {engines[1]}):")
        for path, pa, pb in diff:
            print(f"- {path}: {pa} vs {pb}")
    for name in engines:
        for r in results[name]:
            if r.missing or not r.qr_ok or not r.fonts_ok:
                print(f"{name} {r.path}: missing {list(r.missing)[:3]} qr={r.qr_ok} fonts={r.fonts_ok}")
    chosen = showcase(sheets, results[engines[0]])
    write_pngs(engines, chosen)
    print("\nPNGs in", OUT / "png", json.dumps(chosen, ensure_ascii=False))


if __name__ == "__main__":
    main()
