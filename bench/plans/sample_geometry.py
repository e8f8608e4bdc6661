"""Dev tool: the sample plans' GeoJSON (xã Tân Hưng, Hải Phòng — fictional) and synthetic benchmark plans.

Shapes are drawn in metres on a local plane around a point in the Hải Phòng plain and projected to
WGS84 with the same local projection the checks use, rounded to 6 decimals (≈ 0.1 m). Run:
``.venv/bin/python bench/plans/sample_geometry.py`` (prints each project's area to copy into plan.yaml).
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator.plans.geometry import LocalProjection, area_m2, signed_area  # noqa: E402

CENTRE = LocalProjection(106.3550, 20.9150)
Shape = list[tuple[float, float]]


def closed_ccw(points: Shape) -> Shape:
    ring = list(points)
    if signed_area([*ring, ring[0]]) < 0:
        ring.reverse()
    return [*ring, ring[0]]


def rect(cx: float, cy: float, w: float, h: float, angle: float = 0.0) -> Shape:
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
    return closed_ccw([(cx + x * c - y * s, cy + x * s + y * c) for x, y in corners])


def blob(cx: float, cy: float, r: float, seed: int, n: int = 14, wobble: float = 0.18) -> Shape:
    rnd = random.Random(seed)
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        k = 1 + wobble * (rnd.random() * 2 - 1)
        pts.append((cx + r * k * math.cos(t) * 1.25, cy + r * k * math.sin(t) * 0.85))
    return closed_ccw(pts)


def corridor(line: Shape, width: float) -> Shape:
    """A buffer of a polyline with mitred joins (a road or a canal)."""
    left, right = [], []
    for i, (x, y) in enumerate(line):
        a = line[max(i - 1, 0)]
        b = line[min(i + 1, len(line) - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = math.hypot(dx, dy)
        ox, oy = -dy / n * width / 2, dx / n * width / 2
        left.append((x + ox, y + oy))
        right.append((x - ox, y - oy))
    return closed_ccw(left + right[::-1])


def boundary() -> Shape:
    pts = []
    for i in range(56):
        t = 2 * math.pi * i / 56
        r = 1.0 + 0.10 * math.sin(3 * t + 1.0) + 0.05 * math.sin(7 * t + 0.3) + 0.03 * math.sin(13 * t)
        pts.append((2300 * r * math.cos(t), 1750 * r * math.sin(t)))
    return closed_ccw(pts)


def to_lonlat(ring: Shape) -> list[list[float]]:
    return [[round(v, 6) for v in CENTRE.inverse(p)] for p in ring]


def feature(fid: str, layer: str, ring: Shape, code: str | None = None) -> dict[str, object]:
    props: dict[str, object] = {"layer": layer}
    if code:
        props["code"] = code
    return {
        "type": "Feature",
        "id": fid,
        "properties": props,
        "geometry": {"type": "Polygon", "coordinates": [to_lonlat(ring)]},
    }


ZONES = [
    ("K-01", "LUC", blob(-1100, 400, 520, 1, 16, 0.12)),
    ("K-02", "LUC", blob(900, -700, 560, 2, 16, 0.12)),
    ("K-03", "ONT", blob(-300, 950, 330, 3)),
    ("K-04", "ONT", blob(500, 300, 300, 4)),
    ("K-05", "ONT", blob(-700, -750, 280, 5)),
    ("K-06", "NTS", blob(1500, 650, 200, 6)),
    ("K-07", "HNK", blob(-1550, -300, 220, 7)),
    ("K-08", "CLN", blob(200, -1250, 220, 8)),
]

PROJECTS = [
    ("CT-01", "DGT", corridor([(-1900, -100), (-900, 50), (100, 80), (1100, 250), (1900, 380)], 8)),
    ("CT-02", "DGT", corridor([(-300, 600), (-250, 950), (-150, 1250)], 6)),
    ("CT-03", "DGD", rect(-420, 780, 80, 70, 12)),
    ("CT-04", "DGD", rect(620, 120, 50, 40, -8)),
    ("CT-05", "ONT", blob(-700, -420, 80, 11)),
    ("CT-06", "ONT", blob(-150, 1150, 55, 12)),
    ("CT-07", "DKV", rect(-980, -620, 65, 55, 5)),
    ("CT-08", "NTD", blob(1350, -150, 65, 13)),
    ("CT-09", "DTL", corridor([(-1500, 700), (-1000, 720), (-500, 420)], 10)),
    ("CT-10", "DCH", rect(150, 260, 75, 60, 20)),
    ("CT-11", "SKN", blob(1200, -1050, 160, 14, 12, 0.1)),
    ("CT-12", "DNL", rect(1700, -500, 60, 50, 0)),
    ("CT-13", "DRA", rect(-1750, 350, 40, 38, 30)),
    ("CT-14", "DYT", rect(430, 470, 55, 45, -15)),
    ("CT-15", "TMD", rect(800, 180, 50, 40, 10)),
    ("CT-16", "CLN", blob(-1300, -1000, 95, 15)),
]

DRAFT_PROJECTS = [
    ("DT-01", "DGT", corridor([(-1800, -900), (-600, -950), (600, -1150)], 7)),
    ("DT-02", "DGD", rect(-500, -200, 70, 60, 0)),
    ("DT-03", "ONT", blob(1000, 900, 70, 21)),
    ("DT-04", "DTT", rect(-200, 300, 90, 60, 15)),
    ("CT-11", "SKN", blob(1200, -1050, 160, 14, 12, 0.1)),
]


def collection(name: str, projects: list[tuple[str, str, Shape]], zones: bool) -> dict[str, object]:
    feats = [feature("RANH-XA", "ranh_gioi", boundary())]
    if zones:
        feats += [feature(fid, "khoanh_dat", ring, code) for fid, code, ring in ZONES]
    feats += [feature(fid, "cong_trinh", ring, code) for fid, code, ring in projects]
    return {"type": "FeatureCollection", "name": name, "features": feats}


def write(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text.replace('{"type":"Feature"', '\n{"type":"Feature"') + "\n", encoding="utf-8")
    for feat in data["features"]:  # type: ignore[attr-defined]
        ring = [tuple(p) for p in feat["geometry"]["coordinates"][0]]
        print(feat["id"], round(area_m2([(tuple(ring),)], CENTRE) / 10_000, 3))


def synthetic(count: int) -> dict[str, object]:
    """A benchmark plan: ``count`` parcels in a grid inside the sample boundary."""
    side = math.ceil(math.sqrt(count))
    feats = [feature("RANH-XA", "ranh_gioi", boundary())]
    codes = ["LUC", "ONT", "DGT", "DGD", "NTS", "CLN", "SKN", "DTL"]
    for i in range(count):
        x, y = -1400 + (i % side) * 2800 / side, -1000 + (i // side) * 2000 / side
        feats.append(feature(f"P-{i:04d}", "cong_trinh", blob(x, y, 2800 / side / 3, i, 10), codes[i % 8]))
    return {"type": "FeatureCollection", "name": "synthetic", "features": feats}


if __name__ == "__main__":
    plans = ROOT / "content" / "plans"
    write(plans / "khsdd-2026-xa-tan-hung" / "plan.geojson", collection("khsdd-2026", PROJECTS, True))
    write(
        plans / "khsdd-2027-xa-tan-hung-du-thao" / "plan.geojson",
        collection("khsdd-2027", DRAFT_PROJECTS, False),
    )
