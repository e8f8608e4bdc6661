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

SAVED_A_SHEET = 0.035
"""About how much of a sheet's (a column's) height the tight layout frees on each sheet before the
last (half the vertical spacing). A procedure sheet is laid out once more, tight, only when its last
sheet's text could fit in that: it ends within ``SAVED_A_SHEET × columns × (sheets − 1)`` of the
top (:meth:`Renderer.tighter`). On the sample, every sheet the tight layout saved was in that range;
trying more (up to 30 %) cost 27 % more CPU and saved none more (docs/benchmarks.md §3.5c)."""


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
        self.tight_tried = self.tight_kept = 0
        """Tight layouts compiled, and kept (they saved a sheet), by :meth:`tighter` (for the benchmarks)."""

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
        """Render one sheet to PDF, with its page count (a procedure sheet perhaps tight: :meth:`tighter`)."""
        first = self.pdf(poster, stamp)
        pages = page_count(first)
        tight = self.tighter(poster, stamp, pages)
        return tight or Rendered(first, pages)

    def tighter(self, poster: Poster, stamp: Stamp, pages: int, *, part: str = "all") -> Rendered | None:
        """The tight layout of the procedure sheet compiled last, when it saves a sheet, else None.

        Tried only when the last of several sheets holds a short tail (``SAVED_A_SHEET``: the text
        ends near its top; the template reports where, as ``<ck-end>``): half the vertical spacing and the
        legal basis run on, the same type sizes and office box (procedure.typ, ``tight``). Kept only
        when it takes fewer sheets, so a sheet never gets tighter without printing on fewer.
        """
        if not isinstance(poster, ProcedurePoster) or pages < 2 or not self._short_tail(poster, pages):
            return None
        pdf = self.pdf(poster, stamp, part=part, extra={"tight": True})
        fewer = page_count(pdf)
        self.tight_tried += 1
        if fewer >= pages:
            return None
        self.tight_kept += 1
        return Rendered(pdf, fewer)

    def _short_tail(self, poster: ProcedurePoster, pages: int) -> bool:
        ends = self.query("ck-end", poster)
        end = ends[-1] if ends else None
        if not isinstance(end, dict) or not isinstance(end.get("share"), int | float):
            raise PosterError(f"mẫu bảng niêm yết không cho biết chỗ hết nội dung («{poster.url}»)")
        return end.get("page") == pages and end["share"] <= SAVED_A_SHEET * poster.columns * (pages - 1)
