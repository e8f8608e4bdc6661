"""Stage 3 (plans): map label placement — no two labels overlap, on the page map and the A3 poster.

Labels are boxes in map pixels (the SVG viewBox). Project numbers are placed first, in list order
(they are the key to the project table): at the area's label point with the land-use code under
them when both fit, else the number alone, else the number moved out to a free spot nearby with a
leader line back to the area. A zone's code is placed only where it fits; a label that cannot be
placed is left out (the area keeps its colour, its title and its line in the legend or table) and
the map says which project numbers it left out. Both outputs draw the same :class:`MapLabel` list,
so the page and the poster agree. A grid of cells keeps the overlap test linear in the labels.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

NUMBER_RADIUS = 9.0
"""Radius of a project number's circle (map pixels)."""
CODE_SIZE, PROJECT_CODE_SIZE = 13.0, 11.0
"""Font sizes of a zone's code and of the code under a project number."""
GAP = 1.5
"""Space kept free around every label box."""
CHAR_WIDTH = 0.68
"""Advance of a capital or a digit of Be Vietnam Pro, in em (the widest, so boxes are never short)."""
LEADER_RADII = (24.0, 36.0, 52.0, 72.0)
DIRECTIONS = 12
_CELL = 48.0


Box = tuple[float, float, float, float]
"""An axis-aligned box: left, top, right, bottom (map pixels, y down)."""


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes share any area (touching edges do not count)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@dataclass(frozen=True)
class MapLabel:
    """One label as drawn: a project number in a circle, or a land-use code.

    ``x``, ``y``: the centre of the label; ``leader``: the point on the area a moved number's line
    starts from (None when the number sits on its area); ``size``: font size.
    """

    kind: Literal["number", "code"]
    text: str
    x: float
    y: float
    size: float
    leader: tuple[float, float] | None = None

    @property
    def radius(self) -> float:
        """The circle of a number: :data:`NUMBER_RADIUS`, wider for three digits and more."""
        return _radius(len(self.text), self.size)

    @property
    def box(self) -> Box:
        """The space the label takes (with :data:`GAP` around it)."""
        if self.kind == "number":
            half_w = half_h = self.radius
        else:
            half_w, half_h = len(self.text) * CHAR_WIDTH * self.size / 2, self.size * 0.6
        return (self.x - half_w - GAP, self.y - half_h - GAP, self.x + half_w + GAP, self.y + half_h + GAP)


@functools.cache
def _radius(length: int, size: float) -> float:
    return max(NUMBER_RADIUS, round(length * CHAR_WIDTH * size / 2 + 2.5, 1))


_OFFSETS = tuple(
    (round(r * math.cos(a), 1), round(r * math.sin(a), 1))
    for r in LEADER_RADII
    for a in (-math.pi / 2 + 2 * math.pi * k / DIRECTIONS for k in range(DIRECTIONS))
)
"""Where a moved number may go, relative to its area's label point: rings of directions, nearest first."""


class Occupied:
    """The boxes already taken, in a grid of cells for a fast overlap test."""

    def __init__(self, frame: Box) -> None:
        self.frame = frame
        self.cells: dict[tuple[int, int], list[Box]] = {}

    @staticmethod
    def _cells(box: Box) -> list[tuple[int, int]]:
        columns = range(math.floor(box[0] / _CELL), math.floor(box[2] / _CELL) + 1)
        rows = range(math.floor(box[1] / _CELL), math.floor(box[3] / _CELL) + 1)
        return [(i, j) for i in columns for j in rows]

    def free(self, box: Box) -> bool:
        """Whether ``box`` lies inside the frame and overlaps nothing taken."""
        f = self.frame
        if box[0] < f[0] or box[1] < f[1] or box[2] > f[2] or box[3] > f[3]:
            return False
        cells = self.cells
        for cell in self._cells(box):
            for other in cells.get(cell, ()):
                if overlaps(box, other):
                    return False
        return True

    def take(self, box: Box) -> None:
        """Mark ``box`` as taken."""
        for cell in self._cells(box):
            self.cells.setdefault(cell, []).append(box)

    def place(self, labels: tuple[MapLabel, ...]) -> bool:
        """Take the boxes of ``labels`` when they are all free; return whether they were."""
        boxes: list[Box] = []
        for label in labels:
            box = label.box
            if not self.free(box) or any(overlaps(box, other) for other in boxes):
                return False
            boxes.append(box)
        for box in boxes:
            self.take(box)
        return True


def number_candidates(
    x: float, y: float, number: str, code: str, *, roomy: bool
) -> Iterator[tuple[MapLabel, ...]]:
    """Where a project's labels may go, best first: number over code, number alone, moved out."""
    if roomy:
        yield (
            MapLabel("number", number, x, y - 8, PROJECT_CODE_SIZE),
            MapLabel("code", code, x, y + 12, PROJECT_CODE_SIZE),
        )
    yield (MapLabel("number", number, x, y, PROJECT_CODE_SIZE),)
    for dx, dy in _OFFSETS:
        yield (MapLabel("number", number, round(x + dx, 1), round(y + dy, 1), PROJECT_CODE_SIZE, (x, y)),)


def zone_candidates(x: float, y: float, code: str) -> Iterator[tuple[MapLabel, ...]]:
    """Where a zone's code may go: its label point, then a little above or below it."""
    for dy in (0.0, -14.0, 14.0):
        yield (MapLabel("code", code, x, y + dy, CODE_SIZE),)


def first_free(occupied: Occupied, candidates: Iterator[tuple[MapLabel, ...]]) -> tuple[MapLabel, ...]:
    """The first candidate whose boxes are all free (and take them), else no label at all."""
    for labels in candidates:
        if occupied.place(labels):
            return labels
    return ()
