"""The characters refused in text: one regular expression, equal to its definition by category."""

from __future__ import annotations

import unicodedata

from generator.load.text_rules import _ALLOWED, _REFUSED_CATEGORIES, INVISIBLE, first_refused_char


def test_the_fast_scan_equals_the_definition_on_every_code_point() -> None:
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        defined = char in INVISIBLE or (
            char not in _ALLOWED and unicodedata.category(char) in _REFUSED_CATEGORIES
        )
        assert (first_refused_char(char) is not None) == defined, hex(code)


def test_bidi_marks_and_controls_are_found_where_they_are() -> None:
    assert first_refused_char("000.005 \u202e đồng") == (8, "\u202e")
    assert first_refused_char("Nộp \u2066hồ sơ") == (4, "\u2066")
    assert first_refused_char("a\tb") == (1, "\t")
    assert first_refused_char("Dòng một\nDòng hai, dấu gạch mềm\u00ad được phép") is None
