"""Search, command line: ``python -m generator.search check|index`` (without MkDocs).

``check`` validates content/synonyms.yaml; ``index`` writes both index files into a folder and
prints their sizes (raw and gzipped), so editors and operators can see what citizens download.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import sys
from pathlib import Path

from generator.catalogue import read_catalogue
from generator.core.build_context import make_build_context
from generator.issues import Severity
from generator.model.dates import build_date
from generator.search.synonyms import read_synonyms
from generator.search.write import write_search_index


def _check(args: argparse.Namespace) -> int:
    _, issues = read_synonyms(args.root)
    for issue in issues:
        print(issue.format(), file=sys.stderr)
    if any(issue.severity is Severity.ERROR for issue in issues):
        return 1
    print("content/synonyms.yaml hợp lệ.")
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


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one sub-command; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m generator.search", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="content repository root")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate content/synonyms.yaml").set_defaults(run=_check)
    index = sub.add_parser("index", help="write search/procedures.json and search/fulltext.json")
    index.add_argument("--out", type=Path, default=Path("site"), help="site folder to write into")
    index.add_argument("--as-of", type=dt.date.fromisoformat, default=build_date(), help="build date")
    index.set_defaults(run=_index)
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code
