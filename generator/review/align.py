"""Stage review: pair the items of two lists by content and position, never by a name alone.

Two fees may share a name, a document may appear in two cases, a step may be renamed: a change
report that keys items by name loses some of them («10.000 → 90.000 đồng» vanished when two fees
had the same name). :func:`align` pairs an old list with a new one in three passes:

1. identical items (equal models), nearest position first — unchanged items pair with themselves;
2. items with the same key (e.g. fee type and name), in their order of appearance;
3. what is left, by position, when ``by_position`` (so an edited step stays «step 2»).

Anything not paired is an addition or a removal.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Pair(Generic[T]):
    """One old item and the new item it became (None on the side where it is missing), with positions."""

    old: T | None
    new: T | None
    old_index: int | None
    new_index: int | None


def align(
    old: Sequence[T], new: Sequence[T], *, key: Callable[[T], Hashable], by_position: bool = False
) -> list[Pair[T]]:
    """Pair ``old`` with ``new`` (see the module docstring): in the new order, removals last."""
    match: dict[int, int] = {}  # new index → old index
    free_old = list(range(len(old)))
    for j, item in enumerate(new):  # pass 1: identical, nearest position
        same = [i for i in free_old if old[i] == item]
        if same:
            i = min(same, key=lambda i: abs(i - j))
            match[j] = i
            free_old.remove(i)
    for j, item in enumerate(new):  # pass 2: same key, in order
        if j not in match:
            same_key = [i for i in free_old if key(old[i]) == key(item)]
            if same_key:
                match[j] = same_key[0]
                free_old.remove(same_key[0])
    if by_position:  # pass 3: the rest by position
        for j in range(len(new)):
            if j not in match and j in free_old:
                match[j] = j
                free_old.remove(j)
    pairs = [Pair(old[match[j]] if j in match else None, item, match.get(j), j) for j, item in enumerate(new)]
    return pairs + [Pair(old[i], None, i, None) for i in free_old]
