"""Command line (plans): ``python -m generator import-geodata SOURCE --crs EPSG:9210 -o plan.geojson``."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.cli import command, extension
from generator.errors import GeneratorError


@extension
def add_import(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``import-geodata``: convert VN-2000 data to the plan's WGS84 GeoJSON."""
    parser = sub.add_parser(
        "import-geodata", help="chuyển bản đồ VN-2000 sang GeoJSON WGS84", parents=[common]
    )
    parser.add_argument("source", type=Path, help="tệp .geojson, .shp hoặc .gpkg ở hệ VN-2000")
    parser.add_argument("--crs", required=True, help="hệ tọa độ gốc, ví dụ EPSG:9210 (VN-2000 / TM-3 105-45)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="tệp GeoJSON sẽ ghi")
    parser.add_argument("--id-field", help="thuộc tính chứa mã công trình (thành «id»)")
    parser.add_argument("--code-field", help="thuộc tính chứa mã loại đất")
    parser.add_argument("--name-field", help="thuộc tính chứa tên")
    parser.add_argument("--layer", choices=("cong_trinh", "khoanh_dat", "ranh_gioi"), help="lớp của mọi vùng")
    parser.add_argument("--layer-field", help="thuộc tính chứa lớp (cong_trinh, khoanh_dat, ranh_gioi)")


@command("import-geodata")
def run_import(args: argparse.Namespace) -> int:
    """Convert, write, and print the report and the «geodata.source» lines for plan.yaml."""
    from generator.plans.importer import convert, write_geojson

    if not args.source.is_file():
        raise GeneratorError(f"Không tìm thấy tệp {args.source}.")
    if args.output.exists() and args.output.resolve() == args.source.resolve():
        raise GeneratorError("Tệp ghi ra phải khác tệp gốc.")
    options = {k: getattr(args, k) for k in ("id_field", "code_field", "name_field", "layer", "layer_field")}
    data, report = convert(args.source, args.crs, options)
    write_geojson(data, args.output)
    for line in report.lines():
        print(line)
    print(f"Đã ghi {args.output}. Ghi vào plan.yaml:")
    print(
        f'  source: {{file: {report.source}, crs: "{report.crs}", transformation: {report.transformation}, '
        f"converted_on: {args.as_of.isoformat()}}}"
    )
    return 0
