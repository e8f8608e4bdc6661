"""Land-use plans (quy hoạch / kế hoạch sử dụng đất): model, GeoJSON, checks, maps, pages, import.

``read_plans`` (stage 2) loads every ``content/plans/<id>/`` folder into :class:`PlanEntry` records
with located issues; the site stage renders a page per plan with an SVG map drawn at build time;
``import-geodata`` (editor tool, needs pyproj) converts VN-2000 data to the committed WGS84 GeoJSON.
"""
