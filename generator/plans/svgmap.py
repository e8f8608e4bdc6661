"""Stage 3 (plans): the plan map as data for an inline SVG — drawn at build time, no tiles, no JavaScript.

``plan_map`` turns a plan's GeoJSON into a typed :class:`MapView`: path data per area in the
official colour, labels per area that never overlap (:mod:`generator.plans.labels`: project
numbers first, moved out on a leader line when the area is too small), the commune boundary,
a scale bar, a north arrow and the legend of the codes present. The markup itself is the Jinja
component ``components/plan-map.html``; the same view and markup serve the web page, print and
the A3 map poster.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from generator.facts.numbers import hectares
from generator.plans import geometry as g
from generator.plans import labels as lb
from generator.plans.codes import CodeList, code_list
from generator.plans.geojson import Feature, Position
from generator.plans.labels import MapLabel
from generator.plans.read import PlanEntry

WIDTH = 1000.0
PADDING = 24.0
HIDDEN_LISTED = 12
"""How many left-out project numbers the map's note lists."""
ROOMY = 28.0
"""An area at least this wide or tall (map pixels) may carry its number over its code."""
NICE_LENGTHS = (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000)


@dataclass(frozen=True)
class MapArea:
    """One filled area: ``d`` path data, ``fill`` colour, ``code``, project number, its placed labels.

    ``labels`` holds what is drawn for the area (see :mod:`generator.plans.labels`); it is empty when
    no label fits without covering another one.
    """

    id: str
    d: str
    fill: str
    code: str
    number: int | None
    title: str
    labels: tuple[MapLabel, ...]


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
        hidden_note: which project numbers did not fit on the map (see the table), or None.
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
    hidden_note: str | None


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
    """A point inside the largest ring (the widest span of the scanline through its centroid), and
    whether the area is roomy enough for a number over its code."""
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
    roomy = max(max(xs) - min(xs), max(ys) - min(ys)) >= ROOMY
    return round(cx, 1), round(cy, 1), roomy


def _scale_bar(scale: float) -> tuple[float, str]:
    target = (WIDTH - 2 * PADDING) / 5 / scale
    metres = max((n for n in NICE_LENGTHS if n <= target), default=NICE_LENGTHS[0])
    label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres} m"
    return round(metres * scale, 1), label


def _occupied(height: float, scale_px: float) -> lb.Occupied:
    """The label space, with the north arrow and the scale bar already taken."""
    occupied = lb.Occupied((0, 0, WIDTH, height))
    occupied.take((WIDTH - 58, 6, WIDTH - 30, 64))
    occupied.take((PADDING - 8, height - 44, PADDING + scale_px + 36, height - 16))
    return occupied


@dataclass(frozen=True)
class _Drawn:
    feature: Feature
    code: str
    number: int | None
    title: str


def _drawn(entry: PlanEntry) -> list[_Drawn]:
    """The zones (khoanh đất) then the projects in list order, each with its code and title."""
    plan, codes = entry.model, code_list(entry.model.code_list)
    projects = {p.id: (i + 1, p) for i, p in enumerate(plan.projects)}
    zones = [
        _Drawn(f, f.code, None, f"{f.code} – {codes.name(f.code)}")
        for f in entry.geo.features
        if f.layer == "khoanh_dat" and f.code
    ]
    drawn = []
    for f in entry.geo.features:
        if f.layer == "cong_trinh" and f.id in projects:
            number, p = projects[f.id]
            title = f"{number}. {p.name} ({p.code}, {hectares(p.area_ha)} ha)"
            drawn.append(_Drawn(f, p.code, number, title))
    return zones + sorted(drawn, key=lambda d: d.number or 0)


def _areas(items: list[_Drawn], frame: _Frame, occupied: lb.Occupied, codes: CodeList) -> list[MapArea]:
    """Every area with its labels: project numbers placed first, then the zones' codes."""
    points = {id(item): _label_point(item.feature, frame) for item in items}
    placed: dict[int, tuple[lb.MapLabel, ...]] = {}
    for item in sorted(items, key=lambda i: (i.number is None, i.number or 0)):
        x, y, roomy = points[id(item)]
        if item.number is not None:
            candidates = lb.number_candidates(x, y, str(item.number), item.code, roomy=roomy)
        else:
            candidates = lb.zone_candidates(x, y, item.code)
        placed[id(item)] = lb.first_free(occupied, candidates)
    return [
        MapArea(
            item.feature.id or str(item.feature.index),
            _path(item.feature, frame),
            codes.colour(item.code),
            item.code,
            item.number,
            item.title,
            placed[id(item)],
        )
        for item in items
    ]


def _source_note(entry: PlanEntry) -> str:
    source = entry.model.geodata.source
    note = "Hiển thị theo WGS84" + (
        f"; dữ liệu gốc {source.crs}, chuyển đổi «{source.transformation}»" if source else ""
    )
    return note + ". Bản đồ tham khảo, không theo tỷ lệ in."


def _hidden_note(projects: list[MapArea]) -> str | None:
    hidden = [str(a.number) for a in projects if not a.labels]
    if not hidden:
        return None
    listed = ", ".join(hidden[:HIDDEN_LISTED]) + (" …" if len(hidden) > HIDDEN_LISTED else "")
    why = "không ghi được số trên bản đồ vì vùng quá nhỏ"
    return f"{len(hidden)} công trình {why} (số {listed}): xem danh mục."


def plan_map(entry: PlanEntry) -> MapView:
    """The map view of one plan (zones under projects, boundary on top, labels that never overlap)."""
    plan, features = entry.model, entry.geo.features
    codes = code_list(plan.code_list)
    frame, height = _frame(features)
    scale_px, scale_label = _scale_bar(frame.scale)
    areas = _areas(_drawn(entry), frame, _occupied(height, scale_px), codes)
    zones = [a for a in areas if a.number is None]
    projects = [a for a in areas if a.number is not None]
    used = dict.fromkeys(sorted(a.code for a in areas))
    kx, ky = frame.proj.metres_per_degree
    return MapView(
        width=WIDTH,
        height=round(height, 1),
        zones=tuple(zones),
        projects=tuple(projects),
        boundary="".join(_path(f, frame) for f in features if f.layer == "ranh_gioi"),
        legend=tuple(LegendItem(c, codes.name(c), codes.colour(c)) for c in used),
        scale_px=scale_px,
        scale_label=scale_label,
        title=f"Bản đồ {plan.name}",
        lon0=frame.proj.lon0,
        lat0=frame.proj.lat0,
        kx=kx,
        ky=ky,
        px_per_m=frame.scale,
        min_x=frame.min_x,
        max_y=frame.max_y,
        source_note=_source_note(entry),
        hidden_note=_hidden_note(projects),
    )


def map_height_ratio(view: MapView) -> float:
    """Height over width of the map (for the CSS aspect ratio)."""
    return view.height / view.width if view.width else math.nan
