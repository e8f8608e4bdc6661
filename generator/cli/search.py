"""Command line of the search stage: ``python -m generator search check|index`` (without MkDocs).

``check`` validates content/synonyms.yaml; ``index`` writes both index files into a folder and
prints their sizes (raw and gzipped), so editors and operators can see what citizens download.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

from generator.cli import command, extension
from generator.core.build_context import make_build_context
from generator.issues import Severity
from generator.model.dates import build_date
from generator.reading import read_catalogue
from generator.search.words import check_words
from generator.search.write import write_search_index


def _check(args: argparse.Namespace) -> int:
    catalogue, _ = read_catalogue(args.root, build_date())
    issues = check_words(args.root, catalogue)
    for issue in issues:
        print(issue.format(), file=sys.stderr)
    if any(issue.severity is Severity.ERROR for issue in issues):
        return 1
    print("content/synonyms.yaml, từ điển tìm kiếm và sự kiện hợp lệ.")
    return 0


def _index(args: argparse.Namespace) -> int:
    catalogue, issues = read_catalogue(args.root, args.as_of)
    if catalogue is None:
        for issue in issues:
            print(issue.format(), file=sys.stderr)
        return 1
    write_search_index(catalogue, args.out, make_build_context(catalogue))
    for path in sorted((args.out / "search").glob("*.json")):
        data = path.read_bytes()
        print(f"{path}: {len(data):,} byte, {len(gzip.compress(data, 9)):,} byte gzip")
    return 0


@extension
def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add ``search check`` and ``search index``."""
    search = sub.add_parser("search", help="chỉ mục tìm kiếm và tệp từ đồng nghĩa", parents=[common])
    actions = search.add_subparsers(dest="search_command", required=True)
    actions.add_parser("check", help="kiểm tra content/synonyms.yaml", parents=[common])
    index = actions.add_parser(
        "index", help="ghi search/procedures.json và search/fulltext.json", parents=[common]
    )
    index.add_argument("--out", type=Path, default=Path("site"), help="thư mục trang web để ghi vào")


@command("search")
def run_search(args: argparse.Namespace) -> int:
    """Run ``search check`` or ``search index``."""
    return _check(args) if args.search_command == "check" else _index(args)
