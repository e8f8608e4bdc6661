"""``python -m generator changes --base REF [--format markdown|json|title]``: the change report.

The command line joins two stages that may not import each other: the review stage builds the
report, and the posters stage's reprint planning (:func:`generator.posters.reprint.reprint_list`:
today's sheets against the sheets at ``REF``, by version id) gives the sheets to reprint and to
take down, handed to the review stage as plain :class:`~generator.review.posters.SheetDiff` records.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.catalogue import Catalogue
from generator.cli import command, extension, print_issues
from generator.errors import ContentError, PosterError
from generator.posters.plan import Sheet, plan_sheets
from generator.posters.reprint import reprint_list
from generator.posters.theme import load_theme
from generator.review.data import ChangeReport
from generator.review.posters import PostedSheet, SheetDiff
from generator.review.render import render_json, render_markdown, summary
from generator.review.report import PosterPlanner, build_report

FORMATS = ("markdown", "json", "title")


@extension
def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``changes`` sub-command."""
    p = sub.add_parser("changes", help="tóm tắt thay đổi so với một phiên bản git", parents=[common])
    p.add_argument("--base", default="origin/main", help="phiên bản so sánh (mặc định origin/main)")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="markdown",
        help="markdown (bình luận pull request, mặc định), json (cho máy) hoặc title (một dòng tóm tắt)",
    )


def _posted(sheet: Sheet) -> PostedSheet:
    return PostedSheet(sheet.office, sheet.path, sheet.title, sheet.procedure)


def poster_planner(root: Path, base: str) -> PosterPlanner:
    """The posters stage's reprint planning for today's catalogue against ``base``."""

    def plan(catalogue: Catalogue) -> SheetDiff:
        theme = load_theme()
        try:
            rep = reprint_list(root, base, plan_sheets(catalogue, theme), theme)
        except PosterError as exc:
            return SheetDiff(note=f"Không lập được danh sách bảng niêm yết: {exc}")
        return SheetDiff(
            added=tuple(_posted(s) for s in rep.added),
            changed=tuple(_posted(new) for _, new in rep.changed),
            gone=tuple(PostedSheet(s.office, s.path, s.title) for s in rep.removed),
        )

    return plan


def full_report(root: Path, base: str, as_of: dt.date) -> ChangeReport:
    """The change report with the sheets to reprint and to take down."""
    return build_report(root, base, as_of, posters=poster_planner(root, base))


@command("changes")
def run_changes(args: argparse.Namespace) -> int:
    """Print the change report against a base git revision, as Markdown, JSON or a one-line title."""
    try:
        report = full_report(args.root, args.base, args.as_of)
    except ContentError as exc:
        print_issues(exc.issues)
        return 1
    if args.format == "json":
        sys.stdout.write(render_json(report))
    elif args.format == "title":
        print(summary(report))
    else:
        sys.stdout.write(render_markdown(report))
    return 0
