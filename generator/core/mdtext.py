"""Plain text made safe for Markdown as forges render it (GitHub, GitLab: CommonMark + GFM + HTML).

The change report is posted as a pull-request comment, so every name and value in it is text an
author controls. :func:`markdown_text` turns such text into Markdown that shows exactly that text:
no HTML (an ``<!--`` would hide every later line), no emphasis, link, image, table cell, code span,
strikethrough or math, no line break, and nothing that starts a heading, quote or list of its own.
Direction overrides are shown as their code point, so «000.005» cannot display as «500.000».
"""

from __future__ import annotations

import re

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_INLINE = frozenset("\\`*_[]|~$")
"""ASCII punctuation with an inline Markdown or GFM meaning; CommonMark lets each be backslash-escaped."""
_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BLOCK_START = re.compile(r"^(\s*)([#=+-]|\d{1,9}(?=[.)]))")


def markdown_text(value: object) -> str:
    """``value`` as Markdown inline text that renders as exactly its characters, on one line."""
    text = _BREAKS.sub(" ", str(value))
    text = _BIDI.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", _CONTROLS.sub("", text)).strip()
    out = "".join(_ENTITIES.get(c) or ("\\" + c if c in _INLINE else c) for c in text)
    return _BLOCK_START.sub(_escape_block_start, out, count=1)


def _escape_block_start(match: re.Match[str]) -> str:
    lead, marker = match.group(1), match.group(2)
    if marker.isdigit():  # «1. » or «1) » would start an ordered list: escape the dot or parenthesis
        return lead + marker + "\\"
    return lead + "\\" + marker


_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")


def markdown_name(value: str) -> str:
    """A slug or file name as a code span when it is plain (letters, digits, ``.-_/``), else as text."""
    return f"`{value}`" if _PLAIN_NAME.fullmatch(value) else markdown_text(value)
