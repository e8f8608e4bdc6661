"""Facts layer: the one Vietnamese collation key every ordering uses (web tables, posters, search)."""

from __future__ import annotations

import unicodedata


def collation_key(text: str) -> str:
    """Sort key for Vietnamese names in dictionary-like order.

    Case and diacritics are ignored first (so «Ă», «Â» and «A» sort together and tone marks do not
    scatter a list), with «đ» right after every «d»; ties are broken by the marks, then by the
    exact text, so the order is total and the same everywhere.
    """
    lowered = text.casefold().replace("đ", "d\uffff")
    decomposed = unicodedata.normalize("NFD", lowered)
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return f"{base}\x00{decomposed}\x00{text}"
