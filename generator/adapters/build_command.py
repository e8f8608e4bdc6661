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
