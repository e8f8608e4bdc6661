"""Editor tool (``python -m generator import-geodata``): VN-2000 map data → the plan's WGS84 GeoJSON.

Reads a GeoJSON, a shapefile (pyshp) or a GeoPackage (stdlib sqlite3 + WKB) in a VN-2000 CRS
(EPSG 3405/3406, 5896–5899, 9205–9218 or 4756), transforms every vertex with pyproj using the
pinned onshore transformation «VN-2000 to WGS 84 (2)» (never whatever PROJ picks: near the Mekong
petroleum blocks it picks set (1), 0.8 m off), closes and orients rings as RFC 7946 says, keeps only
the properties the generator reads, and reports what it did. Run once by an editor; the output is
committed. pyproj and pyshp are editor extras (``pip install .[geo]``): the site build needs neither.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError
from generator.plans.geometry import LocalProjection, signed_area
from generator.plans.gpkg import read_gpkg

PINNED = "VN-2000 to WGS 84 (2)"
VN2000_CODES = frozenset({4756, 3405, 3406, 5896, 5897, 5898, 5899, *range(9205, 9219)})
KEEP = ("layer", "code", "name")

Coords = list[list[list[float]]]
RawFeature = tuple[Any, dict[str, Any], str, Any]
"""(id, properties, geometry type, coordinates) as read from the source file."""


@dataclass
class ImportReport:
    """What the import did, for the editor (and for plan.yaml «geodata.source»)."""

    source: str
    crs: str
    crs_name: str
    transformation: str
    accuracy_m: float | None
    features: int = 0
    vertices: int = 0
    dropped_properties: set[str] = field(default_factory=set)
    reversed_rings: int = 0
    closed_rings: int = 0

    def lines(self) -> list[str]:
        """The report in Vietnamese, one fact per line."""
        accuracy = f" (độ chính xác ≈ {self.accuracy_m:g} m)" if self.accuracy_m is not None else ""
        out = [
            f"Tệp gốc: {self.source}",
            f"Hệ tọa độ gốc: {self.crs} – {self.crs_name}",
            f"Phép chuyển đổi (cố định): {self.transformation}{accuracy}",
            f"Đã chuyển {self.features} vùng, {self.vertices} đỉnh sang WGS84 "
            "(kinh độ, vĩ độ; 6 chữ số thập phân).",
        ]
        if self.closed_rings or self.reversed_rings:
            out.append(
                f"Đã khép {self.closed_rings} vòng hở, đảo chiều {self.reversed_rings} vòng theo RFC 7946."
            )
        if self.dropped_properties:
            out.append("Đã bỏ các thuộc tính không dùng: " + ", ".join(sorted(self.dropped_properties)) + ".")
        return out


def pinned_transformer(crs: str) -> tuple[Any, str, float | None, str]:
    """The pyproj transformer from ``crs`` to WGS84 through «VN-2000 to WGS 84 (2)», and its metadata."""
    try:
        from pyproj import CRS
        from pyproj.transformer import TransformerGroup
    except ModuleNotFoundError as exc:
        raise GeneratorError(
            "Lệnh này cần pyproj: chạy «pip install .[geo]» (chỉ máy biên tập cần)."
        ) from exc
    source = CRS.from_user_input(crs)
    epsg = source.to_epsg()
    if epsg not in VN2000_CODES:
        raise GeneratorError(
            f"{crs} ({source.name}) không phải hệ VN-2000 được hỗ trợ "
            "(EPSG 4756, 3405/3406, 5896–5899, 9205–9218)."
        )
    group = TransformerGroup(source, "EPSG:4326", always_xy=True)
    chosen = next((t for t in group.transformers if PINNED in t.description), None)
    if chosen is None:
        raise GeneratorError(f"PROJ không có phép chuyển «{PINNED}» cho {crs}; hãy cập nhật pyproj.")
    accuracy = chosen.accuracy if chosen.accuracy and chosen.accuracy > 0 else None
    return chosen, chosen.description, accuracy, source.name


def _read_geojson(path: Path) -> Iterator[RawFeature]:
    data = json.loads(path.read_text(encoding="utf-8"))
    for feature in data.get("features", []):
        geometry = feature.get("geometry") or {}
        yield (
            feature.get("id"),
            dict(feature.get("properties") or {}),
            str(geometry.get("type")),
            geometry.get("coordinates"),
        )


def _read_shapefile(path: Path) -> Iterator[RawFeature]:
    try:
        import shapefile  # type: ignore[import-untyped]
    except ModuleNotFoundError as exc:
        raise GeneratorError("Đọc shapefile cần pyshp: chạy «pip install .[geo]».") from exc
    with shapefile.Reader(str(path)) as reader:
        for record in reader.iterShapeRecords():
            geo = record.shape.__geo_interface__
            yield None, dict(record.record.as_dict()), geo["type"], geo["coordinates"]


READERS: dict[str, Callable[[Path], Iterator[RawFeature]]] = {
    ".geojson": _read_geojson,
    ".json": _read_geojson,
    ".shp": _read_shapefile,
    ".gpkg": read_gpkg,
}


def _polygons(kind: str, coords: Any) -> list[Coords]:
    if kind == "Polygon":
        return [coords]
    if kind == "MultiPolygon":
        return list(coords)
    raise GeneratorError(f"Chỉ nhận vùng (Polygon, MultiPolygon), không nhận «{kind}».")


def _ring(ring: list[list[float]], transform: Any, exterior: bool, report: ImportReport) -> list[list[float]]:
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    lons, lats = transform.transform(xs, ys)
    out = [[round(lon, 6), round(lat, 6)] for lon, lat in zip(lons, lats, strict=True)]
    if out[0] != out[-1]:
        out.append(out[0])
        report.closed_rings += 1
    proj = LocalProjection(out[0][0], out[0][1])
    ccw = signed_area([proj.forward((p[0], p[1])) for p in out]) > 0
    if ccw != exterior:
        out.reverse()
        report.reversed_rings += 1
    report.vertices += len(out)
    return out


def _properties(
    props: dict[str, Any], options: dict[str, str | None], report: ImportReport
) -> dict[str, Any]:
    mapped = {"layer": options["layer"] or "cong_trinh"}
    for key, source in (
        ("code", options["code_field"]),
        ("name", options["name_field"]),
        ("layer", options["layer_field"]),
    ):
        if source and props.get(source) not in (None, ""):
            mapped[key] = str(props[source]).strip()
    used = {
        v
        for v in (options["code_field"], options["name_field"], options["layer_field"], options["id_field"])
        if v
    }
    report.dropped_properties |= {k for k in props if k not in used}
    return mapped


def convert(source: Path, crs: str, options: dict[str, str | None]) -> tuple[dict[str, Any], ImportReport]:
    """Convert one source file; return the WGS84 FeatureCollection and the report."""
    reader = READERS.get(source.suffix.lower())
    if reader is None:
        raise GeneratorError(f"Không đọc được loại tệp «{source.suffix}»; dùng .geojson, .shp hoặc .gpkg.")
    transform, description, accuracy, name = pinned_transformer(crs)
    report = ImportReport(source.name, crs, name, description, accuracy)
    features = []
    for index, (fid, props, kind, coords) in enumerate(reader(source)):
        polygons = [
            [_ring(ring, transform, i == 0, report) for i, ring in enumerate(polygon)]
            for polygon in _polygons(kind, coords)
        ]
        id_field = options["id_field"]
        feature_id = str(props[id_field]) if id_field and props.get(id_field) is not None else fid
        geometry = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
        features.append(
            {
                "type": "Feature",
                "id": str(feature_id or f"V-{index + 1:04d}"),
                "properties": _properties(props, options, report),
                "geometry": geometry,
            }
        )
    report.features = len(features)
    return {"type": "FeatureCollection", "features": features}, report


def write_geojson(data: dict[str, Any], target: Path) -> None:
    """Write the collection one feature per line (diff-friendly, and issues name a line per area)."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in data["features"]]
    target.write_text(
        '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8"
    )
