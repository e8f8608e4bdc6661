"""Command line: ``congkhai init DIR`` (a new publisher's repository), ``lock`` and ``migrate`` (upgrades)."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.cli import command, extension


@extension
def add_publisher(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``init`` and ``lock``."""
    init = sub.add_parser(
        "init", help="tạo kho nội dung mới cho một cơ quan từ dữ liệu mẫu", parents=[common]
    )
    init.add_argument("directory", type=Path, help="thư mục mới (chưa có hoặc trống)")
    init.add_argument("--forge", choices=("github", "gitlab"), default="github", help="nơi đặt kho (mẫu CI)")
    init.add_argument(
        "--source",
        default=None,
        help="nguồn cài gói thay cho «congkhai==phiên bản», ví dụ địa chỉ tệp wheel hoặc git+https://…@v0.1.0",
    )
    sub.add_parser("lock", help="ghi lại requirements.lock theo bản congkhai đang cài", parents=[common])
    sub.add_parser(
        "migrate", help="chuyển nội dung sang định dạng của bản congkhai đang cài", parents=[common]
    )


@command("init")
def run_init(args: argparse.Namespace) -> int:
    """Write the publisher's repository and say what to do next."""
    from generator.publisher import init_publisher

    files = init_publisher(args.directory, forge=args.forge, source=args.source)
    print(f"Đã tạo kho nội dung trong {args.directory} ({len(files)} tệp).")
    print(
        "Tiếp theo: sửa content/site.yaml, rồi «git init», «pip install -r requirements.txt», "
        "«congkhai check» (docs/publishers.md)."
    )
    return 0


@command("lock")
def run_lock(args: argparse.Namespace) -> int:
    """Rewrite requirements.lock from the installed version."""
    from generator.publisher import write_lock

    print(f"Đã ghi {write_lock(Path(args.root))}.")
    return 0


@command("migrate")
def run_migrate(args: argparse.Namespace) -> int:
    """Migrate the content to this version's format (CHANGELOG.md)."""
    from generator.publisher import migrate

    changed = migrate(Path(args.root))
    for path in changed:
        print(f"Đã chuyển {path}")
    if not changed:
        print("Nội dung đã đúng định dạng của bản congkhai đang cài: không cần chuyển.")
    return 0
