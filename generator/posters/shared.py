"""Posters, step 2b: one procedure's sheets at many offices from one shared body (a province).

The sheets of a procedure differ between offices only in the office box (office, hours, desks,
hotline, feedback block) and the footer (version id, hotline, page X/Y). So the body is compiled
once — with the office box hidden but in its place (``part: "body"``), which reports where it is —
and each office gets a small *stamp* (``part: "stamp"``): its office box at that place and the
footers, on as many pages. The stamp's pages are drawn over the body's (pikepdf, qpdf). The body's
layout depends on the office box only through its height, so offices are grouped by the box's
measured height (``part: "measure"``) and a body is compiled per height. The result prints exactly
what the whole-sheet compile prints (tests/posters/test_shared.py compares text, pages, QR, fonts
and renders); each sheet keeps its own cache key, and its bytes depend only on the sheet.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import pikepdf

from generator.errors import PosterError
from generator.posters.plan import Sheet
from generator.posters.render import Rendered, Renderer, page_count
from generator.posters.sheets import ProcedurePoster


@dataclass(frozen=True)
class Body:
    """A compiled body and where its (hidden) office box is: page (from 1), x and y in points."""

    pdf: bytes
    at: dict[str, float | int]


def group_shared(sheets: Sequence[Sheet], limit: int) -> list[list[Sheet]]:
    """The sheets in tasks: a shared procedure's sheets together (at most ``limit`` a task), others alone."""
    groups: dict[tuple[str, str], list[Sheet]] = {}
    tasks: list[list[Sheet]] = []
    for sheet in sheets:
        if not sheet.shared or not isinstance(sheet.poster, ProcedurePoster) or sheet.procedure is None:
            tasks.append([sheet])
            continue
        group = groups.setdefault((sheet.procedure, sheet.stamp.updated.isoformat()), [])
        first = group[0].poster if group else sheet.poster
        assert isinstance(first, ProcedurePoster)
        if replace(sheet.poster, office=first.office) != first:
            tasks.append([sheet])  # not the same body (never from plan_sheets): a task of its own
            continue
        group.append(sheet)
    for group in groups.values():
        tasks.extend(group[i : i + limit] for i in range(0, len(group), limit))
    return tasks


_HEIGHTS: dict[tuple[str, str, str], float] = {}
"""Office-box heights by (theme, paper, office facts): measured once per process."""


def office_height(renderer: Renderer, sheet: Sheet) -> float:
    """The height of the sheet's office box, in points (compiles only the box, once per office)."""
    assert isinstance(sheet.poster, ProcedurePoster)
    key = (renderer.theme.fingerprint, sheet.poster.paper, repr(sheet.poster.office))
    if key not in _HEIGHTS:
        _HEIGHTS[key] = _measure(renderer, sheet)
    return _HEIGHTS[key]


def _measure(renderer: Renderer, sheet: Sheet) -> float:
    renderer.pdf(stamp_poster(sheet.poster), sheet.stamp, part="measure")
    values = renderer.query("office-height", sheet.poster)
    if len(values) != 1 or not isinstance(values[0], int | float):
        raise PosterError(f"mẫu bảng niêm yết không đo được khung cơ quan («{sheet.poster.url}»)")
    return float(values[0])


def body(renderer: Renderer, sheet: Sheet) -> Body:
    """The sheet without its office box and footer, and where the box goes."""
    pdf = renderer.pdf(sheet.poster, sheet.stamp, part="body")
    places = renderer.query("office-part", sheet.poster)
    if len(places) != 1 or not isinstance(places[0], dict):
        raise PosterError(f"mẫu bảng niêm yết không cho biết chỗ của khung cơ quan («{sheet.poster.url}»)")
    return Body(pdf, places[0])


def overlay(base: bytes, stamp: bytes) -> Rendered:
    """``stamp``'s pages drawn over ``base``'s (same page count), saved as one PDF.

    Each stamp page becomes a form XObject (its content stream copied as it is, still compressed)
    drawn after the body page's content, which is wrapped in q … Q so its graphics state cannot leak.
    """
    try:
        with pikepdf.Pdf.open(io.BytesIO(base)) as doc, pikepdf.Pdf.open(io.BytesIO(stamp)) as top:
            if len(doc.pages) != len(top.pages):
                raise PosterError("khung cơ quan và thân bảng niêm yết khác số trang")
            for page, layer in zip(doc.pages, top.pages, strict=True):
                _draw_over(doc, page.obj, _as_form(doc, top, layer.obj))
            buffer = io.BytesIO()
            doc.save(buffer, deterministic_id=True, stream_decode_level=pikepdf.StreamDecodeLevel.none)
            return Rendered(buffer.getvalue(), len(doc.pages))
    except pikepdf.PdfError as exc:
        raise PosterError(f"không ghép được khung cơ quan vào bảng niêm yết: {exc}") from exc


def _as_form(doc: pikepdf.Pdf, source: pikepdf.Pdf, page: pikepdf.Dictionary) -> pikepdf.Object:
    """A page of ``source`` as a form XObject of ``doc`` (resources copied, content bytes kept)."""
    contents = page.Contents
    if isinstance(contents, pikepdf.Array):
        form = pikepdf.Stream(doc, b"\n".join(part.read_bytes() for part in contents))
    else:
        form = pikepdf.Stream(doc, contents.read_raw_bytes())
        for key in ("/Filter", "/DecodeParms"):
            if key in contents:
                form[key] = doc.copy_foreign(source.make_indirect(contents[key]))
    form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
    form.BBox = pikepdf.Array([float(v) for v in page.MediaBox])
    form.Resources = doc.copy_foreign(source.make_indirect(page.Resources))
    return doc.make_indirect(form)


def _draw_over(doc: pikepdf.Pdf, page: pikepdf.Dictionary, form: pikepdf.Object) -> None:
    if "/XObject" not in page.Resources:
        page.Resources.XObject = pikepdf.Dictionary()
    page.Resources.XObject[STAMP] = form
    old = page.Contents
    parts = list(old) if isinstance(old, pikepdf.Array) else [old]
    before, after = doc.make_stream(b"q\n"), doc.make_stream(f"\nQ q {STAMP} Do Q\n".encode())
    page.Contents = pikepdf.Array([before, *parts, after])


STAMP = "/CkOfficeStamp"
"""The stamp's XObject name on a body page (Typst names its own objects differently)."""


def render_shared(renderer: Renderer, sheets: Sequence[Sheet]) -> Iterator[tuple[Sheet, Rendered]]:
    """Render the sheets of one procedure (same body, any offices): one body per office-box height."""
    bodies: dict[float, tuple[Body, int]] = {}
    for sheet in sheets:
        height = office_height(renderer, sheet)
        if height not in bodies:
            made = body(renderer, sheet)
            bodies[height] = (made, page_count(made.pdf))
        made, pages = bodies[height]
        extra = {"office_at": {**made.at, "pages": pages}}
        top = renderer.pdf(stamp_poster(sheet.poster), sheet.stamp, part="stamp", extra=extra)
        yield sheet, overlay(made.pdf, top)


def stamp_poster(poster: ProcedurePoster | object) -> ProcedurePoster:
    """The poster as the stamp needs it: the long body fields empty (they are not laid out there,
    and evaluating them is most of a stamp's compile); office, title, code and footer kept."""
    assert isinstance(poster, ProcedurePoster)
    return replace(
        poster, steps=(), documents=(), result=(), conditions=(), legal_basis=(), applicants=(), sections={}
    )
