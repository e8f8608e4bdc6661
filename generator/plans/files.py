"""Stage 4 (plans): post-build writer — each plan's documents, GeoJSON, project CSV and map SVG in the site.

Files go to ``quy-hoach/<id>/`` next to the page, so the page links them relatively. The CSV is
UTF-8 with a byte-order mark (Excel opens it with the diacritics intact), and no cell can start a
spreadsheet formula: a leading ``= + - @`` (or tab, carriage return) is neutralised with ``'``.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from generator.catalogue import Catalogue
from generator.core.build_context import BuildContext
from generator.core.spreadsheet import safe_cell
from generator.plans.listing import plan_path
from generator.plans.pages import MAP_SVG, PROJECTS_CSV
from generator.plans.read import PlanEntry, resolve_inside
from generator.plans.svgmap import plan_map
from generator.plans.wording import project_rows

CSV_HEADER = (
    "Số",
    "Mã công trình",
    "Tên công trình, dự án",
    "Mã loại đất",
    "Loại đất",
    "Diện tích (ha)",
    "Thu hồi đất",
    "Vị trí (xã cũ, tờ, thửa)",
    "Thôn",
    "Tình trạng",
    "Năm đưa vào kế hoạch",
)


def projects_csv(catalogue: Catalogue, entry: PlanEntry) -> str:
    """The project list as CSV text (with a BOM), one row per project, in list order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in project_rows(entry):
        cells = (
            row.number,
            row.id,
            row.name,
            row.code,
            row.code_name,
            row.area,
            "Có" if row.recovery else "Không",
            row.locations,
            row.villages,
            row.status,
            row.first_listed,
        )
        writer.writerow([safe_cell(c) for c in cells])
    return "\ufeff" + out.getvalue()


def _copy(entry: PlanEntry, name: str, target_dir: Path) -> None:
    source = resolve_inside(entry.folder, name)
    target = (target_dir / name).resolve()
    if source is not None and source.is_file() and target.is_relative_to(target_dir.resolve()):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def write_plan_files(catalogue: Catalogue, site_dir: Path, ctx: BuildContext) -> None:
    """Write every plan's documents, GeoJSON, CSV and standalone SVG map next to its page."""
    for entry in catalogue.plans:
        folder = site_dir / plan_path(entry.slug)
        folder.mkdir(parents=True, exist_ok=True)
        for doc in entry.model.documents:
            _copy(entry, doc.file, folder)
        _copy(entry, entry.model.geodata.file, folder)
        (folder / PROJECTS_CSV).write_text(projects_csv(catalogue, entry), encoding="utf-8", newline="")
        svg = ctx.env.get_template("plans/map-file.svg").render(page=plan_map(entry))
        (folder / MAP_SVG).write_text(svg.lstrip() + "\n", encoding="utf-8")
