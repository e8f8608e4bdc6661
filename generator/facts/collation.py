"""Facts layer: the one Vietnamese collation key every ordering uses (web tables, posters, search)."""

from __future__ import annotations

import re
import unicodedata

BOILERPLATE = re.compile(r"^\s*(?:[*•\-–]\s*)?thủ tục\s+(?=\S)", re.IGNORECASE)
"""The portal's «Thủ tục …» in front of a procedure name: not part of what the procedure is called."""


def boilerplate_length(name: str) -> int:
    """How many leading characters of ``name`` are the «Thủ tục » prefix (0 when there is none)."""
    match = BOILERPLATE.match(unicodedata.normalize("NFC", name))
    return match.end() if match else 0


def ranked_name(name: str) -> str:
    """The name as sorted and ranked: without the «Thủ tục » prefix (the data keeps it)."""
    return name[boilerplate_length(name) :]


def listed_name(name: str) -> str:
    """The name as a list prints it: without the «Thủ tục » prefix, first letter capitalised.

    Lists are sorted without the prefix (:func:`collation_key`), so they print it without it too:
    «Thủ tục đăng ký khai tử» is listed as «Đăng ký khai tử», under Đ. The page heading, the
    poster's title and the data keep the source text.
    """
    skip = boilerplate_length(name)
    if not skip:
        return name
    rest = unicodedata.normalize("NFC", name)[skip:]
    return rest[:1].upper() + rest[1:]


def collation_key(text: str) -> str:
    """Sort key for Vietnamese names in dictionary-like order.

    Case and diacritics are ignored first (so «Ă», «Â» and «A» sort together and tone marks do not
    scatter a list), with «đ» right after every «d»; ties are broken by the marks, then by the
    exact text, so the order is total and the same everywhere. A leading «Thủ tục » is skipped
    («Thủ tục đăng ký khai tử» sorts under Đ), the full text only breaks ties.
    """
    lowered = ranked_name(text).casefold().replace("đ", "d\uffff")
    decomposed = unicodedata.normalize("NFD", lowered)
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return f"{base}\x00{decomposed}\x00{text}"
