"""Stage 3 (plans): the data the browser's "does this affect my land?" lookup and pan-and-zoom map use.

Built from the project list (former commune, sheet, parcels) and the GeoJSON (exterior rings as
lon/lat); inlined in the plan page as JSON so the lookup works offline and from ``file://``.
"""

from __future__ import annotations

from typing import Any

from generator.plans.codes import code_list
from generator.plans.geojson import Feature
from generator.plans.read import PlanEntry


def _rings(feature: Feature) -> list[list[list[float]]]:
    return [[list(pt) for pt in ring] for polygon in feature.polygons for ring in polygon[:1]]


def lookup_data(entry: PlanEntry) -> dict[str, Any]:
    """What plan-lookup.js needs: former communes, projects (parcels, rings), and zones and boundary
    for the optional pan-and-zoom map. Rings are exterior rings only, as (lon, lat)."""
    plan, codes = entry.model, code_list(entry.model.code_list)
    features = entry.geo.features
    rings = {f.id: _rings(f) for f in features if f.layer == "cong_trinh"}
    return {
        "communes": [[c.code, c.name] for c in plan.area.former_communes]
        or [[plan.area.commune_code or "", plan.area.commune or plan.area.province]],
        "projects": [
            {
                "n": i,
                "id": p.id,
                "name": p.name,
                "code": p.code,
                "area": p.area_ha,
                "recovery": p.recovery,
                "colour": codes.colour(p.code),
                "where": [[loc.former_commune, loc.sheet, list(loc.parcels)] for loc in p.locations],
                "rings": rings.get(p.id, []),
            }
            for i, p in enumerate(plan.projects, start=1)
        ],
        "zones": [
            {"code": f.code, "name": codes.name(f.code), "colour": codes.colour(f.code), "rings": _rings(f)}
            for f in features
            if f.layer == "khoanh_dat" and f.code
        ],
        "boundary": [ring for f in features if f.layer == "ranh_gioi" for ring in _rings(f)],
    }
