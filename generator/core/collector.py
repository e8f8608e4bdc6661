"""Python's cyclic garbage collector, paused while a stage builds many small objects.

Reading 2,000 procedures or planning 2,500 poster contexts allocates millions of objects that
live until the build ends and form no garbage cycles; each full collection walks all of them
again, which was a third of the poster step after an edit and a quarter of reading the catalogue
(docs/benchmarks.md §3.2). Memory is still freed the usual way (reference counts); only the
search for unreachable cycles waits until the stage is over.
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

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return function(*args, **kwargs)

    return wrapper
