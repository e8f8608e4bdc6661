"""Test helpers: the string leaves of a poster context, and a copy with one leaf replaced."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

Path = tuple[str | int, ...]

NOT_PRINTED = {"slug", "url", "logo", "paper"}
"""Fields that are not printed as text: the office slug, the QR target, the logo, the paper size."""


def string_leaves(value: object, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every (path, text) of the printed strings in a context tree of dataclasses and tuples."""
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            if field.name not in NOT_PRINTED:
                yield from string_leaves(getattr(value, field.name), (*path, field.name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from string_leaves(item, (*path, index))


def replace_at(value: Any, path: Path, new: str) -> Any:
    """A copy of ``value`` with the leaf at ``path`` set to ``new``."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        items = list(value)
        items[head] = replace_at(items[head], rest, new)
        return tuple(items)
    return dataclasses.replace(value, **{head: replace_at(getattr(value, head), rest, new)})
