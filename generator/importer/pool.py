"""Import, parallel reading: load many YAML files on every core (files are independent)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 200
"""Below this many files one process is faster than starting workers."""


def map_files(func: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[func(item) for item in items]``, on up to two worker processes for large batches.

    ``func`` must be a module-level function of picklable arguments and results.
    """
    workers = min(2, os.cpu_count() or 1)
    if len(items) < PARALLEL_FROM or workers < 2:
        return [func(item) for item in items]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(func, items, chunksize=max(1, len(items) // (workers * 8))))
