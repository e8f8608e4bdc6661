"""Import, text: portal text (untrusted, sometimes HTML, mixed Unicode forms) to clean plain text."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

_HTML_HINT = re.compile(r"<\s*/?\s*[a-zA-Z!]|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"}
)
_DROPPED_TAGS = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript", "svg"})
_LINE_BREAKS = (
    ("\r\n", "\n"),
    ("\r", "\n"),
    ("\u2028", "\n"),
    ("\u2029", "\n"),
    ("\x85", "\n"),
    ("\t", " "),
    ("\xa0", " "),
)
_NOT_PRINTABLE = re.compile(
    "[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
_SPACES = re.compile(r" {2,}")
_BLANK_RUNS = re.compile(r"\n{3,}")


class _PlainText(HTMLParser):
    """Collect the text of an HTML fragment: block tags become line breaks, list items bullets,
    and the content of script-like elements is dropped entirely."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_TAGS:
            self.dropping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n- " if tag == "li" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_TAGS:
            self.dropping = max(0, self.dropping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)


def strip_html(text: str) -> str:
    """Reduce an HTML fragment to its text; a string without markup is returned unchanged."""
    if not _HTML_HINT.search(text):
        return text
    parser = _PlainText()
    parser.feed(text)
    parser.close()
    # Entities are decoded once by the parser; a lone «<» that opened no tag stays as text.
    return "".join(parser.parts)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def clean_text(text: str) -> str:
    """Plain, NFC text: no markup, no control or invisible characters, single spaces, at most one
    blank line between paragraphs, no spaces at line ends."""
    text = strip_html(_nfc(text))
    for odd, plain in _LINE_BREAKS:
        if odd in text:
            text = text.replace(odd, plain)
    text = _NOT_PRINTABLE.sub("", _nfc(text))
    lines = [(_SPACES.sub(" ", line) if "  " in line else line).strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def clean_line(text: str) -> str:
    """Clean text folded onto one line (names, titles, agency names)."""
    return " ".join(clean_text(text).split())


_BULLET = re.compile(r"^(?:[-+•*–]\s+)")


def strip_bullet(text: str) -> str:
    """Drop a leading list marker («- », «+ ») from a one-item text such as a document name."""
    return _BULLET.sub("", text, count=1).strip()


def fold(text: str) -> str:
    """Lower-case ASCII form for matching names: diacritics removed, «đ» → «d»."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join(decomposed.encode("ascii", "ignore").decode("ascii").lower().split())


def slugify(text: str, *, limit: int = 60) -> str:
    """A kebab-case ASCII slug of at most ``limit`` characters, cut at a word boundary."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(text)).split()
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "")
