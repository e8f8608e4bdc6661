"""Loading, positions: where each value and key of a loaded file came from, and how to name a path."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PathKey = tuple[str | int, ...]
"""A path into loaded data: mapping keys and list indexes, e.g. ``("channels", 0, "fees")``."""


@dataclass(frozen=True)
class LoadedFile:
    """One content file as plain data, with where each value and key came from.

    Attributes:
        path: the file on disk.
        display: the path shown to editors (relative to the project root).
        data: the top-level mapping, every string NFC-normalised.
        positions: (line, column) of each value, by path; ``()`` is the top-level mapping.
        key_positions: (line, column) of each mapping key, by the path of its value.
        plain_numbers: source text of unquoted numbers, by path (to explain ``1.10`` → 1.1).
    """

    path: Path
    display: str
    data: dict[str, Any]
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    plain_numbers: dict[PathKey, str] = field(default_factory=dict)

    def locate(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Return the position of ``path``, or of its nearest existing parent."""
        table = self.key_positions if key else self.positions
        probe = path
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))


def format_path(path: PathKey) -> str:
    """Format a data path the way editors read it: ``channels[0].fees[1].amount``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1
