"""Fuzzing: any bytes or any JSON shape in a plan's GeoJSON gives issues, never an exception."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.plans.geojson import load_geojson
from generator.reading import read_catalogue
from tests.conftest import AS_OF, FIXTURES

json_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=40,
)
coordinate = st.floats(min_value=100, max_value=120) | st.floats(allow_nan=True, allow_infinity=True)
rings = st.lists(st.lists(st.lists(coordinate, min_size=0, max_size=3), max_size=8), min_size=0, max_size=3)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()))
def test_load_geojson_never_raises(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.geojson"
        path.write_bytes(raw)
        geo, issues = load_geojson(path, "plan.geojson")
        assert geo is not None or issues


@settings(max_examples=40, deadline=None)
@given(rings)
def test_random_rings_in_a_real_plan_never_crash_the_checks(coords: list[object]) -> None:
    import shutil

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(FIXTURES / "valid", root)
        folder = root / "content" / "plans" / "mau-nho"
        shutil.copytree(FIXTURES / "plans" / "base" / "mau-nho", folder)
        geo = folder / "plan.geojson"
        lines = geo.read_text(encoding="utf-8").split("\n")
        feature = json.loads(lines[4].rstrip(","))
        feature["geometry"]["coordinates"] = coords
        lines[4] = json.dumps(feature) + ","
        geo.write_text("\n".join(lines), encoding="utf-8")
        catalogue, issues = read_catalogue(root, AS_OF)
        assert catalogue is not None or issues
