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
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pikepdf

from generator.errors import PosterError
from generator.model.dates import format_date
from generator.posters.data import keep_together, to_data
from generator.posters.plan import Sheet
from generator.posters.render import Rendered, Renderer, page_count
from generator.posters.sheets import ProcedurePoster


@dataclass(frozen=True)
class Body:
    """A compiled body and where its (hidden) office box is: page (from 1), x and y in points."""

    pdf: bytes
    at: dict[str, float | int]


BodyGroup = list[Sheet]
"""One procedure's shared sheets (any offices): one body per office-box height serves them all."""


def group_bodies(sheets: Sequence[Sheet]) -> tuple[list[Sheet], list[BodyGroup]]:
    """The sheets compiled whole (each alone), and the shared sheets by body (one procedure each)."""
    groups: dict[tuple[str, str], list[Sheet]] = {}
    whole: list[Sheet] = []
    for sheet in sheets:
        if not sheet.shared or not isinstance(sheet.poster, ProcedurePoster) or sheet.procedure is None:
            whole.append(sheet)
            continue
        group = groups.setdefault((sheet.procedure, sheet.stamp.updated.isoformat()), [])
        first = group[0].poster if group else sheet.poster
        assert isinstance(first, ProcedurePoster)
        if replace(sheet.poster, office=first.office) != first:
            groups[(sheet.key, "")] = [sheet]  # not the same body (never from plan_sheets): a body of its own
            continue
        group.append(sheet)
    return whole, list(groups.values())


@dataclass(frozen=True)
class Placed:
    """A shared sheet with its compiled body (a file), where its office box goes and its page count."""

    sheet: Sheet
    body: str
    at: dict[str, float | int]
    pages: int


STAMP_CODE = frozenset("0123456789.")
"""The characters of a code that stamps.typ's glyph sample holds (a national code); a stamp whose
code has others (a local code) is compiled alone, so its glyphs cannot reach another sheet."""


def group_stamps(placed: Sequence[Placed], limit: int) -> list[list[Placed]]:
    """The shared sheets in stamp batches: one office's (same office box) together, ``limit`` at most."""
    groups: dict[tuple[str, str], list[Placed]] = {}
    batches: list[list[Placed]] = []
    for item in placed:
        assert isinstance(item.sheet.poster, ProcedurePoster)
        code = item.sheet.poster.code or ""
        if not set(code) <= STAMP_CODE:
            batches.append([item])
            continue
        groups.setdefault((item.sheet.office, repr(item.sheet.poster.office)), []).append(item)
    for group in groups.values():
        batches.extend(group[i : i + limit] for i in range(0, len(group), limit))
    return batches


_HEIGHTS: dict[tuple[str, str, int, str], float] = {}
"""Office-box heights by (theme, paper, body size, office facts): measured once per process."""


def office_height(renderer: Renderer, sheet: Sheet) -> float:
    """The height of the sheet's office box, in points (compiles only the box, once per office)."""
    assert isinstance(sheet.poster, ProcedurePoster)
    key = (renderer.theme.fingerprint, sheet.poster.paper, sheet.poster.body_size, repr(sheet.poster.office))
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
    tight = renderer.tighter(sheet.poster, sheet.stamp, page_count(pdf), part="body")  # as Renderer.render
    if tight is not None:
        pdf, places = tight.pdf, renderer.query("office-part", sheet.poster)
    if len(places) != 1 or not isinstance(places[0], dict):
        raise PosterError(f"mẫu bảng niêm yết không cho biết chỗ của khung cơ quan («{sheet.poster.url}»)")
    return Body(pdf, places[0])


def overlay(base: bytes, top: pikepdf.Pdf, first: int) -> Rendered:
    """Pages ``first``… of ``top`` (from 0, as many as ``base`` has) drawn over ``base``'s, saved as one PDF.

    Each stamp page becomes a form XObject (its content stream copied as it is, still compressed)
    drawn after the body page's content, which is wrapped in q … Q so its graphics state cannot leak.
    """
    try:
        with pikepdf.Pdf.open(io.BytesIO(base)) as doc:
            if first + len(doc.pages) > len(top.pages):
                raise PosterError("khung cơ quan và thân bảng niêm yết khác số trang")
            for n, page in enumerate(doc.pages):
                _draw_over(doc, page.obj, _as_form(doc, top, top.pages[first + n].obj))
            buffer = io.BytesIO()
            doc.save(
                buffer,
                deterministic_id=True,
                stream_decode_level=pikepdf.StreamDecodeLevel.none,
                fix_metadata_version=False,
            )
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


def make_bodies(renderer: Renderer, group: BodyGroup, folder: Path) -> list[Placed]:
    """Compile one procedure's bodies (one per office-box height) into ``folder``; place each sheet."""
    bodies: dict[float, tuple[str, Body, int]] = {}
    placed = []
    for sheet in group:
        height = office_height(renderer, sheet)
        if height not in bodies:
            made = body(renderer, sheet)
            path = folder / f"{sheet.key}-{len(bodies)}.pdf"
            path.write_bytes(made.pdf)
            bodies[height] = (str(path), made, page_count(made.pdf))
        path_, made, pages = bodies[height]
        placed.append(Placed(sheet, path_, made.at, pages))
    return placed


def stamps_data(batch: Sequence[Placed]) -> str:
    """The JSON that stamps.typ reads: the office (from the first sheet) and each sheet's footer and place."""
    stamps: list[dict[str, object]] = []
    page_stamp: list[int] = []
    for n, item in enumerate(batch):
        assert isinstance(item.sheet.poster, ProcedurePoster)
        stamps.append(
            {
                "code": keep_together(to_data(item.sheet.poster.code)),
                "version": item.sheet.stamp.version,
                "updated": format_date(item.sheet.stamp.updated),
                "first": len(page_stamp) + 1,
                "office_at": {**item.at, "pages": item.pages},
            }
        )
        page_stamp.extend([n] * item.pages)
    poster = keep_together(to_data(stamp_poster(batch[0].sheet.poster)))
    data = {"poster": poster, "stamps": stamps, "page_stamp": page_stamp, "logo": None}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def render_stamped(renderer: Renderer, batch: Sequence[Placed]) -> Iterator[tuple[Sheet, Rendered]]:
    """One office's shared sheets: their stamps in one compilation, each drawn over its body."""
    first = batch[0].sheet
    pdf = renderer.compile(
        "stamps.typ", stamps_data(batch), part="stamp", updated=first.stamp.updated, what=first.poster.url
    )
    page = 0
    try:
        with pikepdf.Pdf.open(io.BytesIO(pdf)) as top:
            for item in batch:
                yield item.sheet, overlay(Path(item.body).read_bytes(), top, page)
                page += item.pages
    except pikepdf.PdfError as exc:
        raise PosterError(f"Typst trả về PDF hỏng: {exc}") from exc


def stamp_poster(poster: ProcedurePoster | object) -> ProcedurePoster:
    """The poster as a stamp needs it: only the office box (and the paper) printed from it; the rest
    empty, so the stamps of an office are the same data whichever procedure comes first."""
    assert isinstance(poster, ProcedurePoster)
    return replace(
        poster,
        name="",
        code=None,
        local_code=None,
        steps=(),
        documents=(),
        result=(),
        conditions=(),
        legal_basis=(),
        applicants=(),
        sections={},
    )
