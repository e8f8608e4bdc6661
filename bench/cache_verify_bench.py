"""Cost of verifying poster cache hits (issue 9): the stat fast path against a full SHA-256 check.

    .venv/bin/python bench/cache_verify_bench.py CACHE_DIR

CACHE_DIR is a filled poster cache (e.g. after ``python -m generator posters --cache-dir DIR``).
The stat path is a hit on files this cache last checked; the hash path is the same cache copied
(new inodes, as after a CI cache restore), where every hit reads and hashes its PDF once.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from generator.posters.cache import PosterCache


def time_hits(folder: Path) -> float:
    """Seconds for ``get`` on every entry of the cache in ``folder`` (all must hit)."""
    cache = PosterCache(folder)
    start = time.perf_counter()
    hits = sum(cache.get(key) is not None for key in list(cache.entries))
    elapsed = time.perf_counter() - start
    assert hits == len(cache.entries), (hits, len(cache.entries))
    return elapsed


def main(source: Path, runs: int = 7) -> None:
    """Print the medians of both paths, in total and per entry."""
    count = len(PosterCache(source).entries)
    size = sum(p.stat().st_size for p in source.rglob("*.pdf"))
    fast = statistics.median(time_hits(source) for _ in range(runs))
    slow = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="cache-copy-") as tmp:
            copy = Path(tmp) / "cache"
            shutil.copytree(source, copy)
            slow.append(time_hits(copy))
    hashed = statistics.median(slow)
    print(f"{count} entries, {size / 1e6:.1f} MB of PDF")
    print(f"stat path: {fast * 1e3:.1f} ms ({fast / count * 1e6:.0f} µs per entry)")
    rate = size / hashed / 1e6
    print(f"hash path: {hashed * 1e3:.1f} ms ({hashed / count * 1e6:.0f} µs per entry, {rate:.0f} MB/s)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
