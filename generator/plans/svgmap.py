"""Stage 3 (plans): the plan map as data for an inline SVG — drawn at build time, no tiles, no JavaScript.

``plan_map`` turns a plan's GeoJSON into a typed :class:`MapView`: path data per area in the
official colour, a label point per area (land-use code; project number), the commune boundary,
a scale bar, a north arrow and the legend of the codes present. The markup itself is the Jinja
component ``components/plan-map.html``; the same view serves the web page and print.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from generator.facts.numbers import hectares
from generator.plans import geometry as g
from generator.plans.codes import code_list
from generator.plans.geojson import Feature, Position
from generator.plans.read import PlanEntry

WIDTH = 1000.0
PADDING = 24.0
NICE_LENGTHS = (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000)


@dataclass(frozen=True)
class MapArea:
    """One filled area: ``d`` path data, ``fill`` colour, ``code``, label point, project number."""

    id: str
    d: str
    fill: str
    code: str
    label_x: float
    label_y: float
    number: int | None
    title: str
    small: bool


@dataclass(frozen=True)
class LegendItem:
    """A legend line: code, official name, colour."""

    code: str
    name: str
    colour: str


@dataclass(frozen=True)
class MapView:
    """Context of ``components/plan-map.html``.

    Attributes:
        width, height: the SVG viewBox size. zones: zoned land (khoanh đất). projects: project areas.
        boundary: path data of the commune boundary ('' when absent). legend: codes present.
        scale_px, scale_label: scale bar length in px and its text. title: accessible name.
        lon0, lat0, kx, ky, px_per_m, min_x, max_y: the projection, for the browser's tap-to-point.
        source_note: CRS note printed under the map.
    """

    width: float
    height: float
    zones: tuple[MapArea, ...]
    projects: tuple[MapArea, ...]
    boundary: str
    legend: tuple[LegendItem, ...]
    scale_px: float
    scale_label: str
    title: str
    lon0: float
    lat0: float
    kx: float
    ky: float
    px_per_m: float
    min_x: float
    max_y: float
    source_note: str


@dataclass(frozen=True)
class _Frame:
    proj: g.LocalProjection
    min_x: float
    max_y: float
    scale: float

    def px(self, point: Position) -> tuple[float, float]:
        x, y = self.proj.forward(point)
        return (x - self.min_x) * self.scale + PADDING, (self.max_y - y) * self.scale + PADDING


def _frame(features: Sequence[Feature]) -> tuple[_Frame, float]:
    polygons = [p for f in features for p in f.polygons]
    proj = g.projection_for(polygons)
    xy = [proj.forward(p) for p in g.polygon_points(polygons)]
    min_x, max_x = min(x for x, _ in xy), max(x for x, _ in xy)
    min_y, max_y = min(y for _, y in xy), max(y for _, y in xy)
    scale = (WIDTH - 2 * PADDING) / max(max_x - min_x, 1.0)
    height = (max_y - min_y) * scale + 2 * PADDING
    return _Frame(proj, min_x, max_y, scale), height


def _path(feature: Feature, frame: _Frame) -> str:
    parts = []
    for polygon in feature.polygons:
        for ring in polygon:
            points = [frame.px(p) for p in ring[:-1]]
            parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z")
    return "".join(parts)


def _label_point(feature: Feature, frame: _Frame) -> tuple[float, float, bool]:
    """A point inside the largest ring: the widest span of the scanline through its centroid."""
    rings = [[frame.px(p) for p in polygon[0]] for polygon in feature.polygons]
    ring = max(rings, key=lambda r: abs(g.signed_area(r)))
    cx, cy = g.centroid(ring)
    crossings = sorted(
        x1 + (cy - y1) * (x2 - x1) / (y2 - y1)
        for (x1, y1), (x2, y2) in itertools.pairwise(ring)
        if (y1 > cy) != (y2 > cy)
    )
    spans = list(zip(crossings[::2], crossings[1::2], strict=False))
    if spans and not any(a <= cx <= b for a, b in spans):
        a, b = max(spans, key=lambda s: s[1] - s[0])
        cx = (a + b) / 2
    xs, ys = zip(*ring, strict=True)
    small = max(max(xs) - min(xs), max(ys) - min(ys)) < 28
    return cx, cy, small


def _area(feature: Feature, frame: _Frame, fill: str, code: str, number: int | None, title: str) -> MapArea:
    x, y, small = _label_point(feature, frame)
    return MapArea(
        feature.id or str(feature.index),
        _path(feature, frame),
        fill,
        code,
        round(x, 1),
        round(y, 1),
        number,
        title,
        small,
    )


def _scale_bar(scale: float) -> tuple[float, str]:
    target = (WIDTH - 2 * PADDING) / 5 / scale
    metres = max((n for n in NICE_LENGTHS if n <= target), default=NICE_LENGTHS[0])
    label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres} m"
    return round(metres * scale, 1), label


def plan_map(entry: PlanEntry) -> MapView:
    """The map view of one plan (zones under projects, boundary on top, legend of codes present)."""
    plan, features = entry.model, entry.geo.features
    codes = code_list(plan.code_list)
    frame, height = _frame(features)
    projects = {p.id: (i + 1, p) for i, p in enumerate(plan.projects)}
    zones, drawn, used = [], [], []
    for f in features:
        if f.layer == "khoanh_dat" and f.code:
            zones.append(
                _area(f, frame, codes.colour(f.code), f.code, None, f"{f.code} – {codes.name(f.code)}")
            )
            used.append(f.code)
        elif f.layer == "cong_trinh" and f.id in projects:
            number, project = projects[f.id]
            title = f"{number}. {project.name} ({project.code}, {hectares(project.area_ha)} ha)"
            drawn.append(_area(f, frame, codes.colour(project.code), project.code, number, title))
            used.append(project.code)
    boundary = "".join(_path(f, frame) for f in features if f.layer == "ranh_gioi")
    scale_px, scale_label = _scale_bar(frame.scale)
    legend = tuple(LegendItem(c, codes.name(c), codes.colour(c)) for c in dict.fromkeys(sorted(used)))
    kx, ky = frame.proj.metres_per_degree
    source = plan.geodata.source
    note = "Hiển thị theo WGS84" + (
        f"; dữ liệu gốc {source.crs}, chuyển đổi «{source.transformation}»" if source else ""
    )
    return MapView(
        WIDTH,
        round(height, 1),
        tuple(zones),
        tuple(sorted(drawn, key=lambda a: a.number or 0)),
        boundary,
        legend,
        scale_px,
        scale_label,
        f"Bản đồ {plan.name}",
        frame.proj.lon0,
        frame.proj.lat0,
        kx,
        ky,
        frame.scale,
        frame.min_x,
        frame.max_y,
        note + ". Bản đồ tham khảo, không theo tỷ lệ in.",
    )


def map_height_ratio(view: MapView) -> float:
    """Height over width of the map (for the CSS aspect ratio)."""
    return view.height / view.width if view.width else math.nan
