"""The reviewer's change report describes plan changes in plain Vietnamese."""

from __future__ import annotations

import json
from pathlib import Path

from generator.plans.changes import diff_plans, render_plan_changes
from generator.reading import read_catalogue
from tests.conftest import AS_OF, FIXTURES
from tests.plans.test_plan_corpus import tree

BASE = FIXTURES / "plans" / "base" / "mau-nho"


def _edit(root: Path) -> None:
    plan = root / "content" / "plans" / "mau-nho" / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("area_ha: 0.3,", "area_ha: 0.32,").replace(
        "code: ONT, area_ha: 1.0", "code: ODT, area_ha: 1.0"
    )
    text = text.replace("end: 2025-11-20", "end: 2025-11-25")
    text = text.replace("  - {id: CT-01,", "  - {id: CT-01-cu,", 1)
    plan.write_text(text, encoding="utf-8")
    geo = root / "content" / "plans" / "mau-nho" / "plan.geojson"
    data = geo.read_text(encoding="utf-8").replace('"id":"CT-01"', '"id":"CT-01-cu"')
    geo.write_text(data, encoding="utf-8")


def test_project_and_consultation_changes_are_reported(tmp_path: Path) -> None:
    old, _ = read_catalogue(tree(tmp_path / "a", BASE), AS_OF)
    root = tree(tmp_path / "b", BASE)
    _edit(root)
    new, issues = read_catalogue(root, AS_OF)
    assert old is not None and new is not None, [i.format() for i in issues]
    (change,) = diff_plans(old, new)
    assert change.kind == "changed"
    assert set(change.lines) == {
        "Lấy ý kiến: 01/11/2025 – 20/11/2025 → 01/11/2025 – 25/11/2025",
        "«Trường mầm non»: diện tích 0,30 ha → 0,32 ha",
        "«Khu dân cư mới»: loại đất ONT → ODT",
        "Thêm công trình «Đường thôn Đông» (CT-01-cu, DGT, 0,40 ha, có thu hồi đất)",
        "Bỏ công trình «Đường thôn Đông» (CT-01, DGT, 0,40 ha, có thu hồi đất)",
    }
    report = render_plan_changes([change])
    assert report.startswith("### Kế hoạch thay đổi (1)") and "**Kế hoạch mẫu nhỏ** (`mau-nho`)" in report


def test_an_outline_change_is_reported(tmp_path: Path) -> None:
    old, _ = read_catalogue(tree(tmp_path / "a", BASE), AS_OF)
    root = tree(tmp_path / "b", BASE)
    geo = root / "content" / "plans" / "mau-nho" / "plan.geojson"
    lines = geo.read_text(encoding="utf-8").split("\n")
    feature = json.loads(lines[4].rstrip(","))
    ring = feature["geometry"]["coordinates"][0]
    ring[1][0] += 0.00001  # about 1 m
    lines[4] = json.dumps(feature, ensure_ascii=False, separators=(",", ":")) + ","
    geo.write_text("\n".join(lines), encoding="utf-8")
    new, _ = read_catalogue(root, AS_OF)
    assert new is not None
    assert diff_plans(old, new)[0].lines == ("«Trường mầm non»: ranh giới trên bản đồ thay đổi",)


def test_a_new_plan_is_listed(tmp_path: Path) -> None:
    old, _ = read_catalogue(tree(tmp_path / "a"), AS_OF)
    new, _ = read_catalogue(tree(tmp_path / "b", BASE), AS_OF)
    assert new is not None
    assert [(c.slug, c.kind) for c in diff_plans(old, new)] == [("mau-nho", "added")]
