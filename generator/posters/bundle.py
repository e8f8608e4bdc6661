"""Posters, step 4a: combine sheets into one print-ready PDF (pikepdf/qpdf), one bookmark per sheet."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pikepdf

from generator.errors import PosterError
from generator.posters.cache import write_atomic


def combine(parts: Sequence[tuple[Path, str]], target: Path, *, title: str, author: str) -> int:
    """Write the PDFs ``parts`` (path, bookmark title) one after another into ``target``.

    Returns the number of pages written. Each sheet keeps its own "Trang X/Y" footers. The sheets
    are copied as they are (never re-rendered); qpdf does it about nine times faster than pypdf.
    """
    combined = pikepdf.Pdf.new()
    sheets: list[pikepdf.Pdf] = []  # open until the combined file is saved (pikepdf copies lazily)
    try:
        with combined.open_outline() as outline:
            for path, bookmark in parts:
                sheets.append(pikepdf.Pdf.open(path))
                outline.root.append(pikepdf.OutlineItem(bookmark, len(combined.pages)))
                combined.pages.extend(sheets[-1].pages)
        combined.docinfo["/Title"] = title
        combined.docinfo["/Author"] = author
        combined.docinfo["/Producer"] = "Công Khai (pikepdf)"
        combined.Root.PageMode = pikepdf.Name.UseOutlines
        buffer = io.BytesIO()
        # streams copied as they are (still compressed): qpdf would otherwise inflate and deflate each
        combined.save(buffer, deterministic_id=True, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    except (OSError, ValueError, pikepdf.PdfError) as exc:
        raise PosterError(f"không ghép được tệp in {target.name}: {exc}") from exc
    finally:
        for sheet in sheets:
            sheet.close()
    write_atomic(target, buffer.getvalue())
    return len(combined.pages)
