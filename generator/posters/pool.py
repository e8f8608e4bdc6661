"""Posters, step 3b: render the sheets missing from the cache, in parallel worker processes.

Each worker builds one :class:`Renderer` (one Typst compiler, fonts loaded once) and writes its
PDFs straight into the cache; only page counts travel back. Workers are *spawned*, not forked:
the Typst compiler runs its own threads, and a forked child of a process that has compiled
before would inherit a thread pool without its threads. Small batches render in this process,
where starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from generator.posters.cache import PosterCache, sheet_path, write_atomic
from generator.posters.plan import Sheet
from generator.posters.render import Renderer
from generator.posters.shared import group_shared, render_shared
from generator.posters.theme import Theme

Progress = Callable[[int, int], None]
"""Called with (done, total) after each rendered sheet."""

SERIAL_BELOW = 40
"""Fewer sheets than this render in-process: at ~20–40 ms a sheet that is about a second of work,
what starting a worker process (Python, the catalogue modules, the fonts) costs."""


@dataclass(frozen=True)
class Done:
    """A sheet rendered into the cache."""

    key: str
    pages: int
    bytes: int


_WORKER: dict[str, object] = {}


def _init_worker(theme: Theme) -> None:
    _WORKER["renderer"] = Renderer(theme)


def _render_into(renderer: Renderer, task: Sequence[Sheet], cache_folder: str) -> list[Done]:
    """Render one task (a sheet, or a shared procedure's sheets) into the cache."""
    if len(task) == 1 and not task[0].shared:
        rendered = [(task[0], renderer.render(task[0].poster, task[0].stamp))]
    else:
        rendered = list(render_shared(renderer, task))
    done = []
    for sheet, result in rendered:
        write_atomic(sheet_path(Path(cache_folder), sheet.key), result.pdf)
        done.append(Done(sheet.key, result.pages, len(result.pdf)))
    return done


def _work(task: Sequence[Sheet], cache_folder: str) -> list[Done]:
    renderer = _WORKER["renderer"]
    assert isinstance(renderer, Renderer)
    return _render_into(renderer, task, cache_folder)


def default_jobs() -> int:
    """Worker processes: the CPUs this process may use (CONGKHAI_JOBS overrides)."""
    forced = os.environ.get("CONGKHAI_JOBS", "")
    if forced.isdigit() and int(forced) > 0:
        return int(forced)
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def heaviest_first(tasks: Sequence[Sequence[Sheet]]) -> list[Sequence[Sheet]]:
    """Order tasks so the long ones start first (better balance across workers)."""
    return sorted(tasks, key=lambda t: len(t) * len(repr(t[0].poster)), reverse=True)


SHARED_TASK = 50
"""At most this many sheets of a shared procedure in one task (a body each, spread over the workers)."""


def render_missing(
    sheets: Sequence[Sheet],
    theme: Theme,
    cache: PosterCache,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Render ``sheets`` into ``cache``; return how many were rendered."""
    todo = heaviest_first(group_shared(sheets, SHARED_TASK))
    if not todo:
        return 0
    workers = min(jobs or default_jobs(), len(todo))
    results = (
        _serial(todo, theme, cache)
        if workers <= 1 or len(sheets) < SERIAL_BELOW
        else _parallel(todo, theme, cache, workers)
    )
    for done_count, done in enumerate(results, start=1):
        cache.record(done.key, done.pages, done.bytes)
        if progress is not None:
            progress(done_count, len(sheets))
    return len(sheets)


def _serial(tasks: Sequence[Sequence[Sheet]], theme: Theme, cache: PosterCache) -> Iterator[Done]:
    renderer = Renderer(theme)
    for task in tasks:
        yield from _render_into(renderer, task, str(cache.folder))


def _parallel(
    tasks: Sequence[Sequence[Sheet]], theme: Theme, cache: PosterCache, workers: int
) -> Iterator[Done]:
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(theme,))
    try:
        folder = str(cache.folder)
        pending: set[Future[list[Done]]] = {pool.submit(_work, task, folder) for task in tasks}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield from future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
