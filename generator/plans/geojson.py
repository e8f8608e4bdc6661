"""Stage 1 (plans): read a plan's WGS84 GeoJSON strictly, with the line and column of every object.

The standard ``json`` parser is driven through its pure-Python scanner with wrapped object and
array parsers, so each decoded dict and list is mapped to its offset in the text. Issues then name
the file, line, column and the path inside the file (``features[3].geometry.coordinates[0]``).
Duplicate keys, a ``crs`` member (RFC 7946 GeoJSON is always WGS84 lon/lat), non-finite numbers
and unknown geometry types are refused with a located issue, never an exception.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.issues import Issue, Severity
from generator.load import PathKey, format_path

MAX_GEOJSON_BYTES = 16 * 1_048_576
"""A commune plan with a thousand detailed areas is a few MB; anything larger is refused."""

LAYERS = ("cong_trinh", "khoanh_dat", "ranh_gioi")
"""Feature layers: a project (công trình), zoned land (khoanh đất), the commune boundary (ranh giới)."""

PROPERTIES = frozenset({"layer", "code", "name"})
"""Feature properties the generator reads; the YAML owns every other fact."""

Position = tuple[float, float]
Ring = tuple[Position, ...]
Polygon = tuple[Ring, ...]


@dataclass(frozen=True)
class Feature:
    """One area of the map: its index in ``features``, id, layer, land-use code and polygons."""

    index: int
    id: str | None
    layer: str
    code: str | None
    name: str | None
    polygons: tuple[Polygon, ...]
    properties: tuple[str, ...] = ()


@dataclass(frozen=True)
class GeoFile:
    """A parsed GeoJSON file: its features and where each part of it sits in the text."""

    display: str
    features: tuple[Feature, ...]
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict, repr=False)

    def locate(self, path: PathKey) -> tuple[int, int]:
        """The (line, column) of ``path`` or of its nearest located parent."""
        probe = path
        while probe:
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def issue(self, code: str, path: PathKey, message: str, severity: Severity = Severity.ERROR) -> Issue:
        """An issue placed at ``path`` in this file."""
        line, column = self.locate(path)
        return Issue(self.display, line, column, code, format_path(path), message, severity)


class _Object(dict[str, Any]):
    """A decoded JSON object that remembers the keys it saw twice."""

    duplicates: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    dupes = []
    for key, value in pairs:
        if key in obj:
            dupes.append(key)
        obj[key] = value
    obj.duplicates = tuple(dupes)
    return obj


class _PositionDecoder(json.JSONDecoder):
    """A JSON decoder that records the text offset of every object and array it builds."""

    def __init__(self) -> None:
        super().__init__(object_pairs_hook=_pairs, parse_constant=lambda _: math.nan)
        self.starts: dict[int, int] = {}
        base_object: Any = getattr(json.decoder, "JSONObject")  # noqa: B009 - not in the typeshed stubs
        base_array: Any = getattr(json.decoder, "JSONArray")  # noqa: B009

        def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            obj, end = base_object(s_and_end, *args)
            self.starts[id(obj)] = s_and_end[1] - 1
            return obj, end

        def parse_array(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            arr, end = base_array(s_and_end, *args)
            self.starts[id(arr)] = s_and_end[1] - 1
            return arr, end

        self.parse_object = parse_object
        self.parse_array = parse_array
        self.scan_once = getattr(json.scanner, "py_make_scanner")(self)  # noqa: B009 - the Python scanner


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, char in enumerate(text) if char == "\n")
    return starts


def _to_line_col(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _read_text(path: Path, display: str) -> tuple[str | None, list[Issue]]:
    def fail(code: str, message: str) -> tuple[None, list[Issue]]:
        return None, [Issue(display, 1, 1, code, "", message)]

    try:
        if path.stat().st_size > MAX_GEOJSON_BYTES:
            return fail("file-too-large", f"Tệp bản đồ lớn hơn {MAX_GEOJSON_BYTES:,} byte; hãy giảm số đỉnh.")
        raw = path.read_bytes()
    except OSError as exc:
        return fail("file-unreadable", f"Không đọc được tệp: {exc.strerror}.")
    try:
        return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8"), []
    except UnicodeDecodeError:
        return fail("encoding-not-utf8", "Tệp GeoJSON phải lưu bằng mã UTF-8.")


def load_geojson(path: Path, display: str) -> tuple[GeoFile | None, list[Issue]]:
    """Parse one GeoJSON file into features; return (None, issues) when it cannot be used."""
    text, issues = _read_text(path, display)
    if text is None:
        return None, issues
    decoder = _PositionDecoder()
    try:
        data = decoder.decode(text)
    except json.JSONDecodeError as exc:
        message = f"Lỗi cú pháp JSON ({exc.msg}); kiểm tra dấu phẩy, ngoặc và dấu ngoặc kép."
        return None, [Issue(display, exc.lineno, exc.colno, "geo-json-invalid", "", message)]
    except RecursionError:
        return None, [Issue(display, 1, 1, "geo-json-invalid", "", "JSON lồng nhau quá sâu.")]
    starts = _line_starts(text)
    positions: dict[PathKey, tuple[int, int]] = {}
    _record_positions(data, (), decoder.starts, starts, positions, depth=0)
    geo = GeoFile(display, (), positions)
    reader = _Reader(geo)
    features = reader.read(data)
    return GeoFile(display, tuple(features), positions), reader.issues


def _record_positions(
    value: Any,
    path: PathKey,
    offsets: dict[int, int],
    starts: list[int],
    out: dict[PathKey, tuple[int, int]],
    depth: int,
) -> None:
    """Map every object and array down to ring level (depth 6) to its (line, column)."""
    offset = offsets.get(id(value))
    if offset is not None:
        out[path] = _to_line_col(starts, offset)
    if depth >= 6:
        return
    if isinstance(value, dict):
        for key, child in value.items():
            if isinstance(child, dict | list):
                _record_positions(child, (*path, key), offsets, starts, out, depth + 1)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            if isinstance(child, dict | list):
                _record_positions(child, (*path, index), offsets, starts, out, depth + 1)


class _Reader:
    """Turn decoded JSON into :class:`Feature` objects, collecting structure issues."""

    def __init__(self, geo: GeoFile) -> None:
        self.geo = geo
        self.issues: list[Issue] = []

    def fail(self, code: str, path: PathKey, message: str, severity: Severity = Severity.ERROR) -> None:
        self.issues.append(self.geo.issue(code, path, message, severity))

    def read(self, data: Any) -> list[Feature]:
        self._duplicates(data, ())
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            self.fail("geo-structure", (), 'Tệp phải là một «"type": "FeatureCollection"».')
            return []
        if "crs" in data:
            self.fail(
                "geo-crs-member",
                ("crs",),
                "GeoJSON chuẩn (RFC 7946) luôn dùng WGS84 kinh độ, vĩ độ và không có «crs». Tệp này có "
                "thể còn ở VN-2000: hãy chuyển bằng «python -m generator import-geodata».",
            )
        features = data.get("features")
        if not isinstance(features, list):
            self.fail("geo-structure", (), "Thiếu danh sách «features».")
            return []
        found = (self._feature(item, index) for index, item in enumerate(features))
        return [feature for feature in found if feature is not None]

    def _duplicates(self, value: Any, path: PathKey) -> None:
        if isinstance(value, _Object):
            for key in value.duplicates:
                self.fail(
                    "geo-json-invalid", path, f"Khóa «{key}» xuất hiện hai lần trong cùng một đối tượng."
                )
            for key, child in value.items():
                if isinstance(child, dict | list) and len(path) < 4:
                    self._duplicates(child, (*path, key))
        elif isinstance(value, list) and len(path) < 3:
            for index, child in enumerate(value):
                self._duplicates(child, (*path, index))

    def _feature(self, item: Any, index: int) -> Feature | None:
        here: PathKey = ("features", index)
        if not isinstance(item, dict) or item.get("type") != "Feature":
            self.fail("geo-structure", here, 'Mỗi mục của «features» phải là «"type": "Feature"».')
            return None
        props = item.get("properties") or {}
        if not isinstance(props, dict):
            self.fail("geo-structure", (*here, "properties"), "«properties» phải là một đối tượng.")
            return None
        layer = props.get("layer", "cong_trinh")
        if layer not in LAYERS:
            self.fail(
                "geo-structure",
                (*here, "properties", "layer"),
                f"Lớp «{layer}» không hợp lệ; chọn một trong: {', '.join(LAYERS)}.",
            )
            return None
        raw_id = item.get("id")
        if raw_id is not None and not isinstance(raw_id, str):
            self.fail("geo-structure", (*here, "id"), 'Mã vùng «id» phải là văn bản, ví dụ "CT-01".')
            return None
        polygons = self._geometry(item.get("geometry"), (*here, "geometry"))
        if polygons is None:
            return None
        code, name = props.get("code"), props.get("name")
        return Feature(
            index,
            raw_id,
            str(layer),
            code if isinstance(code, str) else None,
            name if isinstance(name, str) else None,
            polygons,
            tuple(props),
        )

    def _geometry(self, geometry: Any, path: PathKey) -> tuple[Polygon, ...] | None:
        if not isinstance(geometry, dict):
            self.fail("geo-structure", path, "Vùng thiếu «geometry» (Polygon hoặc MultiPolygon).")
            return None
        kind, coords = geometry.get("type"), geometry.get("coordinates")
        here = (*path, "coordinates")
        if kind == "Polygon" and isinstance(coords, list):
            polygon = self._polygon(coords, here)
            return None if polygon is None else (polygon,)
        if kind == "MultiPolygon" and isinstance(coords, list):
            polygons = [self._polygon(part, (*here, i)) for i, part in enumerate(coords)]
            if any(p is None for p in polygons) or not polygons:
                return None
            return tuple(p for p in polygons if p is not None)
        self.fail("geo-structure", path, f"Chỉ nhận Polygon hoặc MultiPolygon, không nhận «{kind}».")
        return None

    def _polygon(self, rings: Any, path: PathKey) -> Polygon | None:
        if not isinstance(rings, list) or not rings:
            self.fail("geo-structure", path, "Đa giác cần ít nhất một vòng tọa độ.")
            return None
        parsed = [self._ring(ring, (*path, i)) for i, ring in enumerate(rings)]
        if any(r is None for r in parsed):
            return None
        return tuple(r for r in parsed if r is not None)

    def _ring(self, ring: Any, path: PathKey) -> Ring | None:
        if not isinstance(ring, list):
            self.fail("geo-structure", path, "Vòng tọa độ phải là danh sách các điểm [kinh độ, vĩ độ].")
            return None
        points: list[Position] = []
        for i, point in enumerate(ring):
            ok = isinstance(point, list) and len(point) in (2, 3)
            ok = ok and all(isinstance(v, int | float) and not isinstance(v, bool) for v in point)
            ok = ok and all(math.isfinite(v) for v in point)
            if not ok:
                self.fail(
                    "geo-coordinate-invalid",
                    (*path, i),
                    f"Điểm thứ {i + 1} phải là [kinh độ, vĩ độ] bằng số, ví dụ [106.61234, 20.84567].",
                )
                return None
            points.append((float(point[0]), float(point[1])))
        return tuple(points)
