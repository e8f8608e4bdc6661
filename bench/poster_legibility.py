"""Poster legibility on the sample catalogue: font size per printed character, and sheet counts.

Usage::

    .venv/bin/python bench/poster_legibility.py                       # render the sample, then measure
    .venv/bin/python bench/poster_legibility.py --posters site/posters  # measure posters already built
    .venv/bin/python bench/poster_legibility.py --cost                  # CPU per sheet (Renderer.pdf)
    .venv/bin/python bench/poster_legibility.py --paper A3 --body-size 15  # the sample, printed on A3

Renders every procedure and office index poster of the repository's sample catalogue (as of
2026-12-03, A4, plan sheets left out) into ``bench/_out/legibility`` with the real poster stage, then
reads each PDF with pypdf: every shown glyph's size is its font size times the text and
transformation matrices' scale, so the figure is what lands on paper. Prints a Markdown table for
docs/benchmarks.md (§ Poster legibility): the share of characters at the body size (≥ 15 pt on A4,
≥ 21 pt on A3) per poster kind — median and worst sheet — and the sheet counts: how many short
procedures fit one sheet, and for the index the procedures per sheet and how full its last sheet is.

A «short» procedure is one with at most 4 steps and at most 6 documents.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.reading import read_catalogue  # noqa: E402

AS_OF = dt.date(2026, 12, 3)
BODY = {"A4": 15.0, "A3": 21.0}
TOLERANCE = 0.05
"""Sizes within this many points of the body size count as body size (float rounding in the PDF)."""
SHORT_STEPS, SHORT_DOCUMENTS = 4, 6


@dataclass(frozen=True)
class Sheet:
    """One poster PDF as measured."""

    path: str
    kind: str
    """«procedure» or «index»."""
    pages: int
    chars: int
    body_chars: int
    last_page_chars: int
    page_chars: tuple[int, ...]

    @property
    def body_share(self) -> float:
        """Share of characters at or above the body size."""
        return self.body_chars / self.chars if self.chars else 1.0


def _scale(matrix: list[float]) -> float:
    return math.sqrt(abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]))


def page_sizes(page: object) -> list[tuple[float, int]]:
    """(size in points, characters) of every text run on ``page``."""
    runs: list[tuple[float, int]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        count = sum(1 for ch in text if not ch.isspace())
        if count:
            runs.append((size * _scale(tm) * _scale(cm), count))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return runs


def measure(path: Path, kind: str, body: float) -> Sheet:
    """Character sizes and page counts of one poster PDF."""
    pages = PdfReader(path).pages
    per_page = [page_sizes(page) for page in pages]
    chars = [sum(n for _, n in runs) for runs in per_page]
    body_chars = sum(n for runs in per_page for size, n in runs if size >= body - TOLERANCE)
    return Sheet(str(path), kind, len(pages), sum(chars), body_chars, chars[-1] if chars else 0, tuple(chars))


def render(out: Path, root: Path = ROOT, as_of: dt.date = AS_OF) -> Path:
    """Render a catalogue's posters with the real CLI; returns the posters folder."""
    cmd = [sys.executable, "-m", "generator", "posters", "--root", str(root), "--as-of", as_of.isoformat()]
    cmd += ["--out", str(out / "posters"), "--cache-dir", str(out / "cache"), "--jobs", "2"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:  # e.g. body size 21 on A4: the CLI's own located error
        sys.exit(done.stderr.strip() or done.stdout.strip() or f"{cmd} failed")
    return out / "posters"


def with_posters(root: Path, out: Path, paper: str | None, body_size: int | None) -> Path:
    """``root`` itself, or a copy of its catalogue under ``out`` whose ``posters`` settings say
    ``paper`` and ``body_size`` (the rest of ``content/site.yaml`` as it is)."""
    if paper is None and body_size is None:
        return root
    import shutil

    import yaml

    copy = out / "root"
    shutil.rmtree(copy, ignore_errors=True)
    for name in ("content", "procedures"):
        shutil.copytree(root / name, copy / name)
    shutil.copy2(root / "mkdocs.yml", copy / "mkdocs.yml")
    path = copy / "content" / "site.yaml"
    site = yaml.safe_load(path.read_text(encoding="utf-8"))
    posters = dict(site.get("posters") or {})
    posters.update({k: v for k, v in (("paper", paper), ("body_size", body_size)) if v is not None})
    site["posters"] = posters
    path.write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return copy


def short_slugs(root: Path = ROOT, as_of: dt.date = AS_OF) -> set[str]:
    """Slugs of a catalogue's short procedures (few steps and documents)."""
    cat, _ = read_catalogue(root, as_of)
    assert cat is not None
    return {
        e.slug
        for e in cat.procedures
        if len(e.model.steps) <= SHORT_STEPS
        and sum(len(c.items) for c in e.model.documents) <= SHORT_DOCUMENTS
    }


def sheets(posters: Path) -> tuple[list[Sheet], dict[str, str | None], str]:
    """Every procedure and index sheet of the manifest, measured; and each sheet's procedure slug."""
    manifest = json.loads((posters / "manifest.json").read_text(encoding="utf-8"))
    body = float(manifest.get("body_size") or BODY[manifest["paper"]])
    found, slugs = [], {}
    for item in manifest["sheets"]:
        if item.get("plan"):
            continue
        kind = "procedure" if item["procedure"] else "index"
        found.append(measure(posters / item["path"], kind, body))
        slugs[str(posters / item["path"])] = item["procedure"]
    return found, slugs, manifest["paper"]


def _pct(value: float) -> str:
    return f"{100 * value:.0f} %"


def report(
    found: list[Sheet],
    slugs: dict[str, str | None],
    short: set[str],
    paper: str,
    root: Path = ROOT,
    as_of: dt.date = AS_OF,
) -> str:
    """The Markdown table of the figures."""
    lines = [f"| poster kind ({paper}) | sheets | chars ≥ body size: median | worst | all characters |"]
    lines.append("|---|---:|---:|---:|---:|")
    for kind in ("procedure", "index"):
        group = [s for s in found if s.kind == kind]
        shares = [s.body_share for s in group]
        total = sum(s.body_chars for s in group) / max(1, sum(s.chars for s in group))
        median, worst = _pct(statistics.median(shares)), _pct(min(shares))
        lines.append(f"| {kind} | {len(group)} | {median} | {worst} | {_pct(total)} |")
    procs = [s for s in found if s.kind == "procedure"]
    shorts = [s for s in procs if slugs[s.path] in short]
    pages = sorted(s.pages for s in procs)
    lines.append("")
    lines.append(
        f"- procedure posters: {sum(pages)} sheets,"
        f" median {statistics.median(pages)} a poster, max {max(pages)}"
    )
    thin = sum(
        1 for s in procs if s.pages > 1 and s.page_chars[-1] < statistics.median(s.page_chars[:-1]) / 4
    )
    lines.append(
        f"- procedure posters whose last sheet holds under a quarter of the others' median text: {thin}"
    )
    one = sum(s.pages == 1 for s in shorts)
    limits = f"≤ {SHORT_STEPS} steps, ≤ {SHORT_DOCUMENTS} documents"
    lines.append(f"- short procedures ({limits}) on one sheet: {one} of {len(shorts)}")
    lines.extend(fewest_sheets(procs, shorts, [s for s in found if s.kind == "index"]))
    cat, _ = read_catalogue(root, as_of)
    assert cat is not None
    for s in (s for s in found if s.kind == "index"):
        office = Path(s.path).parent.name
        count = sum(1 for e in cat.procedures if office in e.model.offices and cat.state(e) == "active")
        full = s.last_page_chars / statistics.median(s.page_chars) if s.pages > 1 else 1.0
        lines.append(
            f"- index {office}: {count} procedures on {s.pages} sheets ({count / s.pages:.1f} a sheet), "
            f"last sheet {_pct(full)} of a median sheet's text"
        )
    return "\n".join(lines)


def densest(group: list[Sheet]) -> int:
    """The most characters any full (not last) sheet of the group holds."""
    return max(
        (c for s in group for c in s.page_chars[:-1]), default=max((s.chars for s in group), default=1)
    )


def fewest_sheets(procs: list[Sheet], shorts: list[Sheet], indexes: list[Sheet]) -> list[str]:
    """How many sheets each poster's text needs at least: its characters over the densest full
    sheet's of its kind (a bound no layout at the body size can beat), against the sheets it takes."""
    lines = []
    for kind, group in (("procedure posters", procs), ("office indexes", indexes)):
        if not group:
            continue
        dense = densest(group)
        need = {s.path: max(1, math.ceil(s.chars / dense)) for s in group}
        over = [s for s in group if s.pages > need[s.path]]
        extra = sum(s.pages - need[s.path] for s in over)
        lines.append(
            f"- {kind} on more sheets than their text needs at the densest sheet's rate ({dense} "
            f"characters a sheet): {len(over)} of {len(group)}, {extra} sheets more in all"
        )
    if shorts:
        dense = densest(procs)
        fits = sum(s.chars <= dense for s in shorts)
        small = min(s.chars for s in shorts)
        lines.append(
            f"- short procedures whose whole text fits the densest sheet: {fits} of {len(shorts)} "
            f"(the shortest prints {small} characters, {small / dense:.1f} sheets)"
        )
    return lines


def cost(root: Path = ROOT, as_of: dt.date = AS_OF) -> str:
    """CPU time per procedure and index sheet: every sheet compiled in turn by one ``Renderer``
    (fonts loaded once, the first compile left out of the mean as a warm-up), like §3.5."""
    import time

    from generator.posters.plan import plan_sheets
    from generator.posters.render import Renderer
    from generator.posters.theme import load_theme

    cat, _ = read_catalogue(root, as_of)
    assert cat is not None
    todo = [s for s in plan_sheets(cat, load_theme()) if s.plan is None]
    renderer = Renderer(load_theme())
    renderer.pdf(todo[0].poster, todo[0].stamp)
    start = time.process_time()
    for sheet in todo:
        renderer.render(sheet.poster, sheet.stamp)  # as the build does: page count, a tight layout if due
    spent = time.process_time() - start
    tight = getattr(renderer, "tight_tried", 0), getattr(renderer, "tight_kept", 0)
    return (
        f"- {len(todo)} sheets rendered in {spent:.2f} s CPU: {1000 * spent / len(todo):.0f} ms a sheet"
        f" ({tight[0]} tight layouts tried, {tight[1]} kept)"
    )


def main() -> None:
    """Render (unless --posters is given), measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posters", type=Path, help="measure this posters folder instead of rendering")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "_out" / "legibility")
    parser.add_argument("--root", type=Path, default=ROOT, help="catalogue to render (default: the sample)")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=AS_OF, help="build date")
    parser.add_argument("--cost", action="store_true", help="only time Renderer.pdf per sheet")
    parser.add_argument("--paper", choices=("A4", "A3"), help="print the catalogue on this paper")
    parser.add_argument("--body-size", type=int, choices=(15, 21), help="and at this body size (pt)")
    args = parser.parse_args()
    if not args.posters:
        args.root = with_posters(args.root, args.out, args.paper, args.body_size)
    if args.cost:
        print(cost(args.root, args.as_of))
        return
    posters = args.posters or render(args.out, args.root, args.as_of)
    found, slugs, paper = sheets(posters)
    print(report(found, slugs, short_slugs(args.root, args.as_of), paper, args.root, args.as_of))


if __name__ == "__main__":
    main()
