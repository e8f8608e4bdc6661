"""Command line of the import stage: ``python -m generator import dvcqg FILE_OR_FOLDER``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.cli import command, extension, print_issues
from generator.errors import ContentError
from generator.importer.run import ImportReport, run_import


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày phải có dạng NĂM-THÁNG-NGÀY, không phải «{text}»") from exc


@extension
def add_import(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``import`` sub-command."""
    parser = sub.add_parser("import", help="nhập thủ tục từ bản ghi của Cổng DVC quốc gia", parents=[common])
    parser.add_argument("source_kind", choices=["dvcqg"], help="nguồn: dvcqg (Cổng Dịch vụ công quốc gia)")
    parser.add_argument("path", type=Path, help="tệp .json hoặc thư mục chứa các tệp .json")
    parser.add_argument("--office", help="mã cơ quan tiếp nhận cho thủ tục mới (mặc định: default_office)")
    parser.add_argument("--field-map", type=Path, help="tệp YAML ghép lĩnh vực của Cổng với mã lĩnh vực")
    parser.add_argument("--read-on", type=_date, help="ngày đọc bản ghi (mặc định: ngày của tệp .json)")


def _print_report(report: ImportReport) -> None:
    print(
        f"Đã nhập: {len(report.created)} thủ tục mới, {len(report.updated)} cập nhật, "
        f"{report.unchanged} không đổi."
    )
    for path in [*report.created, *report.updated]:
        print(f"  {path}")
    if report.review:
        kinds = ", ".join(f"{key} {count}" for key, count in sorted(report.review.items()))
        total = sum(report.review.values())
        print(f"Cần biên tập viên xem lại {total} chỗ ({kinds}); xem «source.needs_review».")
    for line in report.gone:
        print(f"Không còn trong nguồn (không xoá, hãy kiểm tra): {line}")
    for line in report.skipped:
        print(f"Tệp đã bị xoá sau lần nhập trước, không tạo lại: {line}")


@command("import")
def run_import_command(args: argparse.Namespace) -> int:
    """Import portal records; print what changed, or every problem (nothing written)."""
    if not args.path.exists():
        print(f"Lỗi: không có tệp hoặc thư mục {args.path}", file=sys.stderr)
        return 1
    try:
        report = run_import(
            args.path, args.root, office=args.office, field_map=args.field_map, read_on=args.read_on
        )
    except ContentError as exc:
        print_issues(exc.issues)
        print("Không ghi tệp nào.", file=sys.stderr)
        return 1
    _print_report(report)
    return 0
