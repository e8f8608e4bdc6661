"""Python's cyclic garbage collector, kept from walking the catalogue again and again.

Reading 2,000 procedures or planning 2,500 poster contexts allocates millions of objects that
live until the build ends and form no garbage cycles; each full collection walks all of them
again, which was a third of the poster step after an edit and a quarter of reading the catalogue
(docs/benchmarks.md §3.2). Two tools: :func:`collector_paused` while a stage builds such objects
(memory is still freed by reference counts; only the search for cycles waits), and
:func:`earlier_objects_frozen` for a stage that works on them: what existed before it is set
aside (``gc.freeze``), so collections during the stage look only at what the stage made.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block; restore it as it was (nesting is fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def without_collector(function: Callable[P, R]) -> Callable[P, R]:
    """Decorate ``function`` so it runs with the cyclic collector paused."""
    return _inside(collector_paused, function)


def _inside(
    block: Callable[[], contextlib.AbstractContextManager[None]], function: Callable[P, R]
) -> Callable[P, R]:
    """``function``, run inside a fresh ``block()`` on every call."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with block():
            return function(*args, **kwargs)

    return wrapper


_FROZEN_DEPTH = [0]


@contextlib.contextmanager
def earlier_objects_frozen() -> Iterator[None]:
    """Inside the block the collector skips every object that existed before it (nesting is fine)."""
    _FROZEN_DEPTH[0] += 1
    if _FROZEN_DEPTH[0] == 1:
        gc.freeze()
    try:
        yield
    finally:
        _FROZEN_DEPTH[0] -= 1
        if _FROZEN_DEPTH[0] == 0:
            gc.unfreeze()  # back in the oldest generation, collected as before


def with_earlier_objects_frozen(function: Callable[P, R]) -> Callable[P, R]:
    """Decorate ``function`` so it runs inside :func:`earlier_objects_frozen`."""
    return _inside(earlier_objects_frozen, function)
