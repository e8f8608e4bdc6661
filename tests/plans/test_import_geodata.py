"""import-geodata: VN-2000 → WGS84 with the pinned transformation, checked against independent formulas.

The reference values are computed here from first principles — the Transverse Mercator inverse
series on the WGS84 ellipsoid (VN-2000 uses it) and the 7-parameter coordinate-frame Helmert of
«VN-2000 to WGS 84 (2)» — not by PROJ, so the test fails if PROJ picked another transformation.
"""

from __future__ import annotations

import json
import math
import sqlite3
import struct
from pathlib import Path

import pytest

from generator.cli import main
from generator.plans.geojson import load_geojson
from tests.conftest import FIXTURES

pyproj = pytest.importorskip("pyproj")

SOURCE = FIXTURES / "plans" / "vn2000" / "cong-trinh-9210.geojson"
A, F = 6_378_137.0, 1 / 298.257223563
E2 = F * (2 - F)
HELMERT_2 = (-191.90441429, -39.30318279, -111.45032835, -0.00928836, 0.01975479, -0.00427372, 0.252906278)
"""EPSG «VN-2000 to WGS 84 (2)»: dX, dY, dZ (m), rX, rY, rZ (arc-seconds, coordinate frame), dS (ppm)."""


def tm_inverse(
    e: float, n: float, lon0: float, k0: float = 0.9999, fe: float = 500_000.0
) -> tuple[float, float]:
    """(lat, lon) in degrees on the WGS84 ellipsoid from TM easting/northing (Snyder 1987, eq. 8-18…8-25)."""
    ep2 = E2 / (1 - E2)
    mu = n / k0 / (A * (1 - E2 / 4 - 3 * E2**2 / 64 - 5 * E2**3 / 256))
    e1 = (1 - math.sqrt(1 - E2)) / (1 + math.sqrt(1 - E2))
    phi1 = (
        mu
        + (3 * e1 / 2 - 27 * e1**3 / 32) * math.sin(2 * mu)
        + (21 * e1**2 / 16 - 55 * e1**4 / 32) * math.sin(4 * mu)
        + 151 * e1**3 / 96 * math.sin(6 * mu)
        + 1097 * e1**4 / 512 * math.sin(8 * mu)
    )
    c1, t1 = ep2 * math.cos(phi1) ** 2, math.tan(phi1) ** 2
    n1 = A / math.sqrt(1 - E2 * math.sin(phi1) ** 2)
    r1 = A * (1 - E2) / (1 - E2 * math.sin(phi1) ** 2) ** 1.5
    d = (e - fe) / (n1 * k0)
    lat = phi1 - n1 * math.tan(phi1) / r1 * (
        d**2 / 2
        - (5 + 3 * t1 + 10 * c1 - 4 * c1**2 - 9 * ep2) * d**4 / 24
        + (61 + 90 * t1 + 298 * c1 + 45 * t1**2 - 252 * ep2 - 3 * c1**2) * d**6 / 720
    )
    lon = (
        d
        - (1 + 2 * t1 + c1) * d**3 / 6
        + (5 - 2 * c1 + 28 * t1 - 3 * c1**2 + 8 * ep2 + 24 * t1**2) * d**5 / 120
    ) / math.cos(phi1)
    return math.degrees(lat), lon0 + math.degrees(lon)


def helmert_to_wgs84(lat: float, lon: float) -> tuple[float, float]:
    """VN-2000 geodetic (h = 0) → WGS84 geodetic through ECEF and the coordinate-frame Helmert."""
    phi, lam = math.radians(lat), math.radians(lon)
    nu = A / math.sqrt(1 - E2 * math.sin(phi) ** 2)
    x, y, z = (
        nu * math.cos(phi) * math.cos(lam),
        nu * math.cos(phi) * math.sin(lam),
        nu * (1 - E2) * math.sin(phi),
    )
    dx, dy, dz, rx, ry, rz, ds = HELMERT_2
    rx, ry, rz = (math.radians(v / 3600) for v in (rx, ry, rz))
    m = 1 + ds * 1e-6
    xt = dx + m * (x + rz * y - ry * z)
    yt = dy + m * (-rz * x + y + rx * z)
    zt = dz + m * (ry * x - rx * y + z)
    p, lam_t = math.hypot(xt, yt), math.atan2(yt, xt)
    phi_t = math.atan2(zt, p * (1 - E2))
    for _ in range(10):
        nu_t = A / math.sqrt(1 - E2 * math.sin(phi_t) ** 2)
        phi_t = math.atan2(zt + E2 * nu_t * math.sin(phi_t), p)
    return math.degrees(phi_t), math.degrees(lam_t)


def reference(e: float, n: float) -> tuple[float, float]:
    """(lon, lat) WGS84 of an EPSG:9210 point (central meridian 105°45')."""
    lat, lon = helmert_to_wgs84(*tm_inverse(e, n, 105.75))
    return lon, lat


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two (lon, lat) points, in metres (local plane; exact enough below 1 km)."""
    dlat = math.radians(b[1] - a[1]) * 6_335_439
    dlon = math.radians(b[0] - a[0]) * 6_378_137 * math.cos(math.radians(a[1]))
    return math.hypot(dlat, dlon)


def run_import(tmp_path: Path, source: Path, *extra: str) -> tuple[dict[str, object], str, int]:
    out = tmp_path / "plan.geojson"
    code = main(
        [
            "import-geodata",
            str(source),
            "--crs",
            "EPSG:9210",
            "-o",
            str(out),
            "--id-field",
            "MA_CT",
            "--code-field",
            "MA_LD",
            "--as-of",
            "2026-11-25",
            *extra,
        ]
    )
    return json.loads(out.read_text(encoding="utf-8")), out.read_text(encoding="utf-8"), code


def test_every_vertex_is_within_a_decimetre_of_the_independent_reference(tmp_path: Path) -> None:
    data, _, code = run_import(tmp_path, SOURCE)
    assert code == 0
    source = json.loads(SOURCE.read_text(encoding="utf-8"))
    for converted, original in zip(data["features"], source["features"], strict=True):  # type: ignore[call-overload]
        ring = converted["geometry"]["coordinates"][0]
        for e, n in original["geometry"]["coordinates"][0]:
            expected = reference(e, n)
            assert min(metres(expected, tuple(p)) for p in ring) < 0.15  # 6 decimals ≈ 0.1 m


def test_the_pinned_set_is_used_even_where_proj_would_pick_the_offshore_one(tmp_path: Path) -> None:
    data, _, _ = run_import(tmp_path, SOURCE)
    hcm = next(f for f in data["features"] if f["id"] == "HCM-01")  # type: ignore[attr-defined, index]
    ours = tuple(hcm["geometry"]["coordinates"][0][0])
    default = pyproj.Transformer.from_crs("EPSG:9210", "EPSG:4326", always_xy=True).transform(
        602000.0, 1192000.0
    )
    assert metres(reference(602000.0, 1192000.0), ours) < 0.15
    assert metres(default, ours) > 0.4  # PROJ's own pick here is set (1), about 0.8 m away


def test_output_is_clean_rfc7946_and_personal_properties_are_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, text, _ = run_import(tmp_path, SOURCE)
    report = capsys.readouterr().out
    assert "VN-2000 to WGS 84 (2)" in report and "CHU_SU_DUNG" in report
    assert [f["id"] for f in data["features"]] == ["CT-01", "CT-02", "HCM-01"]  # type: ignore[index]
    assert all(set(f["properties"]) == {"layer", "code"} for f in data["features"])  # type: ignore[index]
    geo, issues = load_geojson(tmp_path / "plan.geojson", "plan.geojson")
    assert geo is not None and issues == []
    ring = geo.features[0].polygons[0][0]
    assert ring[0] == ring[-1] and len(ring) == 5  # the open ring was closed
    assert text.count("\n") == len(data["features"]) + 2  # one feature per line


def _gpkg_blob(ring: list[list[float]]) -> bytes:
    wkb = (
        struct.pack("<BII", 1, 3, 1)
        + struct.pack("<I", len(ring))
        + b"".join(struct.pack("<dd", *p) for p in ring)
    )
    return b"GP" + bytes([0, 0b00000001]) + struct.pack("<i", 9210) + wkb


def test_geopackage_and_shapefile_read_the_same_geometry(tmp_path: Path) -> None:
    shapefile = pytest.importorskip("shapefile")
    ring = [
        [560800.0, 2313800.0],
        [560800.0, 2313850.0],
        [560860.0, 2313850.0],
        [560860.0, 2313800.0],
        [560800.0, 2313800.0],
    ]
    gpkg = tmp_path / "nguon.gpkg"
    with sqlite3.connect(gpkg) as db:
        db.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT)")
        db.execute("INSERT INTO gpkg_geometry_columns VALUES ('ct', 'geom')")
        db.execute("CREATE TABLE ct (fid INTEGER PRIMARY KEY, MA_CT TEXT, MA_LD TEXT, geom BLOB)")
        db.execute("INSERT INTO ct VALUES (1, 'CT-02', 'DGD', ?)", (_gpkg_blob(ring),))
    with shapefile.Writer(str(tmp_path / "nguon"), shapeType=shapefile.POLYGON) as shp:
        shp.field("MA_CT", "C")
        shp.field("MA_LD", "C")
        shp.poly([ring[::-1]])  # shapefile exteriors run clockwise
        shp.record("CT-02", "DGD")
    results = []
    for source in (gpkg, tmp_path / "nguon.shp"):
        out = tmp_path / f"{source.suffix[1:]}"
        out.mkdir()
        data, _, code = run_import(out, source)
        assert code == 0
        results.append(data["features"][0])  # type: ignore[index]
    assert (
        results[0]["geometry"] == results[1]["geometry"] and results[0]["id"] == results[1]["id"] == "CT-02"
    )
    expected = reference(560800.0, 2313800.0)
    assert min(metres(expected, tuple(p)) for p in results[0]["geometry"]["coordinates"][0]) < 0.15


def test_a_crs_outside_vn2000_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import-geodata", str(SOURCE), "--crs", "EPSG:3857", "-o", str(tmp_path / "x.geojson")])
    assert code == 1 and "VN-2000" in capsys.readouterr().err
