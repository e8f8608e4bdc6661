"""Benchmark of the public history and the open-data writers at province scale (docs/benchmarks.md).

python bench/history_bench.py --count 2000 --commits 10 --per-commit 400

Builds a synthetic catalogue in a fresh git repository (one commit adding every file, then
``--commits`` commits that each give ``--per-commit`` procedures a new change note), then times
(median of 3): reading the history (one git log + one cat-file), the Atom feed, and the open-data
writer (catalogue JSON, CSV, changes JSON, schemas).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synth import make_catalogue
from generator.build import read
from generator.core.build_context import make_build_context
from generator.core.history import read_history
from generator.site.feed import atom_feed
from generator.site.opendata.write import write_open_data

AS_OF = dt.date(2026, 11, 25)


def _git(root: Path, *args: str, when: str = "2026-01-01T08:00:00+07:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    command = ["git", "-C", str(root), "-c", "user.name=b", "-c", "user.email=b@example.org", *args]
    subprocess.run(command, check=True, capture_output=True, env=env)


def make_history(root: Path, commits: int, per_commit: int) -> int:
    """Commit the catalogue, then ``commits`` rounds of new change notes; return the file count."""
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "đăng tải")
    files = sorted((root / "procedures").rglob("*.yaml"))
    for round_ in range(commits):
        for index in range(per_commit):
            path = files[(round_ * per_commit + index * 7) % len(files)]
            kept = [
                ln
                for ln in path.read_text(encoding="utf-8").splitlines()
                if not ln.startswith("change_note:")
            ]
            path.write_text("\n".join([*kept, f"change_note: Lần {round_}"]) + "\n", encoding="utf-8")
        day = dt.date(2026, 2, 1) + dt.timedelta(days=7 * round_)
        _git(root, "commit", "-qam", f"vòng {round_}", when=f"{day.isoformat()}T08:00:00+07:00")
    return len(files)


def median_seconds(run: Callable[[], object], repeat: int = 3) -> dict[str, float]:
    """Median wall time and CPU time (this process and its git children) of ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, before = time.perf_counter(), os.times()
        run()
        after = os.times()
        walls.append(time.perf_counter() - start)
        cpus.append(sum(after[:4]) - sum(before[:4]))
    return {"wall": round(statistics.median(walls), 2), "cpu": round(statistics.median(cpus), 2)}


def main() -> None:
    """Command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=10)
    parser.add_argument("--per-commit", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="history-bench-") as work:
        root = make_catalogue(Path(work) / "tree", args.count)
        files = make_history(root, args.commits, args.per_commit)
        history = read_history(root)
        catalogue, _ = read(root, AS_OF)
        ctx = make_build_context(catalogue)
        site = Path(work) / "site"
        figures = {
            "procedures": files,
            "changes": len(history.changes),
            "read_history_s": median_seconds(lambda: read_history(root)),
            "atom_feed_s": median_seconds(lambda: atom_feed(catalogue, ctx)),
            "open_data_s": median_seconds(lambda: write_open_data(catalogue, site, ctx)),
            "data_bytes": {p.name: p.stat().st_size for p in sorted((site / "data").glob("*.*"))},
        }
    print(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
