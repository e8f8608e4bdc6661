"""Stage 1, load: read one YAML file into plain data plus the source position of every value.

The loader is deliberately stricter than YAML: it reads only UTF-8, refuses tabs, duplicate keys,
aliases (YAML bombs), custom tags and oversized files, and resolves scalars by the YAML 1.2 core
schema so that ``no`` stays the text "no" and ``15:00`` stays "15:00". Everything it refuses comes
back as an :class:`~generator.issues.Issue` with a line and column, never as an exception.
"""

from __future__ import annotations

import functools
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.issues import Issue
from generator.load.builder import MAX_DEPTH, Builder
from generator.load.messages import compose_issues, decode, tab_issues
from generator.load.positions import LoadedFile, PathKey, format_path
from generator.load.yaml_rules import AliasSeen, compose

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "LoadedFile",
    "PathKey",
    "SourceFile",
    "format_path",
    "load_yaml",
    "source_of",
]

MAX_FILE_BYTES = 1_048_576
"""Content files larger than this are refused (the longest real record is about 40 KB)."""


def _read_text(path: Path, display: str) -> tuple[str | None, list[Issue]]:
    """The file's text (UTF-8, NFC, no tabs), or None and the issues that stop it being read."""
    try:
        info = path.stat()
        size = info.st_size
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):  # never open a device or FIFO
            message = (
                "Đây không phải một tệp thường (là thiết bị hay ống dẫn); hãy thay bằng một tệp YAML thật."
            )
            return None, [Issue(display, 1, 1, "file-not-regular", "", message)]
        if size > MAX_FILE_BYTES:
            message = f"Tệp quá lớn ({size:,} byte, tối đa {MAX_FILE_BYTES:,}); hãy tách nội dung."
            return None, [Issue(display, 1, 1, "file-too-large", "", message)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Issue(display, 1, 1, "file-unreadable", "", f"Không đọc được tệp: {exc.strerror}.")]
    text, issues = decode(raw, display)
    if text is None:
        return None, issues
    tabs = tab_issues(text, display)
    return (None, tabs) if tabs else (text, [])


NOT_MAPPING = "Nội dung tệp phải là các cặp «khóa: giá trị» (ví dụ «name: Đăng ký khai sinh»)."


def load_yaml(path: Path, display: str) -> tuple[LoadedFile | None, list[Issue]]:
    """Load one YAML content file.

    Returns the loaded file (None when it cannot be used at all) and the problems found.
    Never raises for anything wrong inside the file.
    """
    text, issues = _read_text(path, display)
    if text is None:
        return None, issues
    try:
        node = compose(text, fast=True)
        builder = Builder(display)
        data = None if node is None else builder.build(node, ())
    except (AliasSeen, yaml.YAMLError, RecursionError):
        # libyaml shares aliased nodes without saying where the alias was, and words some
        # errors differently: the Python composer gives the precise, located issue.
        return None, compose_issues(text, display)
    if node is None:
        return None, [Issue(display, 1, 1, "file-empty", "", "Tệp trống; hãy điền nội dung hoặc xoá tệp.")]
    if builder.issues:
        return None, builder.issues
    if not isinstance(data, dict):
        line, column = builder.positions[()]
        return None, [Issue(display, line, column, "yaml-not-mapping", "", NOT_MAPPING)]
    loaded = LoadedFile(path, display, data, builder.positions, builder.key_positions, builder.plain_numbers)
    return loaded, builder.warnings


@dataclass(frozen=True)
class SourceFile:
    """Where a validated record came from: enough to place an issue, nothing more.

    Validated records keep this instead of their :class:`LoadedFile`: positions are only needed
    to locate the rare cross-record issue, and keeping every file's positions in memory dominated
    the build's peak at 10,000 procedures. ``locate`` re-reads the file when it is asked.
    """

    path: Path
    display: str
    start: tuple[int, int] = (1, 1)
    """Where the record's mapping starts: the place of a whole-record issue, known without a re-read."""

    def locate(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Return the (line, column) of ``path`` in the file, as :meth:`LoadedFile.locate`."""
        if not path:
            return self.start  # e.g. publication-missing on most records: no re-read per record
        try:
            stamp = self.path.stat().st_mtime_ns
        except OSError:
            return (1, 1)
        loaded = _reload(self.path, self.display, stamp)
        return loaded.locate(path, key=key) if loaded is not None else (1, 1)


@functools.lru_cache(maxsize=32)
def _reload(path: Path, display: str, stamp: int) -> LoadedFile | None:
    """Re-read a file to locate issues; ``stamp`` (its mtime) keeps the cache honest under serve."""
    return load_yaml(path, display)[0]


def source_of(loaded: LoadedFile) -> SourceFile:
    """The lightweight handle a validated record keeps of the file it was loaded from."""
    return SourceFile(loaded.path, loaded.display, loaded.positions.get((), (1, 1)))
