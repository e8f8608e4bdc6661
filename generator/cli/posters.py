"""``python -m generator posters``: build the notice-board posters alone, and list what to reprint.

python -m generator posters [--out DIR] [--changed-since REF|YYYY-MM-DD] [--bundle FILE]
                            [--office SLUG] [--jobs N] [--cache-dir DIR]
python -m generator posters --shard K/N --out DIR     (one part of a CI matrix)
python -m generator posters --merge DIR... [--out DIR] (join the parts; renders nothing)
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.catalogue import Catalogue
from generator.cli import command, extension, print_issues
from generator.core.history import read_history
from generator.issues import has_errors
from generator.model.dates import format_date
from generator.posters.bundle import combine
from generator.posters.plan import Sheet
from generator.posters.reprint import Reprint, Scheduled, reprint_list, scheduled
from generator.posters.shard import Shard, merge_shards, write_shard
from generator.posters.theme import load_theme
from generator.posters.write import CACHE_DIR, PosterReport, write_posters
from generator.reading import read_catalogue

DEFAULT_OUT = Path("site") / "posters"


@extension
def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``posters`` sub-command."""
    p = sub.add_parser("posters", help="in bảng niêm yết (PDF) và danh sách tờ cần in lại", parents=[common])
    p.add_argument("--out", type=Path, help=f"thư mục ghi PDF (mặc định <root>/{DEFAULT_OUT})")
    p.add_argument(
        "--changed-since",
        metavar="REF",
        help="liệt kê tờ cần in lại kể từ một commit/nhánh/thẻ git hoặc một ngày NĂM-THÁNG-NGÀY",
    )
    p.add_argument(
        "--bundle", type=Path, metavar="FILE", help="ghép các tờ cần in lại (hoặc tất cả) vào một PDF"
    )
    p.add_argument("--office", metavar="SLUG", help="chỉ một cơ quan (mã tệp trong content/offices)")
    p.add_argument("--jobs", type=int, help="số tiến trình in song song (mặc định: số lõi CPU)")
    p.add_argument("--cache-dir", type=Path, help=f"bộ nhớ đệm (mặc định <root>/{CACHE_DIR})")
    parts = p.add_mutually_exclusive_group()
    parts.add_argument("--shard", metavar="K/N", help="chỉ in phần thứ K trong N phần (ma trận CI)")
    parts.add_argument(
        "--merge", nargs="+", type=Path, metavar="DIR", help="ghép các thư mục đã in bằng --shard"
    )


class ProgressLine:
    """Progress on standard error, at most about once a second, for long runs."""

    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - self.last >= 1.0:
            self.last = now
            print(f"  đang in {done}/{total} tờ ({100 * done // total}%)", file=sys.stderr, flush=True)


@command("posters")
def run_posters(args: argparse.Namespace) -> int:
    """Build every poster, then print (and optionally bundle) the reprint list."""
    catalogue, issues = read_catalogue(args.root, args.as_of)
    print_issues(issues)
    if catalogue is None or has_errors(issues):
        return 1
    if args.office and args.office not in catalogue.offices:
        print(f"Không có cơ quan «{args.office}» trong content/offices.", file=sys.stderr)
        return 1
    out = args.out or args.root / DEFAULT_OUT
    if args.shard or args.merge:
        return run_parts(args, catalogue, out)
    report = write_posters(
        catalogue,
        out,
        changed=poster_dates(args.root),
        cache_dir=args.cache_dir,
        jobs=args.jobs,
        progress=ProgressLine(),
    )
    print_summary(report)
    sheets = [s for s in report.sheets if not args.office or s.office == args.office]
    if args.changed_since:
        reprint = reprint_list(args.root, args.changed_since, report.sheets, load_theme())
        print_reprint(reprint, args.office)
        print_scheduled(scheduled(catalogue, report.sheets), args.office)
        sheets = [s for s in reprint.to_print if not args.office or s.office == args.office]
    if args.bundle:
        write_bundle(sheets, out, args.bundle, catalogue.site.model.publisher.name)
    return 0


def poster_dates(root: Path) -> Mapping[str, dt.date]:
    """The «updated on» date of each content file from git; says so when the history is incomplete."""
    history = read_history(root)
    if history.notice:
        print(f"Cảnh báo: {history.notice}", file=sys.stderr)
    return history.last_changed


def run_parts(args: argparse.Namespace, catalogue: Catalogue, out: Path) -> int:
    """``--shard K/N`` (render one part) or ``--merge DIR...`` (join the parts)."""
    changed = poster_dates(args.root)
    if args.shard:
        shard = Shard.parse(args.shard)
        report = write_shard(
            catalogue,
            out,
            shard,
            changed=changed,
            cache_dir=args.cache_dir,
            jobs=args.jobs,
            progress=ProgressLine(),
        )
        print(f"Phần {shard.index}/{shard.count}:", end=" ")
    else:
        report = merge_shards(catalogue, out, args.merge, changed=changed, cache_dir=args.cache_dir)
        print(f"Đã ghép {len(args.merge)} phần:", end=" ")
    print_summary(report)
    return 0


def print_summary(report: PosterReport) -> None:
    """One line: how many sheets, how many rendered, where."""
    print(
        f"Bảng niêm yết: {len(report.sheets)} tờ trong {report.out_dir} "
        f"({report.rendered} in mới, {report.reused} lấy từ bộ nhớ đệm, {report.seconds:.1f} s)."
    )


def print_reprint(reprint: Reprint, office: str | None) -> None:
    """The reprint list, grouped by office: new, changed and removed sheets."""
    rows = [(s.office, "IN MỚI", s.path, s.title, s.stamp.version) for s in reprint.added]
    rows += [
        (n.office, "IN LẠI", n.path, n.title, f"{o.version} → {n.stamp.version}") for o, n in reprint.changed
    ]
    rows += [(s.office, "GỠ BỎ", s.path, s.title, s.version) for s in reprint.removed]
    rows = [row for row in rows if not office or row[0] == office]
    to_print = sum(1 for row in rows if row[1] != "GỠ BỎ")
    print(f"So với {reprint.since}: {to_print} tờ cần in, {len(rows) - to_print} tờ cần gỡ.")
    for file in reprint.unreadable:
        print(f"  ({file} khi đó không hợp lệ theo quy tắc hiện nay: tờ của nó được tính là in mới)")
    for _, action, path, title, version in sorted(rows, key=lambda r: (r[0], r[2])):
        print(f"  {action:7} {path}  {short(title)} · phiên bản {version}")


def print_scheduled(items: Sequence[Scheduled], office: str | None) -> None:
    """The sheets to take down (or reprint) on a later day, with the day."""
    items = [item for item in items if not office or item.sheet.office == office]
    if not items:
        return
    print(f"Đã hẹn ngày: {len(items)} tờ cần gỡ hoặc in lại vào ngày ghi bên cạnh.")
    for item in items:
        sheet = item.sheet
        print(f"  {item.action:7} từ {format_date(item.day)}  {sheet.path}  {short(sheet.title)}")


def short(title: str, limit: int = 70) -> str:
    """A title cut to ``limit`` characters for one-line listings."""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def write_bundle(sheets: list[Sheet], out: Path, target: Path, author: str) -> None:
    """Combine ``sheets`` (already published under ``out``) into one PDF at ``target``."""
    if not sheets:
        print(f"Không có tờ nào để ghép; không ghi {target}.")
        return
    parts = [(out / s.path, s.title) for s in sheets]
    pages = combine(parts, target, title="Bảng niêm yết cần in", author=author)
    print(f"Đã ghép {len(sheets)} tờ ({pages} trang) vào {target}.")
