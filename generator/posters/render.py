"""Posters, step 2: one sheet's context → JSON data → Typst template → PDF, plus its QR code.

``Renderer`` holds what is expensive to set up: one Typst compiler per process, with the theme's
fonts loaded once (only the theme's font files: no system fonts, so output is reproducible).
Each sheet is one compilation of its template (``procedure.typ``, ``index.typ``, ``plan_*.typ``)
with the sheet's data in ``sys.inputs``; content is never spliced into Typst markup.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass

import pikepdf

from generator.errors import PosterError
from generator.posters.data import sheet_data
from generator.posters.office_index import IndexPoster
from generator.posters.plan_posters import ConsultationPoster, PlanMapPoster, PlanNoticePoster, PlanPoster
from generator.posters.qr import qr_svg
from generator.posters.sheets import ProcedurePoster
from generator.posters.theme import FONTS, Theme

TEMPLATES: dict[type, str] = {
    ProcedurePoster: "procedure.typ",
    IndexPoster: "index.typ",
    PlanNoticePoster: "plan_notice.typ",
    PlanMapPoster: "plan_map.typ",
    ConsultationPoster: "plan_consultation.typ",
}
Poster = ProcedurePoster | IndexPoster | PlanPoster


@dataclass(frozen=True)
class Stamp:
    """What identifies one printed sheet: its version id and the date its facts last changed."""

    version: str
    updated: dt.date


@dataclass(frozen=True)
class Rendered:
    """A rendered PDF and its page count."""

    pdf: bytes
    pages: int


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF (qpdf: a third of pypdf's time)."""
    try:
        with pikepdf.Pdf.open(io.BytesIO(pdf)) as doc:
            return len(doc.pages)
    except pikepdf.PdfError as exc:
        raise PosterError(f"Typst trả về PDF hỏng: {exc}") from exc


def render_data(poster: Poster, stamp: Stamp, extra: Mapping[str, object] | None = None) -> str:
    """The JSON text the template of ``poster`` reads from ``sys.inputs.data``."""
    return sheet_data(poster, stamp.version, stamp.updated, qr_svg(poster.url), extra)


class Renderer:
    """Turns sheets into PDF bytes; create one per process and reuse it (fonts are loaded once)."""

    def __init__(self, theme: Theme) -> None:
        import typst

        self.theme = theme
        fonts = typst.Fonts(
            include_system_fonts=False,
            include_embedded_fonts=False,
            font_paths=[str(theme.folder / FONTS)],
        )
        self.compiler = typst.Compiler(root=str(theme.folder), font_paths=fonts, ignore_system_fonts=True)

    def pdf(
        self, poster: Poster, stamp: Stamp, *, part: str = "all", extra: Mapping[str, object] | None = None
    ) -> bytes:
        """Compile one sheet; the PDF's creation date is the sheet's own date (reproducible output).

        ``part`` and ``extra`` are for the shared-body path (:mod:`generator.posters.shared`).
        """
        data = render_data(poster, stamp, extra)
        return self.compile(TEMPLATES[type(poster)], data, part=part, updated=stamp.updated, what=poster.url)

    def compile(self, template: str, data: str, *, part: str, updated: dt.date, what: str) -> bytes:
        """Compile ``template`` (a file of the theme) on the JSON ``data``; ``what`` names it in errors."""
        import typst

        created = dt.datetime.combine(updated, dt.time(), tzinfo=dt.UTC)
        inputs = {"data": data, "part": part}
        try:
            result = self.compiler.compile(
                input=str(self.theme.folder / template),
                format="pdf",
                sys_inputs=inputs,
                timestamp=created,
                pdf_tags=False,
            )
        except typst.TypstError as exc:
            raise PosterError(f"không tạo được bảng niêm yết «{what}»: {exc.message}") from exc
        if not isinstance(result, bytes):
            raise PosterError(f"không tạo được bảng niêm yết «{what}»: Typst không trả về PDF")
        return result

    def query(self, label: str, poster: Poster) -> list[object]:
        """The values of the ``metadata`` labelled ``label`` in the document compiled last."""
        import json

        import typst

        try:
            return list(json.loads(self.compiler.query(f"<{label}>", field="value")))
        except typst.TypstError as exc:
            raise PosterError(f"không tạo được bảng niêm yết «{poster.url}»: {exc.message}") from exc

    def render(self, poster: Poster, stamp: Stamp) -> Rendered:
        """Render one sheet to PDF, with its page count."""
        pdf = self.pdf(poster, stamp)
        return Rendered(pdf, page_count(pdf))
