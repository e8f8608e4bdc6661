"""What each output actually shows, read back from the output itself (HTML, PDF text, search record).

The paper = web = search test compares these readings with one another; it never asks the facts
layer what the answer should be, so a stage that re-derives a phrase shows up as a disagreement.
"""

from __future__ import annotations

import html as html_lib
import re
import subprocess
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


def squash(text: str) -> str:
    """NFC, no-break spaces as spaces, every run of whitespace one space."""
    text = (
        unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u202f", " ").replace("\u200b", "")
    )
    return re.sub(r"\s+", " ", text).strip()


def bare(text: str) -> str:
    """Text with no whitespace and no hyphens: a line break on paper (after «/», inside «NĐ-CP»,
    where pdftotext drops a hyphen) must not count as a difference."""
    return re.sub(r"[\s\-\u2010\u00ad\u200b]", "", unicodedata.normalize("NFC", text))


def pdf_text(pdf: Path) -> str:
    """The whole text of a poster PDF as poppler extracts it, squashed."""
    done = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, check=True)
    return bare(done.stdout.decode("utf-8"))


@dataclass
class ChannelReading:
    """What a page shows for one channel: the time headline and notes, the fee headlines and notes."""

    times: list[str] = field(default_factory=list)
    time_notes: list[str] = field(default_factory=list)
    time_cases: list[str] = field(default_factory=list)
    """The other cases the summary table prints under the headline («Trường hợp …: 23 ngày»)."""
    fees: list[str] = field(default_factory=list)
    fee_notes: list[str] = field(default_factory=list)


@dataclass
class PageReading:
    """What one procedure page shows, keyed by what the ``data-ck`` markers name."""

    channels: dict[str, ChannelReading] = field(default_factory=dict)
    offices: list[str] = field(default_factory=list)
    feedback_phones: list[str] = field(default_factory=list)
    feedback_agencies: list[str] = field(default_factory=list)
    ends: list[str] = field(default_factory=list)
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    """Table rows as (slug, time cell, fee cell), in page order."""


CAPTURED = {"time", "time-note", "time-case", "fee", "fee-note", "ends", "feedback-phone"}
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr"}


class _Reader(HTMLParser):
    """Collect the text of every element marked ``data-ck=…``, with the channel it is inside."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.reading = PageReading()
        self.depth = 0
        self.channels: list[tuple[int, str]] = []
        self.open: list[tuple[str, int, list[str], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        self.depth += 1
        attr = dict(attrs)
        if attr.get("data-ck-channel"):
            self.channels.append((self.depth, attr["data-ck-channel"] or ""))
        if attr.get("data-ck-office"):
            self.reading.offices.append(attr["data-ck-office"] or "")
        kind = attr.get("data-ck") or ""
        if kind in CAPTURED:
            channel = self.channels[-1][1] if self.channels else ""
            self.open.append((kind, self.depth, [], channel))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.open and self.open[-1][1] >= self.depth:
            self._close(*self.open.pop())
        while self.channels and self.channels[-1][0] >= self.depth:
            self.channels.pop()
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        for item in self.open:
            item[2].append(data)

    def _close(self, kind: str, depth: int, parts: list[str], channel_kind: str) -> None:
        text = squash("".join(parts))
        reading = self.reading
        if kind == "feedback-phone":
            reading.feedback_phones.append(text)
            return
        if kind == "ends":
            reading.ends.append(text)
            return
        channel = reading.channels.setdefault(channel_kind, ChannelReading())
        {
            "time": channel.times,
            "time-note": channel.time_notes,
            "time-case": channel.time_cases,
            "fee": channel.fees,
            "fee-note": channel.fee_notes,
        }[kind].append(text)


def read_page(html: str) -> PageReading:
    """Read a procedure page body."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.reading


_ROW = re.compile(r'<tr data-ck-slug="([^"]+)">(.*?)</tr>', re.S)
_CELL = re.compile(r'data-ck="(time|fee)">(.*?)</td>', re.S)
_TAG = re.compile(r"<[^>]+>")


def read_rows(html: str) -> list[tuple[str, str, str]]:
    """The (slug, time cell, fee cell) of every procedure row of a listing page, in order."""
    rows = []
    for slug, body in _ROW.findall(html):
        cells = {kind: squash(html_lib.unescape(_TAG.sub("", text))) for kind, text in _CELL.findall(body)}
        rows.append((slug, cells.get("time", ""), cells.get("fee", "")))
    return rows


_FEEDBACK = re.compile(r'<aside class="ck-feedback".*?</aside>', re.S)
_FIELDS = {
    "agency": r"<dt>Cơ quan tiếp nhận</dt><dd>(.*?)</dd>",
    "address": r"<dt>Địa chỉ</dt><dd>(.*?)</dd>",
    "phone": r'data-ck="feedback-phone">(.*?)</a>',
    "email": r'href="mailto:[^"]*">(.*?)</a>',
    "website": r'<dt>Trực tuyến</dt><dd><a href="([^"]*)"',
    "note": r"</h2>\s*<p>(.*?)</p>",
}


def read_feedback(html: str) -> list[tuple[str | None, ...]]:
    """(agency, address, phone, email, website, note) of every feedback block of a page body."""
    blocks = []
    for block in _FEEDBACK.findall(html):
        flat = re.sub(r">\s+<", "><", block)
        values = []
        for pattern in _FIELDS.values():
            found = re.search(pattern, flat, re.S)
            values.append(squash(html_lib.unescape(_TAG.sub("", found.group(1)))) if found else None)
        blocks.append(tuple(values))
    return blocks
