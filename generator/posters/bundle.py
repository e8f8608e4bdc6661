"""Posters, step 4a: combine sheets into one print-ready PDF (pypdf), one bookmark per sheet."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfWriter

from generator.errors import PosterError
from generator.posters.cache import write_atomic


def combine(parts: Sequence[tuple[Path, str]], target: Path, *, title: str, author: str) -> int:
    """Write the PDFs ``parts`` (path, bookmark title) one after another into ``target``.

    Returns the number of pages written. Each sheet keeps its own "Trang X/Y" footers.
    """
    writer = PdfWriter()
    try:
        for path, bookmark in parts:
            writer.append(str(path), outline_item=bookmark, import_outline=False)
    except (OSError, ValueError) as exc:
        raise PosterError(f"không ghép được tệp in {target.name}: {exc}") from exc
    writer.add_metadata({"/Title": title, "/Author": author, "/Producer": "Công Khai (pypdf)"})
    writer.page_mode = "/UseOutlines"
    buffer = io.BytesIO()
    writer.write(buffer)
    write_atomic(target, buffer.getvalue())
    return len(writer.pages)
