"""Test helpers: the string leaves of a poster context, a copy with one leaf replaced, and the text
of a rendered sheet to look them up in (shared with bench/poster_engines.py)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path as FilePath
from typing import Any

from pypdf import PdfReader

from generator.posters.sheets import ProcedurePoster
from tests.posters.conftest import pdftotext

Path = tuple[str | int, ...]

NOT_PRINTED = {"slug", "url", "logo", "paper", "name_size", "running_head", "short_name"}
"""Fields that are not printed as body text: the office slug, the QR target, the logo, the paper
size, the title size, the running head (checked on every continuation page instead) and the
office's short name (for web tables)."""


def string_leaves(value: object, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every (path, text) of the printed strings in a context tree of dataclasses and tuples."""
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            if field.name not in NOT_PRINTED:
                yield from string_leaves(getattr(value, field.name), (*path, field.name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from string_leaves(item, (*path, index))


def replace_at(value: Any, path: Path, new: str) -> Any:
    """A copy of ``value`` with the leaf at ``path`` set to ``new``."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        items = list(value)
        items[head] = replace_at(items[head], rest, new)
        return tuple(items)
    return dataclasses.replace(value, **{head: replace_at(getattr(value, head), rest, new)})


def flat(text: str) -> str:
    """Whitespace collapsed, case folded (some headings are printed in capitals), and the zero-width
    break opportunities the poster data puts into over-long runs dropped."""
    return " ".join(text.replace("\u200b", "").split()).casefold()


def printed(value: str, text: str) -> bool:
    """Whether ``value`` is in the extracted ``text``.

    A line may wrap inside a URL (pdftotext adds a space) or after a hyphen (pdftotext drops it),
    and a table row split over two pages has its cells' parts read in turn: then every word of
    ``value`` must still be there, in order.
    """
    if flat(value) in flat(text) or squeeze(value) in squeeze(text):
        return True
    words = iter(flat(text).split())
    return all(any(word == seen for seen in words) for word in flat(value).split())


def squeeze(text: str) -> str:
    return "".join(flat(text).split()).replace("-", "")


def redundant(poster: object, path: tuple[str | int, ...]) -> bool:
    """Leaves the templates leave out on purpose because the sheet already says them elsewhere."""
    if isinstance(poster, ProcedurePoster):
        if path[:1] == ("facts",) and path[2:] == ("channels",) and len(poster.facts) == 1:
            return True  # one channel group: «Cách nộp hồ sơ» lists the channels
        if path[:1] == ("facts",) and path[2:3] == ("time",) and poster.shared_time is not None:
            return True  # every group has this time: it is printed once, as shared_time
        if path[:1] == ("documents",) and path[2:] == ("case",):
            group = poster.documents[int(path[1])]
            return len(poster.documents) == 1 and group.note is None  # a lone «Trường hợp chung»
    return False


RUNNING_HEAD = re.compile(r"^\(tiếp theo\) .*$", re.M)
REPEATED_HEADER = re.compile(
    r"^(?:THỜI HẠN GIẢI QUYẾT PHÍ, LỆ PHÍ|TT Tên giấy tờ Số lượng"
    r"|TT Tên thủ tục hành chính \(mã thủ tục\) Thời hạn giải quyết Phí, lệ phí)$",
    re.M,
)
"""Table header rows as Typst repeats them on a continuation page (they may fall inside a cell's text)."""


def footer_pattern(hotline: str) -> re.Pattern[str]:
    """The page footer of a sheet of the office with ``hotline`` (flattened), and «Trang X/Y»."""
    phone = re.escape(flat(hotline)).replace("\\ ", "\\s")
    return re.compile(
        r"(?:(?:mã thủ tục \S+|danh mục \d+ thủ tục) · )?phiên bản [0-9a-f]{8} · cập nhật ngày "
        rf"\d\d/\d\d/\d{{4}}(?: · điện thoại hỗ trợ {phone})?|(?:điện thoại hỗ trợ {phone} )?trang \d+/\d+"
    )


def body_text(pdf: FilePath, hotline: str) -> str:
    """The text of every page without its running head and footer, so paragraphs read on across pages.

    In content-stream order (``pdftotext -raw``), where each table cell's lines stay together.
    """
    footer = footer_pattern(hotline)
    pages = []
    for page in range(1, len(PdfReader(pdf).pages) + 1):
        text = pdftotext(pdf, page, raw=True)
        if page > 1:
            assert RUNNING_HEAD.search(text), (pdf, page)
            text = REPEATED_HEADER.sub(" ", text, count=1)
        pages.append(footer.sub(" ", flat(RUNNING_HEAD.sub(" ", text))))
    return " ".join(pages)
