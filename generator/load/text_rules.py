"""Loading, text rules: characters no content value may hold, and numbers no content field needs.

Refused in every text value: control characters (a line break is the one exception), bidirectional
embedding, override and isolate marks (they can make «000.005» display as «500.000»), zero-width
and other invisible formatting characters, and line/paragraph separators.
YAML's reader refuses raw C0 controls, but a double-quoted ``"\\x07"`` or ``"\\u202e"`` escape
reaches the value, so every scalar is checked here. Numbers: no infinity or NaN, and no integer
longer than any real amount (a thousand-digit integer would otherwise stall or crash a later stage).
"""

from __future__ import annotations

import math
import re
import unicodedata

_REFUSED_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})
"""Control characters and the line/paragraph separators (a plain line break is allowed)."""
_ALLOWED = frozenset({"\n"})
INVISIBLE = frozenset(
    chr(code)
    for first, last in (
        (0x061C, 0x061C),  # Arabic letter mark (a bidi mark)
        (0x180E, 0x180E),  # Mongolian vowel separator (invisible)
        (0x200B, 0x200F),  # zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
        (0x202A, 0x202E),  # bidi embeddings and overrides
        (0x2060, 0x2069),  # word joiner, invisible operators, bidi isolates
        (0xFEFF, 0xFEFF),  # zero-width no-break space (a byte-order mark inside text)
        (0xFFF9, 0xFFFB),  # interlinear annotation marks
    )
    for code in range(first, last + 1)
)
"""Invisible formatting characters refused in text (a soft hyphen, U+00AD, stays allowed)."""

MAX_INT_DIGITS = 18
"""The longest integer any content field can hold (a fee of 10^13 đồng has 14 digits)."""


_REFUSED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029" + "".join(sorted(INVISIBLE)) + "]")
"""One character class for all of the above (a regular expression scans text at C speed)."""


def first_refused_char(text: str) -> tuple[int, str] | None:
    """The index and character of the first refused character in ``text``, or None."""
    found = _REFUSED.search(text)
    return (found.start(), found.group(0)) if found is not None else None


def refused_char_message(char: str) -> str:
    """The Vietnamese fix for one refused character, naming it by its code point."""
    name = unicodedata.name(char, "ký tự điều khiển")
    return (
        f"Văn bản có ký tự ẩn hoặc ký tự điều khiển (U+{ord(char):04X} {name}); ký tự này không hiện ra "
        "nhưng có thể làm chữ, số hiển thị sai thứ tự. Hãy xoá nó (thường do sao chép từ trang web "
        "hay tệp PDF) và gõ lại đoạn văn bản."
    )


def number_problem(value: int | float, text: str) -> str | None:
    """Why a YAML number cannot be content (infinite, NaN, far too long), or None."""
    if isinstance(value, float) and not math.isfinite(value):
        return (
            f"Số «{text}» không phải một số hữu hạn (.inf, .nan hoặc quá lớn như 1e999); "
            "hãy ghi một số thật, ví dụ 3 hoặc 0.5."
        )
    digits = text.lstrip("+-")
    if isinstance(value, int) and len(digits) > MAX_INT_DIGITS:
        return f"Số có {len(digits)} chữ số, quá lớn cho mọi trường nội dung; hãy kiểm tra lại."
    return None
