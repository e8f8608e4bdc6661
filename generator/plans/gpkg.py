"""Editor tool (import-geodata): read polygon features from a GeoPackage with the standard library.

A GeoPackage is an SQLite file; each geometry is a ``GP`` header followed by ISO WKB. Only
Polygon and MultiPolygon (2D, Z or M ignored) are read; the file is opened read-only.
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


class _Wkb:
    """A cursor over one WKB geometry."""

    def __init__(self, data: bytes, offset: int) -> None:
        self.data, self.pos, self.order = data, offset, "<"

    def take(self, fmt: str) -> tuple[Any, ...]:
        size = struct.calcsize(self.order + fmt)
        values = struct.unpack_from(self.order + fmt, self.data, self.pos)
        self.pos += size
        return values

    def header(self) -> tuple[int, int]:
        (order,) = struct.unpack_from("B", self.data, self.pos)
        self.pos += 1
        self.order = "<" if order == 1 else ">"
        (kind,) = self.take("I")
        dims = (
            2
            + (1 if (kind // 1000) in (1, 2) else 0)
            + (1 if (kind // 1000) == 3 else 0)
            + (2 if kind // 1000 == 4 else 0)
        )
        return kind % 1000, dims

    def rings(self, dims: int) -> list[list[list[float]]]:
        (count,) = self.take("I")
        out = []
        for _ in range(count):
            (points,) = self.take("I")
            flat = self.take(f"{points * dims}d")
            out.append([[flat[i * dims], flat[i * dims + 1]] for i in range(points)])
        return out


def parse_gpkg_geometry(blob: bytes) -> tuple[str, Any]:
    """The (GeoJSON type, coordinates) of a GeoPackage geometry blob."""
    if blob[:2] != b"GP":
        raise GeneratorError("Dữ liệu hình học GeoPackage không hợp lệ (thiếu tiêu đề «GP»).")
    envelope = _ENVELOPE_BYTES.get((blob[3] >> 1) & 0b111, 0)
    wkb = _Wkb(blob, 8 + envelope)
    kind, dims = wkb.header()
    if kind == 3:
        return "Polygon", wkb.rings(dims)
    if kind == 6:
        (parts,) = wkb.take("I")
        polygons = []
        for _ in range(parts):
            _, part_dims = wkb.header()
            polygons.append(wkb.rings(part_dims))
        return "MultiPolygon", polygons
    raise GeneratorError(f"Chỉ nhận vùng (Polygon, MultiPolygon); gặp kiểu WKB {kind}.")


def read_gpkg(path: Path) -> Iterator[tuple[Any, dict[str, Any], str, Any]]:
    """Every feature of the first feature table: (id, properties, geometry type, coordinates)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        row = db.execute("SELECT table_name, column_name FROM gpkg_geometry_columns LIMIT 1").fetchone()
        if row is None:
            raise GeneratorError("GeoPackage không có bảng dữ liệu vùng nào.")
        table, column = row
        cursor = db.execute(f'SELECT * FROM "{table.replace(chr(34), "")}"')
        names = [d[0] for d in cursor.description]
        for values in cursor:
            record = dict(zip(names, values, strict=True))
            blob = record.pop(column)
            if blob is None:
                continue
            kind, coords = parse_gpkg_geometry(bytes(blob))
            yield record.get("fid"), record, kind, coords
