"""Posters, step 3b: render the sheets missing from the cache, in parallel worker processes.

Each worker builds one :class:`Renderer` (one Typst compiler, fonts loaded once) and writes its
PDFs straight into the cache; only page counts travel back. Shared sheets (a procedure at many
offices, :mod:`generator.posters.shared`) take two rounds: first each procedure's bodies (into a
temporary folder of the cache), then each office's stamps in one compilation, drawn over them.
Workers are *spawned*, not forked: the Typst compiler runs its own threads, and a forked child
of a process that has compiled before would inherit a thread pool without its threads. Small
batches render in this process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from generator.core.modes import make_dirs
from generator.posters.cache import PosterCache, sheet_path, write_atomic
from generator.posters.plan import Sheet
from generator.posters.render import Renderer
from generator.posters.shared import Placed, group_bodies, group_stamps, make_bodies, render_stamped
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


Task = tuple[str, object]
"""(kind, what): ("whole", a sheet), ("bodies", a procedure's shared sheets), ("stamps", placed sheets)."""


def _run(renderer: Renderer, task: Task, cache_folder: str, bodies: str) -> list[Done] | list[Placed]:
    """Run one task: sheets rendered into the cache (``Done``), or bodies compiled (``Placed``)."""
    kind, what = task
    if kind == "bodies":
        assert isinstance(what, list)
        return make_bodies(renderer, what, Path(bodies))
    if kind == "whole":
        assert isinstance(what, Sheet)
        rendered = [(what, renderer.render(what.poster, what.stamp))]
    else:
        assert isinstance(what, list)
        rendered = list(render_stamped(renderer, what))
    done = []
    for sheet, result in rendered:
        write_atomic(sheet_path(Path(cache_folder), sheet.key), result.pdf)
        done.append(Done(sheet.key, result.pages, len(result.pdf)))
    return done


def _work(task: Task, cache_folder: str, bodies: str) -> list[Done] | list[Placed]:
    renderer = _WORKER["renderer"]
    assert isinstance(renderer, Renderer)
    return _run(renderer, task, cache_folder, bodies)


def default_jobs() -> int:
    """Worker processes: the CPUs this process may use (CONGKHAI_JOBS overrides)."""
    forced = os.environ.get("CONGKHAI_JOBS", "")
    if forced.isdigit() and int(forced) > 0:
        return int(forced)
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def heaviest_first(tasks: Sequence[Task]) -> list[Task]:
    """Order tasks so the long ones start first (better balance across workers)."""

    def weight(task: Task) -> int:
        kind, what = task
        if kind == "whole":
            assert isinstance(what, Sheet)
            return len(repr(what.poster))
        assert isinstance(what, list)
        return len(what) * 1000 if kind == "stamps" else 10**9

    return sorted(tasks, key=weight, reverse=True)


STAMP_TASK = 200
"""At most this many sheets in one stamps compilation (one office's; a few tasks per office)."""


def render_missing(
    sheets: Sequence[Sheet],
    theme: Theme,
    cache: PosterCache,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Render ``sheets`` into ``cache``; return how many were rendered."""
    if not sheets:
        return 0
    whole, groups = group_bodies(sheets)
    first: list[Task] = [("bodies", g) for g in groups] + [("whole", s) for s in whole]
    workers = jobs or default_jobs()
    serial = workers <= 1 or len(sheets) < SERIAL_BELOW
    run = _serial if serial else functools.partial(_parallel, workers=workers)
    make_dirs(cache.folder)
    bodies = tempfile.mkdtemp(dir=cache.folder, prefix=".bodies-")
    count = 0
    try:
        with run(theme, str(cache.folder), bodies) as submit:
            placed: list[Placed] = []
            for result in submit(heaviest_first(first)):
                for item in result:
                    if isinstance(item, Placed):
                        placed.append(item)
                        continue
                    count = _record(cache, item, count, len(sheets), progress)
            stamps: list[Task] = [("stamps", batch) for batch in group_stamps(placed, STAMP_TASK)]
            for result in submit(heaviest_first(stamps)):
                for item in result:
                    assert isinstance(item, Done)
                    count = _record(cache, item, count, len(sheets), progress)
    finally:
        shutil.rmtree(bodies, ignore_errors=True)
    return len(sheets)


def _record(cache: PosterCache, done: Done, count: int, total: int, progress: Progress | None) -> int:
    cache.record(done.key, done.pages, done.bytes)
    if progress is not None:
        progress(count + 1, total)
    return count + 1


Submit = Callable[[Sequence[Task]], Iterator[list[Done] | list[Placed]]]
"""Runs tasks and yields their results as they finish."""


@contextlib.contextmanager
def _serial(theme: Theme, folder: str, bodies: str) -> Iterator[Submit]:
    renderer = Renderer(theme)
    yield lambda tasks: (_run(renderer, task, folder, bodies) for task in tasks)


@contextlib.contextmanager
def _parallel(theme: Theme, folder: str, bodies: str, *, workers: int) -> Iterator[Submit]:
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(theme,))

    def submit(tasks: Sequence[Task]) -> Iterator[list[Done] | list[Placed]]:
        pending: set[Future[list[Done] | list[Placed]]] = {
            pool.submit(_work, task, folder, bodies) for task in tasks
        }
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()

    try:
        yield submit
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
