"""Command line: ``python -m generator check|new|schema|…`` — the only place that prints and exits."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.catalogue import Catalogue
from generator.core.routes import check_page_routes
from generator.errors import GeneratorError
from generator.issues import Issue, Severity, has_errors, sort_issues
from generator.model.dates import build_date
from generator.reading import read_catalogue
from generator.scaffold import ScaffoldError, scaffold_procedure
from generator.schema import write_schemas

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    """Register a sub-command handler."""

    def register(func: Command) -> Command:
        COMMANDS[name] = func
        return func

    return register


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày phải có dạng NĂM-THÁNG-NGÀY, không phải «{text}»") from exc


def print_issues(issues: Sequence[Issue], *, strict: bool = False) -> None:
    """Print issues one per line, then a Vietnamese summary line, to standard error."""
    for issue in issues:
        print(issue.format(), file=sys.stderr)
    errors = sum(1 for i in issues if i.severity is Severity.ERROR or (strict and not i.dated))
    warnings = len(issues) - errors
    if issues:
        kinds = Counter(i.code for i in issues)
        by_kind = ", ".join(f"{code} {count}" for code, count in sorted(kinds.items()))
        print(f"{errors} lỗi, {warnings} cảnh báo ({by_kind}).", file=sys.stderr)


@command("check")
def run_check(args: argparse.Namespace) -> int:
    """Validate every content file; exit 1 on any error (on any non-dated warning with --strict)."""
    catalogue, issues = read_catalogue(args.root, args.as_of)
    issues = sort_issues([*issues, *_extra_content_issues(args.root, catalogue)])
    print_issues(issues, strict=args.strict)
    if has_errors(issues, strict=args.strict):
        return 1
    count = len(catalogue.procedures) if catalogue else 0
    plans = ""
    if catalogue and catalogue.plans:
        plans = f", {len(catalogue.plans)} quy hoạch, kế hoạch sử dụng đất"
    print(f"Nội dung hợp lệ: {count} thủ tục{plans} (ngày áp dụng {args.as_of:%d/%m/%Y}).")
    return 0


def _extra_content_issues(root: Path, catalogue: Catalogue | None = None) -> list[Issue]:
    """Problems in files owned by later stages: the search synonyms, the shipped thesaurus and events;
    and free pages whose address the generator owns."""
    from generator.search.words import check_words

    return check_words(root, catalogue) + check_page_routes(root)


@command("schema")
def run_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schema files generated from the models."""
    for path in write_schemas(args.root):
        print(f"Đã ghi {path}")
    return 0


@command("docs")
def run_docs(args: argparse.Namespace) -> int:
    """Rewrite the generated sections of docs/editor-guide.md."""
    from generator.docs import GUIDE, write_guide

    if write_guide(args.root):
        print(f"Đã cập nhật {GUIDE}")
    return 0


@command("new")
def run_new(args: argparse.Namespace) -> int:
    """Scaffold a new procedure file."""
    try:
        path = scaffold_procedure(
            args.root,
            args.slug,
            name=args.name,
            field=args.field,
            level=args.level,
            office=args.office,
            today=args.as_of.isoformat(),
        )
    except FileExistsError:
        print(f"Tệp đã tồn tại, không ghi đè: {args.slug}.yaml", file=sys.stderr)
        return 1
    except ScaffoldError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    print(f"Đã tạo {path}. Hãy điền các phần còn trống rồi chạy «make check».")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS, help="thư mục gốc của kho nội dung")
    common.add_argument(
        "--as-of", type=_date, default=argparse.SUPPRESS, help="ngày áp dụng (mặc định: hôm nay)"
    )
    parser = argparse.ArgumentParser(
        prog="congkhai", description="Công Khai: kiểm tra và xuất bản thủ tục hành chính.", parents=[common]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="kiểm tra toàn bộ nội dung", parents=[common])
    check.add_argument("--strict", action="store_true", help="coi cảnh báo nội dung là lỗi")
    sub.add_parser("schema", help="ghi JSON Schema sinh từ mô hình", parents=[common])
    sub.add_parser("docs", help="cập nhật phần sinh tự động của hướng dẫn biên tập", parents=[common])
    new = sub.add_parser("new", help="tạo tệp thủ tục mới từ mẫu", parents=[common])
    new.add_argument("slug", help="tên tệp, viết thường không dấu, ví dụ dang-ky-khai-sinh")
    new.add_argument("--name", required=True, help="tên thủ tục")
    new.add_argument("--field", required=True, help="mã lĩnh vực, ví dụ ho-tich")
    new.add_argument("--level", default="xa", help="cấp thực hiện (mặc định xa)")
    new.add_argument("--office", required=True, help="mã cơ quan tiếp nhận")
    for extend in _EXTENSIONS:
        extend(sub, common)
    return parser


Extension = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]", argparse.ArgumentParser], None]
_EXTENSIONS: list[Extension] = []
"""Hooks other stages use to add their sub-commands (build, posters, …): ``extend(sub, common)``,
where ``common`` is the parent parser carrying --root and --as-of; pair it with :func:`command`."""


def extension(func: Extension) -> Extension:
    """Register a function that adds sub-commands to the parser."""
    _EXTENSIONS.append(func)
    return func


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m generator`` and the ``congkhai`` console script."""
    _load_extensions()
    args = build_parser().parse_args(argv)
    args.root = getattr(args, "root", Path("."))
    args.as_of = getattr(args, "as_of", None) or build_date()
    try:
        return COMMANDS[args.command](args)
    except GeneratorError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1


def _load_extensions() -> None:
    """Import the optional stage CLIs so they can register themselves."""
    import importlib

    stages = ("generator.adapters.build_command", "generator.cli.posters", "generator.cli.search")
    for module in (
        *stages,
        "generator.cli.importer",
        "generator.cli.plans",
        "generator.cli.changes",
        "generator.cli.publisher",
    ):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name is None or not module.startswith(exc.name):
                raise
