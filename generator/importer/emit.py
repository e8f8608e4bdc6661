"""Import, writing: procedure data to readable, deterministic YAML (block style, quoted codes).

A small emitter of our own instead of a YAML library's dumper: output is read by the project's
loader (YAML 1.2 core schema), so a string is left unquoted only when that loader reads it back as
the same string, and long texts become literal blocks an editor can read and edit.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_NUMBER_LIKE = re.compile(
    r"^(?:[-+]?[0-9][0-9_]*(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_UNSAFE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters never written outside double quotes (controls, line separators, non-characters)."""
_RESERVED = frozenset(
    {"~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no", "on", "off"}
)


def _plain_ok(text: str) -> bool:
    """Whether ``text`` can be written without quotes and read back unchanged."""
    if not text or text != text.strip() or "\n" in text or text[0] in _INDICATORS:
        return False
    if ": " in text or " #" in text or text.endswith(":") or text.lower() in _RESERVED:
        return False
    if _NUMBER_LIKE.match(text) or re.match(r"^\d{1,2}:\d{2}", text):
        return False
    return _UNSAFE.search(text) is None


def scalar(value: Any) -> str:
    """One scalar on one line."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value == int(value) else repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if _plain_ok(text) else json.dumps(text, ensure_ascii=False)


def _block_ok(text: str) -> bool:
    """Whether a multi-line text can be a literal block: no spaces at line ends or around it."""
    return (
        "\n" in text
        and text == text.strip()
        and " \n" not in text
        and not _UNSAFE.search(text.replace("\n", ""))
    )


def _value_lines(value: Any, indent: int) -> tuple[str, list[str]]:
    """(text after «key:», following lines) for a value nested ``indent`` spaces deep."""
    pad = " " * indent
    if isinstance(value, Mapping):
        if not value:
            return " {}", []
        return "", [*_mapping_lines(value, indent)]
    if isinstance(value, Sequence) and not isinstance(value, str):
        if not value:
            return " []", []
        return "", [*_sequence_lines(value, indent)]
    if isinstance(value, str) and _block_ok(value):
        return " |-", [pad + line if line else "" for line in value.split("\n")]
    return " " + scalar(value), []


def _mapping_lines(data: Mapping[str, Any], indent: int) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for key, value in data.items():
        if value is None:
            continue
        head, rest = _value_lines(value, indent + 2)
        lines.append(f"{pad}{key}:{head}")
        lines.extend(rest)
    return lines


def _sequence_lines(items: Sequence[Any], indent: int) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for item in items:
        if isinstance(item, Mapping) and item:
            inner = _mapping_lines(item, indent + 2)
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines.extend(inner[1:])
        else:
            head, rest = _value_lines(item, indent + 2)
            lines.append(f"{pad}-{head}")
            lines.extend(rest)
    return lines


def emit(data: Mapping[str, Any], *, modeline: str, comments: Mapping[str, Sequence[str]]) -> str:
    """The whole file: modeline, then each top-level key preceded by the comments kept for it.

    ``comments`` maps a top-level key to the comment lines written above it; the key ``""`` holds
    the comments that closed the old file.
    """
    lines = [modeline]
    for key, value in data.items():
        if value is None:
            continue
        lines.extend(comments.get(key, ()))
        head, rest = _value_lines(value, 2)
        lines.append(f"{key}:{head}")
        lines.extend(rest)
    lines.extend(comments.get("", ()))
    return "\n".join(lines) + "\n"


_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:")


def read_comments(text: str) -> dict[str, list[str]]:
    """The full-line comments of a file at column 0, by the top-level key they stand above.

    Comments inside a value or after it on the same line are not kept (documented limitation).
    """
    kept: dict[str, list[str]] = {}
    pending: list[str] = []
    for line in text.split("\n"):
        if line.startswith("# yaml-language-server:"):
            continue
        if line.startswith("#"):
            pending.append(line.rstrip())
            continue
        match = _TOP_KEY.match(line)
        if match and pending:
            kept[match.group(1)] = pending
            pending = []
        elif match:
            pending = []
    if pending:
        kept[""] = pending
    return kept
