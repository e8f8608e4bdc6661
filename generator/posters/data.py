"""Posters, step 2a: a sheet's typed context as plain JSON data, the only input of its Typst template.

The serialisation is generic (dataclasses → objects by field name, tuples → arrays, dates → ISO
text, enums → their value, pydantic models → their JSON dump), so fields added to the contexts
reach the templates without touching this module. Content text stays data: the templates read it
with ``json(bytes(sys.inputs.data))`` and only show strings, never evaluate them.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import enum
import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from generator.errors import PosterError
from generator.model.dates import format_date

_NUMBER_UNIT = re.compile(r"(\d)[ \t]+(?=\S)")
_LONG_RUN = re.compile(r"[^\s/\\.,;:–—-]{25,}")
"""A run of 25+ characters with no place to break a line (no Vietnamese syllable is that long)."""
BREAK_EVERY = 12
ZWSP = "\u200b"
_DATA_URI = re.compile(r"data:(?P<mime>[\w.+/-]+);base64,(?P<data>[A-Za-z0-9+/=\s]*)\Z")
IMAGE_FORMATS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/svg+xml": "svg"}


def to_data(value: object) -> Any:
    """``value`` as JSON-ready data (str, int, float, bool, None, list, dict); text in NFC."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, enum.Enum):
        return to_data(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        items = sorted(value, key=repr) if isinstance(value, frozenset | set) else value
        return [to_data(item) for item in items]
    dump = getattr(value, "model_dump", None)
    if callable(dump):  # a pydantic model from the facts layer
        return to_data(dump(mode="json"))
    raise PosterError(f"không chuyển được dữ liệu bảng niêm yết kiểu {type(value).__name__}")


def keep_together(value: Any) -> Any:
    """Every string of ``value`` with numbers bound to what follows by a no-break space.

    «15 ngày», «0225 3880 123», «7 giờ 30» never break at the end of a line. Done here rather
    than in Typst: a regex replacement per string was a fifth of the compile time. The opposite
    for a run too long to fit a line (a pasted code or a word without spaces): it gets a break
    opportunity (zero-width space) every 12 characters, so it wraps instead of running off the sheet.
    """
    if isinstance(value, str):
        return _LONG_RUN.sub(_breakable, _NUMBER_UNIT.sub("\\1\u00a0", value))
    if isinstance(value, list):
        return [keep_together(item) for item in value]
    if isinstance(value, dict):
        return {key: keep_together(item) for key, item in value.items()}
    return value


def _breakable(run: re.Match[str]) -> str:
    text = run.group(0)
    return ZWSP.join(text[i : i + BREAK_EVERY] for i in range(0, len(text), BREAK_EVERY))


def image_data(uri: str | None) -> dict[str, object] | None:
    """A ``data:`` URI (the configured logo) as {format, bytes} for Typst's ``image(bytes(...))``."""
    if uri is None:
        return None
    match = _DATA_URI.match(uri)
    if match is None or match["mime"] not in IMAGE_FORMATS:
        raise PosterError("biểu trưng phải là ảnh PNG, JPEG, GIF hoặc SVG")
    raw = base64.b64decode(match["data"])
    return {"format": IMAGE_FORMATS[match["mime"]], "bytes": list(raw)}


def sheet_data(
    poster: object, version: str, updated: dt.date, qr: str, extra: Mapping[str, object] | None = None
) -> str:
    """The JSON text a template reads: the context, the sheet's stamp, its QR code (SVG) and logo.

    A map sheet's SVG (``map_svg``) is passed as it is, beside the context (``data.map``): it is
    markup for Typst's image decoder, not text to print, so no space in it is bound.
    """
    context = to_data(poster)
    raw = {"map": context.pop("map_svg")} if "map_svg" in context else {}
    context = keep_together(context)
    masthead = getattr(poster, "masthead", None)
    data = {
        **raw,
        "poster": context,
        "stamp": {"version": version, "updated": format_date(updated)},
        "qr": qr,
        "logo": image_data(getattr(masthead, "logo", None)),
        **(extra or {}),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
