"""Command line of the site stage: ``python -m generator build`` runs the MkDocs build of the site."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.cli import command, extension


@extension
def add_build(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``build``: check the content and build the website (like ``mkdocs build --strict``)."""
    build = sub.add_parser("build", help="xây dựng trang web vào thư mục site/", parents=[common])
    build.add_argument(
        "--site", type=Path, default=None, help="thư mục đầu ra (mặc định: site_dir trong mkdocs.yml)"
    )
    build.add_argument(
        "--config", type=Path, default=None, help="tệp mkdocs.yml (mặc định: <root>/mkdocs.yml)"
    )


@command("build")
def run_build(args: argparse.Namespace) -> int:
    """Build the site with MkDocs (strict); content errors are printed located, without a traceback."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    handler = logging.StreamHandler(sys.stderr)  # MkDocs' own CLI sets this up; we print warnings and errors
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    config_file = args.config or Path(args.root) / "mkdocs.yml"
    overrides = {"site_dir": str(args.site)} if args.site else {}
    try:
        config = load_config(str(config_file), strict=True, **overrides)
        config.plugins["congkhai"].config["as_of"] = args.as_of.isoformat()  # passed, not via the environment
        target = config.site_dir
        build(config)
    except Abort as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    print(f"Đã xây dựng trang web vào {target}.")
    return 0


@extension
def add_preview(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``preview``: the site served locally, brought up to date within a moment of each save."""
    preview = sub.add_parser(
        "preview", help="xem trước trang web, cập nhật ngay khi lưu tệp (make serve)", parents=[common]
    )
    preview.add_argument("--host", default="127.0.0.1", help="địa chỉ lắng nghe (mặc định 127.0.0.1)")
    preview.add_argument("--port", type=int, default=8000, help="cổng (mặc định 8000)")
    preview.add_argument(
        "--config", type=Path, default=None, help="tệp mkdocs.yml (mặc định: <root>/mkdocs.yml)"
    )


@command("preview")
def run_preview(args: argparse.Namespace) -> int:
    """Serve the preview until Ctrl+C; print what each save did and how long it took."""
    from generator.adapters.preview import Outcome, PreviewSite
    from generator.adapters.preview_server import serve

    root = Path(args.root).resolve()
    site = PreviewSite(
        root, root / ".cache" / "preview", config_file=args.config or root / "mkdocs.yml", as_of=args.as_of
    )

    def report(outcome: Outcome, seconds: float) -> None:
        for issue in outcome.errors:
            print(issue.format(), file=sys.stderr)
        if outcome.message:
            print(outcome.message, file=sys.stderr)
        what = "toàn bộ trang" if outcome.full else f"{outcome.pages} trang ({', '.join(outcome.slugs)})"
        verdict = f"{len(outcome.errors) or 1} lỗi" if outcome.errors or outcome.message else "xong"
        print(f"Xem trước: {what}, {verdict}, {seconds:.2f} s.", flush=True)

    print(f"Xem trước tại http://{args.host}:{args.port}/ (Ctrl+C để dừng).", flush=True)
    try:
        serve(site, host=args.host, port=args.port, report=report)
    except KeyboardInterrupt:
        return 0
    return 0
