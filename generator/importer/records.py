"""Import, reading: portal JSON files into records, with typed access that names the record and key.

A record is untrusted input: every value is read through :class:`Node`, which checks its type and
raises :class:`RecordProblem` naming the file, the record and the JSON path, never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.importer.text import clean_line, clean_text

MAX_RECORD_BYTES = 8 * 1_048_576
"""A record file larger than this is refused (the real ones are about 60 KB)."""

MAX_TEXT_CHARS = 40_000
"""Longest text accepted in one field; the longest real one is about 8,000 characters."""


class RecordProblem(Exception):
    """A record cannot be imported as it is; says where (file, record, JSON path) and why."""

    def __init__(self, where: str, path: str, message: str) -> None:
        super().__init__(message)
        self.where = where
        self.path = path
        self.message = message


@dataclass(frozen=True)
class Node:
    """A JSON value inside a record, with the path that leads to it (for messages)."""

    value: Any
    where: str
    path: str

    def fail(self, message: str, path: str | None = None) -> RecordProblem:
        """The problem to raise for this value."""
        return RecordProblem(self.where, self.path if path is None else path, message)

    def _child_path(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str) -> Node:
        """The value under ``key`` (a missing key gives a null node)."""
        if not isinstance(self.value, dict):
            raise self.fail(f"cần là một đối tượng JSON {{…}}, nhưng là {_kind(self.value)}")
        return Node(self.value.get(key), self.where, self._child_path(key))

    def has(self, key: str) -> bool:
        """Whether ``key`` is present and not null."""
        return isinstance(self.value, dict) and self.value.get(key) is not None

    def items(self, key: str) -> list[Node]:
        """The list under ``key`` (null or missing → empty)."""
        child = self.get(key)
        if child.value is None:
            return []
        if not isinstance(child.value, list):
            raise child.fail(f"cần là một danh sách […], nhưng là {_kind(child.value)}")
        return [Node(item, self.where, child._child_path(i)) for i, item in enumerate(child.value)]

    def obj(self, key: str) -> Node | None:
        """The object under ``key``, or None when it is missing or null."""
        child = self.get(key)
        if child.value is None:
            return None
        if not isinstance(child.value, dict):
            raise child.fail(f"cần là một đối tượng JSON {{…}}, nhưng là {_kind(child.value)}")
        return child

    def text(self, key: str, *, required: bool = False, multiline: bool = False) -> str:
        """Clean text under ``key`` ('' when missing, unless ``required``)."""
        child = self.get(key)
        raw = child.value
        if raw is None and not required:
            return ""
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            raise child.fail(f"cần là văn bản, nhưng là {_kind(raw)}")
        if len(raw) > MAX_TEXT_CHARS:
            raise child.fail(f"văn bản quá dài ({len(raw):,} ký tự, tối đa {MAX_TEXT_CHARS:,})")
        text = clean_text(raw) if multiline else clean_line(raw)
        if required and not text:
            raise child.fail("bắt buộc nhưng đang trống")
        return text

    def number(self, key: str) -> float | None:
        """The number under ``key`` (None when missing); text and true/false are refused."""
        child = self.get(key)
        raw = child.value
        if raw is None:
            return None
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise child.fail(f"cần là một số, nhưng là {_kind(raw)}")
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise child.fail("cần là một số hữu hạn")
        return float(raw)

    def flag(self, key: str) -> bool:
        """The true/false under ``key`` (missing → false)."""
        child = self.get(key)
        if child.value is None:
            return False
        if not isinstance(child.value, bool):
            raise child.fail(f"cần là true hoặc false, nhưng là {_kind(child.value)}")
        return child.value

    def names(self, key: str) -> list[str]:
        """The non-empty, distinct ``name`` of every object in the list under ``key``, in order."""
        out: list[str] = []
        for item in self.items(key):
            name = item.text("name")
            if name and name not in out:
                out.append(name)
        return out


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "true/false",
        int: "số",
        float: "số",
        str: "văn bản",
        list: "danh sách",
        dict: "đối tượng",
    }.get(type(value), type(value).__name__)


def _json_problem(where: str, exc: json.JSONDecodeError) -> RecordProblem:
    return RecordProblem(f"{where}:{exc.lineno}:{exc.colno}", "", f"không phải JSON hợp lệ ({exc.msg})")


def read_records(path: Path, shown: str) -> Iterator[Node]:
    """Yield the procedure records of one JSON file: the portal envelope ``{"data": {…}}``, a bare
    record, or a list of either."""
    try:
        if path.stat().st_size > MAX_RECORD_BYTES:
            raise RecordProblem(shown, "", f"tệp quá lớn (tối đa {MAX_RECORD_BYTES:,} byte)")
        raw = path.read_bytes()
    except OSError as exc:
        raise RecordProblem(shown, "", f"không đọc được tệp ({exc.strerror})") from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise RecordProblem(shown, "", "tệp không phải mã UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise _json_problem(shown, exc) from exc
    except RecursionError as exc:
        raise RecordProblem(shown, "", "dữ liệu JSON lồng nhau quá sâu") from exc
    many = data if isinstance(data, list) else [data]
    for i, item in enumerate(many):
        where = f"{shown}[{i}]" if isinstance(data, list) else shown
        if isinstance(item, dict) and isinstance(item.get("data"), dict):
            yield Node(item["data"], where, "data")
        elif isinstance(item, dict) and "data" in item:
            raise RecordProblem(where, "data", f"cần là một bản ghi thủ tục, nhưng là {_kind(item['data'])}")
        elif isinstance(item, dict):
            yield Node(item, where, "")
        else:
            raise RecordProblem(where, "", f"cần là một bản ghi thủ tục {{…}}, nhưng là {_kind(item)}")


def record_files(source: Path) -> list[Path]:
    """The JSON files to import: the file itself, or every ``*.json`` under a folder, sorted."""
    if source.is_dir():
        return sorted(p for p in source.rglob("*.json") if p.is_file())
    return [source]
