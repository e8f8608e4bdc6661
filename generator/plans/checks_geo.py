"""Stage 2b (plans): geometry rules — valid rings, inside Vietnam and the commune, areas as stated.

Each rule takes one plan and yields located issues (GeoJSON file, line, column, feature path).
The area rule is the one that catches a VN-2000 ↔ WGS84 mix-up or swapped axes: a polygon whose
computed area is far from the area the decision states was drawn in the wrong place or scale.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator.facts.numbers import hectares
from generator.issues import Issue, Severity
from generator.load import PathKey
from generator.plans import geometry as g
from generator.plans.geojson import PROPERTIES, Feature, GeoFile, Polygon, Position
from generator.plans.read import PlanEntry

WARN = Severity.WARNING

PERSONAL_PROPERTIES = frozenset(
    {
        "chu_su_dung",
        "chu_so_huu",
        "ten_chu",
        "ho_ten",
        "ho_va_ten",
        "owner",
        "owner_name",
        "cmnd",
        "cccd",
        "so_cmnd",
        "so_cccd",
        "so_dinh_danh",
        "can_cuoc",
        "ngay_sinh",
        "dia_chi_thuong_tru",
        "so_dien_thoai",
        "phone",
    }
)
"""Property names that carry personal data (Decree 13/2023/NĐ-CP); they must never be published."""


def _rings_path(feature: Feature, polygon_index: int, ring_index: int) -> PathKey:
    base: PathKey = ("features", feature.index, "geometry", "coordinates")
    if len(feature.polygons) > 1:
        return (*base, polygon_index, ring_index)
    return (*base, ring_index)


def _ring_shape_issue(geo: GeoFile, where: PathKey, ring: Sequence[Position]) -> Issue | None:
    """The first problem of a ring's shape (too short, open, outside Vietnam), or None."""
    if len(ring) < 4:
        message = "Vòng tọa độ cần ít nhất 4 điểm (điểm cuối trùng điểm đầu)."
        return geo.issue("geo-ring-short", where, message)
    if ring[0] != ring[-1]:
        return geo.issue("geo-ring-open", where, "Vòng tọa độ chưa khép kín: điểm cuối phải trùng điểm đầu.")
    outside = next((i for i, pt in enumerate(ring) if not g.in_vietnam(pt)), None)
    if outside is None:
        return None
    lon, lat = ring[outside]
    hint = " Có vẻ kinh độ và vĩ độ bị đảo chỗ." if g.in_vietnam((lat, lon)) else ""
    return geo.issue(
        "geo-outside-vietnam",
        (*where, outside),
        f"Điểm [{lon}, {lat}] nằm ngoài Việt Nam.{hint} Tọa độ phải là [kinh độ, vĩ độ] WGS84; "
        "dữ liệu VN-2000 (mét) cần chuyển bằng «python -m generator import-geodata».",
    )


def _ring_plane_issue(geo: GeoFile, where: PathKey, xy: Sequence[g.XY], *, outer: bool) -> Issue | None:
    """A self-intersection (error) or a wrong orientation (warning) of a projected ring, or None."""
    crossing = g.first_self_intersection(xy)
    if crossing is not None:
        return geo.issue(
            "geo-self-intersection",
            (*where, crossing),
            f"Cạnh bắt đầu ở điểm thứ {crossing + 1} cắt một cạnh khác của cùng vòng; hãy sửa ranh giới.",
        )
    if (g.signed_area(xy) > 0) != outer:
        return geo.issue(
            "geo-ring-orientation",
            where,
            "Theo RFC 7946, vòng ngoài đi ngược chiều kim đồng hồ, vòng trong (lỗ) đi cùng chiều.",
            WARN,
        )
    return None


def _ring_issues(geo: GeoFile, feature: Feature, proj: g.LocalProjection) -> Iterator[Issue]:
    for p, polygon in enumerate(feature.polygons):
        for r, ring in enumerate(polygon):
            where = _rings_path(feature, p, r)
            issue = _ring_shape_issue(geo, where, ring)
            if issue is None:
                issue = _ring_plane_issue(geo, where, g.project_ring(ring, proj), outer=r == 0)
            if issue is not None:
                yield issue


def _valid(geo: GeoFile, feature: Feature, proj: g.LocalProjection) -> bool:
    return not any(i.severity is Severity.ERROR for i in _ring_issues(geo, feature, proj))


def check_rings(entry: PlanEntry) -> Iterator[Issue]:
    """Rings are closed, long enough, simple, in Vietnam, and oriented as RFC 7946 says."""
    features = entry.geo.features
    if not features:
        return
    proj = _projection(features)
    for feature in features:
        yield from _ring_issues(entry.geo, feature, proj)


def _projection(features: Sequence[Feature]) -> g.LocalProjection:
    inside = [poly for f in features for poly in f.polygons if all(g.in_vietnam(p) for r in poly for p in r)]
    return g.projection_for(inside or [poly for f in features for poly in f.polygons])


def _xy(polygons: Sequence[Polygon], proj: g.LocalProjection) -> list[list[list[g.XY]]]:
    return [[g.project_ring(ring, proj) for ring in polygon] for polygon in polygons]


def check_boundary(entry: PlanEntry) -> Iterator[Issue]:
    """Every project lies inside the commune boundary (layer ranh_gioi), within the tolerance."""
    geo, tolerance = entry.geo, entry.model.geodata.boundary_tolerance_m
    boundary = [f for f in geo.features if f.layer == "ranh_gioi"]
    if not boundary:
        if entry.model.area.commune_code is not None:
            yield geo.issue(
                "geo-boundary-missing",
                ("features",),
                "Chưa có ranh giới xã (một vùng có «layer»: «ranh_gioi»); bản đồ và kiểm tra vị trí cần nó.",
                WARN,
            )
        return
    proj = _projection(geo.features)
    if not all(_valid(geo, f, proj) for f in boundary):
        return
    outline = _xy([p for f in boundary for p in f.polygons], proj)
    for feature in geo.features:
        if feature.layer == "ranh_gioi" or not _valid(geo, feature, proj):
            continue
        far = _farthest_outside(feature, outline, proj)
        if far > tolerance:
            yield geo.issue(
                "geo-outside-boundary",
                ("features", feature.index, "geometry"),
                f"Vùng «{feature.id or feature.index}» nằm ngoài ranh giới xã tới {far:.0f} m (cho phép "
                f"{tolerance:.0f} m). Nếu cả bản đồ lệch khoảng 200–250 m, dữ liệu VN-2000 đã được chuyển "
                "mà bỏ qua 7 tham số; hãy chuyển lại bằng «import-geodata».",
            )


def _farthest_outside(feature: Feature, outline: list[list[list[g.XY]]], proj: g.LocalProjection) -> float:
    """How far (m) the vertex of ``feature`` farthest outside the boundary lies from it (0: inside)."""
    return max(g.distance_to_polygons(proj.forward(p), outline) for p in g.polygon_points(feature.polygons))


def check_areas(entry: PlanEntry) -> Iterator[Issue]:
    """A project's drawn area is within the plan's tolerance of the area in the list."""
    geo = entry.geo
    by_id = {f.id: f for f in geo.features if f.layer == "cong_trinh" and f.id is not None}
    if not by_id:
        return
    proj = _projection(geo.features)
    allowed = entry.model.geodata.area_tolerance_percent
    for i, project in enumerate(entry.model.projects):
        feature = by_id.get(project.id)
        if feature is None or not _valid(geo, feature, proj):
            continue
        drawn = g.area_m2(feature.polygons, proj) / 10_000
        off = abs(drawn - project.area_ha) / project.area_ha * 100
        if off > allowed:
            line = entry.file.locate(("projects", i, "area_ha"))[0]
            yield geo.issue(
                "geo-area-mismatch",
                ("features", feature.index, "geometry"),
                f"Diện tích vẽ của «{project.id}» là {hectares(drawn)} ha, danh mục ghi "
                f"{hectares(project.area_ha)} ha "
                f"({entry.file.display} dòng {line}); lệch {off:.0f}% (cho phép {allowed:g}%). Kiểm tra hệ "
                "tọa độ, thứ tự kinh độ/vĩ độ, hoặc diện tích trong danh mục.",
            )


def check_properties(entry: PlanEntry) -> Iterator[Issue]:
    """No personal data in feature properties; properties the generator does not read are flagged."""
    geo = entry.geo
    for feature in geo.features:
        for name in feature.properties:
            where = ("features", feature.index, "properties", name)
            if name.casefold() in PERSONAL_PROPERTIES:
                yield geo.issue(
                    "geo-personal-data",
                    where,
                    f"Thuộc tính «{name}» là thông tin cá nhân (Nghị định 13/2023/NĐ-CP): không được "
                    "công khai; hãy xoá nó khỏi tệp bản đồ.",
                )
            elif name not in PROPERTIES:
                yield geo.issue(
                    "geo-property-unknown",
                    where,
                    f"Thuộc tính «{name}» không được dùng (chỉ đọc {', '.join(sorted(PROPERTIES))}); "
                    "tên, diện tích và vị trí ghi trong plan.yaml. Hãy xoá để tệp gọn và không lộ thông "
                    "tin thừa.",
                    WARN,
                )
